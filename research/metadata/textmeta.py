"""Metadata from plain text (and HTML): title, authors, site name, tags, publication date.

Self-contained (stdlib only for the text path; lxml/trafilatura/htmldate for the HTML path).

    extract(text, capture_date=None) -> dict
        title, authors, site_name, tags, categories, publisher, published (ISO, source precision),
        published_confidence, candidates (every date: value, line, cue, form, text, score, chosen)

Scorer wrappers:
    date_text(text) -> 'YYYY-MM-DD' | None          (date_eval.py --input text -m textmeta.py:date_text)
    title_text(text) -> str | None                  (title_eval.py --input text -m textmeta.py:title_text)
    date_html(html) -> 'YYYY-MM-DD' | None          (date_eval.py --input html -m textmeta.py:date_html)
    extract_html(html, capture_date=None) -> dict   (trafilatura metadata + htmldate + this scorer)

Dates are ranked by a small logistic model (weights in date_weights.json beside this file,
trained by train_dates.py with page-grouped cross-validation); without the file, hand weights.
"""

from __future__ import annotations

import bisect
import json
import math
import os
import re
from datetime import date, datetime, timedelta
from typing import Any

HERE = os.path.dirname(os.path.abspath(__file__))
MIN_YEAR = 1990
_MAX_CANDS = 80

# --------------------------------------------------------------------------- months ----
_MONTH_NAMES = [
    # en de fr es it pt nl sv/da/no pl cs ru uk tr fi ca sq hr hu ro id el ar
    "january jan januar janvier janv enero ene gennaio gen janeiro januari jän jänner stycznia styczeń ledna leden января январь ocak tammikuuta tammikuu gener janar siječnja siječanj január ianuarie ian січня січень ιανουαρίου ιανουάριος يناير",
    "february feb febr februar février fevrier févr fév febrero febbraio fevereiro fev februari lutego luty února únor февраля февраль şubat subat helmikuuta helmikuu febrer shkurt veljače veljača február februarie лютого лютий φεβρουαρίου φεβρουάριος فبراير",
    "march mar märz maerz mär mars marzo março marco maart marts marca marzec března březen марта март mart maaliskuuta maaliskuu març ožujka ožujak március martie березня березень μαρτίου μάρτιος مارس maret",
    "april apr avril avr abril abr aprile kwietnia kwiecień dubna duben апреля апрель nisan huhtikuuta huhtikuu prill travnja travanj április aprilie квітня квітень απριλίου απρίλιος أبريل",
    "may mai mayo maggio mag maio mei maj maja květen května мая май mayıs mayis toukokuuta toukokuu maig svibnja svibanj május травня травень μαΐου μαΐου μάιος مايو",
    "june jun juni juin junio giugno giu junho czerwca czerwiec června červen июня июнь haziran kesäkuuta kesäkuu juny qershor lipnja lipanj június iunie червня червень ιουνίου ιούνιος يونيو",
    "july jul juli juillet juil julio luglio lug julho lipca lipiec července červenec июля июль temmuz heinäkuuta heinäkuu juliol korrik srpnja srpanj július iulie липня липень ιουλίου ιούλιος يوليو",
    "august aug august août aout agosto ago augustus augusti sierpnia sierpień srpna srpen августа август ağustos agustos elokuuta elokuu agost gusht kolovoza kolovoz augusztus серпня серпень αυγούστου αύγουστος أغسطس agustus",
    "september sep sept septembre septiembre settembre set setembro september września wrzesień září сентября сентябрь eylül eylul syyskuuta syyskuu setembre shtator rujna rujan szeptember septembrie вересня вересень σεπτεμβρίου σεπτέμβριος سبتمبر",
    "october oct okt oktober octobre octubre ottobre ott outubro out października październik října říjen октября октябрь ekim lokakuuta lokakuu tetor október octombrie жовтня жовтень οκτωβρίου οκτώβριος أكتوبر",
    "november nov novembre noviembre novembro listopadu ноября ноябрь kasım kasim marraskuuta marraskuu nëntor studenoga studenog studeni noiembrie листопада листопад νοεμβρίου νοέμβριος نوفمبر nopember",
    "december dec dez dezember décembre decembre déc diciembre dic dicembre dezembro grudnia grudzień prosince prosinec декабря декабрь aralık aralik joulukuuta joulukuu desembre dhjetor prosinca prosinac decembrie грудня грудень δεκεμβρίου δεκέμβριος ديسمبر desember",
]
MONTHS: dict[str, int] = {}
for _i, _names in enumerate(_MONTH_NAMES, 1):
    for _n in _names.split():
        MONTHS.setdefault(_n, _i)
_MON = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))

_TZ = {
    "gmt": "+00:00", "utc": "+00:00", "z": "+00:00", "bst": "+01:00", "cet": "+01:00",
    "mez": "+01:00", "cest": "+02:00", "mesz": "+02:00", "eet": "+02:00", "eest": "+03:00",
    "est": "-05:00", "edt": "-04:00", "cst": "-06:00", "cdt": "-05:00", "mst": "-07:00",
    "mdt": "-06:00", "pst": "-08:00", "pdt": "-07:00", "ist": "+05:30", "jst": "+09:00",
    "aest": "+10:00", "aedt": "+11:00",
}
_TZ_RE = "|".join(sorted(_TZ, key=len, reverse=True))
_TIME = (
    r"(?:\s*(?:[-–—,|/•·]|at|um|à|a las|alle|om|kl\.?|klo|o)?\s*"
    r"(?P<h>[012]?\d)[:.h](?P<mi>[0-5]\d)(?::(?P<s>[0-5]\d))?(?:\.\d+)?"
    r"\s*(?P<ampm>[ap]\.?\s?m\.?)?\s*(?:Uhr\s*)?\(?(?P<tz>(?:" + _TZ_RE + r")\b|[+-]\d{2}:?\d{2})?)?"
)
_ISO_TIME = (
    r"(?:[T ](?P<h>[012]\d):(?P<mi>[0-5]\d)(?::(?P<s>[0-5]\d))?(?:\.\d+)?"
    r"\s*(?P<tz>Z|[+-]\d{2}:?\d{2}|(?:" + _TZ_RE + r")\b)?)?"
)
_FLAGS = re.I | re.U
DATE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(
        r"(?<![\d/.-])(?P<y>(?:19|20)\d\d)(?P<sep>[-/.])(?P<m>[01]?\d)(?P=sep)(?P<d>[0-3]?\d)(?![\d])"
        + _ISO_TIME, _FLAGS)),
    ("iso", re.compile(r"(?<![\d.])(?P<y>(?:19|20)\d\d)\.\s(?P<m>[01]?\d)\.\s(?P<d>[0-3]?\d)\.(?!\d)" + _TIME, _FLAGS)),
    ("cjk", re.compile(r"(?P<y>(?:19|20)\d\d)\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日", _FLAGS)),
    ("num", re.compile(
        r"(?<![\d/.-])(?P<a>[0-3]?\d)\s?(?P<sep>[./-])\s?(?P<b>[0-3]?\d)\s?(?P=sep)\s?(?P<y>(?:19|20)\d\d(?![\d])|(?:19|20)\d\d(?=[0-3]?\d[./:])|\d\d(?![\d]|\.\d))"
        + _TIME, _FLAGS)),
    ("mdy", re.compile(
        rf"(?<![\w])(?P<mon>{_MON})\.?\s*(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\.?,?\s+(?:de\s+)?(?P<y>(?:19|20)\d\d)(?:(?!\d)|(?=[0-2]?\d[:.]\d\d|[0-3]?\d\.?\s|[0-3]?\d/))"
        + _TIME, _FLAGS)),
    ("dmy", re.compile(
        rf"(?<!\d)(?P<d>[0-3]?\d)(?:st|nd|rd|th|er|e|º|°)?\.?\s*(?:de\s+|of\s+)?[-/]?(?P<mon>{_MON})(?:/\w+)?\.?[-/]?,?\s*(?:de\s+|del\s+)?(?P<y>(?:19|20)\d\d)(?:(?!\d)|(?=[0-2]?\d[:.]\d\d|[0-3]?\d\.?\s|[0-3]?\d/))"
        + _TIME, _FLAGS)),
    ("ymd_t", re.compile(
        rf"(?<![\w])(?P<y>(?:19|20)\d\d),?\s+(?P<mon>{_MON})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)", _FLAGS)),
]
# a line is worth scanning if it has a 4-digit year or a d.m.yy form or CJK date
_PREFILTER = re.compile(r"(?:19|20)\d\d|\d[./-]\d{1,2}[./-]\d\d")
_RELATIVE = re.compile(
    r"(?:(?P<n>\d{1,3}|an?|one|ein|eine|einem|einer|un|une)\s*(?P<u>min(?:ute)?s?|mins?|hours?|hrs?|h|days?|weeks?|months?"
    r"|minuten?|stunden?|tagen?|wochen?|monaten?|heures?|jours?|semaines?|mois|horas?|d[ií]as?|semanas?|meses)"
    r"\s*(?:ago|zuvor)\b|\b(?:vor|il y a|hace|há)\s+(?P<n2>\d{1,3}|einem|einer|un|une)\s*(?P<u2>min(?:ute)?n?s?|stunden?|tagen?"
    r"|wochen?|monaten?|heures?|jours?|semaines?|mois|minutos?|horas?|d[ií]as?|semanas?|meses|hours?|days?)"
    r"|\b(?P<word>yesterday|today|gestern|heute|hier|aujourd'hui|ayer|hoy|ieri|oggi|gisteren|vandaag))",
    re.I,
)
_UNIT_DAYS = {"min": 0, "h": 0, "hou": 0, "hr": 0, "hrs": 0, "stu": 0, "heu": 0, "hor": 0,
              "day": 1, "tag": 1, "jou": 1, "dia": 1, "día": 1, "wee": 7, "woc": 7, "sem": 7,
              "mon": 30, "moi": 30, "mes": 30}

# cue words: the text just before a date (same line, or the previous short line)
_CUE_PUB = re.compile(
    r"(published|publish date|posted|post date|publiziert|veröffentlicht|erschienen|erstellt|"
    r"publié|publiée|mis en ligne|publicado|publicada|pubblicato|gepubliceerd|geplaatst|publicerad|"
    r"publiceret|publisert|opublikowano|publikováno|опубликовано|yayınlanma|released|"
    r"date\b|datum|dated|fecha|data|creado|created|written|geschrieben|écrit|"
    r"artikel vom|beitrag vom|vom\b|from\b|le\b|am\b|on\b|du\b)\s*:?\s*$",
    re.I,
)
_CUE_UPD = re.compile(
    r"(updated|last update[d]?|update|modified|last modified|aktualisiert|geändert|zuletzt|"
    r"stand|mis à jour|mise à jour|actualizado|actualizada|actualización|aggiornato|"
    r"bijgewerkt|uppdaterad|opdateret|oppdatert|zaktualizowano|revised|edited)\b[^0-9]{0,25}$",
    re.I,
)
_CUE_NEG = re.compile(
    r"(©|\(c\)|copyright|says:|sagt:|schreibt:|reply|antworten|comment|kommentar|commentaire|"
    r"respuesta|born|geboren|né le|died|gestorben|deadline|frist|bis zum|until|bis\b|ends?|"
    r"from\s+\S+\s+to|event|termin|veranstaltung|am\s+\w+,?\s+$|joined|member since|mitglied seit|"
    r"registriert|dabei seit|seit\b|since\b|access(?:ed)?|abgerufen|retrieved|consulté)",
    re.I,
)
_COPYRIGHT = re.compile(r"©|\(c\)\s*\d|copyright", re.I)
_WORD = re.compile(r"\w+")


def _tzoff(tz: str | None) -> str:
    if not tz:
        return ""
    t = tz.lower()
    if t in _TZ:
        return _TZ[t]
    t = tz.replace(":", "")
    return t[:3] + ":" + t[3:5]


def _mk(y: int, m: int, d: int) -> date | None:
    try:
        dd = date(y, m, d)
    except ValueError:
        return None
    return dd if MIN_YEAR <= y <= 2100 else None


def _year(ystr: str) -> int:
    y = int(ystr)
    if len(ystr) == 2:
        y += 2000 if y <= (date.today().year % 100) + 1 else 1900
    return y


def _time_part(g: dict[str, Any]) -> tuple[str, str] | None:
    """('HH:MM:SS', offset) if a time of day follows the date, else None."""
    if g.get("h") is None:
        return None
    h, mi, s = int(g["h"]), int(g["mi"]), int(g.get("s") or 0)
    ampm = (g.get("ampm") or "").lower().replace(".", "").replace(" ", "")
    if ampm == "pm" and h < 12:
        h += 12
    elif ampm == "am" and h == 12:
        h = 0
    if h > 23:
        return None
    return f"{h:02d}:{mi:02d}:{s:02d}", _tzoff(g.get("tz"))


def find_dates(text: str, max_lines: int = 100000) -> tuple[list[dict[str, Any]], list[str]]:
    """Every written date: dict(date, value, line, col, form, text, time, ambiguous, alt)."""
    lines = text.splitlines()
    out: list[dict[str, Any]] = []
    for i, line in enumerate(lines[:max_lines]):
        if not _PREFILTER.search(line):
            continue
        taken: list[tuple[int, int]] = []
        for form0, rx in DATE_PATTERNS:
            for m in rx.finditer(line):
                form = form0
                s0, e0 = m.span()
                if any(s0 < e and s < e0 for s, e in taken):
                    continue
                g = m.groupdict()
                alt = None
                if form in ("iso", "cjk"):
                    dd = _mk(int(g["y"]), int(g["m"]), int(g["d"]))
                elif form == "num":
                    a, b, y = int(g["a"]), int(g["b"]), _year(g["y"])
                    if len(g["y"]) == 2 and g["sep"] == "-":
                        continue  # 12-34-56: phone numbers, ranges
                    d1, d2 = _mk(y, b, a), _mk(y, a, b)  # day-first, month-first
                    dd = d1 or d2
                    if d1 and d2 and a != b:
                        alt = d2
                    if dd and len(g["y"]) == 2:
                        form = "num2"
                else:
                    dd = _mk(int(g["y"]), MONTHS[g["mon"].lower()], int(g["d"]))
                if dd is None:
                    continue
                taken.append((s0, e0))
                out.append({
                    "date": dd, "line": i, "col": s0, "form": form, "text": m.group(0).strip(),
                    "time": _time_part(g), "alt": alt, "sep": g.get("sep"),
                })
    out.sort(key=lambda c: (c["line"], c["col"]))
    return out, lines


def find_relative(lines: list[str], capture: date, max_lines: int = 80) -> list[dict[str, Any]]:
    """'3 hours ago', 'vor 2 Tagen', 'yesterday' in the top lines, resolved against capture."""
    out = []
    for i, line in enumerate(lines[:max_lines]):
        if len(line) > 200:
            continue
        for m in _RELATIVE.finditer(line):
            if m.group("word"):
                w = m.group("word").lower()
                days = 1 if w in ("yesterday", "gestern", "hier", "ayer", "ieri", "gisteren") else 0
            else:
                n = m.group("n") or m.group("n2")
                u = (m.group("u") or m.group("u2")).lower()
                n = int(n) if n.isdigit() else 1
                unit = _UNIT_DAYS.get(u[:3], _UNIT_DAYS.get(u[:1], 1))
                if u[:3] == "min" or u[:1] == "h" or u[:3] in ("stu", "heu", "hor"):
                    hours = n if u[:3] != "min" else n / 60
                    days = 0 if hours < 24 else round(hours / 24)
                    # a few hours before capture may be the previous day; keep the capture day
                else:
                    days = n * unit
            out.append({"date": capture - timedelta(days=days), "line": i, "col": m.start(),
                        "form": "relative", "text": m.group(0), "time": None, "alt": None, "sep": None})
    return out


# ------------------------------------------------------------------------- features ----
def _is_para(line: str) -> bool:
    s = line.strip()
    return len(s) > 80 and len(s.split()) >= 12 and s[-1:] in '.!?"”»)…:'


def main_block(texts: list[str]) -> tuple[int, int]:
    """(first, last) index of the densest run of paragraph lines (max-sum segment)."""
    best, best_span = 0.0, (len(texts), len(texts))
    cur, start = 0.0, 0
    for k, s in enumerate(texts):
        n = len(s)
        v = n if (n >= 60 and s.count(" ") >= 9) else (-25.0 if n < 60 else -10.0)
        if cur <= 0:
            cur, start = 0.0, k
        cur += v
        if cur > best:
            best, best_span = cur, (start, k)
    return best_span


FEATURES = [
    "bias", "first", "rank_pos", "line_log", "line_rel", "before_body", "body_dist_log",
    "after_body_dist_log", "cue_pub", "cue_upd", "cue_neg", "copyright", "short_line",
    "line_words_log", "date_alone", "has_time", "has_tz", "form_iso", "form_num", "form_num2",
    "form_text", "form_rel", "ambiguous", "count_log", "is_latest", "is_earliest",
    "latest_gap_log", "top_latest", "newer_than_first", "dense", "in_para", "prev_line_cue",
    "after_capture", "year_ok", "n_cands_log", "same_as_first", "title_dist", "near_top3",
    "distinct_rank", "median_gap_log", "before_main", "main_dist_log", "after_main_end",
    "in_main", "first_before_main", "weekday", "strong_pub", "weak_cue", "event_cue",
    "n_in_line_log", "range", "byline_near", "first_after_title", "before_title",
    "in_sentence", "alone_before_main", "pub_before_main", "alone_top", "strong_alone",
    "lower_before", "glued",
]


_WEEKDAY = re.compile(
    r"(?i)\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|"
    r"montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|sonnabend|mo|di|mi|do|fr|sa|so|"
    r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo|"
    r"lunedì|martedì|mercoledì|giovedì|venerdì|sabato|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|"
    r"dilluns|dimarts|dimecres|dijous|divendres|dissabte|diumenge)\b\.?,?\s*(?:(?:den|le|el|the)\s*)?$"
)
_STRONG_PUB = re.compile(
    r"(?i)(published|publish date|posted|publiziert|veröffentlicht|erschienen|erstellt|publié|publiée|"
    r"mis en ligne|publicado|publicada|pubblicato|gepubliceerd|geplaatst|publicerad|publiceret|publisert|"
    r"opublikowano|publikováno|опубликовано|yayınlanma|beitrag wurde|datum|date|dated|fecha|data)\b[^0-9]{0,30}$"
)
_WEAK_CUE = re.compile(r"(?i)\b(vom|am|on|le|du|el|il|den|from)\s*$")
_EVENT = re.compile(
    r"(?i)(termin|ab dem|ab|seit dem|seit|bis zum|bis|until|till|from|von|vom|between|zwischen|starting|"
    r"beginn|start|ende|deadline|frist|anmeldeschluss|einsendeschluss|wann|when|event|veranstaltung|"
    r"datum der veranstaltung|invalid|gültig|valid)\s*:?\s*$"
)
_BYLINE_ANY = re.compile(r"(?i)(?:^|\s|\|)(?:by|von|par|por|di|door|autor|author)\s*:?\s+[A-ZÄÖÜ]")


def _features(cands: list[dict[str, Any]], lines: list[str], capture: date | None,
              title_line: int | None = None) -> None:
    n_lines = max(1, len(lines))
    nonempty = [i for i, ln in enumerate(lines) if ln.strip()]
    texts = [lines[i].strip() for i in nonempty]
    ms, me = main_block(texts)
    main_start = nonempty[ms] if ms < len(nonempty) else n_lines
    main_end = nonempty[me] if me < len(nonempty) else n_lines
    body = next((i for i, ln in enumerate(lines) if _is_para(ln)), n_lines)
    dates = [c["date"] for c in cands]
    counts: dict[date, int] = {}
    for d in dates:
        counts[d] = counts.get(d, 0) + 1
    per_line: dict[int, int] = {}
    for c in cands:
        per_line[c["line"]] = per_line.get(c["line"], 0) + 1
    valid = [d for d in dates if not capture or d <= capture]
    latest = max(valid) if valid else None
    earliest = min(valid) if valid else None
    top = [c["date"] for c in cands if c["line"] <= main_start + 3 and (not capture or c["date"] <= capture)]
    top_latest = max(top) if top else None
    first_date = dates[0] if dates else None
    distinct = sorted(set(valid), reverse=True)
    drank = {d: k for k, d in enumerate(distinct)}
    med = sorted(valid)[len(valid) // 2] if valid else None
    lines_with = sorted(c["line"] for c in cands)
    first_before_main = max((c["line"] for c in cands if c["line"] < main_start), default=-1)
    first_after_title = (min((c["line"] for c in cands if c["line"] > title_line), default=-1)
                         if title_line is not None else -1)
    # previous non-empty line for every line
    prev_of: dict[int, int] = {}
    for a_, b_ in zip(nonempty, nonempty[1:]):
        prev_of[b_] = a_
    for k, c in enumerate(cands):
        i = c["line"]
        line = lines[i] if i < len(lines) else ""
        before = line[: c["col"]]
        after = line[c["col"] + len(c["text"]):]
        pi = prev_of.get(i)
        prev = lines[pi].strip() if pi is not None else ""
        if not before.strip() and prev and len(prev) < 40:
            ctx = prev + " "
            prev_cue = 1.0
        else:
            ctx = before
            prev_cue = 0.0
        ctx_tail = ctx[-45:]
        wk = _WEEKDAY.search(ctx_tail)
        ctx_core = ctx_tail[: wk.start()] if wk else ctx_tail
        strong = bool(_STRONG_PUB.search(ctx_core))
        cue_pub = strong or bool(_CUE_PUB.search(ctx_core))
        cue_upd = bool(_CUE_UPD.search(ctx_core))
        weak = bool(_WEAK_CUE.search(ctx_core))
        event = bool(_EVENT.search(ctx_core)) or bool(re.match(r"\s*(?:[-–—]|bis|to|au|al)\s*\d", after))
        rng = bool(re.match(r"\s*(?:[-–—]|bis|to)\s*\d", after)) or bool(re.search(r"\d\s*(?:[-–—]|bis)\s*$", before))
        cue_neg = bool(_CUE_NEG.search(ctx_tail)) or bool(_CUE_NEG.search(line[c["col"]:c["col"] + 60]))
        c["cue"] = ("updated" if cue_upd else "published" if cue_pub else "event" if event
                    else "negative" if cue_neg else None)
        nw = len(line.split())
        rest = line.replace(c["text"], " ")
        alone = len(_WORD.findall(rest)) <= 3
        d = c["date"]
        dense = bisect.bisect_right(lines_with, i + 3) - bisect.bisect_left(lines_with, i - 3) - 1
        gap = (latest - d).days if latest else 0
        mgap = abs((d - med).days) if med else 0
        near = " ".join(lines[j] for j in range(max(0, i - 2), min(len(lines), i + 3)))
        f = {
            "bias": 1.0,
            "first": float(k == 0),
            "rank_pos": math.log1p(k),
            "line_log": math.log1p(i),
            "line_rel": i / n_lines,
            "before_body": float(i < body),
            "body_dist_log": math.log1p(max(0, body - i)),
            "after_body_dist_log": math.log1p(max(0, i - body)),
            "cue_pub": float(cue_pub),
            "cue_upd": float(cue_upd),
            "cue_neg": float(cue_neg),
            "copyright": float(bool(_COPYRIGHT.search(line))),
            "short_line": float(nw <= 8),
            "line_words_log": math.log1p(nw),
            "date_alone": float(alone),
            "has_time": float(c["time"] is not None),
            "has_tz": float(bool(c["time"] and c["time"][1])),
            "form_iso": float(c["form"] in ("iso", "cjk")),
            "form_num": float(c["form"] == "num"),
            "form_num2": float(c["form"] == "num2"),
            "form_text": float(c["form"] in ("mdy", "dmy", "ymd_t")),
            "form_rel": float(c["form"] == "relative"),
            "ambiguous": float(c["alt"] is not None),
            "count_log": math.log(counts[d]),
            "is_latest": float(d == latest),
            "is_earliest": float(d == earliest and latest != earliest),
            "latest_gap_log": math.log1p(max(0, gap)) / 5,
            "top_latest": float(d == top_latest),
            "newer_than_first": float(first_date is not None and d > first_date),
            "dense": min(dense, 6) / 6,
            "in_para": float(_is_para(line)),
            "prev_line_cue": prev_cue * float(cue_pub or cue_upd),
            "after_capture": float(bool(capture and d > capture)),
            "year_ok": float(1995 <= d.year),
            "n_cands_log": math.log1p(len(cands)),
            "same_as_first": float(first_date == d),
            "title_dist": (math.log1p(abs(i - title_line)) if title_line is not None else 2.0),
            "near_top3": float(title_line is not None and 0 <= i - title_line <= 6),
            "distinct_rank": min(drank.get(d, 9), 9) / 9,
            "median_gap_log": math.log1p(mgap) / 5,
            "before_main": float(i < main_start),
            "main_dist_log": math.log1p(abs(main_start - i)) * (1 if i < main_start else -1),
            "after_main_end": float(i > main_end),
            "in_main": float(main_start <= i <= main_end),
            "first_before_main": float(i == first_before_main),
            "weekday": float(bool(wk)),
            "strong_pub": float(strong),
            "weak_cue": float(weak),
            "event_cue": float(event),
            "n_in_line_log": math.log(per_line[i]),
            "range": float(rng),
            "byline_near": float(bool(_BYLINE_ANY.search(near))),
            "first_after_title": float(i == first_after_title),
            "before_title": float(title_line is not None and i < title_line),
            "in_sentence": float(nw > 12 and not alone),
            "alone_before_main": float(alone and i < main_start),
            "pub_before_main": float(cue_pub and i <= main_start + 2),
            "alone_top": float(alone and i <= main_start + 2 and k < 3),
            "strong_alone": float(strong and nw <= 12),
            "lower_before": float(bool(re.search(r"[a-zäöüéè,]\s+$", before)) and not weak and not strong),
            "glued": float(bool(before) and before[-1:].isalnum()),
        }
        c["f"] = f


_HAND = {
    "bias": -2.0, "first": 1.0, "before_body": 1.0, "cue_pub": 2.0, "cue_upd": -0.5, "cue_neg": -2.0,
    "copyright": -4.0, "after_capture": -10.0, "line_rel": -1.5, "count_log": 0.3, "date_alone": 0.5,
    "has_time": 0.5, "in_para": -1.0,
}
_WEIGHTS: dict[str, Any] | None = None


def _weights() -> dict[str, Any]:
    global _WEIGHTS
    if _WEIGHTS is None:
        p = os.path.join(HERE, "date_weights.json")
        try:
            with open(p, encoding="utf-8") as fh:
                _WEIGHTS = json.load(fh)
        except OSError:
            _WEIGHTS = {"text": {"w": _HAND, "mean": {}, "scale": {}}}
    return _WEIGHTS


def _score(f: dict[str, float], model: dict[str, Any]) -> float:
    w, mu, sc = model["w"], model.get("mean", {}), model.get("scale", {})
    z = model.get("intercept", 0.0)
    for k, v in f.items():
        if k in w:
            z += w[k] * (v - mu.get(k, 0.0)) / (sc.get(k, 1.0) or 1.0)
    return z


def _resolve_ambiguous(cands: list[dict[str, Any]], capture: date | None) -> None:
    """d/m vs m/d: follow the page's unambiguous numeric dates, else day first; reject future."""
    votes = {"dm": 0, "md": 0}
    for c in cands:
        if c["form"] in ("num", "num2") and c["alt"] is None and c["sep"] == "/":
            t = c["text"]
            a = int(re.match(r"\d+", t).group(0))
            votes["md" if a <= 12 and c["date"].month == a and c["date"].day != a else "dm"] += 1
        elif c["form"] == "mdy":
            votes["md"] += 0.5
        elif c["form"] == "dmy":
            votes["dm"] += 0.5
    for c in cands:
        if c["alt"] is None:
            continue
        dm, md = c["date"], c["alt"]
        if capture and dm > capture >= md:
            c["date"] = md
        elif capture and md > capture >= dm:
            pass
        elif c["sep"] == "/" and votes["md"] > votes["dm"]:
            c["date"] = md
        c["alt"] = md if c["date"] == dm else dm


def _parse_capture(capture_date: str | None) -> date | None:
    if not capture_date:
        return None
    m = re.match(r"(\d{4})-?(\d\d)-?(\d\d)", capture_date.strip())
    if not m:
        return None
    return _mk(int(m.group(1)), int(m.group(2)), int(m.group(3)))


def _iso_value(c: dict[str, Any]) -> str:
    d = c["date"]
    if c.get("time") and c["time"][1]:
        return f"{d.isoformat()}T{c['time'][0]}{c['time'][1]}"
    return d.isoformat()


def rank_dates(text: str, capture_date: str | None = None, title_line: int | None = None,
               model: str = "text", extra: list[dict[str, Any]] | None = None,
               lines: list[str] | None = None, max_lines: int = 100000) -> list[dict[str, Any]]:
    """All candidate dates with features and a score (higher is better), in text order."""
    capture = _parse_capture(capture_date)
    cands, lns = find_dates(text, max_lines=max_lines)
    if lines is None:
        lines = lns
    if capture:
        cands += find_relative(lines, capture)
        cands.sort(key=lambda c: (c["line"], c["col"]))
    _resolve_ambiguous(cands, capture)
    cands = cands[:_MAX_CANDS]
    if extra:
        cands += extra
    _features(cands, lines, capture, title_line)
    mdl = _weights().get(model) or _weights()["text"]
    for c in cands:
        c["score"] = _score(c["f"], mdl)
        if capture and c["date"] > capture:
            c["score"] -= 100.0  # a date after the capture cannot be the publication date
        if c["f"]["copyright"] and c["f"]["date_alone"] == 0 and c["form"] not in ("iso",):
            c["score"] -= 1.0
    return cands


def choose(cands: list[dict[str, Any]]) -> tuple[int | None, float]:
    """Index of the best candidate (dates of one value pooled) and a 0..1 confidence."""
    if not cands:
        return None, 0.0
    best: dict[date, float] = {}
    for c in cands:
        v = c["score"]
        best[c["date"]] = max(best.get(c["date"], -1e9), v)
    order = sorted(best.items(), key=lambda kv: -kv[1])
    top_date, top = order[0]
    if top < -50:
        return None, 0.0
    second = order[1][1] if len(order) > 1 else top - 4.0
    idx = max((i for i, c in enumerate(cands) if c["date"] == top_date),
              key=lambda i: (cands[i]["score"], bool(cands[i].get("time") and cands[i]["time"][1]), -i))
    p = 1 / (1 + math.exp(-top))
    margin = 1 / (1 + math.exp(-(top - second)))
    return idx, round(min(p, 1.0) * 0.5 + margin * 0.5, 3)


# -------------------------------------------------------------------------- titles ----
_FURNITURE = re.compile(
    r"^(share|share this|advertisement|anzeige|werbung|listen live|get short url|menu|menü|home|"
    r"startseite|search|suche|subscribe|abonnieren|you may also like|related|related articles|"
    r"read more|weiterlesen|mehr|comments?|kommentare|sign in|log ?in|anmelden|skip to (main )?content|"
    r"zum inhalt springen|navigation|toggle navigation|close|schließen|print|drucken|e-?mail|"
    r"facebook|twitter|whatsapp|linkedin|pinterest|tweet|teilen|newsletter|impressum|datenschutz|"
    r"contact|kontakt|about|about us|über uns|cookies?|accept|akzeptieren|top|next|previous|back)\W*$",
    re.I,
)
_BYLINE = re.compile(
    r"^\s*(?:(?:written|posted|reported|text|story|photos?)\s+)?(?:by|von|par|por|di|door|av|de|af|"
    r"autor(?:in)?:?|author:?|auteur:?|text:?|written by:?)\s+(?P<names>[^\d].*)$",
    re.I,
)
_SENT_END = re.compile(r"[.!?…]['\"”’»)]*$")


def _title_candidates(lines: list[str]) -> list[tuple[int, str]]:
    return [(i, ln.strip()) for i, ln in enumerate(lines) if ln.strip()]


TITLE_FEATURES = [
    "bias", "nw_log", "nw_4_20", "nw_lt3", "nw_gt25", "ends_period", "ends_colon", "ends_qmark",
    "pos_log", "pos_rel_body", "before_body", "just_before_body", "is_first", "repeat",
    "repeat_adj", "furniture", "byline", "has_date", "next_is_date_or_by", "prev_is_date_or_by",
    "cap_ratio", "title_case", "upper", "has_pipe", "is_para", "first_long_nonpara",
    "digits_ratio", "next_is_para", "chars_log", "count_paren_num", "has_sep_site",
    "next2_is_para", "has_comma", "starts_lower", "contains_colon", "prev_short", "is_body_line0",
    "body_overlap", "body_overlap_n", "short_run_before", "next_short", "dated_within3",
    "longest_before_body", "rank_len_before_body", "repeat_later", "n_long_nonpara_before",
]


_DIGITS = re.compile(r"\d")


def _toks(s: str) -> list[str]:
    return [w for w in _WORD.findall(s.casefold()) if len(w) > 3]


def _title_feats(lines: list[str], max_lines: int = 800) -> list[tuple[int, str, dict[str, float]]]:
    items = [(i, ln.strip()) for i, ln in enumerate(lines[:max_lines]) if ln.strip()]
    if not items:
        return []
    allnorm: dict[str, int] = {}
    first_at: dict[str, int] = {}
    for j, ln in enumerate(lines):
        s = ln.strip().casefold()
        if s:
            allnorm[s] = allnorm.get(s, 0) + 1
    paras = [_is_para(s) for _, s in items]
    body = next((k for k, p in enumerate(paras) if p), len(items))
    vocab: set[str] = set()
    npara = 0
    for ln in lines[items[body][0] if body < len(items) else len(lines):]:
        if _is_para(ln):
            vocab.update(_toks(ln))
            npara += 1
            if npara >= 12:
                break
    dated = [bool(_PREFILTER.search(s)) for _, s in items]
    bylines = [bool(_BYLINE.match(s)) and len(s.split()) <= 14 for _, s in items]
    lens_before = sorted((len(s) for k, (_, s) in enumerate(items[:body])
                          if not paras[k] and 3 <= len(s.split()) <= 30), reverse=True)
    out = []
    first_long_seen = 0
    short_run = 0
    for k, (i, s) in enumerate(items):
        words = s.split()
        nw = len(words)
        caps = sum(1 for w in words if w[:1].isupper())
        alpha = [w for w in words if w[:1].isalpha()]
        nxt = items[k + 1][1] if k + 1 < len(items) else ""
        prv = items[k - 1][1] if k > 0 else ""
        nxt_dated = (k + 1 < len(items) and (dated[k + 1] or bylines[k + 1]))
        prv_dated = (k > 0 and (dated[k - 1] or bylines[k - 1]))
        is_para = paras[k]
        long_nonpara = 4 <= nw <= 30 and not is_para and not _SENT_END.search(s)
        flnp = long_nonpara and not first_long_seen
        tk = _toks(s)
        ov = sum(1 for w in tk if w in vocab)
        cf = s.casefold()
        f = {
            "bias": 1.0,
            "nw_log": math.log1p(nw),
            "nw_4_20": float(4 <= nw <= 20),
            "nw_lt3": float(nw < 3),
            "nw_gt25": float(nw > 25),
            "ends_period": float(s.endswith(".")),
            "ends_colon": float(s.endswith(":")),
            "ends_qmark": float(s.endswith(("?", "!"))),
            "pos_log": math.log1p(k),
            "pos_rel_body": math.log1p(abs(body - k)) * (1 if k < body else -1),
            "before_body": float(k < body),
            "just_before_body": float(0 < body - k <= 3),
            "is_first": float(k == 0),
            "repeat": math.log(allnorm.get(cf, 1)),
            "repeat_adj": float(prv.casefold() == cf or nxt.casefold() == cf),
            "furniture": float(bool(_FURNITURE.match(s))),
            "byline": float(bylines[k]),
            "has_date": float(dated[k]),
            "next_is_date_or_by": float(nxt_dated),
            "prev_is_date_or_by": float(prv_dated),
            "cap_ratio": caps / nw if nw else 0.0,
            "title_case": float(bool(alpha) and caps >= 0.7 * len(alpha) and nw >= 3),
            "upper": float(s.isupper()),
            "has_pipe": float(" | " in s),
            "is_para": float(is_para),
            "first_long_nonpara": float(flnp),
            "digits_ratio": len(_DIGITS.findall(s)) / max(1, len(s)),
            "next_is_para": float(k + 1 < len(items) and paras[k + 1]),
            "chars_log": math.log1p(len(s)),
            "count_paren_num": float(s.endswith(")") and bool(re.search(r"\(\d+\)$", s))),
            "has_sep_site": float(bool(re.search(r"\s[|–—-]\s\S[^|–—-]{0,30}$", s))),
            "next2_is_para": float(k + 2 < len(items) and paras[k + 2]),
            "has_comma": float("," in s),
            "starts_lower": float(s[:1].islower()),
            "contains_colon": float(":" in s[:-1]),
            "prev_short": float(len(prv.split()) <= 3),
            "is_body_line0": float(k == body),
            "body_overlap": ov / len(tk) if tk else 0.0,
            "body_overlap_n": math.log1p(ov),
            "short_run_before": math.log1p(short_run),
            "next_short": float(len(nxt.split()) <= 3),
            "dated_within3": float(any(dated[k + 1:k + 4]) or any(bylines[k + 1:k + 4])),
            "longest_before_body": float(k < body and bool(lens_before) and len(s) == lens_before[0]),
            "rank_len_before_body": (lens_before.index(len(s)) / 5 if k < body and len(s) in lens_before[:5] else 1.0),
            "repeat_later": float(allnorm.get(cf, 1) > 1),
            "n_long_nonpara_before": math.log1p(first_long_seen),
        }
        if long_nonpara:
            first_long_seen += 1
        short_run = short_run + 1 if nw <= 3 else 0
        out.append((i, s, f))
    return out


def rank_titles(lines: list[str]) -> list[tuple[int, str, float]]:
    mdl = _weights().get("title")
    out = []
    for i, s, f in _title_feats(lines):
        if mdl:
            sc = _score(f, mdl)
        else:
            sc = (2 * f["first_long_nonpara"] + f["before_body"] + f["repeat"] - 3 * f["furniture"]
                  - 3 * f["byline"] - 2 * f["has_date"] - 2 * f["is_para"] - f["nw_lt3"] - f["ends_period"])
        out.append((i, s, sc))
    return out


def _clean_title(s: str) -> str:
    return s.strip()


# ------------------------------------------------------------------- authors etc. ----
_ROLE = re.compile(
    r"\b(?:staff writer|senior writer|correspondent|editor(?:-in-chief)?|reporter|contributor|"
    r"columnist|photographer|photos?|redakteur(?:in)?|redaktion|autor(?:in)?|journalist(?:in)?|"
    r"special to|for the|in\s+[A-Z][a-z]+)\b.*$",
    re.I,
)
_AGENCY = re.compile(
    r"^(?:reuters|ap|afp|dpa|apa|sda|ansa|efe|kna|epd|bloomberg|associated press|"
    r"agence france-presse|press association|pa|upi|tass|ria novosti|xinhua|staff|agencies|"
    r"news service|reuters news service)$",
    re.I,
)
_NAME_SPLIT = re.compile(r"\s*(?:,|;|\band\b|\bund\b|\bet\b|\by\b|\be\b|\ben\b|\boch\b|\bog\b|&|\|)\s*", re.I)


def parse_authors(s: str) -> list[str]:
    s = re.sub(r"\s+", " ", s).strip()
    s = re.split(r"\s[|•·]\s|\s[-–—]\s|\s{2,}", s)[0]
    s = _ROLE.sub("", s)
    s = re.sub(r"\b(?:updated|published|posted|on|am|le|el|il)\b.*$", "", s, flags=re.I)
    s = re.sub(r"\d.*$", "", s)
    people = []
    for p in _NAME_SPLIT.split(s):
        p = p.strip(" .,:;-–()[]")
        if not p or _AGENCY.match(p):
            continue
        ws = p.split()
        if not 1 <= len(ws) <= 4:
            continue
        if not all(w[:1].isupper() or w.lower() in ("van", "von", "de", "der", "den", "la", "le", "da", "di", "du", "del", "bin", "al")
                   or w[:1] in "'’" for w in ws):
            continue
        people.append(p)
    return people


def find_authors(items: list[tuple[int, str]], limit: int = 60) -> tuple[list[str], int | None]:
    for i, s in items[:limit]:
        if len(s.split()) > 14:
            continue
        m = _BYLINE.match(s)
        if m:
            people = parse_authors(m.group("names"))
            if people:
                return people, i
    return [], None


def _site_like(s: str) -> bool:
    ws = s.split()
    return (1 <= len(ws) <= 4 and all(w[:1].isupper() or w[:1].isdigit() for w in ws)
            and not _FURNITURE.match(s) and not _PREFILTER.search(s) and not s.endswith((".", ":", "?"))
            and not _BYLINE.match(s) and "," not in s)


def split_tags(s: str) -> list[str]:
    """A tag line: comma/semicolon/pipe separated, or capitalised runs separated by spaces."""
    s = re.sub(r"^(?:tags?|schlagworte|stichworte|schlagwörter|themen|topics?|keywords?|mots[- ]clés|"
               r"etiquetas|kategorie|categories|category|rubrik|filed under)\s*:?\s*", "", s.strip(), flags=re.I)
    if re.search(r"[,;|•·#]", s):
        parts = [p.strip(" #") for p in re.split(r"\s*[,;|•·]\s*|\s+#|^#", s)]
        return [p for p in parts if p]
    ws = s.split()
    tags: list[list[str]] = []
    for w in ws:
        if w[:1].isupper() or not tags:
            tags.append([w])
        else:
            tags[-1].append(w)
    # runs of capitalised single words: pair them as names (Vladimir Putin Francois Hollande)
    out: list[str] = []
    k = 0
    while k < len(tags):
        if len(tags[k]) == 1:
            run = [tags[k][0]]
            j = k + 1
            while j < len(tags) and len(tags[j]) == 1:
                run.append(tags[j][0])
                j += 1
            if len(run) >= 2 and len(run) % 2 == 0:
                out += [" ".join(run[x:x + 2]) for x in range(0, len(run), 2)]
            else:
                out += run
            k = j
        else:
            out.append(" ".join(tags[k]))
            k += 1
    return out


# ------------------------------------------------------------------------ extract ----
def extract(text: str, capture_date: str | None = None) -> dict[str, Any]:
    """Metadata read off a plain-text page."""
    lines = text.splitlines()
    items = [(i, ln.strip()) for i, ln in enumerate(lines) if ln.strip()]
    res: dict[str, Any] = {"title": None, "authors": [], "site_name": None, "tags": [],
                           "categories": [], "publisher": None, "published": None,
                           "published_confidence": 0.0, "candidates": [], "sources": {}}
    # title
    tcands = [t for t in rank_titles(lines) if not re.search(r"\(\d+\)$", t[1])]
    title_line = None
    texts_ne = [ln.strip() for ln in lines if ln.strip()]
    ne_idx = [i for i, ln in enumerate(lines) if ln.strip()]
    _ms, _me = main_block(texts_ne)
    main_end_line = ne_idx[_me] if _me < len(ne_idx) else len(lines)
    if tcands:
        i, s, sc = max(tcands, key=lambda t: t[2])
        if i < main_end_line and not _is_para(s):
            res["title"], title_line = _clean_title(s), i
            res["sources"]["title"] = f"line {i}"
    # dates
    cands = rank_dates(text, capture_date, title_line=title_line, lines=lines)
    idx, conf = choose(cands)
    res["candidates"] = [
        {"value": _iso_value(c), "line": c["line"], "text": c["text"], "form": c["form"], "cue": c.get("cue"),
         "score": round(c["score"], 3), "chosen": k == idx} for k, c in enumerate(cands)
    ]
    if idx is not None:
        res["published"] = _iso_value(cands[idx])
        res["published_confidence"] = conf
        res["sources"]["published"] = f"line {cands[idx]['line']}"
    # authors
    authors, aline = find_authors(items)
    if authors:
        res["authors"], res["sources"]["authors"] = authors, f"line {aline}"
    body = next((k for k, (i, s) in enumerate(items) if _is_para(s)), len(items))
    body_line = items[body][0] if body < len(items) else len(lines)
    last_para = max((i for i, s in items if _is_para(s)), default=body_line)
    # site name: first line before the title if it looks like a name, else near the end
    if items:
        i0, s0 = items[0]
        if title_line is not None and i0 < title_line and _site_like(s0) and i0 < body_line:
            res["site_name"], res["sources"]["site_name"] = s0, f"line {i0}"
        else:
            for i, s in items[-3:][::-1]:
                if i > last_para and _site_like(s) and not _AGENCY.match(s) and len(s.split()) <= 3 \
                        and not re.match(r"(?i)(on|follow|share|reuters)\b", s) and s.casefold() != (res["title"] or "").casefold():
                    res["site_name"], res["sources"]["site_name"] = s, f"line {i}"
                    break
    # categories / tags: a short line between the site name and the title, or a tag line at the end
    if title_line is not None:
        for i, s in items:
            if i >= title_line:
                break
            if res["site_name"] and s == res["site_name"]:
                continue
            m = re.match(r"(?i)^(?:kategorie|categories|category|rubrik|section)\s*:\s*(.+)$", s)
            if m:
                res["categories"] = split_tags(m.group(1))
    for i, s in items:
        m = re.match(r"(?i)^(?:tags?|schlagworte|stichworte|schlagwörter|themen|topics?|keywords?|mots[- ]clés|etiquetas)\s*:\s*(.+)$", s)
        if m:
            res["tags"] = split_tags(m.group(1))
            res["sources"]["tags"] = f"line {i}"
            break
    if not res["tags"]:
        for i, s in items[-6:][::-1]:
            if i <= last_para or _SENT_END.search(s) or _FURNITURE.match(s) or _PREFILTER.search(s):
                continue
            if s == res["site_name"]:
                continue
            parts = [p.strip() for p in s.split(",")]
            if len(parts) >= 3 and all(p and len(p.split()) <= 4 for p in parts):
                res["tags"], res["sources"]["tags"] = parts, f"line {i}"
                break
            ws = s.split()
            if len(ws) >= 4 and all(w[:1].isupper() for w in ws) and len(ws) % 2 == 0 and len(ws) <= 12 \
                    and not _AGENCY.match(s) and not re.search(r"(?i)news|service|press", s):
                res["tags"], res["sources"]["tags"] = split_tags(s), f"line {i}"
                break
    if not res["tags"] and title_line is not None:
        # a section line just before the headline (breadcrumb of categories)
        for k, (i, s) in enumerate(items):
            if i >= title_line:
                break
            if i == title_line - 1 or (k + 1 < len(items) and items[k + 1][0] == title_line):
                if s != res["site_name"] and 2 <= len(s.split()) <= 5 and not _FURNITURE.match(s) \
                        and not _PREFILTER.search(s) and not _SENT_END.search(s) and s[:1].isupper() \
                        and res["site_name"]:
                    res["tags"] = split_tags(s)
                    res["categories"] = list(res["tags"])
                    res["sources"]["tags"] = f"line {i}"
    # publisher from a copyright line
    for i, s in items[::-1][:15]:
        m = re.search(r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*(?P<who>[^.|]{2,60})", s, re.I)
        if m:
            who = re.sub(r"\s+(?:GmbH|Inc\.?|Ltd\.?|LLC|AG|S\.A\.|SA|Limited|Corp\.?)\b.*$", "", m.group("who")).strip(" .,")
            who = re.sub(r"(?i)^all rights reserved\.?", "", who).strip()
            if who and not re.match(r"(?i)all rights", who):
                res["publisher"] = who
                res["sources"]["publisher"] = f"line {i}"
            break
    return res


# ------------------------------------------------------------------ scorer wrappers ----
def date_text(text: str) -> str | None:
    r = extract_date(text)
    return r[:10] if r else None


def extract_date(text: str, capture_date: str | None = None) -> str | None:
    cands = rank_dates(text, capture_date)
    idx, _ = choose(cands)
    return _iso_value(cands[idx]) if idx is not None else None


def title_text(text: str) -> str | None:
    lines = text.splitlines()
    tc = rank_titles(lines)
    if not tc:
        return None
    return _clean_title(max(tc, key=lambda t: t[2])[1])


# ----------------------------------------------------------------------- HTML path ----
_JSONLD_PUB = re.compile(r'"datePublished"\s*:\s*"([^"]{8,40})"')
_JSONLD_CREATED = re.compile(r'"(?:dateCreated|uploadDate)"\s*:\s*"([^"]{8,40})"')
_META_PUB = re.compile(
    r'<meta[^>]+(?:property|name|itemprop)\s*=\s*["\'](?:article:published_time|og:published_time|'
    r'datePublished|date|dc\.date|dc\.date\.issued|dcterms\.date|publish[-_]?date|pubdate|'
    r'parsely-pub-date|sailthru\.date|citation_publication_date|article\.published)["\'][^>]*>',
    re.I,
)
_CONTENT = re.compile(r'content\s*=\s*["\']([^"\']{6,40})["\']', re.I)


def _iso_from_attr(v: str) -> date | None:
    m = re.match(r"\s*((?:19|20)\d\d)-?(\d\d)-?(\d\d)", v)
    if not m:
        m2 = re.match(r"\s*((?:19|20)\d\d)/(\d\d)/(\d\d)", v)
        if not m2:
            return None
        m = m2
    return _mk(int(m.group(1)), int(m.group(2)), int(m.group(3)))


def html_structured_date(html: str) -> tuple[str | None, str]:
    """datePublished from JSON-LD, else a publication meta tag: (ISO value, where)."""
    for rx, where in ((_JSONLD_PUB, "json-ld datePublished"),):
        for m in rx.finditer(html):
            d = _iso_from_attr(m.group(1))
            if d:
                return m.group(1).strip(), where
    for m in _META_PUB.finditer(html):
        c = _CONTENT.search(m.group(0))
        if c and _iso_from_attr(c.group(1)):
            return c.group(1).strip(), "meta " + re.search(r'["\']([^"\']+)["\']', m.group(0)).group(1)
    return None, ""


def html_to_text(html: str) -> str:
    """A browser-like text rendering: block elements on their own lines, scripts dropped."""
    import lxml.html
    try:
        root = lxml.html.fromstring(html)
    except Exception:
        return ""
    for bad in root.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    blocks = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "br", "section", "article",
              "header", "footer", "time", "dd", "dt", "figcaption", "blockquote", "td", "nav", "aside", "ul", "ol", "table", "form", "title"}
    out: list[str] = []
    for el in root.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in blocks:
            out.append("\n")
        if el.text and tag not in ("head",):
            out.append(el.text)
        if tag in blocks:
            out.append("\n")
        if el.tail:
            out.append(el.tail)
    return re.sub(r"[ \t\r\f\v]+", " ", "".join(out))


def _htmldate(html: str, capture: str | None = None) -> str | None:
    from htmldate import find_date
    kw: dict[str, Any] = {"extensive_search": True, "original_date": True}
    if capture:
        kw["max_date"] = capture[:10]
    try:
        return find_date(html, **kw)
    except Exception:
        return None


def html_date(html: str, capture_date: str | None = None, _hd: str | None | bool = False) -> tuple[str | None, str, float]:
    """Publication date of an HTML page: (ISO value, where, confidence).

    JSON-LD datePublished / publication meta tags first (the page's own statement), then
    htmldate (extensive, original date), then the text scorer on a rendering of the page.
    """
    if _weights().get("html"):
        cands = html_candidates(html, capture_date, hd=_hd)
        idx, conf = choose(cands)
        if idx is None:
            return None, "", 0.0
        c = cands[idx]
        where = "htmldate" if c["f"]["hd_agree"] else c.get("cue") or f"rendering line {c['line']}"
        return c.get("html_value") or _iso_value(c), where, conf
    cap = _parse_capture(capture_date)
    v, where = html_structured_date(html)
    if v and (not cap or (_iso_from_attr(v) or date.max) <= cap):
        return v, where, 0.9
    hd = _htmldate(html, capture_date) if _hd is False else _hd
    if hd:
        return hd, "htmldate", 0.8
    t = extract_date(html_to_text(html), capture_date)
    return (t, "text scorer on rendering", 0.5) if t else (None, "", 0.0)


def date_html(html: str) -> str | None:
    v, _, _ = html_date(html)
    return v[:10] if v else None


def extract_html(html: str, capture_date: str | None = None, url: str | None = None) -> dict[str, Any]:
    """Metadata from HTML: trafilatura's metadata, the date from html_date, text scorer fallbacks."""
    res = extract(html_to_text(html), capture_date)
    try:
        from trafilatura.metadata import extract_metadata
        md = extract_metadata(html, default_url=url)
    except Exception:
        md = None
    if md is not None:
        if md.title:
            res["title"], res["sources"]["title"] = md.title, "html (trafilatura)"
        if md.author:
            res["authors"] = [a.strip() for a in re.split(r";|\band\b|,", md.author) if a.strip()]
            res["sources"]["authors"] = "html (trafilatura)"
        if md.sitename:
            res["site_name"], res["sources"]["site_name"] = md.sitename, "html (trafilatura)"
        tags = [*(md.categories or []), *(md.tags or [])]
        if tags:
            res["tags"] = list(dict.fromkeys(t.strip() for t in tags if t.strip()))
            res["sources"]["tags"] = "html (trafilatura)"
    v, where, conf = html_date(html, capture_date)
    if v:
        res["published"], res["published_confidence"] = v, conf
        res["sources"]["published"] = where
        res["candidates"].insert(0, {"value": v, "line": None, "text": v, "form": "html", "cue": where,
                                     "score": conf, "chosen": True})
        for c in res["candidates"][1:]:
            c["chosen"] = False
    return res


HTML_FEATURES = FEATURES + ["hd_agree", "st_agree", "synthetic", "hd_none", "st_none", "hd_st_agree"]
_HD_CACHE: dict[str, Any] = {}


def html_candidates(html: str, capture_date: str | None = None, cache_key: str | None = None,
                    hd: Any = False) -> list[dict[str, Any]]:
    """Candidates for an HTML page: dates of its text rendering plus htmldate's and the
    structured (JSON-LD / meta) date, each with the text features and agreement flags."""
    if hd is False:
        if cache_key is not None and not _HD_CACHE:
            p = os.path.join(HERE, "htmldate_cache.json")
            if os.path.exists(p):
                _HD_CACHE.update(json.load(open(p)))
        hd = _HD_CACHE[cache_key] if cache_key in _HD_CACHE else _htmldate(html, capture_date)
    sv, where = html_structured_date(html)
    hd_d = _iso_from_attr(hd) if hd else None
    st_d = _iso_from_attr(sv) if sv else None
    cap = _parse_capture(capture_date)
    text = html_to_text(html)
    cands, lines = find_dates(text)
    if cap:
        cands += find_relative(lines, cap)
        cands.sort(key=lambda c: (c["line"], c["col"]))
    _resolve_ambiguous(cands, cap)
    cands = cands[:_MAX_CANDS]
    _features(cands, lines, cap)
    present = {c["date"] for c in cands}
    for d, src, val in ((hd_d, "htmldate", hd), (st_d, where, sv)):
        if d and d not in present:
            c = {"date": d, "line": -1, "col": 0, "form": "html", "text": val, "time": None, "alt": None,
                 "sep": None, "cue": src, "f": {k: 0.0 for k in FEATURES}}
            c["f"]["bias"] = 1.0
            c["f"]["synthetic"] = 1.0
            cands.append(c)
            present.add(d)
    for c in cands:
        f = c["f"]
        f["hd_agree"] = float(c["date"] == hd_d)
        f["st_agree"] = float(c["date"] == st_d)
        f["synthetic"] = f.get("synthetic", 0.0)
        f["hd_none"] = float(hd_d is None)
        f["st_none"] = float(st_d is None)
        f["hd_st_agree"] = float(c["date"] == hd_d == st_d)
        if st_d and c["date"] == st_d and sv and len(sv) > 10 and c.get("time") is None:
            c["text"], c["html_value"] = sv, sv
    mdl = _weights().get("html")
    for c in cands:
        c["score"] = _score(c["f"], mdl) if mdl else (3 * c["f"]["hd_agree"] + c["f"]["st_agree"])
        if cap and c["date"] > cap:
            c["score"] -= 100.0
    return cands


def title_text_extract(text: str) -> str | None:
    """The title as extract() gives it (with the no-headline guard)."""
    return extract(text)["title"]
