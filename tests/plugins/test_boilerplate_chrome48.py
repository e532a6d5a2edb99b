"""A word a PDF's page end broke between two paragraph lines (s47 acc-gov G4: "con-" /
"structed" stayed two pieces in the archive's text; excerpts of the tester's pages)."""

from __future__ import annotations

from test_boilerplate_structures import _clean

from corearchive_plugins.boilerplate.reflow import broken_words

#: a report's text as pdftotext writes it: a paragraph a line, a page's end inside one
_REPORT = [
    "Summary",
    "1 The Department for Education (the Department) is responsible for ensuring that the "
    "school estate in England is safe and fit for purpose. There are around 22,000 schools "
    "with more than 64,000 buildings, many of which were con-",
    "structed between 1945 and 1980 and are now beyond their design life.",
    "2 In 2021 the Department estimated that it would cost £11.4 billion to repair or replace "
    "all defects in the school estate. Its funding for capital mainte-",
    "nance has been below the level it assessed as needed in each year since.",
    "3 The Department does not yet have a full understanding of the condition of the estate, "
    "and its long-term plans depend on surveys that will not be complete until 2026.",
]  # fmt: skip


def test_a_word_broken_at_a_pages_end_is_written_whole(run_stage):
    """The stage's text holds the words whole ("constructed", "maintenance"), each line
    where it was."""
    kept, _ = _clean(run_stage, "\n".join(_REPORT))
    text = "\n".join(kept)
    assert "many of which were constructed\nbetween 1945" in text
    assert "capital maintenance\nhas been below" in text
    assert "con-" not in text and "mainte-" not in text


def test_what_stays_broken():
    """A compound the text writes with its hyphen keeps it; a short line (a list's item),
    a capital or a conjunction after the hyphen ("pre-" / "and post-war"), a line of one
    word are left as they are."""
    long = "The council said the plan would be reviewed by the end of the year and the long-"
    assert broken_words([long, "standing dispute settled, as the long-standing row showed."]) == {
        0: (long + "standing", "dispute settled, as the long-standing row showed.")
    }
    assert broken_words(["Repairs, pre-", "and post-war buildings alike."]) == {}
    assert broken_words([long, "and post-war buildings alike, as the report says."]) == {}
    assert broken_words([long, "Standing dispute."]) == {}
    assert broken_words([long, "standing"]) == {}


def test_a_numbered_sections_heading_heads_its_paragraph():
    """A section's heading with its number ("1 Einleitung", "2.3 Methods", "1. Examine the
    Blooms") over a kept paragraph is the article's, under a keywords line too (s47 acc-gov
    G5: a journal's "1 Einleitung" lost in w3m and lynx); a date's day and month are no
    section's number, and a numbered entry over the heading it repeats is none either."""
    from test_boilerplate_structures import LEAD, MID

    from corearchive_plugins.boilerplate.structures import headed_paragraphs

    def found(lines: list[str], keep: list[bool]) -> list[int]:
        return headed_paragraphs(lines, keep, [0.3] * len(lines), [False] * len(lines))

    keywords = "Bürgerräte · Deliberation · Demokratie"
    for heading in ("1 Einleitung", "2.3 Methods and data", "1. Examine the Blooms"):
        assert found([LEAD, keywords, heading, MID], [True, False, False, True]) == [2]
    for date in ("12. Mai", "3 November"):
        assert found([LEAD, date, MID], [True, False, True]) == []
    # (a ranking's entry, then the name as the heading: the heading is taken, not the entry)
    assert found([LEAD, "3. Jim Parsons", "Jim Parsons", MID], [True, False, False, True]) == [2]


#: a German guide's page as text (s47 acc-gov guide-de-1): a contents list the model kept
_GUIDE_DE = [
    'Wir verwenden Cookies, um unsere Webseite für Sie möglichst benutzerfreundlich zu gestalten.',
    'OK',
    'Weitere Informationen',
    'Zur Hauptnavigation springen',
    'Zum Inhalt springen',
    'Startseite',
    'Themen',
    'Integration',
    'Integrationskurse',
    'Sie befinden sich hier:',
    'Startseite',
    'Themen',
    'Integration',
    'Integrationskurse: Häufige Fragen zur Teilnahme',
    'Stand: 15.01.2024',
    'Inhaltsverzeichnis',
    'Wer kann teilnehmen?',
    'Was kostet der Kurs?',
    'Wie melde ich mich an?',
    'Wer kann teilnehmen?',
    (
        'Am Integrationskurs können Ausländerinnen und Ausländer teilnehmen, die dauerhaft in '
        'Deutschland leben. Auch Unionsbürgerinnen und Unionsbürger sowie Deutsche mit '
        'Förderbedarf können zugelassen werden.'
    ),
    'Ob Sie zur Teilnahme verpflichtet sind, entscheidet die Ausländerbehörde oder das Jobcenter.',
    'Was kostet der Kurs?',
    (
        'Für jede Unterrichtsstunde zahlen Sie einen Kostenbeitrag von 2,29 Euro. Wer '
        'Bürgergeld oder Sozialhilfe bezieht, kann von den Kosten befreit werden.'
    ),
    (
        'Wenn Sie die Abschlussprüfung innerhalb von zwei Jahren bestehen, wird Ihnen die '
        'Hälfte des Kostenbeitrags erstattet.'
    ),
    'Wie melde ich mich an?',
    (
        'Mit Ihrer Teilnahmeberechtigung wenden Sie sich an einen Kursträger in Ihrer Nähe. '
        'Der Kursträger führt einen Einstufungstest durch und hilft Ihnen bei der Anmeldung.'
    ),
    'Diese Seite',
    'Teilen',
    'Drucken',
    'Kontakt: Bürgerservice, Telefon +49 911 943-0',
    'Impressum',
    'Datenschutz',
    'Barrierefreiheit',
    'Leichte Sprache',
    '© Bundesamt für Migration und Flüchtlinge',
]  # fmt: skip


def test_a_kept_contents_list_goes_and_its_sections_stay(run_stage):
    """The stage on the guide: the contents list under "Inhaltsverzeichnis" goes, each
    question stays once, over its answer (s47 acc-gov G5)."""
    kept, _ = _clean(run_stage, "\n".join(_GUIDE_DE))
    for question in ("Wer kann teilnehmen?", "Was kostet der Kurs?", "Wie melde ich mich an?"):
        assert kept.count(question) == 1
        assert kept[kept.index(question) + 1] == _GUIDE_DE[_GUIDE_DE.index(question, 19) + 1]
    assert "Kontakt: Bürgerservice, Telefon +49 911 943-0" not in kept
