"""Metadata stage: the s30 acceptance findings on dates (old dates, republished pages, UTC
offsets, datelines as titles)."""

from __future__ import annotations

import pytest

from corearchive.testing import make_document
from corearchive_plugins.metadata import MetadataStage

BODY = (
    "Wellington city council voted on Tuesday to extend the cycle lane network along the "
    "waterfront, after a long consultation with residents and businesses in the central city."
)


def _html(head: str, body: str = "") -> str:
    return (
        f"<!doctype html><html><head><title>Cycle lanes extended</title>{head}</head><body>"
        f"<article><h1>Cycle lanes extended</h1>{body}<p>{BODY * 3}</p></article></body></html>"
    )


# (published as written, captured at (UTC), published kept?)
_OFFSETS = [
    # a morning in New Zealand (+13:00) is the evening before in UTC: 19:00Z, captured 21:00Z
    ("2024-03-12T08:00:00+13:00", "2024-03-11T21:00:00Z", True),
    # Kiribati (+14:00): 11:00Z on the 10th, captured 12:00Z
    ("2024-03-11T01:00:00+14:00", "2024-03-10T12:00:00Z", True),
    # -12:00: the 12th 08:00Z, captured 09:00Z the 12th
    ("2024-03-11T20:00:00-12:00", "2024-03-12T09:00:00Z", True),
    # +13:00 again, but captured an hour before it (18:00Z): after the capture, refused
    ("2024-03-12T08:00:00+13:00", "2024-03-11T18:00:00Z", False),
]


@pytest.mark.parametrize(("written", "fetched", "kept"), _OFFSETS)
def test_offset_dates_are_compared_as_instants(
    run_stage, written: str, fetched: str, kept: bool
) -> None:
    """s30 locales #1: a date-time with a positive offset captured the same UTC day was
    refused as "after the capture": its day as written was compared with the capture's
    UTC day. In every path: the meta tag of HTML, a text's date line, a dump's date."""
    docs = [
        make_document(
            _html(f'<meta property="article:published_time" content="{written}">'),
            html=True,
            uri="https://nz.example/a",
            fetched_at=fetched,
        ),
        make_document(
            "Cycle lanes extended\n\n" + BODY + "\n\nPublished " + written,
            uri="https://nz.example/b",
            fetched_at=fetched,
        ),
        make_document("Cycle lanes extended\n\n" + BODY, uri="https://nz.example/c",
                      fetched_at=fetched),  # fmt: skip
    ]
    docs[2].annotations["source"] = {"given": {"date": written}}
    for doc in docs:
        out = run_stage(MetadataStage, doc).kept[0]
        assert out.published == (written if kept else None), doc.source.uri
    given = out.annotations["metadata"]["dates"][0]
    assert given["where"] == "input"
    assert ("rejected" in given) is not kept


COUNCIL = (
    "The council met on Tuesday evening to discuss the new budget for the city's schools and "
    "parks. Members argued for hours about the allocation of funds to the northern districts, "
    "which have seen rapid growth. In the end the proposal passed with a narrow majority."
)


@pytest.mark.parametrize(
    "dateline",
    ["Posted 3 hours ago", "Updated: 5 hours ago", "Posted 2 hours ago", "Last updated about 2 hours ago"],
)
def test_a_relative_dateline_is_no_title(run_stage, dateline: str) -> None:
    """s30 locales #14: "Posted 3 hours ago" under the headline became the record's title."""
    text = "Council passes budget\n" + dateline + "\n" + "\n".join([COUNCIL] * 3)
    doc = make_document(text, uri="https://e.example/x", fetched_at="2024-03-10T01:30:00Z")
    out = run_stage(MetadataStage, doc).kept[0]
    assert out.title == "Council passes budget"
    assert out.published == "2024-03-09"

