"""What a mailto link may hold: one plain e-mail address, nothing else.

A mailto link can carry headers (`?bcc=...&subject=...&body=...`) and, written with %-escapes,
line breaks that start new ones (`%0D%0ABcc:`): a link on the site would then send a copy to
someone else or put words in the reader's mail. So wherever the site accepts a URL (a record's
`documenten.url`, a link in a template body, the `href` filter of the pages), a mailto link is
`mailto:` followed by one address of letters, digits and . _ + - only: no ?, %, &, comma or space.
"""

from __future__ import annotations

import re

SCHEME = "mailto:"
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
