"""The ``language`` stage: which language a document is in, with a confidence.

The detector is py3langid (a naive Bayes model over byte n-grams, 97 languages, shipped inside
its wheel: no network, loaded once per process). Text with too few letters to carry a signal
(numbers, URLs, a single name) is ``und`` rather than a guess. With an allow-list the stage
drops documents in other languages (reason ``language``); without one it only tags.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from corearchive import Document, Drop, Language, Stage, hookimpl, option

_URL = re.compile(r"\S+://\S+|www\.\S+|\S+@\S+")
#: py3langid's labels that are not ISO 639-1 (or are outdated) mapped to current codes.
_CODES = {"zxx": "und", "iw": "he", "in": "id", "ji": "yi", "jw": "jv"}


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def letters(text: str) -> int:
    return sum(1 for ch in text if ch.isalpha())


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
    min_letters: int = option(
        12, "Text with fewer letters than this is 'und' (undetermined).", minimum=0
    )
    max_chars: int = option(
        3000, "Identify on at most this many characters of the cleaned text.", minimum=100
    )


class LanguageStage(Stage):
    """Tag each document with its language; optionally keep only an allow-list."""

    name = "language"
    Options = LanguageOptions
    annotations_schema = {
        "type": "object",
        "required": ["candidates"],
        "additionalProperties": False,
        "properties": {
            "candidates": {
                "type": "array",
                "description": "Top candidates with their probability.",
                "items": {
                    "type": "object",
                    "required": ["code", "score"],
                    "properties": {"code": {"type": "string"}, "score": {"type": "number"}},
                },
            },
            "detector": {"type": "string"},
        },
    }

    options: LanguageOptions

    def open(self) -> None:
        _identifier()  # load the model once, before the first document

    def detect(self, text: str) -> tuple[Language, list[dict[str, Any]]]:
        sample = _URL.sub(" ", text[: self.options.max_chars])
        if letters(sample) < self.options.min_letters:
            return Language("und", 0.0), []
        ranked = _identifier().rank(sample)[:3]
        cands = [{"code": _CODES.get(c, c), "score": round(float(p), 4)} for c, p in ranked]
        code, conf = cands[0]["code"], cands[0]["score"]
        return Language(code, conf), cands

    def process(self, doc: Document) -> Document | Drop:
        lang, cands = self.detect(doc.text)
        doc.language = lang
        doc.annotations[self.name] = {"candidates": cands, "detector": "py3langid"}
        allowed = self.options.languages
        if allowed and (lang.code not in allowed or lang.confidence < self.options.min_confidence):
            return Drop(
                "language",
                {"code": lang.code, "confidence": lang.confidence, "allowed": list(allowed)},
            )
        return doc


@hookimpl
def corearchive_register_stages(register: Any) -> None:
    register(LanguageStage)
