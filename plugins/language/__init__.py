"""The ``language`` stage: which language a document is in, with a calibrated confidence.

The detector (``detect``) is a cascade chosen by measurement: fastText's lid.176 model and
CLD2 settle most texts; where they disagree py3langid, then lingua (low-accuracy models,
restricted to the candidates) join an equal-weight vote; the confidence is calibrated per
step. Short inputs (a word or two) are settled by a stacker over all four, fitted by cross-
validation (research/langid/stack_fit.py). Every model ships inside its wheel: no network,
loaded once per process. Text with no signal (numbers, URLs, a single name) is ``und``. Long
documents are also identified paragraph by paragraph, and the share of text in each language
is reported, so that a mixed-language document shows as such. With an allow-list the stage
drops documents in other languages or below the confidence set for theirs (reason
``language``; ``detail.cause`` tells which), unless the allowed languages hold a set share
of a code-switched text (``allowed_share``); without one it only tags.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from typing import Any

from corearchive import (
    ConfigError,
    Document,
    Drop,
    Language,
    OptionValueError,
    Stage,
    hookimpl,
    option,
)
from corearchive import lazyre as re

from .. import is_post
from . import detect as detector
from .scripts import script_of

#: Paragraph languages are read from at most this much of a document: CLD2 costs ~45 µs
#: per KB, and a long tail adds little to the shares.
_ANALYSE_MAX_CHARS = 20_000


def letters(text: str) -> int:
    """How many letters ``text`` has (a text with too few carries no signal)."""
    return sum(map(str.isalpha, text))


#: Serbian, Croatian and Bosnian in Latin letters: the detectors cannot tell them apart
#: (a Serbian text was Bosnian at 0.95; s37 acc-regress O12); they differ most in the
#: reflex of one old vowel (yat), written "e" in Serbian (ekavian: "pre", "mesto", "vreme")
#: and "ije"/"je" in Croatian and Bosnian (ijekavian: "prije", "mjesto", "vrijeme")
_CLOSE = ("bs", "hr", "sr")
#: languages CLD2 mixes up, as one (:func:`LanguageStage._sample`): the cascade tells them
_KIN = {"hr": "bs", "sr": "bs", "id": "ms"}
#: the paragraphs' codes (CLD2's) whose words tell the reflex: those, and none (unread)
_YAT_READ = frozenset((*_CLOSE, None))
#: frequent words of each reflex, lowercased (none is a word of the other, or in the other's
#: spelling: "deci", a decilitre in all three, is none; s39 acc-read F14); and word stems
#: ("mesec" of "višemesečne")
_EKAVIAN = frozenset((
    "pre", "posle", "gde", "ovde", "negde", "uvek", "čovek", "čoveka", "vreme",
    "mesto", "mesta", "mestu", "deca", "dece", "dete", "deteta", "reč", "reči",
    "reka", "reke", "lepo", "lepa", "lep", "pesma", "pesme", "vest", "vesti", "nedelja",
    "nedelje", "deo", "delo", "ceo", "cela", "celo", "celu", "videti", "želeti", "voleti",
    "živeti", "razumeti", "mleko", "hleb", "sneg", "verovatno", "primer", "primera",
    "mera", "mere", "telo", "tela", "lekar", "lekova", "svetski", "cena", "cene",
    "predsednik", "predsednika", "umesto", "odeljenje",
))  # fmt: skip
_IJEKAVIAN = frozenset((
    "prije", "poslije", "gdje", "ovdje", "negdje", "uvijek", "čovjek", "čovjeka", "vrijeme",
    "mjesto", "mjesta", "mjestu", "djeca", "djece", "djeci", "dijete", "djeteta", "riječ",
    "riječi", "rijeka", "rijeke", "lijepo", "lijepa", "lijep", "pjesma", "pjesme", "vijest",
    "vijesti", "nedjelja", "nedjelje", "dio", "djelo", "cijeli", "cijela", "cijelo",
    "cijelu", "vidjeti", "željeti", "voljeti", "živjeti", "razumjeti", "mlijeko", "hljeb",
    "snijeg", "vjera", "vjerovatno", "vjerojatno", "primjer", "primjera", "mjera", "mjere",
    "tijelo", "tijela", "ljekar", "lijekova", "svijet", "svijeta", "svijetu", "svjetski", "cijena",
    "cijene", "predsjednik", "predsjednika", "umjesto", "odjeljenje",
))  # fmt: skip
_EKAVIAN_STEMS = ("mesec", "meseč")
_IJEKAVIAN_STEMS = ("mjesec", "mjeseč")
_WORD = re.compile(r"\w+")
#: words of the ekavian reflex a text has at least for it to tell, which relabels the
#: detector's pick (the ijekavian one only confirms it), and a reflex's share of the words
#: of both: one word is a slip, a quotation, a word of another sense (s39 acc-read F14: a
#: Croatian text was relabelled Serbian on one), also beside eight of the other reflex
_EKAVIAN_WORDS = 2
_REFLEX_SHARE = 0.8


def yat_reflex(text: str) -> str | None:
    """ "ekavian" (Serbian) or "ijekavian" (Croatian, Bosnian, and Serbian of Bosnia and
    Montenegro) when ``text``'s words of :data:`_EKAVIAN` and :data:`_IJEKAVIAN` (and their
    stems) are of one kind, :data:`_REFLEX_SHARE` of them (ekavian words
    :data:`_EKAVIAN_WORDS` at least); None when it has fewer, or both."""
    eka = ije = 0
    for w in _WORD.findall(text.casefold()):
        if w in _EKAVIAN or any(st in w for st in _EKAVIAN_STEMS):
            eka += 1
        elif w in _IJEKAVIAN or any(st in w for st in _IJEKAVIAN_STEMS):
            ije += 1
    if eka >= _EKAVIAN_WORDS and eka >= _REFLEX_SHARE * (eka + ije):
        return "ekavian"
    if ije and ije >= _REFLEX_SHARE * (eka + ije):
        return "ijekavian"
    return None


def _paragraph_texts(text: str, minimum: int) -> Iterator[tuple[int, str]]:
    """The lines of ``text`` of at least ``minimum`` characters by their words (a URL or an
    address says nothing of a paragraph's language: :func:`.detect.language_text`), with
    their numbers and those words. Most texts hold no URL's marks: told once, and their
    lines are taken as they are."""
    lines = text.split("\n")
    if not detector.strips(text):
        yield from ((i, line) for i, line in enumerate(lines) if len(line) >= minimum)
        return
    for i, line in enumerate(lines):
        if len(line) >= minimum and len(t := detector.language_text(line)) >= minimum:
            yield i, t


@dataclass(frozen=True)
class LanguageOptions:
    languages: list[str] = option(
        [], "Allow-list of ISO codes; documents in other languages are dropped. Empty: tag only."
    )
    min_confidence: float = option(
        0.5,
        "With an allow-list: drop documents whose confidence is below this.",
        minimum=0,
        maximum=1,
    )
    min_confidence_by_language: dict[str, float] = option(
        {},
        "With an allow-list: the confidence below which a document in that language is"
        " dropped, per language, instead of min_confidence (a table: {tl = 0.4, bn = 0.9};"
        " the detectors' confidences differ by language: research/langid/REPORT.md).",
        additionalProperties={"type": "number", "minimum": 0, "maximum": 1},
    )
    allowed_share: float = option(
        0.0,
        "With an allow-list: keep a document whose paragraphs in the allowed languages hold"
        " at least this share of its text (code-switched text: a Swahili-English page whose"
        " main language is English), whatever its main language and confidence. 0: off.",
        minimum=0,
        maximum=1,
    )
    min_letters: int = option(
        12, "Text with fewer letters than this is 'und' (undetermined).", minimum=0
    )
    max_chars: int = option(
        400,
        "Identify the document on at most this many characters, taken from its paragraphs"
        " (the detectors' cost grows with the length; a few sentences are enough).",
        minimum=100,
    )
    paragraph_min_chars: int = option(
        80, "Paragraphs (lines) at least this long are identified one by one.", minimum=20
    )
    max_paragraphs: int = option(50, "Identify at most this many paragraphs.", minimum=0)
    input_below: float = option(
        0.5,
        "A short text (a dump's post, or under 2 x paragraph_min_chars characters) whose"
        " detection is 'und' or below this confidence takes the language its dump gave (a"
        " post's lang or language: annotations.source.given.language) when it has a letter,"
        " at confidence input_confidence; annotations.language.input says so (the platform"
        " sees more than a few words: 'Danke!', 'jajaja', a single kanji were 'und'). 0: the"
        " dump's language is never used.",
        minimum=0,
        maximum=1,
    )
    input_confidence: float = option(
        0.5,
        "The confidence given to a short text's language taken from its dump (input_below).",
        minimum=0,
        maximum=1,
    )
    paragraph_sample_chars: int = option(
        100,
        "Paragraphs are identified on their first this many characters (at least 800 in all"
        " per document; CLD2's cost follows the characters it reads; a paragraph whose"
        " sample differs from its neighbours' is read again whole: research/langid/REPORT.md,"
        " 'Paragraph samples'). 0: whole paragraphs.",
        minimum=0,
    )
    mixed_share: float = option(
        0.2,
        "A document is mixed when a second language holds this share of its paragraphs.",
        minimum=0,
        maximum=1,
    )


class LanguageStage(Stage):
    """Tag each document with its language; optionally keep only an allow-list."""

    name = "language"
    Options = LanguageOptions
    # documents in runs of 64, not one at a time between the metadata stage's (see
    # MetadataStage.batch_size: CLD2's tables stay in the CPU's caches)
    batch_size = 64
    annotations_schema = {
        "type": "object",
        "required": ["candidates"],
        "additionalProperties": False,
        "properties": {
            "candidates": {
                "type": "array",
                "description": "Top candidates with their share of the vote.",
                "items": {
                    "type": "object",
                    "required": ["code", "score"],
                    "properties": {"code": {"type": "string"}, "score": {"type": "number"}},
                },
            },
            "shares": {
                "type": "object",
                "description": "Share of the text (characters) in each language, by paragraph.",
                "additionalProperties": {"type": "number", "minimum": 0, "maximum": 1},
            },
            "paragraphs": {
                "type": "array",
                "description": "Language of each paragraph long enough to tell.",
                "items": {
                    "type": "object",
                    "required": ["line", "code", "confidence"],
                    "properties": {
                        "line": {"type": "integer", "minimum": 0},
                        "code": {"type": "string"},
                        "confidence": {"type": "number"},
                    },
                },
            },
            "mixed": {"type": "boolean", "description": "A second language holds a large share."},
            "input": {
                "type": "object",
                "description": "The language the document's dump gave (a post's lang or"
                " language) and whether it was taken (used: the text is short and the"
                " detector said 'und' or was under input_below; detected: what it said).",
                "required": ["code", "used"],
                "additionalProperties": False,
                "properties": {
                    "code": {"type": "string"},
                    "used": {"type": "boolean"},
                    "detected": {
                        "type": "object",
                        "required": ["code", "confidence"],
                        "properties": {
                            "code": {"type": "string"},
                            "confidence": {"type": "number"},
                        },
                    },
                },
            },
            "close": {
                "type": "object",
                "description": "Serbian, Croatian or Bosnian in Latin letters, which the"
                " detectors cannot tell apart (codes): the detector's pick (detected) and the"
                " reflex of yat read in the text (ekavian: Serbian, the code given;"
                " ijekavian: Croatian, Bosnian or Serbian of Bosnia and Montenegro; null:"
                " too few words of either, or both: the detected code is a guess among the"
                " codes).",
                "required": ["codes", "detected", "reflex"],
                "additionalProperties": False,
                "properties": {
                    "codes": {"type": "array", "items": {"type": "string"}},
                    "detected": {"type": "string"},
                    "reflex": {"enum": ["ekavian", "ijekavian", None]},
                },
            },
            "allowed_share": {
                "type": "number",
                "minimum": 0,
                "maximum": 1,
                "description": "Kept by the share of its text in the allowed languages"
                " (allowed_share), not its main language: that share.",
            },
        },
    }

    options: LanguageOptions

    @classmethod
    def models(cls, options: LanguageOptions) -> dict[str, dict[str, Any]]:
        """The stage's own model file, the short-input stacker (``short_model.json``, checked
        by :meth:`open`); the detectors' models come with their libraries (their versions
        are in the run's provenance)."""
        import hashlib
        import os

        path = os.path.join(os.path.dirname(os.path.abspath(detector.__file__)), "short_model.json")
        with open(path, "rb") as fh:
            digest = hashlib.sha256(fh.read()).hexdigest()
        return {"language.short": {"file": path, "shipped": True, "sha256": digest}}

    @classmethod
    def check_options(cls, options: LanguageOptions) -> None:
        # an allow-list code the stage never gives ("EN", "english", "eng") dropped every
        # document without a word (checked as the run's configuration is read: the models
        # are loaded for it only when an allow-list is given)
        if not options.languages:
            return
        known = detector.known_codes()
        for code in (*options.languages, *options.min_confidence_by_language):
            if code not in known:
                near = detector.canonical_code(code)
                hint = f"; did you mean {near!r}?" if near in known and near != code else ""
                raise OptionValueError(
                    "languages" if code in options.languages else "min_confidence_by_language",
                    f"{code!r} is no language code this stage gives (ISO 639-1 in lower case"
                    f" where there is one, e.g. 'en', 'fr', else ISO 639-3){hint}",
                )

    def open(self) -> None:
        # The models, once per process, before the first document. lingua's load per
        # language on first use (bounded, ~85 MB when all are in): preloading them would
        # triple the load time (0.25 -> 0.8 s); COREARCHIVE_LANGID_PRELOAD=1 does it.
        detector.load()
        try:
            self.check_options(self.options)  # (a stage made by a program, not a run)
        except OptionValueError as exc:
            raise ConfigError(f"[stages.language] {exc.option}: {exc}") from None

    def process(self, doc: Document) -> Document | Drop:
        opts = self.options
        ann: dict[str, Any] = {}
        settled = None
        paragraphs: list[str] = []
        per: list[tuple[str | None, float]] = []
        if len(doc.text) >= opts.paragraph_min_chars * 2:
            # CLD2 over the paragraphs gives their languages, and settles the document
            # itself when it is long and unambiguous (most pages): the cascade is then not
            # run at all.
            found = _paragraph_texts(doc.text[:_ANALYSE_MAX_CHARS], opts.paragraph_min_chars)
            where = []
            for i, t in islice(found, opts.max_paragraphs):
                where.append(i)
                paragraphs.append(t)
            settled, per = detector.analyse(paragraphs, opts.paragraph_sample_chars)
            ann.update(self._paragraphs(where, paragraphs, per))
        sample = None
        if settled is not None:
            code, conf, top = settled
        else:
            sample = self._sample(doc.text, paragraphs, per, ann.get("shares") or {})
            if letters(sample) < opts.min_letters:
                code, conf, top = "und", 0.0, []
            else:
                code, conf, top = detector.detect(sample)
        if (given := _given_language(doc)) is not None:
            # the dump's own language (a post's lang): evidence where a short text leaves
            # the detector unsure (s31 acc-posts #11)
            short = is_post(doc) or len(doc.text) < opts.paragraph_min_chars * 2
            used = (
                short
                and opts.input_below > 0  # (0: never; an 'und' took it all the same)
                and (code == "und" or conf < opts.input_below)
                and given != code
                and letters(doc.text) > 0
            )
            ann["input"] = {"code": given, "used": used}
            if used:
                ann["input"]["detected"] = {"code": code, "confidence": float(conf)}
                code, conf = given, opts.input_confidence
        script = None
        if code != "und":
            # (the script of the text the language was told by: its paragraphs, or the
            # sample; not of a menu line at the top)
            script = script_of("\n".join(paragraphs) if sample is None else sample, code)
        if code in _CLOSE and script == "Latn":
            # (Serbian, Croatian, Bosnian: the detectors' pick among them is a guess; the
            # reflex of yat tells Serbian of Serbia from the others), read in the lines the
            # language was told by but a paragraph CLD2 gave another language: a Slovak
            # paragraph's "pre" ("for") made a Bosnian text Serbian (s39 acc-regress R8)
            other = {p for p, (c, _) in zip(paragraphs, per, strict=True) if c not in _YAT_READ}
            told = paragraphs if sample is None else sample.split("\n")
            # (the sample's last paragraph may be cut: its head)
            own = (line for line in told if not any(p.startswith(line) for p in other))
            reflex = yat_reflex("\n".join(own))
            ann["close"] = {"codes": list(_CLOSE), "detected": code, "reflex": reflex}
            if reflex == "ekavian":
                code = "sr"
        doc.language = Language(code, float(conf), script)
        doc.annotations[self.name] = {
            "candidates": [{"code": c, "score": s} for c, s in top[:3]],
            **ann,
        }
        if not opts.languages:
            return doc
        floor = opts.min_confidence_by_language.get(code, opts.min_confidence)
        if code in opts.languages and conf >= floor:
            return doc
        shares = ann.get("shares")
        if shares and opts.allowed_share > 0:
            # code-switched text: the allowed languages' paragraphs hold enough of it
            share = round(sum(v for c, v in shares.items() if c in opts.languages), 4)
            if share >= opts.allowed_share:
                doc.annotations[self.name]["allowed_share"] = share
                return doc
        detail: dict[str, Any] = {
            "code": code,
            "confidence": conf,
            "allowed": list(opts.languages),
            # (an allowed language below its threshold, or another language: s30 corpus
            # tester F4 had one reason for both)
            "cause": "low confidence" if code in opts.languages else "not allowed",
            "min_confidence": floor,
        }
        if shares:
            detail["shares"] = shares
        return Drop("language", detail)

    def _sample(
        self,
        text: str,
        paragraphs: list[str],
        per: list[tuple[str | None, float]],
        shares: dict[str, float],
    ) -> str:
        """At most ``max_chars`` of the text, from its paragraphs where it has some (a
        headline, a menu or a name at the top says less about the language than prose).
        Of the paragraphs read (``paragraphs``, their languages by CLD2 ``per``, their
        ``shares``; a short text's are found here), in order: when the language of the
        first CLD2 could read holds the largest share (close languages alike: :data:`_KIN`),
        those in it and those it could not read; else all. The sample was the first
        paragraphs whatever their languages, the last cut at the limit, and which language
        filled more of it came of their lengths: a Hungarian text's Icelandic second
        paragraph, longer than the first once its URL was not read (d238e0f), made the text
        Icelandic (shares hu 0.65, is 0.35), a Czech one's Persian paragraph made it Persian
        in Latin letters (s39 acc-regress R7). Where the first paragraph and the shares
        disagree, neither is taken alone: a page's footer or filler outweighs its article
        (a Hindi page's English footer, a German one's lorem ipsum), a rendering's first
        paragraph may be a banner (an archive's, in English, over a German post)."""
        limit = self.options.max_chars
        if len(text) <= limit:
            return text
        if not paragraphs:
            lines = [t for _, t in _paragraph_texts(text, self.options.paragraph_min_chars)]
        else:
            lines = paragraphs
            first = next((_KIN.get(c, c) for c, _ in per if c), None)
            main: dict[str, float] = {}
            for c, share in shares.items():
                main[_KIN.get(c, c)] = main.get(_KIN.get(c, c), 0.0) + share
            if first is not None and main and max(main, key=main.__getitem__) == first:
                lines = [
                    p
                    for p, (c, _) in zip(paragraphs, per, strict=True)
                    if c is None or _KIN.get(c, c) == first
                ]
        parts: list[str] = []
        size = 0
        for line in lines:
            parts.append(line)
            size += len(line) + 1
            if size >= limit:
                break
        return "\n".join(parts)[:limit] if parts else text[:limit]

    def _paragraphs(
        self, where: list[int], paragraphs: list[str], per: list[tuple[str | None, float]]
    ) -> dict[str, Any]:
        """Each long line's language and the share of its text in it (CLD2), the share of
        the document's paragraphs in each language, and whether it is mixed."""
        if len(where) < 2:
            return {}
        codes = [code or "und" for code, _ in per]
        # shares are CLD2's percents over 100 (or rounded to 4 places): kept as they are
        paras = [
            {"line": i, "code": code, "confidence": share}
            for i, code, (_, share) in zip(where, codes, per, strict=True)
        ]
        lens = list(map(len, paragraphs))
        total = sum(lens)
        chars: dict[str, int]
        if codes.count(codes[0]) == len(codes):
            chars = {codes[0]: total}  # one language (most pages): no loop
        else:
            chars = {}
            for code, n in zip(codes, lens, strict=True):
                chars[code] = chars.get(code, 0) + n
        shares = {c: round(n / total, 4) for c, n in sorted(chars.items(), key=lambda kv: -kv[1])}
        known = [s for c, s in shares.items() if c != "und"]
        mixed = len(known) >= 2 and known[1] >= self.options.mixed_share
        return {"paragraphs": paras, "shares": shares, "mixed": mixed}


def _given_language(doc: Document) -> str | None:
    """The language code the document's dump gave (``annotations.source.given.language``)
    as the stage's codes are written, when it is one the detectors know."""
    source = doc.annotations.get("source")
    given = source.get("given") if isinstance(source, dict) else None
    value = given.get("language") if isinstance(given, dict) else None
    if not isinstance(value, str):
        return None
    code = detector.canonical_code(value)
    return code if code is not None and code in _known_codes() else None


@lru_cache(maxsize=1)
def _known_codes() -> frozenset[str]:
    """:func:`.detect.known_codes`, once per process."""
    return detector.known_codes()


@hookimpl
def corearchive_register_stages(register: Any) -> None:
    register(LanguageStage)
