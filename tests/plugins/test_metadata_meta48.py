# ruff: noqa: E501  (page excerpts, a line each as the page has them)
"""Session 48 (meta48): titles and dates of government, legal and scholarly pages left by
the s47 testers (acc-gov G3, G7; acc-regress R4)."""

from __future__ import annotations

import pytest

from corearchive_plugins.metadata.text import extract

_PROSE_EN = (
    "This two-day meeting will bring together researchers from the natural sciences, computer "
    "science and philosophy to discuss how machine learning is changing discovery.\n"
    "Sessions will cover the main questions of the programme, and each day closes with a "
    "discussion open to every participant who registered in advance of the meeting.\n"
)


def test_label_under_the_dateline_is_no_title() -> None:
    """A short label under the date line ("Scientific meeting") loses to the headline over
    the date line (s47 acc-gov G3, event-en-1)."""
    text = (
        "This website uses cookies. We use cookies to enhance your experience and analyse our traffic.\n"
        "Accept all cookies\n"
        "Manage cookies\n"
        "Skip to content\n"
        "The Royal Society\n"
        "Fellows\n"
        "Grants, schemes and awards\n"
        "Topics and policy\n"
        "Journals\n"
        "Events\n"
        "Home\n"
        "Science events and lectures\n"
        "2024\n"
        "AI and the future of scientific discovery\n"
        "Published 1 July 2024\n"
        "Scientific meeting\n"
        "Date: 21 - 22 October 2024\n"
        "Time: 09:00 - 17:00 BST\n"
        "Venue: The Royal Society, 6-9 Carlton House Terrace, London SW1Y 5AG\n"
        "This two-day meeting will bring together researchers from the natural sciences, computer science and philosophy to discuss how machine learning is changing the way scientific discoveries are made.\n"
        "Sessions will cover protein structure prediction, automated laboratories, the reproducibility of AI-assisted research and the training of the next generation of scientists.\n"
        "Organisers\n"
    )
    assert extract(text)["title"] == "AI and the future of scientific discovery"


def test_german_quote_paragraph_is_no_title() -> None:
    """A paragraph of quotes that ends with German's closing quote („…“) is a paragraph:
    it won the title, and the page had none (s47 acc-gov G3, uni-de-1)."""
    text = (
        "Zum Inhalt springen\nUniversität Heidelberg\nStudium\nForschung\nNewsroom\n"
        "Pressemitteilungen\nPressemitteilung Nr. 88/2024\n12. September 2024\n"
        "Neue Methode zur Früherkennung von Sepsis\n"
        "Forschende der Universität Heidelberg haben ein Verfahren entwickelt, mit dem sich eine Blutvergiftung bis zu zwölf Stunden früher erkennen lässt als mit bisherigen Methoden.\n"
        "Grundlage ist die Analyse von Stoffwechselprodukten im Blut, die mithilfe maschinellen Lernens ausgewertet werden. In einer Studie mit 1.200 Patientinnen und Patienten erreichte das Verfahren eine Treffsicherheit von 89 Prozent.\n"
        "„Bei einer Sepsis zählt jede Stunde“, sagt Studienleiterin Prof. Dr. Maria Köhler. „Eine frühere Diagnose kann Leben retten.“\n"
        "Die Ergebnisse wurden in der Fachzeitschrift „Nature Medicine“ veröffentlicht.\n"
        "Originalpublikation:\n"
        "M. Köhler et al.: Metabolomic early warning of sepsis. Nature Medicine (2024), doi: 10.1038/s41591-024-01234-5\n"
    )
    assert extract(text)["title"] == "Neue Methode zur Früherkennung von Sepsis"


def test_outline_heading_is_no_title() -> None:
    """ "A. Problem und Ziel", the first heading of a bill's outline ("B. Lösung" follows),
    is no title; the bill's own title over it is (s47 acc-gov G3, pdf-de-1)."""
    text = (
        "Deutscher Bundestag   Drucksache 20/11234\n20. Wahlperiode   17.04.2024\n"
        "Entwurf eines Gesetzes zur Stärkung der Wärmenetze\nGesetzentwurf\nder Bundesregierung\n"
        "A. Problem und Ziel\n"
        "Die Wärmeversorgung in Deutschland beruht noch überwiegend auf fossilen Brennstoffen. Wärmenetze können einen wesentlichen Beitrag zur Dekarbonisierung leisten.\n"
        "B. Lösung\n"
        "Mit dem Gesetz werden die Betreiber von Wärmenetzen verpflichtet, bis zum Jahr 2030 einen Anteil von mindestens 30 Prozent erneuerbarer Wärme zu erreichen.\n"
        "C. Alternativen\nKeine.\n"
    )
    assert extract(text)["title"] == "Entwurf eines Gesetzes zur Stärkung der Wärmenetze"


def test_lettered_headline_without_outline_stays() -> None:
    """A headline that opens with a letter and a period, with no next label on the page,
    is still the title."""
    text = (
        "Home\nHistory\nA. Lincoln and the letters he never sent to his generals\n"
        "Published 3 March 2024\n" + _PROSE_EN
    )
    assert extract(text)["title"] == "A. Lincoln and the letters he never sent to his generals"


def test_wrapped_paragraph_line_is_no_title_and_stays() -> None:
    """lynx: the first line of a wrapped Thai paragraph (no case, no sentence mark) is no
    title, and it stays in the text (s47 acc-regress R4)."""
    text = (
        "   ข่าวเมือง\n\n     * [1]Home\n     * [2]News\n\nเทศบาลเปิดสวนสาธารณะแห่งใหม่\n\n"
        "   เทศบาลนครได้เปิดสวนสาธารณะแห่งใหม่ใจกลางเมืองเมื่อวันจันทร์ที่ผ่านมา\n"
        "   โดยมีพื้นที่ประมาณสิบไร่\n"
        "   และมีทางเดินสำหรับคนเดินเท้าและเลนจักรยานโดยรอบ\n"
        "   นายกเทศมนตรีกล่าวว่าสวนแห่งนี้จะช่วยลดความร้อนในเมืองและเป็นพื้นที่พักผ\n"
        "   ่อนให้กับประชาชน\n\n"
        "   ชาวบ้านในพื้นที่ต่างแสดงความยินดี แต่บางคนกังวลเรื่องที่จอดรถ\n"
        "   เนื่องจากมีผู้มาใช้บริการจำนวนมากในช่วงวันหยุดสุดสัปดาห์\n\n"
    )
    res = extract(text)
    wrapped = "ชาวบ้านในพื้นที่ต่างแสดงความยินดี แต่บางคนกังวลเรื่องที่จอดรถ"
    assert res["title"] != wrapped
    lines = text.split("\n")
    assert wrapped not in [lines[k].strip() for k in res["lines"].get("title", [])]


@pytest.mark.parametrize(
    ("head", "day"),
    [
        (
            "Федеральный закон от 01.07.2024 № 160-ФЗ «О внесении изменений в Федеральный закон «Об информации»»",
            "2024-07-01",
        ),
        (
            "Федеральный закон от 12 мая 2024 г. № 101-ФЗ «О внесении изменений в отдельные законодательные акты»",
            "2024-05-12",
        ),
    ],
)
def test_act_dated_by_its_title(head: str, day: str) -> None:
    """A law's date in its title, joined to its number, is its date: not its adoption's
    nor its entry into force's in the text (s47 acc-gov G7, law-ru-1)."""
    text = (
        "Главная\nЗаконодательство\nПоиск\n" + head + "\n"
        "Принят Государственной Думой 18 апреля 2024 года\nОдобрен Советом Федерации 26 апреля 2024 года\n"
        "Статья 1\n"
        "Внести в Федеральный закон от 27 июля 2006 года № 149-ФЗ «Об информации, информационных технологиях и о защите информации» следующие изменения.\n"
        "Статья 2\nНастоящий Федеральный закон вступает в силу с 1 сентября 2024 года.\n"
    )
    assert extract(text)["published"] == day


def test_row_of_lynx_links_is_no_title() -> None:
    """A footer's row of lynx's numbered links is no title (s47 acc-regress R4: it was
    the Thai page's title before, and again once the paragraph's line was none)."""
    text = (
        "   ข่าวเมือง\n\n     * [1]Home\n     * [2]News\n\nเทศบาลเปิดสวนสาธารณะแห่งใหม่\n\n"
        "   เทศบาลนครได้เปิดสวนสาธารณะแห่งใหม่ใจกลางเมืองเมื่อวันจันทร์ที่ผ่านมา\n"
        "   นายกเทศมนตรีกล่าวว่าสวนแห่งนี้จะช่วยลดความร้อนในเมืองและเป็นพื้นที่พักผ\n"
        "   ่อนให้กับประชาชน\n\n"
        "   ชาวบ้านในพื้นที่ต่างแสดงความยินดี แต่บางคนกังวลเรื่องที่จอดรถ\n"
        "   เนื่องจากมีผู้มาใช้บริการจำนวนมากในช่วงวันหยุดสุดสัปดาห์\n\n"
        "   แชร์\n   [7]Impressum [8]Privacy\n"
    )
    title = extract(text)["title"]
    assert title is None or "Privacy" not in title


def test_runner_up_far_from_the_story_is_no_title_when_a_line_below_it_won() -> None:
    """When the best candidate stood below the story's last paragraph the page got no
    title; dropping that one made the runner-up win: a cookie banner's heading at the top
    of an easy-read page whose short sentences make no story block (s49 acc-regress R8)."""
    text = (
        "Skip to main content\nAccessibility tools\nTell us whether you accept cookies\n"
        "We use cookies to collect information about how you use this website.\n"
        "Accept all cookies\nSet cookie preferences\nHome\nBins and recycling\nCouncil tax\n"
        "Schools\nRoads and travel\nAdult social care\nYour council\nA to Z of services\n"
        "Contact us\nHome\nYour council\nBudgets and spending\n"
        "Easy read: changes to your bin collections\nPublished: 1 April 2025\n"
        "Print this page\nShare this page\n"
        "From 2 June your bins will be collected on a different day.\nWe will send you a letter.\n"
        "The letter will tell you your new day.\nYour green bin is for garden waste.\n"
        "Your blue bin is for paper and card.\nYour black bin is for other rubbish.\n"
        "Put your bin out by 7am.\nIf you need help, phone us on 0300 123 4567.\n"
        "Categories\nBins and recycling\nEasy read\nPrint this page\nWas this page helpful?\n"
        "Yes\nNo\nRelated pages\nBin collection days\nOrder a new bin\nPrivacy notice\n"
        "© Northshire County Council 2025\n"
    )
    assert extract(text)["title"] != "Tell us whether you accept cookies"


@pytest.mark.parametrize(
    "caption",
    [
        ["Samuel Alito and Elizabeth Prelogar", "Samuel Alito and Elizabeth Prelogar"],
        ["Marcell Jansen (l.) Piotr Trochowski"],
    ],
)
def test_photo_caption_of_names_is_no_title(caption: list[str]) -> None:
    """Two names printed twice in a row (an image's alt over its caption, as w3m and lynx
    write them) or names with their places in the photo ("(l.)") are a caption: it won over
    the headline once two names could head a page (s49 acc-regress R2)."""
    text = "\n".join(
        [
            "Politics",
            "Supreme Court",
            "The nonstop sparring match between the conservative justice and the liberal attorney",
            "Link Copied!",
            "Ad Feedback",
            *caption,
            "",
            "Getty Images/Sipa USA",
            "Justice Samuel Alito is the tip of the spear for conservatives challenging the administration during oral arguments at the Supreme Court.",
            "He is a fierce questioner, ready to trap advocates in their arguments. And he becomes demonstrably riled when he fails to get the answer he wants.",
            "Solicitor General Elizabeth Prelogar is the administration's top lawyer at the court, defending the policies that are the source of much of his consternation.",
        ]
    )
    assert extract(text)["title"] not in caption
