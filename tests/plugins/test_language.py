from __future__ import annotations

import pytest

from corearchive.testing import make_document
from corearchive_plugins.language import LanguageStage

SAMPLES = {
    "en": "The committee will publish its final report on the new railway line next spring.",
    "de": "Der Ausschuss wird seinen Abschlussbericht über die neue Bahnstrecke im Frühjahr "
    "veröffentlichen.",
    "fr": "Le comité publiera son rapport final sur la nouvelle ligne ferroviaire au printemps.",
    "ru": "Комитет опубликует окончательный доклад о новой железнодорожной линии весной.",
    "ar": "ستنشر اللجنة تقريرها النهائي عن خط السكك الحديدية الجديد في الربيع المقبل.",
    "zh": "委员会将于明年春天发布关于新铁路线的最终报告，并征求公众意见。",
    "hi": "समिति अगले वसंत में नई रेल लाइन पर अपनी अंतिम रिपोर्ट प्रकाशित करेगी।",
}


@pytest.mark.parametrize("code", sorted(SAMPLES))
def test_detects_language_in_several_scripts(run_stage, code):
    run = run_stage(LanguageStage, make_document(SAMPLES[code]))
    doc = run.kept[0]
    assert doc.language.code == code
    assert 0.5 < doc.language.confidence <= 1.0
    cands = doc.annotations["language"]["candidates"]
    assert cands[0]["code"] == code and len(cands) <= 3


@pytest.mark.parametrize("text", ["12345 678 90", "https://example.com/a/b?c=1", "Obama"])
def test_no_signal_is_undetermined(run_stage, text):
    doc = run_stage(LanguageStage, make_document(text)).kept[0]
    assert doc.language.code == "und" and doc.language.confidence == 0.0


def test_allow_list_drops_other_languages(run_stage):
    docs = [make_document(SAMPLES[c], path=f"{c}.txt") for c in ("en", "fr", "de")]
    run = run_stage(LanguageStage, docs, languages=["en", "fr"])
    assert [d.language.code for d in run.kept] == ["en", "fr"]
    [(_, drop)] = run.dropped
    assert drop.reason == "language" and drop.detail["code"] == "de"


def test_allow_list_with_minimum_confidence(run_stage):
    run = run_stage(LanguageStage, make_document("Obama"), languages=["en"])
    assert run.kept == [] and run.dropped[0][1].detail["code"] == "und"


GERMAN = (
    "Die Bundesregierung hat am Mittwoch neue Regeln für den Ausbau der Windenergie an Land "
    "beschlossen, die Genehmigungsverfahren deutlich beschleunigen sollen."
)
ENGLISH_NAV = (
    "Sign up for our newsletter to receive the latest stories from around the world every "
    "morning, delivered straight to your inbox."
)


def test_mixed_language_document_reports_paragraphs_and_shares(run_stage):
    text = "\n".join([GERMAN, GERMAN.replace("Mittwoch", "Donnerstag"), ENGLISH_NAV])
    doc = run_stage(LanguageStage, make_document(text)).kept[0]
    ann = doc.annotations["language"]
    assert doc.language.code == "de"
    assert [p["code"] for p in ann["paragraphs"]] == ["de", "de", "en"]
    assert set(ann["shares"]) == {"de", "en"} and ann["shares"]["de"] > ann["shares"]["en"]
    assert ann["mixed"] is True
    single = run_stage(LanguageStage, make_document(GERMAN + "\n" + GERMAN, path="b.txt"))
    assert single.kept[0].annotations["language"]["mixed"] is False
