"""Throughput of framing's corpus analysis, beside baselines on the same texts, in one run.

Usage::

    python benchmarks/throughput.py [DATA_DIR] [--copies N] [--parallel-articles N]
                                    [--memory-sizes N [N ...]] [--no-memory]
                                    [--sizes N [N ...]] [--sweep-only] [--memory-only]
                                    [--parallel-only]

Texts: the PTC articles in ``DATA_DIR/ptc/articles`` (or ``$FRAMING_EVAL_DIR``) when
present, else the fictional demo corpus ``data/demo/articles.jsonl``, repeated ``--copies``
times. No corpus text is written anywhere but a temporary folder, removed afterwards.

Measured, each as words per second on one core over the same texts:

* **framing.analyze + summary()**: the full analysis (loaded terms, sources, stance) and
  the summary figures, which is what a corpus run computes per article; and again with
  the garbage collector set as a corpus worker sets it (what is loaded frozen, young
  collections every 10,000 allocations);
* **regex tokens**: a bare ``re.findall`` word tokenisation, the floor of any text pass;
* **VADER per sentence**: ``vaderSentiment`` scoring every sentence (split by a regex);
* **naive lexicon**: ``re.finditer`` looped over every term of the packaged lexicon.

Each as words per second and as a ratio to VADER per sentence; then the CPU time per word
of each stage of the analysis (the heap settled), and a check that
``framing.text.SpanSentiment`` gives vaderSentiment's compound on every sentence.

Then ``framing.analyze_corpus`` with 1 and 2 worker processes on ``--parallel-articles``
articles (wall time, worker start-up included, timed once the fork server of the session
is up; target speed-up >= 1.7 on 2 idle cores; the CPU seconds of the run and its workers
show whether other work competed for the cores), and the peak memory (resident set of the
run and its worker processes, sampled every 50 ms) of corpora of ``--memory-sizes``
articles streamed from JSON Lines to a Parquet dataset (target: flat within 20%; compare
sizes of several batches per worker, so that every worker is warmed up in both). Default
sizes are 10,000 and 100,000 articles (hours on 2 cores); ``--memory-sizes 1000 10000``
is a quicker run.

Last, a **size sweep**: one article of ``--sizes`` characters each (default 10 KB, 100 KB,
1 MB and 10 MB), made of the same texts joined by blank lines, analysed by
``framing.analyze`` on one core (for the small sizes, the mean over up to ten articles,
each a different stretch of the text, so that the machine's other work weighs less). The
analysis is linear when the time per word stays flat: target within 2x across the sweep,
and the 10 MB article finishing.
Wall and CPU time per word are both shown (CPU time is steadier on a busy machine).
``--sweep-only``, ``--memory-only`` and ``--parallel-only`` run just those. Prints markdown tables.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

import framing
import framing.analysis
import framing.targets
import framing.text
from framing.analysis import resolve_lexicon
from framing.corpus import analyze_corpus
from framing.text import SpanSentiment

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "data" / "demo" / "articles.jsonl"
WORD = re.compile(r"\w+(?:[-'’]\w+)*")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+")


def load_texts(data_dir: str | None) -> tuple[str, list[str]]:
    """The PTC articles when available, else the demo corpus."""
    folder = Path(data_dir or os.environ.get("FRAMING_EVAL_DIR", "")) / "ptc" / "articles"
    if (data_dir or os.environ.get("FRAMING_EVAL_DIR")) and folder.is_dir():
        files = sorted(folder.glob("article*.txt"))
        return f"PTC ({len(files)} articles)", [p.read_text(encoding="utf-8") for p in files]
    frame = pd.read_json(DEMO, lines=True)
    return f"demo corpus ({len(frame)} articles)", list(frame["text"])


def timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def single_core(texts: Sequence[str]) -> tuple[float, list[tuple[str, float]]]:
    """Seconds of each method over ``texts``, one process, and the share of the text the
    analysis itself scores with VADER."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    lexicon = resolve_lexicon(None)
    articles = [framing.Article(text=t, id=str(i)) for i, t in enumerate(texts)]
    framing.analyze(articles[0], lexicon=lexicon)  # warm up: imports, lazy tables
    vader = SentimentIntensityAnalyzer()
    terms = sorted(set(lexicon.table["term"].str.rstrip("*")))
    patterns = [re.compile(r"\b" + re.escape(t) + r"\b", re.IGNORECASE) for t in terms]

    evidence: list[pd.DataFrame] = []

    def analysis() -> None:
        for article in articles:
            result = framing.analyze(article, lexicon=lexicon)
            result.summary()
            evidence.append(result.stance_evidence)  # read after the timing

    def tokens() -> None:
        for text in texts:
            WORD.findall(text)

    def sentiment() -> None:
        for text in texts:
            for sentence in SENTENCE_END.split(text):
                vader.polarity_scores(sentence)

    def naive() -> None:
        for text in texts:
            for pattern in patterns:
                for _ in pattern.finditer(text):
                    pass

    seconds = timed(analysis)
    scored = sum(end - start for table in evidence for start, end in _vader_spans(table))
    share = scored / sum(len(t) for t in texts)
    with settled_heap():
        worker = timed(analysis)
    sentences = [(t, s) for t in texts for s in SENTENCE_END.split(t)]
    same = sum(
        SpanSentiment(sentence).compound(0, len(sentence))
        == vader.polarity_scores(sentence)["compound"]
        for _, sentence in sentences
    )
    print(
        f"framing.text.SpanSentiment gives vaderSentiment's compound on {same:,} of "
        f"{len(sentences):,} sentences.\n"
    )
    return share, [
        ("framing.analyze + summary() (a corpus run's work)", seconds),
        ("the same, heap settled as in a corpus worker (gc frozen)", worker),
        ("regex tokens (floor)", timed(tokens)),
        ("VADER per sentence", timed(sentiment)),
        (f"naive lexicon ({len(patterns)} re.finditer per text)", timed(naive)),
    ]


@contextmanager
def settled_heap() -> Iterator[None]:
    """The garbage collector as a corpus worker sets it (framing.corpus.batch): what is
    loaded so far frozen, young collections every 10,000 allocations; restored after."""
    threshold = gc.get_threshold()
    gc.collect()
    gc.freeze()
    gc.set_threshold(10_000, *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


#: The stages of framing.analyze, as (module, function, label): timed by wrapping them.
STAGES = (
    (framing.analysis, "segment", "segmentation (framing.text)"),
    (framing.analysis, "find_sources", "sources (framing.sources)"),
    (framing.targets.Gazetteer, "find", "target mentions (framing.targets)"),
    (framing.analysis, "find_loaded_terms", "loaded terms (framing.loaded)"),
    (framing.analysis, "with_speakers", "speakers of loaded terms (with_speakers)"),
    (framing.analysis, "stance_signals", "stance (framing.stance)"),
    (framing.analysis.Analysis, "summary", "summary()"),
)


def stage_times(texts: Sequence[str]) -> list[tuple[str, float]]:
    """CPU seconds of each stage of ``analyze`` + ``summary()`` over ``texts`` (the heap
    settled as in a corpus worker), the rest of ``analyze`` last."""
    lexicon = resolve_lexicon(None)
    articles = [framing.Article(text=t, id=str(i)) for i, t in enumerate(texts)]
    spent: dict[str, float] = dict.fromkeys((label for *_, label in STAGES), 0.0)
    originals = [(owner, name, getattr(owner, name)) for owner, name, _ in STAGES]

    def timing(function: Callable, label: str) -> Callable:
        def timed_stage(*args: object, **kwargs: object) -> object:
            start = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[label] += time.process_time() - start

        return timed_stage

    for (owner, name, function), (*_, label) in zip(originals, STAGES, strict=True):
        setattr(owner, name, timing(function, label))
    try:
        with settled_heap():
            start = time.process_time()
            for article in articles:
                framing.analyze(article, lexicon=lexicon).summary()
            total = time.process_time() - start
    finally:
        for owner, name, function in originals:
            setattr(owner, name, function)
    return [*spent.items(), ("rest of analyze", total - sum(spent.values())), ("total", total)]


def _vader_spans(evidence: pd.DataFrame) -> set[tuple[int, int]]:
    """The distinct spans the stance signals scored with VADER, from the evidence table."""
    vader = evidence[evidence["signal"].isin(["sentiment", "reception", "voice_tone"])]
    return set(zip(vader["start"].tolist(), vader["end"].tolist(), strict=True))


class TreeSampler:
    """Samples this process (or ``pid``) and its descendants every 50 ms, in a thread.

    ``peak_rss`` is the largest sum of their resident sets (bytes); ``cpu`` the CPU seconds
    they used while sampled (the last reading of each process, so processes that end
    between two readings lose at most 50 ms).
    """

    def __init__(self, pid: int | None = None) -> None:
        import psutil

        self._root = psutil.Process(pid)
        self._error = psutil.Error
        self._start: dict[int, float] = {}
        self._last: dict[int, float] = {}
        self.peak_rss = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeSampler:
        self._sample()
        self._start = dict(self._last)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()

    @property
    def cpu(self) -> float:
        return sum(t - self._start.get(pid, 0.0) for pid, t in self._last.items())

    def _run(self) -> None:
        while not self._stop.wait(0.05):
            self._sample()

    def _sample(self) -> None:
        try:
            tree = [self._root, *self._root.children(recursive=True)]
        except self._error:
            return
        rss = 0
        for process in tree:
            try:
                times = process.cpu_times()
                rss += process.memory_info().rss
            except self._error:
                continue
            self._last[process.pid] = times.user + times.system
        self.peak_rss = max(self.peak_rss, rss)


def parallel(texts: Sequence[str], n_articles: int) -> tuple[float, list[tuple[int, float, float]]]:
    """Wall and CPU seconds of analyze_corpus with 1 and 2 processes on the same articles.

    A first tiny run with 2 processes starts the fork server, which happens once per
    Python session; its time is returned apart. The timed runs include starting the
    worker processes and their first analysis.
    """
    articles = [framing.Article(text=texts[i % len(texts)], id=f"a{i}") for i in range(n_articles)]
    session = timed(lambda: analyze_corpus(articles[:2], n_jobs=2, batch_size=1, progress=False))
    runs = []
    for n_jobs in (1, 2):
        with TreeSampler() as sampler:
            seconds = timed(lambda n=n_jobs: analyze_corpus(articles, n_jobs=n, progress=False))
        runs.append((n_jobs, seconds, sampler.cpu))
    return session, runs


def size_sweep(
    texts: Sequence[str], sizes: Sequence[int]
) -> list[tuple[int, int, float, float, float]]:
    """``(characters, words, seconds, CPU seconds, regex seconds)`` of one
    ``framing.analyze`` per article size, and of the regex tokenisation baseline on the
    same text."""
    body = "\n\n".join(texts)
    while len(body) < max(max(sizes), 10 * min(max(sizes), 1_000_000)):
        body = f"{body}\n\n{body}"
    lexicon = resolve_lexicon(None)
    framing.analyze("Warm up: imports and lazy tables.", lexicon=lexicon)
    rows = []
    for size in sizes:
        # Small sizes: several articles, each a different stretch of the text (one text
        # analysed again would meet warm caches), timed together.
        repeats = max(1, min(10, 1_000_000 // size))
        articles = [
            framing.Article(text=body[i * size : (i + 1) * size].rsplit(" ", 1)[0], id=str(i))
            for i in range(repeats)
        ]
        cpu = time.process_time()
        seconds = timed(lambda a=articles: [framing.analyze(x, lexicon=lexicon) for x in a])
        cpu = time.process_time() - cpu
        floor = timed(lambda a=articles: [WORD.findall(x.text) for x in a])
        n_words = sum(framing.text.segment(a.text).n_words for a in articles)
        characters = sum(len(a.text) for a in articles)
        rows.append(
            (characters // repeats, n_words // repeats, seconds / repeats, cpu / repeats,
             floor / repeats)
        )  # fmt: skip
    return rows


def print_sweep(rows: Sequence[tuple[int, int, float, float, float]]) -> None:
    print(
        "\n| one article | words | seconds | µs per word | vs smallest | CPU µs per word "
        "| vs smallest | regex, µs per word |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    first = 1e6 * rows[0][2] / rows[0][1]
    first_cpu = 1e6 * rows[0][3] / rows[0][1]
    per_word, per_word_cpu = [], []
    for characters, words, seconds, cpu, floor in rows:
        micro, micro_cpu = 1e6 * seconds / words, 1e6 * cpu / words
        per_word.append(micro)
        per_word_cpu.append(micro_cpu)
        size = f"{characters / 1e3:,.0f} KB" if characters < 1e6 else f"{characters / 1e6:.1f} MB"
        print(
            f"| {size} | {words:,} | {seconds:.2f} | {micro:.1f} | {micro / first:.2f}x "
            f"| {micro_cpu:.1f} | {micro_cpu / first_cpu:.2f}x | {1e6 * floor / words:.3f} |"
        )
    print(
        f"\nTime per word, largest over smallest across the sweep: "
        f"{max(per_word) / min(per_word):.2f}x wall, "
        f"{max(per_word_cpu) / min(per_word_cpu):.2f}x CPU (target: within 2x)."
    )


def write_corpus(path: Path, texts: Sequence[str], n_articles: int) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for i in range(n_articles):
            record = {"id": f"a{i}", "text": texts[i % len(texts)], "outlet": f"o{i % 4}"}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def peak_memory(corpus: Path, out: Path) -> tuple[float, float]:
    """Run a streamed corpus analysis in a fresh process; its peak RSS (MB) and seconds."""
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, __file__, "--stream", str(corpus), str(out)])
    with TreeSampler(child.pid) as sampler:
        code = child.wait()
    if code != 0:
        raise SystemExit(f"the streamed run of {corpus} failed with exit status {code}")
    return sampler.peak_rss / 1e6, time.perf_counter() - start


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", nargs="?", help="evaluation data folder (holds ptc/)")
    parser.add_argument("--copies", type=int, default=1, help="repeat the texts N times")
    parser.add_argument("--parallel-articles", type=int, default=1000)
    parser.add_argument("--memory-sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--no-memory", action="store_true", help="skip the memory runs")
    parser.add_argument(
        "--sizes",
        type=int,
        nargs="+",
        default=[10_000, 100_000, 1_000_000, 10_000_000],
        help="characters of the one-article size sweep",
    )
    parser.add_argument("--sweep-only", action="store_true", help="run only the size sweep")
    parser.add_argument("--memory-only", action="store_true", help="run only the memory runs")
    parser.add_argument(
        "--parallel-only", action="store_true", help="run only the 1- and 2-process runs"
    )
    parser.add_argument("--stream", nargs=2, metavar=("CORPUS", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.stream:
        analyze_corpus(args.stream[0], out=args.stream[1], n_jobs=2, progress=False)
        return 0

    name, texts = load_texts(args.data_dir)
    texts = texts * args.copies
    n_words = sum(len(WORD.findall(t)) for t in texts)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"# framing {framing.__version__} throughput: {name} x{args.copies}, "
        f"{n_words:,} words; {os.cpu_count()} CPUs, load average {load:.1f} at start\n"
    )
    if args.sweep_only:
        print_sweep(size_sweep(texts, args.sizes))
        return 0
    if args.memory_only:
        memory(texts, args.memory_sizes)
        return 0
    if args.parallel_only:
        print_parallel(texts, args.parallel_articles)
        return 0
    vader_share, results = single_core(texts)
    full = results[0][1]
    vader = dict(results)["VADER per sentence"]
    print("| method (one core) | seconds | words/s | vs framing.analyze | speed vs VADER |")
    print("|---|---:|---:|---:|---:|")
    for method, seconds in results:
        print(
            f"| {method} | {seconds:.2f} | {n_words / seconds:,.0f} | {full / seconds:.2f}x "
            f"| {vader / seconds:.2f}x |"
        )
    print(
        f"\nThe stance signals inside the analysis score distinct spans covering "
        f"{vader_share:.0%} of the text's characters with VADER (spans may overlap)."
    )
    print("\n| stage (CPU, heap settled) | µs per word | share |")
    print("|---|---:|---:|")
    stages = stage_times(texts)
    for label, seconds in stages:
        print(f"| {label} | {1e6 * seconds / n_words:.2f} | {seconds / stages[-1][1]:.0%} |")

    print_parallel(texts, args.parallel_articles)

    if not args.no_memory:
        memory(texts, args.memory_sizes)
    print_sweep(size_sweep(texts, args.sizes))
    return 0


def print_parallel(texts: Sequence[str], n_articles: int) -> None:
    session, runs = parallel(texts, n_articles)
    print(f"\nFork server start and a first 2-article pool (once per session): {session:.1f} s\n")
    print("| analyze_corpus, processes | articles | wall s | speed-up | CPU s | CPU/wall |")
    print("|---:|---:|---:|---:|---:|---:|")
    for n_jobs, seconds, cpu in runs:
        speedup = runs[0][1] / seconds
        print(
            f"| {n_jobs} | {n_articles:,} | {seconds:.1f} | {speedup:.2f}x "
            f"| {cpu:.1f} | {cpu / seconds:.2f} |"
        )


def memory(texts: Sequence[str], sizes: Sequence[int]) -> None:
    """Print the peak memory of streamed runs of ``sizes`` articles."""
    print("\n| streamed to Parquet (2 processes) | seconds | peak RSS, all processes | vs first |")
    print("|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory(prefix="framing-bench-") as folder:
        peaks = []
        for size in sizes:
            corpus = Path(folder) / f"corpus-{size}.jsonl"
            write_corpus(corpus, texts, size)
            peak, seconds = peak_memory(corpus, Path(folder) / f"out-{size}")
            peaks.append(peak)
            corpus.unlink()
            print(
                f"| {size:,} articles | {seconds:.0f} | {peak:,.0f} MB | {peak / peaks[0]:.2f}x |"
            )


if __name__ == "__main__":
    sys.exit(main())
