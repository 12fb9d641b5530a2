"""Literal use: words of conflict, fear and exaggeration in a plain report of events.

"Gunmen stormed the hotel, killing twelve" reports an attack; "the campaign stormed the
debate" frames one. A term is flagged ``literal`` when its sentence also holds a word that
signals a report of events in one of the term's *domains* (the packaged
``context_words`` lexicon), or when the passage around it does: at least
``PASSAGE_SENTENCES`` of the ``PASSAGE`` sentences either side hold one. A report runs
over several sentences ("Gunmen attacked the village, killing 30. Survivors described
chaos and terror. Troops were sent in."), while one neighbouring mention ("parents of
children killed by ...") is often the ground of comment, not its subject. The domains:

- ``violence``: victims and casualties, shootings, specific arms and armed attackers
  ("killed", "wounded", "mass shooting", "hostages", "grenade", "knife", "missile",
  "gunmen", "attacker"); weapons in general ("weapons", "arms", "guns") are policy talk
  and do not count;
- ``disaster``: fires, floods, storms, outbreaks of disease and their aftermath
  ("wildfire", "evacuated", "outbreak", "epidemic"): "a deadly outbreak" reports one;
- ``legal``: charges, pleas and verdicts ("charged with", "pleaded", "plea deal",
  "arraigned", "convicted"), where "fraud" names the offence and "falsely" and
  "recklessly" are the words of the charge;
- ``record``: a real first or record ("first", "record");
- ``sport``: sports reports ("match", "season", "striker"), where "a crushing defeat"
  and "the clash with Leeds" are the ordinary idiom of the domain, not militarised
  framing (precision of the lexicon falls sharply on sports pages).

Only entries with a literal sense are checked: their ``literal`` condition (in the
lexicon's ``context`` column) names their domains. The signal word must be another word
than the match itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

__all__ = ["PASSAGE", "PASSAGE_SENTENCES", "literal_flags"]

#: How many sentences either side of a match make its passage.
PASSAGE = 2
#: How many sentences of the passage must hold a signal word of a domain for the match
#: to be a literal use there when its own sentence holds none.
PASSAGE_SENTENCES = 2


def literal_flags(
    matches: Sequence[tuple[int, int, int, tuple[str, ...]]],
    cues: Iterable[tuple[int, int, int, str]],
) -> list[bool]:
    """Whether each match is a literal use.

    Parameters
    ----------
    matches : sequence of (sentence_id, first, last, domains)
        Each match's sentence, token range (inclusive) and the domains in which its term
        is literal (empty: never).
    cues : iterable of (sentence_id, first, last, domain)
        The signal words found in the text, with the domain each signals.

    Returns
    -------
    list of bool
    """
    by_sentence: dict[tuple[int, str], list[tuple[int, int]]] = {}
    for sentence, first, last, domain in cues:
        by_sentence.setdefault((sentence, domain), []).append((first, last))

    def in_sentence(sentence: int, first: int, last: int, domain: str) -> bool:
        return any(
            first > cue_last or last < cue_first
            for cue_first, cue_last in by_sentence.get((sentence, domain), ())
        )

    def in_passage(sentence: int, domain: str) -> bool:
        around = [s for s in range(sentence - PASSAGE, sentence + PASSAGE + 1) if s != sentence]
        return sum((s, domain) in by_sentence for s in around) >= PASSAGE_SENTENCES

    return [
        any(
            in_sentence(sentence, first, last, domain) or in_passage(sentence, domain)
            for domain in domains
        )
        for sentence, first, last, domains in matches
    ]
