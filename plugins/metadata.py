"""The ``metadata`` stage: title, authors, site name, publication date and tags.

HTML goes through trafilatura's metadata extraction and htmldate. Plain text is read as the
page shows it: the headline near the top before the article starts, a byline ("By A and B"),
a date line, a site name on the first line, a comma-separated tag line. Fields already set
(by the input, e.g. a JSONL ``title``) are kept. A WARC capture date bounds the publication
date: a date after the capture is not accepted. The evidence (candidate dates with where they
were found, the source of each field) goes under ``annotations.metadata``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from corearchive import Document, Stage, hookimpl, option

_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan", "januar", "janvier", "enero", "gennaio", "janeiro"),
            (
                "february",
                "feb",
                "februar",
                "février",
                "fevrier",
                "febrero",
                "febbraio",
                "fevereiro",
            ),
            ("march", "mar", "märz", "maerz", "mars", "marzo", "março"),
            ("april", "apr", "avril", "abril", "aprile"),
            ("may", "mai", "mayo", "maggio", "maio"),
            ("june", "jun", "juni", "juin", "junio", "giugno", "junho"),
            ("july", "jul", "juli", "juillet", "julio", "luglio", "julho"),
            ("august", "aug", "août", "aout", "agosto"),
            ("september", "sep", "sept", "septembre", "septiembre", "settembre", "setembro"),
            ("october", "oct", "oktober", "octobre", "octubre", "ottobre", "outubro"),
            ("november", "nov", "novembre", "noviembre", "novembro"),
            (
                "december",
                "dec",
                "dezember",
                "décembre",
                "decembre",
                "diciembre",
                "dicembre",
                "dezembro",
            ),
        ],
        start=1,
    )
    for m in names
}
_MONTH_RE = "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True))
_TIME = (
    r"(?:\s*[-–,|at@]*\s*(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?"
    r"\s*(?P<ampm>[ap]\.?m\.?)?\s*(?P<tz>GMT|UTC|Z)?)?"
)
_DATE_PATTERNS = [
    (
        "iso",
        re.compile(
            r"(?<!\d)(?P<y>(?:19|20)\d{2})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
            r"(?:[T ](?P<h>\d{2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?"
            r"(?P<tz>Z|[+-]\d{2}:?\d{2})?)?(?!\d)"
        ),
    ),
    (
        "month-day-year",
        re.compile(
            rf"(?<![\w])(?P<mon>{_MONTH_RE})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d{{2}})(?!\d)"
            + _TIME,
            re.I,
        ),
    ),
    (
        "day-month-year",
        re.compile(
            rf"(?<!\d)(?P<d>\d{{1,2}})(?:st|nd|rd|th|er|\.)?\s*(?:de\s+)?(?P<mon>{_MONTH_RE})\.?,?\s+(?:de\s+)?(?P<y>(?:19|20)\d{{2}})(?!\d)"
            + _TIME,
            re.I,
        ),
    ),
    (
        "numeric",
        re.compile(r"(?<![\d.])(?P<a>\d{1,2})[./](?P<b>\d{1,2})[./](?P<y>(?:19|20)\d{2})(?![\d.])"),
    ),
]
_BYLINE = re.compile(r"^\s*(?:by|von|par|por|di|door|av)\s+(?P<names>.+)$", re.I)
_NAME_SPLIT = re.compile(r"\s*(?:,|\band\b|\bund\b|\bet\b|\by\b|\be\b|&)\s*", re.I)
_NAME_TAIL = re.compile(r"\s*[|,–-]\s*(reuters|ap|afp|dpa|staff|correspondent|editor).*$", re.I)
_FURNITURE = re.compile(
    r"^(share|advertisement|listen live|get short url|menu|home|search|subscribe|"
    r"you may also like|related|read more|comments?|sign in|log in)\W*$",
    re.I,
)
_COPYRIGHT = re.compile(r"(©|\(c\)|copyright)\s*(\d{4})?\s*(?P<who>.*)$", re.I)


@dataclass(frozen=True)
class MetadataOptions:
    html_dates: bool = option(True, "Use htmldate (extensive search) for dates in HTML.")
    max_title_words: int = option(25, "A title candidate has at most this many words.", minimum=3)


def _to_iso(g: dict[str, Any], kind: str) -> tuple[str, str] | None:
    """An ISO 8601 string and its precision from a regex match, or None if impossible."""
    try:
        y = int(g["y"])
        if kind == "numeric":
            a, b = int(g["a"]), int(g["b"])
            # Day first unless that is impossible: most of the world writes d/m/y.
            d, m = (a, b) if b <= 12 else (b, a)
        elif kind == "iso":
            m, d = int(g["m"]), int(g["d"])
        else:
            m, d = _MONTHS[g["mon"].lower().rstrip(".")], int(g["d"])
        day = date(y, m, d)
    except (KeyError, ValueError, TypeError):
        return None
    if g.get("h") is not None:
        h, mi, s = int(g["h"]), int(g["mi"]), int(g.get("s") or 0)
        ampm = (g.get("ampm") or "").lower().replace(".", "")
        if ampm == "pm" and h < 12:
            h += 12
        elif ampm == "am" and h == 12:
            h = 0
        tz = g.get("tz")
        if h > 23 or mi > 59 or s > 59:
            return day.isoformat(), "day"
        offset = ""
        if tz in ("GMT", "UTC", "Z", "gmt", "utc"):
            offset = "+00:00"
        elif tz:
            offset = tz if ":" in tz else tz[:3] + ":" + tz[3:]
        if not offset:
            return day.isoformat(), "day"  # a time with no zone is not an instant
        return datetime(y, m, d, h, mi, s).isoformat() + offset, "second"
    return day.isoformat(), "day"


def find_dates(lines: list[str], limit: int = 400) -> list[dict[str, Any]]:
    """Every date written in the first ``limit`` lines: value, precision, line, form."""
    out = []
    for i, line in enumerate(lines[:limit]):
        if _COPYRIGHT.search(line):
            continue  # a copyright year is not a publication date
        for kind, rx in _DATE_PATTERNS:
            for m in rx.finditer(line):
                iso = _to_iso(m.groupdict(), kind)
                if iso:
                    out.append(
                        {
                            "value": iso[0],
                            "precision": iso[1],
                            "line": i,
                            "form": kind,
                            "text": m.group(0).strip(),
                        }
                    )
    return out


def _words(s: str) -> int:
    return len(s.split())


def _is_sentence(line: str) -> bool:
    return _words(line) >= 12 and line.rstrip().endswith((".", "!", "?", '"', "”", "»"))


def _headline_like(line: str, max_words: int) -> bool:
    n = _words(line)
    return (
        4 <= n <= max_words
        and not line.rstrip().endswith((".", ":", ","))
        and not _FURNITURE.match(line)
        and not _BYLINE.match(line)
        and (line[:1].isupper() or line[:1].isdigit() or not line[:1].isascii())
    )


def text_metadata(text: str, max_title_words: int = 25) -> dict[str, Any]:
    """Metadata read off a plain-text page; values with the line they came from."""
    lines = [ln.strip() for ln in text.splitlines()]
    nonempty = [(i, ln) for i, ln in enumerate(lines) if ln]
    body_start = next((i for i, ln in nonempty if _is_sentence(ln)), len(lines))
    found: dict[str, Any] = {}

    later = {ln.casefold() for ln in lines[body_start:] if ln}
    for i, ln in nonempty:
        if i >= body_start:
            break
        if find_dates([ln]) or ln.casefold() in later:
            continue
        if _headline_like(ln, max_title_words):
            found["title"] = (ln, i)
            break

    for i, ln in nonempty[:40]:
        m = _BYLINE.match(ln)
        if m and _words(ln) <= 12:
            names = _NAME_TAIL.sub("", m.group("names"))
            people = [n.strip(" .") for n in _NAME_SPLIT.split(names) if n.strip(" .")]
            people = [p for p in people if 1 <= _words(p) <= 4 and p[:1].isupper()]
            if people:
                found["authors"] = (people, i)
                break

    def site_like(s: str) -> bool:
        ws = s.split()
        return (
            1 <= len(ws) <= 4
            and all(w[:1].isupper() for w in ws)
            and not _FURNITURE.match(s)
            and not find_dates([s])
        )

    first_i, first = nonempty[0] if nonempty else (0, "")
    title_line = found.get("title", ("", -1))[1]
    if first and first_i != title_line and first_i < body_start and site_like(first):
        found["site_name"] = (first, first_i)
    else:
        for i, ln in reversed(nonempty[-3:]):
            if i > body_start and site_like(ln) and "," not in ln:
                found["site_name"] = (ln, i)
                break

    for i, ln in reversed(nonempty[-8:]):
        if i <= body_start or ln.endswith((".", "!", "?")):
            continue
        parts = [p.strip() for p in ln.split(",")]
        if len(parts) >= 3 and all(p and _words(p) <= 4 for p in parts):
            found["tags"] = (parts, i)
            break

    for i, ln in nonempty:
        m = _COPYRIGHT.search(ln)
        if m and m.group("who").strip():
            found["publisher"] = (m.group("who").strip(), i)
    found["dates"] = find_dates(lines)
    return found


class MetadataStage(Stage):
    """Fill title, authors, site name, published and tags."""

    name = "metadata"
    Options = MetadataOptions
    annotations_schema = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "sources": {
                "type": "object",
                "description": "Where each field came from (input, html, text line N, ...).",
                "additionalProperties": {"type": "string"},
            },
            "dates": {
                "type": "array",
                "description": "Every candidate publication date found.",
                "items": {
                    "type": "object",
                    "required": ["value", "where"],
                    "properties": {
                        "value": {"type": "string"},
                        "where": {"type": "string"},
                        "precision": {"type": "string"},
                        "text": {"type": "string"},
                    },
                },
            },
            "date_chosen": {
                "type": ["integer", "null"],
                "description": "Index of the chosen date in dates.",
            },
            "date_confidence": {"type": "number", "minimum": 0, "maximum": 1},
            "publisher": {"type": "string"},
        },
    }

    options: MetadataOptions

    def process(self, doc: Document) -> Document:
        sources: dict[str, str] = {}
        dates: list[dict[str, Any]] = []
        given = doc.annotations.get("source", {}).get("given", {})
        if doc.title:
            sources["title"] = "input"
        if given.get("date"):
            found = find_dates([given["date"]])
            if found:
                dates.append(
                    {
                        "value": found[0]["value"],
                        "where": "input",
                        "precision": found[0]["precision"],
                    }
                )
        publisher = None
        if doc.content_is_html:
            self._from_html(doc, sources, dates)
        else:
            meta = text_metadata(doc.content, self.options.max_title_words)
            for key in ("title", "site_name", "authors", "tags"):
                if key in meta and not getattr(doc, key):
                    value, line = meta[key]
                    setattr(doc, key, list(value) if isinstance(value, list) else value)
                    sources[key] = f"text line {line}"
            if "publisher" in meta:
                publisher = meta["publisher"][0]
            dates.extend(
                {
                    "value": d["value"],
                    "where": f"text line {d['line']}",
                    "precision": d["precision"],
                    "text": d["text"],
                }
                for d in meta["dates"]
            )
        chosen, confidence = self._choose(doc, dates)
        if chosen is not None:
            doc.published = dates[chosen]["value"]
            sources["published"] = dates[chosen]["where"]
        ann: dict[str, Any] = {
            "sources": sources,
            "dates": dates,
            "date_chosen": chosen,
            "date_confidence": confidence,
        }
        if publisher:
            ann["publisher"] = publisher
        doc.annotations[self.name] = ann
        return doc

    def _choose(self, doc: Document, dates: list[dict[str, Any]]) -> tuple[int | None, float]:
        """The first date not later than the capture; input dates win."""
        bound = (doc.source.fetched_at or "")[:10]
        for i, d in enumerate(dates):
            if bound and d["value"][:10] > bound:
                continue
            if d["where"] == "input":
                return i, 0.95
            if d["where"].startswith("html"):
                return i, 0.85
            return i, 0.6
        return None, 0.0

    def _from_html(
        self, doc: Document, sources: dict[str, str], dates: list[dict[str, Any]]
    ) -> None:
        from trafilatura.metadata import extract_metadata

        html = doc.content
        meta = extract_metadata(
            html,
            default_url=doc.source.uri
            if "://" in doc.source.uri and not doc.source.uri.startswith("file:")
            else None,
        )
        if meta is not None:
            if meta.title and not doc.title:
                doc.title, sources["title"] = meta.title, "html"
            if meta.author and not doc.authors:
                doc.authors = [a.strip() for a in re.split(r";|\band\b", meta.author) if a.strip()]
                sources["authors"] = "html"
            if meta.sitename and not doc.site_name:
                doc.site_name, sources["site_name"] = meta.sitename, "html"
            tags = [*(meta.categories or []), *(meta.tags or [])]
            if tags and not doc.tags:
                doc.tags = list(dict.fromkeys(t.strip() for t in tags if t.strip()))
                sources["tags"] = "html"
        if self.options.html_dates:
            from htmldate import find_date

            kwargs: dict[str, Any] = {"extensive_search": True, "original_date": True}
            if doc.source.fetched_at:
                kwargs["max_date"] = doc.source.fetched_at[:10]
            try:
                found = find_date(html, **kwargs)
            except Exception:
                found = None
            if found:
                dates.append({"value": found, "where": "html (htmldate)", "precision": "day"})


@hookimpl
def corearchive_register_stages(register: Any) -> None:
    register(MetadataStage)
