"""The canonical key of an address: what two spellings of one web page's URL share.

A re-crawl gives the same article under trivially different URLs from day to day (s31
acc-recrawl #2): a trailing slash, ``?utm_source=rss``, ``http`` for ``https``, a
``#fragment``, ``www.``, the host in capitals. The dedup stage matches versions of a page
(revisions) by this key; records keep the address as given.

For ``http`` and ``https`` URLs the key is the URL without its scheme (``http`` and
``https`` are one page), with the host in lower case, without ``www.``, a trailing dot, user
information or a default port (80, 443); without the fragment, unless it is a route of a
single-page site (``#!/story/1``, ``#/story/1``: another page; s32 regression tester #2;
normalised as the path and query are, ``#!/story/1`` and ``#/story/1/`` one route);
without a trailing slash
(``/`` for an empty path); and with the query's tracking parameters (``utm_*``, ``fbclid``,
``gclid`` ... :data:`TRACKING`) removed and the others sorted. Any other address (``file:``,
no scheme) is its own key. Bump :data:`VERSION` whenever the key changes: an index stores the
keys and computes them again when its recorded version is another.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, unquote_plus, urlencode, urlsplit

#: The version of the key (recorded in the dedup index's ``dedup_meta`` as ``url_key``).
#: 2: a single-page site's route (``#!/…``, ``#/…``) is kept. 3: the route normalised as a
#: path and query are (an empty route, ``#/`` or ``#!``, is none).
VERSION = 3

#: Query parameters that only say where a visitor came from (their prefix ``utm_`` too).
TRACKING = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "gclsrc",
        "msclkid",
        "yclid",
        "igshid",
        "mc_cid",
        "mc_eid",
        "_ga",
        "_gl",
        "mkt_tok",
        "cmpid",
        "ncid",
        "ocid",
        "sr_share",
    }
)


def url_key(uri: str | None) -> str | None:
    """The canonical key of ``uri`` (None for None)."""
    if uri is None:
        return None
    try:
        parts = urlsplit(uri.strip())
        port = parts.port
    except ValueError:  # (a port that is no number, an unbalanced bracket)
        return uri
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        return uri
    host = parts.hostname.rstrip(".")
    if host.startswith("www."):
        host = host[4:]
    if port is not None and port not in (80, 443):
        host = f"{host}:{port}"
    key = host + _path_and_query(parts.path, parts.query)
    route = parts.fragment
    if route.startswith("%21"):  # (a hash-bang with its "!" escaped)
        route = "!" + route[3:]
    if route.startswith(("!", "/")):
        # a single-page site's route, normalised as the URL's own path and query are: an
        # empty one ("#/", "#!", what share links add to an address) is the page itself
        # (s33 acc-regress #3: a revision fetched at "URL#/" was another page's near copy)
        path, _, query = route.lstrip("!").partition("?")
        if route := _path_and_query(path, query).rstrip("/"):
            key += "#" + route
    return key


def _path_and_query(path: str, query: str) -> str:
    """A path without its trailing slash (``/`` for none) and its query's parameters
    without the tracking ones, sorted."""
    path = path or "/"
    if len(path) > 1:
        path = path.rstrip("/") or "/"
    params = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if not _tracking(k)]
    return path + "?" + urlencode(sorted(params)) if params else path


def _tracking(name: str) -> bool:
    """Whether query parameter ``name`` only says where a visitor came from (``utm_*``,
    :data:`TRACKING`)."""
    name = name.lower()
    return name.startswith("utm_") or name in TRACKING


def untracked(uri: str) -> str:
    """``uri`` (an ``http`` or ``https`` address) without its query's tracking parameters
    (``utm_*``, ``fbclid``, ``gclid`` ... :data:`TRACKING`), as written otherwise (the other
    parameters in their order, the fragment); any other address, or one with none, as
    given."""
    if "?" not in uri:
        return uri
    try:
        parts = urlsplit(uri)
    except ValueError:
        return uri
    if parts.scheme.lower() not in ("http", "https") or not parts.query:
        return uri
    # (each name decoded as :func:`url_key`'s ``parse_qsl`` decodes it, "utm%5Fsource" a
    # tracking one; the empty parts between two "&" dropped with them, no "?a=1&" left;
    # s49 acc-read F17)
    params = parts.query.split("&")
    tracking = [_tracking(unquote_plus(p.partition("=")[0])) for p in params]
    if not any(tracking):
        return uri
    kept = [p for p, t in zip(params, tracking, strict=True) if p and not t]
    return parts._replace(query="&".join(kept)).geturl()


def is_page_address(uri: str | None) -> bool:
    """Whether ``uri`` is a page's own address, by which versions of a page are matched
    and a taken-down page is recognised: not ``stdin:`` (every text piped in has it), nor a
    document's place inside an input (``file:///dump.jsonl#L3``, ``stdin:#L1``: line 3 of
    the next day's dump is another document). Unrelated texts at such addresses were
    revisions of each other (s32 acc-read #11)."""
    if uri is None:
        return False
    scheme = _scheme(uri)
    return scheme in _WEB or (scheme != "stdin" and "#" not in uri)


#: The schemes of a web page's address
_WEB = ("http", "https")


def _scheme(uri: str) -> str:
    """The scheme of ``uri``, lower case (what comes before its first colon)."""
    return uri.strip().partition(":")[0].lower()


def is_web_address(uri: str | None) -> bool:
    """Whether ``uri`` is an ``http`` or ``https`` address (a web page's, not a file's)."""
    return uri is not None and _scheme(uri) in _WEB


def page_key(uri: str | None) -> str | None:
    """The canonical key of a page's own address (:func:`url_key`), else None."""
    return url_key(uri) if is_page_address(uri) else None


def own_address(uri: str | None, own: object) -> str | None:
    """The address a document's versions are matched and its captures listed by: the
    page's own, as its markup gives it (``own``: ``annotations.metadata.url``, its
    ``rel=canonical`` / ``og:url``), when that is a page of the same site as ``uri``, the
    address it was fetched from (or it was read from a file: any page); else ``uri``. A
    print or AMP version names the article it prints: it is compared with the article's
    versions, as a re-fetch of the article is (s32 news types #7). A site's home page
    ("/") as every page's canonical link (a CMS's mistake) is no page's address. The dedup
    stage and ``corearchive history`` share this rule (s33 acc-read #15: history counted
    every page with a site-root canonical as a capture of the home page)."""
    if not isinstance(own, str) or own == uri:
        return uri
    key = url_key(own)
    if key is None or key == own or "/" not in key or key.endswith("/"):
        return uri  # (no web address, or a site's root)
    fetched = url_key(uri) if uri else None
    if (
        fetched is not None
        and fetched != uri  # (a web address: of the same host only)
        and key.split("/", 1)[0] != fetched.split("/", 1)[0]
    ):
        return uri
    return own


def is_alternate(uri: str | None, address: str | None) -> bool:
    """Whether a document fetched from the web address ``uri`` is another rendering of the
    page at ``address`` (:func:`own_address`): a print or AMP version, at another address
    than the one its markup names. A page read from a file (``file:``, a dump's line, a
    text without an address) is no rendering of its own address but the page itself, saved:
    a later version of it was dropped as a near duplicate instead of kept as a revision
    (s33 acc-read #3)."""
    if address == uri or uri is None:
        return False
    fetched = url_key(uri)
    return fetched != uri and url_key(address) != fetched
