# mypy: disable-error-code="no-untyped-def,no-untyped-call,type-arg,no-any-return,var-annotated,assignment"
"""Text-native boilerplate removal for plain-text renderings of web pages (the line model).

One block per line in, the lines that belong to the main article out.  Each non-blank line
gets a feature vector computed from the text alone (shape of the line, multilingual
stop-word density, boilerplate cues, position, repetition, neighbouring lines and windowed
context); a small gradient-boosted tree ensemble (trained offline by
research/boilerplate/train.py, shipped as lines_model.json beside this module, evaluated
here with numpy: no network, no training library at run time) scores it; a second stage re-scores each
line from the first-stage scores of its neighbourhood, and a third does the same from the
second stage's scores (each later stage only for the lines the one before is unsure of).

    kept_text, decisions = clean(text, threshold=0.5)
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import threading
import unicodedata
from collections.abc import Iterable
from itertools import chain, compress, pairwise
from typing import Any

import numpy as np

from corearchive import lazyre as re
from corearchive.characters import CJK_RANGES
from corearchive.errors import ModelFileError
from corearchive.modelfile import read_model

from .codeblocks import uncue_code

__all__ = [
    "FEATURE_NAMES",
    "Decisions",
    "clean",
    "decide",
    "decide_many",
    "extract",
    "line_features",
    "load_model",
    "score_lines",
]

_HERE = os.path.dirname(os.path.abspath(__file__))
MODEL_PATH = os.path.join(_HERE, "lines_model.json")
# What import and load_model would otherwise compute (character tables, the lexicon's hash
# table, the trees' node arrays: ~90 ms of CPU, 45 µs a document on a run of 2,000); each
# part is used only when its stamp says it was built from the same inputs (see
# :func:`write_cache`, run after changing the model, the word lists or the tables' code).
CACHE_PATH = os.path.join(_HERE, "lines_cache.bin")
# Bump when the code that builds a cached array changes (the test that compares the shipped
# cache with a fresh build fails until the cache is rewritten).
_CACHE_VERSION = 4  # (3: Indic vowel signs are word characters; 4: every script's marks)

# ------------------------------------------------------------------ lexical cues ----
#: The combining marks written on a letter (Unicode categories Mn and Mc, in the BMP): the
#: vowel signs, viramas and tone marks of the Indic, Thai, Lao, Tibetan, Myanmar and Khmer
#: scripts, Arabic and Hebrew vowel points, Latin diacritics of decomposed text.  They are
#: word characters here as in the character table (:func:`_build_char_table`): regex \w
#: is not, and cut a Thai word at each vowel sign ("ข่าว" into "ข" and "าว": token counts,
#: word lengths and lexicon hits of those scripts were the pieces').  Not the marks written
#: on symbols (U+20D0-20FF, a keycap's or an arrow's) nor the variation selectors U+FE00-FE0F
#: (an emoji's), which would make a token of an emoji.  Every other one lies in the ranges
#: searched (a test checks it against the whole BMP; a search of it costs ~5 ms an import).
_WORD_MARKS = "".join(
    c
    for lo, hi in ((0x0300, 0x2000), (0x2C00, 0x3100), (0xA600, 0xAC00), (0xFB00, 0xFE30))
    for c in map(chr, range(lo, hi))
    if unicodedata.category(c) in ("Mn", "Mc") and not 0xFE00 <= ord(c) <= 0xFE0F
)
_TOK = re.compile(r"(?:\w|[" + _WORD_MARKS + r"])+")
#: Closing quotation marks (and the bracket) that may follow a sentence's end: English ” ’,
#: French » and German “ ‘ « („…“, ‚…‘, »…«: a German paragraph that closes a quote ends in
#: one of these; without them its last sentence had no end, s41 acc-press F7).  The metadata
#: stage reads sentence ends with the same marks.
CLOSING_MARKS = "\"'”’»“‘«)"
#: The marks that end a sentence in the scripts beyond Latin's and Chinese/Japanese,
#: none of which has capitals: the Devanagari danda and double danda, the Arabic question
#: mark, the Urdu, Ethiopic, Myanmar and Khmer full stops (the one list of the stages'
#: sentence ends with :data:`SENTENCE_MARKS`)
SCRIPT_ENDS = "।॥؟۔።။។"
#: The marks that end a sentence (before its closing marks): Latin's, Chinese/Japanese's,
#: those of :data:`SCRIPT_ENDS` and the Armenian full stop (a Hindi article's paragraphs
#: ended no sentence, and the page read as one without an article: s46 read F6)
SENTENCE_MARKS = ".!?…。！？" + SCRIPT_ENDS + "։"
#: What a line of prose may end with (the structures' and notes' "ends a sentence" tests): a
#: sentence's end, a closing mark of English or French or a bracket, or a German closing
#: quote after a sentence's end ("… gesagt.“"). A German closer alone is also an English or
#: French opening one, and ends a headline's quoted phrase as well: "Erneut Tote auf dem
#: „Weg in die Militärdiktatur“" was read as a sentence and kept as a teaser (s42
#: acc-regress R5)
LINE_ENDS = (
    *SENTENCE_MARKS,
    *'"”»)',
    *(end + c for end in ".!?…" for c in "“‘«"),
)  # (Latin ends only before them: each suffix is a test of every line that ends none)
_SENT_IN = re.compile(
    "[" + re.escape(SENTENCE_MARKS) + "][" + re.escape(CLOSING_MARKS) + r"]*\s+[\"'“‘«(]?[^\W\d_]"
)
_CAMEL = re.compile(r"[a-zà-ÿ][A-Z]")
_NUMDATE = re.compile(r"\d[./:-]\d")
#: the characters a line ending a sentence ends with (before its closing marks), the line
#: features' ``end_sent``: :data:`SENTENCE_MARKS` and ";" (a Burmese story's paragraphs
#: ended none: the page had no prose line, and its top stories' headlines under the story
#: were kept, no teasers after the article's end; s46 chrome46, held-out burmese_article)
_END_CHARS = frozenset(SENTENCE_MARKS + ";")
_CLOSERS = CLOSING_MARKS + "]」』 \t"
_SEPS = "|•·»›«‹/\\–—>©®™#"
_QUOTES = "\"“”„«»‘’'"
_BULLET_CHARS = frozenset("-*•·▪►▸›»>")
_MONTHS = frozenset(
    [
        "jan",
        "feb",
        "mar",
        "apr",
        "may",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "januar",
        "februar",
        "märz",
        "mai",
        "juni",
        "juli",
        "oktober",
        "dezember",
        "janvier",
        "février",
        "mars",
        "avril",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
        "gennaio",
        "febbraio",
        "aprile",
        "maggio",
        "giugno",
        "luglio",
        "settembre",
        "ottobre",
        "dicembre",
        "janeiro",
        "fevereiro",
        "março",
        "maio",
        "junho",
        "julho",
        "setembro",
        "outubro",
        "novembro",
        "dezembro",
    ]
)
#: A byline's first word ("By Jane Doe"); Greek's is the genitive article ("Του Γιώργου
#: Παπαδόπουλου"), Thai's "โดย" (s38 acceptance test #6)
_BYWORDS = frozenset(
    ["by", "von", "par", "por", "di", "door", "av", "af", "przez", "автор", "του", "της", "โดย"]
)
_COMMENT_WORDS = frozenset(
    [
        "comment",
        "comments",
        "kommentar",
        "kommentare",
        "commentaire",
        "commentaires",
        "comentario",
        "comentarios",
        "commenti",
        "komentarz",
        "komentarze",
        "reactions",
        "responses",
        "replies",
        "reply",
        "antworten",
        "discussion",
        "diskussion",
        "leserkommentare",
        "said",
        "says",
        "schrieb",
        "комментарии",
    ]
)
#: The social networks a share bar names ("Share: Facebook | X", "שתפו פייסבוק וואטסאפ"),
#: cue words of the lexicon (:data:`_CUE_PHRASES`) and the names the metadata stage and
#: :mod:`.refine` count in a share bar (:func:`..metadata.text.notice_or_share`): one list,
#: a network added to one was not known to the other
NETWORKS = (
    "facebook", "flipboard", "instagram", "linkedin", "pinterest", "reddit", "retweet",
    "telegram", "tweet", "twitter", "whatsapp", "فيسبوك", "تويتر", "واتساب", "تلگرام", "واتساپ",
    "פייסבוק", "וואטסאפ", "טוויטר", "微信", "微博", "फेसबुक", "ट्विटर", "व्हाट्सएप", "카카오톡",
    "페이스북", "เฟซบุ๊ก", "ไลน์", "вконтакте", "одноклассники", "однокласники",
)  # fmt: skip
#: Copyright, reproduction and end-of-story notices outside Latin scripts, cue phrases of
#: the lexicon and what :func:`notice_line` looks for. The page's last line, such a notice
#: was taken for the article's last paragraph and kept, and the related boxes above it
#: with it (s50 acc-scripts N2)
_NOTICE_PHRASES = [
    "جميع الحقوق محفوظة",
    "كل الحقوق محفوظة",
    "حقوق النشر محفوظة",
    "کلیه حقوق",
    "تمامی حقوق",
    "حقوق محفوظ",
    "جملہ حقوق محفوظ",
    "انتهای پیام",
    "כל הזכויות שמורות",
    "सर्वाधिकार सुरक्षित",
    "सर्व हक्क राखीव",
    "স্বত্ব সংরক্ষিত",
    "সর্বস্বত্ব সংরক্ষিত",
    "版权所有",
    "版權所有",
    "不得转载",
    "不得轉載",
    "未经授权不得转载",
    "未經授權不得轉載",
    "無断転載",
    "無断転載を禁じます",
    "無断転載禁止",
    "무단 전재 및 재배포 금지",
    "무단전재 및 재배포 금지",
    "무단 전재",
    "무단전재",
    "재배포 금지",
    "저작권자",
    "все права защищены",
    "усі права захищено",
    "всі права захищені",
    "всички права запазени",
    "με την επιφύλαξη παντός δικαιώματος",
    "ყველა უფლება დაცულია",
    "բոլոր իրավունքները պաշտպանված են",
    "அனைத்து உரிமைகளும் பாதுகாக்கப்பட்டவை",
    "สงวนลิขสิทธิ์",
]
#: The Latin scripts' rights phrases (cue phrases of their own in :data:`_CUE_PHRASES`)
_LATIN_RIGHTS = (
    "all rights reserved",
    "alle rechte vorbehalten",
    "tous droits réservés",
    "todos los derechos reservados",
    "tutti i diritti riservati",
    "todos os direitos reservados",
)
#: Latin, Cyrillic and Greek letters
_LCG = re.compile("[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]")
#: A related box's label ("Read also", "اقرأ أيضا", "यह भी पढ़ें"): a cue phrase of the
#: lexicon, and what a "read also" box in the middle of an article starts with (see
#: :func:`_box_rows`). Not English "Read more": a teaser's link, under its teaser (on a
#: page of teasers the next one's headline and summary went as a box's: held-out 02e65ec0)
RELATED_LABELS = (
    "read also", "also read", "see also", "related", "related articles",
    "related stories", "related news", "more on this story", "you may also like",
    "lesen sie auch", "auch interessant", "mehr zum thema", "siehe auch", "lire aussi",
    "à lire aussi", "voir aussi", "lea también", "te puede interesar", "leggi anche",
    "leia mais", "leia também", "czytaj także", "czytaj też", "ilgili haberler", "baca juga",
    "xem thêm", "читайте также", "читать также", "по теме", "похожие новости",
    "читайте також", "διαβάστε επίσης", "اقرأ أيضا", "اقرأ أيضاً", "اقرأ أيضًا",
    "أخبار ذات صلة", "مواضيع ذات صلة", "بیشتر بخوانید", "خبرهای مرتبط", "مطالب مرتبط",
    "یہ بھی پڑھیے", "یہ بھی پڑھیں", "متعلقہ خبریں", "כתבות נוספות", "כתבות קשורות", "קראו עוד",
    "קרא עוד", "עוד באתר", "यह भी पढ़ें", "ये भी पढ़ें", "संबंधित खबरें", "हेही वाचा",
    "আরও পড়ুন", "இதையும் படிக்க", "இதையும் படியுங்கள்", "தொடர்புடைய செய்திகள்",
    "ข่าวที่เกี่ยวข้อง", "อ่านเพิ่มเติม", "相关阅读", "相关新闻", "相關閱讀", "相關新聞", "推荐阅读",
    "延伸阅读", "延伸閱讀", "関連記事", "関連ニュース", "관련기사", "관련 뉴스", "ასევე წაიკითხეთ",
    "მსგავსი სიახლეები", "կարդացեք նաև", "նմանատիպ նյութեր", "առնչվող նյութեր",
)  # fmt: skip
_CUE_PHRASES = [
    "abo",
    "abonnement",
    "abonner",
    "abonnez",
    "abonnieren",
    "about us",
    "accueil",
    "advert",
    "advertise",
    "advertisement",
    "advertising",
    "agb",
    "all rights reserved",
    "alle rechte vorbehalten",
    "also read",
    "anmelden",
    "annonce",
    "anterior",
    "anzeige",
    "app",
    "apps",
    "archiv",
    "archive",
    "auch interessant",
    "aviso legal",
    "back to top",
    "bild",
    "bilder",
    "buscar",
    "caption",
    "careers",
    "categories",
    "category",
    "click here",
    "comentario",
    "comentarios",
    "comment",
    "commentaire",
    "commentaires",
    "commenti",
    "comments",
    "compartilhar",
    "compartir",
    "condividi",
    "contact",
    "cookie",
    "cookies",
    "copyright",
    "credit",
    "czytaj także",
    "czytaj też",
    "czytaj więcej",
    "das könnte sie auch",
    "datenschutz",
    "del",
    "dela",
    "delen",
    "disclaimer",
    "download",
    "drucken",
    "e mail",
    "email",
    "faq",
    "feedback",
    "folgen sie uns",
    "follow us",
    "foto",
    "fotos",
    "galerie",
    "gallery",
    "getty images",
    "help",
    "hier klicken",
    "hilfe",
    "home",
    "homepage",
    "image",
    "images",
    "imago",
    "impressum",
    "imprimer",
    "imprint",
    "iniciar sesión",
    "inicio",
    "jobs",
    "kategorie",
    "komentarz",
    "komentarze",
    "kommentar",
    "kommentare",
    "kommentieren",
    "kontakt",
    "latest news",
    "lea también",
    "leave a comment",
    "leave a reply",
    "leer más",
    "leggi anche",
    "leia mais",
    "lire aussi",
    "lire la suite",
    "listen",
    "loading",
    "log in",
    "log out",
    "login",
    "logout",
    "mehr dazu",
    "mehr lesen",
    "mehr zum thema",
    "meistgelesen",
    "mentions légales",
    "menu",
    "menü",
    "more from",
    "more stories",
    "most popular",
    "most read",
    "nach oben",
    "navigation",
    "newsletter",
    "next",
    "partager",
    "partner content",
    "photo",
    "photos",
    "picture alliance",
    "play",
    "política de privacidad",
    "post a comment",
    "prev",
    "previous",
    "print",
    "privacy",
    "promoted",
    "précédent",
    "pubblicità",
    "publicidad",
    "publicidade",
    "publicité",
    "quelle",
    "read also",
    "read more",
    "read next",
    "rechercher",
    "recommended",
    "register",
    "registrieren",
    "reklama",
    "related",
    "reply",
    "rss",
    "rubrik",
    "schlagwort",
    "schlagworte",
    "schlagwörter",
    "search",
    "see also",
    "share",
    "shared",
    "shares",
    "shutterstock",
    "siehe auch",
    "sign in",
    "sign up",
    "siguiente",
    "sitemap",
    "skip to",
    "source",
    "sponsored",
    "startseite",
    "subscribe",
    "subscription",
    "suche",
    "suchen",
    "suivant",
    "suivez-nous",
    "suscríbete",
    "síguenos",
    "tag",
    "tags",
    "te puede interesar",
    "teilen",
    "terms and conditions",
    "terms of service",
    "terms of use",
    "themen",
    "todos los derechos reservados",
    "top stories",
    "topics",
    "tous droits réservés",
    "trending",
    "udostępnij",
    "video",
    "videos",
    "watch",
    "weiter",
    "weiterlesen",
    "werbung",
    "you may also like",
    "you might also like",
    "youtube",
    "zaloguj",
    "zum inhalt",
    "zurück",
    "à lire aussi",
    "über uns",
    "комментарии",
    "поделиться",
    # Arabic, Persian, Hebrew, Turkish, Indonesian, Vietnamese, Hindi, Chinese, Japanese: share,
    # advertisement, read also, related, home, comments, the networks (acceptance round s23:
    # these lines stayed in the text of such pages)
    "شارك",
    "مشاركة",
    "إعلان",
    "اعلان",
    "إعلانات",
    "اقرأ أيضا",
    "اقرأ أيضاً",
    "اقرأ المزيد",
    "الرئيسية",
    "تعليقات",
    "اشتراک",
    "تبلیغات",
    "بیشتر بخوانید",
    "שתפו",
    "שתף",
    "פרסומת",
    "עוד באתר",
    "קראו עוד",
    "קרא עוד",
    "כתבות נוספות",
    "דף הבית",
    "תגובות",
    "paylaş",
    "reklam",
    "ilgili haberler",
    "ana sayfa",
    "bagikan",
    "iklan",
    "baca juga",
    "chia sẻ",
    "quảng cáo",
    "xem thêm",
    "分享",
    "分享到",
    # (a Chinese share bar's call, "share it so more people see it"; a municipal page's
    # feedback question in Japanese, written as one run of letters, a token of its own; a
    # Hebrew paywall's "to continue reading": left in the text of s50 acc-scripts zh-4,
    # ja-3, he-2)
    "分享让更多人看到",
    "このページの情報は役に立ちましたか",
    "この情報は役に立ちましたか",
    "このページは役に立ちましたか",
    "להמשך קריאה",
    "להמשך הקריאה",
    "广告",
    "廣告",
    "相关阅读",
    "相关新闻",
    "首页",
    # the traditional script's related news, and previous/next article links ("上一則：騎馬這麼久
    # ……", a clause of their own before the linked headline) kept after a Chinese article
    # as its text (s42 acc-regress R3)
    "相關閱讀",
    "相關新聞",
    "上一篇",
    "下一篇",
    "上一則",
    "下一則",
    "上一条",
    "下一条",
    "上一條",
    "下一條",
    "शेयर",
    "शेयर करें",
    "विज्ञापन",
    "यह भी पढ़ें",
    "होम",
    "टिप्पणियाँ",
    "シェア",
    "シェアする",
    "広告",
    "関連記事",
    "реклама",
    "читайте также",
    # Persian, Ukrainian, Greek, Marathi, Bengali, Korean: share, read also, related,
    # the networks, and a staff byline without a name ("our correspondent"), which stayed
    # in the text of such pages (s38 acceptance test, findings 6, 7)
    "اشتراک گذاری",
    "поділитися",
    "поширити",
    "читайте також",
    "κοινοποίηση",
    "διαβάστε επίσης",
    "शेअर",
    "शेअर करा",
    "हेही वाचा",
    "प्रतिनिधी",
    "শেয়ার",
    "শেয়ার করুন",
    "আরও পড়ুন",
    "নিজস্ব প্রতিবেদক",
    "공유하기",
    "관련기사",
    # Thai and Lao: share, the networks, related news, read more, advertisement (a Thai
    # page's share buttons stayed in its text, s38 acceptance test #1; each is one word
    # to the tokens only since their vowel signs are: see _WORD_MARKS)
    "แชร์",
    "ข่าวที่เกี่ยวข้อง",
    "อ่านเพิ่มเติม",
    "อ่านต่อ",
    "โฆษณา",
    "ແບ່ງປັນ",
    "ຂ່າວທີ່ກ່ຽວຂ້ອງ",
    "ອ່ານຕໍ່",
    "ໂຄສະນາ",
    # The chrome of the scripts the lexicon had no word of (Georgian, Armenian, Tamil,
    # Urdu) or lacked a box's label in (Persian, Korean, Chinese, Russian): share, related,
    # most read, read also, comments, tags, photo, minutes (a read time), and the notices
    # and related boxes' labels below (s50 acc-scripts N2, N3). As the sites' own chrome
    # words; words with a zero-width non-joiner are written as its tokens, space-separated.
    # (The notices taken out, the model kept a Persian page's end-of-story notice and tags,
    # a Chinese tip line, a Thai section label again, s50 acc-scripts; s51 regress R1)
    *_NOTICE_PHRASES,
    # (the labels in the other scripts, not listed again below: a new cue phrase in Latin,
    # Cyrillic or Greek moved the model's scores on pages of those scripts, "Lesen Sie auch"
    # an interview's answers)
    *(p for p in RELATED_LABELS if _LCG.search(p) is None),
    # Georgian
    "გაზიარება",
    "გააზიარე",
    "მსგავსი ამბები",
    "ასევე იხილეთ",
    "ყველაზე კითხვადი",
    "კომენტარები",
    "თეგები",
    "ფოტო",
    "წუთი",
    # Armenian
    "կիսվել",
    "ամենաընթերցված",
    "մեկնաբանություններ",
    "պիտակներ",
    "թեգեր",
    "լուսանկարը",
    "րոպե",
    # Tamil
    "பகிர்",
    "பகிரவும்",
    "மேலும் படிக்க",
    "அதிகம் படித்தவை",
    "கருத்துகள்",
    "குறிச்சொற்கள்",
    "புகைப்படம்",
    "நிமிடம்",
    # Urdu
    "شیئر کریں",
    "سب سے زیادہ پڑھی جانے والی",
    "تبصرے",
    "ٹیگز",
    # Persian
    "پربیننده ترین ها",
    "پربازدیدترین",
    "پربازدیدترین ها",
    "برچسب ها",
    "نظرات",
    "عکس",
    "دقیقه",
    # Korean, Chinese, Japanese, Russian
    "많이 본 뉴스",
    "댓글",
    "태그",
    "기사 공유",
    "热门新闻",
    "标签",
    "標籤",
    "评论",
    "評論",
    "责任编辑",
    "責任編輯",
    "報料",
    "报料",
    "コメント",
    "タグ",
    # (no Russian chrome words but "мин", a read time's: "теги", "самое читаемое", ...,
    # new cue phrases in Cyrillic, moved the model's scores on Russian pages, a FAQ's
    # sub-heading and a chart's source went with "Теги" on the page, s51 regress R1; see
    # RELATED_LABELS)
    "мин",
    *NETWORKS,
]
_CUE_PHRASES = list(dict.fromkeys(_CUE_PHRASES))  # (a phrase listed twice counted twice)
# ----------------------------------------------------------------- model loading ----
#: The model file format this code reads (the JSON model's ``version``).
MODEL_VERSION = 1
#: The model the decisions use when none is given: the shipped one (:data:`MODEL_PATH`), or
#: the one a boilerplate stage made active (:func:`activate`, its ``model`` option)
_MODEL = None
#: Models loaded in this process by (real path, size, mtime): each file is read, checked
#: and prepared once per process
_LOADED: dict[tuple[str, int, int], dict[str, Any]] = {}
#: Held while a model file is read and prepared (threads that start at once load it once)
_LOAD_LOCK = threading.RLock()

# A fork (a process pool started by another thread) waits until no thread holds
# a model's load, and the child gets the lock free: a child forked while another thread held
# it waited on it for good (ingest(workers=2) from two threads hung).
os.register_at_fork(
    before=_LOAD_LOCK.acquire,
    after_in_parent=_LOAD_LOCK.release,
    after_in_child=_LOAD_LOCK._at_fork_reinit,  # type: ignore[attr-defined]
)


class ModelError(ModelFileError):
    """A line model file this code cannot use (unreadable, truncated, for another feature
    set or format version); its message names the file and what is wrong."""


def load_model(path: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """Load (and cache) the JSON model: stop words, feature names, two tree ensembles.  The
    lexicon's hash table and the trees' node arrays come from ``lines_cache.bin`` when it
    was built from the same file (its stamp), else they are built.  Without ``path``: the
    active model (:func:`activate`), else the shipped one.  The file is checked
    (:func:`check_model`): one this code cannot use raises :class:`ModelError` naming it.
    Each file is loaded once per process (by its path, size and modification time)."""
    global _MODEL
    if path is None:
        if _MODEL is None:
            with _LOAD_LOCK:  # (once, when threads start at once)
                if _MODEL is None:
                    _MODEL = _load_checked(MODEL_PATH)
        return _MODEL
    with _LOAD_LOCK:
        return _load_checked(os.fspath(path))


def activate(model: dict[str, Any]) -> None:
    """Make ``model`` (from :func:`load_model`) the one the decisions use in this process
    when none is given (a boilerplate stage's ``model`` option)."""
    global _MODEL
    _MODEL = model


def _load_checked(path: str) -> dict[str, Any]:
    m, key, raw = read_model(path, "line model", ModelError, _LOADED)
    if raw is None:
        return m
    check_model(m, path)
    if _CACHE_ERROR is not None and key[0] == os.path.realpath(MODEL_PATH):
        raise ModelError(
            f"line model cache {CACHE_PATH}: damaged ({_CACHE_ERROR}); rebuild it with"
            " `python -m corearchive_plugins.boilerplate.lines`"
        )
    cached = _CACHE if str(_CACHE.get("model_stamp", "")) == _model_stamp(raw) else None
    if cached is not None:
        _check_cache(cached, m)
    try:
        m["stopwords"] = frozenset(m["stopwords"])
        m["lex"] = _build_lex(m["stopwords"], cached)
        for k, stage in enumerate(m["stages"]):
            if cached is not None:
                stage["_arrays"] = {a: cached[f"s{k}_{a}"] for a in _TREE_ARRAYS}
                stage["_arrays"]["depth"] = int(cached[f"s{k}_depth"])
                stage["_arrays"]["ntrees"] = int(cached[f"s{k}_ntrees"])
            else:
                stage["_arrays"] = _ensemble_arrays(stage["trees"])
        if m.get("seq"):
            m["_seq"] = _seq_prepare(m["seq"])
            _one_blas_thread()
    except ModelError:
        raise
    except Exception as exc:
        raise ModelError(
            f"line model {path}: cannot be prepared: {type(exc).__name__}: {exc}"
        ) from exc
    m["_file"] = path
    m["_sha256"] = hashlib.sha256(raw).hexdigest()
    _LOADED[key] = m
    return m


def check_model(m: Any, path: str | os.PathLike[str] = "model") -> None:
    """Raise :class:`ModelError` (naming ``path``) when the parsed JSON model ``m`` is not one
    this code can use: another format ``version``, feature lists other than the ones the
    code computes (:data:`FEATURE_NAMES`, :data:`STAGE2_NAMES`, :data:`STAGE3_NAMES`), trees
    that read a feature column the stage's rows do not have, a sequence layer for another
    number of features.  (A model for another feature set scored garbage without a word.)"""

    def bad(what: str) -> ModelError:
        return ModelError(
            f"line model {os.fspath(path)}: {what}; this code reads version {MODEL_VERSION}"
            f" models of its {_NF} features (retrain with research/boilerplate/train.py)"
        )

    if not isinstance(m, dict):
        raise bad(f"a JSON {type(m).__name__}, not an object")
    for key in ("version", "features", "stopwords", "stages"):
        if key not in m:
            raise bad(f"no {key!r} entry")
    if m["version"] != MODEL_VERSION:
        raise bad(f"version {m['version']!r}")
    for key, names in (
        ("features", FEATURE_NAMES),
        ("stage2_features", STAGE2_NAMES),
        ("stage3_features", STAGE3_NAMES),
    ):
        got = m.get(key)
        if got is None and key != "features" and len(m["stages"]) < (3 if "3" in key else 2):
            continue
        if got != list(names):
            if not isinstance(got, list):
                raise bad(f"{key!r} is no list")
            diff = next((i for i, (a, b) in enumerate(zip(got, names)) if a != b), None)
            where = f", first difference at {diff}: {got[diff]!r}" if diff is not None else ""
            raise bad(f"{key!r} has {len(got)} names, the code {len(names)}{where}")
    if not isinstance(m["stopwords"], list) or not all(isinstance(w, str) for w in m["stopwords"]):
        raise bad("'stopwords' is no list of strings")
    stages = m["stages"]
    if not isinstance(stages, list) or not 1 <= len(stages) <= 3:
        raise bad("'stages' is no list of 1 to 3 tree ensembles")
    widths = (_NF, _NF + len(STAGE2_NAMES), _NF + len(STAGE3_NAMES))
    for k, stage in enumerate(stages):
        try:
            float(stage["base"])
            trees = stage["trees"]
            if not trees:
                raise bad(f"stage {k + 1} has no trees")
            for t, tree in enumerate(trees):
                n = len(tree["feat"])
                if not n or any(len(tree[a]) != n for a in ("thr", "left", "right", "value")):
                    raise bad(f"stage {k + 1}, tree {t}: arrays of unequal length")
                int(tree["depth"])
                for j in range(n):
                    f = tree["feat"][j]
                    if tree["thr"][j] is None or tree["left"][j] == j:
                        continue  # (a leaf)
                    if not 0 <= f < widths[k]:
                        raise bad(
                            f"stage {k + 1}, tree {t} reads feature column {f}, the stage's"
                            f" rows have {widths[k]}"
                        )
                    if not (0 <= tree["left"][j] < n and 0 <= tree["right"][j] < n):
                        raise bad(f"stage {k + 1}, tree {t}: a child out of the tree")
        except ModelError:
            raise
        except (KeyError, TypeError, ValueError) as exc:
            raise bad(f"stage {k + 1} is no tree ensemble ({type(exc).__name__}: {exc})") from exc
    sq = m.get("seq")
    if sq:
        try:
            if int(sq["nfeat"]) != _NF:
                raise bad(f"the sequence layer reads {sq['nfeat']} features")
            for net in sq["nets"]:
                rows = len(net["w_in"])
                if rows != _NF + 2:
                    raise bad(f"a sequence net's first layer has {rows} inputs, not {_NF + 2}")
        except ModelError:
            raise
        except (KeyError, TypeError, ValueError) as exc:
            raise bad(f"'seq' is no sequence layer ({type(exc).__name__}: {exc})") from exc
    thr = m.get("threshold", 0.5)
    if not isinstance(thr, (int, float)) or not 0 <= thr <= 1:
        raise bad(f"threshold {thr!r} is not in [0, 1]")


def _check_cache(cached: dict[str, Any], m: dict[str, Any]) -> None:
    """Raise :class:`ModelError` naming ``lines_cache.bin`` when its stamp says it was built
    from this model but its tree arrays are not the model's (a damaged file)."""
    for k, stage in enumerate(m["stages"]):
        try:
            T, D = int(cached[f"s{k}_ntrees"]), int(cached[f"s{k}_depth"])
            ok = (
                T == len(stage["trees"])
                and cached[f"s{k}_feat"].shape == (T * ((1 << D) - 1),)
                and cached[f"s{k}_thr"].shape == (T * ((1 << D) - 1),)
                and cached[f"s{k}_val"].shape == (T << D,)
            )
        except (KeyError, ValueError, TypeError, AttributeError):
            ok = False
        if not ok:
            raise ModelError(
                f"line model cache {CACHE_PATH}: its arrays for stage {k + 1} do not match"
                f" the model it was built from; rebuild it with"
                f" `python -m corearchive_plugins.boilerplate.lines`"
            )


_TREE_ARRAYS = ("feat", "thr", "val")


def write_cache(path=None, model_path=None):
    """Build everything ``lines_cache.bin`` holds from scratch (character tables, and the
    lexicon and tree arrays of the model at ``model_path``) and write it to ``path``
    (default: beside this module).  Run ``python -m corearchive_plugins.boilerplate.lines``
    after changing the model, the word lists or the code that builds these arrays."""
    with open(model_path or MODEL_PATH, "rb") as f:
        raw = f.read()
    m = json.loads(raw)
    out = dict(_build_tables())
    out["tables_stamp"] = np.array(_tables_stamp())
    out["model_stamp"] = np.array(_model_stamp(raw))
    lex = _build_lex(frozenset(m["stopwords"]))
    out["lex_h"], out["lex_c"], out["lex_pairs"] = lex["h"], lex["c"], lex["pairs"]
    for a in ("k", "v", "used", "probes"):
        out[f"lex_t{a}"] = np.asarray(lex["table"][a])
    for k, st in enumerate(m["stages"]):
        arr = _ensemble_arrays(st["trees"])
        for a in (*_TREE_ARRAYS, "depth", "ntrees"):
            out[f"s{k}_{a}"] = np.asarray(arr[a])
    import zlib

    with open(path or CACHE_PATH, "wb") as f:
        f.write(zlib.compress(_pack(out), 9))


def _ensemble_arrays(trees):
    """All trees of an ensemble as complete binary trees of the ensemble's depth D, level by
    level: level d holds T x 2**d nodes (T trees), node k of tree t at t * 2**d + k, whose
    children are at 2 * (t * 2**d + k) + (0, 1) on level d + 1.  So a row's node on the next
    level is twice its node plus the comparison (no child look-up), and level D holds the
    leaves' values.  A leaf above level D becomes a chain of nodes that always go left
    (threshold +inf: ``x > inf`` is false, NaN too) down to its value on level D; what no
    row can reach stays 0.  ``feat`` and ``thr`` hold levels 0 .. D-1 one after another
    (level d from T * (2**d - 1)), ``val`` level D."""
    T = len(trees)
    D = max(max(t["depth"] for t in trees), 1)
    feat = np.zeros(T * ((1 << D) - 1), np.int64)
    thr = np.full(T * ((1 << D) - 1), np.inf)
    val = np.zeros(T << D)
    for ti, t in enumerate(trees):
        stack = [(0, 0, 0)]  # (node in the tree's own arrays, level, index on the level)
        while stack:
            old, d, k = stack.pop()
            lo = t["left"][old]
            if t["thr"][old] is None or lo == old:  # a leaf: always left down to level D
                val[(ti << D) + (k << (D - d))] = t["value"][old]
                continue
            g = T * ((1 << d) - 1) + (ti << d) + k
            feat[g] = t["feat"][old]
            thr[g] = t["thr"][old]
            stack += [(lo, d + 1, 2 * k), (t["right"][old], d + 1, 2 * k + 1)]
    return {"feat": feat, "thr": thr, "val": val, "depth": D, "ntrees": T}


_ROWBASE: dict[tuple[int, int], np.ndarray] = {}


def _rowbase(n, F, T):
    """``(rows x trees)`` array of each row's offset in a ``(rows x F)`` array's ravel(): built
    once per (F, T) for the rows of a tree call (:data:`_TREE_ROWS`), a slice of it after."""
    got = _ROWBASE.get((F, T))
    if got is None or len(got) < n:
        got = np.repeat(np.arange(0, max(n, _TREE_ROWS) * F, F), T).reshape(-1, T)
        if len(got) == _TREE_ROWS:
            _ROWBASE[F, T] = got
    return got[:n]


def _ensemble_predict(arr, X, base):
    """Raw score of a tree ensemble for the rows of X, level by level over (rows x trees)
    arrays (see :func:`_ensemble_arrays`; np.take rather than fancy indexing: about twice as
    fast on these index arrays; mode "clip": every index is in range by construction, and
    clip's check costs fewer instructions per element than "raise"'s, 6 % of the call)."""
    n, F = X.shape
    feat, thr, D, T = arr["feat"], arr["thr"], arr["depth"], arr["ntrees"]
    # each row's offset in X.ravel(), as a whole (rows x trees) array: adding a broadcast
    # (rows x 1) column goes through numpy's buffered iterator (a copy of the column per row
    # and level); a contiguous array is one SIMD add
    rowbase = _rowbase(n, F, T)
    Xf = X.ravel()
    # level 0: every row is at its trees' roots (whole columns: no flat index to build)
    node = (X.take(feat[:T], axis=1, mode="clip") > thr[:T]).astype(np.int64)
    node += np.arange(0, 2 * T, 2)
    for d in range(1, D):
        a = T * ((1 << d) - 1)
        fd, td = feat[a : a + (T << d)], thr[a : a + (T << d)]
        at = fd.take(node, mode="clip")
        at += rowbase  # (in place: one (rows x trees) array less per level)
        right = Xf.take(at, mode="clip") > td.take(node, mode="clip")
        node <<= 1
        node += right
    return base + arr["val"].take(node, mode="clip").sum(axis=1)


# -------------------------------------------------------------------- features ----
_CREDIT = frozenset(
    [
        "reuters",
        "afp",
        "dpa",
        "epa",
        "getty",
        "imago",
        "shutterstock",
        "istock",
        "xinhua",
        "anadolu",
        "keystone",
        "ansa",
        "efe",
        "photo",
        "photos",
        "foto",
        "fotos",
        "picture",
        "pictures",
        "photograph",
        "photographer",
        "credit",
        "bild",
        "image",
        "courtesy",
        "archivbild",
        "archivfoto",
        # Cyrillic, Georgian, Armenian ("Фото: Игорь Иванко / Коммерсантъ"; s50 acc-scripts N3)
        "фото",
        "ფოტო",
        "լուսանկարը",
    ]
)
_CAPVERB = frozenset(
    [
        "speaks",
        "attends",
        "poses",
        "gestures",
        "arrives",
        "reacts",
        "waves",
        "smiles",
        "listens",
        "pictured",
        "delivers",
        "looks",
        "walks",
        "shakes",
        "talks",
        "sits",
        "stands",
        "leaves",
        "celebrates",
        "addresses",
        "visits",
        "spricht",
        "posiert",
        "lors",
        "durante",
        "during",
    ]
)
_CUE1 = frozenset(p for p in _CUE_PHRASES if " " not in p)
#: The lexicon's furniture words of one word (a share bar's calls to share in its languages:
#: :func:`..metadata.text._share_bar`)
CUE_WORDS = _CUE1
#: The lexicon's furniture phrases, whole (a box's label over a site's feed: "Latest news";
#: :func:`.feeds.feed_lines`)
CUE_PHRASES = frozenset(_CUE_PHRASES)
_CUE_MULTI = {}
for _p in _CUE_PHRASES:
    if " " in _p:
        _w = _TOK.findall(_p)
        _CUE_MULTI.setdefault(_w[0], []).append(_w)
#: Token offsets 0 .. the longest phrase's length - 1 (see _raw_features_many)
_CUE_SPAN = np.arange(max(len(w) for ws in _CUE_MULTI.values() for w in ws))
_LEX_BITS = (
    (2, _CUE1),
    (4, _COMMENT_WORDS),
    (8, _MONTHS),
    (16, _BYWORDS),
    (32, _CREDIT),
    (64, _CAPVERB),
    (128, frozenset(_CUE_MULTI)),
)


_HB = 1000003  # odd base of the polynomial token hash (mod 2**64)
_HBI = pow(_HB, -1, 2**64)
_M64 = 2**64 - 1


def _hash_word(w):
    h, p = 0, 1
    for ch in w:
        h = (h + ord(ch) * p) & _M64
        p = (p * _HB) & _M64
    return h


def _build_lex(stopwords, cached=None):
    """Lexicon as sorted 64-bit token hashes with class bits (1 stop word, 2 cue, 4 comment,
    8 month, 16 by-word, 32 photo credit, 64 caption verb, 128 first word of a cue phrase,
    256 www/http); its arrays from ``cached`` (see :func:`load_model`) when given."""
    multi = {}
    for w0, phs in _CUE_MULTI.items():
        multi[_hash_word(w0)] = [tuple(_hash_word(x) for x in ph) for ph in phs]
    if cached is not None:
        table = {a: cached[f"lex_t{a}"] for a in ("k", "v", "used")}
        table["mask"] = len(table["k"]) - 1
        table["probes"] = int(cached["lex_tprobes"])
        return {
            "h": cached["lex_h"],
            "c": cached["lex_c"],
            "multi": multi,
            "table": table,
            "pairs": cached["lex_pairs"],
        }
    lex = {}
    for w in stopwords:
        lex[w] = 1
    for bit, words in _LEX_BITS:
        for w in words:
            lex[w] = lex.get(w, 0) | bit
    for w in ("www", "http", "https"):
        lex[w] = lex.get(w, 0) | 256
    hs = {}
    for w, c in lex.items():
        h = _hash_word(w)
        hs[h] = hs.get(h, 0) | c
    keys = np.array(sorted(hs), np.uint64)
    vals = np.array([hs[int(k)] for k in keys], np.int64)
    with np.errstate(over="ignore"):
        pairs = np.unique(
            np.array(
                [ph[0] * int(_PAIR_MULT) + ph[1] & _M64 for v in multi.values() for ph in v],
                np.uint64,
            )
        )
    return {"h": keys, "c": vals, "multi": multi, "table": _hash_table(keys, vals), "pairs": pairs}


_PAIR_MULT = np.uint64(0x9E3779B97F4A7C15)
_TABLE_BITS = 14
_TABLE_MULT = np.uint64(0x9E3779B97F4A7C15)


def _slots(h, bits=_TABLE_BITS):
    with np.errstate(over="ignore"):
        s = h * _TABLE_MULT
    s >>= np.uint64(64 - bits)
    return s.view(np.int64)  # below 2**bits: the same values, without a converted copy


def _hash_table(keys, vals, bits=_TABLE_BITS):
    """Open-addressing table (linear probing) of the lexicon hashes: a look-up is a few
    gathers per token instead of a binary search (the lexicon is ~2,100 words, 1/8 full)."""
    size = 1 << bits
    tk = np.zeros(size, np.uint64)
    tv = np.zeros(size, np.int64)
    used = np.zeros(size, bool)
    probes = 1
    for k, v, s0 in zip(keys.tolist(), vals.tolist(), _slots(keys, bits).tolist()):
        s, step = s0, 1
        while used[s]:
            s = (s + 1) & (size - 1)
            step += 1
        tk[s], tv[s], used[s] = k, v, True
        probes = max(probes, step)
    assert not (used & (tk == 0)).any(), "a lexicon hash is 0: _lex_codes takes 0 for empty"
    return {"k": tk, "v": tv, "used": used, "mask": size - 1, "probes": probes}


def _lex_codes(table, th):
    """Class bits of the tokens with hashes ``th`` (0: not in the lexicon).  Most tokens
    settle at their first slot (a hit, or an empty slot: no lexicon key is 0); the few
    others probe on."""
    tk, tv, mask = table["k"], table["v"], table["mask"]
    slot = _slots(th)
    k = tk.take(slot)
    hit = k == th
    codes = tv.take(slot)
    codes *= hit  # (0 where the first slot holds another key)
    more = np.flatnonzero(~hit & (k != 0))
    slot = slot.take(more)  # the probe position of each pending token
    for _ in range(table["probes"] - 1):
        if not len(more):
            break
        slot = (slot + 1) & mask
        k = tk.take(slot)
        hit = k == th.take(more)
        codes[more[hit]] = tv.take(slot[hit])
        keep = ~hit & (k != 0)
        more, slot = more[keep], slot[keep]
    return codes


_POW = [np.ones(1, np.uint64), np.ones(1, np.uint64)]


def _pows(L):
    """B**i and B**-i (mod 2**64) for i < L (cached, grown on demand)."""
    if len(_POW[0]) < L:
        m = max(L, 2 * len(_POW[0]), 65536)
        with np.errstate(over="ignore"):
            a = np.full(m, _HB, np.uint64)
            a[0] = 1
            b = np.full(m, _HBI, np.uint64)
            b[0] = 1
            _POW[0] = np.cumprod(a, dtype=np.uint64)
            _POW[1] = np.cumprod(b, dtype=np.uint64)
    return _POW[0], _POW[1]


def _bmp():
    """Every BMP code point as a one-character string: the tables below are built with numpy's
    vectorised str methods (the same Unicode database as str's), a few ms instead of a Python
    loop over 65,536 characters per table (and read from ``lines_cache.bin`` when it holds
    them: see :func:`_load_tables`)."""
    return np.frombuffer(
        "".join(map(chr, range(65536))).encode("utf-32-le", "surrogatepass"), dtype="<U1"
    )


def _build_char_table(bmp):
    """Class bits of every BMP code point: 1 letter, 2 upper, 4 digit, 8 CJK/kana/hangul,
    16 separator-like, 32 quote, 64 comma, 128 word character (regex \\w: alphanumeric or
    "_")."""
    _BMP = bmp
    cp = np.arange(65536)
    alpha = np.char.isalpha(_BMP)
    cjk = (
        ((cp >= 0x3040) & (cp <= 0x30FF))
        | ((cp >= 0x3400) & (cp <= 0x9FFF))
        | ((cp >= 0xAC00) & (cp <= 0xD7AF))
        | ((cp >= 0xF900) & (cp <= 0xFAFF))
    )
    word = np.char.isalnum(_BMP) | (_BMP == "_")
    # the combining marks written on letters are inside words (see _WORD_MARKS): \\w splits
    # "विज्ञापन" into four tokens, "ข่าว" into two
    word |= np.isin(cp, [ord(c) for c in _WORD_MARKS])
    t = (
        alpha * 1
        | (alpha & np.char.isupper(_BMP)) * 2
        | (~alpha & np.char.isdigit(_BMP)) * 4
        | (alpha & cjk) * 8
        | word * 128
    ).astype(np.uint8)
    for ch in _SEPS:
        t[ord(ch)] |= 16
    for ch in _QUOTES:
        t[ord(ch)] |= 32
    for ch in ",،、，":
        t[ord(ch)] |= 64
    return t


def _build_lower_table(bmp):
    """Lower case of every BMP code point (the first character of ``str.lower``: "İ" -> "i",
    as the URL regex's IGNORECASE matches it; it is the only BMP code point whose lower case
    is longer than one character; a one-character result type keeps the first)."""
    low = np.char.lower(bmp).astype("<U1")
    return np.frombuffer(low.tobytes(), np.uint32).copy()


def _sent_table(bmp):
    """Classes of _SENT_IN's parts per BMP code point: 1 sentence end ``[.!?…。！？]``, 2
    closing quote/bracket (:data:`CLOSING_MARKS`), 4 whitespace ``\\s`` (str.isspace), 8 opening
    quote/bracket ``["'“‘«(]``, 16 letter ``[^\\W\\d_]`` (alphanumeric, not a decimal digit;
    "_" is not alphanumeric).  research/boilerplate/v5_tables.py checks it against the
    regex's own classes."""
    t = np.zeros(65536, np.uint8)
    for bit, chars in ((1, SENTENCE_MARKS), (2, CLOSING_MARKS), (8, "\"'“‘«(")):
        t[[ord(c) for c in chars]] |= bit
    t[np.char.isspace(bmp)] |= 4
    t[np.char.isalnum(bmp) & ~np.char.isdecimal(bmp)] |= 16
    return t


def _stamp(*parts):
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(part if isinstance(part, bytes) else str(part).encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


def _tables_stamp():
    """What the character tables depend on besides their code: the Unicode database (str's
    methods) and the character lists."""
    # (the sentence and closing marks too: the sentence-internal table is built from them,
    # and an edit of them without a rebuild loaded a stale one silently; s42 acc-read)
    return _stamp(
        "tables",
        _CACHE_VERSION,
        unicodedata.unidata_version,
        _SEPS,
        _QUOTES,
        SENTENCE_MARKS,
        CLOSING_MARKS,
    )


def _model_stamp(raw):
    """What the model's arrays depend on besides their code: the model file (its bytes) and
    the lexicon's word lists."""
    words = [sorted(w) for _bit, w in _LEX_BITS]
    return _stamp("model", _CACHE_VERSION, raw, json.dumps(words, ensure_ascii=False))


def _read_cache():
    """The arrays of ``lines_cache.bin`` by name (see :func:`_pack`); empty when the file is
    missing or unreadable (everything is then built)."""
    import zlib

    global _CACHE_ERROR
    try:
        with open(CACHE_PATH, "rb") as f:
            return _unpack(zlib.decompress(f.read()))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError, KeyError, TypeError, zlib.error) as exc:
        # (the tables are then built; the shipped model's load stops on it: see
        # _load_checked)
        _CACHE_ERROR = f"{type(exc).__name__}: {exc}"
        return {}


#: Why ``lines_cache.bin`` could not be read (it exists but is damaged), or None
_CACHE_ERROR: str | None = None


def _pack(arrays):
    """Arrays in one buffer: a 4-byte header length, a JSON header (name -> dtype, shape,
    offset) and the arrays' bytes at 8-byte aligned offsets.  (np.load of an .npz parses
    each array's header with ast: ~0.3 ms an array, more than reading them.)"""
    head, blobs, off = {}, [], 0
    for name, a in arrays.items():
        a = np.array(a, order="C")  # (ascontiguousarray would make a 0-d array 1-d)
        head[name] = [a.dtype.str, list(a.shape), off]
        b = a.tobytes()
        blobs.append(b + b"\0" * (-len(b) % 8))
        off += len(blobs[-1])
    h = json.dumps(head).encode()
    h += b" " * (-(len(h) + 4) % 8)
    return len(h).to_bytes(4, "little") + h + b"".join(blobs)


def _unpack(buf):
    n = int.from_bytes(buf[:4], "little")
    head = json.loads(buf[4 : 4 + n])
    data = memoryview(bytearray(buf[4 + n :]))  # writable copies of the arrays
    out = {}
    for name, (dt, shape, off) in head.items():
        dtype = np.dtype(dt)
        size = dtype.itemsize * math.prod(shape)
        out[name] = np.frombuffer(data[off : off + size], dtype).reshape(tuple(shape))
    return out


def _build_tables():
    bmp = _bmp()
    return {
        "t_sent": _sent_table(bmp),
        "t_char": _build_char_table(bmp),
        "t_lower": _build_lower_table(bmp),
        "t_decimal": np.char.isdecimal(bmp),
    }


def _load_tables():
    """The character tables: from the cache when it was built with the same Unicode database
    and lists, else built (identical arrays either way)."""
    t = _CACHE if str(_CACHE.get("tables_stamp", "")) == _tables_stamp() else _build_tables()
    return t["t_sent"], t["t_char"], t["t_lower"], t["t_decimal"]


_CACHE = _read_cache()
_SENT_T, _CHAR_TABLE, _LOWER_T, _DECIMAL = _load_tables()
_CLS_VALUES, _CHAR_CODE = np.unique(_CHAR_TABLE, return_inverse=True)
_CHAR_CODE = _CHAR_CODE.astype(np.int64)
_NCODE = len(_CLS_VALUES)
# the class codes (rows of the per-line code counts) that have each class bit
_BIT_CODES = [np.flatnonzero(_CLS_VALUES & b) for b in (1, 2, 4, 8, 16, 32, 64)]
_LEXBIT = np.array([1, 2, 4, 8, 16, 32, 64], np.int64)
_END_T = np.zeros(65536, np.uint8)  # 1 closing quote/bracket, 2 sentence end, 4 ? or !
for _c in _CLOSERS:
    _END_T[ord(_c)] |= 1
for _c in _END_CHARS:
    _END_T[ord(_c)] |= 2
for _c in "?!？！":
    _END_T[ord(_c)] |= 4
_CLOSER = (_END_T & 1) > 0
_FIRST_T = np.zeros(65536, np.uint8)  # 1 bullet char, 2 "(" or "["
for _c in _BULLET_CHARS:
    _FIRST_T[ord(_c)] |= 1
_FIRST_T[ord("(")] |= 2
_FIRST_T[ord("[")] |= 2
for _c in ".!?…。！？":
    _FIRST_T[ord(_c)] |= 4
for _c in "./:-":
    _FIRST_T[ord(_c)] |= 16
for _c in '?!)’”"':  # may end a headline run into its summary
    _FIRST_T[ord(_c)] |= 32
_FIRST_T[_DECIMAL] |= 8  # regex \d
_CAMEL_LO = np.zeros(65536, bool)
for _c in "abcdefghijklmnopqrstuvwxyz" + "".join(map(chr, range(0xE0, 0x100))):
    _CAMEL_LO[ord(_c)] = True
_REPEAT0 = None


def _build_all_table():
    """Everything the character passes need about a BMP code point in one uint32, so that
    the batch's text takes one table gather instead of five: bits 0-7 _CHAR_TABLE, 8-15
    _FIRST_T, 16-20 _SENT_T (see _sent_table), 21 _CAMEL_LO, 22 ASCII capital, 23 the lower
    case is h, w, "." or "@" (where a URL cue can start), 24-27 the _CHAR_CODE class, 28
    a class other than none and a plain lower-case letter's (_T_RARE)."""
    t = _CHAR_TABLE.astype(np.uint32)
    t |= _FIRST_T.astype(np.uint32) << 8
    t |= _SENT_T.astype(np.uint32) << 16
    t |= _CAMEL_LO.astype(np.uint32) << 21
    t[65:91] |= 1 << 22
    low = _LOWER_T
    for c in "hw.@":
        t[low == ord(c)] |= 1 << 23
    t |= _CHAR_CODE.astype(np.uint32) << 24
    # bit 28: a class other than none and the one of "a" (counted at its positions)
    rare = (_CHAR_TABLE != 0) & (_CHAR_TABLE != _CHAR_TABLE[ord("a")])
    t |= rare.astype(np.uint32) << 28
    return t


_T_SENT = 16
_T_CAMEL = np.uint32(1 << 21)
_T_AUP = np.uint32(1 << 22)
_T_URL = np.uint32(1 << 23)
_T_RARE = np.uint32(1 << 28)  # a class other than none and a plain lower-case letter's
#: class codes (rows of the per-line code counts) of \w characters that are not letters
_W_NOT_LETTER = np.flatnonzero(((_CLS_VALUES & 128) != 0) & ((_CLS_VALUES & 1) == 0))

RAW_NAMES = [
    "ntok",
    "nchar",
    "avg_tok_len",
    "end_sent",
    "end_colon",
    "end_alnum",
    "first_upper",
    "first_lower",
    "first_digit",
    "stop_ratio",
    "stop_count",
    "title_ratio",
    "upper_ratio",
    "digit_ratio",
    "commas",
    "sent_inner",
    "seps",
    "cue",
    "cue_frac",
    "url",
    "date",
    "byline",
    "bullet",
    "quotes",
    "cjk_ratio",
    "repeat",
    "gap_before",
    "gap_after",
    "end_paren",
    "paren",
    "camel",
    "same_last",
    "same_first",
    "comment_cue",
    "credit",
    "capverb",
    "end_q",
    "rep_later",
    "says_colon",
    "head_join",
    "head_join_tok",
]
_N_RAW = len(RAW_NAMES)


def _url_lines(c, cpl, line_id, n):
    """Lines that contain http, www., @, .com or .htm in any case, looked for only at the
    positions ``c`` where a character's lower case is h, w, "." or "@" (bit _T_URL of
    _ALL_T); ``cpl`` is the lower-cased text's code points."""
    at = c[cpl.take(c) == 64]
    c = c[c + 3 < len(cpl)]
    # the second character first (t, w, c or h): few candidates are left for the full test
    c1 = cpl.take(c + 1)
    c = c[(c1 == 116) | (c1 == 119) | (c1 == 99) | (c1 == 104)]
    c0, c1, c2, c3 = cpl.take(c), cpl.take(c + 1), cpl.take(c + 2), cpl.take(c + 3)
    hit = (
        ((c0 == 104) & (c1 == 116) & (c2 == 116) & (c3 == 112))  # http
        | ((c0 == 119) & (c1 == 119) & (c2 == 119) & (c3 == 46))  # www.
        | ((c0 == 46) & (c1 == 99) & (c2 == 111) & (c3 == 109))  # .com
        | ((c0 == 46) & (c1 == 104) & (c2 == 116) & (c3 == 109))  # .htm
    )
    pos = np.concatenate((at, c[hit]))
    if not len(pos):
        return np.zeros(n, bool)
    return np.bincount(line_id[pos], minlength=n) > 0


def _raw_features(lines, lex):
    """Raw features of the non-blank lines of one document -> (indices, R matrix in RAW_NAMES
    order, line hashes)."""
    idxs, R, lh, _rb, _S, _first = _raw_features_many([lines], lex)
    return idxs[0], R, lh


#: Characters of one document that the raw features read: beyond, each of its lines is read
#: up to an equal share (at least _MIN_LINE_CHARS). The arrays below take ~70 bytes per
#: character read, so a 10 MB one-line text took 800 MB; past a few thousand characters a
#: line's features (prose, long) do not change. Real pages are far below: their decisions
#: are untouched.
_FEATURE_CHARS = 1_000_000
_MIN_LINE_CHARS = 2_000


def _after_code(
    call: np.ndarray, ts: np.ndarray, te: np.ndarray, tok_line: np.ndarray, cp: np.ndarray
) -> np.ndarray:
    """Of the tokens ``call`` (indices; starts ``ts``, ends ``te``, lines ``tok_line``, the
    text's code points ``cp``), those a call in code would be: first of their line, or after
    a sign ("= print(", "sys.print(", "(share("), not after a word and white space."""
    prev = call - 1
    first = (prev < 0) | (tok_line.take(np.maximum(prev, 0)) != tok_line.take(call))
    return np.fromiter(
        (
            f or bool(cp[te[k - 1] : ts[k]].tobytes().decode("utf-32-le").strip())
            for k, f in zip(call.tolist(), first.tolist(), strict=True)
        ),
        dtype=bool,
        count=len(call),
    )


def _glue_points(line: str, at: list[int]) -> list[str]:
    """``line`` cut at the offsets ``at`` (sorted) into its pieces."""
    cuts = [0, *at, len(line)]
    return [line[a:b] for a, b in pairwise(cuts)]


def _pieces_cues(pieces_of: list[list[str]], lex: dict[str, Any]) -> list[list[int]]:
    """The lexicon's cue words and phrases in each piece of each list of ``pieces_of`` (as
    the batch counts them in a line: a token's cue bit, a phrase from its first word). The
    tokens of all pieces are looked up in one call (a call per piece cost ~0.2 ms in numpy's
    overhead, ~1 s for 5,000 lines of glued buttons: s47 read F13), each distinct word hashed
    once."""
    hashed: dict[str, int] = {}
    toks_of = [[_TOK.findall(p.lower()) for p in pieces] for pieces in pieces_of]
    hs = [
        hashed[t] if t in hashed else hashed.setdefault(t, _hash_word(t))
        for toks in toks_of
        for piece in toks
        for t in piece
    ]
    codes = _lex_codes(lex["table"], np.array(hs, np.uint64)).tolist() if hs else []
    multi = lex["multi"]
    out: list[list[int]] = []
    at = 0
    for toks in toks_of:
        counts = []
        for piece in toks:
            end = at + len(piece)
            n = 0
            for j in range(at, end):
                c = codes[j]
                if c & 2:
                    n += 1
                if c & 128:
                    # (a phrase within the piece: the next piece's words are not its)
                    n += sum(
                        j + len(ph) <= end and tuple(hs[j : j + len(ph)]) == ph
                        for ph in multi.get(hs[j], ())
                    )
            counts.append(n)
            at = end
        out.append(counts)
    return out


def _glued_cues(F, T, rare, Tr, line_id, small, lex, cue, ntok) -> None:
    """Raise ``cue`` (in place) of each short line (``small``) of ``F`` that is a run of
    buttons glued together: cut where a small letter meets a capital ("storyShare") or a
    capital starts a word after another ("XShare", "ВКонтакте"), the pieces that hold a cue
    word or phrase are two or more and half of the pieces or more (a name's "LinkedIn" or
    "WhatsApp" cuts into two pieces without one). A line's cue is then its pieces' cue words,
    at most its tokens (``ntok``). ``T`` is the batch's character classes, ``rare`` the
    positions of its rare classes (``Tr`` their classes), ``line_id`` each position's line.
    A line of prose with a glued name ("iPhone", "McDonald's") has pieces without cues; a
    label glued to its own copy ("SearchSearch") has one cued piece twice, and is no bar."""
    L = len(T)
    caps = rare[((Tr & 3) == 3) & (rare >= 1)]  # (capital letters after a first character)
    if not len(caps):
        return
    prev = T.take(caps - 1)
    nxt = T.take(np.minimum(caps + 1, L - 1))
    # (a small letter of an alphabet with cases, not Chinese: bits 1 letter, 2 capital, 8 CJK)
    glue = caps[((prev & 11) == 1) | (((prev & 3) == 3) & ((nxt & 11) == 1) & (caps + 1 < L))]
    if not len(glue):
        return
    lines = line_id.take(glue)
    keep = small.take(lines) > 0
    glue, lines = glue[keep], lines[keep]
    if not len(glue):
        return
    starts = np.searchsorted(line_id, lines)  # (each line's first position: line_id ascends)
    at: dict[int, list[int]] = {}
    for li, off in zip(lines.tolist(), (glue - starts).tolist()):
        at.setdefault(li, []).append(off)
    cuts = list(at.items())
    pieces_of = [_glue_points(F[li], offs) for li, offs in cuts]
    for (li, _), pieces, hits in zip(cuts, pieces_of, _pieces_cues(pieces_of, lex), strict=True):
        cued = sum(1 for h in hits if h)
        # two *different* cued pieces: a label doubled by its button ("SearchSearch",
        # "RechercherRechercher", a search box in any copy, plain text too) is no bar of
        # buttons, and raising its cue moved the context features of a whole page (s47 R1)
        kinds = {p.strip().lower() for p, h in zip(pieces, hits, strict=True) if h}
        if cued >= 2 and len(kinds) >= 2 and 2 * cued >= len(pieces):
            cue[li] = max(cue[li], min(sum(hits), ntok[li]))


def _raw_features_many(docs, lex):
    """Raw features of the non-blank lines of several documents at once -> (indices per
    document, R matrix of all their lines in RAW_NAMES order, line hashes, row bounds of the
    documents, the stripped lines in row order, the row of each line's first copy in its
    document).  The rows of a document are what :func:`_raw_features` gives for it alone.
    Everything is computed over the whole batch at once with numpy: character classes from a
    code-point table, tokens (\\w runs) and whole lines identified by 64-bit polynomial hashes
    of their lower-cased text, lexicon look-ups in an open-addressing table of those hashes;
    what is counted within a document (repeats, templated first/last words) is keyed by
    document too."""
    idxs, S, nlines = [], [], []
    F = S  # the lines as the features read them (see _FEATURE_CHARS)
    for lines in docs:
        st = list(map(str.strip, lines))
        idxs.append(list(compress(range(len(st)), st)))
        kept = list(compress(st, st))
        if sum(map(len, kept)) > _FEATURE_CHARS:
            if F is S:
                F = list(S)
            cap = max(_MIN_LINE_CHARS, _FEATURE_CHARS // len(kept))
            F += [x[:cap] for x in kept]
        elif F is not S:
            F += kept
        S += kept
        nlines.append(len(st))
    rb = np.zeros(len(docs) + 1, np.int64)
    np.cumsum([len(i) for i in idxs], out=rb[1:])
    n = len(S)
    if not n:
        return idxs, np.zeros((0, _N_RAW)), np.zeros(0, np.uint64), rb, S, np.zeros(0, np.int64)
    ld = np.repeat(np.arange(len(docs)), np.diff(rb))  # document of each line
    text = "\n".join(F)
    # "İ" (U+0130) is the only code point whose lower case is two characters ("i" and a
    # combining dot); it is taken as "i" (the first of them, which is also what the URL
    # regex's IGNORECASE matches), so the lower-cased text keeps the length of the text and
    # its positions line up (Turkish pages used to fall back to one page at a time).
    # Lower case from a table (_LOWER_T, as str.lower but one character per character) and
    # every class of a character from one uint32 gather (_ALL_T); the features below look at
    # positions of rare classes (capitals, digits, sentence ends) rather than at every
    # character: numpy's passes over the batch's text are most of the cost.
    # (the code points through numpy's str conversion: a widening copy, ~4x faster than
    # encoding to UTF-32; the same values, and a lone surrogate no longer raises)
    cp = np.array(text).reshape(1).view(np.uint32)[: len(text)]
    L = len(cp)
    astral = int(cp.max()) > 65535
    cpc = np.minimum(cp, 65535) if astral else cp  # beyond the BMP: the class of U+FFFF
    # (np.take: a whole-text gather is twice as fast as fancy indexing, and flatnonzero
    # below always gets a boolean array, ten times faster than on integers)
    # (the code points as intp once: a take converts uint32 indices to intp on every call;
    # mode "clip": each is below 65,536, the tables' length, and clip checks in fewer
    # instructions than "raise")
    cpc = cpc.astype(np.intp)
    T = _ALL_T.take(cpc, mode="clip")
    cpl = _LOWER_T.take(cpc, mode="clip")
    if astral:
        big = np.flatnonzero(cp > 65535)
        cpl[big] = [ord(chr(c).lower()[0]) for c in cp[big].tolist()]
    lens = np.fromiter(map(len, F), np.int64, n)
    ls = np.zeros(n, np.int64)
    np.cumsum(lens[:-1] + 1, out=ls[1:])
    le = ls + lens - 1  # last char
    line_id = np.repeat(np.arange(n), lens + 1)[:L]
    # Per-line counts of the character classes (bits 1-64 of _CHAR_TABLE, the low byte of
    # T). Most characters are plain lower-case letters or have no class (spaces, most
    # punctuation): the others (capitals, digits, commas, ...; bit _T_RARE) are counted by
    # class code at their positions only, and the letters below from the tokens' lengths.
    rare = np.flatnonzero(T >= _T_RARE)
    Tr = T.take(rare)
    key = line_id.take(rare) * _NCODE
    key += (Tr >> 24) & 15
    cntT = np.bincount(key, minlength=n * _NCODE).reshape(n, _NCODE).T
    # per class bit, the sum of the code columns that have it (integer sums: no BLAS matmul,
    # whose threads took 10+ ms of CPU on a batch of 6,600 lines of a loaded machine)
    upper, digits, cjk, seps, quotes, commas = (
        cntT[rows].sum(axis=0).astype(np.float64) for rows in _BIT_CODES[1:]
    )
    # tokens (\w runs) and their hashes: starts and ends alternate among the changes
    word = np.empty(L + 2, bool)  # (not zeros: all but the two ends are written next)
    word[0] = word[-1] = False
    np.not_equal(T & 128, 0, out=word[1:-1])  # regex \w: bit 128 of _CHAR_TABLE
    chg = np.flatnonzero(word[1:] != word[:-1])
    ts = chg[0::2].copy()  # contiguous: several gathers read it
    # The hashes in int64: the same bits as in uint64 (wrapping sums and products), and
    # numpy's int64 cumsum is about twice as fast as its uint64 one.
    pw, ipw = _pows(L + 1)
    H = np.empty(L + 1, np.int64)
    H[0] = 0
    np.multiply(cpl, pw[:L].view(np.int64), out=H[1:])  # in place: no 8 bytes/char temporary
    np.cumsum(H[1:], out=H[1:])
    Hc = H.take(chg)  # the running hash at each token's start and end, in one gather
    th = ((Hc[1::2] - Hc[0::2]) * ipw.take(ts).view(np.int64)).view(np.uint64)
    lh = ((H.take(ls + lens) - H.take(ls)) * ipw.take(ls).view(np.int64)).view(np.uint64)
    nt_all = len(ts)
    tok_line = line_id[ts]
    tb = np.searchsorted(tok_line, np.arange(n + 1))
    # letters: the line's \w characters (its tokens' lengths) but the \w classes that are
    # not letters (digits, "_", ...: rare classes, counted above)
    wlen = np.zeros(nt_all + 1, np.int64)
    np.cumsum(chg[1::2] - chg[0::2], out=wlen[1:])
    letters = (wlen.take(tb[1:]) - wlen.take(tb[:-1]) - cntT[_W_NOT_LETTER].sum(axis=0)).astype(
        np.float64
    )
    raw_ntok = np.diff(tb).astype(np.float64)
    ntok, counted, nomark_stop = _nomark_words(F, raw_ntok, letters, cjk)
    codes = _lex_codes(lex["table"], th)
    # A cue word written right before "(" is code, a function's name ("print(x)", "share()"),
    # not a page's button: no cue (a snippet's print() line was removed as furniture, s34
    # acceptance test #6); when it opens its line or follows a sign ("x = print(", "sys.print(").
    # After a word and spaces it is prose's: a form's "Your email(required)" kept its label
    # as the article's (s35 acc-regress R2)
    te = chg[1::2]
    call = np.flatnonzero(cp.take(np.minimum(te, L - 1)) == 40)
    if len(call):
        call = call[(te.take(call) < L) & _after_code(call, ts, te, tok_line, cp)]
        codes[call] &= ~np.asarray(2 | 128, codes.dtype)
    tcls = T.take(ts)
    # Per-line counts of token classes: bincounts over the tokens' lines (sums of 0/1 in
    # float64: exact); the rare lexicon classes from the few tokens that have one; capitalised
    # tokens by a running count (the headline join below reads it within lines).
    # stop words, alphabetic and digit tokens in one count: key = line * 8 + the three bits
    key = tok_line * 8
    key += codes & 1
    key += (tcls << 1) & 2
    key += tcls & 4
    per = np.bincount(key, minlength=n * 8).reshape(n, 8)
    stop = per[:, 1::2].sum(axis=1).astype(np.float64)
    if len(counted):
        # (a line counted in words of its letters has no stop words the lexicon can find
        # among its spaced phrases: a paragraph of them read as a list of 40 words without
        # one, and a Thai text of one or two paragraphs was dropped whole as no_content; s40
        # acc-regress R1. They are taken as _nomark_words counts them)
        stop[counted] = nomark_stop
    alpha = per[:, [2, 3, 6, 7]].sum(axis=1).astype(np.float64)
    dtok = per[:, 4:].sum(axis=1).astype(np.float64)
    tit_cum = np.zeros(nt_all + 1, np.int64)
    np.cumsum((tcls & 2) != 0, out=tit_cum[1:])
    title = (tit_cum[tb[1:]] - tit_cum[tb[:-1]]).astype(np.float64)
    r = np.flatnonzero((codes & (2 | 4 | 8 | 32 | 64)) != 0)
    rl, rc = tok_line[r], codes[r]
    cue, com, month, credit, capverb = (
        np.bincount(rl, weights=(rc & bit) != 0, minlength=n) for bit in (2, 4, 8, 32, 64)
    )
    small = ntok <= 15
    # multi-word cue phrases (only first words flagged with bit 128 are checked)
    cand = np.flatnonzero((codes & 128) != 0)
    if len(cand):
        # only where the next token is the second word of a phrase with this first word
        # (most flagged first words, "all", "more", "read", ... are not in a phrase)
        cand = cand[small[tok_line[cand]] & (cand + 1 < tb[tok_line[cand] + 1])]
        with np.errstate(over="ignore"):
            pk = th[cand] * _PAIR_MULT + th[cand + 1]
        pairs = lex["pairs"]
        at = np.searchsorted(pairs, pk)
        at[at == len(pairs)] = 0
        cand = cand[pairs[at] == pk]
    if len(cand):
        multi = lex["multi"]
        # Each candidate's tokens up to the longest phrase, its line and the line's end, as
        # Python lists in one gather each (a numpy slice and look-ups per candidate cost
        # ~2 µs each; a page has a few candidates). A row is clipped at the batch's last
        # token: past its line's end it is never compared (j + k <= end first).
        cl = tok_line.take(cand)
        rows = th.take(np.minimum(cand[:, None] + _CUE_SPAN, nt_all - 1)).tolist()
        for j, li, end, row in zip(cand.tolist(), cl.tolist(), tb.take(cl + 1).tolist(), rows):
            for ph in multi[row[0]]:
                k = len(ph)
                if j + k <= end and tuple(row[:k]) == ph:
                    cue[li] += 1
    # a run of buttons a rendering glued into one line ("Share this storyShare on
    # FacebookCopy link", "Direkt zum InhaltZur Navigation springen": w3m and lynx write
    # inline links without the space the markup left out): its tokens ("storyshare") are
    # no cue words, its pieces are (s46 acc-data D12)
    if len(rare):
        _glued_cues(F, T, rare, Tr, line_id, small, lex, cue, ntok)
    cue *= small
    if cue.any():  # (no cue inside a code block: see codeblocks.uncue_code)
        uncue_code(cue, docs, idxs, rb)
    com = (com > 0) * small
    has = ntok > 0
    # token-less lines look at a neighbour's token, clipped to their own document as when
    # the document is alone (only end_colon-and-comment-word reads that)
    t0 = tb[rb[:-1]][ld]
    t1 = tb[rb[1:]][ld]
    ftok = np.minimum(tb[:-1], np.maximum(t1 - 1, t0))
    ltok = np.maximum(tb[1:] - 1, t0)
    doc_has_tok = t1 > t0
    if nt_all:
        fcode = np.where(doc_has_tok, codes[np.minimum(ftok, nt_all - 1)], 0)
        lcode = np.where(doc_has_tok, codes[np.minimum(ltok, nt_all - 1)], 0)
    else:
        fcode = lcode = np.zeros(n, np.int64)
    by = ((fcode & 16) > 0) & has & (ntok >= 2) & (ntok <= 8)
    # numeric dates (\d[./:-]\d): from the positions of decimal digits
    # (decimal digits are rare-class characters: taken from those, not from the whole text)
    dg = (
        rare[(Tr & np.uint32(8 << 8)) != 0]
        if _DIGITS_RARE
        else np.flatnonzero((T & np.uint32(8 << 8)) != 0)
    )
    dg = dg[dg < L - 2]
    z = dg[((T[dg + 1] & np.uint32(16 << 8)) > 0) & ((T[dg + 2] & np.uint32(8 << 8)) > 0)]
    date = ((month > 0) & (dtok > 0) & small) | (
        (np.bincount(line_id[z], minlength=n) if len(z) else np.zeros(n)) > 0
    )
    fc = T.take(ls) & 255
    lc = T.take(le) & 255
    fcp = cp[ls]
    lcp = cp[le]
    # last character before any closing quotes/brackets (numpy for s.rstrip(_CLOSERS)[-1:])
    # (walking back from each line's end: most lines end at once, few pass 2-3 closers)
    back = le.copy()
    act = _CLOSER[cpc[back]]
    while act.any():
        back[act] -= 1
        act &= back >= ls
        act[act] = _CLOSER[cpc[back[act]]]
    end_t = np.where(back >= ls, _END_T[cpc[back]], 0)
    end_sent = (end_t & 2) > 0
    if len(counted):
        # (nor a sentence end: Thai and Lao write none, and a paragraph of theirs is prose,
        # :func:`nomark_prose_line`, as a line ending one is)
        for j in counted[~end_sent[counted]].tolist():
            end_sent[j] = nomark_prose_line(F[j])
    end_q = (end_t & 4) > 0
    ft = _FIRST_T[np.minimum(fcp, 65535)]
    c2 = np.where(lens > 1, cp[np.minimum(ls + 1, L - 1)], 0)
    c3 = np.where(lens > 2, cp[np.minimum(ls + 2, L - 1)], 0)
    bullet = (((ft & 1) > 0) & (c2 == 32)) | (
        ((_CHAR_TABLE[np.minimum(fcp, 65535)] & 4) > 0) & ((c2 == 46) | (c2 == 41)) & (c3 == 32)
    )
    # repetition (whole lines) and templated first/last words, by hash
    # (counted with np.unique: sorting a few thousand keys beats a Counter and a dict)
    with np.errstate(over="ignore"):
        dmix = ld.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)
        lhl = lh + dmix  # a line's hash within its document
    u, ui, inv, uc = np.unique(lhl, return_index=True, return_inverse=True, return_counts=True)
    rep = (uc[inv] - 1).astype(np.float64)
    if len(u) < n:
        first_copy = ui[inv]  # the first occurrence (np.unique's index is the first)
        rep_later = first_copy < np.arange(n)
    else:
        first_copy = np.arange(n)
        rep_later = np.zeros(n)
    if nt_all > 1:
        with np.errstate(over="ignore"):
            fk = (
                th[ftok] * np.uint64(0x9E3779B97F4A7C15) + th[np.minimum(ftok + 1, nt_all - 1)]
            ) * (ntok >= 3)
            lk = th[np.minimum(ltok, nt_all - 1)] * ((ntok > 0) & (ntok <= 20))
            # keyed by document; 0 stays 0 (= not counted)
            fk = np.where(fk != 0, fk ^ dmix, 0)
            lk = np.where(lk != 0, lk ^ dmix, 0)
        same_first = _copies(fk)
        same_last = _copies(lk)
    else:
        same_first = same_last = np.zeros(n)
    ia = np.array(list(chain.from_iterable(idxs)), np.int64)
    gap_before = np.ones(n)
    gap_before[1:] = np.diff(ia) > 1
    has_rows = rb[1:] > rb[:-1]
    first_rows = rb[:-1][has_rows]
    last_rows = rb[1:][has_rows] - 1
    gap_before[first_rows] = 1
    gap_after = np.zeros(n)
    gap_after[:-1] = gap_before[1:]
    gap_after[last_rows] = ia[last_rows] < np.array(nlines)[has_rows] - 1
    nc = lens.astype(np.float64)
    ntd = np.maximum(ntok, 1.0)
    # sentence-internal boundaries ("x. Y"), camel-case joins ("xY"), URLs/e-mail, one numpy pass each
    sent_in = _sent_lines(cp, T, np.flatnonzero((T & np.uint32(1 << _T_SENT)) != 0), line_id, ld, n)
    up = rare[(Tr & 2) != 0]  # capitals (camel-case and headline joins start there)
    z = up[(up >= 1) & ((T[up] & _T_AUP) > 0)] - 1
    z = z[(T[z] & _T_CAMEL) > 0]
    camel = np.bincount(line_id[z], minlength=n) if len(z) else np.zeros(n)
    url = _url_lines(np.flatnonzero((T & _T_URL) != 0), cpl, line_id, n)
    # Teaser cards rendered as text run a headline straight into its summary with no space
    # ("...Student-AthleteA 24-year-old woman ..."): a lower-case letter, digit or closing
    # punctuation followed by a capital that starts a word.  When the part before the first
    # such join is a title-case phrase, the line is a headline+summary teaser, not prose.
    jz = up[(up >= 1) & (up <= L - 2)]
    pc = T[jz - 1]
    jz = jz[
        (((pc & 1 > 0) & (pc & 2 == 0)) | (pc & 4 > 0) | (pc & np.uint32(32 << 8) > 0))
        & (T[jz + 1] & 2 == 0)
    ]
    head_join = np.zeros(n)
    head_tok = np.zeros(n)
    if len(jz):
        jl = line_id[jz]
        first = np.ones(len(jz), bool)
        first[1:] = jl[1:] != jl[:-1]
        jz, jl = jz[first], jl[first]
        kt = np.searchsorted(ts, jz)  # tokens of the line before the join: tb[jl] .. kt
        nb = kt - tb[jl]
        na = tb[jl + 1] - kt
        tit_b = tit_cum[kt] - tit_cum[tb[jl]]
        ok = (nb >= 3) & (na >= 3) & (tit_b >= 0.6 * nb)
        head_join[jl] = ok
        head_tok[jl] = np.where(ok, nb, 0)
    end_colon = lcp == 58
    says = end_colon & ((lcode & 4) > 0)
    # built by rows of the transposed matrix (contiguous writes); R is its transpose, whose
    # columns are then contiguous for the feature code that reads them
    Rt = np.empty((_N_RAW, n))
    for k, col in enumerate(
        (
            ntok,
            nc,
            nc / ntd,
            end_sent,
            end_colon,
            (lc & 5) > 0,
            (fc & 2) > 0,
            ((fc & 1) > 0) & ((fc & 10) == 0),
            (fc & 4) > 0,
            stop / ntd,
            stop,
            title / np.maximum(alpha, 1.0),
            upper / np.maximum(letters, 1.0),
            digits / nc,
            commas,
            sent_in * (ntok > 6),
            seps,
            cue,
            cue / ntd,
            url,
            date,
            by,
            bullet,
            quotes,
            cjk / np.maximum(letters, 1.0),
            rep,
            gap_before,
            gap_after,
            lcp == 41,
            (ft & 2) > 0,
            camel,
            same_last,
            same_first,
            com,
            credit,
            capverb,
            end_q,
            rep_later,
            says,
            head_join,
            head_tok,
        )
    ):
        Rt[k] = col
    return idxs, Rt.T, lh, rb, S, first_copy


def _copies(keys):
    """For each key, how many other entries have it (0 for key 0: not counted)."""
    _u, inv, cnt = np.unique(keys, return_inverse=True, return_counts=True)
    out = (cnt[inv.ravel()] - 1).astype(np.float64)
    out[keys == 0] = 0.0
    return out


_ALL_T = _build_all_table()
#: Every decimal digit (regex \d, bit 8 << 8) has a rare class (bits 2-64): the digits'
#: positions are then found among the rare classes' (true of the Unicode tables; checked,
#: so that another Unicode database cannot make it wrong).
_DIGITS_RARE = bool((((_ALL_T & (8 << 8)) == 0) | ((_ALL_T & 0x7E) != 0)).all())
_LETTER_RX = re.compile(r"[^\W\d_]")


def _sent_lines(cp, T, p, line_id, ld, n):
    """Sentence-internal boundaries per line: where _SENT_IN matches, found with numpy (a
    sentence end, closing quotes, whitespace, an optional opening quote, a letter; there is
    no backtracking to do, and matches cannot overlap), ignoring a match that runs from one
    document of a batch into the next (its whitespace can be the newline between them).
    ``T`` holds the characters' _ALL_T entries (the _SENT_T classes from bit 16 on), ``p``
    the positions of sentence ends (bit 1 << 16)."""
    st = T
    b2, b4, b8, b16 = (np.uint32(b << _T_SENT) for b in (2, 4, 8, 16))
    L = len(cp)
    if not len(p):
        return np.zeros(n)

    def skip(j, bit):
        act = j < L
        act[act] = (st[j[act]] & bit) > 0
        while act.any():
            j[act] += 1
            act &= j < L
            act[act] = (st[j[act]] & bit) > 0
        return j

    j = skip(p + 1, b2)
    ok = j < L
    ok[ok] = (st[j[ok]] & b4) > 0  # at least one whitespace
    p, j = p[ok], j[ok]
    j = skip(j, b4)
    ok = j < L
    opener = np.zeros(len(j), bool)
    opener[ok] = (st[j[ok]] & b8) > 0
    j = j + opener
    ok = j < L
    ok[ok] = (st[j[ok]] & b16) > 0
    astral = np.flatnonzero((j < L) & ~ok)
    if len(astral):  # letters beyond the BMP: ask the regex
        big = astral[cp[j[astral]] > 65535]
        ok[big] = [bool(_LETTER_RX.match(chr(c))) for c in cp[j[big]].tolist()]
    p, j = p[ok], j[ok]
    a = line_id[p]
    a = a[ld[a] == ld[line_id[j]]]
    return np.bincount(a, minlength=n).astype(np.float64)


def _shift(a, k):
    """a shifted by k rows (k>0: value of the line k before), padded with -1."""
    out = np.full_like(a, -1.0)
    if k > 0:
        out[k:] = a[:-k]
    elif k < 0:
        out[:k] = a[-k:]
    else:
        out[:] = a
    return out


def _win_mean(a, h):
    """Mean of a over the window [i-h, i+h] (truncated at the edges)."""
    n = a.shape[0]
    c = np.concatenate(([0.0], np.cumsum(a)))
    i = np.arange(n)
    lo = np.maximum(i - h, 0)
    hi = np.minimum(i + h + 1, n)
    return (c[hi] - c[lo]) / (hi - lo)


CTX_BASE = [
    "lntok",
    "end_sent",
    "stop_ratio",
    "title_ratio",
    "prose",
    "cue",
    "short",
    "byline",
    "titlelike",
]
DERIVED = [
    "rel_pos",
    "tok_before_frac",
    "rel_len",
    "log_doc_tok",
    "n_lines_log",
    "in_seg",
    "seg_dist",
    "seg_before",
    "seg_after",
    "short_run",
    "prose_run_dist",
    "comment_before",
    "comment_recent",
    "cue_before_frac",
    "len_z",
    "furniture",
    "titlelike",
    "is_title",
    "title_rel",
    "same_as_title",
    "rep_first_before_seg",
    "titlelike_win",
    "noend_long",
    "tok_after_seg_frac",
    "says_before",
]


def _feature_names():
    names = list(RAW_NAMES) + DERIVED
    for k in (-3, -2, -1, 1, 2, 3):
        for b in CTX_BASE:
            names.append(f"{b}@{k:+d}")
    for h in (2, 5, 12):
        for b in ("prose", "lntok", "stop_ratio", "end_sent", "cue", "head_join"):
            names.append(f"{b}~{h}")
    return names


FEATURE_NAMES = _feature_names()
_NF = len(FEATURE_NAMES)
_FI = {k: i for i, k in enumerate(FEATURE_NAMES)}
#: A feature's column in a feature matrix, by its name (:data:`FEATURE_NAMES`)
FEATURE_INDEX = _FI


def line_features(lines, lex):
    """Feature matrix for the non-blank lines of a document -> (indices, X)."""
    idxs, R, lh, rb, _S, first = _raw_features_many([lines], lex)
    if not len(R):
        return idxs[0], np.zeros((0, len(FEATURE_NAMES)))
    return idxs[0], _line_features_rows(R, lh, rb, first)


def _line_features_rows(R, lh, rb, first_row):
    """Feature matrix of all rows of a batch (documents at row bounds ``rb``; ``first_row``: the
    row of each line's first copy in its document): for each document exactly what
    line_features gives for it alone."""
    n = R.shape[0]
    D = len(rb) - 1
    cnt = np.diff(rb)
    ld = np.repeat(np.arange(D), cnt)
    s = rb[:-1][ld]  # first row of the line's document
    e = rb[1:][ld]  # one past its last row
    nd = (e - s).astype(np.float64)  # lines in the document
    gi = np.arange(n)
    pos = (gi - s).astype(np.float64)
    nonempty = cnt > 0
    starts = rb[:-1][nonempty]
    ntok = R[:, 0]
    end_sent = R[:, 3]
    stop_r = R[:, 9]
    cue_r = R[:, 17]
    lntok = np.log1p(ntok)
    prose = ((ntok >= 12) | ((ntok >= 6) & (end_sent > 0))).astype(np.float64) * (stop_r > 0.05) + (
        R[:, 24] > 0.3
    ) * (R[:, 1] >= 30) * (end_sent > 0)
    prose = np.minimum(prose, 1.0)
    short = (ntok <= 4).astype(np.float64)
    cue = np.minimum(cue_r, 3.0)
    furniture = ((ntok <= 3) & (cue > 0)).astype(np.float64)
    titlelike = (
        (ntok >= 3)
        & (ntok <= 25)
        & (end_sent == 0)
        & (R[:, 4] == 0)
        & (cue == 0)
        & (R[:, 20] == 0)
        & (R[:, 21] == 0)
        & (R[:, 19] == 0)
    ).astype(np.float64)
    # integer-valued running sums: a global cumsum minus the document's offset is exact
    G = np.zeros((n + 1, 5))
    np.cumsum(np.column_stack([ntok, R[:, 33], R[:, 38], cue > 0, titlelike]), axis=0, out=G[1:])
    gs = G[s]
    total_d = G[rb[1:], 0] - G[rb[:-1], 0]
    total = total_d[ld]
    cum = G[gi, 0] - gs[:, 0]  # tokens before the line in its document
    seg_score = np.where(
        prose > 0, ntok, np.where(furniture > 0, -0.5, -2.0 - np.minimum(ntok, 8.0))
    )
    # max-sum segment per document, as Kadane's scan finds it (the first best end; the
    # latest start among equal prefix minima), from prefix sums: all scores are multiples
    # of 0.5, so they are exact, and a per-document offset keeps the running minimum inside it
    Cs = np.zeros(n + 1)
    np.cumsum(seg_score, out=Cs[1:])
    C = Cs[gi] - Cs[s]  # prefix before the line, within its document
    big = 4.0 * (np.abs(seg_score).sum() + 1.0)
    M = np.minimum.accumulate(C - ld * big) + ld * big
    startp = np.maximum.accumulate(np.where(C == M, gi, 0))
    val = (C + seg_score) - M
    lo_d = np.zeros(D, np.int64)
    hi_d = np.full(D, -1, np.int64)
    if len(starts):
        mx = np.maximum.reduceat(val, starts)
        kk = np.searchsorted(starts, gi, "right") - 1  # the line's document among non-empty ones
        first = np.minimum.reduceat(np.where(val == mx[kk], gi, n), starts)
        hi_d[nonempty] = first - starts
        lo_d[nonempty] = startp[first] - starts
    lo = lo_d[ld].astype(np.float64)
    hi = hi_d[ld].astype(np.float64)
    in_seg = ((pos >= lo) & (pos <= hi)).astype(np.float64)
    seg_dist = np.where(pos < lo, lo - pos, np.where(pos > hi, pos - hi, 0.0))
    # length of the run of short lines this line belongs to (runs end at documents' ends)
    starts_run = np.zeros(n, bool)
    starts_run[np.flatnonzero(np.diff(short) != 0) + 1] = True
    starts_run[rb[:-1][rb[:-1] < n]] = True
    rid = np.cumsum(starts_run) - 1
    run = np.bincount(rid)[rid] * short
    # distance to the nearest prose line of the same document
    isp = prose > 0
    before = np.maximum.accumulate(np.where(isp, gi, -1))
    after = np.minimum.accumulate(np.where(isp, gi, n + 1)[::-1])[::-1]
    d1 = np.where(before >= s, gi - before, np.inf)
    d2 = np.where(after < e, after - gi, np.inf)
    pdist = np.minimum(d1, d2).astype(np.float64)
    pdist[np.isinf(pdist)] = 99.0
    comc = R[:, 33]
    ccum = G[gi + 1, 1] - gs[:, 1]
    crecent = G[gi, 1] - G[np.maximum(gi - 10, s), 1]
    says_c = G[gi, 2] - gs[:, 2]
    # title: the last title-like line within 10 lines above the main block's first line
    lastt = np.maximum.accumulate(np.where(titlelike > 0, gi, -1))
    t_d = np.full(D, -1, np.int64)
    if len(starts):
        at = starts + lo_d[nonempty]
        cand = lastt[at]
        ok = cand >= np.maximum(starts, at - 10)
        t_d[np.flatnonzero(nonempty)[ok]] = cand[ok]
    t = t_d[ld]
    has_t = t >= 0
    tc_ = np.maximum(t, 0)
    is_title = ((gi == t) & has_t).astype(np.float64)
    title_rel = np.where(has_t, np.clip(pos - (tc_ - s), -30, 60), 99.0)
    same_title = np.where(has_t, (lh == lh[tc_]) * (1 - is_title), 0.0)
    rep_before = (R[:, 37] > 0) & (pos > hi)
    if rep_before.any():
        rep_before = rep_before & ((first_row - s) < lo)
    lo3 = np.maximum(gi - 3, s)
    hi3 = np.minimum(gi + 4, e)
    tw = (G[hi3, 4] - G[lo3, 4]) / (hi3 - lo3) * 7
    hi_row = np.maximum(s + hi.astype(np.int64), 0)
    seg_tok_end = np.where(hi >= 0, cum[hi_row] + ntok[hi_row], 0.0)
    X = np.empty((n, _NF))
    X[:, :_N_RAW] = R
    Dm = X[:, _N_RAW : _N_RAW + len(DERIVED)]
    Dm[:, 0] = pos / np.maximum(1, nd - 1)
    Dm[:, 1] = cum / np.maximum(1.0, total)
    nmax = np.zeros(D)
    if len(starts):
        nmax[nonempty] = np.maximum.reduceat(ntok, starts)
    Dm[:, 2] = ntok / np.maximum(1.0, nmax[ld])
    Dm[:, 3] = np.array([math.log1p(x) for x in total_d.tolist()])[ld]
    Dm[:, 4] = np.array([math.log1p(x) for x in cnt.tolist()])[ld]
    Dm[:, 5] = in_seg
    Dm[:, 6] = np.minimum(seg_dist, 50)
    Dm[:, 7] = (pos < lo).astype(np.float64)
    Dm[:, 8] = (pos > hi).astype(np.float64)
    Dm[:, 9] = np.minimum(run, 50)
    Dm[:, 10] = np.minimum(pdist, 50)
    Dm[:, 11] = np.minimum(ccum - comc, 5)
    Dm[:, 12] = np.minimum(crecent, 3)
    Dm[:, 13] = (G[gi, 3] - gs[:, 3]) / nd
    # z-score of log length within the document; bincount adds each document's rows in
    # order, whatever else is in the batch
    cntf = np.maximum(cnt, 1).astype(np.float64)
    dev = lntok - (np.bincount(ld, weights=lntok, minlength=D) / cntf)[ld]
    sd = np.sqrt(np.bincount(ld, weights=dev * dev, minlength=D) / cntf)
    Dm[:, 14] = dev / (sd[ld] + 0.3)
    Dm[:, 15] = furniture
    Dm[:, 16] = titlelike
    Dm[:, 17] = is_title
    Dm[:, 18] = title_rel
    Dm[:, 19] = same_title
    Dm[:, 20] = rep_before
    Dm[:, 21] = tw
    Dm[:, 22] = ((ntok >= 8) & (end_sent == 0)).astype(np.float64)
    Dm[:, 23] = np.maximum(cum - seg_tok_end, 0) / np.maximum(1.0, total)
    Dm[:, 24] = np.minimum(says_c, 5)
    c0 = _N_RAW + len(DERIVED)
    B = np.column_stack([lntok, end_sent, stop_r, R[:, 11], prose, cue, short, R[:, 21], titlelike])
    nb = B.shape[1]
    for k in (3, 2, 1, -1, -2, -3):  # value of the line k before (names: @-k), -1 outside
        # a shifted copy, then -1 where the source row is outside the line's document
        # (the first / last k lines of each document)
        blk = X[:, c0 : c0 + nb]
        m = max(n - abs(k), 0)  # rows with a source row in the batch
        if k > 0:
            blk[n - m :] = B[:m]
            blk[: n - m] = -1.0
            out_doc = (pos < k).nonzero()[0]
        else:
            blk[:m] = B[n - m :]
            blk[m:] = -1.0
            out_doc = (e - gi <= -k).nonzero()[0]
        blk[out_doc] = -1.0
        c0 += nb
    W = np.stack([prose, lntok, stop_r, end_sent, cue, R[:, _N_RAW - 2]])  # (columns, rows)
    nw = W.shape[0]
    # Windowed means from per-document prefix sums: the float sums must be the ones of the
    # document alone, so each document is summed on its own row of a zero-padded
    # (columns x documents x longest + 1) block in one cumsum along its last axis
    # (sequential, so trailing zeros change nothing); a batch with one very long document
    # takes the loop instead.
    longest = int(cnt.max()) if D else 0
    if D * (longest + 1) <= 4 * n + 64:
        P = np.zeros((nw, D, longest + 1))
        P[:, ld, pos.astype(np.int64) + 1] = W
        np.cumsum(P, axis=2, out=P)
        P = P.reshape(nw, D * (longest + 1))
        zero = ld * (longest + 1)  # where the line's document's zero is in P
    else:
        P = np.zeros((nw, n + D))  # document d's row j sits at j + d + 1
        for a, b, d in zip(rb[:-1].tolist(), rb[1:].tolist(), range(D)):
            if b > a:
                np.cumsum(W[:, a:b], axis=1, out=P[:, a + d + 1 : b + d + 1])
        zero = s + ld
    ipos = gi - s
    nloc = e - s
    for h in (2, 5, 12):
        lo_ = np.maximum(ipos - h, 0)
        hi_ = np.minimum(ipos + h + 1, nloc)
        X[:, c0 : c0 + nw] = (
            (P.take(hi_ + zero, axis=1) - P.take(lo_ + zero, axis=1)) / (hi_ - lo_)
        ).T
        c0 += nw
    return X


STAGE2_NAMES = [
    "p1",
    "p1@-2",
    "p1@-1",
    "p1@+1",
    "p1@+2",
    "p1~2",
    "p1~5",
    "p1~12",
    "p1_max_before",
    "p1_max_after",
    "p1_rank",
    "p1_doc_mean",
    "p1_cum_before",
    "p1_cum_after",
    "run_mass_log",
    "run_mass_frac",
    "in_main_run",
    "main_run_side",
    "main_run_dist",
    "in_main_span",
    "n_runs_between",
    "run_rank",
    "mass_before_frac",
]


def _runs(content, skip, gap=2):
    """Runs of content lines, bridging gaps of <= gap non-content lines; 'skip' lines (ads,
    share buttons) neither end nor extend a run -> list of (lo, hi)."""
    runs = []
    lo = hi = -1
    g = 0
    for i, c in enumerate(content):
        if c:
            if lo >= 0 and g <= gap:
                hi = i
            else:
                if lo >= 0:
                    runs.append((lo, hi))
                lo = hi = i
            g = 0
        elif not skip[i]:
            g += 1
    if lo >= 0:
        runs.append((lo, hi))
    return runs


def _runs_np(content, skip, gap=2):
    """:func:`_runs` with numpy -> (starts, ends) arrays: a content line starts a new run
    when more than ``gap`` lines that are neither content nor skip lie since the last one."""
    cs = np.flatnonzero(content)
    if not len(cs):
        return cs, cs
    ns = np.cumsum(~content & ~skip)
    new = np.ones(len(cs), bool)
    new[1:] = (ns[cs[1:]] - ns[cs[:-1]]) > gap
    k = np.flatnonzero(new)
    ends = np.empty(len(k), np.int64)
    ends[:-1] = cs[k[1:] - 1]
    ends[-1] = cs[-1]
    return cs[k], ends


def stage2_features(X, p1, rows=None):
    """Context of the first-stage probabilities (appended to the stage-1 features): windows
    of p1 and the 'main run' (largest run of likely-content lines, by token mass).  With
    ``rows`` (indices), only those rows of the matrix are built (the context is still the
    whole document)."""
    n = len(p1)
    if not n:
        return np.zeros((0, X.shape[1] + len(STAGE2_NAMES)))
    sel = slice(None) if rows is None else rows
    cmax_b = np.maximum.accumulate(np.concatenate(([0.0], p1[:-1])))
    cmax_a = np.maximum.accumulate(np.concatenate(([0.0], p1[::-1][:-1])))[::-1]
    # (ties in line order, and the mean as a sequential sum: as _stage2_rows computes them)
    order = p1.argsort(kind="stable").argsort(kind="stable") / max(1, n - 1)
    c = np.cumsum(p1)
    tot = c[-1]
    content = p1 >= 0.5
    mass_line = X[:, 0] * p1 * content
    cm = np.concatenate(([0.0], np.cumsum(mass_line)))
    total_mass = max(cm[-1], 1e-9)
    starts, ends = _runs_np(content, X[:, _FI["furniture"]] > 0)
    m = n if rows is None else len(rows)
    F = X.shape[1]
    out = np.empty((m, F + len(STAGE2_NAMES)))
    pos = np.arange(n)[sel]
    if len(starts):
        masses = cm[ends + 1] - cm[starts]
        main = int(np.argmax(masses))
        mlo, mhi = starts[main], ends[main]
        ranks = np.argsort(np.argsort(-masses))
        k_at = np.searchsorted(starts, pos, side="right") - 1
        inrun = (k_at >= 0) & (pos <= ends[k_at])
        run_mass = np.where(inrun, masses[k_at], 0.0)
        out[:, F + 16] = inrun & (k_at == main)
        out[:, F + 17] = np.where(pos < mlo, -1.0, np.where(pos > mhi, 1.0, 0.0))
        out[:, F + 18] = np.minimum(
            np.where(pos < mlo, mlo - pos, np.where(pos > mhi, pos - mhi, 0.0)), 50
        )
        out[:, F + 19] = (pos >= mlo) & (pos <= mhi)
        out[:, F + 20] = np.minimum(np.abs(k_at - main), 10)
        out[:, F + 21] = np.where(inrun, np.minimum(ranks[k_at], 20), 20.0)
    else:
        run_mass = np.zeros(m)
        out[:, F + 16 : F + 21] = 0.0
        out[:, F + 21] = 20.0
    out[:, :F] = X[sel]
    q = p1[sel]
    out[:, F + 0] = q
    out[:, F + 1] = _shift(p1, 2)[sel]
    out[:, F + 2] = _shift(p1, 1)[sel]
    out[:, F + 3] = _shift(p1, -1)[sel]
    out[:, F + 4] = _shift(p1, -2)[sel]
    out[:, F + 5] = _win_mean(p1, 2)[sel]
    out[:, F + 6] = _win_mean(p1, 5)[sel]
    out[:, F + 7] = _win_mean(p1, 12)[sel]
    out[:, F + 8] = cmax_b[sel]
    out[:, F + 9] = cmax_a[sel]
    out[:, F + 10] = order[sel]
    out[:, F + 11] = np.bincount(np.zeros(n, np.int64), weights=p1)[0] / n
    out[:, F + 12] = (c[sel] - q) / max(tot, 1e-9)
    out[:, F + 13] = (tot - c[sel]) / max(tot, 1e-9)
    out[:, F + 14] = np.log1p(run_mass)
    out[:, F + 15] = run_mass / total_mass
    out[:, F + 22] = cm[:-1][sel] / total_mass
    return out


def _stage2_rows(X, p1, rb, rows, extra=0):
    """:func:`stage2_features` for the rows ``rows`` of a batch (documents at row bounds
    ``rb``): each row gets exactly what its document alone gives it.  Floating-point running
    sums and maxima are taken per document (on zero-padded rows), ranks per document by one
    lexsort; everything else over the batch.  ``extra`` more columns are left for the
    caller to fill (stage 3's p1)."""
    n = len(p1)
    D = len(rb) - 1
    F = X.shape[1]
    ld = np.repeat(np.arange(D), np.diff(rb))
    content = p1 >= 0.5
    mass_line = X[:, 0] * p1 * content
    V = np.column_stack([p1, mass_line])
    cnt = np.diff(rb)
    longest = int(cnt.max()) if D else 0
    cmax_b = np.empty(n)
    cmax_a = np.empty(n)
    if D * (longest + 1) <= 4 * n + 64:
        # Each document on its own row of zero-padded blocks: one cumsum (sequential, so
        # the sums of the document alone) and one running maximum each way for the batch.
        # PC[g + off[d]] is the prefix sum of document d before its global row g.
        L1 = longest + 1
        gi = np.arange(n)
        loc = gi - rb[:-1][ld]
        P = np.zeros((D, L1, 2))
        P[ld, loc + 1] = V
        np.cumsum(P, axis=1, out=P)
        PC = P.reshape(D * L1, 2)
        off = np.arange(D) * L1 - rb[:-1]
        # the maximum before / after each line (0 at the ends; p1 > 0, so as with a 0 pad)
        Q = np.zeros((D, L1))
        Q[ld, loc + 1] = p1
        np.maximum.accumulate(Q, axis=1, out=Q)
        cmax_b[:] = Q[ld, loc]
        rev = cnt[ld] - 1 - loc
        Q[:] = 0.0
        Q[ld, rev + 1] = p1
        np.maximum.accumulate(Q, axis=1, out=Q)
        cmax_a[:] = Q[ld, rev]
    else:  # one very long document: per document
        PC = np.zeros((n + D, 2))  # a zero row before each document
        off = np.arange(D)
        for d, (a, b) in enumerate(zip(rb[:-1].tolist(), rb[1:].tolist())):
            if b == a:
                continue
            q = p1[a:b]
            np.cumsum(V[a:b], axis=0, out=PC[a + d + 1 : b + d + 1])
            cmax_b[a] = 0.0
            np.maximum.accumulate(q[:-1], out=cmax_b[a + 1 : b])
            cmax_a[b - 1] = 0.0
            cmax_a[a : b - 1] = np.maximum.accumulate(q[:0:-1])[::-1]
    # rank of p1 within the document (ties in line order) and the document's mean (rows
    # added in order by bincount)
    # (np.lexsort((p1, ld)) in two stable passes: p1, then the document, whose small
    # integers numpy's stable sort orders by radix: the same order, ~3x faster)
    srt = np.argsort(p1, kind="stable")
    srt = srt.take(
        np.argsort(ld.astype(np.int16 if D < 32768 else np.int64).take(srt), kind="stable")
    )
    order = np.empty(n)
    order[srt] = (np.arange(n) - rb[:-1][ld[srt]]) / np.maximum(cnt - 1, 1)[ld[srt]]
    mean = np.bincount(ld, weights=p1, minlength=D) / np.maximum(cnt, 1)
    # runs of likely-content lines (see _runs), never across documents
    skip = X[:, _FI["furniture"]] > 0
    cs = np.flatnonzero(content)
    ns = np.cumsum(~content & ~skip)
    new = np.ones(len(cs), bool)
    new[1:] = ((ns[cs[1:]] - ns[cs[:-1]]) > 2) | (ld[cs[1:]] != ld[cs[:-1]])
    k = np.flatnonzero(new)
    starts = cs[k]
    ends = np.empty(len(k), np.int64)
    if len(k):
        ends[:-1] = cs[k[1:] - 1]
        ends[-1] = cs[-1]
    rd = ld[starts]  # document of each run
    masses = PC[ends + off[rd] + 1, 1] - PC[starts + off[rd], 1]
    run_b = np.searchsorted(rd, np.arange(D + 1))  # runs of document d: run_b[d] .. run_b[d+1]
    main = np.full(D, -1, np.int64)
    ranks = np.zeros(len(starts), np.int64)
    if len(starts):
        # the main run: a document's first run of the largest mass; ranks by mass (ties
        # in run order)
        withruns = np.flatnonzero(run_b[1:] > run_b[:-1])
        firsts = run_b[:-1][withruns]
        mx = np.maximum.reduceat(masses, firsts)
        ri = np.arange(len(starts))
        is_mx = masses == np.repeat(mx, np.diff(np.append(firsts, len(starts))))
        main[withruns] = np.minimum.reduceat(np.where(is_mx, ri, len(starts)), firsts)
        srt = np.lexsort((-masses, rd))
        ranks[srt] = ri - run_b[:-1][rd[srt]]
    # the requested rows
    r = np.asarray(rows, np.int64)
    dr = ld[r]
    s = rb[:-1][dr]
    e = rb[1:][dr]
    pos = r - s
    out = np.empty((len(r), F + len(STAGE2_NAMES) + extra))
    out[:, :F] = X[r]
    q = p1[r]
    od = off[dr]
    c_at = PC[r + od + 1, 0]
    tot = np.maximum(PC[e + od, 0], 1e-9)
    total_mass = np.maximum(PC[e + od, 1], 1e-9)
    out[:, F + 0] = q
    for j, kk in ((1, 2), (2, 1), (3, -1), (4, -2)):  # p1 of the line kk before, -1 outside
        src = r - kk
        # (take's clip mode is p1[np.clip(src, 0, n - 1)] without np.clip's Python wrapper)
        out[:, F + j] = np.where((src >= s) & (src < e), p1.take(src, mode="clip"), -1.0)
    for j, h in ((5, 2), (6, 5), (7, 12)):
        lo_ = np.maximum(pos - h, 0)
        hi_ = np.minimum(pos + h + 1, e - s)
        z = s + od  # the document's zero row in PC
        out[:, F + j] = (PC[z + hi_, 0] - PC[z + lo_, 0]) / (hi_ - lo_)
    out[:, F + 8] = cmax_b[r]
    out[:, F + 9] = cmax_a[r]
    out[:, F + 10] = order[r]
    out[:, F + 11] = mean[dr]
    out[:, F + 12] = (c_at - q) / tot
    out[:, F + 13] = (PC[e + od, 0] - c_at) / tot
    mr = main[dr]
    has = mr >= 0
    kg = np.searchsorted(starts, r, side="right") - 1  # the last run starting at or before
    kc = np.maximum(kg, 0)
    inrun = has & (kg >= 0) & (r <= ends[kc]) & (rd[kc] == dr) if len(starts) else has
    run_mass = np.where(inrun, masses[kc] if len(starts) else 0.0, 0.0)
    mc = np.maximum(mr, 0)
    mlo = np.where(has, starts[mc] if len(starts) else 0, 0)
    mhi = np.where(has, ends[mc] if len(starts) else 0, 0)
    out[:, F + 14] = np.log1p(run_mass)
    out[:, F + 15] = run_mass / total_mass
    out[:, F + 16] = np.where(has, inrun & (kg == mr), 0.0)
    out[:, F + 17] = np.where(has, np.where(r < mlo, -1.0, np.where(r > mhi, 1.0, 0.0)), 0.0)
    out[:, F + 18] = np.where(
        has, np.minimum(np.where(r < mlo, mlo - r, np.where(r > mhi, r - mhi, 0.0)), 50), 0.0
    )
    out[:, F + 19] = np.where(has, (r >= mlo) & (r <= mhi), 0.0)
    k_local = kg - run_b[dr]  # the run index within the document (-1: before its first)
    m_local = mr - run_b[dr]
    out[:, F + 20] = np.where(has, np.minimum(np.abs(k_local - m_local), 10), 0.0)
    out[:, F + 21] = np.where(inrun, np.minimum(ranks[kc] if len(starts) else 20, 20), 20.0)
    out[:, F + 22] = PC[r + od, 1] / total_mass
    return out


RULES = ("teaser", "caption", "bridge", "cueonly")
CUEONLY_REASON = "furniture words only (ad, share, read-also line)"


def cue_only(X: np.ndarray) -> np.ndarray:
    """Which lines (rows of features ``X``) are short lines of cue words alone, no prose:
    "Advertisement", "广告", "Share: Facebook | X" (the ``cueonly`` rule's lines)."""
    ntok = X[:, 0]
    prose = (ntok >= 8) & (X[:, 3] > 0)
    return (ntok > 0) & (ntok <= _CUEONLY_TOKENS) & (X[:, _FI["cue"]] >= ntok) & ~prose


#: The most tokens of a line that :func:`_rules`' ``cueonly`` rule removes
_CUEONLY_TOKENS = 6
STAGE2_BAND = 0.05
# Stage 3 (auto-context once more): the stage-2 context features recomputed on the stage-2
# scores, and p1.  A line's neighbours are better judged by stage 2 than by stage 1, so the
# windows, the main run and the ranks are cleaner; 5-fold CV by page on two splits: see
# research/boilerplate/REPORT.md (v8).  Like stage 2, it re-scores the unsure lines only.
STAGE3_NAMES = [f"{n}:s2" for n in STAGE2_NAMES] + ["p1_stage1"]
# Stage 3 re-scores lines with p2 in [0.2, 0.8] (~14 % of the lines): on the out-of-fold
# scores of two page-to-fold splits, F1 is the same (to 0.001) as re-scoring every line in
# [0.05, 0.95] (~30 %; research/boilerplate/v8_band3.py).
STAGE3_BAND = 0.2


def stage3_features(X, p1, p2, rows=None):
    """Stage-3 rows: :func:`stage2_features` of the stage-2 scores ``p2``, then ``p1``."""
    X2 = stage2_features(X, p2, rows)
    q = p1 if rows is None else p1[rows]
    return np.concatenate([X2, q[:, None]], axis=1)


# The sequence layer (v10, research/boilerplate/REPORT.md): a small 1-D convolution network
# over the lines of a page, trained with PyTorch offline (research/boilerplate/v10_seq.py) on
# the stage-1 features and the out-of-fold stage-1/2 scores, evaluated here with numpy only.
# Its probability is averaged with the stages' (``mix``): the two err differently (trees
# see a line and hand-built windows; the convolutions learn the context over +-14 lines).
_SEQ_CLIP = 6.0  # standardised inputs are clipped to +-6 (a 30,000-character line is not 30x news)
# Exact sums, so that a page's scores do not depend on the other pages of its batch: BLAS
# sums a row's products in an order that depends on the matrix's row count and offset, so
# the activations and the weights are put on a grid of 2**-18: with activations below 2**6
# (the first layer is capped at 6; the dev pages reach ~20 after the residual layers) and
# weights below 2**-1 (the trained nets' are below 0.35), a product is a multiple of 2**-36
# below 2**5, and a sum of 80 of them needs < 48 bits: exact in float64 in any order.
# (The first layer's inputs are the raw features; its sums are rounded to the grid, which
# gives the same grid point unless a sum falls within ~1e-13 of the middle between two,
# ~1e-7 of the time.)  The grid moves the scores by < 1e-5.
_SEQ_Q = float(2**18)


def _seq_grid(a, q=_SEQ_Q):
    """``a`` rounded to multiples of 1/q (in place for float64 arrays)."""
    a *= q
    np.round(a, out=a)
    a /= q
    return a


def _one_blas_thread():
    """BLAS on one thread in this process, from now on: the sequence layer's matmuls are
    small (a batch's lines x 16 channels), and OpenBLAS's other threads only spin beside the
    work (measured: twice the stage's CPU time on 2 cores); processes are the unit of
    parallelism (``--workers``)."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(1, user_api="blas")


def _seq_prepare(sq):
    """The ``seq`` entry of the JSON model as float64 arrays: the nets' first layers side by
    side (one matmul for all), their convolutions and outputs with weights on the grid
    (see _SEQ_Q), and the gap the padding needs.  The nets share the inputs'
    standardisation (``clip_cols``/``clip_mu``/``clip_sd``)."""
    f = lambda v: np.array(v, np.float64)  # noqa: E731
    nets = sq["nets"]
    ncl = len(sq["clip_cols"])
    a: dict[str, Any] = {
        "nfeat": int(sq["nfeat"]),
        "mix": float(sq["mix"]),
        "cap": float(sq.get("cap", 0.0)),
        "clip_cols": np.asarray(sq["clip_cols"], np.int64),
        "clip_mu": f(sq["clip_mu"]),
        "clip_sd": f(sq["clip_sd"]),
        "w_in": np.concatenate([f(t["w_in"]) for t in nets], axis=1),
        "b_in": np.concatenate([f(t["b_in"]) for t in nets]),
        "clip_w": np.concatenate(
            [f(t["clip_w"]).reshape(ncl, len(t["b_in"])) for t in nets], axis=1
        ),
    }
    a["nets"], c0 = [], 0
    for t in nets:
        C = len(t["b_in"])
        convs = [
            (int(c["dil"]), _seq_grid(f(c["w"])), _seq_grid(f(c["b"]), _SEQ_Q * _SEQ_Q))
            for c in t["convs"]
        ]
        w_out = _seq_grid(f(t["w_out"]))
        a["nets"].append((c0, C, convs, w_out, float(t["b_out"]), float(t["alpha"])))
        c0 += C
    a["half"] = max((d * (w.shape[0] // 2) for t in a["nets"] for d, w, _ in t[2]), default=0)
    return a


def _logit(p):
    p = np.clip(p, 1e-4, 1.0 - 1e-4)
    return np.log(p / (1.0 - p))


def _seq_scores(sq, X, p1, p2, rb):
    """Sequence-layer probabilities of all rows of a batch (documents at row bounds ``rb``),
    the mean of its nets': every document is convolved on its own, as if alone (zero beyond
    its first and last line), by laying the documents out with ``half`` zero rows between
    them and zeroing those rows after every layer.  ``p1``/``p2``: stage-1 and -2 scores."""
    n = len(p1)
    nf = sq["nfeat"]
    l1, l2 = _logit(p1), _logit(p2)
    win = sq["w_in"]
    pre = X[:, :nf] @ win[:nf]
    pre += sq["b_in"]
    pre += np.multiply.outer(l1 / 4.0, win[nf])
    pre += np.multiply.outer(l2 / 4.0, win[nf + 1])
    cols = sq["clip_cols"]
    if len(cols):
        # the clip on the standardised inputs: a correction for the few columns that can
        # leave +-6 (the rest of the standardisation is folded into w_in and b_in)
        z = (X[:, cols] - sq["clip_mu"]) / sq["clip_sd"]
        corr = np.clip(z, -_SEQ_CLIP, _SEQ_CLIP) - z
        if corr.any():
            pre += corr @ sq["clip_w"]
    h_all = np.maximum(pre, 0.0)
    if sq["cap"]:
        # the first layer's activations capped: an outlier line (a 30,000-character line)
        # moves its own and its neighbours' scores by a bounded amount
        np.minimum(h_all, sq["cap"], out=h_all)
    _seq_grid(h_all)
    G = sq["half"]
    D = len(rb) - 1
    pos = np.arange(n) + G * np.repeat(np.arange(1, D + 1), np.diff(rb))
    N = n + G * (D + 1)
    keep = np.zeros((N, 1))
    keep[pos] = 1.0
    keeps: dict[int, np.ndarray] = {}  # keep as a whole (N x C) array: a broadcast (N x 1)
    # column goes through numpy's buffered iterator at every layer
    out = np.zeros(n)
    for c0, C, convs, w_out, b_out, alpha in sq["nets"]:
        h = h_all[:, c0 : c0 + C]
        if convs:
            H = np.zeros((N + 2 * G, C))
            H[G + pos] = h
            for d, w, b in convs:
                k = w.shape[0] // 2
                o = H[G : G + N] @ w[k]
                for j in range(w.shape[0]):
                    if j != k:
                        s = G + (j - k) * d
                        o += H[s : s + N] @ w[j]
                o += b
                np.maximum(o, 0.0, out=o)
                kc = keeps.get(C)
                if kc is None:
                    kc = keeps[C] = np.empty((N, C))
                    kc[:] = keep
                o *= kc
                H[G : G + N] += _seq_grid(o)
            h = H[G + pos]
        out += _sigmoid(h @ w_out + b_out + alpha * l2)
    return out / len(sq["nets"])


def _seq_mix(m, X, p1, p2, p3, rb):
    """The final scores: the stages' ``p3`` averaged with the sequence layer's (when the
    model has one)."""
    sq = m.get("_seq")
    if sq is None or not len(p1):
        return p3
    mix = sq["mix"]
    return (1.0 - mix) * p3 + mix * _seq_scores(sq, X, p1, p2, rb)


# Thai and Lao write words without spaces and end sentences without a mark (a space, or the
# line's end, stands for the full stop): no line of theirs has 8+ words *and* a sentence end,
# the rules' test of prose, so every paragraph looked title-like, and the teaser rule removed
# all that came after the page's last line ending in "." (a date "14:30 น.": s38 acceptance
# test #1).  Their prose is measured by letters instead (base characters: vowel signs and
# tone marks are combining marks, one letter with their base): a line of at least
# _NOMARK_PROSE_LETTERS of them, most of its characters, is prose without a sentence end.
# (The title-like line's ceiling, 25 words, at about three letters a Thai word: headlines,
# related ones in a list too, run to 60-70 letters.)
_NOMARK_LETTERS = re.compile(
    "["
    + "".join(c for c in map(chr, range(0x0E00, 0x0F00)) if unicodedata.category(c) in ("Lo", "Lm"))
    + "]"
)
_NOMARK_PROSE_LETTERS = 75
#: letters of a Thai or Lao word, about (see above)
_NOMARK_WORD_LETTERS = 3
#: the share of stop words taken for a line counted so (the median of the dev pages' prose
#: lines of 25+ words is 0.35; the lexicon finds none among Thai or Lao phrases)
_NOMARK_STOP_SHARE = 0.35
# A menu of theirs ("หน้าแรก ข่าวการเมืองล่าสุด ข่าวเศรษฐกิจการเงิน ...", ten sections) is long
# too, its items parted by spaces as a paragraph's phrases are: counted so, it was 42 words
# with 15 stop words and a sentence end, a paragraph to the model (s41 acc-read F10). A
# paragraph holds their function words, "that", "and", "of", "in", "will", "can", "be",
# "give", "which", "by", "but", "with", "from" (one in 40-50 letters on the pages at hand,
# written inside their phrases), and a menu's names of sections hardly any: a line of
# _NOMARK_MENU_ITEMS or more items with fewer than one in _NOMARK_MENU_LETTERS letters is
# a menu, whose items are its words.
_NOMARK_FUNCTION = re.compile(
    "ว่า|และ|ที่|ของ|ให้|ได้|จะ|ใน|เป็น|ซึ่ง|โดย|แต่|กับ|จาก"  # (Thai)
    "|ວ່າ|ແລະ|ທີ່|ຂອງ|ໃຫ້|ໄດ້|ຈະ|ໃນ|ເປັນ|ຊຶ່ງ|ໂດຍ|ແຕ່|ກັບ|ຈາກ"  # (Lao)
)
_NOMARK_MENU_ITEMS = 6
_NOMARK_MENU_LETTERS = 60


def _nomark_menu(line: str, letters: int) -> bool:
    """Whether ``line``, of ``letters`` Thai or Lao letters, is a menu's items (see above)."""
    return (
        len(line.split()) >= _NOMARK_MENU_ITEMS
        and len(_NOMARK_FUNCTION.findall(line)) * _NOMARK_MENU_LETTERS < letters
    )


# Chinese and Japanese write no spaces between words either (they end their sentences with a
# mark, "。"): a \w run there is a clause, and a paragraph of 46 characters was three
# tokens, a short line to the model, removed as one outside the main text block (s40
# acc-regress D1); a sentence of 20 characters was one token while its English version has
# ten.  Their lines are counted as Thai's are, in words of _CJK_WORD_CHARS characters (Han
# and kana; Korean spaces its words), and their stop words are their function characters
# (particles, pronouns, prepositions: 的 了 是 在 ..., の に は を ...), which prose has and a
# run of related headlines ("河南81家上市公司已复工75家王毅会见...") lacks.
_CJK_LETTERS = re.compile(f"[{CJK_RANGES}]")
_CJK_STOP = re.compile(
    "[的了是在和也就都而那之其以被把但所很又我你他她它不有"  # (Chinese, either script)
    "与着这于为从对还让给们"  # (simplified)
    "與著這於為從對還讓給們"  # (traditional)
    "のにはをがでともへや]"  # (Japanese particles)
)
#: characters of a Chinese or Japanese word in running text, about (1.5-1.7 in segmented
#: Chinese and Japanese corpora)
_CJK_WORD_CHARS = 1.6
# A run of katakana is one word, though: a loanword or a foreign name (メイベリン,
# ニューヨーク, ブランドサポーター), 4-6 characters where the running text's average holds
# Han and hiragana.  Counted at 1.6 characters, a headline of them was twice its English
# version's length ("メイベリン ニューヨーク、ジャパン ブランドサポーターに錦戸 亮が就任！",
# 19 words), a long line of prose to the model, and a press-release site's ranking lists
# of such headlines became its main text block (s42 acc-regress R3: +160 lines of sidebar).
# The middle dot (・) parts such words and counts as none.  Not in a sentence, a line
# ended by a full stop (。): that is prose, and its loanwords are words of its running text
# (the line model was fitted to counts that did not set katakana apart).  Counted short, a
# how-to's steps ("表示されるメニューから「プロパティ」をクリック。") made the article's block
# shorter, and steps and sentences of it were lost on the lynx, w3m and Jina renderings (s43
# acc-regress R7), while headlines and labels (a ranking's, "Listen to this article"'s
# neighbours) end without one.
_KATAKANA = re.compile("[\u30a0-\u30ff]")
#: The full stops that end a Japanese or Chinese sentence
_CJK_FULL_STOP = ("。", "．")
#: What may close a sentence after its full stop: a quote's or a bracket's end ("…開きます。」");
#: a step quoted after a lead-in was no sentence (s44 acc-read F18)
_CJK_CLOSERS = CLOSING_MARKS + "」』）】〉》〕］"
_KATAKANA_WORD = re.compile("[\u30a1-\u30fa\u30fc]+")


def _nomark_words(
    F: list[str], ntok: np.ndarray, letters: np.ndarray, cjk: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The lines' ``ntok`` with a line mostly of Thai or Lao letters counted in words of
    _NOMARK_WORD_LETTERS letters, when that makes 8 words or more and more than its tokens:
    a space parts phrases there, not words, and a paragraph of 120 letters was three
    tokens, a short line to the model (the last paragraph before a page's share buttons was
    removed).  A shorter line keeps its tokens: a label of one cue phrase ("ข่าวที่เกี่ยวข้อง",
    related news) stays a line of cue words only.  A line mostly of Han and kana (``cjk``
    counts them with Hangul) likewise in words of _CJK_WORD_CHARS characters, a run of
    katakana as one word outside a sentence (see above).
    Only lines whose tokens run 8+ letters on average, or with as many CJK characters as 8
    such words, are searched.  Returns (the counts, the indices of the lines counted so, in
    order, and their stop words): the features read those lines' stop words and sentence
    ends apart (review40 F5: they were told by comparing the counts)."""
    out = ntok
    counted: list[int] = []
    stops: list[float] = []
    least = 8 * _CJK_WORD_CHARS
    for j in np.flatnonzero((letters >= np.maximum(8 * ntok, least)) | (cjk >= least)).tolist():
        line = F[j]
        k = nomark_letters(line)
        per = _NOMARK_WORD_LETTERS
        words = k / per
        if not k:
            k = len(_CJK_LETTERS.findall(line))
            per = _CJK_WORD_CHARS
            kata = (
                len(_KATAKANA.findall(line))
                if k and not line.rstrip().rstrip(_CJK_CLOSERS).endswith(_CJK_FULL_STOP)
                else 0
            )
            words = len(_KATAKANA_WORD.findall(line)) + (k - kata) / per if kata else k / per
        if (
            k >= 8 * per
            and 2 * k >= len(line)
            and k > per * ntok[j]
            and (per != _NOMARK_WORD_LETTERS or not _nomark_menu(line, k))
        ):
            if out is ntok:
                out = ntok.copy()
            out[j] = max(words, ntok[j])
            counted.append(j)
            if per == _NOMARK_WORD_LETTERS:
                stops.append(_NOMARK_STOP_SHARE * out[j])
            else:
                stops.append(len(_CJK_STOP.findall(line)))
    return out, np.array(counted, np.intp), np.array(stops)


# A short line of theirs lacks a sentence end as their paragraphs do: after the article's last
# prose line, it is no teaser for its shape alone (a text's short closing paragraphs, its
# wrapped lines, were all removed as teasers once its long lines were prose: s39
# acc-regress R1).  It is one past a line the article left or a line of cue words (a
# "related news" label, a picture, a menu), as a teaser box stands apart from the article,
# and a paragraph right under the article's last one does not.
def _nomark_prose(rows: list[str], X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Which of the stripped lines ``rows`` (features ``X``) are of a script that ends
    sentences without a mark (Thai, Lao) -> (prose, titlelike).  Prose: _NOMARK_PROSE_LETTERS
    or more of its letters, the most of the line's characters (see above); only the long
    lines without a sentence end that are not ASCII are searched (a search of every line cost
    ~3 % of the decisions; so, ~0.4 %), and counted when they hold one.  (A line
    :func:`_nomark_words` counted in words that is such prose ends a sentence in ``X``
    already, the feature's: the mask adds the others.)  Titlelike: the
    title-like lines (``X``'s feature) the most of whose characters are those letters, whose
    missing sentence end says nothing (see :func:`_rules`)."""
    out = np.zeros(len(rows), bool)
    short = np.zeros(len(rows), bool)
    for j in np.flatnonzero((X[:, 1] >= _NOMARK_PROSE_LETTERS) & (X[:, 3] == 0)).tolist():
        out[j] = nomark_prose_line(rows[j])
    for j in np.flatnonzero((X[:, _FI["titlelike"]] > 0) & ~out).tolist():
        line = rows[j]
        k = nomark_letters(line)
        short[j] = k > 0 and 2 * k >= len(line)
    return out, short


def nomark_letters(line: str) -> int:
    """How many letters of a script that ends sentences without a mark (Thai, Lao) ``line``
    holds (0 for a line of ASCII: no search)."""
    if line.isascii() or _NOMARK_LETTERS.search(line) is None:
        return 0
    return len(_NOMARK_LETTERS.findall(line))


def nomark_prose_line(line: str) -> bool:
    """Whether ``line`` is prose of a script that ends sentences without a mark (Thai, Lao):
    :data:`_NOMARK_PROSE_LETTERS` or more of its letters, most of its characters (see
    above; the metadata stage's paragraphs too). A shorter line is not searched."""
    if len(line) < _NOMARK_PROSE_LETTERS:
        return False
    k = nomark_letters(line)
    return k >= _NOMARK_PROSE_LETTERS and 2 * k >= len(line)


# noprose: a page whose kept lines hold no prose line (a sentence of 8+ words, or of 20+ CJK
# characters) and fewer than 12 words and 100 characters in all has no article: a footer
# ("(c) 2024 Example. All rights reserved.") that the later stages rank best on a page of
# menus is not one.  It never fires on the dev pages (every one has an article), so CV is
# unchanged; it is what keeps an all-menu page an empty outcome (no_content).  (Characters
# as well as words: scripts without spaces have few words.)
_NOPROSE_TOKENS = 12
_NOPROSE_CHARS = 100
_NOPROSE_REASON = "no article on the page (no prose line kept)"
#: the reason of the teaser rule (:func:`_rules`)
TEASER_REASON = "title-like teaser (repeated or after the article's end)"


def _sentence_lines(X, nomark):
    """Prose lines for the noprose rule: ending a sentence, with 8+ words, or (Chinese,
    Japanese: a sentence is one or two \\w runs) 20+ characters of mostly CJK script; or
    ``nomark`` (a long Thai or Lao line: :func:`_nomark_prose`)."""
    long = (X[:, 0] >= 8) | ((X[:, _FI["cjk_ratio"]] > 0.3) & (X[:, 1] >= 20))
    return ((X[:, 3] > 0) & long) | nomark


def _rules(X, p, thr, rules=RULES, nomark=None, nomark_tl=None):
    """Post-processing rules over the model scores -> (scores, reasons).  A prose line has 8+
    words and a sentence end, or is a long line of Thai or Lao (``nomark``, one per row:
    :func:`_nomark_prose`; none if not given).  Each rule only moves a score across the
    threshold and records why:
      teaser  - a title-like line (3-25 words, no sentence end, not prose) that is repeated in
                the page, or that comes after the article's last prose line, is a related-link
                teaser; a short Thai or Lao line (``nomark_tl``) after it only past a line
                the article left or of cue words (see the note at _nomark_prose);
      caption - a long line without final punctuation just before a byline or a short photo
                credit, or right after the title, above the article's first prose line (or
                with a photo credit / caption verb there), is an image caption. Not one right
                after the title that reads as a deck (:func:`_deck_line`), the sub-headline
                ("Vessel cuts fuel costs by up to 70 percent ...", s41 acc-press F8; the dev
                pages' own decks went so); a wrapped lead's second line came after its first,
                taken for the title (F9);
      bridge  - an ad/share line inside the article does not end it: a prose line right after
                such furniture lines, following a kept prose line, is kept;
      cueonly - a short line of cue words only ("Advertisement", "Share: Facebook | X") is
                removed, wherever it stands (the model kept such lines between the
                paragraphs of Arabic and Hebrew pages);
      byline  - a short "By ..." line is removed;
      noprose - kept lines without any prose line among them (a sentence of 8+ words or
                20+ CJK characters), under 12 words and 100 characters in all, are
                removed (a page without an article)."""
    p = p.copy()
    n = len(p)
    why = {}
    if not n or not rules:
        return p, why
    ntok = X[:, 0]
    end_sent = X[:, 3]
    if nomark is None:
        nomark = np.zeros(n, bool)
    tl = (X[:, _FI["titlelike"]] > 0) & ~nomark
    keep = p >= thr
    prose = ((ntok >= 8) & (end_sent > 0)) | nomark
    kp = np.flatnonzero(keep & prose)
    lo_hi = 0.999
    if "teaser" in rules and len(kp):
        last = kp[-1]
        after = np.arange(n) > last
        if nomark_tl is not None:
            # (the note at _nomark_prose) past a line the article left or of cue words
            left = np.cumsum(~keep | (X[:, _FI["cue"]] > 0))
            after &= ~nomark_tl | (left > left[last])
        if (keep & tl & after).any():  # (else no line it could spare)
            after &= ~_article_list(X, keep, tl, last, n)
        drop = keep & tl & ((X[:, _FI["repeat"]] > 0) | after)
        for j in np.flatnonzero(drop).tolist():
            p[j] = min(p[j], thr * 0.5)
            why[j] = TEASER_REASON
    if "caption" in rules and len(kp):
        cand = _captions(X, keep, np.arange(n) < kp[0], 0, n)
        for j in np.flatnonzero(cand).tolist():
            p[j] = min(p[j], thr * 0.5)
            why[j] = _CAPTION_REASON
    if "bridge" in rules:
        furn = (X[:, _FI["furniture"]] > 0).tolist()
        keep = (p >= thr).tolist()
        prose_l = prose.tolist()
        nxt = 1
        for j in np.flatnonzero(furn).tolist():
            if j < nxt:
                continue
            if keep[j - 1] and prose_l[j - 1]:
                k = j
                while k < n and furn[k]:
                    k += 1
                # ... unless that line speaks of the page itself ("You must be logged in
                # to post a comment."): a cue word there means furniture, not article.
                if (
                    k < n
                    and not keep[k]
                    and prose[k]
                    and X[k, 9] > 0.1
                    and X[k, _FI["cue"]] == 0
                    and X[k, _FI["comment_cue"]] == 0
                ):
                    p[k] = max(p[k], min(lo_hi, thr + 0.5 * (1 - thr)))
                    keep[k] = True
                    why[k] = "prose line continuing the article after an ad/share line"
                nxt = k + 1
    if "cueonly" in rules:
        for j in np.flatnonzero((p >= thr) & cue_only(X)).tolist():
            p[j] = min(p[j], thr * 0.5)
            why[j] = CUEONLY_REASON
    if "byline" in rules:
        for j in np.flatnonzero((p >= thr) & (X[:, _FI["byline"]] > 0) & (end_sent == 0)).tolist():
            p[j] = min(p[j], thr * 0.5)
            why[j] = "byline"
    if "noprose" in rules:
        keep = p >= thr
        if (
            keep.any()
            and not (keep & _sentence_lines(X, nomark)).any()
            and ntok[keep].sum() < _NOPROSE_TOKENS
            and X[keep, 1].sum() < _NOPROSE_CHARS
        ):
            for j in np.flatnonzero(keep).tolist():
                p[j] = min(p[j], thr * 0.5)
                why[j] = _NOPROSE_REASON
    return p, why


def _article_list(
    X: np.ndarray, keep: np.ndarray, tl: np.ndarray, last: Any, end: Any
) -> np.ndarray:
    """The title-like lines after the article's last prose line (row ``last``; ``end``: the
    document's end, both a number or one per row) that are a list of the article, not a
    teaser box: the lines the model kept, none left out between the last prose line and
    them, with the article going on below them, still none left out, in a kept line that is
    not title-like ("Benefits", "£75,000 salary", "Stand: 04.03.2025"). A job's tasks, an
    office's opening hours, a product's spec values under the last paragraph were removed
    as teasers (s42 acc-pages F8); a teaser box stands apart from the article (a share bar,
    a "related" label left out above it) or closes the page. A date alone ("21 February
    2025", three words or fewer; "Stand: 12.02.2025" has its label) is no going on: it is
    a teaser's stamp under its headline, and a related box of headline/date pairs with no
    blank line between joined the article (s43 acc-read F13)."""
    n = len(keep)
    gi = np.arange(n)
    left = np.cumsum(~keep)  # the lines left out up to each line
    stamp = (X[:, _FI["date"]] > 0) & (X[:, 0] <= 3)
    goes_on = (
        keep & ~tl & ~stamp & (X[:, 0] > 0) & (X[:, _FI["repeat"]] == 0) & (X[:, _FI["cue"]] == 0)
    )
    nxt = np.full(n + 1, n)  # the next such line below each line
    nxt[:n] = np.minimum.accumulate(np.where(goes_on, gi, n)[::-1])[::-1]
    nxt = nxt[1:]
    return (gi > last) & (left == left[last]) & (nxt < end) & (left[np.minimum(nxt, n - 1)] == left)


#: the reason of the caption rule (:func:`_rules`)
_CAPTION_REASON = "image caption (long, no final punctuation, next to a byline or photo credit)"


#: A deck (:func:`_deck_line`): the least share of stop words (the dev pages' and the s41
#: acc-press decks have 0.21-0.45; a glued date stamp, a byline, a related story's headline
#: 0.03-0.15), the most share of title-cased words (a second headline: 0.89) and of capital
#: letters, the most separators (a path, a menu's bars)
_DECK_STOP_RATIO = 0.2
_DECK_TITLE_RATIO = 0.5
_DECK_UPPER_RATIO = 0.2
_DECK_SEPS = 2


def _deck_line(X: np.ndarray) -> np.ndarray:
    """The lines that read as a story's deck, the sentence under its headline, which the
    caption rule leaves right after the title: running prose (stop words, few title-cased
    words, few capitals, few separators, no address).  Any long line after the title went
    for one (s43 acc-regress R3): a second headline ("Termine Whisky Tastings Januar – Mai
    2020 Halle/Saale und Dessau" under a quote taken for the title), a byline with its
    photo's file name, a post's glued date stamp with its author and tags, a PHP warning."""
    return (
        (X[:, _FI["stop_ratio"]] >= _DECK_STOP_RATIO)
        & (X[:, _FI["title_ratio"]] < _DECK_TITLE_RATIO)
        & (X[:, _FI["upper_ratio"]] < _DECK_UPPER_RATIO)
        & (X[:, _FI["seps"]] <= _DECK_SEPS)
        & (X[:, _FI["url"]] == 0)
    )


def _under_title_in_text(X: np.ndarray, has_next: np.ndarray) -> np.ndarray:
    """The lines that the caption rule's title trigger leaves, though no deck: a line that
    opens with a figure under a "title" that does too (a timeline's or a list's items: the
    "title" was the item over it, "1957–1959 Erster Bauabschnitt: ..." / "1962–1964 Zweiter
    ..."), and a line the next goes on with (``has_next``: another line of the document
    follows), one that starts with no capital and no figure ("가. 시작은 ..." after a Korean
    line wrapped in a word, "+49 (0)40 ..." after "... More info: www.earbooks.net/en |"): a
    wrapped piece of the text, no caption alone (s44 acc-regress R2)."""
    n = len(X)
    digit = X[:, _FI["first_digit"]] > 0
    sibling = np.zeros(n, bool)
    sibling[1:] = digit[1:] & digit[:-1]
    goes_on = np.zeros(n, bool)
    goes_on[:-1] = (X[1:, _FI["first_upper"]] == 0) & ~digit[1:] & (X[1:, _FI["bullet"]] == 0)
    # (a dateline under the headline goes on with no capital in a caseless script, Persian's
    # "2 تير 1399 - 12:09:08 ب.ظ" over the lead: the trigger keeps it)
    return sibling | (goes_on & has_next & (X[:, _FI["date"]] == 0))


def _caption_line(X: np.ndarray, keep: np.ndarray) -> np.ndarray:
    """The lines that may be an image caption by their own features (the caption rule of
    :func:`_rules` and :func:`_rules_rows` then asks where they stand): kept, 8+ words, no
    sentence end; not ending with a colon, which leads into what follows, a list or a
    table, as a caption does not ("Results of the final round:" under the headline went as
    one, s40 acc-regress D3); not going on with the sentence of the line before it (in lower
    case, after no sentence's end): a piece of a paragraph, a hard-wrapped text's paragraph
    broken early into blocks lost its second block after the first (taken for the title: s35
    acc-regress R9). One mask for both rule functions: each fix was made twice (review40 F9)."""
    goes_on = (X[:, _FI["first_lower"]] > 0) & (X[:, _FI["end_sent@-1"]] == 0)
    return keep & (X[:, 0] >= 8) & (X[:, 3] == 0) & (X[:, _FI["end_colon"]] == 0) & ~goes_on


#: A line that is an image's file name, not a title ("IMG_2034.jpg", "010_Clymer-2010_Clymer-2",
#: "Bike-&-Style-book__MG_2953"): one token of no space, with an image file's extension or an
#: underscore (which no title's word holds; a hyphen alone is a compound's: "COVID-19")
_FILE_NAME = re.compile(r"\S*(?:_\S*|\.(?i:jpe?g|png|gif|webp|avif|heic|tiff?|bmp|svg))")


def _file_name_titles(rows: list[str], X: np.ndarray) -> np.ndarray:
    """Which of the stripped lines ``rows`` (features ``X``) the line model took for the
    title (``is_title``) are an image's file name (:data:`_FILE_NAME`): a photo's alt text
    or its file written in the page's text over a bike review's "Tested by: … RRP: … More
    info: …" line, which the caption rule then removed as the caption under a title (s44
    acc-regress R2). Only the title rows are read (one a document)."""
    out = np.zeros(len(rows), bool)
    for j in np.flatnonzero(X[:, _FI["is_title"]] > 0).tolist():
        out[j] = _FILE_NAME.fullmatch(rows[j]) is not None
    return out


#: the fewest words of a line with a sentence's end inside it that may be a paragraph with
#: a tail (:func:`_paragraphs_with_tail`), and the most words of the tail
_TAIL_LINE_WORDS = 15
_TAIL_WORDS = 4
#: a sentence's end with words after it (the last one of a line is the tail's start)
_END_IN_LINE = re.compile("[" + re.escape(SENTENCE_MARKS) + r"][\"”»’)]*\s+(?=\S)")


#: A site's notice (:func:`notice_line`): a copyright sign at the line's start ("(c)" with a
#: year: "(c) the third clause" is a list's item), or the word with a sign or a year after
#: it ("Copyright © 2026", "Copyright 2026 Example News")
_NOTICE_SIGN = re.compile(r"(?i)\W{0,3}(?:[©ⓒⒸ]|\(c\)\s*\d|copyright\b\W{0,3}(?:[©ⓒⒸ]|\(c\)|\d))")
#: ... or the word alone at the start of a short line ("Copyright Example News. All rights
#: reserved."; "Copyright law changed in 2019, and ..." is a sentence of an article)
_NOTICE_WORD = re.compile(r"(?i)\W{0,3}copyright\b")
_NOTICE_WORD_WORDS = 12


def _phrases(phrases: Iterable[str]) -> str:
    """An alternation of ``phrases``, each word's space any run of spaces or none (a phrase's
    words may be written together: "무단전재")."""
    return "|".join(r"\s*".join(map(re.escape, p.split())) for p in phrases)


#: the notice phrases of the scripts whose prose does not say them (:data:`_NOTICE_PHRASE`)
_OTHER_SCRIPT_NOTICES = tuple(p for p in _NOTICE_PHRASES if _LCG.match(p) is None)
#: ... or a rights, no-reproduction or end-of-story phrase anywhere in the line, in the
#: scripts whose prose does not say it ...
# (behind a look-ahead for the phrases' first letters: a match starts with one of them.
# Without it the engine tried each phrase at each place of a line, since with case ignored
# it skips no place by its first character itself: ~50 µs a line, ~10 with it; perf51)
_NOTICE_PHRASE = re.compile(
    "(?i)(?=["
    + "".join(sorted({re.escape(p.split()[0][0]) for p in _OTHER_SCRIPT_NOTICES}))
    + "])(?:"
    + _phrases(_OTHER_SCRIPT_NOTICES)
    + ")"
)
#: ... and in Latin, Cyrillic and Greek letters, where a paragraph says it too ("Under the
#: ruling, all rights reserved by the label in the 1998 contract return to the singer": a
#: story on rights; read51 F5), a phrase that is a notice's sentence: at the line's start or
#: after a sentence's end, a sign, a year or a separator, and ending its sentence ("Example
#: News. All rights reserved.", "Example News | Tous droits réservés © 2026")
_NOTICE_RIGHTS = re.compile(
    r"(?i)(?:^\W{0,3}|[.!?©\d|·•–—:,;/)-]\s*)(?:"
    + _phrases((*(p for p in _NOTICE_PHRASES if _LCG.match(p) is not None), *_LATIN_RIGHTS))
    + r")(?=\s*(?:[.!;|·•–—©\d-]|$))"
)
#: The most words of a notice: a longer line holding a rights phrase is a paragraph on them
_NOTICE_WORDS = 30


def notice_line(line: str) -> bool:
    """Whether ``line`` is a site's copyright, reproduction or end-of-story notice
    (:data:`_NOTICE_SIGN`, :data:`_NOTICE_WORD`, :data:`_NOTICE_PHRASE`,
    :data:`_NOTICE_RIGHTS`; at most
    :data:`_NOTICE_WORDS` words): page furniture, never the article's last paragraph,
    though it may read as a sentence ("© 2026 Example News. We are not responsible for
    the content of external sites.")."""
    words = len(line.split(None, _NOTICE_WORDS))
    if words > _NOTICE_WORDS:
        return False
    if _NOTICE_SIGN.match(line) is not None:
        return True
    if words <= _NOTICE_WORD_WORDS and _NOTICE_WORD.match(line) is not None:
        return True
    return _NOTICE_PHRASE.search(line) is not None or _NOTICE_RIGHTS.search(line) is not None


def _notice_rows(rows: list[str], X: np.ndarray) -> np.ndarray:
    """Which of the stripped lines ``rows`` (features ``X``) are a site's notice
    (:func:`notice_line`). Only the lines that may be one are searched (a search costs
    ~4 µs a line): of :data:`_NOTICE_WORDS` tokens or fewer, with a cue word (every notice
    phrase and "copyright" are cue phrases; the cue count reads lines of 15 tokens or
    fewer), a separator (the feature counts "©") or more than 15 tokens."""
    out = np.zeros(len(rows), bool)
    ntok = X[:, 0]
    may = (X[:, _FI["cue"]] > 0) | (X[:, _FI["seps"]] > 0) | (ntok > 15)
    for j in np.flatnonzero((ntok > 0) & (ntok <= _NOTICE_WORDS) & may).tolist():
        out[j] = notice_line(rows[j])
    return out


#: The cue phrases and related labels as their tokens joined by a space (a line's tokens
#: are compared to them: "Read also:" is "read also")
_CUE_KEYS = frozenset(" ".join(_TOK.findall(p)) for p in _CUE_PHRASES)
_LABEL_KEYS = frozenset(" ".join(_TOK.findall(p)) for p in RELATED_LABELS)
_LABEL_FIRST = frozenset(k.split()[0] for k in _LABEL_KEYS)
#: A "read also" box's headlines: this many, at most (and one at least)
_BOX_HEADLINES = 4
#: A headline's tokens (:func:`_box_rows`), or letters of a script without spaces
_BOX_WORDS = (3, 25)
_BOX_LETTERS = 12
#: The full stops a headline does not end with (a question or an exclamation it may)
_BOX_STOPS = (".", "。", "।", "۔", "։", ":", ";", "…")


#: A question's or an exclamation's headline: its marks, and its most tokens
_BOX_ASKS = ("?", "!", "؟", "？", "！")
_BOX_ASK_WORDS = 15


def _line_key(line: str) -> str:
    """A line's tokens (:data:`_TOK`), lower-cased, joined by a space."""
    return " ".join(_TOK.findall(line.lower()))


def _box_rows(rows: list[str], X: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For the stripped lines ``rows`` (features ``X``) -> (phrase, label, headline): the
    lines that are a cue phrase alone, with figures at most beside it ("Most read", "3
    мин.", "இதையும் படிக்க": the ``cueonly`` rule counts a phrase as one cue, and a line of
    two words never held as many cues as tokens); the lines that are a related box's label
    (:data:`RELATED_LABELS`); and the lines that read as a headline (no cue phrase alone): 3-25 tokens (or 12
    letters or more in a script without spaces), no full stop at the end, no prose. Only
    lines of 25 tokens or fewer are read, and for a headline only the lines under a label
    (the only ones :func:`_read_also_boxes` reads)."""
    n = len(rows)
    phrase = np.zeros(n, bool)
    label = np.zeros(n, bool)
    head = np.zeros(n, bool)
    ntok = X[:, 0]
    prose = (ntok >= 8) & (X[:, 3] > 0)
    # (a question's or an exclamation's headline may read as a sentence: "Smog: what is it
    # and how can you protect yourself?")
    # (a cue phrase's line first; a headline is looked for only under a label: reading every
    # short line cost a third of the line model's time)
    cue = X[:, _FI["cue"]] > 0
    for j in np.flatnonzero((ntok > 0) & (ntok <= _CUEONLY_TOKENS)).tolist():
        # (a label not in the lexicon, "Lesen Sie auch", is told by its first word first)
        if not cue[j] and rows[j].split(None, 1)[0].lower() not in _LABEL_FIRST:
            continue
        key = _line_key(rows[j])
        label[j] = key in _LABEL_KEYS
        words = key.split()
        bare = [w for w in words if not w.isdigit()]
        phrase[j] = bool(cue[j]) and " ".join(bare) in _CUE_KEYS and len(words) - len(bare) <= 1
    short = (ntok > 0) & (ntok <= _BOX_WORDS[1]) & (~prose | (ntok <= _BOX_ASK_WORDS))
    for j in sorted(
        {k for i in np.flatnonzero(label).tolist() for k in range(i + 1, i + 2 + _BOX_HEADLINES)}
    ):
        if j >= n or not short[j] or phrase[j]:
            continue
        line = rows[j]
        if prose[j] and not line.rstrip(_CLOSERS).endswith(_BOX_ASKS):
            continue
        if not (line.rstrip(_CLOSERS).endswith(_BOX_STOPS) or "://" in line):
            head[j] = ntok[j] >= _BOX_WORDS[0] or (
                not line.isascii() and sum(c.isalpha() for c in line) >= _BOX_LETTERS
            )
    return phrase, label, head


def _paragraphs_with_tail(rows: list[str], X: np.ndarray) -> np.ndarray:
    """Which of the stripped lines ``rows`` (features ``X``) are a paragraph with a tail
    after its last sentence's end: an agency's sign-off in capitals ("… could be misused.
    PTI ABC XYZ") or a share bar a text browser glued on as one word ("… la trêve
    internationale. PartagerFacebookTwitterE-mailCopier le lien"). Such a line ends in no
    mark and read as title-like: the article's last paragraph was removed as a teaser
    (s45 acc-wire W1). Another sentence after the end ("… Ecco cosa cambia", a caption's
    "(Matt Stone/Boston Herald)") is no tail: a teaser's or a caption's line stays one. Only
    the long title-like lines with a sentence's end inside them are read."""
    out = np.zeros(len(rows), bool)
    cand = (
        (X[:, _FI["titlelike"]] > 0) & (X[:, _FI["sent_inner"]] > 0) & (X[:, 0] >= _TAIL_LINE_WORDS)
    )
    for j in np.flatnonzero(cand).tolist():
        ends = list(_END_IN_LINE.finditer(rows[j]))
        if not ends:
            continue
        tail = rows[j][ends[-1].end() :].split()
        out[j] = len(tail) <= _TAIL_WORDS and (
            all(t.isupper() for t in tail)
            or any(sum(a.islower() and b.isupper() for a, b in pairwise(t)) >= 2 for t in tail)
        )
    return out


#: a line of listed items under a label: "Man City: Ortega Moreno, Walker, Dias, …", "Golos:
#: Di María (43'), Kökçü (67'), …", "Leverkusen: Kovar - Kossounou, Tah, …" (a line-up, a
#: scorers' list); the most words of its label and of each item, the fewest items
_LISTED = re.compile(r"\W*([^:]{1,40}?)\s?:\s*(\S.*)")
_LISTED_ITEM_SPLIT = re.compile(r"\s*[,;]\s*|\s+[-–]\s+")
_LISTED_LABEL_WORDS = 4
_LISTED_ITEM_WORDS = 4
_LISTED_ITEMS = 4
#: a line that opens with a year, in its first three words ("2013年4月 黒田総裁…",
#: "24 janvier 2020 : …", "Feb. 24, 2022 - …"): a chronology's item; the fewest such lines
#: in a row, of two years at least, that make one
_YEAR_LED = re.compile(r"\W*(?:\S+\s+){0,2}?\S*?(?<![\w/=])(1[5-9]\d\d|20\d\d)(?!\d)")
_CHRONOLOGY_ITEMS = 3
#: an address in a row ("402. file:///noticias.php?y=2019&m=11", lynx's reference list): its
#: year is a query's or a path's, no chronology's
_ADDRESS = re.compile(r"(?:file|https?|ftp|javascript|mailto):|www\.", re.I)
#: a sports list's marks on its own row: a minute ("(43')", "90+2'") or a score ("4-1", "2:0")
_SPORTS_MARK = re.compile(
    r"\b\d{1,3}(?:\+\d{1,2})?['’′]|(?<![\d.:/])\d{1,2}\s?[-:–]\s?\d{1,2}(?![\d./]|:\d)"
)
#: the most rows between two listed rows of one line-up (the teams' rows, the scorers')
_LISTED_NEAR = 3


def _listed(row: str) -> bool:
    """Whether ``row`` is a list of items under a label (:data:`_LISTED`)."""
    m = _LISTED.match(row)
    if m is None or len(m.group(1).split()) > _LISTED_LABEL_WORDS:
        return False
    items = [x for x in _LISTED_ITEM_SPLIT.split(m.group(2)) if x]
    return len(items) >= _LISTED_ITEMS and all(len(x.split()) <= _LISTED_ITEM_WORDS for x in items)


def _listed_rows(rows: list[str], X: np.ndarray) -> np.ndarray:
    """Which of the stripped lines ``rows`` (features ``X``) are a sports page's or a
    chronology's rows, no teaser's headline though title-like: a list of four items or more
    under a label (:func:`_listed`; a line-up, the scorers), or one of three lines or more in
    a row that each open with a year, two years at least (a chronology: "2013年4月 …",
    "2016年1月 …"; a related box's stamps are of one year). They stood after the article's
    last paragraph and were removed as teasers (s48 acc-live L6). Only the title-like lines
    are read, and of those the ones with a colon or a digit. A listed row needs another near
    it or a minute or a score within as many rows (:data:`_SPORTS_MARK`); a year-led row's year stands
    as a word, in no address (lynx's reference list, s49 R5)."""
    out = np.zeros(len(rows), bool)
    cand = np.flatnonzero(X[:, _FI["titlelike"]] > 0).tolist()
    years: dict[int, str] = {}
    listed: list[int] = []
    for j in cand:
        row = rows[j]
        if ":" in row and _listed(row):
            listed.append(j)
        elif (
            any(c.isdigit() for c in row[:24])
            and (m := _YEAR_LED.match(row)) is not None
            and not _ADDRESS.search(row)
        ):
            years[j] = m.group(1)
    # (a listed row is a line-up's when another stands near or a minute or a score does:
    # a lone "Zahlungsarten: PayPal, Klarna, Kreditkarte, Vorkasse" is a shop's chrome)
    for i, j in enumerate(listed):  # (in order: its nearest listed rows are beside it)
        near = (i > 0 and j - listed[i - 1] <= _LISTED_NEAR) or (
            i + 1 < len(listed) and listed[i + 1] - j <= _LISTED_NEAR
        )
        out[j] = near or any(
            _SPORTS_MARK.search(rows[k]) is not None
            for k in range(max(0, j - _LISTED_NEAR), min(len(rows), j + _LISTED_NEAR + 1))
        )
    # (a run of year-led lines, each the next row of the one before)
    run: list[int] = []
    for j in [*sorted(years), -2]:
        if run and j == run[-1] + 1:
            run.append(j)
            continue
        if len(run) >= _CHRONOLOGY_ITEMS and len({years[k] for k in run}) >= 2:
            out[run] = True
        run = [j]
    return out


def _heading_copies(rows: list[str], X: np.ndarray, rb: np.ndarray) -> np.ndarray:
    """Which of the stripped lines ``rows`` (features ``X``, documents at row bounds ``rb``)
    are the copy of a repeated title-like line that heads the article's prose, while another
    copy stands in a box of such lines: a live blog's entry headline under a "Key events"
    box that lists it ("Destacados", "Key events"), a section's subhead under a table of
    contents. Every copy was removed as a repeated teaser, and the entry's time with it (s48
    acc-live L7); the box's copies still go. One copy heads prose, and the box holds other
    headlines: a teaser printed twice over a paragraph, a picture's caption repeated over
    each paragraph of a post, are no entries; the box comes first, as a page's summary does,
    and the copy over prose stands under no other headline (a most-read list; s48 dev
    pages). Only the repeated title-like
    lines are read."""
    out = np.zeros(len(rows), bool)
    twin = (X[:, _FI["titlelike"]] > 0) & (X[:, _FI["repeat"]] > 0)
    cand = np.flatnonzero(twin).tolist()
    if len(cand) < 2:
        return out
    ends = rb[1:]
    doc = np.searchsorted(rb, cand, "right").tolist()
    groups: dict[tuple[int, str], list[int]] = {}
    for j, d in zip(cand, doc, strict=True):
        groups.setdefault((d, rows[j]), []).append(j)
    prose = (X[:, 0] >= 8) & (X[:, 3] > 0)
    title = X[:, _FI["titlelike"]] > 0
    for (d, _), copies in groups.items():
        if len(copies) < 2:
            continue
        end = int(ends[d - 1])
        start = int(rb[d - 1])
        # (the copy over prose, under no other headline: a list of headlines, one of them
        # over a prose-shaped headline, is a list still; s48 dev pages)
        heads = [
            j
            for j in copies
            if j + 1 < end and prose[j + 1] and not (j - 1 >= start and title[j - 1])
        ]
        # (a teaser printed twice with its summary: the same line under each copy, no
        # entry's paragraph; s49 acc-regress R6, furche.at. A repeated caption under a
        # section's heading is under one copy only, and the heading stays: cubadebate)
        under = [rows[k + 1] for k in copies if k + 1 < end]
        heads = [j for j in heads if under.count(rows[j + 1]) < 2]
        # (the box: another headline beside the copy, not the copy's own twin: a teaser
        # printed twice over a paragraph, a caption under each picture of a post, stay)
        boxed = [
            j
            for j in copies
            if heads
            and j < heads[0]
            and any(start <= k < end and twin[k] and rows[k] != rows[j] for k in (j - 1, j + 1))
        ]
        if len(heads) == 1 and boxed:
            out[heads] = True
    return out


def _captions(
    X: np.ndarray,
    keep: np.ndarray,
    above: np.ndarray,
    start: Any,
    end: Any,
    file_name: np.ndarray | None = None,
) -> np.ndarray:
    """The caption rule's lines (:func:`_rules`, :func:`_rules_rows`): a line that may be
    a caption (:func:`_caption_line`) ``above`` its document's first kept prose line, next
    to what marks one: a byline or a short photo credit right under it ("Photo: J.
    Smith/Reuters"), the title right over it (no deck: :func:`_deck_line`), or a credit or
    a caption verb of its own. ``start``, ``end``: the document's first row and the row
    after its last (numbers, or one per row in a batch), across which no line is the next
    or the previous one. ``file_name``: the rows that are an image's file name
    (:func:`_file_name_titles`), no title over a caption. The two rule functions each built
    these masks (review40 F9 folded their line test only)."""
    n = len(keep)
    gi = np.arange(n)
    ntok = X[:, 0]
    cue = (X[:, _FI["capverb"]] > 0) | (X[:, _FI["credit"]] > 0)
    nxt = np.zeros(n, bool)  # (the byline or the short credit under it)
    nxt[:-1] = (X[1:, _FI["byline"]] > 0) | (cue[1:] & (ntok[1:] <= 8))
    nxt &= gi + 1 < end
    prv_t = np.zeros(n, bool)
    prv_t[1:] = X[:-1, _FI["is_title"]] > 0
    if file_name is not None:
        prv_t[1:] &= ~file_name[:-1]
    # (no deck, nor a wrapped piece of the text or a list's next item: _under_title_in_text)
    prv_t &= (gi > start) & ~_deck_line(X) & ~_under_title_in_text(X, gi + 1 < end)
    return above & _caption_line(X, keep) & (nxt | prv_t | cue)


def _rules_rows(
    X,
    p,
    rb,
    thr,
    rules=RULES,
    nomark=None,
    nomark_tl=None,
    file_name=None,
    tail=None,
    notice=None,
    box=None,
):
    """:func:`_rules` over a batch (documents at row bounds ``rb``) -> (scores, reasons keyed
    by row); each document gets exactly what :func:`_rules` gives it alone, but for
    ``file_name``: the title rows that are an image's file name (:func:`_file_name_titles`),
    no title to the caption rule, and ``tail``: paragraphs with a sign-off or glued chrome
    after their end (:func:`_paragraphs_with_tail`) and a line-up's or a chronology's rows
    (:func:`_listed_rows`), and the copy of a repeated headline that heads prose
    (:func:`_heading_copies`), not title-like to the teaser rule, ``notice``: the site's
    notices that read as prose (:func:`_notice_rows`), never the article's last prose line,
    and ``box``: the lines that are a cue phrase alone, a related box's label, a headline
    (:func:`_box_rows`), for the ``cueonly`` rule and a "read also" box's (the
    stage's path only: ``_rules`` serves research scripts, which read no rows' text)."""
    p = p.copy()
    n = len(p)
    why = {}
    if not n or not rules:
        return p, why
    D = len(rb) - 1
    ld = np.repeat(np.arange(D), np.diff(rb))
    s = rb[:-1][ld]
    e = rb[1:][ld]
    gi = np.arange(n)
    ntok = X[:, 0]
    end_sent = X[:, 3]
    if nomark is None:
        nomark = np.zeros(n, bool)
    tl = (X[:, _FI["titlelike"]] > 0) & ~nomark
    if tail is not None:
        tl &= ~tail
    keep = p >= thr
    prose = ((ntok >= 8) & (end_sent > 0)) | nomark
    kpm = keep & prose
    if notice is not None:
        kpm &= ~notice
    nonempty = rb[1:] > rb[:-1]
    starts = rb[:-1][nonempty]
    first = np.full(D, n, np.int64)  # first / last kept prose row of each document
    last = np.full(D, -1, np.int64)
    if len(starts):
        first[nonempty] = np.minimum.reduceat(np.where(kpm, gi, n), starts)
        last[nonempty] = np.maximum.reduceat(np.where(kpm, gi, -1), starts)
    has_kp = (last >= 0)[ld]
    half = thr * 0.5
    if "teaser" in rules:
        after = gi > last[ld]
        if nomark_tl is not None:
            # (the note at _nomark_prose) past a line the article left or of cue words after
            # its last prose line
            left = np.cumsum(~keep | (X[:, _FI["cue"]] > 0))
            after &= ~nomark_tl | (left > left[np.maximum(last, 0)][ld])
        if (keep & tl & after).any():  # (else no line it could spare)
            # (a notice under a list is no article going on below it)
            kn = keep if notice is None else keep & ~notice
            after &= ~_article_list(X, kn, tl, np.maximum(last, 0)[ld], e)
        drop = has_kp & keep & tl & ((X[:, _FI["repeat"]] > 0) | after)
        _demote(p, why, drop, half, TEASER_REASON)
    if "caption" in rules:
        _demote(
            p,
            why,
            _captions(X, keep, has_kp & (gi < first[ld]), s, e, file_name),
            half,
            _CAPTION_REASON,
        )
    if "bridge" in rules:
        furn_a = X[:, _FI["furniture"]] > 0
        furn = furn_a.tolist()
        keep_l = (p >= thr).tolist()
        prose_l = prose.tolist()
        ok_l = (
            prose & (X[:, 9] > 0.1) & (X[:, _FI["cue"]] == 0) & (X[:, _FI["comment_cue"]] == 0)
        ).tolist()
        s_l = s.tolist()
        e_l = e.tolist()
        raised = min(0.999, thr + 0.5 * (1 - thr))
        nxt = 0
        for j in np.flatnonzero(furn_a).tolist():
            if j < nxt or j == s_l[j]:  # (a document's first line is never looked at)
                continue
            if keep_l[j - 1] and prose_l[j - 1]:
                k = j
                end = e_l[j]
                while k < end and furn[k]:
                    k += 1
                if k < end and not keep_l[k] and ok_l[k]:
                    p[k] = max(p[k], raised)
                    keep_l[k] = True
                    why[k] = "prose line continuing the article after an ad/share line"
                nxt = k + 1
    if "cueonly" in rules:
        alone = cue_only(X) if box is None else cue_only(X) | box[0]
        _demote(p, why, (p >= thr) & alone, half, CUEONLY_REASON)
    if box is not None and "cueonly" in rules:
        _demote(
            p,
            why,
            # (its kept lines: a line a rule removed already keeps its reason)
            _read_also_boxes(box[1], box[2], first[ld], e) & (p >= thr),
            half,
            READ_ALSO_REASON,
        )
    if notice is not None and "teaser" in rules:
        # a site's notice after the article's last prose line, with a line left out between
        # them, is the page's footer, not the article's ("© 2026 Example News.
        # We are not responsible for external sites." under the related boxes). Right under the article it is the story's own (an agency's "© 2019
        # Associated Press. All rights reserved. This material may not be published …",
        # which the dev and held-out sets' truths hold: removed, held-out text lost it)
        out = p < thr  # (as the rules above left them: a box, a share bar removed)
        left = np.cumsum(out) - out  # (the lines left out before each line)
        apart = left > left[np.maximum(last, 0)][ld]
        _demote(p, why, (p >= thr) & notice & has_kp & (gi > last[ld]) & apart, half, NOTICE_REASON)
    if "byline" in rules:
        _demote(p, why, (p >= thr) & (X[:, _FI["byline"]] > 0) & (end_sent == 0), half, "byline")
    if "noprose" in rules and len(starts):
        keep = p >= thr
        kept_tok = np.zeros(D)
        kept_chars = np.zeros(D)
        kept_prose = np.zeros(D, bool)
        kept_tok[nonempty] = np.add.reduceat(np.where(keep, ntok, 0.0), starts)
        kept_chars[nonempty] = np.add.reduceat(np.where(keep, X[:, 1], 0.0), starts)
        kept_prose[nonempty] = np.logical_or.reduceat(keep & _sentence_lines(X, nomark), starts)
        page = (
            (kept_tok > 0)
            & ~kept_prose
            & (kept_tok < _NOPROSE_TOKENS)
            & (kept_chars < _NOPROSE_CHARS)
        )
        _demote(p, why, keep & page[ld], half, _NOPROSE_REASON)
    return p, why


#: the reason of a site's notice after the article (:func:`_rules_rows`)
NOTICE_REASON = "a copyright, reproduction or end-of-story notice after the article"
#: the reason of a line of a "read also" box inside the article (:func:`_read_also_boxes`)
READ_ALSO_REASON = "a read-also box inside the article: its label and headlines"


#: The rules' reasons of a line removed for its furniture words: the steps after the model
#: read these lines as furniture (a structure or a list does not take them back)
CUE_REASONS = (CUEONLY_REASON, READ_ALSO_REASON, NOTICE_REASON)


def _read_also_boxes(
    label: np.ndarray, head: np.ndarray, first: np.ndarray, end: np.ndarray
) -> np.ndarray:
    """The lines of the "read also" boxes inside an article: a related box's label
    (``label``, kept or not) after the document's first kept prose line (``first``, one per
    row; ``end``: the document's end), then 1 to :data:`_BOX_HEADLINES` headlines under it
    (``head``, not labels), then the document's end, a label or any line that is no
    headline (more headlines: a list, the teaser rules' part). A box in the middle of the
    article ("اقرأ أيضا" and two headlines between paragraphs) stayed in the text renderings:
    the teaser rule reads after the article's last prose line only, and a list after it
    needs 3 headlines (s50 acc-scripts N4)."""
    n = len(label)
    out = np.zeros(n, bool)
    for j in np.flatnonzero(label).tolist():
        if j <= first[j]:
            continue
        k, e = j + 1, end[j]
        # (up to one line past the most headlines: a fifth headline makes the run a list;
        # the loop stopped at the fourth left a box of four out, read51 F4)
        while k < e and k - j <= _BOX_HEADLINES + 1 and head[k] and not label[k]:
            k += 1
        # (1 to _BOX_HEADLINES headlines; the loop stopped at the document's end, a label or
        # a line that is no headline)
        if j + 1 < k <= j + 1 + _BOX_HEADLINES:
            out[j:k] = True
    return out


def _demote(p, why, mask, cap, reason):
    """Scores of the ``mask`` rows down to at most ``cap``, with ``reason`` (a later rule's
    reason replaces an earlier one's, as the rules run in order)."""
    rows = np.flatnonzero(mask)
    if len(rows):
        p[rows] = np.minimum(p[rows], cap)
        why.update(dict.fromkeys(rows.tolist(), reason))


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def score_lines(lines, model=None):
    """Article-probabilities of the non-blank lines -> (indices, p1, p2, X)."""
    m = model or load_model()
    idx, X = line_features(lines, m["lex"])
    if not idx:
        return idx, np.zeros(0), np.zeros(0), X
    st1 = m["stages"][0]
    p1 = _sigmoid(_ensemble_predict(st1["_arrays"], X, st1["base"]))
    p2 = p1
    if len(m["stages"]) > 1:
        st2 = m["stages"][1]
        # Stage 2 re-scores only the lines stage 1 is unsure about: on the cross-validated
        # dev predictions, a line with p1 outside [0.05, 0.95] never changed side of the
        # threshold (F1 identical to re-scoring every line), and it is 1/3 of the trees' work.
        band = np.flatnonzero((p1 >= STAGE2_BAND) & (p1 <= 1.0 - STAGE2_BAND))
        if len(band):
            p2 = p1.copy()
            X2 = stage2_features(X, p1, band)
            p2[band] = _sigmoid(_ensemble_predict(st2["_arrays"], X2, st2["base"]))
    s2 = p2
    if len(m["stages"]) > 2:
        band = np.flatnonzero((p2 >= STAGE3_BAND) & (p2 <= 1.0 - STAGE3_BAND))
        if len(band):
            p2 = p2.copy()
            p2[band] = _predict_rows(m["stages"][2], stage3_features(X, p1, p2, band))
    p2 = _seq_mix(m, X, p1, s2, p2, np.array([0, len(p1)]))
    return idx, p1, p2, X


_TREE_ROWS = 1024  # rows per tree call: the (rows x trees) node arrays stay in cache


def _predict_rows(st, X):
    if len(X) <= _TREE_ROWS:
        return _sigmoid(_ensemble_predict(st["_arrays"], X, st["base"]))
    return np.concatenate(
        [
            _sigmoid(_ensemble_predict(st["_arrays"], X[a : a + _TREE_ROWS], st["base"]))
            for a in range(0, len(X), _TREE_ROWS)
        ]
    )


#: The most lines scored in one call: its arrays take ~2.7 KB a line at their peak (~55 MB
#: here). A batch with more is scored in parts, and a page with more in windows of this many
#: lines (200,000 menu lines took 650 MB at once).
_PART_LINES = 20_000
#: A page of more characters is scored in windows of about ``_WINDOW_CHARS`` (each read as
#: a page of its own): the line model's features of a page's length and of a line's place
#: in it were fitted on web pages, whose text is mostly 3-50 KB. On longer ones (a book
#: chapter, a transcript, a long forum thread) it removed more and more prose the further
#: into the page (a 200 KB text of article paragraphs kept 29 %, 100 KB 74 %; in windows
#: of this size, 99 %, as in 50 KB). One dev page of 1,088 is windowed (trafeval's
#: correctiv.org.zusage, 114 K characters: trafeval text F1 0.952 -> 0.951). The characters
#: counted are the ones the features read, a line's without its indent (:func:`_text_chars`).
_LONG_CHARS = 90_000
_WINDOW_CHARS = 60_000


def _text_chars(line: str) -> int:
    """A line's characters without the white space around it: what the features read of it.
    ``w3m -dump -cols 4000`` centres and right-aligns blocks in a 4,000-column page (a
    byline indented 450 columns): a CNN story of 15 K characters of text was 113 K as
    written, read in two windows as two pages, and half its paragraphs went (held-out w3m).
    """
    return len(line.strip())


def decide_many(texts, threshold: float = 0.5, sequence: bool = True) -> list:
    """:func:`decide` for several pages at once: the same decisions, computed over all their
    lines together, which spreads numpy's per-call cost over the batch.  ``sequence``: use
    the model's sequence layer (if it has one); off, the stages' scores alone (cheaper).
    A page may also be given as its lines, already split (as :func:`_split` splits).

    Memory is bounded: the lines are scored in parts of at most ``_PART_LINES`` (pages are
    independent, so a batch's decisions do not change); a page longer than that is scored
    in windows of as many lines, and a page of over ``_LONG_CHARS`` characters in windows of
    about ``_WINDOW_CHARS``, each read as a page of its own (its position and repetition
    cues then count within the window)."""
    docs = [t if isinstance(t, list) else _split(t) for t in texts]
    # (the written length first, in C: most pages are far below, indents and all)
    long = [
        sum(map(len, lines)) > _LONG_CHARS and sum(map(_text_chars, lines)) > _LONG_CHARS
        for lines in docs
    ]
    if sum(map(len, docs)) <= _PART_LINES and not any(long):
        return _decide_part(docs, threshold, sequence)
    windows = [
        (k, lines[a:b])
        for k, lines in enumerate(docs)
        for a, b in (_char_windows(lines) if long[k] else _line_windows(len(lines)))
    ]
    got: list[list[Decisions]] = [[] for _ in docs]
    part: list[tuple[int, list[str]]] = []
    n = 0
    for k, lines in [*windows, (-1, None)]:
        if part and (lines is None or n + len(lines) > _PART_LINES):
            decided = _decide_part([w for _, w in part], threshold, sequence)
            for (j, _), d in zip(part, decided, strict=True):
                if len(docs[j]) > _PART_LINES or long[j]:
                    d.drop_rows()  # (a view that would keep the part's feature rows alive)
                got[j].append(d)
            part, n = [], 0
        if lines is not None:
            part.append((k, lines))
            n += len(lines)
    return [ds[0] if len(ds) == 1 else _joined(docs[k], ds) for k, ds in enumerate(got)]


def _line_windows(n: int) -> list[tuple[int, int]]:
    """``(start, end)`` of a page's windows of at most :data:`_PART_LINES` lines."""
    return [(a, min(a + _PART_LINES, n)) for a in range(0, max(n, 1), _PART_LINES)]


def _char_windows(lines: list[str]) -> list[tuple[int, int]]:
    """``(start, end)`` of a long page's windows of about :data:`_WINDOW_CHARS` characters
    (at most :data:`_PART_LINES` lines), each ending after a blank line where one is near
    (a paragraph is not cut between two windows), each read as a page of its own."""
    out: list[tuple[int, int]] = []
    start = size = 0
    last_blank = -1
    for i, line in enumerate(lines):
        size += _text_chars(line) + 1
        if not line.strip():
            last_blank = i
        if size >= _WINDOW_CHARS or i + 1 - start >= _PART_LINES:
            end = last_blank + 1 if last_blank >= start + (i - start) // 2 else i + 1
            out.append((start, end))
            start, last_blank = end, -1
            size = sum(_text_chars(x) + 1 for x in lines[start : i + 1])
    if start < len(lines) or not out:
        out.append((start, len(lines)))
    return out


def _joined(lines: list[str], parts: list[Decisions]) -> Decisions:
    """One page's decisions from those of its consecutive windows (``lines``: the page's).
    The feature rows are not kept (the reasons are: ``codes``; and the ``cue`` column:
    :meth:`Decisions.cues`)."""
    idx: list[int] = []
    why: dict[int, str] = {}
    keep_l: list[bool] = []
    score_l: list[float] = []
    reason_l: list[str] = []
    stripped: list[str] = []
    at = 0
    for d in parts:
        why.update((j + len(idx), r) for j, r in d.why.items())
        idx += [i + at for i in d.idx]
        at += len(d.lines)
        keep, score, reasons = d.columns()
        keep_l += keep
        score_l += score
        reason_l += reasons
        stripped += d.stripped
    return Decisions(
        lines,
        idx,
        np.concatenate([d.score for d in parts]),
        np.concatenate([d.keep for d in parts]),
        why,
        None,
        np.concatenate([d.codes for d in parts]),
        stripped,
        (keep_l, score_l, reason_l),
        np.concatenate([d.cues() for d in parts]),
    )


def _decide_part(docs: list[list[str]], threshold: float, sequence: bool) -> list:
    m = load_model()
    idxs, R, lh, rb, S, first = _raw_features_many(docs, m["lex"])
    X = _line_features_rows(R, lh, rb, first) if len(R) else np.zeros((0, _NF))
    p1 = _predict_rows(m["stages"][0], X)
    p2 = p1
    bounds = list(zip(rb[:-1].tolist(), rb[1:].tolist()))
    if len(m["stages"]) > 1 and len(p1):
        # stage 2 on the unsure lines only (see score_lines), all documents in one call
        p2 = p1.copy()
        band = np.flatnonzero((p1 >= STAGE2_BAND) & (p1 <= 1.0 - STAGE2_BAND))
        if len(band):
            p2[band] = _predict_rows(m["stages"][1], _stage2_rows(X, p1, rb, band))
    s2 = p2
    if len(m["stages"]) > 2 and len(p1):
        # stage 3: the same context once more, on the stage-2 scores (see stage3_features)
        band = np.flatnonzero((p2 >= STAGE3_BAND) & (p2 <= 1.0 - STAGE3_BAND))
        if len(band):
            X3 = _stage2_rows(X, p2, rb, band, extra=1)
            X3[:, -1] = p1[band]
            p2 = p2.copy()  # (X3 is built: the stage-3 scores replace p2 on the band)
            p2[band] = _predict_rows(m["stages"][2], X3)
    if sequence:
        # the sequence layer (if any) on the stage-1/2 scores, averaged with the stages' (as
        # score_lines does)
        p2 = _seq_mix(m, X, p1, s2, p2, rb)
    p, why_all = _rules_rows(
        X,
        p2,
        rb,
        threshold,
        m.get("rules", RULES),
        *_nomark_prose(S, X),
        file_name=_file_name_titles(S, X),
        tail=_paragraphs_with_tail(S, X) | _listed_rows(S, X) | _heading_copies(S, X, rb),
        notice=_notice_rows(S, X),
        box=_box_rows(S, X),
    )
    keep = p >= threshold
    whys = [{} for _ in bounds]
    if why_all:
        rows = np.fromiter(why_all, np.int64, len(why_all))
        for j, d, r in zip(
            rows.tolist(), np.searchsorted(rb, rows, "right").tolist(), why_all.values()
        ):
            whys[d - 1][j - int(rb[d - 1])] = r
    codes = _reason_codes(X, keep) if len(X) else np.zeros(0, np.int64)
    # the per-line lists the stage's annotations are made of, for the batch at once (per
    # page, the few numpy calls cost more than the lines)
    keep_l = keep.tolist()
    score_l = np.round(p, 4).tolist()
    reason_l = list(map(_REASONS.__getitem__, codes.tolist()))
    alone_l = cue_only(X).tolist()
    return [
        Decisions(
            lines,
            idx,
            p[a:b],
            keep[a:b],
            why,
            X[a:b],
            codes[a:b],
            S[a:b],
            (keep_l[a:b], score_l[a:b], reason_l[a:b]),
            alone=alone_l[a:b],
        )
        for (a, b), lines, idx, why in zip(bounds, docs, idxs, whys)
    ]


def _split(text: str) -> list[str]:
    """A page's lines: split on any newline (\\n, \\r\\n, \\r)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.split("\n")


_REASONS = (
    "prose sentence in article context",
    "article context",
    "repeated line",
    "boilerplate vocabulary",
    "short line outside the main text block",
    "short line (menu/label/button-like)",
    "headline/link-like (title case, no sentence end)",
    "low article score",
)
#: the reasons of a line removed for its shortness alone (the stage's short runs read them)
SHORT_REASONS = frozenset(_REASONS[4:6])


def _reason_codes(X, keep):
    """Index into _REASONS of each line's dominant cue (one vectorised pass)."""
    ntok = X[:, 0]
    end_sent = X[:, _FI["end_sent"]] > 0
    return np.select(
        [
            keep & end_sent & (ntok >= 8),
            keep,
            X[:, _FI["repeat"]] > 0,
            X[:, _FI["cue"]] > 0,
            (X[:, _FI["seg_dist"]] > 0) & (ntok < 12),
            ntok <= 4,
            (X[:, _FI["title_ratio"]] > 0.6) & ~end_sent,
        ],
        [0, 1, 2, 3, 4, 5, 6],
        7,
    )


def _reasons(X, keep, why, rows=None, codes=None):
    """Short human-readable reason per line (or per line of ``rows``): the dominant cue, not
    the model's internals (a rule's own reason wins)."""
    if codes is None:
        codes = _reason_codes(X if rows is None else X[rows], keep if rows is None else keep[rows])
    elif rows is not None:
        codes = codes[rows]
    out = list(map(_REASONS.__getitem__, codes.tolist()))
    if why:
        if rows is None:
            for j, r in why.items():
                out[j] = r
        else:
            at = {j: k for k, j in enumerate(rows.tolist())}
            for j, r in why.items():
                if j in at:
                    out[at[j]] = r
    return out


class Decisions:
    """The line model's verdict on a document.

    ``lines`` are the input lines (split on any newline), ``idx`` the indices of the
    non-blank ones, and ``score``/``keep`` hold one entry per non-blank line in that order.
    ``why`` maps a position in ``idx`` to the reason of a post-processing rule.
    ``stripped`` (when given) holds the non-blank lines stripped, in ``idx`` order.
    ``cols`` (when given) holds what :meth:`columns` returns before the rules' reasons are
    applied; set it to None after changing ``keep`` or ``why``. ``X``, the feature rows, is
    None for a page read in windows, whose ``cue`` column is kept (:meth:`cues`)."""

    __slots__ = (
        "X", "alone", "codes", "cols", "cue", "idx", "keep", "lines", "score", "stripped", "why"
    )  # fmt: skip

    def __init__(
        self,
        lines,
        idx,
        score,
        keep,
        why,
        X,
        codes=None,
        stripped=None,
        cols=None,
        cue=None,
        alone=None,
    ):
        # (``alone``: :func:`cue_only` of the rows ``X`` as a list, when the batch computed
        # it; see :meth:`cue_only_lines`)
        self.alone = alone
        self.cue = cue
        self.cols = cols
        self.lines = lines
        self.idx = idx
        self.score = score
        self.keep = keep
        self.why = why
        self.X = X
        self.codes = codes
        self.stripped = stripped if stripped is not None else [lines[i].strip() for i in idx]

    def drop_rows(self) -> None:
        """Let go of the feature rows ``X``, keeping their ``cue`` column (:meth:`cues`)."""
        if self.X is not None:
            self.cue = self.X[:, _FI["cue"]].copy()
            self.X = None
            self.alone = None

    def cue_only_lines(self) -> list[bool] | None:
        """:func:`cue_only` of each non-blank line, as a list; None for a page read in
        windows (its feature rows are not kept). Computed for a whole batch at once by
        :func:`decide_many` (a few numpy calls a page cost more than its lines: ~30 µs a
        corpus document), else here."""
        if self.X is None:
            return None
        if self.alone is None:
            self.alone = cue_only(self.X).tolist()
        return self.alone

    def cues(self) -> np.ndarray:
        """Each non-blank line's ``cue`` feature (the lexicon's cue words and phrases of the
        line itself), from the feature rows or, when they were dropped, their column."""
        return self.X[:, _FI["cue"]] if self.X is not None else self.cue

    def kept_text(self) -> str:
        """The kept lines, joined by newlines (as they were, not stripped)."""
        return "\n".join(compress((self.lines[i] for i in self.idx), self.keep.tolist()))

    def columns(self) -> tuple[list[bool], list[float], list[str]]:
        """Keep, score (rounded to 4 decimals) and reason of every non-blank line, as lists."""
        if self.cols is None:
            return self.keep.tolist(), np.round(self.score, 4).tolist(), self.reasons()
        keep, score, reasons = self.cols
        if self.why:
            reasons = list(reasons)
            for j, r in self.why.items():
                reasons[j] = r
        return keep, score, reasons

    def reasons(self, rows=None) -> list[str]:
        """One short reason per non-blank line (or per position in ``rows`` only)."""
        if not len(self.idx):
            return []
        return _reasons(self.X, self.keep, self.why, rows, self.codes)


def decide(text: str, threshold: float = 0.5, sequence: bool = True) -> Decisions:
    """Score every non-blank line of a plain-text page and decide which to keep
    (``sequence``: see :func:`decide_many`)."""
    return decide_many([text], threshold, sequence)[0]


def clean(text: str, threshold: float = 0.5) -> tuple[str, list[dict]]:
    """Keep the article lines of a plain-text page.

    Returns (kept lines joined by "\\n", decisions) where decisions has one dict per
    non-blank input line: {"line": index in text.split("\\n"), "score": p, "keep": bool,
    "reason": str}.  Blank lines are dropped and get no decision.
    """
    d = decide(text, threshold)
    return d.kept_text(), [
        {"line": i, "score": sc, "keep": k, "reason": r}
        for i, sc, k, r in zip(d.idx, np.round(d.score, 4).tolist(), d.keep.tolist(), d.reasons())
    ]


def _threshold():
    m = load_model()
    return m.get("threshold", 0.5)


def extract(page: str) -> str:
    """Scorer entry point: the article text of a plain-text page (model's tuned threshold)."""
    return decide(page, _threshold()).kept_text()


if __name__ == "__main__":
    write_cache()
    print(f"wrote {CACHE_PATH} ({os.path.getsize(CACHE_PATH) / 1024:.0f} KB)")
