"""Affiliation of speakers: the target (country, organisation) a speaker speaks for.

:func:`affiliation_lookup` turns what a caller passed to
:func:`framing.sources.find_sources` into a function ``name_or_role -> target or None``
(by default the packaged gazetteer of :mod:`framing.targets`); :class:`Affiliations`
asks it once per name and tries a speaker's role with their name, then each alone.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any

from framing.targets import resolve_targets

if TYPE_CHECKING:
    from framing.sources.coreference import Speaker

__all__ = ["Affiliations", "affiliation_lookup"]


def affiliation_lookup(affiliation: Any = None) -> Callable[[str], str | None]:
    """A function ``name_or_role -> target or None`` from what the caller passed.

    ``None`` uses the packaged gazetteer of :mod:`framing.targets`; ``False`` turns
    affiliation off; a callable is used as it is; an object with an ``affiliation`` method
    (a gazetteer) lends that method.
    """
    if affiliation is False:
        return _no_affiliation
    if callable(affiliation):
        return affiliation
    if affiliation is not None and hasattr(affiliation, "affiliation"):
        return affiliation.affiliation
    return _default_affiliation()


def _no_affiliation(name: str) -> str | None:
    return None


@cache
def _default_affiliation() -> Callable[[str], str | None]:
    return resolve_targets(None).affiliation


class Affiliations:
    """A lookup's answers for one document, asked once per name.

    Parameters
    ----------
    lookup : callable
        ``name_or_role -> target or None``, as from :func:`affiliation_lookup`.
    """

    def __init__(self, lookup: Callable[[str], str | None]) -> None:
        self.lookup = lookup
        self._known: dict[str, str | None] = {}

    def of(self, speaker: Speaker | None) -> str | None:
        """The target ``speaker`` speaks for: by role and name, by name, then by role."""
        if speaker is None or not speaker.name:
            return None
        for name in (f"{speaker.role} {speaker.name}".strip(), speaker.name, speaker.role):
            target = self._target(name) if name else None
            if target is not None:
                return target
        return None

    def is_place(self, name: str) -> bool:
        """Whether ``name`` is itself a target (a country or place: its government speaks)."""
        return self._target(name) == name

    def _target(self, name: str) -> str | None:
        if name not in self._known:
            self._known[name] = self.lookup(name)
        return self._known[name]
