"""The ``readability`` stage: sentence and word statistics, and a drop policy for thin text.

Add it to a pipeline in ``corearchive.toml``::

    [pipeline]
    stages = ["boilerplate", "readability", "metadata", "language", "dedup"]

    [stages.readability]
    min_words = 50
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from corearchive import Document, Drop, Stage, hookimpl, option

_SENTENCE_END = re.compile(r"[.!?]+(?:\s|$)")


@dataclass(frozen=True)
class ReadabilityOptions:
    min_words: int = option(
        0, "Drop documents with fewer words than this (0: keep all).", minimum=0
    )


class ReadabilityStage(Stage):
    """Annotate words, sentences and mean sentence length; drop documents that are too thin."""

    name = "readability"
    Options = ReadabilityOptions
    # Where `corearchive ingest --enable readability` puts it: on the cleaned text, before
    # the metadata stage (a config's pipeline.stages may put it anywhere).
    after = "boilerplate"
    # What this stage adds under annotations.readability; the host enforces it on every record.
    annotations_schema = {
        "type": "object",
        "required": ["words", "sentences", "words_per_sentence"],
        "additionalProperties": False,
        "properties": {
            "words": {"type": "integer", "minimum": 0},
            "sentences": {"type": "integer", "minimum": 0},
            "words_per_sentence": {"type": "number", "minimum": 0},
        },
    }

    options: ReadabilityOptions

    def process(self, doc: Document) -> Document | Drop:
        words = len(doc.text.split())
        sentences = max(len(_SENTENCE_END.findall(doc.text)), 1 if words else 0)
        if words < self.options.min_words:
            return Drop("too_short", {"words": words, "min_words": self.options.min_words})
        doc.annotations[self.name] = {
            "words": words,
            "sentences": sentences,
            "words_per_sentence": round(words / sentences, 2) if sentences else 0.0,
        }
        return doc


@hookimpl
def corearchive_register_stages(register: Any) -> None:
    register(ReadabilityStage)
