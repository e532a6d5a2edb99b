"""Session 44's genre test (acc-genres: live blogs, interviews, wire copy, reviews... in six
languages and six forms): the metadata findings. Small excerpts of the tester's pages."""

from __future__ import annotations

import pytest

from corearchive.testing import make_document
from corearchive_plugins.boilerplate import BoilerplateStage
from corearchive_plugins.metadata import MetadataStage
from corearchive_plugins.metadata.text import extract, parse_authors, share_name
from corearchive_plugins.metadata.wire import credits, split_authors

from helpers import cleaned_and_read


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ("Priya Nair Mon 08 Apr 2024 15.20 GMT", ["Priya Nair"]),
        ("Rachel Mendes and Tom Okafor Mon 15 Jan 2024 08.02 GMT", ["Rachel Mendes", "Tom Okafor"]),
        ("Daniel Price Sun 03 Mar 2024 07.00 GMT", ["Daniel Price"]),
        ("Margaret O'Neill Tue 20 Feb 2024 06.00 GMT", ["Margaret O'Neill"]),
        ("Owen Blake and Data Desk Fri 14 Jun 2024 11.00 GMT", ["Owen Blake", "Data Desk"]),
        ("Jane Roe Sun, Mar 3, 2024", ["Jane Roe"]),
        # a name's word that is a weekday's short name, before a day it does not fit
        ("Li Sun 05 Mar 2024", ["Li Sun"]),
        ("Li Sun, Mar 5, 2024", ["Li Sun"]),
        # ... and with no year, unless its day's number follows it (s45 read F8)
        ("Yilei Sun, Apr. 8", ["Yilei Sun"]),
        ("Yilei Sun Apr 8", ["Yilei Sun"]),
        ("Li Wed Dec. 4", ["Li Wed"]),
    ],
)
def test_a_bylines_weekday_before_its_date_is_no_name(byline: str, authors: list[str]) -> None:
    """G7: w3m and lynx put a Guardian-style byline and its date on one line ("By Priya Nair
    Mon 08 Apr 2024 15.20 GMT"); the weekday stayed a word of the last name ("Priya Nair
    Mon")."""
    assert parse_authors(byline) == authors


_FR_QA = """Retraite
Retraite progressive : qui peut en bénéficier et comment la demander ?
Par Isabelle Faure
Publié le 2 septembre 2024 à 06h45
Partager
Depuis la réforme de 2023, la retraite progressive est ouverte à davantage de salariés. Ce \
dispositif permet de travailler à temps partiel tout en touchant une partie de sa pension.
À partir de quel âge ?
Le dispositif est ouvert deux ans avant l'âge légal de départ, soit à 60 ans et 9 mois pour \
les personnes nées en 1964.
Mon employeur peut-il refuser ?
Oui, mais il doit justifier son refus par écrit, en montrant que le temps partiel est \
incompatible avec l'activité de l'entreprise.
{label}
Retraite
Emploi
Décryptage
Inscrivez-vous à notre newsletter pour recevoir l'essentiel de l'actualité.
Mentions légales
"""

_JA_TIPS = """暮らし
熱中症を防ぐために今日からできる5つのこと
佐藤 美咲
2024年7月12日 7時30分
シェア
今年の夏は例年より気温が高くなると予想されています。医師に聞いた、熱中症を防ぐための5つのポイントを紹介します。
1. のどが渇く前に水分をとる
のどの渇きを感じたときには、すでに体の水分が不足しています。1時間ごとにコップ1杯の水を飲むようにしましょう。
2. 塩分も忘れずに
大量に汗をかいたときは、水だけでなく塩分も失われています。経口補水液やスポーツドリンクが効果的です。
キーワード:
暮らし
健康
熱中症
ニュースレターに登録すると、毎朝主要ニュースをお届けします。
関連記事
台風10号、週末に東海地方へ接近の恐れ
名古屋市、来年度から保育料を無償化へ
"""

_GALLERY = """Photos
Photos: Valley Summer Carnival 2024
By Emily Tran
Posted Jul 21, 2024
Thousands turned out on Saturday for the 62nd Valley Summer Carnival, with a parade of 40 \
floats, a pie-eating contest and fireworks over the lake.
1 of 4
The Valley High marching band leads the parade down Main Street on Saturday morning.
2 of 4
Maya Ortiz, 7, waves from the fire department's float.
3 of 4
Volunteers from the Rotary Club serve pancakes to a queue that stretched around the block.
4 of 4
Fireworks light up Lake Wren as the carnival comes to an end.
Photos by Emily Tran / Valley Gazette
Topics:
Photos
Community
Events
Sign up for Valley Gazette's free daily headlines.
Trending Now
Road work to close Route 9 bridge for three weeks
Contact Us
"""

_OBITUARY = """Walter J. Henning, 1931–2024
Posted Mar 28, 2024
Walter James Henning, 92, of Lakeside, passed away peacefully on March 24, 2024, at Valley \
Memorial Hospital, surrounded by his family.
A visitation will be held Friday, April 5, from 4 to 7 p.m. at Olson Funeral Home. The \
funeral will be Saturday at 11 a.m. at St. Paul's. In lieu of flowers, memorials may be \
given to the Lake Wren Conservation Fund.
Sign the guest book
Send flowers
Topics:
Obituaries
Sign up for Valley Gazette's free daily headlines.
Trending Now
"""


@pytest.mark.parametrize(
    ("text", "tags"),
    [
        (_FR_QA.format(label="Sujets:"), ["Retraite", "Emploi", "Décryptage"]),
        (_FR_QA.format(label="Temas:"), ["Retraite", "Emploi", "Décryptage"]),
        # (a Japanese newsletter's sentence and a related box's label end the run)
        (_JA_TIPS, ["暮らし", "健康", "熱中症"]),
        # (a label with its colon under a gallery's captions and credit: five lines down)
        (_GALLERY, ["Photos", "Community", "Events"]),
        # (one tag under a label with its colon, before the newsletter's sentence)
        (_OBITUARY, ["Obituaries"]),
    ],
)
def test_a_tag_list_under_its_label_after_the_article(text: str, tags: list[str]) -> None:
    """G9: French and Spanish tag labels were unknown ("Sujets:", "Temas:"), a labelled list
    more than two lines under the last paragraph was not read, one tag under "Topics:" was
    taken for a heading's line, and a Japanese list ran on into the newsletter's sentence
    and the related box's label ("関連記事")."""
    assert extract(text)["tags"] == tags


_RU_LIVE = """Войти
Северные вести
Главная
Новости
Ледоход
Ледоход на Северной Двине: онлайн-трансляция
Обновлено 15:10
{byline}3 мая 2024, 07:00
Поделиться
ВКонтакте
Telegram
Одноклассники
15:10
Уровень воды у Архангельска стабилизировался на отметке 4,2 метра. Подтопленных домов пока нет.
Поделиться
12:35
Спасатели МЧС взорвали ледовый затор у деревни Усть-Пинега. Вода начала уходить.
Поделиться
09:20
На Северной Двине у Холмогор образовался затор длиной около пяти километров.
Поделиться
07:00
Доброе утро! Мы начинаем онлайн-трансляцию о ледоходе на реках Архангельской области.
Поделиться
Теги:
Ледоход
Паводок
"""

_RU_INTERVIEW = """Спорт
Тренер «Водника»: «Мы играем для города, а не для таблицы»
{name}
2 февраля 2024, 12:00
Главный тренер архангельского «Водника» Сергей Ломов рассказал о сезоне, молодых игроках и \
о том, почему команда не меняет состав.
— Сергей Николаевич, команда идёт на шестом месте. Вы довольны началом сезона?
— Доволен работой, но не результатом. Мы проиграли три матча с разницей в один мяч, и это \
нужно исправлять.
"""


@pytest.mark.parametrize(
    ("name", "authors"),
    [
        ("Дмитрий Орлов", ["Дмитрий Орлов"]),
        ("Анна Смирнова", ["Анна Смирнова"]),
        ("Шевченко Тарас", ["Шевченко Тарас"]),
        # (an institution's or a section's name: no surname's ending, lowercase words)
        ("Государственная Дума", []),
        ("Белый дом", []),
        ("Главные Новости", []),
        # (a place's, a street's or an outlet's name with a surname's ending on a word: an
        # adjective before it, a place's possessive first; s45 read F9)
        ("Невский Проспект", []),
        ("Сергиев Посад", []),
        ("Ростов Великий", []),
        ("Комсомольская Правда", []),
        ("Московский Комсомолец", []),
        ("Георгий Жуков", ["Георгий Жуков"]),
        ("Иванов Иван Иванович", ["Иванов Иван Иванович"]),
    ],
)
def test_a_russian_name_alone_under_the_headline_is_the_byline(
    name: str, authors: list[str]
) -> None:
    """G8: a Russian byline without its word, between the headline and the date, gave no
    author; a Russian name has its surname's ending, which no institution's name has."""
    assert extract(_RU_INTERVIEW.format(name=name))["authors"] == authors


def test_a_japanese_name_alone_under_the_headline_is_the_byline() -> None:
    """G8: "佐藤 美咲" (surname, space, given name) between the headline and the date."""
    assert extract(_JA_TIPS)["authors"] == ["佐藤 美咲"]
    assert extract(_JA_TIPS.replace("佐藤 美咲", "暮らし 健康"))["authors"] == []


@pytest.mark.parametrize("name", ["Одноклассники", "Поделиться", "Share on Facebook", "X"])
def test_a_share_buttons_name_is_no_person(name: str) -> None:
    """G8: social networks' names and calls to share are no authors."""
    assert share_name(name)


@pytest.mark.parametrize("name", ["Anna Smirnova", "Line Renaud", "Jane Doe", "Mark Twitter"])
def test_a_persons_name_is_no_share_button(name: str) -> None:
    assert not share_name(name)


@pytest.mark.parametrize("byline", ["", "Анна Смирнова\n"])
def test_a_live_blogs_share_button_is_not_its_author(run_stage, byline: str) -> None:
    """G8: the Russian live blog's share bar ("Поделиться / ВКонтакте / Telegram /
    Одноклассники") over its first post's time was read as a thread's first poster, its
    author "Одноклассники"."""
    doc = make_document(_RU_LIVE.format(byline=byline))
    doc = run_stage(BoilerplateStage, doc).kept[0]
    doc = run_stage(MetadataStage, doc).kept[0]
    assert doc.authors == (byline.split("\n")[:1] if byline else [])


_KYODO = """地震
台湾東部でM7.2の地震　沖縄に一時津波警報
{credit}
2024年4月3日 10時45分
シェア
{lead}台湾東部の花蓮県沖で3日午前8時前（日本時間同9時前）、マグニチュード（M）7.2の地震があった。台湾当局によると、少なくとも4人が死亡、50人以上がけがをした。
気象庁は沖縄県の宮古島・八重山地方に津波警報を出したが、その後、注意報に切り替えた。
花蓮市内では複数の建物が傾き、当局が救助活動を続けている。
"""


@pytest.mark.parametrize(
    ("credit", "lead", "agencies"),
    [
        ("共同通信", "【台北共同】", ["Kyodo"]),
        ("共同通信", "", ["Kyodo"]),
        ("", "【台北共同】", ["Kyodo"]),
        ("", "【ワシントン時事】", ["Jiji"]),
        ("新华社", "", ["Xinhua"]),
        ("연합뉴스", "", ["Yonhap"]),
    ],
)
def test_an_east_asian_agencys_credit_and_dateline(
    credit: str, lead: str, agencies: list[str]
) -> None:
    """G15: a Japanese wire story's byline "共同通信" and dateline "【台北共同】" credited no
    agency (AP, AFP, EFE are recorded in every form)."""
    lines = _KYODO.format(credit=credit, lead=lead).split("\n")
    assert credits(lines, 1, lines[5:8]) == agencies
    assert split_authors([credit] if credit else []) == ([], agencies if credit else [])


@pytest.mark.parametrize("heading", ["【今日の時事】", "【中学生の時事】", "【ニュース時事】"])
def test_a_headlines_bracket_of_current_affairs_is_no_dateline(heading: str) -> None:
    """ "【今日の時事】円安が進む" (today's current affairs) over a story credited Jiji: a
    dateline's bracket opens a sentence of the body, its place has no hiragana (s45 read F12)."""
    lines = [
        f"{heading}円安が進む、1ドル＝160円台に",
        "2024年4月29日 10:12",
        "東京外国為替市場で円相場が一時1ドル＝160円台まで下落した。",
    ]
    assert credits(lines, 0, lines[2:]) == []
    # (nor a dateline that refuses the headline as a title; one alone on its line is one:
    # closing review meta L1)
    from corearchive_plugins.metadata.wire import dateline_agencies

    assert dateline_agencies(lines[0]) == []
    assert dateline_agencies("【台北共同】") == ["Kyodo"]


@pytest.mark.parametrize("html", [False, True])
def test_a_kyodo_story_has_the_agency_and_no_author(run_stage, html: bool) -> None:
    """G15, end to end: the HTML record had the author "共同通信", the text record no agency."""
    text = _KYODO.format(credit="共同通信", lead="【台北共同】")
    if html:
        body = "".join(f"<p>{x}</p>" for x in text.split("\n")[5:8])
        text = (
            "<html><head><title>台湾東部でM7.2の地震</title>"
            "<meta name='author' content='共同通信'></head><body><article>"
            f"<h1>台湾東部でM7.2の地震　沖縄に一時津波警報</h1><p>共同通信</p>{body}"
            "</article></body></html>"
        )
    doc = make_document(text, html=html, uri="https://www.tokai-shimbun.example/a/1")
    doc = run_stage(BoilerplateStage, doc).kept[0]
    doc = run_stage(MetadataStage, doc).kept[0]
    assert doc.authors == []
    assert doc.annotations["metadata"].get("agencies") == ["Kyodo"]


_DE_VIDEO = """Anmelden
Abonnieren
Rheinischer Kurier
Startseite
Politik
Region
Video: Die letzte Fahrt der Rheinfähre „Lorelei II“
Von Tim Berger
27.10.2024, 17:00 Uhr
Nach 61 Jahren im Dienst hat die Rheinfähre „Lorelei II“ am Sonntag ihre letzte Fahrt \
zwischen St. Goar und St. Goarshausen gemacht. Hunderte Menschen standen am Ufer.
Die neue Fähre soll im Frühjahr in Betrieb gehen. Bis dahin pendelt ein Ersatzschiff, das \
allerdings nur halb so viele Autos aufnehmen kann.
Themen:
Video
Region
Rhein
"""

_FR_TOP = _FR_QA.format(label="Sujets:") + "© La Dépêche du Littoral 2024. Tous droits réservés.\n"


@pytest.mark.parametrize(
    ("text", "url", "site"),
    [
        # (a tag line that is a part of the domain's name is not the site: its name is)
        (_DE_VIDEO, "https://www.rheinischer-kurier.de/region/video-faehre", "Rheinischer Kurier"),
        # (a copyright holder whose words, but its small ones, spell the domain)
        (_FR_TOP, "https://www.depeche-littoral.fr/retraite/progressive", "La Dépêche du Littoral"),
    ],
)
def test_a_texts_site_line_names_the_whole_domain(text: str, url: str, site: str) -> None:
    """G13: JSONL records (a text with its address): the tag "Rhein" was the site of
    rheinischer-kurier.de, and "La Dépêche du Littoral" on depeche-littoral.fr none."""
    assert extract(text, url=url)["site_name"] == site


_CBS_APP_FOOTER = """Volker & Morrison Hearing
Boeing 737 Engines
News
US
World
Police release video of the rescue of a kidnapped girl in Fort Worth
Police released dramatic video showing the rescue of an 8-year-old girl who was taken \
from her mother's side on Saturday evening, officers said on Monday.
The girl was found in a motel room about 20 miles away and was unharmed, they said.
Advertise
Site Map
View CBS News In
CBS News App
Open
"""


def test_a_line_that_holds_the_site_and_more_gives_only_the_sites_words() -> None:
    """A JSONL record of cbsnews.com: its app banner's "View CBS News In" named the whole
    domain and was taken as the site over its menu's "News" (s45 acc-regress R5): the
    line's run of words that names it is the site's name."""
    got = extract(_CBS_APP_FOOTER, url="https://www.cbsnews.com/news/fort-worth-rescue/")
    assert got["site_name"] == "CBS News"


def test_an_html_pages_title_segment_names_the_site_over_its_address(run_stage) -> None:
    """G13: a page without og:site_name, "<title>… | Diario del Sur</title>", had its
    address "diariodelsur.es" as the site's name (trafilatura's, from the canonical URL)."""
    page = (
        "<html lang='es'><head><meta charset='utf-8'>"
        "<title>El agua no puede esperar otra legislatura | Diario del Sur</title>"
        "<link rel='canonical' href='https://www.diariodelsur.es/opinion/tribuna-agua'>"
        "</head><body><header><a class='logo' href='/'>Diario del Sur</a></header>"
        "<main><article><h1>El agua no puede esperar otra legislatura</h1>"
        "<p>Los embalses del Guadalquivir están al 22 % de su capacidad. No es una cifra, es "
        "una emergencia para miles de familias que viven del campo.</p>"
        "<p>Llevamos diez años de debates sobre trasvases, desaladoras y modernización de "
        "regadíos, y apenas se ha ejecutado un tercio de las obras prometidas.</p>"
        "</article></main></body></html>"
    )
    doc = make_document(page, html=True, uri="https://www.diariodelsur.es/opinion/tribuna-agua")
    doc = run_stage(BoilerplateStage, doc).kept[0]
    doc = run_stage(MetadataStage, doc).kept[0]
    assert doc.site_name == "Diario del Sur"


def test_a_site_name_written_with_its_domains_suffix_is_kept(run_stage) -> None:
    """A site that names itself with its domain's suffix ("og:site_name" "Space.com",
    "<title>… | Space</title>") lost the suffix: its name was taken for trafilatura's
    address from the URL and the <title>'s segment put in its place (s44 genresB's
    "worse-ish", s45 left45 item 5). An address in lower case still gives way."""
    body = (
        "<main><article><h1>NASA picks five companies for its private moon lander project</h1>"
        "<p>NASA has picked five more companies to bid on deliveries to the surface of the "
        "moon, the agency said on Monday, adding to the nine chosen last year.</p>"
        "<p>The companies will compete for task orders worth up to 2.6 billion dollars over "
        "the next ten years, the agency's science chief told reporters in Washington.</p>"
        "</article></main></body></html>"
    )
    head = (
        "<html lang='en'><head><meta charset='utf-8'>"
        "<title>NASA picks five companies for its private moon lander project | Space</title>"
        "<meta property='og:site_name' content='{}'>"
        "<link rel='canonical' href='https://www.space.com/nasa-moon-lander.html'></head><body>"
    )
    for written, got in (("Space.com", "Space.com"), ("space.com", "Space")):
        page = head.format(written) + body
        doc = make_document(page, html=True, uri="https://www.space.com/nasa-moon-lander.html")
        doc = run_stage(BoilerplateStage, doc).kept[0]
        doc = run_stage(MetadataStage, doc).kept[0]
        assert doc.site_name == got
    # (a segment that spells the name in words, which an address cannot write, still wins:
    # "L'Express" over "LExpress.fr")
    page = (head.format("LExpress.fr") + body).replace("| Space<", "| L'Express<")
    page = page.replace("www.space.com", "www.lexpress.fr")
    doc = make_document(page, html=True, uri="https://www.lexpress.fr/nasa-moon-lander.html")
    doc = run_stage(BoilerplateStage, doc).kept[0]
    assert run_stage(MetadataStage, doc).kept[0].site_name == "L'Express"


_PODCAST = """Podcasts
Harbour Talk, episode 112: The last lighthouse keeper
By Ben Ashworth
Fri 16 Aug 2024 05.00 GMT
Listen on Apple Podcasts | Spotify | YouTube
Frank Dell kept the Marsh Point light for 26 years until it was automated in 1998. He tells \
Ben Ashworth what the job was really like.
Transcript
Ben Ashworth: Frank, what did a normal night at the lighthouse look like?
Frank Dell: Winding the clockwork every two hours, writing the weather in the log, and a lot \
of tea. Most nights nothing happened. That was the point.
Ben Ashworth: And the nights when something did happen?
Frank Dell: In 1987 a trawler lost its engine right under us in a gale. I was on the radio to \
the coastguard for five hours. They got all six men off.
Ben Ashworth: Do you miss it?
Frank Dell: Every single day. Not the cold, mind you.
"""

_OPINION_ES = """Opinión
El agua no puede esperar otra legislatura
Antonio Ruiz Benítez
30 de agosto de 2024, 07:00
Compartir
Los embalses del Guadalquivir están al 22 % de su capacidad. No es una cifra, es una \
emergencia para miles de familias que viven del campo.
Llevamos diez años de debates sobre trasvases, desaladoras y modernización de regadíos, y \
apenas se ha ejecutado un tercio de las obras prometidas.
Antonio Ruiz Benítez es presidente de la Asociación de Regantes del Bajo Guadalquivir.
"""

# (lynx -dump's rendering: the headline less indented than the kicker)
_KICKER = """\
   Sign in Subscribe for $1 a week

   The Harbour Ledger
     * Home
     * News
     * Politics
     * Business
     * Food
     * Culture
     * Opinion
     * Obituaries
     * Podcasts
     * Subscribe

   Investigations

 Revealed: the care home chain that owes £48m while paying its owners millions

   By Hannah Greaves and Investigations Team Mon 30 Sep 2024 06.00 GMT

   (BUTTON) Share (BUTTON) Tweet (BUTTON) Email (BUTTON) Save

   A care home group that runs 14 homes in the region owes creditors more
   than £48m while paying its owners £6.3m in dividends over the past
   three years, a Ledger investigation has found.

   Accounts filed at Companies House show that Evergreen Living Ltd
   borrowed heavily against its properties in 2021, the same year several
   homes were rated as requiring improvement.
   Advertisement
"""


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # (a dialogue's turn, "Name: question?", is no headline)
        (_PODCAST, "Harbour Talk, episode 112: The last lighthouse keeper"),
        # (a name alone in the byline's slot, between the headline and the date)
        (_OPINION_ES, "El agua no puede esperar otra legislatura"),
        # (a kicker over the headline over the byline)
        (_KICKER, "Revealed: the care home chain that owes £48m while paying its owners millions"),
    ],
)
def test_a_texts_headline_over_its_turns_name_and_kicker(text: str, title: str) -> None:
    """G6: a podcast's first transcript turn, a Spanish opinion piece's author's name and a
    lynx rendering's section label ("Investigations") were the titles."""
    assert extract(text)["title"] == title


def test_a_list_of_labelled_teasers_is_no_dialogue() -> None:
    """Headlines under their labels ("Heulage: Besser als ihr Ruf?") are no turns: a run
    of turns is a dialogue when two speakers speak twice or more."""
    text = (
        "Fütterung\nHeulage: Besser als ihr Ruf?\nLeseprobe: Das perfekte Dinner\n"
        "Heulage: Besser als ihr Ruf?\nVeröffentlicht am 03.02.2022\n"
        "Kritiker behaupten, Heulage würde das Gleichgewicht im Darm des Pferdes stören. So "
        "ganz stimmt das allerdings nicht, sagen die Tierärzte der Universität.\n"
        "Heulage ist konserviertes Gras mit einem Trockensubstanzgehalt zwischen 50 und 70 "
        "Prozent, das in Folie gewickelt lagert und dort langsam säuert.\n"
    )
    assert extract(text)["title"] == "Heulage: Besser als ihr Ruf?"


_LIVE_DE = """Wahl
Landtagswahl in Brandenburg: Alle Ergebnisse im Liveticker
Aktualisiert: 23.09.2024, 00:12 Uhr
Von Miriam Kessler und Jonas Albrecht
22.09.2024, 17:45 Uhr
Die SPD liegt nach dem vorläufigen Endergebnis knapp vor der AfD. Die Wahlbeteiligung lag mit \
72,9 Prozent so hoch wie nie seit der Wiedervereinigung.
Guten Abend und herzlich willkommen zu unserem Liveticker zur Landtagswahl in Brandenburg. Um \
18 Uhr schließen die Wahllokale.
"""

_CORRECTED = """Politics
Chancellor's spending plan falls £2bn short, watchdog says
By Priya Nair
08 Apr 2024 15.20 GMT
The government's plans for public spending fall £2bn short of what departments need, the \
fiscal watchdog said on Monday, warning of cuts to services.
The Office for Budget Responsibility said the gap would widen if inflation stayed above \
target into next year.
This article was corrected on April 10, 2024 to give the right figure for the shortfall.
"""


@pytest.mark.parametrize(
    ("text", "updated"),
    [
        (_LIVE_DE, {"value": "2024-09-23", "label": "updated", "text": "23.09.2024, 00:12 Uhr"}),
        (_CORRECTED, {"value": "2024-04-10", "label": "correction", "text": "April 10, 2024"}),
    ],
)
def test_a_texts_update_or_correction_date_is_recorded(
    run_stage, text: str, updated: dict[str, str]
) -> None:
    """G14: the update's and the correction's date of a live blog and a corrected story were
    only unlabelled candidates: which state of the story a capture holds was not recorded."""
    doc = run_stage(MetadataStage, make_document(text)).kept[0]
    got = doc.annotations["metadata"]["updated"]
    assert {k: got[k] for k in updated} == updated
    assert got["where"].startswith("text line ")
    assert doc.published is not None and doc.published[:10] < updated["value"]


def test_an_html_pages_markup_modification_time_is_recorded(run_stage) -> None:
    """G14: article:modified_time and JSON-LD dateModified were not recorded."""
    page = (
        "<html><head><title>Storm Isha live</title>"
        "<meta property='article:published_time' content='2024-01-15T08:02:00+00:00'>"
        "<meta property='article:modified_time' content='2024-01-15T14:32:00+00:00'>"
        "</head><body><article><h1>Storm Isha live: ferries cancelled</h1>"
        "<p>Power has been restored to about half of the homes that lost it overnight, the "
        "network operator said, with crews working through the afternoon.</p>"
        "<p>Ferry services remain suspended on all routes until at least tomorrow morning, "
        "the operator said in a statement.</p></article></body></html>"
    )
    doc = make_document(page, html=True, uri="https://www.harbourledger.example/live")
    doc = run_stage(MetadataStage, doc).kept[0]
    assert doc.annotations["metadata"]["updated"] == {
        "value": "2024-01-15T14:32:00+00:00",
        "where": "html (meta article:modified_time)",
        "text": "2024-01-15T14:32:00+00:00",
        "label": "modified",
    }


def test_a_page_without_an_update_has_none(run_stage) -> None:
    doc = run_stage(MetadataStage, make_document(_OPINION_ES)).kept[0]
    assert "updated" not in doc.annotations["metadata"]


_EDITORS_NOTE = """Health
Hospital waiting list falls for the first time in two years
By James Whitfield
Published: 10:00, 09 Nov 2023
Editor's note, January 12, 2024: This article has been updated to reflect revised NHS \
figures published in January, which show a smaller fall than first reported.
The number of people waiting for hospital treatment in England fell in September for the \
first time in almost two years, official figures show.
NHS England said the waiting list stood at 7.7 million, down from 7.75 million in August.
"""


def test_an_editors_notes_date_is_the_pages_change_not_its_publication(run_stage) -> None:
    """G14: "Editor's note, January 12, 2024" two months after the story is when it was
    changed (annotations.metadata.updated), never its publication date."""
    doc = run_stage(MetadataStage, make_document(_EDITORS_NOTE)).kept[0]
    assert doc.published is not None and doc.published.startswith("2023-11-09")
    updated = doc.annotations["metadata"]["updated"]
    assert (updated["value"], updated["label"]) == ("2024-01-12", "correction")


def test_a_modification_time_in_other_digits_is_not_recorded(run_stage) -> None:
    """A Bengali page's "২০২০-০৮-২৯T১০:৪৬:০৬+০১:০০" (Python's \\d reads the digits, the record
    schema's pattern does not) was recorded, and the record failed its validation."""
    page = (
        "<html><head><title>Storm</title>"
        "<meta itemprop='dateModified' content='২০২০-০৮-২৯T১০:৪৬:০৬+০১:০০'>"
        "</head><body><article><h1>Storm Isha live: ferries cancelled</h1>"
        "<p>Power has been restored to about half of the homes that lost it overnight, the "
        "network operator said, with crews working through the afternoon.</p>"
        "</article></body></html>"
    )
    doc = make_document(page, html=True, uri="https://www.harbourledger.example/live")
    doc = run_stage(MetadataStage, doc).kept[0]
    assert "updated" not in doc.annotations["metadata"]


# a lynx dump of a blog post: the sidebar "Recent from" the author (each teaser's headline
# twice, the author's name, a date), then the post's kicker and its headline, a link
_RECENT = """\
Recent from [28]Adam Clark Estes

   [29]
     * 60

   Judge Blocks Trump Administration From Allowing 3D-Printed Guns, Again

Judge Blocks Trump Administration From Allowing 3D-Printed Guns, Again

   Adam Clark Estes
   11/13/19 11:00AM
   [30]
     * 72

   Allow Me to Criticize the AirPods Pro, Which I Love

Allow Me to Criticize the AirPods Pro, Which I Love

   Adam Clark Estes
   11/13/19 9:00AM
   [31]
     * 23

   A Brief Explanation of Facebook's Scary New iPhone Bug

A Brief Explanation of Facebook's Scary New iPhone Bug

   Adam Clark Estes
   11/12/19 4:40PM

   [32]Apple

[33]The Future of Apple Innovation Is Backwards

   [35]Adam Clark Estes
   [36]Monday 5:30PM

   The big iFixit teardown is done, and [40]the results are in. The new
   16-inch MacBook Pro is a heck of a lot like the old 15-inch MacBook
   Pro, save for a few meaningful throwback features. Yes, I mean throwback
   as in retro, as in Apple actually took retired features from old
   MacBooks and reintroduced them as new features.

   I'm not complaining. The 16-inch MacBook Pro [41]looks like a hell of a
   laptop, as it should for a starting price of $2,400. The new machine
   comes with a bigger display, a bigger battery, better speakers, and a
   brand new AMD graphics card. Then there are those retro features.
"""


def test_a_lynx_posts_linked_headline_under_the_authors_recent_posts_is_its_title() -> None:
    """s44 acc-regress R10: the title was a sidebar's headline ("Recent from" the author:
    three teasers, each headline over the same name and a date) and the post's own headline,
    a link ("[33]The Future …"), lost on lynx's number. The headlines of a run of one
    author's teasers but the last are no title, and a link's number is no part of one."""
    assert extract(_RECENT)["title"] == "The Future of Apple Innovation Is Backwards"


_RELATED_UPDATED = """Home | News | Politics
Council approves new budget after long debate
By Jane Miller
Published March 1, 2024
The city council approved the new budget on Thursday evening after a debate that lasted \
more than six hours.
The budget includes more money for schools and road repairs, but cuts funding for two \
libraries in the north of the city.
Read also
Library campaigners plan protest outside city hall
Updated March 20, 2024
Bus fares to rise by ten cents from April
Updated March 18, 2024
"""


def test_a_related_teasers_update_is_not_the_pages(run_stage) -> None:
    """A related teaser's "Updated March 20, 2024" under "Read also" was the page's update
    (s45 read F10): another text's dates are set aside as for the publication date."""
    doc = run_stage(MetadataStage, make_document(_RELATED_UPDATED)).kept[0]
    assert doc.published is not None and doc.published.startswith("2024-03-01")
    assert "updated" not in doc.annotations["metadata"]


@pytest.mark.parametrize(
    ("head", "value", "where"),
    [
        # (Facebook's "+0000"; JSON-LD beside a meta of another form)
        (
            "<meta property='article:modified_time' content='2024-03-05T10:12:00+0000'>",
            "2024-03-05T10:12:00+00:00",
            "html (meta article:modified_time)",
        ),
        (
            "<meta property='article:modified_time' content='March 5, 2024'>"
            '<script type="application/ld+json">{"dateModified": "2024-03-05T10:12:00+00:00"}'
            "</script>",
            "2024-03-05T10:12:00+00:00",
            "html (JSON-LD dateModified)",
        ),
        # (a value in the record's form first, whatever its place: radio.cz's og:updated_time
        # without a zone over its article:modified_time)
        (
            "<meta property='og:updated_time' content='2020-10-23T09:58:00'>"
            "<meta property='article:modified_time' content='2021-04-07T08:09:49+02:00'>",
            "2021-04-07T08:09:49+02:00",
            "html (meta article:modified_time)",
        ),
        # (a time without a zone is no instant: its date)
        (
            "<meta property='article:modified_time' content='2024-03-05 10:12:00'>",
            "2024-03-05",
            "html (meta article:modified_time)",
        ),
    ],
)
def test_a_markup_modification_time_of_another_iso_form_is_recorded(
    head: str, value: str, where: str
) -> None:
    """A meta's "+0000" or zone-less time was no value, and it hid JSON-LD's (s45 read F11)."""
    from lxml import html as lh

    from corearchive_plugins.metadata import _markup_modified

    page = f"<html><head>{head}</head><body><p>x</p></body></html>"
    got = _markup_modified(list(lh.fromstring(page).iter("meta")), page)
    assert got is not None and (got["value"], got["where"]) == (value, where)


# a live blog as lynx writes it (s46 acc-regress R3): a menu of links, the headline (no
# link) centred, the posts under their times
_LYNX_LIVE = """\
   Nordhafener Zeitung

     * [1]Startseite
     * [2]Politik
     * [3]Wirtschaft
     * [4]Sport
     * [5]Kultur
     * [6]Panorama

                         Sturmtief Zeynep: Der Liveblog

   16:05 Uhr

   Die Feuerwehr meldet mehr als 300 Einsätze seit dem Mittag, vor allem
   wegen umgestürzter Bäume.

   15:40 Uhr

   Der Fernverkehr zwischen Hamburg und Berlin ist eingestellt, teilte die
   Bahn mit.

   15:10 Uhr

   Guten Tag und willkommen zu unserem Liveblog zum Sturmtief Zeynep.

   Teilen

   © 2025 Stadtanzeiger Medien GmbH. Alle Rechte vorbehalten.
   [7]Impressum [8]Privacy

References

   1. file:///0
   2. file:///1
   3. file:///2
   4. file:///3
   5. file:///4
   6. file:///5
   7. file:///impressum
   8. file:///privacy
"""


def test_a_lynx_menus_last_link_is_no_title(run_stage) -> None:
    """A link's number is evidence that the line is a link, and a menu's, a caption's or a
    related story's link is no headline: stripped of it, the menu's last "[6]Panorama" won
    over the live blog's headline (s46 acc-regress R3). Only a link over a byline, a date
    or an author's name (the headline above), or written again without its link, loses its
    number as a candidate."""
    read = cleaned_and_read(run_stage, _LYNX_LIVE)
    assert read.title == "Sturmtief Zeynep: Der Liveblog"
