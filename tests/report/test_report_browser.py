"""The seed report in a real headless Chromium: it renders, highlights, logs no errors, and
its first screen holds the findings and the headline figures with their reference ranges."""

from __future__ import annotations

import re
import shutil
import subprocess
from html import unescape
from pathlib import Path

import pytest

from framing.report import write_report

pytestmark = pytest.mark.browser

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--enable-logging=stderr",
    "--v=0",
]


@pytest.fixture(scope="module")
def chromium() -> str:
    path = shutil.which("chromium") or (
        "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None
    )
    if path is None:
        pytest.skip("no headless chromium: apt-get install chromium")
    return path


@pytest.fixture(scope="module")
def seed_report(seed_analysis, tmp_path_factory) -> Path:
    return write_report(seed_analysis, tmp_path_factory.mktemp("report") / "seed")


def run_chromium(chromium: str, page: Path, tmp_path: Path, *args: str):
    """Run Chromium on ``page`` with a throwaway profile; return the finished process."""
    profile = tmp_path / f"profile-{len(list(tmp_path.iterdir()))}"
    return subprocess.run(
        [chromium, *FLAGS, f"--user-data-dir={profile}", *args, page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )


def page_messages(stderr: str, page: Path) -> list[str]:
    """Console messages (errors, uncaught exceptions, failed loads) that the page caused."""
    return [
        line
        for line in stderr.splitlines()
        if ("CONSOLE" in line and page.as_uri() in line) or "Uncaught" in line
    ]


def test_the_dom_has_the_title_and_highlights(chromium, seed_analysis, seed_report, tmp_path):
    done = run_chromium(chromium, seed_report, tmp_path, "--dump-dom")
    dom = done.stdout
    assert re.search(r"<h1>Lavrov Made Three Important Points", dom)
    n_loaded = len(re.findall(r'<mark class="fr-hl [^"]*" data-layer="loaded"', dom))
    assert n_loaded == len(seed_analysis.loaded_terms) > 0
    n_targets = len(re.findall(r'<mark class="fr-hl frl-target" data-layer="targets"', dom))
    assert n_targets == len(seed_analysis.target_mentions) > 0
    assert re.search(r'<mark class="fr-hl frl-quote" data-layer="quotes"', dom)
    assert re.search(
        r'<mark class="fr-hl frl-speaker frl-speaker-person" data-layer="speakers"', dom
    )
    assert dom.count("<svg") == 6  # loaded, markers, terms, floor, cues, stance
    assert page_messages(done.stderr, seed_report) == []


def test_the_dom_has_the_sources_and_stance_sections(
    chromium, seed_analysis, seed_report, tmp_path
):
    dom = run_chromium(chromium, seed_report, tmp_path, "--dump-dom").stdout
    assert re.search(r'<section id="sources">\s*<h2>Who gets the floor</h2>', dom)
    assert re.search(r'<section id="stance">\s*<h2>Stance toward targets</h2>', dom)
    # the evidence is in closed <details>, one per target, and there is no script at all
    details = re.findall(r"<details class=\"evidence\"( open)?", dom)
    assert len(details) == len(seed_analysis.stance) > 0
    assert not any(details)
    assert "<script" not in dom


def test_a_screenshot_is_produced(chromium, seed_report, tmp_path):
    shot = tmp_path / "report.png"
    done = run_chromium(
        chromium, seed_report, tmp_path, f"--screenshot={shot}", "--window-size=1000,2400"
    )
    assert shot.read_bytes()[:8] == PNG_MAGIC
    assert shot.stat().st_size > 20_000  # a rendered page, not a blank one
    assert page_messages(done.stderr, seed_report) == []


#: Measures, in the browser, where the first screen's parts are; appended to a copy of the
#: report (the report itself has no script).
MEASURE = """<script>
const box = (e) => { const r = e.getBoundingClientRect(); return {top: r.top, bottom: r.bottom}; };
const all = (selector) => [...document.querySelectorAll(selector)].map(box);
const out = {width: innerWidth, height: innerHeight,
  summary: all("#summary li"), figures: all("#figures ul.headline li"),
  positions: [...document.querySelectorAll("#figures .position")].map((e) => e.textContent),
  ranges: all("#figures .typical"), link: all('#figures a[href="#reference"]'),
  reference: all("#reference")};
const pre = document.createElement("pre");
pre.id = "measured";
pre.textContent = JSON.stringify(out);
document.body.appendChild(pre);
</script>"""


def test_the_first_screen_holds_the_summary_and_the_figures_with_their_ranges(
    chromium, seed_report, tmp_path
):
    import json

    measured = tmp_path / "measured"
    shutil.copytree(seed_report.parent, measured)
    page = measured / "index.html"
    page.write_text(page.read_text("utf-8").replace("</body>", MEASURE + "</body>"), "utf-8")
    dom = run_chromium(chromium, page, tmp_path, "--dump-dom", "--window-size=1300,800").stdout
    found = json.loads(unescape(re.search(r'<pre id="measured">(.*?)</pre>', dom).group(1)))
    assert found["width"] == 1300
    screen = found["height"]  # the viewport, without the window's frame
    assert len(found["summary"]) == 3  # three sentences of findings
    assert len(found["figures"]) == len(found["ranges"]) == 5  # each figure with its range
    assert set(found["positions"]) <= {"very low", "low", "typical", "high", "very high"}
    for part in (*found["summary"], *found["figures"], *found["ranges"], *found["link"]):
        assert 0 <= part["top"] < part["bottom"] <= screen, part
    assert len(found["link"]) == 1 and found["reference"]  # the card it links to exists
    assert found["reference"][0]["top"] > screen  # ... further down, in the data section
