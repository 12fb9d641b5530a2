"""The ``framing`` command: reports and tables from the command line.

    framing report [PATH ...] [--out DIR] [--targets FILE] [--target NAME ...] [--lexicon LEXICON]
    framing report --corpus SOURCE [--by COLUMN] [--out DIR] [--targets FILE] ...
    framing analyze PATH ... [--out FILE.csv|FILE.parquet] [--table NAME] [--targets FILE] ...
    framing lexicon [NAME]

Without ``--targets`` or ``--target``, stance is measured toward the packaged gazetteer's
countries, leaders and organisations; when some articles mention none of them, a warning
says how many do and how to pass targets.

Errors in what the user passed (a missing file, an undecodable article, a malformed
lexicon) are reported as one sentence on stderr, without a traceback. Exit status: 0 all
went well, 1 some articles were skipped (each named on stderr), 2 an error, 130 after
Ctrl-C or ``kill`` (SIGTERM), 141 when the reading end of a pipe closed (``| head``).
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

import framing
from framing.analysis import Analysis, resolve_lexicon
from framing.article import slugify, unique_slugs
from framing.errors import FramingError, ReadError
from framing.io import atomic_paths, csv_text
from framing.lexicon import Lexicon
from framing.targets import Gazetteer

log = logging.getLogger("framing")

DEFAULT_ARTICLE = Path("data/articles/lavrov-military-diplomacy.txt")
SINGLE_ARTICLE_SUFFIXES = {".txt", ".md", ".html", ".htm"}
TABLES = ("articles", "loaded_terms", "sources", "stance", "stance_evidence", "errors")
DEFAULT_BY = "outlet"
#: Why a table that ``framing analyze --table`` writes may have no rows.
_EMPTY_BECAUSE = {
    "loaded_terms": "no loaded term of the lexicon was found",
    "sources": "no quote, attribution or source reference was found",
    "stance": "no article mentions a target",
    "stance_evidence": "no article mentions a target",
    "errors": "every article was analysed",
}


class UsageError(Exception):
    """A problem with what the user asked for, reported without a traceback."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 1 some articles failed, 2 error)."""
    parser = _parser()
    args = parser.parse_args(argv)
    handler = logging.StreamHandler()
    handler.setFormatter(_Messages())
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, handlers=[handler])
    # The command gives its own advice on targets (with its options); the library's, which
    # names targets=, would say the same again.
    logging.getLogger("framing").addFilter(_drop_targets_hint)
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        # Clean-up has run: temporary folders removed, worker processes ended.
        print("framing: interrupted; nothing half-written was left behind.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader of stdout (`| head`) is gone: stop quietly, as other commands do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except (UsageError, FramingError, ValueError, OSError) as error:
        # Every FramingError's message names the input and the fix.
        print(f"framing: error: {error}", file=sys.stderr)
        return 2
    finally:
        signal.signal(signal.SIGTERM, previous)
        logging.getLogger("framing").removeFilter(_drop_targets_hint)


class _Messages(logging.Formatter):
    """Log records as the command's own lines: warnings (a page whose body looks wrong, bytes
    that were replaced) start with "framing: warning:", like the command's other warnings."""

    def format(self, record: logging.LogRecord) -> str:
        message = super().format(record)
        return f"framing: warning: {message}" if record.levelno >= logging.WARNING else message


def _drop_targets_hint(record: logging.LogRecord) -> bool:
    return getattr(record, "hint", None) != "targets"


def _interrupt(signum: int, frame: object) -> None:
    """SIGTERM ends the command as Ctrl-C does, so that its clean-up runs."""
    raise KeyboardInterrupt


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="framing",
        description="Measure how news and opinion articles frame their subject.",
    )
    parser.add_argument("--version", action="version", version=f"framing {framing.__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what is read and written")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    report = commands.add_parser(
        "report",
        help="write an HTML report per article, or one for a corpus",
        description="Write DIR/<slug>/index.html (with figures and CSV tables) per article; "
        f"with no PATH, for the seed article {DEFAULT_ARTICLE}. With --corpus, one report "
        "comparing the corpus's groups in DIR/<corpus name>/, linking to a report per "
        "article in DIR/<corpus name>/article/<slug>/.",
    )
    report.add_argument("paths", nargs="*", metavar="PATH", help="article files, folders or globs")
    report.add_argument(
        "--corpus",
        metavar="SOURCE",
        help="a corpus (folder, glob, .jsonl/.csv/.parquet) to report on as a whole",
    )
    report.add_argument(
        "--by",
        metavar="COLUMN",
        help=f"with --corpus: the column to compare by, e.g. outlet, author, published or a "
        f"metadata column of the corpus (default: {DEFAULT_BY})",
    )
    report.add_argument(
        "--out",
        type=Path,
        default=Path("reports"),
        metavar="DIR",
        help="parent folder of the reports (default: %(default)s)",
    )
    _add_analysis_options(report)
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
    analyze.add_argument(
        "--out", type=Path, metavar="FILE", help="FILE.csv or FILE.parquet (default: stdout)"
    )
    analyze.add_argument("--table", choices=TABLES, help="write only this table")
    _add_analysis_options(analyze)
    analyze.set_defaults(run=_run_analyze)

    lexicon = commands.add_parser(
        "lexicon",
        help="describe a lexicon and its categories",
        description="Print a lexicon's name, version, size and licence, then each category "
        "with its number of terms and its definition.",
    )
    lexicon.add_argument(
        "name",
        nargs="?",
        default="loaded",
        help="a packaged lexicon's name or a CSV/YAML lexicon file (default: %(default)s)",
    )
    lexicon.set_defaults(run=_run_lexicon)
    return parser


def _add_analysis_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--targets",
        type=Path,
        metavar="FILE",
        help="a gazetteer CSV of the targets to measure stance toward (columns target, alias; "
        "optional kind, type, country, note; see data/demo/targets.csv): they replace the "
        "packaged gazetteer's",
    )
    parser.add_argument(
        "--target",
        action="append",
        metavar="NAME",
        help="a target by name (repeat for several; a packaged target brings its aliases, "
        "a person's last name also counts); added to those of --targets",
    )
    parser.add_argument(
        "--lexicon",
        default=None,
        help="packaged lexicon name or a CSV/YAML lexicon file (default: the packaged 'loaded')",
    )


def _targets(args: argparse.Namespace) -> Gazetteer | list[str] | None:
    """What ``--targets`` and ``--target`` ask for, as ``targets=`` (None: the packaged
    gazetteer)."""
    names = list(args.target or [])
    if args.targets is None:
        return names or None
    gazetteer = Gazetteer.from_csv(args.targets)  # one clear sentence if it is not a gazetteer
    return gazetteer.extend(names) if names else gazetteer


def _warn_about_targets(n_mentioning: int, n_articles: int, targets: object, what: str) -> None:
    """Say on stderr how many articles mention a target, when some (or, with targets given,
    all) mention none, and how to pass targets."""
    if n_mentioning == n_articles or (targets is not None and n_mentioning):
        return
    of = "the targets given" if targets is not None else "the packaged gazetteer"
    if n_articles == 1:
        counted = f"{what} mentions no target of {of}, so its stance section is empty"
    else:
        counted = f"{n_mentioning} of {n_articles:,} articles mention a target of {of}"
    print(
        f"framing: warning: {counted}; to measure stance toward others, pass --targets FILE "
        "(a CSV with the columns target and alias, like data/demo/targets.csv) or --target "
        "NAME (repeated for several).",
        file=sys.stderr,
    )


def _run_report(args: argparse.Namespace) -> int:
    if args.corpus:
        return _run_corpus_report(args)
    if args.by is not None:
        raise UsageError("--by compares the groups of a corpus: pass it with --corpus SOURCE.")
    lexicon = resolve_lexicon(args.lexicon)
    targets = _targets(args)
    results, skipped = _analyses(args.paths or [_default_article()], lexicon, targets)
    mentioning = sum(bool((r.stance["mentions"] > 0).any()) for r in results)
    if results:
        _warn_about_targets(mentioning, len(results), targets, _source(results[0]))
    # One folder per input: names that slugify alike get -2, -3, ... as in corpus reports.
    first_with: dict[str, Analysis] = {}
    for result, slug in zip(results, unique_slugs(r.article.slug for r in results), strict=True):
        base = result.article.slug
        if slug != base:
            print(
                f"framing: {_source(result)} and {_source(first_with[base])} have the same "
                f"report name {base!r}; the report of {_source(result)} is {slug!r}.",
                file=sys.stderr,
            )
        first_with.setdefault(base, result)
        print(framing.write_report(result, args.out / slug))
    return 1 if skipped else 0


def _source(result: Analysis) -> str:
    article = result.article
    source = article.meta.get("source_path")
    row = article.meta.get("row")
    return f"{source} row {row}" if source and row is not None else str(source or article.id)


def _run_corpus_report(args: argparse.Namespace) -> int:
    from framing.report import write_corpus_report

    if args.paths:
        raise UsageError("pass either article paths or --corpus, not both.")
    lexicon = resolve_lexicon(args.lexicon)
    targets = _targets(args)
    corpus = _corpus(args.corpus, lexicon, targets)
    if corpus.articles.empty:
        raise UsageError(
            f"no article of {args.corpus} could be analysed (see the messages above), so "
            "there is no corpus report to write."
        )
    comparison = framing.compare(corpus, by=args.by or DEFAULT_BY)  # a bad --by fails here
    _warn_about_corpus_targets(corpus, targets)
    name = slugify(Path(args.corpus).stem) or "corpus"
    index = write_corpus_report(
        corpus,
        args.out / name,
        comparison=comparison,
        source=args.corpus,
        lexicon=lexicon,
        progress=sys.stderr.isatty(),
    )
    print(index)
    return 1 if len(corpus.errors) else 0


def _run_analyze(args: argparse.Namespace) -> int:
    if args.out is not None and args.out.suffix.lower() not in {".csv", ".parquet"}:
        raise UsageError(f"--out {args.out} must end in .csv or .parquet.")
    targets = _targets(args)
    corpus = _corpus(args.paths, resolve_lexicon(args.lexicon), targets)
    if corpus.articles.empty:
        raise UsageError("no article could be analysed; see the messages above.")
    _warn_about_corpus_targets(corpus, targets)
    tables = {name: getattr(corpus, name) for name in ([args.table] if args.table else TABLES)}
    if args.table and tables[args.table].empty:
        print(
            f"framing: the {args.table} table is empty: {_EMPTY_BECAUSE[args.table]}.",
            file=sys.stderr,
        )
    if args.out is None:
        print(csv_text(tables.get("articles", next(iter(tables.values())))), end="")
        return 1 if len(corpus.errors) else 0
    if args.table:
        paths = {args.table: args.out}
    else:
        paths = {n: args.out.with_name(f"{args.out.stem}.{n}{args.out.suffix}") for n in tables}
    _write_tables({paths[name]: tables[name] for name in paths})
    for path in paths.values():
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


def _analyses(
    paths: Sequence[str | Path], lexicon: Lexicon, targets: object
) -> tuple[list[Analysis], int]:
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
        results.extend(
            framing.analyze(article, targets=targets, lexicon=lexicon) for article in articles
        )
    return results, len(skipped)


def _corpus(source: object, lexicon: Lexicon, targets: object) -> framing.CorpusAnalysis:
    """Analyse a corpus with a progress bar on a terminal; each article that failed is
    reported on stderr."""
    corpus = framing.analyze_corpus(
        source, lexicon=lexicon, targets=targets, progress=sys.stderr.isatty()
    )
    for error in corpus.errors.itertuples(index=False):
        print(
            f"framing: skipped: {error.file or error.article_id}: {error.message}", file=sys.stderr
        )
    return corpus


def _warn_about_corpus_targets(corpus: framing.CorpusAnalysis, targets: object) -> None:
    articles = corpus.articles
    mentioning = int((articles["n_targets"] > 0).sum())
    _warn_about_targets(mentioning, len(articles), targets, str(articles["article_id"].iloc[0]))


def _write_tables(tables: dict[Path, pd.DataFrame]) -> None:
    """Write every table, then move them all into place: a failure (a full disk) leaves
    none of them half-written or alone."""
    for path in tables:
        path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_paths(list(tables)) as temporaries:
        for temporary, (path, table) in zip(temporaries, tables.items(), strict=True):
            if path.suffix.lower() == ".parquet":
                table.to_parquet(temporary, index=False)
            else:
                temporary.write_text(csv_text(table), encoding="utf-8", newline="")


if __name__ == "__main__":
    sys.exit(main())
