"""Credentials kept out of what a run records about itself and its documents.

A URL's user information (``https://user:secret@host/``, ``ray://token@head:10001``) and
the values of command-line options that look like secrets (``--password X``,
``--api-key=X``, ``--set stage.token=X``) were recorded as they were given: in every
manifest (``run.json`` ``command.argv``, ``config.sets``), and a document's URL in its
record, its reject entry and its WARC-Target-URI (s28 security L2, L3). They are replaced
by ``***``. (The raw input a document was read from is archived byte for byte, credentials
and all: it is the input.)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from corearchive import lazyre as re

#: What stands for a value taken out.
HIDDEN = "***"

#: The user information of a URL (``scheme://USERINFO@``): no ``/``, ``?``, ``#`` or space,
#: up to the authority's LAST ``@`` (as URL parsers read it: a password ``p@ss`` left ``ss``
#: in clear; s32 acc-read #1).
_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/?#\s]*@")

#: An option or setting name that looks like it holds a secret, told by its words (a name's
#: words: snake_case, kebab-case, dotted, spaced and camelCase names split, in any script),
#: each alone and joined with the next one or two ("mot de passe", "api_key", "clé d'accès"):
#: one that holds a password's, a secret's, a token's, a credential's, a cookie's or an
#: authentication's stem, in English or another language, anywhere ("secretkey",
#: "accesskeyid", "sessiontokens", "Passwort", "passcode"), "pass" at a word's end
#: ("userpass", "db_pass"), or an API's, access or private key. Hiding fails closed: a
#: word that merely starts like one is named here to be kept ("passages", "Passenger",
#: "Compass", "tokenizer", "author", "authority", "secretary"; s33 acc-read #8), any other
#: word holding a stem is hidden. (Whole words alone let "secretkey", "tokens", "Passwort"
#: and "mot_de_passe" into records and manifests in clear; s34 acc-read #3.)
_SECRET_STEM = re.compile(
    r"pass(?:w|phrase|code|key|ord$)|(?<!com)(?<!by)(?<!over)(?<!under)(?<!sur)(?<!tres)pass$"
    r"|pwd|^mdp$|motdepasse|kennwort|wachtwoord|l[öo]senord|adgangskode|salasana|contrase[ñn]a"
    r"|^senha|^has[łl]o$|^heslo$|jelsz[óo]|[şs]ifre|parolă|katasandi|katalaluan|m[ậa]tkh[ẩa]u"
    r"|пароль|密[码碼钥鑰]|秘[钥鑰]|口令|パスワード|暗証番号|비밀번호|סיסמ[הא]|รหัสผ่าน|كلمة(?:ال)?(?:مرور|سر)"
    r"|رمزعبور|secret(?!ar|ion)|segret[oi]|segredo|geheim|секрет(?!ар)|シークレット"
    r"|token(?!i[sz])|jeton|токен|令牌|トークン|토큰|creden[ctz]ial|zugangsdaten|anmeldedaten"
    r"|cookie|auth(?!or(?!i[sz]ation))|認証"
    r"|(?:api|access|private)keys?(?!board)|(?:api|zugangs?|zugriffs?)schl(?:ü|ue)ssel"
    r"|(?:cl[ée]|clave|chiave|chave)(?:d|de|di|da|do)?(?:api|acc[èe]s|acc?ess?o|priv)"
)
#: A name's words: runs of letters or of digits, a camelCase word's capital starting a word
_NAME_WORDS = re.compile(r"[^\W\d_]+|\d+")


def _name_words(name: str) -> list[str]:
    """A name's words, lowercased: ``"x-apiKeyID"`` -> ``["x", "api", "key", "id"]``."""
    words: list[str] = []
    for run in _NAME_WORDS.findall(name):
        start = 0
        for i in range(1, len(run)):
            # a capital after a small letter, or the last capital of a run before a small one
            if run[i].isupper() and (
                run[i - 1].islower() or (i + 1 < len(run) and run[i + 1].islower())
            ):
                words.append(run[start:i].lower())
                start = i
        words.append(run[start:].lower())
    return words


#: The words that, with "tokens" as a word of its own, name a text's tokens or their count
#: (an NLP dump's "tokens" list of words, a model's "max_new_tokens", "input_tokens"): the
#: tokens of a session, of an API, of access are credentials ("session_tokens",
#: "sessiontokens"), and a name with a word not named here hides its value
_TEXT_TOKEN_WORDS = frozenset(
    ["max", "min", "new", "num", "n", "nb", "total", "count", "input", "output", "prompt",
     "completion", "cached", "reasoning", "str", "text", "ids", "len", "length", "per"]
)  # fmt: skip


#: The words that, with "token" as a word of its own, name a count of a text's tokens
#: ("token_count", "tokenCount", "n_token"); a token's other words ("token_str", "token_id")
#: may name a credential's, and hide its value
_TOKEN_COUNT_WORDS = frozenset(["num", "n", "nb", "total", "count", "len", "length"])


def _text_tokens(words: list[str]) -> bool:
    """Whether a name's words name a text's tokens (:data:`_TEXT_TOKEN_WORDS`) or their
    count (:data:`_TOKEN_COUNT_WORDS`: "token_count" was hidden while "num_tokens" was
    shown; s36 acc-regress O12)."""
    if "tokens" in words:
        return all(w == "tokens" or w in _TEXT_TOKEN_WORDS for w in words)
    return (
        "token" in words
        and any(w in _TOKEN_COUNT_WORDS for w in words)
        and all(w == "token" or w in _TOKEN_COUNT_WORDS for w in words)
    )


def _secret_name(name: str) -> bool:
    """Whether an option's, a setting's or a field's name looks like a secret's. A text's
    tokens are none: a dump's "tokens" list of words and its "max_tokens" were hidden word
    by word (s35 acc-regress R6)."""
    words = _name_words(name)
    if _text_tokens(words):
        return False
    return any(
        _SECRET_STEM.search("".join(words[i : i + n]))
        for i in range(len(words))
        for n in (1, 2, 3)
        if i + n <= len(words)
    )


def redact_url(text: str) -> str:
    """``text`` with the user information of each URL in it replaced by ``***``."""
    if "@" not in text:
        return text
    return _USERINFO.sub(lambda m: f"{m.group(1)}{HIDDEN}@", text)


def redact_setting(text: str) -> str:
    """A ``NAME=VALUE`` (a ``--set``) with its value hidden when NAME looks like a
    secret's; URLs' user information hidden in any case."""
    name, eq, _ = text.partition("=")
    if eq and "/" not in name and _secret_name(name):
        return f"{name}={HIDDEN}"
    return redact_url(text)


def redact_argv(argv: Iterable[str]) -> list[str]:
    """A command line as it may be recorded: the values of options whose name looks like a
    secret's (``--token X``, ``--token=X``), of ``NAME=VALUE`` arguments likewise, and the
    user information of URLs, hidden."""
    out: list[str] = []
    hide_next = False
    for arg in argv:
        if hide_next:
            out.append(HIDDEN)
            hide_next = False
            continue
        if arg.startswith("-") and len(arg) > 1:
            name, eq, value = arg.partition("=")
            if _secret_name(name):
                if eq:
                    out.append(f"{name}={HIDDEN}")
                else:
                    out.append(arg)
                    hide_next = True
                continue
            out.append(f"{name}={redact_setting(value)}" if eq else arg)
            continue
        out.append(redact_setting(arg))
    return out


#: An HTTP bearer credential written as a value ("Bearer eyJ...", "Bearer sk-1..."),
#: whatever its name: a token of 8 characters or more, one a digit or a sign
_BEARER = re.compile(r"(?i)bearer\s+(?=[a-z]*[\d.~+/=_-])[\w.~+/=-]{8,}\s*")

#: The keys of a name/value pair's object (HAR's ``{"name": "Cookie", "value": ...}``,
#: Postman's ``{"key": ..., "value": ...}``): the name says what the value is
_PAIR_NAMES = ("name", "key")
_PAIR_VALUES = ("value", "values", "content")

#: A field name as headers and forms write them (a pair list's first items)
_FIELD_NAME = re.compile(r"[\w.-]{1,64}")


def redact_value(value: Any, name: str = "", *, secret: bool = False) -> Any:
    """A dump's field as it may be recorded (``annotations.source.input_metadata``):
    credentials hidden, in objects and lists at any depth. A string is hidden when a name
    over it, at any level, looks like a secret's (``api_key``, ``password``; an object
    ``auth`` or ``credentials`` hidden whole, its strings; a number such as
    ``token_count`` is kept), when the name of its pair does (a list of header pairs
    ``[["Authorization", "Bearer ..."], ...]``, HAR's ``{"name": "Cookie", "value": ...}``;
    the name's own element kept), or when it is a bearer credential; URLs' user information
    is hidden in every string. (A secret's name one level up, a header list's or HAR's, went
    into records in clear; s32 acc-read #1.)"""
    secret = secret or bool(name and _secret_name(name))
    if isinstance(value, dict) and name and _text_tokens(_name_words(name)):
        # (tokens by name, and a store of them, not a text's: {"tokens": {"github": ...}})
        secret = True
    if isinstance(value, str):
        return HIDDEN if secret or _BEARER.fullmatch(value) else redact_url(value)
    if isinstance(value, dict):
        if not secret and _is_secret_pair(value):
            return {
                k: v if k in _PAIR_NAMES else redact_value(v, secret=True) for k, v in value.items()
            }
        return {k: redact_value(v, str(k), secret=secret) for k, v in value.items()}
    if isinstance(value, list | tuple):
        if not secret and value and all(_is_pair(v) for v in value):
            return [[v[0], *(redact_value(x, v[0]) for x in v[1:])] for v in value]
        return [redact_value(v, name, secret=secret) for v in value]
    return value


def _is_pair(value: Any) -> bool:
    """Whether ``value`` is a ``[name, value]`` pair of a header or form list."""
    return (
        isinstance(value, list | tuple)
        and len(value) == 2
        and isinstance(value[0], str)
        and _FIELD_NAME.fullmatch(value[0]) is not None
    )


def _is_secret_pair(value: dict[Any, Any]) -> bool:
    """Whether an object is a name/value pair whose name looks like a secret's."""
    return any(k in value for k in _PAIR_VALUES) and any(
        isinstance(n := value.get(k), str) and _secret_name(n) for k in _PAIR_NAMES
    )
