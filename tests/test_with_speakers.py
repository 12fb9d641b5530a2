"""``with_speakers`` finds each quoted term's speaker by bisection (issue 17): it gives the
plain scan's answer, the first direct quote in table order whose content holds the term."""

from __future__ import annotations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.analysis import with_speakers

SPANS = st.lists(
    st.tuples(
        st.sampled_from(["direct_quote", "indirect"]),
        st.sampled_from(["Anna Berg", "Lavrov", ""]),
        st.integers(0, 100),
        st.integers(0, 40),
    ),
    min_size=1,
    max_size=8,
)
TERMS = st.lists(st.tuples(st.integers(0, 140), st.integers(0, 6), st.booleans()), max_size=12)


def scanned(loaded: pd.DataFrame, sources: pd.DataFrame) -> list[str | None]:
    quotes = sources[(sources["kind"] == "direct_quote") & (sources["speaker"] != "")]
    spans = list(
        zip(quotes["content_start"], quotes["content_end"], quotes["speaker"], strict=True)
    )
    return [
        next((who for s, e, who in spans if s <= start and end <= e), None) if quoted else None
        for start, end, quoted in zip(
            loaded["start"], loaded["end"], loaded["in_quote"], strict=True
        )
    ]


@settings(max_examples=300, deadline=None)
@given(SPANS, TERMS)
def test_speakers_by_bisection_equal_the_scan(spans, terms):
    sources = pd.DataFrame(
        [
            {"kind": k, "speaker": w, "content_start": s, "content_end": s + n}
            for k, w, s, n in spans
        ]
    )
    loaded = pd.DataFrame(
        [{"start": s, "end": s + n, "in_quote": q, "speaker": None} for s, n, q in terms],
        columns=["start", "end", "in_quote", "speaker"],
    )
    assert list(with_speakers(loaded, sources)["speaker"]) == scanned(loaded, sources)
