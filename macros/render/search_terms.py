"""Make the Dutch site search find compounds and plurals of the domain vocabulary.

Search engines split on spaces and stem each word, so `verzuim` never matches
`schoolverzuim` (Pagefind finds compound heads by prefix, `verzuim` -> `verzuimmelding`,
but no engine finds tails), and a stemmer does not join irregular plurals
(`afspraak`/`afspraken`, `school`/`scholen`). At index time we add, after each domain word,
the heads of its compounds and its other number (singular/plural). The page HTML is
untouched: `macros/publish/search_index.py` annotates only the copy Pagefind reads, and the
search UI (`docs/assets/zoeken.js`) takes the marked terms out of the snippets again.
"""

from __future__ import annotations

import re

# Words that end Dutch compounds in this domain: "schoolverzuim" -> "verzuim".
HEADS = ("verzuim", "zitter", "zitters", "plicht", "ambtenaar", "ambtenaren", "overleg", "plek", "plekken", "onderwijs",
         "hulp", "regie", "verband", "verbanden", "deling", "plan", "register", "loket", "fonds", "sleutel", "macht",
         "protocol", "convenant", "kwalificatie", "zorg", "team", "arts", "bestuur", "besturen", "afspraak",
         "afspraken", "melding", "meldingen", "school", "scholen", "gemeente", "gemeenten", "leerling", "leerlingen")

# Singular <-> plural forms a stemmer does not join.
NUMBER = {"ambtenaar": "ambtenaren", "leerplichtambtenaar": "leerplichtambtenaren", "thuiszitter": "thuiszitters",
          "gemeente": "gemeenten", "samenwerkingsverband": "samenwerkingsverbanden", "plek": "plekken",
          "school": "scholen", "afspraak": "afspraken", "bestuur": "besturen", "schoolbestuur": "schoolbesturen",
          "leerling": "leerlingen", "melding": "meldingen", "ziekmelding": "ziekmeldingen", "vrijstelling": "vrijstellingen",
          "casus": "casussen", "regio": "regio's", "jeugdarts": "jeugdartsen"}
_BOTH_WAYS = {**NUMBER, **{plural: singular for singular, plural in NUMBER.items()}}


_HEAD_SET = frozenset(HEADS)
_HEAD_LENGTHS = sorted({len(h) for h in HEADS})


def _terms_of(word: str) -> frozenset:
    """What one word adds: its compound head(s) and the other number, each both ways."""
    extra = set()
    for length in _HEAD_LENGTHS:
        head = word[-length:]
        if len(word) >= length + 3 and head in _HEAD_SET:
            extra.add(head)
            extra.add(_BOTH_WAYS.get(head, head))
    if word in _BOTH_WAYS:
        extra.add(_BOTH_WAYS[word])
    return frozenset(extra)


# Added terms are written between these marks, so the search UI can find and remove them.
MARK_OPEN, MARK_CLOSE = "\u27e6", "\u27e7"  # ⟦ ⟧
_LETTERS = "a-zà-ÿ'"
# A word and the punctuation glued to it.
_WORD_AND_REST = re.compile(rf"(?<![{_LETTERS}])([{_LETTERS}]+)[^\s{_LETTERS}]*", re.IGNORECASE)


def _marks(word: str, memo: dict) -> str:
    if word not in memo:
        memo[word] = "".join(f" {MARK_OPEN}{t}{MARK_CLOSE}" for t in sorted(_terms_of(word) - {word}))
    return memo[word]


def annotate(text: str, memo: dict | None = None) -> str:
    """`text` with the extra terms of each domain word written, marked, right after the word and its
    punctuation: 'het schoolverzuim, de' -> 'het schoolverzuim, ⟦verzuim⟧ de'. `memo` (word -> marks)
    saves the work for words that recur across the pages of one build."""
    memo = {} if memo is None else memo

    def add(m: re.Match) -> str:
        word = m[1].lower()
        marks = memo[word] if word in memo else _marks(word, memo)
        if not marks:
            return m[0]
        # A space after the marks unless one follows anyway: at the end of an element's text the
        # next word may be in the next element.
        return m[0] + marks + ("" if text[m.end():m.end() + 1].isspace() else " ")
    return _WORD_AND_REST.sub(add, text)
