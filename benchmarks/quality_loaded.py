"""Quality of the packaged ``loaded`` lexicon against gold annotations, beside a baseline.

Usage::

    python benchmarks/quality_loaded.py DATA_DIR [--json] [--lexicon PATH]

``DATA_DIR`` (or the environment variable ``FRAMING_EVAL_DIR``) holds the evaluation
corpora; each part is skipped when its folder is absent, and the whole run exits 0 with a
message when there is no data at all. Nothing is downloaded and no corpus text is written.

Measured in one run, for the lexicon (through the matcher ``framing.analyze`` uses:
``framing.text.segment`` then ``framing.loaded.find_loaded_terms``) and for the baseline
"VADER lexicon words with |valence| >= 1.5" (the lexicon file bundled with the
``vaderSentiment`` package, matched as exact lower-cased words by the same matcher):

* **PTC** (``ptc/``, Da San Martino et al. 2019): span-overlap precision, recall and F1
  against gold spans of ``Loaded_Language`` and ``Name_Calling,Labeling``. A gold span is
  found when any predicted span overlaps it; a prediction is right when it overlaps any
  gold span. Also each framing category against the PTC technique it is grounded in.
* **BABE** (``babe/final_labels_SG2.csv``, Spinde et al. 2021): in the sentences labelled
  ``Biased`` that list biased words, the share of those words that a prediction covers
  (recall) and the share of predictions that cover one of them (precision).
* **BASIL** (``basil-dev/``, Fan et al. 2019), when present: span-overlap figures against
  its lexical-bias phrases.

The lexicon is scored twice: with its framing categories only (loaded_language,
name_calling, exaggeration, doubt, fear, conflict, delegitimising), which is the figure to
compare, and with every category, hedges, boosters and factives included.
"""

from __future__ import annotations

import argparse
import ast
import csv
import datetime as dt
import glob
import json
import os
import re
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from importlib import resources
from pathlib import Path

import framing
from framing import Lexicon
from framing.loaded import find_loaded_terms
from framing.text import segment, tokenize

Span = tuple[int, int]
Finder = Callable[[str], list[Span]]

FRAMING_CATEGORIES = (
    "loaded_language",
    "name_calling",
    "exaggeration",
    "doubt",
    "fear",
    "conflict",
    "delegitimising",
)
PTC_GOLD = ("Loaded_Language", "Name_Calling,Labeling")
# each framing category and the PTC technique its definition is grounded in
PTC_TECHNIQUE = {
    "loaded_language": "Loaded_Language",
    "name_calling": "Name_Calling,Labeling",
    "exaggeration": "Exaggeration,Minimisation",
    "doubt": "Doubt",
    "fear": "Appeal_to_fear-prejudice",
}
VADER_THRESHOLD = 1.5


# -- systems ----------------------------------------------------------------------------


class LexiconRun:
    """A lexicon's matches, computed once per text.

    Uses the code path of ``framing.analyze`` for loaded terms (``segment`` then
    ``find_loaded_terms``) without the sources and stance steps, which do not change
    which terms match and would dominate the run time.
    """

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._cache: dict[str, list[tuple[int, int, str]]] = {}

    def matches(self, text: str) -> list[tuple[int, int, str]]:
        if text not in self._cache:
            terms = find_loaded_terms(segment(text), self.lexicon, article_id="bench")
            self._cache[text] = list(
                zip(terms["start"], terms["end"], terms["category"], strict=True)
            )
        return self._cache[text]

    def finder(self, categories: Iterable[str] | None = None) -> Finder:
        """Predicted spans, optionally only those of some categories."""
        wanted = set(categories) if categories is not None else None

        def find(text: str) -> list[Span]:
            return [
                (int(start), int(end))
                for start, end, category in self.matches(text)
                if wanted is None or category in wanted
            ]

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


# -- scoring ----------------------------------------------------------------------------


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def span_scores(docs: Sequence[tuple[str, list[Span]]], find: Finder) -> dict[str, float]:
    """Span-overlap precision, recall and F1 over documents ``(text, gold spans)``."""
    n_pred = n_gold = right = found = 0
    for text, gold in docs:
        pred = find(text)
        n_pred += len(pred)
        n_gold += len(gold)
        right += sum(any(_overlaps(p, g) for g in gold) for p in pred)
        found += sum(any(_overlaps(p, g) for p in pred) for g in gold)
    return _prf(right, n_pred, found, n_gold)


def _prf(right: int, n_pred: int, found: int, n_gold: int) -> dict[str, float]:
    precision = right / n_pred if n_pred else 0.0
    recall = found / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"P": precision, "R": recall, "F1": f1, "n_pred": n_pred, "n_gold": n_gold}


def word_scores(sentences: Sequence[tuple[str, list[str]]], find: Finder) -> dict[str, float]:
    """BABE word-level scores: gold biased words covered, predictions on a gold word."""
    n_pred = n_gold = right = found = unlocated = 0
    for text, words in sentences:
        tokens = [t for t in tokenize(text) if t.key[0].isalnum()]
        keys = [t.key for t in tokens]
        occurrences: list[list[Span]] = []
        for word in words:
            wanted = [t.key for t in tokenize(word) if t.key[0].isalnum()]
            k = len(wanted)
            spans = [
                (tokens[i].start, tokens[i + k - 1].end)
                for i in range(len(keys) - k + 1)
                if k and keys[i : i + k] == wanted
            ]
            if spans:
                occurrences.append(spans)
            else:
                unlocated += 1
        pred = find(text)
        every = [s for spans in occurrences for s in spans]
        n_gold += len(occurrences)
        found += sum(any(_overlaps(p, s) for p in pred for s in spans) for spans in occurrences)
        n_pred += len(pred)
        right += sum(any(_overlaps(p, s) for s in every) for p in pred)
    scores = _prf(right, n_pred, found, n_gold)
    scores["unlocated"] = unlocated
    return scores


# -- corpora ----------------------------------------------------------------------------


def load_ptc(folder: Path, techniques: Iterable[str]) -> list[tuple[str, list[Span]]]:
    wanted = set(techniques)
    docs = []
    for path in sorted(folder.joinpath("articles").glob("article*.txt")):
        article_id = path.stem.removeprefix("article")
        text = path.read_text(encoding="utf-8")
        gold = []
        labels = folder / "labels" / f"article{article_id}.task2-TC.labels"
        if labels.exists():
            for line in labels.read_text(encoding="utf-8").splitlines():
                fields = line.split("\t")
                if len(fields) == 4 and fields[1] in wanted:
                    gold.append((int(fields[2]), int(fields[3])))
        docs.append((text, gold))
    return docs


def load_babe(path: Path) -> list[tuple[str, list[str]]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    sentences = []
    for row in rows:
        if row.get("label_bias") != "Biased":
            continue
        words = ast.literal_eval(row.get("biased_words") or "[]")
        if words:
            sentences.append((row["text"], [str(w) for w in words]))
    return sentences


def load_basil(folder: Path) -> list[tuple[str, list[Span]]]:
    docs = []
    for path in sorted(glob.glob(str(folder / "articles" / "*.json"))):
        article = json.loads(Path(path).read_text(encoding="utf-8"))
        sentences = [s for paragraph in article.get("body-paragraphs", []) for s in paragraph]
        text = "\n".join(sentences)
        starts, offset = [], 0
        for sentence in sentences:
            starts.append(offset)
            offset += len(sentence) + 1
        annotations = Path(path.replace("/articles/", "/annotations/")[:-5] + "_ann.json")
        gold = []
        if annotations.exists():
            phrases = json.loads(annotations.read_text(encoding="utf-8"))
            for phrase in phrases.get("phrase-level-annotations", []):
                if phrase.get("bias") != "lex":
                    continue
                start, end, words = int(phrase["start"]), int(phrase["end"]), phrase["txt"]
                # offsets are relative to a sentence the annotation does not name
                hits = [starts[i] + start for i, s in enumerate(sentences) if s[start:end] == words]
                if not hits and text.find(words) >= 0:
                    hits = [text.find(words)]
                if hits:
                    gold.append((hits[0], hits[0] + len(words)))
        docs.append((text, gold))
    return docs


# -- report -----------------------------------------------------------------------------


def run(data_dir: Path, lexicon: Lexicon) -> dict:
    ours = LexiconRun(lexicon)
    systems = {
        "framing loaded (framing categories)": ours.finder(FRAMING_CATEGORIES),
        "framing loaded (all categories)": ours.finder(),
        f"VADER |valence| >= {VADER_THRESHOLD}": LexiconRun(vader_lexicon()).finder(),
    }
    results: dict = {
        "date": dt.date.today().isoformat(),
        "framing_version": framing.__version__,
        "lexicon": lexicon.describe() | {"n_terms": len(lexicon)},
        "command": "python benchmarks/quality_loaded.py DATA_DIR",
        "ptc": {},
        "ptc_by_category": {},
        "babe": {},
        "basil": {},
    }
    started = time.perf_counter()
    ptc = data_dir / "ptc"
    if ptc.is_dir():
        docs = load_ptc(ptc, PTC_GOLD)
        results["ptc_articles"] = len(docs)
        for name, find in systems.items():
            results["ptc"][name] = span_scores(docs, find)
        for category, technique in PTC_TECHNIQUE.items():
            docs = load_ptc(ptc, [technique])
            scores = span_scores(docs, ours.finder([category]))
            results["ptc_by_category"][category] = {"technique": technique, **scores}
    babe = data_dir / "babe" / "final_labels_SG2.csv"
    if babe.is_file():
        sentences = load_babe(babe)
        results["babe_sentences"] = len(sentences)
        for name, find in systems.items():
            results["babe"][name] = word_scores(sentences, find)
    basil = data_dir / "basil-dev"
    if basil.is_dir():
        docs = load_basil(basil)
        results["basil_articles"] = len(docs)
        for name, find in systems.items():
            results["basil"][name] = span_scores(docs, find)
    results["seconds"] = round(time.perf_counter() - started, 1)
    return results


def markdown(results: dict) -> str:
    lines = [
        f"Loaded-term quality, {results['date']}, framing {results['framing_version']}, "
        f"lexicon {results['lexicon']['name']} {results['lexicon']['version']} "
        f"({results['lexicon']['n_terms']} terms)",
        "",
    ]
    names = list(results["ptc"] or results["babe"] or results["basil"])
    if names:
        width = max(len(n) for n in names)
        header = f"| {'system':<{width}} | PTC P | PTC R | PTC F1 | BABE R | BABE P | BASIL F1 |"
        rule = "|------:|------:|-------:|-------:|-------:|---------:|"
        lines += [header, "|" + "-" * (width + 2) + rule]
        for name in names:
            p = results["ptc"].get(name, {})
            b = results["babe"].get(name, {})
            s = results["basil"].get(name, {})
            lines.append(
                f"| {name:<{width}} | {_f(p, 'P')} | {_f(p, 'R')} |  {_f(p, 'F1')} |  "
                f"{_f(b, 'R')} |  {_f(b, 'P')} |    {_f(s, 'F1')} |"
            )
        lines.append("")
        if results["ptc"]:
            lines.append(
                f"PTC: {results['ptc_articles']} articles, gold = {' + '.join(PTC_GOLD)} spans "
                f"({next(iter(results['ptc'].values()))['n_gold']}), span overlap."
            )
        if results["babe"]:
            first = next(iter(results["babe"].values()))
            lines.append(
                f"BABE: {results['babe_sentences']} sentences labelled Biased, "
                f"{first['n_gold']} biased words located ({first['unlocated']} not found "
                "in their sentence)."
            )
        if results["basil"]:
            lines.append(
                f"BASIL: {results['basil_articles']} articles, lexical-bias phrases "
                f"({next(iter(results['basil'].values()))['n_gold']}), span overlap."
            )
    if results["ptc_by_category"]:
        lines += [
            "",
            "| category | PTC technique | P | R | F1 | matches |",
            "|---|---|--:|--:|--:|--:|",
        ]
        for category, s in results["ptc_by_category"].items():
            lines.append(
                f"| {category} | {s['technique']} | {s['P']:.3f} | {s['R']:.3f} | "
                f"{s['F1']:.3f} | {s['n_pred']} |"
            )
    lines += ["", f"({results['seconds']} s)"]
    return "\n".join(lines)


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
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--lexicon", help="a lexicon CSV to measure instead of the packaged one")
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
    results = run(data_dir, lexicon)
    print(json.dumps(results, indent=2) if args.json else markdown(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
