"""The day a publication date is judged against: the capture's (WARC-Date, fetched_at, in
its own offset), else today's in UTC; never the machine's time zone or the run's local day
(s26 reproducibility tester F1, F2, F5; a year-only reading is no day)."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from corearchive.testing import make_document
from corearchive_plugins.boilerplate import BoilerplateStage
from corearchive_plugins.metadata import MetadataStage, extract
from corearchive_plugins.metadata import html as htmlmeta
from corearchive_plugins.metadata import text as textmeta

BODY = " ".join(
    f"The ferry {w} near the harbour after {n} drivers came to the station that morning."
    for w, n in zip(["opened", "closed", "moved", "grew"] * 6, range(3, 27), strict=True)
)


def html_page(head: str = "", body_extra: str = "") -> str:
    paras = "".join(f"<p>{BODY}</p>" for _ in range(3))
    return (
        f"<!doctype html><html><head><title>Harbour works | Bay News</title>{head}</head>"
        f"<body><article><h1>Harbour works</h1>{body_extra}{paras}</article></body></html>"
    )


def text_page(date_line: str) -> str:
    return (
        "Bay News\n\nHarbour works begin on the quay\n\nBy Jane Roe\n"
        f"{date_line}\n\n{BODY}\n\n{BODY}\n"
    )


@contextmanager
def time_zone(name: str) -> Iterator[None]:
    """The process's local time zone set to ``name`` (TZ and tzset), restored after."""
    saved = os.environ.get("TZ")
    os.environ["TZ"] = name
    time.tzset()
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = saved
        time.tzset()


def through_stages(run_stage, doc) -> Any:
    """A document through the boilerplate and metadata stages, as a run has them."""
    (doc,) = run_stage(BoilerplateStage, doc).kept
    return run_stage(MetadataStage, doc).kept[0]


def test_htmldate_is_bounded_by_the_capture_not_the_run_day(run_stage) -> None:
    # (a capture far from any run day: the bound is the capture's day, whatever today is)
    page = html_page("<meta property='article:published_time' content='2099-06-10'>")
    doc = make_document(page, html=True, path="a.html", fetched_at="2099-06-10T00:30:00Z")
    (after,) = run_stage(BoilerplateStage, doc).kept
    assert after.work["trafilatura_meta"]["date"] == "2099-06-10"
    out = run_stage(MetadataStage, after).kept[0]
    assert out.published == "2099-06-10"
    ann = out.annotations["metadata"]
    assert ann["dates"][ann["date_chosen"]]["cue"] == "htmldate"


def test_a_date_after_the_bound_is_refused_not_made_the_first_of_its_month() -> None:
    # (htmldate reads years up to 2039 only)
    page = html_page("<meta property='article:published_time' content='2036-06-10'>")
    assert htmlmeta.htmldate_date(page, textmeta.parse_capture("2036-06-09")) is None
    assert htmlmeta.htmldate_date(page, textmeta.parse_capture("2036-06-10")) == "2036-06-10"


def test_a_year_or_a_month_alone_is_no_day() -> None:
    # (another tester: "since early 2020" was published 2020-01-01, precision day, 0.79)
    early = html_page(body_extra="<p>The harbour has been closed to ferries since early 2020.</p>")
    assert htmlmeta.htmldate_date(early) is None
    # dateutil filled a month-only string's day from today's date (2020-03-24 on the 24th)
    month = html_page("<meta name='date' content='2020-03'>")
    assert htmlmeta.htmldate_date(month) is None
    assert extract(text_page("since early 2020"))["published"] is None


def test_a_year_only_html_page_gets_no_published_day(run_stage) -> None:
    early = html_page(body_extra="<p>The harbour has been closed to ferries since early 2020.</p>")
    out = through_stages(run_stage, make_document(early, html=True, path="a.html"))
    assert out.published is None
    assert all(d["value"] != "2020-01-01" for d in out.annotations["metadata"]["dates"])


def test_two_digit_years_are_read_against_the_capture_year() -> None:
    page = text_page("Posted 15/01/28")
    assert extract(page, "2028-06-01T10:00:00Z")["published"] == "2028-01-15"
    # (the capture's year decides, not today's: in a page captured in 1998, 97 is 1997)
    assert extract(text_page("Posted 15/01/97"), "1998-06-01")["published"] == "1997-01-15"


def test_a_future_date_in_text_or_html_is_refused_as_a_dumps_is(run_stage) -> None:
    # without a capture, a date after today (UTC) is not chosen: text, HTML and a dump's
    # date follow one rule
    assert extract(text_page("Published 4 March 2099"))["published"] is None
    page = html_page(body_extra="<p>Published 4 March 2099</p>")
    out = through_stages(run_stage, make_document(page, html=True, path="a.html"))
    assert out.published is None


def test_relative_hours_are_counted_on_the_capture_time(run_stage) -> None:
    doc = make_document(text_page("3 hours ago"), fetched_at="2026-11-24T00:30:00Z")
    assert run_stage(MetadataStage, doc).kept[0].published == "2026-11-23"
    doc = make_document(text_page("2 hours ago"), fetched_at="2026-11-24T12:30:00Z")
    assert run_stage(MetadataStage, doc).kept[0].published == "2026-11-24"
    # a capture date alone (midnight): hours under a day are its day
    doc = make_document(text_page("3 hours ago"), fetched_at="2026-11-24")
    assert run_stage(MetadataStage, doc).kept[0].published == "2026-11-24"


def test_today_is_the_capture_day_in_its_own_offset(run_stage) -> None:
    from test_sources import read

    line = {"url": "https://bay.example.com/a", "fetched_at": "2026-11-24T00:30:00+05:30",
            "text": text_page("today")}  # fmt: skip
    _, (doc,), failures, _ = read(json.dumps(line).encode() + b"\n", "dump.jsonl")
    assert failures == [] and doc.source.fetched_at == "2026-11-23T19:00:00Z"
    assert doc.annotations["source"]["given"]["fetched_at"] == "2026-11-24T00:30:00+05:30"
    out = run_stage(MetadataStage, doc).kept[0]
    assert out.published == "2026-11-24"
    ann = out.annotations["metadata"]
    assert ann["date_bound"] == "2026-11-24"
    # "5 hours ago" at 02:00 there is the 23rd
    line["fetched_at"], line["text"] = "2026-11-24T02:00:00+05:30", text_page("5 hours ago")
    _, (doc,), _, _ = read(json.dumps(line).encode() + b"\n", "dump.jsonl")
    assert run_stage(MetadataStage, doc).kept[0].published == "2026-11-23"


def _outputs(run_stage) -> list[Any]:
    """Every date the stages give for pages dated around today (UTC), none with a capture
    and one captured at 00:30 UTC today, as (published, metadata annotations)."""
    now = datetime.now(UTC)
    days = [(now + timedelta(hours=h)).date().isoformat() for h in (-14, 0, 14)]
    docs = []
    for day in days:
        meta = f"<meta property='article:published_time' content='{day}'>"
        docs.append(make_document(html_page(meta), html=True, path=f"m{day}.html"))
        docs.append(
            make_document(
                html_page(meta),
                html=True,
                path=f"w{day}.html",
                fetched_at=f"{now.date().isoformat()}T00:30:00Z",
            )
        )
        docs.append(make_document(text_page(f"Published {day}"), path=f"t{day}.txt"))
    docs.append(make_document(text_page("Posted 03/01/27"), path="two.txt"))
    docs.append(make_document(text_page("Friday, Jan. 1"), path="yearless.txt"))
    out = []
    for doc in docs:
        got = through_stages(run_stage, doc)
        out.append((got.published, json.dumps(got.annotations["metadata"], sort_keys=True)))
    return out


def test_the_same_dates_in_every_time_zone(run_stage) -> None:
    # UTC-12 and UTC+14: their local days are always one or two days apart
    runs = []
    for tz in ("Etc/GMT+12", "UTC", "Etc/GMT-14"):
        with time_zone(tz):
            runs.append(_outputs(run_stage))
    assert runs[0] == runs[1] == runs[2]


@pytest.mark.parametrize("tz", ["America/Los_Angeles", "Pacific/Kiritimati"])
def test_a_warc_capture_at_half_past_midnight_in_any_time_zone(run_stage, tz) -> None:
    # (the tester's case: WARC-Date 2026-11-24T00:30Z, a <meta> of 2026-11-24)
    page = html_page("<meta property='article:published_time' content='2026-11-24'>")
    doc = make_document(page, html=True, path="a.html", fetched_at="2026-11-24T00:30:00Z")
    with time_zone(tz):
        out = through_stages(run_stage, doc)
    assert out.published == "2026-11-24"
