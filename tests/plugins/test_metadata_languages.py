"""The metadata stage on pages in scripts and languages beyond western Europe's: the byline,
tag line, date and headline of a raw scraped page read into their fields and out of
the text (an acceptance test found them all missed but the date and the headline)."""

from __future__ import annotations

import pytest

from corearchive.testing import make_document
from corearchive_plugins.metadata import MetadataStage

PAGES = {
    "ar": {
        "head": [
            "الرئيسية",
            "أخبار",
            "اقتصاد",
            "الحكومة تعلن خطة جديدة لدعم المزارعين في مواجهة الجفاف",
            "بقلم: أحمد المصري",
            "نشر في 12 مارس 2024 - 10:30",
        ],
        "tail": ["الوسوم: زراعة، جفاف، الحكومة"],
        "title": "الحكومة تعلن خطة جديدة لدعم المزارعين في مواجهة الجفاف",
        "authors": ["أحمد المصري"],
        "date": "2024-03-12",
        "tags": ["زراعة", "جفاف", "الحكومة"],
        "body": [
            "أعلنت الحكومة يوم الثلاثاء عن خطة شاملة لدعم المزارعين الذين تضرروا من موجة الجفاف التي ضربت البلاد خلال الأشهر الماضية، وتشمل الخطة تعويضات مالية مباشرة وقروضا ميسرة.",
            "وقال وزير الزراعة في مؤتمر صحفي إن الخطة ستغطي أكثر من مئة ألف مزارع في المناطق الأكثر تضررا، مشيرا إلى أن صرف التعويضات سيبدأ خلال الأسابيع المقبلة.",
            "وأضاف الوزير أن الحكومة ستعمل أيضا على تحسين شبكات الري وتشجيع استخدام تقنيات الزراعة الحديثة التي توفر المياه، بالتعاون مع المنظمات الدولية.",
        ],
    },
    "he": {
        "head": [
            "דף הבית",
            "חדשות",
            "הממשלה אישרה תוכנית חדשה לבניית דיור בר השגה",
            "מאת: דנה כהן",
            "פורסם: 14 במרץ 2024, 09:15",
        ],
        "tail": ["תגיות: דיור, ממשלה, כלכלה"],
        "title": "הממשלה אישרה תוכנית חדשה לבניית דיור בר השגה",
        "authors": ["דנה כהן"],
        "date": "2024-03-14",
        "tags": ["דיור", "ממשלה", "כלכלה"],
        "body": [
            "הממשלה אישרה ביום ראשון תוכנית לאומית לבניית עשרות אלפי יחידות דיור בר השגה ברחבי הארץ, במטרה להתמודד עם עליית מחירי הדירות בשנים האחרונות.",
            "שר השיכון אמר בישיבת הממשלה כי התוכנית תתמקד בערים בפריפריה ובמרכז הארץ, וכי חלק מהדירות יוקצו לזוגות צעירים ולמשפחות מעוטות יכולת.",
            "לדבריו, העבודות הראשונות צפויות להתחיל כבר בשנה הבאה, והמדינה תעניק הטבות מס ליזמים שיבנו דירות להשכרה ארוכת טווח במחירים מפוקחים.",
        ],
    },
    "ru": {
        "head": [
            "Главная",
            "Новости",
            "Правительство утвердило новую программу поддержки малого бизнеса",
            "Автор: Иван Петров",
            "15 марта 2024, 12:40",
        ],
        "tail": ["Теги: экономика, бизнес, правительство"],
        "title": "Правительство утвердило новую программу поддержки малого бизнеса",
        "authors": ["Иван Петров"],
        "date": "2024-03-15",
        "tags": ["экономика", "бизнес", "правительство"],
        "body": [
            "Правительство во вторник утвердило новую программу поддержки малого и среднего бизнеса, которая предусматривает льготные кредиты и снижение налоговой нагрузки для предпринимателей.",
            "Как сообщил министр экономического развития, программа рассчитана на три года и охватит более двухсот тысяч компаний в разных регионах страны.",
        ],
    },
    "zh": {
        "head": [
            "首页",
            "新闻",
            "政府宣布新措施支持中小企业发展",
            "作者：王明",
            "2024年3月16日 08:30",
        ],
        "tail": ["标签：经济 企业 政策"],
        "title": "政府宣布新措施支持中小企业发展",
        "authors": ["王明"],
        "date": "2024-03-16",
        "tags": ["经济", "企业", "政策"],
        "body": [
            "政府周二宣布了一系列支持中小企业发展的新措施，包括提供低息贷款、减免部分税费以及简化行政审批程序，以帮助企业应对当前的经济挑战。",
            "相关负责人在新闻发布会上表示，这些措施将在未来三年内逐步实施，预计将惠及全国超过五十万家中小企业。",
            "他指出，政府还将加大对科技创新型企业的扶持力度，鼓励企业加大研发投入，提升核心竞争力。",
        ],
    },
    "ja": {
        "head": [
            "東都新聞",
            "トップ | 社会 | 政治 | 経済 | 国際 | スポーツ | 天気",
            "東京都、来年度から公立小学校の給食費を無償化へ",
            "文：佐藤健太",
            "2024年11月5日 18時30分",
            "シェアする X Facebook LINE はてなブックマーク",
        ],
        "tail": ["タグ：東京都 給食 教育 子育て"],
        "title": "東京都、来年度から公立小学校の給食費を無償化へ",
        "authors": ["佐藤健太"],
        "date": "2024-11-05",
        "tags": ["東京都", "給食", "教育", "子育て"],
        "body": [
            "東京都は五日、来年度から都内の公立小学校に通う児童の給食費を全額補助し、実質的に無償化する方針を明らかにした。",
            "都の担当者によると、対象となる児童はおよそ六十万人で、必要な予算は年間三百億円を超える見通しだという。",
            "物価高騰で家計の負担が増すなか、保護者からは歓迎の声が上がる一方、財源の確保や他の自治体との格差を懸念する意見も出ている。",
        ],
    },
    "tr": {
        "head": [
            "Ana Sayfa",
            "Gündem",
            "Hükümet küçük işletmelere yönelik yeni destek paketini açıkladı",
            "Yazan: Mehmet Yılmaz",
            "17 Mart 2024, 14:20",
        ],
        "tail": ["Etiketler: ekonomi, işletme, hükümet"],
        "title": "Hükümet küçük işletmelere yönelik yeni destek paketini açıkladı",
        "authors": ["Mehmet Yılmaz"],
        "date": "2024-03-17",
        "tags": ["ekonomi", "işletme", "hükümet"],
        "body": [
            "Hükümet salı günü küçük ve orta ölçekli işletmelere yönelik kapsamlı bir destek paketini açıkladı ve paket düşük faizli krediler ile vergi indirimlerini içeriyor.",
            "Ekonomi bakanı basın toplantısında yaptığı açıklamada, paketin üç yıl boyunca uygulanacağını ve iki yüz binden fazla şirketi kapsayacağını söyledi.",
        ],
    },
    "hi": {
        "head": [
            "होम",
            "समाचार",
            "सरकार ने छोटे उद्योगों के लिए नई सहायता योजना की घोषणा की",
            "लेखक: राहुल शर्मा",
            "18 मार्च 2024, 11:00",
        ],
        "tail": ["टैग: अर्थव्यवस्था, उद्योग, सरकार"],
        "title": "सरकार ने छोटे उद्योगों के लिए नई सहायता योजना की घोषणा की",
        "authors": ["राहुल शर्मा"],
        "date": "2024-03-18",
        "tags": ["अर्थव्यवस्था", "उद्योग", "सरकार"],
        "body": [
            "सरकार ने मंगलवार को छोटे और मध्यम उद्योगों के लिए एक व्यापक सहायता योजना की घोषणा की, जिसमें सस्ते ऋण और करों में छूट शामिल है।",
            "वित्त मंत्री ने संवाददाता सम्मेलन में कहा कि यह योजना तीन वर्षों तक लागू रहेगी और इससे देश भर में दो लाख से अधिक कंपनियों को लाभ मिलेगा।",
            "मंत्री ने कहा कि विनिर्माण क्षेत्र की कंपनियों और तकनीकी क्षेत्र में काम करने वाले उद्यमों को विशेष प्राथमिकता दी जाएगी।",
        ],
    },
    # (Greek's byline is the genitive article and the name; a Chinese one writes the place
    # of the report after a full-width solidus; "the keywords" heads an Arabic tag line:
    # s38 acceptance test #6, #11)
    "el": {
        "head": [
            "Αρχική",
            "Της Ημέρας",  # (a menu's "of the day": no byline)
            "Ειδήσεις",
            "Νέα γέφυρα θα ενώσει τα δύο λιμάνια της Πάτρας",
            "Της Μαρίας Νικολάου",
            "18 Μαρτίου 2024, 09:10",
        ],
        "tail": ["Ετικέτες: Πάτρα, λιμάνι, υποδομές"],
        "title": "Νέα γέφυρα θα ενώσει τα δύο λιμάνια της Πάτρας",
        "authors": ["Μαρίας Νικολάου"],
        "date": "2024-03-18",
        "tags": ["Πάτρα", "λιμάνι", "υποδομές"],
        "body": [
            "Το υπουργείο Υποδομών ανακοίνωσε την Δευτέρα την κατασκευή νέας γέφυρας που θα ενώνει το παλιό και το νέο λιμάνι της Πάτρας, με κόστος που ξεπερνά τα ογδόντα εκατομμύρια ευρώ.",
            "Σύμφωνα με τον υπουργό, οι εργασίες θα ξεκινήσουν το φθινόπωρο και θα διαρκέσουν περίπου τρία χρόνια, ενώ η κυκλοφορία στο κέντρο της πόλης αναμένεται να μειωθεί αισθητά.",
        ],
    },
    "zh_hant": {
        "head": [
            "首頁",
            "新聞",
            "台中捷運藍線動工 預計六年後通車",
            "記者 林美玲／台中報導",
            "2024年03月19日 11:05",
        ],
        "tail": ["標籤：捷運、台中、交通"],
        "title": "台中捷運藍線動工 預計六年後通車",
        "authors": ["林美玲"],
        "date": "2024-03-19",
        "tags": ["捷運", "台中", "交通"],
        "body": [
            "台中市政府今（19）日舉行捷運藍線動工典禮，市長表示，這條路線全長約二十四公里，將串連海線地區與市中心，預計六年後正式通車。",
            "交通局指出，施工期間部分路段將實施交通管制，市府已規劃替代道路，並將增加公車班次，以減少對市民通勤的影響。",
        ],
    },
    "ar2": {
        "head": [
            "الرئيسية",
            "ثقافة",
            "افتتاح معرض الكتاب الدولي بمشاركة مئات دور النشر",
            "بقلم: سارة الخطيب",
            "نشر في 20 مارس 2024",
        ],
        "tail": ["الكلمات المفتاحية: الكتاب، المعرض، الثقافة"],
        "title": "افتتاح معرض الكتاب الدولي بمشاركة مئات دور النشر",
        "authors": ["سارة الخطيب"],
        "date": "2024-03-20",
        "tags": ["الكتاب", "المعرض", "الثقافة"],
        "body": [
            "افتتح وزير الثقافة يوم الأربعاء معرض الكتاب الدولي في دورته الجديدة بمشاركة أكثر من خمسمئة دار نشر من ثلاثين دولة، ويستمر المعرض عشرة أيام.",
            "وقالت إدارة المعرض إن البرنامج يتضمن ندوات فكرية وأمسيات شعرية وورش عمل للأطفال، إضافة إلى جناح خاص بالكتب الرقمية والمسموعة.",
        ],
    },
}


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_byline_tags_date_and_headline_in_other_scripts(run_stage, lang: str) -> None:
    p = PAGES[lang]
    text = "\n".join([*p["head"], *p["body"], *p["tail"]])
    doc = run_stage(MetadataStage, make_document(text)).kept[0]
    assert doc.title == p["title"]
    assert doc.authors == p["authors"]
    assert doc.tags == p["tags"]
    assert (doc.published or "")[:10] == (p["date"] or "")
    # the byline and the tag line are metadata: out of the text, the body kept
    byline = next(h for h in p["head"] if any(a in h for a in p["authors"]))
    assert byline not in doc.text.split("\n")
    assert p["tail"][0] not in doc.text
    assert all(b in doc.text for b in p["body"])


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("By: Jane Doe", ["Jane Doe"]),
        ("Penulis: Budi Santoso", ["Budi Santoso"]),
        ("Haber: Mehmet Yılmaz", ["Mehmet Yılmaz"]),
        ("记者 王小明", ["王小明"]),
        ("文：佐藤健太", ["佐藤健太"]),
        ("מאת דנה לוי", ["דנה לוי"]),
        ("Του Γιώργου Παπαδόπουλου", ["Γιώργου Παπαδόπουλου"]),
        ("โดย สมชาย ใจดี", ["สมชาย ใจดี"]),
        ("記者 陳志明／台北報導", ["陳志明"]),
    ],
)
def test_an_author_field_loses_its_byline_word(byline: str, names: list[str]) -> None:
    """An HTML author field as pages write it: the byline word is no part of the name."""
    from corearchive_plugins.metadata.text import author_field_names

    assert author_field_names(byline) == names


@pytest.mark.parametrize("line", ["Του Αγίου Πνεύματος", "Της 25ης Μαρτίου"])
def test_a_greek_genitive_heading_is_no_byline(run_stage, line: str) -> None:
    """Greek's byline is the genitive article before a name; a feast day ("Του Αγίου
    Πνεύματος", of the Holy Spirit) or a date under the headline is a heading, not an
    author (s39 acc-read F8: authors ["Αγίου Πνεύματος"])."""
    p = PAGES["el"]
    text = "\n".join([p["title"], line, *p["body"]])
    assert run_stage(MetadataStage, make_document(text)).kept[0].authors == []


def test_tags_of_a_script_without_case_are_its_words() -> None:
    from corearchive_plugins.metadata.text import split_tags

    assert split_tags("東京都 給食 教育 子育て") == ["東京都", "給食", "教育", "子育て"]
    assert split_tags("الاقتصاد، البنك المركزي، التضخم") == ["الاقتصاد", "البنك المركزي", "التضخم"]


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("प्रकाशित: 3 नवंबर 2023", "2023-11-03"),
        ("5 मई 2022", "2022-05-05"),
        ("14 במרץ 2024", "2024-03-14"),
        ("15 अगस्त 2020", "2020-08-15"),  # a virama inside the name
    ],
)
def test_hindi_and_hebrew_month_names(line: str, day: str) -> None:
    """Devanagari's vowel signs are no letters to the scanner's \\w: Hindi month names were
    never read ("मार्च" is five characters, two of them signs)."""
    from corearchive_plugins.metadata import find_dates

    [found] = find_dates([line])
    assert found["date"].isoformat() == day


@pytest.mark.parametrize(
    ("line", "day"),
    [
        # the Levantine name, the pan-Arab one after a slash (CNN Arabic, Al Jazeera)
        ("الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00 (GMT+0400)", "2013-08-28"),
        ("12 كانون الثاني/يناير 2020", "2020-01-12"),
        ("3 تشرين الأول 2019", "2019-10-03"),
        ("٢٥ كانون الأول ٢٠١٩", "2019-12-25"),
        ("15 تشرين الثاني 2021", "2021-11-15"),
        # without hamza or madda, and Egypt's names of June and July
        ("28 اغسطس 2013", "2013-08-28"),
        ("5 ابريل 2019", "2019-04-05"),
        ("5 اكتوبر 2019", "2019-10-05"),
        ("1 اذار 2020", "2020-03-01"),
        ("5 يونيه 2019", "2019-06-05"),
        ("5 يوليه 2019", "2019-07-05"),
    ],
)
def test_arabic_month_names_of_the_levant_and_without_hamza(line: str, day: str) -> None:
    """Arabic pages write the Levantine month names (آب: two letters, which the scanner's
    month words of three letters and more never read; كانون الثاني: two words) and the
    pan-Arab names without their hamza (اغسطس for أغسطس): none was read."""
    from corearchive_plugins.metadata import find_dates

    [found] = find_dates([line])
    assert found["date"].isoformat() == day
    assert found["text"] in line


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("١٤ مارس ٢٠٢٤", "2024-03-14"),  # Arabic-Indic digits
        ("الخميس، ١٤ مارس ٢٠٢٤ - ١٠:٣٠", "2024-03-14"),
        ("۱۴ مارس ۲۰۲۴", "2024-03-14"),  # Persian digits
        ("تاریخ انتشار: ۲۰۲۱/۰۳/۰۴", "2021-03-04"),
        ("१४ मार्च २०२४", "2024-03-14"),  # Devanagari digits
        ("शनिवार, अगस्त २९, २०२०", "2020-08-29"),
        ("শনিবার, আগস্ট ২৯, ২০২০ |", "2020-08-29"),  # Bengali digits and month
        ("২৯ আগস্ট ২০২০", "2020-08-29"),
        ("১৫ জানুয়ারি ২০২১", "2021-01-15"),
        ("２０２１年３月４日", "2021-03-04"),  # full-width digits
        ("公開日：２０２１／０３／０４", "2021-03-04"),
        ("𝟮𝟬𝟮𝟭-𝟬𝟯-𝟬𝟰", "2021-03-04"),  # mathematical digits
    ],
)
def test_dates_in_digits_of_other_scripts(line: str, day: str) -> None:
    """Digits of other scripts than 0-9 are read as 0-9, the date's text as written (the
    date patterns read 0-9 only: "١٤ مارس ٢٠٢٤" was no date); with it, Bengali month names
    and a Hindi month with a virama inside ("अगस्त": its letters before the virama were taken
    for a word of their own)."""
    from corearchive_plugins.metadata import find_dates

    [found] = find_dates([line])
    assert found["date"].isoformat() == day
    assert found["text"] in line


def test_the_digits_of_other_scripts_are_every_unicode_decimal_digit() -> None:
    """_DIGIT_ZEROS holds the zero of every script's decimal digits (Unicode category Nd, as
    this Python's unicodedata has them; a newer Unicode's new scripts go in the list), each
    translated to its ASCII digit; the quick test on the page's characters (_scripts) says
    yes on a page with any of them but the segmented digits of U+1FBF0 (among the emoji's
    surrogates), and no on a Latin, Cyrillic, CJK or emoji page without them."""
    import unicodedata

    from corearchive_plugins.metadata import text as textmeta

    nd = [c for c in range(0x80, 0x110000) if unicodedata.category(chr(c)) == "Nd"]
    assert sorted(textmeta._TO_ASCII_DIGIT) == nd
    for c in nd:
        assert chr(textmeta._TO_ASCII_DIGIT[c]) == str(unicodedata.decimal(chr(c)))
        page = "Die Wörter “quoted” – " + chr(c)
        assert textmeta._scripts(page)[1] or 0x1FBF0 <= c <= 0x1FBF9, hex(c)
        assert textmeta._ascii_digits(page) == page[:-1] + str(unicodedata.decimal(chr(c)))
    for page in ("plain", "Die Wörter “quoted” – ok", "Новости 2024", "東京の天気。！", "😀 ok"):
        assert not textmeta._scripts(page)[1]
    # nor on an Arabic or Hindi page without such digits, or one of mathematical letters
    # (their characters are looked up: a search of the page's text cost ~1 % of the stage)
    for page in ("الأخبار 2024 “x”", "समाचार 2024 – x", "𝐁𝐨𝐥𝐝 ’"):
        assert not textmeta._scripts(page)[1]


def test_other_digits_are_read_as_the_pattern_reads_them() -> None:
    """_ascii_digits (a table look-up by numpy) gives what a sub of _OTHER_DIGITS gave, a
    separator between two full-width digits included, lone surrogates and astral
    characters kept in place, and None where the pattern finds nothing."""
    import random

    from corearchive_plugins.metadata import text as textmeta

    def by_pattern(text: str) -> str | None:
        if textmeta._OTHER_DIGITS.search(text) is None:
            return None
        return textmeta._OTHER_DIGITS.sub(lambda m: m.group().translate(textmeta._TO_ASCII), text)

    chars = [chr(z + k) for z in textmeta._DIGIT_ZEROS for k in (0, 9, 10)]
    chars += [chr(z - 1) for z in textmeta._DIGIT_ZEROS]
    chars += [*"／．－：a 1\n年é中", "\ud800", "\udc00", "😀", "\uffff", "\U0010ffff"]
    rng = random.Random(7)
    pages = ["２０２１／０３／０４ １０：３０", "／２／", "２／", "a／２", "٢٠٢٤/٣", "plain", "é"]
    pages += ["".join(rng.choice(chars) for _ in range(rng.randint(0, 10))) for _ in range(20000)]
    for page in pages:
        assert textmeta._ascii_digits(page) == by_pattern(page), repr(page)
    assert textmeta._ascii_digits("２０２１／０３／０４") == "2021/03/04"


def test_a_latin_run_before_a_devanagari_sign_is_no_month_word() -> None:
    """The month word is a whole run of letters: one followed by a Devanagari or Bengali
    sign is none, nor is any shorter part of it ("mayo" before a sign was read as "may")."""
    from corearchive_plugins.metadata import text as textmeta

    assert textmeta._LETTERS.findall("mayo\u093f") == []  # (a vowel sign after "mayo")
    assert textmeta._LETTERS.findall("mayo 2020 अगस्त") == ["mayo", "अगस्त"]
