"""Metadata stage: the s47 code review's findings on session 46's readers (acc-read F5, F6,
F9, F10): a section's name in another script as the site's name, compound surnames split at
their "y"/"i", slugs of other scripts as tags, rulers' titles read as names."""

from __future__ import annotations

import pytest

from corearchive.testing import make_document
from corearchive_plugins.metadata import MetadataStage
from corearchive_plugins.metadata.text import _name_by_form, parse_authors, title_site
from tests.plugins.test_metadata_wire45 import _ld_page

_URL = "https://www.example.com/a/b"


@pytest.mark.parametrize(
    ("head", "section"),
    [
        ("انخفاض أسعار النفط في الأسواق العالمية اليوم", "اقتصاد"),
        ("Путин провёл встречу с губернатором области", "Экономика"),
        ("习近平会见美国国务卿布林肯的详细报道内容", "国际"),
        ("Η κυβέρνηση ανακοίνωσε νέα μέτρα για την οικονομία", "Οικονομία"),
    ],
)
def test_a_section_of_another_script_is_no_site_name(head: str, section: str) -> None:
    """F5: a segment without Latin letters skipped the section test and the domain's."""
    assert title_site(f"{head} | {section}", head, _URL) is None
    assert title_site(f"{head} | {section}", head) is None


def test_a_site_name_of_another_script_still_is_one() -> None:
    head = "习近平会见美国国务卿布林肯的详细报道内容"
    assert title_site(f"{head} | 新华网", head, _URL) == "新华网"
    head = "Путин провёл встречу с губернатором области"
    assert title_site(f"{head} | Известия", head, _URL) == "Известия"


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("Pere Aragonès i Garcia", ["Pere Aragonès i Garcia"]),
        ("José Ortega y Gasset", ["José Ortega y Gasset"]),
        ("Josep Maria Bartomeu i Floreta", ["Josep Maria Bartomeu i Floreta"]),
        ("Pere Aragonès i Garcia i Joan Puig", ["Pere Aragonès i Garcia", "Joan Puig"]),
        # (two people's names stay two; an agency or the newsroom is no surname, no author)
        ("Jan Kowalski i Anna Nowak", ["Jan Kowalski", "Anna Nowak"]),
        ("María López y Juan Pérez", ["María López", "Juan Pérez"]),
        ("Ana Ruiz y EFE", ["Ana Ruiz"]),
        ("Ana Ruiz y Agencias", ["Ana Ruiz"]),
        ("Laura Sala i Redacció", ["Laura Sala"]),
    ],
)
def test_a_compound_surname_is_one_name(byline: str, names: list[str]) -> None:
    """F6: "i" as a conjunction made a compound surname's last word an author."""
    assert parse_authors(byline) == names


@pytest.mark.parametrize(
    ("keywords", "tags"),
    [
        # (a slug is a CMS's key in any script, among tags in case or in small letters)
        ('["Brexit", "breaking-news", "Londres"]', ["Brexit", "Londres"]),
        ('["Экология", "изменение-климата"]', ["Экология"]),
        ('["экология", "изменение-климата"]', ["экология"]),
        ('["tubeless", "mtb-montage", "werkstatt-highlights"]', ["tubeless"]),
    ],
)
def test_slugs_are_keys_in_every_script(run_stage, keywords: str, tags: list[str]) -> None:  # type: ignore[no-untyped-def]
    """F9: a hyphenated keyword in small Latin letters was dropped, a Cyrillic one not."""
    ld = '{"@type": "NewsArticle", "headline": "Council approves", "keywords": ' + keywords + "}"
    html = _ld_page(ld)
    doc = make_document(html, html=True, uri="https://h.example/b")
    assert (run_stage(MetadataStage, doc).kept[0].tags or []) == tags


@pytest.mark.parametrize("line", ["Папа Лев", "Князь Владимир", "Патриарх Кирилл"])
def test_a_rulers_title_and_name_is_no_byline_name(line: str) -> None:
    """F10: "Лев" ends as a surname does; a title before it makes a headline's words."""
    assert not _name_by_form(line)


def test_russian_names_still_read_by_form() -> None:
    assert _name_by_form("Петров Сергей")
    assert _name_by_form("Дмитрий Орлов")
