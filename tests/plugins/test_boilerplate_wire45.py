"""Boilerplate: the s45 multilingual wire-news acceptance findings left open (acc-wire W11):
text-browser dumps of news pages in several scripts. Small excerpts of the tester's pages."""

from __future__ import annotations

from typing import Any

import pytest
from test_boilerplate_structures import _clean

from corearchive_plugins.boilerplate import LEAD_TRAIL_REASON

_AR_COOKIES = (
    "نستخدم ملفات تعريف الارتباط لتحسين تجربتك على موقعنا. بمتابعة التصفح فإنك توافق على سياسة"
    " الخصوصية."
)
_AR_HEAD = (
    _AR_COOKIES
    + """

موافقإعدادات
الجزيرة نت

  • الرئيسية
  • أخبار
  • سياسة
  • اقتصاد
  • رياضة

{trail}

أسعار النفط ترتفع بعد تراجع المخزونات الأميركية

الجزيرة نت + وكالات
١٢ مارس ٢٠٢٥

ارتفعت أسعار النفط اليوم الأربعاء بعد أن أظهرت بيانات رسمية تراجع مخزونات الخام في الولايات المتحدة
على غير المتوقع، مما خفف المخاوف بشأن ضعف الطلب.

وصعدت العقود الآجلة لخام برنت 1.2% إلى 70.8 دولارا للبرميل، كما زادت العقود الآجلة للخام الأميركي
1.3% إلى 67.6 دولارا للبرميل.

وقالت إدارة معلومات الطاقة الأميركية إن مخزونات الخام انخفضت 1.4 مليون برميل الأسبوع الماضي، في حين
توقع المحللون زيادة قدرها مليوني برميل.
"""
)


@pytest.mark.parametrize(
    "trail", [" 1. اقتصاد", " 1. العرب والعالم\n 2. مصر"], ids=["one-item", "two-items"]
)
def test_a_numbered_trail_of_sections_over_the_headline_goes(run_stage: Any, trail: str) -> None:
    """W11: w3m numbers a breadcrumb <ol> ("1. اقتصاد"); a trail of sections alone (its last
    item not the headline) stayed over the headline."""
    kept, gone = _clean(run_stage, _AR_HEAD.format(trail=trail))
    items = [t.strip() for t in trail.split("\n")]
    assert not set(items) & set(kept)
    assert all(gone[t] == LEAD_TRAIL_REASON for t in items)
    assert "أسعار النفط ترتفع بعد تراجع المخزونات الأميركية" in kept


def test_an_articles_numbered_list_under_its_prose_stays(run_stage: Any) -> None:
    """The same list under the article's first paragraph is the article's own."""
    text = _AR_HEAD.format(trail="").replace("\nوصعدت", "\n 1. اقتصاد\n 2. مصر\n\nوصعدت")
    kept, _ = _clean(run_stage, text)
    assert {"1. اقتصاد", "2. مصر"} <= set(kept)


#: a lynx dump's article whose share bar, its links without spaces between them, comes right
#: under the last paragraph (s45 acc-wire fr_ouest)
_FR_LYNX = """\

   Ouest-France Thomas Le Gall.
   Publié le 03/03/2025 à 00h12

   Le Stade Rennais a concédé dimanche soir une défaite (1-2) face à l'Olympique lyonnais,
   lors de la 24e journée de Ligue 1, et reste englué dans la seconde partie du classement.

   Les Rennais avaient pourtant ouvert le score peu avant la pause grâce à une tête d'Arnaud
   Kalimuendo. Mais Lyon a renversé la situation en deuxième période par Georges Mikautadze et
   Rayan Cherki.

   « On a manqué de maîtrise après l'égalisation, c'est frustrant », a regretté l'entraîneur
   rennais en conférence de presse.

   Rennes se déplacera à Strasbourg le week-end prochain avant la trêve internationale.
   PartagerFacebookTwitterE-mailCopier le lien
   Sujets associés
     * Stade Rennais
     * Ligue 1
     * Olympique Lyonnais

À lire aussi
"""


def test_a_glued_share_bar_under_the_last_paragraph_is_not_its_tail(run_stage: Any) -> None:
    """W1/W11: lynx writes "PartagerFacebookTwitterE-mailCopier le lien" right under the
    last paragraph; reflow joined it to the paragraph, which kept the bar as its tail."""
    kept, _ = _clean(run_stage, _FR_LYNX)
    last = "Rennes se déplacera à Strasbourg le week-end prochain avant la trêve internationale."
    assert last in kept
    assert not any("PartagerFacebook" in s for s in kept)
