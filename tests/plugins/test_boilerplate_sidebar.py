"""Prose-like chrome and lost article parts on unseen pages (s46 chrome46, issue 3): a
sidebar under a post's comment form, a paragraph written in capitals, a story in Burmese."""

from __future__ import annotations

import pytest
from test_boilerplate_structures import _clean

from corearchive_plugins.boilerplate.structures import COMMENT_FORM_REASON, comment_form_end

# (an excerpt of a party's blog post, held-out piratenpartei-mv.de: its menu, the post, the
# post's footer and comment form, the sidebar's teasers and the party's programme)
_POST = [
    "Navigation", "AKTUELL", "THEMEN", "Staat und Demokratie", "Wissensgesellschaft",
    "Twitter Facebook Youtube",
    "Grundeinkommen ist ein Menschenrecht!",
    "Unter diesem Motto findet am 14. September um 13 Uhr eine Demonstration in Berlin "
    "statt, die wir als Piratenpartei unterstützen und zu der wir zur Teilnahme aufrufen.",
    "Freiheit statt Angst gegen staatliche Überwachung bedeutet auch, gegen eine repressive "
    "und autoritäre Sozialpolitik einzutreten, durch die Erwerbslose mit Sanktionen bestraft "
    "werden.",
    "Beginn 13 Uhr am Neptunbrunnen",
    "Zur Eröffnung der Demonstration sprechen Susanne Wiest (Piratenpartei), Katja Kipping "
    "(MdB, DIE LINKE), Ralph Boes (parteilos) und Mathias Schweitzer vom "
    "Gewerkschafterdialog Grundeinkommen.",
    "14 Uhr auf dem Hackeschen Markt",
    "Bernadette La Hengst und ihre Mitsängerinnen und Mitsänger laden ein zum bedingungslosen "
    "Grundeinsingen.",
    "Alle weiteren Informationen zur Demonstration findet ihr hier.",
    "12. September 2013",
    "getaggt mit:Bedingungsloses GrundeinkommenBerlinDemonstrationSusanne Wiest",
    "Nächste", "Vorherige", "Was denkst du?", "Hier klicken, um das Antworten abzubrechen.",
]  # fmt: skip
_FORM = ["Name *", "eMail *", "Website", "Bitte benutze Gravatar!"]
_SIDEBAR = [
    "BUND",
    "„Darknet-Gesetz“ gefährdet Persönlichkeitsschutz und Anonymität im Internet",
    "#TERREG: Anti-Terror-Schnellzensur gefährdet unzählige Internetdienste",
    "Jetzt Spenden",
    "Wahlprogramm der Piratenpartei MV zur Landtagswahl",
    "Teilhabe, Freiheit, Transparenz",
    "(Präambel) 1. Piraten stehen für Selbstbestimmtheit und ein positives Menschenbild, "
    "das heißt Teilhabe, Freiheit und Transparenz auf allen Ebenen. Wir Piraten wollen "
    "die Möglichkeit der Teilhabe für jeden, die freie Entfaltung der Persönlichkeit und "
    "einen guten Zugang zu Information und Wissen. Wir glauben, dass Selbstbestimmtheit, "
    "in einer wohlwollenden und unterstützenden Gemeinschaft, ein Ideal ist.",
    "Mehr Demokratie wagen",
    "2. Piraten wollen mehr direkte Demokratie. Als ersten Schritt sollen Bürgerbegehren "
    "und Bürger-entscheide auf kommunaler und Landesebene vereinfacht und erleichtert "
    "werden.",
    "Starke Kommunen",
    "3. Piraten fordern die Stärkung der kommunalen Selbstverwaltung. Eine bessere "
    "finanzielle Ausstattung der Kommunen, die Korrektur der Kreisgebietsreform und eine "
    "Optimierung der Ämterstruktur.",
    "Schnelles Netz",
    "4. Piraten wollen breitbandiges Internet als Grundrecht den gleichen Stellenwert "
    "einräumen wie der Energie- und Verkehrsinfrastruktur, der Wasser- und "
    "Telefonversorgung. Das Internet ist ein unverzichtbarer Bestandteil unseres Lebens "
    "und unserer Gesellschaft geworden.",
    "Freie Medien",
    "5. Piraten fordern eine neue Medienpolitik für mehr Unabhängigkeit in den "
    "Redaktionen und mehr Vielfalt und Verfügbarkeit.",
    "Gebührenfreie Kitaplätze - Investitionen in Bildung",
    "6. Piraten fordern eine Verdopplung der Mittel für Bildung in Kitas, Schulen und "
    "Hochschulen und gebührenfreie Kitaplätze.",
    "Menschliche Sozialpolitik",
    "7. Piraten fordern eine neue Sozialpolitik, die Almosen und Tafeln überflüssig "
    "macht. Mehr Mittel, weniger Bürokratie, mehr Menschenbezug. Erste Schritt sind mehr "
    "sozialer Wohnungsbau und eine Überprüfung der gelebten Praxis bei Hartz IV.",
    "BGE",
    "8. Piraten fordern deutliche Schritte hin zu einem bedingungslosen Grundeinkommen.",
    "Gesundheit ist keine Ware",
    "9. Piraten wollen den flächendeckenden Erhalt von Geburtskliniken. Piraten wollen "
    "die Privatisierung von Krankenhäusern beenden und zurücknehmen.",
]  # fmt: skip


def test_the_sidebar_under_a_posts_comment_form_goes(run_stage):
    """The model kept a party's programme in the sidebar (numbered paragraphs of prose) under
    the post's comment form: what a page shows under the form that invites answers to its
    post is the site's. The post stays."""
    kept, why = _clean(run_stage, "\n\n".join(_POST + _FORM + _SIDEBAR))
    assert _POST[7] in kept and _POST[13] in kept
    assert not set(_SIDEBAR) & set(kept)
    assert why[_SIDEBAR[6]] == COMMENT_FORM_REASON


@pytest.mark.parametrize(
    "form",
    [
        ["[                    ] Name *", "[                    ] eMail *",
         "[                    ] Website"],  # (w3m's input boxes)
        ["______________________ Name *", "______________________ eMail *",
         "______________________ Website"],  # (lynx's)
        ["Kommentar", "Name (erforderlich)", "E-Mail (wird nicht veröffentlicht)"],
        ["Comment *", "Name *", "Email *", "Website"],
    ],
)  # fmt: skip
def test_a_comment_forms_fields_are_found_as_browsers_write_them(form):
    lines = [_POST[7], *form, _SIDEBAR[6]]
    assert comment_form_end(lines, [True] * len(lines)) == len(form)


@pytest.mark.parametrize(
    ("lines", "keep"),
    [
        # a newsletter's sign-up over the text: no paragraph kept above it
        (["Name *", "E-Mail *", "Website", _POST[7], _POST[8]], [False, False, False, True, True]),
        # a contact form asks for a message, not a website nor a comment
        ([_POST[7], "Name *", "E-Mail *", "Nachricht *", _SIDEBAR[6]], [True] * 5),
        # one field alone
        ([_POST[7], "Kommentar", _SIDEBAR[6]], [True] * 3),
        # fields far apart
        ([_POST[7], "Name", _POST[8], _POST[10], _POST[12], _POST[13], "Website"], [True] * 7),
    ],
)  # fmt: skip
def test_no_comment_form_without_its_fields_under_the_text(lines, keep):
    assert comment_form_end(lines, keep) is None


# (the end of a licence's terms, held-out gnu.org: the lines as the model decided them on
# the whole page, kept or not; it read each line of the warranty's paragraphs in capitals
# as a headline)
_TERMS = [
    ("Later license versions may give you additional or different", True),
    ("permissions. However, no additional obligations are imposed on any", True),
    ("author or copyright holder as a result of your choosing to follow a", True),
    ("later version.", True),
    ("15. Disclaimer of Warranty.", False),
    ("THERE IS NO WARRANTY FOR THE PROGRAM, TO THE EXTENT PERMITTED BY", False),
    ("APPLICABLE LAW. EXCEPT WHEN OTHERWISE STATED IN WRITING THE COPYRIGHT", False),
    ("HOLDERS AND/OR OTHER PARTIES PROVIDE THE PROGRAM “AS IS” WITHOUT WARRANTY", False),
    ("OF ANY KIND, EITHER EXPRESSED OR IMPLIED, INCLUDING, BUT NOT LIMITED TO,", False),
    ("THE IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR", False),
    ("PURPOSE. THE ENTIRE RISK AS TO THE QUALITY AND PERFORMANCE OF THE PROGRAM", False),
    ("IS WITH YOU. SHOULD THE PROGRAM PROVE DEFECTIVE, YOU ASSUME THE COST OF", False),
    ("ALL NECESSARY SERVICING, REPAIR OR CORRECTION.", False),
    ("16. Limitation of Liability.", False),
    ("IN NO EVENT UNLESS REQUIRED BY APPLICABLE LAW OR AGREED TO IN WRITING", False),
    ("WILL ANY COPYRIGHT HOLDER, OR ANY OTHER PARTY WHO MODIFIES AND/OR CONVEYS", False),
    ("THE PROGRAM AS PERMITTED ABOVE, BE LIABLE TO YOU FOR DAMAGES, INCLUDING ANY", False),
    ("SUCH DAMAGES.", False),
    ("17. Interpretation of Sections 15 and 16.", False),
    ("If the disclaimer of warranty and limitation of liability provided", True),
    ("above cannot be given local legal effect according to their terms,", True),
]  # fmt: skip
# (a blog post quoting a hotel's answer, held-out jovelstefan.de, a line each)
_LETTER = [
    ("Jetzt habe ich noch ein Problem, bei dem ich nicht weiterkomme und hoffe auf eure "
     "Hilfe. Wir fahren mit dem Auto nach Paris.", True),
    ("DEAR SIR", False),
    ("IF YOU LEAVE THE CAR IN THE STREET", False),
    ("THE WEEK END IT S FREE", False),
    ("BUT WE HAVE PRIVAT PARKING NEAR THE HOTEL COST 24 EUROS 24 HOURES", False),
    ("WE TELL YOU AT THE RECEPTION OF THE HOTEL", False),
    ("BEST REGARDS (sic!)", False),
    ("Also, liebes Internet, welche kostennutzeneffiziente Lösung schlägst du vor?", False),
    ("Lobo sagt, man soll mehr auf seinem eigenen Blog bloggen. Ich probier das mal aus.",
     True),
]  # fmt: skip


def _capitals(rows: list[tuple[str, bool]]) -> list[str]:
    from corearchive_plugins.boilerplate.lines import load_model
    from corearchive_plugins.boilerplate.structures import capital_paragraphs

    lines, keep = [s for s, _ in rows], [k for _, k in rows]
    stop = load_model()["stopwords"]  # (the shipped model's, as the stage reads them)
    return [lines[j] for j in capital_paragraphs(lines, keep, stop)]


def test_a_paragraph_in_capitals_inside_the_text_is_the_articles():
    """A licence's warranty paragraphs, hard-wrapped in capitals between its kept terms
    (their clauses' headings between them), and a letter quoted in capitals, a line a
    sentence, are prose: function words, sentences' ends or several lines, kept lines above
    and under them. The clauses' headings are left to the model."""
    found = _capitals(_TERMS)
    assert found == [s for s, k in _TERMS if not k and s.isupper() and not s[0].isdigit()]
    assert _capitals(_LETTER) == [s for s, _ in _LETTER[1:6]]


@pytest.mark.parametrize(
    "run",
    [
        # a menu in capitals: nouns
        ["NEWS", "POLITICS AND ECONOMY", "SPORT", "CULTURE AND ARTS", "SCIENCE",
         "HEALTH AND FITNESS", "TRAVEL", "OPINION", "PODCASTS AND VIDEOS", "WEATHER"],
        # one headline in capitals between paragraphs (a related story's)
        ["CO-FOUNDER 'PROUD' OF HOME DEPOT EMPLOYEES LIVING OUT THEIR AMERICAN DREAM"],
        # a short notice
        ["GET BREAKING NEWS IN YOUR BROWSER. CLICK HERE TO TURN ON NOTIFICATIONS."],
    ],
)  # fmt: skip
def test_capitals_that_are_no_prose_stay_removed(run):
    para = ("The council approved the plan on Tuesday after a long debate about its cost "
            "and the noise of the works.", True)  # fmt: skip
    assert _capitals([para, *((s, False) for s in run), para]) == []


def test_capitals_outside_the_text_stay_removed():
    """The warranty's paragraph with no kept line under it (a page's end) is the footer's."""
    assert _capitals(_TERMS[:19]) == []


# (the end of a news story in Burmese, held-out burmese_article: its paragraphs end in "။",
# Myanmar's full stop; under them the page's share bar and its top and video stories)
_BURMESE = [
    "တရားစွဲခံထားရတဲ့ အလဲဗင်းသတင်းထောက်တွေ",
    "နိုင်ငံတော်အကြည်ညိုပျက်စေမှု ပုဒ်မ ၅၀၅ (ခ) နဲ့ တရားစွဲ အဖမ်းခံထားရတဲ့ "
    "အလဲဗင်းသတင်းစာတိုက်က တာဝန်ခံအယ်ဒီတာ နှစ်ယောက် နဲ့ သတင်းထောက်ချုပ်တို့ကို ဒီကနေ့ "
    "အောက်တိုဘာလ ၂၆ ရက်မှာ တာမွေမြို့နယ်တရားရုံးက သတင်းသမားတစ်ယောက်စီကို ငွေကျပ်သိန်း"
    " ၁၀၀ နဲ့ အာမခံပေးလိုက်ပြီလို့ အမှုမှာရှေ့နေအဖြစ် လိုက်ပါဆောင်ရွက်ပေးနေတဲ့ "
    "တရားလွှတ်တော်ရှေ့နေ ဦးကြီးမြင့် က အတည်ပြုပြောပါတယ်။",
    "သူတို သုံးဦးလုံးဟာ အောက်တိုဘာ ၈ ရက် ရက်စွဲနဲ့ ထုတ်ခဲ့တဲ့ Weekly Eleven ဂျာနယ် "
    "စာမျက်နှာ ၂၆ မှာပါဝင်တဲ့ ကလောင်အမည် ဖြိုးဝေရဲ့ \" အမြဲရှုံးနေတဲ့ "
    "စက်သုံးဆီဆိုင်တွေ ပိတ်ရေး၊ ငွေချေးသူ ဘယ်သူမှန်း မသိတဲ့ ကျောင်းကားနဲ့ "
    "လူနာမည်ပေါက် ပြည်သူ့ရှယ်ယာ \" ခေါင်းစဉ်နဲ့ ဆောင်းပါးကြောင့် "
    "တရားစွဲဆိုခံခဲ့ရတာဖြစ်ပါတယ်။",
    "ဓာတ်ပုံ မူပိုင်",
    "Khin Maung Win (Shwe Inn Thar)",
    "Image caption",
    "တရားစွဲခံထားရတဲ့ အလဲဗင်းသတင်းထောက်တွေ",
    "'ဒီကနေ့ ရုံးချိန်းကို တရားလိုဘက်က လာရောက်တာမရှိခဲ့ဘူး။ တရားခွင်မှာ တရားသူကြီးက "
    "တာဝန်ခံအယ်ဒီတာ ကိုနရီမင်း၊ ကိုကျော်ဇောလင်း၊ နဲ့ သတင်းထောက်ချုပ် ကိုဖြိုးဝေ၀င်း "
    "တို့ကို အာမခံပေးခဲ့တယ်။ ဒါပေမယ့် သူတို့ကို စွဲဆိုထားတဲ့ "
    "နိုင်ငံတော်အကြည်ညိုပျက်စေမှုပုဒ်မနဲ့ စွဲဆိုထားတာကိုတော့ ရုပ်သိမ်းတာ "
    "မရှိခဲ့ပါဘူး' လို့ တရားလွှတ်တော်ရှေ့နေ ဦးကြီးမြင့် က ပြောပါတယ်။",
    "အလဲဗင်းသတင်းသမားတွေကို တရားစွဲဆိုထားတဲ့ ၅၀၅ (ခ) ပုဒ်မအမှုနဲ့ ပတ်သတ်လို့ "
    "သတင်းမီဒီယာကောင်စီကို တိုင်ကြားပြီး တွေ့ဆုံညှိနှိုင်းဖြေရှင်းဖို့ လိုတယ်လို့ "
    "သမ္မတကလည်း ညွှန်ကြားချက်ထုတ်ပြန်ထားပါတယ်။",
    "ဓာတ်ပုံ မူပိုင်",
    "Khin Mg Win (Shwe Inn Thar)",
    "Image caption",
    "တရားစွဲခံထားရတဲ့ အလဲဗင်းသတင်းထောက်တွေ",
    "ဒီအမှုကို သတင်းမီဒီယာဥပဒေပုဒ်မ ၂၁ အရ နစ်နာတဲ့အဖွဲ့အစည်း၊ ဌာန၊ ပုဂ္ဂိုလ် ဟာ "
    "အရင်ဦးဆုံး သတင်းမီဒီယာကောင်စီကို တိုင်ကြားဖို့၊ မီဒီယာဥပဒေပုဒ် ၂၂ အရ "
    "မီဒီယာကောင်စီက နှစ်ဘက်တွေ့ဆုံညှိနှိုင်းဖြေရှင်းဖို့ ညွှန်ကြားထားတာလည်း "
    "ဖြစ်ပါတယ်။",
    "မီဒီယာကောင်စီကတော့ လက်ရှိ တာမွေတရားရုံးမှာ စွဲဆိုထားတဲ့ "
    "နိုင်ငံတော်အကြည်ညိုပျက်စေမှုပုဒ်မ ၅၀၅ (ခ) အမှု ပြီးပြတ်ကာမှ ဆက်လက် "
    "ဆောင်ရွက်လို့ရမယ်လို့ ပြောထားပါတယ်။",
    "ဆက်စပ် အကြောင်းအရာများ",
    "မီဒီယာ",
    "သတင်းစာလွတ်လပ်ခွင့်",
    "သတင်းပညာ",
    "ဒီသတင်းကို ဝေမျှပါ။ ဝေမျှခြင်းအကြောင်း",
    "အီးမေးလ်",
    "Twitter",
    "Facebook",
    "Messenger",
    "Messenger",
    "WhatsApp",
    "ထိပ်ဆုံးသို့",
    "ထိပ်တန်း သတင်းများ",
    "အောက်တိုဘာ ၃၁ ရက်မနက်ပိုင်းသိသင့်တဲ့သတင်းများ",
    "အစိုးရငြိမ်းချမ်းရေးကော်မရှင်နဲ့ မြောက်ပိုင်းလက်နက်ကိုင် ၃ဖွဲ့ ဒီနေ့ တွေ့ကြမယ်၊ "
    "ဖားကန့်မှာ မြေစာပုံပြိုကျလို့ အမျိုးသမီး ၂ ဦးသေဆုံး",
    "31 အောက်တိုဘာ 2018",
    "ဒုက္ခသည် နှစ်ထောင်ကျော် ပထမအသုတ် အနေနဲ့ ပြန်ဝင်လာမယ်",
    "31 အောက်တိုဘာ 2018",
    "ဥရောပသမဂ္ဂ က ပေးထားတဲ့ ကုန်သွယ်မှုအထူးအခွင့်အရေး GSP ဆိုတာ ဘာလဲ",
    "30 အောက်တိုဘာ 2018",
    "ဗီဒီယို သတင်းများ",
    "ဗီဒီယို",
    "ဂါနာက ဖုန်းလိုင်းကောင်းတဲ့ သစ်ပင်",
    "ဗီဒီယို",
    "အချစ် အတွက် တော်ဝင် မင်းသမီး ဘွဲ့ကိုစွန့်လွှတ်သူ",
]  # fmt: skip


def test_a_burmese_storys_paragraphs_end_sentences_and_the_teasers_under_them_go(run_stage):
    """Myanmar ends a sentence with "။" (as Devanagari with "।"): the line features read no
    sentence's end in the story's paragraphs, so the page had no prose line and the teaser
    rule no article's end to find; its top stories' headlines under the story were kept. The
    paragraphs stay; the headlines go."""
    kept, _ = _clean(run_stage, "\n\n".join(_BURMESE))
    paragraphs = [s for s in _BURMESE if s.endswith("။")]
    assert paragraphs and set(paragraphs[:4]) <= set(kept)
    assert not {_BURMESE[31], _BURMESE[33], _BURMESE[37], _BURMESE[39]} & set(kept)


# (s46 midrev46 M5: a how-to article names a form's fields in a bulleted list; the form's
# evidence, a field's frame or the form's own line, is not there)
_HOWTO = [
    "A contact form is the simplest way for customers to reach you, and it takes less than "
    "an hour to set up with the tools that most website builders already include.",
    "Start by deciding which fields you really need. For most small businesses the following "
    "four fields are enough:",
    "* Name", "* Email", "* Website", "* Comment",
    "Keep the form short. Every extra field you add reduces the number of people who finish "
    "it, and the data you collect must be stored and protected under the data protection "
    "rules that apply to your business.",
    "Next, decide where the messages should go. Most builders can send each message to an "
    "email address, but a shared inbox or a ticket system makes it easier to answer quickly.",
]  # fmt: skip


def test_a_bulleted_list_of_field_names_in_the_text_is_no_comment_form(run_stage):
    assert comment_form_end(_HOWTO, [True] * len(_HOWTO)) is None
    bare = [s.lstrip("* ") for s in _HOWTO]
    assert comment_form_end(bare, [True] * len(bare)) is None
    kept, why = _clean(run_stage, "\n\n".join(_HOWTO))
    assert _HOWTO[6] in kept and _HOWTO[7] in kept
    assert COMMENT_FORM_REASON not in why.values()


def test_bare_fields_are_a_form_with_its_heading_or_button():
    form = ["Leave a Reply", "Name", "Email", "Website", "Post Comment"]
    lines = [_POST[7], *form, _SIDEBAR[6]]
    assert comment_form_end(lines, [True] * len(lines)) == 4
    form = ["Kommentar", "Name", "E-Mail", "Kommentar abschicken"]
    lines = [_POST[7], *form, _SIDEBAR[6]]
    assert comment_form_end(lines, [True] * len(lines)) == 3


def test_many_field_lines_are_read_in_one_pass():
    """A chain of fields of one kind was walked again from each of its fields (4000 lines
    "Email" took 1.7 s, s46 midrev46 M8): one pass gives the same end, in linear time."""
    import time

    lines = [_POST[7], *["Email"] * 20000, "Website *", _SIDEBAR[6]]
    began = time.perf_counter()
    assert comment_form_end(lines, [True] * len(lines)) == 20001
    assert comment_form_end(lines[:-2], [True] * (len(lines) - 2)) is None
    assert time.perf_counter() - began < 2.0
