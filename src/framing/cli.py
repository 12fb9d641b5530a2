"""The ``framing`` command: reports and tables from the command line.

    framing report [PATH ...] [--out DIR] [--lexicon LEXICON]
    framing analyze PATH ... [--out FILE.csv|FILE.parquet] [--table NAME] [--lexicon LEXICON]
    framing lexicon [NAME]

Errors in what the user passed (a missing file, an undecodable article, a malformed
lexicon) are reported as one sentence on stderr, without a traceback.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

import framing
from framing.analysis import Analysis, resolve_lexicon
from framing.article import slugify
from framing.errors import ReadError
from framing.io import atomic_path
from framing.lexicon import Lexicon

log = logging.getLogger("framing")

DEFAULT_ARTICLE = Path("data/articles/lavrov-military-diplomacy.txt")
SINGLE_ARTICLE_SUFFIXES = {".txt", ".md", ".html", ".htm"}
TABLES = ("articles", "loaded_terms", "sources", "stance", "stance_evidence", "errors")


class UsageError(Exception):
    """A problem with what the user asked for, reported without a traceback."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 1 some articles failed, 2 error)."""
    parser = _parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING, format="%(message)s"
    )
    try:
        return args.run(args)
    except (UsageError, ValueError, OSError) as error:
        # ReadError and LexiconError are ValueErrors whose messages name the file and fix.
        print(f"framing: error: {error}", file=sys.stderr)
        return 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="framing",
        description="Measure how news and opinion articles frame their subject.",
    )
    parser.add_argument("--version", action="version", version=f"framing {framing.__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    report = commands.add_parser(
        "report",
        help="write an HTML report per article",
        description="Write reports/<slug>/index.html (with figures and CSV tables) per article. "
        f"With no PATH, the seed article {DEFAULT_ARTICLE}.",
    )
    report.add_argument("paths", nargs="*", metavar="PATH", help="article files, folders or globs")
    report.add_argument(
        "--corpus",
        metavar="SOURCE",
        help="a corpus (folder, glob, .jsonl/.csv/.parquet): one report comparing its groups, "
        "linking to a report per article, in DIR/<source name>/",
    )
    report.add_argument("--by", default="outlet", help="the column to compare by (with --corpus)")
    report.add_argument(
        "--out", type=Path, default=Path("reports"), help="parent folder of the reports"
    )
    _add_lexicon_option(report)
    report.set_defaults(run=_run_report)

    analyze = commands.add_parser(
        "analyze",
        help="write the analysis tables for scripting",
        description="Analyse articles and write their tables. With --out FILE.csv (or .parquet) "
        "every table goes beside it as FILE.<table>.csv; with --table, only that table, to FILE. "
        "Without --out, the articles table (one row per article: its metadata and summary "
        "figures) is printed as CSV.",
    )
    analyze.add_argument("paths", nargs="+", metavar="PATH", help="article files, folders or globs")
    analyze.add_argument("--out", type=Path, help="FILE.csv or FILE.parquet")
    analyze.add_argument("--table", choices=TABLES, help="write only this table")
    _add_lexicon_option(analyze)
    analyze.set_defaults(run=_run_analyze)

    lexicon = commands.add_parser("lexicon", help="describe a lexicon and its categories")
    lexicon.add_argument("name", nargs="?", default="loaded", help="packaged name or file path")
    lexicon.set_defaults(run=_run_lexicon)
    return parser


def _add_lexicon_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lexicon",
        default=None,
        help="packaged lexicon name or a CSV/YAML lexicon file (default: the packaged 'loaded')",
    )


def _run_report(args: argparse.Namespace) -> int:
    if args.corpus:
        return _run_corpus_report(args)
    lexicon = resolve_lexicon(args.lexicon)
    results, skipped = _analyses(args.paths or [_default_article()], lexicon)
    for result in results:
        print(framing.write_report(result, args.out / result.article.slug))
    return 1 if skipped else 0


def _run_corpus_report(args: argparse.Namespace) -> int:
    from framing.report import write_corpus_report

    if args.paths:
        raise UsageError("pass either article paths or --corpus, not both.")
    lexicon = resolve_lexicon(args.lexicon)
    corpus = _corpus(args.corpus, lexicon)
    name = slugify(Path(args.corpus).stem) or "corpus"
    print(write_corpus_report(corpus, args.out / name, by=args.by, source=args.corpus,
                              lexicon=lexicon))  # fmt: skip
    return 1 if len(corpus.errors) else 0


def _run_analyze(args: argparse.Namespace) -> int:
    if args.out is not None and args.out.suffix.lower() not in {".csv", ".parquet"}:
        raise UsageError(f"--out {args.out} must end in .csv or .parquet.")
    corpus = _corpus(args.paths, resolve_lexicon(args.lexicon))
    if corpus.articles.empty:
        raise UsageError("no article could be analysed; see the messages above.")
    tables = {name: getattr(corpus, name) for name in ([args.table] if args.table else TABLES)}
    if args.out is None:
        print(tables.get("articles", next(iter(tables.values()))).to_csv(index=False), end="")
    elif args.table:
        _write_table(tables[args.table], args.out)
        print(args.out)
    else:
        for name, table in tables.items():
            path = args.out.with_name(f"{args.out.stem}.{name}{args.out.suffix}")
            _write_table(table, path)
            print(path)
    return 1 if len(corpus.errors) else 0


def _run_lexicon(args: argparse.Namespace) -> int:
    lexicon = resolve_lexicon(args.name)
    counts = lexicon.table["category"].value_counts()
    print(
        f"{lexicon.name} {lexicon.version} ({len(lexicon)} terms), licence: "
        f"{lexicon.card.get('licence', 'unstated')}"
    )
    for category, definition in lexicon.categories.items():
        print(f"  {category} ({int(counts.get(category, 0))}): {definition}")
    return 0


def _default_article() -> Path:
    # `make report` runs from the project root; an editable install also finds it from here.
    for candidate in (DEFAULT_ARTICLE, Path(__file__).resolve().parents[2] / DEFAULT_ARTICLE):
        if candidate.is_file():
            return candidate
    raise UsageError(f"the default article {DEFAULT_ARTICLE} is not here; pass an article path.")


def _analyses(paths: Sequence[str | Path], lexicon: Lexicon) -> tuple[list[Analysis], int]:
    """Analyse every article named by ``paths`` (files, folders, globs, tables).

    An article that cannot be read is reported on stderr and skipped; returns the
    analyses and the number skipped.
    """
    skipped: list[ReadError] = []

    def skip(error: ReadError) -> None:
        skipped.append(error)
        print(f"framing: skipped: {error}", file=sys.stderr)

    results = []
    for path in paths:
        if Path(path).is_file() and Path(path).suffix.lower() in SINGLE_ARTICLE_SUFFIXES:
            try:
                articles = [framing.read_article(path)]
            except ReadError as error:
                skip(error)
                continue
        else:
            articles = framing.read_articles(str(path), on_error=skip)
        results.extend(framing.analyze(article, lexicon=lexicon) for article in articles)
    return results, len(skipped)


def _corpus(source: object, lexicon: Lexicon) -> framing.CorpusAnalysis:
    """Analyse a corpus with a progress bar on a terminal; each article that failed is
    reported on stderr."""
    corpus = framing.analyze_corpus(source, lexicon=lexicon, progress=sys.stderr.isatty())
    for error in corpus.errors.itertuples(index=False):
        print(
            f"framing: skipped: {error.file or error.article_id}: {error.message}", file=sys.stderr
        )
    return corpus


def _write_table(table: pd.DataFrame, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(path) as temporary:
        if path.suffix.lower() == ".parquet":
            table.to_parquet(temporary, index=False)
        else:
            table.to_csv(temporary, index=False, lineterminator="\n")


if __name__ == "__main__":
    sys.exit(main())
