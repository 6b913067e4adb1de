"""Personal data in any text: BSNs, private e-mail addresses, mobile numbers, IBANs, birth dates.

The knowledge base publishes agreements between organisations; nothing in it may point at a
pupil or a private person (DESIGN.md, Records). Each finder reads the text as written and
returns the matches as written, so that the message quotes what the editor typed.

Before matching, a text is folded character by character (`fold`, same length): every
Unicode decimal digit becomes 0-9 (full-width digits included), every Unicode space, line end
or invisible format character a space, every dash a '-', and other compatibility forms
(full-width '．', '／', '＋', '＠') their plain character.
"""

from __future__ import annotations

import re
import string
import unicodedata

from macros.model.problems import Problem

ROLE_WORDS = ("info", "secretariaat", "leerplicht", "rmc", "loket", "contact", "redactie", "bureau", "doorbraak",
              "servicedesk", "post", "kennisbank", "swv", "ondersteuning", "zorg", "jeugd", "privacy", "fg",
              "communicatie", "administratie", "aanmelding", "verzuim", "team", "algemeen", "office", "helpdesk")
FREE_MAIL = ("gmail.", "hotmail.", "outlook.", "live.", "yahoo.", "icloud.", "ziggo.", "kpnmail.", "kpnplanet.",
             "planet.", "home.nl", "xs4all.", "hetnet.", "casema.", "upcmail.", "quicknet.", "telfort.", "proton")
MAILBOX_RULE = ("Gebruik een functioneel adres van de organisatie, zoals leerplicht@gemeente.nl of info@swv.nl: "
                "adressen van personen veranderen als mensen van baan wisselen en zijn persoonsgegevens.")

_SEP = r"[ .\-/]"
DIGIT_RUN = re.compile(rf"[0-9]+(?:{_SEP}{{1,3}}[0-9]+)*")
MOBILE = re.compile(r"(?<![0-9+])(?:(?:\+|00)31[ .\-]*(?:\(0\)[ .\-]*)?6|\(06\)|06)[ .\-]*(?:[0-9][ .\-]?){7}[0-9](?![0-9])")
IBAN_COMPACT = re.compile(r"(?<![A-Z0-9])[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}(?![A-Z0-9])")
IBAN_SPACED = re.compile(r"(?<![A-Z0-9])[A-Z]{2}[0-9]{2}(?: [A-Z0-9]{4}){2,7}(?: [A-Z0-9]{1,4})?(?![A-Z0-9])")
# Starts only where a run of address characters starts: tried from every position of a long run
# without an @, the local part would read the rest of the run each time (quadratic).
EMAIL = re.compile(r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")
_MONTHS = ("januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
           "jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec")
_DATE = (rf"(?:[0-9]{{4}}-[0-9]{{1,2}}-[0-9]{{1,2}}|[0-9]{{1,2}}[-/. ][0-9]{{1,2}}[-/. ](?:[0-9]{{4}}|[0-9]{{2}})"
         rf"|[0-9]{{1,2}}(?:e|ste|de)? +(?:{_MONTHS})\.?(?: +[0-9]{{4}})?)(?![0-9])")
BIRTH = re.compile(rf"\b(?:geboren|geb\.|geboortedatum|geboortedag)[^0-9.;!?]{{0,30}}?{_DATE}", re.I)
_BIRTH_WORD = re.compile("geb", re.I)                     # how every word of BIRTH starts
_IBAN_START = re.compile("[A-Za-z]{2}[0-9]{2}")           # how both IBAN forms start (before upper-casing)
_UPPER = str.maketrans(string.ascii_lowercase, string.ascii_uppercase)


_ASCII_SPACES = str.maketrans("\t\n\r\x0b\x0c", "     ")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_DIGIT = re.compile(r"[0-9]")
_DIGITS = re.compile(r"[0-9]+")


def fold(text: str) -> str:
    """The text with one form of each digit, space and dash; same length, so offsets still fit."""
    text = text.translate(_ASCII_SPACES)
    return text if text.isascii() else _NON_ASCII.sub(lambda m: _fold_char(m[0]), text)


def _fold_char(c: str) -> str:
    if c.isdecimal():
        return str(unicodedata.decimal(c))
    category = unicodedata.category(c)
    if c.isspace() or category in ("Zs", "Zl", "Zp", "Cf"):
        return " "
    if category == "Pd" or c == "\u2212":
        return "-"
    plain = unicodedata.normalize("NFKC", c)
    return plain if len(plain) == 1 else c


def personal_data_problems(text: str, addresses: bool = True) -> list[str]:
    """A Dutch message for each piece of personal data in a text (`addresses`: check e-mail addresses in it too)."""
    if text.isascii() and "@" not in text and not _DIGIT.search(text):
        return []  # every finder needs a digit, or an @ for an address (folding keeps ASCII ones as they are)
    folded = fold(text)
    if "@" not in folded and not _DIGIT.search(folded):
        return []
    # Cheap tests for what each finder needs, so most texts skip the full scans: a mobile number
    # or a BSN has at least nine digits, an IBAN starts with two letters and two digits, a birth
    # date follows a word that starts with "geb".
    many_digits = sum(map(folded.count, "0123456789")) >= 9
    mobiles = [m.span() for m in MOBILE.finditer(folded)] if many_digits else []
    ibans = _iban_spans(folded) if _IBAN_START.search(folded) else []
    out = [f"'{text[a:b]}' lijkt op een mobiel telefoonnummer. Persoonlijke nummers horen niet in de kennisbank; "
           "noem het algemene nummer of de rolmailbox van de organisatie (zoals info@swv.nl)." for a, b in mobiles]
    out += [f"'{text[a:b]}' lijkt op een IBAN (bankrekeningnummer). Rekeningnummers horen niet in de kennisbank; "
            "laat het nummer weg en noem zo nodig alleen de organisatie die betaalt." for a, b in ibans]
    masked = _mask(folded, mobiles + ibans)
    out += [bsn_message(m) for m in _bsn_spans_as_text(text, masked)] if many_digits else []
    out += [f"'{text[m.start():m.end()]}' is een geboortedatum. Met een naam of klas erbij maakt die een leerling "
            "herkenbaar; persoonsgegevens van leerlingen horen niet in de kennisbank. Laat de datum weg; schrijf zo "
            "nodig alleen een leeftijd of groep, zoals 'een leerling van 12 jaar' of 'groep 8'."
            for m in (BIRTH.finditer(folded) if _BIRTH_WORD.search(folded) else ())]
    if addresses:
        out += [msg for m in EMAIL.finditer(folded) for msg in text_mailbox_problems(m[0])]
    return out


def bsn_message(found: str) -> str:
    return (f"'{found}' lijkt op een burgerservicenummer (BSN): het voldoet aan de elfproef. Persoonsgegevens van "
            "leerlingen horen niet in de kennisbank; haal het nummer weg. Is het iets anders (een bedrag of kenmerk), "
            "schrijf het dan anders, zoals '125 miljoen' of met letters erbij.")


def bsn_like(text: str) -> list[str]:
    """Nine digits in any grouping and with any separators that pass the eleven-test, as written."""
    return _bsn_spans_as_text(text, fold(text))


def _bsn_spans_as_text(text: str, folded: str) -> list[str]:
    """Each stretch of whole digit groups in a run that holds exactly nine digits and passes the eleven-test."""
    found = []
    for run in DIGIT_RUN.finditer(folded):
        groups = [m.span() for m in _DIGITS.finditer(folded, run.start(), run.end())]
        digits = "".join(folded[a:b] for a, b in groups)
        starts, ends, at = [], {}, 0   # the digit offset where each group starts; group by the offset it ends at
        for j, (a, b) in enumerate(groups):
            starts.append(at)
            at += b - a
            ends[at] = j
        for i, offset in enumerate(starts):
            j = ends.get(offset + 9)
            if j is not None and _eleven_test(digits[offset:offset + 9]):
                found.append(text[groups[i][0]:groups[j][1]])
    return found


def _eleven_test(digits: str) -> bool:
    """9*d1 + 8*d2 + ... + 2*d8 - d9 is a multiple of 11 (written out: this runs for every nine digits)."""
    d = digits.encode("ascii")
    total = 9 * d[0] + 8 * d[1] + 7 * d[2] + 6 * d[3] + 5 * d[4] + 4 * d[5] + 3 * d[6] + 2 * d[7] - d[8] - 48 * 43
    return total % 11 == 0 and digits != "000000000"


def _iban_spans(folded: str) -> list[tuple[int, int]]:
    upper = folded.translate(_UPPER)
    spans = [m.span() for m in IBAN_COMPACT.finditer(upper) if _iban_ok(m[0])]
    for m in IBAN_SPACED.finditer(upper):
        groups = m[0].split(" ")
        for k in range(len(groups), 2, -1):  # the last groups may be a word after the number
            if _iban_ok("".join(groups[:k])):
                spans.append((m.start(), m.start() + len(" ".join(groups[:k]))))
                break
    return sorted(spans)


def _iban_ok(compact: str) -> bool:
    if not 15 <= len(compact) <= 34:
        return False
    moved = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


def _mask(folded: str, spans: list) -> str:
    """The text with each span (sorted, apart) replaced by as many x's, in one pass."""
    parts, at = [], 0
    for a, b in sorted(spans):
        a = max(a, at)
        parts += [folded[at:a], "x" * max(b - a, 0)]
        at = max(at, b)
    return "".join(parts) + folded[at:]


def mailbox_problems(address: str) -> list[str]:
    """The rule for a contact address: a role mailbox of an organisation."""
    local, _, domain = address.lower().partition("@")
    if _free_mail(domain):
        return [f"'{address}' is een adres bij een gratis maildienst, niet van een organisatie. {MAILBOX_RULE}"]
    if not any(word in local for word in ROLE_WORDS):
        return [f"'{address}' lijkt geen rolmailbox (het deel vóór @ noemt geen functie zoals info, "
                f"leerplicht, secretariaat of loket). {MAILBOX_RULE}"]
    return []


def text_mailbox_problems(address: str) -> list[str]:
    """The rule for an address inside a text: no free mail service, no firstname.lastname."""
    local, _, domain = address.lower().partition("@")
    if _free_mail(domain):
        return [f"'{address}' is een adres bij een gratis maildienst, niet van een organisatie. {MAILBOX_RULE}"]
    if re.fullmatch(r"[a-z]+(?:[._-][a-z]+)+", local) and not any(word in local for word in ROLE_WORDS):
        return [f"'{address}' lijkt het adres van een persoon (voornaam.achternaam). {MAILBOX_RULE}"]
    return []


def _free_mail(domain: str) -> bool:
    return domain.startswith(FREE_MAIL) or any(f".{p}" in f".{domain}" for p in FREE_MAIL if p.endswith("."))


def body_personal_data(body: str, where: str) -> list[Problem]:
    """A template body is text too: no BSN, private address, mobile number, IBAN or birth date."""
    return [Problem(where, n, "", message) for n, line in enumerate(body.split("\n"), 1)
            for message in personal_data_problems(line)]
