"""The ``quality`` stage: published document-quality signals, and a drop for evident junk.

Every document gets its signals (``annotations.quality.signals``) so that a corpus builder
can re-threshold without reprocessing (RedPajama-V2's approach; the word n-gram signals,
three quarters of the stage's cost, where a rule applied reads them or ``ngram_signals``).
The rules and their published thresholds:

* **Gopher** quality and repetition rules, Rae et al. 2021, "Scaling Language Models:
  Methods, Analysis & Insights from Training Gopher" (arXiv:2112.11446), section A.1.1 and
  table A1: 50 to 100,000 words; mean word length 3 to 10; hash or ellipsis to word ratio at
  most 0.1; at most 90 % of lines starting with a bullet, 30 % ending with an ellipsis; at
  least 80 % of words with an alphabetic character; at least two of the English stop words
  "the, be, to, of, and, that, have, with"; duplicate lines at most 30 % of the lines and
  20 % of the characters; the most frequent 2-, 3-, 4-gram at most 20 %, 18 %, 16 % of the
  characters; duplicated 5- to 10-grams at most 15 % to 10 % of the characters.
* **C4**, Raffel et al. 2020 (JMLR 21:140), section 2.2: a page with "lorem ipsum" or a
  curly bracket is removed; lines with "javascript" or the policy phrases of its reference
  code (``c4_utils.py``: "terms of use", "privacy policy", "cookie policy", "uses cookies",
  "use of cookies", "use cookies") are removed. This stage removes no line (the boilerplate
  stage does that): it measures the share of the text such lines hold (``furniture``,
  with a few more phrases of the same kind: paywalls, error pages, consent walls; for
  JavaScript, the lines that ask for it).
* Ours: ``code_lines`` (curly brackets with ``;`` or ``=``: a script's text), ``mojibake``
  (UTF-8 read as Windows-1252, what ftfy repairs).
* **FineWeb**, Penedo et al. 2024 (arXiv:2406.17557), section 3.3 and datatrove's
  ``FineWebQualityFilter``: at least 12 % of lines ending in terminal punctuation, at most
  67 % of lines of 30 characters or fewer, duplicated lines at most 1 % of the characters,
  at most 0.3 line breaks per word.

Two profiles: ``archive`` (the default) drops only evident junk, with thresholds measured
to drop no article of the real article sets (docs/stages.md, research/quality/README.md);
``pretraining`` applies the published thresholds. Any threshold can be set on its own, any
rule switched off (``disable``); ``action = "flag"`` keeps the documents and notes the
failed rules. Language-aware: stop words only for languages the stage has a list for (every
list for an undetermined or unsure language), and the word rules (counts, lengths,
n-grams, short lines) are not applied to scripts written without spaces (Chinese,
Japanese, Thai, Lao, Khmer, Myanmar, Tibetan), where repeated character n-grams stand for
the word n-grams (``dup_char_10gram``), nor the punctuation rule to Thai and Lao (which end
sentences without a mark).

Datatrove implements these filters but brings its own dependencies (numpy, nltk and spaCy
tokenizers per language) and computes each rule with Python loops; the rules are few and
published, so they are written here, with numpy where a loop would cost.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import filterfalse
from operator import methodcaller
from pathlib import Path
from typing import Any, Literal

import numpy as np

from corearchive import Document, Drop, OptionValueError, Stage, hookimpl, option
from corearchive import lazyre as re

#: Languages written without spaces between words (a whitespace "word" is a phrase or a
#: sentence there): the word rules are not applied.
NO_SPACE = frozenset({"zh", "ja", "th", "lo", "km", "my", "bo", "dz"})
#: ... and those of them whose sentences end without a punctuation mark.
NO_FULL_STOP = frozenset({"th", "lo"})
_NO_SPACE_CHARS = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u0f00-\u0fff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]"
)

#: Gopher's English stop words, and for other languages the commonest function words of the
#: same kind (articles, conjunctions, prepositions, copulas). A language without a list has
#: no stop-word rule.
STOP_WORDS: dict[str, frozenset[str]] = {
    code: frozenset(words.split())
    for code, words in {
        "en": "the be to of and that have with",
        "de": "der die und in den von zu das mit sich des auf für ist nicht ein eine",
        "fr": "de la le et les des en un une du est que pour dans qui pas sur au",
        "es": "de la que el en y los del se las por un para con no una su al es",
        "it": "di il la che in per un è non una del le si con da sono",
        "pt": "de o que e do da em um para é com não uma os no se na por",
        "nl": "de en van het een in is dat op te zijn met voor niet",
        "sv": "och i att det som en på är av för med till den har inte",
        "da": "og i at det er en til på den af med for de som ikke",
        "nb": "og i det som er på en til at av for med ikke den har",
        "no": "og i det som er på en til at av for med ikke den har",
        "nn": "og i det som er på ein til at av for med ikkje den har",
        "fi": "ja on ei se että oli hän mutta kun myös tai joka ovat sen",
        "et": "ja on ei see et oli ka kui ta mis",
        "pl": "i w na z się nie to do że jest o jak po",
        "cs": "a se na je v že to s z o do jako by ve pro",
        "sk": "a sa na je v že to s z o do ako by vo pre",
        "sl": "in je v na da se za so z ki pa",
        "hr": "i je u na da se za su od kao s",
        "bs": "i je u na da se za su od kao s",
        "sr": "и је у на да се за су од i je u na da se za su od",
        "ro": "și de în a la cu pe nu care este o un că",
        "hu": "a az és hogy nem is egy ez meg de van",
        "tr": "ve bir bu da de için ile çok ne olarak gibi daha",
        "az": "və bir bu ilə da də üçün",
        "id": "yang dan di ini itu dengan untuk dari dalam tidak akan pada",
        "ms": "yang dan di ini itu dengan untuk dari dalam tidak akan pada",
        "vi": "của và là các có được trong cho không những người một",
        "tl": "ang ng sa na at mga ay si ni",
        "sw": "na ya wa kwa ni la za katika",
        "ca": "de la el i que a les en per un és del amb",
        "lv": "un ir ar uz par kas no ka",
        "lt": "ir yra kad su į iš tai ne",
        "af": "die en van in is het om nie",
        "ru": "и в не на что с по он я как это к",
        "uk": "і в не на що з та у це до як",
        "be": "і ў не на што з па гэта да як",
        "bg": "и на в да се за от не е че с",
        "mk": "и на во да се за од не е што со",
        "el": "και το η να του της με σε την που για",
    }.items()
}

#: Languages of other scripts: the commonest words of jusText's stop lists (BSD-2-Clause; a
#: dependency of corearchive, through trafilatura and the boilerplate stage), which are
#: ordered by their frequency in the language's Wikipedia; the first JUSTEXT_WORDS of each,
#: mostly function words (and "year", "India's", "asteroid": Wikipedia's).
JUSTEXT_LISTS = {
    "ar": "Arabic",
    "fa": "Persian",
    "ur": "Urdu",
    "he": "Hebrew",
    "hi": "Hindi",
    "mr": "Marathi",
    "ne": "Nepali",
    "bn": "Bengali",
    "gu": "Gujarati",
    "ta": "Tamil",
    "te": "Telugu",
    "kn": "Kannada",
    "ml": "Malayalam",
    "ko": "Korean",
    "ka": "Georgian",
    "hy": "Armenian",
    "kk": "Kazakh",
    "ky": "Kyrgyz",
}
JUSTEXT_WORDS = 20


def _justext_words(name: str) -> frozenset[str]:
    """The first JUSTEXT_WORDS words of jusText's stop list ``name``, lower-cased (empty
    when jusText or the list is missing: no stop-word rule for the language then). Read
    from the installed package's folder, found without importing it: its import pulled in
    lxml's HTML cleaner, urllib.request, http.client and ssl, ~15 ms of every process's
    start-up, for text files."""
    from importlib.util import find_spec

    spec = find_spec("justext")
    if spec is None or spec.origin is None:
        return frozenset()
    try:
        text = (Path(spec.origin).parent / "stoplists" / f"{name}.txt").read_text("utf-8")
    except OSError:
        return frozenset()
    return frozenset(w.strip().lower() for w in text.split("\n")[:JUSTEXT_WORDS] if w.strip())


for _code, _name in JUSTEXT_LISTS.items():
    if _words := _justext_words(_name):
        STOP_WORDS.setdefault(_code, _words)

ALL_STOP_WORDS = frozenset().union(*STOP_WORDS.values())
#: Under this language confidence, the stop words of every listed language count.
UNSURE = 0.5

#: Lines of page furniture: C4's policy phrases (c4_utils.py) and its "javascript" rule,
#: with consent walls, paywalls, error pages and newsletter pitches of the same kind; by a
#: word of each (its trigger), looked for only in texts that have the word (one regex of
#: the alternatives cost ~0.2 µs a character in Python's re: literal tests instead).
FURNITURE: dict[str, tuple[str, ...]] = {
    "terms": ("terms of use", "terms of service"),
    "privacy": ("privacy policy",),
    "cookie": ("cookie policy", "cookie settings", "manage cookie"),
    "cookies": (
        "uses cookies",
        "use of cookies",
        "use cookies",
        "accept cookies",
        "accept all cookies",
        "manage cookies",
    ),
    # (C4 removes every line naming JavaScript; one that asks for it is furniture, one
    # that speaks of it is not: "JavaScript is 100% text, just like HTML is.")
    "javascript": (
        "enable javascript",
        "javascript is disabled",
        "javascript is turned off",
        "javascript enabled",
        "javascript is required",
        "requires javascript",
        "javascript must be enabled",
        "support javascript",
        "supports javascript",
        "turn on javascript",
    ),
    "consent": ("manage consent", "manage your consent", "consent preferences"),
    "subscribe": (
        "subscribe to continue",
        "subscribe to read",
        "subscribe to our",
        "subscribe now",
    ),
    "subscriber": ("already a subscriber",),
    "free": (
        "free articles left",
        "free article left",
        "free articles this month",
        "free articles remaining",
        "limit of free articles",
    ),
    "unlimited": ("unlimited access",),
    # (a pitch, not a periodical's name: "The Objectivist Newsletter")
    "newsletter": (
        "our newsletter",
        "the newsletter",
        "newsletter sign",
        "newsletter subscription",
        "free newsletter",
    ),
    "reserved": ("all rights reserved",),
    "404": ("404 not found", "error 404"),
    "found": ("page not found",),
    "looking": ("page you are looking for", "page you were looking for", "page you're looking for"),
    "requested": ("page you requested",),
}
#: Phrases that prose about the subject also uses ("its new privacy policy", "the company
#: uses cookies across Facebook"): a line with only these is furniture when it is short (a
#: link, a footer) or speaks as the site does (_SITE_VOICE), not when it is a paragraph of
#: a story about a privacy policy. (C4 removes every such line; here the lines' share
#: decides the fate of the page, so a story on the topic was dropped whole until s31.)
TOPICAL = frozenset(
    {
        "terms of use",
        "terms of service",
        "privacy policy",
        "cookie policy",
        "uses cookies",
        "use of cookies",
        "use cookies",
        "all rights reserved",
        "the newsletter",
        "unlimited access",
    }
)
#: A furniture line's words at most (a link, a menu entry, a footer): "Privacy Policy",
#: "© 2024 Example Media Ltd. All rights reserved.", "This website uses cookies to improve
#: your experience."
FURNITURE_SHORT = 12
#: The site speaking of itself or to its reader: "our privacy policy", "we use cookies",
#: "this website uses cookies", "by continuing to browse", "you agree to".
_SITE_VOICE = re.compile(
    r"\b(?:our|we|this (?:web)?site|by (?:using|continuing|clicking|visiting|browsing)"
    r"|you (?:agree|accept|consent))\b"
)
#: A trigger as a word of the text may be written (punctuation after it) -> the trigger.
_TRIGGERS = {
    word + end: word for word in FURNITURE for end in ("", ".", ",", ":", ";", "!", "?", ")")
}
_TRIGGER_WORDS = frozenset(_TRIGGERS)
#: UTF-8 read as Windows-1252 or Latin-1 ("Ã©", "â€™", "Â "): what ftfy repairs.
_MOJIBAKE = re.compile(
    "[\u00c2\u00c3][\u00a0-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]|\u00e2\u20ac"
)
#: A word (a line of the words not all letters, joined) without an alphabetic character:
#: digits, punctuation, symbols (``[^\W\d_]`` is a letter).
_NO_LETTER = re.compile(r"^(?:[^\w\n]|[\d_])+$", re.MULTILINE)
_BULLETS = ("•", "-", "*", "·", "‣", "▪", "●", "○", "◦", "–", "—", "►", "➢", "✓", "■", "□")
_ELLIPSES = ("...", "…")
#: FineWeb's terminal punctuation (datatrove.utils.text.TERMINAL_PUNCTUATION, the marks of
#: many scripts), with closing quotes and brackets after one.
_TERMINAL = (
    *".!?。！？…।॥۔؟؛።፧፨။၊។៕\u0964\u0965\u061f\u06d4\u3002\uff01\uff1f\uff0e\u2047\u2048\u2049"
    "\u203c\u203d\u0f0d\u0f0e\u1362\u1367\u1368\u17d4\u17d5\u104a\u104b\u0589\u055c\u055e",
    '."',
    ".'",
    ".”",
    ".’",
    ".)",
    '?"',
    "?”",
    '!"',
    "!”",
    ".»",
    "»",
    ":",
    ";",
)

#: The signals recorded (annotations.quality.signals); shares are of the text's characters
#: unless said otherwise.
SIGNALS = {
    "words": "Whitespace-separated words.",
    "lines": "Non-blank lines.",
    "no_space": "Present (true) when the text is in a script written without spaces.",
    "mean_word_length": "Mean characters per word.",
    "symbol_ratio": "Hashes, or ellipses if more, per word (Gopher).",
    "alpha_words": "Share of the words with an alphabetic character (Gopher).",
    "stop_words": "Distinct stop words of the document's language present (Gopher).",
    "bullet_lines": "Share of the lines starting with a bullet (Gopher).",
    "ellipsis_lines": "Share of the lines ending with an ellipsis (Gopher).",
    "dup_lines": "Share of the lines that repeat an earlier line (Gopher).",
    "dup_line_chars": "Characters of the lines that repeat an earlier line (Gopher, FineWeb).",
    **{
        f"top_{n}gram": f"Characters of the most frequent word {n}-gram (Gopher)."
        for n in (2, 3, 4)
    },
    **{
        f"dup_{n}gram": f"Characters of the words of repeated {n}-grams, the first occurrence"
        " and overlaps not counted (Gopher, as datatrove counts them)."
        for n in range(5, 11)
    },
    "dup_char_10gram": "In scripts written without spaces: characters of repeated 10-character"
    " n-grams (white space left out), the first occurrence and overlaps not counted, as a"
    " share of the characters (Gopher's repeated n-grams over characters).",
    "lorem_ipsum": "When the text has 'lorem ipsum' (C4: any), the share of its words that"
    " are the placeholder's ('dolor', 'amet', 'consectetur' ...; more than 0), else 0.",
    "curly_lines": "Share of the lines with a curly bracket (C4: any).",
    "code_lines": "Share of the lines with a curly bracket and a ';' or '=' (code).",
    "furniture": "Share of the lines' characters in policy, consent, paywall, error-page lines"
    " (C4; a line naming a policy or cookies only if short or in the site's voice).",
    "line_punct": "Share of the lines ending in terminal punctuation (FineWeb).",
    "short_lines": "Share of the lines of 30 characters or fewer (FineWeb).",
    "newline_ratio": "Line breaks per word (FineWeb).",
    "mojibake": "UTF-8 read as Windows-1252 sequences ('Ã©', 'â€™') per word.",
}

#: rule -> (signal, "min" or "max": the document fails below a min, above a max)
RULES: dict[str, tuple[str, str]] = {
    "gopher_min_words": ("words", "min"),
    "gopher_max_words": ("words", "max"),
    "gopher_min_mean_word_length": ("mean_word_length", "min"),
    "gopher_max_mean_word_length": ("mean_word_length", "max"),
    "gopher_symbol_ratio": ("symbol_ratio", "max"),
    "gopher_bullet_lines": ("bullet_lines", "max"),
    "gopher_ellipsis_lines": ("ellipsis_lines", "max"),
    "gopher_alpha_words": ("alpha_words", "min"),
    "gopher_stop_words": ("stop_words", "min"),
    "gopher_dup_lines": ("dup_lines", "max"),
    "gopher_dup_line_chars": ("dup_line_chars", "max"),
    "gopher_top_2gram": ("top_2gram", "max"),
    "gopher_top_3gram": ("top_3gram", "max"),
    "gopher_top_4gram": ("top_4gram", "max"),
    "gopher_dup_5gram": ("dup_5gram", "max"),
    "gopher_dup_6gram": ("dup_6gram", "max"),
    "gopher_dup_7gram": ("dup_7gram", "max"),
    "gopher_dup_8gram": ("dup_8gram", "max"),
    "gopher_dup_9gram": ("dup_9gram", "max"),
    "gopher_dup_10gram": ("dup_10gram", "max"),
    "dup_char_10gram": ("dup_char_10gram", "max"),
    "c4_lorem_ipsum": ("lorem_ipsum", "max"),
    "c4_curly_bracket": ("curly_lines", "max"),
    "code_lines": ("code_lines", "max"),
    "c4_furniture": ("furniture", "max"),
    "fineweb_line_punct": ("line_punct", "min"),
    "fineweb_short_lines": ("short_lines", "max"),
    "fineweb_dup_line_chars": ("dup_line_chars", "max"),
    "fineweb_list_ratio": ("newline_ratio", "max"),
    "mojibake": ("mojibake", "max"),
}

#: Repeated character 10-grams (scripts written without spaces), at most: measured on the
#: real Chinese, Japanese and Thai texts of the sets (docs/stages.md).
ARCHIVE_CHAR_DUP = 0.8
PRETRAINING_CHAR_DUP = 0.2

#: The thresholds of each profile (None: the rule is off in it). ``pretraining``: the
#: published values; ``archive``: evident junk only, each measured to drop no article of the
#: real article sets (research/quality/README.md).
PROFILES: dict[str, dict[str, float | None]] = {
    "pretraining": {
        "gopher_min_words": 50,
        "gopher_max_words": 100_000,
        "gopher_min_mean_word_length": 3,
        "gopher_max_mean_word_length": 10,
        "gopher_symbol_ratio": 0.1,
        "gopher_bullet_lines": 0.9,
        "gopher_ellipsis_lines": 0.3,
        "gopher_alpha_words": 0.8,
        "gopher_stop_words": 2,
        "gopher_dup_lines": 0.3,
        "gopher_dup_line_chars": 0.2,
        "gopher_top_2gram": 0.2,
        "gopher_top_3gram": 0.18,
        "gopher_top_4gram": 0.16,
        "gopher_dup_5gram": 0.15,
        "gopher_dup_6gram": 0.14,
        "gopher_dup_7gram": 0.13,
        "gopher_dup_8gram": 0.12,
        "gopher_dup_9gram": 0.11,
        "gopher_dup_10gram": 0.10,
        "dup_char_10gram": PRETRAINING_CHAR_DUP,
        "c4_lorem_ipsum": 0,
        "c4_curly_bracket": 0,
        "code_lines": 0.5,
        "c4_furniture": 0.5,
        "fineweb_line_punct": 0.12,
        "fineweb_short_lines": 0.67,
        "fineweb_dup_line_chars": 0.01,
        "fineweb_list_ratio": 0.3,
        "mojibake": 0.01,
    },
    "archive": {
        "gopher_min_words": None,
        "gopher_max_words": None,
        "gopher_min_mean_word_length": None,
        "gopher_max_mean_word_length": 15,
        "gopher_symbol_ratio": 0.5,
        "gopher_bullet_lines": None,
        "gopher_ellipsis_lines": None,
        "gopher_alpha_words": 0.05,
        "gopher_stop_words": 1,
        "gopher_dup_lines": 0.8,
        "gopher_dup_line_chars": 0.8,
        "gopher_top_2gram": None,
        "gopher_top_3gram": None,
        "gopher_top_4gram": None,
        "gopher_dup_5gram": None,
        "gopher_dup_6gram": None,
        "gopher_dup_7gram": None,
        "gopher_dup_8gram": None,
        "gopher_dup_9gram": None,
        "gopher_dup_10gram": None,
        "dup_char_10gram": ARCHIVE_CHAR_DUP,
        "c4_lorem_ipsum": 0.5,
        "c4_curly_bracket": None,
        "code_lines": 0.5,
        "c4_furniture": 0.5,
        "fineweb_line_punct": None,
        "fineweb_short_lines": None,
        "fineweb_dup_line_chars": None,
        "fineweb_list_ratio": None,
        "mojibake": 0.05,
    },
}

#: The stop-word and word-length rules need this many words to say anything.
MIN_WORDS_FOR_WORD_RULES = 50
#: FineWeb's short line, in characters.
SHORT_LINE = 30


#: The signals that are shares (0 to 1); the others are counts or ratios (0 or more).
_SHARES = frozenset(SIGNALS) - {
    "words",
    "lines",
    "no_space",
    "mean_word_length",
    "symbol_ratio",
    "stop_words",
    "newline_ratio",
    "mojibake",
}


def _threshold_schema() -> dict[str, Any]:
    """Each rule's threshold as JSON Schema: a share from 0 to 1, else 0 or more (the
    config layer refuses a value outside, naming the option and the range)."""
    return {
        rule: {"type": "number", "minimum": 0, **({"maximum": 1} if signal in _SHARES else {})}
        for rule, (signal, _) in RULES.items()
    }


def _threshold_help() -> str:
    def show(value: float | None) -> str:
        return "off" if value is None else f"{value:g}"

    return "; ".join(
        f"{r} ({RULES[r][1]} {RULES[r][0]}: archive {show(PROFILES['archive'][r])},"
        f" pretraining {show(PROFILES['pretraining'][r])})"
        for r in RULES
    )


@dataclass(frozen=True)
class QualityOptions:
    action: Literal["drop", "flag"] = option(
        "drop",
        "What a document failing a rule gets: 'drop' (its reason the first rule failed, the"
        " rule's value and threshold and every rule failed in the detail; the run counts the"
        " drops by rule) or 'flag' (kept, the failed rules in annotations.quality.failed; the"
        " run's summary and run.json counts.noted count them by the first rule failed).",
    )
    profile: Literal["archive", "pretraining"] = option(
        "archive",
        "The thresholds: 'archive' drops only evident junk (no real article of the measured"
        " sets); 'pretraining' uses the published Gopher, C4 and FineWeb thresholds.",
    )
    thresholds: dict[str, float] = option(
        {},
        "Per-rule thresholds over the profile's (one also switches an 'off' rule on), e.g."
        " {gopher_min_words = 20}; a share from 0 to 1, a count or ratio 0 or more. Rules"
        " (min/max of a signal, the profiles' values): " + _threshold_help(),
        properties=_threshold_schema(),
    )
    ngram_signals: bool = option(
        False,
        "Record the word n-gram signals (top 2- to 4-gram, repeated 5- to 10-grams) even when"
        " no rule applied reads them (they cost ~3x the other signals; the pretraining"
        " profile reads them).",
    )
    disable: list[str] = option(
        [], "Rules not applied (their signals are still recorded), e.g. ['c4_curly_bracket']."
    )


def _check(options: QualityOptions) -> None:
    from corearchive.config import did_you_mean

    for name, keys in (("thresholds", options.thresholds), ("disable", options.disable)):
        for key in keys:
            if key not in RULES:
                raise OptionValueError(
                    name, f"{key!r} is no quality rule{did_you_mean(key, list(RULES))}"
                )


def _limits(options: QualityOptions) -> list[tuple[str, str, str, float]]:
    """The rules applied: (rule, signal, min/max, threshold)."""
    values = dict(PROFILES[options.profile])
    values.update(options.thresholds)
    return [
        (rule, signal, kind, float(value))
        for rule, (signal, kind) in RULES.items()
        if (value := values[rule]) is not None and rule not in options.disable
    ]


#: The words of the standard placeholder text ("Lorem ipsum dolor sit amet, consectetur
#: adipiscing elit, sed do eiusmod tempor ..."), but those of living languages ("in", "do",
#: "et", "non", "est", "qui", "id", "ad", "ex")
_LOREM_WORDS = frozenset(
    [
        "lorem",
        "ipsum",
        "dolor",
        "sit",
        "amet",
        "consectetur",
        "adipiscing",
        "elit",
        "sed",
        "eiusmod",
        "tempor",
        "incididunt",
        "ut",
        "labore",
        "dolore",
        "magna",
        "aliqua",
        "enim",
        "minim",
        "veniam",
        "quis",
        "nostrud",
        "exercitation",
        "ullamco",
        "laboris",
        "nisi",
        "aliquip",
        "ea",
        "commodo",
        "consequat",
        "duis",
        "aute",
        "irure",
        "reprehenderit",
        "voluptate",
        "velit",
        "esse",
        "cillum",
        "fugiat",
        "nulla",
        "pariatur",
        "excepteur",
        "sint",
        "occaecat",
        "cupidatat",
        "proident",
        "sunt",
        "culpa",
        "officia",
        "deserunt",
        "mollit",
        "anim",
        "laborum",
    ]
)


def _lorem_share(words: list[str]) -> float:
    """The share of ``words`` (lower case) that are the placeholder text's, more than 0: a
    page of filler is mostly its words, a story quoting "Lorem ipsum dolor sit amet" once
    a few hundredths (the archive profile dropped such a story, C4's rule any mention; s32
    acc-read #4)."""
    hits = sum(1 for w in words if w.strip(".,;:!?\"'()") in _LOREM_WORDS)
    return max(_r(hits / (len(words) or 1)), 0.0001)


def _r(x: float) -> float:
    return round(float(x), 4)


def _occurrences(values: np.ndarray) -> np.ndarray:
    """How many times each of ``values`` occurs in it (one sort; np.unique's inverse and
    counts, for a third of its cost on short arrays)."""
    order = values.argsort()
    ordered = values[order]
    first = np.empty(len(values), dtype=bool)
    first[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=first[1:])
    starts = np.flatnonzero(first)
    sizes = np.empty(len(starts), dtype=np.int64)
    np.subtract(starts[1:], starts[:-1], out=sizes[:-1])
    sizes[-1] = len(values) - starts[-1]
    per = np.empty(len(values), dtype=np.int64)
    per[order] = np.repeat(sizes, sizes)
    return per


def _ngram_signals(words: list[str], text_chars: int, out: dict[str, Any]) -> None:
    """Gopher's repetition signals over words, as datatrove's ``GopherRepetitionFilter``
    computes them (its thresholds are the ones applied): the characters of the most
    frequent 2-, 3-, 4-gram (all its occurrences, with the spaces between its words:
    ``find_top_duplicate``), and for 5- to 10-grams the characters of the repeats
    (``find_all_duplicate``: read left to right, an n-gram seen before counts its words'
    characters and the reading jumps past it; its first occurrence does not count, nor an
    overlapping one), each as a share of the text's characters.

    An n-gram can occur twice only where its (n-1)-gram does: each size is grouped (one
    numpy sort) over the places where the size before repeated, a set that shrinks fast
    in prose (and is empty, ending the work, once no n-gram repeats); datatrove's reading
    visits only those places (the others hold n-grams that never count)."""
    n = len(words)
    hashes = np.fromiter(map(hash, words), dtype=np.int64, count=n)
    ends = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.fromiter(map(len, words), dtype=np.int64, count=n), out=ends[1:])
    where = np.arange(n - 1)
    # polynomial hash of the n-gram at each place (wrapping int64: equal n-grams get equal
    # values; a collision of unequal ones is a 2^-64 event)
    gram = hashes[:-1] * np.int64(1_000_003) + hashes[1:]
    for size in range(2, 11):
        if size > 2:
            keep = where + size <= n
            where = where[keep]
            gram = gram[keep] * np.int64(1_000_003) + hashes[where + size - 1]
        per = _occurrences(gram) if len(where) else where
        repeated = per > 1
        if not repeated.any():
            for rest in range(size, 11):
                # (no n-gram twice: the most frequent is the first, once, as datatrove says)
                first = int(ends[rest] - ends[0]) + rest - 1 if rest < 5 and rest <= n else 0
                out[f"top_{rest}gram" if rest < 5 else f"dup_{rest}gram"] = _r(first / text_chars)
            return
        where, gram = where[repeated], gram[repeated]
        if size < 5:
            # of the most frequent n-grams, the first to occur (as datatrove's Counter
            # gives it; not the hash order, which changes from process to process)
            count = int(per.max())
            at = int(where[per[repeated] == count][0])
            chars = int(ends[at + size] - ends[at]) + size - 1
            out[f"top_{size}gram"] = _r(min(1.0, count * chars / text_chars))
        else:
            dup = sum(int(ends[at + size] - ends[at]) for at in _repeats(where, gram, size))
            out[f"dup_{size}gram"] = _r(min(1.0, dup / text_chars))


def _repeats(where: np.ndarray, gram: np.ndarray, size: int) -> list[int]:
    """Where the repeated ``size``-grams ``gram`` (at places ``where``, in order) count, as
    datatrove counts them: the repeats after the first, the reading jumping past each."""
    seen: set[int] = set()
    free = 0  # (the reading's next place)
    out: list[int] = []
    for at, value in zip(where.tolist(), gram.tolist(), strict=True):
        if at < free:
            continue
        if value in seen:
            out.append(at)
            free = at + size
        else:
            seen.add(value)
    return out


_WHITE_SPACE = re.compile(r"\s+")


def _char_repetition(text: str, size: int = 10) -> float:
    """The share of the characters (white space left out) in repeated ``size``-character
    n-grams, counted as datatrove counts repeated word n-grams (the repeats after the
    first, the reading jumping past each): repetition inside a paragraph of a script
    written without spaces, where a whitespace "word" is a sentence or a whole paragraph."""
    chars = _WHITE_SPACE.sub("", text)
    n = len(chars)
    if n <= size:
        return 0.0
    codes = np.frombuffer(chars.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
    count = n - size + 1
    gram = codes[:count].copy()
    for j in range(1, size):
        gram *= np.int64(1_000_003)
        gram += codes[j : j + count]
    per = _occurrences(gram)
    where = np.flatnonzero(per > 1)
    return _r(size * len(_repeats(where, gram[where], size)) / n)


def signals(
    text: str, language: str | None, confidence: float = 1.0, ngrams: bool = True
) -> dict[str, Any]:
    """The document's quality signals (see the module's docstring). Written for speed:
    the per-line and per-word passes are C-level maps, the rare cases (furniture phrases,
    mojibake, curly brackets) are looked for only when a cheap test says they may be
    there."""
    chars = len(text) or 1
    lines = list(filter(None, map(str.strip, text.split("\n"))))
    n_lines = len(lines) or 1
    lower = text.lower()
    words = lower.split()
    n_words = len(words)
    if language in NO_SPACE:
        no_space = True
    elif language is None or language == "und":
        no_space = len(_NO_SPACE_CHARS.findall(text, 0, 2000)) > 0.3 * min(chars, 2000)
    else:
        no_space = False
    out: dict[str, Any] = {"words": n_words, "lines": len(lines)}
    if no_space:
        out["no_space"] = True
    vocabulary = set(words)
    if n_words:
        out["mean_word_length"] = _r(sum(map(len, words)) / n_words)
        hashes = text.count("#")
        ellipses = text.count("...") + text.count("…")
        out["symbol_ratio"] = _r(max(hashes, ellipses) / n_words)
        mixed = "\n".join(filterfalse(str.isalpha, vocabulary))  # (most words: all letters)
        unlettered = _NO_LETTER.findall(mixed)
        # (counted in the words, not in the vocabulary)
        no_letter = sum(map(set(unlettered).__contains__, words)) if unlettered else 0
        out["alpha_words"] = _r(1 - no_letter / n_words)
    stop = STOP_WORDS.get(language or "")
    if language == "und" and not no_space:
        # (no language told: the stop words of every listed language count, as for an
        # unsure tag; a text of none of them in 50 words is no prose)
        stop = ALL_STOP_WORDS
    if stop is not None:
        found = len(stop & vocabulary)
        if not found and confidence < UNSURE:
            # an unsure tag (pinyin taken for English, say): any listed language's stop
            # words count, so that only text with none of them fails
            found = len(ALL_STOP_WORDS & vocabulary)
        out["stop_words"] = found
    lengths = list(map(len, lines))
    out["bullet_lines"] = _r(sum(map(methodcaller("startswith", _BULLETS), lines)) / n_lines)
    out["ellipsis_lines"] = _r(sum(map(methodcaller("endswith", _ELLIPSES), lines)) / n_lines)
    distinct = set(lines)
    dup_chars = 0
    if len(distinct) < len(lines):
        seen: set[str] = set()
        for line in lines:
            if line in seen:
                dup_chars += len(line)
            else:
                seen.add(line)
    out["dup_lines"] = _r((len(lines) - len(distinct)) / n_lines)
    out["dup_line_chars"] = _r(dup_chars / chars)
    if ngrams and not no_space and n_words >= 2:
        # (lower-cased words: datatrove's are as written, but a second split would cost
        # ~12 % of the n-gram signals' time; the figures differ where only the case does)
        _ngram_signals(words, chars, out)
    if no_space:
        out["dup_char_10gram"] = _char_repetition(text)
    out["lorem_ipsum"] = _lorem_share(words) if "lorem ipsum" in lower else 0
    curly = code = 0
    if "{" in text or "}" in text:
        for line in lines:
            if "{" in line or "}" in line:
                curly += 1
                code += ";" in line or "=" in line
    out["curly_lines"] = _r(curly / n_lines)
    out["code_lines"] = _r(code / n_lines)
    furniture = 0
    triggers = _TRIGGER_WORDS & vocabulary
    if triggers:
        phrases = {p for t in triggers for p in FURNITURE[_TRIGGERS[t]]}
        for line, n in zip(lines, lengths, strict=True):
            low = line.lower()
            named = [p for p in phrases if p in low]
            if named and (
                not TOPICAL.issuperset(named)
                or low.count(" ") < FURNITURE_SHORT
                or _SITE_VOICE.search(low)
            ):
                furniture += n
    out["furniture"] = _r(furniture / (sum(lengths) or 1))
    out["line_punct"] = _r(sum(map(methodcaller("endswith", _TERMINAL), lines)) / n_lines)
    out["short_lines"] = _r(sum(map(SHORT_LINE.__ge__, lengths)) / n_lines)
    out["newline_ratio"] = _r(text.count("\n") / n_words) if n_words else 0.0
    mojibake = 0
    if n_words and ("\u00c3" in text or "\u00c2" in text or "\u00e2\u20ac" in text):
        mojibake = len(_MOJIBAKE.findall(text))
    out["mojibake"] = _r(mojibake / n_words) if n_words else 0.0
    return out


#: The word n-gram signals (computed where a rule applied reads them, or asked).
_NGRAM_SIGNALS = frozenset(
    [f"top_{n}gram" for n in (2, 3, 4)] + [f"dup_{n}gram" for n in range(5, 11)]
)
#: Rules that read words: not applied to scripts written without spaces.
_WORD_RULES = frozenset(
    {
        "gopher_min_words",
        "gopher_max_words",
        "gopher_min_mean_word_length",
        "gopher_max_mean_word_length",
        "gopher_symbol_ratio",
        "gopher_alpha_words",
        "gopher_top_2gram",
        "gopher_top_3gram",
        "gopher_top_4gram",
        "gopher_dup_5gram",
        "gopher_dup_6gram",
        "gopher_dup_7gram",
        "gopher_dup_8gram",
        "gopher_dup_9gram",
        "gopher_dup_10gram",
        "fineweb_short_lines",
        "fineweb_list_ratio",
    }
)
#: Rules that need MIN_WORDS_FOR_WORD_RULES words (a sentence has too few to tell).
_NEEDS_WORDS = frozenset(
    {"gopher_stop_words", "gopher_min_mean_word_length", "gopher_max_mean_word_length", "mojibake"}
)


def failed_rules(
    sig: dict[str, Any], language: str | None, limits: list[tuple[str, str, str, float]]
) -> list[tuple[str, float, float]]:
    """The rules ``sig`` fails: (rule, value, threshold), in the order of RULES."""
    no_space = sig.get("no_space", False)
    failed = []
    for rule, signal, kind, limit in limits:
        value = sig.get(signal)
        if value is None:
            continue
        if no_space and rule in _WORD_RULES:
            continue
        if rule in _NEEDS_WORDS and sig["words"] < MIN_WORDS_FOR_WORD_RULES:
            continue
        if rule == "fineweb_line_punct" and language in NO_FULL_STOP:
            continue
        if (value < limit) if kind == "min" else (value > limit):
            failed.append((rule, value, limit))
    return failed


class QualityStage(Stage):
    """Record each document's quality signals; drop (or flag) the ones that fail a rule."""

    name = "quality"
    after = "language"
    Options = QualityOptions
    annotations_schema = {
        "type": "object",
        "required": ["signals"],
        "additionalProperties": False,
        "properties": {
            "signals": {
                "type": "object",
                "description": "The document's quality signals (docs/stages.md, 'quality').",
                "additionalProperties": False,
                "properties": {
                    name: {"type": "boolean" if name == "no_space" else "number", "description": d}
                    for name, d in SIGNALS.items()
                },
            },
            "failed": {
                "type": "array",
                "description": "Rules the document fails (action 'flag'): rule, value, threshold.",
                "items": {
                    "type": "object",
                    "required": ["rule", "value", "threshold"],
                    "properties": {
                        "rule": {"type": "string"},
                        "value": {"type": "number"},
                        "threshold": {"type": "number"},
                    },
                },
            },
        },
    }

    options: QualityOptions

    @classmethod
    def check_options(cls, options: QualityOptions) -> None:
        _check(options)

    def open(self) -> None:
        _check(self.options)
        self._limits = _limits(self.options)
        self._ngrams = self.options.ngram_signals or any(
            signal in _NGRAM_SIGNALS for _, signal, _, _ in self._limits
        )

    def process(self, doc: Document) -> Document | Drop:
        language = doc.language.code if doc.language is not None else None
        confidence = doc.language.confidence if doc.language is not None else 1.0
        sig = signals(doc.text, language, confidence, self._ngrams)
        failed = failed_rules(sig, language, self._limits)
        ann: dict[str, Any] = {"signals": sig}
        if failed:
            listed = [{"rule": r, "value": v, "threshold": t} for r, v, t in failed]
            if self.options.action == "drop":
                rule, value, limit = failed[0]
                return Drop(
                    rule,
                    {"rule": rule, "value": value, "threshold": limit, "failed": listed},
                )
            ann["failed"] = listed
        doc.annotations[self.name] = ann
        return doc


@hookimpl
def corearchive_register_stages(register: Any) -> None:
    register(QualityStage)
