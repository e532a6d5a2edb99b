"""Small test plugins and helpers shared by the host tests."""

from __future__ import annotations

import random
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from corearchive import Document, Drop, Stage, hookimpl, option
from corearchive.manager import PluginManager, make_plugin_manager

ARTICLE = "\n".join(
    [
        "Local council approves new budget for schools",
        "",
        "The city council voted on Tuesday to approve a new budget that increases funding for "
        "public schools by twelve percent over the next two years, officials said.",
        "",
        "Supporters of the measure argued that the additional money would allow districts to "
        "hire more teachers, reduce class sizes and repair ageing buildings across the city.",
        "",
        "Opponents warned that the plan relies on optimistic revenue forecasts and could force "
        "cuts to other services if the local economy slows down in the coming months.",
        "",
        "Share",
    ]
)


@dataclass(frozen=True)
class TagOptions:
    label: str = option("x", "The label to add.")


class TagStage(Stage):
    """A third-party stage: appends its label to ``annotations.tagger.labels``."""

    name = "tagger"
    Options = TagOptions
    annotations_schema = {
        "type": "object",
        "required": ["labels"],
        "additionalProperties": False,
        "properties": {"labels": {"type": "array", "items": {"type": "string"}}},
    }

    def process(self, doc: Document) -> Document:
        doc.annotations.setdefault(self.name, {"labels": []})["labels"].append(self.options.label)
        # Record when it ran relative to the boilerplate stage.
        doc.annotations[self.name]["labels"].append(
            "after-boilerplate" if "boilerplate" in doc.annotations else "before-boilerplate"
        )
        return doc


class StagePlugin:
    """A plugin that registers one stage class."""

    def __init__(self, stage: type[Stage]) -> None:
        self.stage = stage

    @hookimpl
    def corearchive_register_stages(self, register: Any) -> None:
        register(self.stage)


class TaggerPlugin:
    @staticmethod
    @hookimpl
    def corearchive_register_stages(register: Any) -> None:
        register(TagStage)


class ExplodingStage(Stage):
    """Raises on documents whose text contains BOOM; drops those with DROPME."""

    name = "exploding"

    def process(self, doc: Document) -> Document | Drop:
        if "BOOM" in doc.text:
            raise RuntimeError("boom on purpose")
        if "DROPME" in doc.text:
            return Drop("asked_to", {"why": "DROPME"})
        return doc


class ExplodingPlugin:
    @staticmethod
    @hookimpl
    def corearchive_register_stages(register: Any) -> None:
        register(ExplodingStage)


def pip_install_target(target: Path, what: str | Path) -> None:
    """pip-install ``what`` (a folder or a wheel) into ``target`` only: offline, no
    dependencies, no build isolation, so the test environment itself is left untouched."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "--target",
            str(target),
            str(what),
        ],
        check=True,
    )


@contextmanager
def extra_plugins(monkeypatch: pytest.MonkeyPatch, *plugins: tuple[str, Any]) -> Iterator[None]:
    """Make the CLI's plugin manager include ``plugins`` (as if they were installed)."""
    import corearchive.cli as cli_mod

    def factory(extra: Any = (), **kw: Any) -> PluginManager:
        return make_plugin_manager([*plugins, *extra], **kw)

    monkeypatch.setattr(cli_mod, "make_plugin_manager", factory)
    yield


def one_page_warc(path: Path, uri: str, page: bytes, date: str, content_type: str) -> Path:
    """Write ``path``: a gzipped WARC of one HTTP response, ``page`` at ``uri`` captured at
    ``date`` (``WARC-Date``), as a crawler writes it."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=True)
        http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        w.write_record(
            w.create_warc_record(
                uri,
                "response",
                payload=io.BytesIO(page),
                length=len(page),
                http_headers=http,
                warc_headers_dict={"WARC-Date": date},
            )
        )
    return path


#: Words of local news, for generated paragraphs (:func:`word_paragraphs`)
NEWS_WORDS = [
    "council",
    "bridge",
    "budget",
    "residents",
    "vote",
    "mayor",
    "city",
    "river",
    "traffic",
    "plan",
    "engineers",
    "cost",
    "delay",
    "report",
    "public",
    "meeting",
    "opposition",
    "support",
    "tax",
    "federal",
    "grant",
    "design",
    "contractor",
    "safety",
    "inspection",
    "year",
    "school",
    "teacher",
    "hospital",
    "nurse",
    "police",
    "court",
    "judge",
    "harbour",
    "ferry",
    "station",
]


def word_paragraphs(
    n: int, seed: int = 1, words: int = 60, vocabulary: list[str] = NEWS_WORDS
) -> list[str]:
    """``n`` paragraphs of ``words`` words drawn from ``vocabulary`` (seeded): texts whose
    overlap tests control, of no language model's liking."""
    rng = random.Random(seed)
    return [
        " ".join(rng.choice(vocabulary) for _ in range(words)).capitalize() + "." for _ in range(n)
    ]


def cleaned_and_read(run_stage: Any, text: str) -> Document:
    """The plain text ``text`` through the boilerplate stage and then the metadata stage, as
    the pipeline runs them (``run_stage``: the fixture): the document the second keeps."""
    from corearchive.testing import make_document
    from corearchive_plugins.boilerplate import BoilerplateStage
    from corearchive_plugins.metadata import MetadataStage

    doc = run_stage(BoilerplateStage, make_document(text)).kept[0]
    read: Document = run_stage(MetadataStage, doc).kept[0]
    return read
