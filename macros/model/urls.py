"""The URL rules: which links the site, the records and the templates accept.

A URL is judged as a browser reads its scheme (`normal_url`): http(s) with a host, a plain
mailto link, an anchor or a link inside the site; anything else is refused (`url_kind`).
A record's web address starts with one of `URL_SCHEMES`.

What a mailto link may hold: one plain e-mail address, nothing else.

A mailto link can carry headers (`?bcc=...&subject=...&body=...`) and, written with %-escapes,
line breaks that start new ones (`%0D%0ABcc:`): a link on the site would then send a copy to
someone else or put words in the reader's mail. So wherever the site accepts a URL (a record's
`documenten.url`, a link in a template body, the `href` filter of the pages), a mailto link is
`mailto:` followed by one address of letters, digits and . _ + - only: no ?, %, &, comma or space.
"""

from __future__ import annotations

import html
import re
import unicodedata
from urllib.parse import unquote

SCHEME = "mailto:"
URL_SCHEMES = ("https://", "http://", SCHEME)
_SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):")
_WEB = re.compile(r"https?://[^/?#]")
# Linear: the parts of the domain are separated by dots the parts cannot hold.
_ADDRESS = re.compile(r"[A-Za-z0-9._+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")
MESSAGE = ("na mailto: mag alleen één e-mailadres staan, zonder ? (onderwerp, cc, bcc, tekst), zonder %-codes en "
           "zonder spaties: zo kan de link geen kopie naar een ander sturen en geen tekst in de e-mail zetten. "
           "Schrijf het als mailto:naam@organisatie.nl.")


def is_mailto(url: str) -> bool:
    """Whether `url` starts with the mailto scheme (any case, after leading spaces)."""
    return url.lstrip()[:len(SCHEME)].lower() == SCHEME


def plain_mailto(url: str) -> bool:
    """`mailto:` and one plain address, nothing before or after it."""
    return is_mailto(url) and _ADDRESS.fullmatch(url.strip()[len(SCHEME):]) is not None


def normal_url(url: str) -> str:
    """A URL as a browser reads its scheme: entities and %-escapes decoded, no whitespace or
    control characters, lower case. Only for judging; never shown or published."""
    text = unquote(html.unescape(html.unescape(url)))
    return "".join(c for c in text if not (c.isspace() or unicodedata.category(c)[0] in "CZ")).lower()


def url_kind(url: str) -> str:
    """'web' (http/https with a host), 'mail' (mailto:), 'anchor' (#...), 'internal' (a
    relative link inside the site) or 'refused' (any other scheme, //host, backslashes)."""
    normal = normal_url(url)
    scheme = _SCHEME.match(normal)
    if scheme:
        if scheme.group(1) in ("http", "https"):
            return "web" if _WEB.match(normal) else "refused"
        return "mail" if scheme.group(1) == "mailto" and plain_mailto(url) else "refused"
    if normal.startswith(("//", "\\")) or "\\" in normal or ":" in normal.split("/", 1)[0]:
        return "refused"
    return "anchor" if normal.startswith("#") else "internal"
