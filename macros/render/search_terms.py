"""Make Material's Dutch search find compounds and plurals of the domain vocabulary.

Lunr splits on spaces and stems each word, so `verzuim` never matches
`schoolverzuim`, and irregular plurals (`leerplichtambtenaren`) miss their
singular. At index time we add, per page, the heads of compounds and the other
number (singular/plural) of the domain words found in its text. The page HTML
is untouched; only search/search_index.json grows a little.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

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
_WORD = re.compile(r"[a-zà-ÿ']+")
_TAG = re.compile(r"<[^>]+>")


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


def extra_terms(text: str, memo: dict | None = None) -> list[str]:
    """Heads of compounds and the other number of domain words in `text`, not already in it.
    `memo` (word -> terms) saves the work for words that recur across the pages of one build."""
    memo = {} if memo is None else memo
    words = set(_WORD.findall(_TAG.sub(" ", text.lower())))
    extra = set()
    for w in words:
        if w not in memo:
            memo[w] = _terms_of(w)
        extra |= memo[w]
    return sorted(extra - words)


def augment_index(index_path: Path) -> int:
    """Append the extra terms to each entry of the search index; returns how many entries grew."""
    if not index_path.is_file():
        return 0
    index = json.loads(index_path.read_text(encoding="utf-8"))
    grown, memo = 0, {}
    for doc in index.get("docs", []):
        # Tags would be shown as one <nav> per result, which repeats a landmark (axe: landmark-unique).
        doc.pop("tags", None)
        extra = extra_terms(doc.get("title", "") + " " + doc.get("text", ""), memo)
        if extra:
            doc["text"] = doc.get("text", "") + f'<span class="kb-zoekwoorden"> {" ".join(extra)}</span>'
            grown += 1
    index_path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return grown
