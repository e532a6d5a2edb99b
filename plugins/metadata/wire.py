"""Wire-agency credits and wire bylines of news pages (s32 news-types acceptance, #9, #10).

A news agency is no person: "LISA MASCARO Associated Press" is one author and the agency,
"From The Associated Press", "Associated Press", "Reuters", "Von dpa", "AFP" alone name no
author, "AP Business Writer" is a role. The agencies a page credits (its byline, a credit
line under the headline, a dateline "WASHINGTON (AP) —") are recorded in
``annotations.metadata.agencies``: an archive needs them for rights and attribution, and to
group syndicated copies. All-capital names (AP's house style, "KEVIN FREKING") are given in
name case.
"""

from __future__ import annotations

from collections.abc import Iterable

from corearchive import lazyre as re

#: Agencies by the names bylines give them (lowercased), and the name recorded
_LONG = {
    "associated press": "AP",
    "the associated press": "AP",
    "reuters": "Reuters",
    "thomson reuters": "Reuters",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "deutsche presse-agentur": "dpa",
    "bloomberg news": "Bloomberg",
    "press association": "PA",
    "pa media": "PA",
    "united press international": "UPI",
    "canadian press": "Canadian Press",
    "the canadian press": "Canadian Press",
    "australian associated press": "AAP",
    "kyodo": "Kyodo",
    "kyodo news": "Kyodo",
    "yonhap": "Yonhap",
    "xinhua": "Xinhua",
    # (the East Asian agencies by their own names: a Japanese wire story's byline "共同通信"
    # was its author; s44 acc-genres G15)
    "共同通信": "Kyodo",
    "共同通信社": "Kyodo",
    "jiji press": "Jiji",
    "時事通信": "Jiji",
    "時事通信社": "Jiji",
    "新华社": "Xinhua",
    "新華社": "Xinhua",
    "연합뉴스": "Yonhap",
    "中央社": "CNA",
    "中央通訊社": "CNA",
    "anadolu agency": "Anadolu",
    "europa press": "Europa Press",
    "agenzia nova": "Agenzia Nova",
    "keystone-sda": "SDA",
    "ria novosti": "RIA Novosti",
    "press trust of india": "PTI",
    # the press-release wires: a release's dateline names them as an agency's ("NEW YORK,
    # Nov. 3, 2026 /PRNewswire/ --", "--(BUSINESS WIRE)--", "(GLOBE NEWSWIRE) --"), a dump
    # gives them as its author (s41 acc-press F21, F22)
    "pr newswire": "PR Newswire",
    "prnewswire": "PR Newswire",
    "business wire": "Business Wire",
    "businesswire": "Business Wire",
    "globe newswire": "GlobeNewswire",
    "globenewswire": "GlobeNewswire",
    "news aktuell": "news aktuell",
    "apa-ots": "APA-OTS",
    # (the agencies of more languages by their own names: "/ТАСС/", "— РИА Новости.",
    # "/ وام/", "(भाषा)", "来源：中新社" credited none; s45 acc-wire W3)
    "тасс": "TASS",
    "итар-тасс": "TASS",
    "риа новости": "RIA Novosti",
    "интерфакс": "Interfax",
    "interfax": "Interfax",
    "anadolu ajansı": "Anadolu",
    "anadolu": "Anadolu",
    "وام": "WAM",
    "وكالة أنباء الإمارات": "WAM",
    "भाषा": "PTI-Bhasha",
    "antara news": "ANTARA",
    "bernama": "Bernama",
    "中新社": "China News Service",
    "中央通讯社": "CNA",
    "新华通讯社": "Xinhua",
    "新華通訊社": "Xinhua",
}
#: Short names, read as written only (in capitals, or dpa's and epd's lower case): "Ap",
#: "Ani" and "Pa" are words and names
_SHORT = {
    "AP": "AP",
    "AFP": "AFP",
    "dpa": "dpa",
    "DPA": "dpa",
    "APA": "APA",
    "SDA": "SDA",
    "ANSA": "ANSA",
    "EFE": "EFE",
    "KNA": "KNA",
    "epd": "epd",
    "UPI": "UPI",
    "TASS": "TASS",
    "PTI": "PTI",
    "IANS": "IANS",
    "ANI": "ANI",
    "AAP": "AAP",
    "ANP": "ANP",
    "PA": "PA",
    # (the releases APA's Originaltext-Service sends: "Wien (OTS) - ...")
    "OTS": "APA-OTS",
    # (Anadolu's, ANTARA's, WAM's, PAP's and Yonhap's short names; s45 acc-wire W3)
    "AA": "Anadolu",
    "ANTARA": "ANTARA",
    "Antara": "ANTARA",
    "WAM": "WAM",
    "PAP": "PAP",
}
#: news aktuell's Originaltext-Service, by the mark of its releases' datelines only
#: ("Lindenau (ots) - ..."): as a word, "ots" is no name a credit gives, and a gate that
#: looked for it passed the many texts that hold "lots", "robots"
_OTS = {"ots": "news aktuell"}
#: Names that are an agency only when they stand alone ("Bloomberg": a surname too)
_ALONE_ONLY = {"bloomberg": "Bloomberg"}


def alternation(names: Iterable[str]) -> str:
    """The literal ``names`` as a pattern's alternatives, the longest first (a name that
    starts another is tried after it: "AP" after "APA", "그제" after "그저께")."""
    return "|".join(map(re.escape, sorted(names, key=len, reverse=True)))


_AGENCY = r"(?:(?i:" + alternation(_LONG) + r")|(?-i:" + alternation(_SHORT) + r"))(?![\w-])"
#: The words before an agency's name in a credit ("By", "From", "Von", "Quelle:", "avec")
_CREDIT_WORD = (
    r"(?i:by|from|von|vom|via|par|por|de|di|da|door|source|sources|quelle|fuente|fonte|bron|"
    r"with|mit|avec|con|com|met|"
    # (a newsroom's: "Redazione ANSA", "Redacción EFE"; s45 acc-wire W4)
    r"redazione|redacción|redação|rédaction|redaktion)"
)
#: A source label of Chinese and Japanese pages before an agency's name, its colon
#: full-width or not and no space after it ("来源：新华社", "出典：共同通信"; s45 acc-wire W3)
_CJK_CREDIT_WORD = r"(?:来源|來源|稿源|出典|出处|出處|消息来源)\s*[:：]\s*"
#: The words of a picture's credit after an agency's name ("AFP Photo", "Reuters Graphics",
#: "AP Images", "EFE Foto")
_PICTURE_WORD = (
    r"(?i:photos?|fotos?|images?|pictures?|pics?|graphics?|grafik|bild|video|illustration)"
)
#: A credit that is an agency alone: "Associated Press", "From The Associated Press",
#: "Von dpa", "Quelle: dpa", "AFP", "Reuters staff", "AP/Reuters"
_CREDIT = re.compile(
    r"^(?:" + _CREDIT_WORD + r"\s*:?\s+|" + _CJK_CREDIT_WORD + r")?(?:(?i:the)\s+)?"
    r"(?P<a>" + _AGENCY + r")"
    r"(?:\s*(?:/|,|and|und|et|y)\s*(?:(?i:the)\s+)?(?P<b>" + _AGENCY + r"))?"
    r"(?:\s+(?i:news|newswire|wire|staff|reporters?|agency)"
    # (or the desk's city, a capitalised word: "EUROPA PRESS Madrid", "AFP Paris"; s45
    # acc-wire W4. Not a picture's word, "AFP Photo", "Reuters Graphics": a picture's
    # credit is not the story's; s46 acc-read F3. After a two-letter name it may be a
    # person's initials and surname: :func:`credit`)
    r"|\s+(?!" + _PICTURE_WORD + r"\b)(?P<city>(?-i:[A-ZÀ-Ý][a-zà-ÿ]+)))?\s*\.?$"
)
#: A name with an agency after it: "LISA MASCARO Associated Press", "Jane Doe, Reuters",
#: "Le Quotidien avec AFP", and "Hillel ItalieThe Associated Press", a text rendering that
#: lost the break between the name and the agency: a capital "The" glued to a lowercase
#: letter starts the agency, not the name's end
_TRAILING = re.compile(
    r"^(?P<n>.+?)(?:(?<=[a-z])(?-i:The)\s+|\s*[,;/]?\s+(?:(?i:of|for|avec|with|mit|con)\s+)?"
    r"(?:(?i:the)\s+)?)(?P<a>" + _AGENCY + r")\s*\.?$"
)
#: A wire role in place of a name: "AP Business Writer", "Associated Press Writer",
#: "Reuters Correspondent", "Chief Economics Correspondent". After an agency's name any
#: desk of up to three capitalised words is one ("AP National Security Writer", "AP Global
#: Health Writer": the desks are many, and the agency says it is a role); without one, only
#: the known desks (``desk``: "Senior Writer", not "Jane Writer")
_ROLE = re.compile(
    r"^(?:(?P<a>" + _AGENCY + r")\s+(?:[^\W\d_][\w&'-]*\s+){0,3}|(?P<desk>(?:(?i:chief|senior|"
    r"staff|business|sports?|economics?|science|medical|health|political|politics|technology|"
    r"tech|entertainment|religion|legal|diplomatic|national|international|investigative|"
    r"environment(?:al)?|education|food|travel|auto|energy|markets?|white house|congressional|"
    r"foreign|data|climate|courts?|justice|immigration|military|financial|retail|"
    r"personal finance)\s+){1,3}))?"
    r"(?i:writer|correspondent|reporter|editor|journalist|columnist)s?\.?$"
)
#: A dateline's place before its agency's parenthesis: "BERLIN (", "Lindenau ("
_PLACE_OPEN = r"^\s*(?:[^\W\d_][^()\n]{0,40}?\s*)?\("
#: A dateline naming the agency: "WASHINGTON (AP) —", "Berlin (dpa) -", "(Reuters) -" (a
#: line that opens with one is a story's lead, never its headline: :func:`.text._never_title`)
DATELINE = re.compile(
    _PLACE_OPEN + r"(?P<a>" + _AGENCY + r")(?:\s*/\s*(?P<b>" + _AGENCY + r"))?\)\s*[-–—:]"
)
#: More datelines of wire copy (s45 acc-wire W3): a place (and a date) before the agency's
#: parenthesis, ASCII or full-width, and the story right after it without a dash ("NEW
#: DELHI, Mar 3 (PTI) The Supreme Court", "नयी दिल्ली, तीन मार्च (भाषा) ..."); Yonhap's
#: "(서울=연합뉴스)"; the agency between slashes after the place and date ("МОСКВА, 5
#: марта. /ТАСС/.", "دبي في 12 مارس/ وام/") or after a dash ending the dateline ("МОСКВА, 3
#: мар — РИА Новости."); a Chinese agency's "新华社北京3月5日电" and "（中央社記者陳家豪台北3日電）"
_MORE_DATELINES = (
    re.compile(
        # (the place in capitals or before a comma and a date: "The mayor (AP) said" is a
        # sentence; so is "In Singapore, the ruling party (PAP) won": the part after the
        # comma ``d`` must hold a date, :func:`_dated`; s46 acc-read F3)
        r"^\s*(?:[^\W\d_][^()（）\n,]{0,25},(?P<d>[^()（）\n]{1,20}?)|(?-i:[A-Z][A-Z .'/-]{1,25}?))"
        r"\s*[(（](?P<a>" + _AGENCY + r")[)）](?P<b>)\s*(?=\w)"
    ),
    re.compile(r"^\s*[(（][^()（）=\n]{1,20}=\s*(?P<a>" + _AGENCY + r")\s*[)）](?P<b>)"),
    re.compile(r"^\s*[^\W\d_][^/\n]{0,40}?/\s*(?P<a>" + _AGENCY + r")\s*/(?P<b>)"),
    re.compile(r"^\s*[^\W\d_][^\n—–]{0,30}?\s[—–]\s*(?P<a>" + _AGENCY + r")\.(?P<b>)"),
    re.compile(r"^\s*[(（]?(?P<a>新华社|新華社|中新社|中央社)[^\n（）()]{0,24}?[电電](?P<b>)"),
)
#: PR Newswire's dateline mark: "NEW YORK, Nov. 3, 2026 /PRNewswire/ --" (with its
#: services' names after a dash: "/PRNewswire-HISPANIC PR WIRE/")
_SLASH_DATELINE = re.compile(r"/(?P<a>PRNewswire)(?:-[\w ]{1,30})?/(?P<b>)\s*[-–—]")
#: news aktuell's dateline mark: "Lindenau (ots) - ..."
_OTS_DATELINE = re.compile(_PLACE_OPEN + r"(?P<a>ots)\)(?P<b>)\s*[-–—:]")
#: A Japanese wire dateline: the place and the agency's short name in lenticular brackets
#: ("【台北共同】", "【ワシントン時事】"; s44 acc-genres G15)
_CJK_SHORT = {"共同": "Kyodo", "時事": "Jiji", "新華社": "Xinhua", "新华社": "Xinhua"}
_CJK_DATELINE = re.compile(r"\s*【[^】\n]{0,15}?(?P<a>" + alternation(_CJK_SHORT) + r")(?P<b>)】")
#: A line that credits a picture, not the story
_PICTURE = re.compile(
    r"^\s*(?i:photo|photos|foto|fotos|bild|image|images|picture|credit|crédit|illustration|"
    r"video|file|graphic|grafik|©)",
)
#: What separates a byline's parts on its line: "KEVIN FREKING and LISA MASCARO · Associated
#: Press · 3 min read", "17. November 2026 · Quelle: dpa"
_SEGMENTS = re.compile(r"\s+[·•|]\s+|\s+[-–—]\s+")


def agency(name: str) -> str | None:
    """The agency a written name is (:data:`_LONG`, :data:`_SHORT`), else None."""
    s = name.strip()
    return (
        _SHORT.get(s)
        or _LONG.get(s.lower())
        or _ALONE_ONLY.get(s.lower())
        or _OTS.get(s)
        or _CJK_SHORT.get(s)
    )


def credit(s: str, british: bool = False, byline: bool = False) -> list[str]:
    """The agencies of a credit that names no one else ("From The Associated Press", "Von
    dpa", "AFP", "Bloomberg"), else []. On a ``british`` page "AA" is the Automobile
    Association's, not Anadolu's ("Source: AA" under a story on petrol prices). A
    two-letter name and a capitalised word are a person's initials and surname after "By"
    or in a byline's names (``byline``: "By AA Gill", "AP Herbert"), else the agency and its
    desk's city ("AP Washington", "AA Ankara"; s46 acc-read F3, midrev M3)."""
    s = s.strip()
    if (a := _ALONE_ONLY.get(s.lower())) is not None:
        return [a]
    m = _CREDIT.match(s)
    if m is None or (british and "AA" in (m["a"], m["b"])):
        return []
    if m["city"] and len(m["a"]) == 2 and (byline or s[:3].lower() == "by "):
        return []
    return _agencies(m)


def _dateline(line: str) -> re.Match[str] | None:
    """The match of a dateline that names an agency or a press-release wire at ``line``'s
    start (:data:`DATELINE`, PR Newswire's and news aktuell's marks), else None."""
    return (
        DATELINE.match(line)
        or _SLASH_DATELINE.search(line)
        or _OTS_DATELINE.match(line)
        or _CJK_DATELINE.match(line)
        or next((m for rx in _MORE_DATELINES if (m := rx.match(line)) and _dated(m)), None)
    )


def _dated(m: re.Match[str]) -> bool:
    """Whether a dateline's match has a date after its place's comma (group ``d``: a figure
    or a month's name, "Mar 3", "तीन मार्च"), or no such part."""
    d = m.groupdict().get("d")
    if d is None:
        return True
    from .text import MONTHS

    return any(ch.isdigit() for ch in d) or any(w.strip(".").lower() in MONTHS for w in d.split())


def dateline_agencies(line: str) -> list[str]:
    """The agencies a wire dateline at ``line``'s start names ("BERLIN (dpa) -",
    "（中央社記者陳家豪台北3日電）", "新华社北京3月5日电"), [] if it opens with none."""
    m = _wire_dateline(line)
    return [] if m is None else _agencies(m)


def _agencies(m: re.Match[str]) -> list[str]:
    """The agencies a credit's or a dateline's match names (groups ``a`` and ``b``)."""
    return [x for x in (agency(m["a"]), agency(m["b"] or "")) if x]


#: A generation's numeral after a name, in capitals in any case ("John Smith III")
_GENERATIONS = frozenset(("II", "III", "IV", "V", "VI", "VII", "VIII", "IX"))
_VOWELS = frozenset("AEIOUY")


#: What may follow a surname: a generation's title
_AFTER_SURNAME = frozenset(("JR", "SR"))


def _as_written(word: str, first: bool, last: bool) -> bool:
    """Whether ``word`` of an all-capital name stays in capitals: a generation's numeral
    after the name ("III", not "XI" of Xi Jinping), or an acronym before another word of
    the name, a word of three Latin letters or more without a vowel ("BBC NEWS STAFF":
    "NG" is a surname, "JR." a title). The name's ``last`` word (but for a generation's) is
    its surname, in name case: Czech's "Vlk", "Srb", "Krk" have no vowel ("PAVEL VLK" was
    "Pavel VLK"; s34 acc-read #8)."""
    w = word.strip(".,")
    if not first and w in _GENERATIONS:
        return True
    return not last and len(w) >= 3 and w.isascii() and w.isalpha() and _VOWELS.isdisjoint(w)


def name_case(name: str) -> str:
    """An all-capital name in name case ("KEVIN FREKING" -> "Kevin Freking", "DANIEL
    O'BRIEN" -> "Daniel O'Brien", "JEAN-PIERRE MARTIN" -> "Jean-Pierre Martin", "RONALD
    MCDONALD" -> "Ronald McDonald"), a generation's numeral and an acronym in it as written
    ("JOHN SMITH III" -> "John Smith III", "BBC NEWS STAFF" -> "BBC News Staff"); a name of
    one word ("CNN", "ESPN": an outlet's short name more often than a person's, whom a byline
    names by two words) and any other name as it is."""
    letters = [ch for ch in name if ch.isalpha()]
    if len(letters) < 3 or not name.isupper() or len(name.split()) < 2:
        return name
    words = name.split(" ")
    # (the surname: the last word but for a generation's numeral or title after it)
    surname = max(
        (i for i, w in enumerate(words) if w.strip(".,") not in _GENERATIONS | _AFTER_SURNAME),
        default=len(words) - 1,
    )
    out = []
    for i, w in enumerate(words):
        # (a last word without a vowel after two name words is an outlet's acronym, "JANE
        # DOE CNN", no surname: s35 acc-read #18)
        if _as_written(w, i == 0, i == surname and i < 2):
            out.append(w)
            continue
        low = w.lower()
        w = "".join(
            ch.upper() if k == 0 or low[k - 1] in "-'’." else ch for k, ch in enumerate(low)
        )
        if len(w) > 3 and w.startswith("Mc"):
            w = "Mc" + w[2].upper() + w[3:]
        out.append(w)
    return " ".join(out)


def split_authors(authors: list[str]) -> tuple[list[str], list[str]]:
    """``authors`` as people (in name case) and the agencies among or after them: an agency
    alone is no author, an agency after a name leaves it ("LISA MASCARO Associated Press"),
    a wire role is none ("AP Business Writer")."""
    people: list[str] = []
    agencies: list[str] = []
    for a in authors:
        s = " ".join(a.split())
        if found := credit(s, byline=True):
            agencies += found
            continue
        if (m := _ROLE.match(s)) is not None and (m["a"] or m["desk"]):
            if m["a"]:
                agencies.append(agency(m["a"]) or m["a"])
            continue
        m = _TRAILING.match(s)
        if m is not None and len(m["n"].split()) >= 2:
            agencies.append(agency(m["a"]) or m["a"])
            s = m["n"].strip(" ,;/")
        people.append(name_case(s))
    return list(dict.fromkeys(people)), list(dict.fromkeys(agencies))


#: How many non-blank lines after the headline (and before it) a credit is looked for
_REACH_AFTER = 8
_REACH_BEFORE = 2
#: How many lines (blank ones too) around the headline are read at most
_SPAN = 60
#: The longest credit line (words)
_CREDIT_WORDS = 16
#: How much of each line the agencies' names are looked for in first (characters: a
#: credit line of :data:`_CREDIT_WORDS` words, a dateline's start)
_GATE_CHARS = 160


#: Any agency's name on lines (the long names on the lines lowercased, the short ones as
#: written): lines without one credit no agency, and are not read further
_ANY_LONG = re.compile(alternation([*_LONG, *_ALONE_ONLY]))
_ANY_SHORT = re.compile(r"(?<![\w-])(?:" + alternation(_SHORT) + r")(?![\w-])")


def _cover(names: Iterable[str], common: Iterable[str]) -> tuple[str, ...]:
    """Substrings one of which each of ``names`` holds: the first of ``common`` a name
    holds, the others as they are, but those that hold another of them (the fewer, the
    fewer scans of a text for them)."""
    keys = {next((c for c in common if c in n), n) for n in names}
    return tuple(sorted(k for k in keys if not any(o != k and o in k for o in keys)))


#: What :func:`_may_name_agency` looks for in a text lowercased: a text without any of these
#: holds no long name (the names that hold "press" and the press-release wires' that hold
#: "newswire" as those words: 16 scans of the text instead of 33, 19 with "press" alone;
#: s42 closing review); the
#: names are looked for in the text's UTF-8 bytes lowered, read as Latin-1: a name in another
#: script (共同通信) as its bytes so read
_LONG_KEYS = tuple(
    k.encode("utf-8").decode("latin-1")
    for k in _cover(
        [
            *_LONG,
            *_ALONE_ONLY,
            # (a name of another cased script as written: the scan lowers A-Z only, "ТАСС")
            # ("РИА Новости": an acronym's capitals, the other words' first)
            *(
                v
                for k in _LONG
                if not k.isascii()
                for v in (
                    k.upper(),
                    k.title(),
                    k.split()[0].upper() + k[len(k.split()[0]) :].title(),
                )
            ),
        ],
        ("press", "newswire"),
    )
)
#: The ASCII keys of :data:`_LONG_KEYS`, and the others by their first character (a name in
#: another script: the lead byte of its first character, read as Latin-1): a text without a
#: key's first character holds no key that opens with it, so the keys of another script are
#: looked for only when the text has a lead byte of theirs (most texts' non-ASCII bytes are
#: a curly quote's or an accented letter's: nine tests of a character instead of 26 scans
#: for names, each a search of the whole text)
_LONG_ASCII = tuple(k for k in _LONG_KEYS if k.isascii())
_LONG_BY_LEAD = tuple(
    (lead, tuple(k for k in _LONG_KEYS if not k.isascii() and k[0] == lead))
    for lead in sorted({k[0] for k in _LONG_KEYS if not k.isascii()})
)


def _holds_long_key(low: str) -> bool:
    """Whether ``low`` (a text's UTF-8 bytes, A-Z lowered, read as Latin-1) holds one of
    :data:`_LONG_KEYS`."""
    if any(map(low.__contains__, _LONG_ASCII)):
        return True
    return any(lead in low and any(map(low.__contains__, keys)) for lead, keys in _LONG_BY_LEAD)


#: The short names in capitals, which :data:`_ANY_SHORT` matches as words: each is a run of
#: capitals A-Z between other characters
_SHORT_CAPS = frozenset(n.encode("ascii") for n in _SHORT if n.isupper())
#: The others (dpa's and epd's lower case), looked for as substrings
_SHORT_LOWER = tuple(n for n in _SHORT if not n.isupper())
#: A byte to itself for a capital A-Z, to a space for any other: the runs of capitals of a
#: text's UTF-8 bytes as words (:func:`_may_name_agency`)
_CAPITALS = bytes(b if 0x41 <= b <= 0x5A else 0x20 for b in range(256))
#: The characters other than A-Z whose lower case is an ASCII letter ("İ" -> "i̇", the
#: Kelvin sign -> "k"): a text with one is lowercased as :data:`_ANY_LONG` reads it
_LOWER_TO_ASCII = ("\u0130", "\u212a")


def _may_name_agency(text: str) -> bool:
    """Whether ``text`` may name an agency: cheap scans that pass every text
    :data:`_ANY_SHORT` or :data:`_ANY_LONG` (of the text lowercased) matches, and few
    others. They read the text's UTF-8 bytes, where only ASCII characters give ASCII bytes:
    its runs of capitals, split at once (``re`` tried a pattern of the short names at each
    capital of a credit's lines, then a lowercased copy of the lines was searched for the
    long ones: 112 k -> 75 k instructions a corpus document, which nearly always names
    none)."""
    raw = text.encode("utf-8", "surrogatepass")
    if not _SHORT_CAPS.isdisjoint(raw.translate(_CAPITALS).split()):
        return True
    if any(map(text.__contains__, _SHORT_LOWER)):
        return True
    # (A-Z lowered only: no other character's lower case is an ASCII letter but those of
    # _LOWER_TO_ASCII; read back a byte a character, where the ASCII names are as in the
    # bytes: a bytes object's ``in`` tries its operand as an integer first, an exception
    # raised and cleared for each)
    if _holds_long_key(raw.lower().decode("latin-1")):
        return True
    return not text.isascii() and any(map(text.__contains__, _LOWER_TO_ASCII))


def _near(lines: list[str], top: int) -> list[str]:
    """The non-blank lines around the headline ``lines[top]``: :data:`_REACH_BEFORE` above
    it, the headline and :data:`_REACH_AFTER` below it."""
    before = [x for x in lines[max(0, top - _SPAN) : max(0, top)] if x and not x.isspace()]
    after = []
    for x in lines[max(0, top) : top + _SPAN]:
        if x and not x.isspace():
            after.append(x)
            if len(after) > _REACH_AFTER:
                break
    return before[-_REACH_BEFORE:] + after


#: The places of the UK and Ireland whose datelines PA Media's reporters write before its
#: credit ("By Jane Doe, London, PA"): the nations, their capitals and largest cities, and
#: the seats of their parliaments (lowercased); those that Pennsylvania has a place of the
#: same name of are :data:`_PA_SHARED_PLACES`
_PA_MEDIA_PLACES = frozenset((
    "uk", "britain", "great britain", "england", "scotland", "wales", "northern ireland",
    "ireland", "london", "westminster", "whitehall", "holyrood", "stormont", "edinburgh",
    "aberdeen", "dundee", "inverness", "cardiff", "swansea", "belfast", "londonderry", "cork",
    "leeds", "newcastle", "nottingham", "leicester", "portsmouth", "hull", "stoke",
    "sunderland", "middlesbrough", "bournemouth",
))  # fmt: skip
#: British and Irish places whose names Pennsylvania's towns and townships share (Bradford,
#: home of The Bradford Era; Plymouth, Bristol, Dublin ...): "PA" after one is PA Media's
#: only on a British or Irish page (its address's domain), else the state's (s35 acc-read
#: #15: "By Jane Doe, Bradford, PA" credited a local story to the agency)
_PA_SHARED_PLACES = frozenset((
    "glasgow", "newport", "derry", "dublin", "manchester", "birmingham", "liverpool",
    "sheffield", "bristol", "southampton", "plymouth", "brighton", "norwich", "oxford",
    "cambridge", "exeter", "bradford", "coventry", "preston",
))  # fmt: skip


def _without_state(byline: str, british: bool = False) -> str:
    """A byline's text after its byline word without the code of a place's state at its end
    ("Jane Doe, Pittsburgh, PA" -> "Jane Doe, Pittsburgh"): two letters after a place are a
    state's (Pennsylvania, Andhra Pradesh's "AP"), not the agency PA or AP, which follow the
    names ("Jane Doe, PA", "Jane Doe, John Roe, AP"; :func:`~.text._person_like`). But "PA"
    after a British or Irish place is PA Media's credit after its reporter's dateline
    ("Jane Doe, London, PA": s34 acc-regress R11), no state being so coded there; after a
    place Pennsylvania shares its name with, only on a ``british`` page."""
    from .text import _person_like

    parts = byline.rsplit(",", 2)
    if (
        len(parts) == 3
        and len(code := parts[2].strip(" .")) == 2
        and not _person_like(parts[1])
        and not (
            code == "PA"
            and (
                (place := parts[1].strip().lower()) in _PA_MEDIA_PLACES
                or (british and place in _PA_SHARED_PLACES)
            )
        )
    ):
        return ",".join(parts[:2])
    return byline


#: hiragana: a heading's words ("今日の", "中学生の"), never a wire dateline's place
_HIRAGANA = re.compile(r"[\u3040-\u309f]")


def _wire_dateline(line: str) -> re.Match[str] | None:
    """:func:`_dateline` of ``line``, but a Japanese bracket's only when it is alone on its
    line or opens a sentence of the body (a "。" after it), and its place has no hiragana:
    "【今日の時事】円安が進む" ("today's current affairs", a headline) credited Jiji (s45
    read F12) and was refused as a title (closing review meta L1)."""
    m = _dateline(line)
    if (
        m is not None
        and m.re is _CJK_DATELINE
        and (
            _HIRAGANA.search(line, 0, m.start("a"))
            or ((rest := line[m.end() :].strip()) and "。" not in rest)
        )
    ):
        return None
    return m


def credits(
    lines: list[str], top: int, body: Iterable[str] = (), british: bool = False
) -> list[str]:
    """The agencies credited on the short lines around the headline (``lines[top]``): a
    credit alone ("Associated Press", "Von dpa"), a part of a byline's line ("... ·
    Associated Press · 3 min read", "Quelle: dpa"), a byline's last comma part or an agency
    after its names ("By Jane Doe and John Roe, Reuters"), not a two-letter name after a
    place ("By Jane Doe, Pittsburgh, PA": Pennsylvania); a picture's credit is not the
    story's ("Photo: John Roe, ASSOCIATED PRESS"). And the agency of a dateline
    ("WASHINGTON (AP) —") on those lines or the first three lines of the article
    (``body``). ``british``: the page is a British or Irish one (:func:`_without_state`)."""
    near = _near(lines, top)
    starts = [x[:120] for _, x in zip(range(3), body, strict=False)]
    # (the gate reads a line's start only: a credit is a short line, a dateline starts its
    # paragraph; the whole of a long paragraph searched with the agencies' alternations cost
    # ~1 M instructions a document of the corpus)
    joined = "\n".join(
        [x if len(x) <= _GATE_CHARS else x[: _GATE_CHARS // 2] for x in near] + starts
    )
    if (
        "(ots)" not in joined
        and "】" not in joined
        and (
            not _may_name_agency(joined)
            or (_ANY_SHORT.search(joined) is None and _ANY_LONG.search(joined.lower()) is None)
        )
    ):
        return []
    from .text import _BY_WORD

    found: list[str] = []
    for line in near:
        # (a paragraph: only a dateline at its start, "WASHINGTON (AP) —")
        long = len(line) > _GATE_CHARS * 2
        line = " ".join((line[:_GATE_CHARS] if long else line).split())
        if (m := _wire_dateline(line)) is not None:
            found += _agencies(m)
            continue
        if long or not line or len(line.split()) > _CREDIT_WORDS or _PICTURE.match(line):
            continue
        for seg in _SEGMENTS.split(line):
            seg = seg.strip(" ,;")
            if found_here := credit(seg, british):
                found += found_here
                continue
            if _BY_WORD.match(seg):
                # a byline: its agencies after the names ("By A and B, Reuters")
                rest = _without_state(_BY_WORD.sub("", seg), british)
                for part in re.split(r"\s*,\s*|\s+(?:and|und|et|y|e)\s+", rest):
                    if got := credit(part, british, byline=True):
                        found += got
                    elif (m := _TRAILING.match(part)) is not None and len(m["n"].split()) >= 2:
                        found.append(agency(m["a"]) or m["a"])
                    elif (r := _ROLE.match(part)) is not None and r["a"]:
                        found.append(agency(r["a"]) or r["a"])
    for line in starts:
        if (m := _wire_dateline(line)) is not None:
            found += _agencies(m)
            break
    return list(dict.fromkeys(found))


def byline_names(lines: list[str], top: int) -> list[str]:
    """The names of the first byline ("By A and B", "Von A und B") among the lines after
    the headline (``lines[top]``), agencies and roles left out, in name case; [] if none."""
    from .text import _BY_WORD, parse_authors

    for line in _near(lines, top):
        line = line.strip()
        if not _BY_WORD.match(line) or len(line) > 200:
            continue
        line = " ".join(line.split())
        if len(line.split()) > _CREDIT_WORDS:
            continue
        seg = _SEGMENTS.split(line)[0]
        names = parse_authors(_BY_WORD.sub("", seg))
        if names:
            return split_authors(names)[0]
    return []
