"""The metadata stage on pages in scripts and languages beyond western Europe's: the byline,
tag line, date and headline of a raw scraped page read into their fields and out of
the text (an acceptance test found them all missed but the date and the headline)."""

from __future__ import annotations

import pytest

from corearchive.testing import make_document
from corearchive_plugins.metadata import MetadataStage
from corearchive_plugins.metadata.text import extract

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


@pytest.mark.parametrize(
    "line",
    [
        "Του Αγίου Πνεύματος",
        "Της 25ης Μαρτίου",
        # without accents, as capitals are written (s40 acc-read F13)
        "ΤΟΥ ΑΓΙΟΥ ΠΝΕΥΜΑΤΟΣ",
        "Του Αγιου Πνευματος",
        "ΤΗΣ ΑΓΙΑΣ ΣΟΦΙΑΣ",
    ],
)
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


# a headline and three paragraphs of a Ukrainian page, under which each dateline is put
_REL_HEAD = "Місто відкрило нову лінію трамвая між центром і лівим берегом"
_REL_BODY = [
    "Міська рада у вівторок урочисто відкрила нову лінію трамвая, яка з'єднала історичний центр "
    "із житловими масивами лівого берега, і перші пасажири вже проїхали нею вранці.",
    "За словами міського голови, будівництво тривало два роки і коштувало близько мільярда "
    "гривень, більшу частину яких надав Європейський інвестиційний банк.",
    "Перевізник обіцяє, що трамваї ходитимуть кожні шість хвилин у години пік і кожні "
    "дванадцять хвилин увечері та у вихідні дні.",
]


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("2 години тому", "2024-03-05"),  # Ukrainian
        ("3 дні тому", "2024-03-02"),
        ("годину тому", "2024-03-05"),
        ("вчора о 14:30", "2024-03-04"),
        ("πριν από 3 ώρες", "2024-03-05"),  # Greek
        ("πριν από μία ημέρα", "2024-03-04"),
        ("χθες στις 14:30", "2024-03-04"),
        ("ΠΡΙΝ ΑΠΟ 3 ΩΡΕΣ", "2024-03-05"),  # capitals drop the accents (s40 acc-read F13)
        ("πριν απο 2 ημερες", "2024-03-03"),
        ("לפני 3 שעות", "2024-03-05"),  # Hebrew, a dual without its count
        ("לפני יומיים", "2024-03-03"),
        ("אתמול בשעה 14:30", "2024-03-04"),
        ("3 घंटे पहले", "2024-03-05"),  # Hindi, Marathi
        ("२ दिवसांपूर्वी", "2024-03-03"),
        ("3 ชั่วโมงที่แล้ว", "2024-03-05"),  # Thai, its digits
        ("๒ วันที่แล้ว", "2024-03-03"),
        ("เมื่อวาน เวลา 14:30 น.", "2024-03-04"),
        ("۳ ساعت پیش", "2024-03-05"),  # Persian
        ("دیروز ساعت ۱۴:۳۰", "2024-03-04"),
        ("৩ ঘণ্টা আগে", "2024-03-05"),  # Bengali
        ("গতকাল ১৪:৩০", "2024-03-04"),
        ("입력 3시간 전", "2024-03-05"),  # Korean
        ("2일 전", "2024-03-03"),
        ("어제 14:30", "2024-03-04"),
        # a dateline after a name and a separator (s40 acc-read F19: a dateline stands alone)
        ("राम कुमार | 3 घंटे पहले", "2024-03-05"),
        # a unit without its count, a section after a separator (s40 acc-read F1)
        ("לפני שעה | חדשות", "2024-03-05"),
        ("פורסם לפני שעתיים | ספורט", "2024-03-05"),
        ("منذ ساعة - الرياض", "2024-03-05"),
        ("منذ يومين | اقتصاد", "2024-03-03"),
        # s41 acc-read F9: common labels without a colon, a danda after the date
        ("প্রকাশিত ৩ ঘণ্টা আগে", "2024-03-05"),
        ("আপডেট ৩ ঘণ্টা আগে", "2024-03-05"),
        ("अपडेटेड 3 घंटे पहले", "2024-03-05"),
        ("3 घंटे पहले।", "2024-03-05"),
        ("기사입력 3시간 전", "2024-03-05"),
        ("최종수정 3시간 전", "2024-03-05"),
        ("โพสต์ 3 ชั่วโมงที่แล้ว", "2024-03-05"),
        ("بروزرسانی ۳ ساعت پیش", "2024-03-05"),
        ("به روزرسانی ۳ ساعت پیش", "2024-03-05"),
    ],
)
def test_relative_datelines_of_other_scripts_are_read_and_leave_the_text(
    run_stage, line: str, day: str
) -> None:
    """s38 acc-script #8: "3 години тому", "πριν από 3 ώρες", "לפני 3 שעות", "3 घंटे पहले",
    "3 ชั่วโมงที่แล้ว", "۳ ساعت پیش", "৩ ঘণ্টা আগে", "3시간 전" and the day words before a
    time were unread (no date), and the dateline stayed as the text's first line. They are
    read against the capture's date-time, as Russian's, Chinese's and Arabic's, and the line
    is metadata."""
    text = "\n".join([_REL_HEAD, line, *_REL_BODY])
    doc = make_document(text, uri="https://e.example/a", fetched_at="2024-03-05T17:30:00Z")
    out = run_stage(MetadataStage, doc).kept[0]
    assert (out.published or "")[:10] == day
    assert line not in out.text.split("\n")
    assert all(b in out.text for b in _REL_BODY)


@pytest.mark.parametrize(
    "line",
    [
        "тому що місто",  # Ukrainian "because": no unit before it
        # "тому" is also "to that one" (s40 acc-read F16): "the day to the one who ..."
        "Місто присвятило цей день тому, хто рятував людей",
        "Кожну хвилину тому, хто чекає, здається вічністю",
        "לפני יום הבחירות",  # Hebrew "before election day": a line, not a date line
        "3 ชั่วโมง",  # a unit without "ago"
        "오늘의 뉴스",  # Korean "today's news"
        "3월 5일 전시회",  # "exhibition": 전 begins a word
        "منذ يوم الاستقلال",  # Arabic "since independence day"
        "قبل ساعة الإفطار بقليل",  # "shortly before the hour of iftar"
        # s40 acc-read F19: "before 15 March" (a deadline), the last digits of a count, and
        # "N days before <an event>" (the word for "ago" is also "before")
        "신청 마감 3월 15일 전",
        "원서 접수는 4월 20일 전 마감",
        "报名截止3月15日前",
        # (spaced around the figures, as Chinese typesetting writes them: s41 acc-read
        # unproved 5, "15 days ago")
        "请于 3 月 15 日前报名",
        "1000일 전",
        "1500 दिन पहले",
        "۱۲۰۰ روز پیش",
        "चुनाव से 3 दिन पहले भाजपा ने जारी किया घोषणापत्र",
        "۳ روز قبل از انتخابات",
        "선거 3일 전 여론조사",
        "নির্বাচনের ৩ দিন আগে",
    ],
)
def test_relative_words_of_other_scripts_that_date_nothing(line: str) -> None:
    from datetime import date

    from corearchive_plugins.metadata.text import find_relative

    assert find_relative(["Headline", line, "More"], date(2024, 3, 5)) == []


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("ar", "٢٤ شعبان ١٤٤٥ هـ"),
        ("ar", "الثلاثاء 24 شعبان 1445"),
        ("ar", "١٥ رمضان ١٤٤٥هـ"),
        ("he", 'כ"ה באדר א\' התשפ"ד'),
        ("he", "יום שלישי, ה' בניסן תשפ\"ד"),
    ],
)
def test_a_date_line_of_the_hijri_or_hebrew_calendar_leaves_the_text(
    run_stage, lang: str, line: str
) -> None:
    """s38 acc-script #17: a date line of the Islamic or the Hebrew calendar alone under the
    headline gave no date (right: no Gregorian day is read from it) and stayed as the text's
    first line. It is a date line: metadata, out of the text; the date stays unread."""
    p = PAGES[lang]
    head = [h for h in p["head"] if not any(ch.isdigit() for ch in h)]  # (its own date out)
    text = "\n".join([*head, line, *p["body"]])
    out = run_stage(MetadataStage, make_document(text)).kept[0]
    assert line not in out.text.split("\n")
    assert all(b in out.text for b in p["body"])
    assert out.published is None


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("3 ชั่วโมงที่แล้ว", "2024-03-15"),
        ("Posted 3 hours ago", "2024-03-15"),
        ("vor 2 Tagen", "2024-03-13"),
    ],
)
def test_a_relative_dateline_without_a_capture_time_leaves_the_text(
    run_stage, line: str, day: str
) -> None:
    """s41 acc-regress R9: a Thai text's "3 ชั่วโมงที่แล้ว" ("3 hours ago") under its
    headline stayed as the text's first line when no capture time was known (a file): it
    is a date line, metadata, whose date only a capture time gives (and then does)."""
    text = "\n\n".join(["กรุงเทพฯ เตรียมเปิดสวนสาธารณะแห่งใหม่ริมแม่น้ำเจ้าพระยา", line, *_TH_BODY])
    out = run_stage(MetadataStage, make_document(text)).kept[0]
    assert line not in out.text.split("\n")
    assert all(b in out.text for b in _TH_BODY)
    assert out.published is None
    dated = make_document(text, fetched_at="2024-03-15T12:00:00Z")
    out = run_stage(MetadataStage, dated).kept[0]
    assert out.published == day and line not in out.text.split("\n")
    # (in a sentence it is the story's: no date line)
    said = f"ตำรวจกล่าวว่าเหตุเกิดขึ้นเมื่อ {line} ที่ผ่านมา"
    text = "\n\n".join(["กรุงเทพฯ เตรียมเปิดสวนสาธารณะแห่งใหม่ริมแม่น้ำเจ้าพระยา", said, *_TH_BODY])
    assert "published" not in extract(text)["lines"]


@pytest.mark.parametrize("updated_first", [False, True])
def test_arabic_published_and_updated_lines_around_a_hijri_date(
    run_stage, updated_first: bool
) -> None:
    """s41 acc-regress D3: an Arabic headline over "نشر في: 15 مارس 2024" (published in),
    "5 رمضان 1445 هـ" and "آخر تحديث: 16 مارس 2024" (last updated): the Hijri line was the
    title and the update the date (the labels were no cues). The headline is the title, the
    published line's date the date, whichever comes first; the three lines leave the text."""
    p = PAGES["ar"]
    dated = ["نشر في: 15 مارس 2024", "5 رمضان 1445 هـ", "آخر تحديث: 16 مارس 2024"]
    if updated_first:
        dated.reverse()
    text = "\n".join([p["title"], *dated, "", *p["body"]])
    out = run_stage(MetadataStage, make_document(text)).kept[0]
    assert out.title == p["title"]
    assert out.published == "2024-03-15"
    assert not set(dated) & set(out.text.split("\n"))


def test_a_hijri_month_in_a_sentence_stays() -> None:
    from corearchive_plugins.metadata.text import Page, calendar_date_lines

    lines = [
        "عنوان الخبر",
        "بدأ شهر الصيام في 1 رمضان 1445 وفق ما أعلنته الهيئة في بيانها الرسمي يوم الأحد الماضي.",
        "٢٤ شعبان ١٤٤٥ هـ",
    ]
    assert calendar_date_lines(Page("\n".join(lines)), 0) == [2]
    # a list of such dates, one under another, is the article's (s40 acc-regress R8)
    days = ["1 رمضان 1446", "27 رمضان 1446", "1 شوال 1446"]
    assert calendar_date_lines(Page("\n".join([*lines[:2], *days])), 0) == []
    assert calendar_date_lines(Page("\n\n".join([*lines[:2], *days])), 0) == []
    # ... but a page's published and updated lines are its date lines (review40 F3)
    assert calendar_date_lines(Page("\n".join([lines[0], *days[:2], lines[1]])), 0) == [1, 2]


#: A Korean news page: the byline writes the name before "reporter", the tags are hashtags
_KO_BODY = [
    "부산시는 해운대와 광안리를 잇는 해상 케이블카 사업을 내년 상반기에 착공한다고 12일 밝혔다. 총 사업비는 약 1천억 원으로 민간 사업자가 전액 부담한다.",
    "시 관계자는 환경영향평가와 교통영향평가를 모두 마쳤으며 해안 경관을 해치지 않도록 정류장 디자인을 다시 검토하고 있다고 설명했다.",
    "일부 주민들은 소음과 교통 혼잡을 우려하고 있어 시는 다음 달 주민 설명회를 열고 의견을 듣기로 했다고 덧붙였다.",
]


@pytest.mark.parametrize(
    "byline", ["박지훈 기자", "박지훈 기자 jihoon@busan-news.example", "(부산=박지훈 특파원)"]
)
def test_a_korean_byline_and_hashtags(run_stage, byline: str) -> None:
    """s38 acc-script #6, #11: "김민준 기자" (the name before "reporter", with or without an
    e-mail address) stayed in the text and gave no author, and a line of hashtags gave no
    tags: no line of a Korean page was a paragraph (a Hangul syllable counted as one column,
    a paragraph of 70 syllables was under 80), so every line was taken for the page's head."""
    head = ["홈", "사회", "부산 해상 케이블카 내년 착공", "입력 2024.03.12 10:00", byline]
    tail = ["#부산 #케이블카 #해운대", "ⓒ 부산일보"]
    doc = run_stage(MetadataStage, make_document("\n".join([*head, *_KO_BODY, *tail]))).kept[0]
    assert doc.authors == ["박지훈"]
    assert doc.tags == ["부산", "케이블카", "해운대"]
    assert doc.title == "부산 해상 케이블카 내년 착공"
    assert byline not in doc.text.split("\n")
    assert all(b in doc.text for b in _KO_BODY)


@pytest.mark.parametrize("credit", ["사진=김서연 기자", "그래픽=김서연 기자", "(영상=김서연 기자)"])
def test_a_korean_photo_credit_is_no_byline(run_stage, credit: str) -> None:
    """s40 acc-read F11: a photo's credit, "사진=박서연 기자" (photo: the reporter's), under
    the headline was the page's byline (the form of "워싱턴=김민준 특파원", a place before
    "="), over the real byline after the text. A credit's word before "=" is no place."""
    head = ["부산 해상 케이블카 내년 착공", credit]
    tail = ["박지훈 기자 jihoon@busan-news.example"]
    doc = run_stage(MetadataStage, make_document("\n".join([*head, *_KO_BODY, *tail]))).kept[0]
    assert doc.authors == ["박지훈"]


def test_a_korean_paragraph_is_measured_in_columns() -> None:
    from corearchive_plugins.metadata.text import Page, width

    assert width("한강") == 4 and width("abc") == 3
    # (each of its figures by line and by the numpy path of a long page)
    for extra in (0, 120):
        page = Page("\n".join(["제목", *_KO_BODY, *["메뉴"] * extra]))
        assert page.paras[1:4] == [True, True, True]


def test_a_line_of_hashtags_after_the_article_is_its_tags(run_stage) -> None:
    body = [
        "The harbour council voted on Tuesday to repair the old pier before the summer, after "
        "engineers found that two of its main supports had cracked during the winter storms.",
        "The work will cost about two million pounds and should take four months, the council "
        "said, and the pier will stay closed to the public until it is finished.",
    ]
    text = "\n".join(["Council votes to repair the pier", *body, "#Council #Pier #Harbour"])
    doc = run_stage(MetadataStage, make_document(text)).kept[0]
    assert doc.tags == ["Council", "Pier", "Harbour"]
    assert "#Council #Pier #Harbour" not in doc.text


@pytest.mark.parametrize(
    ("lang", "byline"),
    [
        ("bn", "নিজস্ব প্রতিবেদক"),
        ("bn", "বিশেষ প্রতিনিধি, ঢাকা"),
        ("mr", "प्रतिनिधी"),
        ("hi", "विशेष संवाददाता"),
        ("en", "By Our Correspondent"),
        ("en", "Staff Reporter, Dhaka"),
        ("en", "By Staff Reports"),  # (s40 acc-synd #4: "Staff Reports" was an author)
        ("en", "From staff and wire reports"),
        ("en", "Staff report"),
    ],
)
def test_a_desk_byline_leaves_the_text_and_names_no_author(
    run_stage, lang: str, byline: str
) -> None:
    """s38 acc-script #6: a byline that names a desk, no person ("নিজস্ব প্রতিবেদক", "own
    reporter") stayed as the article's first line; "By Our Correspondent" gave the author
    "Our". The line is a byline: out of the text, no author."""
    body = {
        "bn": _BN_BODY,
        "mr": _MR_BODY,
        "hi": PAGES["hi"]["body"],
        "en": _EN_BODY,
    }[lang]
    text = "\n".join(["Headline of the story" if lang == "en" else _HEADS[lang], byline, *body])
    out = run_stage(MetadataStage, make_document(text)).kept[0]
    assert out.authors == []
    assert byline not in out.text.split("\n")
    assert all(b in out.text for b in body)


def test_a_desks_reports_beside_a_reporter_are_no_author(run_stage) -> None:
    """review40 F7: "By Jane Doe and Staff Reports" gave the author "Staff Reports"; a
    desk's reports are no name of a byline's (as an agency is not)."""
    text = "\n".join(["Headline of the story", "By Jane Doe and Staff Reports", *_EN_BODY])
    out = run_stage(MetadataStage, make_document(text)).kept[0]
    assert out.authors == ["Jane Doe"]


_HEADS = {
    "bn": "ঢাকায় নতুন বাস র‍্যাপিড ট্রানজিট চালু",
    "mr": "नाशिकमध्ये नव्या उड्डाणपुलाचे काम सुरू",
    "hi": "दिल्ली में नई इलेक्ट्रिक बसें शुरू",
}
_BN_BODY = [
    "রাজধানীতে বৃহস্পতিবার থেকে নতুন বাস র‍্যাপিড ট্রানজিট সেবা চালু হয়েছে, যা বিমানবন্দর থেকে গাজীপুর পর্যন্ত যাত্রীদের যাতায়াতের সময় অনেক কমিয়ে দেবে বলে কর্তৃপক্ষ জানিয়েছে।",
    "প্রথম সপ্তাহে প্রতিদিন প্রায় পঞ্চাশ হাজার যাত্রী এই সেবা ব্যবহার করবেন বলে আশা করা হচ্ছে, এবং ভাড়া নির্ধারণ করা হয়েছে দূরত্ব অনুযায়ী।",
]
_MR_BODY = [
    "नाशिक शहरातील वाहतूक कोंडी कमी करण्यासाठी महापालिकेने नव्या उड्डाणपुलाचे काम मंगळवारपासून सुरू केले असून ते दोन वर्षांत पूर्ण होणार आहे.",
    "या प्रकल्पासाठी सुमारे दोनशे कोटी रुपये खर्च येणार असून कामाच्या काळात काही रस्त्यांवरील वाहतूक दुसऱ्या मार्गाने वळवण्यात येणार आहे.",
]
_EN_BODY = [
    "The harbour council voted on Tuesday to repair the old pier before the summer, after "
    "engineers found that two of its main supports had cracked during the winter storms.",
    "The work will cost about two million pounds and should take four months, the council "
    "said, and the pier will stay closed to the public until it is finished.",
]


@pytest.mark.parametrize(
    ("line", "who"),
    [
        ("© 2024 寶島日報 版權所有", "寶島日報"),
        ("版权所有 © 2024 华夏日报社 京ICP备12345678号", "华夏日报社"),
        ("Copyright © 2024 日本中央新聞社 All rights reserved.", "日本中央新聞社"),
        ("© כל הזכויות שמורות לחדשות הצפון", "חדשות הצפון"),
        ("Copyright ⓒ 서울일보. 무단전재 및 재배포 금지", "서울일보"),
        ("© 2567 ข่าวสยามออนไลน์ สงวนลิขสิทธิ์", "ข่าวสยามออนไลน์"),
        ("© 2024 Northern News. All rights reserved.", "Northern News"),
        ("© 2024 All rights reserved", None),
    ],
)
def test_the_publisher_of_a_copyright_line_loses_its_rights_words(
    line: str, who: str | None
) -> None:
    """s38 acc-script #12: the publisher kept "版權所有" ("all rights reserved"), the ICP
    licence of a Chinese site, "All rights reserved" after a Japanese name, the Hebrew
    "all rights reserved to" before the name, and Korean's "ⓒ" (no copyright sign to it)."""
    from corearchive_plugins.metadata.text import _copyright_who

    assert _copyright_who(line) == (True, who)


#: A Thai article's paragraphs: no full stop, a space between phrases only
_TH_BODY = [
    "กรมป้องกันและบรรเทาสาธารณภัยรายงานว่าฝนตกหนักตลอดคืนทำให้ระดับน้ำในแม่น้ำปิงสูงขึ้นอย่างรวดเร็ว "
    "ชาวบ้านหลายร้อยครอบครัวต้องอพยพไปยังศูนย์พักพิงชั่วคราวของเทศบาล",
    "เจ้าหน้าที่ได้นำเรือและรถบรรทุกเข้าช่วยเหลือผู้ที่ติดอยู่ในบ้าน "
    "พร้อมแจกอาหารและน้ำดื่มให้ผู้ประสบภัยในอำเภอเมืองและอำเภอสารภีตลอดทั้งวัน",
    "กรมอุตุนิยมวิทยาคาดว่าฝนจะตกต่อไปอีกสองถึงสามวัน และขอให้ประชาชนริมน้ำติดตามประกาศเตือนภัยอย่างใกล้ชิด",
]


def test_a_thai_page_has_paragraphs_its_headline_is_the_title(run_stage) -> None:
    """s38 acc-script: no line of a Thai page was a paragraph (no full stop, few spaces), so
    the page had no body: a date line's time ("เวลา 14:30 น."), a paragraph or a related
    headline was its title. A Thai paragraph is measured by letters, as the boilerplate
    stage's rules measure it."""
    head = ["หน้าแรก", "ข่าว", "น้ำท่วมเชียงใหม่ ชาวบ้านอพยพหลายร้อยครอบครัว"]
    head += ["12 มีนาคม 2567 เวลา 09:30 น.", "โดย สมศรี มีสุข"]
    tail = ["แชร์", "ข่าวที่เกี่ยวข้อง", "ภัยแล้งภาคอีสานรุนแรงขึ้น", "แท็ก: น้ำท่วม, เชียงใหม่"]
    text = "\n".join([*head, *_TH_BODY, *tail])
    doc = run_stage(MetadataStage, make_document(text)).kept[0]
    assert doc.title == "น้ำท่วมเชียงใหม่ ชาวบ้านอพยพหลายร้อยครอบครัว"
    assert doc.authors == ["สมศรี มีสุข"]
    assert doc.tags == ["น้ำท่วม", "เชียงใหม่"]
    assert (doc.published or "")[:10] == "2024-03-12"


@pytest.mark.parametrize(
    ("line", "who"),
    [
        ("© 1998–2020 GIGA · Alle Rechte vorbehalten.", "GIGA"),
        (
            "Copyright 2021 Kaieteur News / All rights reserved | A GxMedia Website Solution.",
            "Kaieteur News",
        ),
        ("©Todos los derechos reservados - 2022Políticas y estándares - Términos de Uso", None),
    ],
)
def test_a_copyright_holder_before_a_separator_and_the_rights_words(
    line: str, who: str | None
) -> None:
    """The rights words after a separator go with it ("GIGA ·" was left); rights words and
    a separator first name no holder (a menu's words after it were taken for one)."""
    from corearchive_plugins.metadata.text import _copyright_who

    assert _copyright_who(line) == (True, who)
