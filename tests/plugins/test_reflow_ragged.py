"""Text wrapped raggedly (OCR of a printed column, pdftotext, a hand-wrapped mail): its line
lengths vary, so no fixed width forced its breaks; it is joined back by what goes on from
line to line, and a word the setter broke with a hyphen is joined whole."""

from __future__ import annotations

import random
import textwrap
from typing import Any

import pytest

from corearchive.testing import make_document
from corearchive_plugins.boilerplate import BoilerplateStage
from corearchive_plugins.boilerplate.reflow import ragged_band, reflow, reflow_text, wrap_width
from corearchive_plugins.metadata import MetadataStage

from helpers import cleaned_and_read

#: an OCR page of a column set in proportional type: a running head wider than the column,
#: a headline, ragged lines (34 to 45 characters), one word broken by a hyphen, a page number
COLUMN = """7   THE HARBOUR MAIL, FRIDAY, OCTOBER 4, 1895.

NEW LIFEBOAT LAUNCHED AT SANDHAVEN.
The new lifeboat presented to the town by
the Institution was launched on Tuesday
afternoon in the presence of a great crowd
of residents and visitors, who lined the
quay and the pier from end to end. After
a short service conducted by the Vicar the
boat was named by Miss Armitage, and with
her crew of thirteen men she was run down
the slipway into the harbour amid hearty
cheering. She was then taken out beyond
the bar, where the coxswain put her thro-
ugh her paces in a moderate sea, and the
spectators were much struck by the ease
with which she righted herself when cap-
sized by the crane on the north quay.

— 7 —
"""

BODY = [ln.strip() for ln in COLUMN.split("\n")[3:18]]


def _ragged_reflow(lines: list[str]) -> Any:
    """``reflow`` of ``lines`` in the ragged band they are told to be (asserted)."""
    band = ragged_band(lines)
    assert band is not None
    return reflow(lines, 0, band)


def test_a_ragged_column_is_joined_into_its_paragraph():
    lines = COLUMN.split("\n")
    # (the greedy test finds no width: the running head is the widest line, and no break is
    # one a fixed width forced)
    assert wrap_width(lines) is None
    joined, spans = _ragged_reflow(lines)
    para = next(j for j in joined if j.startswith("The new lifeboat"))
    assert para.endswith("capsized by the crane on the north quay.")
    assert "put her through her paces" in para  # (broken by the setter: joined whole)
    # the running head, the headline and the page number stay lines of their own
    assert lines[0] in joined and lines[2] in joined and "— 7 —" in joined
    assert [" ".join(x.strip() for x in lines[a:b]) for a, b in spans] != joined  # (dehyphenated)


def test_the_stage_keeps_every_line_of_a_ragged_column(run_stage):
    doc = run_stage(BoilerplateStage, make_document(COLUMN), keep_removed=True).kept[0]
    ann = doc.annotations["boilerplate"]
    assert ann["reflow"]["layout"] == "wrapped"
    removed = set(ann["removed"]["text"])
    assert not removed & set(BODY), removed & set(BODY)
    assert "The new lifeboat presented to the town by the Institution was launched" in doc.text
    # and the metadata stage takes the headline, not a body line, leaving the body whole
    meta = run_stage(MetadataStage, doc).kept[0]
    assert meta.title == "NEW LIFEBOAT LAUNCHED AT SANDHAVEN."
    assert "capsized by the crane on the north quay." in meta.text
    assert len(meta.text.split()) >= sum(len(b.split()) for b in BODY) - 2  # (2 words joined)


def test_text_written_one_paragraph_per_line_is_not_ragged(seeds):
    for page in seeds.glob("*.txt"):
        text = page.read_text("utf-8")
        assert ragged_band(text.split("\n")) is None, page.name
        got = reflow_text(text)
        assert got is None or got.layout, page.name
    # a list of short items in small letters is no column: too far apart in length
    items = ["apples", "pears and plums from the orchard", "eggs", "a loaf", "tea", "milk"]
    assert ragged_band(items) is None


def test_hyphenated_breaks_join_as_the_text_says():
    # a word broken by the setter is joined whole where the text writes it whole, and keeps
    # its hyphen where the text writes it with one, or before a capital
    lines = [
        "The newspaper of the county printed on Tuesday a",
        "long account of the long-standing quarrel, and the news-",
        "paper of the next town its reply, which the long-",
        "standing readers of both found tedious in the ex-",
        "treme; and the members of the old Anglo-",
        "French committee said nothing at all about it.",
    ]
    joined, _ = _ragged_reflow(lines)
    assert len(joined) == 1
    text = joined[0]
    assert "the newspaper of the next town" in text
    assert "the long-standing readers" in text
    assert "in the extreme;" in text
    assert "the old Anglo-French committee" in text


def test_a_setters_breaks_before_the_same_syllable_count_as_syllables(run_stage) -> None:
    """A text set with hyphenation breaks before the same syllables again and again ("audi-"
    / "ting", "deteriora-" / "ting"): a piece written only at breaks is no word of the text,
    but counted once it was, the text was not taken as hyphenated and kept "admini-stration"
    (s35 hygiene acceptance F11: the index then holds "admini" and "stration")."""
    prose = (
        "The harbour council voted on Tuesday to approve a new budget for the waterfront"
        " district, ending a debate that had run for more than eighteen months. "
    )
    paras = [textwrap.fill(prose * 2, 50) for _ in range(3)]
    paras.append(
        "A further paragraph explains that the waterfront\n"
        "redevelopment committee recommended extraordinary\n"
        "transparency measures, including independent audi-\n"
        "ting arrangements and comprehensive neighbourhood\n"
        "consultations before construction begins, and the\n"
        "summer's naïve art festiv-\n"
        "al moved to the spring after years of complaints.\n\n"
        "Several councillors questioned whether the admini-\n"
        "stration had underestimated maintenance\n"
        "expenditure, particularly regarding the deteriora-\n"
        "ting infrastructure beneath the promenade."
    )
    doc = make_document("Harbour budget approved\n\n" + "\n\n".join(paras))
    text = run_stage(BoilerplateStage, doc).kept[0].text
    for word in ("auditing", "festival", "administration", "deteriorating"):
        assert word in text, word


def test_a_wrapper_breaks_at_a_compounds_hyphen_and_keeps_it():
    # a greedy wrapper (textwrap, html2text) breaks only at a compound's own hyphen: with
    # nothing in the text to say otherwise the hyphen stays
    lines = [
        "A paragraph that a wrapper broke into several",
        "lines, because it is longer than fifty and long-",
        "standing: it runs on for a while yet, and then on",
    ]
    assert reflow(lines, 50)[0][0].count("long-standing") == 1


def test_a_title_is_not_taken_out_of_a_sentence(run_stage):
    # too short to be found wrapped: the first line of the paragraph is no headline, and the
    # words of the sentence stay in the text
    text = (
        "THE COUNTY ECHO.\n\n"
        "The Journal of this town publishes this morning a long account of the meeting held\n"
        "on Tuesday evening at the Assembly Rooms. The Mayor presided, and the hall was full.\n"
        "\nA second meeting will be held next week.\n"
    )
    doc = cleaned_and_read(run_stage, text)
    assert doc.title != (
        "The Journal of this town publishes this morning a long account of the meeting held"
    )
    assert "publishes this morning a long account of the meeting held" in doc.text


ARTICLE = (
    "The annual meeting of the Sandhaven Fishermen's Provident Society was held on Monday "
    "evening in the schoolroom, the chairman presiding over a numerous attendance of members "
    "and their friends. The secretary read the report for the past twelve months, which "
    "showed that the society had paid out considerable sums in sickness and funeral benefit, "
    "and that notwithstanding these heavy demands the reserve fund stood higher than at any "
    "previous meeting. The treasurer explained that the improvement was chiefly owing to the "
    "prudent management of the committee and to the liberal donations received from several "
    "gentlemen of the neighbourhood, whose generosity the meeting acknowledged with hearty "
    "applause. A discussion followed upon the proposal to admit the younger apprentices as "
    "members at a reduced subscription, and after some difference of opinion it was resolved "
    "to refer the question to a special committee, which will report at the quarterly meeting "
    "in January. Votes of thanks to the officers and to the chairman brought the proceedings "
    "to a close."
)


def _typeset(text: str, width: int, seed: int) -> str:
    """``text`` set in a column about ``width`` characters wide as a compositor in
    proportional type sets it: each line a few characters short of or over the width, and a
    word that does not fit broken by a hyphen where three letters or more go on each side."""
    rng = random.Random(seed)
    lines: list[str] = []
    cur = ""
    for word in text.split():
        room = width + rng.randint(-3, 2)
        if not cur or len(cur) + 1 + len(word) <= room:
            cur = f"{cur} {word}" if cur else word
            continue
        cut = room - len(cur) - 2  # (letters of the word that fit before a hyphen)
        if cut >= 3 and len(word) - cut >= 3 and word[: cut + 1].isalpha():
            lines.append(f"{cur} {word[:cut]}-")
            cur = word[cut:]
        else:
            lines.append(cur)
            cur = word
    lines.append(cur)
    return "\n".join(lines)


def test_two_settings_of_an_article_are_near_duplicates(tmp_path, monkeypatch):
    # the same article set at two column widths, as two editions or two scans print it: each
    # split word broke five shingles on each side (s30 OCR test: similarity 0.73, not a
    # near duplicate at 0.85); joined, the two texts are the same words
    from corearchive import Cleaner

    a = "PROVIDENT SOCIETY.\n" + _typeset(ARTICLE, 44, 1) + "\n"
    b = "PROVIDENT SOCIETY.\n" + _typeset(ARTICLE, 58, 2) + "\n"
    assert a.count("-\n") >= 3 and b.count("-\n") >= 3 and a != b
    monkeypatch.chdir(tmp_path)
    with Cleaner(settings=['dedup.policy="keep"']) as c:
        first = c.clean(a, url="https://archive.example/a")
        second = c.clean(b, url="https://archive.example/b")
    assert first.kept and second.kept
    assert "reserve fund stood higher" in second.record["text"]
    dup = second.record["duplicate"]
    assert dup["status"] in ("near", "exact"), dup


def test_page_numbers_and_running_heads_at_page_breaks_go(run_stage):
    # two pages as pdftotext writes them (a form feed before the second page's first line):
    # each page's running head with its page number, the sentence going on over the break
    para = (
        "The committee of the Mechanics' Institute met on Friday evening to consider the "
        "accounts of the past year, which showed a small balance in hand after the cost of "
        "the new reading room and the lectures of the winter session had been met, and it "
        "was resolved that the subscription should remain at five shillings for the"
    )
    rest = (
        "coming year. The thanks of the meeting were given to the treasurer, who has held "
        "the office for twenty years, and to the ladies who arranged the annual soirée."
    )
    page1 = "THE WEEKLY COURIER, SATURDAY, MAY 4, 1889.          PAGE 3\n\n"
    page1 += "MECHANICS' INSTITUTE.\n" + textwrap.fill(para, 76) + "\n"
    page2 = "\f4          THE WEEKLY COURIER, SATURDAY, MAY 4, 1889.\n\n"
    page2 += textwrap.fill(rest, 76) + "\n\n— 4 —\n\f"
    doc = run_stage(BoilerplateStage, make_document(page1 + page2), keep_removed=True).kept[0]
    assert "THE WEEKLY COURIER" not in doc.text and "— 4 —" not in doc.text
    assert "five shillings for the\ncoming year." in doc.text
    gone = doc.annotations["boilerplate"]["removed"]
    reasons = dict(zip(gone["text"], gone["reason"], strict=True))
    assert "— 4 —" in reasons
    head = "4          THE WEEKLY COURIER, SATURDAY, MAY 4, 1889."
    assert reasons[head].startswith("running head")


def test_two_columns_read_across_are_told(run_stage):
    left = textwrap.wrap(ARTICLE, 34)[:8]
    right = textwrap.wrap(COLUMN.split("\n", 3)[3], 34)[:8]
    text = "\n".join(f"{a:<38}{b}" for a, b in zip(left, right, strict=True)) + "\n"
    doc = run_stage(BoilerplateStage, make_document(text)).kept[0]
    assert doc.annotations["boilerplate"]["columns"] == {"lines": 8, "at": 38}
    # one story a line, or a text with a table's gutter here and there, is not
    plain = run_stage(BoilerplateStage, make_document(COLUMN)).kept[0]
    assert "columns" not in plain.annotations["boilerplate"]


def test_notices_with_a_run_in_heading_stay_blocks_of_their_own():
    lines = [
        "SHIPPING INTELLIGENCE.",
        "ARRIVED.—Jan. 16, the Mary Ann, Jones, from Cardiff, with coals for the gas company.",
        "SAILED.—Jan. 16, the Eliza, Roberts, for Lisbon, with a general cargo of hardware.",
        "",
        "The harbour master reports that the new light on the pier head was lit for the first",
        "time on Tuesday night, and that it was seen by the crews of vessels lying in the bay",
        "at a distance of nearly nine miles, a result which has given general satisfaction",
        "to the shipowners of the port and to the pilots, who had long asked for it.",
    ]
    joined, _ = _ragged_reflow(lines)
    assert joined[:4] == lines[:4]
    assert joined[4].startswith("The harbour master") and joined[4].endswith("asked for it.")


#: a paragraph rich in compounds, as Python's textwrap wraps it (s31 acc-regress #5): it
#: breaks at a compound's own hyphen
COMPOUNDS = (
    "The long-awaited report on the city's state-of-the-art water-treatment plant was "
    "published on Monday by the council's three-member review panel. It found that the "
    "so-called self-cleaning filters, installed by a little-known family-owned firm from "
    "the north-east, had worked well for twenty-one months before a short-lived fault in "
    "the run-down pumping station caused a week-long shut-down of the low-lying districts. "
    "The panel's chair-woman said the well-meaning but ill-prepared managers had ignored "
    "long-standing warnings from their fellow-workers and from a world-famous water-quality "
    "expert, and that the re-opened plant would now be checked by an independent, "
    "non-partisan, full-time inspector every six-month period."
)


def _hyphenated_words(text: str) -> set[str]:
    import re

    return set(re.findall(r"\w+(?:-\w+)+", text))


@pytest.mark.parametrize("width", [40, 45, 53, 61])
def test_a_fixed_width_wrappers_compound_breaks_keep_their_hyphens(width: int) -> None:
    wrapped = textwrap.fill(COMPOUNDS, width)
    assert wrapped.count("-\n") >= 3
    got = reflow_text("Council publishes water plant report\n\n" + wrapped + "\n")
    assert got is not None
    assert _hyphenated_words(COMPOUNDS) <= _hyphenated_words(got.text)


def test_a_hand_wrapped_mails_compounds_keep_their_hyphens() -> None:
    # a ragged (hand-wrapped) text loses the hyphen of a word the setter broke, but not of a
    # compound: a head or a tail with a hyphen of its own, a number word (#5b)
    lines = [
        "Dear members, thank you all for coming to the meeting on",
        "Tuesday evening. As most of you know, our much loved",
        "bakery on Mill Street will close at the end of the",
        "month after serving our small village for twenty-",
        "five years. The owners, a retired baker and his mother-in-",
        "law, told us that the two large and costly state-of-the-",
        "art ovens they bought last year will be given to a kitch-",
        "en in the next town over the river, where they will be",
        "put to good use by the volunteers who cook there.",
    ]
    text = _ragged_reflow(lines)[0][0]
    for word in ("twenty-five", "mother-in-law", "state-of-the-art", "kitchen"):
        assert word in text, word
    # a syllable break inside a compound's last part loses its hyphen (s32 regression
    # tester #12: "self-deter-mination"): the head's last piece is no word of the text
    lines[4] = "five years. The owners spoke of the self-deter-"
    lines[5] = "mination of a village, and said that the costly state-of-the-"
    text = _ragged_reflow(lines)[0][0]
    for word in ("self-determination", "state-of-the-art", "twenty-five", "kitchen"):
        assert word in text, word


CHAT = """Weekend hiking trip - group chat export

anna: are we still meeting at the station at eight tomorrow morning
ben: yes but i might be ten minutes late because of the bus timetable
anna: no problem, we can wait for you at the coffee stand by platform two
carla: i will bring the map and some sandwiches for everyone in the group
ben: great, do we need to book the train tickets online before we go
anna: no, we can buy a group ticket at the machine, it is cheaper that way
carla: ok see you all tomorrow then, and do not forget your rain jackets
"""

LOWER = """my favourite things about autumn

the smell of wet leaves on the path in the park near our house
warm apple cake with cream after a long walk in the cold wind
the first fire of the year in the old stove in the kitchen
long evenings with a good book and a cup of strong black tea
watching the geese fly south over the fields behind the farm
"""

RECIPE = """Grandmother's apple cake

This is the cake my grandmother baked every autumn when
the apples in her garden were ripe, and it is still the
one my children ask for on their birthdays. It keeps well
for three days in a tin and tastes even better on the
second day, when the apples have softened into the crumb.

Ingredients
250 g plain flour and two teaspoons of baking powder
150 g soft butter, cut into small cubes before mixing
150 g caster sugar and a small pinch of sea salt
three large eggs, beaten together in a separate jug
four sharp apples, peeled, cored and thinly sliced

Method
1. Heat the oven to 180 degrees and grease a round tin.
2. Beat the butter and the sugar until pale and fluffy.
3. Add the eggs a little at a time, beating after each.
4. Fold in the flour, then spread the batter in the tin.
5. Press the apple slices into the top in a neat circle.
6. Bake for about forty minutes, until golden on top.
"""

POEM = """The Harbour at Night

I walked along the harbour when the tide was running low
and watched the fishing boats come home with lanterns all aglow,
the gulls were circling overhead and crying at the moon,
a sailor on the quay was singing some forgotten tune.

The water held the city lights like coins upon a plate,
and somewhere in the fog a bell was ringing out the late
and lonely hours of the night to no one on the shore,
while I stood listening to the waves as I had done before.
"""


@pytest.mark.parametrize(
    ("text", "units"),
    [
        (CHAT, [ln for ln in CHAT.split("\n")[2:] if ln]),
        (LOWER, [ln for ln in LOWER.split("\n")[2:] if ln]),
        (RECIPE, RECIPE.split("\n")[8:13] + RECIPE.split("\n")[15:21]),
        (POEM, [ln for ln in POEM.split("\n")[2:] if ln]),
    ],
)
def test_lines_that_are_units_of_their_own_are_not_joined(text: str, units: list[str]) -> None:
    # chat turns, a list without bullets or end marks, ingredients, numbered steps, verse
    # (s31 acc-regress #6): each line is a unit, whatever its length
    got = reflow_text(text)
    out = got.text.split("\n") if got is not None else text.split("\n")
    for line in units:
        assert line in out, line
    if text is RECIPE:  # (the wrapped paragraph above them is still one line)
        assert any(ln.startswith("This is the cake") and ln.endswith("crumb.") for ln in out)


def test_a_fixed_width_texts_credits_labels_and_teasers_stay_lines() -> None:
    # on text wrapped at 80 the ragged band joined a photo credit, a "Label:" item and a
    # dateline's story onto the line above (s31 acc-regress #11)
    para = textwrap.fill(ARTICLE, 80).split("\n")
    lines = [
        *para,
        "",
        "Regenerative Energien, biobasierte Wirtschaft, moderne Stadtkonzepte - es gibt",
        "viele Ansätze, um unsere Gesellschaft nachhaltig zu machen.",
        "© Thinkstock",
        "",
        "Imran Khan-led govt's days are numbered: warns Pak cleric Fazlur Rehman",
        "KARACHI: Firebrand cleric-cum-politician Maulana Fazlur Rehman has fired a",
        "fresh salvo at Prime Minister Imran Khan.",
        "",
        *para,
    ]
    got = reflow_text("\n".join(lines))
    assert got is not None and got.width == 80
    out = got.text.split("\n")
    assert "© Thinkstock" in out
    assert "Imran Khan-led govt's days are numbered: warns Pak cleric Fazlur Rehman" in out
    assert any(ln.startswith("KARACHI: Firebrand") for ln in out)


def test_a_ragged_paragraph_without_a_stop_but_a_colon_or_anothers_scripts_stop_is_joined():
    """s32 regression tester #11: a run of lines without . ! ? ; was taken for a list or
    chat turns, never joined: an intro ending in a colon, a text whose sentences end in the
    danda (।) stayed broken."""
    intro = (
        "The following members of the crew were\npresented to the Mayor after the launch and\n"
        "received the thanks of the town for their\nlong and faithful service to the station:"
    )
    names = "Coxswain John Pengelly, Second Coxswain William Tregarthen, Bowman Thomas Hicks."
    text = COLUMN.replace("\n\n— 7 —", f"\n\n{intro}\n\n{names}\n\n— 7 —")
    got = reflow_text(text)
    assert got is not None
    assert " ".join(intro.split("\n")) in got.text.split("\n")
    danda = reflow_text(COLUMN.replace(".", "।"))
    assert danda is not None
    assert len(danda.text.split("\n")) == len(reflow_text(COLUMN).text.split("\n"))  # type: ignore[union-attr]


def test_a_wrapped_paragraph_broken_early_loses_no_line_as_a_caption(run_stage) -> None:
    """inputs/min10/short_line_in_wrapped.txt of s35 acc-regress R9: a short text wrapped at
    72 columns with one line of its first paragraph ending early ("mayor called") is read
    as wrapped, its paragraph in blocks; the block after the first (taken for the title)
    goes on with its sentence in lower case, and was removed as an image caption ("long,
    no final punctuation, next to title"): two lines of the paragraph lost."""
    text = (
        "School to be built with a loan\n\n"
        "The committee looked at three ways to pay for the new school, and in\n"
        "the end the options it kept were these: borrowing, a local tax, or a\n"
        "sale of land. After a long debate in which several members changed\n"
        "their minds, it chose to borrow the money over twenty years, which the\n"
        "mayor called\n"
        "a safe choice for a small town with few other debts to carry.\n\n"
        "Parents who spoke at the meeting said they were relieved that the\n"
        "building would finally go ahead, although some of them worried that the\n"
        "loan would leave less money for teachers and books in the years to come.\n"
    )
    doc = run_stage(BoilerplateStage, make_document(text), keep_removed=True).kept[0]
    removed = doc.annotations["boilerplate"]["removed"]
    assert not [r for r in removed["reason"] if r.startswith("image caption")], removed
    words = text.split()[6:]  # (the headline aside)
    assert doc.text.split()[-len(words) :] == words


def test_a_paragraph_joined_at_hyphen_breaks_alone_keeps_all_its_lines():
    """reflow wrote a joined paragraph's first line alone when every break in it was a
    word broken by a hyphen ("deteriora-" / "tion was found."): the joined piece was one
    part, taken for a paragraph of one line, and the rest of it was lost."""
    lines = ["The auditors found the roads of the city in a state of deteriora-",
             "tion that needed urgent repair.", "", "Next paragraph."]  # fmt: skip
    joined, spans = reflow(lines, 66)
    # (a fixed width's one break: the hyphen may be a compound's, and stays)
    assert joined[0] == lines[0] + lines[1] and spans[0] == (0, 2)


def test_a_hand_wrapped_text_of_uneven_lines_broken_in_words_is_joined():
    """Lines of 29 to 61 characters, each ending in a word broken by a hyphen (s36
    acc-regress O4, in/hand/hyphen.txt): the lengths read as a text written a block per
    line, and it was left in pieces. A line that ends inside a word is no block."""
    text = (
        "A report on the city's finances\n\n"
        "The council's auditors found that the budget had been under-\n"
        "funded for years, and that the deteriora-\n"
        "ting roads needed urgent repair. The audi-\n"
        "ting firm said that the well-\n"
        "known problems were not new, and that the self-\n"
        "evident solution was more money for main-\n"
        "tenance of the roads and bridges in the city.\n"
    )
    got = reflow_text(text)
    assert got is not None
    para = got.text.split("\n")[2]
    assert para.startswith("The council's auditors found that the budget had been underfunded")
    assert "the deteriorating roads needed urgent repair. The auditing firm said" in para
    assert para.endswith("maintenance of the roads and bridges in the city.")
    # (lines of every length without such breaks are still blocks of their own)
    assert reflow_text(text.replace("-\n", "\n")) is None


def test_a_suspended_hyphen_and_a_decades_hyphen_stay(run_stage) -> None:
    """s38 acc-read F16: "Both pre-" / "and post-war repairs" read "preand post-war", the
    "eighteen-" / "sixties" "eighteensixties": a hyphen before a conjunction is a suspended
    one, and a number word before a decade a compound's."""
    text = (
        "The old harbour\n\n"
        "The harbour walls were built in the eighteen-\n"
        "sixties and have been repaired so often\n"
        "that little of the first stone is left. The\n"
        "council's engineers found the inner basin\n"
        "badly silted and the quay walls deteriora-\n"
        "ting faster than any survey had shown,\n"
        "and they asked for money to rebuild the\n"
        "walls before the winter storms. Both pre-\n"
        "and post-war repairs used a soft lime\n"
        "mortar that the sea washes out, and the\n"
        "new plan replaces it with a harder mix.\n"
        "The work will close the basin to fishing\n"
        "boats for most of the summer, and the fish-\n"
        "ermen have asked for a temporary landing\n"
        "at the north quay while the walls are re-\n"
        "built, which the council has agreed to\n"
        "provide at its own cost for three months."
    )
    got = run_stage(BoilerplateStage, make_document(text)).kept[0].text
    for words in ("eighteen-sixties", "Both pre- and post-war", "deteriorating", "fishermen"):
        assert words in got, words


#: A short release as ``lynx -dump -width=100`` writes it: too few breaks for the text to be
#: read as wrapped (s41 acc-press F9), its quote's first line a title-like line of its own
_WIDE_RELEASE = """     * Presseaussendungen
     * Suche
     * Login

   05.11.2026 | 09:30

                        Wiener Lokalbahnen bestellen 18 neue Niederflurzüge

   Wien (OTS) - Die Wiener Lokalbahnen haben beim Hersteller Stadler 18 neue
   Niederflurtriebwagen bestellt. Das Auftragsvolumen beträgt rund 96 Millionen Euro. Die
   Fahrzeuge sollen ab Herbst 2028 auf der Badner Bahn zwischen Wien und Baden eingesetzt
   werden und die ältesten Züge der Flotte ersetzen.

   Die neuen Züge bieten mehr Platz für Kinderwagen, Rollstühle und Fahrräder, eine
   Klimaanlage in allen Wagen und Echtzeit-Fahrgastinformation. Mit 75 Sitzplätzen und 150
   Stehplätzen steigt die Kapazität pro Zug um rund 15 Prozent.

   „Wir investieren in ein Angebot, das immer mehr Pendlerinnen und Pendler nutzen“, sagte
   Geschäftsführerin Monika Unterholzner.

   Rückfragehinweis:

   Mag. Stefan Gruber

   Telefon: +43 1 555 44 120

   OTS-ORIGINALTEXT PRESSEAUSSENDUNG UNTER AUSSCHLIESSLICHER INHALTLICHER VERANTWORTUNG DES
   AUSSENDERS | NEF0003 | 2026-11-05 09:30

   Impressum | Datenschutz | AGB | © APA-OTS Originaltext-Service GmbH
"""


def test_a_short_text_wrapped_wide_keeps_a_paragraph_whole(run_stage) -> None:
    # not joined (too few breaks), the line model read the quote's first line as a teaser
    # after the article's last sentence and kept the second: "Geschäftsführerin Monika
    # Unterholzner." was left, a fragment
    assert wrap_width(_WIDE_RELEASE.split("\n")) is None
    run = run_stage(BoilerplateStage, make_document(_WIDE_RELEASE))
    kept = run.kept[0].text.split("\n")
    lines = [ln.strip() for ln in _WIDE_RELEASE.split("\n")]
    at = lines.index("Geschäftsführerin Monika Unterholzner.")
    assert lines[at - 1] in kept and lines[at] in kept, kept


@pytest.mark.parametrize(
    "lines",
    [
        [],
        ["one", "two"],
        ["a b", "https://example.com/a/very/long/address/without/a/space/in/it"],
        ["x" * 60, "a b" * 20, "c d" * 20],
        ["a b", "y" * 70, "c d e f"],
        ["a" * 90 + " b", "short line"],
    ],
)
def test_the_widest_spaced_line_is_the_longest_with_a_space(lines: list[str]) -> None:
    # (the width _decide_wrapped tests first: the longest line, when it holds a space, else
    # the longest of those that do)
    from corearchive_plugins.boilerplate import _widest_spaced

    assert _widest_spaced(lines) == max((len(s) for s in lines if " " in s), default=0)
