"""Quality of the packaged ``loaded`` lexicon against gold annotations, beside baselines.

Usage::

    python benchmarks/quality_loaded.py DATA_DIR [--json | --card] [--lexicon PATH] [--before REV]

``DATA_DIR`` (or the environment variable ``FRAMING_EVAL_DIR``) holds the evaluation
corpora; each part is skipped when its folder is absent, and the whole run exits 0 with a
message when there is no data at all. Nothing is downloaded and no corpus text is written.

Every system is matched through the code path of ``framing.analyze`` for loaded terms
(``framing.text.segment``, the gazetteer's mentions, ``framing.loaded.find_loaded_terms``),
without the sources and stance steps, which do not change which terms match:

* **framing** (the figure to compare): rows of ``kind == "loaded"`` with every guard on,
  literal uses left out, as ``loaded_per_1k`` counts them;
* **framing, no guards**: the same lexicon with the guards off;
* **lexicon VERSION (REV)** (with ``--before REV``): the lexicon of git revision REV with
  every guard on, reading REV's ``context_words`` too (the words the guards read), i.e.
  the figure before this version, measured in the same run by today's code; and the same
  with the guards off;
* **markers**: the epistemic markers (``kind == "marker"``) alone, for reference;
* **VADER |valence| >= 1.5**: the baseline, the words of the lexicon bundled with the
  ``vaderSentiment`` package, matched exactly by the same matcher.

Corpora and scoring:

* **PTC** (``ptc/``, Da San Martino et al. 2019): span-overlap precision, recall and F1
  against the gold spans of ``Loaded_Language`` and ``Name_Calling,Labeling`` (a gold span
  is found when a predicted span overlaps it; a prediction is right when it overlaps a
  gold span); also each category against the PTC technique it is grounded in.
* **BABE** (``babe/final_labels_SG2.csv``, Spinde et al. 2021): in the sentences labelled
  ``Biased`` with biased words, the share of those words a prediction covers (recall) and
  the share of predictions on one of them (precision).
* **BASIL** (``basil-dev/``, Fan et al. 2019): span overlap against its lexical-bias
  phrases, scored three ways. *Whole text* counts every match everywhere. But BASIL marks
  lexical bias only where it is aimed at the main entities of an event and marks whether
  a phrase is inside a quotation, so the fair comparison is the **author's voice in the
  annotated sentences**: gold phrases outside quotes, predictions outside quotes, both in
  the sentences (as framing segments them) that hold a gold phrase in the author's voice —
  as BABE is scored on its biased sentences. *Author's voice* alone is printed between.

Then, on PTC and BABE together, what each guard does: the share of the unguarded loaded
rows it removes (``context``, ``names``) or flags (``literal``), the precision of those
rows against the gold beside the precision of all unguarded rows (a guard is right when
what it removes is mostly not gold), and precision by category. ``--card`` prints the
figures as the ``benchmark`` block of the lexicon card (``src/framing/lexicons/loaded.yaml``).
With ``--before REV`` the guard and category tables show REV's figures too.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from importlib import resources
from pathlib import Path
from unittest import mock

import pandas as pd

import framing
from framing import Lexicon
from framing.datasets import read_babe, read_basil, read_ptc
from framing.loaded import find_loaded_terms
from framing.schema import LOADED_GUARDS
from framing.targets import resolve_targets
from framing.text import Document, segment, tokenize

Span = tuple[int, int]
Doc = tuple[str, list[Span]]

PTC_GOLD = ("Loaded_Language", "Name_Calling,Labeling")
# each loaded category and the PTC technique its definition is grounded in
PTC_TECHNIQUE = {
    "loaded_language": "Loaded_Language",
    "name_calling": "Name_Calling,Labeling",
    "exaggeration": "Exaggeration,Minimisation",
    "doubt": "Doubt",
    "fear": "Appeal_to_fear-prejudice",
}
VADER_THRESHOLD = 1.5
FRAMING = "framing"


# -- systems ----------------------------------------------------------------------------


class Matcher:
    """A lexicon's rows on each text, computed once per text and guard setting."""

    def __init__(self, lexicon: Lexicon, context: Lexicon | None = None) -> None:
        self.lexicon = lexicon
        # the words the guards read, when not the packaged ones (another revision's)
        self.context = context
        self._documents: dict[str, tuple[Document, list[Span]]] = {}
        self._rows: dict[tuple[str, tuple[str, ...]], pd.DataFrame] = {}
        self._gazetteer = resolve_targets(None)

    def rows(self, text: str, guards: Sequence[str] = LOADED_GUARDS) -> pd.DataFrame:
        key = (text, tuple(guards))
        if key not in self._rows:
            if text not in self._documents:
                document = segment(text)
                mentions = self._gazetteer.find(document)
                names = list(zip(mentions["start"], mentions["end"], strict=True))
                self._documents[text] = (document, names)
            document, names = self._documents[text]
            with self._context_words():
                terms = find_loaded_terms(
                    document, self.lexicon, article_id="bench", names=names, guards=guards
                )
            self._rows[key] = terms[["start", "end", "category", "kind", "literal", "in_quote"]]
        return self._rows[key]

    def _context_words(self):
        if self.context is None:
            return contextlib.nullcontext()
        return mock.patch("framing.loaded.rows.context_words", lambda: self.context)

    def finder(
        self,
        guards: Sequence[str] = LOADED_GUARDS,
        *,
        kind: str | None = "loaded",
        categories: Iterable[str] | None = None,
        author_only: bool = False,
    ) -> Callable[[str], list[Span]]:
        """Predicted spans: rows of one kind (literal uses left out), optionally only
        some categories or only outside quotations."""
        wanted = set(categories) if categories is not None else None

        def find(text: str) -> list[Span]:
            rows = self.rows(text, guards)
            keep = ~rows["literal"]
            if kind is not None:
                keep &= rows["kind"] == kind
            if wanted is not None:
                keep &= rows["category"].isin(wanted)
            if author_only:
                keep &= ~rows["in_quote"]
            chosen = rows[keep]
            return list(zip(chosen["start"].tolist(), chosen["end"].tolist(), strict=True))

        return find


def vader_lexicon() -> Lexicon:
    """The baseline: VADER's words with |valence| >= 1.5, matched exactly."""
    path = resources.files("vaderSentiment").joinpath("vader_lexicon.txt")
    rows, seen = [], set()
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        word, valence = parts[0].strip().lower(), float(parts[1])
        # words only: VADER also lists emoticons, which the tokeniser splits apart
        strong = abs(valence) >= VADER_THRESHOLD
        if strong and re.fullmatch(r"[a-z][a-z'-]*", word) and word not in seen:
            seen.add(word)
            rows.append({"term": word, "category": "vader", "match": "exact"})
    return Lexicon.from_dict(rows, name="vader-strong", version="vaderSentiment")


def lexicon_at(revision: str, name: str = "loaded") -> Lexicon:
    """A packaged lexicon (table and card) as it was at a git revision."""
    root = Path(__file__).resolve().parents[1]
    with tempfile.TemporaryDirectory() as folder:
        for suffix in (".csv", ".yaml"):
            text = subprocess.run(
                ["git", "show", f"{revision}:src/framing/lexicons/{name}{suffix}"],
                cwd=root,
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            Path(folder, f"{name}{suffix}").write_text(text, encoding="utf-8")
        return Lexicon.from_csv(Path(folder, f"{name}.csv"))


# -- scoring ----------------------------------------------------------------------------


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _prf(right: int, n_pred: int, found: int, n_gold: int) -> dict[str, float]:
    precision = right / n_pred if n_pred else 0.0
    recall = found / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"P": precision, "R": recall, "F1": f1, "n_pred": n_pred, "n_gold": n_gold}


def span_scores(docs: Sequence[Doc], find: Callable[[str], list[Span]]) -> dict[str, float]:
    """Span-overlap precision, recall and F1 over documents ``(text, gold spans)``."""
    n_pred = n_gold = right = found = 0
    for text, gold in docs:
        pred = find(text)
        n_pred += len(pred)
        n_gold += len(gold)
        right += sum(any(_overlaps(p, g) for g in gold) for p in pred)
        found += sum(any(_overlaps(p, g) for p in pred) for g in gold)
    return _prf(right, n_pred, found, n_gold)


def precision_of(docs: Sequence[Doc], spans: Callable[[str], list[Span]]) -> dict[str, float]:
    """How many spans there are and the share of them overlapping a gold span."""
    n = right = 0
    for text, gold in docs:
        pred = spans(text)
        n += len(pred)
        right += sum(any(_overlaps(p, g) for g in gold) for p in pred)
    return {"n": n, "P": right / n if n else 0.0}


class Babe:
    """BABE's biased sentences: each biased word's occurrences in its sentence."""

    def __init__(self, path: Path) -> None:
        table = read_babe(path)
        table = table[(table["label_bias"] == "Biased") & (table["biased_words"].str.len() > 0)]
        self.sentences: list[tuple[str, list[list[Span]]]] = []
        self.unlocated = 0
        for text, words in zip(table["text"], table["biased_words"], strict=True):
            occurrences = [self._locate(text, word) for word in words]
            self.unlocated += sum(1 for spans in occurrences if not spans)
            self.sentences.append((text, [spans for spans in occurrences if spans]))
        # (text, every occurrence of a biased word): for precision
        self.docs: list[Doc] = [(t, [s for spans in o for s in spans]) for t, o in self.sentences]

    @staticmethod
    def _locate(text: str, word: str) -> list[Span]:
        tokens = [t for t in tokenize(text) if t.key[0].isalnum()]
        keys = [t.key for t in tokens]
        wanted = [t.key for t in tokenize(word) if t.key[0].isalnum()]
        k = len(wanted)
        return [
            (tokens[i].start, tokens[i + k - 1].end)
            for i in range(len(keys) - k + 1)
            if k and keys[i : i + k] == wanted
        ]

    def scores(self, find: Callable[[str], list[Span]]) -> dict[str, float]:
        """Recall: biased words covered; precision: predictions on a biased word."""
        n_pred = n_gold = right = found = 0
        for (text, occurrences), (_, every) in zip(self.sentences, self.docs, strict=True):
            pred = find(text)
            n_gold += len(occurrences)
            found += sum(any(_overlaps(p, s) for p in pred for s in o) for o in occurrences)
            n_pred += len(pred)
            right += sum(any(_overlaps(p, s) for s in every) for p in pred)
        return _prf(right, n_pred, found, n_gold) | {"unlocated": self.unlocated}


class Basil:
    """BASIL's lexical-bias phrases, for the three scorings of the module docstring."""

    def __init__(self, folder: Path) -> None:
        self.articles = []
        for item in read_basil(folder):
            lexical = item.phrases[item.phrases["bias"] == "lex"]
            gold = list(zip(lexical["start"], lexical["end"], strict=True))
            author = lexical[~lexical["quote"].astype(bool)]
            author_gold = list(zip(author["start"], author["end"], strict=True))
            text = item.article.text
            sentences = [
                (s.start, s.end)
                for s in segment(text).sentences
                if any(s.start <= start < s.end for start, _ in author_gold)
            ]
            self.articles.append((text, gold, author_gold, sentences))

    def scores(
        self, find_all: Callable[[str], list[Span]], find_author: Callable[[str], list[Span]]
    ) -> dict[str, dict]:
        """Whole text; author's voice; author's voice in the annotated sentences."""
        sentences = {text: spans for text, _, _, spans in self.articles}

        def in_sentences(text: str) -> list[Span]:
            return [p for p in find_author(text) if any(s <= p[0] < e for s, e in sentences[text])]

        author_docs = [(text, author) for text, _, author, _ in self.articles]
        return {
            "whole_text": span_scores([(t, g) for t, g, _, _ in self.articles], find_all),
            "author": span_scores(author_docs, find_author),
            "author_annotated": span_scores(author_docs, in_sentences),
        }


def load_ptc(folder: Path, techniques: Iterable[str]) -> list[Doc]:
    wanted = set(techniques)
    docs = []
    for article, spans in read_ptc(folder):
        chosen = spans[spans["technique"].isin(wanted)]
        docs.append((article.text, list(zip(chosen["start"], chosen["end"], strict=True))))
    return docs


# -- the run ----------------------------------------------------------------------------


def run(data_dir: Path, lexicon: Lexicon, before: str | None = None) -> dict:
    ours = Matcher(lexicon)
    vader = Matcher(vader_lexicon())
    systems = {
        FRAMING: (ours, LOADED_GUARDS, "loaded"),
        "framing, no guards": (ours, (), "loaded"),
    }
    earlier = None
    if before:
        lexicon_before = lexicon_at(before)
        earlier = Matcher(lexicon_before, lexicon_at(before, "context_words"))
        label = f"lexicon {lexicon_before.version} ({before})"
        systems[label] = (earlier, LOADED_GUARDS, "loaded")
        systems[f"{label}, no guards"] = (earlier, (), "loaded")
    systems["markers (kind == marker)"] = (ours, LOADED_GUARDS, "marker")
    systems[f"VADER |valence| >= {VADER_THRESHOLD}"] = (vader, (), None)
    results: dict = {
        "date": dt.date.today().isoformat(),
        "framing_version": framing.__version__,
        "lexicon": lexicon.describe() | {"n_terms": len(lexicon)},
        "command": "python benchmarks/quality_loaded.py DATA_DIR"
        + (f" --before {before}" if before else ""),
        "ptc": {},
        "ptc_by_technique": {},
        "babe": {},
        "basil": {},
        "guards": {},
        "by_category": {},
        "before": (
            {"revision": before, "ptc_by_technique": {}, "guards": {}, "by_category": {}}
            if before
            else None
        ),
    }
    started = time.perf_counter()
    corpora: dict[str, list[Doc]] = {}
    ptc = data_dir / "ptc"
    if ptc.is_dir():
        docs = corpora["PTC"] = load_ptc(ptc, PTC_GOLD)
        results["ptc_articles"] = len(docs)
        for name, (matcher, guards, kind) in systems.items():
            results["ptc"][name] = span_scores(docs, matcher.finder(guards, kind=kind))
        for category, technique in PTC_TECHNIQUE.items():
            gold = load_ptc(ptc, [technique])
            scores = span_scores(gold, ours.finder(categories=[category]))
            results["ptc_by_technique"][category] = {"technique": technique, **scores}
            if earlier is not None:
                scores = span_scores(gold, earlier.finder(categories=[category]))
                results["before"]["ptc_by_technique"][category] = {
                    "technique": technique,
                    **scores,
                }
    babe_path = data_dir / "babe" / "final_labels_SG2.csv"
    if babe_path.is_file():
        babe = Babe(babe_path)
        corpora["BABE"] = babe.docs
        results["babe_sentences"] = len(babe.sentences)
        for name, (matcher, guards, kind) in systems.items():
            results["babe"][name] = babe.scores(matcher.finder(guards, kind=kind))
    basil_dir = data_dir / "basil-dev"
    if basil_dir.is_dir():
        basil = Basil(basil_dir)
        results["basil_articles"] = len(basil.articles)
        for name, (matcher, guards, kind) in systems.items():
            results["basil"][name] = basil.scores(
                matcher.finder(guards, kind=kind),
                matcher.finder(guards, kind=kind, author_only=True),
            )
    for corpus, docs in corpora.items():
        results["guards"][corpus] = guard_effects(ours, docs)
        results["by_category"][corpus] = category_precision(ours, lexicon, docs)
        if earlier is not None:
            results["before"]["guards"][corpus] = guard_effects(earlier, docs)
            results["before"]["by_category"][corpus] = category_precision(
                earlier, earlier.lexicon, docs
            )
    results["seconds"] = round(time.perf_counter() - started, 1)
    return results


def guard_effects(matcher: Matcher, docs: Sequence[Doc]) -> dict[str, dict]:
    """What each guard does to the unguarded loaded rows, and how right those rows were."""

    def loaded(text: str, guards: Sequence[str]) -> pd.DataFrame:
        rows = matcher.rows(text, guards)
        return rows[rows["kind"] == "loaded"]

    def spans(rows: pd.DataFrame) -> list[Span]:
        return list(zip(rows["start"].tolist(), rows["end"].tolist(), strict=True))

    def removed_by(guard: str) -> Callable[[str], list[Span]]:
        def find(text: str) -> list[Span]:
            kept = set(spans(loaded(text, (guard,))))
            return [s for s in spans(loaded(text, ())) if s not in kept]

        return find

    def flagged(text: str) -> list[Span]:
        rows = loaded(text, ("literal",))
        return spans(rows[rows["literal"]])

    def counted(guards: Sequence[str]) -> Callable[[str], list[Span]]:
        def find(text: str) -> list[Span]:
            rows = loaded(text, guards)
            return spans(rows[~rows["literal"]])

        return find

    unguarded = precision_of(docs, counted(()))
    effects = {"unguarded rows": unguarded | {"P_after": unguarded["P"]}}
    for guard in ("context", "names"):
        effects[f"{guard}: removed"] = precision_of(docs, removed_by(guard))
    effects["literal: flagged"] = precision_of(docs, flagged)
    for guard, key in zip(LOADED_GUARDS, list(effects)[1:], strict=True):
        # precision of the counted rows with this guard alone
        effects[key]["P_after"] = precision_of(docs, counted((guard,)))["P"]
    effects["all guards"] = precision_of(docs, counted(LOADED_GUARDS))
    effects["all guards"]["P_after"] = effects["all guards"]["P"]
    for scores in effects.values():
        scores["share"] = scores["n"] / unguarded["n"] if unguarded["n"] else 0.0
    return effects


def category_precision(matcher: Matcher, lexicon: Lexicon, docs: Sequence[Doc]) -> dict:
    """Precision of each loaded category's counted rows, with and without the guards."""
    table = {}
    for category, kind in lexicon.kinds.items():
        if kind != "loaded":
            continue
        table[category] = {
            "guarded": precision_of(docs, matcher.finder(categories=[category])),
            "unguarded": precision_of(docs, matcher.finder((), categories=[category])),
        }
    return table


# -- report -----------------------------------------------------------------------------


def markdown(results: dict) -> str:
    lexicon = results["lexicon"]
    out = io.StringIO()
    print(
        f"Loaded-term quality, {results['date']}, framing {results['framing_version']}, "
        f"lexicon {lexicon['name']} {lexicon['version']} ({lexicon['n_terms']} terms)\n",
        file=out,
    )
    names = list(results["ptc"] or results["babe"] or results["basil"])
    if names:
        width = max(len(n) for n in names)
        print(
            f"| {'system':<{width}} | PTC P | PTC R | PTC F1 | BABE R | BABE P | BASIL F1 "
            "whole | author | **author, annotated sentences** |",
            file=out,
        )
        print("|" + "-" * (width + 2) + "|" + "------:|" * 8, file=out)
        for name in names:
            p = results["ptc"].get(name, {})
            b = results["babe"].get(name, {})
            s = results["basil"].get(name, {})
            basil = [_f(s.get(k, {}), "F1") for k in ("whole_text", "author", "author_annotated")]
            print(
                f"| {name:<{width}} | {_f(p, 'P')} | {_f(p, 'R')} | {_f(p, 'F1')} | "
                f"{_f(b, 'R')} | {_f(b, 'P')} | {' | '.join(basil)} |",
                file=out,
            )
        print(file=out)
    if results["ptc"]:
        n_gold = next(iter(results["ptc"].values()))["n_gold"]
        print(
            f"PTC: {results['ptc_articles']} articles, gold = {' + '.join(PTC_GOLD)} spans "
            f"({n_gold}), span overlap.",
            file=out,
        )
    if results["babe"]:
        first = next(iter(results["babe"].values()))
        print(
            f"BABE: {results['babe_sentences']} sentences labelled Biased, {first['n_gold']} "
            f"biased words located ({first['unlocated']} not found in their sentence).",
            file=out,
        )
    if results["basil"]:
        first = next(iter(results["basil"].values()))
        print(
            f"BASIL: {results['basil_articles']} articles, lexical-bias phrases "
            f"({first['whole_text']['n_gold']}; {first['author']['n_gold']} in the author's "
            "voice), span overlap.",
            file=out,
        )
    if results["guards"]:
        corpora = list(results["guards"])
        print(
            "\nWhat each guard does to the unguarded loaded rows: rows removed or flagged, their "
            "share, their precision (P), and the precision of the counted rows with that guard "
            "alone (P after)\n",
            file=out,
        )
        print(
            "| guard | "
            + " | ".join(f"{c} rows | {c} share | {c} P | {c} P after" for c in corpora)
            + " |",
            file=out,
        )
        print("|---|" + "--:|--:|--:|--:|" * len(corpora), file=out)
        for guard in results["guards"][corpora[0]]:
            for label, table in _now_and_before(results, "guards", guard):
                cells = []
                for corpus in corpora:
                    g = table[corpus][guard]
                    cells.append(f"{g['n']} | {g['share']:.1%} | {g['P']:.3f} | {g['P_after']:.3f}")
                print(f"| {label} | " + " | ".join(cells) + " |", file=out)
    if results["by_category"]:
        corpora = list(results["by_category"])
        print("\nPrecision by category (loaded rows; guarded, and unguarded)\n", file=out)
        header = " | ".join(f"{c} rows | {c} P | {c} P unguarded" for c in corpora)
        print(f"| category | {header} |", file=out)
        print("|---|" + "--:|--:|--:|" * len(corpora), file=out)
        for category in results["by_category"][corpora[0]]:
            for label, table in _now_and_before(results, "by_category", category):
                cells = []
                for corpus in corpora:
                    c = table[corpus].get(category)
                    cells.append(
                        f"{c['guarded']['n']} | {c['guarded']['P']:.3f} | {c['unguarded']['P']:.3f}"
                        if c
                        else " - | - | - "
                    )
                print(f"| {label} | " + " | ".join(cells) + " |", file=out)
    if results["ptc_by_technique"]:
        print(
            "\n| category | PTC technique | P | R | F1 | matches |\n|---|---|--:|--:|--:|--:|",
            file=out,
        )
        for category, s in results["ptc_by_technique"].items():
            for label, table in _now_and_before(results, "ptc_by_technique", category):
                s = table[category]
                print(
                    f"| {label} | {s['technique']} | {s['P']:.3f} | {s['R']:.3f} | "
                    f"{s['F1']:.3f} | {s['n_pred']} |",
                    file=out,
                )
    print(f"\n({results['seconds']} s)", file=out)
    return out.getvalue().rstrip("\n")


def _now_and_before(results: dict, part: str, row: str) -> list[tuple[str, dict]]:
    """A table's row label and table for this version, then for ``--before``'s revision."""
    rows = [(row, results[part])]
    before = results.get("before")
    if before and before.get(part):
        rows.append((f"{row} ({before['revision']})", before[part]))
    return rows


# the card's names of the systems of run(), and what they are
CARD_SYSTEMS = {
    FRAMING: "framing",
    "framing, no guards": "no_guards",
    "markers (kind == marker)": "markers",
    f"VADER |valence| >= {VADER_THRESHOLD}": "vader_baseline",
}
CARD_TEXT = {
    "data_dir": "the evaluation folder holding ptc/, babe/ and basil-dev/ ($FRAMING_EVAL_DIR)",
    "framing": "rows of kind loaded, every guard on, literal uses left out (the figure)",
    "no_guards": "the same lexicon with the guards off",
    "lexicon_VERSION": (
        "the lexicon before this version (--before REV) with its context words, every guard "
        "on; lexicon_VERSION_no_guards: the same with the guards off"
    ),
    "markers": "the epistemic markers (kind marker) alone",
    "vader_baseline": (
        "words of the vaderSentiment package's bundled vader_lexicon.txt with "
        "|valence| >= 1.5, matched exactly by the same matcher"
    ),
    "ptc": (
        "Propaganda Techniques Corpus (Da San Martino et al. 2019), {n} training articles; "
        "gold = Loaded_Language + Name_Calling,Labeling spans; span-overlap P/R/F1"
    ),
    "babe": (
        "BABE SG2 (Spinde et al. 2021), {n} sentences labelled Biased with biased words; "
        "R = share of biased words covered by a match, P = share of matches on a biased word"
    ),
    "basil": (
        "BASIL dev (Fan et al. 2019), {n} articles; gold = lexical-bias phrases in the "
        "author's voice; predictions outside quotations, in the sentences that hold such a "
        "phrase; span-overlap P/R/F1 (the benchmark's docstring says why)"
    ),
    "caveat": (
        "The terms were curated from general linguistic judgement, not mined from these "
        "gold spans; PTC annotates only some loaded words per article, so precision is a "
        "lower bound, and figures on held-out corpora will differ."
    ),
}


def card_block(results: dict) -> str:
    """The figures of a run as the ``benchmark`` block of the lexicon card (YAML)."""
    import yaml

    def name(system: str) -> str:
        version = system.removeprefix("lexicon ").split(" ")[0]
        suffix = "_no_guards" if system.endswith(", no guards") else ""
        return CARD_SYSTEMS.get(system, f"lexicon_{version.replace('.', '_')}{suffix}")

    def rounded(scores: dict) -> dict:
        keep = ("P", "R", "F1", "n_pred", "n_gold", "n", "share", "P_after")
        return {
            k: round(v, 3) if isinstance(v, float) else v for k, v in scores.items() if k in keep
        }

    def corpus(key: str, n: int | None, table: dict, pick=lambda v: v) -> dict:
        return {"data": CARD_TEXT[key].format(n=n)} | {
            name(system): rounded(pick(scores)) for system, scores in table.items()
        }

    categories = {
        where: {
            c: {"rows": v["guarded"]["n"]}
            | {"P": round(v["guarded"]["P"], 3), "P_unguarded": round(v["unguarded"]["P"], 3)}
            for c, v in table.items()
        }
        for where, table in results["by_category"].items()
    }
    block: dict = {
        "command": results["command"],
        "data_dir": CARD_TEXT["data_dir"],
        "date": results["date"],
        "framing_version": results["framing_version"],
        "n_terms": results["lexicon"]["n_terms"],
        "systems": {k: CARD_TEXT[k] for k in ("framing", "no_guards", "lexicon_VERSION", "markers")}
        | {"vader_baseline": CARD_TEXT["vader_baseline"]},
        "ptc": corpus("ptc", results.get("ptc_articles"), results["ptc"]),
        "babe": corpus("babe", results.get("babe_sentences"), results["babe"]),
        "basil": corpus(
            "basil",
            results.get("basil_articles"),
            results["basil"],
            lambda v: v["author_annotated"],
        ),
        "basil_whole_text": {
            name(k): rounded(v["whole_text"]) for k, v in results["basil"].items()
        },
        "guards": {
            where: {guard: rounded(g) for guard, g in table.items()}
            for where, table in results["guards"].items()
        },
        "precision_by_category": categories,
        "ptc_by_category": {"note": "each category against the PTC technique it is grounded in"}
        | {
            c: {"technique": v["technique"]} | rounded(v)
            for c, v in results["ptc_by_technique"].items()
        },
        "caveat": CARD_TEXT["caveat"],
    }
    return yaml.safe_dump({"benchmark": block}, sort_keys=False, width=92, allow_unicode=True)


def _f(scores: dict, key: str) -> str:
    return f"{scores[key]:.3f}" if key in scores else "  -  "


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "data_dir",
        nargs="?",
        default=os.environ.get("FRAMING_EVAL_DIR"),
        help="folder with ptc/, babe/ (and basil-dev/); default $FRAMING_EVAL_DIR",
    )
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print the results as JSON")
    output.add_argument("--card", action="store_true", help="print the lexicon card's block")
    parser.add_argument("--lexicon", help="a lexicon CSV to measure instead of the packaged one")
    parser.add_argument(
        "--before", help="a git revision whose lexicon to measure too (guards off), e.g. main"
    )
    args = parser.parse_args(argv)
    if not args.data_dir or not Path(args.data_dir).is_dir():
        print(
            "quality_loaded: no evaluation data (pass DATA_DIR or set FRAMING_EVAL_DIR); skipped."
        )
        return 0
    data_dir = Path(args.data_dir)
    if not any((data_dir / part).exists() for part in ("ptc", "babe", "basil-dev")):
        print(f"quality_loaded: {data_dir} has none of ptc/, babe/, basil-dev/; skipped.")
        return 0
    lexicon = Lexicon.from_csv(args.lexicon) if args.lexicon else Lexicon.load("loaded")
    results = run(data_dir, lexicon, args.before)
    if args.card:
        print(card_block(results), end="")
    else:
        print(json.dumps(results, indent=2) if args.json else markdown(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
