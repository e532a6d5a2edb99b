"""Metadata from plain text: title, authors, site name, tags, publisher, publication date.

The page is read as a browser shows it (see :class:`Page`). Dates: every full date in ~20
languages and the common written forms (ISO, numeric d/m/y and m/d/y, textual month-first,
day-first and year-first, CJK, glued forms, a trailing time with am/pm and zone), impossible
dates dropped, the d/m order resolved by the page's other dates and the capture date,
relative forms ("3 hours ago", "vor 2 Tagen", "yesterday") resolved against the capture date
when one is known. Each candidate gets ~60 features (position against the page's main block
and the title, cue words before it, line shape, form, frequency, recency) and a listwise
linear ranker (``model.json``) picks one; a date after the capture is never chosen.
Titles: lines of 2..40 words (one word just above the text) near the top of the main
block, prose paragraphs excluded, ranked by a listwise linear model over 38 features
(:class:`TitlePool`, :func:`rank_titles`). Authors come
from a byline ("By A and B", roles and agencies dropped), the site name from the first line
before the headline or a name-like line after the body, tags from a tag line.
"""

from __future__ import annotations

import bisect
import functools
import math
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextvars import ContextVar
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from itertools import accumulate, chain, compress, islice, pairwise, repeat
from operator import add, and_, ge, itemgetter, le
from typing import Any, TypeVar
from urllib.parse import urlsplit

import numpy as np
import numpy.typing as npt

from corearchive import lazyre as re
from corearchive.characters import CJK_RANGES, HANGUL_RANGES

from .. import correction_pattern
from ..boilerplate.apparatus import CAPTION_NOUNS
from ..boilerplate.chrome import POSTED_AT, READ_TIME
from ..boilerplate.feeds import _TIME_FIRST as _CLOCK_FIRST
from ..boilerplate.feeds import _TIME_ONLY as _CLOCK_ONLY
from ..boilerplate.feeds import _minutes as _clock_minutes
from ..boilerplate.lines import (
    CLOSING_MARKS,
    CUE_WORDS,
    NETWORKS,
    SENTENCE_MARKS,
    nomark_prose_line,
)
from ..boilerplate.mailing import EMAIL, LINK_SEPS, is_mail_furniture
from ..boilerplate.reflow import (
    _INNER_GUTTER,
    FRONT_MATTER_FIRST,
    FRONT_MATTER_MAX,
    READER_FIELD,
    RUNNING_TIME,
    front_matter_lines,
    goes_on_wrapped,
    item_number,
    setext_underlines,
)
from ..boilerplate.scholarly import _page_number
from ..boilerplate.structures import LIVE_POSTS, READ_ALSO_LABELS, comment_stamps
from ..boilerplate.verdicts import LineVerdicts
from .model import model_coef, model_rows
from .wire import DATELINE as _WIRE_DATELINE
from .wire import agency, alternation, credit, dateline_agencies

#: The earliest year of a date read from a page's text, by default (the ``earliest_year``
#: option of the metadata stage: :func:`earliest_year`): a year of a modern page's running
#: text before it is mostly history ("born March 3, 1902"), not its publication
MIN_YEAR = 1990
#: The earliest year the text reader can read (its patterns' years then start 15..20;
#: the option's minimum)
OLDEST_YEAR = 1500
#: The earliest year of a structured or labelled date: JSON-LD, a publication meta tag, a
#: ``<time datetime>``, a dump's ``date``, an "Originally published" label. The page or the
#: dump states it as the publication date, whatever the earliest year of its running text
STRUCTURED_MIN_YEAR = 1000
#: The earliest year :func:`_mk` accepts (:func:`earliest_year`)
_EARLIEST: ContextVar[int] = ContextVar("_EARLIEST", default=MIN_YEAR)
_MAX_CANDS = 80

# --------------------------------------------------------------------------- months ----
_MONTH_NAMES = [
    # en de fr es it pt nl sv/da/no pl cs ru uk tr fi ca sq hr hu ro id el ar he fa hi bn bg ka hy ta ur mr
    # (ka and hy in the nominative and the genitive: "25 ნოემბერი", "ნოემბრის 25", "23 նոյեմբերի"); ar-Levant (one-word
    # names of three letters or more: آب and the two-word ones are _ARABIC_DATE's); ar without hamza or
    # madda (اغسطس, ابريل, اكتوبر, اذار) and Egypt's يونيه, يوليه
    "january जनवरी jan januar janvier janv enero ene gennaio gen janeiro januari jän jänner stycznia styczeń ledna leden января январь ocak tammikuuta tammikuu gener janar siječnja siječanj január ianuarie ian січня січень ιανουαρίου ιανουάριος يناير ינואר בינואר ژانویه জানুয়ারি জানুয়ারী জানুয়ারি জানুয়ারী януари იანვარი იანვრის հունվար հունվարի ஜனவரி جنوری जानेवारी",
    "february फ़रवरी फरवरी feb febr februar février fevrier févr fév febrero febbraio fevereiro fev februari lutego luty února únor февраля февраль şubat subat helmikuuta helmikuu febrer shkurt veljače veljača február februarie лютого лютий φεβρουαρίου φεβρουάριος فبراير פברואר בפברואר شباط فوریه ফেব্রুয়ারি ফেব্রুয়ারী ফেব্রুয়ারি ফেব্রুয়ারী февруари თებერვალი თებერვლის փետրվար փետրվարի பிப்ரவரி فروری फेब्रुवारी",
    "march मार्च mar märz maerz mär mrz mars marzo março marco maart marts marca marzec března březen марта март mart maaliskuuta maaliskuu març ožujka ožujak március martie березня березень μαρτίου μάρτιος مارس maret מרץ במרץ מרס במרס آذار اذار মার্চ март მარტი მარტის մարտ մարտի மார்ச் مارچ",
    "april अप्रैल apr avril avr abril abr aprile kwietnia kwiecień dubna duben апреля апрель nisan huhtikuuta huhtikuu prill travnja travanj április aprilie квітня квітень απριλίου απρίλιος أبريل אפריל באפריל نيسان ابريل آوریل এপ্রিল април აპრილი აპრილის ապրիլ ապրիլի ஏப்ரல் اپریل एप्रिल",
    "may मई mai mayo maggio mag maio mei maj maja květen května мая май mayıs mayis toukokuuta toukokuu maig svibnja svibanj május травня травень μαΐου μαΐου μάιος مايو מאי במאי أيار ايار মে май მაისი მაისის մայիս մայիսի மே مئی मे",
    "june जून jun juni juin junio giugno giu junho czerwca czerwiec června červen июня июнь haziran kesäkuuta kesäkuu juny qershor lipnja lipanj június iunie червня червень ιουνίου ιούνιος يونيو יוני ביוני حزيران يونيه ژوئن জুন юни ივნისი ივნისის հունիս հունիսի ஜூன் جون",
    "july जुलाई jul juli juillet juil julio luglio lug julho lipca lipiec července červenec июля июль temmuz heinäkuuta heinäkuu juliol korrik srpnja srpanj július iulie липня липень ιουλίου ιούλιος يوليو יולי ביולי تموز يوليه ژوئیه জুলাই юли ივლისი ივლისის հուլիս հուլիսի ஜூலை جولائی जुलै",
    "august अगस्त aug august août aout agosto ago augustus augusti sierpnia sierpień srpna srpen августа август ağustos agustos elokuuta elokuu agost gusht kolovoza kolovoz augusztus серпня серпень αυγούστου αύγουστος أغسطس اغسطس agustus אוגוסט באוגוסט আগস্ট আগষ্ট август აგვისტო აგვისტოს օգոստոս օգոստոսի ஆகஸ்ட் اگست ऑगस्ट",
    "september सितंबर सितम्बर sep sept septembre septiembre settembre set setembro september września wrzesień září сентября сентябрь eylül eylul syyskuuta syyskuu setembre shtator rujna rujan szeptember septembrie вересня вересень σεπτεμβρίου σεπτέμβριος سبتمبر ספטמבר בספטמבר أيلول ايلول سپتامبر সেপ্টেম্বর септември სექტემბერი სექტემბრის սեպտեմբեր սեպտեմբերի செப்டம்பர் ستمبر सप्टेंबर",
    "october अक्टूबर अक्तूबर oct okt oktober octobre octubre ottobre ott outubro out października październik října říjen октября октябрь ekim lokakuuta lokakuu tetor október octombrie жовтня жовтень οκτωβρίου οκτώβριος أكتوبر اكتوبر אוקטובר באוקטובר اکتبر অক্টোবর октомври ოქტომბერი ოქტომბრის հոկտեմբեր հոկտեմբերի அக்டோபர் اکتوبر ऑक्टोबर",
    "november नवंबर नवम्बर nov novembre noviembre novembro listopadu listopada listopad ноября ноябрь kasım kasim marraskuuta marraskuu nëntor studenoga studenog studeni noiembrie листопада листопад νοεμβρίου νοέμβριος نوفمبر nopember נובמבר בנובמבר نوامبر নভেম্বর ноември ნოემბერი ნოემბრის նոյեմբեր նոյեմբերի நவம்பர் نومبر नोव्हेंबर",
    "december दिसंबर दिसम्बर dec dez dezember décembre decembre déc diciembre dic dicembre dezembro grudnia grudzień prosince prosinec декабря декабрь aralık aralik joulukuuta joulukuu desembre dhjetor prosinca prosinac decembrie грудня грудень δεκεμβρίου δεκέμβριος ديسمبر desember דצמבר בדצמבר دسامبر ডিসেম্বর декември დეკემბერი დეკემბრის դեկտեմբեր դեկտեմբերի டிசம்பர் دسمبر डिसेंबर",
]
# (Polish "listopada"/"listopad" and Czech "listopad" are November, Croatian's same words
# October: read as November, and as October on a page that reads Croatian,
# :func:`_croatian_listopad`; s51 acc-blogs B14)
MONTHS: dict[str, int] = {}
for _i, _names in enumerate(_MONTH_NAMES, 1):
    for _n in _names.split():
        MONTHS.setdefault(_n, _i)
_MONTH_KEYS = MONTHS.keys()
#: The month names of :data:`MONTHS` written in a-z, as bytes (all have 3 letters or more)
_MONTH_BYTES = frozenset(k.encode("ascii") for k in MONTHS if k.isascii())
# A month is matched as any word of 3..12 letters and checked against MONTHS afterwards:
# an alternation of ~350 names tried at every word start was most of the scanning time.
#: (The Indic scripts' vowel signs and virama, U+0900..U+0DFF from Devanagari to Sinhala, are
#: no letters to \w: a Hindi, Bengali or Tamil month name, "मार्च", "আগস্ট", "நவம்பர்", is a
#: run of the blocks' characters, "मई", "মে" two of them;
#: a run of \w letters followed by one of those characters is none, as the letters before a
#: virama, "अगस" of "अगस्त", would be taken for a word. The Latin run is tried first: a
#: branch tried first at every position costs a character test there. The runs are
#: possessive: what follows a month in the date patterns is no letter, so a shorter run
#: never matched where the whole one failed, and each shorter one tried cost the look-ahead)
_MONW = r"(?:[^\W\d_]{3,12}+(?![\u0900-\u0dff])|[\u0900-\u0dff]{2,12}+)"
_LETTERS = re.compile(r"[^\W\d_]{3,}+(?![\u0900-\u0dff])|[\u0900-\u0dff]{2,}+")
#: :data:`_LETTERS` on lowercased ASCII text (the letters are a-z there): a range test per
#: character instead of a Unicode category lookup, ~3x faster
_LETTERS_ASCII = re.compile(r"[a-z]{3,}")
#: Bytes: a-z kept, any other byte a space (the runs of :data:`_LETTERS_ASCII` are then the
#: words of the bytes; those shorter than 3 letters are no month name)
_AZ_RUNS = bytes(b if 0x61 <= b <= 0x7A else 0x20 for b in range(256))
#: A character of :data:`MONTHS`' names other than a-z (:func:`_may_name_month`)
_MONTH_OTHER_CHAR = re.compile(
    "["
    + "".join(map(re.escape, sorted(set("".join(MONTHS)) - set("abcdefghijklmnopqrstuvwxyz"))))
    + "]"
)


def _may_name_month(low: str) -> bool:
    """Whether lowercased text ``low`` may hold a month name as a run of :data:`_LETTERS`:
    a run of a-z of its UTF-8 bytes is an ASCII name, or it holds a character of the other
    names (:data:`_MONTH_OTHER_CHAR`). A run of letters that is an ASCII name is such a
    run of its bytes (a character next to it is no letter: no byte a-z), and one that is
    another name holds one of those characters: so a text for which this is False has no
    month name among its runs, and the costly search for them (Unicode category look-ups
    at every character: 17 k of the 47 k instructions of the date search of a line with a
    year but no date, "© 2025 Morning Gazette 5. All rights reserved.") is left out."""
    return (
        not _MONTH_BYTES.isdisjoint(
            low.encode("utf-8", "surrogatepass").translate(_AZ_RUNS).split()
        )
        or _MONTH_OTHER_CHAR.search(low) is not None
    )


_TZ = {
    "gmt": "+00:00",
    "utc": "+00:00",
    "z": "+00:00",
    "bst": "+01:00",
    "cet": "+01:00",
    "mez": "+01:00",
    "cest": "+02:00",
    "mesz": "+02:00",
    "eet": "+02:00",
    "eest": "+03:00",
    "est": "-05:00",
    "edt": "-04:00",
    "cst": "-06:00",
    "cdt": "-05:00",
    "mst": "-07:00",
    "mdt": "-06:00",
    "pst": "-08:00",
    "pdt": "-07:00",
    "ist": "+05:30",
    "jst": "+09:00",
    "aest": "+10:00",
    "aedt": "+11:00",
}
_TZ_RE = "|".join(sorted(_TZ, key=len, reverse=True))
#: An offset written after GMT or UTC: "GMT-5", "UTC+01:00", "GMT+0200", "GMT+5:30" (tried
#: before the zone names, whose "gmt" alone would read +00:00)
_TZ_WRITTEN = r"(?:gmt|utc)\s?[+\-−]\d{1,2}(?::?[0-5]\d)?(?!\d)"
_TZ_WRITTEN_RE = re.compile(
    r"(?:gmt|utc)\s?(?P<sign>[+\-−])(?P<h>\d{1,2})(?::?(?P<m>[0-5]\d))?", re.I
)
#: what follows a zone name whose offset was not understood ("GMT+ 14:5", "UTC−"): its
#: time is then no instant
_TZ_NOT_READ = re.compile(r"\s*\)?\s*[+\-−]\d")
_TIME = (
    r"(?:\s*(?:[-–—,|/•·]|at|um|à|a las|alle|om|kl\.?|klo|o)?\s*"
    r"(?P<h>[012]?\d)[:.h](?P<mi>[0-5]\d)(?::(?P<s>[0-5]\d))?(?:\.\d+)?"
    r"\s*(?P<ampm>[ap]\.?\s?m\.?)?\s*(?:Uhr\s*)?\(?(?P<tz>"
    + _TZ_WRITTEN
    + r"|(?:"
    + _TZ_RE
    + r")\b|[+-]\d{2}:?\d{2})?)?"
)
_ISO_TIME = (
    r"(?:[T ](?P<h>[012]\d):(?P<mi>[0-5]\d)(?::(?P<s>[0-5]\d))?(?:\.\d+)?"
    r"\s*(?P<tz>Z|[+-]\d{2}:?\d{2}|" + _TZ_WRITTEN + r"|(?:" + _TZ_RE + r")\b)?)?"
)
_FLAGS = re.I | re.U
DATE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "iso",
        re.compile(
            r"(?<![\d/.-])(?P<y>(?:19|20)\d\d)(?P<sep>[-/.])(?P<m>[01]?\d)(?P=sep)(?P<d>[0-3]?\d)(?![\d])"
            + _ISO_TIME,
            _FLAGS,
        ),
    ),
    (
        "iso",
        re.compile(
            r"(?<![\d.])(?P<y>(?:19|20)\d\d)\.\s(?P<m>[01]?\d)\.\s(?P<d>[0-3]?\d)\.(?!\d)" + _TIME,
            _FLAGS,
        ),
    ),
    (
        "cjk",
        re.compile(
            r"(?P<y>(?:19|20)\d\d)\s*[年년]\s*(?P<m>\d{1,2})\s*[月월]\s*(?P<d>\d{1,2})\s*[日일]",
            _FLAGS,
        ),
    ),
    (
        "num",
        re.compile(
            r"(?<![\d/.-])(?P<a>[0-3]?\d)\s?(?P<sep>[./-])\s?(?P<b>[0-3]?\d)\s?(?P=sep)\s?(?P<y>(?:19|20)\d\d(?![\d])|(?:19|20)\d\d(?=[0-3]?\d[./:])|\d\d(?![\d]|\.\d))"
            + _TIME,
            _FLAGS,
        ),
    ),
    (
        "mdy",
        re.compile(
            rf"(?<![\w])(?P<mon>{_MONW})\.?\s*(?!(?:19|20)\d{{3}})(?P<d>[0-3]?\d)(?:st|nd|rd|th|d)?\.?,?(?:\s+|(?<=\d\d))(?:de\s+)?(?P<y>(?:19|20)\d\d)(?:(?!\d)|(?=[0-2]?\d[:.]\d\d|[0-3]?\d\.?\s|[0-3]?\d/))"
            + _TIME,
            _FLAGS,
        ),
    ),
    (
        "dmy",
        re.compile(
            rf"(?<!\d)(?P<d>[0-3]?\d)(?:st|nd|rd|th|d|er|e|º|°)?\.?\s*(?:de\s+|of\s+)?[-/]?(?P<mon>{_MONW})(?:/\w+)?\.?[-/]?\s?,?\s*(?:de\s+|del\s+)?(?P<y>(?:19|20)\d\d)(?:(?!\d)|(?=[0-2]?\d[:.]\d\d|[0-3]?\d\.?\s|[0-3]?\d/))"
            + _TIME,
            _FLAGS,
        ),
    ),
    (
        "ymd_t",
        re.compile(
            rf"(?<![\w])(?P<y>(?:19|20)\d\d),?\s+(?P<mon>{_MONW})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)",
            _FLAGS,
        ),
    ),
]


def _lower_date_pattern(rx: re.Pattern[str]) -> re.Pattern[str]:
    """A date pattern for lowercased text, without IGNORECASE (several times faster: see
    :func:`_lowercase`); its only capital letters are the ISO 'T' and 'Z' and 'Uhr'."""
    src = rx.pattern.replace("[T ]", "[t ]").replace("Z|", "z|").replace("Uhr", "uhr")
    return re.compile(src, rx.flags & ~re.I)


#: A string each pattern cannot match without (one C-level test saves a regex search):
#: the CJK form needs 年 (Chinese, Japanese) or 년 (Korean).
_PATTERN_NEEDS = ("", "", "年", "", "", "", "")
_DATE_PATTERNS_LOWER = [(form, _lower_date_pattern(rx)) for form, rx in DATE_PATTERNS]
#: What a pattern needs to be tried on a window: a month name (textual forms), a digit, a
#: separator and a digit (numeric forms), or 年 / 년 (CJK)
_TEXTUAL, _NUMERIC, _CJK = "textual", "numeric", "cjk"
_PATTERN_NEEDS_CJK = ("年", "년")


def _kinds(pats: list[tuple[str, re.Pattern[str]]]) -> list[tuple[str, re.Pattern[str], str]]:
    return [
        (form, rx, _TEXTUAL if "mon" in rx.groupindex else _CJK if needs else _NUMERIC)
        for (form, rx), needs in zip(pats, _PATTERN_NEEDS, strict=True)
    ]


_DATE_PATTERNS_KINDS = _kinds(DATE_PATTERNS)
_DATE_PATTERNS_LOWER_KINDS = _kinds(_DATE_PATTERNS_LOWER)


#: The forms whose every match starts where a run of digits starts (their pattern opens
#: with a look-behind that refuses a digit before, then a digit): tried only there
#: (:func:`_digit_hits`); True for those whose match starts with the year (19xx, 20xx)
_AT_DIGITS = {"iso": True, "num": False, "dmy": False, "ymd_t": True}


def _plan(
    kinds: list[tuple[str, re.Pattern[str], str]], lower: bool
) -> list[tuple[str, re.Pattern[str], int, bool, bool | None]]:
    """The patterns as :func:`find_dates` tries them: (form, pattern, kind as an index into
    (textual, numeric, CJK), tried only where a month name starts, tried only where a run
    of digits starts: None if not, else whether only where it starts with 19 or 20)."""
    index = {_TEXTUAL: 0, _NUMERIC: 1, _CJK: 2}
    return [
        (form, rx, index[kind], lower and form == "mdy", _AT_DIGITS.get(form))
        for form, rx, kind in kinds
    ]


_PLAN, _PLAN_LOWER = _plan(_DATE_PATTERNS_KINDS, False), _plan(_DATE_PATTERNS_LOWER_KINDS, True)
#: The years of the patterns read back to :data:`OLDEST_YEAR` (an earliest year before 1900)
_OLD_YEARS = "(?:1[5-9]|20)"


def _old_patterns(
    pats: list[tuple[str, re.Pattern[str]]],
) -> list[tuple[str, re.Pattern[str]]]:
    return [
        (f, re.compile(rx.pattern.replace("(?:19|20)", _OLD_YEARS), rx.flags)) for f, rx in pats
    ]


_PLAN_OLD = _plan(_kinds(_old_patterns(DATE_PATTERNS)), False)
_PLAN_LOWER_OLD = _plan(_kinds(_old_patterns(_DATE_PATTERNS_LOWER)), True)
# a line is worth scanning if it has a 4-digit year or a d.m.yy form or CJK date
# (ASCII digits: [0-9] scans 1.5x faster than the Unicode \d, and every pattern wants them)
_PREFILTER = re.compile(
    r"[0-9](?:(?<=1)9[0-9][0-9]|(?<=2)0[0-9][0-9]|[./-][0-9]{1,2}[./-][0-9][0-9])"
)
#: The parts of :data:`_PREFILTER`, each found by a scan for a literal (see
#: :func:`_prefilter_spans`): a year 19xx / 20xx, a separator before a digit, and the
#: d.m.yy form at a digit
_YEAR19 = re.compile(r"19(?=[0-9][0-9])")
_YEAR20 = re.compile(r"20(?=[0-9][0-9])")
#: the years 1500..1899, found when dates are read back before 1900 (:func:`earliest_year`)
_YEARS_OLD = tuple(re.compile(c + r"(?=[0-9][0-9])") for c in ("15", "16", "17", "18"))
_SEP_DIGIT = [re.compile(re.escape(c) + r"(?=[0-9])") for c in "./-"]
_DMYY = re.compile(r"[0-9][./-][0-9]{1,2}[./-][0-9][0-9]")


def _prefilter_spans(text: str, old: bool = False) -> list[tuple[int, int]]:
    """The spans of ``_PREFILTER.finditer(text)``, found ~3x faster: Python's re scans for a
    pattern's literal start quickly, but tries a pattern that starts with a character set
    ([0-9]) at every character. So the years (19xx, 20xx) and the separators before a digit
    are found by literal scans, and the matches are put in order and kept as finditer keeps
    them (each after the end of the last; at one start a year before a d.m.yy form).
    ``old``: the years 1500..1899 too."""
    starts: dict[int, int] = {}
    for rx in (_YEAR19, _YEAR20, *_YEARS_OLD) if old else (_YEAR19, _YEAR20):
        for m in rx.finditer(text):
            starts[m.start()] = m.start() + 4
    for rx in _SEP_DIGIT:
        for m in rx.finditer(text):
            p = m.start() - 1
            if p >= 0 and p not in starts and "0" <= text[p] <= "9":
                d = _DMYY.match(text, p)
                if d is not None:
                    starts[p] = d.end()
    out: list[tuple[int, int]] = []
    end = 0
    for p in sorted(starts):
        if p >= end:
            end = starts[p]
            out.append((p, end))
    return out


#: What every numeric form (ISO, "2020. 08. 18.", d/m/y) holds
_NUM_SEP = re.compile(r"[0-9]\s?[./-]\s?[0-9]")
#: The day words of :data:`_RELATIVE` and the days before the capture they name (0: today):
#: its ``word`` and ``cword`` alternatives and :data:`_RELATIVE_WORDS` are made of them (a
#: word typed into one of three lists and not the others was not read). (Hindi and Marathi
#: "कल", "काल" are also "tomorrow" and "time": not read)
_RELATIVE_DAYS = {
    "yesterday": 1, "gestern": 1, "hier": 1, "ayer": 1, "ieri": 1, "gisteren": 1, "ontem": 1,
    "вчера": 1, "позавчера": 2, "昨日": 1, "一昨日": 2, "昨天": 1, "前天": 2, "أمس": 1,
    "dün": 1, "wczoraj": 1, "przedwczoraj": 2, "вчора": 1, "учора": 1, "позавчора": 2,
    "χθες": 1, "χτες": 1, "אתמול": 1, "دیروز": 1, "গতকাল": 1, "어제": 1, "그제": 2, "그저께": 2,
    "เมื่อวาน": 1, "เมื่อวานนี้": 1,
    "today": 0, "heute": 0, "aujourd'hui": 0, "hoy": 0, "oggi": 0, "vandaag": 0, "hoje": 0,
    "сегодня": 0, "اليوم": 0, "bugün": 0, "dzisiaj": 0, "dziś": 0, "今日": 0, "今天": 0,
}  # fmt: skip
#: The day words of :data:`_RELATIVE_DAYS` in the scripts that write the next word (a
#: particle) on to them: Chinese, Japanese, Korean, Thai (no word end is looked for after them)
_GLUED_DAYS = frozenset(
    w for w in _RELATIVE_DAYS if "\u0e00" <= w[0] <= "\u0e7f" or w[0] >= "\u3040"
)


_RELATIVE = re.compile(
    r"(?:(?P<n>\d{1,3}|an?|one|ein|eine|einem|einer|un|une)\s*(?P<u>min(?:ute)?s?|mins?|hours?|hrs?|h|days?|weeks?|months?"
    r"|minuten?|stunden?|tagen?|wochen?|monaten?|heures?|jours?|semaines?|mois|horas?|d[ií]as?|semanas?|meses"
    r"|m|d|w)\s*(?:ago|zuvor|atrás)\b|\b(?:vor|il y a|hace|há)\s+(?P<n2>\d{1,3}|einem|einer|un|une)\s*(?P<u2>min(?:ute)?n?s?|stunden?|std\b\.?|tagen?"
    r"|wochen?|monaten?|heures?|jours?|semaines?|mois|minutos?|horas?|d[ií]as?|semanas?|meses|hours?|days?)"
    # (Russian, the count may be left out: "час назад"; Italian "3 ore fa", "un'ora fa" (a
    # space before "fa": "ora fa" alone is "now ..."); Dutch "3 uur geleden"; Japanese and
    # Chinese "3時間前", "3小时前": :data:`_UNIT_OTHER` names their units)
    # (Ukrainian "3 години тому", "годину тому", with Russian's pattern)
    r"|(?:\b(?P<n3>\d{1,3}|одну|один|одна)\s*)?\b(?P<u3>минут[уы]?|хвилин[уи]?|час(?:а|ов)?|годин[уи]?"
    r"|дн(?:я|ей|і|ів)|день|недел[юиь]|тижн(?:і|ів|я)|тиждень|месяц(?:а|ев)?|місяц(?:і|ів|ь|я))\s+(?:назад|тому)\b"
    r"|\b(?P<n4>\d{1,3}|un|una|un'|een)\s*(?P<u4>minut[oi]|or[ae]|giorn[oi]|settiman[ae]|mes[ei]|minuut|minuten|uur|dag(?:en)?|weken?|maand(?:en)?)(?: fa| geleden)\b"
    # (no digit before the count: "1000日前" is no "000日前"; no month before a day: "3月15日
    # 前", "3월 15일 전" are "before 15 March", a deadline; s40 acc-read F19, n9 likewise:
    # find_relative's dateline test rejects those too, but labelled_update_lines searches
    # the pattern without it: "15일 전" of "Last updated 3월 15일 전", "500 दिन पहले" of
    # "Updated 1500 दिन पहले" are kept out by the look-behinds alone; review2 R10. A space
    # after the month too, as Chinese typesetting puts around figures: "请于 3 月 15 日前报名",
    # "register by 15 March", was "15 days ago"; s41 acc-read unproved 5)
    r"|(?<!\d)(?<!月)(?<!月\s)(?P<n5>\d{1,3})\s*(?P<u5>分钟|分鐘|分|小时|小時|時間|天|日|週間|周|週|星期|[个個か]月|[ヶカヵケ]月)前"
    # (Arabic "منذ 3 ساعات", "قبل ساعتين" (a dual: two), "منذ يوم"; Turkish "3 saat önce",
    # "bir gün önce"; Polish "3 godziny temu", "godzinę temu": a plural unit needs its count,
    # "kilka dni temu" is "a few days ago")
    # (Hebrew "לפני 3 שעות", "לפני שעתיים" (a dual), "לפני שעה"; Greek "πριν από 3 ώρες",
    # "πριν από μία ώρα": the word before, as Arabic's; with or without accents, which
    # capitals drop: "ΠΡΙΝ ΑΠΟ 3 ΩΡΕΣ", s40 acc-read F13)
    r"|\b(?:منذ|قبل|לפני|πριν(?:\s+απ[οό])?)\s+(?:(?P<n6>\d{1,3}|μ[ιί]α|[εέ]ναν?)\s*)?(?P<u6>دقيق(?:ة|تين|تان)"
    r"|دقائق|ساع(?:ة|تين|تان|ات)|يوم(?:ين|ان)?|[أا]يام|[أا]سبوع(?:ين|ان)?|[أا]سابيع|شهر(?:ين|ان)?"
    r"|[أا]شهر|شهور|דק(?:ה|ות)|שע(?:ה|ות|תיים)|יום|יומיים|ימים|שבוע(?:ות|יים)?|חודש(?:ים|יים)?"
    r"|λεπτ[οόαά]|[ωώ]ρ(?:α|ες)|η?μ[εέ]ρ(?:α|ες)|εβδομ[αά]δ(?:α|ες)|μ[ηή]ν(?:α|ες|ας))(?!\w)"
    r"|\b(?P<n7>\d{1,3}|bir)\s*(?P<u7>dakika|dk\.?|saat|sa\.?|gün|hafta|ay)\s+önce\b"
    # (Hindi "3 घंटे पहले", Marathi "३ तासांपूर्वी", Bengali "৩ ঘণ্টা আগে", Persian "۳ ساعت پیش"
    # or "قبل", Korean "3시간 전", Thai "3 ชั่วโมงที่แล้ว": the count in any digits, the word
    # after the unit, the unit written on to it in Korean, the word in Marathi and Thai)
    r"|(?<!\d)(?<!월)(?<!월\s)(?P<n9>\d{1,3})\s*(?P<u9>मिनट|मिनिटां?|घंट(?:े|ा|ों)|तासां?|दिन|दिवसां?|सप्ताह|हफ़?्ते|महीन(?:े|ा)"
    r"|মিনিট|ঘণ্টা|ঘন্টা|দিন|সপ্তাহ|মাস|دقیقه|ساعت|روز|هفته|ماه|분|시간|일|주일?|개월|달"
    r"|นาที|ชั่วโมง|ชม\.|วัน|สัปดาห์|อาทิตย์|เดือน)\s*(?:(?:पहले|पूर्वी?|আগে|پیش|قبل|전)(?![\w\u200c])|ที่แล้ว)"
    r"|(?:\b(?P<n8>\d{1,3})\s*)?\b(?P<u8>minut[ęy]?|min\.?|godzin[ęy]?|godz\.?|dzień|dni|tydzień"
    r"|tygodni[e]?|miesiąc[ey]?|miesięcy)\s+temu\b"
    rf"|\b(?P<word>{alternation(_RELATIVE_DAYS.keys() - _GLUED_DAYS)})(?!\w)"
    rf"|(?<!\w)(?P<cword>{alternation(_GLUED_DAYS)}))",
    re.I,
)
#: The units of the relative forms in other languages (:data:`_RELATIVE`'s ``u3``..``u5``), by
#: their first letters, as the English unit that :data:`_UNIT_DAYS` reads
_UNIT_OTHER = {
    "мин": "min", "час": "hours", "дн": "days", "ден": "days", "нед": "weeks", "мес": "months",
    "min": "min", "or": "hours", "gio": "days", "set": "weeks", "mes": "months",
    "uur": "hours", "dag": "days",
    "wee": "weeks", "wek": "weeks", "maa": "months", "分": "min", "小": "hours", "時": "hours",
    "天": "days", "日": "days", "週": "weeks", "周": "weeks", "星": "weeks",
    "دق": "min", "سا": "hours", "يو": "days", "أي": "days", "اي": "days", "أس": "weeks",
    "اس": "weeks", "شه": "months", "أش": "months", "اش": "months",
    "dak": "min", "dk": "min", "saa": "hours", "sa": "hours", "gün": "days", "haf": "weeks",
    "ay": "months", "god": "hours", "dzi": "days", "dni": "days", "tyd": "weeks",
    "tyg": "weeks", "mie": "months",
    "хви": "min", "год": "hours", "тиж": "weeks", "міс": "months",
    "דק": "min", "שע": "hours", "יו": "days", "ימ": "days", "שב": "weeks", "חו": "months",
    "λεπ": "min", "ώρ": "hours", "ημέ": "days", "μέρ": "days", "εβδ": "weeks", "μήν": "months",
    "ωρ": "hours", "ημε": "days", "μερ": "days", "μην": "months",
    "मिन": "min", "घंट": "hours", "तास": "hours", "दिन": "days", "दिव": "days", "सप्": "weeks",
    "हफ": "weeks", "मही": "months", "মিন": "min", "ঘণ": "hours", "ঘন": "hours", "দিন": "days",
    "সপ": "weeks", "رو": "days", "هف": "weeks",
    "분": "min", "시": "hours", "일": "days", "주": "weeks",
    "นาท": "min", "ชั่": "hours", "ชม.": "hours", "วัน": "days", "สัป": "weeks", "อาท": "weeks",
}  # fmt: skip
#: The Arabic, Hebrew and Polish units of :data:`_RELATIVE` that are one without a count
#: ("منذ ساعة", "לפני שעה", "godzinę temu") or two (the dual: "منذ ساعتين", "לפני שעתיים"); a
#: plural one needs its count
_UNIT_ALONE = {
    "دقيقة": "1", "ساعة": "1", "يوم": "1", "أسبوع": "1", "اسبوع": "1", "شهر": "1",
    "دقيقتين": "2", "دقيقتان": "2", "ساعتين": "2", "ساعتان": "2", "يومين": "2", "يومان": "2",
    "أسبوعين": "2", "أسبوعان": "2", "اسبوعين": "2", "اسبوعان": "2", "شهرين": "2", "شهران": "2",
    "minutę": "1", "godzinę": "1", "dzień": "1", "tydzień": "1", "miesiąc": "1",
    "דקה": "1", "שעה": "1", "יום": "1", "שבוע": "1", "חודש": "1",
    "שעתיים": "2", "יומיים": "2", "שבועיים": "2", "חודשיים": "2",
}  # fmt: skip
#: A time of day after a day word: "Yesterday at 19:20", "Hier à 19h20", "heute, 14:30 Uhr",
#: "вчера в 14:30", "вчора о 14:30", "χθες στις 14:30", "אתמול בשעה 14:30", "دیروز ساعت ۱۴:۳۰",
#: "เมื่อวาน เวลา 14:30 น.", "昨天 10:20" (in any digits)
#: The words before a clock time ("at 19:20", "um 14:30", "στις 14:30", "เวลา 14:30"), in
#: :data:`_DAY_WORD_TIME` and :data:`_DAY_WORD_CLOCK` (one list: a word added to one of
#: two copies was not read by the other)
_CLOCK_WORDS = "at|um|à|a las|alle|om|às|в|о|στις|בשעה|ساعت|เวลา"
_DAY_WORD_TIME = re.compile(
    rf"[\s,]*(?:{_CLOCK_WORDS}|kl\.?|o|ב-?)?\s*(\d?\d)[:.h：](\d\d)(?!\d)",
    re.I,
)


def _time_at(line: str, pos: int) -> bool:
    """Whether a time of day (:data:`_DAY_WORD_TIME`) is at ``pos`` of ``line``: see
    :func:`_of_day`, no digit after it."""
    return _of_day(_DAY_WORD_TIME.match(line, pos))


def _of_day(m: re.Match[str] | None) -> bool:
    """Whether the clock time ``m`` matched (its hour the first group, its minutes the
    second, if any) is a time of day: an hour of 0-23 and minutes of 0-59 (in any digits).
    A number with a point is none: "Gestern 40.000 Besucher", "Heute 75.00 Euro" dated an
    undated page (s40 acc-read F3). Both patterns of a time after a day word are read so
    (:data:`_DAY_WORD_TIME`, :data:`_DAY_WORD_CLOCK`: the check was in one, review2 R8)."""
    return m is not None and int(m.group(1)) <= 23 and (m.group(2) is None or int(m.group(2)) <= 59)


_UNIT_DAYS = {
    "min": 0,
    "h": 0,
    "hou": 0,
    "hr": 0,
    "hrs": 0,
    "stu": 0,
    "heu": 0,
    "hor": 0,
    "day": 1,
    "tag": 1,
    "jou": 1,
    "dia": 1,
    "día": 1,
    "wee": 7,
    "woc": 7,
    "sem": 7,
    "mon": 30,
    "moi": 30,
    "mes": 30,
    # the one-letter units of "7m ago", "2d ago", "3w ago" (m: minutes, as "1h ago" is hours)
    "m": 0,
    "d": 1,
    "w": 7,
}

# cue words: the text just before a date (same line, or the previous short line)
#: Publication words of the languages the date reader reads beyond those of the dev pages
#: (fi, ro, hu, id/ms, cs, sk, hr, uk, tr, el, it): without them, "Päivitetty 20.3.2024" /
#: "Julkaistu 14.3.2024" was two uncued dates, and the update above won
_PUB_MORE = (
    r"julkaistu|publicat|publicată|közzétéve|megjelent|diterbitkan|dipublikasikan|diposting|"
    r"zveřejněno|publikované|uverejnené|objavljeno|опубліковано|yayınlandı|yayımlandı|"
    r"δημοσιεύθηκε|δημοσίευση|pubblicata|"
    # (Arabic, Hebrew, Persian: "نشر في: 15 مارس 2024" over "آخر تحديث: 16 مارس 2024" was
    # two uncued dates, and the update was chosen; s41 acc-regress D3)
    r"نشر في|نشر|نُشر في|نُشر|تاريخ النشر|פורסם|פורסמה|תאריך פרסום|تاریخ انتشار|منتشر شده"
)
_CUE_PUB = re.compile(
    r"\b(published|publish date|posted|post date|publiziert|veröffentlicht|erschienen|erstellt|"
    r"publié|publiée|mis en ligne|publicado|publicada|pubblicato|gepubliceerd|geplaatst|publicerad|"
    r"publiceret|publisert|opublikowano|publikováno|опубликовано|yayınlanma|released|"
    + _PUB_MORE
    + r"|"
    r"date\b|datum|dated|fecha|data|creado|created|written|geschrieben|écrit|"
    r"artikel vom|beitrag vom|vom\b|from\b|le\b|am\b|on\b|du\b)\s*:?\s*$",
    re.I,
)
_CUE_UPD = re.compile(
    r"(updated|last update[d]?|update|modified|last modified|aktualisiert|geändert|zuletzt|"
    r"stand|mis à jour|mise à jour|actualizado|actualizada|actualización|aggiornato|"
    # (Italian sites' "modified on", "22 aprile 2024 (modifica il 23 aprile 2024 | 00:31)":
    # the second date was published; s48 acc-live L11)
    r"modifica|modificato|modificata|modifié|modifiée|modificado|"
    r"bijgewerkt|uppdaterad|opdateret|oppdatert|zaktualizowano|revised|edited|"
    # (the update words of the languages of :data:`_PUB_MORE`, and pt, ru)
    r"atualizado|atualizada|atualização|aktualizováno|aktualizované|aktualizacja|ažurirano|"
    r"обновлено|оновлено|güncellendi|güncelleme|päivitetty|actualizat|actualizare|frissítve|"
    r"diperbarui|dikemaskini|ενημερώθηκε|ενημέρωση|aggiornamento|"
    # (Arabic, Hebrew, Persian, as :data:`_PUB_MORE`)
    r"آخر تحديث|تحديث|تم التحديث|עודכן|עדכון אחרון|به‌روزرسانی|بروزرسانی)\b[^0-9]{0,25}$",
    re.I,
)
#: (searched for: every alternative starts with a character, so re skips ahead to the positions
#: of its first characters; a leading ``\b`` would make it try every position, 2x the cost. A
#: word start is therefore checked after the first letter: ``e(?<=\be)nds?\b`` is
#: ``\bends?\b``, ``e(?<=\be)vent`` is ``\bevent``)
#: A job ad's or a call's closing day ("Closing date: 31 March 2025", "Bewerbungsschluss",
#: "Date limite de candidature", "Fecha límite"): no publication date (s36 acc-types #14: a
#: job ad showing no posting date was dated by its closing day)
_CLOSING = r"closing\s+date|bewerbungsschluss|bewerbungsfrist|date\s+limite|fecha\s+l[ií]mite"
_CLOSED = re.compile(rf"(?:{_CLOSING})[^0-9]{{0,30}}$", re.I)
#: A law's entry into force ("Entrada en vigor:", "Inkrafttreten:", "comes into force on",
#: "entrée en vigueur le", "entra in vigore il", "вступает в силу с", "tritt am 1. Mai 2025
#: in Kraft"): the day it applies from, not the day it was published (s47 acc-gov G7: a
#: Spanish law was dated by its "Entrada en vigor" line in every form). One list for
#: :data:`_CUE_NEG` (searched, so a word's start is checked after its first letter:
#: ``i(?<=\bi)n``) and :data:`_NOT_PUBLICATION` (which puts ``\b`` before it).
_IN_FORCE = (
    # (each with its word's end: "5. Mai 2024 in Kraftwerksnähe" was an entry into force,
    # and the page's only date no publication; s49 acc-read F14)
    r"entrada en vigor\b|entry into force\b|i(?<=\bi)n(?:to)? force\b|in kraft\b|"
    r"inkrafttreten\b|entrée en vigueur\b|e(?<=\be)ntra(?:ta|re)? in vigore\b|in werking\b|"
    r"вступ\w* в силу\b|вступления в силу\b"
)
#: An entry into force right after a date, in the same clause: no digit, no separator
#: between ("1. Mai 2025 in Kraft", "1 July 2025 enters into force", "2026年4月1日施行"; not
#: a dateline's "1 May 2025 | New rules come into force", a headline after it)
_IN_FORCE_AFTER = re.compile(r"(?i)[^\d\n|•·–—:;.,()\[\]]{0,20}?(?:" + _IN_FORCE + r"|施行)")
_CUE_NEG = re.compile(
    r"(©|\(c\)|copyright|says:|sagt:|schreibt:|reply|antworten|comment|" + _CLOSING + "|"
    # (not an opinion piece's byline: "Ein Kommentar von NAME" over its date; s36 acc-types #6)
    r"kommentar(?:(?<!ein kommentar)|(?!\s+von\s))|commentaire|"
    r"respuesta|born|geboren|né le|died|gestorben|deadline|frist|bis zum|until|bis\b|"
    r"e(?<=\be)nds?\b|from\s+\S+\s+to|e(?<=\be)vent|termin|veranstaltung|am\s+\w+,?\s+$|joined|"
    r"member since|mitglied seit|"
    r"registriert|dabei seit|seit\b|since\b|access(?:ed)?|abgerufen|retrieved|consulté|"
    # (a law's entry into force, not its publication: :data:`_IN_FORCE`)
     + _IN_FORCE + r"|施行)",
    re.I,
)
_COPYRIGHT = re.compile(r"©|\(c\)\s*\d|copyright", re.I)
_WORD = re.compile(r"\w+")
#: Four runs of :data:`_WORD` (a date is "alone" on a line with at most three words besides):
#: one search in C, where finditer makes a match object per word. (Tried at word starts
#: only, and without backtracking: a long run of letters is not rescanned from each of
#: its characters.)
_FOUR_WORDS = re.compile(r"(?<!\w)\w++\W++\w++\W++\w++\W++\w")


#: US zones written without "standard" or "daylight" ("5:01 AM ET"): their offset depends
#: on the date (:func:`_us_offset`). Read in capitals only: "et" is French for "and".
_US_ZONES = {"ET": -5, "CT": -6, "MT": -7, "PT": -8}
#: such a zone right after a date's time of day ("Nov. 18, 2019 7:04 pm ET")
_US_ZONE_AFTER = re.compile(r"\s*\(?(?P<z>[ECMP]T)(?![A-Za-z])")
#: A time of day written just before a date: "Published 11:11 PM EST Nov 19, 2019",
#: "PUBLISHED: 10:48, Tue, Nov 19, 2019", "Updated at 5:36 PM CST on Nov 18, 2019" (a
#: separator, "on" and a weekday may stand between); searched in the characters before the
#: date, so ``$`` is the date's start. A time glued to the date ("01:22 GMT08 August 2020")
#: is not the date's: scraped text glues what were separate elements of the page, here a
#: site header's clock beside the day's date (the ``gap`` must not be empty).
_TIME_BEFORE = re.compile(
    r"(?<![\d:.])(?P<h>[012]?\d)[:h](?P<mi>[0-5]\d)(?::(?P<s>[0-5]\d))?"
    r"\s*(?P<ampm>[ap]\.?\s?m\.?)?\s*\(?(?P<tz>"
    + _TZ_WRITTEN
    + r"|(?:"
    + _TZ_RE
    + r")(?![a-z])|[+-]\d{2}:?\d{2}"
    r"|(?-i:[ECMP]T)(?![A-Za-z]))?\)?"
    r"(?P<gap>\s*(?:[-–—,|/•·]\s*)?(?:(?:on|am|le|el|il|du|den)\s+)?(?:[^\W\d_]{2,12}\.?,?\s*)?)$",
    re.I,
)
#: how far before a date :data:`_TIME_BEFORE` looks (characters)
_TIME_BEFORE_CHARS = 40


def _us_offset(zone: str, d: date) -> str:
    """The UTC offset of a US zone (``_US_ZONES``) on day ``d``: daylight saving time from
    the second Sunday of March to the first Sunday of November (the rule since 2007; the
    day of the change itself is taken as after it)."""
    start = date(d.year, 3, 8)
    start += timedelta(days=(6 - start.weekday()) % 7)
    end = date(d.year, 11, 1)
    end += timedelta(days=(6 - end.weekday()) % 7)
    return f"{_US_ZONES[zone] + (start <= d < end):+03d}:00"


def _time_near(
    orig: str, s0: int, e0: int, d: date, g: dict[str, Any], taken: _Taken, a: int
) -> tuple[str, str] | None:
    """The time of day of the date at ``orig[s0:e0]`` (``g``: its match's groups): the one
    its pattern read after it, else one written just before it and not part of another
    date's match (``taken``: their spans, ``a`` characters into ``orig``); a US zone's
    offset is the one of day ``d``."""
    zone: str | None = None
    if g.get("h") is not None:
        tod = _time_part(g)
        if tod is not None and not tod[1] and (z := _US_ZONE_AFTER.match(orig, e0)):
            zone = z.group("z")
        elif tod is not None and tod[1] and _TZ_NOT_READ.match(orig, e0):
            # "GMT" then an offset not understood: no instant (not GMT's +00:00)
            tod = (tod[0], "")
    else:
        m = _TIME_BEFORE.search(orig, max(0, s0 - _TIME_BEFORE_CHARS), s0)
        if m is None or not m.group("gap"):
            return None
        t0 = m.start() - a
        if taken.overlaps(t0, s0 - a):
            return None
        tg = m.groupdict()
        if tg["tz"] in _US_ZONES:
            zone, tg["tz"] = tg["tz"], None
        tod = _time_part(tg)
    if tod is not None and zone is not None:
        return tod[0], _us_offset(zone, d)
    return tod


def _tzoff(tz: str | None) -> str:
    if not tz:
        return ""
    t = tz.lower()
    if t in _TZ:
        return _TZ[t]
    if (w := _TZ_WRITTEN_RE.match(t)) is not None:
        h, m = int(w.group("h")), int(w.group("m") or 0)
        if h > 14:
            return ""  # (no such offset: the time is no instant)
        return f"{'+' if w.group('sign') == '+' else '-'}{h:02d}:{m:02d}"
    t = tz.replace(":", "")
    return t[:3] + ":" + t[3:5]


def _mk(y: int, m: int, d: int) -> date | None:
    try:
        dd = date(y, m, d)
    except ValueError:
        return None
    return dd if _EARLIEST.get() <= y <= 2100 else None


class _Setting:
    """A context manager that sets a context variable for its block and resets it after:
    what a ``contextlib.contextmanager`` around ``set``/``reset`` does, without the
    generator it makes and runs per block (the stage enters three such blocks a
    document)."""

    __slots__ = ("_token", "_value", "_var")

    def __init__(self, var: ContextVar[Any], value: Any) -> None:
        self._var, self._value = var, value

    def __enter__(self) -> None:
        self._token = self._var.set(self._value)

    def __exit__(self, *exc: object) -> None:
        self._var.reset(self._token)


def earliest_year(year: int) -> _Setting:
    """Within the block, dates are read back to ``year`` (:data:`MIN_YEAR` outside any
    block); from before 1900 the text reader's patterns take years from 1500 on
    (:data:`OLDEST_YEAR`), at some cost: only then are they tried."""
    return _Setting(_EARLIEST, year)


#: Days that systems write for "no date" (year 1, the Windows, Excel-era and Unix epochs)
PLACEHOLDER_DAYS = frozenset({date(1, 1, 1), date(1601, 1, 1), date(1900, 1, 1), date(1970, 1, 1)})


def placeholder_day(day: date, text: str) -> bool:
    """Whether ``day``, given as a document's date (a dump's ``date``, a page's JSON-LD or
    meta tag), is what systems write for none: before the year 1000, or a day of
    :data:`PLACEHOLDER_DAYS` whose year the document's ``text`` does not write (a paper of
    Monday 1 January 1900 writes "1900"; a page whose CMS left 1970-01-01 writes no 1970)."""
    return day.year < STRUCTURED_MIN_YEAR or (day in PLACEHOLDER_DAYS and str(day.year) not in text)


def current_earliest_year() -> int:
    """The earliest year dates are read back to here (:func:`earliest_year`)."""
    return _EARLIEST.get()


def _instant_of(value: str) -> datetime | None:
    """The instant an ISO 8601 date-time with an offset names ("2024-03-12T08:00:00+13:00"),
    else None (a day, or a time without a zone: no instant)."""
    if "T" not in value:
        return None
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo is not None else None


def after_reference(
    day: date, value: str | None, capture: date | None, at: datetime | None = None
) -> bool:
    """Whether a date written as day ``day`` (``value``: as ISO 8601, a date-time with its
    offset when the page gives one) is after the capture (``capture``: its day; ``at``: its
    date-time, when known), without one after today in UTC: the day as written is later,
    and, when the value names an instant, that instant is too (after ``at``, else on a
    later UTC day). A morning in New Zealand is the evening before in UTC:
    "2024-03-12T08:00+13:00" captured at 21:00Z on the 11th was published two hours
    before its capture (s30 acceptance test, locales #1)."""
    last = reference_day(capture)
    if day <= last:
        return False
    instant = _instant_of(value) if value else None
    if instant is None:
        return True
    if at is not None and at.tzinfo is not None:
        return instant > at
    return instant.astimezone(UTC).date() > last


def utc_today() -> date:
    """Today's date in UTC: the reference of a document without a capture date (the
    machine's time zone decides nothing)."""
    return datetime.now(UTC).date()


def reference_day(capture: date | None) -> date:
    """The latest day a publication date can be: the capture's, else today's in UTC. A
    date after it is never chosen, in every path (text, HTML, a dump's ``date``)."""
    return capture if capture is not None else utc_today()


#: The year two-digit years are read against (:func:`reference_years`); None: UTC today's
_REFERENCE_YEAR: ContextVar[int | None] = ContextVar("_REFERENCE_YEAR", default=None)


def reference_years(day: date | None) -> _Setting:
    """Within the block, a two-digit year is read against ``day``'s year (the capture's),
    not today's: "03/01/28" is 2028 in a page captured in 2027, 1928 in one captured in 2026.
    None: UTC today's year (taken when the block is made)."""
    return _Setting(_REFERENCE_YEAR, reference_day(day).year)


def _pivot_year() -> int:
    """The year two-digit years are read against: the capture's, else UTC today's."""
    y = _REFERENCE_YEAR.get()
    return y if y is not None else utc_today().year


def _year(ystr: str) -> int:
    y = int(ystr)
    if len(ystr) == 2:
        # the reference's century, unless that is over a year after the reference
        pivot = _pivot_year()
        y += pivot - pivot % 100
        if y > pivot + 1:
            y -= 100
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


#: The year-like numbers of a page whose windows are searched for dates: the dev pages have
#: at most 286; a page of hundreds of thousands (a table, a log) would cost minutes
_MAX_YEAR_SPANS = 5000


class _Taken:
    """The spans of the dates found on a line so far (disjoint), for overlap tests in
    O(log n): a line of 200,000 dates made the linear scans quadratic (minutes)."""

    __slots__ = ("ends", "starts")

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, lo: int, hi: int) -> bool:
        """Whether a span ``(s, e)`` has ``s < hi`` and ``e > lo``."""
        # (disjoint spans sorted by start are sorted by end too: the last one that starts
        # before hi ends last among them)
        k = bisect.bisect_left(self.starts, hi) - 1
        return k >= 0 and self.ends[k] > lo

    def add(self, s: int, e: int) -> None:
        k = bisect.bisect_left(self.starts, s)
        self.starts.insert(k, s)
        self.ends.insert(k, e)


def find_dates(
    lines: list[str],
    max_lines: int = 100_000,
    year_lines: set[int] | None = None,
    text: str | None = None,
    digits: bool | None = None,
    glued: bool = True,
) -> list[dict[str, Any]]:
    """Every full date written in ``lines``, in text order.

    Each candidate: ``date``, ``line``, ``col``, ``form`` (iso, cjk, num, num2, mdy, dmy,
    ymd_t), ``text`` (as written), ``time`` (("HH:MM:SS", offset) or None), ``alt`` (the
    other reading of an ambiguous d/m order) and ``sep``. Impossible dates are dropped.
    ``year_lines``, if given, receives the numbers of the lines with a year-like number (what
    :data:`_PREFILTER` finds). ``text``, if given, is ``"\\n".join(lines)`` (the page's text,
    not joined again). Digits of other scripts ("١٤ مارس ٢٠٢٤", "২৯ আগস্ট", "２０２１年３月４日")
    are read as 0-9 (:func:`_ascii_digits`), the candidate's ``text`` as written; ``digits``:
    whether the text may hold them (:func:`_other_digits_points`), if known. ``glued``:
    whether the dates written on to a date's year are read too (:func:`_glued_dates`).
    """
    if text is None or len(lines) > max_lines:
        lines = lines[:max_lines]
        text = "\n".join(lines)
    as_written: list[str] | None = None
    if (digits if digits is not None else _scripts(text)[1]) and (
        ascii_text := _ascii_digits(text)
    ) is not None:
        # (the lines with their digits in 0-9, each character where it was)
        as_written, text = lines, ascii_text
        lines = text.split("\n")
        if len(lines) != len(as_written):  # (a line with a newline in it)
            lines = [_ascii_digits(x) or x for x in as_written]
    # One scan of the whole text for year-like numbers; only the windows around them are
    # tried with the date patterns (every written date form has its year within ~45 chars).
    windows: dict[int, list[tuple[int, int]]] = {}
    i, pos, off = 0, 0, 0  # line number and start offset of the line at ``pos``
    earliest = _EARLIEST.get()
    for ms, me in islice(_prefilter_spans(text, earliest < 1900), _MAX_YEAR_SPANS):
        nl = text.count("\n", pos, ms)
        if nl:
            i += nl
            off = text.rfind("\n", 0, ms) + 1
        pos = ms
        s, e = max(0, ms - off - 48), min(len(lines[i]), me - off + 48)
        spans = windows.setdefault(i, [])
        if spans and s <= spans[-1][1]:
            spans[-1] = (spans[-1][0], e)
        else:
            spans.append((s, e))
    if year_lines is not None:
        year_lines.update(windows)
    out: list[dict[str, Any]] = []
    pivot = _pivot_year()  # (in the cache's key: two-digit years are read against it)
    for i, spans in windows.items():
        orig = lines[i]
        found = (
            _line_dates(orig, tuple(spans), pivot, earliest)
            if len(orig) <= _LINE_CACHE_CHARS
            else _line_dates.__wrapped__(orig, tuple(spans), pivot, earliest)
        )
        for dd, col, form, written, tod, alt, sep in found:
            out.append(
                {
                    "date": dd,
                    "line": i,
                    "col": col,
                    "form": form,
                    "text": written,
                    "time": tod,
                    "alt": alt,
                    "sep": sep,
                }
            )
        if found and glued:
            out += _glued_dates(orig, i, found)
    _two_digit_years(text, lines, out)
    if not text.isascii():
        _calendar_dates(text, out)
    # (dates split over lines: a short line of a year, or of a month and a year)
    for i in windows:
        if len(lines[i]) <= _SPLIT_YEAR_CHARS and (ym := _SPLIT_YEAR.fullmatch(lines[i].strip())):
            _split_date(lines, i, ym, out)
    out.sort(key=lambda c: (c["line"], c["col"]))
    if as_written is not None:
        for c in out:
            # (the date as the page writes it, at the same columns)
            t, k = c["text"], lines[c["line"]].find(c["text"], c["col"])
            if k >= 0:
                c["text"] = as_written[c["line"]][k : k + len(t)]
    return out


#: What :func:`_line_dates` returns per date: (date, column, form, text as written, time of
#: day, other reading, separator), the fields of a :func:`find_dates` candidate but the line
_LineDate = tuple[date, int, str, str, tuple[str, str] | None, date | None, str | None]
#: Lines up to this long have their dates cached (:func:`_line_dates`); a long paragraph
#: seldom recurs, and would hold its memory in the cache
_LINE_CACHE_CHARS = 400


def _glued_dates(line: str, i: int, found: tuple[_LineDate, ...]) -> list[dict[str, Any]]:
    """The dates (:func:`find_dates`' candidates, on line ``i``) written on to the last digit
    of one of the dates ``found`` on ``line``, as themes print a post's date and its
    update's: "28. Juni 201914. Januar 2020", "March 5, 2024March 6, 2024". A date's day
    or month may not follow a digit in the patterns, so the second was no match, and the
    update's date was seen by no reader: it is read where it starts a window of the line's
    rest (and a date glued to it in turn, from its end).

    A loop over windows of :data:`_GLUED_CHARS`: reading the whole rest, with its own glued
    dates read the same way (a recursion), went one call deeper per glued date (~500 of
    them, a 6 KB line, raised ``RecursionError`` and the document failed) and read the rest
    again for every date in it (twenty pairs of glued dates on a 560-character line took
    seconds, each pair more doubling it)."""
    out: list[dict[str, Any]] = []
    for _, col, _, written, *_ in found:
        end, cut = col + len(written), False
        while cut or (written[-1:].isdigit() and line[end : end + 1].isalnum()):
            rest = line[end : end + _GLUED_CHARS]
            # (a date that ends near the window's end may read on past it: it is taken
            # from the next window, where it starts)
            last = len(rest) if end + _GLUED_CHARS >= len(line) else _GLUED_CHARS - 48
            pos, cut = 0, False
            for c in find_dates([rest], glued=False):
                if c["col"] != pos:
                    break
                if pos + len(c["text"]) > last:
                    cut = pos > 0
                    break
                out.append({**c, "line": i, "col": end + pos})
                pos += len(c["text"])
                written = c["text"]
            if not pos:
                break
            end += pos
    return out


#: The part of a line's rest read for a date glued to the one before it (:func:`_glued_dates`):
#: a written date with its time of day is some 50 characters, and its patterns look no
#: further than 48 beyond its year
_GLUED_CHARS = 160


_F = TypeVar("_F", bound=Callable[..., Any])


def _line_cache(maxsize: int) -> Callable[[_F], _F]:
    """``lru_cache(maxsize)`` for a function of one line (its first argument) that caches
    only lines of up to :data:`_LINE_CACHE_CHARS` characters: a cache keyed by whole lines
    held every long one it met, with its result (a 1 MB line and its words: a run of
    1 MB one-line documents grew by ~2 MB a document, up to the cache's size, 4,096 of
    them). The hot call sites test the length themselves and call the cache or
    ``__wrapped__`` (a call less)."""

    def wrap(f: _F) -> _F:
        cached = lru_cache(maxsize=maxsize)(f)

        @functools.wraps(f)
        def call(s: str, *args: Any) -> Any:
            return cached(s, *args) if len(s) <= _LINE_CACHE_CHARS else f(s, *args)

        call.cache_info = cached.cache_info  # type: ignore[attr-defined]
        call.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
        return call  # type: ignore[return-value]

    return wrap


@lru_cache(maxsize=4096)
def _line_dates(
    orig: str, spans: tuple[tuple[int, int], ...], pivot: int, earliest: int = MIN_YEAR
) -> tuple[_LineDate, ...]:
    """The dates :func:`find_dates` finds on line ``orig`` in its windows ``spans`` (the
    parts around its year-like numbers, which depend on the line alone), in the order found.
    Cached: a site's date, copyright and footer lines recur on its pages. ``pivot``: the
    year two-digit years are read against (:func:`_pivot_year`, the reading's key);
    ``earliest``: the earliest year read (:func:`earliest_year`, the key's too)."""
    out: list[_LineDate] = []
    line = orig
    sp_list: list[tuple[int, int]] | tuple[tuple[int, int], ...] = spans
    lower = False
    a = 0  # the offset in ``orig`` of ``line``, the part searched
    if orig.isascii() or ("\u0130" not in orig and "\u03a3" not in orig):
        # only the part of a long line that holds the windows (and the character
        # before them, for the look-behinds) is lowercased: lowercasing maps each
        # character alone and keeps the length, but for İ (two characters) and Σ
        # (final or not by the letters around it)
        a, b = max(0, spans[0][0] - 1), spans[-1][1]
        line, lower = orig[a:b].lower(), True
        if a:
            sp_list = [(s - a, e - a) for s, e in spans]
    else:
        low = line.lower()
        if len(low) == len(line):  # (lowercasing keeps the offsets: almost always)
            line, lower = low, True
    # the textual forms only where a month name is written near the year: one scan
    # for letter runs instead of three costly pattern searches per window
    # (per window: most windows are years in prose, "in 1968", "2000/-")
    if lower:
        # (the runs of a-z of an ASCII window as the words of its bytes with every other byte
        # a space: C passes, where findall sets up a match per run and tests each character's
        # Unicode category. Tested per window: on a line that is not ASCII, for a "’" or an
        # "é" somewhere on it, most windows are.)
        mon_spans = [
            sp
            for sp in sp_list
            if (
                not _MONTH_BYTES.isdisjoint(w.encode("ascii").translate(_AZ_RUNS).split())
                if (w := line[sp[0] : sp[1]]).isascii()
                else _may_name_month(w) and not _MONTH_KEYS.isdisjoint(_LETTERS.findall(w))
            )
        ]
    else:
        mon_spans = [
            sp for sp in sp_list if any(w.lower() in MONTHS for w in _LETTERS.findall(line, *sp))
        ]
    # the numeric forms only in windows with a digit, a separator and a digit
    num_spans = [sp for sp in sp_list if _NUM_SEP.search(line, *sp)]
    cjk = _PATTERN_NEEDS_CJK[0] in line or _PATTERN_NEEDS_CJK[1] in line
    if not (mon_spans or num_spans or cjk):
        return tuple(_glued_month_dates(orig, spans, _Taken(), a))
    todo_of = (mon_spans, num_spans, list(sp_list) if cjk else [])
    taken = _Taken()
    # per window, where the patterns tried at runs of digits are tried (found once for
    # those patterns)
    runs: dict[tuple[int, bool], list[int]] = {}
    # (in their order: an earlier pattern's match takes the text from a later one)
    old = earliest < 1900
    plan = (_PLAN_LOWER_OLD if lower else _PLAN_OLD) if old else _PLAN_LOWER if lower else _PLAN
    for form0, rx, kind, at_month, at_digits in plan:
        todo = todo_of[kind]
        if not todo:
            continue
        for ws, we in todo:
            if at_digits is not None and we - ws > _ANCHOR_MIN:
                starts = runs.get((ws, at_digits))
                if starts is None:
                    starts = runs[ws, at_digits] = _digit_starts(line, ws, we, at_digits, old)
                hits = _digit_hits(rx, line, starts, ws, we, kind == 0)
            elif at_month:
                hits = _month_hits(rx, line, ws, we)
            else:
                # (most windows hold no match: one search, no generator)
                if (first := rx.search(line, ws, we)) is None:
                    continue
                hits = _hits(rx, line, ws, we, kind == 0, first)
            for hit in hits:
                s0, e0 = hit.span()
                if taken.overlaps(s0, e0):
                    continue
                g = hit.groupdict()
                dd, alt, form = _date_of(form0, g)
                if dd is None or (form == "num2" and _version_number(orig, g, s0 + a)):
                    continue
                tod = _time_near(orig, s0 + a, e0 + a, dd, g, taken, a)
                taken.add(s0, e0)
                out.append(
                    (
                        dd,
                        s0 + a,
                        form,
                        orig[s0 + a : e0 + a].strip(),
                        tod,
                        alt,
                        g.get("sep"),
                    )
                )
    out += _glued_month_dates(orig, spans, taken, a)
    return tuple(out)


#: A month-first date glued to the word before it, the month capitalised ("By Matt
#: SchubertNovember 8, 2023", "RedaktionNov 3, 2023": a byline's name and the date were
#: separate elements of the page): the "mdy" pattern without its look-behind, after a
#: lowercase letter, on the text as written (the case tells where the month starts)
_GLUED_MDY = re.compile(
    r"(?-i:(?<=[a-zäöüß])(?=[A-Z][a-z]))"
    + next(rx for form, rx in DATE_PATTERNS if form == "mdy").pattern.removeprefix(r"(?<![\w])"),
    _FLAGS,
)


#: What a :data:`_GLUED_MDY` match starts with, the letter before it included (case-sensitive,
#: as its first part): a capital between a lowercase letter and another. (The capital first:
#: re tries a pattern that starts with a set of characters at each character of the set, and
#: capitals are few where lowercase letters are most of a line: ~2.4x faster than the same
#: test written from the letter before, the offsets one more)
_GLUED_GATE = re.compile(r"[A-Z](?<=[a-zäöüß][A-Z])[a-z]")


def _glued_month_dates(
    orig: str, spans: tuple[tuple[int, int], ...], taken: _Taken, a: int
) -> list[_LineDate]:
    """The :data:`_GLUED_MDY` dates in the windows ``spans`` of line ``orig`` that overlap no
    date found (``taken``: their spans, ``a`` characters into ``orig``)."""
    out: list[_LineDate] = []
    for ws, we in spans:
        # (a match starts at a capital between a lowercase letter, which its look-behind
        # reads before ``ws`` too, and a lowercase one: without these three letters, the
        # pattern, tried at every character, is not tried at all)
        if _GLUED_GATE.search(orig, ws, we) is None:
            continue
        for hit in _GLUED_MDY.finditer(orig, ws, we):
            s0, e0 = hit.span()
            g = hit.groupdict()
            if g["mon"].lower() not in MONTHS or taken.overlaps(s0 - a, e0 - a):
                continue
            dd, alt, form = _date_of("mdy", g)
            if dd is None:
                continue
            tod = _time_near(orig, s0, e0, dd, g, taken, a)
            taken.add(s0 - a, e0 - a)
            out.append((dd, s0, form, orig[s0:e0].strip(), tod, alt, None))
    return out


def _hits(
    rx: re.Pattern[str],
    line: str,
    ws: int,
    we: int,
    textual: bool,
    first: re.Match[str] | None = None,
) -> Iterator[re.Match[str]]:
    """The matches of a date pattern in ``line[ws:we]``, left to right, each after the last;
    for a textual form only those whose month name is one (a real date may start inside
    another word's match). ``first``: the pattern's first match in the window, if searched
    already."""
    pos = ws
    hit = rx.search(line, pos, we) if first is None else first
    while hit is not None:
        if textual and hit.group("mon").lower() not in MONTHS:
            pos = hit.start() + 1
        else:
            pos = hit.end()
            yield hit
        hit = rx.search(line, pos, we)


#: A run of digits (the patterns' ``\\d``: Unicode digits)
_DIGIT_RUN = re.compile(r"\d+")
_CENTURIES = ("19", "20")
_CENTURIES_OLD = ("15", "16", "17", "18", "19", "20")
#: Windows longer than this are matched at their runs of digits (:func:`_digit_hits`); in
#: a shorter one a search costs less than finding the runs (callgrind, dev pages)
_ANCHOR_MIN = 64


def _digit_starts(line: str, ws: int, we: int, year_first: bool, old: bool = False) -> list[int]:
    """Where in ``line[ws:we]`` :func:`_digit_hits` tries a pattern of :data:`_AT_DIGITS`, in
    order: every start of a run of digits, or with ``year_first`` every 19 and 20 (a few
    C-level finds; those inside a run fail the pattern's look-behind)."""
    out: list[int] = []
    if year_first:
        for c in _CENTURIES_OLD if old else _CENTURIES:
            i = line.find(c, ws, we)
            while i >= 0:
                out.append(i)
                i = line.find(c, i + 1, we)
        out.sort()
        return out
    search = _DIGIT_RUN.search
    m = search(line, ws, we)
    while m is not None:
        out.append(m.start())
        m = search(line, m.end(), we)
    return out


def _digit_hits(
    rx: re.Pattern[str], line: str, starts: list[int], ws: int, we: int, textual: bool
) -> Iterator[re.Match[str]]:
    """:func:`_hits` of a pattern whose every match starts where a run of digits starts
    (see :data:`_AT_DIGITS`): the pattern is tried (``match``) only at ``starts``
    (:func:`_digit_starts`, in order), not searched for through the window (a search tries
    it at every character: 2-5x the cost on a date line). The first start where it matches
    is where the search finds its match, so the hits are the same."""
    pos = ws
    match = rx.match
    for r in starts:
        if r < pos:
            continue
        hit = match(line, r, we)
        if hit is None:
            continue
        if textual and hit.group("mon").lower() not in MONTHS:
            pos = r + 1
            continue
        pos = hit.end()
        yield hit


def _month_hits(rx: re.Pattern[str], line: str, ws: int, we: int) -> Iterator[re.Match[str]]:
    """:func:`_hits` of a pattern that starts with the month name ("March 5, 2021"), on
    lowercased text: the pattern is tried only where a month name starts, not searched for
    through the window. (Its month is a whole run of letters: a word start, and a letter
    after it would leave no day; so its matches start where a run of letters that is a month
    name starts.)"""
    pos = ws
    # (the letters of an ASCII window are a-z: a range test per character, not a Unicode
    # category look-up)
    for m in (_LETTERS_ASCII if line[ws:we].isascii() else _LETTERS).finditer(line, ws, we):
        r = m.start()
        if r < pos or m.group() not in MONTHS:
            continue
        hit = rx.match(line, r, we)
        if hit is None:
            continue
        if hit.group("mon") not in MONTHS:
            pos = r + 1
            continue
        pos = hit.end()
        yield hit


#: A day, a month name and a two-digit year followed by a time of day ("Publié le 27 Mar 20
#: à 9:21"): the time tells the "20" is a year, not a count ("27 Mar 20 people")
_DMY2 = re.compile(
    r"(?<![\d.,/:-])(?P<d>[0-3]?\d)\.?\s(?P<mon>[^\W\d_]{3,9})\.?\s(?P<y>[0-9]{2})(?![\d./:-])"
    r"(?=\s*(?:[-–—,|/•·]|at|um|à|a las|alle|om|kl\.?|klo|o)?\s*[012]?\d[:h][0-5]\d)" + _TIME,
    re.I,
)


#: how far down the page (characters) a date line with a two-digit year is looked for
_DMY2_CHARS = 8_000
#: what such a line holds, tested case-sensitively before the costly pattern
_DMY2_GATE = re.compile(r"[0-9]\.? ?[^\W\d_]{3,9}\.? [0-9]{2}[^0-9./:-]")


def _two_digit_years(text: str, lines: list[str], out: list[dict[str, Any]]) -> None:
    """Add the "27 Mar 20 à 9:21" dates of ``text`` (``lines`` joined) to ``out``: on short
    lines with a colon (the time) in the first :data:`_DMY2_CHARS` only, where a date line stands; a
    case-insensitive scan of the whole text would cost more than the rest of the search."""
    head = min(len(text), _DMY2_CHARS)
    pos, seen = text.find(":", 0, head), -1
    while pos >= 0:
        start = text.rfind("\n", 0, pos) + 1
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        if start > seen and end - start <= 120 and _DMY2_GATE.search(text, start, end):
            seen = start
            for m in _DMY2.finditer(text, start, end):
                g = m.groupdict()
                mon = MONTHS.get(g["mon"].lower())
                dd = _mk(_year(g["y"]), mon, int(g["d"])) if mon else None
                if dd is None:
                    continue
                i = text.count("\n", 0, start)
                out.append(
                    {
                        "date": dd,
                        "line": i,
                        "col": m.start() - start,
                        "form": "dmy",
                        "text": m.group(0).strip(),
                        "time": _time_part(g),
                        "alt": None,
                        "sep": None,
                    }
                )
        pos = text.find(":", end, head)


#: The first year of each Japanese era (令和 1 is 2019, 平成 1 is 1989, 昭和 1 is 1926)
_JP_ERAS = {"令和": 2019, "平成": 1989, "昭和": 1926}
#: A date of a Japanese era: "令和3年4月5日", "平成31年4月30日", "令和元年5月1日" (the first year)
_JP_ERA_DATE = re.compile(
    r"(?P<era>令和|平成|昭和)\s*(?P<y>元|[0-9]{1,2})\s*年\s*(?P<m>[0-9]{1,2})\s*月\s*(?P<d>[0-9]{1,2})\s*日"
)


def _numbered(*rows: str, start: int = 0) -> dict[str, int]:
    """Names and their numbers: each row's space-separated names counted from ``start``
    (a row of months, of weekdays; another row, their other forms, counted alike)."""
    return {name: k + start for names in rows for k, name in enumerate(names.split())}


#: Thai month names, full and abbreviated, and their numbers
_THAI_MONTHS = _numbered(
    "มกราคม กุมภาพันธ์ มีนาคม เมษายน พฤษภาคม มิถุนายน กรกฎาคม สิงหาคม กันยายน ตุลาคม พฤศจิกายน ธันวาคม",
    "ม.ค. ก.พ. มี.ค. เม.ย. พ.ค. มิ.ย. ก.ค. ส.ค. ก.ย. ต.ค. พ.ย. ธ.ค.",
    start=1,
)
#: A Thai date: a day, a Thai month name, then a year of the Buddhist era (พ.ศ., 543 years
#: ahead: "5 เมษายน 2564" is 2021-04-05; "5 เม.ย. 64" after an abbreviated month) or of the
#: common era ("5 เมษายน 2021")
_THAI_DATE = re.compile(
    r"(?<![0-9])(?P<d>[0-3]?[0-9])\s*(?P<mon>"
    + "|".join(sorted(map(re.escape, _THAI_MONTHS), key=len, reverse=True))
    + r")\s*(?:พ\.\s?ศ\.\s*)?(?P<y>25[0-9][0-9]|(?:19|20)[0-9][0-9]|[0-9][0-9])(?![0-9])"
)


#: The Solar Hijri (Persian) months and their numbers
_PERSIAN_MONTHS = _numbered(
    "فروردین اردیبهشت خرداد تیر مرداد شهریور مهر آبان آذر دی بهمن اسفند", start=1
)
#: A Solar Hijri date: "۱۵ فروردین ۱۴۰۰" (2021-04-04), "1400/01/15" (its digits in 0-9)
_PERSIAN_DATE = re.compile(
    r"(?<![0-9])(?P<d>[0-3]?[0-9])\s*(?P<mon>"
    + "|".join(sorted(_PERSIAN_MONTHS, key=len, reverse=True))
    + r")\s*(?:ماه\s*)?(?P<y>1[34][0-9][0-9])(?![0-9])"
    r"|(?<![0-9/])(?P<y2>1[34][0-9][0-9])/(?P<m2>[01]?[0-9])/(?P<d2>[0-3]?[0-9])(?![0-9/])"
)
#: The Levantine Arabic month names _MONW does not read: آب (August, two letters) and those of
#: two words (كانون الثاني January, تشرين الأول October, ...), the pan-Arab name often after a
#: slash ("28 آب/اغسطس 2013", "12 كانون الثاني/يناير 2020") or before it (Al Jazeera's
#: "22 نوفمبر/تشرين الثاني 2026": the month is read from the Levantine name)
_ARABIC_MONTHS = {
    "كانون الثاني": 1,
    "تشرين الأول": 10,
    "تشرين الاول": 10,
    "تشرين الثاني": 11,
    "كانون الأول": 12,
    "كانون الاول": 12,
    "آب": 8,
}
_ARABIC_DATE = re.compile(
    r"(?<![0-9])(?P<d>[0-3]?[0-9])\s*(?:[\u0600-\u06ff]{3,}\s*/\s*)?(?P<mon>"
    + "|".join(sorted(_ARABIC_MONTHS, key=len, reverse=True))
    + r")(?:\s*/\s*[\u0600-\u06ff]+)?\s*[,،]?\s*(?P<y>(?:19|20)[0-9][0-9])(?![0-9])"
)
#: 1 Farvardin 1400, the Persian new year of 2021
_NOWRUZ_1400 = date(2021, 3, 21)


def _from_persian(y: int, m: int, d: int) -> date | None:
    """The Gregorian day of Solar Hijri ``y``-``m``-``d`` (years 1369..1479, 1990..2100): the
    33-year arithmetic rule of leap years (a year is leap when (25 y + 11) mod 33 < 8; it
    agrees with the Iranian calendar's astronomical one over these years but for a few
    years' last day), counted from 1 Farvardin 1400 = 2021-03-21. None if not a day."""
    if not (1369 <= y <= 1479 and 1 <= m <= 12 and 1 <= d <= 31):
        return None
    leap = (25 * y + 11) % 33 < 8
    if d > (31 if m <= 6 else 30 if m <= 11 else 30 if leap else 29):
        return None
    step = 1 if y >= 1400 else -1
    days = sum(
        365 + ((25 * k + 11) % 33 < 8) for k in (range(1400, y) if step > 0 else range(y, 1400))
    )
    day0 = _NOWRUZ_1400 + timedelta(days=step * days)
    return _mk(*(day0 + timedelta(days=(m - 1) * 31 - max(0, m - 7) + d - 1)).timetuple()[:3])


def _calendar_dates(text: str, out: list[dict[str, Any]]) -> None:
    """Add the dates of ``text`` (not ASCII, its digits in 0-9) written in another calendar's
    years to ``out``: a Japanese era's ("令和3年4月5日": 2021-04-05, form "cjk") and the Thai
    Buddhist era's ("5 เมษายน 2564": 2021-04-05, form "dmy"); and the Levantine Arabic month names
    of :data:`_ARABIC_DATE` ("28 آب/اغسطس 2013"). Gated by substring tests (a
    page without an era's name or a Thai letter of the month names is not searched)."""
    hits: list[tuple[re.Match[str], date, str]] = []
    # (the gates are characters whose UTF-16 low byte is rare in text: a search of a page for a
    # character is a memchr of that byte, each match checked; 年's is a "t", ย's a '"')
    if "和" in text or "成" in text:
        for m in _JP_ERA_DATE.finditer(text):
            n = 1 if m.group("y") == "元" else int(m.group("y"))
            dd = _mk(_JP_ERAS[m.group("era")] + n - 1, int(m.group("m")), int(m.group("d")))
            if dd is not None and n > 0:
                hits.append((m, dd, "cjk"))
    # (น, one of Thai's most frequent letters: a Thai page holds it)
    if "\u0e19" in text:
        for m in _THAI_DATE.finditer(text):
            y, mon = m.group("y"), m.group("mon")
            if len(y) == 2:
                if "." not in mon:
                    continue  # (a two-digit year only after an abbreviated month)
                year = 2500 + int(y) - 543
            else:
                year = int(y) - 543 if y.startswith("25") else int(y)
            dd = _mk(year, _THAI_MONTHS[mon], int(m.group("d")))
            if dd is not None:
                hits.append((m, dd, "dmy"))
    # (Persian text holds the Persian yeh, ی, where Arabic has ي)
    if "\u06cc" in text:
        for m in _PERSIAN_DATE.finditer(text):
            mon = _PERSIAN_MONTHS[m.group("mon")] if m.group("mon") else int(m.group("m2"))
            y, d = int(m.group("y") or m.group("y2")), int(m.group("d") or m.group("d2"))
            if (dd := _from_persian(y, mon, d)) is not None:
                hits.append((m, dd, "dmy" if m.group("mon") else "iso"))
    # (first ت or ن, letters of every Arabic page and of كانون, تشرين; their UTF-16 low bytes
    # are "*" and "F", rare in text, where those of آ, ك are a quote and a "C")
    if ("\u062a" in text or "\u0646" in text) and (
        "آب" in text or "كانون" in text or "تشرين" in text
    ):
        for m in _ARABIC_DATE.finditer(text):
            dd = _mk(int(m.group("y")), _ARABIC_MONTHS[m.group("mon")], int(m.group("d")))
            if dd is not None:
                hits.append((m, dd, "dmy"))
    for m, dd, form in hits:
        start = text.rfind("\n", 0, m.start()) + 1
        out.append(
            {
                "date": dd,
                "line": text.count("\n", 0, start),
                "col": m.start() - start,
                "form": form,
                "text": m.group(0),
                "time": None,
                "alt": None,
                "sep": None,
            }
        )


#: A date split over short lines, as a date badge renders: a line of a year, or a month
#: and a year ("Okt 2019", "2021"), below the day ("31"), the day and the month ("Jan 04",
#: "4. März"), or the month and then the day, with a weekday or a time of day between
_SPLIT_YEAR = re.compile(rf"(?:(?P<mon>{_MONW})\.?,?\s+)?(?P<y>(?:19|20)[0-9][0-9])")
_SPLIT_DAY = re.compile(r"(?P<d>[0-3]?[0-9])\.?")
_SPLIT_DAY_MON = re.compile(
    rf"(?P<d>[0-3]?[0-9])\.?\s*(?P<mon>{_MONW})\.?|(?P<mon2>{_MONW})\.?\s*(?P<d2>[0-3]?[0-9])"
)
_SPLIT_MON = re.compile(rf"(?P<mon>{_MONW})\.?")
_SPLIT_TIME = re.compile(r"[012]?[0-9][:.h]\s?[0-5][0-9](?:\s*[ap]\.?m\.?)?(?:\s*uhr)?", re.I)
_CALENDAR_ROW = re.compile(r"[\s0-9]*[0-9]\s+[0-9][\s0-9]*")
#: the longest year line, and the longest line above it, of a split date (characters)
_SPLIT_YEAR_CHARS, _SPLIT_PART_CHARS = 20, 14


def _split_date(lines: list[str], i: int, ym: re.Match[str], out: list[dict[str, Any]]) -> None:
    """Add to ``out`` the date whose year (and month) is line ``i`` (``ym``: its match of
    :data:`_SPLIT_YEAR`) and whose day (and month) a line just above holds, if so: up to
    three non-blank lines within eight, each short; a weekday or a time of day between is
    passed over (a weekday must fit the date). The candidate is at the day's line, written
    as joined."""
    y_mon, mon = ym.group("mon"), None
    if y_mon is not None:
        mon = MONTHS.get(y_mon.lower())
        if mon is None:
            return
    day: int | None = None
    wd: int | None = None
    parts, at, seen = [ym.group(0)], -1, 0
    for j in range(i - 1, max(-1, i - 9), -1):
        s = lines[j].strip()
        if not s:
            continue
        if len(s) > _SPLIT_PART_CHARS or (len(s) > 3 and s[-4:].isdigit()):
            return  # (a long line, or another year: "Oktober 2016" above "November 2016")
        if (d := _SPLIT_DAY.fullmatch(s)) is not None:
            day, at = int(d.group("d")), j
            parts.insert(0, s)
            break
        if (low := _ascii_lower(s).strip(".,")) in _YEARLESS_WEEKDAYS:
            wd = _YEARLESS_WEEKDAYS[low]
        elif _SPLIT_TIME.fullmatch(s):
            pass
        elif mon is None and (dm := _SPLIT_DAY_MON.fullmatch(s)) is not None:
            mon = MONTHS.get((dm.group("mon") or dm.group("mon2")).lower())
            day, at = int(dm.group("d") or dm.group("d2")), j
            parts.insert(0, s)
            break
        elif mon is None and (mm := _SPLIT_MON.fullmatch(s)) is not None:
            mon = MONTHS.get(mm.group("mon").lower())
            parts.insert(0, s)
        else:
            return
        seen += 1
        if seen == 3:
            return
    if day is None or mon is None:
        return
    dd = _mk(int(ym.group("y")), mon, day)
    if dd is None or (wd is not None and dd.weekday() != wd):
        return
    above = next((s for s in reversed(lines[max(0, at - 3) : at]) if s.strip()), "")
    if _CALENDAR_ROW.fullmatch(above):
        return  # (the last cell of a month's calendar, and the next month's heading)
    line = lines[at]
    out.append(
        {
            "date": dd,
            "line": at,
            "col": len(line) - len(line.lstrip()),
            "form": "dmy" if parts[0][:1].isdigit() else "mdy",
            "text": " ".join(parts),
            "time": None,
            "alt": None,
            "sep": None,
        }
    )


#: A software version written beside a short dotted number: a number of four dotted parts
#: or more ("2.0.0.16"), one of three whose last part is a single digit ("1.2.4": no year),
#: or "version"/"v"/"ver." just before it
_VERSIONS = re.compile(r"(?<![\d.])\d+(?:\.\d+){3,}(?![\d])|(?<![\d.])\d+\.\d+\.\d(?![\d.])")
_VERSION_WORD = re.compile(r"(?i)\b(?:version|versión|v|ver\.?|release|build)\s*$")


def _version_number(orig: str, g: dict[str, Any], start: int) -> bool:
    """Whether a two-digit-year date of one-digit day and month, dotted ("1.1.11"), is a
    version number: one on a line of version numbers ("Firefox 2.0.0.16 - SeaMonkey 1.1.11
    - Flock 1.2.4"), or after "version"."""
    if g.get("sep") != "." or len(g["a"]) != 1 or len(g["b"]) != 1:
        return False
    return _VERSIONS.search(orig) is not None or _VERSION_WORD.search(orig, 0, start) is not None


def _date_of(form: str, g: dict[str, Any]) -> tuple[date | None, date | None, str]:
    """(date, other reading if ambiguous, form) of a pattern match; None if impossible."""
    if form in ("iso", "cjk"):
        return _mk(int(g["y"]), int(g["m"]), int(g["d"])), None, form
    if form == "num":
        a, b, y = int(g["a"]), int(g["b"]), _year(g["y"])
        if len(g["y"]) == 2 and g["sep"] == "-" and not g.get("h"):
            # 12-34-56: phone numbers, ranges; with a time after it ("05-03-25, 07:42", a
            # Dutch news site's date line) it is a date, read day first as a dotted one
            return None, None, form
        d1, d2 = _mk(y, b, a), _mk(y, a, b)  # day first, month first
        alt = d2 if d1 and d2 and a != b else None
        return d1 or d2, alt, "num2" if len(g["y"]) == 2 else form
    mon = g["mon"].lower()
    if mon in _DAY_FIRST_ONLY and form != "dmy":
        return None, None, form
    return _mk(int(g["y"]), MONTHS[mon], int(g["d"])), None, form


#: Month names read only in their language's own order, the day first ("15 मे 2019"):
#: Marathi "मे" (May) is Hindi's common spelling of "में" ("in") too, "साल 2019 मे 15 लोगों"
#: (in 2019, 15 people) was a date (read51 F8)
_DAY_FIRST_ONLY = frozenset({"मे"})


#: What every match of :data:`_RELATIVE` with a count and a unit holds, lowercased: "ago"
#: (or "zuvor", "atrás"), "vor", "il y a", "hace", "há", "назад", the Italian unit's last
#: letter and " fa", "geleden", "前", "منذ", "قبل", "önce", "temu", "тому", "πριν", "לפני",
#: "पहले", "पूर्व", "আগে", "پیش", "전", "ที่แล้ว"
_RELATIVE_UNIT_WORDS = (
    "ago", "vor", "atrás", "il y a", "hace", "há", "назад", "i fa", "e fa", "a fa", "o fa",
    "geleden", "前", "منذ", "قبل", "önce", "temu", "тому", "πριν", "לפני", "पहले", "पूर्व",
    "আগে", "پیش", "전", "ที่แล้ว",
)  # fmt: skip
#: What every other match of :data:`_RELATIVE` holds: one of its words for a day
#: (:data:`_RELATIVE_DAYS`; Greek's without the final sigma, which re.IGNORECASE takes for a
#: "σ"). A word that holds another of them ("позавчера": "вчера") is left out: the line holds
#: that one too
_RELATIVE_WORDS = (*_RELATIVE_UNIT_WORDS, *(w.removesuffix("ς") for w in _RELATIVE_DAYS))
_RELATIVE_WORDS = tuple(
    w for w in _RELATIVE_WORDS if not any(v in w and v != w for v in _RELATIVE_WORDS)
)
#: The words of :data:`_RELATIVE_WORDS` that start with an ASCII letter ("ago", "dün"), each
#: looked for with ``str.__contains__``: all a line of ASCII can hold (``str.isascii`` reads a
#: flag)
_RELATIVE_WORDS_ASCII = tuple(w for w in _RELATIVE_WORDS if w[0].isascii())


def _any_of(words: Iterable[str]) -> re.Pattern[str]:
    """One pattern of the literal ``words``: a text of another script than theirs is passed
    over by their first characters in one C loop, where a search per word costs a call each
    (the words of :data:`_RELATIVE_WORDS` in other scripts than Latin are ~30)."""
    return re.compile(alternation(words))


#: The others ("назад", "前", "전"), in one pattern
_RELATIVE_OTHER = _any_of(w for w in _RELATIVE_WORDS if not w[0].isascii())
#: The characters that re.IGNORECASE matches to a letter of :data:`_RELATIVE_WORDS` but that
#: ``str.lower`` does not make that letter: "İ" and "ı" (an "i"), "ſ" (an "s"), Old Church
#: Slavonic's "ᲀ", "ᲁ", "ᲂ", "ᲃ", "ᲄ", "ᲅ" (a "в", "д", "о", "с", "т", "т"), the Greek symbols
#: "ϑ", "ϵ", "ϖ", "ϱ" (a "θ", "ε", "π", "ρ"), the iota subscript and "ι" (an "ι"); a test
#: checks every code point
_RELATIVE_ODD = (
    "\u0130", "\u0131", "\u017f", "\u1c80", "\u1c81", "\u1c82", "\u1c83", "\u1c84", "\u1c85",
    "\u03d1", "\u03f5", "\u03d6", "\u03f1", "\u0345", "\u1fbe",
)  # fmt: skip
_RELATIVE_ODD_ANY = _any_of(_RELATIVE_ODD)


#: The longest line read for a relative date (a longer one is prose)
_RELATIVE_LINE_CHARS = 200


def _relative_lines(lines: list[str]) -> list[int]:
    """The indices of the lines of ``lines`` (split at newlines, as a page's) of at most
    :data:`_RELATIVE_LINE_CHARS` characters where :data:`_RELATIVE` can match, in order:
    those that hold one of :data:`_RELATIVE_WORDS` once lowercased, or a character of
    :data:`_RELATIVE_ODD` (:func:`_holds_word`). The pattern, which starts with an
    alternation, searched, is tried at every character (~170 µs a dev page with a capture
    date); each word is looked for once in the lines joined and lowercased, and a hit's line
    taken, instead of in every line (~1,200 substring searches a page, ~50 µs a corpus page,
    where nearly every page has none). The same lines: the join lowercased is its lines
    lowercased, joined (a final sigma is one before a newline as at a line's end, and no
    character lowercases to a newline), and no word or odd character holds one."""
    short = [k for k, x in enumerate(lines) if len(x) <= _RELATIVE_LINE_CHARS]
    joined = "\n".join([lines[k] for k in short])
    low = joined.lower()
    found: set[int] = set()
    other = not joined.isascii()
    for text, words, rx in (
        (low, list(filter(low.__contains__, _RELATIVE_WORDS_ASCII)), _RELATIVE_OTHER),
        # (the odd characters as written: "İ" lowercases to two characters)
        (joined, [], _RELATIVE_ODD_ANY),
    ):
        hits = list(rx.finditer(text)) if other else []
        if not words and not hits:
            continue  # (nearly every page: the lines are not read one by one)
        # (where each line starts in ``text``, and one past the end)
        starts = list(accumulate(map((1).__add__, map(len, text.split("\n"))), initial=0))
        for w in words:
            at = text.find(w)
            while at >= 0:
                j = bisect.bisect_right(starts, at) - 1
                found.add(j)
                at = text.find(w, starts[j + 1])  # (the next line: one hit is enough)
        # (a hit of another script's word: none spans a newline, so each marks its line)
        found.update(bisect.bisect_right(starts, m.start()) - 1 for m in hits)
    return [short[j] for j in sorted(found)]


def _holds_word(line: str) -> bool:
    """Whether ``line`` holds one of :data:`_RELATIVE_WORDS` once lowercased, or a character
    of :data:`_RELATIVE_ODD`; a line of ASCII is searched for the words that start with an
    ASCII letter only."""
    low = line.lower()
    if any(map(low.__contains__, _RELATIVE_WORDS_ASCII)):
        return True
    return not line.isascii() and (
        _RELATIVE_OTHER.search(low) is not None or _RELATIVE_ODD_ANY.search(line) is not None
    )


def find_relative(
    lines: list[str], capture: date, max_lines: int = 80, at: datetime | None = None
) -> list[dict[str, Any]]:
    """'3 hours ago', 'vor 2 Tagen', 'yesterday' in the top lines, resolved against capture.

    ``at``: the capture's date-time, in its own offset (a capture time without one is UTC),
    when it has a time of day: hours and minutes are taken from it and the date is then
    the day of that date-time ("3 hours ago" at 00:30 is the day before); "today" is the
    capture's day in its own offset. Without it, the capture day, and hours under a day
    are that day.

    Not in prose: "Putin will meet Hollande today to discuss …" dates the meeting, not the
    page (a seed page; its only date then was the day of the capture)."""
    out: list[dict[str, Any]] = []
    hours = 0.0
    for i in _relative_lines(lines[:max_lines]):
        line = lines[i]
        if _is_para(line):
            continue
        for m in _RELATIVE.finditer(line):
            if w := m.group("word") or m.group("cword"):
                if not _day_word_dates(line, m) or _menu_item(lines, i, m):
                    continue
                days = _RELATIVE_DAYS.get(w.lower(), 0)
                hours = 0.0
            else:
                n = m.group("n") or m.group("n2")
                u = m.group("u") or m.group("u2")
                if u is None:
                    # (another language's unit, as its English one; a Russian one without
                    # its count is one: "час назад")
                    # (the alternatives of _RELATIVE are exclusive: one unit group is set)
                    k = next(k for k in "3456789" if m.group("u" + k))
                    u, n = m.group("u" + k), m.group("n" + k)
                    if n is None:
                        if k in "68":
                            n = _UNIT_ALONE.get(u.lower())
                            if n is None:
                                continue  # ("kilka dni temu": a few days)
                            if k == "6" and not _ends_dateline(line, m.end()):
                                # (a word right after it names the day or the hour: "לפני
                                # יום הבחירות", "قبل يوم الانتخابات", "before election day";
                                # "לפני שעה | חדשות" is a dateline: s40 acc-read F1)
                                continue
                        elif k == "3" and m.group(0)[-4:].lower() == "тому":
                            if not _ends_dateline(line, m.end()):
                                # (Ukrainian "тому" is also "to that one": "день тому, хто
                                # ...", "the day to the one who"; s40 acc-read F16)
                                continue
                            n = "1"
                        else:
                            n = "1"
                    if k == "9" and not (
                        _ends_dateline(line, m.end()) and _starts_dateline(line, m.start())
                    ):
                        # (the word is also "before": "चुनाव से 3 दिन पहले", "3 days before the
                        # election", "선거 3일 전": only a dateline is one; s40 acc-read F19)
                        continue
                    u = (
                        _UNIT_OTHER.get(u[:3].lower())
                        or _UNIT_OTHER.get(u[:2].lower())
                        or (_UNIT_OTHER.get(u[:1], "months"))
                    )
                u = u.lower()
                if u.startswith("std"):
                    u = "stunden"  # ("vor 2 Std.")
                if len(u) == 1 and u != "h" and not n.isdigit():
                    continue  # ("and ago": a one-letter unit only after a number)
                n = int(n) if n.isdigit() else 1
                unit = _UNIT_DAYS.get(u[:3], _UNIT_DAYS.get(u[:1], 1))
                hours = 0.0
                if u[:3] == "min" or u[:1] == "h" or u[:3] in ("stu", "heu", "hor"):
                    hours = n if u[:3] != "min" else n / 60
                    days = 0 if hours < 24 else round(hours / 24)
                    # (without the capture's time: a few hours before it is its day)
                else:
                    days = n * unit
            if at is not None:
                # the date-time in the capture's own offset, then its day
                when = at - timedelta(hours=hours) if hours and hours < 24 else at
                day = when.date() - timedelta(days=days)
            else:
                day = capture - timedelta(days=days)
            out.append(
                {
                    "date": day,
                    "line": i,
                    "col": m.start(),
                    "form": "relative",
                    "text": m.group(0),
                    "time": None,
                    "alt": None,
                    "sep": None,
                }
            )
    return out


#: What separates a dateline's pieces: a bar, a dot, a bullet, a dash ("לפני שעה | חדשות",
#: "منذ ساعة - الرياض", "Posted 3 hours ago •"). The one set of the dateline readers, each
#: with its extras (four sets were typed apart, a bullet in some only; review2 R9)
_DATELINE_SEPS = "|·•–—-"
#: What may end a dateline's relative date and start what follows it on the line: a
#: separator, a slash or a bracket
_DATELINE_SEP = tuple(_DATELINE_SEPS + "/()")


def _ends_dateline(line: str, end: int) -> bool:
    """Whether the relative date that ends at ``end`` of ``line`` ends a dateline: nothing
    after it, or a separator, or a time of day. A word right after it belongs to it: "לפני
    יום הבחירות" ("before election day"), "день тому, хто" ("the day to the one who")."""
    rest = line[end:].strip().removeprefix("।").strip()  # (a danda ends it: "3 घंटे पहले।")
    return not rest or rest.startswith(_DATELINE_SEP) or _time_at(line, end)


def _starts_dateline(line: str, start: int) -> bool:
    """Whether the relative date that starts at ``start`` of ``line`` starts a dateline:
    nothing before it but a label (:data:`_DATELINE_LABEL`: "अपडेट", "입력") or what a
    separator ends ("राम कुमार | 3 घंटे पहले"). Not an event's name: "चुनाव से 3 दिन पहले"."""
    before = line[:start].rstrip()
    return (
        not before
        or before.endswith((*_DATELINE_SEP, ":", "："))
        or _DATELINE_LABEL.fullmatch(line, 0, start) is not None
    )


#: The most words of a byline's name before a day word (:func:`_after_byline_name`)
_NAME_WORDS_BEFORE_DAY = 4


def _after_byline_name(tail: str) -> bool:
    """Whether ``tail`` ends with a byline word and a name (capitalised words, at most
    :data:`_NAME_WORDS_BEFORE_DAY`): "Posted by Admin", "Aktualisiert von Anna Schmidt",
    "Publié par Marie Dupont". A blog's or a forum's byline puts its poster's name between
    its cue and the day word ("Posted by Admin Yesterday"), as a site's name in a title does
    not ("… - USA Today")."""
    words = tail.split()[-_NAME_WORDS_BEFORE_DAY - 1 :]
    while words and words[-1][:1].isupper():
        words.pop()
    return bool(words) and words[-1].casefold() in _BYLINE_WORDS


def _day_word_dates(line: str, m: re.Match[str]) -> bool:
    """Whether the day word ``m`` ("yesterday", "hier", "heute", "昨天") dates the line it is
    on: a time of day follows it ("Hier à 19:20", "昨天 10:20"), or it stands alone but for
    punctuation ("Yesterday", "| Today |"), or a label or a publication or update cue
    precedes it ("Published: yesterday", "发布时间：昨天", "Aktualisiert heute"). Not a word
    of a sentence or a menu: "Hier klicken" (German "here"), "Heute im Bundestag", "Today's
    deals"."""
    before, after = line[: m.start()], line[m.end() :]
    if _time_at(after, 0):
        return True
    if not _WORD.search(before) and not _WORD.search(after):
        return True
    if after.strip(" \t,.;|·•–—-"):
        return False
    tail = before.rstrip()
    if tail.endswith((":", "：")):
        return True
    prev = tail.rsplit(None, 1)[-1] if tail and before[-1:].isspace() else ""
    if (
        m.group()[:1].isupper()
        and prev[:1].isupper()
        and not any(_cues(prev + " ")[1:4])
        and not _after_byline_name(tail)
    ):
        # (a capitalised name's last word: "… - USA Today", "Psychology Today", "Miami
        # Today" in a title's site segment, within a cue's reach of "data", was the
        # capture's day; s43 acc-index #12: a cue right before it, "Published Today", dates,
        # and so does a byline's name before it, "Posted by Admin Yesterday": s44 acc-read F9)
        return False
    _, strong, cue_pub, cue_upd, weak, _, _, _ = _cues(tail[-45:] + " ")
    return strong or cue_upd or (cue_pub and not weak)


#: How many lines above and below a lone day word its neighbours are looked for (an HTML
#: page's rendering puts blank lines between block elements, a run of them between a menu's
#: groups)
_MENU_REACH = 20
#: The most words of a menu item beside a lone day word ("Nightly News", "Meet the Press")
_MENU_ITEM_WORDS = 3


def _menu_item(lines: list[str], i: int, m: re.Match[str]) -> bool:
    """Whether the day word ``m``, alone on line ``i`` but for punctuation (not followed by a
    time, no label or cue before it), is an item of a menu: the nearest non-blank lines
    above and below it (within :data:`_MENU_REACH` lines; at least one) are short (at most
    :data:`_MENU_ITEM_WORDS` words), without digits, a sentence's end, a colon or a byline:
    other menu items. NBC's menu names its
    TV show "TODAY" between "MSNBC" and "Impeachment Inquiry": read as the capture's day, an
    unchanged page got a new date on each fetch (s31 acceptance, re-crawl #4b)."""
    line = lines[i]
    if _WORD.search(line, 0, m.start()) or _WORD.search(line, m.end()):
        return False  # (a day word with more on its line: _day_word_dates decided)
    if _time_at(line, m.end()):
        return False
    items = 0
    for step in (-1, 1):
        k, near = i + step, None
        while 0 <= k < len(lines) and abs(k - i) <= _MENU_REACH:
            if lines[k].strip():
                near = lines[k].strip()
                break
            k += step
        if near is None:
            continue  # (the page's edge, or a gap: the end of a menu's group)
        items += 1
        if (
            len(near.split()) > _MENU_ITEM_WORDS
            or any(ch.isdigit() for ch in near)
            or near[-1] in ".!?…:：。"
            or _is_byline(near)
        ):
            return False
    return items > 0


#: Weekday names (en de fr es it nl pt; lowercase, Monday first) that open a year-less date:
#: "lundi 24 août", "Monday, August 24", "Mon, Aug 24", "Mittwoch, 4. März"
_YEARLESS_WEEKDAYS = _numbered(
    "monday tuesday wednesday thursday friday saturday sunday",
    "mon tue wed thu fri sat sun",
    "montag dienstag mittwoch donnerstag freitag samstag sonntag",
    "lundi mardi mercredi jeudi vendredi samedi dimanche",
    "lunes martes miércoles jueves viernes sábado domingo",
    "lunedì martedì mercoledì giovedì venerdì sabato domenica",
    "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag",
    "segunda-feira terça-feira quarta-feira quinta-feira sexta-feira sábado domingo",
)
#: A year-less date: a weekday, then a day and a month name either way round (on lowercased
#: text)
_YEARLESS = re.compile(
    r"(?<![^\W\d_])(?P<wd>"
    + "|".join(sorted(map(re.escape, _YEARLESS_WEEKDAYS), key=len, reverse=True))
    + r")\.?,?[ \t]+(?:(?:den|le|el|the)[ \t]+)?(?:(?P<d>[0-3]?[0-9])(?:st|nd|rd|th|er|e|º)?\.?"
    rf"[ \t]*(?:de[ \t]+|of[ \t]+)?(?P<mon>{_MONW})|(?P<mon2>{_MONW})\.?[ \t]+(?P<d2>[0-3]?[0-9])"
    r"(?:st|nd|rd|th)?)(?!\w)"
)
_YEAR_WORD = re.compile(r"(?<![0-9])(?:19|20)[0-9][0-9](?![0-9])")


#: The longest line (stripped) read for a year-less date: a date line, not prose (it has three
#: words or more)
_YEARLESS_LINE_CHARS = 60


def find_yearless(page: Page, capture: date | None) -> list[dict[str, Any]]:
    """Dates written with a weekday but no year ("lundi 24 août", "Monday, Aug. 24"), on
    short lines (:data:`_YEARLESS_LINE_CHARS`), for a page without any full date: the year is
    the latest one that the page writes (or the capture's, or the year before it) in which
    that day falls on that weekday, and not after the capture. A weekday fits one year in
    seven, so a wrong year seldom fits too.

    The weekday names are looked up among the words of the short lines (a set): a regex
    scan of the page for ~50 names cost ~0.4 ms a page."""
    limit = reference_day(capture).year
    lines = page.lines
    years = {
        int(y) for i in page.year_lines for y in _YEAR_WORD.findall(lines[i]) if int(y) <= limit
    }
    if capture:
        years |= {capture.year, capture.year - 1}
    if not years:
        return []  # (no year to give it: checked first, the cheapest test)
    texts = page.texts
    # (short lines of three words or more: a weekday, a day, a month; in C, no line loop)
    # (operator functions: a bound int.__ge__ is called through a slot wrapper, ~3x slower)
    short = map(
        and_, map(le, page.lens, repeat(_YEARLESS_LINE_CHARS)), map(ge, page.nwords, repeat(3))
    )
    keep = list(compress(range(len(texts)), short))
    if not keep:
        return []
    low = _ascii_lower("\n".join([texts[k] for k in keep]))
    named = _YEARLESS_WEEKDAYS.keys() & low.replace(",", " ").replace(".", " ").split()
    if not named:
        return []
    # each weekday name of the short lines (by its offset in them), and what follows it
    starts = list(accumulate([len(texts[k]) + 1 for k in keep], initial=0))
    found: dict[int, re.Match[str]] = {}  # (by start: "mon" finds "monday" too)
    for name in named:
        p = low.find(name)
        while p >= 0:
            m = _YEARLESS.match(low, p)
            if m is not None:
                found[p] = m
            p = low.find(name, p + len(name))
    out = []
    for _, m in sorted(found.items()):
        mon = MONTHS.get(m.group("mon") or m.group("mon2"))
        if mon is None:
            continue
        day, wd = int(m.group("d") or m.group("d2")), _YEARLESS_WEEKDAYS[m.group("wd")]
        fits = [
            d
            for y in years
            if (d := _mk(y, mon, day)) is not None
            and d.weekday() == wd
            and d <= reference_day(capture)
        ]
        if fits:
            j = bisect.bisect_right(starts, m.start()) - 1
            i, text = page.items[keep[j]]
            a, b = m.start() - starts[j], m.end() - starts[j]
            out.append(
                {
                    "date": max(fits),
                    "line": i,
                    "col": lines[i].find(text) + a,
                    "form": "yearless",
                    "text": text[a:b],
                    "time": None,
                    "alt": None,
                    "sep": None,
                }
            )
    return out


#: A month and a day alone on a line, no year nor weekday: Medium's and Substack's "Nov 3",
#: "3 nov.", "3. Nov." (the current year left out), read on a line of the page's head
_MONTH_DAY_ALONE = re.compile(
    rf"[·•|\s]*(?:(?P<mon>{_MONW})\.?\s+(?P<d>[0-3]?[0-9])|(?P<d2>[0-3]?[0-9])\.?\s+"
    rf"(?:de\s+)?(?P<mon2>{_MONW})\.?)[·•|\s]*"
)
#: How many of the page's first non-blank lines a month and day alone is looked for in
_MONTH_DAY_REACH = 40


#: How many items around a year-less "Nov 3" its header's read time or byline may stand
_MONTH_DAY_NEAR = 2
#: The most characters of a header's line next to a year-less date (its read time, its
#: byline, a "·" between them)
_MONTH_DAY_NEIGHBOUR = 60


def _date_position(page: Page, n: int) -> bool:
    """Whether item ``n`` of ``page`` stands where a post's header writes its date: above
    the first paragraph, within :data:`_MONTH_DAY_NEAR` items of its read time ("12 min
    read"), its byline ("Priya Raman · Follow", "By Jane Doe") or a "·" alone between
    them."""
    if page.items[n][0] >= page.body_line:
        return False
    for _, s in page.items[max(n - _MONTH_DAY_NEAR, 0) : n + _MONTH_DAY_NEAR + 1]:
        s = s.strip()
        if len(s) > _MONTH_DAY_NEIGHBOUR:
            continue
        if s in ("·", "•") or READ_TIME.search(s) or _BYLINE.match(s) or " · " in s:
            return True
    return False


def bare_month_day(page: Page, capture: date | None) -> list[dict[str, Any]]:
    """With a capture date only, the first month and day alone on a line
    (:data:`_MONTH_DAY_ALONE`) among the page's first :data:`_MONTH_DAY_REACH` lines, as a
    candidate of the latest year that puts it on or before the capture: Medium's "Nov 3"
    under its reading time gave no date (s51 acc-blogs B15). Platforms leave out the year of
    the current year's posts only, so the year before the capture's is the only other
    reading. Read for a page without any other date (:func:`rank_dates`), in the post's
    header only (:func:`_date_position`)."""
    if capture is None:
        return []
    for n, (i, text) in enumerate(page.items[:_MONTH_DAY_REACH]):
        if len(text) > 16 or (m := _MONTH_DAY_ALONE.fullmatch(text)) is None:
            continue
        if not _date_position(page, n):
            # ("Set 2", "set 2": an ordinary word in Portuguese and Italian, a month's
            # short form too; read in a post's header only)
            continue
        mon = MONTHS.get((m["mon"] or m["mon2"]).lower())
        if mon is None:
            continue
        day = int(m["d"] or m["d2"])
        d = _mk(capture.year, mon, day)
        if d is not None and d > capture:
            d = _mk(capture.year - 1, mon, day)
        if d is None:
            continue
        a = page.lines[i].find(text)
        return [
            {
                "date": d,
                "line": i,
                "col": max(a, 0),
                "form": "yearless",
                "text": text,
                "time": None,
                "alt": None,
                "sep": None,
            }
        ]
    return []


#: A Chinese or Japanese date without its year: "3月4日", "３月４日" (not the end of a
#: dated "2021年3月4日")
_CJK_YEARLESS = re.compile(
    r"(?<![\d年])(?<!年\s)(?P<m>1[0-2]|0?[1-9]|１[０-２]|０?[１-９])\s*月\s*(?P<d>3[01]|[12][0-9]|0?[1-9]"
    r"|３[０１]|[１２][０-９]|０?[１-９])\s*日"
)
#: The most characters before a year-less Chinese or Japanese date that ends its line (a
#: label: "发布时间：", "更新日") when no time follows it
_CJK_YEARLESS_BEFORE = 10


def find_cjk_yearless(lines: list[str], capture: date, max_lines: int = 80) -> list[dict[str, Any]]:
    """Chinese and Japanese dates without a year ("3月4日", "发布时间：3月4日 10:20") in the top
    lines, given the capture's year (the year before if the day would be after the capture):
    only a date followed by a time of day, or one that ends its line after at most a short
    label (:data:`_CJK_YEARLESS_BEFORE`), not one of a sentence ("3月4日に発表した",
    "今日は3月4日です")."""
    out = []
    for i, line in enumerate(lines[:max_lines]):
        if "月" not in line or "日" not in line:
            continue
        for m in _CJK_YEARLESS.finditer(line):
            if not _time_at(line, m.end()) and (
                line[m.end() :].strip(" \t\u3000,.;)）]】" + _DATELINE_SEPS)
                or len(line[: m.start()].strip()) > _CJK_YEARLESS_BEFORE
            ):
                continue
            mon, day = int(m.group("m")), int(m.group("d"))
            dd = _mk(capture.year, mon, day)
            if dd is not None and dd > capture:
                dd = _mk(capture.year - 1, mon, day)
            if dd is None:
                continue
            out.append(
                {
                    "date": dd,
                    "line": i,
                    "col": m.start(),
                    "form": "yearless",
                    "text": m.group(0),
                    "time": None,
                    "alt": None,
                    "sep": None,
                }
            )
    return out


# ------------------------------------------------------------------------ the page ----
#: (with the full-width enders of Chinese and Japanese: "。", "！", "？", "」", "』", "）", "：")
#: (with the Devanagari danda of Hindi, Marathi and Nepali, the Arabic question mark and the
#: Urdu full stop)
_PARA_END = frozenset('.!?"”»)…:。！？」』）：।॥؟۔')
#: A sentence's end inside German's closing quote ("„…“"): a paragraph's end too. A line of
#: quotes, „Bei einer Sepsis zählt jede Stunde“, sagt … „Eine frühere Diagnose kann Leben
#: retten.“, was no paragraph, and it won the title over the headline (s47 acc-gov G3). A
#: headline ending in a quoted name, … įsikūrusį „Elnių SPA“, is none
_QUOTED_ENDS = (".“", "!“", "?“", "…“")
#: Chinese ideographs and Japanese kana, written without spaces between words (Korean
#: hangul has spaces: not counted)
_CJK_CHAR = re.compile(f"[{CJK_RANGES}]")
#: A Hangul syllable: Korean is written with spaces between words, but each syllable takes
#: two columns, as a Chinese character does; counted as one, a Korean paragraph of 70
#: syllables was no paragraph (more than 80 columns), nor any paragraph of a Korean page
_HANGUL = re.compile(f"[{HANGUL_RANGES}]")
#: A character two columns wide: :data:`_CJK_CHAR` or :data:`_HANGUL` (:func:`width`)
_WIDE_CHAR = re.compile(f"[{CJK_RANGES}{HANGUL_RANGES}]")


_MAX = np.maximum.reduce
_MIN = np.minimum.reduce

# ------------------------------------------------------------------ other digits ----
#: The zeros of Unicode's decimal digits other than 0-9 (category Nd; each script's ten
#: digits are consecutive code points from its zero; Unicode 14, a test checks them against
#: ``unicodedata``): Arabic-Indic ٠, Persian ۰, Devanagari ०, Bengali ০, Thai ๐, Tibetan,
#: Myanmar, Khmer, ..., full-width ０ (Chinese and Japanese pages), mathematical 𝟎
_DIGIT_ZEROS = (
    0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
    0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80,
    0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50,
    0xABF0, 0xFF10, 0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450,
    0x114D0, 0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0,
    0x16A60, 0x16AC0, 0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140,
    0x1E2F0, 0x1E950, 0x1FBF0,
)  # fmt: skip
#: Each such digit -> its ASCII digit (a ``str.translate`` table)
_TO_ASCII_DIGIT = {z + k: 48 + k for z in _DIGIT_ZEROS for k in range(10)}
#: The full-width separators between full-width digits ("２０２１／０３／０４", "１０：３０")
_FULL_WIDTH_SEPS = {0xFF0F: "/", 0xFF0E: ".", 0xFF0D: "-", 0xFF1A: ":"}
#: A run of such digits (with the full-width separators between full-width ones)
_OTHER_DIGITS = re.compile(
    "(?:["
    + "".join(f"{chr(z)}-{chr(z + 9)}" for z in _DIGIT_ZEROS)
    + "]|(?<=[０-９])[／．－：](?=[０-９]))+"
)
_TO_ASCII: dict[int, str | int] = {**_TO_ASCII_DIGIT, **_FULL_WIDTH_SEPS}


#: The zeros of the astral digits (:func:`_other_digits_points`)
_ASTRAL_ZEROS = np.array([z for z in _DIGIT_ZEROS if z > 0xFFFF], np.uint32)
#: Which code points of U+0660..U+1C59 are digits (:func:`_other_digits_points`)
_SPAN_DIGITS = np.zeros(0x1C5A - 0x660, np.bool_)
for _z in _DIGIT_ZEROS:
    if _z < 0x1C5A:
        _SPAN_DIGITS[_z - 0x660 : _z - 0x660 + 10] = True


#: Each code point of the Basic Multilingual Plane -> the code of its ASCII digit when it is
#: a digit of :data:`_DIGIT_ZEROS`, else 0 (:func:`_ascii_digits`)
_BMP_DIGITS = np.zeros(0x10000, np.uint32)
for _z in _DIGIT_ZEROS:
    if _z < 0x10000:
        _BMP_DIGITS[_z : _z + 10] = np.arange(48, 58)
#: The full-width separators of :data:`_FULL_WIDTH_SEPS` and their ASCII codes
_FW_SEPS = np.array(sorted(_FULL_WIDTH_SEPS), np.uint32)
_FW_SEPS_TO = np.array([ord(_FULL_WIDTH_SEPS[c]) for c in sorted(_FULL_WIDTH_SEPS)], np.uint32)


def _ascii_digits(text: str) -> str | None:
    """``text`` with every decimal digit written in another script ("١٤ مارس ٢٠٢٤", "২৯",
    "２０２１年") as its ASCII digit, and a full-width separator between full-width digits
    ("２０２１／０３／０４") as its ASCII one: a character for a character, so columns and
    lengths are kept, and the date patterns, which read 0-9, read them. None when ``text``
    holds no such digit (where :data:`_OTHER_DIGITS` finds nothing).

    The text's code points are looked up in a table by numpy: a search or ``sub`` of
    :data:`_OTHER_DIGITS` (a pattern with no literal start, of ~700 characters) tried it at
    every character, ~0.15 µs each (~1.4 ms for a 5 kB Hindi page, searched then replaced),
    ``str.translate`` looks up each character in a dict (~0.12 µs each)."""
    if text.isascii():
        return None
    a = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), np.uint32)
    top = int(_MAX(a))
    d = _BMP_DIGITS[np.minimum(a, 0xFFFF)] if top > 0xFFFF else _BMP_DIGITS[a]
    if top >= 0x104A0:
        for z in _ASTRAL_ZEROS:
            k = (a - z) < 10
            if k.any():
                d[k] = a[k] - z + 48
    if not d.any():
        return None
    if top >= 0xFF10 and len(a) > 2:
        # a separator between two full-width digits (of the text as written)
        fw = (a - 0xFF10) < 10
        k = np.searchsorted(_FW_SEPS, a[1:-1])
        k[k == len(_FW_SEPS)] = 0
        sep = (_FW_SEPS[k] == a[1:-1]) & fw[:-2] & fw[2:]
        if sep.any():
            d[1:-1][sep] = _FW_SEPS_TO[k[sep]]
    out = np.where(d != 0, d, a)
    return out.tobytes().decode("utf-32-le", "surrogatepass")


def _other_digits_points(a: npt.NDArray[Any], top: int) -> bool:
    """Whether the code points (or UTF-16 code units) ``a``, whose greatest is ``top``, may
    hold a digit of :data:`_DIGIT_ZEROS`: one of U+0660..U+1C59 (Arabic-Indic to Ol Chiki,
    looked up), or a character of the spans of the other blocks that hold them
    (U+A620..U+ABF9, the full-width digits, astral ones up to Adlam's U+1E959 but not
    emoji). A few numpy passes, most pages (Latin, Cyrillic: their greatest character is
    punctuation, U+2019) one; a page that passes is searched for them
    (:data:`_OTHER_DIGITS`)."""
    if top < 0x660:
        return False
    # (code units minus the span's start wrap around below it: one comparison per span)
    if _MIN(a - 0x660) < 0x1C5A - 0x660:
        # (the span holds the letters of Arabic, Indic, Thai, ... pages too: its characters
        # are looked up, which costs less than a search of the page's text)
        span = a[(a - 0x660) < 0x1C5A - 0x660]
        if _MAX(_SPAN_DIGITS[span - 0x660]):
            return True
    if top < 0xA620:
        return False
    if _MIN(a - 0xA620) < 0xABFA - 0xA620:
        return True
    if top >= 0xFF10 and _MIN(a - 0xFF10) < 10:
        return True
    if a.dtype == np.uint16:
        # (astral characters as surrogate pairs: the high surrogates of U+104A0..U+1E95F)
        if top < 0xD801 or _MIN(a - 0xD801) >= 0xD83B - 0xD801:
            return False
        hi = ((a[:-1] - 0xD800) < 0x400).nonzero()[0]
        astral = ((a[hi].astype(np.uint32) - 0xD800) << 10) + (a[hi + 1] - 0xDC00) + 0x10000
    else:
        if top < 0x104A0 or _MIN(a - 0x104A0) >= 0x1E95A - 0x104A0:
            return False
        astral = a[a > 0xFFFF].astype(np.uint32)
    # (an astral page's characters looked up among the astral digits: a page of
    # mathematical letters, "𝐁𝐨𝐥𝐝", holds no digit for it)
    return bool(((astral[:, None] - _ASTRAL_ZEROS) < 10).any())


def has_cjk(text: str) -> bool:
    """Whether ``text`` holds a Chinese or Japanese character (:data:`_CJK_CHAR`, or a code
    point between its ranges: U+3040..U+9FFF, U+F900..U+FAFF). A page that is not ASCII
    (nearly every page: a curly quote is enough) is read as UTF-16 code units by numpy:
    ~7 µs a dev page (10 kB on average) where a search for :data:`_CJK_CHAR` costs ~28 µs."""
    return _scripts(text)[0]


def _scripts(text: str, hangul: bool = False) -> tuple[bool, bool, bool]:
    """(:func:`has_cjk`, whether ``text`` may hold digits of another script than 0-9:
    :func:`_other_digits_points`, whether it holds a Hangul syllable: looked for when
    ``hangul``, else False) from one array of its UTF-16 code units."""
    if text.isascii():
        return False, False, False
    a = np.frombuffer(text.encode("utf-16-le", "surrogatepass"), np.uint16)
    top = int(_MAX(a))
    return (
        _has_cjk_points(a, top),
        _other_digits_points(a, top),
        hangul and _has_hangul_points(a, top),
    )


def _code_points(s: str) -> npt.NDArray[Any]:
    """The code points of ``s`` as an array (uint8 for ASCII, uint16 when no character is
    beyond the BMP, else uint32): one element per character, as ``s`` indexes them."""
    if s.isascii():
        return np.frombuffer(s.encode("ascii"), np.uint8)
    b = s.encode("utf-16-le", "surrogatepass")
    if len(b) == 2 * len(s):
        return np.frombuffer(b, np.uint16)
    return np.frombuffer(s.encode("utf-32-le", "surrogatepass"), np.uint32)


#: Pages of fewer lines have their figures taken line by line (:func:`_line_stats`): below
#: ~100 lines numpy's calls cost more than a C call per line (callgrind: +41 k instructions
#: a page of 35 lines, -72 k a dev page of ~200)
_STATS_MIN_LINES = 100


def _line_stats(texts: list[str], text: str) -> tuple[list[int], list[int], bool, list[int], bool]:
    """Of a page's stripped non-blank lines ``texts``: each one's spaces (``str.count(" ")``)
    and length, whether any holds a Chinese or Japanese character (:func:`has_cjk` of the
    page: its other characters are white space), the indices of those with at least 11
    spaces and more than 80 characters (the lines that can be paragraphs on a page without
    such characters; a Hangul syllable two columns: :func:`_hangul_widths`) and whether the
    page may hold digits of another script than 0-9 (:func:`_other_digits_points`). One
    array of the lines joined by newlines (none is inside a line) instead of a C call per
    line for each figure (on pages of :data:`_STATS_MIN_LINES` lines or more: the page
    split of a dev page, ~200 lines, 1.03 M -> 0.95 M instructions)."""
    if len(texts) >= _STATS_MIN_LINES:
        a = _code_points("\n".join(texts))
        nl = (a == 10).nonzero()[0]
    if len(texts) < _STATS_MIN_LINES or len(nl) != len(texts) - 1 or not texts[-1]:
        # (few lines, a line with a newline or an empty last line: a figure per line)
        nspaces = list(map(str.count, texts, repeat(" ")))
        cjk, digits, hangul = _scripts(text, hangul=True)
        widths = _hangul_widths(texts) if hangul else list(map(len, texts))
        return nspaces, widths, cjk, _long_lines(nspaces, widths), digits
    # (the lines' bounds: -1, the newlines, the end; ufuncs and methods only, numpy's
    # Python-level functions cost more than the figures)
    bounds = np.empty(len(nl) + 2, np.intp)
    bounds[0], bounds[-1] = -1, len(a)
    bounds[1:-1] = nl
    starts = bounds[:-1] + 1
    lens = bounds[1:] - starts
    # (each line's run holds its newline, which is no space: the sums are the line's spaces)
    spaces = np.add.reduceat(a == 32, starts, dtype=np.intp)
    cjk = digits = False
    if a.dtype != np.uint8:
        top = int(_MAX(a))
        cjk, digits = _has_cjk_points(a, top), _other_digits_points(a, top)
        if _has_hangul_points(a, top):
            nspaces = spaces.tolist()
            widths = _hangul_widths(texts)
            return nspaces, widths, cjk, _long_lines(nspaces, widths), digits
    long_lines = ((spaces >= 11) & (lens > 80)).nonzero()[0].tolist()
    return spaces.tolist(), lens.tolist(), cjk, long_lines, digits


def _has_hangul_points(a: npt.NDArray[Any], top: int) -> bool:
    """Whether the text whose code points (or UTF-16 code units) are ``a``, the greatest
    ``top``, holds a Hangul syllable (:data:`_HANGUL`)."""
    return top >= 0xAC00 and bool(_MAX((a - 0xAC00) < 0x2BA4))


def _hangul_widths(texts: list[str]) -> list[int]:
    """The widths of a Korean page's lines ``texts``, a Hangul syllable two columns: their
    :func:`width` on a page without Chinese or Japanese characters (a page with some has its
    widths from :func:`_cjk_words_width`)."""
    return [len(s) + len(_HANGUL.findall(s)) for s in texts]


def _long_lines(nspaces: list[int], widths: list[int]) -> list[int]:
    """The indices of the lines of ``nspaces`` spaces and ``widths`` columns that can be
    paragraphs on a page without Chinese or Japanese characters: 11 spaces or more, more
    than 80 columns (:func:`_line_stats`)."""
    return [k for k, (c, n) in enumerate(zip(nspaces, widths, strict=True)) if c >= 11 and n > 80]


def _has_cjk_points(a: npt.NDArray[Any], top: int) -> bool:
    """:func:`has_cjk` of the text whose code points (or UTF-16 code units) are ``a``, the
    greatest ``top``."""
    # (the ufunc's reduce: ndarray.max is a Python function around it)
    if top < 0x3040:
        return False
    # (code units minus U+3040 wrap around below it: one comparison per range)
    return bool(_MAX((a - 0x3040) < 0x6FC0) or _MAX((a - 0xF900) < 0x200))


def _cjk_words_width(s: str) -> tuple[int, int]:
    """:func:`n_words` and :func:`width` of ``s`` in one pass."""
    if s.isascii():
        return len(s.split()), len(s)
    rest, n = _CJK_CHAR.subn(" ", s)
    return (len(rest.split()) + (n + 1) // 2 if n else len(s.split())), len(s) + n


def n_words(s: str, cjk: bool = True) -> int:
    """The words of ``s``: those between spaces, with a run of Chinese or Japanese characters
    counted as one word for every two characters (rounded up). Those scripts put no spaces
    between words, so by spaces a paragraph would be one word. Two characters a word is
    about what an English word takes in a translation (a Chinese word averages ~1.5
    characters; Japanese, with its kana endings, more), which keeps the thresholds tuned on
    spaced text (a paragraph of 12 words, a headline of 2..40 words, a headline-like line
    of 4..30) meaning the same: "体育新闻" (sports news) is 2 words, a 41-character Japanese
    headline 21, where a word per character would make it 41. ``cjk`` False: by spaces
    alone, for a page without such characters (:attr:`Page.cjk`)."""
    return _cjk_words_width(s)[0] if cjk else len(s.split())


#: A run of Thai, Lao, Myanmar or Khmer letters and signs: scripts that put no spaces between
#: words (a Thai headline, "ราคาข้าวหอมมะลิพุ่งสูงสุดในรอบห้าปี", is one run)
_SPACELESS_CLASS = r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]"
_SPACELESS_RUN = re.compile(_SPACELESS_CLASS + "+")
#: One character of :data:`_SPACELESS_RUN`: whether a text holds a run is whether it holds
#: one of its characters, and the engine searches for a class alone by its fast scan of the
#: characters (for the class repeated it tries a match at each character: ~2x the time on a
#: page of ~4,000 characters, ~50 µs; the page test of every non-ASCII page, :class:`Page`)
_SPACELESS_CHAR = re.compile(_SPACELESS_CLASS)
#: The characters of a word of :data:`_SPACELESS_RUN` (a Thai word averages ~4 code points
#: with its vowel and tone signs; as :func:`n_words` counts two Chinese characters a word)
_SPACELESS_WORD = 4


def spaceless_words(s: str) -> int:
    """The words of ``s`` with a run of Thai, Lao, Myanmar or Khmer counted as one word per
    :data:`_SPACELESS_WORD` characters (rounded up): by spaces a Thai headline is one word,
    and the title pool's one-word restrictions left it out (s50 acc-scripts N5)."""
    runs = _SPACELESS_RUN.findall(s)
    if not runs:
        return len(s.split())
    rest = _SPACELESS_RUN.sub(" ", s)
    return len(rest.split()) + sum(-(-len(r) // _SPACELESS_WORD) for r in runs)


def width(s: str) -> int:
    """The length of ``s`` with a Chinese, Japanese or Korean character counted twice (the
    two columns it takes in a terminal): what the length thresholds tuned on Latin text (a
    paragraph of more than 80 characters) read, as a CJK character says as much as two or
    three Latin ones."""
    return len(s) if s.isascii() else len(s) + len(_WIDE_CHAR.findall(s))


#: A newsletter's "view in browser" line ("View this email in your browser", "Voir ce
#: courriel dans votre navigateur", "Ver este correo en tu navegador"): the line under it is
#: the sender's name
_IN_BROWSER = re.compile(
    r"(?i)\s*(?:(?:view|read|open|voir|lire|afficher|ver|abrir|visualizza|apri|bekijk|"
    r"diese|die)\b.{0,40}\b(?:browser|navigateur|navegador)\b.{0,15}"
    r"|(?:diese|die)\s+(?:e-?mail|newsletter)\s+im\s+browser\s+\w+)\W*"
)
#: The fewest words of a headline over its dek (:func:`blog_headline`: a news page's
#: kicker, "Bürgermeisterwahl in Petersberg" over its headline, has fewer), and of the dek
#: under it; the dek is longer than the headline by this factor at least. (A Medium
#: headline, over a byline with the follow button, may be shorter: "The two-minute
#: notebook")
_HEADLINE_OVER_DEK_WORDS = 5
#: A blog platform's widget line around a post's head (Substack's and Ghost's "Subscribe",
#: "Sign in"; Medium's "Follow", "N min read", "Open in app"; in the languages of
#: its templates): the page is a platform's, whose headline may stand over a dek
_PLATFORM_WIDGET = re.compile(
    # (alone, or at the end of a short line of buttons: a text browser writes the header's
    # on one line, "Maschinenraum Abonnieren Anmelden", "(BUTTON) … (BUTTON) Anmelden")
    r"(?i)(?:.{1,60}(?:\s·|\s|\)))?\s*(?:subscribe|abonnieren|suscribirse|s['’]abonner|iscriviti"
    r"|abonneren|assinar|inscrever-se|sign\s+(?:in|up)|anmelden|registrieren|iniciar\s+sesión"
    r"|registrarse|se\s+connecter|accedi|inloggen|entrar"
    r"|follow|folgen|seguir|suivre|segui|volgen"
    r"|open\s+in\s+app|in\s+app\s+öffnen|abrir\s+en\s+la\s+aplicación"
    r"|[—–-]?\s*\d+\s+(?:min\.?|minutes?|minuten)\s+(?:read|lesezeit|de\s+lectura|de\s+lecture"
    r"|di\s+lettura|leestijd|de\s+leitura))\s*"
)
#: The lines of a page's head (to the ranker's line and a few under it) looked at for it
_PLATFORM_WIDGET_LINES = 8
_DEK_WORDS = 10
_DEK_LONGER = 1.5
#: A clock time ("16:14 Uhr"): no post's title under a date header
_CLOCK_TIME = re.compile(r"(?<!\d)[012]?\d[:.][0-5]\d(?!\d)")
#: The most characters of a blog's date header ("Freitag, 23. Oktober 2026")
_DATE_HEADER_CHARS = 40


def _title_shaped(s: str, dated: bool = False) -> bool:
    """Whether stripped line ``s`` may be a headline: 2 to 20 words, no sentence end, no
    byline, no furniture, no year (``dated``: a year allowed, a newsletter issue's "La
    lettre de Vélo Cité – novembre 2026")."""
    return (
        2 <= len(s.split()) <= 20
        and not _SENT_END.search(s)
        and not _is_byline(s)
        and not _FURNITURE.match(s)
        and (dated or not _PREFILTER.search(s))
    )


def _weekday_header(s: str) -> bool:
    """Whether date line ``s`` opens with a weekday's name, as Blogger's date header does
    ("Freitag, 23. Oktober 2026", "lunes, 9 de noviembre de 2026")."""
    first = s.split(None, 1)[0].strip(",.").lower() if s.split() else ""
    return first in _YEARLESS_WEEKDAYS


def _date_header(page: Page, i: int, s: str) -> bool:
    """Whether line ``i`` (stripped ``s``) is a date alone, a blog's date header: a date
    without a time that is most of the line ("Freitag, 23. Oktober 2026")."""
    ds = page.dates_on(i)
    return (
        len(ds) == 1
        and len(s) <= _DATE_HEADER_CHARS
        and not (ds[0].get("time") or ("",))[0]
        and 2 * len(ds[0]["text"]) >= len(s)
    )


def _item_of(page: Page, line: int) -> int | None:
    """The index in :attr:`Page.items` of non-blank line ``line``, None for a blank one."""
    k = bisect.bisect_left(page.item_lines, line)
    return k if k < len(page.items) and page.items[k][0] == line else None


def blog_headline(page: Page, i: int, byline: int | None) -> tuple[int, str] | None:
    """The headline of a blog or a newsletter when the ranker's line ``i`` is the line
    above or below it, else None (s51 acc-blogs B7, B8):

    * a Blogger page's blog name or description: ``i`` over a date header
      (:func:`_date_header`) over a headline-shaped line and then a paragraph — the post's
      title is the line under the date header ("Wetterbeobachtungen von der Nordseeküste" /
      "Freitag, 23. Oktober 2026" / "Die Sturmflut vom 19. Oktober im Rückblick");
    * a newsletter's sender: ``i`` right under the "view in browser" line
      (:data:`_IN_BROWSER`) — the issue's headline is the line under it;
    * a Substack or Medium dek (subtitle): ``i`` right under a shorter headline-shaped line
      of :data:`_HEADLINE_OVER_DEK_WORDS` words or more that is no site's name, and right
      over the byline (``byline``, the author's line) or a date — the line above is the
      headline ("Warum die Digitalisierung der Bahn stockt" / "Ein Besuch im Stellwerk
      Hamburg-Harburg und was er über ein Milliardenprojekt verrät" / "Jonas Brenner")."""
    items = page.items
    if (k := _item_of(page, i)) is None:
        return None
    s = items[k][1].strip()
    nxt = [(j, t.strip()) for j, t in items[k + 1 : k + 4]]
    if (
        len(nxt) == 3
        and _date_header(page, *nxt[0])
        and _weekday_header(nxt[0][1])
        and _title_shaped(nxt[1][1])
        and not _CLOCK_TIME.search(nxt[1][1])
        and _is_para(nxt[2][1])
        # (``i`` a blog's name, or its description under the name, or a line shorter than
        # the one under the date: a news page's headline over its date line and a caption
        # or a standfirst is the page's own title; s52 acc-read F9)
        and (
            _site_like(s)
            or (k > 0 and _site_like(items[k - 1][1].strip()))
            or n_words(s) < n_words(nxt[1][1])
        )
    ):
        return nxt[1]
    if k > 0 and nxt and _IN_BROWSER.fullmatch(items[k - 1][1].strip()):
        if _title_shaped(nxt[0][1], dated=True) and not _date_header(page, *nxt[0]):
            return nxt[0]
        return None
    if k == 0 or not nxt:
        return None
    j, above = items[k - 1][0], items[k - 1][1].strip()
    below = nxt[0][0]
    n_above, n_dek = len(above.split()), len(s.split())
    followed = byline is not None and _FOLLOW_ALONE.fullmatch(
        next((t for j2, t in nxt if j2 > byline), "")
    )
    if (
        _title_shaped(above)
        and (n_above >= _HEADLINE_OVER_DEK_WORDS or (followed and n_above >= 2))
        and n_dek >= _DEK_WORDS
        and n_dek >= _DEK_LONGER * n_above
        and not above.endswith((":", "|", "→", "»"))
        # (a picture's credit or a breadcrumb: "Symbolbild / Salzgitter Flachstahl AG")
        and not any(sep in above for sep in (" / ", " | ", " > ", " » "))
        # (a tag list over the headline: "Elon Musk, News, Twitter, X")
        and above.count(",") < 2
        and not _PHOTO_CREDIT.match(above)
        and not _site_like(above)
        # (a link as lynx writes it: a related story's over the headline, "[95]Mac Pro
        # Shipping in December" over MacRumors' headline; s52 regress R6)
        and _LINK_ITEM.match(above) is None
        and (
            below == byline
            or page.dates_on(below)
            # (a name alone, then the date: Substack's "Jonas Brenner" / "12. Nov. 2026")
            or (len(nxt) > 1 and _person_like(nxt[0][1]) and page.dates_on(nxt[1][0]))
        )
        and not _date_header(page, j, above)
        # (a dek is a blog platform's: a news page's long headline under a ticker's or a
        # teaser's headline, over its "By ..." and date, has the same shape; s52 acc-read
        # F6. Last: it reads the page's head down to ``i``, the tests above a few lines)
        and any(
            _PLATFORM_WIDGET.fullmatch(t.strip()) for _, t in items[: k + _PLATFORM_WIDGET_LINES]
        )
    ):
        return j, above
    return None


def _is_para(line: str) -> bool:
    """A prose paragraph: more than 80 columns (:func:`width`), at least 12 words
    (:func:`n_words`), ending like a sentence."""
    s = line.strip()
    return (s[-1:] in _PARA_END or s.endswith(_QUOTED_ENDS)) and width(s) > 80 and n_words(s) >= 12


def main_block(
    texts: list[str], nspaces: list[int] | None = None, lens: list[int] | None = None
) -> tuple[int, int]:
    """(first, last) index of the densest run of paragraph lines (max-sum segment).
    ``nspaces``, ``lens``: the lines' space counts (on a page with Chinese or Japanese
    characters, their :func:`n_words` - 1) and widths (:func:`width`), if at hand."""
    if nspaces is None:
        nspaces = [n_words(s) - 1 if _CJK_CHAR.search(s) else s.count(" ") for s in texts]
    # a line of >= 60 columns and >= 10 words counts its width, a narrower one -25, a wide
    # one with few words (a link list, a URL) -10
    if len(texts) >= _STATS_MIN_LINES:
        return _main_block_np(
            np.fromiter(map(width, texts) if lens is None else lens, np.int64, len(texts)),
            np.fromiter(nspaces, np.int64, len(texts)),
        )
    return _max_segment(
        [
            n if (n >= 60 and c >= 9) else (-25 if n < 60 else -10)
            for n, c in zip(map(width, texts) if lens is None else lens, nspaces, strict=True)
        ]
    )


#: The least short lines over a wire story's lead that make its head (headline, date,
#: byline, a label): :func:`_wire_lead`
_WIRE_HEAD_LINES = 2


def _wire_lead(texts: list[str], paras: list[bool], ms: int, me: int) -> int:
    """The main block's first line ``ms``, or the story's lead under it: a paragraph that
    opens with a wire dateline ("ST. JOSEPH, Mich. (AP) —", "NEW YORK (Reuters) -") under
    a head of its own (:data:`_WIRE_HEAD_LINES` lines that are no paragraph) starts its
    story, and the long lines over it in the block (a site's teasers, headline and summary
    glued: a short AP story on a TV station's page was titled and dated from the menu over
    them, s40 acc-synd #12) are not the story's. (A local story quoting a wire lead, under
    a line that announces it, keeps its own start.)"""
    for k in range(ms + _WIRE_HEAD_LINES, me + 1):
        if (
            paras[k]
            and ")" in texts[k][:60]
            and _WIRE_DATELINE.match(texts[k][:120])
            and not any(paras[k - _WIRE_HEAD_LINES : k])
        ):
            return k
    return ms


def _max_segment(vals: list[int]) -> tuple[int, int]:
    """(first, last) of the segment of ``vals`` with the largest sum (Kadane's loop; the
    first of equal sums), or (n, n) when no sum is above 0."""
    best, best_span = 0, (len(vals), len(vals))
    cur, start = 0, 0
    for k, v in enumerate(vals):
        if cur <= 0:
            cur, start = 0, k
        cur += v
        if cur > best:
            best, best_span = cur, (start, k)
    return best_span


def _main_block_np(lens: npt.NDArray[np.int64], nspaces: npt.NDArray[np.int64]) -> tuple[int, int]:
    """:func:`main_block` of the lines whose widths and space counts are ``lens`` and
    ``nspaces``, in array operations (a page of :data:`_STATS_MIN_LINES` lines or more: the
    loop costs ~0.1 µs a line). The loop's run ending at line k starts at the last index j <= k
    where the prefix sum P[j] (the values before line j) is the least of P[0..k] (it restarts
    when its sum is <= 0, i.e. when P[k] is a new least or ties one); its sum is
    P[k + 1] - P[j], and the first k with the greatest sum (> 0) ends the block."""
    n = len(lens)
    vals = np.where((lens >= 60) & (nspaces >= 9), lens, np.where(lens < 60, -25, -10))
    prefix = np.zeros(n + 1, np.int64)
    np.cumsum(vals, out=prefix[1:])
    before = prefix[:-1]
    least = np.minimum.accumulate(before)
    sums = prefix[1:] - least
    k = int(sums.argmax())
    if sums[k] <= 0:
        return n, n
    # (the last index up to k where the prefix sum is the least so far)
    starts = np.where(before[: k + 1] == least[: k + 1], np.arange(k + 1), 0)
    return int(starts.max()), k


#: A text's lines (split on any newline), the indices of the non-blank ones and those lines
#: stripped, as the boilerplate stage leaves them in ``doc.work["text_lines"]`` (with the text)
LineSplit = tuple[list[str], list[int], list[str]]


def line_split(lines: list[str]) -> LineSplit:
    """A text's :data:`LineSplit` from its ``lines`` (split on newlines): the lines, the
    numbers of the non-blank ones and those lines stripped."""
    stripped = list(map(str.strip, lines))
    return lines, list(compress(range(len(lines)), stripped)), list(filter(None, stripped))


def _wrapped_nomark_paras(texts: list[str], item_lines: list[int]) -> list[bool]:
    """The paragraphs of a Thai or Lao page that a text browser wrapped: runs of lines one
    under the other (no blank line between) whose letters together make prose
    (:func:`nomark_prose_line`), each line of the run a paragraph's. w3m cut a Thai paragraph
    at 80 columns into lines too short to be prose each: the page had no paragraph, no body,
    and its tag list after the article was not read (s50 acc-scripts, th-2 on w3m)."""
    paras = [False] * len(texts)
    start = 0
    for k in range(1, len(texts) + 1):
        if k < len(texts) and item_lines[k] == item_lines[k - 1] + 1:
            continue
        if k - start > 1 and nomark_prose_line(" ".join(texts[start:k])):
            paras[start:k] = [True] * (k - start)
        start = k
    return paras


class Page:
    """A plain-text page split once: lines, non-empty items, paragraphs, the main block.

    Every extractor reads the same structure, so the page is scanned once, not per field.
    """

    __slots__ = (
        "_by_line",
        "_colons",
        "_dates",
        "body",
        "body_line",
        "cjk",
        "front",
        "front_lines",
        "item_lines",
        "items",
        "lens",
        "lines",
        "main_end",
        "main_start",
        "me",
        "ms",
        "nwords",
        "other_digits",
        "paras",
        "setext_h1",
        "story_end",
        "text",
        "texts",
        "year_lines",
    )

    def __init__(self, text: str, split: LineSplit | None = None) -> None:
        # the same line split as the boilerplate stage, so line numbers agree
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
            split = None
        #: the text with its newlines normalised (``"\\n".join(lines)``)
        self.text = text
        # (a split of this text: its lines and their newlines make up its length; their join's
        # length is summed in C, where a sum over the lines calls len per line)
        if split is not None and split[0] and len("\n".join(split[0])) == len(text):
            # the boilerplate stage's split of this text: its lines, the indices of the
            # non-blank ones and those stripped
            self.lines = lines = split[0]
            texts = split[2]
            self.item_lines = split[1]
            self.items = list(zip(split[1], texts, strict=True))
        else:
            lines, self.item_lines, texts = line_split(text.split("\n"))
            self.lines = lines
            self.items = list(zip(self.item_lines, texts, strict=True))
        #: the line of the text's only level-1 setext heading (underlined with "="), if any
        self.setext_h1: int | None = None
        if ("===" in text or "---" in text) and (under := setext_underlines(lines)):
            # (a setext heading's underline is markup, no line of the page's: read as a
            # blank line, the heading over it is a headline over its text)
            drop = set(under)
            self.items = [item for item in self.items if item[0] not in drop]
            self.item_lines = [i for i, _ in self.items]
            texts = [t for _, t in self.items]
            if len(h1 := [i - 1 for i in under if lines[i].lstrip()[0] == "="]) == 1:
                self.setext_h1 = h1[0]
        # word counts by spaces (the lines are stripped), the lines' lengths, whether the page
        # holds Chinese or Japanese characters and the lines that can be paragraphs, from one
        # array of the lines' characters (:func:`_line_stats`)
        nspaces, widths, self.cjk, long_lines, digits = _line_stats(texts, text)
        #: whether the page may hold digits of another script than 0-9 (:func:`find_dates`)
        self.other_digits = digits
        #: the lengths of :attr:`texts`
        self.lens = widths
        if self.cjk:
            # Chinese or Japanese: a word per two characters, two columns per character
            # (:func:`n_words`, :func:`width`)
            shapes = list(map(_cjk_words_width, texts))
            nspaces = [n - 1 for n, _ in shapes]
            widths = [w for _, w in shapes]
            self.nwords = list(map(add, nspaces, repeat(1)))
            self.paras = [
                c >= 11 and n > 80 and s[-1] in _PARA_END
                for s, c, n in zip(texts, nspaces, widths, strict=True)
            ]
        else:
            self.nwords = list(map(add, nspaces, repeat(1)))
            if not text.isascii() and _SPACELESS_CHAR.search(text) is not None:
                # (Thai, Lao, Myanmar, Khmer: words by letters, :func:`spaceless_words`)
                self.nwords = [
                    spaceless_words(t) if _SPACELESS_CHAR.search(t) else n
                    for t, n in zip(texts, self.nwords, strict=True)
                ]
            # (a paragraph: >= 12 words, > 80 columns, ending like a sentence; the ending is
            # looked at only on the lines long enough)
            paras = [False] * len(texts)
            for k in long_lines:
                paras[k] = (t := texts[k])[-1] in _PARA_END or t.endswith(_QUOTED_ENDS)
            if True not in paras and not text.isascii():
                # (no paragraph: a page of Thai or Lao, whose sentences end without a mark
                # and whose words are written without spaces, has its paragraphs measured
                # in letters, as the boilerplate stage's rules do; none was one, so the page
                # had no body and its byline, related headlines and tag line were its head)
                for k, s in enumerate(texts):
                    if nomark_prose_line(s):
                        paras[k] = True
                if True not in paras:
                    paras = _wrapped_nomark_paras(texts, self.item_lines)
            self.paras = paras
        self.ms, self.me = main_block(texts, nspaces, widths)
        self.ms = _wire_lead(texts, self.paras, self.ms, self.me)
        n_lines = len(lines)
        self.main_start = self.items[self.ms][0] if self.ms < len(self.items) else n_lines
        self.main_end = self.items[self.me][0] if self.me < len(self.items) else n_lines
        # the line of the main block's last paragraph (what follows it is no headline)
        self.story_end = next(
            (self.items[k][0] for k in range(min(self.me, len(texts) - 1), self.ms - 1, -1)
             if self.paras[k]),
            self.main_end,
        )  # fmt: skip
        try:
            self.body = self.paras.index(True)
        except ValueError:
            self.body = len(self.items)
        self.body_line = self.items[self.body][0] if self.body < len(self.items) else n_lines
        self._dates: list[dict[str, Any]] | None = None
        #: lines with a year-like number, filled by :meth:`dates`
        self.year_lines: set[int] = set()
        self._by_line: dict[int, list[dict[str, Any]]] = {}
        self._colons: list[tuple[int, str]] | None = None
        self.texts = texts
        #: how many of :attr:`texts` are the text's front matter
        #: (:func:`..boilerplate.reflow.front_matter_lines`, read on the lines as written: a
        #: value's continuation is indented)
        #: ... and how many of its lines it is (blank ones too): its first line after it
        self.front_lines = front_matter_lines(lines)
        self.front = bisect.bisect_left(self.item_lines, self.front_lines)

    def dates(self) -> list[dict[str, Any]]:
        """Every written date of the page (:func:`find_dates`), found once and shared by the
        title and date rankers; callers copy a candidate before changing it."""
        if self._dates is None:
            self._dates = find_dates(
                self.lines, year_lines=self.year_lines, text=self.text, digits=self.other_digits
            )
            by_line: dict[int, list[dict[str, Any]]] = {}
            for c in self._dates:
                by_line.setdefault(c["line"], []).append(c)
            self._by_line = by_line
        return self._dates

    def dated_lines(self) -> dict[int, list[dict[str, Any]]]:
        """The page's written dates by line number."""
        self.dates()
        return self._by_line

    def dates_on(self, i: int) -> list[dict[str, Any]]:
        """The written dates on line ``i``, in order."""
        self.dates()
        return self._by_line.get(i, [])

    def colon_items(self) -> list[tuple[int, str]]:
        """The non-blank lines (:attr:`items`) that hold a colon, in order: found once, by
        a scan of the text for colons (:func:`_colon_items`), for the steps that read
        labelled lines (a category, a tag line and its gate)."""
        if self._colons is None:
            self._colons = list(_colon_items(self))
        return self._colons


# ------------------------------------------------------------------ date features ----
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
    "lower_before", "glued", "upd_after_date", "list_run", "social_post",
]  # fmt: skip
#: Features of the text date model only, not of the HTML one (``html.HTML_FEATURES``): its
#: ten-seed CV was 0.922 without ``list_run`` and 0.920 with it
TEXT_ONLY_FEATURES = ("list_run", "social_post")
#: An embedded social-media post's signature before a date on its line, the author's handle
#: in brackets: a tweet's "— Jane Doe (@jdoe) January 1, 2020", an Instagram post's "A post
#: shared by Jane (@jdoe) on May 2, 2019", "Ein Beitrag geteilt von Jane (@jdoe) am ...": the
#: date is the quoted post's, not the page's
_SOCIAL_POST = re.compile(r"\(@\w{1,30}\)")

_WEEKDAY = re.compile(
    r"(?i)\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|"
    r"montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|sonnabend|mo|di|mi|do|fr|sa|so|"
    r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo|"
    r"lunedì|martedì|mercoledì|giovedì|venerdì|sabato|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|"
    r"dilluns|dimarts|dimecres|dijous|divendres|dissabte|diumenge)\b\.?,?\s*(?:(?:den|le|el|the)\s*)?$"
)
_STRONG_PUB = re.compile(
    r"(?i)\b(published|publish date|posted|publiziert|veröffentlicht|erschienen|erstellt|publié|publiée|"
    r"mis en ligne|publicado|publicada|pubblicato|gepubliceerd|geplaatst|publicerad|publiceret|publisert|"
    r"opublikowano|publikováno|опубликовано|yayınlanma|beitrag wurde|datum|date|dated|fecha|data|"
    + _PUB_MORE
    + r")\b[^0-9]{0,30}$"
)
_WEAK_CUE = re.compile(r"(?i)\b(vom|am|on|le|du|el|il|den|from)\s*$")
_EVENT = re.compile(
    r"(?i)\b(termin|ab dem|ab|seit dem|seit|bis zum|bis|until|till|from|von|vom|between|zwischen|starting|"
    r"beginn|start|ende|deadline|frist|anmeldeschluss|einsendeschluss|wann|when|event|veranstaltung|"
    r"datum der veranstaltung|invalid|gültig|valid)\s*:?\s*$"
)
#: (on lowercased text: case-insensitive searches are several times slower)
_BYLINE_ANY_L = re.compile(r"(?:^|\s|\|)(?:by|von|par|por|di|door|autor|author)\s*:?\s+[a-zäöü]")
#: Its words, each found by a C-level find (:func:`_byline_near`), and what follows one
_BYLINE_WORDS = ("by", "von", "par", "por", "di", "door", "autor", "author")
_BYLINE_AFTER_L = re.compile(r"\s*:?\s+[a-zäöü]")


#: :data:`_BYLINE_AFTER_L` for text with only its ASCII letters lowercased (:func:`_ascii_lower`):
#: the name's first letter may also be one whose lowercase is in [a-zäöü] ("Ä", "İ", the
#: Kelvin sign "K"). A byline in ``_ascii_lower(t)`` with this is one in ``t.lower()`` with
#: :data:`_BYLINE_AFTER_L`: no other character lowercases to an ASCII letter, a space, ":" or
#: "|" ("İ" -> "i̇" puts a combining dot after the "i", so it ends no "di" before a space), and
#: a space lowercases to itself (checked over every code point in the tests)
_BYLINE_AFTER_F = re.compile(r"\s*:?\s+[a-zäöüÄÖÜ\u0130\u212a]")


def _ascii_lower(s: str) -> str:
    """``s`` with its ASCII letters lowercased, the rest as it is (lone surrogates too):
    through its UTF-8 bytes, ~5x cheaper than ``str.lower`` on text that is not all ASCII."""
    if s.isascii():
        return s.lower()
    return s.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")


def _byline_near(low: str, after: re.Pattern[str] = _BYLINE_AFTER_L) -> bool:
    """``_BYLINE_ANY_L.search(low)`` is not None, faster: a byline word (:data:`_BYLINE_WORDS`)
    after the start, a space or a "|", then ``after``. (With ``after``
    :data:`_BYLINE_AFTER_F`: the same for ``low`` lowercased, given ``low`` with its ASCII
    letters lowercased.) Each word is found by ``str.find``, a C-level scan, and only its
    hits are tried: the words' pattern, searched, was tried at each b, v, p, d and a of the
    lines around a date (~70 instructions a character, a fifth of the date features' cost
    on the corpus pages)."""
    for w in _BYLINE_WORDS:
        i = low.find(w)
        while i >= 0:
            if (i == 0 or low[i - 1].isspace() or low[i - 1] == "|") and after.match(
                low, i + len(w)
            ) is not None:
                return True
            i = low.find(w, i + 1)  # (a hit may start inside a refused one: "xby by john")
    return False


def _copyright_in(low: str, start: int, end: int) -> bool:
    """``_COPYRIGHT_L.search(low, start, end)`` is not None, the pattern tried only when one of
    its literal starts is there ("©", "copyright", "(c)": C-level finds); searched, it was
    tried at every "c" and "(" of the line."""
    return (
        low.find("©", start, end) >= 0
        or low.find("copyright", start, end) >= 0
        or (low.find("(c)", start, end) >= 0 and _COPYRIGHT_L.search(low, start, end) is not None)
    )


_RANGE_AFTER = re.compile(r"\s*(?:[-–—]|bis|to)\s*\d")
_EVENT_AFTER = re.compile(r"\s*(?:[-–—]|bis|to|au|al)\s*\d")
#: (a day may end with a period: "14. - 20. Januar 2022"; the date CV rose 0.858 -> 0.860
#: over 10 fold seeds when it did)
_RANGE_BEFORE = re.compile(r"\d\.?\s*(?:[-–—]|bis|(?<!\S)(?:und|and|&|et|y|e|en|och|og))\s*$")
#: The words that join two days of one span ("26. und 27. Februar", "26 and 27 February",
#: "les 26 et 27 février", "26 y 27 de febrero"): an event's days, no publication's
#: (hypotheses.org: a conference's "(26. und 27. 2. 2015, Eichstätt)" in the headline beat
#: the byline's date)
_DAYS_JOINED = frozenset(("und", "and", "&", "et", "y", "e", "en", "och", "og"))
_LOWER_BEFORE = re.compile(r"[a-zäöüéè,]\s+$")


def _lowercase(rx: re.Pattern[str]) -> re.Pattern[str]:
    """``rx`` without IGNORECASE, for text lowercased once: Python's re skips ahead on the
    first characters of a case-sensitive pattern only, so this is 5-7x faster on cue text."""
    return re.compile(rx.pattern.replace("(?i)", ""), rx.flags & ~re.I)


_WEEKDAY_L, _STRONG_PUB_L, _CUE_PUB_L, _CUE_UPD_L, _WEAK_CUE_L, _EVENT_L, _CUE_NEG_L = map(
    _lowercase, (_WEEKDAY, _STRONG_PUB, _CUE_PUB, _CUE_UPD, _WEAK_CUE, _EVENT, _CUE_NEG)
)
_COPYRIGHT_L = _lowercase(_COPYRIGHT)


#: One token of the cue patterns' alternatives (a class or an escape or a character, with
#: its quantifier), for :func:`_reversed_cue`
_RX_TOKEN = re.compile(r"(?:\[[^\]]*\]|\\[a-zA-Z]|[^\\\[])(?:[?*+]|\{\d*(?:,\d*)?\})?")


def _reversed_cue(rx: re.Pattern[str], tail: str, head: str = "") -> re.Pattern[str]:
    """An end-anchored cue pattern (``head``, ``(a|b|...)``, ``tail``, ``$``, on lowercased
    text) reversed, to be matched at the start of the reversed text: whether it matches
    there is whether ``rx`` matches anywhere in the text, found by one attempt at one
    position instead of one at every character (a search for a pattern anchored at the end
    tries every start). Each alternative is reversed token by token (a class with its
    quantifier, an escape such as ``\\b``, which is the same read backwards, a character);
    the patterns hold no nested group."""
    body = rx.pattern
    assert body.startswith(head + "(") and body.endswith(")" + tail + "$"), body
    alts = body[len(head) + 1 : -len(tail) - 2].split("|")

    def back(part: str) -> str:
        tokens = _RX_TOKEN.findall(part)
        assert "".join(tokens) == part and "(" not in part, part
        return "".join(reversed(tokens))

    return re.compile(back(tail) + "(?:" + "|".join(map(back, alts)) + ")" + back(head), rx.flags)


#: :data:`_STRONG_PUB_L`, :data:`_CUE_PUB_L`, :data:`_CUE_UPD_L`, :data:`_WEAK_CUE_L` and
#: :data:`_EVENT_L` reversed (:func:`_reversed_cue`): ``match`` on the reversed context
_STRONG_PUB_R = _reversed_cue(_STRONG_PUB_L, r"\b[^0-9]{0,30}", r"\b")
_CUE_PUB_R = _reversed_cue(_CUE_PUB_L, r"\s*:?\s*", r"\b")
_CUE_UPD_R = _reversed_cue(_CUE_UPD_L, r"\b[^0-9]{0,25}")
_WEAK_CUE_R = _reversed_cue(_WEAK_CUE_L, r"\s*", r"\b")
_EVENT_R = _reversed_cue(_EVENT_L, r"\s*:?\s*", r"\b")


#: A gazette's or a series' issue number at the end of a date's context, with the word that
#: joins it to the date: "«BOE» núm. 294, de ", "BGBl. I Nr. 45 vom ", "JO n° 0123 du ",
#: "№ 27 от " (on lowercased text; ``n``: the number)
_GAZETTE_NO = re.compile(
    r"(?:\bnúm|\bnum|\bnr|\bno|n°|nº|№|\bn)\.?\s*(?P<n>\d+(?:[/-]\d+)*)\s*,?\s*"
    r"(?:de|del|vom|du|of|от)\s+$"
)


@lru_cache(maxsize=4096)
def _cues(ctx_tail: str) -> tuple[bool, bool, bool, bool, bool, bool, bool, bool]:
    """What the 45 characters before a date say: (weekday, strong published cue, published,
    updated, weak cue, event, negative, no publication date: :data:`_NOT_PUBLICATION`).
    Cached: the same contexts ("Published on ", "") recur within and across pages, and
    these end-anchored patterns are the costly part: the five that only say whether they
    match are matched once at the start of the context reversed (:func:`_reversed_cue`)."""
    ctx_tail = ctx_tail.lower()
    if (gz := _GAZETTE_NO.search(ctx_tail)) is not None:
        # (a gazette's issue between the cue and the date, "Publicado en: «BOE» núm. 294,
        # de 06/12/2018": its number broke the cue, which lets no digit stand between)
        ctx_tail = ctx_tail[: gz.start("n")] + "x" + ctx_tail[gz.end("n") :]
    wk = _WEEKDAY_L.search(ctx_tail)
    ctx_core = ctx_tail[: wk.start()] if wk else ctx_tail
    back = ctx_core[::-1]
    strong = _STRONG_PUB_R.match(back) is not None
    return (
        wk is not None,
        strong,
        strong or _CUE_PUB_R.match(back) is not None,
        _CUE_UPD_R.match(back) is not None,
        _WEAK_CUE_R.match(back) is not None,
        _EVENT_R.match(back) is not None,
        bool(_CUE_NEG_L.search(ctx_tail)),
        _NOT_PUBLICATION.search(ctx_tail) is not None,
    )


#: A time of day at the end of a date's context (:data:`_TIME_BEFORE`, looked for only when
#: the context has a digit among its last characters)
_DIGIT_TAIL = re.compile(r"\d[^0-9]{0,24}$")


def _update_before_time(ctx: str) -> bool | None:
    """Whether an update's cue (:data:`_CUE_UPD`) stands before the time of day written
    just before a date ("Updated 2:10 p.m. ET Nov. 18, 2026", "Mis à jour à 14h30 le 18
    novembre 2026"): None if it does not, else whether a weekday is in its context. The
    cue's own pattern lets no digit stand between it and the date, so such an update line
    was read as an uncued date, and its time (each capture's) became a live blog's
    ``published`` over ``article:published_time`` (s32 acceptance, news types #1)."""
    tail = ctx[-_TIME_BEFORE_CHARS - 20 :]
    if _DIGIT_TAIL.search(tail) is None:
        return None
    m = _TIME_BEFORE.search(tail, max(0, len(tail) - _TIME_BEFORE_CHARS))
    if m is None or m.start() == 0:
        return None
    wk, _, _, cue_upd, _, _, _, _ = _cues(tail[: m.start()][-45:])
    return wk if cue_upd else None


#: A post's comment count or comment link after its date, on lowercased text ("March 3,
#: 2024 | 4 Comments", "28.01.22 / 0 Kommentare", "Keine Kommentare", "Kommentare 34",
#: "Leave a comment", "Schreibe einen Kommentar", "Kommentar schreiben"): the post's meta
#: line, so its date is a post's, not a comment's. (Taken as a comment's, it was a negative
#: cue and vetoed the byline's date: on the dev and held-out text pages, 12 right dates had
#: such a line, and it made hypotheses.org's "28. Januar 2015 karstenruppert Schreibe einen
#: Kommentar" lose to an event's date in the headline)
_COMMENT_META = re.compile(
    r"(?:\b\d+|\bno|\bkeine?|\bleave an?|\bschreibe einen|\badd an?|\blaisser un|\bdeja un|"
    r"\blascia un)\s+(?:comments?|kommentare?|commentaires?|comentarios?|comments?)\b"
    r"|\b(?:comments?|kommentare?)\s+\d|\bkommentar schreiben\b"
)


@lru_cache(maxsize=4096)
def _neg_after(s: str) -> bool:
    """A negative cue (:data:`_CUE_NEG`) in the 60 characters from a date's start on, a
    post's comment count or link (:data:`_COMMENT_META`) left out. Cached: a site's date
    lines recur, and the pattern is tried at most characters."""
    low = s.lower()
    if "omment" in low:
        low = _COMMENT_META.sub(" ", low)
    return _CUE_NEG_L.search(low) is not None


def _range_before(before: str) -> bool:
    """``_RANGE_BEFORE.search(before)`` is not None (a digit, perhaps a period, then a dash,
    "bis" or a word of :data:`_DAYS_JOINED` at the end: "3 - ", "14. - ", "26. und "), from
    the end: a search tries the pattern at every digit of the line."""
    r = before.rstrip()
    if r.endswith("bis"):
        r = r[:-3]
    elif r[-1:] in "-–—" and r:
        r = r[:-1]
    elif (cut := r.rfind(" ")) >= 0 and r[cut + 1 :] in _DAYS_JOINED:
        r = r[:cut]
    else:
        return False
    r = r.rstrip()
    return r[-2:-1].isdecimal() if r.endswith(".") else r[-1:].isdecimal()


def _lower_before(before: str) -> bool:
    """``_LOWER_BEFORE.search(before)`` is not None (a lowercase letter or a comma, then
    spaces, at the end), from the end: a search tries the pattern at every letter."""
    r = before.rstrip()
    return len(r) < len(before) and r[-1:] in _LOWER_CHARS


_LOWER_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzäöüéè,")


#: The longest step (lines) between the date lines of a list (:func:`_in_run`): a listed
#: article takes a section, a headline, a teaser, a date, an author and the blank lines
#: between (ten-seed CV of the text date model with steps up to 4 / 8 / 12 / 20: 0.861 /
#: 0.863 / 0.864 / 0.865; 0.860 without the feature)
_RUN_STEP = 12


def _in_run(rows: list[int], k: int) -> bool:
    """Whether the dated line ``rows[k]`` (``rows``: the page's lines with dates, in order,
    each once) is one of three consecutive dated lines at equal steps of up to
    :data:`_RUN_STEP` lines: a list of articles, each with its date (related articles,
    teasers, an archive), whose dates are not the page's. Consecutive: a date line a list's
    step away from the list's last one, past a gap without dates, is no item of it (the
    byline's date below a list of "Letzte Artikel")."""
    i = rows[k]
    up = i - rows[k - 1] if k else 0
    down = rows[k + 1] - i if k + 1 < len(rows) else 0
    if up and up == down <= _RUN_STEP:
        return True
    if up and k >= 2 and rows[k - 1] - rows[k - 2] == up <= _RUN_STEP:
        return True
    return bool(down and k + 2 < len(rows) and rows[k + 2] - rows[k + 1] == down <= _RUN_STEP)


#: Words that make the date after them no publication date, whatever the ranker scores:
#: a comment's ("says:", "reply"), a life's ("born", "died"), a review's ("Last reviewed",
#: "Medically reviewed by ... on"), an event's ("election on", "memorial service will be
#: held on", "deadline", "Termin"); within 30 characters before the date, no digit between
#: (a correction's: :func:`set_corrections_aside`)
_NOT_PUBLICATION = re.compile(
    r"\b(?:says|sagt|schreibt|reply|replied|antworten|comments?|kommentar(?:(?<!ein kommentar)|(?!\s+von\s))|born|geboren|"
    r"died|gestorben|reviewed|memorial|funeral|deadline|frist|election|wahl|event|"
    r"veranstaltung|termin|" + _CLOSING + "|" + _IN_FORCE + r")\b[^0-9]{0,30}$"
)
#: An embedded post's signature before a date on the date's own line: a dash, then the
#: author and the handle in brackets (a tweet's "— Jane Doe (@jdoe) January 1, 2020"), or
#: "a post shared by ... (@jdoe) on" (Instagram's, in English, German, French, Spanish). A
#: byline's or a credit's handle ("By Jane Doe (@jdoe) March 3, 2024", "Jane Doe (@jdoe) |
#: March 3", a handle on the line above) is no post's signature: its date is the page's
_SOCIAL_SIGNATURE = re.compile(
    r"(?i)(?:(?:^|\s)[—–-]\s*[^—–\n]{0,60}?|\b(?:shared by|geteilt von|partagée par|"
    r"compartida de|publicación compartida por)\b[^\n]{0,60}?)\(@\w{1,30}\)[^0-9]{0,30}$"
)


#: A photo caption's date, in the agencies' form: the date between an article and the word
#: photo ("In this Nov. 27, 2013 file photo, ...", "In a Monday, Oct. 3, 2011 photo, ...",
#: "This Jan. 5, 2020 handout image shows ..."): the day the picture was taken. (Tested
#: only when the text after the date has one of the words' letters: :func:`_photo_date`)
_PHOTO_AFTER = re.compile(
    r"\s*,?\s*(?:(?:file|handout|undated|archive|pool|aerial)\s+)?(?:photo(?:graph)?|picture|image)s?\b",
    re.I,
)
_PHOTO_BEFORE = re.compile(r"(?i)\b(?:this|a|an|that)\s+(?:[a-z]+day,?\s+)?$")


def _photo_date(before: str, after: str) -> bool:
    """Whether the date between ``before`` and ``after`` (the rest of its line on each side)
    is a photo caption's (:data:`_PHOTO_AFTER`, :data:`_PHOTO_BEFORE`)."""
    a = after[:40]
    return (
        ("hoto" in a or "ictur" in a or "mage" in a)
        and _PHOTO_AFTER.match(a) is not None
        and _PHOTO_BEFORE.search(before[-40:]) is not None
    )


#: A label of related articles on a line of its own ("Lesen Sie auch", "Read also", "Related
#: articles", "À lire aussi"), whose teasers (a headline, a date) are other articles
_RELATED = re.compile(
    r"(?i)\W*(?:verwandte artikel|ähnliche (?:artikel|beiträge)|"
    r"das könnte sie (?:auch )?interessieren|more stories|"
    r"you may also like|" + READ_ALSO_LABELS + r")\W*"
)
#: A site's, a section's or an author's box ("More from Harbour Times:"): a related box
#: after the article, but in its head a link between its byline and its dateline ("More
#: from Jane Doe"), over the article's own date
_MORE_FROM = re.compile(r"(?i)\W*more from \w[\w .'’-]{0,30}\W*")


@lru_cache(maxsize=1024)
def _related_label(s: str, head: bool = False) -> bool:
    """Whether the line ``s`` is a label of related articles (:data:`_RELATED`; after the
    article's first paragraph, ``head`` False, :data:`_MORE_FROM` too)."""
    return len(s) <= 40 and (
        _RELATED.fullmatch(s) is not None or (not head and _MORE_FROM.fullmatch(s) is not None)
    )


def related_label(s: str) -> bool:
    """Whether ``s`` is the label of a box of other articles ("More from Business", "Read
    also", :func:`_related_label`), which heads no page: a page's ``<title>``, ``<h1>`` or
    markdown heading that is one names a box the page's template put over its headline
    (s42 acc-regress D2)."""
    return _related_label(" ".join(s.split()))


#: A correction's label or verb just before a date ("Correction, November 10, 2026:", "This
#: article was corrected on ...", "Korrektur vom"), on lowercased text, no digit between;
#: not the noun in a name ("Department of Corrections, March 5, 2024", "Board for
#: Correction", "the Corrections Desk": a press release's dateline; s32 testers)
_CORRECTION = re.compile(
    correction_pattern(
        "clarifications?",
        "clarified",
        # (an editor's note on a change: "Editor's note, January 12, 2024: This article has
        # been updated ..."; s44 acc-genres G14)
        "editor['’]s note",
        "anmerkung der redaktion",
        "note de la rédaction",
        "nota del editor",
        "nota de la redacción",
    )
    + "[^0-9]{0,30}$"
)


def set_corrections_aside(
    cands: list[dict[str, Any]], page: Page
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """``cands`` without the dates of a correction notice (:data:`_CORRECTION` within 30
    characters before the date on its line), and those dates. A correction is made after the
    publication it corrects: its day is no publication date, and it is not let change the
    features of the page's other dates either (the latest date, the ranks of the dates by
    age, their count): a correction appended to an article swapped two near-tied dates, and
    an article's ``published`` changed between its versions when only its body had (s31
    acceptance, re-crawl #11: gizmodo.com 2019-11-13 -> 2019-11-18, vox.com 2018-05-23 ->
    2019-11-08)."""
    kept: list[dict[str, Any]] = []
    aside: list[dict[str, Any]] = []
    lines = page.lines
    for c in cands:
        i = c["line"]
        before = lines[i][: c["col"]][-45:] if 0 <= i < len(lines) else ""
        if before and not before[-1].isdigit() and _CORRECTION.search(before.lower()):
            aside.append(c)
        else:
            kept.append(c)
    return kept, aside


def corrections_scored(
    aside: list[dict[str, Any]], names: list[str], cue: str = "correction"
) -> list[dict[str, Any]]:
    """The dates :func:`set_corrections_aside` (or another such rule, named by ``cue``) set
    aside, as candidates that are never chosen: no features (``names``: the model's, all 0),
    their ``cue``, a score of -100 (the evidence stays in ``annotations.metadata.dates``)."""
    for c in aside:
        c.update(
            f=dict.fromkeys(names, 0.0),
            cue=cue,
            score=-100.0,
            in_para=False,
            alone=False,
            ctx=None,
            item=-1,
        )
    return aside


def aside_date(c: dict[str, Any]) -> bool:
    """Whether date candidate ``c`` is another text's: a quoted post's, a photo's or a
    related article's (as :func:`_features` marks it). Not a comment's: a thread's answer
    edited is the page changed, and the mark fell on an article's own "Aktualisiert: …"
    line over its comments' count (tagesanzeiger.ch; s45 readfix45's sesscmp check)."""
    return bool(c.get("social") or c.get("photo") or c.get("related"))


def _vetoed(cands: list[dict[str, Any]], day: date) -> bool:
    """Whether every mention of ``day`` follows words that make it no publication date
    (:data:`_NOT_PUBLICATION`; a publication cue other than a bare "on"/"am" outweighs
    them), or are the signatures of quoted posts (:data:`_SOCIAL_SIGNATURE`, marked
    ``social`` by :func:`_features`) or photo captions' dates (:func:`_photo_date`, marked
    ``photo``). Candidates without the context (HTML's markup dates)
    and those carrying the page's markup date are never vetoed (htmldate's answer is one
    when the page's structured data gives it too; else it may be the text's, ``text_read``)."""
    for c in cands:
        if c["date"] == day:
            if c.get("cue") == "htmldate" and not c.get("text_read"):
                return False  # (the page's markup date, whatever its line of text says)
            if aside_date(c) or c.get("comment") or c.get("in_force"):
                # (a quoted post's date, a photo's, a related article's, a comment's, a
                # law's entry into force)
                continue
            ctx = c.get("ctx")
            if ctx is None or not _cues(ctx)[7]:  # (in _cues' cache: _features read it)
                return False
    return True


def _related_runs(page: Page, rows: list[int]) -> set[int]:
    """The dated lines of ``rows`` (the page's, in order) in a list under a related
    articles' label ("Related stories:", "Lesen Sie auch"): the first right under it (its
    date, or its headline and then its date), and those after it at the first one's step
    from one to the next (up to :data:`_RUN_STEP` lines) with no paragraph between (the
    story's own date at its foot is none): each date another article's. A
    text article without a date of its own was dated by the first teaser of its related box
    (s39 acc-regress D18)."""
    found: set[int] = set()
    for k, i in enumerate(rows):
        if i in found:
            continue
        pk, prev = previous_item(page, i)
        head = i < page.body_line  # (above the article's first paragraph)
        if not (
            _related_label(prev, head) or (pk >= 1 and _related_label(page.items[pk - 1][1], head))
        ):
            continue
        found.add(i)
        step = 0
        for last, j in pairwise(rows[k:]):
            if (
                not (step or j - last <= _RUN_STEP)
                or (step and j - last != step)
                or any(map(_is_para, page.lines[last + 1 : j]))
            ):
                break  # (the box ends: another step, or the text goes on; its own date)
            step = j - last
            found.add(j)
    return found


def _features(
    cands: list[dict[str, Any]],
    page: Page,
    capture: date | None,
    title_line: int | None = None,
) -> None:
    """Attach the feature dict ``f`` (names in :data:`FEATURES`) to every candidate."""
    lines = page.lines
    n_all = len(lines)
    n_lines = max(1, n_all)
    main_start, main_end, body = page.main_start, page.main_end, page.body_line
    dates = [c["date"] for c in cands]
    # (dicts rather than Counters: for a few candidates a Counter's set-up is the cost)
    counts: dict[date, int] = {}
    per_line: dict[int, int] = {}
    for c in cands:
        counts[c["date"]] = counts.get(c["date"], 0) + 1
        per_line[c["line"]] = per_line.get(c["line"], 0) + 1
    rows = sorted(per_line)
    run_lines = {i for k, i in enumerate(rows) if _in_run(rows, k)} if len(rows) >= 3 else set()
    related_runs = _related_runs(page, rows)
    valid = [d for d in dates if not capture or d <= capture]
    latest = max(valid) if valid else None
    earliest = min(valid) if valid else None
    top = [
        c["date"]
        for c in cands
        if c["line"] <= main_start + 3 and (not capture or c["date"] <= capture)
    ]
    top_latest = max(top) if top else None
    first_date = dates[0] if dates else None
    distinct = sorted(set(valid), reverse=True)
    drank = {d: k for k, d in enumerate(distinct)}
    med = sorted(valid)[len(valid) // 2] if valid else None
    lines_with = sorted(c["line"] for c in cands)
    # (the last candidate line above the main block, the first below the title: bisection
    # of the sorted lines)
    k_main = bisect.bisect_left(lines_with, main_start)
    first_before_main = lines_with[k_main - 1] if k_main else -1
    first_after_title = -1
    if title_line is not None:
        k_title = bisect.bisect_right(lines_with, title_line)
        if k_title < len(lines_with):
            first_after_title = lines_with[k_title]
    items = page.items
    last_item = items[-1][0] if items else -1

    # per line (several dates share a line): word count, copyright sign, a byline word
    # within two lines
    line_facts: dict[int, tuple[int, bool, bool]] = {}
    n_cands_log = math.log1p(len(cands))
    log1p, log = math.log1p, math.log
    cjk = page.cjk
    has_title = title_line is not None
    tl = title_line if title_line is not None else 0
    for k, c in enumerate(cands):
        i = c["line"]
        line = lines[i] if 0 <= i < n_all else ""
        col = c["col"]
        before = line[:col]
        after = line[col + len(c["text"]) :]
        # the previous non-blank line (a short cue line above a date line)
        pk, prev = previous_item(page, i)
        # (the headline is no cue line: "Zeitung löscht umstrittenen Kommentar" over its
        # date gave it the cue "negative", a comment's, and the page no date; s41
        # acc-regress D3; the headline's line number, not its place among the non-blank
        # lines: a site's name and blank lines above it made them differ, s43 acc-read F1)
        head = pk >= 0 and page.item_lines[pk] == title_line
        ctx, prev_cue = cue_context(before, "" if head else prev)
        wk, strong, cue_pub, cue_upd, weak, event, neg_before, _ = _cues(ctx[-45:])
        if cue_pub and _CLOSED.search(ctx):
            cue_pub = strong = False  # ("Closing date:" names no publication by its "date")
        if not cue_upd and not cue_pub and (upd := _update_before_time(ctx)) is not None:
            # "Updated 2:10 p.m. ET Nov. 18, 2026": the update's cue before the date's time
            cue_upd, wk = True, wk or upd
        # (what may make it no publication date: :func:`_vetoed`, read only for the dates
        # that would be chosen)
        c["ctx"] = None if cue_pub and not weak else ctx[-45:]
        if "@" in before and _SOCIAL_SIGNATURE.search(before) and i != last_item:
            # a quoted post's signature, on a page that goes on below it (a post archived
            # alone ends with its signature: its date is the document's)
            c["social"] = True
        elif _photo_date(before, after):
            # a photo's date in its caption ("In this Nov. 27, 2013 file photo, ..."): the
            # day the picture was taken, not the page's
            c["photo"] = True
        elif not cue_pub and i in related_runs:
            # the teasers under a "Read also" / "Lesen Sie auch" / "Related articles" label
            # (:func:`_related_runs`): another article's date. (One of another list of dated
            # teasers is the list rule's: see :func:`choose`; a page whose only dates are a
            # list's keeps its best)
            c["related"] = True
        event = event or _EVENT_AFTER.match(after) is not None
        rng = _RANGE_AFTER.match(after) is not None or _range_before(before)
        cue_neg = neg_before or _neg_after(line[col : col + 60])
        if not strong and not cue_upd and _IN_FORCE_AFTER.match(after) is not None:
            # (the day a law comes into force, named after it: "Das Gesetz tritt am 1. Mai
            # 2025 in Kraft.", "2026年4月1日施行": no publication date, whatever "am" says
            # before it, and never chosen as one (see _vetoed); s48 acc-read F19)
            c["in_force"] = True
            cue_pub = False
        c["cue"] = (
            "updated"
            if cue_upd
            else "published"
            if cue_pub
            else "event"
            if event
            else "negative"
            if cue_neg
            else None
        )
        facts = line_facts.get(i)
        if facts is None:
            # (the byline search of lines i-2..i+2 lowercased, on their ASCII letters
            # lowercased: see _BYLINE_AFTER_F)
            lo = max(0, i - 2)
            near = _ascii_lower(" ".join(lines[lo : min(n_all, i + 3)]))
            # (the copyright sign on the line itself: its part of ``near``; the pattern's
            # characters, as _BYLINE_AFTER_F's, come from no other character by lowercasing)
            at = sum(map(len, lines[lo:i])) + i - lo
            facts = line_facts[i] = (
                n_words(line, cjk),
                _byline_near(near, _BYLINE_AFTER_F),
                bool(line) and _copyright_in(near, at, at + len(line)),
            )
        nw, byline, copyright = facts
        in_run = i in run_lines
        rest = line.replace(c["text"], " ")
        alone = _FOUR_WORDS.search(rest) is None
        d = c["date"]
        dense = bisect.bisect_right(lines_with, i + 3) - bisect.bisect_left(lines_with, i - 3) - 1
        gap = (latest - d).days if latest else 0
        mgap = abs((d - med).days) if med else 0
        # (_is_para(line), with the word count at hand)
        in_para = (
            nw >= 12 and (width if cjk else len)(ls := line.strip()) > 80 and ls[-1:] in _PARA_END
        )
        c["alone"] = alone
        c["in_para"] = in_para
        c["item"] = pk + 1  # (the date's line among the non-blank ones)
        form = c["form"]
        tm = c["time"]
        before_main = i < main_start
        # (1.0 if x else 0.0: float(x) is a call per feature)
        c["f"] = {
            "bias": 1.0,
            "first": 1.0 if k == 0 else 0.0,
            "rank_pos": log1p(k),
            "line_log": log1p(i),
            "line_rel": i / n_lines,
            "before_body": 1.0 if i < body else 0.0,
            "body_dist_log": log1p(max(0, body - i)),
            "after_body_dist_log": log1p(max(0, i - body)),
            "cue_pub": 1.0 if cue_pub else 0.0,
            "cue_upd": 1.0 if cue_upd else 0.0,
            "cue_neg": 1.0 if cue_neg else 0.0,
            "copyright": 1.0 if copyright else 0.0,
            "short_line": 1.0 if nw <= 8 else 0.0,
            "line_words_log": log1p(nw),
            "date_alone": 1.0 if alone else 0.0,
            "has_time": 1.0 if tm is not None else 0.0,
            "has_tz": 1.0 if tm and tm[1] else 0.0,
            "form_iso": 1.0 if form in ("iso", "cjk") else 0.0,
            "form_num": 1.0 if form == "num" else 0.0,
            "form_num2": 1.0 if form == "num2" else 0.0,
            "form_text": 1.0 if form in ("mdy", "dmy", "ymd_t") else 0.0,
            "form_rel": 1.0 if form == "relative" else 0.0,
            "ambiguous": 1.0 if c["alt"] is not None else 0.0,
            "count_log": log(counts[d]),
            "is_latest": 1.0 if d == latest else 0.0,
            "is_earliest": 1.0 if d == earliest and latest != earliest else 0.0,
            "latest_gap_log": log1p(max(0, gap)) / 5,
            "top_latest": 1.0 if d == top_latest else 0.0,
            "newer_than_first": 1.0 if first_date is not None and d > first_date else 0.0,
            "dense": min(dense, 6) / 6,
            "in_para": 1.0 if in_para else 0.0,
            "prev_line_cue": prev_cue * (1.0 if cue_pub or cue_upd else 0.0),
            "after_capture": 1.0 if capture and d > capture else 0.0,
            "year_ok": 1.0 if d.year >= 1995 else 0.0,
            "n_cands_log": n_cands_log,
            "same_as_first": 1.0 if first_date == d else 0.0,
            "title_dist": log1p(abs(i - tl)) if has_title else 2.0,
            "near_top3": 1.0 if has_title and 0 <= i - tl <= 6 else 0.0,
            "distinct_rank": min(drank.get(d, 9), 9) / 9,
            "median_gap_log": log1p(mgap) / 5,
            "before_main": 1.0 if before_main else 0.0,
            "main_dist_log": log1p(abs(main_start - i)) * (1 if before_main else -1),
            "after_main_end": 1.0 if i > main_end else 0.0,
            "in_main": 1.0 if main_start <= i <= main_end else 0.0,
            "first_before_main": 1.0 if i == first_before_main else 0.0,
            "weekday": 1.0 if wk else 0.0,
            "strong_pub": 1.0 if strong else 0.0,
            "weak_cue": 1.0 if weak else 0.0,
            "event_cue": 1.0 if event else 0.0,
            "n_in_line_log": log(per_line[i]),
            "range": 1.0 if rng else 0.0,
            "byline_near": 1.0 if byline else 0.0,
            "first_after_title": 1.0 if i == first_after_title else 0.0,
            "before_title": 1.0 if has_title and i < tl else 0.0,
            "in_sentence": 1.0 if nw > 12 and not alone else 0.0,
            "alone_before_main": 1.0 if alone and before_main else 0.0,
            "pub_before_main": 1.0 if cue_pub and i <= main_start + 2 else 0.0,
            "alone_top": 1.0 if alone and i <= main_start + 2 and k < 3 else 0.0,
            "strong_alone": 1.0 if strong and nw <= 12 else 0.0,
            "lower_before": 1.0 if _lower_before(before) and not weak and not strong else 0.0,
            "glued": 1.0 if before and before[-1:].isalnum() else 0.0,
            "upd_after_date": 1.0 if cue_upd and k > 0 and cands[k - 1]["line"] >= i - 2 else 0.0,
            "list_run": 1.0 if in_run else 0.0,
            "social_post": 1.0 if "@" in before and _SOCIAL_POST.search(before) else 0.0,
        }


#: A US time zone word (in capitals: "est" is Spanish, "et" French) or, on a page in
#: English, a dotted a.m./p.m. (AP style; :data:`_DOTTED_AM_PM`) near an ambiguous numeric
#: date: the page writes month first
_US_ORDER = re.compile(r"(?<![A-Za-z])(?:[ECMP][SD]T|[ECMP]T|AKST|AKDT|HST)(?![A-Za-z])")
_DOTTED_AM_PM = re.compile(r"\d\s?(?i:[ap]\.m\.)")
#: An undotted AM/PM after a clock time ("08:00 AM"): on a page in English whose order
#: nothing else decided, the US way of writing a date line (live-en-8's "Published
#: 06/12/2024, 08:00 AM"); weaker than :data:`_US_ORDER`, so it only breaks the tie
_CLOCK_AM_PM = re.compile(r"\d:\d\d\s?(?:AM|PM|am|pm)(?![A-Za-z])")
#: zones of day-first countries that write AM/PM too (India, Australia, the UK, Singapore,
#: New Zealand; Hong Kong, Pakistan, Nepal, Bangladesh, Malaysia, Indonesia, Thailand and
#: Vietnam, West, East and Central Africa, the Gulf, Europe's: "05/06/2024, 10:30 AM HKT"
#: is 5 June, read50 F5): beside one, the AM/PM says nothing of the order
_DAY_FIRST_ZONE = re.compile(
    r"(?<![A-Za-z])(?:IST|AE[SD]T|AC[SD]T|AW[SD]T|GMT|BST|SGT|NZ[SD]T|SAST|HKS?T|PKT|NPT|BDT"
    r"|MYT|WIB|WITA|WIT|ICT|WAT|EAT|CAT|GST|WES?T|EES?T|CES?T|MSK)(?![A-Za-z])"
)
#: A day-first region's time zone written out, or a UTC/GMT offset east of it up to +7 (the
#: Philippines, month-first, write +8; the US are west): "10:30 AM (Pakistan Standard
#: Time)", "5:30pm UK time", "10:30 AM UTC+5". A plain text declares no region as an HTML
#: page's ``lang`` does; its zone, spelled out, is the one thing in it that does. (A
#: dateline's or a headline's city is no sign: an American paper's "KARACHI, Pakistan
#: (AP) —" story writes month first; s50 read50 F5, R5)
_DAY_FIRST_ZONE_NAME = re.compile(
    r"(?i:\b(?:pakistan|india|indian|hong\s+kong|singapore|malaysian?|british|greenwich\s+mean"
    r"|irish|uk|u\.k\.|central\s+european|eastern\s+european|western\s+european|gulf|nepal"
    r"|bangladesh|moscow|indochina|western\s+indonesian?|west\s+african?|east\s+african?"
    r"|central\s+african?|south\s+african?|new\s+zealand|australian\s+(?:eastern|central|western)"
    r"|aest|sri\s+lanka)(?:\s+(?:standard|summer|daylight))?\s+time\b)"
    r"|(?<![A-Za-z])(?:UTC|GMT)\s?\+\s?0?[0-7](?:[:.]?[0-5]\d)?(?!\d)"
)
#: a US zone without standard/daylight (:data:`_US_ZONES`) among other words
_US_BARE_ZONE = re.compile(r"(?<![A-Za-z])([ECMP]T)(?![A-Za-z])")
#: how far around an ambiguous date :data:`_US_ORDER` looks (characters)
_US_ORDER_CHARS = 40
#: Top-level domains that say nothing of a country's date order (generic, or country codes
#: sold as generic names), and those of month-first countries (the US, the Philippines;
#: Canada writes both)
_TLD_NO_COUNTRY = frozenset(
    [
        "com",
        "org",
        "net",
        "info",
        "biz",
        "io",
        "co",
        "tv",
        "me",
        "ai",
        "ly",
        "fm",
        "ws",
        "cc",
        "to",
        "gg",
        "so",
        "sh",
        "ac",
        "am",
        "app",
        "news",
        "ca",
    ]
)
_TLD_MONTH_FIRST = frozenset(("us", "gov", "mil", "edu", "ph"))
#: The regions of a language tag ("en-GB", "en_IN") whose countries write the day first
#: and the time with AM/PM (the UK, Ireland, India, Australia, New Zealand, South Africa,
#: Singapore, Pakistan, Nigeria, Kenya, Malaysia, Hong Kong, Malta, Bangladesh, Sri Lanka,
#: Ghana)
_DAY_FIRST_REGIONS = frozenset(
    ["gb", "uk", "ie", "in", "au", "nz", "za", "sg", "pk", "ng", "ke", "my", "hk", "mt", "bd",
     "lk", "gh"]
)  # fmt: skip


def day_first_locale(tags: Iterable[str | None]) -> bool:
    """Whether one of a page's declared language tags (``<html lang>``, ``og:locale``, a
    ``Content-Language`` header, a dump's ``language`` field: "en-GB", "en_IN") names a
    region of :data:`_DAY_FIRST_REGIONS`: its "03/04/2026 5:30pm" is 3 April, whatever the
    AM/PM (:data:`_CLOCK_AM_PM`; a British page read month first, s50 acc-regress R5)."""
    for tag in tags:
        if tag and any(
            part in _DAY_FIRST_REGIONS for part in re.split(r"[-_]", tag.strip().lower())[1:]
        ):
            return True
    return False


#: Function words of English and of other languages written in Latin script (all of which
#: write the day first): a page with more of the others is not an English one
_EN_WORDS = frozenset(["the", "and", "of", "to", "is", "was", "for", "with", "that", "this"])
_OTHER_WORDS = frozenset(
    [
        "der",
        "die",
        "und",
        "das",
        "ist",
        "nicht",
        "le",
        "la",
        "les",
        "et",
        "des",
        "est",
        "une",
        "el",
        "los",
        "las",
        "y",
        "del",
        "que",
        "por",
        "il",
        "di",
        "che",
        "della",
        "het",
        "een",
        "van",
        "en",
        "ook",
        "och",
        "att",
        "ett",
        "og",
        "af",
        "jest",
        "nie",
        "się",
        "ve",
        "bir",
        "bu",
        "de",
        "da",
        "do",
        "em",
        "um",
        "uma",
        "para",
        "com",
        "não",
    ]
)


def _tld_order(url: str | None) -> str | None:
    """The day/month order of the country of ``url``'s domain: "dm" for a country code
    other than the month-first ones, "md" for those, None for a generic domain."""
    parts = _url_parts(url)
    if not parts or not parts[0]:
        return None
    tld = parts[0].rsplit(".", 1)[-1]
    if tld in _TLD_MONTH_FIRST:
        return "md"
    if len(tld) == 2 and tld.isalpha() and tld not in _TLD_NO_COUNTRY:
        return "dm"
    return None


def _function_words(lines: list[str]) -> tuple[int, int]:
    """How many of a page's words (in its first 200 lines) are English function words, and
    how many are other languages' (:data:`_EN_WORDS`, :data:`_OTHER_WORDS`)."""
    en = other = 0
    for w in _WORD.findall(" ".join(lines[:200]).lower()):
        if w in _EN_WORDS:
            en += 1
        elif w in _OTHER_WORDS:
            other += 1
    return en, other


def _not_english(lines: list[str]) -> bool:
    """Whether a page's function words are mostly not English ones (from its first 200
    lines): such a page writes the day first."""
    en, other = _function_words(lines)
    return other > 2 * en + 5


def _english(lines: list[str]) -> bool:
    """Whether a page's function words are mostly English ones: not only not mostly others'
    (a Spanish page whose first lines are its menus is neither, s49: eluniversal.com's
    "10/05/2022 05:22 pm")."""
    en, other = _function_words(lines)
    return en > 2 * other + 5


def _lazy_not_english(known: bool | None, lines: list[str]) -> bool:
    """``known`` if the page's language was read already, else :func:`_not_english`."""
    return _not_english(lines) if known is None else known


def _around(lines: list[str], c: dict[str, Any]) -> str:
    """The text of candidate ``c``'s line within :data:`_US_ORDER_CHARS` of it."""
    line: str = lines[c["line"]]
    col: int = c["col"]
    return line[max(0, col - _US_ORDER_CHARS) : col + len(c["text"]) + _US_ORDER_CHARS]


#: An ambiguous date's reading within this many days of a date the page writes
#: unambiguously, when the other reading is at least :data:`_FAR_DAYS` from all of them, is
#: the one meant (a UK story's "02/10/2020" beside "Sept. 29, 2020": 2 October)
_NEAR_DAYS = 7
_FAR_DAYS = 60


def _near_reading(dm: date, md: date, plain: set[date]) -> date | None:
    """The reading of an ambiguous date (``dm`` day first, ``md`` month first) that the
    page's unambiguous dates ``plain`` place: near one of them while the other is far from
    all, else None."""
    gap_dm = min(abs((dm - p).days) for p in plain)
    gap_md = min(abs((md - p).days) for p in plain)
    if gap_dm <= _NEAR_DAYS and gap_md >= _FAR_DAYS:
        return dm
    if gap_md <= _NEAR_DAYS and gap_dm >= _FAR_DAYS:
        return md
    return None


def resolve_ambiguous(
    cands: list[dict[str, Any]],
    capture: date | None,
    lines: list[str] | None = None,
    url: str | None = None,
    markup: frozenset[date] = frozenset(),
    day_first: bool = False,
) -> None:
    """d/m vs m/d ("03/04/2021"), each ambiguous candidate's ``date`` the reading taken,
    ``alt`` the other, ``order`` what decided: "capture" (the other reading is after it),
    "separator" (dots and dashes: day first), "url" (the page's address states one
    reading's day), "markup" (an HTML page's machine-readable date, ``markup``: JSON-LD,
    meta tags, is one reading), "us" (a US time zone or a dotted a.m./p.m. by the date; last, on a page in
    English that nothing else ordered, an "08:00 AM" with no day-first zone), "page" (the page's
    unambiguous dates: a numeric one with a day > 12, the same day written unambiguously,
    the order of its written dates), "country" (the domain's country code), "language" (a
    page not in English), else "undecided": day first, as most of the world writes (the
    confidence of such a choice is lowered, :func:`choose`). ``day_first``: the page
    declares a day-first region (:func:`day_first_locale`), and no "08:00 AM" orders it."""
    amb = [c for c in cands if c["alt"] is not None]
    if not amb:
        return
    pairs = [(c["date"], c["alt"]) for c in amb]
    url_day = _url_date(url) if url else None
    # (a URL's year and month: "/2024/03/" says March of "03/12/2024"; s36 acc-regress D3)
    url_month = _url_month(url) if url and url_day is None else None
    votes = {"dm": 0.0, "md": 0.0}
    plain: set[date] = set()
    for c in cands:
        if c["alt"] is not None:
            continue
        plain.add(c["date"])
        if c["form"] in ("num", "num2") and c["sep"] == "/":
            lead = re.match(r"\d+", c["text"])
            a = int(lead.group(0)) if lead else 0
            md = a <= 12 and c["date"].month == a and c["date"].day != a
            votes["md" if md else "dm"] += 1
        elif c["form"] == "mdy":
            votes["md"] += 0.5
        elif c["form"] == "dmy":
            votes["dm"] += 0.5
    # each date's own evidence first; what it decides counts as a vote for the others
    pending = []
    language: bool | None = None  # (the page not in English: read once, when needed)
    for c in amb:
        dm, md = c["date"], c["alt"]
        order = None
        if capture and dm > capture >= md:
            order, c["date"] = "capture", md
        elif capture and md > capture >= dm:
            order = "capture"
        elif c["sep"] != "/":
            order = "separator"
        elif url_day is not None and url_day in (dm, md):
            order, c["date"] = "url", url_day
        elif url_month is not None and ((dm.year, dm.month) == url_month) != (
            (md.year, md.month) == url_month
        ):
            order, c["date"] = "url", dm if (dm.year, dm.month) == url_month else md
        elif (dm in markup) != (md in markup):
            order, c["date"] = "markup", dm if dm in markup else md
        elif (
            lines is not None
            and 0 <= c["line"] < len(lines)
            and (
                _US_ORDER.search(around := _around(lines, c)) is not None
                # a dotted a.m./p.m. is Latin America's too, which writes the day first
                # ("Actualizado el 08/05/2022 02:14 a.m.", trome.pe: 8 May read as 5 August)
                or (
                    _DOTTED_AM_PM.search(around) is not None
                    and not (language := _lazy_not_english(language, lines))
                )
            )
        ):
            order, c["date"] = "us", md
        if order is None:
            pending.append(c)
            continue
        c["order"] = order
        if c["sep"] == "/" and order != "capture":
            votes["md" if c["date"] == md else "dm"] += 1
    country: str | None = None
    english: bool | None = None  # (the page mostly in English: read once, when needed)
    for c in pending:
        dm, md = c["date"], c["alt"]
        if (dm in plain) != (md in plain):
            c["order"], c["date"] = "page", dm if dm in plain else md
        elif plain and (near := _near_reading(dm, md, plain)) is not None:
            c["order"], c["date"] = "page", near
        elif votes["md"] != votes["dm"]:
            c["order"], c["date"] = "page", md if votes["md"] > votes["dm"] else dm
        else:
            if country is None:
                country = _tld_order(url) or ""
            if country:
                c["order"], c["date"] = "country", md if country == "md" else dm
            else:
                language = lines is not None and _lazy_not_english(language, lines)
                if language:
                    c["order"] = "language"
                elif (
                    lines is not None
                    and not day_first
                    and 0 <= c["line"] < len(lines)
                    and _CLOCK_AM_PM.search(around := _around(lines, c)) is not None
                    and _DAY_FIRST_ZONE.search(around) is None
                    and _DAY_FIRST_ZONE_NAME.search(around) is None
                    and (english if english is not None else (english := _english(lines)))
                ):
                    c["order"], c["date"] = "us", md
                else:
                    c["order"] = "undecided"
    for c, (dm, md) in zip(amb, pairs, strict=True):
        c["alt"] = md if c["date"] == dm else dm
        tm = c.get("time")
        # a US zone without standard/daylight ("9:15 AM ET") takes the offset of the day
        # read, not of the other reading's
        if (
            c["date"] != dm
            and tm
            and tm[1]
            and lines is not None
            and (z := _US_BARE_ZONE.search(_around(lines, c))) is not None
        ):
            c["time"] = (tm[0], _us_offset(z.group(1), c["date"]))


def order_evidence(c: dict[str, Any]) -> dict[str, str]:
    """An ambiguous numeric date's other reading and what decided its order (the evidence
    in ``annotations.metadata.dates``), or nothing."""
    alt = c.get("alt")
    if alt is None or c.get("order") is None:
        return {}
    return {"alternative": alt.isoformat(), "order": c["order"]}


def parse_capture(capture_date: str | None) -> date | None:
    """The day of an ISO-like capture timestamp (``2024-01-02T...``), or None."""
    if not capture_date:
        return None
    m = re.match(r"(\d{4})-?(\d\d)-?(\d\d)", capture_date.strip())
    if not m:
        return None
    return _mk(int(m.group(1)), int(m.group(2)), int(m.group(3)))


def iso_value(c: dict[str, Any]) -> str:
    """A candidate as ISO 8601 at the precision written: a date, or a date-time with its
    offset when the page gives a time with a zone (a time without a zone is no instant)."""
    d: date = c["date"]
    if c.get("time") and c["time"][1]:
        return f"{d.isoformat()}T{c['time'][0]}{c['time'][1]}"
    return d.isoformat()


def _to_the_second(cands: list[dict[str, Any]], idx: int, front: int) -> str:
    """The value of the chosen date ``cands[idx]``, or its text's front block's time of that
    day when the date has none (``front``: the block's lines): the time a reader's header or
    a front matter gives ("Published Time: 2022-05-04T05:01:53+00:00") is the page's own,
    to the second, and the story's "May 4, 2022" the same date; the record had kept the date
    alone (s42 acc-regress R4: 18 Jina records since their content's headline was preferred
    and the date line under it read)."""
    day = iso_value(cands[idx])
    if "T" in day:
        return day
    for c in cands:
        if c["line"] < front and (value := iso_value(c)).startswith(day + "T"):
            return value
    return day


def gather_dates(
    page: Page,
    capture: date | None,
    limit: int,
    at: datetime | None = None,
    url: str | None = None,
    markup: frozenset[date] = frozenset(),
    day_first: bool = False,
) -> list[dict[str, Any]]:
    """The page's dates, written and (with a capture date) relative, in text order, with
    ambiguous day/month orders resolved (``url``: the page's address, whose day or country
    may decide them; ``markup``: an HTML page's machine-readable dates; ``day_first``: its
    declared region writes the day first, :func:`day_first_locale`); at most ``limit``.
    ``at``: the capture's date-time (see :func:`find_relative`)."""
    cands = [dict(c) for c in page.dates()]  # resolve_ambiguous changes them
    if capture:
        cands += find_relative(page.lines, capture, at=at)
        if page.cjk:
            cands += find_cjk_yearless(page.lines, capture)
        cands.sort(key=lambda c: (c["line"], c["col"]))
    resolve_ambiguous(cands, capture, page.lines, url, markup, day_first)
    _croatian_listopad(cands, page.text)
    return cands[:limit]


#: Letters Croatian writes and Polish never does (č, š, đ), and letters of Polish and of Czech
#: that Croatian never writes (ą ę ł ń ś ź ż; ř ě ů)
_HR_LETTERS = frozenset("čšđČŠĐ")
_NOT_HR_LETTERS = frozenset("ąęłńśźżĄĘŁŃŚŹŻřěůŘĚŮ")
#: How many times Croatian's letters must outnumber Polish's and Czech's on a Croatian page
_HR_RATIO = 3
#: The month word whose month the language decides: Croatian "listopad(a)" is October, Polish
#: and Czech "listopad(a)" November (:data:`MONTHS` reads November)
_LISTOPAD = re.compile(r"(?i)listopad")


def _croatian_listopad(cands: list[dict[str, Any]], text: str) -> None:
    """Read "listopad(a)" as October in ``cands`` (in place) when the page's ``text`` reads
    Croatian: its letters of Croatian's that Polish never writes (č, š, đ) outnumber
    :data:`_HR_RATIO` times Polish's and Czech's own (ą ę ł ń ś ź ż, ř ě ů). Else the date stays November, Polish's
    and Czech's reading ("Opublikowano 21 listopada 2026" gave no date at all; s51
    acc-blogs B14). The metadata stage runs before the language stage: the text's letters
    are what it has of the page's language."""
    hits = [c for c in cands if c["date"].month == 11 and _LISTOPAD.search(c["text"])]
    if not hits:
        return
    # (by counts, not by presence: a Croatian story names "Łódź", "Dvořák" — one Polish or
    # Czech letter turned its October into November; Czech writes ř ě ů more often than
    # č š, Polish no č š at all; s52 acc-read F11)
    letters = Counter(text)
    hr = sum(letters[c] for c in _HR_LETTERS)
    if not hr or hr < _HR_RATIO * sum(letters[c] for c in _NOT_HR_LETTERS):
        return
    for c in hits:
        if (d := _mk(c["date"].year, 10, c["date"].day)) is not None:
            c["date"] = d


def rank_dates(
    page: Page,
    capture: date | None = None,
    title_line: int | None = None,
    model: str = "text",
    at: datetime | None = None,
    url: str | None = None,
    day_first: bool = False,
) -> list[dict[str, Any]]:
    """All candidate dates with features and a score (higher is better), in text order; a
    date after the capture (without one: after today, UTC) scores 100 less, and is never
    chosen (``day_first``: see :func:`gather_dates`)."""
    cands, aside = set_corrections_aside(
        gather_dates(page, capture, _MAX_CANDS, at, url, day_first=day_first), page
    )
    if not cands and model == "text":
        # no full date: one with a weekday and no year (its year from the page's years)
        cands = find_yearless(page, capture)[:_MAX_CANDS] or bare_month_day(page, capture)
    if not cands:
        return _in_order(cands, corrections_scored(aside, FEATURES))
    _features(cands, page, capture, title_line)
    if stamps := _glued_stamps(cands):
        # (a date glued in the same form to a date's year, "15/01/201614/01/2016", is a
        # theme's update stamp written on to its post's: one stamp line, whose first date
        # is scored as without the second (it was no longer the page's earliest date and
        # one of two on its line, and a date of the prose won: 2016-01-15 -> 2016-04-01,
        # s41 acc-regress R4). The others keep their features among all: a machine's ISO
        # stamp glued to the date the page shows is no such pair, and that date's count
        # among the others is what makes it win, nmb-media's and courgage-online's)
        alone = [dict(c) for c in cands if id(c) not in stamps.values()]
        _features(alone, page, capture, title_line)
        for c, a in zip([c for c in cands if id(c) not in stamps.values()], alone, strict=True):
            if id(c) in stamps:
                c["f"] = a["f"]
    # the feature dicts are built in FEATURES order (a test checks it)
    score = _scorer(model, "dates")
    last = reference_day(capture)
    for c in cands:
        s = score(list(c["f"].values()))
        if c["date"] > last and after_reference(c["date"], iso_value(c), capture, at):
            s -= 100.0  # a date after the capture (or today) cannot be the publication date
        if c["f"]["copyright"] and not c["f"]["date_alone"] and c["form"] != "iso":
            s -= 1.0
        c["score"] = s
    return _in_order(cands, corrections_scored(aside, FEATURES))


def _glued_stamps(cands: list[dict[str, Any]]) -> dict[int, int]:
    """The dates of ``cands`` (in text order) that another of the same form is written on to,
    a post's and its update's stamps ("15/01/201614/01/2016", "March 5, 2024March 6, 2024":
    :func:`_glued_dates`): {id of the first: id of the glued one}."""
    out: dict[int, int] = {}
    for a, b in pairwise(cands):
        if (
            a["line"] == b["line"]
            and b["col"] == a["col"] + len(a["text"])
            and a["text"][-1:].isdigit()
            and b["text"][:1].isalnum()
            and a["form"] == b["form"]
        ):
            out[id(a)] = id(b)
    return out


def _in_order(cands: list[dict[str, Any]], aside: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``cands`` and the dates set aside from them (:func:`set_corrections_aside`), in text
    order again."""
    if not aside:
        return cands
    return sorted(cands + aside, key=lambda c: (c["line"], c["col"]))


#: How near (non-blank lines) an uncued date stands to an update-cued one to be the date it
#: updates: the same date block ("By Jane Doe" / "March 14, 2024" / "Updated March 20, 2024")
_UPDATE_BLOCK_LINES = 2


def _publication_of_update(cands: list[dict[str, Any]], top: date) -> date | None:
    """The publication date of a page whose best date ``top`` is its update ("Updated",
    "Aktualisiert", "Stand", "Mis à jour" before it, and no publication cue): an earlier
    date (an update comes after what it updates) that a publication cue names ("Published",
    "Erstellt", "originally created"; not a bare "on" / "am", which prose uses for any
    date), or one without a cue in the update's date block (within
    :data:`_UPDATE_BLOCK_LINES` lines: a byline's date); neither in a paragraph nor in a
    list of dated teasers (a named one). None: ``top`` is no update, or the page names no publication
    date (an update-only page keeps its update date: on the dev text pages whose only dates
    are update-cued it was the publication date on 10 of 11)."""
    upd_lines: list[int] = []
    for c in cands:
        if c["date"] == top:
            f = c["f"]
            if f["cue_pub"] and not f["weak_cue"] and not f["cue_upd"]:
                return None  # (a publication cue names the top date too)
            if f["cue_upd"] and c["line"] >= 0:
                upd_lines.append(c["item"])
    if not upd_lines:
        return None
    best: tuple[float, date] | None = None
    for c in cands:
        d = c["date"]
        f = c["f"]
        if d == top or c["score"] < -50 or f["cue_upd"] or c.get("in_para"):
            continue
        if c["line"] < 0:
            # an HTML page's markup: its publication date (JSON-LD datePublished, a
            # publication meta tag) names it (s31 acceptance, re-crawl #4a: "Updated 5 hours
            # ago" won over article:published_time); a later one too: an update before the
            # publication is not this page's (vox.com: "Updated May 23rd, 2018" by a page of
            # November 2019)
            if f.get("st_agree") and (best is None or c["score"] > best[0]):
                best = (c["score"], d)
            continue
        if d > top:
            continue
        # (a publication cue outweighs a negative word after the date, "Published: 23. Juli
        # 2017 | Kommentare geschlossen", as in the candidate's ``cue``; a date line next to
        # the update's makes a "list" of three date lines with it)
        named = (f["cue_pub"] and not f["weak_cue"] and not f.get("list_run")) or bool(
            f.get("st_agree")
        )
        plain = not f["cue_neg"] and not f["event_cue"]
        block = plain and any(abs(c["item"] - k) <= _UPDATE_BLOCK_LINES for k in upd_lines)
        # a date alone on its line in the page's header (above its main block, or among its
        # first lines): the dateline the update updates, however far from it (AP's layout:
        # the date above the headline, the byline, the agency and a photo credit between it
        # and "Updated 7 hours ago"; s31 acceptance, re-crawl #4a)
        header = (
            plain
            and not f.get("list_run")
            and c.get("alone")
            and (f["before_main"] or f["alone_top"])
        )
        if (named or block or header) and (best is None or c["score"] > best[0]):
            best = (c["score"], d)
    return best[1] if best is not None else None


#: The highest confidence of a date whose day/month order nothing on the page decided
#: (:func:`resolve_ambiguous`): either reading may be the day
_UNDECIDED_ORDER = 0.5


#: The least score of a date outside the lists that takes a listed date's place in
#: :func:`choose` (the model's even odds); nor is one in running prose taken: a footer's
#: version number ("SeaMonkey 1.1.11", -1.4), a date a paragraph quotes ("w terminie ...
#: 20 października 2020", "am 18. Oktober 2021") is no better than the list's (on the dev
#: text pages 4 of the 6 dates it took so were wrong; a copyright line's date, a "negative"
#: cue, is a story's own: "© dpa-AFX | 07.11.2023 08:03")
_OWN_FLOOR = 0.0


def choose(cands: list[dict[str, Any]], lists: bool = False) -> tuple[int | None, float]:
    """Index of the best candidate (dates of one value pooled) and a 0..1 confidence:
    half the model's probability of the top score, half its margin over the runner-up (a
    lone date: its probability). ``lists``: a date only written as an item of a list of
    dated items loses to one written outside such lists (the text model; on the dev HTML
    pages it lost 3 right dates, 0.939 -> 0.933)."""
    if not cands:
        return None, 0.0
    best: dict[date, float] = {}
    for c in cands:
        best[c["date"]] = max(best.get(c["date"], -1e9), c["score"])
    order = sorted(best.items(), key=lambda kv: -kv[1])
    top_date, top = order[0]
    if top < -50:
        return None, 0.0
    listed = False
    if _vetoed(cands, top_date):
        # every mention of the best date is a comment's, a life's, a review's or an
        # event's: the best other date, or none
        order = [kv for kv in order if not _vetoed(cands, kv[0])]
        if any(c.get("comment") for c in cands if c["date"] == top_date):
            # the readers' comments' dates were the best: a date takes their place as one
            # takes a list's (_OWN_FLOOR), not one a paragraph quotes (dziennik.pl: "w
            # terminie ... 20 października 2020" under comments of 2021-05-05; s39
            # acc-regress D16)
            owned = {c["date"] for c in cands if c["score"] > _OWN_FLOOR and not c.get("in_para")}
            order = [kv for kv in order if kv[0] in owned]
        if not order or order[0][1] < -50:
            return None, 0.0
        top_date, top = order[0]
    if lists and all(c["f"].get("list_run") for c in cands if c["date"] == top_date):
        # every mention of the best date is an item of a list of dated items (related
        # articles, teasers, an archive, a table: :func:`_in_run`), another article's date:
        # the best date the page writes outside such lists, when it has one
        own: dict[date, float] = {}
        left = {kv[0] for kv in order}  # (not vetoed)
        for c in cands:
            d = c["date"]
            if (
                not c["f"].get("list_run")
                and d in left
                and c["score"] > own.get(d, _OWN_FLOOR)
                and not c.get("in_para")
            ):
                own[d] = c["score"]
        if own:
            d = max(own, key=own.__getitem__)
            order = [(d, own[d])] + [kv for kv in order if kv[0] != d]
            top_date, top = order[0]
            listed = True
    pub = _publication_of_update(cands, top_date)
    if pub is not None:
        # the top date is the page's update: the publication date it updates is chosen,
        # its margin taken over the page's other dates (the update explained)
        order = [(pub, best[pub])] + [kv for kv in order if kv[0] not in (pub, top_date)]
        top_date, top = order[0]
        listed = False
    same = [
        i
        for i, c in enumerate(cands)
        if c["date"] == top_date and not (listed and c["f"].get("list_run"))
    ]
    idx = max(
        same,
        key=lambda i: (cands[i]["score"], bool(cands[i].get("time") and cands[i]["time"][1]), -i),
    )
    p = 1 / (1 + math.exp(-max(-50.0, min(50.0, top))))
    if len(order) > 1:
        margin = 1 / (1 + math.exp(-max(-50.0, min(50.0, top - order[1][1]))))
        conf = p * 0.5 + margin * 0.5
    else:
        # a lone date has no runner-up to be ahead of: its own probability (an invented
        # runner-up 4 below gave every lone date a margin term of 0.98)
        conf = p
    if all(cands[i].get("order") == "undecided" for i in same):
        # "03/04/2021" and nothing on the page tells March 4 from April 3: a coin's toss
        conf = min(conf, _UNDECIDED_ORDER)
    return idx, round(conf, 3)


def _over_post(lines: list[str], i: int) -> bool:
    """Whether line ``i`` stands over a post's text: a paragraph (:func:`_is_para`) among
    the next two non-blank lines (a post's heading may come between)."""
    seen = 0
    for s in islice(lines, i + 1, None):
        if not s.strip():
            continue
        if _is_para(s):
            return True
        seen += 1
        if seen == 2:
            return False
    return False


def previous_item(page: Page, i: int) -> tuple[int, str]:
    """The non-blank line before line ``i`` of ``page``: its place among the non-blank
    lines (-1: none) and its text."""
    pk = bisect.bisect_left(page.item_lines, i) - 1
    return pk, page.items[pk][1] if pk >= 0 else ""


def cue_context(before: str, prev: str) -> tuple[str, float]:
    """What stands before a date as its cue (:func:`_cues` reads its last 45 characters),
    and 1.0 when that is the previous non-blank line ``prev``: the text ``before`` the date
    on its line, or, when there is none, a short line above it ("Published" over "4 March
    2025")."""
    if not before.strip() and prev and len(prev) < 40:
        return prev + " ", 1.0
    return before, 0.0


def post_stamps(lines: list[str], cands: list[dict[str, Any]]) -> list[int]:
    """The candidates (``cands``, on ``lines``) that are time stamps over some text, in text
    order: a date with its time alone on a line (the first of a line). A post's are over its
    text (:func:`_over_post`, which :func:`set_comments_aside` tests); a reader's comment of
    one short sentence is none."""
    stamps: dict[int, int] = {}  # line -> candidate
    for k, c in enumerate(cands):
        if (
            c["line"] >= 0
            and c.get("alone")
            and (c.get("time") or ("",))[0]
            and c["score"] > -50
            and c["line"] not in stamps
        ):
            stamps[c["line"]] = k
    return [stamps[i] for i in sorted(stamps)]


def set_comments_aside(lines: list[str], cands: list[dict[str, Any]]) -> list[int]:
    """Mark the dates of a comment section (:func:`.structures.comment_stamps`: "Comments"
    over them, "Reply" under them) as comments' dates, none the page's (:func:`_vetoed`):
    an article without a dateline was dated by its readers' first comment. The section is
    looked for among the time stamps over any text (:func:`post_stamps`): a comment of one
    short sentence ("About time.") is no paragraph, and its date was the page's (s39
    acc-regress D16). The posts' stamps left: those over a post's text (:func:`_over_post`;
    one walk over the candidates, filtered, where two walked them alike, review2 R3)."""
    every = post_stamps(lines, cands)
    comments = set(comment_stamps(lines, [cands[k]["line"] for k in every]))
    for c in cands:
        if c["line"] in comments:
            c["comment"] = True
    return [k for k in every if (i := cands[k]["line"]) not in comments and _over_post(lines, i)]


#: A comment section's word, in the languages of the blog platforms' templates
_COMMENT_WORDS = (
    r"(?:comments?|comentarios?|comentários?|kommentare?|commentaires?|"
    r"commenti|commento|reacties|reactie|komentarz[ey]?|komentarzy)"
)
#: A blog's comment section's heading with its count, "1 comentario:", "2 comentários:",
#: "12 comments:", "3 Kommentare:" (Blogger's), or a comment's header, its writer and the
#: verb, "Maribel dijo...", "Anônimo disse...", "Ray said…", "Anonyme a dit..."
_BLOG_COMMENT_HEAD = re.compile(
    r"(?i)\s*(?:\d+\s+" + _COMMENT_WORDS + r"\s*:"
    r"|\S.{0,60}?\s(?:said|dijo|disse|a\s+dit|schrieb|sagte|ha\s+detto|zei|napisał[a(]*\)?)"
    r"\s*(?:\.\.\.|…|:))\s*$"
)
#: How a line of :data:`_BLOG_COMMENT_HEAD` ends (its last alternatives, before ``\s*$``)
_BLOG_COMMENT_ENDS = (":", "…", "...")
#: How many non-blank lines under such a heading a comment's time stamp stands (the header,
#: the comment's text, its stamp)
_BLOG_COMMENT_REACH = 5


def blog_comments_aside(lines: list[str], cands: list[dict[str, Any]]) -> None:
    """Mark as comments' (``comment``, in place) the dates with a time alone on a line
    (``alone``) among the :data:`_BLOG_COMMENT_REACH` non-blank lines under a blog's
    comment heading or comment header (:data:`_BLOG_COMMENT_HEAD`). A single comment is no
    run of stamps that :func:`set_comments_aside` tells: Blogger's one comment's "10 de
    noviembre de 2026, 19:45" outranked the post's date header (s51 acc-blogs B13). (With
    a time only: a blog's front page shows the next post's date header, a day without a
    time, a few lines under the previous post's "3 comments:")"""
    stamps = {
        c["line"]
        for c in cands
        if c.get("alone") and c["line"] >= 0 and (c.get("time") or ("",))[0]
    }
    if not stamps:
        return
    last = max(stamps)
    marked: set[int] = set()
    for h in range(last):
        # (a heading ends with its colon or its ellipsis, the white space after it aside: the
        # pattern's lazy "… said" part is tried only on such a line, not at every length of
        # every line above the last stamp)
        if not lines[h].rstrip().endswith(_BLOG_COMMENT_ENDS) or not _BLOG_COMMENT_HEAD.match(
            lines[h]
        ):
            continue
        seen = 0
        for j in range(h + 1, last + 1):
            if not lines[j].strip():
                continue
            seen += 1
            if seen > _BLOG_COMMENT_REACH:
                break
            if j in stamps:
                marked.add(j)
    for c in cands:
        if c["line"] in marked:
            c["comment"] = True


def live_start(cands: list[dict[str, Any]], stamps: list[int], idx: int | None) -> int | None:
    """The candidate of a live blog's first post, when the chosen one (``idx``) is one of
    its posts' time stamps: three or more posts' time stamps (``stamps``, of ``cands``:
    :func:`post_stamps`, no comment section's) that run one way in time (newest first, as
    live blogs show them, or oldest first). A live blog's publication is when it began;
    without a dateline of the page's own the ranker took the newest post's stamp, the
    page's first date (a three-day blog dated its last day; s36 acc-types #12). None: no
    live blog (its first post's time is then no dateline to take out of the text, but its
    post's, as the other posts' times are)."""
    if (
        idx is None
        or not cands[idx].get("alone")
        or len(stamps) < LIVE_POSTS
        or cands[idx]["line"] not in {cands[k]["line"] for k in stamps}
    ):
        return None
    times = [(cands[k]["date"], cands[k]["time"][0]) for k in stamps]
    if all(a > b for a, b in pairwise(times)):
        return stamps[-1]
    if all(a < b for a, b in pairwise(times)):
        return stamps[0]
    return None


def choose_posted(
    lines: list[str], cands: list[dict[str, Any]], lists: bool = False
) -> tuple[int | None, float, int | None]:
    """:func:`choose` on a page of posts: a comment section's dates set aside
    (:func:`set_comments_aside`), a live blog dated by its first post (:func:`live_start`).
    The chosen candidate, its confidence, and the live blog's first post (None: no live
    blog's)."""
    blog_comments_aside(lines, cands)
    stamps = set_comments_aside(lines, cands)
    idx, conf = choose(cands, lists=lists)
    live = live_start(cands, stamps, idx)
    return (idx if live is None else live), conf, live


# ------------------------------------------------------------------------- titles ----
#: The furniture words that name a page of their own, which they head ("Über uns")
_PAGE_NAMES = frozenset((
    "about", "about us", "über uns", "contact", "kontakt", "impressum", "datenschutz",
    "newsletter", "cookie", "cookies", "à propos", "qui sommes-nous", "acerca de",
    "quiénes somos", "chi siamo", "sobre", "sobre nós", "over ons", "o nas", "om oss", "om os",
    "o nás", "о нас", "contacto", "contatti", "contato", "contacteer ons", "kontakty", "контакты",
))  # fmt: skip
_FURNITURE = re.compile(
    r"^(share|share this|advertisement|anzeige|werbung|listen live|get short url|menu|menü|home|"
    r"startseite|search|suche|subscribe|abonnieren|you may also like|related|related articles|"
    r"read more|weiterlesen|mehr|comments?|kommentare|sign in|log ?in|anmelden|skip to (main )?content|"
    r"zum inhalt springen|navigation|toggle navigation|close|schließen|print|drucken|e-?mail|"
    r"facebook|twitter|whatsapp|linkedin|pinterest|tweet|teilen|"
    r"accept|akzeptieren|top|next|previous|back|"
    # the same navigation in other languages (fr, es, it, pt, nl, pl, sv, da, cs, ru)
    r"accueil|inicio|portada|página inicial|início|pagina iniziale|hoofdpagina|strona główna|"
    r"hem|forside|úvod|главная|rechercher|recherche|buscar|búsqueda|cerca|pesquisar|"
    r"zoeken|szukaj|sök|søg|hledat|поиск|partager|compartir|condividi|compartilhar|delen|"
    r"udostępnij|dela|del|sdílet|поделиться|publicité|publicidad|pubblicità|publicidade|"
    r"reclame|advertentie|reklama|annons|annonce|реклама|connexion|se connecter|"
    r"iniciar sesión|accedi|entrar|inloggen|zaloguj( się)?|logga in|log ind|přihlásit|войти|"
    r"s'abonner|abonnez-vous|suscríbete|suscribirse|abbonati|assine|abonneren|subskrybuj|"
    r"prenumerera|abonnér|odebírat|подписаться|lire la suite|leer más|"
    r"leggi tutto|leia mais|lees meer|czytaj (więcej|dalej)|läs mer|læs mere|číst dál|"
    r"читать далее|commentaires|comentarios|commenti|comentários|reacties|komentarze|"
    r"kommentarer|komentáře|комментарии|fermer|cerrar|chiudi|fechar|sluiten|zamknij|stäng|"
    r"luk|zavřít|закрыть|imprimer|imprimir|stampa|afdrukken|drukuj|skriv ut|tisk|печать|"
    # (the names of pages of their own, which they head: :data:`_PAGE_NAMES`)
    + alternation(_PAGE_NAMES)
    + r")\W*$",
    re.I,
)
#: Byline words of languages beyond western Europe's, before the names: Indonesian and
#: Malay, Turkish, Russian and Ukrainian, Finnish, Hungarian, Vietnamese, Greek, Arabic,
#: Persian, Hebrew, Hindi, Thai (each "by", "author", "written by", "reporter" as pages
#: write it; Greek's "by" is the genitive article, "Του Γιώργου Παπαδόπουλου", "Της Μαρίας
#: ...": s38 acceptance test #6, before two words at least: "Της Ημέρας", "of the day", is
#: a menu's item; two words of letters, the first no saint's: a feast day, "Του Αγίου
#: Πνεύματος", a date, "Της 25ης Μαρτίου", are a heading's; s39 acc-read F8. No colon nor
#: bar in it: the pattern is read without its colons, and split at its bars, below)
_GREEK_NAMES = r"(?=\s+(?![αά]γ[ιί])[^\W\d_]+\s+[^\W\d_])"
_BYLINE_MORE = (
    r"oleh|penulis:?|pewarta:?|wartawan:?|reporter(?=:)|yazan:?|yazar:?|muhabir:?|haber:?|автор:?|авторы:?|текст:?|"
    r"kirjoittaja:?|szerző:?|írta:?|tác giả:?|συντάκτης:?|"
    rf"του{_GREEK_NAMES}|της{_GREEK_NAMES}|"
    r"بقلم|كتب|كتبه|كتبت|الكاتب:?|الكاتبة:?|نویسنده:?|خبرنگار:?|מאת|כתב:|"
    r"लेखक:?|रिपोर्ट:?|โดย|"
    # (Thai's "writer", Bengali's "writer" and "reporter"; s50 acc-scripts N7)
    r"ผู้เขียน:?|লেখক:?|প্রতিবেদক:?"
)
#: Byline labels of scripts that put no space after their colon (Chinese, Japanese: "作者：王明",
#: "记者 李华"; "文／" a writer's credit)
_BYLINE_CJK = r"(?:作者|记者|記者|筆者|著者|撰文|文)\s*[:：/／]\s*|(?:记者|記者)\s+"
#: A genre's label before a byline's "von": German opinion pieces' "Ein Kommentar von NAME"
#: (s36 acc-types #6), "Eine Analyse von", "Ein Gastbeitrag von"; with its article only:
#: "Kommentar von NAME — 2019-01-01 @ 00:39" heads a reader's comment (WordPress)
_BYLINE_GENRES = (
    r"ein\s+kommentar|ein\s+gastbeitrag|ein\s+beitrag|eine\s+analyse|eine\s+kolumne|"
    r"eine\s+glosse|"
    # a podcast's or a show's host, an interview's interviewer: the piece's author ("Presented
    # by Anna Kowalski" was a podcast's title, its host no author; s36 acc-types #8, #11)
    r"presented|hosted|propos\s+recueillis"
)
#: A genre's noun with no article, which heads no reader's comment, and the agent's word
#: after it: an obituary's "Nachruf von NAME", a review's "Review by NAME", "Analysis by",
#: "Recipe by", "Words by" (s49 acc-service S5: no author taken). Only the word that means
#: "by" alone: "Critique de Dune", "Crítica de Oppenheimer", "Recensione di Barbie" are a
#: review's headline, the work's name after "of" (its title was taken for the author;
#: read50 F1). Each alternative one word of :func:`_by_first_letter`'s (no "|" inside).
_BYLINE_GENRE_AGENTS = (
    r"nachruf\s+von|rezension\s+von|reportage\s+von|obituary\s+by|review\s+by|"
    r"analysis\s+by|recipe\s+by|words\s+by|nécrologie\s+par|critique\s+par|reseña\s+por|"
    r"crítica\s+por"
)
_BYLINE = re.compile(
    r"^\s*(?:(?:(?:written|posted|reported|text|story|photos?|" + _BYLINE_GENRES + r")\s+)?"
    r"(?:" + _BYLINE_GENRE_AGENTS + r"|by|von|par|por|di|door|av|de|"
    r"af|autor(?:in)?:?|author:?|auteur:?|text:?|written by:?|" + _BYLINE_MORE + r")(?<!:):?\s+"
    r"|" + _BYLINE_CJK + r")(?P<names>[^\d].*)$",
    re.I,
)
#: A photo's credit, which reads like a byline ("Photo by Jason Kempin/Getty Images",
#: "Photos de Bavière")
_PHOTO_CREDIT = re.compile(r"(?i)\s*(?:photo|foto|bild)s?\b")
#: One word and a colon after a byline word: a form's label ("Text Input:"), not a name
_LABEL_WORD = re.compile(r"\S+:\s*$")
_BYLINE_START = re.compile(
    r"(?im)^(?:(?:written|posted|reported|text|story|photos?|" + _BYLINE_GENRES + r")\s+)?"
    r"(?:" + _BYLINE_GENRE_AGENTS + r"|by|von|par|por|di|door|av|"
    r"de|af|autor(?:in)?|author|auteur|text|written|"
    + _BYLINE_MORE.replace(":?", "").replace(":", "")
    + r"|作者|记者|記者|筆者|著者|撰文|文)(?!\w)"
)
_CLOSERS = CLOSING_MARKS
#: A line's sentence end, its closing marks after it: the stages' one list of sentence ends
#: (:data:`SENTENCE_MARKS`, as :data:`_ENDERS`; the Chinese/Japanese "。！？" and the
#: Armenian "։" ended a sentence for one test and not for the other: s47 read F12)
_SENT_END = re.compile("[" + re.escape(SENTENCE_MARKS) + "][" + re.escape(_CLOSERS) + "]*$")


#: What ends a sentence (tested on the line without closing quotes; a set lookup rather than
#: ``_SENT_END``: this runs on every line)
_ENDERS = frozenset(SENTENCE_MARKS)


_PAREN_NUM = re.compile(r"\(\d+\)$")
#: A line that is a markdown heading ("# Headline", "##  Headline ##") or is all emphasised
#: ("**Headline**", "__Headline__", "*Headline*"), its text in ``h`` or ``b``: markdown that
#: the boilerplate stage did not render (it knows markdown by its links; html2text
#: --ignore-links and hand-written notes have none) showed its markup in the title ("# New
#: York State Attorney General investigating WeWork": the dev pages so rendered, titles
#: aeb / trafeval / htmldate 0.034 / 0.066 / 0.077 -> 0.843 / 0.721 / 0.753)
#: (matched on the line without its trailing spaces, a heading's closing hashes then cut by
#: ``_markup_text``: a lazy heading text before ``(?:[ \t]+#+)?[ \t]*$`` scanned a run of
#: spaces from each of its positions, 2.2 s for "# x" and 20,000 spaces; s35 acc-read #8)
_MARKUP_LINE = re.compile(
    r"#{1,6}[ \t]+(?P<h>\S.*)|(?P<e>\*\*|__|\*|_)(?P<b>[^\s*_](?:[^*_]*[^\s*_])?)(?P=e)"
)


def _markup_text(s: str) -> str | None:
    """The text of ``s`` when it is a markdown heading or all emphasised (``_MARKUP_LINE``),
    else None."""
    m = _MARKUP_LINE.fullmatch(s.rstrip(" \t"))
    if m is None:
        return None
    if (h := m["h"]) is None:
        return m["b"]
    bare = h.rstrip("#")  # "##  Headline ##": the closing hashes, after a space, are markup
    return bare.rstrip(" \t") if bare != h and bare[-1:] in (" ", "\t") else h


_NEVER_TITLE_START = re.compile(
    r"(?i)\s*(?:©|\(c\)\s|copyright\b|you are here\b"
    # a call to action that opens a short line: "Sign in to your account", "Subscribe to
    # our newsletter", "Copy article link", "Click here to …"
    r"|(?:sign (?:in|up)|log ?in|subscribe to|copy (?:the |article )?link|click here)\b"
    r"(?=.{0,40}$)"
    # ... or a box that offers more of the site: "Click here for more articles on X",
    # "Get breaking news alerts from The Washington Post", "Never miss a story from X" (a
    # promotion above or beside the headline, taken for it on pages of session 42's tuning
    # set); a short line only
    r"|(?:click here for more|get (?:(?:breaking|the|latest|daily|free|e-?mail|news|our) ){0,3}"
    r"(?:alerts|updates|newsletters?) (?:from|on|about|for)|never miss (?:a|an|another)"
    r" (?:story|post|article|update))\b(?=.{0,60}$)"
    # a post's filing label and its tag: "Filed to: donald trump", "Filed under: Politics"
    # (a blog's tag line has one tag as often as several)
    r"|filed (?:to|under)\s*:(?=.{0,60}$)"
    # ... or is one whole: a button's "Apply now", "Book today", "Share this article"
    # (the title of a page without one, on the text and the HTML path; s38 acc-regress R4, D9)
    r"|(?:apply|book|buy|order|register|donate|download|subscribe|join|shop|listen|watch"
    r"|read|learn|find out|get started|see|view) (?:now|today|here|online|more)\W*$"
    r"|share (?:this|the) (?:article|story|page|post|video)\W*$"
    # a job ad's or a listing's field, its label, a colon and a short value: "Salary:
    # £30,000 per annum", "Closing date: 31 March", "Location: Leeds"; a value of more
    # words and no figure is a headline's ("Pay: Nurses in Scotland vote to accept new
    # offer"; s39 acc-read F7), nor one that says what pay is (s40 acc-read F17): it opens
    # with a word of pay on its own or before pay's nouns ("Salary: Competitive salary plus
    # excellent benefits package", "Negotiable depending on experience", "Competitive,
    # DOE") or ends with a pay phrase ("... per annum"); not a headline with such a word:
    # "Pay: Competitive pressures push up wages", "Location: Doe Run smelter to close"
    # (s41 acc-read F7); nor one that asks a question, a headline's ("Salary: What Nurses
    # Earn Across Europe" was no title; s42 acc-regress D1)
    r"|(?:salary|pay|wage|gehalt|salaire|salario|stipendio|salário|salaris|closing date"
    r"|deadline|start date|contract(?: type)?|job type|hours|location|reference|price"
    r"|preis|prix|precio|prezzo)\s*:(?=.{0,60}$)"
    r"(?!\s*(?:what|how|why|where|who|which|was|wie|warum|wer|comment|pourquoi|combien"
    r"|qué|cómo|cuánto|dónde|quién)\b)"
    r"(?=.*\d|\s*(?:\S+\s+){0,4}\S*\s*$"
    r"|\s*(?:(?:very|highly|extremely|sehr|très|muy|molto)\s+)?(?:competitive|negotiable"
    r"|attractive|attraktive?s?|à négocier|négociable|negociable|negoziabile)"
    r"(?=\s*(?:[^\w\s]|$)|\s+(?:salary|pay|package|rates?|remuneration|plus|and|with"
    r"|benefits?|per|depending|doe|ote|vergütung|gehalt|salaire|salario|stipendio)\b)"
    r"|.*\b(?:pro rata|per (?:annum|year|month|week|day|hour)|depending on (?:experience"
    r"|qualifications)|benefits? package|negotiable|verhandlungsbasis|nach vereinbarung"
    r"|attraktive?s? vergütung|à négocier|selon profil)\W*$)"
    # a form's button as a text browser renders it: lynx's "(BUTTON) Add to basket" (a
    # product page's title; s36 acc-types #14), w3m's "[Submit]"
    r"|\((?:button|submit)\)|\[(?:button|submit|search)\]"
    # a skip link of a page's accessibility menu ("Saltar al contenido principal",
    # "Перейти к основному содержанию"), glued to the next in a text browser's rendering
    # ("Saltar al contenido principalIr al menú": the title of pages whose main block the
    # reader missed; s46 acc-data D4)
    # (each with its target: "Jump to conclusions: …", "Перейти к цифре: …" are headlines;
    # s46 midrev M2)
    r"|(?:skip|jump) to (?:the )?(?:main )?(?:content|navigation|menu|search|footer|article)"
    r"|(?:direkt )?zum (?:haupt)?(?:inhalt|menü|navigation|suche"
    r"|seitenanfang)|aller (?:au|à la|aux) (?:contenu|menu|recherche|pied)|(?:saltar|ir) al?"
    r" (?:contenido|menú|buscador|pie)|перейти к (?:основному )?(?:содержанию|содержимому"
    r"|контенту|меню|навигации|поиску)|vai al(?:la)? (?:contenuto|menu|navigazione)"
    r"|ga (?:direct )?naar (?:de )?(?:inhoud|hoofdinhoud|menu|navigatie)|przejdź do"
    r" (?:treści|menu|nawigacji|wyszukiwarki)|pular para (?:o )?(?:conteúdo|menu)"
    r"|ir para o conteúdo"
    # ... or a wiki's jump links, the label and a colon: MediaWiki's "Jump to: navigation,
    # search", "Wechseln zu: Navigation, Suche", "Aller à : navigation, rechercher" (the
    # title of a wiki page whose headline the ranker missed; s49 sesscmp, dev
    # stardewvalleywiki)
    r"|(?:jump to|skip to|wechseln zu|springe zu|aller à|saltar a|ir a|vai a|ga naar|ir para"
    r"|przejdź do|перейти к)\s*:\s*(?:navigation|navegaci[óo]n|navega[çc][ãa]o|navigazione"
    r"|navigatie|nawigacj[ia]|навигаци[ия]|search|suche|recherche|rechercher|b[úu]squeda"
    r"|ricerca|zoeken|pesquisa|wyszukiwani[ae]|поиск[уа]?|content|inhalt|contenu|contenido"
    r"|contenuto|inhoud|conteúdo|menu|menü|menú)\b(?=.{0,50}$)"
    # ... or a page's tool to send or print it: "Send this page to someone via email",
    # "Email this page", "Print this page", "Diese Seite drucken", "Envoyer cette page"
    # (a video page's share button took the title when its headline was vetoed; s49
    # sesscmp, dev htmldate 1684405920)
    # (the tool's words make the whole line, a recipient or a channel after them at most:
    # "Print this page, says the court" is no button)
    r"|(?:(?:send|e-?mail|print|share|forward|recommend) this page(?:\s+(?:to|via|by|with)\s"
    r"[^,.;:]{1,40})?|(?:diese )?seite (?:per e-?mail )?(?:senden|versenden|drucken"
    r"|weiterempfehlen|teilen)|(?:envoyer|imprimer|partager) cette page|(?:enviar|imprimir"
    r"|compartir) esta página|(?:invia|stampa|condividi) questa pagina|(?:print|mail|deel"
    r"|verstuur) deze pagina|deze pagina (?:printen|afdrukken|mailen|versturen|delen)"
    r"|(?:drukuj|wyślij|udostępnij) (?:tę )?stronę|(?:распечатать|отправить) (?:эту )?страницу)"
    r"(?:\s+(?:per|par|por|via|by) e-?mail)?\W*$"
    # a table's or a figure's numbered caption, lynx's "CAPTION:" before one, a numbered
    # reference ("Table 1: Biggest rent rises, 2023–2024", "[1] Home Office, Crime
    # outcomes ..." were titles of data stories; s46 acc-data D5)
    # (the caption's nouns those of the boilerplate stage's captions, numbered only: an
    # unnumbered "Chart: How rents rose" or "Map: Where the fires are burning" is a data
    # story's headline, as its "Source: …" line is the boilerplate stage's label alone; s47
    # read F12)
    r"|caption:|(?:" + CAPTION_NOUNS + r")\s*\d+[a-z]?\s*[:.–—-]"
    r"|\[\d+\]\s"
    # a link back to the page's top, the whole line: "Nach oben", "Back to top ↑", "Retour
    # en haut de page" (the title of a page whose headline was vetoed; s49 acc-regress R8,
    # kinds k109)
    r"|(?:[↑▲^]\s*)?(?:(?:zurück )?nach oben|back to (?:the )?top|to the top|top of (?:the )?page"
    r"|zum seitenanfang|retour en haut(?: de (?:la )?page)?|haut de (?:la )?page|volver arriba"
    r"|ir arriba|torna su|torna all'inizio|(?:terug )?naar boven|voltar ao topo|наверх"
    r"|do góry|na górę)\s*[↑▲^]?\W*$"
    # a template's placeholder its page left unfilled: "{{nrcoTitle}}" (s49 acc-regress R8,
    # held-out w3m 64257c)
    r"|\{\{[^{}]*\}\})"
)
#: A timeline's entry: a date (a year, its month and day before it at most: :func:`_timeline_entry`),
#: a colon or a dash, a sentence with its full stop ("Juni 2022: Das 9-Euro-Ticket startet
#: für drei Monate.", "1998 — The first plan is published."; s46 acc-data D5)
_TIMELINE_ENTRY = re.compile(
    r"((?:\d{1,2}\.?\s+)?(?:[^\W\d_]+\.?\s+){0,2})(?:1[6-9]|20)\d\d\s*(?::|\s[–—-])\s+\S.{8,}\.$"
)


def _timeline_entry(s: str) -> bool:
    """Whether ``s`` is a timeline's entry (:data:`_TIMELINE_ENTRY`): the words before its
    year a month's or a day's only ("Euro 2024: England beat Spain in final." is a
    headline; s46 midrev M1)."""
    m = _TIMELINE_ENTRY.match(s)
    return m is not None and all(
        w.rstrip(".").isdigit() or w.rstrip(".").lower() in MONTHS for w in m.group(1).split()
    )


#: A job ad's or a documentation page's button, or a shop's banner of its terms, on a
#: lowercased line of at most 80 characters (no "(?i)", no leading space: re tests the first
#: character against the branches' first letters, ~0.05 µs for a line that opens otherwise;
#: in :data:`_NEVER_TITLE_START` they cost every line 0.18 µs)
_BUTTON_OR_TERMS = re.compile(
    # a job ad's, a documentation page's: "Apply for this job", "Jetzt bewerben",
    # "Postuler", "Edit on GitHub", "Edit this page", "View page source" (the titles of
    # their text forms, the <h1> just above or below; s42 acc-pages F5)
    r"(?:apply (?:for|to) (?:this|the) (?:job|position|role|vacancy)|(?:jetzt )?bewerben"
    r"|postuler(?: maintenant| à cette offre)?|(?:edit|view|improve|suggest edits?)(?: (?:this|the)"
    r" page)?(?: on (?:github|gitlab|bitbucket|codeberg))?|view (?:page )?source)\W*$"
    # a shop's banner of its terms: "Free shipping on orders over $75 · 60-day returns",
    # "Kostenloser Versand ab 39 € · …", "Voor 22:00 besteld, morgen in huis" (the text
    # form's title of its listings and products; s42 acc-pages F5): an offer with its sum
    # ("on orders over $75", "ab 39 €") where the line ends or a term's separator follows,
    # or its hour. A headline on the offer goes on after a figure: "Free returns cost
    # retailers $550 billion a year", "Kostenloser Versand ab 2025 nicht mehr bei …" (s43
    # acc-read F5)
    r"|(?:free (?:shipping|delivery|returns)|kostenlose[rn]? (?:versand|lieferung)"
    r"|versandkostenfrei|gratis (?:verzending|bezorging)|livraison (?:gratuite|offerte)"
    r"|env[íi]o gratis|spedizione gratuita)"
    r"(?:\s*[·•|]|(?:\s+(?:on|for|auf|für|sur|op|su|en|per)\s+(?:all\s+|alle\s+)?\w+)?"
    r"(?:\s+(?:over|above|from|ab|über|à partir de|dès|vanaf|boven|desde|a partir de|da|oltre))?"
    r"\s+(?:[$£€]\s?\d[\d.,]*|\d[\d.,]*\s?(?:[$£€]|(?:eur|euro|chf)\b))\s*(?:$|[·•|,+–—-]))"
    r"|(?:voor|vóór|vor|order (?:by|before)|bestellen bis) \d{1,2}(?:[:.]\d\d\s*(?:uhr|uur|am|pm)?"
    r"|\s*(?:uhr|uur|am|pm))\W+(?:\w+\W+){0,3}(?:besteld|bestellt|deliver\w*|dispatch\w*"
    r"|geliefert|versandt|verzonden|morgen|tomorrow)\b(?=.{0,60}$)"
    # a shop's footer of its payment: the methods it takes, listed under their label
    # ("Zahlungsarten: PayPal, Klarna, Kreditkarte, Vorkasse", "We accept Visa, Mastercard
    # and PayPal"; a headline on them names no method first after it), its secure
    # payment in per cent ("Paiement 100 % sécurisé"); in a text form whose story is found
    # late, it outscored the product's name and, standing after the story, left the page
    # no title (s42 acc-pages, w3m and lynx)
    r"|(?:zahlungs(?:arten|methoden|möglichkeiten)|payment (?:methods|options)|we accept"
    r"|wir akzeptieren|(?:moyens|modes) de paiement|betaalmethoden|metodi di pagamento"
    r"|m[ée]todos de pago|formas de pago)\s*:?\s*(?:paypal|visa|mastercard|klarna|amex"
    r"|american express|apple pay|google pay|sofort|ideal|bancontact|kreditkarte|vorkasse"
    r"|carte bancaire|bizum)(?:\s*[,·|/]|\s(?:and|und|et|e|y|en|or|oder|ou)\s)"
    r"|(?:100\s*%\s*(?:secure (?:payment|checkout)|sichere (?:zahlung|bezahlung)"
    r"|pagamento sicuro|pago seguro|veilig betalen)|paiement 100\s*%\s*s[ée]curis[ée])\W*$"
)
#: A letter or a digit (of any script): a line without one is never a headline
_ANY_ALNUM = re.compile(r"[^\W_]")
#: A letter (of any script): a line of figures alone is never a headline (but one number)
_ANY_LETTER = re.compile(r"[^\W\d_]")
#: A headline of figures alone: one number of up to four digits ("1917", "2046", "300")
_NUMBER_TITLE = re.compile(r"\d{1,4}")
#: ... or anywhere in it (lowercased; each tried only when its literal is there)
_NEVER_TITLE_IN = (
    ("getty", re.compile(r"\bvia getty images\s*$")),
    # a caption's toggle after the caption and its credit: "... Chuck Burton/AP hide caption"
    ("caption", re.compile(r"\b(?:hide|toggle) caption\s*$")),
    # a caption's sentence and its credit in brackets: "One of the cars on the road. (Uber)";
    # the sentence's end after a word, not an abbreviation's point: "Bundesverband
    # WindEnergie e.V. (BWE)" heads an association's page. A space parts the credit's words:
    # were it optional, a long token with no ")" after it could be split at every letter
    # into up to four words, and the search took L⁴ steps (a 500-letter hash lost its
    # document to the time limit, s43 acc-read F3)
    (
        ". (",
        re.compile(r"(?<=[^\W_]{2})[.!?]\s\([^\W\d_][\w.&'’-]*(?:\s[^\W\d_][\w.&'’-]*){0,3}\s?\)$"),
    ),
    ("new ", re.compile(r"\(opens? in (?:a )?new (?:window|tab)\)")),
    # a licence notice: "… under a Creative Commons licence"
    ("commons", re.compile(r"\bcreative[- ]commons[- ](?:licen[cs]e|lizenz|licencia)")),
    # a cookie consent notice: the site speaking of its own cookies ("We use cookies to
    # improve your experience. Accept all", "Diese Website verwendet Cookies", "Ce site
    # utilise des cookies"), or cookies beside a consent button's word. It sits above the
    # headline in many renderings and read as one (s33 acc-template #10); a headline on
    # cookies ("EU cookie law: what changes") is neither. A button's word is one after the
    # notice's sentence ("… cookies. Accept") or a button's words ("Manage preferences",
    # "Accept all"): a headline that ends in "consent" or "accept" ("Regulators fine Google
    # over tracking cookies without consent") was never a title (s34 acc-read #4).
    (
        "cookie",
        re.compile(
            r"^(?:(?:we|this (?:web)?site|our (?:web)?site|wir|diese (?:web)?seite"
            r"|diese website|ce site|nous|este sitio|questo sito|deze (?:web)?site|wij)\b"
            r"[^.!?]{0,20}?\b(?:use[sd]?|using|utilis\w*|verwende\w*|nutz\w*|setz\w*"
            r"|utiliz\w*|usa\w*|gebruik\w*)|utilizamos|usamos|utilizziamo)\b"
            r"[^.!?]{0,20}\bcookies?\b"
            r"|\bcookies?\b.{0,80}(?:[.!?:|·•]\s*(?:accept|consent|akzeptieren|einstellungen"
            r"|accepter|aceptar|accetta)|\b(?:accept all|manage (?:preferences|settings)"
            r"|cookie settings|alle akzeptieren|tout accepter|aceptar todo|accetta tutti))"
            r"\s*[.!]?$"
        ),
    ),
)


#: a cookie consent notice (:data:`_NEVER_TITLE_IN`'s), searched in a line in lower case
_COOKIE_NOTICE: re.Pattern[str] = dict(_NEVER_TITLE_IN)["cookie"]


#: Social networks a share line names (two or more on a short line: "シェアする X Facebook
#: LINE はてなブックマーク", "分享到：微信 微博 QQ空间", "Share: Facebook | Twitter | Email"):
#: the boilerplate stage's (:data:`..boilerplate.lines.NETWORKS`, its lexicon's cue words),
#: and names that are no cue word of its model (:data:`_BAR_ONLY`: words of their own,
#: "line", "x"; names the model was fitted without)
_BAR_ONLY = (
    "line", "x", "vk", "email", "e-mail", "qq空间", "はてなブックマーク", "ツイート",
)  # fmt: skip
_NETWORKS = re.compile(r"(?<!\w)(?:" + alternation((*NETWORKS, *_BAR_ONLY)) + r")(?!\w)")
#: "All rights reserved" in the languages copyright notices are written in
_RIGHTS_WORDS = (
    r"all rights(?: reserved)?|alle rechte vorbehalten|tous droits réservés|todos los derechos "
    r"reservados|tutti i diritti riservati|все права защищены|усі права захищено|"
    r"με επιφύλαξη παντός δικαιώματος|جميع الحقوق محفوظة|כל הזכויות שמורות|सर्वाधिकार सुरक्षित|"
    r"版[權权]所有|保留所有[權权]利|สงวนลิขสิทธิ์|무단\s*전재\s*및\s*재배포\s*금지"
)
#: A copyright notice's mark: the sign (the literal "©": a class of the circled letters
#: below in a searched pattern loses its literal start, see :func:`_copyright_who`), "(c)",
#: the word. One spelling for the text's notices and the markup's (:mod:`.html`'s
#: ``copyright_holder``), which wrote it apart
_COPYRIGHT_MARK = r"©|\(c\)|copyright"
#: The copyright sign, and the circled letters written for it (Korean notices: "Copyright ⓒ
#: 서울일보"); :data:`_AS_SIGN` reads the others as the first
_COPYRIGHT_SIGNS = "©ⓒⒸ"
_AS_SIGN = str.maketrans(dict.fromkeys(_COPYRIGHT_SIGNS[1:], _COPYRIGHT_SIGNS[0]))
#: What a copyright notice starts with: its sign or word, or "All rights reserved" in one of
#: the languages of :data:`_RIGHTS_WORDS` ("جميع الحقوق محفوظة © ٢٠٢٤ …"). (Matched at the
#: line's start, the class of the signs costs nothing; :func:`_copyright_who` searches)
_NOTICE_START = re.compile(
    rf"(?i)\s*(?:[{_COPYRIGHT_SIGNS}]|\(c\)\s|copyright\b|(?:" + _RIGHTS_WORDS + "))"
)


#: A year in a copyright notice, "© 2024 ...", "... 2019-2025"
_NOTICE_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")
#: ... searched anywhere in a line (not :data:`_RIGHTS`, a holder's lead-in, below)
_RIGHTS_IN = re.compile(r"(?i)" + _RIGHTS_WORDS)


#: a copyright sign that opens a segment of a row after its separator (a footer's row of
#: links and the notice, "Impressum · Kontakt · © Harbour Times"), not after a label's colon
_ROW_SIGN = re.compile(r"[·|•]\s*[©ⓒⒸ]")


def _site_notice(s: str) -> bool:
    """Whether copyright line ``s`` is the site's own notice, not an image's credit
    ("Visualisierung: © Landratsamt Lindenau", "Foto: © Stadtverwaltung"): it starts its
    line (:data:`_NOTICE_START`) or a segment of a footer's row (:data:`_ROW_SIGN`:
    "Impressum · Datenschutz · © Harbour Times" lost its site's name; s49 acc-read F10),
    or it has a year or the rights' words."""
    return (
        _NOTICE_START.match(s) is not None
        or _ROW_SIGN.search(s) is not None
        or _NOTICE_YEAR.search(s) is not None
        or _RIGHTS_IN.search(s) is not None
    )


def notice_or_share(s: str) -> bool:
    """Whether line ``s`` is a copyright notice (:data:`_NOTICE_START`) or a share bar (a
    line of at most 120 characters with two social networks or more in its first 80:
    "Share Facebook WhatsApp …", "שתפו פייסבוק וואטסאפ …", "この記事をシェアする ツイート
    はてなブックマーク …"): page furniture whatever the words after it (a related headline
    after the share bar's "read more")."""
    return _NOTICE_START.match(s) is not None or (len(s) <= 120 and _share_bar(s.lower()))


#: The words of a share bar besides its networks' names: a call to share or follow, and
#: the small words around it ("Share this on", "Folgen Sie uns auf ... und ...")
_SHARE_WORDS = frozenset({
    "share", "shares", "sharing", "teilen", "partager", "partagez", "compartir", "comparte",
    "condividi", "delen", "deel", "udostępnij", "поделиться", "paylaş", "follow", "folgen",
    "suivez", "siga", "segui", "volg", "print", "drucken", "imprimer", "copy", "kopieren",
    "copier", "link", "mail", "send", "senden", "envoyer", "on", "to", "us", "via", "this",
    "the", "and", "or", "our", "with", "auf", "und", "uns", "sie", "mit", "sur", "nous", "et",
    "en", "su", "sul", "per", "op", "ons",
    # (a share bar's buttons a line each in more languages: "Enviar por WhatsApp", "Linki
    # Kopyala", "Salin tautan"; s45 acc-wire W7)
    "enviar", "por", "copiar", "enlace", "compartilhar", "compartilhe", "copia", "kopyala",
    "linki", "bagikan", "salin", "tautan",
})  # fmt: skip
#: A word of two letters or more (of any script)
_LONG_WORD = re.compile(r"[^\W\d_]{2,}")


def share_name(name: str) -> bool:
    """Whether ``name`` is a share bar's button, no person's: a social network's name or a
    call to share (:data:`_NETWORKS`, :data:`_SHARE_WORDS`; "Одноклассники", "Поделиться",
    "Share on Facebook"). A live blog's share buttons over its posts' times were a thread's
    posters, the first of them its author (s44 acc-genres G8)."""
    low = name.casefold()
    rest = _NETWORKS.sub(" ", low)
    return (rest != low and all(w in _SHARE_WORDS for w in _LONG_WORD.findall(rest))) or (
        bool(words := _LONG_WORD.findall(low)) and all(w in _SHARE_WORDS for w in words)
    )


def _share_bar(low: str, whole: bool = False) -> bool:
    """Whether line ``low`` (lower-cased) opens as a share bar: two social networks
    (:data:`_NETWORKS`) in its first 80 characters, and up to the second one (``whole``: in
    the whole line) at most one word besides them and the calls to share
    (:data:`_SHARE_WORDS`), or two that are items of a list ("Elon Musk, News, Twitter, X":
    a tag list). A headline that names two ("Musk deletes tweet mocking Twitter staff",
    "Facebook and WhatsApp down for millions of users") has more: it was never a title
    (s40 acc-read F23)."""
    found = list(islice(_NETWORKS.finditer(low, 0, 80), 2))
    if len(found) < 2:
        return False
    if all(_list_item_at(low, m.start(), m.end()) for m in found):
        # (the networks as items of a list: "Elon Musk, News, Twitter, X"; unless its last
        # item is a sentence, of more words than a tag: "Facebook, Twitter, Instagram go
        # down around the world", an outage's headline; s42 acc-read F20)
        last = _ITEM_SEP_RX.split(low)[-1]
        if not whole or len(_LONG_WORD.findall(last)) <= _TAG_WORDS_MAX:
            return True
    head = _NETWORKS.sub(" ", low if whole else low[: found[1].start()])
    # (the calls to share in the languages the line model's lexicon knows as well: "شارك
    # على فيسبوك تويتر" was a headline, its two words besides the networks; review2 R1)
    other = [w for w in _LONG_WORD.findall(head) if w not in _SHARE_WORDS and w not in CUE_WORDS]
    if len(other) > 1:
        return False
    # (a bar ends with a network, a call or a count; a word of another kind after its last
    # network is a sentence's: "Facebook, Instagram down", an outage's headline, was a bar
    # of two networks and one word; s41 acc-regress R8)
    return not (whole and other and other[0] in _LONG_WORD.findall(_NETWORKS.split(low)[-1]))


#: What separates tags (:func:`split_tags`): commas (the Arabic "،", the full-width "，" and
#: the ideographic "、" among them), semicolons, bars, bullets
_TAG_SEPS = ",;|•·،؛，、；"
#: What separates a list's items on one line: a tag list's separators, and a slash (a copy
#: of the tags' without the Arabic and CJK ones made "إيلون ماسك، أخبار، تويتر، فيسبوك" no
#: list; review2 R5)
_ITEM_SEPS = _TAG_SEPS + "/"
_ITEM_SEP_RX = re.compile(f"[{re.escape(_ITEM_SEPS)}]")


def _list_item_at(s: str, a: int, b: int) -> bool:
    """Whether ``s[a:b]`` is an item of a list on its line: the line's start or a separator
    (:data:`_ITEM_SEPS`) before it, its end or one after it (spaces aside)."""
    before, after = s[:a].rstrip(), s[b:].lstrip()
    return (not before or before[-1] in _ITEM_SEPS) and (not after or after[0] in _ITEM_SEPS)


#: A breadcrumb trail: three or more short steps joined by ">", "›" or "»" (a headline
#: holds one at most: "Review » The new album")
_BREADCRUMB = re.compile(r"[^>›»\n]{1,50}(?:\s[>›»]\s[^>›»\n]{1,80}){2,}")
#: A trail of two short steps joined by "›" or "»" (a site's or a section's name and a
#: section: "東京新聞 TOKYO Web › 国際", "हिंदी न्यूज़ › देश" were titles; s45 acc-wire W6);
#: ">" is a headline's comparison as often ("Remote > office?"). The second step is a name
#: of one or two words: "Review » The new album" is a headline; and a "»" that closes a
#: French quote ("« Je reste » : Biden insiste") is none (s46 acc-read F4)
_BREADCRUMB_TWO = re.compile(r"[^>›»«\n]{1,25}\s[›»]\s(?=[^>›»:\n]{1,20}$)\S+(?:\s\S+)?")


#: How long a relative dateline is at most ("Last updated: about 23 hours ago")
_DATELINE_CHARS = 60
#: The label a relative dateline may start with ("Posted", "Updated:", "Last updated on")
_DATELINE_LABEL = re.compile(
    r"[\W_]*(?:(?:last\s+)?(?:posted|updated|published|modified|edited|added|submitted|created"
    r"|written|aktualisiert|veröffentlicht|erstellt|publié|mis à jour|actualizado|publicado"
    r"|pubblicato|aggiornato|geplaatst|bijgewerkt|opublikowano|обновлено|опубликовано"
    # (Ukrainian, Greek, Hebrew, Persian "published"/"updated" (with its ZWNJ, a space or
    # neither), Hindi and Marathi "published"/"updated(-ed)"/"posted", Bengali
    # "published"/"updated", Korean "input"/"revised"/"posted" and their compounds ("기사입력",
    # "최종수정"), Thai "when"/"posted"/"published"/"updated")
    r"|оновлено|опубліковано|δημοσιεύθηκε|ενημερώθηκε|פורסם|עודכן|منتشر شده|تاریخ انتشار"
    r"|به?[\u200c ]?روز[\u200c ]?رسانی|प्रकाशित|अपडेट(?:ेड)?|पोस्ट|প্রকাশিত|আপডেট|হালনাগাদ"
    r"|[가-힣]{0,3}(?:입력|수정|등록|업데이트)|เมื่อ|โพสต์|เผยแพร่|อัปเดต)"
    r"(?:\s+(?:on|at|am|le|el|il|op))?\s*[:·|–—-]?\s*(?:about|over|almost|just|etwa|environ)?\s*)?",
    re.I,
)


def piece_of_sentence(cur: str, nxt: str) -> bool:
    """Whether the stripped line ``cur`` is a piece of a sentence that goes on in the next
    line ``nxt``: it ends in a word in small letters, a comma, a semicolon or a hyphen
    ("..., in Market-street, and"; not a headline's "Budget"), and ``nxt`` goes on with it
    (:func:`..boilerplate.reflow.goes_on_wrapped`; not a byline's "by ..." / "von ...")."""
    if not cur or not nxt or nxt.startswith(("by ", "von ")):
        return False
    last = cur[cur.rfind(" ") + 1 :]
    return (
        (last[:1].islower() or cur[-1] in ",;-")
        and goes_on_wrapped(cur, nxt)
        # (a name written with a small first letter opens a headline's lead as well as a
        # wrapped sentence's line: "Apple unveils its new phones" / "iPhone 17 goes on
        # sale ...", "eBay said on Tuesday ..."; s35 acc-read #20)
        and not _CAMEL_START.match(nxt)
    )


#: A word with a small first letter and a capital after it: "iPhone", "eBay", "iOS"
_CAMEL_START = re.compile(r"[^\W\d_][^\W\d_]*[A-Z]")


#: A clock time after a day word: "um 02:12", "at 2:12 pm", ", 14.30 Uhr", "à 14h05", "о 14:30",
#: "στις 14:30", "בשעה 14:30", "ساعت ۱۴:۳۰", "เวลา 14:30 น."
_DAY_WORD_CLOCK = re.compile(
    rf"[,\s]*(?:(?:{_CLOCK_WORDS})\s+|ב-?)?(\d{{1,2}})(?:[:.h](\d{{2}}))?"
    r"\s*(?:uhr|h|น\.?|[ap]\.?\s?m\.?)?",
    re.I,
)


#: A weekday as a dateline's day, with a clock time at most ("Saturday at 10:30", "Mon,
#: 14:05", "lundi à 14h05"): read after a dateline's label (:data:`_DATELINE_LABEL`)
_WEEKDAY_CLOCK = re.compile(
    rf"(?:{alternation(_YEARLESS_WEEKDAYS)})(?![^\W\d_])\.?"
    rf"(?P<clock>{_DAY_WORD_CLOCK.pattern})?[\W_]*",
    re.I,
)


def _weekday_dateline(s: str) -> bool:
    """Whether line ``s`` is a dateline of a weekday: after a label ("Published Saturday at
    10:30", "Updated: Monday"), or with a clock time of hours and minutes ("Saturday at
    10:30"). It was taken for the title over the headline above its byline (s40
    acc-regress D5). A weekday alone, or with a number ("Friday 13", a film's), may head a
    page."""
    label = _DATELINE_LABEL.match(s)
    at = label.end() if label is not None else 0
    if (m := _WEEKDAY_CLOCK.fullmatch(s, at)) is None:
        return False
    if any(map(str.isalpha, s[:at])):
        return True
    return m["clock"] is not None and _time_at(m["clock"], 0)  # (review41 R8)


def _rel_dateline(s: str) -> bool:
    """Whether line ``s`` is a relative date alone, after a label at most ("Posted 3 hours
    ago", "Updated: 5 hours ago", "vor 2 Stunden", "· Gestern um 02:12 ·"): a dateline,
    never a headline (it was taken for the title above it: s30 locales #14, s34's held-out
    pages). A day word alone ("Yesterday") is not one: it may head a page; with a clock time
    after it, it is."""
    if len(s) > _DATELINE_CHARS or not _holds_word(s):
        # (a literal test before the costly pattern: a relative dateline holds a unit's or
        # a day's word, those :func:`_relative_lines` knows, one list)
        return False
    m = _RELATIVE.search(s)
    if m is None or _DATELINE_LABEL.fullmatch(s, 0, m.start()) is None:
        return False
    rest = s[m.end() :].strip(" .)" + _DATELINE_SEPS)
    if m.group("word") is None and m.group("cword") is None:
        return not rest
    return bool(rest) and _of_day(_DAY_WORD_CLOCK.fullmatch(rest))


#: What separates a menu's items on one line
_MENU_SEP = LINK_SEPS


def _menu_row(low: str) -> bool:
    """Whether lowercased line ``low`` is a menu on one line: three or more items of at most
    three words each, two of them menu items or buttons (:data:`_FURNITURE`, page names
    too). Its tail was the title of a crawl row's page ("Home | Shop | About | Contact"
    gave "Shop | About | Contact" once its first item was cut as the site's name: s34
    acc-regress R10); a "Headline | Section | Site" title has a headline of more words and
    no menu words."""
    items = _MENU_SEP.split(low.strip())
    furniture = [_FURNITURE_L.match(item) is not None for item in items]
    return (
        len(items) >= 3
        and all(len(item.split()) <= 3 for item in items)
        # (or a menu that starts at its home: "Home | News | Sport | Weather", whose first
        # item cut as the site's name left a title; s38 acc-regress D9)
        and (sum(furniture) >= 2 or furniture[0])
    )


#: The most characters of an agency's credit after a caption's last sentence
_CAPTION_CREDIT_CHARS = 30


def _credited_caption(s: str) -> bool:
    """Whether line ``s`` is a picture's caption with its agency's credit after its
    sentence: "Un grupo de pingüinos, en la Antártida el 11 de febrero pasado. EFE" (an
    agency's name alone, :func:`credit`, after the full stop of a word of three letters or
    more: not an abbreviation's point, "U.S. AP"). The caption won a Spanish page's title
    over the headline above it (s48, dev htmldate elpais.com). A headline names no
    agency after its own full stop."""
    head, _, tail = s.rstrip().rpartition(". ")
    if not head or len(tail) > _CAPTION_CREDIT_CHARS:
        return False
    last = head.rsplit(None, 1)[-1]
    return len(last) >= 3 and last.isalpha() and not last.isupper() and bool(credit(tail))


#: a recipe's ingredient: a quantity and a unit of weight, volume or a kitchen's measure
#: before what it measures ("20 cl de crème fraîche épaisse", "250 ml Milch", "2 tbsp oil")
_INGREDIENT = re.compile(
    r"(?:\d{1,4}(?:[.,/]\d{1,3})?|\d?[½¼¾⅓⅔⅛])(?:\s*[-–]\s*\d{1,4})?\s*"
    r"(?:k?g|mg|[mcd]?l|tbsp|tsp|cups?|oz|lbs?|EL|TL|Pck|c\.\s?à\s?[sc])\.?\s+\S"
)
#: the most words of an ingredient's line: a list's item, not a headline that starts with
#: a quantity ("500 kg of cocaine seized at Hamburg port"; read50 F15)
_INGREDIENT_WORDS = 6
#: a reader's rating and its count: a score with its decimals or out of its scale, the
#: votes' number (its thousands apart) and their word in brackets ("Ocena: 4.8 (967
#: głosów)", "4,8/5 (2 415 avis)", "4.6 (213 ratings)"); a whole number is a title's
#: ("Rocky 4 (1985 film)", "Windows 7 (64 bit)"; read50 F15)
_READER_RATING = re.compile(
    r"(?:[^\W\d_][^\d()]{0,20}\s)?\d(?:[.,]\d{1,2}(?:\s?/\s?\d{1,2})?|\s?/\s?\d{1,2})\s*"
    r"\(\d{1,3}(?:[ \u00a0\u202f.,]\d{3})*\s+[^\W\d_]+\.?\)"
)


@lru_cache(maxsize=4096)
def _never_title(s: str) -> tuple[bool, bool]:
    """Page furniture that is never a headline: a copyright notice, a photo agency's
    credit, a link's screen-reader note, a breadcrumb's label, a call to action, a licence
    notice, a line without a letter or a digit (one anchored regex and literal pre-tests:
    ~0.5 µs a line instead of ~3 µs for one regex searched at every position), a line that is only a menu item or a button
    ("Home", "Share", "Accueil": :data:`_FURNITURE`, but for :data:`_PAGE_NAMES`; the
    ranker took one when the page had no headline). Cached: a site's menu items and
    notices recur on its pages (:class:`TitlePool` calls it for lines of at most
    :data:`_LINE_CACHE_CHARS`). Returns (never a headline, the line is a menu item or a
    button of at most 60 characters): the second is :func:`_title_shape`'s ``furniture``,
    handed on so that the line is not matched again."""
    if (
        _NEVER_TITLE_START.match(s) is not None
        # (a newsletter e-mail's line to its reader, "Forward to a friend", "View this email
        # in your browser": a digest's title on the text path; s41 acc-press F5)
        or is_mail_furniture(s)
        or _back_link(s)
        or (not s[0].isalnum() and _ANY_ALNUM.search(s) is None)
        or (_ANY_LETTER.search(s) is None and _NUMBER_TITLE.fullmatch(s) is None)
        or ((s[:1].isdigit() or s[:1].isupper()) and _timeline_entry(s))
        # (an ingredient, a reader's rating: a recipe's headline of three words lost to its
        # list's first line, "20 cl de crème fraîche épaisse"; s49 acc-service S3)
        or (
            s[:1].isdigit()
            and s.count(" ") < _INGREDIENT_WORDS
            and _INGREDIENT.match(s) is not None
        )
        or _READER_RATING.fullmatch(s) is not None
    ):
        # (nor is a line without a letter or a digit: a section break "* * *", "- - - -",
        # a row of arrows; its "words" made it a candidate. Most lines start with one. Nor
        # one of figures alone: a job ad's salary "£65,000 - £75,000", a price; s36
        # acc-types #8; but a lone number is a film's, a novel's or an album's title:
        # "1917", "2046", "300"; s38 acc-read F8)
        return True, False
    low = s.lower()
    if len(s) <= 80 and _BUTTON_OR_TERMS.match(low) is not None:
        return True, False
    if len(s) <= 60 and (m := _FURNITURE_L.match(low)) is not None:
        # (but an "About us" or "Contact" page is headed by its name)
        return m[1] not in _PAGE_NAMES, True
    if len(s) <= 80 and _share_bar(low, whole=True):
        return True, True  # (a share line)
    if ("›" in s or ">" in s or "»" in s) and (
        _BREADCRUMB.match(s) is not None or _BREADCRUMB_TWO.fullmatch(s) is not None
    ):
        return True, False  # (a breadcrumb trail: "Home > Your council > Public notices")
    if " > " in s and _titled_steps(s):
        return True, False  # (two named steps: "Computer Science > Computation and Language")
    if len(s) <= 40 and _NETWORKS.search(low) is not None and share_name(s):
        # (a share bar's button alone on its line, "はてなブックマーク", "Facebook": the
        # last of a bar written one button a line was a Japanese page's title; s45
        # acc-wire W6)
        return True, True
    if len(s) <= 40 and credit(s):
        return True, False  # (an agency's name alone, the byline: "Europa Press", "भाषा")
    if ("|" in s or "•" in s or "·" in s) and _menu_row(low):
        return True, True  # (a menu on one line: "Home | Shop | About | Contact")
    if _rel_dateline(s):
        return True, False  # (a relative dateline: "Posted 3 hours ago", "Updated: 5 hours ago")
    if (
        (":" in s or "：" in s)
        and (tags := _tag_value(s)) is not None
        and _TAG_SEP_ANY.search(tags) is not None
        and len(parts := _value_tags(tags)) > 1
        # (tags are words or names: "Topic: Printer, scanner and fax stopped working
        # after the update" heads a forum's thread; s35 acc-read #10. The same rule as
        # labelled_tags': a list that is the page's tags is never its title)
        and _tag_items(parts)
    ):
        # (a labelled list of tags is the tags' line, "Schlagworte: Cybercrime, Cyberkrieg,
        # Hacking": it was the title and the tags of a held-out page, s34; a forum's
        # "Topic: How do I ..." heads its thread)
        return True, False
    if ":" in s and _credit_line(s):
        return True, False  # (a credit alone: "Photo: John Smith/Getty Images", "Source: AFP")
    if ". " in s and _credited_caption(s):
        return True, False  # (a caption and its agency: "Penguins in Antarctica. EFE")
    if len(s) <= _DATELINE_CHARS and _weekday_dateline(s):
        return True, False  # (a weekday's dateline: "Published Saturday at 10:30")
    if calendar_line(s):
        # (a date line of the Hijri or the Hebrew calendar, "5 رمضان 1445 هـ" between the
        # published and the updated lines, was the title; s41 acc-regress D3)
        return True, False
    if len(s) <= _CJK_BYLINE_CHARS and cjk_reporters(s) and not _SENT_END.search(s):
        # (a reporter's credit alone, "南方日报记者 周敏", over its headline; s50 acc-scripts N7)
        return True, False
    if len(s) <= 60 and dateline_agencies(s):
        # (a dateline alone on its line, "（中央社記者陳家豪台北3日電）", "【北京新華社】":
        # s45 acc-wire W6)
        return True, False
    if "(" in s and _WIRE_DATELINE.match(s) is not None:
        # (the story's lead after a wire dateline, "LONDON (Reuters) - The barrier opened on
        # Monday.": a short one was taken for the title over the headline, s33 acc-regress #17)
        return True, False
    if (s[0] == "(" or s[1:2] == ")" or s[2:3] == ")") and _clause_line(s):
        return True, False  # (a law's clause: "(a) a regulated user-to-user service,")
    if len(s) <= 80 and s[-1].isdigit() and _DOC_NUMBER.match(low) is not None:
        return True, False  # (a document's type and number: "PRESS RELEASE No 170/24")
    if (names := _names_line(s)) and (len(names) >= 3 or _marked_names(s)):
        # (a paper's author list, "Laura Martínez1, Tobias Keller2 & Anna Nowak1,3": it was
        # the title of the journal page it heads; s47 acc-gov G1. Two names without
        # affiliation marks head a biography, an interview, a profile: "Ada Lovelace and
        # Charles Babbage" was no title; s48 acc-read F15)
        return True, False
    return any(cue in low and rx.search(low) is not None for cue, rx in _NEVER_TITLE_IN), False


#: The small words a name in title case may hold ("Computation and Language", "Ministry
#: of Justice", "Recht und Politik")
_NAME_SMALL_WORDS = frozenset(
    [
        "and",
        "of",
        "the",
        "for",
        "in",
        "on",
        "&",
        "und",
        "der",
        "die",
        "das",
        "für",
        "et",
        "de",
        "des",
        "du",
        "la",
        "le",
        "y",
        "del",
        "e",
        "di",
        "della",
        "van",
        "von",
    ]
)


def _titled_steps(s: str) -> bool:
    """Whether ``s`` is two steps of a trail joined by " > ", each a name of two to six
    words in title case, its small words aside (an archive's or a catalogue's subject
    trail: "Computer Science > Computation and Language", an arXiv paper's title; s47
    acc-gov G3). A headline's comparison is a phrase with no capital on its words, or a
    question ("Remote > office?")."""
    parts = s.split(" > ")
    if len(parts) != 2:
        return False
    for part in parts:
        words = part.split()
        if not 2 <= len(words) <= 6 or any(c in part for c in "?!.:,;"):
            return False
        if not all(w[0].isupper() or w in _NAME_SMALL_WORDS for w in words):
            return False
        if not words[0][0].isupper() or not words[-1][0].isupper():
            return False
    return True


#: An enumerated clause's or point's mark at a line's start: "(a) ", "(iv) ", "(2) ", "1) ",
#: "b) " (a law's, a contract's, a list's), and what follows it
_CLAUSE_MARK = re.compile(
    r"(?:\((?:[a-z]{1,2}|[ivxlc]{1,6}|\d{1,3}[a-z]?)\)|(?:[a-z]|\d{1,3})\))\s+(\S)"
)
#: A clause's line that goes on in the next one: it ends in a comma, a semicolon, a colon, a
#: dash, or a joining word ("or", "and", "oder", "und", "ou", "et", "o", "y", "e", "или", "и")
_CLAUSE_GOES_ON = re.compile(r"(?:[,;:—–-]|\s(?:or|and|oder|und|ou|et|o|y|e|или|и))\s*$")


def _clause_line(s: str) -> bool:
    """Whether line ``s`` is an enumerated clause of a text ("(a) a regulated user-to-user
    service,", "1) статью 2 дополнить …", "(3) For the purposes of this Act …;"): its mark,
    then a word in small letters or a line that goes on in the next one. A law's clauses
    recur on its page, and one was its title (s47 acc-gov G3); a headline that opens with
    a bracket ("(Un)certain times") has no clause's mark."""
    m = _CLAUSE_MARK.match(s)
    return m is not None and (m[1].islower() or _CLAUSE_GOES_ON.search(s) is not None)


#: A document's type and number alone on a line, a press office's or a parliament's
#: reference: "PRESS RELEASE No 170/24", "Pressemitteilung Nr. 88/2024", "Communiqué de
#: presse n° 12", "Nota de prensa nº 45/2024", "Deutscher Bundestag Drucksache 20/11234"
#: (on lowercased text): the reference over a release's headline, never the headline
#: (s47 acc-gov G3). A work's number ("Symphony No. 5") names no such document type.
_DOC_NUMBER = re.compile(
    r"(?:[^\W\d_][\w'’.-]*\s+){0,3}?(?:press\s+release|news\s+release|media\s+release|"
    r"pressemitteilung|pressemeldung|presseinformation|medienmitteilung|mitteilung|"
    r"communiqué(?:\s+de\s+presse)?|nota\s+de\s+prensa|comunicado(?:\s+de\s+prensa)?|"
    r"comunicato(?:\s+stampa)?|persbericht|bulletin|circular|circulaire|drucksache|"
    r"пресс-релиз)\s*(?:(?:no\.?|nr\.?|n°|nº|núm\.?|n\.|№|number|nummer)\s*\d[\d/.-]*|"
    # (without a number's mark, a reference's form: "Drucksache 20/11234"; a year or a
    # count alone is a title's, "Annual Statistical Bulletin 2024", s48 acc-read F17; a
    # span of years too, "Quarterly Statistical Bulletin 2023-24", s49 acc-read F13)
    r"(?!(?:19|20)\d\d\s*[-/–]\s*(?:(?:19|20)?\d\d)$)\d+[/-][\d/.-]*)$"
)


@lru_cache(maxsize=4096)
def _is_byline(s: str) -> bool:
    """Whether line ``s`` reads as a byline (:data:`_BYLINE`), and is no German phrase
    opening with "Von" (:func:`_von_phrase`). Cached: the lines around a site's headlines
    (its bylines, sections, menus) recur on its pages."""
    return _BYLINE_L.match(s.lower()) is not None and not (
        s.lstrip()[:4] in ("Von ", "von ") and _von_phrase(s)
    )


#: What may follow a German byline's "von" in small letters: an agency, "unserer
#: Redaktion", "unserem Korrespondenten ...", "einem unserer Reporter"
_VON_SMALL = re.compile(r"(?:unser(?:e[mnrs]?)?|dpa|afp|apa|ap|sda|kna|epd|ddp|reuters)\W*$")


def _von_phrase(s: str) -> bool:
    """Whether ``s``, a line that opens with "Von", is a phrase, not a byline: the word
    after "Von" in small letters ("Von neuen und alten Medien": a menu's item read as a
    byline by its "Von" and a capitalised noun, s46), three words or more after it (a
    user's name in small letters, "von lupa", "von besserwisser eG", is a forum's byline),
    none an agency or "unserer" (:data:`_VON_SMALL`: "von einem unserer Reporter") and no
    person's name among them before a colon (:func:`_person_like`: "Von unserem
    Korrespondenten Max Müller"). German capitalises every noun: a count of capitals took
    "Von oben herab: Die Politik der Eliten" for a byline (s46 midrev46 M10)."""
    rest = s.split()[1:]
    if len(rest) < 3 or not rest[0][:1].islower():
        return False
    if any(_VON_SMALL.match(w) for w in rest):
        return False
    words: list[str] = []
    for w in rest:
        words.append(w.rstrip(",;|:"))
        if w.endswith(":"):
            break
    return not any(
        _person_like(" ".join(words[k : k + n])) for n in (2, 3) for k in range(len(words) - n + 1)
    )


#: The first letters of :data:`_BYLINE`'s words (its match needs one at the line start, or a
#: space)
_BYLINE_FIRST = frozenset("wprtsbvdaekſ") | frozenset(  # (ſ: a long s, an "s" to re.IGNORECASE)
    w[0] for w in [*re.sub(r"[:?]", "", _BYLINE_MORE).split("|"), *"作记記筆著撰文"]
)
_FURNITURE_L, _BYLINE_L = _lowercase(_FURNITURE), _lowercase(_BYLINE)
#: A picture's credit's label ("Photo:", "Bild:")
_PICTURE_LABEL = r"(?:photos?|fotos?|bild(?:er)?|images?|pictures?|credits?|crédits?)"
#: A picture's credit on a line of its own, a label and a colon, then who made or supplied
#: it ("Photo: AFP", "Foto: dpa", "Image: Jane Roe/Reuters"): at most
#: :data:`_PICTURE_CREDIT_WORDS` words, no sentence end ("Photos: what the flood left
#: behind." heads a gallery)
_PICTURE_CREDIT = re.compile(rf"(?i)\s*{_PICTURE_LABEL}\s*:\s*[^.!?]+$")
_PICTURE_CREDIT_WORDS = 5
#: The small words a Title-Case headline capitalises and a person's name has none of
_HEADLINE_SMALL = frozenset(
    {"a", "an", "the", "in", "on", "at", "to", "for", "of", "with", "by", "from", "as", "after",
     "over", "into", "is", "are", "and", "or"}
)  # fmt: skip
#: A credit's label and colon, a picture's (group ``pic``) or a story's source ("Source:
#: Reuters", "Quelle: dpa"), then the value (:func:`_credit_line`)
_CREDIT_LABEL = re.compile(
    rf"(?i)\s*(?:(?P<pic>{_PICTURE_LABEL})|sources?|quellen?|fuentes?|fontes?|bron(?:nen)?)\s*:\s*"
)
#: The most words of a credit's value: who made or supplied it, names ("John Smith / Getty
#: Images")
_CREDIT_NAMES = 4
#: The small words between the names of a credit ("Courtesy of the Smith family", "Jane Roe
#: for The Times", "AP via Getty Images")
_CREDIT_JOINS = frozenset({
    "of", "the", "via", "for", "and", "&", "und", "et", "y", "de", "da", "di", "von", "van",
    "der", "du", "le", "la", "courtesy",
    # (Spanish, Italian, Portuguese and French joins too: "Diario del Sur" was no name; s44
    # acc-genres G13)
    "del", "della", "des", "do", "dos",
})  # fmt: skip
#: Words that name an institution, a source's credit of up to :data:`_CREDIT_NAMES` words
#: ("Source: World Health Organization", "Source: Office for National Statistics"), and
#: the ends of German ones ("Quelle: Statistisches Bundesamt")
_INSTITUTION_WORDS = frozenset({
    "organization", "organisation", "office", "bureau", "bank", "reserve", "institute",
    "institution", "agency", "ministry", "department", "statistics", "service", "survey",
    "commission", "council", "association", "authority", "university", "foundation", "fund",
    "board", "centre", "center", "administration", "federation", "union",
})  # fmt: skip
_INSTITUTION_ENDS = ("amt", "ministerium", "behörde", "verband", "institut", "bank")
#: The small words that join an institution's word to the rest of its name ("Bank of
#: England", "Office for National Statistics")
_INSTITUTION_JOINS = frozenset({"of", "for", "für", "de", "du", "des", "di", "del"})


def _institutional(words: list[str]) -> bool:
    """Whether ``words`` (with their small joining words) name an institution: a compound
    that ends as one does (:data:`_INSTITUTION_ENDS`: "Statistisches Bundesamt Wiesbaden"),
    or a word of :data:`_INSTITUTION_WORDS` as their last word or joined to the next ("World
    Health Organization", "Bureau of Labor Statistics", "Office for National Statistics").
    Such a word amid a headline's words is none: "Sources: Lakers Front Office Shakeup" was
    a credit, never a title (s44 acc-read F13)."""
    last = len(words) - 1
    for k, w in enumerate(map(str.lower, words)):
        if w.endswith(_INSTITUTION_ENDS) and w not in _INSTITUTION_ENDS:
            return True
        if w in _INSTITUTION_WORDS and (k == last or words[k + 1].lower() in _INSTITUTION_JOINS):
            return True
    return False


#: What separates a credit's names ("Jane Roe/Reuters", "AP | dpa")
_CREDIT_SEPS = re.compile(r"[/|,;+]")


#: A link back to a listing, its words (:func:`_back_link`); an article a word of its own
#: (but "l'"): "Back to Theatres" lost its "The" and read as "atres", lowercase, no link
#: (s43 acc-read F6)
_BACK_TO = re.compile(
    r"(?i)\s*(?:back to|zurück zu[rm]?|retour (?:à|aux?)|volver a|torna a|terug naar)\b\s*"
    r"(?:(?:the|all|la|las|los|el|le|les|alle[ns]?|den|die|der|het|de|tutt[ei])\s+|l['’]\s*)?"
)
#: The listings a back link names besides a section's (:data:`_SECTION_LABEL`) by its last
#: word: "Back to previous page", "Zurück zur Übersicht", "Retour à l'accueil"
_LISTING_NOUNS = frozenset({
    "list", "lists", "listing", "listings", "overview", "index", "home", "homepage", "top",
    "results", "search", "page", "articles", "posts", "calendar", "agenda", "jobs",
    "vacancies", "archive", "archives", "category", "categories", "übersicht", "startseite",
    "seite", "liste", "archiv", "accueil", "inicio", "listado", "página", "pagina", "elenco",
    "overzicht", "archief",
})  # fmt: skip


def _back_link(s: str) -> bool:
    """Whether line ``s`` is a link back to a listing: "Back to Events", "Zurück zur
    Übersicht", "Retour aux actualités" (an event page's title on the text path; s41
    acc-press F5), three words at most after its words, naming a section or a listing
    (:data:`_LISTING_NOUNS`) or a link's words each capitalised ("Back to Main Page"). A
    headline goes on or says more ("Back to the Future turns 40", "Retour à la normale",
    "Volver a empezar"; s42 acc-read F7, review42 R2)."""
    m = _BACK_TO.match(s)
    if m is None:
        return False
    rest = s[m.end() :].strip(" .!»>›→")
    words = rest.split()
    return 0 < len(words) <= 3 and (
        words[-1].casefold() in _LISTING_NOUNS
        or _SECTION_LABEL.fullmatch(rest) is not None
        or all(w[:1].isupper() for w in words)
    )


def _credit_line(s: str) -> bool:
    """Whether line ``s`` is a credit alone: a picture's or a source's label and colon
    (:data:`_CREDIT_LABEL`), then names, up to :data:`_CREDIT_NAMES` capitalised words and
    the small words between them (an agency's name as written: "dpa"), no sentence end:
    "Photo: John Smith/Getty Images", "Source: Reuters". Above a story without a headline,
    it was the title (s40 acc-regress D5). A headline after such a label says something in
    words of small letters, or in more words ("Photos: what the flood left behind", "Sources: Lakers close
    in on a deal for their new coach")."""
    m = _CREDIT_LABEL.match(s)
    if m is None or s.rstrip(_CLOSERS)[-1:] in _ENDERS:
        return False
    value = s[m.end() :]
    spaced = _CREDIT_SEPS.sub(" ", value).split()
    words = [w for w in spaced if w.lower() not in _CREDIT_JOINS]
    if not 0 < len(words) <= _CREDIT_NAMES:
        return False
    if not all(w[0].isupper() or w[0].isdigit() or agency(w) is not None for w in words):
        # (a picture's credit as "who/for whom" is one in small letters too, as sites
        # style it: "Image: lili sams/mashable" was a page's title; a headline after a
        # picture's label has no slash between its words)
        return "/" in value and _PICTURE_CREDIT.match(s) is not None
    # (a name and who supplied it, "John Smith/Getty Images", or an agency's name; else
    # a person's name, three words after a picture's label ("Photo: Mary Ann Evans"), two
    # after a source's, a capitalised small word counting: a Title-Case headline of more,
    # "Photos: Inside The New Library", "Sources: Jets Release Rodgers", is none; review41
    # R9, s42 acc-read F8, review42 R3), or an institution's name after a source's
    # ("Source: Bureau of Labor Statistics" was the title of a chart's story: s43 acc-read F2)
    names = 2
    if m["pic"] and _HEADLINE_SMALL.isdisjoint(w.lower() for w in spaced):
        names = 3  # (no small word of a Title-Case headline: "Photos: Flooding In Valencia")
    elif not m["pic"] and _institutional(spaced):
        names = _CREDIT_NAMES
    return (
        _CREDIT_SEPS.search(value) is not None
        or any(agency(w) is not None for w in words)
        or sum(w[0].isupper() or w.lower() not in _CREDIT_JOINS for w in spaced) <= names
    )


_SEP_SITE = re.compile(r"\s[|–—-]\s\S[^|–—-]{0,30}$")

#: The title ranker's features, one listwise linear model over every candidate
#: (:class:`TitlePool`): shape and position against the main block and the first paragraph,
#: repeats, headline-like neighbours, dates and bylines next to it, letter case, whole-word
#: overlap with the lead and the body. Chosen by page-grouped CV from the 70 of the former
#: two-stage ranker (research/metadata/REPORT.md): leaving out 27 with small weights (in
#: steps of four by weight) and two costly ones scored higher, one stage over every candidate
#: higher than a cascade. The late ones (:data:`TITLE_LATE`) do not compare candidates with
#: each other (the former ``*_rel`` overlaps did, at 0.007 CV): a candidate's score does not
#: depend on which others get them, so :func:`rank_titles` leaves them out (most of the
#: cost) for candidates that cannot win.
TITLE_FEATURES = [
    "nw_log", "nw_4_20", "nw_lt3", "nw_gt25", "chars_log", "chars_rel", "ends_period",
    "ends_colon", "pos_log", "pos_rel_body", "before_body", "ms_dist_log", "before_ms_1_3",
    "repeat", "repeat_later", "prev_headlike", "headlike_neighbours", "standfirst",
    "n_long_nonpara_before", "next2_is_para", "prev_short", "starts_lower", "contains_colon",
    "has_pipe", "upper", "furniture", "lead_overlap_n", "next_is_date_or_by",
    "prev_is_date_or_by", "dated_within3", "prev_hl_shorter", "next_hl_longer", "cap_ratio",
    "title_case", "body_overlap_n", "contained_elsewhere", "truncated_copy", "has_sep_site",
]  # fmt: skip
_C_CHARS_REL = TITLE_FEATURES.index("chars_rel")
_C_LOV = TITLE_FEATURES.index("lead_overlap_n")
_C_BOV = TITLE_FEATURES.index("body_overlap_n")
_C_CONTAINED = TITLE_FEATURES.index("contained_elsewhere")
#: The features :meth:`TitlePool.complete` fills in, only for candidates that can win
TITLE_LATE = ("lead_overlap_n", "body_overlap_n", "contained_elsewhere")
#: How much of the lead and of the body the word overlaps search (characters)
_LEAD_CHARS, _BODY_CHARS = 3000, 8000

#: Title candidates: lines of 2..40 words near the top of the main block or the first
#: paragraph (up to ``_TITLE_BEFORE`` non-empty lines above, ``_TITLE_AFTER`` below, never
#: after the block) and the first ``_TITLE_FIRST`` lines; not prose paragraphs (extract()
#: never returns one). With one-word lines just above the text, the candidates hold the
#: headline on 88.7 % of the dev pages (it is a line of the text on 96 %) with ~18 per page.
#: 30 lines above scored the same in CV as 60 (0.708 vs 0.706) with fewer candidates; the
#: seed page without a headline still gets none (benchmarks/seeds_check.py).
_TITLE_MIN_WORDS, _TITLE_MAX_WORDS = 2, 40
_TITLE_BEFORE, _TITLE_AFTER, _TITLE_FIRST = 30, 15, 10
#: Lines of at most ``_TITLE_SHORT`` words are candidates only within ``_TITLE_NEAR`` lines
#: above the main block or first paragraph (a third fewer candidates, 1 % of headlines).
_TITLE_SHORT, _TITLE_NEAR = 3, 15
_TITLE_NEAR_ONE = 8


_WORD4 = re.compile(r"\w{4,}")


def _fold(s: str) -> str:
    """``s`` with its ASCII letters lowercased (others as they are): what the title word
    overlaps compare. Full case folding goes through Unicode tables character by character
    on a text that is not all ASCII (~25 instructions per character, the costliest step of
    the overlaps); lowering the UTF-8 bytes costs ~1. A capitalised non-ASCII word ("Ärger",
    Cyrillic) then matches only as written. A text of Latin-1 characters goes through its
    Latin-1 bytes (one byte per character: a copy each way, where UTF-8 encodes and
    validates); bytes.lower lowers A-Z only, so both give the same string."""
    if s.isascii():
        return s.lower()
    try:
        return s.encode("latin-1").lower().decode("latin-1")
    except UnicodeEncodeError:
        return s.encode("utf-8").lower().decode("utf-8")


#: Runs of Chinese and Japanese characters (ideographs, kana): text written without spaces
_CJK_CHARS = re.compile(f"[{CJK_RANGES}]+")


def _toks(s: str) -> list[str]:
    """Words of four or more characters, ASCII letters lowercased (content words, roughly;
    see :func:`_fold`); of Chinese and Japanese, written without spaces, the pairs of
    characters of each run (a headline was one "word" that its story never holds whole, so
    it shared no word with the story)."""
    words = _WORD4.findall(_fold(s))
    if s.isascii() or _CJK_CHARS.search(s) is None:
        return words
    pairs = [r[k : k + 2] for r in _CJK_CHARS.findall(s) for k in range(len(r) - 1)]
    return [w for w in words if _CJK_CHARS.search(w) is None] + list(dict.fromkeys(pairs))


def _has_word(text: str, w: str, start: int = 0) -> bool:
    """``w`` occurs in ``text`` (from ``start`` on) as a whole word (``w`` a token of
    :func:`_toks`): a C-level substring search, then a look at the characters around each
    hit (tokenising the text costs ~20x more on a page of long paragraphs). A pair of
    Chinese or Japanese characters occurs anywhere (no word boundaries there)."""
    if w[0] >= "\u3040" and _CJK_CHARS.match(w):
        return text.find(w, start) >= 0
    i = text.find(w, start)
    n = len(w)
    while i >= 0:
        if (i == 0 or not text[i - 1].isalnum()) and not text[i + n : i + n + 1].isalnum():
            return True
        i = text.find(w, i + 1)
    return False


def _union(*spans: tuple[int, int]) -> list[int]:
    """The integers in any of the ranges ``spans`` (start, stop), in order:
    ``sorted({*range(a, b) for each span})`` without the set."""
    out: list[int] = []
    end = 0
    for a, b in sorted(spans):
        a = max(a, end)
        if a < b:
            out.extend(range(a, b))
            end = b
    return out


def _first_paras(items: list[tuple[int, str]], paras: list[bool], start: int, n: int) -> list[str]:
    """The first ``n`` paragraph lines from item ``start`` on."""
    found = compress(islice(items, start, None), islice(paras, start, None))
    return [s for _, s in islice(found, n)]


#: What stands between a date and a date line's rest: spaces, separators, a colon, a comma,
#: an arrow
_LEAD_SEP = re.compile(rf"^[\s:：,»>{re.escape(_DATELINE_SEPS)}]*")
_DATE_SEP = re.compile(r"\s+[|–—-]\s")
#: The rest of a Chinese or Japanese date line after its date: a time, then the label of the
#: source, the author or the editor ("2023年10月18日 10:02 来源：新华网")
_DATELINE_REST = re.compile(
    r"\s*(?:\d{1,2}[:：]\d\d(?:[:：]\d\d)?\s*|\d{1,2}\s*時\s*\d{1,2}\s*分\s*)?"
    r"(?:(?:来源|來源|稿源|出处|出處|作者|编辑|編輯|责任编辑|責任編輯|记者|記者|发布|發布|出典)\s*[:：]"
    # (the clock alone, or a publication word after it without a colon: "2026年11月26日
    # 10時00分 公開", "2026.11.26 14:30 입력"; s50 acc-scripts N6; a colon and more only
    # after such a word: "2024年3月1日：国务院发布…", a chronicle's dated headline, is a
    # title; read51 F12)
    r"|(?:(?:公開|更新|配信|掲載|発表|发布|發布|발행|입력|수정|송고)(?:日時|日)?\s*[:：].*"
    r"|(?:公開|更新|配信|掲載|発表|发布|發布|발행|입력|수정|송고)?(?:日時|日)?\s*)$)"
)
#: The start of a date line's rest that continues the sentence the date began, so that the
#: rest is no headline: a particle or a comma ("令和9年4月1日から、粗大ごみの収集は…", "…日起",
#: "…일부터"; s50 acc-scripts N6)
_DATE_CONTINUES = re.compile(
    # (not "," : "12 May 2024, Minister resigns over the budget scandal" is a dated
    # headline; s50 finalrev_B)
    r"\s*(?:から|まで|より|以降|以来|に|の|は|で|を|、|，|。|起|后|後|以后|以後|부터|까지|에|의|에서)"
)


#: A list item's bullet, as extraction tools write lists ("- ", "• ", "* ")
_BULLETED = re.compile(r"[-–—*•·▪◦‣]\s")
#: A list's label: a line of at most this many words that ends in a colon ("Key points:",
#: "Das Wichtigste in Kürze:", "Wat we weten:") ...
_LABEL_WORDS = 8
#: ... at most this many lines above an item of its list
_LIST_LINES = 12
#: The most words of a list's item (a key point is a sentence; an article's paragraph is
#: longer)
_ITEM_WORDS = 50


def _nonblank(lines: list[str], i: int, step: int, n: int = 1) -> list[int]:
    """The first ``n`` non-blank lines from line ``i`` on (``step``: 1 down, -1 up), within
    two lines of it."""
    out: list[int] = []
    k = i + step
    while 0 <= k < len(lines) and abs(k - i) <= 2 and len(out) < n:
        if lines[k].strip():
            out.append(k)
        k += step
    return out


def _list_labels(lines: list[str]) -> frozenset[int]:
    """The lines of ``lines`` that label a list (:func:`_labels_list`): found once a page,
    so that a title candidate is tested against a set (most pages have none)."""
    # (the colon looked for first: a test in C, where most lines have none)
    return frozenset(
        j
        for j, ln in enumerate(lines)
        if ":" in ln and ln.rstrip().endswith(":") and _labels_list(lines, j)
    )


def _list_item(lines: list[str], i: int, s: str, labels: frozenset[int]) -> bool:
    """Whether line ``i`` (stripped: ``s``) is a list's item or its label, which no headline
    is: it starts with a bullet, it labels a list (in ``labels``: :func:`_list_labels`), or
    it is in a list under a label. A key-points box under the byline ("Das Wichtigste in
    Kürze:") gave the title from its first item, and the headline was lost (s34 structure
    acceptance test #1); in a text without its headline the label was taken."""
    if _BULLETED.match(s) is not None:
        # (a list has two items or more: a lone marked line over a byline is a marked
        # headline, "• Council approves ...", whose mark the title loses: s35 acc-read #22)
        return any(
            _BULLETED.match(lines[k].strip()) is not None
            for k in (*_nonblank(lines, i, -1), *_nonblank(lines, i, 1))
        )
    if s[:1].isdigit() and (m := item_number(s)) is not None:
        # (an item of a numbered list: the item numbered one less above it or one more
        # below. A Korean list's last item, "5. 82년생 김지영 - 조남주" read as "title -
        # site", won over the headline and left the text; s42 acc-regress D5)
        n = m[0]
        near = [(k, -1) for k in _nonblank(lines, i, -1)] + [(k, 1) for k in _nonblank(lines, i, 1)]
        if any(
            (o := item_number(lines[k].strip())) is not None and o[0] == n + step
            for k, step in near
        ):
            return True
    if i in labels:
        return True
    if not labels or min(labels) >= i:
        return False  # (no label above the line: the walk below finds none)
    # the label: the first line of the block of line i (the lines around it up to a blank
    # line), or the line above the blank line before the block (as lxml's text renders a
    # label and its list)
    j = i
    while j > 0 and i - j < _LIST_LINES and lines[j - 1].strip():
        j -= 1
    if j > 0 and lines[j - 1].strip():
        return False  # (a block longer than a list)
    return (j < i and j in labels) or (j >= 2 and j - 2 in labels)


def _labels_list(lines: list[str], j: int) -> bool:
    """Whether line ``j`` is a list's label: a short line that ends in a colon, with two
    items or more below it (a blank line between them allowed); a kicker above a headline
    ("Tanz in der St. Galler Lokremise:") has one."""
    label = lines[j].strip()
    if not label.endswith(":") or len(label.split()) > _LABEL_WORDS:
        return False
    k = j + 1 if j + 1 < len(lines) and lines[j + 1].strip() else j + 2
    if k + 1 >= len(lines) or not (item := lines[k].strip()) or not (nxt := lines[k + 1].strip()):
        return False
    # no item is a byline or a date line: a headline ending in a colon over its byline
    # ("Recommendation 69: That the committee be directed:" / "By Maria Pineau"), a kicker
    # over a headline and its byline or date ("Exclusive:" / headline / "By Jane Doe"), a
    # field's label over its value ("Published:" / "March 3, 2026"); the headline was lost
    # as a list's item (s35 acc-read #1). Nor is a paragraph of a text without blank lines
    return not any(_is_byline(x) or _title_text(x) is None for x in (item, nxt)) and (
        len(nxt.split()) <= _ITEM_WORDS
    )


#: The most words of a line read as a title candidate's dateline or byline
_DATELINE_WORDS = 14


def _byline_line(s: str) -> bool:
    """:func:`_is_byline` of the stripped line ``s``, after a test of its first letter
    (most lines fail it), cached for lines of at most :data:`_LINE_CACHE_CHARS`."""
    return ((c0 := s[:1].lower()) in _BYLINE_FIRST or c0.isspace()) and (
        _is_byline(s) if len(s) <= _LINE_CACHE_CHARS else _is_byline.__wrapped__(s)
    )


#: The most words of a deck between a headline and its byline (:func:`_over_dateline`)
_DECK_WORDS = 12


def _over_dateline(page: Page, k: int) -> bool:
    """Whether the page's non-empty line ``k``, a paragraph by its shape, is the story's
    headline over its dateline: the first paragraph of the body or of the main block, not
    ending in a period (a sentence, a caption) or a colon (a lead sentence announcing a
    quotation or a list: "... the mayor read out the council's decision to the residents
    who had waited outside:" over '"The works will start in May 2026."' was the title; s36
    acc-read F8), under no headline-like line (a deck under its headline), and the next
    line is a short line with a year or a byline, or a name of at most
    :data:`_TITLE_SHORT` words over one ("Zac Hall" / "- Nov. 18th 2019 12:12 pm PT"),
    which no other short dated line follows two lines below (a list of posts, each over
    its date), or a deck over a byline: a sentence of at most :data:`_DECK_WORDS` words
    ("Same tears, different emotions." / "By Jane Roe"). A long headline that ends like a sentence ("... (oder warum wir
    Sprachgeschichte brauchen)", "...?") reads as a paragraph (s35: 5 dev pages)."""
    items, nwords = page.items, page.nwords
    if k not in (page.body, page.ms) or items[k][1][-1] in ".:：":
        return False
    if k > 0 and 4 <= nwords[k - 1] <= 30 and items[k - 1][1].rstrip(_CLOSERS)[-1:] not in _ENDERS:
        return False
    if k < page.front:
        # (a field of a YAML front matter, 'title: "..."' over 'author: ...': trafilatura's
        # markdown with its metadata, where the headline follows as "# ...")
        return False
    for x in (k + 1, k + 2):
        if x >= len(items) or page.paras[x]:
            return False
        i, s = items[x]
        if nwords[x] <= _DATELINE_WORDS and (i in page.year_lines or _byline_line(s)):
            # ("Popular Posts" / "OMG! See How ... (Photos+video)" / "November 16, 2016" /
            # "Married Woman ..." / "April 09, 2019": a list)
            return not (
                x + 2 < len(items)
                and items[x + 2][0] in page.year_lines
                and nwords[x + 2] <= _DATELINE_WORDS
            )
        if (
            nwords[x] > _TITLE_SHORT
            and not (
                # a deck of a few words between the headline and its byline ("Faker wins ...
                # champion!" / "Same tears, different emotions." / "By Amanda Tan": the
                # headline, a paragraph by its shape, was no candidate; s45 titles45)
                x == k + 1
                and nwords[x] <= _DECK_WORDS
                # (a deck is a sentence: a headline-like line under a paragraph is the
                # headline under its picture's caption, "The core stage of the first SLS
                # ..." / "Seeking a bigger role for a big rocket" / "by Jeff Foust")
                and items[x][1].rstrip(_CLOSERS)[-1:] in _ENDERS
                and x + 1 < len(items)
                and not page.paras[x + 1]
                and nwords[x + 1] <= _DATELINE_WORDS
                and _byline_line(items[x + 1][1])
            )
        ):
            return False
    return False


#: A field of a YAML front matter, its key and its value: "author: Jane Doe", "tags:" (its
#: value the block list under it), "title: >-" (a block scalar's). Matched whole (a line
#: with a key and no space after its colon, "note:x", is none)
_FRONT_KEY = re.compile(r"([\w-]+)\s*:(?:\s+(.*))?")


def _front_fields(lines: list[str], end: int) -> list[tuple[int, str | None, str]]:
    """The lines of a front matter (its first ``end`` of ``lines``, :attr:`Page.front`;
    stripped or not) between its first and its closing line, each as (row, key, value): a
    field's key in lower case and its value ("" when it is on the lines under it); None
    and the stripped line for another line (a list's item, a value's continuation). A YAML
    front matter's fields are :data:`_FRONT_KEY`'s, a reader's header's its own
    ("URL Source: https://...", :data:`..boilerplate.reflow.READER_FIELD`): the one reader
    of the fields the title, the address and the lists are taken from."""
    if end < 2:
        return []
    first = next((k for k, line in enumerate(lines[:end]) if line.strip()), 0)
    reader = lines[first].lstrip().startswith("Title:")
    key = READER_FIELD if reader else _FRONT_KEY
    out: list[tuple[int, str | None, str]] = []
    # (a reader's header has no "---" over it: its first line is its title field, Jina's
    # "Title: ...", which was passed over, and a text without a headline of its own had
    # none; s40 acc-regress R7)
    for k in range(first if reader else first + 1, end - 1):
        line = lines[k].strip()
        m = key.fullmatch(line)
        out.append((k, m.group(1).strip().lower(), m.group(2) or "") if m else (k, None, line))
    return out


#: The front matter's keys of the page's address: a clipper's "source:", Jina Reader's "URL
#: Source:", "url:", "canonical_url:"; its value, quoted or not
_FRONT_URL_KEYS = frozenset(
    ("url source", "url", "source", "canonical", "canonical_url", "original_url")
)
_FRONT_URL = re.compile(r"[\"']?(https?://[^\s\"']+)[\"']?")


def front_matter_url(text: str) -> str | None:
    """The page's web address that the text's front matter
    (:func:`..boilerplate.reflow.front_matter_lines`) gives, if any."""
    if not text.startswith(FRONT_MATTER_FIRST) and not text[:1].isspace():
        return None
    lines = text.split("\n", FRONT_MATTER_MAX)[:FRONT_MATTER_MAX]
    for _, key, value in _front_fields(lines, front_matter_lines(lines)):
        if key in _FRONT_URL_KEYS and (m := _FRONT_URL.fullmatch(value)) is not None:
            return m.group(1)
    return None


#: A front matter's key of a list of authors or tags, and the record's field it gives
_FRONT_LISTS = {"author": "authors", "authors": "authors", "tags": "tags"}


def _yaml_name(value: str) -> str:
    """A front matter's scalar as a name: unquoted, a wiki link's name ("[[Maria
    Delgado]]", "[[people/Maria Delgado|Maria Delgado]]": its shown text)."""
    value = value.strip()
    if len(value) > 1 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1].strip()
    if value.startswith("[[") and value.endswith("]]"):
        value = value[2:-2].rpartition("|")[2].rpartition("/")[2].strip()
    return value


def _front_matter_lists(page: Page) -> dict[str, tuple[list[str], list[int]]]:
    """The authors and tags a text's YAML front matter gives as block lists ("tags:" over
    "  - seawall" lines) or as a wiki link's name ("author: "[[Maria Delgado]]""), with
    their lines: {field: (values, lines)}. (A flow list and a plain name are read as the
    text's labelled lines are.)"""
    texts = page.texts
    if not page.front or texts[0] != "---":
        return {}
    out: dict[str, tuple[list[str], list[int]]] = {}
    field = None
    for k, key, value in _front_fields(texts, page.front):
        if field is not None and key is None and value.startswith("- "):
            if name := _yaml_name(value[2:]):
                out.setdefault(field, ([], []))[0].append(name)
                out[field][1].append(page.items[k][0])
            continue
        field = _FRONT_LISTS.get(key) if key is not None else None
        if field is not None and value:
            value = value.strip()
            if value.startswith(("[[", '"[[', "'[[")) and (name := _yaml_name(value)):
                out[field] = ([name], [page.items[k][0]])
            field = None  # (a scalar: no list under it)
    return out


#: A YAML block scalar's indicator: the value is on the indented lines under the key
#: ("title: >-", "title: |"), folded or literal, with its chomping and indent marks
_BLOCK_SCALAR = re.compile(r"[|>][-+]?\d?[-+]?(?:\s+#.*)?")


def _front_matter_title(page: Page) -> tuple[int, str] | None:
    """The line and the value of the title field of the page's YAML front matter, if it has
    one: the title its writer gave (a Jekyll, Hugo or Obsidian markdown file; its key was
    the title, "title: Council approves budget", or there was none: s37 acc-regress O2).
    A block scalar's lines are its value, joined by spaces (a long title, "title: >-" over
    two indented lines, was the title ">-": s38 acc-read F9); a quoted value's YAML escapes
    are read ("It''s", "\\"no\\"")."""
    end = page.front - 1
    for k, key, value in _front_fields(page.texts, page.front):
        if key == "title" and value:
            quote = value[0] if len(value) > 2 and value[0] == value[-1] else ""
            if quote == '"':
                value = value[1:-1].replace('\\"', '"').replace("\\\\", "\\")
            elif quote == "'":
                value = value[1:-1].replace("''", "'")
            elif _BLOCK_SCALAR.fullmatch(value):
                # (the block is its lines indented more than its key: a line of its own
                # may read like a key, "Breaking: council approves ..."; s39 acc-read F5.
                # A text whose indentation was lost ends it at the next key)
                raw = [page.lines[i] for i, _ in page.items[k:end]]
                indents = [len(t) - len(t.lstrip()) for t in raw]
                indented = any(indents[1:])
                n = 1
                while n < len(raw) and (
                    indents[n] > indents[0] if indented else not _FRONT_KEY.fullmatch(raw[n])
                ):
                    n += 1
                value = " ".join(page.texts[k + 1 : k + n])
            value = value.strip()
            return (page.items[k][0], value) if value else None
    return None


#: The fewest words of a headline on a date line, after its date ("23.01.2022 - Dorothea
#: Wierer darf ...")
_DATED_HEADLINE_WORDS = 4
#: What follows a date that opens a headline ("1. Januar 2024: Das ändert sich"), not a
#: date line's next field ("6. März 2024 | Umwelt & Klima")
_HEADLINE_DATE_ENDS = (":", "-", "–", "—")


def _short_clause(s: str) -> bool:
    """Whether ``s``, a rest of a date line of a few words, reads as a headline's clause
    ("Wierer gewinnt Sprint", "Bahn streikt wieder"): it starts with a capital, has no digit
    and a word in small letters of four letters or more, a verb or a noun (not a connector:
    "von", "by", "&"). A post's meta line has none: its author "Reiner Nagel", a section
    "Umwelt & Klima", "3 Kommentare", "6 min read"."""
    return (
        s[:1].isupper()
        and not any(c.isdigit() for c in s)
        and any(len(w) >= 4 and w.isalpha() and w[0].islower() for w in s.split()[1:])
    )


def _title_text(
    s: str,
    found: list[dict[str, Any]] | None = None,
    cjk: bool = True,
    least: int = _DATED_HEADLINE_WORDS,
) -> str | None:
    """The headline a candidate line can hold: None for a date line ("Posted on April 29,
    2022", "21:17 18.11.2019 Get short URL"), the rest of a line that starts with a date
    glued to a headline ("27.01.2022MineralölINFO November 2021"), else the line itself.
    ``least``: the fewest words of a rest after a date (fewer: a date line)."""
    if found is None:
        if not _PREFILTER.search(s):
            return s
        found = find_dates([s])
    if not found:
        return s  # a year alone is no date: "2018 Boys State Swim Results"
    first = found[0]
    rest = s[first["col"] + len(first["text"]) :]
    if first["col"] == 0 and n_words(rest, cjk) >= 3:
        if cjk and _DATELINE_REST.match(rest) is not None:
            return None  # a dateline: "2023年10月18日 10:02 来源：新华网"
        if _DATE_CONTINUES.match(rest) is not None or rest.rstrip().endswith("。"):
            # (a sentence that starts with its date, "令和9年4月1日から、…になります。": a
            # headline neither goes on from its date nor ends with a full stop)
            return None
        glued = rest[:1].isalnum()
        rest = _LEAD_SEP.sub("", rest)
        at = len(s) - len(rest)
        if len(found) > 1 and found[1]["col"] == at:
            # (a date line that gives two dates, the post's and its update, as themes print
            # them, glued or not: "1. November 20231. November 2023 Bockenem, Polizei",
            # "28. Juni 2019 | 14. Januar 2020 | Klaus Q." (:func:`_glued_dates`); its rest
            # was a title candidate, "1. November 2023 Bockenem, Polizei", and won over the
            # headline above it. A headline after a date may start with one, "28.12.2023 -
            # 1. Januar 2024: Das ändert sich": apart from the first, the second date with a
            # colon or a dash after it is the headline's, s40 acc-read F2; review2 R11)
            after = rest[len(found[1]["text"]) :].lstrip()
            if not glued and after[:1] in _HEADLINE_DATE_ENDS:
                return rest
            return _title_text(rest, [{**c, "col": c["col"] - at} for c in found[1:]], cjk, least)
        # (fewer words after a date are the post's meta line: its author "Reiner Nagel", a
        # section "Umwelt & Klima", "3 Kommentare", "6 min read", a time; on the dev pages
        # 37 such candidates, none a headline, where 6 of 53 rests of 4 words or more were)
        return rest if n_words(rest, cjk) >= least else None
    # a breadcrumb glued to a date, then the headline: "StartseiteNews & mehr23.01.2022 -
    # Dorothea Wierer darf ..."
    # (glued: a date line "Do 24. Mai 2018, 08:30 | ANZEIGE | 1 Kommentar" holds no headline)
    col = first["col"]
    if (
        s[col - 1 : col].isalnum()
        and len(s[:col].split()) <= 5
        and _DATE_SEP.match(rest)
        and n_words(rest, cjk) >= 4
    ):
        return _LEAD_SEP.sub("", rest)
    if n_words(s, cjk) <= 10:
        return s if _headline_dated(s, first, rest) else None
    return s


#: A date line's label before its colon ("Last updated:", "Stand:", "Publié le :"): no
#: headline's topic
_DATE_LABEL = re.compile(
    r"(?i).*\b(?:updated?|posted|published|modified|released|date[ds]?|stand|aktualisiert"
    r"|ver(?:ö|oe)ffentlicht|erstellt|datum|publi[ée]e?|mis à jour|modifi[ée]e?|actualizad[oa]"
    r"|publicad[oa]|fecha|aggiornat[oa]|pubblicat[oa]|bijgewerkt|gepubliceerd|atualizad[oa])\b"
)
#: A weekday's name before a date ("Sunday 19 May 2024"), with its comma
_WEEKDAY_END = re.compile(r"(?i)\s*\b(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*$")


def _headline_dated(s: str, first: dict[str, Any], rest: str) -> bool:
    """Whether line ``s``, of at most ten words with its date ``first`` inside, is a headline
    that names its day at its end: a topic, a colon and what the page is about, then the
    date ("Premier League results: final day, Sunday 19 May 2024"), nothing after it. A date
    line's label has no topic of its own ("Last updated: Sunday 19 May 2024", "Posted on
    April 29, 2022"): the words after the colon must be two or more, the label's no date
    label's (s48 acc-live results-en-1: the results page's headline was no candidate)."""
    if rest.strip(" .,)"):
        return False
    head = _WEEKDAY_END.sub("", s[: first["col"]]).rstrip()
    # (the date set apart from the words before it, by a comma or a dash: a date the
    # headline's sentence goes on into is a teaser's or a page's of that day, "Horóscopo do
    # dia: previsões para 1 de novembro de 2020", a sidebar's, won over the dev page
    # htmldate 1756260927's headline)
    if head[-1:] not in ",–—-":
        return False
    head = head.rstrip(" ,–—-")
    label, colon, topic = head.partition(":")
    return (
        bool(colon)
        and len(label.split()) >= 2
        and len(topic.split()) >= 2
        and _DATE_LABEL.match(label) is None
        and _DATE_LABEL.match(topic) is None
    )


def _stripped_dates(page: Page, i: int, s: str) -> list[dict[str, Any]]:
    """The dates on line ``i`` with columns counted in its stripped text ``s``."""
    found = page.dates_on(i)
    if not found:
        return found
    lead = page.lines[i].find(s[:1])
    return [{**c, "col": c["col"] - lead} for c in found] if lead else found


def _dated_entry(page: Page, k: int) -> bool:
    """Whether the page's non-empty line ``k`` opens with a date followed by words, as the
    entries of a timeline do ("June 1, 2016: The council proposes a barrier.")."""
    if not 0 <= k < len(page.items):
        return False
    i, s = page.items[k]
    if i not in page.dated_lines():
        return False
    found = _stripped_dates(page, i, s)
    return (
        bool(found)
        and found[0]["col"] == 0
        # (an entry's text may be short: "May 3, 2019: Building work starts.")
        and _title_text(s, found, page.cjk, _TITLE_MIN_WORDS) not in (None, s)
    )


#: What :func:`_title_shape` returns
_TitleShape = tuple[
    int, int, float, bool, bool, bool, float, bool, bool, bool, bool, bool, bool, bool, float,
    bool, bool, bool, tuple[str, ...],
]  # fmt: skip


# (2,048 entries of ~1 KB: on 12,000 benchmark pages 5,709 misses against 5,430 with 8,192,
# whose fill, ~8 MB more, went on growing the run's memory for ~20,000 pages)
@lru_cache(maxsize=2048)
def _title_shape(s: str, cjk: bool = True, furniture: bool | None = None) -> _TitleShape:
    """What a title candidate's features read off its text alone: its word and character
    counts and their terms, how it ends and starts, colon, pipe, capitals, furniture, an
    ellipsis, a "| Site" tail, and its words (:func:`_toks`). Cached (about half of a
    candidate's cost): menu items, furniture, bylines and site names recur on the pages of
    a site. ``cjk``: the page has Chinese or Japanese characters (see :func:`n_words`)."""
    words = s.split()
    # (Thai, Lao, Myanmar, Khmer: words by letters, :func:`spaceless_words`)
    nw = n_words(s) if cjk else len(words) if s.isascii() else spaceless_words(s)
    n_chars = len(s)
    initials = [w[0] for w in words if w[0].isalpha()]
    n_alpha = len(initials)
    caps = sum(map(str.isupper, initials))
    return (
        nw,
        n_chars,
        math.log1p(nw),
        4 <= nw <= 20,
        nw < 3,
        nw > 25,
        math.log1p(n_chars),
        s[-1] == ".",
        s[-1] == ":",
        s[:1].islower(),
        ":" in s[:-1],
        " | " in s,
        s.isupper(),
        # (a furniture line is a few words: "Share", "Skip to main content")
        (n_chars <= 60 and _FURNITURE_L.match(s.lower()) is not None)
        if furniture is None
        else furniture,
        caps / nw,
        n_alpha > 0 and caps >= 0.7 * n_alpha and nw >= 3,
        s.endswith(("…", "...")),
        # (a match is at most 34 characters long, at the end)
        _SEP_SITE.search(s, max(0, n_chars - 34)) is not None,
        tuple(_toks(s)),
    )


#: A copyright notice's years and holder without its mark: "1996-2016 The Washington Post"
_YEARS_HOLDER = re.compile(r"(?:1[89]|20)\d\d(?:\s*[-–]\s*(?:1[89]|20)\d\d)?\s+\w")
#: What may follow a notice's holder on its line: spaces, then the line's end or a stop
_NOTICE_END = re.compile(r"[ \t]*(?:$|[.,;|•·])", re.MULTILINE)
#: A copyright's mark right before a notice's years
_MARK_BEFORE = re.compile(r"(?:©|\([cC]\)|\b[Cc]opyright|COPYRIGHT)\s*$")


def _unsigned_copyright(text: str, s: str) -> bool:
    """Whether candidate ``s``, a year (or a span of years) and a name, is the page's
    copyright notice shown without its mark: the page's ``text`` writes it with one too
    ("1996-2016 The Washington Post", a header's link, over "© 1996-2016 The Washington
    Post" in the footer; the link won the title over the story's headline, s48 tuning
    set). A headline that opens with a year ("2018 Boys State Swim Results") is never
    written after a copyright's mark. Only a line that opens with a year is searched for,
    with ``str.find`` (a regex made per line filled ``re``'s cache)."""
    if _YEARS_HOLDER.match(s) is None:
        return False
    at = text.find(s)
    while at >= 0:
        end = at + len(s)
        # (the whole notice: the line's end or a stop after the line's words, "© 2024
        # Harbour Times Awards Ltd" is no notice of a headline "2024 Harbour Times Awards")
        after = text[end : end + 1]
        if (
            not after or after in "\n.,;|•·" or (after in " \t" and _NOTICE_END.match(text, end))
        ) and (_MARK_BEFORE.search(text[max(0, at - 12) : at]) is not None):
            return True
        at = text.find(s, end)
    return False


#: the least width of a wrapped line over a line without spaces, as a share of the page's
#: widest line: a text browser filled it (the s47 Thai page's: 0.86)
_WRAPPED_SHARE = 0.8


def _wrapped_on(lines: list[str], i: int, widest: list[int]) -> bool:
    """Whether line ``i`` is a wrapped line of a paragraph that goes on in the next line:
    the next line, at the same indent, opens with a letter, and its first word would not
    have fitted on line ``i`` within the page's widest line (a text browser broke the
    line there). A title is no such fragment: the first line of a Thai paragraph, which
    has no case or sentence mark to tell its break by, was a lynx page's title, and it
    left the text (s47 acc-regress R4). A headline over its standfirst, with no blank
    line between, is short enough for the standfirst's first word. ``widest``: an empty
    list, or one holding the widest line's width (set by the first call that needs it),
    then its width in columns (:func:`width`; set by the first call on a CJK line). When
    the next line is of another script without spaces (Thai), its first word is unknown,
    and line ``i`` is wrapped only when it is nearly as wide as the widest line too
    (:data:`_WRAPPED_SHARE`; s49 acc-read F4)."""
    cur, nxt = lines[i], lines[i + 1]
    body = nxt.lstrip()
    if not body[:1].isalpha() or len(nxt) - len(body) != len(cur) - len(cur.lstrip()):
        return False
    if not widest:
        widest.append(max(map(len, lines)))
    if _CJK_CHARS.match(body) is not None:
        # (Chinese and Japanese break at any character: the first that would not have
        # fitted, in columns (two per character, as a text browser counts them), not the
        # next line's run up to a space, which may be all of it: a press release's headline
        # over its first paragraph, "大学入学者選抜における…について" / "文部科学省では、…", was
        # read as a paragraph's first line and the ministry's name won; s47 acc-gov pr-ja-1)
        if len(widest) < 2:
            widest.append(max(map(width, lines)))
        return width(cur.rstrip()) + 2 > widest[1]
    w = len(cur.rstrip())
    sp = body.find(" ")
    if sp < 0 and w < _WRAPPED_SHARE * widest[0]:
        return False
    return w + 1 + (len(body.rstrip()) if sp < 0 else sp) > widest[0]


#: The words of a short line between a headline and its date line (:func:`_over_short_lines`)
_SHORT_BETWEEN_WORDS = 3


def _over_short_lines(page: Page, k: int, dated: set[int]) -> int:
    """How many short lines (one or two, of :data:`_SHORT_BETWEEN_WORDS` words or fewer, no
    sentence end: a bare byline, a place) stand between line ``k`` and a line of ``dated``
    (a date line or a byline) under it; 0 if not so, or line ``k`` is not headline-like
    (4..30 words, no sentence end)."""
    nwords, texts, n = page.nwords, page.texts, len(page.texts)
    if not (4 <= nwords[k] <= 30) or texts[k].rstrip(_CLOSERS)[-1:] in _ENDERS:
        return 0
    for x in (k + 1, k + 2):
        if x >= n or nwords[x] > _SHORT_BETWEEN_WORDS or texts[x][-1:] in _ENDERS:
            return 0
        if x + 1 in dated:
            return x - k
    return 0


class TitlePool:
    """A page's title candidates with their features (:data:`TITLE_FEATURES`).

    ``cands`` holds ``(k, line, text)`` (``k`` the index among non-empty lines) and ``rows``
    the feature rows in the same order, with the :data:`TITLE_LATE` features 0 until
    :meth:`complete` fills them in.
    """

    __slots__ = ("_texts", "cands", "page", "reps", "rows", "toks")

    def __init__(self, page: Page, head: int | None = None) -> None:
        """``head``: a non-blank line's index that is a candidate however short and
        wherever it stands (the line over the kept text's byline, :func:`kept_head`)."""
        self.page = page
        self.cands: list[tuple[int, int, str]] = []
        self.rows: list[list[float]] = []
        #: per candidate, how many of the page's lines are its text
        self.reps: list[int] = []
        #: per candidate, its words (:func:`_toks`: what the overlaps count)
        self.toks: list[tuple[str, ...]] = []
        #: the lowercased lead and body, the lead's length when it is the body's start
        #: (else 0), and the page's text, made by the first :meth:`complete`
        self._texts: tuple[str, str, int, str] | None = None
        items, paras, body, nwords = page.items, page.paras, page.body, page.nwords
        n_items = len(items)
        last = min(n_items, max(page.me, body) + 1)
        ms = page.ms
        window = _union(
            (max(0, ms - _TITLE_BEFORE), min(last, ms + _TITLE_AFTER + 1)),
            (max(0, body - _TITLE_BEFORE), min(last, body + _TITLE_AFTER + 1)),
            (0, min(_TITLE_FIRST, last)),
        )
        if not window:
            return
        # a headline-like line over a byline ("By Jane Doe, CNN") anywhere above the main
        # block and the first paragraph is a candidate too: they may start far below the
        # story's header (a video player's list between them). (Not below them: the
        # teasers of other stories after the story have their bylines too)
        inside = set(window)
        texts = page.texts
        extra = [
            k
            for k in range(min(ms, body, n_items - 1))
            if 4 <= nwords[k] <= 30
            and nwords[k + 1] <= _DATELINE_WORDS
            and not paras[k]
            and k not in inside
            and texts[k].rstrip(_CLOSERS)[-1:] not in _ENDERS
            and _byline_line(texts[k + 1])
        ]
        if head is not None and head not in inside and head < n_items:
            extra.append(head)
        if extra:
            window = sorted(inside.union(extra))
        # short lines (menus, section names) only close to the top of the article;
        # one-word headlines ("Zeitphilosophie") only just above the text and short
        near_lo = (max(0, ms - _TITLE_NEAR), ms + 6, max(0, body - _TITLE_NEAR), body + 6)
        one_lo = (max(0, ms - _TITLE_NEAR_ONE), ms, max(0, body - _TITLE_NEAR_ONE), body)
        texts, lines = page.texts, page.lines
        n_lines = len(lines)
        end = window[-1] + 1
        # per line: a headline-like line (4..30 words, no sentence end) and how many came
        # before
        top = min(n_items, end + 3)
        long_np = [
            4 <= nw <= 30 and not p and t.rstrip(_CLOSERS)[-1:] not in _ENDERS
            for nw, p, t in zip(nwords[:top], paras[:top], texts[:top], strict=True)
        ]
        nlb = list(accumulate(long_np, initial=0))
        n_long = len(long_np)
        # (padded: nlb_pad[k + 3] is nlb[k] for k in -3..n_long + 3, clamped at both ends)
        nlb_pad = [0, 0, 0, *nlb, *[nlb[-1]] * 6]
        page.dates()  # (fills page.year_lines)
        year_lines = page.year_lines
        dated_lines = page.dated_lines()

        # the candidates first: the word overlaps below need the page's text only when
        # there is one
        cands = self.cands
        furnitures: list[bool | None] = []
        labels = _list_labels(lines)
        # (the lines of a front matter are its fields, none a headline: a reader's header's
        # "Title: ... - Site", "URL Source: https://...", s39 acc-md 10)
        fm = page.front_lines
        # (the widest line's width, for _wrapped_on: measured when a candidate has a line
        # under it at its indent)
        widest: list[int] = []
        for k in window:
            # (a prose paragraph is never taken as the title, but a headline over its
            # dateline, the first paragraph of the body or of the main block: see
            # _over_dateline. Most lines of the window are paragraphs: they are passed over
            # before anything else is read of them)
            if paras[k] and ((k != body and k != ms) or not _over_dateline(page, k)):
                continue
            i, s = items[k]
            if i < fm:
                continue
            if "]" in s and _link_row(s):
                continue
            if s[0] == "[" and _LINK_ITEM.match(s) and _in_link_list(items, k):
                # (an item of a list of links, a teaser's: lynx's "[41]Walmart CEO: …" among
                # the related stories' "[40]…", "[42]…" was a page's title over its
                # headline; s45 acc-regress R9)
                continue
            if (
                s[0] == "["
                and (m := _LINK_MARK.match(s)) is not None
                and _headline_link(page, k, s[m.end() :])
            ):
                s = s[m.end() :]  # (lynx's number of a headline's link; see _headline_link)
            if s[0] in "#*_" and (t := _markup_text(s)) is not None:
                s = t  # (a markdown heading's or emphasis's text: see _MARKUP_LINE)
            nw = nwords[k]
            if (
                nw > _TITLE_MAX_WORDS
                or (
                    k != head
                    and nw <= _TITLE_SHORT
                    and not (near_lo[0] <= k < near_lo[1] or near_lo[2] <= k < near_lo[3])
                )
                or (
                    nw < _TITLE_MIN_WORDS
                    and k != head
                    and not (
                        (one_lo[0] <= k <= one_lo[1] or one_lo[2] <= k <= one_lo[3])
                        and 3 <= len(s) <= 25
                    )
                )
                # a counted link, "Islamic State Rises (1881)"
                or (s[-1] == ")" and _PAREN_NUM.search(s))
            ):
                continue
            never, furniture = (
                _never_title(s) if len(s) <= _LINE_CACHE_CHARS else _never_title.__wrapped__(s)
            )
            if never or (s[0].isdigit() and _unsigned_copyright(page.text, s)):
                continue
            if cands and cands[-1][0] == k - 1 and _names_line(s):
                # (two people's names right under a candidate are its byline, "Claire Dubois
                # et Marc Lefèvre" under a paper's headline; alone, or first, a biography's
                # or an interview's headline: see _never_title)
                continue
            if ("(" in s and _PLACE_MARK.search(s) is not None) or (
                s in (texts[k - 1] if k else "", texts[k + 1] if k + 1 < len(texts) else "")
                and _names_line(s)
            ):
                # (a photo's caption: people's places in it, "Marcell Jansen (l.) Piotr
                # Trochowski", or names printed twice in a row, an image's alt over its
                # caption in w3m and lynx, "Samuel Alito and Elizabeth Prelogar"; s49
                # acc-regress R2)
                continue
            if (
                i + 1 < n_lines
                and piece_of_sentence(items[k][1], nxt := lines[i + 1].strip())
                and i + 1 not in dated_lines
                and not _is_byline(nxt)
            ):
                # (a piece of a sentence that goes on in the next line, which is no date line
                # in small letters, "terça-feira, 22 de outubro", nor a byline: "De
                # hulpdiensten in Den Haag reageren onder meer op 112 meldingen die bij deze
                # veiligheidsregio" won, and the stage dropped it, leaving no title)
                continue
            if i + 1 < n_lines and _wrapped_on(lines, i, widest):
                continue
            if _list_item(lines, i, s, labels):
                continue
            # (only a line with a date can hold a date line or a glued date)
            headline = (
                _title_text(s, _stripped_dates(page, i, s), page.cjk) if i in dated_lines else s
            )
            if headline is None and i in dated_lines:
                # (a short headline after its date, "23.01.2022 - Wierer gewinnt Sprint", is
                # one when it reads as a clause; it was no title and the line left the text
                # as a date line, s40 acc-read F22; under the site's name too, review2 R12)
                short = _title_text(s, _stripped_dates(page, i, s), page.cjk, _TITLE_MIN_WORDS)
                headline = short if short is not None and _short_clause(short) else None
            if (
                headline is not None
                and headline is not s
                and (_dated_entry(page, k - 1) or _dated_entry(page, k + 1))
            ):
                # (a timeline's or a changelog's entry, "May 3, 2019: Building work starts.",
                # between others: no headline, though one alone after its date may be; the
                # entry won over the page's headline, s33 acc-regress #12)
                continue
            if headline is not None:
                cands.append((k, i, headline))
                # (the line's furniture test, made by _never_title, is the shape's when the
                # candidate is the whole line)
                furnitures.append(furniture if headline is s else None)
        if not cands:
            return
        # per line next to a candidate (one above, three below): a date or a byline on it
        # (one pass instead of a call per neighbour of each candidate)
        # (only the neighbours are tested, not every line between the first and the last)
        near = {x for k, _, _ in cands for x in (k - 1, k + 1, k + 2, k + 3) if 0 <= x < n_items}
        cjk_page = page.cjk
        dated = {
            x
            for x in near
            if items[x][0] in year_lines
            or (nwords[x] <= _DATELINE_WORDS and _byline_line(texts[x]))
        }
        # a picture's credit between a line that is no sentence and a byline or a date is
        # of the byline block: "Photo: AFP" between the headline and the byline hid the
        # byline from the headline (s33 acc-regress #17). (Under a sentence it credits a
        # caption or a standfirst's picture: "The world of … fingertips." / "Image: VICKY
        # LETA / MASHABLE" / "By Sage Anderson"; above other lines, a caption's)
        dated |= {
            x
            for x in near
            if x + 1 in dated
            and x > 0
            and texts[x - 1].rstrip(_CLOSERS)[-1:] not in _ENDERS
            and nwords[x] <= _PICTURE_CREDIT_WORDS
            and ":" in texts[x]
            and _PICTURE_CREDIT.match(texts[x]) is not None
        }
        # in a caseless script (Arabic, Hebrew, the Indic scripts, Thai...), the headline over
        # a bare byline and a place line ("राहुल शर्मा | भोपाल" / "मुंबई" / the date) is next to
        # its date line over those short lines: they gave the place line the date's features,
        # and nothing told the byline from a headline (in Latin scripts, capitals do; s50
        # acc-scripts N5)
        over_short: dict[int, int] = (
            {}
            if cjk_page
            else {
                k: n_short
                for k, _, s in cands
                if k + 1 not in dated
                and not s.isascii()
                and s.lower() == s.upper()
                and (n_short := _over_short_lines(page, k, dated))
            }
        )
        # exact repeats, counted once for the page: the lines as long as a candidate (the
        # others cannot equal one, and are not hashed), then a look-up per candidate. (A
        # list.count per candidate compared it with every line of the page: ~5 % of the
        # stage's instructions.)
        names = list(map(itemgetter(2), cands))
        sizes = set(map(len, names))
        # (a dict: a Counter's set-up, its update's type tests, cost more than counting the
        # ten or so lines of a candidate's length; s45)
        counts: dict[str, int] = {}
        for same in compress(texts, map(sizes.__contains__, page.lens)):
            counts[same] = counts.get(same, 0) + 1
        self.reps = reps = list(map(counts.get, names, repeat(0)))
        longest = max(sizes)
        log1p = math.log1p
        rows, toks = self.rows, self.toks
        cjk = page.cjk
        for (k, _, s), n_rep, furn in zip(cands, reps, furnitures, strict=True):
            (nw, n_chars, nw_log, nw_4_20, nw_lt3, nw_gt25, chars_log, ends_period, ends_colon,
             starts_lower, has_colon, has_pipe, upper, furniture, cap_ratio, title_case,
             truncated, sep_site, tk) = (
                _title_shape if len(s) <= _LINE_CACHE_CHARS else _title_shape.__wrapped__
            )(s, cjk, furn)  # fmt: skip
            next_dated = k + 1 in dated or k in over_short
            lnp = long_np[k]
            prv_hl = k > 0 and long_np[k - 1]
            nxt_hl = k + 1 < n_long and long_np[k + 1]
            seen = nlb[k]
            rep = n_rep or 1
            d_b, d_ms = body - k, k - ms
            if k in over_short and d_ms < 0:
                # (the short lines skipped count as the date line's: see over_short)
                d_ms = min(-1, d_ms + over_short[k])
            toks.append(tk)
            rows.append(
                [
                    nw_log,
                    nw_4_20,
                    nw_lt3,
                    nw_gt25,
                    chars_log,
                    n_chars,  # chars_rel, divided below
                    ends_period,
                    ends_colon,
                    log1p(k),
                    log1p(d_b) if d_b > 0 else -log1p(-d_b),
                    d_b > 0,
                    log1p(-d_ms) if d_ms < 0 else -log1p(d_ms),
                    -3 <= d_ms <= -1,
                    math.log(rep),
                    rep > 1,
                    prv_hl,
                    (nlb_pad[k + 7] - nlb_pad[k] - lnp) / 6,
                    prv_hl and (ends_period or nw > 15),
                    log1p(seen),
                    k + 2 < n_items and paras[k + 2],
                    k == 0 or nwords[k - 1] <= 3,
                    starts_lower,
                    has_colon,
                    has_pipe,
                    upper,
                    furniture,
                    0.0,  # lead_overlap_n, set by complete()
                    next_dated,
                    k - 1 in dated,
                    next_dated or k + 2 in dated or k + 3 in dated,
                    # a deck (standfirst) follows the headline: a headline-like line above
                    # with fewer words, or below with more
                    prv_hl and nwords[k - 1] < nw,
                    nxt_hl and nwords[k + 1] > nw,
                    cap_ratio,
                    title_case,
                    0.0,  # body_overlap_n, set by complete()
                    False,  # contained_elsewhere, set by complete()
                    # truncated_copy: the copy is looked up in the page
                    truncated and "\n".join(texts).count(s.rstrip("….")) > 1,
                    sep_site,
                ]
            )
        # page-relative: against the page's longest candidate
        longest = max(1, longest)
        for r in rows:
            r[_C_CHARS_REL] /= longest

    def complete(self, j: int, floor: float = -math.inf, early: float = 0.0) -> bool:
        """Fill in candidate ``j``'s :data:`TITLE_LATE` features, the costliest (each scans
        the page or its body): whether the line is also inside another line
        (``contained_elsewhere``: "Headline | Site", breadcrumbs) and its word overlaps with
        the lead (the first paragraphs of the main block: the story the headline is about)
        and with the body (the first paragraphs from the first one on).

        A word is looked up as a whole-word substring of their lowercased starts (:func:`_fold`): one
        C-level search per word instead of tokenising the text (but each search for a word
        the text lacks scans all of it). :func:`rank_titles` calls this only for the
        candidates that can win.

        ``floor``, ``early``: the best full score so far and this candidate's score without
        the late features. The features are computed in steps (the lead overlap, the body
        overlap, the count in the page), and after each step the score's upper bound (what
        is known plus the most the rest can add) is compared with ``floor``: False as soon
        as the candidate cannot reach it (its row is then left incomplete), True when the
        row is complete. About half of the candidates :func:`rank_titles` completes lose
        after the lead or the body overlap (the searches of the next steps are saved)."""
        if self._texts is None:
            page = self.page
            items, paras, body, ms = page.items, page.paras, page.body, page.ms
            first = _first_paras(items, paras, body, 12)
            if ms <= body:
                # the lead is the body's start, its first three paragraphs (the length of
                # their join): case folding maps each character alone, so the body is
                # folded once and the lead is its start
                n_lead = min(_LEAD_CHARS, max(0, sum(map(len, first[:3])) + len(first[:3]) - 1))
                bodytext = _fold("\n".join(first)[:_BODY_CHARS])
                lead = bodytext[:n_lead]
                self._texts = (lead, bodytext, len(lead), page.text)
            else:
                lead = _fold("\n".join(_first_paras(items, paras, ms, 3))[:_LEAD_CHARS])
                bodytext = _fold("\n".join(first)[:_BODY_CHARS])
                self._texts = (lead, bodytext, 0, page.text)
        lead, bodytext, n_lead, joined = self._texts
        s = self.cands[j][2]
        tk = self.toks[j]
        c_lead, c_body, c_contained = _late_coef()
        log1p = math.log1p
        n_tk = len(tk)
        # Each search a word misses lowers the most the overlap can reach: as soon as the
        # score's bound with every word still to look up found (the test below, with fewer
        # words) cannot reach ``floor``, the test after the loop cannot either (each term is
        # monotone in the count for a coefficient >= 0), and the rest is not searched.
        tail_body = max(0.0, c_body) * log1p(n_tk)
        tail_contained = max(0.0, c_contained)
        in_lead: list[str] = []
        if lead:
            prune = c_lead >= 0.0 and floor != -math.inf
            missed = 0
            for w in tk:
                if w in lead and _has_word(lead, w):
                    in_lead.append(w)
                elif prune:
                    missed += 1
                    top = early + c_lead * log1p(n_tk - missed)
                    if top + tail_body + tail_contained + 1e-9 < floor:
                        return False
        lead_ov = log1p(len(in_lead))
        # (a margin for the rounding of the bound's sum: a tie is completed, not dropped)
        part = early + c_lead * lead_ov
        if part + tail_body + tail_contained + 1e-9 < floor:
            return False
        prune = c_body >= 0.0 and floor != -math.inf
        missed = 0
        ov = 0
        for w in tk:
            if n_lead:
                # the lead is the body's start: a word found there (not at its very end,
                # where the body goes on) is in the body, one not found there is looked up
                # after it
                hit = (
                    (not lead.endswith(w) or _has_word(bodytext, w))
                    if w in in_lead
                    else _has_word(bodytext, w, max(0, n_lead - len(w)))
                )
            else:
                hit = _has_word(bodytext, w)
            if hit:
                ov += 1
            elif prune:
                missed += 1
                if part + c_body * log1p(n_tk - missed) + tail_contained + 1e-9 < floor:
                    return False
        row = self.rows[j]
        row[_C_LOV] = lead_ov
        row[_C_BOV] = body_ov = log1p(ov)
        if part + c_body * body_ov + tail_contained + 1e-9 < floor:
            return False
        row[_C_CONTAINED] = joined.count(s) > self.reps[j]
        return True


@lru_cache(maxsize=8)
def _scorer(kind: str, names: str) -> Callable[[list[float]], float]:
    """:func:`model_rows` of the shipped model ``kind`` over this module's feature list
    ``names`` (dates, title), looked up by two short keys (``model_rows`` hashes the whole
    list of names on every call)."""
    lists = {"dates": FEATURES, "title": TITLE_FEATURES}
    return model_rows(kind, lists[names])


@lru_cache(maxsize=1)
def _late_coef() -> tuple[float, float, float]:
    """The title model's coefficients of the :data:`TITLE_LATE` features (lead overlap,
    body overlap, contained elsewhere), for the bounds of :meth:`TitlePool.complete`."""
    coef = model_coef("title", tuple(TITLE_FEATURES))
    return coef[_C_LOV], coef[_C_BOV], coef[_C_CONTAINED]


@lru_cache(maxsize=1)
def _late_gain() -> tuple[float, float]:
    """The most the :data:`TITLE_LATE` features add to a title's score: per unit of
    ``log1p(words)`` for the two overlaps (each counts at most every word of the
    candidate) and for ``contained_elsewhere``: the model's positive coefficients."""
    coef = model_coef("title", tuple(TITLE_FEATURES))
    return max(0.0, coef[_C_LOV]) + max(0.0, coef[_C_BOV]), max(0.0, coef[_C_CONTAINED])


#: A date in a URL's path: /2019/05/12/, /2019-05-12, _20190512 (the year first)
_URL_DATE = re.compile(r"[/_-]((?:19|20)\d\d)(?:([/_-])(\d\d?)\2(\d\d?)|(\d\d)(\d\d))(?![0-9])")
#: A year and a month as a URL's path folders ("/2024/03/council-budget")
_URL_MONTH = re.compile(r"/((?:19|20)\d\d)/(\d\d?)/(?!\d)")
#: The words of a URL's slug: runs of letters and digits, accents folded
_SLUG_TOKEN = re.compile(r"[a-z0-9]+")
_SLUG_EXT = re.compile(r"\.(?:s?html?|php|aspx?|jsp|cms)$")


def _url_parts(url: str | None, fragment: bool = False) -> tuple[str, str] | None:
    """A web address's host (lower case, without user and port) and path (without its
    leading slash; ``fragment``: with its "#" part after it); None for no address or one
    that does not parse."""
    if not url or "://" not in url:
        return None
    split = _split_url(url)
    if split is None:
        return None
    host, path, frag = split
    path = path.removeprefix("/")
    return host, path + "#" + frag if fragment and frag else path


@lru_cache(maxsize=8)
def _split_url(url: str) -> tuple[str, str, str] | None:
    """A web address's host (see :func:`_url_parts`), path and fragment, or None. Cached: a
    page's address is read three times (its slug, its date, its domain)."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
    except ValueError:  # ("http://[bad": an unclosed IPv6 bracket, a port that is no number)
        return None
    return host, parts.path, parts.fragment


def _url_month(url: str) -> tuple[int, int] | None:
    """The year and month a URL's path states as folders, if any ("/2024/03/slug")."""
    parts = _url_parts(url, fragment=True)
    m = _URL_MONTH.search("/" + parts[1]) if parts else None
    if m is None or not 1 <= (month := int(m.group(2))) <= 12:
        return None
    return int(m.group(1)), month


def _url_date(url: str) -> date | None:
    """The day a URL's path states, if any (an impossible day is none)."""
    parts = _url_parts(url, fragment=True)
    m = _URL_DATE.search("/" + parts[1]) if parts else None
    if not m:
        return None
    y = int(m.group(1))
    if m.group(2):
        return _mk(y, int(m.group(3)), int(m.group(4)))
    return _mk(y, int(m.group(5)), int(m.group(6)))


def _ascii_fold(s: str) -> str:
    """``s`` case-folded, in compatibility form, without its accents ("Schöner" -> "schoner",
    "Straße" -> "strasse"): how names and URL words are compared."""
    if s.isascii():
        # (an ASCII text has no compatibility form, accent or case folding beyond A-Z: the
        # same string, without a test per character)
        return s.lower()
    s = unicodedata.normalize("NFKD", s.casefold())
    return "".join(c for c in s if not unicodedata.combining(c))


def _slug_tokens(s: str) -> list[str]:
    return _SLUG_TOKEN.findall(_ascii_fold(s))


def _slug_words(url: str | None) -> frozenset[str] | None:
    """The words of the longest segment of ``url``'s path ("/2019/43/klimaschutz-banken-
    unternehmen-fracking" -> klimaschutz, banken, ...), numbers left out, the last of the
    longest (a story's slug follows its show's or section's: "/podcasts/hoy-en-el-pais/
    2025-02-14/la-vivienda-en-espana.html", s49 acc-service S14); None when it has fewer
    than three (an id, a date, a section)."""
    parts = _url_parts(url)
    if parts is None:
        return None
    best: list[str] = []
    for seg in parts[1].split("/"):
        words = [w for w in re.split(r"[-_+.,]", _SLUG_EXT.sub("", seg.lower())) if w]
        words = [w for w in words if not w.isdigit()]
        if len(words) >= len(best):
            best = words
    return frozenset(_slug_tokens(" ".join(best))) if len(best) >= 3 else None


def _slug_title(
    pool: TitlePool,
    slug: frozenset[str],
    i: int,
    s: str,
    vetoed: frozenset[int] = frozenset(),
) -> tuple[int, str]:
    """The title candidate whose words cover most of the URL's slug, instead of the model's
    choice (line ``i``, text ``s``), when it covers at least 60 % of the slug's words and
    0.2 more than the choice: a page's address names its story (dev text pages with their
    URLs: titles 671 -> 733 of 911 right; 71 fixed, 9 broken). ``vetoed``: the lines of
    candidates that are no title (:func:`no_title_lines`), not taken either: a PDF's
    running head "Summary   Improving the condition of school buildings   5" covered the
    address's "improving-school-buildings-summary" better than the title (s47 acc-gov
    pdf-en-1)."""

    def cover(t: str) -> float:
        return len(slug.intersection(_slug_tokens(t))) / len(slug)

    best = max(
        (
            (cover(t), -k, line, t)
            for k, (_, line, t) in enumerate(pool.cands)
            if line not in vetoed
        ),
        default=None,
    )
    if best is not None and best[0] >= 0.6 and best[0] >= cover(s) + 0.2:
        return best[2], best[3]
    return i, s


#: A spaced separator between a headline and a segment around it (" | ", " - ", " – ", " — "),
#: captured: a split gives the segments with the separators between them
_SEGMENT_SEP = re.compile(r"(\s+[|–—-]\s+)")
#: A score or a range, two numbers alone around a spaced dash ("Real Madrid 0 - 4
#: Barcelona", "10 - 12 Uhr"): the dash is no segment's separator (the score line lost its
#: tail, "Real Madrid 0"; s48 acc-live live-es-2). Not a code's digits: "SW082 – 82 Gründe"
_SCORE_DASH = re.compile(r"(?<!\S)(\d{1,3})\s+([–—-])\s+(\d{1,3})(?!\S)")


def _segment_spans(title: str) -> list[tuple[int, int]]:
    """Where each segment of ``title`` stands, ``(start, end)``, between the separators
    :data:`_SEGMENT_SEP` finds: a run of segments ``a`` to ``b`` is
    ``title[spans[a][0] : spans[b][1]]``, its separators inside. The one reading of a
    title's runs for the header title's shown line (:func:`_shown_segments`) and its
    segments (:func:`_segments_of`), which each split and joined them their way.
    (:func:`headline_of` reads its runs off its pieces' words and keys instead, split by
    :data:`_TITLE_SEP`.)"""
    spans: list[tuple[int, int]] = []
    at = 0
    for m in _SEGMENT_SEP.finditer(title):
        spans.append((at, m.start()))
        at = m.end()
    spans.append((at, len(title)))
    return spans


#: Marks that point at or bullet a headline line, with the space after them (not a German
#: quotation's "»": "»Abzocke wird als Klimaschutz verkauft«")
_LEAD_MARKS = re.compile(r"[»›▶►▸→➔➤•·▪■◆★]+[ \u00a0]+")


def _segment_cut(s: str) -> str:
    """The chosen title line without a segment that is no part of the headline: a kicker of
    one or two words before a headline of four or more ("Olympia 2022 - Zwei weitere
    Corona-Fälle! ...", "Update | Deceased Clarendon crash victims identified") or a tail of
    one or two words after one of three or more ("How to Grow a Lemon Tree from Seed |
    Step-by-Step Guide"): the segments a page's <title> or og:title joins to its headline,
    which a page shows when its headline line is that title. The title benchmark's truth
    (the page's own headline) has them removed: over its dev headlines with a separator, a
    head of at most two words before at least four was cut on 15 of 16, a tail of at most
    two words after at least three on 109 of 113 (research/metadata/REPORT.md)."""
    # (a mark that points at the headline is no part of it: "» Nam Nghi Phu Quoc ...")
    if (m := _LEAD_MARKS.match(s)) is not None:
        s = s[m.end() :]
    if " " not in s:
        return s
    if (scores := _SCORE_DASH.search(s)) is not None:
        # (a score's dash held out of the split: its spaces as NULs, put back below)
        s = _SCORE_DASH.sub(lambda m: "\0".join(m.group(1, 2, 3)), s)
    pieces = _SEGMENT_SEP.split(s)  # segment, separator, segment, ...
    if scores:
        s = s.replace("\0", " ")
        pieces = [p.replace("\0", " ") for p in pieces]
    if len(pieces) < 3:
        return s
    if (
        len(pieces[0].split()) <= 2
        and len((rest := "".join(pieces[2:])).split()) >= 4
        # (a headline in small letters goes on from the head: "Hating Millennials - the
        # prejudice you're allowed to boast about" is one headline, s34's held-out pages)
        and not rest[:1].islower()
    ):
        return rest
    if (
        len(pieces[-1].split()) <= 2
        and len((rest := "".join(pieces[:-2])).split()) >= 3
        and not _own_tail(pieces[-1])
    ):
        return rest
    return s


#: A quantity with its unit, or a pack of them: a product's variant ("1 kg", "500 g",
#: "2x250g", "75 cl", "128GB"), never a site's name. A one-letter unit glued to its number
#: is in small letters ("500g", "1 L"): in capitals it is a name's ("| 3M", "| 5G" were
#: kept as quantities; s44 acc-read F17)
_QUANTITY = re.compile(
    r"(?:\d+\s*[x×]\s*)?\d+(?:[.,]\d+)?"
    r"(?:\s*(?i:kg|mg|ml|cl|dl|oz|lbs?|gal|cm|mm|tb|gb|mb)|\s*[glm]|\s+(?i:[glm]))\.?"
)


def _own_tail(tail: str) -> bool:
    """Whether a title's short last segment is the headline's own, no site's name: a
    question ("Kupplung rutscht bei warmem Motor – Ölwechsel schuld?": the thread's),
    a quantity ("Espresso Bohnenglück Nr. 3 – 1 kg": the product's variant, :data:`_QUANTITY`)
    or a month with its year ("Eventi in città – giugno 2025"). A site names itself with
    none of them; cutting them lost the tester's titles (s42 acc-pages F6)."""
    tail = tail.strip()
    if tail.endswith("?") or _QUANTITY.fullmatch(tail):
        return True
    words = tail.split()
    return (
        len(words) == 2
        and words[0].lower().rstrip(".") in MONTHS
        and len(words[1]) == 4
        and words[1].isdigit()
    )


def _shown_segments(page: Page, title: str, whole: set[str], label: str | None) -> list[int]:
    """The content lines (after the front block) a reader's header's ``title`` names: one of
    ``whole`` (the title, the title cut), else the longest run of its segments (joined by
    :data:`_SEGMENT_SEP`) of two words or more that a line is, but the site's name (the
    domain ``label``'s).  The cut keeps a tail of two words or fewer: a site's name of three
    ("Blogposting 01/23/2020 – Nur mein Standpunkt") or one with an issue ("Ein Albtraum -
    DER SPIEGEL 52/2018") stayed on it, no line was found, and the ranker's pick won, a
    search form's filter or the blog's previous post (s42 acc-regress R4)."""
    shown = [k for k in _indices(page.texts, whole) if k >= page.front]
    if shown:
        return shown
    # Each line is looked for in the title, not each run of segments among the lines: a
    # keyword-stuffed title of n segments has n² runs of n characters (400 segments took
    # 9 s, s43 acc-read F4). A line is a run when it stands in the title from a segment's
    # start to a segment's end; the longest wins, the first of equals.
    spans = _segment_spans(title)
    starts, ends = {a for a, _ in spans}, {b for _, b in spans}
    best: tuple[int, int, str] | None = None
    for line in set(page.texts[page.front :]):
        if not line or line in whole or (best and len(line) < -best[0]):
            continue
        at = title.find(line)
        while at >= 0 and not (at in starts and at + len(line) in ends):
            at = title.find(line, at + 1)
        if (
            at >= 0
            and (best is None or (-len(line), at) < best[:2])
            and len(_WORD.findall(line)) >= 2
            and not (label and _is_domain_name(line, label))
        ):
            best = (-len(line), at, line)
    return [] if best is None else [k for k in _indices(page.texts, {best[2]}) if k >= page.front]


def _segments_of(whole: str, part: str) -> bool:
    """Whether ``part`` is one or more whole segments of the title ``whole`` (joined by
    :data:`_SEGMENT_SEP`, case aside): "Über uns" of "Über uns – 2gewinnt | Kabarett", not
    "Opening Bell" of "Opening Bell 11.18.19 - Dealbreaker"."""
    spans = _segment_spans(whole)
    want = part.casefold()
    folded = whole.casefold()
    if want and len(folded) == len(whole):
        # (each character folded to one: each place where ``want`` is, tested against the
        # segments' starts and ends; every run of segments sliced and folded was quadratic
        # in a title of hundreds of segments: 3.9 s for 800; s45 read F15)
        starts, ends = {a for a, _ in spans}, {b for _, b in spans}
        at = folded.find(want)
        while at >= 0:
            if at in starts and at + len(want) in ends:
                return True
            at = folded.find(want, at + 1)
        return False
    return any(
        whole[a:b].casefold() == want for k, (a, _) in enumerate(spans) for _, b in spans[k:]
    )


#: A comment section's heading, which quotes the post's title: "5 thoughts on “Title”",
#: "Ein Gedanke zu „Titel“", "3 Kommentare zu "Titel"" (WordPress themes and others)
_COMMENTS_ON = re.compile(
    r"(?:\d+|One|Ein|Eine)\s+(?:[Kk]ommentare?|[Gg]edanken?|[Cc]omments?|[Tt]houghts?|"
    r"[Rr]esponses?|[Rr]eplies|[Aa]ntworten|[Rr]eaktionen?|[Cc]ommentaires?|[Cc]omentarios?)"
    r"\s+(?:zu|on|to|auf|sur|en|für)\s+[\"“„«»'‘]\s*(.+?)\s*[\"”“»«'’]\s*$"
)
_COMMENTS_FIRST = re.compile(r"[0-9OE]")
#: The last characters of a heading that :data:`_COMMENTS_ON` can match
_COMMENTS_LAST = frozenset("\"”“»«'’")
#: How far below the main block a comment section's heading is looked for (lines)
_COMMENTS_AFTER = 60


def _commented_title(page: Page) -> tuple[int, str] | None:
    """The title a comment section's heading quotes (:data:`_COMMENTS_ON`) between the
    first paragraph and :data:`_COMMENTS_AFTER` lines below the main block, with the
    heading's index among the page's non-blank lines, or None. On the dev text pages, 28
    pages hold one; the quote is the headline on 27 and on the 28th once its short tail is
    cut ("How to Grow a Lemon Tree from Seed | Step-by-Step Guide"). Only the lines that
    start with a digit, "O" or "E" and end with a quote are tried (their first characters
    joined in C and searched by a character class: ~10 us a page)."""
    texts = page.texts
    lo = page.body + 1
    firsts = "".join(map(itemgetter(0), texts[lo : page.me + _COMMENTS_AFTER]))
    last = _COMMENTS_LAST
    for m in _COMMENTS_FIRST.finditer(firsts):
        k = m.start() + lo
        line = texts[k]
        if (
            line[-1] in last
            and (found := _COMMENTS_ON.match(line)) is not None
            and found[1].count(" ") < _TITLE_MAX_WORDS
        ):
            return k, found[1]
    return None


def rank_titles(
    page: Page,
    pool: TitlePool | None = None,
    skip: int | None = None,
    others: frozenset[int] = frozenset(),
) -> list[tuple[int, str, float]]:
    """The title candidates that can win, with their scores: (line, text, score), in line
    order; the best-scoring one is the model's choice over every candidate.

    A candidate's score is the linear model's over all its features, but the costliest
    ones (:data:`TITLE_LATE`, searches through the page and its body) are computed only
    while a candidate's score without them plus the most they can add reaches the best full
    score so far; the others cannot win and are left out (exact: no late feature depends
    on other candidates, so a score does not change when others are left out). ``pool``:
    the page's :class:`TitlePool`, when the caller made it; ``skip``: a line that is no
    candidate (the byline: left out before the pruning, which would leave no title if the
    byline won and were left out after it); ``others``: more such lines (a dialogue's
    turns, a name in the byline's slot: :func:`no_title_lines`)."""
    if pool is None:
        pool = TitlePool(page)
    if not pool.rows:
        return []
    m = _scorer("title", "title")
    per_word, contained = _late_gain()
    log1p = math.log1p
    # (the rows hold 0 for the late features: these scores are without them. The line
    # ``skip`` is no candidate: it is not scored, and its bound, -inf, comes last)
    cands = pool.cands
    early = [
        m(row) if line != skip and line not in others else -math.inf
        for (_, line, _), row in zip(cands, pool.rows, strict=True)
    ]
    bound = [
        e + contained + per_word * log1p(len(tk)) for e, tk in zip(early, pool.toks, strict=True)
    ]
    best = -math.inf
    scored: dict[int, float] = {}
    for j in sorted(range(len(bound)), key=bound.__getitem__, reverse=True):
        # (a margin for the rounding of the bound's sum: a tie is scored, not dropped)
        if bound[j] + 1e-9 < best:
            break
        if cands[j][1] == skip or cands[j][1] in others:
            continue
        if pool.complete(j, best, early[j]):
            scored[j] = sc = m(pool.rows[j])
            best = max(best, sc)
    return [(cands[j][1], cands[j][2], scored[j]) for j in sorted(scored)]


#: A turn of a dialogue: its speaker's name (one to four capitalised words, or in capitals:
#: "Ben Ashworth:", "CHAIRWOMAN DIAZ:", "Q:") and a colon before the words said
_TURN = re.compile(r"(?:[A-ZÀ-ÞА-ЯЁ][\w.'’-]*\s+){0,3}[A-ZÀ-ÞА-ЯЁ][\w.'’-]*\s*:\s+\S")
#: The fewest speakers of two turns or more that make a run of turns a dialogue
_DIALOGUE_SPEAKERS = 2


def _dialogue_lines(page: Page) -> set[int]:
    """The lines of the page's dialogues: runs of lines in a row that open with a speaker's
    name and a colon, two speakers or more speaking twice or more (a podcast's transcript,
    an interview's questions and answers). A turn is no headline: "Ben
    Ashworth: Frank, what did a normal night at the lighthouse look like?" was a podcast's
    title (s44 acc-genres G6)."""
    out: set[int] = set()
    run: list[tuple[int, str]] = []
    for (i, _), s in [*zip(page.items, page.texts, strict=True), ((-1, ""), "")]:
        # (a turn has a colon: most lines are tried no further)
        if ":" in s and _TURN.match(s) is not None:
            run.append((i, s[: s.index(":")].strip()))
            continue
        if not run:
            continue
        turns = Counter(w for _, w in run)
        if sum(c >= 2 for c in turns.values()) >= _DIALOGUE_SPEAKERS:
            # (speakers take turns: two of them speak twice or more. A list of teasers
            # under their labels, "Kaiserschnitt: Letzte Chance ..." / "Heulage: Besser
            # als ihr Ruf?", a breadcrumb's repeated headline, are none, and the headline
            # is a title)
            out.update(i for i, _ in run)
        run = []
    return out


#: The longest date line under a name in the byline's slot (characters), and the fewest
#: words of the headline over it (three: "The First Decade" / "Maximilian Steinbeis" /
#: "Sa 13 Jul 2019" took the name for the title, s46; a section's label of one or two
#: words over a name may be a person's page; a line of three that opens with no word is
#: none: :func:`_byline_slot_names`)
_SLOT_DATE_CHARS = 60
_SLOT_HEADLINE_WORDS = 3


def _particled_name(s: str) -> bool:
    """Whether ``s`` is a person's name with a surname's particles in lower case between its
    words (:data:`_NAME_PARTICLES`: "Mark de Vries", "Anna van der Berg"), which
    :func:`_person_like` refuses: in the byline's slot it was the page's title over its
    date (s49 acc-service S4). Not for an outlet's name ("Noticia al Dia"): only here."""
    ws = s.split()
    inner = [w for w in ws[1:-1] if w in _NAME_PARTICLES]
    return bool(inner) and _person_like(" ".join(w for w in ws if w not in inner))


def _byline_slot_names(page: Page, pool: TitlePool) -> set[int]:
    """The lines of a person's name alone (:func:`_person_like`) right under a title
    candidate of :data:`_SLOT_HEADLINE_WORDS` words or more and right over a short date
    line: the byline's slot under a headline, whether or not its name is a byline's (no
    test of its words tells a person from a section: :func:`_bare_name`). It is no
    title: "Antonio Ruiz Benítez" / "30 de agosto de 2024, 07:00" was an opinion piece's
    title over the headline above it (s44 acc-genres G6)."""
    texts, n = page.texts, len(page.texts)
    # (the candidates by their index among the non-blank lines; the words of the one over a
    # name are counted only for a name over a short dated line: a count per candidate was
    # most of this step's cost, s45)
    by_k = {k: t for k, _, t in pool.cands}
    out: set[int] = set()
    for k, i, t in pool.cands:
        if (
            (over := by_k.get(k - 1)) is not None
            and k + 1 < n
            and len(texts[k + 1]) <= _SLOT_DATE_CHARS
            and t[-1:].isalpha()
            and page.dates_on(page.items[k + 1][0])
            and (nw := n_words(over)) >= _SLOT_HEADLINE_WORDS
            # (a line of three words opens with a word to be read as a headline: "←
            # Ältere Beiträge", a pager's link, over a post's headline of three
            # capitalised words, "Liebe Menschen Europas", is none)
            and (nw > _SLOT_HEADLINE_WORDS or over[:1].isalnum())
            and (
                _person_like(t)
                or (
                    _particled_name(t)
                    and (_placed_date(page, k + 1) or not _common_words(page, k, t))
                )
                # (in a script without capitals: "राहुल शर्मा | भोपाल" was the title over
                # its headline; s50 acc-scripts N5)
                or (not t.isascii() and caseless_name(t, over, "\n".join(texts)) is not None)
            )
        ):
            out.add(i)
    return out


_LETTER_RUN = re.compile(r"[^\W\d_]+")


def _placed_date(page: Page, k: int) -> bool:
    """Whether non-blank line ``k`` holds a place's name besides its dates, a report's
    dateline ("Madrid, 14 de marzo de 2024"): the line over it is its reporter's byline
    whatever its words ("Luz de la Fuente", "sin luz" and "la fuente" in the text: read51
    F7), where an event's title stands over its date alone ("Fête de la Musique" /
    "21 juin 2024")."""
    rest = page.texts[k]
    for d in page.dates_on(page.items[k][0]):
        rest = rest.replace(str(d.get("text", "")), " ")
    # (a weekday, its short form, a time's "Uhr" or "GMT" is no place)
    return any(
        w[:1].isupper() and len(w) > 3 and w.lower() not in _YEARLESS_WEEKDAYS
        for w in _LETTER_RUN.findall(rest)
    )


def _common_words(page: Page, k: int, s: str) -> bool:
    """Whether a word of line ``k``, ``s`` (not a particle), stands in lower case on another
    line of the page: a common noun, no person's name ("Fête de la Musique", "la fête" in
    its paragraph: a festival's title in the byline's slot; read50 F9). Read only for a
    line of particles in the byline's slot, which few pages have."""
    words = {w.lower() for w in s.split() if w not in _NAME_PARTICLES}
    return any(
        w.islower() and w in words
        for j, t in enumerate(page.texts)
        if j != k
        for w in _LETTER_RUN.findall(t)
    )


#: The most words of a kicker over a headline, and the fewest of the headline under it
_KICKER_WORDS = 2
_UNDER_KICKER_WORDS = 5


def _headline_by_anchor(
    page: Page, pool: TitlePool, line: int, head: int, anchor: int
) -> tuple[int, str] | None:
    """The candidate ``head`` lines (non-blank) from the pick (at ``line``) when the pick
    is a line of :data:`_KICKER_WORDS` words at most, the line ``anchor`` lines from it
    anchors the header (:func:`_header_anchor`), and the candidate has
    :data:`_UNDER_KICKER_WORDS` words or more: :func:`under_kicker`'s and
    :func:`over_label`'s test, which look on either side of the pick. Else None."""
    at = {i: (k, t) for k, i, t in pool.cands}
    if line not in at or n_words(at[line][1]) > _KICKER_WORDS:
        return None
    k = at[line][0]
    if not 0 <= k + anchor < len(page.texts) or not _header_anchor(page, k + anchor):
        return None
    found = next(((i, t) for kk, i, t in pool.cands if kk == k + head), None)
    if found is None or n_words(found[1]) < _UNDER_KICKER_WORDS:
        return None
    return found


def under_kicker(page: Page, pool: TitlePool, line: int) -> tuple[int, str] | None:
    """The candidate under the pick (at ``line``) when the pick is a kicker: a line of
    :data:`_KICKER_WORDS` words at most right over a candidate of
    :data:`_UNDER_KICKER_WORDS` or more right over a byline or a date line (the header
    block's anchor, :func:`_header_anchor`). An article's headline is the one over its
    byline: "Investigations" over "Revealed: the care home chain that owes £48m ..." over
    "By Hannah Greaves ..." was a lynx rendering's title (s44 acc-genres G6); so was a
    section label, "News", over the headline over "Submitted on Mon, 2019-01-21 13:49"
    (s46). Else None."""
    return _headline_by_anchor(page, pool, line, 1, 2)


def over_label(page: Page, pool: TitlePool, line: int) -> tuple[int, str] | None:
    """The candidate over the header's anchor when the pick (at ``line``) is a label under
    it: a line of :data:`_KICKER_WORDS` words at most right under a byline or a date line
    (:func:`_header_anchor`) that a candidate of :data:`_UNDER_KICKER_WORDS` words or more
    stands right over, a headline over its dateline. The label is the item's type or
    section: "AI and the future of scientific discovery" / "Published 1 July 2024" /
    "Scientific meeting" took the label for the title (s47 acc-gov G3). Else None."""
    return _headline_by_anchor(page, pool, line, -2, -1)


#: The question marks a FAQ's question ends with (Latin, fullwidth, Arabic; the Greek ";"
#: in :func:`_question`)
_QUESTION_MARKS = ("?", "？", "؟")
#: How many non-blank lines after a question the next one of a FAQ may come, and the most
#: lines between a headline and its header's anchor (a standfirst: headline / standfirst /
#: byline)
_FAQ_NEXT, _HEADER_GAP = 12, 2
#: The most words of a FAQ's question
_FAQ_WORDS = 20


def _question(s: str) -> bool:
    """Whether line ``s`` asks a question: it ends with a question mark (the Greek one only
    on a Greek line, where ";" is no other stop)."""
    s = s.rstrip(_CLOSERS)
    return s.endswith(_QUESTION_MARKS) or (
        s.endswith(";") and any("\u0370" <= c <= "\u03ff" for c in s)
    )


def faq_headline(page: Page, pool: TitlePool, line: int, pick: str) -> tuple[int, str] | None:
    """The page's headline when the pick (``pick`` at ``line``) is the first question of a
    FAQ or an explainer under it: a question followed by another (a heading of at most
    :data:`_FAQ_WORDS` words) within :data:`_FAQ_NEXT` lines, below a header's anchor (a byline or a date line:
    :func:`_header_anchor`) that a candidate which asks none and ends no sentence heads, at
    most :data:`_HEADER_GAP` lines above it (a standfirst between). "Was ist die Grundsteuer?"
    won over "Grundsteuer 2025: Die wichtigsten Fragen und Antworten" over its standfirst
    and byline (s46 acc-data: 3 of 5 FAQ pages as text). Else None."""
    if not _question(pick):
        return None
    at = {i: k for k, i, _ in pool.cands}
    k = at.get(line)
    if k is None:
        return None
    texts, nwords, paras = page.texts, page.nwords, page.paras
    nxt = next(
        (
            # (the next question a heading of its own, as the pick: not a paragraph or a
            # comment that ends with a question, as a blog post's under its headline did)
            j
            for j in range(k + 2, min(len(texts), k + 2 + _FAQ_NEXT))
            if _question(texts[j]) and nwords[j] <= _FAQ_WORDS and not paras[j]
        ),
        None,
    )
    if nxt is None or (k > 0 and _header_anchor(page, k - 1) and _header_anchor(page, nxt - 1)):
        # (questions each under its date line are a dated list's headlines, a "Dernières
        # actualités" box's, whose label became a forum page's title; s48 acc-regress R12)
        return None
    # (the header above the question: its anchor, then the headline over it)
    by_k = {kk: (i, t) for kk, i, t in pool.cands}
    for a in range(k - 1, -1, -1):
        if not _header_anchor(page, a):
            continue
        # (the anchor's run: a byline over its date line, "Von Martin Becker" /
        # "Veröffentlicht am 20.01.2025")
        top = a
        while top > 0 and _header_anchor(page, top - 1):
            top -= 1
        for h in range(top - 1, max(-1, top - 2 - _HEADER_GAP), -1):
            # (not the standfirst, a sentence: "Âge légal, ... ce qui s'applique en 2025.")
            if (
                h in by_k
                and not _question(t := by_k[h][1])
                and t.rstrip(_CLOSERS)[-1:] not in _ENDERS
            ):
                return by_k[h]
        return None
    return None


def _header_anchor(page: Page, k: int) -> bool:
    """Whether non-blank line ``k`` anchors an article's header block: a byline
    (:func:`_is_byline`), or a line of :data:`_DATELINE_WORDS` words at most with a written
    date (:meth:`Page.dates_on`: "Submitted on Mon, 2019-01-21 13:49", "Sa 13 Jul 2019")
    -- what sits under a headline, where a teaser's or a kicker's line has none."""
    s = page.texts[k]
    return _is_byline(s) or (
        page.nwords[k] <= _DATELINE_WORDS and bool(page.dates_on(page.items[k][0]))
    )


def no_title_lines(page: Page, pool: TitlePool) -> frozenset[int]:
    """The lines of candidates that are no title whatever their score: a dialogue's turns
    (:func:`_dialogue_lines`), a name in the byline's slot (:func:`_byline_slot_names`) and
    the headlines of a run of one author's teasers (:func:`_teaser_run`). (Other lines may
    be among them: only the candidates' are looked up.)"""
    # (a dialogue's lines are all turns: when no candidate's line is one, none is a
    # dialogue's, and the page's lines are not walked for runs of turns, which most pages
    # have none of; s45: ~2 % of the metadata stage's time on the corpus)
    texts = page.texts
    turns = any(":" in (t := texts[k]) and _TURN.match(t) is not None for k, _, _ in pool.cands)
    dialogue = _dialogue_lines(page) if turns else set()
    return frozenset(
        dialogue
        | _byline_slot_names(page, pool)
        | _teaser_run(page, pool)
        | _related_teasers(page, pool)
        | _outline_headings(page, pool)
        | _after_story(page, pool)
        | _stamped_headlines(page, pool)
        | _running_heads(page, pool)
        | _table_rows(page, pool)
    )


#: The kinds of lines the boilerplate stage removed (:data:`..boilerplate.verdicts.LineKind`)
#: that are no headline of the page: a feed's or a related list's item, a menu's, a printed
#: page's running head. (Not ``teaser``: the stage calls a repeated title-like line a teaser,
#: and a page's headline is often printed twice: on the dev and tuning pages such "teasers"
#: were the truth on 23 pages and a wrong pick on 2)
_NOT_HEADLINE_KINDS = frozenset({"feed", "related", "menu", "running_head"})


def removed_as_others(pool: TitlePool, verdicts: LineVerdicts | None) -> frozenset[int]:
    """The lines of candidates that the boilerplate stage removed as another thing than a
    headline (:data:`_NOT_HEADLINE_KINDS`): its decisions (``verdicts``, left in
    ``doc.work`` by the stage; None when the metadata stage runs alone, where
    :func:`no_title_lines` re-derives what it can of them). Only the candidates' lines are
    looked up."""
    if verdicts is None or not verdicts.removed:
        return frozenset()
    kind = verdicts.kind
    return frozenset(i for _, i, _ in pool.cands if kind(i) in _NOT_HEADLINE_KINDS)


def _table_row(s: str) -> bool:
    """Whether line ``s`` is a table's row as a text browser lays it out: its cells set
    apart by runs of three spaces or more (reflow's gutter, :data:`_INNER_GUTTER`; the
    literal test first, as most lines have no such run)."""
    return "   " in s and _INNER_GUTTER.search(s) is not None


def _table_rows(page: Page, pool: TitlePool) -> set[int]:
    """The lines of candidates that are rows of a table as w3m or lynx lay one out
    (:func:`_table_row`), with two of the four lines around the candidate (two above, two
    below) rows too. "Athletic     1 - 2 Sevilla", a results table's row, won over the
    page's headline on w3m (s48 acc-live results-es-1). Only candidates with three spaces
    in a row are read."""
    texts = page.texts
    n = len(texts)
    out: set[int] = set()
    for k, i, t in pool.cands:
        if not _table_row(t):
            continue
        rows = sum(1 for x in (k - 2, k - 1, k + 1, k + 2) if 0 <= x < n and _table_row(texts[x]))
        if rows >= 2:
            out.add(i)
    return out


def _head_words(s: str) -> str:
    """Running head ``s`` without its page number: its words that are not all digits."""
    return " ".join(w for w in s.split() if not w.isdecimal())


def _running_heads(page: Page, pool: TitlePool) -> set[int]:
    """The lines of candidates that are a printed document's running head or foot: its
    page number set off by a run of spaces at its start, its end or in its middle
    (:func:`..boilerplate.scholarly._page_number`), the same words on another line with
    another number. "Summary   Improving the condition of school buildings   5" won over
    the report's title, "Improving the condition of school buildings", on a PDF's text
    (s47 acc-gov pdf-en-1; the boilerplate stage removes such lines, but the metadata
    stage reads the page as it came). Only lines with three spaces in a row are read, the
    page's other lines only when a candidate is such a head."""
    heads = [(i, t) for _, i, t in pool.cands if "   " in t and _page_number(t) is not None]
    if not heads:
        return set()
    # (the numbers each head's words are printed with: a running head recurs on other
    # pages, with their numbers; a line printed twice with the same number is one line
    # copied, a headline with its figure as well as a head; s49 acc-read)
    numbers: dict[str, set[int]] = {}
    for t in page.texts:
        if "   " in t and (n := _page_number(t)) is not None:
            numbers.setdefault(_head_words(t), set()).add(n)
    return {i for i, t in heads if len(numbers.get(_head_words(t), ())) >= 2}


#: Clock times of the forms the boilerplate stage's feeds (:mod:`..boilerplate.feeds`) do
#: not read: Chinese and Japanese "19時15分", a wire's four digits and zone "1447 GMT"
_CLOCK_MORE = re.compile(r"\d{1,2}\s*[時时]\s*\d{1,2}\s*分|[0-2]\d[0-5]\d\s*(?:GMT|UTC)\b")
#: The longest line that is a clock time alone ("11:20 PM EDT", "21時30分")
_CLOCK_CHARS = 16
#: How many non-blank lines from a stamped headline another stamp may be: the run's
_STAMP_REACH = 30


def _clock_alone(s: str) -> bool:
    """Whether line ``s`` is a clock time alone ("22:41", "21h00", "19時30分", "1447 GMT")."""
    return (
        s[:1].isdigit()
        and len(s) <= _CLOCK_CHARS
        and (_CLOCK_ONLY.fullmatch(s) is not None or _CLOCK_MORE.fullmatch(s) is not None)
    )


def _stamp(s: str) -> bool:
    """Whether line ``s`` is a clock time alone or opens with one."""
    return _clock_alone(s) or _clock_led(s)


def _clock_led(s: str) -> bool:
    """Whether line ``s`` opens with a clock time before its words ("21:30 Girona, a la
    Champions", "19時15分 阪神・岡田監督が退任へ")."""
    if not s[:1].isdigit():
        return False
    if _CLOCK_FIRST.match(s) is not None:
        return True
    m = _CLOCK_MORE.match(s)
    return m is not None and bool(s[m.end() :].strip())


#: A running time alone: a video's or a podcast's duration (:data:`.reflow.RUNNING_TIME`)
_RUNNING_TIME = re.compile(RUNNING_TIME)
#: A player's words around a running time (lowercased): "Play", "Watch", "Video", "Duration"
_PLAYER_WORDS = re.compile(
    r"\b(?:play(?:ing)?|watch|video|duration|listen|podcast|audio|abspielen|ansehen|dauer"
    r"|lecture|vidéo|durée|écouter|reproducir|vídeo|duración|riproduci|durata|afspelen"
    r"|bekijk|duur|assistir|duração|reproduzir|odtwórz|wideo|смотреть|видео)\b|▶|►|再生|動画|视频"
)


def _running_time(texts: list[str], j: int) -> bool:
    """Whether line ``j``, a clock time alone by its form, is a video's or a podcast's
    running time: a bare "1:26" with a player's word within two lines, or over a caption
    the page repeats right under it ("1:26" / "“In this race to win:” Biden, Harris sign
    …" twice: a video's title and its caption). A duration under 24:00 has a clock's form;
    titles49's live-blog veto took it for one and ruled out the page's best candidate (s49
    sesscmp, dev htmldate 1684405920)."""
    if _RUNNING_TIME.fullmatch(texts[j]) is None:
        return False
    n = len(texts)
    if j + 2 < n and texts[j + 1] == texts[j + 2]:
        return True
    return any(
        _PLAYER_WORDS.search(texts[x].lower()) is not None
        for x in range(max(0, j - 2), min(n, j + 3))
        if x != j and len(texts[x]) <= 80
    )


def _stamp_minutes(s: str) -> int | None:
    """The minutes after midnight of the clock time that is line ``s`` or opens it, or None."""
    m = _CLOCK_ONLY.fullmatch(s) or _CLOCK_FIRST.match(s)
    if m is not None:
        return _clock_minutes(m)
    if (m := _CLOCK_MORE.match(s)) is None:
        return None
    digits = re.findall(r"\d+", m.group())
    if len(digits) == 1:  # "1447 GMT"
        digits = [digits[0][:2], digits[0][2:]]
    hour, minute = int(digits[0]), int(digits[1])
    return hour * 60 + minute if hour < 24 and minute < 60 else None


def _goes_back(later: int | None, earlier: int | None) -> bool:
    """Whether a stamp ``later`` over a stamp ``earlier`` goes back in time (by at most
    half a day, across midnight too: "00:30" over "23:05"), as a live blog's posts and a
    feed's items do, the newest first; a day's schedule and a video's chapters go forward
    ("8:10 AM" over "12:30 PM"). An unread time counts as going back."""
    if later is None or earlier is None:
        return True
    return (later - earlier) % 1440 <= 720


def _stamped_headlines(page: Page, pool: TitlePool) -> set[int]:
    """The lines of candidates that head a post of a live blog or an item of a feed: right
    under a clock time alone ("22:41" / "El Gobierno decreta tres días de luto oficial")
    or after one on their line ("21:30 Girona, a la Champions por primera vez"), with
    another such time within :data:`_STAMP_REACH` lines (two lines for a time on the
    line: a feed's rows), and every candidate of the same text (a "Key events" box repeats
    a post's headline). A live blog's headline is the one over its byline, no post's; a
    feed's items are other stories (s48 acc-live L9: the first post's headline, or the
    latest-news box's item, was the title of 10 of 36 live and results pages as text).
    Only lines that open with a digit are read (the lines next to candidates, then the
    run's reach around one that is stamped)."""
    texts = page.texts
    n = len(texts)
    flagged: set[str] = set()
    first: set[int] = set()  # (under a time alone, with no stamp over it in reach)
    for k, _, t in pool.cands:
        # (a stamp opens with a digit: most candidates and the lines over them are passed
        # over without a call)
        if not (texts[k][:1].isdigit() or (k > 0 and texts[k - 1][:1].isdigit())):
            continue
        if k > 0 and _clock_alone(texts[k - 1]) and not _running_time(texts, k - 1):
            at, lo, hi = k - 1, max(0, k - 1 - _STAMP_REACH), min(n, k + _STAMP_REACH)
        elif _clock_led(texts[k]):
            at, lo, hi = k, max(0, k - 2), min(n, k + 3)
        else:
            continue
        # (the nearest other stamps over and under it: a live blog's or a feed's times go
        # back, the newest first; a wiki's schedule, "8:10 AM" / "Leaves her trailer …" /
        # "12:30 PM", goes forward and is no feed: s49 sesscmp, dev stardewvalleywiki)
        over = next((x for x in range(at - 1, lo - 1, -1) if _stamp(texts[x])), None)
        under = next((x for x in range(k + 1, hi) if _stamp(texts[x])), None)
        if over is None and under is None:
            continue
        mine = _stamp_minutes(texts[at])
        if (over is not None and _goes_back(_stamp_minutes(texts[over]), mine)) or (
            under is not None and _goes_back(mine, _stamp_minutes(texts[under]))
        ):
            flagged.add(t)
            if over is None and at < k:
                first.add(k)
    if not flagged:
        return set()
    # (a copy right under or over a byline or a date line is the page's own headline in
    # its header, which the site's feed of latest stories lists too: "02.02.2022 10:16 Uhr
    # - 1. Bundesliga" over the headline, "10:16 Uhr" over it again in the feed; under a
    # time alone only the page's first stamped line over a byline or a date line, its
    # header: "14:05" / "Minister resigns …" / "By Anna Berg", a feed of latest stories
    # under the article; a feed's or a live blog's later item has a stamp over it; read50 F3)
    return {
        i
        for k, i, t in pool.cands
        if t in flagged
        and (
            (
                k > 0
                and _clock_alone(texts[k - 1])
                and not (k in first and k + 1 < n and _header_anchor(page, k + 1))
            )
            or _clock_led(texts[k])
            or not (
                (k > 0 and _header_anchor(page, k - 1))
                or (k + 1 < n and _header_anchor(page, k + 1))
            )
        )
    }


#: The most non-blank lines from a related articles' label down to a teaser of its box
_RELATED_BOX_LINES = 12


def _related_teasers(page: Page, pool: TitlePool) -> set[int]:
    """The lines of the candidates in a box of related articles below the story's start
    (its main block's or first paragraph's line): under a label of one
    (:func:`_related_label`: "Ähnliche Artikel", "Related stories", "Lesen Sie auch") within
    :data:`_RELATED_BOX_LINES` lines, no paragraph between. Each is another article's
    headline: "Ähnliche Artikel" / "03.02.2022" / "DFV-Experte Carsten Schneider bei WISO
    ..." won a page's title on its date, the page's own headline above the story (s48, dev
    feuerwehrverband.de)."""
    texts, paras, body = page.texts, page.paras, page.body
    # (the story's start: its main block's or its first paragraph's line, whichever comes
    # first; a story's first paragraph of an odd shape is no paragraph to the page, the
    # box's first teaser's text may be)
    top = min(page.ms, body)
    out: set[int] = set()
    # (per line: whether it is a label; the lines over one candidate are over the next one
    # too, each is read once)
    label: dict[int, bool] = {}
    for k, i, _ in pool.cands:
        # (a box of other articles follows the story's start: the candidates of the
        # header, most of a page's, are not walked)
        if k <= top:
            continue
        for x in range(k - 1, max(top, k - 1 - _RELATED_BOX_LINES), -1):
            if paras[x]:
                break
            if (is_label := label.get(x)) is None:
                t = texts[x]
                # (above the first paragraph "More from ..." is a menu's link, "MORE FROM
                # THE SUN" over the site's sections and the headline: no box's label)
                is_label = label[x] = len(t) <= 40 and _related_label(" ".join(t.split()), x < body)
            if is_label:
                out.add(i)
                break
    return out


#: How many non-blank lines over the first kept line a byline or a date line is looked for
_KEPT_HEAD_REACH = 8
#: How many lines of a byline block (bylines, dates, a name alone) the headline may stand over
_KEPT_HEAD_BLOCK = 3


def kept_head(page: Page, verdicts: LineVerdicts) -> int | None:
    """The non-blank line (its index) over the byline block of the text the boilerplate
    stage kept, where a headline stands: the nearest byline or date line
    (:func:`_header_anchor`) at most :data:`_KEPT_HEAD_REACH` lines over the first kept line
    (or that line), then up over the block's other lines (bylines, dates, a name alone) to
    the first line that is none, no paragraph and no sentence. A short headline there
    ("Bacalhau à Brás", "Quiche lorraine traditionnelle" over "Par Camille Roche" / "Publié
    le 21/01/2025") was no candidate: the pool takes short lines only near the text's main
    block as the metadata stage guesses it (s49 acc-service recipe-pt-1, recipe-fr-1). The
    line is a candidate, which the ranker scores as any other. Cost: a dozen line tests."""
    fk = verdicts.first_kept
    if fk is None:
        return None
    n = len(page.items)
    k0 = min(bisect.bisect_left(page.item_lines, fk), n - 1)
    for k in range(k0, max(-1, k0 - _KEPT_HEAD_REACH - 1), -1):
        if _header_anchor(page, k):
            break
    else:
        return None
    texts = page.texts
    # (a byline or a name alone in the block: a date line alone is as often over the
    # headline as under it, German sites' "8. Dezember 2012" / "Mandelplätzchen": the
    # line over that date was the blog's "Über diesen Blog", dev kulinariaathome)
    named = _is_byline(texts[k]) or _person_like(texts[k])
    j = k - 1
    for _ in range(_KEPT_HEAD_BLOCK):
        if j < 0:
            break
        if _is_byline(texts[j]) or _person_like(texts[j]):
            named = True
        elif not _header_anchor(page, j):
            break
        j -= 1
    if not named or j < 0 or page.paras[j] or texts[j].rstrip(_CLOSERS)[-1:] in _ENDERS:
        return None
    return j


def _kept_top(page: Page, head: int | None, verdicts: LineVerdicts | None) -> tuple[int, ...]:
    """The lines that stand in the story's head by the boilerplate stage's decisions: the
    line over the kept text's byline block (``head``, a non-blank line's index:
    :func:`kept_head`), the first kept line and the line right over it (no paragraph)."""
    if verdicts is None:
        return ()
    first = verdicts.first_kept
    top = [] if head is None else [page.items[head][0]]
    if first is not None:
        top.append(first)
        # (and the line right over it, when no paragraph: the headline the stage removed
        # over the text it kept, w3m's rendering of s47 acc-gov uni-de-1)
        k = bisect.bisect_left(page.item_lines, first)
        if 0 < k <= len(page.paras) and not page.paras[k - 1]:
            top.append(page.items[k - 1][0])
    return tuple(top)


#: How many lines from the head of the kept text of a page without paragraphs are in the
#: story (:func:`_kept_story_end`): its first line and the one under it
_KEPT_HEAD_LINES = 2
#: How many of the kept text's first lines may be a notice, a contact line or a line alone
#: over its head
_KEPT_HEAD_SKIP = 4
#: The most lines from a kept line to the next kept one in a block of the kept text (a
#: line further from the next is alone: a site's name kept over its menu)
_KEPT_BLOCK_GAP = 4
#: A consent notice's words beside the cookie notice's (:data:`_COOKIE_NOTICE`), in lower
#: case: "By continuing to browse, you agree to our use of …", "We and our partners store
#: and access information on a device …"
_CONSENT = re.compile(
    r"\byou (?:agree|accept|consent)\b|\bby (?:continuing|clicking|using)\b.{0,60}"
    r"\b(?:agree|accept|consent)|\bpartners? (?:store|use|process)\b"
    r"|\b(?:store|access) (?:and(?:/or)? )?(?:access )?information on (?:a|your) device"
    r"|almacenamos información|^(?:accept all|tout accepter|aceptar todas?|alle akzeptieren"
    r"|accetta tutti|alles accepteren)"
)
#: A contact line: a phone's, a fax's or a mail's label and its number or address
#: ("Teléfono: +33 416 38839", "Tel. 0221 123", "E-mail: info@…")
_CONTACT_LINE = re.compile(
    r"(?i)\s*(?:t[eé]l(?:[eé](?:f|ph)oo?n[eo]?)?|phone|fon|fax|e-?mail|courriel)\b"
    r"\.?\s*(?::\s*\S|[+(]?\d)"
)

#: A listing's count of what it lists ("152 resultaten Sorteer op", "52 results Sort by",
#: "1.204 Ergebnisse")
_RESULTS_COUNT = re.compile(
    r"\d[\d.,\s]*\s(?:results?|resultaten|ergebnisse|treffer|resultados|risultati"
    r"|résultats|products?|produkte|producten|productos|prodotti|produits|items|artikel)\b"
)


def _head_furniture(text: str) -> bool:
    """Whether a kept line ``text`` is a consent notice (:data:`_COOKIE_NOTICE`,
    :data:`_CONSENT`), a contact line (:data:`_CONTACT_LINE`) or a listing's count
    (:data:`_RESULTS_COUNT`): the site's, over a listing's head, never its headline."""
    low = text.strip().lower()
    return (
        _COOKIE_NOTICE.search(low) is not None
        or _CONSENT.search(low) is not None
        or _CONTACT_LINE.match(low) is not None
        or _RESULTS_COUNT.match(low) is not None
    )


#: A price that opens a line: a product card's under its name ("49,99 € (BUTTON) In den
#: Warenkorb", "€ 26,49", "$12.99")
_PRICE_FIRST = re.compile(
    r"\s*(?:[-*•]\s*)?(?:[€$£]\s?\d[\d.,]*|\d[\d.,]*\s?(?:€|EUR\b|\$|£|zł|kr\b|CHF\b))"
)


def _product_name(page: Page, i: int) -> bool:
    """Whether line ``i`` stands right over a line that opens with a price: a product
    card's name on a listing page, no head of it nor its title (a shop category's first
    item, "Earl Grey 100 g" over "49,99 €", was its title and left its text; s52 regress
    R5)."""
    k = _item_of(page, i)
    return (
        k is not None
        and k + 1 < len(page.items)
        and _PRICE_FIRST.match(page.items[k + 1][1]) is not None
    )


def _kept_story_end(page: Page, verdicts: LineVerdicts) -> bool:
    """Set :attr:`Page.story_end` from the boilerplate stage's decisions (``verdicts``) on a
    page whose main block holds no paragraph: there the story's end is only the main
    block's end, which on a page of short lines (a results table, a list) can be its first
    line, and every candidate, the headline too, was below the story (s48 acc-live
    results-en-1: no title). The story ends at the kept text's head: its first line that
    is no consent notice or contact line (:func:`_head_furniture`) and starts a block of
    kept lines (:data:`_KEPT_BLOCK_GAP`; a site's name alone over its menu is none), and
    the one under it (:data:`_KEPT_HEAD_LINES`). Not after the last kept line: on a listing page (a
    category's, a shop's, an events' page) every line down to the listing's end was a
    candidate, and the best was a newsletter box's, a menu row's or an item's (s51
    regress R3). (Only when the main block has no paragraph: else its last paragraph is
    the end, as without the stage.) Returns whether the page is such a page: its consent
    notices, contact lines and counts are then no title either (the candidates above
    the story's end were all of its header)."""
    kept = verdicts.kept
    if not kept or True in page.paras[page.ms : page.me + 1]:
        return False
    lines = page.lines
    for k, i in enumerate(kept[:_KEPT_HEAD_SKIP]):
        if (
            not _head_furniture(lines[i])
            and not _product_name(page, i)
            and (k + 1 == len(kept) or kept[k + 1] - i <= _KEPT_BLOCK_GAP)
        ):
            page.story_end = max(page.story_end, i + _KEPT_HEAD_LINES)
            break
    return True


def _after_story(page: Page, pool: TitlePool) -> set[int]:
    """The lines of candidates at or below the story's last paragraph
    (:attr:`Page.story_end`): the stage takes no title from there (a teaser's, a
    reference's), so such a line winning the ranking left the page with none although its
    headline was a candidate above the story ("M. Köhler et al.: Metabolomic early warning
    of sepsis. …" under a press release; s47 acc-gov G3)."""
    end = page.story_end
    return {i for _, i, _ in pool.cands if i >= end}


#: A person's place in a photo, in brackets: "(l.)", "(v. l.)", "(rechts)", "(left)",
#: "(à g.)", "(izq.)"
_PLACE_MARK = re.compile(
    r"\((?:v\.\s?[lr]\.|von links|l\.|r\.|li\.|re\.|links|rechts|mitte|left|right|centre|center|"
    r"from left|à\s?[gd]\.?|izq\.?|dcha\.?|sx|dx)\)",
    re.I,
)
#: The most non-blank lines between a headline and the story's first paragraph (a date
#: line, a byline, an event's date, time and venue lines)
_HEAD_GAP = 6
#: A previous or next post's link: a guillemet or an arrow at its start or end
_POSTNAV = re.compile(r"^\s*[«‹←<]|[»›→>]\s*$")


#: the most words of a menu's item, and the fewest such items among the two lines over and
#: under one (:func:`_menu_line`)
_MENU_ITEM_WORDS = 2
_MENU_NEIGHBOURS = 3


def _menu_line(page: Page, line: int) -> bool:
    """Whether the candidate on line ``line`` is a menu's item: a word or two (no figure,
    no sentence's end), with :data:`_MENU_NEIGHBOURS` lines of that form among the two
    over and the two under it ("Especiales" / "Farándula" / "Deportes" /
    "Internacionales")."""
    texts = page.texts
    k = bisect.bisect_left(page.item_lines, line)

    def short(x: int) -> bool:
        t = texts[x]
        return (
            0 < len(t.split()) <= _MENU_ITEM_WORDS
            and not any(c.isdigit() for c in t)
            and t[-1] not in _PARA_END
        )

    if not (0 <= k < len(texts)) or not short(k):
        return False
    near = [x for x in range(k - 2, k + 3) if x != k and 0 <= x < len(texts)]
    return sum(map(short, near)) >= _MENU_NEIGHBOURS


def _story_head(page: Page, line: int, text: str) -> bool:
    """Whether candidate ``text`` on line ``line`` stands in the story's head: above its
    first paragraph (:attr:`Page.body`, past the paragraphs of a consent notice above it:
    :func:`_story_body`), :data:`_HEAD_GAP` non-blank lines over it at most, and no
    previous or next post's link (:data:`_POSTNAV`: "« Berichte über …")."""
    k = bisect.bisect_left(page.item_lines, line)
    return 0 <= _story_body(page, k) - k - 1 <= _HEAD_GAP and _POSTNAV.search(text) is None


def _story_body(page: Page, k: int) -> int:
    """The item of the story's first paragraph for a candidate on item ``k``: the page's
    first paragraph (:attr:`Page.body`), or, when that one and those after it above ``k``
    are a cookie consent notice's (:data:`_COOKIE_NOTICE`: "Diese Website verwendet
    Cookies. Mit der Nutzung …" on a press release's first line), the first paragraph after
    them: the release's headline under the notice was taken for a line away from the
    story's head, and the page kept no title (s50 acc-regress R7). A cookie banner's own
    heading over its notice stays away from the story under it."""
    body, paras, texts = page.body, page.paras, page.texts
    while body < k and _COOKIE_NOTICE.search(texts[body].lower()) is not None:
        body = next((x for x in range(body + 1, len(paras)) if paras[x]), len(paras))
    return body


#: An outline's label at a heading's start: a capital letter, a Roman numeral or a
#: number, then a period or a bracket and a space ("A. Problem und Ziel", "II. Begründung",
#: "3) Scope")
_OUTLINE_LABEL = re.compile(r"(?:(?P<a>[A-Z])|(?P<r>[IVX]{1,4})|(?P<n>\d{1,2}))(?P<s>[.)]) +\S")
#: The Roman numerals an outline counts with, in order
_ROMANS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def _outline_next(m: re.Match[str]) -> list[str]:
    """The labels that may follow label ``m`` (:data:`_OUTLINE_LABEL`) in an outline, with
    its mark and a space: "B. " after "A. ", "II. " and "J. " after "I. ", "4) " after
    "3) "."""
    nxt = []
    if m["n"] is not None:
        nxt.append(str(int(m["n"]) + 1))
    if m["a"] is not None and m["a"] != "Z":
        nxt.append(chr(ord(m["a"]) + 1))
    # ("I. ", "V. ", "X. " match as letters: their Roman successors too)
    roman = m["r"] if m["r"] is not None else m["a"]
    if roman is not None and roman in _ROMANS[:-1]:
        nxt.append(_ROMANS[_ROMANS.index(roman) + 1])
    return [n + m["s"] + " " for n in nxt]


#: the fewest labels of an outline in a row ("A. ", "B. ", "C. ")
_OUTLINE_CHAIN = 3


def _outline_headings(page: Page, pool: TitlePool) -> set[int]:
    """The lines of candidates that head a section of an outline: a label
    (:data:`_OUTLINE_LABEL`) whose next label opens a later line of the page ("A. Problem
    und Ziel" ... "B. Lösung"; "1. Introduction" ... "2. Methods"). A document's section
    heading is no title: a bill's "A. Problem und Ziel" won over the bill's title above it
    (s47 acc-gov G3). A headline that opens with a letter or a number, "A. Lincoln's
    letters", "1. FC Köln siegt", has no next label after it. The outline stands under the
    document's title, the page's first line is none of its headings, and it goes on past
    the next label (:data:`_OUTLINE_CHAIN` labels: "C. Alternativen" after "B. Lösung"): a
    club's headline, "1. FC Köln schlägt Bayern", over a sub-story of the "2. Bundesliga"
    was a heading, and that sub-story the title (s49 acc-read F5)."""
    texts = page.texts
    # (every label of a chain, not only its first: the chain reads forward, and an
    # outline's last two labels have too few after them; "3. Liga: Dresden verliert
    # erneut" under "2. …" under "1. …" was the title; read50 F12)
    headings: set[int] = set()
    for k, _, t in pool.cands:
        if k == 0 or (m := _OUTLINE_LABEL.match(t)) is None:
            continue
        j, chain = k, [k]
        while len(chain) < _OUTLINE_CHAIN and (heads := tuple(_outline_next(m))):
            j = next((j2 for j2 in range(j + 1, len(texts)) if texts[j2].startswith(heads)), -1)
            if j < 0 or (m2 := _OUTLINE_LABEL.match(texts[j])) is None:
                break
            m = m2
            chain.append(j)
        if len(chain) >= _OUTLINE_CHAIN:
            headings.update(chain)
    return {i for k, i, _ in pool.cands if k in headings}


#: lynx's number of a link before its text ("[33]The Future of Apple Innovation …")
_LINK_MARK = re.compile(r"\[\d{1,4}\](?=[^\W\d_])")


#: lynx's number of a link before any text ("[30]'Comes down to one guy': …")
_LINK_ITEM = re.compile(r"\[\d{1,4}\]\S")


#: how many of the two items over and the two under a link item are teasers' links, for
#: the item to stand in a list of them, and the fewest words of such a teaser
_LINK_LIST_NEAR, _TEASER_WORDS = 2, 4


#: lynx's number of a link after a space, in a line: a second link of the line
_LINK_AFTER = re.compile(r"\s\[\d{1,4}\]\S")


def _link_row(s: str) -> bool:
    """Whether line ``s`` is a row of lynx's links: two numbered links or more
    ("[7]Impressum [8]Privacy", a footer's), no headline. It was a Thai page's title
    once its wrapped paragraph's line was none (s47 acc-regress R4)."""
    return _LINK_ITEM.match(s) is not None and _LINK_AFTER.search(s) is not None


def _in_link_list(items: Sequence[tuple[int, str]], k: int) -> bool:
    """Whether item ``k`` (a line that starts with lynx's number of a link) stands in a list
    of teasers' links: :data:`_LINK_LIST_NEAR` of the two items over and the two under it
    are links of :data:`_TEASER_WORDS` words or more. A headline that is a link stands
    alone, between its section's link and its author's ("[32]Apple", "[35]Adam Clark
    Estes")."""
    return (
        sum(
            0 <= x < len(items)
            and (t := items[x][1])[:1] == "["
            and _LINK_ITEM.match(t) is not None
            and len(t.split()) >= _TEASER_WORDS
            for x in (k - 2, k - 1, k + 1, k + 2)
        )
        >= _LINK_LIST_NEAR
    )


def _headline_link(page: Page, k: int, text: str) -> bool:
    """Whether the ``k``-th non-blank line, a link as lynx writes it ("[33]The Future of
    …"), whose ``text`` is the link's, is a headline written as a link: it stands right
    over a byline, a date line or an author's name ("[35]Adam Clark Estes"), or its text
    stands on the page as a line of its own too (the headline written twice). Then its
    number is no part of its title. Other links (a menu's "[6]Panorama", a caption's, a
    related story's, a legal page's) keep their number, and with it the evidence that
    they are links, no headline: without it they won the title on lynx pages (s46
    acc-regress R3)."""
    texts = page.texts
    if k + 1 < len(texts):
        nxt = _LINK_MARK.sub("", texts[k + 1])
        if _byline_line(nxt) or _person_like(nxt) or page.dates_on(page.items[k + 1][0]):
            return True
    return text in texts


#: the most lines under a teaser's headline that hold its author's name and its date, and
#: the fewest headlines of a run of teasers
_TEASER_LINES = 5
_TEASER_RUN = 3
#: the most non-blank lines from one teaser's byline to the next one's in a run
_TEASER_GAP = 12


def _teaser_run(page: Page, pool: TitlePool) -> set[int]:
    """The lines of the candidates over a teaser's byline in a run of one author's teasers,
    but the run's last teaser: :data:`_TEASER_RUN` lines or more of the same person's name
    (:func:`_person_like`), one after the other (at most :data:`_TEASER_GAP` lines apart),
    each under a candidate (within :data:`_TEASER_LINES` lines) and over a date ("Recent
    from Adam Clark Estes": headline / "Adam Clark Estes" / "11/13/19 11:00AM", three
    times, over the article's own headline, its byline and its date). The teasers'
    headlines won over the page's on their dates and on lynx's writing each twice (s44
    acc-regress R10, s45 left45 item 6). The run's last teaser's lines stay candidates: it
    may be the article's own, under the same name; so do an article's kicker, headline and
    deck over its one byline."""
    texts, n = page.texts, len(page.texts)
    # per name: its byline's position (an index of ``texts``) per candidate over it
    by_name: dict[str, dict[int, list[int]]] = {}
    # (per line under a candidate: its text without a link's number, and whether it reads
    # as a name, each read once: the lines under one candidate are under the next one too)
    under: dict[int, str] = {}
    person: dict[int, bool] = {}
    # (a candidate over a teaser's byline is one of 4 words or more, and each adds one
    # byline to one name: with fewer such candidates than a run's, no name has a run, and
    # the lines under them are not read; 296 of 300 corpus pages, ~45 µs each)
    cands = [c for c in pool.cands if n_words(c[2]) >= 4]
    if len(cands) < _TEASER_RUN:
        return set()
    for k, i, t in cands:
        name = None
        for x in range(k + 1, min(n, k + 1 + _TEASER_LINES)):
            if name is None:
                if (s := under.get(x)) is None:
                    s = under[x] = _LINK_MARK.sub("", texts[x]).strip()
                if s == t:
                    continue
                if (named := person.get(x)) is None:
                    named = person[x] = _person_like(s)
                if named:
                    name, at = s, x
            elif page.dates_on(page.items[x][0]):
                by_name.setdefault(name, {}).setdefault(at, []).append(i)
                break
    out: set[int] = set()
    for bylines in by_name.values():
        run: list[int] = []
        for at in [*sorted(bylines), -1]:
            if run and (at < 0 or at - run[-1] > _TEASER_GAP):
                if len(run) >= _TEASER_RUN:
                    out.update(i for x in run[:-1] for i in bylines[x])
                run = []
            run.append(at)
    return out


def _unnumbered(page: Page, i: int, s: str) -> tuple[int, str]:
    """The pick ``s`` (at line ``i``) without its list number when the page shows its text
    alone, as that line: a breadcrumb's last item ("4. Eventi in città – giugno 2025", as
    w3m and lynx number a breadcrumb's list) over the heading it names; its number is no
    part of the title (lynx's pick, s42 acc-pages). Else ``(i, s)``."""
    if (m := item_number(s)) is None or not (rest := s[m[1] :].lstrip()):
        return i, s
    # (an item of a numbered list: the item before it has the number before; a title
    # that starts with a number, "15. Zukunftsforum Ländliche Entwicklung", is none)
    k, before = previous_item(page, i)
    if k < 0 or (b := item_number(before)) is None or b[0] != m[0] - 1:
        return i, s
    shown = _indices(page.texts, {rest})
    return (page.items[shown[0]][0], rest) if shown else (i, s)


#: How many headlines over paragraphs after the ranker's pick make it a digest's first
#: brief (:func:`digest_headline`)
_DIGEST_BRIEFS = 2


#: The dash after a dateline's place ("BERLIN -- ", "BERLIN — ")
_DATELINE_DASH = re.compile(r"\s(?:--|[—–-])\s")


def _wire_story_lead(s: str) -> bool:
    """Whether paragraph ``s`` opens as a wire story does: a dateline naming its agency
    (:data:`_WIRE_DATELINE`), or its place in capitals and a dash ("BERLIN -- The ...",
    "ST. PAUL — ..."), as a digest's briefs under the agency's byline write it."""
    if _WIRE_DATELINE.match(s[:120]) is not None:
        return True
    m = _DATELINE_DASH.search(s, 0, 60)
    if m is None:
        return False
    place = s[: m.start()].split(",")[0]
    # (a place: capitals of three letters or more, no number: "COVID-19 -", "A -" none)
    return (
        place.isupper() and sum(map(str.isalpha, place)) >= 3 and not any(map(str.isdigit, place))
    )


def digest_headline(
    page: Page, pool: TitlePool, line: int, skip: int | None = None
) -> tuple[int, str] | None:
    """The page's headline over a digest of briefs when the ranker picked the first brief's
    (at ``line``): the candidate above it over a byline, with no paragraph between, when
    the pick heads a wire story's paragraph, as :data:`_DIGEST_BRIEFS` candidates or more
    after it do ("AP News in Brief at 6:04 p.m. EST" / "By The Associated Press" / a date,
    then six briefs, each a headline and two paragraphs: the first brief's headline was
    the digest's title; s40 acc-synd #9). An article's headline is the one over its byline:
    the lines above it are a menu's or a section's, over no byline (a post's date may be
    over its headline: a line over a date is not taken). ``skip``: the byline's line, no
    candidate (as :func:`rank_titles`'). Else None."""
    paras, n = page.paras, len(page.paras)
    heads = [j for j, (k, _, _) in enumerate(pool.cands) if k + 1 < n and paras[k + 1]]
    at = next((j for j in heads if pool.cands[j][1] == line), None)
    if at is None or len(later := heads[heads.index(at) + 1 :]) < _DIGEST_BRIEFS:
        return None
    k_pick = pool.cands[at][0]
    if (
        not _wire_story_lead(page.texts[k_pick + 1])
        or sum(_wire_story_lead(page.texts[pool.cands[j][0] + 1]) for j in later) < _DIGEST_BRIEFS
    ):
        # (a brief is a wire story, its paragraph under a dateline: an article's headline
        # over its sections, a kicker and a byline above it, is none; review41 R13, where a
        # floor of words was fitted to one page's kicker. So are the briefs after it: a
        # wire story of the explainer's form, its kicker and byline over its headline and
        # sub-headings ("What the bill does") under it, opens with the one dateline; s42
        # acc-read F10)
        return None
    for j in range(at - 1, -1, -1):
        k, i, text = pool.cands[j]
        if any(paras[k:k_pick]):
            return None  # (a paragraph between: the pick is no brief of a header's digest)
        if i != skip and k + 1 < n and _is_byline(page.texts[k + 1]):
            return i, text
    return None


def _title_feats(page: Page) -> list[tuple[int, str, dict[str, float]]]:
    """Every title candidate with all its named features (for inspection, training and
    tests)."""
    pool = TitlePool(page)
    for j in range(len(pool.rows)):
        pool.complete(j)
    return [
        (i, s, dict(zip(TITLE_FEATURES, map(float, r), strict=True)))
        for (_, i, s), r in zip(pool.cands, pool.rows, strict=True)
    ]


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
    r"news service|reuters news service|pti|ians|ani|kyodo|yonhap|anadolu agency|agenturen|"
    r"canadian press|the canadian press|united press international|"
    # (the agencies and the newsroom of other languages, as "agencies" and "staff": "Ana
    # Ruiz y Agencias" gave the author "Agencias")
    r"agencias|agencia|agències|agenzie|agences|redacción|redacció|redazione|rédaction|"
    r"redaktion|redakcja"
    # (a desk's reports, as a byline's name: "By Jane Doe and Staff Reports"; review40 F7)
    r"|(?:staff|wire)(?: and (?:staff|wire))? reports?)$",
    re.I,
)
#: What joins the names of a byline (within a comma-separated part of it)
_BYLINE_JOINS = r";|\band\b|\bund\b|\bet\b|\ben\b|\boch\b|\bog\b|&|\|"
#: Conjunctions of one or two letters (Russian's and Ukrainian's "и", "і", Polish's "i",
#: Turkish's "ve": "Анна Смирнова и Илья Воронов" gave no one, s46 acc-data D11; Spanish's,
#: Italian's and Portuguese's "y", "e")
_SHORT_JOINS = r"и|і|i|ve|y|e"
# (the short ones in small letters only: a middle initial is a capital, "Joan E Greve" was
# two authors; s48 acc-live L10)
_NAME_SPLIT = re.compile(rf"\s*(?:{_BYLINE_JOINS}|(?<!\w)(?-i:{_SHORT_JOINS})(?!\w))\s*", re.I)
#: :data:`_NAME_SPLIT` for a byline in capitals, which has no middle initial to tell from
#: a capital "Y" or "E" ("Por JUAN PÉREZ Y MARÍA LÓPEZ" was one name, and no one; s49
#: acc-read F9)
_NAME_SPLIT_CAPS = re.compile(rf"\s*(?:{_BYLINE_JOINS}|(?<!\w)(?:{_SHORT_JOINS})(?!\w))\s*", re.I)


def _name_split(part: str) -> re.Pattern[str]:
    """The pattern that splits byline part ``part`` at its conjunctions: in capitals,
    :data:`_NAME_SPLIT_CAPS` when each of its pieces is a full name of two words or more
    (an initial is no conjunction: "E NURDIN", "JOAN E GREVE"), else :data:`_NAME_SPLIT`."""
    if part.isupper() and all(len(p.split()) >= 2 for p in _NAME_SPLIT_CAPS.split(part)):
        return _NAME_SPLIT_CAPS
    return _NAME_SPLIT


_COMMA = re.compile(r"\s*,\s*")
#: A comma and a conjunction before a byline's next name ("Jane Doe, Staff Writer, and Tom
#: Baxter, Photographer"): where the part of one person, with a role, ends
_COMMA_AND = re.compile(r"\s*,\s*(?:and|und|et|y|e|en|och|og|&)\s+", re.I)


#: The first letters of the words of :data:`_BYLINE_START` (and a few more: the first letter of
#: every run of letters in its source, ``\\s`` and ``\\w`` among them)
_BYLINE_START_FIRST = "".join(
    sorted({w[0] for w in re.findall(r"[^\W\d_]+", _BYLINE_START.pattern.removeprefix("(?im)^"))})
)
#: What re.IGNORECASE takes for each cased first letter of the words of :data:`_BYLINE_START`
#: and :data:`_TAG_WORDS`: the letter's case variants as re's tables have them (the Kelvin
#: sign for "k", the long s for "s", the final sigma, the lunate epsilon, the tall Cyrillic
#: te; a test checks them against every code point)
_IGNORECASE_FIRSTS = {
    "a": "aA", "b": "bB", "c": "cC", "d": "dD", "e": "eE", "h": "hH", "k": "kK\u212a",
    "l": "lL", "m": "mM", "n": "nN", "o": "oO", "p": "pP", "r": "rR", "s": "sS\u017f",
    "t": "tT", "v": "vV", "w": "wW", "y": "yY", "í": "íÍ", "š": "šŠ", "ε": "εΕϵ",
    "σ": "σΣς", "τ": "τΤ", "а": "аА", "к": "кК", "м": "мМ", "т": "тТ\u1c84\u1c85",
}  # fmt: skip


def _by_first_letter(alternatives: str) -> str:
    """The alternation ``alternatives`` ("by|von|par|...", words of a case-insensitive
    pattern, no group holding a "|") with its words grouped by their first letter, each
    group opened by that letter written case-sensitively, once per case variant
    (:data:`_IGNORECASE_FIRSTS`): re passes over an alternative that opens with a literal at
    one comparison, but enters one that opens with a case-insensitive letter (~100
    instructions each). The same matches: two groups never match at one place (their first
    letters differ), and a group keeps its words in their order."""
    groups: dict[str, list[str]] = {}
    for word in alternatives.split("|"):
        assert word.count("(") == word.count(")"), word
        first = word[0]
        # (a first letter without a case passes as it is: re.IGNORECASE matches it alone)
        assert first in _IGNORECASE_FIRSTS or first.lower() == first == first.upper(), word
        groups.setdefault(first, []).append(word[1:])
    return "|".join(
        f"(?-i:{variant})(?:{'|'.join(rests)})"
        for first, rests in groups.items()
        for variant in _IGNORECASE_FIRSTS.get(first, first)
    )


#: :data:`_BYLINE_START`'s optional first words ("written", "posted", ...) and its words
_BYLINE_START_PARTS = re.fullmatch(
    r"\(\?:\(\?:(.*?)\)\\s\+\)\?\(\?:(.*)\)\(\?!\\w\)",
    _BYLINE_START.pattern.removeprefix("(?im)^"),
)
assert _BYLINE_START_PARTS is not None
#: :data:`_BYLINE_START` after a newline (see :func:`find_authors`), its words grouped by their
#: first letter (:func:`_by_first_letter`), behind a look-ahead for one of those letters (a
#: line that starts with none is passed over at one test): re tried the ~55 words one by one
#: on every line (the top lines of a corpus document: 158 k -> 64 k instructions)
_BYLINE_AT_NL = re.compile(
    "\n(?=[" + _BYLINE_START_FIRST + "])(?:(?:" + _by_first_letter(_BYLINE_START_PARTS[1])
    + r")\s+)?(?:" + _by_first_letter(_BYLINE_START_PARTS[2]) + r")(?!\w)",
    re.I,
)  # fmt: skip
_SPACES = re.compile(r"\s+")
#: Where a byline's names end: a separator between spaces, a run of spaces, or a full-width
#: solidus, after which Chinese bylines write where and how the story was reported
#: ("記者陳志明／台北報導": "/ Taipei report", taken into the name: s38 acceptance test #6)
_AUTHOR_END = re.compile(r"\s[|•·]\s|\s[-–—]\s|\s{2,}|／")
#: What follows the names: a date ("on 12 May", "am 3.", "le 12 mars", "Updated …"); a
#: particle of a name is no date ("Loïc Le Clerc", "Juan El Mehdi")
_AUTHOR_TAIL = re.compile(
    r"\b(?:(?:last|zuletzt|dernière)\s+)?(?:updated|modified|published|posted|publiée?|"
    r"mise? à jour|aktualisiert|veröffentlicht|actualizado|publicado)(?!\w).*$|"
    r"\b(?:on|am|le|el|il)\s+(?=[\d(]|\w+\.?,?\s+\d|(?:monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thurs|fri|sat|lundi|mardi|"
    r"mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|"
    r"domingo|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|montag|dienstag|"
    r"mittwoch|donnerstag|freitag|samstag|sonntag)\b).*$|"
    # a weekday and a date right after the names, on the byline's next line or after a
    # <br> ("By Mike Wuerthele and Malcolm Owen Monday, November 18, 2019": an author
    # "Malcolm Owen Monday", another "November")
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|"
    r"jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo|"
    r"montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag),?\s+"
    r"(?=\d|[^\W\d]+\.?,?\s+\d).*$",
    re.I,
)
_FROM_DIGIT = re.compile(r"\d.*$")
#: A word before a number: a date's month before its day or year when the word is a month
#: (:func:`_without_month_date`)
_WORD_NUMBER = re.compile(r"\b([^\W\d_]{3,12})\.?,?\s+\d")


#: A date that its month word starts, after the word: its day and year ("4, 2025",
#: "4th 2025") or its year ("2024")
_AFTER_MONTH = re.compile(r"\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b|\d{4}\b")


def _without_month_date(s: str) -> str:
    """``s`` up to a date after the names that starts with its month ("March 4, 2025",
    "Dec. 2024"): a markdown byline's hard break ("By Laura Chen␣␣" over "March 4, 2025")
    is one line to the reader, and the month stayed a name's word, "Laura Chen March"
    (s42 acc-regress D4; the digits went, :data:`_FROM_DIGIT`). A month name without a
    number after it is a name ("April Ryan", "June Carter"). A month that is a surname too
    (:data:`_SURNAME_MONTHS`, the months that :func:`person_name` leaves after a name as
    well) is cut only before a date it starts (:data:`_AFTER_MONTH`) and with two words
    left before it: "Jana Mai, 12.03.2024" and "Theresa May 12 March 2024" were "Jana",
    "Theresa" (s44 acc-read F2, F7)."""
    for m in _WORD_NUMBER.finditer(s):
        word = m.group(1).casefold()
        if word not in MONTHS:
            continue
        if word not in _SURNAME_MONTHS or (
            _AFTER_MONTH.match(s, m.end() - 1) and len(s[: m.start()].split()) >= 2
        ):
            return _without_weekday(s[: m.start()], s[m.end() - 1 :], MONTHS[word])
    return s


#: A weekday's name, its day's number at most, at the end of a byline's text before a date's
#: month ("By Priya Nair Mon 08 " before "Apr 2024"): the Guardian's byline and date on one
#: line as w3m and lynx render them (s44 acc-genres G7)
_WEEKDAY_DAY_END = re.compile(
    r"(?<![^\W\d_])(?P<wd>[^\W\d_]{2,15})\.?,?\s*(?:(?P<d>[0-3]?[0-9])(?:st|nd|rd|th|\.)?\s*)?$"
)
#: A year right after a month ("Apr 2024" gives 2024; "Apr 8, 2024" too)
_MONTH_YEAR = re.compile(r"\s*(?:([0-3]?[0-9])(?:st|nd|rd|th)?,?\s+)?((?:19|20)[0-9]{2})(?![0-9])")


def _without_weekday(head: str, after: str, month: int) -> str:
    """``head`` (a byline's text before a date's month) without the date's weekday and day at
    its end: "Priya Nair Mon 08 " gave an author "Priya Nair Mon". A weekday's short name
    is also a name's word ("Sun", "Sat"): with the date's day and year known it is taken only
    when it is that day's weekday, and with no year only before its day's number."""
    m = _WEEKDAY_DAY_END.search(head)
    if m is None or (wd := _YEARLESS_WEEKDAYS.get(m.group("wd").casefold())) is None:
        return head
    y = _MONTH_YEAR.match(after)
    if y is None:
        # (no year to check the weekday against: taken only with its day's number after it,
        # "Mon 08 Apr"; "By Yilei Sun, Apr. 8" gave "Yilei"; s45 read F8)
        return head[: m.start()] if m.group("d") else head
    if d := m.group("d") or y.group(1):
        day = _mk(int(y.group(2)), month, int(d))
        if day is None or day.weekday() != wd:
            return head
    return head[: m.start()]


#: A generational suffix after its name's comma: ", Jr.", ", Sr", ", III" before the field's
#: end, another comma or "and"
_SUFFIXES = "Jr|Sr|Jnr|Snr"
_SUFFIX_COMMA = re.compile(rf",\s*((?:{_SUFFIXES})\.?|II|III|IV)(?=\s*(?:,|&|\band\b|$))")
#: ... one with its point at a line's end ("... King, Jr.", "... King Jr.")
_SUFFIX_END = re.compile(rf"\b(?:{_SUFFIXES})\.$")


def _names_split(part: str) -> list[str]:
    """A byline's comma part split at its conjunctions (:data:`_NAME_SPLIT`), but not a
    desk's name with one ("Finance and Performance Team" gave "Finance" and "Performance
    Team"; s46 acc-data D11): a one-word piece before a desk's word (:data:`_DESK_WORDS`)
    at the end."""
    split = _name_split(part)
    pieces = split.split(part)
    if (
        len(pieces) > 1
        and len(pieces[0].split()) == 1
        and (last := pieces[-1].split())
        and last[-1].casefold() in _DESK_WORDS
    ):
        return [part]
    if len(pieces) > 1 and (" y " in part or " i " in part):
        return _surnames_joined(part, pieces)
    return pieces


def _surnames_joined(part: str, pieces: list[str]) -> list[str]:
    """``pieces`` of byline part ``part`` with a compound surname's Spanish "y" or Catalan
    "i" joined back: one capitalised word after a full name's is its surname's ("José
    Ortega y Gasset", "Pere Aragonès i Garcia" were two authors, the second a surname
    alone; s47 read F6); a second person's name is two words ("Jan Kowalski i Anna
    Nowak")."""
    seps = [m[0] for m in _NAME_SPLIT.finditer(part)]
    if len(seps) != len(pieces) - 1:
        return pieces
    out = [pieces[0]]
    for sep, piece in zip(seps, pieces[1:], strict=True):
        ws = out[-1].split()
        if (
            sep.strip() in ("y", "i")
            and len(ws) >= 2
            and ws[-1][:1].isupper()
            and _SURNAME_WORD.fullmatch(piece.strip())
            and not _AGENCY.match(piece.strip())
        ):
            out[-1] = f"{out[-1]}{sep}{piece}"
        else:
            out.append(piece)
    return out


#: A surname's word after a compound surname's conjunction: one capitalised word of letters
_SURNAME_WORD = re.compile(r"[^\W\d_a-z][^\W\d_A-Z]+")


#: One word, a dash between spaces, the rest: "PLACE - NAME" (see :func:`_authors_of`)
_PLACE_DASH = re.compile(r"[^\W\d_][\w'’.]*\s[-–—]\s(.+)")


def _caseless_word(w: str) -> bool:
    """Whether ``w`` is a word of letters (and their marks: Devanagari's vowel signs) of a
    script without capitals: Arabic, Hebrew, Devanagari, CJK."""
    return (
        w[:1].isalpha()
        and all(c.isalpha() or unicodedata.category(c).startswith("M") for c in w)
        and not any(c.isupper() or c.islower() for c in w)
    )


def _full_name(part: str) -> bool:
    """Whether ``part`` is a person's full name: two or three words written as a name's
    (:func:`_person_like`), or two or three words of a script without capitals."""
    ws = part.split()
    return _person_like(part) or (2 <= len(ws) <= 3 and all(map(_caseless_word, ws)))


def after_place(s: str) -> str:
    """Byline ``s`` without a dateline's place before a dash and the reporter's full name
    ("القاهرة - أحمد سامي" -> "أحمد سامي", "Berlin - Jane Doe" -> "Jane Doe"); else ``s``. The
    one word before the dash is no person's whole name: the byline's author was the place
    (s45 acc-wire W4)."""
    if (
        (m := _PLACE_DASH.fullmatch(s.strip()))
        and not _ACRONYM.match(s.strip())
        and _full_name(_AUTHOR_END.split(m.group(1))[0])
    ):
        return m.group(1)
    return s


#: An acronym of two to four capitals and a space: an organisation's, a party's or an
#: agency's short name before a dash ("CDU - Fraktion Erfurt" is the party's group, no
#: place and a person), not a dateline's place ("BERLIN - Jane Doe")
_ACRONYM = re.compile(r"[A-Z]{2,4}\s")


def parse_authors(s: str) -> list[str]:
    """The names of a byline's text (after "By"): split on commas and "and" in several
    languages, roles ("correspondent", "in Paris"), agencies and dates dropped."""
    return list(_authors_of(s))


@_line_cache(maxsize=4096)
def _authors_of(s: str) -> tuple[str, ...]:
    """:func:`parse_authors`, cached (a site's bylines recur on its pages; the role and
    tail patterns are tried at every character)."""
    s = _SPACES.sub(" ", s.replace("\u00ad", "")).strip()  # (soft hyphens: "Mat\u00adthi\u00adas")
    s = _AUTHOR_END.split(after_place(s))[0]
    # a generational suffix after a comma is its name's, as one without it is ("Martin
    # Luther King, Jr." was "Martin Luther King", the suffix a part of its own: s38
    # acc-regress D15)
    s = _SUFFIX_COMMA.sub(r" \1", s)
    people = _COMMA_AND.split(s)
    if len(people) > 1 and any(_ROLE.search(p) for p in people[:-1]):
        # each person with a role: a role cuts the rest of its part only, not the next
        # person's name ("By Jane Doe, Staff Writer, and Tom Baxter, Photographer" gave
        # Jane Doe alone; s36 acc-regress O5)
        return tuple(dict.fromkeys(chain.from_iterable(map(_authors_of, people))))
    whole = _COMMA.split(s)  # (the parts before a role cuts the rest: "Chief Economics Editor")
    s = _ROLE.sub("", s)
    s = _AUTHOR_TAIL.sub("", s)
    s = _FROM_DIGIT.sub("", _without_month_date(s))
    # "Nada Tawfik, BBC News, New York", "Jane Doe and John Roe, Associated Press": the comma
    # parts after the names are an outlet, a place or a role, unless a conjunction joins the
    # last name of a list ("Jane Doe, John Smith and Ann Lee"): the names end with the last
    # part that has a conjunction; without one, with the first part and the parts after it
    # that read as a person's name ("Jessica Holly, Gail Levy, 7 News WSVN").
    parts = _COMMA.split(s)
    last = max((k for k, x in enumerate(parts) if len(_name_split(x).split(x)) > 1), default=0)
    if last == 0:
        while last + 1 < len(parts) and _person_like(whole[last + 1]):
            last += 1
    people = []
    for p in chain.from_iterable(map(_names_split, parts[: last + 1])):
        # (a slash after the name joins the byline's date: "Cat Lafuente/June 12, 2020",
        # "Von Thilo / 6. November 2023"; one before it is no byline's, "DE / Deutsch")
        p = person_name(p.strip(" .,:;-–()[]").rstrip(" /")) or ""
        if not p or _AGENCY.match(p):
            continue
        ws = p.split()
        if not 1 <= len(ws) - ws.count("y") - ws.count("i") <= 4 or len(p) < 2:
            continue
        if sum(w.lower() in _NOT_PERSON for w in ws) >= 2:
            continue  # an outlet: "India Post News Weekly"
        if any(w.lower().strip(".,") in _COMPANY_WORDS for w in ws):
            continue  # a company: "Presented by Warner Bros. Pictures" (s38 acc-read F10)
        if not all(
            w[:1].isupper()
            # (a letter of a script without case: Arabic, Hebrew, Devanagari, CJK)
            or (w[:1].isalpha() and not w[:1].islower())
            or w.lower()
            # (and a compound surname's conjunction, :func:`_surnames_joined`)
            in _NAME_PARTICLES
            or w[:1] in "'’"
            for w in ws
        ):
            continue
        people.append(p)
    return tuple(people)


#: A byline word before an author's name, as pages put it in their author fields; "de",
#: "di" and "da" only in lower case ("De Gaulle", "Di Maio" and "Da Silva" are names)
_BY_WORD = re.compile(
    r"^(?:(?:(?i:by|von|vom|door|par|por|av|af|autor(?:in)?:?|author:?|auteur:?|"
    + _BYLINE_MORE
    + r")(?<!:):?|de|di|da)\s+|"
    + _BYLINE_CJK
    + ")"
)
#: Up to four words of letters: an author field's value read as a name when the byline
#: parser finds none (it wants capitals)
_PLAIN_NAME = re.compile(r"^[^\W\d_]+(?:[ .'’-]+[^\W\d_]+){0,3}\.?$")


#: A web address or a domain name written without its scheme ("jungefreiheit.de",
#: "wien.ORF.at", "www.example.com/autoren"): dotted labels ending in a top-level domain
#: in lower case (or in capitals), no space
_DOMAIN_LIKE = re.compile(
    r"(?:https?://)?(?:[^\W_](?:[\w-]*[^\W_])?\.)+(?:[a-z]{2,6}|[A-Z]{2,3})(?:[/:]\S*)?"
)


def domain_like(s: str) -> bool:
    """Whether ``s`` (stripped) is a web address or a domain name, not a name."""
    return _DOMAIN_LIKE.fullmatch(s.strip()) is not None


#: A name written surname first, as catalogues and bibliographies write it: the surname
#: (one word, after its particles in small letters: "de Gaulle", "van Dyke"), a comma, the
#: given name (a word or two, its initials after it: "Doe, Jane Q.", "Smith, John Paul Q.";
#: two words alone are no name of :func:`surname_first`) or initials alone ("Doe, J.",
#: "Doe, J. R.")
_SURNAME_FIRST = re.compile(
    r"((?:(?i:de|da|di|du|del|della|des|do|dos|das|van|von|der|den|ter|ten|le|la)\s+)*"
    r"[^\W\d_][\w'’-]*),\s*([^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]+)?(?:\s+[^\W\d_]\.)*"
    r"|[^\W\d_]\.(?:\s*[^\W\d_]\.)*)"
)


#: The byline words of the languages whose bylines write the reporter's name, then a
#: place, never the surname first ("Von Weber, München", "Par Dupont, Lyon", "Por García,
#: Sevilla"); English "By Doe, Jane" may be either
_PLACE_AFTER_NAME = re.compile(r"(?i:von|par|por|door|av|af)")


def _not_initialled(given: str) -> bool:
    """Whether the part after a surname's comma has no initial: a place, in a byline of
    :data:`_PLACE_AFTER_NAME`."""
    return "." not in given


def surname_first(value: str, place: Callable[[str], bool] | None = None) -> str | None:
    """The name of an author field written surname first ("Doe, Jane" -> "Jane Doe"), or
    None: both parts a capitalised name word, neither an agency, a role nor an outlet's word.
    A comma in an author field otherwise separates names ("Jane Doe, John Roe") or a name
    from its agency ("Jane Doe, Reuters"): a one-word part is no author's whole name, so
    "Doe, Jane" had been two authors, "Doe" and "Jane" (s35 hygiene acceptance F9). A second
    part that the document writes as a place (``place``: see :func:`place_words`) is the
    reporter's place, and the name is the surname alone ("Meier, Hamburg" -> "Meier")."""
    m = _SURNAME_FIRST.fullmatch(value.strip())
    if m is None:
        return None
    surname, given = m.group(1), m.group(2)
    for w in (surname.split()[-1], *given.split()):
        if not w[0].isupper() or _AGENCY.match(w) or _ROLE.match(w) or w.casefold() in _NOT_PERSON:
            return None
    if place is not None and place(given):
        # (not the made-up person "Hamburg Meier": s36 acc-regress R12)
        return surname
    if " " in given and "." not in given:
        # (two words without an initial are as often a second author, the first known by
        # one name: "Wahyudi, Siti Aminah", "Sting, Annie Lennox" became one made-up person,
        # s39 acc-read F1; an initial marks a catalogue's form, "Doe, Jane Q.")
        return None
    return f"{given} {surname}"


#: Given names that are common places' names too: a text that names the place ("in
#: Charlotte") tells nothing of a byline's "Brown, Charlotte"
_GIVEN_PLACES = frozenset((
    "charlotte", "florence", "victoria", "georgia", "jordan", "austin", "sydney", "chelsea",
    "madison", "savannah", "adelaide", "regina", "lourdes", "beverly", "orlando", "tyler",
    "dallas", "houston", "eugene", "marion", "aurora", "santiago", "sofia", "helena",
    "augusta", "virginia", "carolina", "alexandria", "brooklyn", "florenz", "florencia",
))  # fmt: skip
#: Two capitalised words, no initial: "Bad Homburg", "New York" (or "John Paul")
_TWO_WORDS = re.compile(r"[^\W\d_][\w'’-]*\s+[^\W\d_][\w'’-]+")
#: A word that ends as places' names do and no given name does: "Frankfurt", "Hamburg",
#: "Darmstadt", "Düsseldorf", "Mannheim", "Göttingen", "Bremerhaven", "Strasbourg",
#: "Manchester", "Portsmouth" (not "-ville": "Neville", "Orville", "Granville" are given
#: names, review41 R2)
_PLACE_END = re.compile(
    r"[^\W\d_]{2,}(?:furt|burg|bourg|borough|stadt|dorf|hausen|heim|ingen|hafen|haven|münster"
    r"|brücke?n?|chester|mouth|shire)",
    re.I,
)


def place_words(text: str, byline: bool = False, shapes: bool = True) -> Callable[[str], bool]:
    """``place(word)``: whether ``text`` writes ``word`` as the place of a dateline: at a
    line's start before a dash or an agency's parenthesis ("HAMBURG (dpa) –", "Hamburg – "),
    in capitals before a comma ("HAMBURG, 4. März"). A name written surname first and a
    place after a name look alike ("Doe, Jane", "Meier, Hamburg"); how the document uses the
    word tells them apart where no list of places could (a person's given name is no place
    of a dateline). For an author field a place named in the text ("officials in
    Charlotte") is no sign: many given names are places too, and "Brown, Charlotte" lost
    her given name (s37 acc-read F4). A text's ``byline`` ("Von Meier, Hamburg") is a
    reporter and a place far more often than a name written surname first, and there it
    is one ("wie die Behörde in Hamburg mitteilte": "Hamburg Meier" was made up; s38
    acc-read F19), but for a given name that is also a common place's (:data:`_GIVEN_PLACES`:
    "By Brown, Charlotte" over passengers "stranded in Charlotte"; s39 acc-read F6); and
    two words after the surname are a place ("Von Meier, Bad Homburg", "By Doe, New York";
    a second given name is a catalogue's form, no byline's; s39 acc-read F15), and so is a
    word that ends as places do (:data:`_PLACE_END`: "By Weber, Frankfurt" over a story that
    never names the city was "Frankfurt Weber"; s40 acc-regress D14). Those ``shapes`` are
    a place's after a name, not a name's own words: a surname ends so as often ("By Ruth
    Ginsburg", "By Anna Stockhausen"; s42 acc-read F14)."""
    prose = r"\b(?:in|im|aus|nach|from|at|à|dans|en|a)\s+{w}\b|" if byline else ""

    def place(word: str) -> bool:
        if byline and shapes and (_TWO_WORDS.fullmatch(word) or _PLACE_END.fullmatch(word)):
            return True
        w, up = re.escape(word), re.escape(word.upper())
        return (
            re.search(
                ("" if word.casefold() in _GIVEN_PLACES else prose.format(w=w))
                + rf"(?m:^[ \t]*(?:{w}|{up})[ \t]*(?:\([^)\n]{{1,30}}\)[ \t]*)?[-–—][ \t]"
                rf"|^[ \t]*{up},)",
                text,
            )
            is not None
        )

    return place


#: What trails a name in an author field and is no part of it: a web address's scheme (a
#: profile link read as text, "Sputnik https:", "The Washington Times https:"), a middle dot,
#: bullet, bar or slash left before a date that was cut ("Венера Ерофеева·")
_NAME_TAIL_SEPS = frozenset(" ·•|/")
#: ... a scheme's word (:func:`_without_name_tail`)
_SCHEME_WORD = re.compile(r"https?:?(?://\S*)?", re.I)
#: A label before a name ("Interview: Julia Lauter", "Text: Jane Doe"; trafilatura drops
#: the colon), followed by two words at least
_NAME_LABEL = re.compile(
    r"^(?i:interview|text|texte|words|reportage|bericht|gespräch)\b:?\s+(?=\S+\s+\S)"
)
#: A field's name and a byline word before the byline's names: "WABC By Eyewitness News"
#: ("Analysis by Chris Cillizza")
_NAME_BEFORE_BY = re.compile(r"^\S+(?:\s+\S+)?\s+[Bb]y\s+(?=[^\W\d_])")
#: A company's legal form, the last word of its name: "Perform Media Deutschland GmbH"
_LEGAL_FORMS = frozenset((
    "gmbh", "ag", "kg", "kgaa", "ug", "inc", "ltd", "llc", "llp", "plc", "corp", "sa",
    "sas", "sarl", "srl", "spa", "bv", "nv", "ev", "oy", "pty"
))  # fmt: skip
#: Month names that are surnames or given names too ("Theresa May", "Jana Mai", "Julia
#: August", "April Ryan"): a name's word unless a date they start follows them
#: (:func:`_without_month_date`), never a date's remnant after a name (:data:`_MONTH_TAIL`
#: holds none of them)
_SURNAME_MONTHS = frozenset((
    "may", "march", "june", "july", "april", "august", "mai", "juni", "juli", "märz",
    "avril", "mars", "juin", "mayo", "abril", "marzo", "junio", "julio", "agosto", "maggio",
    "giugno", "luglio", "aprile", "maio", "março", "augustus", "augusti"
))  # fmt: skip
#: Month names that end a name only as a date's remnant ("Carrie Arnold November 18, 2021"
#: with its digits cut); "May", "March", "June", "April" and "August" are surnames too
#: (:data:`_SURNAME_MONTHS`)
_MONTH_TAIL = frozenset((
    "january", "february", "september", "october", "november", "december", "januar",
    "februar", "oktober", "dezember", "janvier", "février", "septembre", "octobre",
    "novembre", "décembre", "enero", "febrero", "septiembre", "octubre", "noviembre",
    "diciembre"
))  # fmt: skip


#: The vowels of a two-letter name (:func:`_short_name`)
_VOWELS = frozenset("aeiouyäöüéèáàíóúаеиоуыэюяё")


def _short_name(n: str) -> bool:
    """Whether ``n``, two letters of a cased script, is a name ("Li", "Xi", "Wu"), not
    initials ("LD", "L.D.", "Mh") or a brand's letters ("iG", "Ig"): a capital, then a small
    vowel. A
    one-word surname of two letters was dropped (s44 acc-read F19)."""
    return len(n) == 2 and n[0].isupper() and n[1] in _VOWELS


def _legal_form(word: str) -> bool:
    """Whether ``word`` is a company's legal form (:data:`_LEGAL_FORMS`) as written: one of
    two letters in capitals or with its points ("SA", "S.A.", "AG", "e.V."), not a
    title-cased surname ("Mem de Sa" was no person; s44 acc-read F19)."""
    bare = word.replace(".", "")
    if bare.casefold() not in _LEGAL_FORMS:
        return False
    return len(bare) > 2 or bare.isupper() or "." in word


def _without_name_tail(n: str) -> str:
    """``n`` (its white space folded to single spaces) without what trails a name in an
    author field (:data:`_NAME_TAIL_SEPS`, scheme words after a space:
    :data:`_SCHEME_WORD`), read from the end once: a pattern tried at each word was
    quadratic in a run of them (s44 acc-read F14)."""
    end = len(n)
    while True:
        while end and n[end - 1] in _NAME_TAIL_SEPS:
            end -= 1
        start = n.rfind(" ", 0, end)
        if start <= 0 or _SCHEME_WORD.fullmatch(n, start + 1, end) is None:
            return n[:end]
        end = start


def person_name(name: str) -> str | None:
    """``name``, an author field's name from any source (a page's markup, a byline, a
    dump), without what is no part of a person's name, or None when nothing of one is left:
    a label before it ("Interview Julia Lauter"), a month that a date left after it ("CBS
    News February", "Carrie Arnold November"), a web address's scheme or a separator after
    it ("Sputnik https", "Венера Ерофеева·"), a field's name before its byline word ("WABC
    By Eyewitness News"); a company's (a legal form: "Perform Media Deutschland GmbH") is
    none; one or two letters are initials ("LD", "Mh", "I"), no name (a
    script without case aside: "王明"; a capital and a small vowel are one: "Li",
    :func:`_short_name`); nor is a desk's or a site's account
    (:func:`_no_person`: "HNN Staff", "Admin"). An author facet showed each as a person
    (s43 acc-index #7). The one test of a name for a byline's, a markup field's and a
    dump's authors: each called the two tests, in either order (the desk's test before the
    label's cut missed "Interview HNN Staff")."""
    # (the field's word before its byline word first: a label's cut left "by Jane Doe" of
    # "Words by Jane Doe", and the byline word then had no word before it; s44 acc-read F8)
    # (its white space folded first, and the tail's runs taken at their start only: tried
    # at each space of a run, the tail's patterns were quadratic in it, 9 s for a name with
    # 10,000 spaces inside; s44 acc-read F14)
    n = _SPACES.sub(" ", name).strip()
    n = _without_name_tail(_NAME_LABEL.sub("", _NAME_BEFORE_BY.sub("", n)))
    ws = n.split()
    if len(ws) >= 2 and _legal_form(ws[-1].rstrip(",")):
        return None  # (a publisher)
    if len(ws) >= 3 and ws[-1].casefold().rstrip(".,") in _MONTH_TAIL:
        ws = ws[:-1]
        n = " ".join(ws)
    letters = n.replace(".", "").replace(" ", "")
    if len(letters) <= 2 and all(c.lower() != c.upper() for c in letters) and not _short_name(n):
        return None
    if not n or _no_person(ws):
        return None
    return n


def author_field_names(
    value: str, place: Callable[[str], bool] | None = None, named: bool = False
) -> list[str]:
    """The names of one author field of a page's markup ("Par Tokpanan Doré", "Jane Doe,
    Reuters", "Mobasir hassan", "Doe, Jane": :func:`surname_first`, with ``place``): read as
    a byline (:func:`parse_authors`) after its byline word; a URL is none, and a name the
    byline parser refuses for its lower case is taken as the page gives it when it is
    nothing else (a role, an agency, a date, an address). ``named``: the field holds names
    (a dump's author field), not a page's byline text: a word that is also a byline word
    before one more name word starts the name ("Von Miller", "Af Klint"), "By" aside."""
    a = value.strip()
    if (name := surname_first(a, place)) is not None:
        # (before a byline word is taken off: "de Gaulle, Charles" lost its "de"; s36
        # acc-read F10)
        return [name]
    ws = a.split()
    if not (
        # (a given name that is a byline word elsewhere, "Yazan Saadeh", "Par Nilsson":
        # two name words are a name, not a byline word and a surname; s35 acc-read #13)
        len(ws) == 2
        # (a byline word of two letters is none: "Af Ritzau", "By Doe"; nor are "Von"
        # and "Por" before a surname, on a page; in a field of names they are a name's
        # first word: a dump's "Von Miller" was "Miller", s36 acc-regress R3)
        and (
            ws[0].casefold() != "by"
            if named
            else len(ws[0]) >= 3 and ws[0].casefold() not in ("von", "por")
        )
        and all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in ws)
    ):
        a = _BY_WORD.sub("", a)
    if not a or "://" in a or "www." in a or domain_like(a):
        return []
    if (name := surname_first(a, place)) is not None:
        return [name]
    found = parse_authors(a)
    if (
        not found
        and _PLAIN_NAME.match(a)
        and not _ROLE.search(a)
        and not _AGENCY.match(a)
        and not _AUTHOR_TAIL.search(a)
        and not a.lower().startswith("www ")
        and (name := person_name(a))
    ):
        return [name]
    return found


#: Words of an outlet, a role or a title, not of a person's name (English and German
#: bylines), and the first words of two-word place names
_NOT_PERSON_WORDS = """news staff foundation press post posts times media sport sports agency service radio tv
    online magazine zeitung journal daily herald tribune network group institute university
    college inc ltd team redaktion editor editors reporter reporters writer contributor desk
    bureau correspondent today weekly review report mail telegraph guardian observer gazette
    chronicle express star sun mirror independent standard insider wire digital global
    international channel broadcasting company corporation associates partners phd md
    presse nachrichten kurier anzeiger rundschau tagblatt verlag
    new los las san santa saint st hong buenos rio são sao el kuala tel abu cape port sri"""
_NOT_PERSON = frozenset(_NOT_PERSON_WORDS.split())
#: Words of a company's name, never of a person's: a film's or a record's credit, which
#: "Presented by" heads as a podcast's host
_COMPANY_WORDS = frozenset((
    "pictures", "studios", "studio", "productions", "films", "records", "entertainment", "bros",
    "inc", "ltd", "llc", "gmbh", "corp",
))  # fmt: skip


#: The last word of a desk's name ("HNN Staff", "Editorial Team"), and whole names of a
#: site's accounts ("Admin"), that name no person
_DESK_WORDS = frozenset(["staff", "team", "desk", "newsroom"])
_ACCOUNTS = frozenset(["admin", "administrator", "webmaster", "editor", "guest", "author"])


def _no_person(ws: list[str]) -> bool:
    """Whether the name of words ``ws`` is a desk's ("HNN Staff", "The Newsroom", "Editorial
    Team": a desk word after an acronym, an article, an outlet's word or nothing) or a
    site's account ("Admin"); "Jane Staff" is a person's."""
    last = ws[-1].casefold()
    if len(ws) == 1 and last in _ACCOUNTS:
        return True
    if last not in _DESK_WORDS:
        return False
    first = ws[0]
    return (
        len(ws) == 1
        or not first[1:].islower()
        or first.casefold() in _NOT_PERSON
        or first.casefold() in ("the", "editorial", "our")
    )


#: What joins the parts of a name's word: "Anne-Marie", "O'Brien"
_NAME_JOINS = re.compile(r"[-'’]")


def _name_cased(w: str) -> bool:
    """Whether word ``w`` is written as a name's: an initial ("J."), or parts of letters
    joined by a hyphen or an apostrophe, each opening with a capital, any capital inside
    one before a small letter ("Price-Jones", "O'Brien", "McDonald", "DiCaprio"; not
    "NEWS", "Earley15", "Jueves,"). A test of small letters after the first refused these
    (s42 acc-read F14)."""
    if len(w) == 2 and w[1] == ".":
        return w[0].isupper()
    parts = _NAME_JOINS.split(w.removesuffix("."))  # (and a short form's: "Jr.", "St.")
    return all(
        p[:1].isupper()
        and p.isalpha()
        and (len(p) > 1 or k < len(parts) - 1)  # (one letter before a join: "O'Brien")
        and all(b.islower() for a, b in pairwise(p[1:] + " ") if a.isupper())
        for k, p in enumerate(parts)
    )


def _person_like(part: str) -> bool:
    """A byline's comma part that reads as another person's name: two or three words
    written as a name's (:func:`_name_cased`: initials allowed, no digit), no word of an
    outlet, role, place or company ("Warner Bros. Pictures")."""
    ws = part.strip(" .").split()
    return (
        2 <= len(ws) <= 3
        and all(map(_name_cased, ws))
        and not any(
            (low := w.lower().strip(".")) in _NOT_PERSON or low in _COMPANY_WORDS for w in ws
        )
    )


#: Words of a time, not of a name: weekdays, months, holidays, parts of a day or a year
#: ("By Monday, the mayor's office had ...", "By Christmas, Germany hopes ...")
_WHEN_WORDS_LIST = """
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december montag dienstag mittwoch donnerstag
    freitag samstag sonntag januar februar märz mai juni juli oktober dezember lundi mardi
    mercredi jeudi vendredi samedi dimanche janvier février mars avril juin juillet août
    septembre octobre novembre décembre lunes martes miércoles jueves viernes sábado domingo
    enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre
    lunedì martedì mercoledì giovedì venerdì sabato domenica gennaio febbraio aprile maggio
    giugno luglio settembre ottobre dicembre christmas xmas easter thanksgiving halloween
    hanukkah ramadan eid diwali passover pentecost weihnachten ostern pfingsten silvester
    noël pâques navidad natale pasqua noon midnight midday nightfall dawn dusk daybreak sunrise
    sunset lunchtime morning afternoon evening night tonight today tomorrow yesterday weekend
    now then spring summer autumn fall winter year years end mid early late"""
_WHEN_WORDS = frozenset(_WHEN_WORDS_LIST.split())


def _prose_byline(line: str, names: str) -> bool:
    """Whether a line that starts like a byline is a sentence of the text: its "name" is a
    verb's -ing form ("By subscribing you agree ...") or a time ("By Monday, the mayor's
    office had published ...", "By Friday evening, ..."), or
    the line is a sentence that goes on (ends like one after a clause in lower case, "Par
    Décret du 3 mars, le maire a nommé ...", or after seven words or more). A byline ends
    with its names, a role, an outlet or a date, not a full stop ("By Perry Bacon Jr." and
    "By Jane Doe, staff writer." are short)."""
    head, _, rest = names.partition(",")
    ws = [w.strip(".,;:'’\"") for w in head.split()]
    if ws and ws[0].endswith("ing") and ws[0].islower():
        # (a clause: "By subscribing you agree to our Terms of Use and Privacy Policy", a
        # sign-up box's, gave the author "Privacy Policy"; s40 acc-read F14)
        return True
    if (
        ws
        and ws[0].lower() in _WHEN_WORDS
        and all(w.lower() in _WHEN_WORDS or w[:1].islower() or w[:1].isdigit() for w in ws)
    ):
        return True
    if _SENT_END.search(line) is None:
        return False
    rest = rest.strip()
    return len(line.split()) >= 7 or (
        rest[:1].islower() and len(rest.split()) >= 4 and _ROLE.match(rest) is None
    )


def _things(names: list[str]) -> bool:
    """Whether a byline's ``names`` are two or more single words in capitals: things a
    headline lists, not people ("Von Hexen, Henkern und Vampiren in Bernau – Tipps zu
    Halloween", a German headline, gave three authors: German nouns have capitals; s36
    acc-types #11). A person of a byline has a given name and a surname; a script without
    capitals (Chinese names) is not judged so."""
    return len(names) >= 2 and all(" " not in n and n[:1].isupper() for n in names)


#: A byline that names a desk or a role and no person: "Staff Reporter", "By Our
#: Correspondent" (whose "Our" was an author), Bengali "নিজস্ব প্রতিবেদক" ("own reporter"),
#: Marathi "प्रतिनिधी", Hindi "संवाददाता" ("correspondent"), a place after a comma at most
#: ("Staff Reporter, Dhaka", "प्रतिनिधी, पुणे"); a desk's reports ("By Staff Reports", "From
#: staff and wire reports": "Staff Reports" was an author, s40 acc-synd #4)
_DESK_BYLINE = re.compile(
    r"(?:by\s+(?:our\s+|a\s+|the\s+)?(?:(?:own|staff|special|senior|foreign|political)\s+)?"
    r"(?:reporter|correspondent|writer|staff)s?|(?:our|own|staff|special|senior|foreign)\s+"
    r"(?:reporter|correspondent|writer)s?"
    r"|(?:(?:by|from)\s+)?(?:staff|wire)(?:\s+and\s+(?:staff|wire))?\s+reports?"
    r"|(?:নিজস্ব|বিশেষ|স্টাফ)\s+(?:প্রতিবেদক|প্রতিনিধি|সংবাদদাতা|রিপোর্টার)"
    r"|(?:विशेष\s+|हमारे\s+)?(?:प्रतिनिधी|प्रतिनिधि|संवाददाता)|न्यूज़?\s+डेस्क)"
    r"(?:\s*[,،|]\s*\S+(?:\s+\S+)?)?",
    re.I,
)
#: How many lines under the headline a desk's byline is looked for
_DESK_REACH = 3
#: What an English desk's byline holds (:data:`_DESK_BYLINE`), looked for before the pattern
_DESK_ROLES = ("report", "correspondent", "writer", "staff")


def _desk_line(s: str) -> bool:
    """Whether stripped line ``s`` is a desk's byline (:data:`_DESK_BYLINE`); a line of
    ASCII without a role's word (:data:`_DESK_ROLES`) is not matched."""
    if s.isascii() and not any(map(s.lower().__contains__, _DESK_ROLES)):
        return False
    return _DESK_BYLINE.fullmatch(s) is not None


def desk_byline(page: Page, title_line: int | None) -> int | None:
    """The line of a byline that names no person (:data:`_DESK_BYLINE`) within
    :data:`_DESK_REACH` lines under the headline: metadata, out of the text, no author
    ("নিজস্ব প্রতিবেদক" stayed as the article's first line: s38 acc-script #6)."""
    if title_line is None:
        return None
    for k in range(title_line + 1, min(title_line + _DESK_REACH + 1, len(page.lines))):
        if _desk_line(page.lines[k].strip()):
            return k
    return None


#: A Russian (Ukrainian, Belarusian) person's name: a given name and a surname, a patronymic
#: between at most, each capitalised, the surname (first or last) with a surname's ending
#: ("Анна Смирнова", "Дмитрий Орлов", "Шевченко Тарас"); an institution's or a section's
#: name has lowercase words or no such ending ("Белый дом", "Государственная Дума")
_CYRILLIC_NAME = re.compile(
    r"(?:[А-ЯЁІЇЄ][а-яёіїє]+(?:-[А-ЯЁІЇЄ][а-яёіїє]+)?\s){1,2}[А-ЯЁІЇЄ][а-яёіїє]+"
    r"(?:-[А-ЯЁІЇЄ][а-яёіїє]+)?"
)
_CYRILLIC_SURNAME = re.compile(
    r"(?:[оеё]в|[иы]н|[оеё]ва|[иы]на|[сц]кий|[сц]кая|[сц]кой|[ыи]х|енко|[ую]к|[ое]вич)$"
)
#: An adjective's ending, a place's or an outlet's first word ("Невский Проспект",
#: "Комсомольская Правда"), no given name's ("Дмитрий", "Юрий" end in -ий without -ск-)
_CYRILLIC_ADJECTIVE = re.compile(r"(?:[сц]к(?:ий|ая|ое|ой)|ый|ая|яя|ое|ее|ые|ие)$")
#: A surname's ending that no place's possessive ("Ростов", "Сергиев", "Пушкин") has: the
#: surname first before the given name ("Шевченко Тарас")
_CYRILLIC_SURNAME_FIRST = re.compile(r"(?:енко|[ую]к|ич)$")
#: Common given names of Russia, Ukraine and Belarus: a surname first before one is a
#: person's name ("Петров Сергей", "Иванова Мария"), where a place's possessive before a
#: noun is not ("Сергиев Посад", "Ростов Великий"): no ending tells "Петров" from
#: "Сергиев", the second word does (s46 acc-read F12)
_CYRILLIC_GIVEN = frozenset(
    """
Александр Алексей Анатолий Андрей Антон Аркадий Арсений Артём Артем Богдан Борис Вадим
Валентин Валерий Василий Вениамин Виктор Виталий Владимир Владислав Всеволод Вячеслав
Геннадий Георгий Глеб Григорий Даниил Денис Дмитрий Евгений Егор Захар Иван Игорь Илья
Кирилл Константин Лев Леонид Максим Марк Матвей Михаил Никита Николай Олег Павел Пётр Петр
Роман Ростислав Руслан Святослав Семён Семен Сергей Станислав Степан Тарас Тимофей Тимур
Фёдор Федор Филипп Эдуард Юрий Ярослав Олександр Андрій Сергій Юрій Дмитро Василь Петро Іван
Микола Остап Александра Алёна Алена Алина Алла Анастасия Ангелина Анна Арина Валентина
Валерия Варвара Вера Вероника Виктория Галина Ганна Дарья Диана Евгения Екатерина Елена
Елизавета Жанна Зоя Инна Ирина Карина Кристина Ксения Лариса Лидия Лилия Любовь Людмила
Маргарита Марина Мария Марія Милана Надежда Наталья Наталия Наталія Нина Оксана Олена Олеся
Ольга Полина Светлана София Софья Тамара Татьяна Ульяна Юлия Яна
""".split()  # noqa: SIM905 (a list of 130 names, one word each)
)
#: A title before a ruler's, a saint's or a cleric's name, whose words a headline or a
#: monument's name has, no byline ("Папа Лев" read as a name, "Лев" as its surname; s47
#: read F10)
_CYRILLIC_TITLES = frozenset(
    """
Князь Княгиня Царь Царица Король Королева Император Императрица Папа Патриарх Митрополит
Святой Святая Святитель Преподобный Отец Граф Графиня Принц Принцесса Папа Цар Король
Святий Свята Патріарх Князь Імператор
""".split()  # noqa: SIM905 (a list of titles, one word each)
)
#: A patronymic's ending ("Николаевич", "Петровна", "Ильинична")
_CYRILLIC_PATRONYMIC = re.compile(r"(?:вич|вна|ич|ична|инична)$")
#: A Japanese person's name as a byline writes it: the surname in one to three kanji, a
#: space, the given name in one to three kanji or kana ("佐藤 美咲", "田中 ゆき")
_JAPANESE_NAME = re.compile(r"[\u4e00-\u9fff]{1,3}[ \u3000][\u4e00-\u9fff\u3040-\u30ff]{1,3}")


def _name_by_form(s: str) -> bool:
    """Whether stripped line ``s`` is a person's name by its form alone, as no section's,
    institution's or outlet's name is written: a Russian name with its surname's ending
    (:data:`_CYRILLIC_NAME`), a Japanese one with the space between its surname and given
    name (:data:`_JAPANESE_NAME`). A byline without its word under a Russian or Japanese
    headline ("Дмитрий Орлов" / "2 февраля 2024, 12:00") gave no author (s44 acc-genres
    G8). A Latin-script name has no such form: no test of its words tells "Emma Price" from
    "Premier League" (review41 R1)."""
    if _CYRILLIC_NAME.fullmatch(s):
        ws = s.split()
        if ws[0] in _CYRILLIC_TITLES:
            return False  # (a ruler or a saint, a headline's words: "Папа Лев", "Князь Владимир")
        # (the given name first, no adjective: "Невский Проспект", "Московский Комсомолец";
        # or the surname first with an ending no place's possessive has, or before the
        # patronymic: "Сергиев Посад", "Ростов Великий" were authors; s45 read F9)
        if _CYRILLIC_SURNAME.search(ws[-1]) and not _CYRILLIC_ADJECTIVE.search(ws[0]):
            return True
        return (
            _CYRILLIC_SURNAME.search(ws[0]) is not None
            and (
                _CYRILLIC_SURNAME_FIRST.search(ws[0]) is not None
                or (len(ws) == 3 and _CYRILLIC_PATRONYMIC.search(ws[-1]) is not None)
                or ws[1] in _CYRILLIC_GIVEN
            )
            and not _CYRILLIC_ADJECTIVE.search(ws[-1])
        )
    return _JAPANESE_NAME.fullmatch(s) is not None


def _bare_name(s: str, place: Callable[[str], bool]) -> str | None:
    """The person's name that stripped line ``s`` is alone after a byline word ("By Emma
    Price", "By Sean O'Brien"): two or three words of a name (:func:`_person_like`: not
    "Earley15:35", "Jueves,"), none of a desk's, a time's or a weekday's ("Local News",
    "Monday Morning"), nor one the text writes as a place (``place``: "Radtouren Berlin");
    else None. A name without the word ("Emma Price" over the date) is no byline: a
    section's, an institution's or an outlet's name stands there as often ("Premier
    League", "White House", "Hamburger Abendblatt"), and no test of the words tells a
    person's name from them (review41 R1: they were the authors), but in a form that only
    a person's name has (:func:`_name_by_form`: "Дмитрий Орлов", "佐藤 美咲")."""
    if (m := _BYLINE.match(s)) is None:
        return s if _name_by_form(s) else None
    s = m.group("names").strip()
    ws = s.split()
    if (
        _person_like(s)
        and not _no_person(ws)
        and not any(w.casefold().strip(".") in _WHEN_WORDS for w in ws)
        and not any(map(place, ws))
    ):
        return s
    return None


def bare_byline(
    page: Page, title_line: int | None, date_lines: list[int], is_date_line: DateLines
) -> tuple[list[str], int] | None:
    """A byline without a byline word, at the page's date under the headline (``date_lines``:
    the lines of the date read, between the headline ``title_line`` and the body): the
    rest of the date's line ("25.10.2022 - Reiner Nagel") or the line next to it ("Emma
    Price" / "5 May 2025") when it is a person's name alone (:func:`_bare_name`): (the
    name, its line), else None. The line left the text, as a date line's or a short line,
    and gave no author (s40 acc-regress D10). A byline with its word there is read too:
    :func:`find_authors` reads the first lines only, and a text rendering's headline may be
    far below them ("By Tess Bonn" at its line 250)."""
    if title_line is None:
        return None
    built: list[Callable[[str], bool]] = []

    def place(word: str) -> bool:
        # (the page's places are read once a line is a byline: review41 R12, they were
        # read for every dated page)
        if not built:
            built.append(place_words("\n".join(page.lines), byline=True, shapes=False))
        return built[0](word)

    for k in date_lines:
        if not title_line < k < page.body_line:
            continue
        if name := _bare_name(is_date_line.without_dates(k).strip(" \t-–—|·•,:"), place):
            return [name], k
        # (the lines next to it, not the blank lines between blocks of a plain text: "By
        # Tess Bonn" / "" / "March 3, 2026" gave no one; s42 acc-read F15)
        pk, _ = previous_item(page, k)
        for j, text in page.items[max(pk, 0) : pk + 1] + page.items[pk + 2 : pk + 3]:
            if title_line < j < page.body_line and (name := _bare_name(text, place)):
                return [name], j
    return None


#: How many lines under a caseless byline its date may stand (a place's or an outlet's
#: short line between them: "مریم حسینی" / "بی‌بی‌سی فارسی" / "۵ آذر ۱۴۰۵ - …")
_CASELESS_DATE_REACH = 3
#: The most words of a short line between a caseless byline and its date line
_CASELESS_BETWEEN_WORDS = 6
#: What parts a byline's name from its place or outlet on one line ("राहुल शर्मा | भोपाल")
_NAME_TAIL_SEP = re.compile(r"\s*[|｜،,，/／·•]\s*")
#: A Chinese or Japanese name written without a space ("田中健太", "陈琳", "佐々木拓也"): 2..5
#: Han characters (the repeat mark 々 among them), none ending like an outlet's or an
#: office's name (社, 报, 网, 台, 局 ...)
_HAN_NAME = re.compile(
    r"(?![\u4e00-\u9fff\u3005]*(?:社|报|報|网|網|台|闻|聞|刊|站|部|局|日|省|市|县|縣|区|區"
    # (a commission's, a council's, an office's: "国家发改委", "证监会"; s52 acc-read F19)
    r"|委|会|會|院|厅|廳|办|辦|处|處|署|所|心|馆|館|组|組|司|行|队|隊)$)"
    r"[\u4e00-\u9fff\u3005]{2,5}"
)


#: The words of a section's, a genre's or a kicker's label under a headline in the caseless
#: scripts' languages (analysis, report, special, exclusive, opinion, interview, urgent,
#: latest, news), which no name holds
_CASELESS_LABEL_WORDS = frozenset(
    [
        "تحليل",
        "تقرير",
        "خاص",
        "حصري",
        "رأي",
        "مقال",
        "حوار",
        "عاجل",
        "أخبار",
        "تحقيق",
        "متابعة",
        "تحلیل",
        "گزارش",
        "ویژه",
        "اختصاصی",
        "یادداشت",
        "گفتگو",
        "خبر",
        "فوری",
        "विशेष",
        "रिपोर्ट",
        "विश्लेषण",
        "एक्सक्लूसिव",
        "ताज़ा",
        "ताजा",
        "खबर",
        "ख़बर",
        "समाचार",
        "ब्रेकिंग",
        "न्यूज़",
        "न्यूज",
        "साक्षात्कार",
        "राय",
        "বিশেষ",
        "প্রতিবেদন",
        "বিশ্লেষণ",
        "সংবাদ",
        "খবর",
        "মতামত",
        "সাক্ষাৎকার",
        "ניתוח",
        "דיווח",
        "מיוחד",
        "בלעדי",
        "דעה",
        "ראיון",
        "חדשות",
        "รายงาน",
        "พิเศษ",
        "วิเคราะห์",
        "ข่าว",
    ]
)
#: The least characters of a caseless name's word that may not recur on its page (a
#: label's word is the story's, inflected; a short given name may be anyone's)
_CASELESS_RECUR_CHARS = 5


def caseless_letters(word: str) -> bool:
    """Whether ``word`` is letters (and their combining signs, a ZWNJ) of scripts that have
    no capitals: Arabic, Hebrew, the Indic scripts, Thai, Georgian, the Han characters; not
    Latin, Greek, Cyrillic or Armenian, nor Hangul (a Korean byline has its "기자")."""
    for ch in word:
        o = ord(ch)
        if ch == "\u200c":
            continue
        if (
            unicodedata.category(ch)[0] not in "LM"
            or o < 0x0590
            or 0x1E00 <= o <= 0x1FFF
            or 0xFF00 <= o <= 0xFFEF
            or 0xAC00 <= o <= 0xD7AF
        ):
            return False
    return True


def caseless_name(line: str, headline: str, text: str) -> str | None:
    """The person's name that stripped line ``line`` is, in a script without capitals,
    where it stands under the headline ``headline`` of page text ``text``: two to four
    words of letters, or a Han name of two to four characters (:data:`_HAN_NAME`), a
    place's or an outlet's words after a bar or a comma at most ("राहुल शर्मा | भोपाल") when
    the page writes them elsewhere; else None. In such a script no capital tells a name
    from a section's or a place's, so the name must not stand anywhere else on the page
    (a section's label repeats the menu's, a place the story's) nor share a word with the
    headline, and none of its words is furniture (:data:`CUE_WORDS`)."""
    line = line.strip()
    if (m := _BYLINE.match(line)) is not None:
        # (its byline word before it, where the byline was not read, being too far down the
        # page for :func:`find_authors`: "كتب ضحى عرفة" gave the word with the name)
        line = m.group("names").strip()
    parts = _NAME_TAIL_SEP.split(line)
    name = parts[0].strip()
    rest = " ".join(parts[1:]).split()
    if len(rest) > 3 or any(text.count(w) < 2 for w in rest):
        return None
    ws = name.split()
    if len(ws) == 1:
        if _HAN_NAME.fullmatch(name) is None:
            return None
    elif (
        not 2 <= len(ws) <= 4
        or not all(map(caseless_letters, ws))
        # (Chinese and Japanese write no name in spaced words: "澎湃新闻记者 陈琳" is an
        # outlet's reporter, a Japanese "山田 太郎" is read by its form)
        or re.search("[" + CJK_RANGES + "]", name)
    ):
        return None
    heads = set(headline.split())
    if (
        text.count(name) != 1
        or any(w in heads for w in ws)
        or (len(ws) == 1 and name in headline)
        or any(w.casefold() in CUE_WORDS for w in ws)
        # (a kicker's or a genre's label under the headline, "تحليل اقتصادي", "विशेष रिपोर्ट":
        # its words are the language's, which the story repeats inflected — "الاقتصادية" —
        # or a label's; a byline's name is the page's once; s52 acc-read F7)
        or any(w in _CASELESS_LABEL_WORDS for w in ws)
        or any(len(w) >= _CASELESS_RECUR_CHARS and text.count(w) > 1 for w in ws)
    ):
        return None
    return name


#: A Chinese reporter's credit inside a line: "记者/記者" after an outlet's name, a bracket, a
#: slash or a space, then one or more names of two or three Han characters, each ended by a
#: bracket, a slash, a space, the line's end or "报道" ("新华社合肥11月26日电（记者王磊、李娜）",
#: "澎湃新闻记者 陈琳", "聯合報／ 記者林佳琪／台北即時報導"); a sentence's "记者从…获悉" (the
#: reporter learnt from) ends no name so
_CJK_REPORTER_IN = re.compile(
    r"(?:记者|記者)\s*[:：]?\s*(?P<names>[\u4e00-\u9fff]{2,3}(?:[、，,]\s*[\u4e00-\u9fff]{2,3})*)"
    r"(?<![摄攝])(?=$|[）)／/\s]|报道|報導)"
    # (not a photo's credit: "（新华社记者 王磊 摄）", photographed by; s52 acc-read F18)
    r"(?!\s*(?:摄|攝|图|圖))"
)
#: How many lines under the headline a Chinese reporter's credit is looked for (the date's
#: and the source's lines between, the first paragraph's dateline the last)
_CJK_REPORTER_REACH = 5
#: The longest line a reporter's credit is the whole of, and leaves the text as a byline
_CJK_BYLINE_CHARS = 40


def cjk_reporter_byline(page: Page, title_line: int | None) -> tuple[list[str], int, bool] | None:
    """A Chinese reporter's credit within :data:`_CJK_REPORTER_REACH` lines under the headline
    ``title_line`` (:data:`_CJK_REPORTER_IN`): (the names, the line, whether the line is a
    byline of its own rather than a paragraph's dateline), else None. The label read at a
    line's start only, an outlet's reporter and an agency's dateline gave no author (s50
    acc-scripts N7)."""
    if title_line is None:
        return None
    items = page.items
    if (at := _item_of(page, title_line)) is None:
        return None
    for j, s in items[at + 1 : at + 1 + _CJK_REPORTER_REACH]:
        if names := cjk_reporters(s):
            alone = len(s.strip()) <= _CJK_BYLINE_CHARS and not _SENT_END.search(s.strip())
            return names, j, alone
    return None


#: A Japanese byline in brackets, the name and the outlet after a comma ("[山田太郎，ITmedia]",
#: "［佐藤花子、ITmedia］": ITmedia's sites write their bylines so; s50 acc-scripts mix-2)
_BRACKETED_NAME = re.compile(
    r"[\[［]\s*(?P<names>[\u4e00-\u9fff\u3005]{2,5})\s*[，,、]\s*[^\]］\s][^\]］]{0,30}[\]］]"
)


def cjk_reporters(s: str) -> list[str] | None:
    """The names of the first Chinese reporter's credit in line ``s``
    (:data:`_CJK_REPORTER_IN`: "澎湃新闻记者 陈琳" -> 陈琳), or of a bracketed Japanese byline
    that is the whole line (:data:`_BRACKETED_NAME`: "[山田太郎，ITmedia]" -> 山田太郎), else None."""
    if s[:1] in "[［" and (b := _BRACKETED_NAME.fullmatch(s.strip())) is not None:
        return [b.group("names")]
    if "记者" not in s and "記者" not in s:
        return None
    if (m := _CJK_REPORTER_IN.search(s)) is None:
        return None
    return [n for n in re.split(r"[、，,]\s*", m.group("names")) if n] or None


def caseless_byline(
    page: Page, title_line: int | None, is_date_line: DateLines
) -> tuple[list[str], int, list[int]] | None:
    """A byline without a byline word in a script without capitals: the line right under
    the headline ``title_line`` when it is a person's name (:func:`caseless_name`) and a
    date line follows within :data:`_CASELESS_DATE_REACH` lines, short lines between ("محمد
    عبد الرحمن" / "٢٦/١١/٢٠٢٦", "শেখ সাবিহা আলম" / "ঢাকা" / "প্রকাশ: …"): (the name, its
    line), else None. Such bylines gave no author in text renderings (s50 acc-scripts N7);
    in a cased script the name's capitals are no sign (review41 R1: "Premier League"), so
    only these scripts are read so. Third: the short lines between the name and the date
    (its place's, its outlet's: "मुंबई" under "प्रसाद रावकर"), the byline's too."""
    if title_line is None:
        return None
    items = page.items
    if (at := _item_of(page, title_line)) is None or at + 2 >= len(items):
        return None
    j, line = items[at + 1]
    if j in is_date_line.of_line or not page.body_line > j:
        return None
    name = caseless_name(line, items[at][1], page.text)
    if name is None:
        return None
    between: list[int] = []
    for k, s in items[at + 2 : at + 2 + _CASELESS_DATE_REACH]:
        if k in is_date_line.of_line:
            return [name], j, between
        if (
            len(s.split()) > _CASELESS_BETWEEN_WORDS
            or any(ch.isdigit() for ch in s)
            or _SENT_END.search(s.strip())
        ):
            return None
        between.append(k)
    return None


#: The scripts whose capitals :func:`header_name` reads as a name's: Latin, Greek,
#: Armenian (Cyrillic has its own test of a name's form, :func:`_name_by_form`)
_HEADER_NAME_SCRIPT = re.compile(
    r"[^\W\d_\u0400-\u052f\u0590-\uffff]+|[\u0370-\u03ff\u1f00-\u1fff\u0531-\u058f]+"
)
#: The fewest words of a dek (the headline's standfirst) a header byline may stand under
_HEADER_DEK_WORDS = 6
#: A byline word glued to the name it opens ("ByAlex Bozarjian", a rendering of
#: "<span>By</span><a>Alex Bozarjian</a>")
_GLUED_BY = re.compile(r"By(?=[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ])")
#: A byline word inside a date line: the byline is the date line's ("8. Januar 2020 · by
#: Aureliana · in Gefühle"; the name under it was a photo's credit)
_BY_INSIDE = re.compile(r"(?i)(?<!\w)(?:by|von|par|por|door|przez|di)\s+\w")


#: A Greek adjective's ending: a region's or a section's name, no person's ("Κεντρική
#: Μακεδονία", "Πολιτική Επικαιρότητα")
_GREEK_ADJECTIVE = re.compile(r"(?:ικ|ακ|ιν)(?:ή|ό|ός|ά|ές|ής|ών|η|ο|ος|α|ες|ης)$")
#: An Armenian surname's ending ("Սարգսյան", "Պետրոսյանց", "Արծրունի")
_ARMENIAN_SURNAME = re.compile(r"(?:յան|յանց|եան|ունի)$")


def _script_name_form(words: list[str]) -> bool:
    """Whether a header name's capitalised ``words`` have a person's name's form in their
    script: in Greek none is an adjective (:data:`_GREEK_ADJECTIVE`; a region, a section),
    in Armenian the surname ends as Armenian surnames do (:data:`_ARMENIAN_SURNAME`); a
    Latin name has no such form (the page's evidence decides: :func:`header_name`)."""
    last = words[-1]
    if "\u0531" <= last[0] <= "\u058f":
        return _ARMENIAN_SURNAME.search(last) is not None
    if "\u0370" <= last[0] <= "\u03ff" or "\u1f00" <= last[0] <= "\u1fff":
        return not any(_GREEK_ADJECTIVE.search(w) for w in words)
    return True


def header_name(
    s: str, headline: str, page: Page, at: int, place: Callable[[str], bool]
) -> str | None:
    """The person's name that stripped line ``s`` (on line ``at``) is, as a blog's header writes a byline
    without its word ("Hannah Okafor" between the dek and "Nov 19, 2026"; ``place``: whether
    a word is one the page writes as a place's, :func:`place_words`): two to four
    words of a cased script (Latin, Greek, Armenian), each written as a name's
    (:func:`_name_cased`) or a surname's particle inside ("Jeroen van der Meer"), none of a
    time, an outlet, a desk or furniture (:data:`CUE_WORDS`); else None. The capitals alone
    tell no name from a section's or an outlet's ("Premier League", "Hamburger Abendblatt",
    review41 R1), so the page must not write it as one: not a line of its own elsewhere (a
    menu's, a label's, the site's name), none of its words in
    the headline nor in small letters in the text ("White House" / "the house")."""
    if _GLUED_BY.match(s):
        s = s[2:]  # (a byline word glued to the name: "ByAlex Bozarjian")
    ws = s.split()
    if not 2 <= len(ws) <= 4 or len(s) > 60 or _BYLINE.match(s) is not None:
        # (a byline with its word is read by :func:`find_authors`, which refused "By
        # Reuters", an agency)
        return None
    cased = [w for w in ws if w not in _NAME_PARTICLES]
    if (
        len(cased) < 2
        or ws[0] in _NAME_PARTICLES
        or ws[-1] in _NAME_PARTICLES
        or not all(map(_name_cased, cased))
        or not all(_HEADER_NAME_SCRIPT.fullmatch(_NAME_JOINS.sub("", w.rstrip("."))) for w in cased)
        or _no_person(ws)
        or any(
            (low := w.casefold().strip(".")) in _WHEN_WORDS
            or low in _NOT_PERSON
            or low in _COMPANY_WORDS
            or low in CUE_WORDS
            for w in cased
        )
    ):
        return None
    if not _script_name_form(cased):
        return None
    heads = {w.casefold() for w in re.findall(r"\w+", headline)}
    if any(w.casefold() in heads for w in cased) or any(map(place, cased)):
        # (nor a place's name: "Ort Saarbrücken", a label and its value)
        return None
    text = page.text
    # (a copyright notice in the name is a personal blog's: "© 2026 Hannah Okafor")
    if text.count(s) > 1 and any(
        k != at and s in line and line.strip() == s for k, line in enumerate(page.lines)
    ):
        return None
    for w in cased:
        if (
            len(w) > 2
            and w[-1] != "."
            and re.search(r"(?<!\w)" + re.escape(w.lower()) + r"(?!\w)", text)
        ):
            return None
    return s


def _label_cell(rest: str) -> bool:
    """Whether ``rest``, a date line without its dates, is a label's word before the date,
    no colon after it ("Datum 28.01.2022" -> "Datum")."""
    ws = rest.split()
    return (
        len(ws) == 1
        and rest[:1].isalpha()
        and ws[0].isalpha()
        and ws[0][:1].isupper()
        # (not a weekday the date's span left out: "Sun 19 May 2024", "Wednesday 08 ...")
        and len(ws[0]) > 3
        and ws[0].casefold() not in _WHEN_WORDS
    )


def header_name_byline(
    page: Page, title_line: int | None, date_lines: list[int], is_date_line: DateLines
) -> tuple[list[str], int] | None:
    """A blog's byline without its word, in the post's header: the name alone on the line
    right under the headline ``title_line`` (or under its dek, a line of
    :data:`_HEADER_DEK_WORDS` words or more, or under the date), next to the page's date line
    (``date_lines``: the lines of the date read), above the first paragraph; or the rest of
    that date line ("2026-11-11 · Jeroen van der Meer"). Substack, Ghost, Medium and the
    developer blogs write their bylines so, and 11 of 27 blog authors were missing in text
    renderings (s51 acc-blogs B9). The name must be one by :func:`header_name`, and the
    header's shape is required as well: a wrong author is worse than none."""
    if title_line is None or not date_lines:
        return None
    items = page.items
    if (at := _item_of(page, title_line)) is None:
        return None
    dated = {k for k in date_lines if not _BY_INSIDE.search(page.lines[k])}
    if len(dated) < len(date_lines) or any(
        map(_label_cell, (is_date_line.without_dates(k) for k in dated))
    ):
        # (a date line labelled without a colon, "Datum 28.01.2022", is a table's row, and
        # so is the line over it: "Ort Saarbrücken")
        return None
    headline = items[at][1]
    built: list[Callable[[str], bool]] = []

    def place(word: str) -> bool:
        if not built:
            built.append(place_words(page.text, byline=True, shapes=False))
        return built[0](word)

    # (not cut at the body's first line: a dek of two sentences is read as a paragraph)
    head = [(j, x.strip()) for j, x in items[at + 1 : at + 4]]
    # (the rest of a date line under the headline, or under its dek)
    for j, x in head[:2]:
        if j in dated:
            rest = is_date_line.without_dates(j).strip(" \t-–—|·•,:")
            # (a name after the date follows a mark: "2026-11-11 · Jeroen van der Meer";
            # "30. Oktober 2023 Carola Pönisch Kultur" ran the byline and a category on)
            before = x[: max(x.find(rest), 0)].rstrip()
            if before and before[-1] not in "-–—|·•,:/":
                continue
            if rest and (name := header_name(rest, headline, page, j, place)):
                return [name], j
    # (a name's line: right under the headline with the date under it; under the dek with
    # the date under it; under the date)
    slots = []
    if len(head) >= 2 and head[1][0] in dated:
        slots.append(head[0])
    if len(head) >= 2 and head[0][0] in dated:
        slots.append(head[1])
    if len(head) >= 3 and head[2][0] in dated and len(head[0][1].split()) >= _HEADER_DEK_WORDS:
        slots.append(head[1])
    for j, x in slots:
        if j not in dated and (name := header_name(x, headline, page, j, place)):
            return [name], j
    return None


#: An author's affiliation or note marks after the name, in a scholarly author list:
#: digits glued to the name ("Martínez1", "Nowak1,3", "Vogel1a"), superscript digits
#: ("Keller²"), a star, a dagger ("Lin*", "Okafor†‡")
_AFFIL_MARKS = re.compile(
    r"(?<=[^\W\d_])(?:[0-9¹²³⁴-⁹⁰]+[a-z]?(?:,[0-9¹²³⁴-⁹⁰]+[a-z]?)*)?[*†‡§¶]*(?=[\s,;&]|$)"
)
#: What parts the names of an author list: a comma, a semicolon, "&", "and" in the
#: languages of :data:`_BYLINE_WORDS` ("und", "et", "y", "e", "en")
_AUTHOR_SEP = re.compile(r"\s*[,;&]\s*(?:(?:and|und|et|y|e|en)\s+)?|\s+(?:and|und|et|y|e|en)\s+")
#: How many lines under the headline an author list may stand (a journal's "Published:"
#: line or a preprint's "[Submitted on ...]" between them)
_AUTHOR_LIST_REACH = 2
#: The most names an author list on one line has
_AUTHOR_LIST_MAX = 30


def author_list(page: Page, title_line: int | None) -> tuple[list[str], int] | None:
    """A scholarly paper's author list without a byline word, one of the
    :data:`_AUTHOR_LIST_REACH` lines under the headline ``title_line``: "Laura Martínez1,
    Tobias Keller2 & Anna Nowak1,3", "Sarah O'Connor, Mei Lin, David Okafor", "Claire
    Dubois et Marc Lefèvre": (the names, their affiliation marks taken off
    (:data:`_AFFIL_MARKS`), the line), else None. Two names or more, each a person's
    (:func:`_person_like`, no word of a time), or one with an affiliation mark: one name
    alone under a headline is an institution's as often (:func:`_bare_name`). Journal and
    preprint pages wrote their authors so, and text renderings gave none (s47 acc-gov G1).
    """
    if title_line is None:
        return None
    items = page.items
    at = next((n for n, (j, _) in enumerate(items) if j == title_line), None)
    if at is None:
        return None
    for j, text in items[at + 1 : at + 1 + _AUTHOR_LIST_REACH]:
        if names := author_names(text.strip()):
            # (no mark needed: a news story's byline without its word, "Kevin Johnson and
            # Kevin McCoy" under the headline, is one as often; a review's cast line reads
            # the same, s48 acc-read F16, left: nothing in the line tells them apart)
            return list(names), j
    return None


def _names_line(s: str) -> tuple[str, ...] | None:
    """:func:`author_names` of line ``s`` behind a literal test for a list's separator."""
    if "," in s or "&" in s or any(map(s.__contains__, (" and ", " et ", " und ", " y ", " e "))):
        return author_names(s)
    return None


def _marked_names(s: str) -> bool:
    """Whether author list ``s`` (stripped) marks a name with an affiliation or a note
    (:data:`_AFFIL_MARKS`: "Martínez1", "Keller²", "Lin*"), as a paper's list does."""
    return _AFFIL_MARKS.sub("", s) != s


@lru_cache(maxsize=4096)
def author_names(s: str) -> tuple[str, ...] | None:
    """The names of stripped line ``s`` when it is an author list (see :func:`author_list`),
    their affiliation marks taken off; else None. Cached: :func:`_never_title` asks it of
    the page's lines, an author list being no headline (a tuple: the cache's value is
    shared by every page with the line)."""
    if not s or len(s) > 400 or s[-1] in ".!?:":
        return None
    bare = _AFFIL_MARKS.sub("", s)
    names = [x.strip() for x in _AUTHOR_SEP.split(bare) if x.strip()]
    if not 1 <= len(names) <= _AUTHOR_LIST_MAX or (len(names) == 1 and bare == s):
        return None
    for x in names:
        ws = x.split()
        if (
            not _person_like(x)
            or _no_person(ws)
            or any(w.casefold().strip(".") in _WHEN_WORDS for w in ws)
        ):
            return None
    return tuple(names)


#: The small words a person's name may hold in lower case: a surname's particle ("van",
#: "von", "de la", "bin", "al") and a compound surname's conjunction ("y", "i":
#: :func:`_surnames_joined`)
_NAME_PARTICLES = frozenset(
    ("van", "von", "de", "der", "den", "la", "le", "da", "di", "du", "del", "bin", "al", "y", "i")
)


#: The words of Korean bylines, after the names: "reporter", "correspondent", "senior reporter"
_NAME_FIRST_WORDS = ("기자", "특파원")
#: A Korean byline: the names, then the reporter's word ("김민준 기자", "김민준·이서연 기자",
#: "워싱턴=김민준 특파원"), an e-mail address after it at most ("김민준 기자
#: minjun@example.com", "(김민준 기자)"); not a credit's ("사진=박서연 기자", photo by: it was
#: the author over the byline, s40 acc-read F11)
_NAME_FIRST = re.compile(
    r"\(?(?:(?!(?:사진|그래픽|영상|일러스트|자료|출처|제공|편집|디자인)\s*=)[가-힣]{1,10}\s*=\s*)?"
    r"(?P<names>[가-힣]{2,4}(?:\s*[·ㆍ,]\s*[가-힣]{2,4})*)\s*"
    r"(?:선임|수석|객원|전문)?(?:기자|특파원)\)?\s*(?:" + EMAIL + r")?\s*=?"
)


#: A Chinese byline's reporters after its label, each a name of two to four Han characters,
#: the names apart by spaces ("记者 王小明 李华": two reporters; a Japanese name's space, "山田
#: 太郎", stands without the label before it)
_CJK_REPORTERS = re.compile(
    r"(?:记者|記者)\s*[:：]?\s*(?P<names>[\u4e00-\u9fff]{2,4}(?:[\s、，,]+[\u4e00-\u9fff]{2,4})+)"
)


def cjk_byline(s: str) -> list[str] | None:
    """The names of a Korean or Chinese byline ``s`` (stripped) as the text path reads them
    (:data:`_NAME_FIRST`: "김민수 기자" -> 김민수; :data:`_CJK_REPORTERS`: "记者 王小明 李华" ->
    王小明, 李华), None if it is neither. An HTML page's byline element gave "김민수 기자" and
    "王小明 李华" as one author each (s45 acc-wire W4)."""
    if s.isascii():
        return None
    if any(map(s.__contains__, _NAME_FIRST_WORDS)) and (names := _name_first(s)) is not None:
        return names
    if (m := _CJK_REPORTERS.fullmatch(s)) is not None:
        return re.split(r"[\s、，,]+", m.group("names"))
    return None


def _name_first_byline(top: list[tuple[int, str]], joined: str) -> tuple[list[str], int] | None:
    """The first byline of ``top`` (items, their texts ``joined``) that writes the names
    before the reporter's word, as Korean does (:data:`_NAME_FIRST`; "김민준 기자" was kept as
    the article's first line and gave no author: s38 acc-script #6); None on a page without
    one of :data:`_NAME_FIRST_WORDS` (not read line by line)."""
    if joined.isascii() or not any(map(joined.__contains__, _NAME_FIRST_WORDS)):
        return None
    for i, s in top:
        if (names := _name_first(s.strip())) is not None:
            return names, i
    return None


def _name_first(s: str) -> list[str] | None:
    """The names of line ``s`` (stripped) when it is a Korean byline (:data:`_NAME_FIRST`:
    "김민준·이서연 기자" -> 김민준, 이서연), else None."""
    if (m := _NAME_FIRST.fullmatch(s)) is None:
        return None
    return [n.strip() for n in re.split(r"[·ㆍ,]", m.group("names"))]


def find_authors(
    items: list[tuple[int, str]],
    limit: int = 60,
    texts: list[str] | None = None,
) -> tuple[list[str], int | None]:
    """The first byline among the first ``limit`` non-empty lines: (names, line number).
    ``texts``: the items' texts, if at hand (:attr:`Page.texts`)."""
    top = items[:limit]
    # Only the lines where a byline word starts are tried: one scan of the top lines for
    # them. (A newline before each line gives the pattern a literal start, so re skips from
    # line to line; a pattern that starts with a line anchor is tried at every character.)
    shown = texts[:limit] if texts is not None else [s for _, s in top]
    joined = "\n" + "\n".join(shown)
    first = _name_first_byline(top, joined)
    search = _BYLINE_AT_NL.search
    m = search(joined)
    k, pos = 0, 0  # the item whose line starts after the newline at ``pos``
    while m is not None:
        p = m.start()
        k += joined.count("\n", pos, p)
        pos = p
        i, s = top[k]
        if (
            s.count(" ") <= 13
            and (mm := _BYLINE.match(s)) is not None
            and not _PHOTO_CREDIT.match(s)
            and not _LABEL_WORD.match(mm.group("names"))  # (a label: "Text Input:")
            and not _prose_byline(s, mm.group("names"))
            and not _field_of_a_block(shown, k)
            and not _desk_line(s)  # (a desk's: "By Our Correspondent")
            # (not "de" and one word: a Dutch outlet's name, the logo "de Volkskrant", "de
            # Telegraaf", was the author over the byline under the headline; s45 acc-wire W4)
            and not (
                s[: mm.start("names")].strip().casefold() == "de" and " " not in mm["names"].strip()
            )
        ):
            names = mm.group("names")
            # ("By Doe, Jane": one person written surname first, as an HTML page's author
            # field is read; the byline parser split it at its comma and kept "Doe": s36
            # acc-regress D2. The second part is the reporter's place when the text writes
            # it as one: "By Meier, Hamburg")
            if first is not None and first[1] < i:
                return first
            place = place_words(joined, byline=True)
            by = s[: mm.start("names")].split()
            if by and _PLACE_AFTER_NAME.fullmatch(by[-1]):
                # (a German, French, Spanish, Dutch or Scandinavian byline writes the
                # reporter, then the place: "Von Weber, München" made up "München Weber"
                # where the text never names the city; s43 left43 D10. A catalogue's form
                # has its initial: "Von Meier, Hans K.")
                place = _not_initialled
            if (name := surname_first(names, place)) is not None:
                return [name], i
            if (cjk := cjk_byline(s)) is not None:
                return cjk, i
            people = parse_authors(names)
            if people and not _things(people):
                return people, i
        # (from the next line on: a match may run over a line end, "Written\nby ...")
        m = search(joined, p + 1)
    return first if first is not None else ([], None)


def _field_of_a_block(lines: list[str], k: int) -> bool:
    """Whether ``lines[k]`` (non-blank, stripped) is a field ("author: Nobody", its key in
    lower case as YAML writes it) of a block of such fields between two "---" lines that is
    not the text's front matter: a markdown text's quoted or sample block, its text. Its
    "title:" stayed in the text and its "author:" was taken as the byline (s38 acc-regress
    D12); the front matter's fields are read where it is, at the top."""
    if not lines[k][:1].islower() or not _FRONT_KEY.fullmatch(lines[k]):
        return False
    if k < front_matter_lines(lines):
        return False
    a = k
    while a > 0 and _FRONT_KEY.fullmatch(lines[a - 1]):
        a -= 1
    b = k
    while b + 1 < len(lines) and _FRONT_KEY.fullmatch(lines[b + 1]):
        b += 1
    return a > 0 and lines[a - 1] == "---" and b + 1 < len(lines) and lines[b + 1] in ("---", "...")


def short_byline(lines: list[str]) -> tuple[list[str], int | None]:
    """:func:`find_authors` on ``lines`` (an article's first lines, as an extractor gave
    them) among its lines that end no sentence only: the article's first sentence may
    start with "By" or "Von". A byline line as long as a plain text's (find_authors' own
    limit) counts: one of eight words or more was read on the text path and not on the
    HTML path ("By Jane Doe, Staff Writer, and Tom Baxter, Photographer"; s38 acc-regress
    D1). A line that ends with a name's suffix ("By Martin Luther King, Jr.") ends no
    sentence (s40 acc-read F6: it gave no author on the HTML path only)."""
    items = [
        (i, s)
        for i, ln in enumerate(lines)
        if (s := ln.strip()) and (not _SENT_END.search(s) or _SUFFIX_END.search(s))
    ]
    return find_authors(items, limit=len(lines))


# --- blog platforms' bylines (s51 acc-blogs B9, B10) ---

#: A blog platform's dated byline: the label, a date, the by-word and the names. WordPress's
#: default "Posted on November 8, 2026 by Margaret Hale" and its translations ("Publié le
#: 27 octobre 2026 par …", "Veröffentlicht am … von …", "Publicado el … por …",
#: "Pubblicato il … da …", "Geplaatst op … door …", "Opublikowano … przez …"): the date
#: between label and by-word kept :data:`_BYLINE` from reading it (authors 1/27 in the text
#: forms). The date part is short and a full date (:func:`blog_byline_names`).
_DATED_BYLINE = re.compile(
    r"(?i)\s*(?:posted|published|publié|publiée|pubblicato|pubblicata|geplaatst|gepubliceerd|"
    r"opublikowano|publicado|publicada|postado|veröffentlicht|eingestellt)"
    r"(?:\s+(?:on|le|il|op|am|el|em|en|dnia))?\s+(?P<date>[^\n]{3,40}?),?"
    r"\s+(?:by|par|da|door|przez|por|von|di)\s+(?P<names>[^\d\s][^\n]*?)\s*$"
)
#: Blogger's post footer: "Posted by Ray Whitford at 10:14 AM", "Eingestellt von X um 18:40",
#: "Publicado por X en 11:20", "Postado por X às 15:32": the by-word, the names and the
#: post's clock time (which kept :func:`parse_authors` from reading the names), a whole line
#: (:data:`.boilerplate.chrome.POSTED_AT`, which removes it from the text)
_TIMED_BYLINE = POSTED_AT
#: Medium's author line, the name and its follow button: "Priya Raman · Follow", "Lena
#: Vogt · Folgen", "Martín Ibarra · Seguir" (or the button on the next line)
_FOLLOW = r"(?:follow|folgen|seguir|suivre|segui|volgen|obserwuj|följ|følg)"
_FOLLOW_BYLINE = re.compile(rf"(?i)\s*(?P<names>[^\d\s·•|][^·•|\n]*?)\s*[·•|]\s*{_FOLLOW}\s*$")
_FOLLOW_ALONE = re.compile(rf"(?i)\s*{_FOLLOW}\s*$")
#: The most words of the names a blog byline holds
_BLOG_NAME_WORDS = 6


def _blog_names(names: str) -> list[str] | None:
    """The people of a blog byline's names part (:func:`parse_authors`), or None when they
    are no names (a thing's words, too many words)."""
    if len(names.split()) > _BLOG_NAME_WORDS:
        return None
    people = parse_authors(names)
    if not people or _things(people):
        return None
    return people


def blog_byline_names(s: str) -> list[str] | None:
    """The names of stripped line ``s`` when it is a blog platform's byline: a dated one
    (:data:`_DATED_BYLINE`, its date part a full date), Blogger's timed footer
    (:data:`_TIMED_BYLINE`) or Medium's "NAME · Follow" (:data:`_FOLLOW_BYLINE`); else
    None. An HTML page's byline element so written gave its label as the author
    ("Pubblicato il", "Geplaatst op": trafilatura's reading; s51 acc-blogs B10)."""
    if len(s) > 160:
        return None
    if (m := _DATED_BYLINE.match(s)) is not None and find_dates([m["date"]]):
        # (a full date, read as the date finder reads it: "Published in 2019 by Penguin
        # Books" is a book's imprint; and a name's particle is no date's end: "Posted by Ana
        # da Silva at 10:14 AM" is Blogger's timed footer; finalrev_B)
        return _blog_names(m["names"])
    if (m := _TIMED_BYLINE.fullmatch(s)) is not None:
        return _blog_names(m["names"])
    # (a follow line holds its separator: without one, :data:`_FOLLOW_BYLINE`'s lazy names
    # part was tried at every length of the line, ~2 µs a line, most of the cost of
    # :func:`blog_byline` on a page without a byline)
    if ("·" in s or "•" in s or "|" in s) and (m := _FOLLOW_BYLINE.match(s)) is not None:
        # (Medium writes the same button after a publication's name, "Towards Data Science ·
        # Follow", and a menu's row ends so, "Subscribe · Follow": a person's name only,
        # as the "Follow" line alone asks; s52 acc-read F4)
        names = m["names"]
        if not _person_like(names) or any(w.lower() in _TITLE_SMALL_WORDS for w in names.split()):
            return None
        return _blog_names(names)
    return None


#: A title's small words (articles, prepositions), which a publication's name holds and a
#: person's does not ("Towards Data Science", "The Startup")
_TITLE_SMALL_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "and",
        "for",
        "in",
        "on",
        "to",
        "towards",
        "toward",
        "with",
        "at",
        "from",
        "into",
        "about",
        "your",
        "our",
        "my",
    ]
)


#: A comment section's heading, its count maybe ("3 comments", "2 Kommentare:", "Comments"),
#: or a comment's header (:data:`_BLOG_COMMENT_HEAD`: "Ray said…")
_COMMENTS_LINE = re.compile(r"(?i)\s*(?:\d+\s+)?" + _COMMENT_WORDS + r"\s*:?\s*$")


def blog_byline(items: list[tuple[int, str]], limit: int = 60) -> tuple[list[str], int] | None:
    """The first blog platform's byline (:func:`blog_byline_names`) among the first
    ``limit`` items, or a name alone over Medium's "Follow" button line: (names, line),
    else None. Blogger's timed footer stands under the post, so it is looked for in all
    items; it is the post's in a post's footer's place only: above any comment section's
    heading, and the page's only one (or one author's, a blog's front page of posts). A
    comment widget's "Posted by Mike Jones at 9:14 PM", under "3 comments" and once a
    comment, made a news page's commenter its author (s52 regress R2). Read where
    :func:`find_authors` found no byline (s51 acc-blogs B9)."""
    prev: tuple[int, str] | None = None
    timed: list[tuple[list[str], int]] = []
    comments = False
    for n, (i, text) in enumerate(items):
        s = text.strip()
        if _TIMED_BYLINE.fullmatch(s) is not None and (names := blog_byline_names(s)):
            if comments:
                break  # (a comment's footer: no later one is the post's)
            timed.append((names, i))
            continue
        if n < limit and not timed:
            if (names := blog_byline_names(s)) is not None:
                return names, i
            if prev is not None and _FOLLOW_ALONE.fullmatch(s) and _person_like(prev[1]):
                return [prev[1]], prev[0]
        # (once set, the mark stays; and a comment's header ends with its colon or its
        # ellipsis: :data:`_BLOG_COMMENT_HEAD`'s lazy "… said" part is tried on such a line
        # only, not at every length of every line of every page without a byline)
        if not comments and (
            _COMMENTS_LINE.match(s)
            or (s.endswith(_BLOG_COMMENT_ENDS) and _BLOG_COMMENT_HEAD.match(s))
        ):
            comments = True
        prev = (i, s)
    if timed and all(names == timed[0][0] for names, _ in timed):
        return timed[0]
    return None


@_line_cache(maxsize=4096)
def _site_like(s: str) -> bool:
    """A line that reads as a site name (a few capitalised words, no date, byline or
    sentence end). Cached: the first and last lines of a site's pages recur."""
    ws = s.split()
    return (
        1 <= len(ws) <= 4
        and all(w[:1].isupper() or w[:1].isdigit() for w in ws)
        and not _FURNITURE.match(s)
        and not _PREFILTER.search(s)
        and not s.endswith((".", ":", "?"))
        and not _BYLINE.match(s)
        and "," not in s
    )


#: The label of a tag line, before its colon, in the languages of :data:`MONTHS` and more
#: (Chinese, Japanese, Hebrew, Persian, Hindi, Vietnamese)
_TAG_WORDS = (
    r"tags?|schlagworte|stichworte|schlagwörter|schlüsselwörter|themen|topics?|keywords?|"
    # (a paper's "Subjects:" on a preprint server, "Schlüsselwörter" on a German journal's
    # page; s47 acc-gov G10)
    r"subjects|mots[- ]clés|"
    r"etiquetas|etichette|parole chiave|palavras[- ]chave|palabras clave|trefwoorden|"
    # (a French and a Spanish news site's topic list: "Sujets:", "Temas:"; s44 acc-genres
    # G9: every French and Spanish page had no tags)
    r"sujets|thèmes|temas|tópicos|argomenti|onderwerpen|assuntos|темы|"
    r"emneord|nyckelord|tagi|słowa kluczowe|štítky|klíčová slova|теги|метки|"
    r"ключевые слова|теґи|мітки|ключові слова|etiketler|anahtar kelimeler|tagit|avainsanat|"
    r"címkék|ετικέτες|topik|label|الوسوم|وسوم|كلمات مفتاحية|برچسب‌ها|برچسب ها|برچسب|"
    r"תגיות|टैग|标签|標籤|タグ|关键词|關鍵詞|キーワード|từ khóa|thẻ|"
    # (Polish "topics", Korean "tag", "keyword": s45 acc-wire W7)
    r"tematy|태그|키워드|"
    # (Arabic "the keywords", Thai "tag": s38 acceptance test #11; the Thai tag line was
    # taken for the page's title)
    r"الكلمات المفتاحية|แท็ก"
)
#: A tag line's label, when the value still has one: the word and its colon ("Tags:"), or
#: "Filed under"; a whole word only ("Tagesschau", "Topical issues", "Category theory")
_TAG_LABEL = re.compile(
    r"^(?:(?:"
    + _TAG_WORDS
    + r"|kategorie|categories|category|rubrik)\s*[:：]|filed under\b\s*:?)\s*",
    re.I,
)
#: What separates tags (:data:`_TAG_SEPS`) or marks them (a hashtag's "#")
_TAG_SEP_ANY = re.compile(f"[{_TAG_SEPS}#]")
#: The space before a hashtag ("#Council #Pier"): a number sign before a digit is none
#: ("Issue #42"), nor one after a letter ("C#")
HASHTAG_SPACE = r"\s+(?=#[^\W\d_])"
_TAG_SEP = re.compile(rf"\s*[{_TAG_SEPS}]\s*|{HASHTAG_SPACE}")
#: The most words of a tag: a word or a name ("Europäische Zentralbank", "Vladimir Putin")
_TAG_WORDS_MAX = 4


def _tag_items(parts: list[str]) -> bool:
    """Whether the items ``parts`` of a labelled list are tags: fewer than half of them
    longer than a tag (:data:`_TAG_WORDS_MAX` words). Items longer, half of them or more,
    are a sentence of the story under a label ("Topic: Why the river floods more often than
    it did thirty years ago", a talk's subject, s40 acc-read F5; a forum's "Topic: Printer,
    scanner and fax stopped working after the update", s35 acc-read #10); one long tag in a
    list is a list's ("CVS Health, CVS Pharmacy, Healthcare, CVS Health Platinum Whitening
    Kit"). The one rule of the tags' reader (:func:`labelled_tags`) and the title's
    (:func:`_never_title`): the two were written apart, and a list the page's tags came
    from was a title candidate too (review2 R4). In a list of two or more, a long item that
    reads as a name (:func:`_name_like`: "Department of Health and Social Care") is a tag:
    "Tags: NHS, Department of Health and Social Care" was no tag line (s41 acc-read F6),
    where the thread's "scanner and fax stopped working ..." reads as a clause. A name
    that long joins its words ("of", "and") or names an institution: a Title-Case headline
    has all its words capitalised too ("Topic: Fed Holds Rates Steady, Signals Cuts Later
    This Year" was read as two tags and lost the thread its title, s43 acc-read F14)."""
    several = len(parts) > 1
    long = sum(
        len(ws := t.split()) > _TAG_WORDS_MAX
        and not (
            several
            and _name_like(t)
            and (any(w.lower() in _CREDIT_JOINS for w in ws[1:-1]) or _institutional(ws))
        )
        for t in parts
    )
    return 2 * long < len(parts)


def unhashed(tag: str) -> str:
    """A tag without its hashtag's "#" ("#Council" -> "Council", "#2024" -> "2024"; a "#"
    alone, "# x", stays)."""
    return tag[1:] if tag[:1] == "#" and tag[1:2].isalnum() else tag


#: A machine's type prefix on a tag: a type's name in small letters and a colon, no space
#: after it ("tag:facebook", "cat:politik", "type:post"). A closed list: a tag's own word
#: before a colon is no type ("re:publica", "c:geo" were "publica", "geo"; s44 acc-read F12)
_TAG_PREFIX = re.compile(
    r"(?:tags?|type|cat|categor(?:y|ies)|topics?|keywords?|kw|section|labels?|subject|"
    r"genre|series|collection|repository|repo|format|lang(?:uage)?|people|person|place|"
    r"location|org(?:anization)?|company|brand|product|id):(?=[^\s/])"
)


def untyped(tag: str) -> str:
    """A tag without a machine's type prefix ("tag:facebook" -> "facebook"; a typed number,
    "repository:274214725", is none: ""): a tag facet split "facebook" from "tag:facebook"
    (s43 acc-index #8)."""
    m = _TAG_PREFIX.match(tag)
    if m is None:
        return tag
    rest = tag[m.end() :]
    return "" if rest.isdigit() else rest


def hashtag_split(part: str) -> list[str]:
    """A part of a tag line split at :data:`HASHTAG_SPACE` cut at each space when all its
    words are hashtags: a number's ("#Harbour #2024 #Budget") too, which
    :data:`HASHTAG_SPACE` leaves on the word before ("Issue #42"); it was the tag "Harbour
    #2024" (s38 acc-read F18)."""
    ws = part.split()
    if len(ws) > 1 and all(w[:1] == "#" and w[1:2].isalnum() for w in ws):
        return ws
    return [part]


def split_tags(s: str) -> list[str]:
    """A tag line: comma/semicolon/pipe separated, or capitalised runs separated by spaces;
    its label first taken off ("Tags:", "Filed under": :data:`_TAG_LABEL`)."""
    return list(_tags_of(_TAG_LABEL.sub("", s.strip())))


def _value_tags(value: str) -> list[str]:
    """The tags of a labelled tag line's ``value`` (:func:`_tag_value`: its label off), as
    :func:`split_tags` reads them: the label was taken off twice, by the line's pattern and
    again by :func:`split_tags`."""
    return list(_tags_of(value.strip()))


#: Tags each in its brackets, "[Politics] [Harbour]"
_BRACKETED_TAGS = re.compile(r"(?:\[[^\[\]]+\]\s*(?:[,;]\s*)?){2,}")
_BRACKETS = re.compile(r"[\[\]]")
#: An item of a flow list: quoted (commas inside), or up to the next comma
_FLOW_ITEM = re.compile(r"\s*(\"[^\"]*\"|'[^']*'|[^,]+)\s*(?:,|$)")


def bracketed_tags(s: str) -> tuple[str, ...] | None:
    """The tags of ``s`` when each is in its brackets ("[Politics] [Harbour]", "[Politics],
    [Harbour]", "[Politics]"), without them; else None (a flow list, "[budget, council]", is
    no tag in brackets). One reading for a text's tag line and a dump's tags (a dump's
    "[Politics] [Harbour]" was one tag; s37 acc-read F20, s38 acc-regress D19)."""
    if "[" not in s:
        return None
    if _BRACKETED_TAGS.fullmatch(s) or (
        s[:1] == "[" and s[-1:] == "]" and not _BRACKETS.search(s[1:-1]) and "," not in s
    ):
        return tuple(t.strip() for t in re.findall(r"\[([^\[\]]+)\]", s) if t.strip())
    return None


#: A field's label before its value: "Address: ", "Opening hours: "
_FIELD_LABEL = re.compile(r"[^\W\d][\w .'’-]{0,30}:\s")


@_line_cache(maxsize=4096)
def _tags_of(s: str) -> tuple[str, ...]:
    """:func:`split_tags` of a line without its label, stripped; cached (a site's tag and
    section lines recur)."""
    if (bracketed := bracketed_tags(s)) is not None:
        # (one merged tag, or tags with half their brackets before)
        return bracketed
    if s[:1] == "[" and s[-1:] == "]" and not _BRACKETS.search(s[1:-1]):
        # a YAML or JSON flow list, as a front matter writes it ("tags: [budget, 'city
        # council']"): its items, unquoted, split at the commas outside quotes ("['O,
        # Brother', 'Coen']"); its brackets were the first and last tags' (s36 acc-regress O8)
        parts = [p.strip().strip("\"'").strip() for p in _FLOW_ITEM.findall(s[1:-1])]
        return tuple(p for p in parts if p)
    if _TAG_SEP_ANY.search(s):
        # (a hashtag's "#" only: "Issue #42, budget, C#" were "Issue", "42", "budget", "C"
        # on the text path, whole from a dump; s37 acc-regress O1)
        parts = [unhashed(h.strip()) for p in _TAG_SEP.split(s) for h in hashtag_split(p)]
        return tuple(p for p in parts if any(map(str.isalnum, p)))
    ws = s.split()
    if ws and not any(w[:1].isupper() or w[:1].islower() for w in ws):
        # a script without case (Chinese, Japanese, Arabic, Hebrew, Hindi): the words
        # themselves, as "タグ：東京都 給食 教育" lists them
        return tuple(ws)
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
                out += [" ".join(run[x : x + 2]) for x in range(0, len(run), 2)]
            else:
                out += run
            k = j
        else:
            out.append(" ".join(tags[k]))
            k += 1
    return tuple(out)


# ------------------------------------------------------------------------ extract ----
# ------------------------------------------------------------------------ extract ----
_DATE_LINE_MAX_WORDS = 14
#: How far from the chosen date line another date line is metadata too
_DATE_LINES_NEAR = 2


def _byline_date_line(cands: Sequence[dict[str, Any]], day: date) -> bool:
    """Whether a date line beside the chosen date's line (its candidates ``cands``, the
    chosen day ``day``) belongs to the same dateline block: it states that day again (a
    second format, a local calendar's) or the page's update ("Updated 28 Nov 2015"). A
    line with another day and no update cue is the page's content, an event's date or a
    hearing's ("Data: 17 ottobre 2024, ore 9:30" under "Pubblicato il 5 settembre 2024"):
    it had left the text with the publication date's line (s47 acc-gov G2)."""
    return any(d["date"] == day or d["f"].get("cue_upd") for d in cands)


def _event_date(c: dict[str, Any]) -> bool:
    """Whether date candidate ``c`` reads as an event's date, a span or an event-cued
    one ("Date: 21 - 22 October 2024", "Termin: 3. Mai"): chosen for want of a better
    one, it is still a fact of the page's content, and its line stays in the text."""
    f = c["f"]
    return bool(f.get("range") or f.get("event_cue"))


def _dated_item(
    page: Page, line: int, others: Sequence[int], of_line: dict[int, list[dict[str, Any]]]
) -> bool:
    """Whether the chosen date's line ``line`` of ``page`` is an item of a dated list: it
    starts with its date (after a list's mark) and goes on with a few words after a
    separator, and so does a date line beside it with another day (``others``,
    :func:`_byline_date_line`'s refused), after the same separator. An events calendar's
    first event, "01.03.2025 – Lesung: …, 19 Uhr" over "08.03.2025 – Konzert …", is the
    page's content as the other events are; it had left the text alone once they no
    longer went with it (s48 acc-regress R2b). A dateline alone over a teaser's
    "14.03.2025 – Other story" is none."""

    def sep(k: int) -> str | None:
        # (the separator after the line's first date, with its item's words after it)
        s = _DATED_MARK.sub("", page.lines[k], count=1)
        for d in of_line.get(k, ()):
            if s.startswith(d["text"]):
                m = _DATED_SEP.match(s, len(d["text"]))
                if m is not None and n_words(s[m.end() :]) >= _DATED_ITEM_WORDS:
                    return m[1]
        return None

    mine = sep(line)
    return mine is not None and any(sep(k) == mine for k in others)


#: A list item's mark before its text (w3m's and lynx's bullets, a dash), with the spaces
_DATED_MARK = re.compile(r"^\s*(?:[•*+#·▪►–—-]|o(?=\s))?\s*")
#: … the separator between a dated item's date and its words, and the fewest of these
_DATED_SEP = re.compile(r"\s*([–—:|-])\s*")
_DATED_ITEM_WORDS = 2
#: Words a date line may have besides its dates ("Publié le …, mis à jour le …")
_DATE_LINE_OTHER_WORDS = 7


#: A date of the Islamic (Hijri) calendar, "٢٤ شعبان ١٤٤٥ هـ", or of the Hebrew one, "כ"ה באדר א'
#: התשפ"ד" (a day in letters, a month, a year in letters): no Gregorian day is read from them
#: (the Islamic months begin at a sighting of the moon), but a line that states one is a date
#: line all the same
_CALENDAR_DATE = re.compile(
    r"(?<!\d)\d{1,2}\s*(?:محرم|صفر|ربيع\s+(?:الأول|الاول|الآخر|الاخر|الثاني)|جماد[ىي]\s+(?:الأولى"
    r"|الاولى|الأول|الاول|الآخرة|الاخرة|الآخر|الاخر|الثانية)|رجب|شعبان|رمضان|شوال|ذ[وي]\s+القعدة"
    r"|ذ[وي]\s+الحجة)\s*[,،]?\s*\d{4}(?!\d)(?:\s*(?:هـ|ه|هجري|هجرية)(?!\w))?"
    r"|(?<![א-ת])(?:[א-ל][\"״][א-ט]|[א-ל]['׳]|\d{1,2})\s+ב?(?:תשרי|מרחשוון|מרחשון|חשוון|חשון|כסלו"
    r"|כסליו|טבת|שבט|אדר(?:\s+[אב]['׳]?)?|ניסן|אייר|סיוון|סיון|תמוז|אב|אלול)\s*,?\s*ה?['׳]?ת[א-ת]{1,2}"
    r"[\"״][א-ת](?![א-ת])"
)
#: Words a line of such a date may have besides it: a weekday ("יום שלישי", "الثلاثاء"), a label
_CALENDAR_OTHER_WORDS = 3
#: How many lines under the headline (or from the main block's start) such a line is looked for
_CALENDAR_REACH = 4
#: The longest such line (stripped): a weekday, a label and the date
_CALENDAR_LINE_CHARS = 60


#: A run of this many such date lines, one under another, is a list of the article's
_CALENDAR_LIST = 3


def relative_date_lines(page: Page, top: int) -> list[int]:
    """The lines of ``page`` from line ``top`` (as :func:`calendar_date_lines`) to
    :data:`_CALENDAR_REACH` lines under it that are a relative date alone, after a label at
    most (:func:`_rel_dateline`: "3 hours ago", "3 ชั่วโมงที่แล้ว", "Posted 2 days ago"):
    date lines, for a page without a capture time too, where they give no date (a Thai
    text's "3 hours ago" stayed as its first line: s41 acc-regress R9; its text changes
    with each fetch)."""
    lines = page.lines
    # (the lines short enough to be one: :func:`_rel_dateline` refuses the others first)
    reach = [
        (k, s)
        for k in range(max(top, 0), min(top + _CALENDAR_REACH + 1, len(lines)))
        if (s := lines[k].strip()) and len(s) <= _DATELINE_CHARS
    ]
    if not reach or not _holds_word("\n".join(s for _, s in reach)):
        # (a relative dateline holds one of the words :func:`_holds_word` looks for, and a
        # line that holds one is a part of their join, whose test passes: one test of the
        # lines instead of one a line, where most pages have none; s45)
        return []
    return [k for k, s in reach if _rel_dateline(s)]


def calendar_line(line: str) -> bool:
    """Whether stripped ``line`` states a date of the Hijri or the Hebrew calendar
    (:data:`_CALENDAR_DATE`) with at most :data:`_CALENDAR_OTHER_WORDS` words besides, and
    ends no sentence: a date line (see :func:`calendar_date_lines`)."""
    if len(line) > _CALENDAR_LINE_CHARS or line.isascii():
        return False  # (a paragraph, or a line of ASCII: no such date, not searched)
    m = _CALENDAR_DATE.search(line)
    if m is None:
        return False
    rest = line[: m.start()] + " " + line[m.end() :]
    return len(rest.split()) <= _CALENDAR_OTHER_WORDS and not _SENTENCE_FINAL.search(line)


def calendar_date_lines(page: Page, top: int) -> list[int]:
    """The lines of ``page`` from line ``top`` (its headline's, else its main block's first)
    to :data:`_CALENDAR_REACH` lines under it that state a date of the Hijri or the Hebrew
    calendar (:data:`_CALENDAR_DATE`) and at most :data:`_CALENDAR_OTHER_WORDS` words
    besides, and end no sentence: date lines, whose date is not read ("٢٤ شعبان ١٤٤٥ هـ",
    "יום שלישי, כ"ה באדר א' התשפ"ד" under an Arabic or a Hebrew headline stayed as the text's
    first line: s38 acc-script #17). A line of ASCII holds none (most pages: not searched).
    A run of :data:`_CALENDAR_LIST` or more, one under another (blank lines between them
    or not), is the article's list (the days of Ramadan a story announces: s40
    acc-regress R8); two are a page's published and updated lines."""
    lines = page.lines
    known: dict[int, bool] = {}

    def date_line(k: int) -> bool:
        if k in known:
            return known[k]
        known[k] = ok = calendar_line(lines[k].strip())
        return ok

    def run(k: int, step: int) -> int:
        # (the date lines one under another from ``k`` on, blank lines passed over)
        n, j = 0, k + step
        while 0 <= j < len(lines) and n < _CALENDAR_LIST:
            if lines[j].strip():
                if not date_line(j):
                    break
                n += 1
            j += step
        return n

    return [
        k
        for k in range(max(top, 0), min(top + _CALENDAR_REACH + 1, len(lines)))
        if date_line(k) and 1 + run(k, -1) + run(k, 1) < _CALENDAR_LIST
    ]


#: The words of a date line's label, byline and time, which a sentence of the story does not
#: count by (:func:`_a_sentence`)
_DATE_LINE_WORDS = frozenset((
    "published", "posted", "updated", "modified", "written", "created", "last", "by", "on",
    "at", "the", "from", "and", "in", "of", "staff", "writer", "writers", "editor", "reporter",
    "correspondent", "date", "time", "am", "um", "uhr", "le", "la", "de", "du", "par", "el",
    "por", "il", "di", "op", "van", "von", "vom", "veröffentlicht", "aktualisiert", "publié",
    "publicado", "pubblicato", "pm", "gmt", "utc", "team", "desk", "newsroom", "editorial",
))  # fmt: skip
#: Verbs of publishing: a line with one and a date states the page's dates, unless the
#: sentence goes on after the verb (:func:`_a_sentence`)
_DATE_VERBS = frozenset((
    "published", "posted", "updated", "modified", "edited", "created", "written", "revised",
    "veröffentlicht", "aktualisiert", "geändert", "publié", "modifié", "publicado",
    "actualizado", "pubblicato", "aggiornato",
))  # fmt: skip
_SENTENCE_FINAL = re.compile(r"[.!?][\"'”’»)]*$")


def _without_dates(line: str, dates: Iterable[dict[str, Any]], mark: str = " ") -> str:
    """``line`` with the text of each of its ``dates`` (candidates) replaced by a space (or
    by ``mark``)."""
    for d in dates:
        line = line.replace(d["text"], mark)
    return line


#: What :func:`_a_sentence` puts in place of a date: a word of its own, no letter
_DATE_MARK = "\0"


def _a_sentence(line: str, mine: list[dict[str, Any]]) -> bool:
    """Whether short ``line``, which holds the dates ``mine``, is a sentence of the story,
    not a date line: "The vote was held on 12 November 2026.", "Update, Nov. 21, 2026: the
    mayor has asked for a delay." (an editor's note, :func:`~..boilerplate.notes.is_note`).
    It ends as a sentence ends, does not start as a byline (:func:`_starts_as_byline`), has
    no field separator ("|"), goes on after its last verb of publishing (:data:`_DATE_VERBS`)
    and its last date with two words in lower case, and has, besides its dates and the words
    of a label, a byline or a time (:data:`_DATE_LINE_WORDS`), three words or more, two of
    them in lower case (a date line's other words are names and titles: "Jane Doe, Senior
    Political Correspondent, Nov. 12, 2026."). Such lines were cut from ``text`` (s32
    code-reading tester #13; s33 #11: "Last year the bridge was closed on …", "By 5 March
    2027 the new span …", "The audit was published on … and found cracks.")."""
    if _SENTENCE_FINAL.search(line) is None:
        return False
    from ..boilerplate.notes import is_note

    if is_note(line):
        return True
    line = _without_dates(line, mine, f" {_DATE_MARK} ")
    words = [
        w
        for t in line.split()
        if (w := t.strip(",.:;!?|·•–—-()[]\"'“”‘’«»")) and (w.isalpha() or w == _DATE_MARK)
    ]
    if not words or "|" in line or _starts_as_byline(line):
        return False
    if not _DATE_VERBS.isdisjoint(map(str.lower, words)):
        # (what follows the last publishing verb and the last date: nothing but a label's,
        # a byline's and a time's words in "This page was last edited on 25 October 2019,
        # at 15:47.", "Published on …, updated on … by the editorial team." and "Created
        # late in the afternoon of Sunday, October 18th, 2020."; the story's own in "The
        # audit was published on … and found cracks.")
        end = max(k for k, w in enumerate(words) if w == _DATE_MARK or w.lower() in _DATE_VERBS)
        if sum(w.islower() and w not in _DATE_LINE_WORDS for w in words[end + 1 :]) < 2:
            return False
    other = [w for w in words if w != _DATE_MARK and w.lower() not in _DATE_LINE_WORDS]
    return len(other) >= 3 and sum(w.islower() for w in other) >= 2


def _starts_as_byline(line: str) -> bool:
    """Whether ``line`` (its dates taken out) starts as a byline: a byline's word
    (:data:`_BY_WORD`) and a name after it, a word not in lower case and not of a time
    (:data:`_WHEN_WORDS`): "By Jane Doe, staff writer, …", "Por Juan Pérez, corresponsal en
    Madrid, …", not "By 5 March 2027 the new span will …" ("By the new span" once its date
    is out), "By Monday, the council …" or "Por primera vez …"."""
    line = line.lstrip(" \t–—-·•\"'“‘«")
    if (m := _BY_WORD.match(line)) is None:
        return False
    name = next(
        (w for t in line[m.end() :].split() if (w := t.strip(",.:;!?()[]\"'“”‘’«»")).isalpha()),
        "",
    )
    return bool(name) and not name[:1].islower() and name.lower() not in _WHEN_WORDS


def _is_date_line(page: Page, k: int, mine: list[dict[str, Any]]) -> bool:
    """Whether line ``k``, which holds the date candidates ``mine``, is a date line
    (metadata): not in a paragraph, and short, or short but for its dates."""
    if any(d["in_para"] for d in mine):
        return False
    line = page.lines[k].strip()
    if n_words(line, page.cjk) <= _DATE_LINE_MAX_WORDS:
        return not _a_sentence(line, mine)
    return n_words(_without_dates(line, mine), page.cjk) <= _DATE_LINE_OTHER_WORDS


class DateLines:
    """The date lines of a page with date candidates ``cands`` (:func:`_is_date_line`), each
    line tested once a document: the published date's lines and the update lines
    (:func:`update_lines`) ask for the same lines. ``of_line``: the candidates of each line."""

    def __init__(self, page: Page, cands: list[dict[str, Any]]) -> None:
        self.page = page
        self.of_line: dict[int, list[dict[str, Any]]] = {}
        for d in cands:
            self.of_line.setdefault(d["line"], []).append(d)
        self._known: dict[int, bool] = {}

    def __call__(self, k: int) -> bool:
        """Whether line ``k`` is a date line."""
        known = self._known.get(k)
        if known is None:
            known = self._known[k] = _is_date_line(self.page, k, self.of_line.get(k, []))
        return known

    def without_dates(self, k: int) -> str:
        """Line ``k`` with each of its dates replaced by a space."""
        return _without_dates(self.page.lines[k], self.of_line.get(k, ()))


def line_index(lines: Sequence[str], s: str, reach: int | None = None) -> int | None:
    """The index of the first of ``lines`` (of their first ``reach``) that is ``s`` once
    stripped, else None. A line is stripped only when it holds ``s``."""
    return next((k for k, x in enumerate(islice(lines, reach)) if s in x and x.strip() == s), None)


def opening_date_lines(
    date_lines: DateLines, text: str, reach: int, chosen: dict[str, Any] | None = None
) -> list[int]:
    """The lines of a page (an HTML page's rendering, its date lines ``date_lines``) that
    open ``text`` (the extracted text, its first ``reach`` lines, one after another) and are
    date lines: a date line (:func:`_is_date_line`), a relative date alone
    (:func:`_rel_dateline`) or a date of another calendar (:func:`calendar_line`). A plain
    text's date lines leave its text; an HTML page's stayed when the extractor took its
    ``<time>`` with the article ("4 घंटे पहले", "입력2025.03.05. 오전 8:00 수정…": s45
    acc-wire W10, a re-fetch's "3 hours ago" a new revision). None when more than
    :data:`_OPENING_DATE_LINES` open it: a list of events' dates. A line of an event's date
    (:func:`_event_date`) ends the opening lines; so does, when one of them states the day
    of ``chosen`` (the page's chosen date candidate, if any) or its line is right over them
    (:data:`_OPENING_REACH`), a line of other days with no update cue
    (:func:`_byline_date_line`): "Data: 17 ottobre 2024, ore 9:30" under "Pubblicato il 5
    settembre 2024", first in the text once its cookie banner left (s48 acc-regress R7).
    Away from the chosen date's line (a wrong choice far down the page), the lines go as
    before."""
    lines = date_lines.page.lines
    out = []
    for line in text.split("\n", reach)[:reach]:
        if not (s := line.strip()):
            continue
        # (the line in the rendering: one of its first few, most pages)
        row = line_index(lines, s)
        if row is None or not (
            (row in date_lines.of_line and date_lines(row)) or _rel_dateline(s) or calendar_line(s)
        ):
            break
        if any(
            _event_date(d) and (chosen is None or d["date"] != chosen["date"])
            for d in date_lines.of_line.get(row, ())
        ):
            # (an event's date that is not the page's own: "02.02.2022 10:16 Uhr - 1.
            # Bundesliga" read with an event's cue is the chosen dateline, and goes)
            break
        out.append(row)
    # (more than a date line and its update line, one after another: a schedule's dates,
    # an events page's first events, "dom 5 de octubre de 2025, 18:30" / "lun 6 …", which
    # are the page's content, s46 acc-regress R7)
    if len(out) > _OPENING_DATE_LINES:
        return []
    if chosen is not None and out:
        day = chosen["date"]
        # (a markup date, line -1, stands over no line of the rendering)
        if 0 <= chosen["line"] < out[0] <= chosen["line"] + _OPENING_REACH or any(
            d["date"] == day for r in out for d in date_lines.of_line.get(r, ())
        ):
            # (the dateline found by its day, among these lines or right over them: a line
            # of other days with no update cue under it is the page's content, and so is
            # what follows it)
            for k, r in enumerate(out):
                mine = date_lines.of_line.get(r, ())
                if mine and not _byline_date_line(mine, day):
                    return out[:k]
    return out


#: The most rendering lines from the chosen date's line down to the first date line that
#: opens an HTML page's text, for that date to be the page's dateline over it
_OPENING_REACH = 6
#: The most date lines that open an HTML page's text as its byline's (a date line and its
#: update line, :func:`opening_date_lines`)
_OPENING_DATE_LINES = 2


#: Words an update line may have besides its dates ("Last updated:", "Story updated", "ET")
_UPDATE_LINE_OTHER_WORDS = 5


def update_lines(
    page: Page, cands: list[dict[str, Any]], date_lines: DateLines | None = None
) -> list[int]:
    """The lines of ``page`` that state its update time ("Updated 7 hours ago", "Last
    updated: Nov. 20, 2019 10:00 AM"): a date line (:func:`_is_date_line`) with an
    update-cued date (``cands`` with their features: :func:`rank_dates`,
    ``html.html_candidates``) and at most :data:`_UPDATE_LINE_OTHER_WORDS` words besides its
    dates, and the cue's own line above it when the cue stands there alone ("Updated" /
    "7 hours ago"). They are metadata, as a date line is: a re-fetch that differs from the
    archived version only by its "Updated 5 hours ago" -> "Updated 9 hours ago" was a new
    revision each day (s31 acceptance, re-crawl #6). Not a sentence that says so ("This story
    was updated on March 5, 2020 to include ...": an editor's note is the article's).
    ``date_lines``: the caller's :class:`DateLines` of ``page`` and ``cands``, if it has one."""
    out: set[int] = set()
    items, item_lines = page.items, page.item_lines
    is_date_line = date_lines
    for c in cands:
        k = c["line"]
        if not c["f"].get("cue_upd") or k < 0 or k in out or c.get("in_para"):
            continue
        if c["f"].get("prev_line_cue"):
            # (the cue read off the line above: it must be a cue line of its own, "Updated"
            # / "7 hours ago", not a dated list item ending in the word, "March 9, 2020:
            # Travel advice updated" / "March 12, 2020: State of emergency"; s32 regression
            # tester #5)
            pk = bisect.bisect_left(item_lines, k) - 1
            if (
                pk < 0
                or n_words(items[pk][1], page.cjk) > 3
                or any(d["line"] == items[pk][0] for d in cands)
            ):
                continue
        if is_date_line is None:  # (made at the first update-cued date)
            is_date_line = DateLines(page, cands)
        if not is_date_line(k):
            continue
        line = is_date_line.without_dates(k)
        if n_words(line.strip(), page.cjk) > _UPDATE_LINE_OTHER_WORDS:
            continue
        out.add(k)
        if not line.strip(" \t,.;:|·•–—-") and c["f"].get("prev_line_cue"):
            # (the cue on the line above, a cue line of its own (tested above): "Updated" /
            # "7 hours ago")
            out.add(items[pk][0])
    return sorted(out)


#: A line that begins with an update's label ("Updated", "Last updated:", "Story updated",
#: "Aktualisiert am", "Mis à jour le"): a bare "Update:" leads an editor's note, not a time
_UPDATE_LABEL = re.compile(
    r"^[^\w\n]{0,6}(?:(?:last|story|article|page|post|zuletzt|dernière)\s+)?(?:updated|"
    r"last\s+update|modified|aktualisiert|geändert|mis\s+à\s+jour|mise\s+à\s+jour|actualizado|"
    r"actualizada|aggiornato|bijgewerkt|uppdaterad|opdateret|oppdatert|zaktualizowano)\b",
    re.I | re.M,
)
#: The same after a line break, searched in "\n" + text: where a match may start is found
#: by the literal first character (29 -> 10 us a 4.4 KB page; ``^`` under re.M is tried at
#: every character), the same matches one character on
_UPDATE_LABEL_NL = re.compile("\n" + _UPDATE_LABEL.pattern.removeprefix("^"), re.I)
#: The longest update-time line looked at (characters)
_UPDATE_LINE_CHARS = 120


#: What may stand between an update's label and its date: a connecting word, a weekday, a
#: time and its zone ("Updated on", "Updated: Tuesday", "Updated 2:10 p.m. ET Nov. 18"); a
#: token with a digit, or of capitals (a zone), passes too
_TIME_WORDS = frozenset((
    "on", "at", "am", "um", "le", "el", "il", "op", "om", "the", "about", "over", "almost",
    "just", "etwa", "environ", "a.m.", "p.m.", "pm", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thur",
    "thurs", "fri", "sat", "sun", "montag", "dienstag", "mittwoch", "donnerstag", "freitag",
    "samstag", "sonntag", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
    "dimanche", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
))  # fmt: skip


def _only_time_words(between: str) -> bool:
    """Whether ``between``, the words of a line between an update's label and its date, are
    only :data:`_TIME_WORDS`: "Updated draft published 3 June 2024." is a sentence of the
    story, not its update time (s32 code-reading tester #5)."""
    for tok in between.split():
        w = tok.strip(",.:;|·•–—-()[]").lower()
        if (
            w
            and w not in _TIME_WORDS
            and not any(map(str.isdigit, w))
            and not tok.strip(",.:;|()").isupper()
        ):
            return False
    return True


def labelled_update_lines(text: str) -> list[int]:
    """The lines of ``text`` (split at "\\n") that state its update time under a label of their
    own: an update's label first (:data:`_UPDATE_LABEL`), then a date, written or relative
    ("Updated 7 hours ago", "Last updated: Nov. 20, 2019 10:00 AM EST", "Aktualisiert am
    12.03.2024"), and at most :data:`_UPDATE_LINE_OTHER_WORDS` words besides. Read off the
    text itself, wherever the line is: an HTML page's rendering has the page's dates only in
    its first 80 lines, below a long menu the update line of its article is not among them
    (s31 re-crawl tester: 19 records kept "Updated N hours ago", 12 revisions by it alone)."""
    out: list[int] = []
    for m in _UPDATE_LABEL_NL.finditer("\n" + text):
        start = m.start()  # (the line's start in text: the "\n" put before it, one on)
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if end - start > _UPDATE_LINE_CHARS:
            continue
        rest = text[m.end() - 1 : end]
        rel = _RELATIVE.search(rest)
        found = [rel.group(0)] if rel is not None else [d["text"] for d in find_dates([rest])]
        if not found or not _only_time_words(rest[: rest.find(found[0])]):
            continue
        for d in found:
            rest = rest.replace(d, " ")
        if n_words(rest.strip(), False) <= _UPDATE_LINE_OTHER_WORDS:
            out.append(text.count("\n", 0, start))
    return out


def extract(text: str, capture_date: str | None = None, url: str | None = None) -> dict[str, Any]:
    """Metadata read off a plain-text page (see :func:`extract_lines`)."""
    return extract_lines(text, capture_date, url=url)[0]


def _years_of_the_capture(fn: _F) -> _F:
    """``fn(text, capture_date, ...)`` with two-digit years read against the capture's year
    (without one, UTC today's: :func:`reference_years`)."""

    @functools.wraps(fn)
    def read(text: str, capture_date: str | None = None, *args: Any, **kwargs: Any) -> Any:
        with reference_years(parse_capture(capture_date)):
            return fn(text, capture_date, *args, **kwargs)

    return read  # type: ignore[return-value]


#: The highest confidence of a date that may be the site's clock (:func:`site_clock`): a
#: page captured on its day of publication, whose date stands above its headline, looks
#: the same (dev pages given their truth as the capture day: the rule fired on 39 of 490
#: text and 42 of 490 HTML pages, every one a right date)
CLOCK_CONFIDENCE = 0.5


def site_clock(cands: list[dict[str, Any]], idx: int, capture: date | None, top: int) -> bool:
    """Whether the chosen date ``cands[idx]`` may be the site's clock, not the page's date:
    a page's header shows the day it is served on ("Tuesday, 10 June 2024 | 14:02 GMT", a
    weather bar's "Mon 10 Jun 2024"), which is the capture day. So when the page's only
    date is the capture day (a capture date known), written only on lines above ``top``
    (the headline's line, else the main block's first), not as a relative date ("3 hours
    ago") and not in the page's markup (JSON-LD, meta tags: line -1). Its confidence is
    then at most :data:`CLOCK_CONFIDENCE`, and its evidence says ``equals_capture``: a
    page captured on its day of publication whose date stands above its headline looks
    the same, so the date is not dropped."""
    day = cands[idx]["date"]
    if capture is None or day != capture:
        return False
    for c in cands:
        if c["score"] < -50:
            continue  # (a date after the capture: never chosen)
        if c["date"] != day or c["form"] == "relative" or not 0 <= c["line"] < top:
            return False
    return True


#: An act's date in its title, joined to its number: "Федеральный закон от 01.07.2024 №
#: 160-ФЗ", "от 12 мая 2024 г. № 5", "Gesetz vom 12. Mai 2024 (BGBl. I Nr. 45)" (the
#: date's context before, on lowercased text), and "Loi n° 2024-120 du 12 mai 2024", "Ley
#: 5/2024, de 12 de mayo", "Legge 31 marzo 2023, n. 36" (the number before or after)
_ACT_BEFORE = re.compile(r"(?:^|\s)(?:от|vom|du|de|del|of|dated)\s+$")
_ACT_NUMBER_AFTER = re.compile(r"\s*(?:г\.|года)?\s*[,(]?\s*(?:№|n[°º]|nr\.|no\.|n\.)\s*\d", re.I)
_ACT_NUMBER_BEFORE = re.compile(
    r"(?:№|n[°º]|nr\.|no\.|n\.|\b(?:ley|loi|gesetz|law|act|decreto|legge|закон))\s*[\w/.-]*\d[\w/.-]*,?\s+"
    r"(?:от|vom|du|de|del|of)\s+$"
)


def _act_date(page: Page, cands: list[dict[str, Any]], title_line: int) -> int | None:
    """The candidate of an act's date in its title (:data:`_ACT_BEFORE`,
    :data:`_ACT_NUMBER_AFTER`, :data:`_ACT_NUMBER_BEFORE`): the day the act was signed or
    published, which names it. Its adoption's and its entry into force's days in the text
    are no publication's: "Федеральный закон от 01.07.2024 № 160-ФЗ …" was dated by
    "Принят Государственной Думой 18 июня 2024 года" (s47 acc-gov G7). Else None."""
    line = page.lines[title_line]
    for k, c in enumerate(cands):
        if c["line"] != title_line or c["form"] == "relative":
            continue
        at = line.find(c["text"], c.get("col", 0))
        if at < 0:
            continue
        before = line[max(0, at - 40) : at].lower()
        after = line[at + len(c["text"]) : at + len(c["text"]) + 20]
        if _ACT_NUMBER_BEFORE.search(before) is not None or (
            _ACT_BEFORE.search(before) is not None and _ACT_NUMBER_AFTER.match(after) is not None
        ):
            return k
    return None


@_years_of_the_capture
def extract_lines(
    text: str,
    capture_date: str | None = None,
    split: LineSplit | None = None,
    headline: int | None = None,
    url: str | None = None,
    at: datetime | None = None,
    verdicts: LineVerdicts | None = None,
    day_first: bool = False,
) -> tuple[dict[str, Any], list[str]]:
    """Metadata read off a plain-text page, and the page's lines (split as the boilerplate
    stage splits them, so that the metadata stage need not split the page again). ``split``:
    the boilerplate stage's split of ``text``, when it left one (see :class:`Page`).
    ``headline``: the line the text marks as its headline (markdown's only level-1
    heading), taken as the title instead of the ranker's choice. ``url``: the page's
    address, when known (its domain names the site: see :func:`_site_evidence`). ``at``: the
    capture's date-time in its own offset, when known (relative dates: :func:`find_relative`).
    ``day_first``: the page's declared language tag names a day-first region
    (:func:`day_first_locale`). Two-digit years are read against the capture's year (without one, UTC today's).

    Returns ``title``, ``authors``, ``site_name``, ``tags``, ``categories``, ``publisher``,
    ``published`` (ISO 8601 at the precision written), ``published_confidence``,
    ``candidates`` (every date: value, line, text, form, cue, score, chosen), ``sources``
    (field -> ``line N``) and ``lines`` (field -> line numbers recognised as that field's
    metadata line, which do not belong in the cleaned text).
    """
    page = Page(text, split)
    if headline is not None and related_label(page.lines[headline]):
        # (a box's label as the text's only "# " heading is no headline: "# More from
        # Business" over the story's own headline line; s42 acc-regress D2)
        headline = None
    if (
        headline is None
        and page.setext_h1 is not None
        and page.front < len(page.items)
        and page.items[page.front][0] == page.setext_h1
    ):
        # (a plain text's only level-1 setext heading at its top is its headline, as a
        # markdown text's only "# Title" is; one under the first paragraph heads a section:
        # "Background" / "==========" was the title, review41 R5; so does one under a line
        # of its own, a report's title over its underlined "Summary", s42 acc-read F18)
        headline = page.setext_h1
    items = page.items
    capture = parse_capture(capture_date)
    res: dict[str, Any] = {
        "title": None,
        "authors": [],
        "site_name": None,
        "tags": [],
        "categories": [],
        "publisher": None,
        "published": None,
        "published_confidence": 0.0,
        "candidates": [],
        "sources": {},
        "lines": {},
    }
    meta_lines: dict[str, list[int]] = res["lines"]
    # title: the best-scoring candidate, if it stands above the last paragraph of the main
    # block (lines after the story are teasers and tag lines) and is not a paragraph or a
    # counted link ("Violence Erupts (1881)")
    title_line = None
    marked = page.lines[headline].strip() if headline is not None else ""
    tcands: list[tuple[int, str, float]]
    pool: TitlePool | None = None
    vetoed: frozenset[int] = frozenset()
    # (the byline first: the line its authors come from is no headline; "Von Katharina
    # Müller und Jonas Becker" was taken for the title above the real one)
    authors, aline = find_authors(items, texts=page.texts)
    if not authors and (blog := blog_byline(items)) is not None:
        authors, aline = blog
    if headline is not None and marked:
        tcands = [(headline, marked, 0.0)]
    else:
        listing = verdicts is not None and _kept_story_end(page, verdicts)
        head = kept_head(page, verdicts) if verdicts is not None else None
        pool = TitlePool(page, head)
        vetoed = no_title_lines(page, pool) | removed_as_others(pool, verdicts)
        if listing:
            vetoed |= {
                i
                for _, i, t in pool.cands
                if _head_furniture(t) or _product_name(page, i) or _PRICE_FIRST.match(t)
            }
        bline = None if not authors else aline
        tcands = [t for t in rank_titles(page, pool, bline, vetoed) if not _PAREN_NUM.search(t[1])]
        if (
            tcands
            # (the line over the kept text's byline block stands in the story's head too,
            # and so does the kept text's first line: a press release's headline over its
            # paragraphs, under a cookie notice read as the page's first paragraph; s47
            # acc-gov uni-de-1 had no title)
            and (win := max(tcands, key=lambda t: t[2]))[0] not in _kept_top(page, head, verdicts)
            and not _story_head(page, win[0], win[1])
        ):
            # (a winner away from the story's head, where a candidate below the story
            # (:func:`_after_story`) would have won: that one's page had no title, and
            # keeps none, rather than a cookie banner's heading or a previous post's link
            # as the runner-up; s49 acc-regress R8)
            after = _after_story(page, pool)
            alt = rank_titles(page, pool, bline, vetoed - after) if after else []
            if alt and max(alt, key=lambda t: t[2])[0] in after:
                tcands = []
        if (
            tcands
            and vetoed
            and (
                _clock_alone((win := max(tcands, key=lambda t: t[2]))[1])
                or _menu_line(page, win[0])
            )
        ):
            # (a menu's item or a feed's time won once the vetoes took the best candidate,
            # a feed's item: a home page has no headline of its own, and keeps none rather
            # than its "Deportes" or "2:21 pm"; s50 acc-regress R6)
            first = rank_titles(page, pool, bline, frozenset())
            if first and max(first, key=lambda t: t[2])[0] in vetoed:
                tcands = []
    if tcands:
        i, s, _ = max(tcands, key=lambda t: t[2])
        if (
            pool is not None
            and (over := digest_headline(page, pool, i, aline if authors else None)) is not None
        ):
            i, s = over
        elif (
            pool is not None
            and (under := under_kicker(page, pool, i)) is not None
            and under[0] not in vetoed
        ):
            # (not to a vetoed line: a kicker over a related list's item the boilerplate
            # stage removed moved the title back to it)
            i, s = under
        elif (
            pool is not None
            and (over := over_label(page, pool, i)) is not None
            and over[0] not in vetoed
        ):
            i, s = over
        elif pool is not None and (faq := faq_headline(page, pool, i, s)) is not None:
            i, s = faq
        elif pool is not None and (blog_head := blog_headline(page, i, aline if authors else None)):
            i, s = blog_head
        slug = _slug_words(url) if pool is not None else None
        if slug and pool is not None:
            i, s = _slug_title(pool, slug, i, s, vetoed)
        if pool is not None:
            i, s = _unnumbered(page, i, s)
            s = _segment_cut(s)
        if s[:1] == "[" and (m := _LINK_MARK.match(s)) is not None:
            # (a link that won with its number, the evidence it bore as a candidate: the
            # number is no part of the title, s46 acc-regress R3)
            s = s[m.end() :]
        if marked or (
            i < page.story_end
            and (not _is_para(s) or _over_dateline(page, bisect.bisect_left(page.item_lines, i)))
        ):
            res["title"], title_line = s, i
            res["sources"]["title"] = f"line {i}"
            line = page.lines[i].strip()
            if i < page.body_line:
                meta_lines["title"] = [items[k][0] for k in _indices(page.texts, {s, line})]
            # (else a line below the first paragraph: the ranker's pick of a text without
            # a headline, a sentence of the story, stays in it)
    if pool is not None and (quoted := _commented_title(page)) is not None:
        # a comment section's heading quotes the post's title: "5 thoughts on “Title”"
        k, quote = quoted
        s = _segment_cut(quote)
        # (the title's own line, when the page shows it)
        own = quote if quote in page.texts else s if s in page.texts else None
        if own is not None:
            i = items[page.texts.index(own)][0]
            res["title"], title_line = s, i
            meta_lines["title"] = [items[k][0] for k in _indices(page.texts, {own})]
        else:
            i = items[k][0]
            res["title"], title_line = s, None
            meta_lines.pop("title", None)
        res["sources"]["title"] = f"line {i}"
    field = _front_matter_title(page) if headline is None else None
    if field is not None and page.texts[0].startswith("Title:"):
        # a reader's header's title (Jina's "Title: ..."): the page's <title>, the
        # headline with the site's name or the site's name alone ("Quanta Magazine"), is
        # no title its writer gave. A line of the content it names (whole, or without the
        # site's segment), or the part of the ranker's line it names, is the headline;
        # else the headline found in the content wins, the header's title (cut) only a
        # fallback (it had overridden the content's headline: Jina dev titles 414 -> 385
        # of 496; s41 acc-regress R1)
        title = res["title"]
        cut = _segment_cut(field[1])
        # (a header that is the site's name alone names the content's logo line, no
        # headline: "Title: Harbour Herald" over "Harbour Herald", the story's headline
        # under it was lost from both; s42 acc-read F4)
        label = _host_label(url)
        logo = bool(label) and _is_domain_name(cut, label or "")
        shown = [] if logo else _shown_segments(page, field[1], {field[1], cut}, label)
        is_segment = title is not None and _segments_of(field[1], title)
        if title is not None and not is_segment and _holds(title, cut):
            # (the ranker's line holds it with other words, an image's, a deck's: "Image
            # 46: cc Forums-Regeln"; the line stays the title's, its words the header's)
            res["title"], field = cut, None
        elif shown and not is_segment:
            k = shown[0]
            res["title"], title_line = page.texts[k], items[k][0]
            res["sources"]["title"] = f"line {title_line}"
            if title_line < page.body_line:
                meta_lines["title"] = [items[j][0] for j in _indices(page.texts, {res["title"]})]
            field = None
        elif title is not None:
            # (the content's line is the header's last segment, the site's name: a
            # masthead, "Coastline Daily" over "Wildfire near … | Coastline Daily"; the
            # segments before it are the headline: s52 acc-md M14)
            header_title = _header_headline(field[1], title, url)
            field = None if header_title is None else (field[0], header_title)
        else:
            field = (field[0], _header_headline(field[1], None, url) or cut)
    elif (
        headline is not None
        and res["title"] is not None
        and page.texts[0].startswith("Title:")
        and (reader := _front_matter_title(page)) is not None
        and (header_title := _header_headline(reader[1], res["title"], url)) is not None
    ):
        # (the content's "# " heading is the masthead, the header title's last segment)
        field = (reader[0], header_title)
    if field is not None and field[1].casefold() != (res["title"] or "").casefold():
        # the title field of its front matter: the title its writer gave, unless the
        # headline chosen is the same (its heading under the block, taken out of the text)
        i, res["title"] = field
        title_line, meta_lines["title"] = i, [i]
        res["sources"]["title"] = f"line {i}"
    # dates
    cands = rank_dates(page, capture, title_line=title_line, at=at, url=url, day_first=day_first)
    idx, conf, live = choose_posted(page.lines, cands, lists=True)
    in_url = _url_date(url) if url else None
    if in_url is not None and in_url > reference_day(capture):
        in_url = None  # (an address's day after the capture, or today, is none)
    if in_url is not None and all(c["form"] == "yearless" for c in cands):
        # (a year-less date's year is a guess; the address states the day)
        cands, idx = [], None
    if in_url is not None:
        # the page's address states its day (/2019/05/12/): the candidate of that day wins
        # (dev text pages with a date in their URL: 85 -> 88 of 90 right, with the next)
        same = [k for k, c in enumerate(cands) if c["date"] == in_url]
        if same and idx not in same:
            idx = max(same, key=lambda k: cands[k]["score"])
            conf = max(conf, 0.5)
    if title_line is not None and (act := _act_date(page, cands, title_line)) is not None:
        idx, conf = act, max(conf, 0.5)
    top = title_line if title_line is not None else page.main_start
    clock = idx is not None and in_url != capture and site_clock(cands, idx, capture, top)
    if clock:
        conf = min(conf, CLOCK_CONFIDENCE)
    value = _to_the_second(cands, idx, page.front_lines) if idx is not None else None
    res["candidates"] = [
        {
            "value": value if k == idx else iso_value(c),
            "line": c["line"],
            "text": c["text"],
            "form": c["form"],
            "cue": c.get("cue"),
            "score": round(c["score"], 3),
            "chosen": k == idx,
            **(order_evidence(c) if c["alt"] is not None else {}),
            **({"equals_capture": True} if clock else {}),
            **({"aside": True} if aside_date(c) else {}),
        }
        for k, c in enumerate(cands)
    ]
    if in_url is not None and not cands:
        # no date in the text: the address's day is the date
        day = in_url.isoformat()
        res["candidates"] = [
            {"value": day, "line": -1, "text": day, "form": "url", "cue": "url", "score": 0.0,
             "chosen": True}
        ]  # fmt: skip
        res["published"], res["published_confidence"] = day, 0.5
        res["sources"]["published"] = "url"
    is_date_line = DateLines(page, cands)
    if idx is not None:
        c = cands[idx]
        res["published"] = value
        res["published_confidence"] = conf
        res["sources"]["published"] = f"line {c['line']}"
        # a date line ("Published 27 Nov 2015 - 06:00 GMT", "Jane Doe 19.10.2019, 05:00 Uhr")
        # is metadata; a sentence that happens to contain the date is content. So are the
        # date lines next to it ("Updated 28 Nov 2015", "Ultimo aggiornamento: 10/06/2024"),
        # which stayed as the text's first line
        near = [
            k
            for k in sorted(is_date_line.of_line)
            if abs(k - c["line"]) <= _DATE_LINES_NEAR and is_date_line(k)
        ]
        date_lines = [
            k
            for k in near
            if k == c["line"] or _byline_date_line(is_date_line.of_line[k], c["date"])
        ]
        others = [k for k in near if k not in date_lines]
        if (
            c["line"] in date_lines
            and idx != live
            and not _event_date(c)
            and not _dated_item(page, c["line"], others, is_date_line.of_line)
        ):
            # (a live blog's first post's time is its post's, as its other posts' are)
            meta_lines["published"] = date_lines
    taken = {*meta_lines.get("published", ()), *meta_lines.get("title", ())}
    calendar = [k for k in calendar_date_lines(page, top) if k not in taken]
    if capture is None:
        # (a relative dateline, whose date is read against a capture's: without one it is
        # the date's line still)
        calendar += [k for k in relative_date_lines(page, top) if k not in taken]
    if calendar:
        # (a date of another calendar, beside the date read or alone, is the date's line too)
        meta_lines["published"] = sorted({*meta_lines.get("published", ()), *calendar})
    # the lines that state the page's update time, wherever they are (the same lines tested)
    upd = update_lines(page, cands, is_date_line)
    if upd := [k for k in upd if k not in meta_lines.get("published", ())]:
        meta_lines["updated"] = upd
    if authors and aline is not None and aline == title_line:
        # (the headline's line is no byline: "De Elfstedenroute in drie dagen", a Dutch
        # headline's article read as Spanish "de", gave the author "Elfstedenroute"; s51
        # acc-blogs B9)
        # (and nor is it a blog's byline: run again, the blog byline found the same line)
        again = blog_byline(items)
        authors, aline = again if again is not None and again[1] != title_line else ([], None)
    # authors (found above)
    if authors and aline is not None:
        res["authors"], res["sources"]["authors"] = authors, f"line {aline}"
        meta_lines["authors"] = [aline]
    elif (desk := desk_byline(page, title_line)) is not None:
        meta_lines["authors"] = [desk]  # (a desk's byline: the line, no author)
    elif bare := bare_byline(page, title_line, meta_lines.get("published", []), is_date_line):
        res["authors"], aline = bare
        res["sources"]["authors"] = f"line {aline}"
        meta_lines["authors"] = [aline]
    elif cjk := cjk_reporter_byline(page, title_line):
        res["authors"], aline, alone = cjk
        res["sources"]["authors"] = f"line {aline}"
        if alone:  # (a paragraph's dateline stays in the text)
            meta_lines["authors"] = [aline]
    elif caseless := caseless_byline(page, title_line, is_date_line):
        res["authors"], aline, between = caseless
        res["sources"]["authors"] = f"line {aline}"
        meta_lines["authors"] = [aline, *between]
    elif listed := author_list(page, title_line):
        res["authors"], aline = listed
        res["sources"]["authors"] = f"line {aline}"
        meta_lines["authors"] = [aline]
    elif header := header_name_byline(
        page, title_line, meta_lines.get("published", []), is_date_line
    ):
        res["authors"], aline = header
        res["sources"]["authors"] = f"line {aline}"
        meta_lines["authors"] = [aline]
    body_line = page.body_line
    paras = page.paras
    # (the last paragraph, found from the end in C)
    last_para = items[len(paras) - 1 - paras[::-1].index(True)][0] if True in paras else body_line
    # publisher from a copyright line near the end
    holder_unfit = False
    for i, s in items[::-1][:15]:
        found, who = (_copyright_who if len(s) <= 200 else _copyright_who.__wrapped__)(s)
        if found:
            if who and who.startswith("ال") and "لل" + who[2:] in s:
                who = _named_holder(who, [t for j, t in items if j != i])
            if who:
                res["publisher"] = who
                res["sources"]["publisher"] = f"line {i}"
                # (a name the notice's pattern read only in part: no site's name, below)
                end = s.find(who) + len(who)
                holder_unfit = end >= len(who) and s[end : end + 1].isalnum()
                # (nor one of a credit, "Visualisierung: © Landratsamt Lindenau": a notice
                # starts its line or has a year or the rights' words; s48 acc-read F18)
                holder_unfit = holder_unfit or not _site_notice(s)
                if len(s.split()) <= 10:
                    meta_lines["publisher"] = [i]
            if i <= last_para and _NOTICE_START.match(s):
                # (the footer's copyright notice, a sentence that ends in a full stop, is no
                # paragraph of the article: taken for its last, it hid the tag list and the
                # site's lines above it; s45 acc-wire W7, "Copyright 2025 BBC. ... The BBC is
                # not responsible for the content of external sites.")
                last_para = max(
                    (j for (j, _), para in zip(items, paras, strict=True) if para and j < i),
                    default=body_line,
                )
            break
    # site name: the first line before the title, or one of the last lines, when it looks
    # like a name and something vouches for it (see _site_evidence)
    holder_site: tuple[int, str] | None = None
    if items:
        label = _host_label(url)
        # (not a line of a front matter or a reader's header, its fields: "Title: Quanta
        # Magazine" was the site's name once the header's "URL Source:" gave the page an
        # address; nor a Jina image's alt text, "Image 1: EL UNIVERSAL"; s40 acc-regress R12)
        fm = page.front_lines
        i0, s0 = items[0]
        found_site: tuple[int, str] | None = None
        if (
            title_line is not None
            and fm <= i0 < title_line
            and _site_like(s0)
            and i0 < body_line
            and _site_evidence(s0, label, res["publisher"])
        ):
            found_site = i0, s0
        elif label:
            # a line of the page's top or bottom that names its domain ("ScienceAlert"), the
            # one with the least besides the name ("NY Post" before "NY Post Shopping")
            # (a line that names the whole label first: "Rhein", a tag line, is a part of
            # rheinischer-kurier, "Rheinischer Kurier" on line 3 its name; s44 acc-genres G13)
            named = [
                (not _covers(s, label), len(_compact(s)), i, s)
                for i, s in (
                    (i, _covering_run(s, label))
                    for i, s in dict([*items[:15], *items[-15:]]).items()
                    if (fm <= i < body_line or i > last_para)
                    and not _JINA_IMAGE.match(s)
                    and _site_like(s)
                    and _names_domain(s, label)
                    and not _site_words(s, True)
                    and not _SITE_MAIL.search(s)
                    # (not a box's label and what it labels, the name before the colon:
                    # "Sozialamt Lindenau: Öffnungszeiten" was the site of lindenau.example
                    # over its footer's "© Stadt Lindenau 2025"; s46 acc-data. After it,
                    # "Fotos: Berliner Feuerwehr", the name is the site's own credit)
                    and not (": " in s and _names_domain(s.split(": ", 1)[0], label))
                )
            ]
            if named:
                _, _, i, s = min(named)
                found_site = i, s
        if found_site is None:
            for i, s in items[-3:][::-1]:
                if (
                    i > last_para
                    and _site_like(s)
                    and not _AGENCY.match(s)
                    and len(s.split()) <= 3
                    and not _NOT_SITE.match(s)
                    and s.casefold() != (res["title"] or "").casefold()
                    and _site_evidence(s, label, res["publisher"])
                ):
                    found_site = i, s
                    break
        if (
            found_site is None
            and not label
            and res["publisher"]
            and title_line is not None
            and (holder := _compact(res["publisher"]))
        ):
            # a line above the headline that the copyright holder names: the logo ("ZEIT
            # ONLINE" over the article, "© ZEIT ONLINE 2025" under it). Without an address
            # no page had a site name (s45 acc-wire W8); two witnesses vouch for it where
            # the domain cannot
            for i, s in items[:20]:
                if i >= title_line:
                    break
                if (
                    i >= fm
                    and len(s) <= 40
                    and _compact(s) == holder
                    and _site_like(s)
                    and not _JINA_IMAGE.match(s)
                ):
                    holder_site = i, s
                    break
        if found_site is not None:
            i, s = found_site
            res["site_name"], res["sources"]["site_name"] = s, f"line {i}"
            meta_lines["site_name"] = [i]
        elif (
            label
            and res["publisher"]
            and (brand := _holder_brand(res["publisher"], label)) is not None
        ):
            # the copyright holder, when it names the page's domain ("© 2020 Boing Boing",
            # "© 2025 The Ledger Media Group Ltd." at theledger-news: "The Ledger")
            res["site_name"] = brand
            res["sources"]["site_name"] = res["sources"]["publisher"]
    if res["title"]:
        # a headline line that is the page's <title> ("Harbour council approves pier
        # repairs | The Harbour Times", copied from a browser tab or a feed) loses the
        # segments that name the site, as the HTML path's title does (s35 acc-hygiene F10)
        res["title"] = without_site(res["title"], res["site_name"], url)
    if holder_site is not None and not res["site_name"]:
        # (set after the title is read: a logo the holder names is no sign that the
        # headline holds the site's name, "HR Innovation in einer Enterprise 2.0 – ..."
        # lost its first part to the site name "HR Innovation")
        i, s = holder_site
        res["site_name"], res["sources"]["site_name"] = s, f"line {i}"
        meta_lines["site_name"] = [i]
    elif (
        not res["site_name"]
        and items
        and res["publisher"]
        and not holder_unfit
        and holder_name(res["publisher"])
    ):
        # no line naming the site: the footer's copyright holder when it reads as an
        # organisation's name, not a company's, an agency's or a person's ("© 2024 Der
        # Spiegel", "© Statistisches Landesamt Nordmark 2025"); a text file had no site name
        # on any page that states it so (s46 acc-data D10). With an address that it does not
        # spell as well: an official name rarely spells its domain (statistik-nordmark),
        # and a page's address should not lose it the name its text gives. (After the
        # title, as the holder's logo line above: see there)
        res["site_name"] = res["publisher"]
        res["sources"]["site_name"] = res["sources"]["publisher"]
    # categories / tags: a labelled line, a tag line after the body, or the section line
    # just above the headline
    if title_line is not None:
        # (only the lines with a colon, found by a scan of the text: its label ends with one)
        for i, s in page.colon_items():
            if i >= title_line:
                break
            if res["site_name"] and s == res["site_name"]:
                continue
            m = _CATEGORY_LINE.match(s)
            if m:
                res["categories"] = split_tags(m.group(1))
    # a labelled tag line among the lines with a colon
    if _has_tag_line(page) and (tagged := labelled_tags(page.colon_items(), title_line)):
        res["tags"], i = tagged
        res["sources"]["tags"] = f"line {i}"
        meta_lines["tags"] = [i]
    if (
        labelled := blog_tag_line(page.colon_items(), title_line)
        or blog_tag_line(
            (
                (i, t.strip())
                for i, t in items
                if t.lstrip()[:1] in "PpFfAaCc" and ":" not in t and _POSTED_IN.match(t.lstrip())
            ),
            title_line,
        )
    ) is not None:
        # (a blog's categories are its tags too, as an HTML page's article:section and
        # category links are read: before its tags)
        blog_tags, i = labelled
        if not res["tags"]:
            res["sources"]["tags"] = f"line {i}"
        res["tags"] = list(dict.fromkeys([*blog_tags, *res["tags"]]))
        if not _BLOG_LABELS.match(page.lines[i]):
            res["categories"] = res["categories"] or list(blog_tags)
        meta_lines["tags"] = sorted({*meta_lines.get("tags", ()), i})
    if not res["tags"] and (block := keyword_block(items)) is not None:
        res["tags"], lines_of = block
        res["sources"]["tags"] = f"line {lines_of[0]}"
        meta_lines["tags"] = lines_of
    if not res["tags"] and (run := _labelled_tag_run(items, last_para)) is not None:
        res["tags"], lines_of = run
        res["sources"]["tags"] = f"line {lines_of[0]}"
        meta_lines["tags"] = lines_of
    if not res["tags"]:
        # (a line under a related box's label after the article is a teaser's headline,
        # "Leia também" / "Review Kobo Clara Colour": no tag line, s49 acc-service S12)
        tail = items[-6:]
        related = next((i for i, s in tail if i > last_para and _related_label(s)), None)
        for i, s in tail[::-1]:
            if i <= last_para or _SENT_END.search(s) or _FURNITURE.match(s) or _PREFILTER.search(s):
                continue
            if related is not None and i > related:
                continue
            if s == res["site_name"] or _FIELD_LABEL.match(s) is not None:
                # (a field under its label is no tag line, a contact block's "Address: Town
                # Hall, High Street, Riverside"; a tag line's label is read above, by
                # labelled_tags; s40 acc-regress D7)
                continue
            if s[:1] == "#" and _HASHTAGS.fullmatch(s) is not None:
                # (a line of hashtags alone, "#서울시 #한강 #수상버스", "#Council #Pier": s38
                # acc-script #11)
                res["tags"], res["sources"]["tags"] = split_tags(s), f"line {i}"
                meta_lines["tags"] = [i]
                break
            parts = [p.strip() for p in s.split(",")]
            if (
                len(parts) >= 3
                and all(p and len(p.split()) <= _TAG_WORDS_MAX for p in parts)
                and not _NOT_TAG.search(s)
            ):
                res["tags"], res["sources"]["tags"] = parts, f"line {i}"
                meta_lines["tags"] = [i]
                break
            ws = s.split()
            if (
                len(ws) >= 4
                and all(w[:1].isupper() for w in ws)
                and len(ws) % 2 == 0
                and len(ws) <= 12
                and not _AGENCY.match(s)
                and not _NEWSY.search(s)
                and _names_run(ws)
            ):
                res["tags"], res["sources"]["tags"] = split_tags(s), f"line {i}"
                meta_lines["tags"] = [i]
                break
    if not res["tags"] and title_line is not None and res["site_name"]:
        # a section line just before the headline (a breadcrumb of categories)
        for k, (i, s) in enumerate(items):
            if i >= title_line:
                break
            if (
                (k + 1 < len(items) and items[k + 1][0] == title_line)
                # (between the site's line and the headline: "Cyprus Mail" / "Global
                # terrorism World" / headline; elsewhere such lines are menus and captions)
                and k > 0
                and res["sources"].get("site_name") == f"line {items[k - 1][0]}"
                and s != res["site_name"]
                and 2 <= len(s.split()) <= 5
                and not _FURNITURE.match(s)
                and not _PREFILTER.search(s)
                and not _SENT_END.search(s)
                and s[:1].isupper()
                and not _NOT_TAG.search(s)
                and not _site_words(s, True)
            ):
                res["tags"] = split_tags(s)
                res["categories"] = list(res["tags"])
                res["sources"]["tags"] = f"line {i}"
                meta_lines["tags"] = [i]
    # a front matter's block lists of authors and tags, and a wiki link's name ("author:" /
    # '  - "[[Maria Delgado]]"', Obsidian's clipper: s39 acc-md 6): its writer's fields
    for key, (values, rows) in _front_matter_lists(page).items():
        res[key], res["sources"][key] = values, f"line {rows[0]}"
        meta_lines[key] = rows
    # soft hyphens (U+00AD) are a page's hyphenation hints, not part of a name or a tag
    # ("Der Bun\u00addes\u00adrat"): a search for the value must find it. (The title keeps
    # them: it is the page's headline as written, as its og:title has it.)
    for key in ("site_name", "publisher"):
        if res[key] and "\u00ad" in res[key]:
            res[key] = res[key].replace("\u00ad", "")
    for key in ("tags", "categories"):
        res[key] = [t.replace("\u00ad", "") for t in res[key]]
    return res, page.lines


#: A line of two hashtags or more and nothing else: "#서울시 #한강 #수상버스", "#Council #Pier"
_HASHTAGS = re.compile(r"#[^\W\d_][\w-]*(?:\s+#\w[\w-]*)+")


#: What a list of tags does not hold: digits (an address, a price, a phone number), an
#: e-mail address, a domain ("die-linke.de, european-left.org"), a path or a label's colon
_NOT_TAG = re.compile(r"[0-9@/:↗]|\.[a-z]{2,}\b")


#: Words of a footer or a menu written in capitals ("Do Not Sell My Personal Information",
#: "Terms Of Use", "Facebook Twitter Instagram YouTube", "Pay Your Ad Bill"), which a run
#: of names (a tag line "Vladimir Putin Francois Hollande") does not hold
_NOT_NAME_WORDS_TEXT = (
    "a about and are as at by contact cookies do for from in information is my not of on or "
    "our pay policy privacy sell settings terms the to use us with your und der die das mit "
    "von zu für über et le la les de des du y el los las facebook twitter instagram youtube "
    "linkedin pinterest whatsapp tiktok xing telegram rss"
)
_NOT_NAME_WORDS = frozenset(_NOT_NAME_WORDS_TEXT.split())


def _names_run(ws: list[str]) -> bool:
    """Whether capitalised words ``ws`` can be a run of names: no function or social-network
    word, no word in capitals ("AUSWAHL AKZEPTIEREN"), none glued to the next
    ("UsePrivacy")."""
    for w in ws:
        if w.lower() in _NOT_NAME_WORDS or (len(w) > 1 and w.isupper()):
            return False
        if any(c.isupper() for c in w[1:]) and not w[1:].isupper():
            return False  # (a lower-case letter before a capital inside the word)
    return True


#: Words of a newspaper's name in many languages (a line "Cyprus Mail" or "Vestnik
#: Kavkaza" names a site; "News", "Today" or "Magazin" are menu entries as often)
_PAPER_WORD = re.compile(
    r"(?i)\b(?:mail|times|post|zeitung|tribune|herald|journal|gazette|daily|telegraph|"
    r"chronicle|observer|courier|kurier|anzeiger|rundschau|tagblatt|blatt|diario|jornal|"
    r"giornale|gazzetta|gazeta|dziennik|vestnik|pravda|izvestia|noviny|novine|dnevnik|"
    r"sanomat|posten|tidning|avis|dagblad|krant|courant)\b(?<!e-mail)"
)
#: Words of a menu entry or a service of the site, not of its name ("NY Post Shopping",
#: "Über PETA", "Search SpringerLink", "Ticketshop DHB", "Contact Chron")
_SITE_NAV = re.compile(
    r"(?i)\b(?:about|über|uber|apie|à propos|contact|kontakt|search|suche|suchen|shop|"
    r"ticketshop|store|shopping|careers?|jobs|apps?|network|netzwerk|newsletter|subscribe|"
    r"abo|abonnieren|login|log in|sign in|anmelden|discover|partner|partners|events?|"
    r"veranstaltungen|adresse|address|impressum|datenschutz|privacy|cookies?|help|hilfe|"
    r"extra|live|play|tv|blogs|archiv|archive|edition)\b"
)
#: :data:`_PAPER_WORD` and :data:`_SITE_NAV` without IGNORECASE, for an ASCII line lowercased
#: (:func:`_site_words`)
_PAPER_WORD_L, _SITE_NAV_L = _lowercase(_PAPER_WORD), _lowercase(_SITE_NAV)


#: Jina Reader's text of an image: its alt text after "Image N:" ("Image 1: EL UNIVERSAL")
_JINA_IMAGE = re.compile(r"Image \d+: ")


def _site_words(s: str, nav: bool) -> bool:
    """``_SITE_NAV.search(s)`` (``nav``) or ``_PAPER_WORD.search(s)`` is not None, ~3-5x
    faster on an ASCII line: its lowercased copy is searched with the case-sensitive
    pattern, which re skips through by the words' first letters (a case-insensitive
    alternation after ``\\b`` is tried at every position). Exact on ASCII text: its case
    maps are ASCII's, and lowercasing changes no word boundary; any other line is
    searched as it is."""
    if s.isascii():
        return (_SITE_NAV_L if nav else _PAPER_WORD_L).search(s.lower()) is not None
    return (_SITE_NAV if nav else _PAPER_WORD).search(s) is not None


_NOT_ALNUM = re.compile(r"[\W_]+")
#: Second-level labels under which sites register (example.co.uk, example.com.au)
_SLD = frozenset(["co", "com", "org", "net", "gov", "ac", "edu", "or", "ne", "go"])
#: Hosts of many sites, one per subdomain (the domain label is the host's, not the site's)
_HOSTS = frozenset(
    ["wordpress", "blogspot", "hypotheses", "medium", "substack", "github", "tumblr",
     "wixsite", "jimdo", "jimdofree", "over-blog", "overblog", "blogger", "weebly",
     "typepad", "livejournal", "canalblog", "hatenablog", "fandom", "webnode"]
)  # fmt: skip


def _compact(s: str) -> str:
    """Letters and digits only, lower case, accents dropped: "Bergsteigen.com" ->
    "bergsteigencom", "Mein schöner Garten" -> "meinschonergarten"."""
    return _NOT_ALNUM.sub("", _ascii_fold(s))


def _same_name(a: str, b: str) -> bool:
    """Whether two names are one, compared :func:`_compact`: equal, or one holding the
    other ("Boing Boing" and "© Boing Boing", "Cyprus Mail" and "The Cyprus Mail")."""
    x, y = _compact(a), _compact(b)
    return len(x) >= 3 and len(y) >= 3 and (x in y or y in x)


def _domain_parts(url: str | None) -> list[str] | None:
    """The labels of the host of ``url`` (lower case) without its top-level domain and a
    second-level one (:data:`_SLD`: "co" of bbc.co.uk): ["wien", "orf"] of wien.orf.at;
    None for no domain (no address, an IP address). The one reading of a host for
    :func:`_host_label` and :func:`_persons_host`."""
    url_parts = _url_parts(url)
    if url_parts is None:
        return None
    parts = [p for p in url_parts[0].split(".") if p]
    if len(parts) < 2 or parts[-1].isdigit():
        return None  # (no domain, or an IP address)
    parts = parts[:-1]
    if len(parts) > 1 and parts[-1] in _SLD:
        parts = parts[:-1]
    return parts


@lru_cache(maxsize=8)
def _host_label(url: str | None) -> str | None:
    """The name a site registered its domain under: "https://www.sciencealert.com/x" ->
    "sciencealert", "https://wien.orf.at" -> "orf", "http://bbc.co.uk" -> "bbc". Cached:
    a document's address is read so by its title, site and author steps (two to four
    times a document, each a split of the host and a :func:`_compact` of its label)."""
    parts = _domain_parts(url)
    if parts is None:
        return None
    if len(parts) > 1 and parts[-1] in _HOSTS and parts[-2] not in ("www", "m"):
        parts = parts[:-1]  # a site on a blog host is its subdomain (x.wordpress.com)
    label = _compact(parts[-1])
    return label if len(label) >= 3 else None


def _persons_host(url: str | None) -> bool:
    """Whether the host of ``url`` is a person's: a blog host's subdomain ("creeny" of
    creeny.wordpress.com; not its "www") or a domain whose label's hyphened parts read as a
    name ("moritz-meyer.net": :func:`_person_like`)."""
    parts = _domain_parts(url)
    if parts is None:
        return False
    if len(parts) > 1 and parts[-1] in _HOSTS:
        return parts[-2] not in ("www", "m")
    words = parts[-1].split("-")
    return (
        len(words) > 1
        and all(w.isalpha() for w in words)
        and _person_like(" ".join(w.capitalize() for w in words))
    )


#: The articles an outlet's name may open with ("Le Figaro", "The Times", "De Volkskrant")
_ARTICLES = frozenset(
    ("the", "le", "la", "les", "l'", "el", "il", "lo", "der", "die", "das", "de", "het", "o", "a")
)
#: A credit's word for the wire agencies after a site's name ("+ وكالات", "and agencies")
_WIRES_WORDS = frozenset(
    ("وكالات", "agencies", "agenturen", "agences", "agencias", "agenzie", "agências", "wires")
)


def site_as_author(name: str, site: str | None, url: str | None) -> bool:
    """Whether author ``name`` is the site's, not a person's: it is the site's name ``site``
    or the name of the domain of ``url`` ("CBS News" on cbsnews.com, "Spiegel Online" on
    spiegel.de, "The Harbour Times" beside the site name "The Harbour Times") and does not
    read as a person's (:func:`_person_like` without an outlet's word: a personal site's
    "Jane Doe" on janedoe.com is its author). An author facet showed the site as an author
    (s43 acc-index #7, #19). On a blog host's subdomain (x.wordpress.com, x.blogspot.com)
    the site is its blogger's, and a domain's label of a name's words ("moritz-meyer.net")
    is a person's: the handle (one word) that equals either is its author ("Creeny" on
    creeny.wordpress.com, "MoritzMeyer": s44 acc-regress R7), as is the name that equals a
    site's name that reads as a person's ("MoritzMeyer" beside the site name "Moritz
    Meyer"). An outlet's name of an article and a word ("Le Figaro", "De Volkskrant") that
    is the site's is the site's, and so is the site's name with its "agencies" after it
    ("الجزيرة نت + وكالات": the site's desk and the wires; s45 acc-wire W4)."""
    c = _compact(name)
    own = _compact(site) if site else ""
    if own:
        if c == own and name.split()[0].casefold() in _ARTICLES:
            return True
        if c.startswith(own) and c[len(own) :].strip(" +&,").casefold() in _WIRES_WORDS:
            return True
    if _person_like(name):
        return False
    # (a handle, one word as a user name is written: an outlet's name has its words apart,
    # "Auto-Motor" on auto-motor.at, "Bernau LIVE", "Noticia al Dia" on a site so named)
    # (the site's name only when it is the whole of it: a word of an outlet's name of two
    # capitalised words, "Abendblatt" of "Hamburger Abendblatt" on abendblatt.de, is the
    # outlet's; s45 read F13)
    if (
        " " not in name
        and "-" not in name
        and (_persons_host(url) or (site is not None and _person_like(site) and c == own))
    ):
        return False
    if own and c == own:
        return True
    label = _host_label(url)
    # (the whole label: a part of it is as often the person whose site it is, "Alexander"
    # on alexander-klier.net, "Lynn" on heavenlynnhealthy.de)
    return label is not None and label in c and _is_domain_name(name, label)


#: What no site's name holds: an e-mail address ("Lüder Hoppe info@buero-hoppe.de",
#: "feedback@business-standard"; not a name's "@", "Kulinaria@Home")
_SITE_MAIL = re.compile(r"[a-z0-9._%+-]@[a-z0-9-]+\b")


def address_host(site: str) -> str:
    """A site name that is a web address as its host ("https://www.hawaiinewsnow.com" ->
    "hawaiinewsnow.com"; "" for a broken one); another as it is."""
    if not site.startswith(("http://", "https://")):
        return site
    try:
        return (urlsplit(site).hostname or "").removeprefix("www.")
    except ValueError:
        return ""


#: A copyright notice's year before the name, its sign taken off ("2020 Propellets Austria")
_SITE_YEAR = re.compile(r"^(?:19|20)\d\d\s+(?=[^\W\d_])")
#: A licence notice's words after the name ("Krimiblog-Archiv ist lizensiert unter"), from
#: a run of spaces' start only (tried at each space of a run, it was quadratic in it: 62 s
#: for a name of 20,000 spaces; s44 acc-read F15)
_SITE_LICENCE = re.compile(r"(?i)(?<!\s)\s+(?:ist|is|are|sind)\s+(?:lizen[sz]iert|licensed)\b.*$")


def site_name_of(site: str, title: str | None, url: str | None) -> str | None:
    """The site's name in a page's or a dump's site name ``site``, whatever its source,
    beside the page's ``title`` and address ``url``: not the headline (the site name that is
    the title, or holds it as a segment: "Achtsam durch die Krise | Die FURCHE" -> "Die
    FURCHE"), nor its tagline (of its segments, the one that names the domain, when the
    others say more: "SW1.News - Nachrichten der Region Schweinfurt - …" -> "SW1.News",
    "WSVN 7News | Miami News, Weather, Sports | Fort Lauderdale" -> "WSVN 7News"), a
    notice's year or licence words ("2020 Propellets Austria", "Krimiblog-Archiv ist
    lizensiert unter"), a trailing "_" or bar; none with an e-mail address. A site facet
    showed headlines, taglines and addresses as sites, and split a site's pages among
    them (s43 acc-index #6)."""
    if _SITE_MAIL.search(site):
        return None
    site = _SITE_LICENCE.sub("", _SITE_YEAR.sub("", site)).strip(" _|-–—·")
    head = _compact(title) if title else ""
    label = _host_label(url)
    if head and _compact(site) == head and not _home_page_name(site, label):
        return None
    parts = _TITLE_SEP.split(site)
    if len(parts) < 3:
        return site or None
    segs = [p.strip() for p in parts[0::2]]
    named = (
        [g for g in segs if _is_domain_name(g, label)]
        or [g for g in segs if _names_domain(g, label)]
        if label is not None
        else []
    )
    if named:
        name = min(named, key=lambda g: len(g.split()))
        # (the words beside it more than its own: "CDU - Fraktion Erfurt" and "Infoportal -
        # Diakonie Deutschland" are the sites' names whole)
        if sum(len(g.split()) for g in segs if g != name) > len(name.split()):
            return address_host(name) or None
    elif head and len(segs) == 2:
        # (the headline and the site's name, in either order; the site's name, when one
        # names the domain, whatever the title: "Frollein Herr | Information und …" of a
        # page whose title was "Frollein Herr")
        for k in (0, 1):
            if _compact(segs[k]) == head:
                return address_host(segs[1 - k]) or None
    return site


#: The most words of a site's name that a page without an address titles with it alone
_HOME_NAME_WORDS = 3


def _home_page_name(site: str, label: str | None) -> bool:
    """Whether ``site``, the page's title as well, is the site's name on its home page, not
    a headline given as the site's name: it names the domain ``label`` ("Die Zeit" at
    zeit.de), or, with no address to tell, it is a name's few capitalised words
    (:data:`_HOME_NAME_WORDS`: "Netzblick", "The Harbour Times"; a headline has a verb's
    lower case, "Library opens reading room"). A home page's record lost its site's name
    (s44 acc-read F11)."""
    if label is not None:
        return _names_domain(site, label)
    ws = site.split()
    return len(ws) <= _HOME_NAME_WORDS and all(w[:1].isupper() for w in ws)


def _names_domain(s: str, label: str) -> bool:
    """Whether line ``s`` names the domain ``label``: it holds the label ("ABC13 Houston"
    and abc13, "Tonight.de" and tonight) or the label holds it ("Spiegel" and spiegelonline;
    requiring most of the label lost 6 of 168 right site names on the dev pages), or its
    words but the small ones spell it ("La Dépêche du Littoral" and depeche-littoral: s44
    acc-genres G13)."""
    c = _compact(s)
    return len(c) >= 3 and (label in c or (len(c) >= 4 and c in label) or _spells(s, label))


def _spells(s: str, label: str) -> bool:
    """Whether the words of ``s`` of four letters or more, joined, hold the domain ``label``
    ("La Dépêche du Littoral" -> "depechelittoral")."""
    return label in "".join(w for w in map(_compact, s.split()) if len(w) > 3)


def _covering_run(s: str, label: str) -> str:
    """The shortest run of the words of line ``s`` that names the whole of the domain
    ``label`` (:func:`_covers`) in two words or more, with the short capitalised words
    before it (an article: "La Dépêche du Littoral"), or ``s`` when none does: an app
    banner's "View CBS News In" was the site of cbsnews.com, over its "CBS News" (s45
    acc-regress R5)."""
    words = s.split()
    if len(words) < 3 or not _covers(s, label):
        return s
    best = (len(words), 0)
    for a in range(len(words)):
        for b in range(a + 1, min(a + best[0], len(words) + 1)):
            if _covers(" ".join(words[a:b]), label):
                best = (b - a, a)
                break
    n, a = best
    if n < 2:
        return s  # (one word: the domain's word among others, a menu's "News Sport Weather")
    start = a
    while start > 0 and words[start - 1][:1].isupper() and len(_compact(words[start - 1])) <= 3:
        start -= 1
    return " ".join(words[start : a + n]).strip(" ,;:|·-–—") or s


def _covers(s: str, label: str) -> bool:
    """Whether line ``s`` names the whole of the domain ``label``, not a part of it: "Rhein"
    is a part of rheinischer-kurier (a tag line), "Rheinischer Kurier" its name."""
    return label in _compact(s) or _spells(s, label)


#: The words of a company's name after its brand ("The Ledger Media Group", "Rheinische
#: Mediengruppe", "Hearst Communications"): the company that owns a site, not its name
_HOLDER_COMPANY = re.compile(
    r"(?i)\b(?:media\s+group|group|holdings?|publishing|publishers|publications|"
    r"communications|corporation|company|enterprises|ventures|media|medien|mediengruppe|"
    r"newspapers?|\w*verlag(?:sgruppe|sgesellschaft)?|verlagshaus|gruppo|groupe|grupo|editorial|éditions|"
    r"inc|llc|ltd|plc|gmbh|ag|se|kg|kgaa|co|corp|sa|sas|sarl|srl|spa|bv|nv|ab|as|oy|pty|"
    r"s\.\s?a|s\.\s?l|b\.\s?v)\b"
)
#: What marks a copyright holder as no organisation's name: the notice's own words ("©
#: Crown copyright", "Copyright Agency"), a credit's ("Foto", "Getty Images"), an address,
#: or a list (a comma: "Wolfgang Schmale, Universität Wien")
_HOLDER_NOT_NAME = re.compile(
    r"(?i)\b(?:copyright|rights|reserved|licen[cs]ed?|foto|photo|images|bild|getty|"
    r"shutterstock|istock|picture|alliance|imago|keystone|creative\s+commons)\b|[@/:|,]|\.\w{2,}"
)
#: What names a site's own publisher rather than a company behind it: a newspaper's word (and
#: :data:`_PAPER_WORD`'s), a public body's (a council, a city, a ministry, an office or
#: institute, a statistics office). Of 197 holders of dev pages taken as their sites' names
#: with no such word, 81 were wrong against the page's og:site_name (a company: "Condé
#: Nast" for Wired, "Gannett", "CBS Interactive", "Tamedia")
_HOLDER_KIND = re.compile(
    r"(?i)\b(?:\w*zeitung|\w*blatt|quotidien|journal|périodico|periódico|газета|"
    r"вестник|council|city of|county|borough|municipality|stadt|gemeinde|landkreis|kreis|"
    r"\w*amt|\w*ministerium|ministry|ministère|ministerio|department|regierung|government|"
    r"gouvernement|gobierno|office (?:for|of)|institut|institute|instituto|istituto|"
    r"statisti\w*|estad[íi]stica|mairie|ville de|ayuntamiento|comune di|gemeente|"
    r"universit\w*|administración|администрация|министерство)\b"
)
#: The most words and characters of a copyright holder taken for a site's name without an
#: address ("Ayuntamiento de Villaverde del Río", "Institut régional de la statistique",
#: "Bundesministerium der Justiz und für Verbraucherschutz"; a notice's holder is read up
#: to 60 characters: a name cut there, "Bundesministerium für wirtschaftliche
#: Zusammenarbeit und Ent", is none, see extract_lines)
_HOLDER_WORDS, _HOLDER_CHARS = 7, 60


def holder_name(holder: str) -> bool:
    """Whether copyright holder ``holder`` (``publisher``) reads as the name of the site that
    shows it, when nothing else names the site: an organisation's name of at most
    :data:`_HOLDER_WORDS` words, capitalised, without a digit, with a newspaper's or a public
    body's word (:data:`_HOLDER_KIND`: "Rheinische Rundschau", "Stadt Lindenau"); not a company's
    (:data:`_HOLDER_COMPANY`: "The Ledger Media Group" owns "The Ledger"), an agency's
    ("dpa", "Reuters": a credit), a credit's or the notice's words (:data:`_HOLDER_NOT_NAME`:
    "Crown copyright"). (A person's name is kept: a blog's holder is its writer, whose name
    the blog goes by.)"""
    ws = holder.split()
    return (
        1 <= len(ws) <= _HOLDER_WORDS
        and len(holder) <= _HOLDER_CHARS
        and (ws[0][:1].isupper() or not ws[0][:1].islower())
        and not any(c.isdigit() for c in holder)
        and _AGENCY.match(holder) is None
        and _HOLDER_COMPANY.search(holder) is None
        and _HOLDER_NOT_NAME.search(holder) is None
        and (_site_words(holder, False) or _HOLDER_KIND.search(holder) is not None)
    )


def _holder_brand(holder: str, label: str) -> str | None:
    """The site's name in copyright holder ``holder`` of a page at domain ``label``: the
    holder when it names the domain ("© 2020 Boing Boing"), or its words before a company's
    (:data:`_HOLDER_COMPANY`) when they do ("The Ledger Media Group" at theledger-news: "The
    Ledger"); none with a digit or of more than five words. A name without Latin letters
    ("Северостат" at severostat) spells no domain: :func:`holder_name`'s organisation,
    then (with a newspaper's or a public body's word: "Северная газета"; a holder without
    one, "Нормы ГТО и знаний", "ООО ...", was no site's name on the dev pages)."""
    if any(c.isdigit() for c in holder) or len(holder.split()) > 5:
        return None
    if _names_domain(holder, label):
        return holder
    if (m := _HOLDER_COMPANY.search(holder)) is not None and m.start() > 0:
        brand = holder[: m.start()].strip(" ,-–—&·|")
        if len(brand.split()) >= 1 and _names_domain(brand, label):
            return brand
    if not _LATIN_LETTER.search(holder) and holder_name(holder):
        return holder
    return None


def _site_evidence(s: str, label: str | None, publisher: str | None) -> bool:
    """Something beyond its look that vouches for a line as the site's name: it names the
    page's domain, holds a newspaper word, or is the copyright holder. The first and last
    lines of a page are menus, cookie notices and footers far more often than its name
    (dev pages against their own og:site_name: 67 of 546 such lines were the site's)."""
    if _site_words(s, True):
        return False
    if label and _names_domain(s, label):
        return True
    if _site_words(s, False):
        return True
    return bool(publisher) and _same_name(s, publisher or "")


#: What joins a headline and its site or section in a page's title: " | ", " - ", " – ",
#: " — ", " :: ", " · ", " » " (spaced: "Rödermark/ Hessen", "Antholz-Abschluss" are words)
#: The marks that part a title's segments ("Headline | Site", "Headline - Site")
_TITLE_SEP_MARKS = r"|\-–—·»"
#: (from a run of spaces' start only, as :data:`_LABEL_SEP`: tried at each space of a run,
#: it was quadratic in it, 13 s for a site's name of 20,000 spaces; s44 acc-read F15)
_TITLE_SEP = re.compile(rf"((?<!\s)\s+(?:[{_TITLE_SEP_MARKS}]|::)\s+)")


def _line_key(s: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", s).casefold().split())


def headline_of(
    title: str,
    text: str,
    site: str | None = None,
    url: str | None = None,
    head_title: str | None = None,
) -> str:
    """The page's headline in its title ("Clymer workshop manual review | MoreBikes"): the
    longest run of the title's segments that the page shows as a line of its own (``text``:
    its rendering, in which ``head_title``, the ``<title>`` element's text, is one line that
    does not count), else the title without the end segments that name the site (``site``,
    or the domain of ``url``), else the title as it is."""
    parts = _TITLE_SEP.split(title)
    if len(parts) < 3:
        return title
    segs, seps = parts[0::2], parts[1::2]
    n = len(segs)

    def joined(a: int, b: int) -> str:  # segments a..b-1 with the separators between them
        return "".join(x for k in range(a, b) for x in (segs[k], seps[k] if k < b - 1 else ""))

    # A run's words, length and normalised key are read off its pieces (segments and
    # separators), not off each of the n² runs built as a string: a keyword-stuffed title of
    # 400 segments has 80,000 runs of ~1,300 characters (2.3 s, s43 perf). Each separator
    # starts and ends with spaces, so a run's words are its pieces' words, and its key
    # (:func:`_line_key`) is its pieces' keys joined by a space: NFKC composes nothing
    # across a space, case folding is by character, and no character outside the spaces
    # normalises to spaces alone.
    pieces = [p for k in range(n) for p in ((segs[k], seps[k]) if k < n - 1 else (segs[k],))]
    words = [0, *accumulate(len(p.split()) for p in pieces)]

    def n_words(a: int, b: int) -> int:  # of the run of segments a..b-1
        return words[2 * b - 1] - words[2 * a]

    def is_run(a: int, b: int) -> bool:  # a run the original order tries: n - 1 segments at most
        return 0 <= a < b <= n and b - a < n and n_words(a, b) >= 2

    # the shortest run of two words or more: for each first segment, the fewest segments
    # that make two words (a run is never shorter than one of its first segments')
    least = (
        min(
            (
                len(joined(a, b).strip())
                for a in range(n)
                for b in (next((b for b in range(a + 1, n + 1) if n_words(a, b) >= 2), n + 1),)
                if is_run(a, b)
            ),
            default=len(title),
        )
        - 8
    )
    most = len(title) + 8
    head = head_title.strip() if head_title else None
    # the page's lines as long as a run can be, compared normalised (case, spaces,
    # compatibility forms); the <title> element's line does not count
    counts = Counter(_line_key(ln) for ln in text.splitlines() if least <= len(ln) <= most)
    if head:
        counts[_line_key(head)] -= 1
    if counts[_line_key(title)] > 0:
        # (a page whose headline carries its site's name as its title does, " - Metro
        # Post", with the name given apart, og:site_name: the headline without it; s40
        # acc-synd #5)
        return without_site(title, site, None)
    # the title's key, with where each piece's key starts and ends in it (pieces with no
    # words have none): a line is a run when its key stands in the title's key from the
    # start of a run's first piece with words to the end of its last one
    keys = [_line_key(p) for p in pieces]
    key = " ".join(filter(None, keys))
    spans: list[tuple[int, int] | None] = []
    at = 0
    for k in keys:
        spans.append((at, at + len(k)) if k else None)
        at += len(k) + 1 if k else 0
    first: dict[int, list[int]] = {}  # key offset -> the segments a run starts at there
    last: dict[int, list[int]] = {}  # key offset -> the ends (exclusive) of runs ending there
    for a in range(n):
        span = next((s for s in spans[2 * a :] if s), None)
        if span:
            first.setdefault(span[0], []).append(a)
    for b in range(1, n + 1):
        span = next((s for s in reversed(spans[: 2 * b - 1]) if s), None)
        if span:
            last.setdefault(span[1], []).append(b)
    found: set[tuple[int, int]] = set()
    for line_key, count in counts.items():
        if count <= 0 or not line_key:
            continue
        at = key.find(line_key)
        while at >= 0:
            for a in first.get(at, ()):
                for b in last.get(at + len(line_key), ()):
                    if is_run(a, b):
                        found.add((a, b))
            at = key.find(line_key, at + 1)
    site_key = _compact(site) if site else None
    # the longest first, the first of equals
    for a, b in sorted(found, key=lambda r: (r[0] - r[1], r[0])):
        cand = joined(a, b).strip()
        # (not the site's name, which a page shows as a line of its own too: "Business
        # Jargons" of "What are Leadership Styles? … - Business Jargons")
        if _compact(cand) != site_key:
            return cand
    return without_site(title, site, url)


#: The name of a site's section or of a page's kind, that sites give their pages as title
#: (og:title, <title>, a dump's "title"), over the headline: "News", "Press Release",
#: "Pressemitteilungen", "Medienmitteilungen", "Aktuelles", "Event Details", "Communiqué de
#: presse", "Nota de prensa", "Persbericht" (with a number: "Pressemitteilung Nr. 112/2026")
_SECTION_LABEL = re.compile(
    r"(?:latest\s+|top\s+|local\s+|company\s+|campus\s+|university\s+)?"
    r"(?:news(?:\s+(?:flash|room|releases?|&\s+\w+|and\s+\w+|centre|center|and\s+events))?"
    r"|newsroom|press(?:\s+(?:releases?|room|centre|center|office|statements?))?"
    r"|media\s+(?:releases?|centre|center|room|statements?)|statements?|announcements?"
    r"|events?|event\s+details|blog|updates|stories"
    r"|pressemitteilung(?:en)?|presseinformation(?:en)?|pressemeldung(?:en)?|presse"
    r"|medienmitteilung(?:en)?|mitteilung(?:en)?|aktuelles|aktuelle\s+meldungen|nachrichten"
    r"|neuigkeiten|meldungen|veranstaltung(?:en)?|termine|stellenangebote"
    r"|communiqués?(?:\s+de\s+presse)?|actualités?|événements?|évènements?"
    r"|notas?\s+de\s+prensa|noticias|comunicados?(?:\s+de\s+prensa)?|sala\s+de\s+prensa"
    r"|actualidad|eventos|comunicat[oi](?:\s+stampa)?|notizie|eventi"
    r"|persberichten?|nieuws|actueel|evenementen)"
    r"(?:\s+(?:nr\.?|no\.?|n°)?\s*\d[\d/.-]*)?",
    re.IGNORECASE,
)
#: The most words of a title's other segments beside a section's name (a site's name:
#: "Pressemitteilung - BMLW", "News Flash • Millbrook, OH • CivicEngage")
_LABEL_SITE_WORDS = 4
#: The separators of a title's segments (:data:`_TITLE_SEP`'s, and the bullet CivicPlus
#: sites put between theirs: "News Flash • Millbrook, OH • CivicEngage")
_LABEL_SEP = re.compile(rf"(?<!\s)\s+(?:[{_TITLE_SEP_MARKS}•]|::)\s+")


def over_the_story(lines: Sequence[str], title: str, text: str, label: str) -> bool:
    """Whether ``title``, the title ranker's, may replace ``label``, a title that names a
    section (:func:`section_label`): ``label`` is the section's name alone ("Press
    Release"), or ``title`` is on a line of ``lines`` above the first prose paragraph
    (:func:`_is_para`) of ``text``, the document's cleaned text — a headline, not a
    sub-heading the ranker took in a text without one, where the label's other segment
    may be the headline ("Events - Jazz In The Park"; a menu's blurb above it is no
    paragraph of the story; review42 R4)."""
    if _LABEL_SEP.search(" ".join(label.split())) is None:
        return True
    kept = set(text.splitlines())
    for line in lines:
        if title in line:
            return True
        if _is_para(line) and line.strip() in kept:
            return False
    return False


def _holds(line: str, part: str) -> bool:
    """Whether ``line`` holds ``part`` as whole words; one word (a site's name, as a
    header's title may be) only where it ends the line or is half its words: a headline
    behind an image's words ("Image 46: cc Forums-Regeln"), not a site's name in a headline
    ("Times" in "Sometimes the river wins", "Wired" in "Why Our Brains Are Wired for
    Music"; s42 acc-read F4, review42 R5)."""
    found = re.search(rf"(?<!\w){re.escape(part)}(?!\w)", line, re.IGNORECASE)
    return found is not None and (
        len(part.split()) > 1
        or not line[found.end() :].strip()
        or 2 * len(part.split()) >= len(line.split())
    )


def section_label(title: str) -> bool:
    """Whether ``title`` names a site's section or a page's kind, not a page
    (:data:`_SECTION_LABEL`), alone or beside the site's name: "Press Release",
    "Pressemitteilung - BMLW", "Event Details - Harlow Public Library". A title of such a
    name and a headline ("News | Council approves the budget for 2026") is none."""
    segs = _LABEL_SEP.split(" ".join(title.split()))
    named = [k for k, seg in enumerate(segs) if _SECTION_LABEL.fullmatch(seg.strip(" .:"))]
    return bool(named) and all(
        len(seg.split()) <= _LABEL_SITE_WORDS and _name_like(seg)
        for k, seg in enumerate(segs)
        if k not in named
    )


def _name_like(seg: str) -> bool:
    """Whether title segment ``seg`` reads as a name, a site's or a place's: each word
    capitalised, a number or a small joining word ("Harlow Public Library", "Millbrook,
    OH", "Ville de Saint-Aubin"); a short headline has a verb in small letters ("News |
    Queen Elizabeth dies" named no section only, review2 F3)."""
    return all(
        w[:1].isupper() or w[:1].isdigit() or not w[:1].isalpha() or w.lower() in _CREDIT_JOINS
        for w in seg.split()
    )


def without_site(title: str, site: str | None, url: str | None) -> str:
    """``title`` without its end segments (split at :data:`_TITLE_SEP`) that name the site:
    its name ``site`` or the domain of ``url`` ("Harbour council approves pier repairs |
    The Harbour Times" -> "Harbour council approves pier repairs"); one segment always
    stays."""
    parts = _TITLE_SEP.split(title)
    if len(parts) < 3:
        return title
    segs = parts[0::2]
    label = _host_label(url)
    has_site = bool(site and _compact(site))

    def names_site(seg: str) -> bool:
        return (has_site and _same_name(seg, site or "")) or (
            bool(label) and _is_domain_name(seg, label or "")
        )

    n = len(segs)
    a, b = 0, n
    while b - a > 1 and names_site(segs[b - 1]):
        b -= 1
    while b - a > 1 and names_site(segs[a]):
        a += 1
    if (a, b) == (0, n):
        return title
    return "".join(parts[2 * a : 2 * b - 1]).strip()


#: The most words of a site's name read from a page's title beside its headline
_TITLE_SITE_WORDS = 6
#: A newspaper's desk or a page's place in a series, which a <title> adds after the
#: headline where a site's name would be: "… | Opinion", "… | Education", "… | Page 2 of
#: 3" (s43 acc-regress R6: each was the site's name; a file has no domain to check it on)
_DESK = (
    r"opinions?|comment|commentary|analysis|editorials?|letters|features|reviews?"
    r"|politics|business|economy|money|finance|markets|world|national|international|local"
    r"|sports?|education|health|science|tech(?:nology)?|culture|arts|entertainment"
    r"|lifestyle|life|style|travel|food|weather|obituaries|climate|environment|crime"
    r"|motoring|property|jobs|careers|books|music|film|movies|tv|television|video|photos"
    r"|meinung|kommentar|politik|wirtschaft|kultur|wissen|panorama|gesellschaft|reise"
    r"|bildung|gesundheit|lokales|ausland|inland|feuilleton|digital"
    r"|politique|économie|société|monde|santé|éducation|opinión|política|economía"
    r"|deportes|cultura|sociedad|internacional|educación|salud"
    # (the desks of other scripts, whose names no domain spells (:func:`title_site` takes a
    # short segment of them for the site's name: "… | اقتصاد", "… | 国际"; s47 read F5)
    r"|экономика|политика|общество|мир|в мире|спорт|культура|наука|технологии|происшествия"
    r"|новости|здоровье|бизнес|финансы|мнения|регионы|економіка|політика|суспільство|світ"
    r"|новини|οικονομία|πολιτική|κόσμος|αθλητισμός|κοινωνία|πολιτισμός|ειδήσεις|υγεία"
    r"|اقتصاد|الاقتصاد|سياسة|السياسة|رياضة|الرياضة|ثقافة|الثقافة|عالم|العالم|دولي|دوليات"
    r"|محليات|صحة|الصحة|تكنولوجيا|علوم|أخبار|منوعات|فن|مجتمع|رأي|آراء|مقالات"
    r"|国际|国内|财经|经济|体育|娱乐|科技|社会|文化|军事|时政|政治|健康|教育|评论|新闻|要闻"
    r"|國際|國內|財經|經濟|體育|娛樂|社會|軍事|時政|評論|新聞|要聞|経済|スポーツ|エンタメ"
    r"|科学|ニュース|オピニオン|ビジネス|テクノロジー|정치|경제|사회|국제|스포츠|문화|연예"
    r"|과학|오피니언|뉴스|देश|विदेश|राज्य|बिजनेस|खेल|मनोरंजन|राजनीति|व्यापार|दुनिया|टेक"
    r"|स्वास्थ्य|शिक्षा|राष्ट्रीय|अंतरराष्ट्रीय"
)
_NOT_SITE_NAME = re.compile(
    rf"(?:{_DESK})(?:\s+(?:&|and|und|et|y)\s+(?:{_DESK}))?"
    r"|(?:page|seite|pagina|página|p\.)\s*\d+(?:\s*(?:of|von|de|sur|/)\s*\d+)?",
    re.IGNORECASE,
)


def _header_headline(field: str, line: str | None, url: str | None) -> str | None:
    """The headline of a reader's header's title (Jina's ``Title:``, the page's <title>)
    whose last segment is the site's name (:func:`title_site`, with the ``URL Source:``
    address ``url``): its segments before that one. ``line``: the content's line that
    shows the last segment (a masthead), which vouches for it as the site's name. None when
    the last segment is no site's name. ("… - The Northern Echo Example" stayed on the
    title: _segment_cut cuts a tail of two words at most; s52 acc-md M14.)"""
    parts = _TITLE_SEP.split(" ".join(field.split()))
    if len(parts) < 3:
        return None
    last = parts[-1].strip()
    if line is not None and line.strip().casefold() != last.casefold():
        return None
    head = "".join(parts[:-2]).strip()
    holder = None if line is None else (lambda s: s.strip().casefold() == last.casefold())
    return head if title_site(field, head, url, holder) == last else None


def title_site(
    title: str,
    headline: str,
    url: str | None = None,
    holder: Callable[[str], bool] | None = None,
) -> str | None:
    """The site's name in a page's ``title`` beside its ``headline`` (:func:`headline_of`'s
    answer): the title's last segment when the headline is its first ones ("Halvorsen Bio
    Reports Third Quarter 2026 Results | Halvorsen Bio Investors" -> "Halvorsen Bio
    Investors"), its first when the headline is its only other one ("Gregory Szorc's
    Digital Home | Mercurial's Journey ..."); a name (:func:`_name_like`) of at most
    :data:`_TITLE_SITE_WORDS` words, not a section's (:func:`section_label`: "News"; a
    desk's or a pager's, :data:`_NOT_SITE_NAME`: "Opinion", "Page 2 of 3"), that
    names the domain of ``url`` when it has one, not beside a headline that reads as a name
    as long as it (the site's own name beside its section's: "Feuerwehr Oldenburg -
    Ausbildung"; the page's name is shorter: "Bohnenviertel - Stadt Stuttgart"). None when the headline
    is the whole title or no run of its segments (s41 acc-press F17: a page without
    ``og:site_name`` had no site's name). ``holder``: whether the page names a segment as its
    copyright holder ("© Statistisches Landesamt Nordmark 2025"), which vouches for it as
    the site's name whatever its shape or the domain (an official name rarely spells its
    address: a WARC record of such a page had no site name, the same HTML file had; s46
    acc-data D10)."""
    parts = _TITLE_SEP.split(" ".join(title.split()))
    head = " ".join(headline.split())
    if len(parts) < 3 or not head:
        return None
    segs = parts[0::2]
    n = len(segs)
    # (the headline, then the site's name, or a section's name and the site's)
    if any("".join(parts[: 2 * k - 1]).strip() == head for k in (n - 1, n - 2) if k > 0):
        site = segs[-1].strip()
    elif n == 2 and segs[1].strip() == head:
        site = segs[0].strip()
    else:
        return None
    label = _host_label(url)
    if section_label(site) or _NOT_SITE_NAME.fullmatch(site.strip(" .:")) is not None:
        return None  # (a section's name in any script: "… | Economy", "… | 国际")
    if _caseless_name(site, head):
        # (a name in a script without capitals, "… | 新华网", "… | العربية": case tells
        # nothing and it spells no domain; a short segment beside a longer headline is the
        # site's; s45 acc-wire W8)
        return site
    if (
        # (a headline that reads as a name, as long as the segment beside it, is the site's
        # own name, the segment its section's: "Feuerwehr Oldenburg - Ausbildung"; a page's
        # name, "Bohnenviertel - Stadt Stuttgart", is shorter)
        (_name_like(head) and len(head.split()) >= len(site.split()))
        or len(site.split()) > _TITLE_SITE_WORDS
        or not _name_like(site)
        or not any(c.isalpha() for c in site)
        # (a name without Latin letters, "Известия" of iz.ru, spells no domain)
        or (
            label is not None
            and _LATIN_LETTER.search(site)
            and not _names_domain(site, label)
            and not _stems_domain(site, label)
        )
    ):
        # (unless the page's copyright notice names it: see ``holder``. Asked last, a search
        # of the page's markup; no section's name, returned above)
        vouched = (
            holder is not None
            and len(site.split()) <= _TITLE_SITE_WORDS
            and any(c.isalpha() for c in site)
            and _compact(site) != _compact(head)
            and holder(site)
        )
        return site if vouched else None
    return site


#: The fewest letters of a word's start that :func:`_stems_domain` finds in a domain, and
#: the share of the domain the words' starts must cover
_STEM_CHARS, _STEM_COVER = 4, 0.7


def _stems_domain(site: str, label: str) -> bool:
    """Whether the domain ``label`` is spelled by the starts of two words of ``site`` or
    more (each word's longest start of :data:`_STEM_CHARS` letters or more that the label
    holds), which cover :data:`_STEM_COVER` of it: "Office for Regional Statistics" and
    regionalstats ("regional" + "stat"), "Statistisches Landesamt Nordmark" and
    statistiknordmark. An official name rarely spells its address whole (s46 acc-data
    D10: a WARC record had no site name where its HTML file had)."""
    found = 0
    covered = 0
    for w in {_compact(w) for w in site.split()}:
        if len(w) < _STEM_CHARS:
            continue
        n = next((n for n in range(len(w), _STEM_CHARS - 1, -1) if w[:n] in label), 0)
        if n:
            found += 1
            covered += n
    return found >= 2 and covered >= _STEM_COVER * len(label)


#: A Latin letter (of ASCII, or one with its marks: "é")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")


#: The most characters of a site's name written without capitals in a <title> ("日本経済新聞",
#: "وكالة أنباء الإمارات")
_CASELESS_SITE_CHARS = 24


def _caseless_name(site: str, head: str) -> bool:
    """Whether title segment ``site`` beside ``head`` is a site's name in a script without
    capitals (Chinese, Japanese, Korean, Arabic, Hindi, ...): it has letters, none of them
    cased, at most :data:`_CASELESS_SITE_CHARS` characters and :data:`_TITLE_SITE_WORDS`
    words, and the headline is longer than twice its length (a section beside the
    site's name is as long as it: "国际 | 新华网")."""
    letters = [c for c in site if c.isalpha()]
    return (
        bool(letters)
        and not any(c.isupper() or c.islower() for c in letters)
        and len(site) <= _CASELESS_SITE_CHARS
        and len(site.split()) <= _TITLE_SITE_WORDS
        and len(head) > 2 * len(site)
    )


#: What a site's name adds to its domain's label ("BBC News", "Spiegel Online", "CNN.com")
_NAME_ADDS = re.compile(r"(?:the|news|online|com|net|org|co|uk|de|fr|tv|live|world)*")


def _is_domain_name(seg: str, label: str) -> bool:
    """Whether a title's segment ``seg`` is the name of the domain ``label``: the label, or
    the label with words sites add ("BBC News", "Spiegel Online"), or part of the label
    ("Spiegel" of spiegelonline: :func:`_names_domain`). A segment that only holds the label
    is content ("Classical music review | BBC Proms 2024" lost "BBC Proms 2024"; s37
    acc-regress R7)."""
    c = _compact(seg)
    if not _names_domain(seg, label):
        return False
    if label not in c:
        return True  # (the label holds it)
    return all(_NAME_ADDS.fullmatch(rest) for rest in c.split(label, 1))


_NOT_SITE = re.compile(r"(?i)(on|follow|share|reuters)\b")
_NEWSY = re.compile(r"(?i)news|service|press")
_CATEGORY_LINE = re.compile(r"(?i)^(?:kategorie|categories|category|rubrik|section)\s*:\s*(.+)$")
#: (:data:`_TAG_WORDS` grouped by their first letter, which opens each group case-sensitively,
#: once per case variant: see :func:`_by_first_letter`; the stage on a corpus document: -0.8 %
#: instructions)
_TAG_LINE = re.compile(r"(?i)^(?:" + _by_first_letter(_TAG_WORDS) + r")\s*[:：]\s*(.+)$")
_TAG_LINE_ANY = re.compile(r"(?im)^[ \t]*(?:" + _TAG_WORDS + r")\s*[:：]")
#: :data:`_TAG_LINE_ANY` at a line start (``match``)
_TAG_LINE_AT = re.compile(r"(?i)[ \t]*(?:" + _by_first_letter(_TAG_WORDS) + r")\s*[:：]")


@_line_cache(maxsize=4096)
def _tag_value(s: str) -> str | None:
    """The tags of a labelled tag line ("Tags: a, b"), unsplit, or None. Cached: the lines
    with a colon of a site's pages recur ("Photo: Reuters", its tag lines)."""
    m = _TAG_LINE.match(s)
    return m.group(1) if m else None


def _colon_finder(text: str) -> Callable[[int], int]:
    """``find(at)``: where the next colon of ``text`` from ``at`` is (-1: none), the
    full-width one of Chinese and Japanese ("标签：") too when the text has one."""
    if "：" not in text:
        return lambda at: text.find(":", at)

    def find(at: int) -> int:
        a, b = text.find(":", at), text.find("：", at)
        return a if b < 0 or 0 <= a < b else b

    return find


def _colon_items(page: Page) -> Iterator[tuple[int, str]]:
    """The page's non-blank lines (:attr:`Page.items`) that hold a colon, in order: found
    by a scan of the text for colons instead of a test per line."""
    text, items, item_lines = page.text, page.items, page.item_lines
    find = _colon_finder(text)
    pos = find(0)
    line, at = 0, 0  # the line number at offset ``at``
    while pos >= 0:
        line += text.count("\n", at, pos)
        yield items[bisect.bisect_left(item_lines, line)]
        end = text.find("\n", pos)
        if end < 0:
            return
        line, at = line + 1, end + 1
        pos = find(at)


#: A tag list's label alone on its line ("Topics", "Themen:", "Mots-clés")
#: the word alone or as a list's of related tags: "Sujets associés", "Related topics",
#: "関連キーワード", "관련 태그", "相關標籤" (s45 acc-wire W7: five languages' labels were none)
_TAG_LABEL_ALONE = re.compile(
    r"(?i)(?:(?:related|関連|관련|相關|相关)\s?)?(?:"
    + _TAG_WORDS
    # (a category list's label: "Categories", "Catégories", "Рубрики" over the article's
    # categories; s46 acc-data D9)
    + r"|categories|category|catégories|categorías|categorie|kategorien|kategorie|"
    r"thématiques|rubriques|рубрики|рубрика"
    + r")(?:\s(?:associés|liés|relacionad[oa]s|correlat[ie]))?\s*[:：]?"
)
#: A menu's heading alone on its line, which ends a run of tags: a wiki's "Category:" /
#: "Marriage candidates" / "Navigation menu" / "Personal tools" went on as tags (s46)
_MENU_HEADING = re.compile(
    r"(?i)(?:navigation(?: menu)?|personal tools|main menu|site menu|menu|menü|hauptmenü|"
    r"menú(?: principal)?|menu principal|navigation principale)\W*"
)
#: A year in a tag ("Local elections 2025", "Выборы 2025", "Renta 2024"): no digit of an
#: address, a price or a phone number (:data:`_NOT_TAG`)
_TAG_YEAR = re.compile(r"(?<!\w)(?:19|20)\d\d(?!\w)")
#: A copyright line's mark or words
_COPYRIGHT_IN_TAG = re.compile(r"(?i)©|\(c\)|copyright|all rights reserved|alle rechte")


def _not_tag(t: str) -> bool:
    """Whether line ``t`` holds what no tag in a labelled run does (:data:`_NOT_TAG`), a
    year aside when words are left that are no date's (a tag with a year was the run's end:
    the data and election pages of s46 acc-data D9 lost their tags); never a copyright
    line's ("© 2024 Daily Gazette" and the footer after it went on as tags: midrev M6), with
    a year or without ("© มติชนออนไลน์ สงวนลิขสิทธิ์" was a tag: s50 acc-scripts N11)."""
    if _COPYRIGHT_IN_TAG.search(t) is not None:
        return True
    if _NOT_TAG.search(t) is None:
        return False
    rest = _TAG_YEAR.sub(" ", t)
    return (
        rest == t
        or _NOT_TAG.search(rest) is not None
        or not any(w.isalpha() and w.lower() not in MONTHS for w in rest.split())
    )


def _labelled_tag_run(
    items: list[tuple[int, str]], last_para: int
) -> tuple[list[str], list[int]] | None:
    """The tags a label alone on its line gives one a line after the article ("Topics" /
    "Cycling" / "Transport" / "Children", then the share bar): two or more short lines
    (:data:`_TAG_WORDS_MAX` words, no sentence end, no digit, address or label: see
    :data:`_NOT_TAG`), up to a line with a furniture word, another list's label or a wider
    gap than the label's; at most :data:`_TAG_RUN_MAX` (a longer run is the site's menu or
    tag cloud: none); with the lines of the label and the tags.
    Only a labelled line ("Topics: Cycling, Transport") was read (s36 acc-types #13). The
    label stands at most :data:`_TAG_RUN_AFTER` lines under the last paragraph: further down,
    a "Themen" or "Topics" label heads the site's menu (dev text pages: 14 of 16 runs within
    two lines were the article's tags, 3 of 40 beyond them). A label with its colon
    ("Topics:", "Sujets:") is a list's, not a menu's heading: it stands up to
    :data:`_TAG_RUN_COLON_AFTER` lines under it, below a gallery's captions, a review's fact
    box or a live blog's last entries (s44 acc-genres G9: dev text pages, 4 of 4 such labels
    beyond two lines headed the article's tags)."""
    after = 0
    for k, (i, s) in enumerate(items):
        if i <= last_para:
            continue
        if len(s) <= 40 and share_name(s):
            # (a share bar written a button a line between the article and its tags is not
            # counted: its six lines put "Themen" out of reach; s45 acc-wire W7)
            continue
        after += 1
        if after > _TAG_RUN_COLON_AFTER + 1:
            return None
        if len(s) > 40 or _TAG_LABEL_ALONE.fullmatch(s) is None:
            continue
        if after > _TAG_RUN_AFTER + 1 and s[-1] not in ":：":
            continue
        tags: list[str] = []
        lines = [i]
        # (whether the run ends where a tag list does: at the share bar, the page's end)
        closed = True
        for j, t in items[k + 1 : k + 1 + _TAG_RUN_MAX + 1]:
            words = t.split()
            if (
                len(words) > _TAG_WORDS_MAX
                or _SENT_END.search(t)
                # (a Chinese or Japanese sentence, one "word" to split(): a newsletter's
                # "ニュースレターに登録すると、毎朝主要ニュースをお届けします。" went on as tags)
                or t.rstrip(_CLOSERS)[-1:] in _ENDERS
                or "、" in t
                or _not_tag(t)
                # (another list's label: "Places in this Story" went on as tags; s37
                # acc-regress R1)
                or _OTHER_LIST.search(t)
                or _MENU_HEADING.fullmatch(t)
                or _TAG_LABEL_ALONE.fullmatch(t)
                # (the list ends where its lines stand further apart than its label and
                # first line: the site's menu after a blank line; s37 acc-read F10)
                or (len(lines) > 1 and j - lines[-1] > lines[1] - i)
            ):
                closed = False
                break
            if _FURNITURE.match(t) or _BUTTON.search(t):
                # (a button: "Share on Facebook", "Seite drucken", "Teilen auf"; ibid.)
                break
            tags.append(t)
            lines.append(j)
        # (one tag is a list's when the share bar or the page's end closes it: "Schlagworte"
        # / "Italien" / "Seite drucken" gave no tag once the bar no longer went on as tags;
        # s38 acc-regress R1. Before a paragraph or another label one short line may be a
        # heading's, not under a label with its colon: "Topics:" / "Obituaries" over the
        # newsletter's sentence, s44 acc-genres G9. A longer run is a menu or a tag cloud)
        if (2 if not closed and s[-1] not in ":：" else 1) <= len(tags) <= _TAG_RUN_MAX:
            return split_tags(", ".join(tags)), lines
    return None


#: A paper's keywords label alone on its line ("Keywords", "Key words:", "Schlüsselwörter",
#: "Mots-clés", "Palabras clave", "Ключевые слова", "キーワード"): unlike "Topics" or
#: "Themen", never a menu's heading, so read wherever it stands (a journal's keywords sit
#: under the abstract, above the paper's body)
_KEYWORD_WORDS = (
    r"keywords?|key\s+words|index\s+terms|subjects|schlüsselwörter|schlagwörter|"
    r"mots[- ]clés|palabras\s+clave|parole\s+chiave|palavras[- ]chave|trefwoorden|"
    r"nyckelord|słowa\s+kluczowe|klíčová\s+slova|ключевые\s+слова|ключові\s+слова|"
    r"anahtar\s+kelimeler|avainsanat|キーワード|关键词|關鍵詞|키워드"
)
_KEYWORD_LABEL_ALONE = re.compile(r"(?i)(?:" + _KEYWORD_WORDS + r")\s*[:：]?")


def keyword_block(items: Sequence[tuple[int, str]]) -> tuple[list[str], list[int]] | None:
    """The tags under a keywords label alone on its line (:data:`_KEYWORD_LABEL_ALONE`), on
    the one line after it, parted by ";", ",", "·" or "|" ("Keywords" / "Urban heat
    island; Heatwaves; Climate adaptation", "Schlüsselwörter" / "Bürgerräte · Deliberation
    · Demokratie"): (the tags, the two lines), else None. Two tags or more, each a tag's
    length (:func:`_tag_items`), no sentence. A journal page's keywords in a text rendering
    gave no tags: the label and its values on two lines, above the paper's body (s47
    acc-gov G10). Not between two paragraphs: a how-to's example of keywords ("Keywords" /
    "bike repair, puncture, brake pads") stands inside its text (s48 read48 F14); a paper's
    keywords stand under its abstract over its body's heading, or at its end, and a blog's
    tags over its post under the byline (s48 sesscmp: a blog lost its "Schlagwörter")."""
    for k, (i, s) in enumerate(items[:-1]):
        if len(s) > 30 or _KEYWORD_LABEL_ALONE.fullmatch(s) is None:
            continue
        j, t = items[k + 1]
        if _SENT_END.search(t) or _TAG_SEP_ANY.search(t) is None or _not_tag(t):
            continue
        if k and k + 2 < len(items) and _is_para(items[k - 1][1]) and _is_para(items[k + 2][1]):
            continue  # (between two paragraphs of the text: an example in it)
        tags = _value_tags(t)
        if len(tags) >= 2 and all(len(x.split()) <= _TAG_WORDS_MAX for x in tags):
            return tags, [i, j]
    return None


_BUTTON_WORD = (
    r"(?:share|teilen|drucken|print|tweet|e-?mail|kommentar(?:e|en)?|comments?|"
    r"hinzufügen|partager|imprimer|commentaires?|compartir|imprimir|comentarios?|condividi|"
    r"stampa|commenti|delen|afdrukken|reacties|subscribe|abonnieren|newsletter)"
)
#: A button: a line after a tag list that is the share bar's or the comments'. Its word
#: is the line, or leads it before a count, a platform or an object ("Comments (3)",
#: "Share on Facebook", "Print this page"), or ends it (the verb last: "Seite drucken",
#: "Neuen Kommentar hinzufügen"); a tag that holds the word, "Email security" or "Share
#: prices", is no button (s38 acc-read F12: the run ended there and lost its tags)
_BUTTON = re.compile(
    rf"(?i)^\W*{_BUTTON_WORD}(?:\W*\d*\W*|\s+(?:on|via|auf|per|sur|par|en|su|op|to|this|"
    rf"it|diese[nrs]?|den|die|das)\b.*)$|\b{_BUTTON_WORD}\W*$"
)
#: The label of another list after a tag list: the site's sections, a box of related links,
#: an agency's "Places in this Story"
_OTHER_LIST = re.compile(
    r"(?i)\b(?:in this (?:story|article)|more from|related|sections?|follow us|rubriken|"
    r"ressorts|mehr zum thema|tag ?cloud|tagwolke|"
    # (a related box's label in French, Spanish, Russian, Japanese and Chinese: "関連記事" went
    # on as a tag; s44 acc-genres G9)
    r"(?:à )?lire aussi|voir aussi|te puede interesar|lee también|ver también|leer más|"
    r"читайте также|по теме|関連記事|関連ニュース|相关阅读|相关新闻|相關新聞|"
    r"(?:articoli|notizie) correlat[ie]|relacionad[oa]s|weitere artikel|ähnliche artikel|"
    # (the boilerplate stage's "read also" labels, and a related box's heading in more
    # languages: "More on this story", "Leggi anche", "Lees ook", "Veja também", "İlgili
    # Haberler", "Berita Terkait", "관련 기사" went on as tags; s45 acc-wire W7)
    + READ_ALSO_LABELS
    + r"|on this story|next article|nächster artikel|article suivant|siguiente artículo|"
    r"articolo successivo|volgend artikel|veja também|ilgili haberler|berita terkait|baca juga|관련\s?기사|"
    r"延伸閱讀|延伸阅读|相關報導|相关报道)\b"
    # (Arabic and Hindi headings end in a mark, where no \b is)
    r"|(?<!\w)(?:اقرأ أيضا|اقرأ أيضاً|ये भी पढ़ें|यह भी पढ़ें)"
)


#: The most lines a labelled run of tags (:func:`_labelled_tag_run`) is read over, and how
#: many lines may stand between the last paragraph and its label
_TAG_RUN_MAX = 15
_TAG_RUN_AFTER = 2
_TAG_RUN_COLON_AFTER = 15


def labelled_tags(
    items: Iterable[tuple[int, str]], title_line: int | None = None
) -> tuple[list[str], int] | None:
    """The tags of the first labelled tag line ("Tags: a, b", "Schlagworte: ...") among
    ``items`` (line number, stripped line: a page's lines with a colon) and its line's
    number, or None: a plain text's, and an HTML page's extracted text's when its markup
    names no tags (the same lines read the same way on both paths). ``title_line``: the
    headline's line, which is no tag line (a forum's "Topic: How do I ..." gave the tags
    "How do", "I get my printer ..."; a tag list is never the title, _never_title), nor a
    line whose items are no tags (:func:`_tag_items`)."""
    for i, s in items:
        value = _tag_value(s)
        if value is None or i == title_line:
            continue
        if _ONE_LABEL.match(s) and not _TAG_SEP_ANY.search(value):
            # (a "Label:" of one value is a fact box's: a music review's record label, "Label:
            # House of Clio (Sony Music)", read as the tags "House of", "Clio (Sony", "Music)";
            # a blog's "Label: Berita, Politik" lists its tags)
            continue
        tags = _value_tags(value)
        if not _tag_items(tags):
            continue  # (a sentence of the story under a label: s40 acc-read F5)
        return tags, i
    return None


#: A blog platform's label of its post's labels or categories, a comma list after it:
#: Blogger's "Labels:" / "Marcadores:" / "Etichette:", WordPress's "Categories:" /
#: "Catégories :" / "Categorieën:" / "Kategorien:" / "Posted in" (the label's singular
#: "Label:" heads a record's label, one fact: not here)
_BLOG_TAG_LINE = re.compile(
    r"(?i)\s*(?:(?:labels|marcadores|etichette|categories|catégories|categorías|categorias|"
    r"categorie|categorieën|kategorien|kategorie|kategorii|kategorier|rubriques)\s*[:：]"
    # (WordPress writes "Posted in Cameras, Reviews" without a colon; s52 acc-read F5)
    r"|(?:posted\s+in|filed\s+in|abgelegt\s+unter|classé\s+dans|archivado\s+en|archiviato\s+in)"
    r"\s*[:：]?)\s*(?P<value>\S.*)$"
)
#: The start of :data:`_BLOG_TAG_LINE`'s labels written without a colon
_POSTED_IN = re.compile(
    r"(?i)(?:posted|filed)\s+in\s|abgelegt\s+unter\s|classé\s+dans\s"
    r"|archivado\s+en\s|archiviato\s+in\s"
)


#: What a blog label line's value does not hold: a second label ("Posted in A, B Tags: C"),
#: a comment count or a comment notice glued on ("trnd-Projekte12 Kommentare", "Kommentare
#: deaktiviert"): the line of a WordPress theme that joins its meta fields
_BLOG_TAG_VALUE_NOT = re.compile(
    r"(?i)[:：]|\d\s*(?:kommentare?|comments?|commentaires?|comentarios?|réponses?)\b"
    r"|kommentare\s+deaktiviert|comments\s+off"
)
#: A WordPress theme's comment link after the categories, past a bar ("Abgelegt unter A, B
#: | Hinterlasse einen Kommentar", "Posted in A | Leave a comment": read without a colon,
#: the link was a tag; s52 acc-read F5)
_COMMENT_LINK_TAIL = re.compile(
    r"(?i)\s*\|\s*(?:hinterlasse\s+einen\s+kommentar|leave\s+a\s+(?:comment|reply)"
    r"|laisser\s+un\s+commentaire|deja\s+un\s+comentario|lascia\s+un\s+commento"
    r"|plaats\s+een\s+reactie|deixe\s+um\s+comentário)\s*$"
)
#: :data:`_BLOG_TAG_LINE`'s labels of tags (the others label categories)
_BLOG_LABELS = re.compile(r"(?i)\s*(?:labels|marcadores|etichette)\s*[:：]")


#: lynx's number of a link before a tag's text (no tag of its own in brackets: "[2020] [Harbour]")
_TAG_LINK_MARK = re.compile(r"\[\d{1,4}\](?=[^\s\[\],;])")


def blog_tag_line(
    items: Iterable[tuple[int, str]], title_line: int | None = None
) -> tuple[list[str], int] | None:
    """The items of the first blog label or category line (:data:`_BLOG_TAG_LINE`) under
    the headline ``title_line`` among ``items`` (line number, stripped line: the lines with
    a colon), and its line; None if there is none. Its items are tags
    (:func:`_tag_items`: no sentence under a label). Blogger's "Labels: darkroom, film" and
    WordPress's "Categories: Seeds, Tomatoes" gave the text forms no tags where the HTML
    path read them (s51 acc-blogs B17)."""
    for i, s in items:
        if title_line is not None and i <= title_line:
            continue
        if (m := _BLOG_TAG_LINE.match(s)) is None:
            continue
        value = _COMMENT_LINK_TAIL.sub("", m["value"])
        if _BLOG_TAG_VALUE_NOT.search(value):
            continue
        # (lynx's numbers of the tags' links off: "Labels: [12]Jam Hsiao Jing Teng,
        # [13]Mandarin" gave "[12]Jam Hsiao Jing Teng"; s52 regress R7)
        tags = _value_tags(_TAG_LINK_MARK.sub("", value))
        if tags and _tag_items(tags):
            return tags, i
    return None


#: A tag line's label that also heads one fact: "Label: Warp Records"
_ONE_LABEL = re.compile(r"(?i)label\s*[:：]")


def _has_tag_line(page: Page) -> bool:
    """``_TAG_LINE_ANY.search(page.text)`` is not None, faster: every match ends with a
    colon, so only the lines with one (:meth:`Page.colon_items`, which the tag and category
    steps read too) are tried (a case-insensitive pattern that starts with a line anchor is
    tried at every position of the text: ~30 us on a 5 KB page)."""
    for i, s in page.colon_items():
        if s[0] in ":：":
            # (nothing before the line's first colon: the word may stand on a line above,
            # "\s*" spanning the line break)
            return _TAG_LINE_ANY.search(page.text) is not None
        # (the line as written: the pattern allows spaces and tabs before the word only)
        if _TAG_LINE_AT.match(page.lines[i]) is not None:
            return True
    return False


_COPYRIGHT_WHO = re.compile(
    r"(?:(?:" + _COPYRIGHT_MARK + r")\s*)+(?P<year>\d{4}(?:\s*[-–]\s*(?:\d{4})?)?[,\s]*)?"
    # (the holder's name ends at a full stop, but not at the stops of one-letter
    # abbreviations: "Mercadia Logística S.L.", "U.S. News", "Verein e.V."; s41 acc-press F22;
    # nor at those of Saint, Mount and Fort before the rest of the name: "The St. Louis
    # Post-Dispatch" was "The St", s42 acc-regress D8)
    r"(?:by\s+)?(?P<who>(?:[^.|]|(?<=\s\w)\.(?=\w\.)|(?<=\.\w)\.|(?-i:(?<=\b[SMF]t)\.(?=\s[A-Z])))"
    r"{2,60})",
    re.I,
)
#: After the holder's name: a year or a range ("proplanta 2006-2022"), or a separator and
#: whatever follows it ("Sportnews - IT00853870210")
_WHO_TAIL = re.compile(r"\s+(?:\d{4}(?:\s*[-–]\s*\d{4})?\b.*|[-–—|/·]\s.*)$")


#: Quotation marks that open and close a name ("«Северная газета»", "„Die Glocke“")
_OPEN_QUOTES, _CLOSE_QUOTES = "«»„“\"‘'", "»«“”\"’'"


@lru_cache(maxsize=4096)
def _copyright_who(s: str) -> tuple[bool, str | None]:
    """Whether line ``s`` holds a copyright notice, and the publisher it names (None if
    none). Cached for short lines: a site's copyright line recurs on its pages. The circled
    letters of :data:`_COPYRIGHT_SIGNS` are read as "©" (:data:`_AS_SIGN`): in the searched
    pattern, a class of the three signs cost ~20 µs a corpus page (its literal start was
    lost), where the anchored :data:`_NOTICE_START` takes the class at no cost."""
    if "ⓒ" in s or "Ⓒ" in s:
        s = s.translate(_AS_SIGN)
    m = _COPYRIGHT_WHO.search(s)
    if m and m.start() and s[m.start()].isalpha() and not m["year"] and m["who"][:1].islower():
        # the word in a sentence, a noun ("To show a copyright sign in HTML, write ..."):
        # a notice names its holder or its year after it (s37 acc-regress O10: the
        # sentence's words were the publisher); a notice may follow on the line
        m = _COPYRIGHT_WHO.search(s, m.start("who"))
    if not m:
        return False, None
    who = _COMPANY_TAIL.sub("", m.group("who")).strip(" .,")
    rest = _RIGHTS.sub(_rights_sub, who)
    if rest != who and rest[:1] in "-–—|/·":
        # ("©Todos los derechos reservados - 2022 Políticas …": the notice names no holder)
        return True, None
    # (and a separator left at its end: "© Abendzeitung München · Alle Rechte ...")
    who = _RIGHTS_TAIL.sub("", _WHO_TAIL.sub("", rest)).strip(" .,-–—·|")
    if len(who) > 2 and who[0] in _OPEN_QUOTES and who[-1] in _CLOSE_QUOTES:
        # (a name in its quotation marks, "© 2025 «Северная газета»": the name without them,
        # as the page's <title> writes it)
        who = who[1:-1].strip()
    # (a holder is a name: not a sign alone, "© ℗ 2012-2021")
    named = who and not _RIGHTS.match(who) and any(c.isalnum() for c in who)
    return True, who if named else None


#: A company's legal form after its name, and whatever follows it: a word ("GmbH", "Inc.") or
#: one-letter abbreviations ("S.L.", "S.A. de C.V.", "e.V.", "B.V.", "A.Ş.", "a.s.") after a
#: word of four letters or more, or of three and its comma: initials after a short first
#: word are the name's ("The A.V. Club", "The L.A. Times"; review41 R6). Such a form ends
#: the name (the notice's end, a mark, a year, its rights' words, or another notice glued
#: to it: "Borgis a.s.Copyright © 2019 …"): initials before more of the name are a place's
#: or a person's ("Washington D.C. Tourism Board", "Robert J.R. Martin" were "Washington",
#: "Robert"; s42 acc-read F16)
_COMPANY_TAIL = re.compile(
    r"(?:\s+(?:GmbH|Inc|Ltd|LLC|AG|SA|Limited|Corp)\b|(?:(?<=\w{4})|(?<=\w{3},))\s+\w\.(?:\w\.)++"
    r"(?:\s+de\s+\w\.(?:\w\.)++)?(?=\S|\s*(?:$|[^\w\s]|\d)|\s+(?i:" + _RIGHTS_WORDS + r"))).*$"
)
#: :data:`_RIGHTS_WORDS` before the holder's name ("כל הזכויות שמורות לחדשות הצפון": "...
#: reserved to", its "ל" on the name); Arabic's "ل" before the article "ال" drops its alef
#: ("للشركة", to the company): ``al`` is set, and the name is "ا" and what follows
#: (:func:`_rights_sub`; it was "لشركة", s40 acc-read F20)
_RIGHTS = re.compile(r"(?i)^(?:" + _RIGHTS_WORDS + r")(?:\s*ל-?|\s*(?P<al>ل)(?=ل)|\s*لـ?)?\.?\s*")


def _rights_sub(m: re.Match[str]) -> str:
    """What :data:`_RIGHTS` leaves of its match: the alef of the holder's "ال", if any."""
    return "ا" if m["al"] else ""


def _named_holder(who: str, others: list[str]) -> str:
    """The holder ``who`` of an Arabic notice's "لل" ("محفوظة للشركة الوطنية"), read as "ل"
    + "ال" (:func:`_rights_sub`), as the page's ``others`` lines write it: "لل" is also "ل"
    on a name that starts with "ل" ("للبنان اليوم", to Lebanon Today, was "البنان اليوم",
    no word; s41 acc-regress R12), which the letters cannot tell apart. A name the page
    writes without the article, and never with it, is that; else the article's."""
    bare = "ل" + who[2:]
    if any(who in t for t in others):
        return who
    written = re.compile(r"(?<!\w)" + re.escape(bare))
    return bare if any(bare in t and written.search(t) for t in others) else who


#: The same after the holder's name ("寶島日報 版權所有", "日本中央新聞社 All rights reserved"),
#: or a Chinese site's licence numbers ("华夏日报社 京ICP备12345678号", "京公网安备 …")
_RIGHTS_TAIL = re.compile(
    r"(?i)\s+(?:(?:" + _RIGHTS_WORDS + r")\.?|[\u4e00-\u9fff]{0,2}ICP[备備证證].*|"
    r"[\u4e00-\u9fff]{1,2}公网安备.*)$"
)


def _indices(values: list[str], wanted: set[str]) -> list[int]:
    """The indices of the items of ``values`` in ``wanted``, in order (list.index in C
    instead of a comparison per item in Python)."""
    out: list[int] = []
    for w in wanted:
        k = -1
        try:
            while True:
                k = values.index(w, k + 1)
                out.append(k)
        except ValueError:
            pass
    return sorted(out)


def title_text(text: str) -> str | None:
    """The title as :func:`extract` gives it (``title_eval.py`` entry point)."""
    title: str | None = extract(text)["title"]
    return title


def date_text(text: str) -> str | None:
    """The publication day as :func:`extract` gives it (``date_eval.py`` entry point)."""
    published: str | None = extract(text)["published"]
    return published[:10] if published else None
