"""Stance targets: the gazetteer of countries, leaders and organisations, and their mentions.

:class:`Gazetteer` holds targets and their aliases with a card (the packaged one, or one
built from a list of names or a mapping); :meth:`Gazetteer.find` lists their mentions in a
document; :func:`resolve_targets` turns what a user passes as ``targets=`` into one.
"""

from __future__ import annotations

from framing.targets.gazetteer import Gazetteer, resolve_targets
from framing.targets.mentions import Mention, nearest_full_name

__all__ = ["Gazetteer", "Mention", "nearest_full_name", "resolve_targets"]
