"""The seed report in a real headless Chromium: it renders, highlights and logs no errors."""

from __future__ import annotations

import re
import shutil
import subprocess
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
