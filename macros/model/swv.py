"""The official regio-indeling of the samenwerkingsverbanden passend onderwijs, as a lookup.

Read from practices/referentie/swv.csv and swv-gemeenten.csv (made by
practices/referentie/maak_swv.py from the Regeling regio-indeling, BWBR0032324). Codes are in
their one normal form, 'PO 27-07'. Fictional records use the reserved province number 99
('PO 99-01'), which no official code has.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from types import MappingProxyType
from typing import Mapping

FICTION_PROVINCE = "99"   # 'PO 99-01': reserved for fictional records; the official codes run 20..31
FICTION_EXAMPLE = {"PO": "PO 99-01", "VO": "VO 99-01"}


def is_fiction_code(code: str) -> bool:
    """'PO 99-01' -> True (normal form expected)."""
    return code[3:5] == FICTION_PROVINCE


@dataclass(frozen=True)
class SwvMember:
    gemeente: str        # CBS code
    naam: str
    shared: bool         # the gemeente's postcode areas lie in more than one SWV of this kind
    uncertain: bool      # rests only on postcode areas of a gemeente split after 2015


@dataclass(frozen=True)
class SwvIndex:
    """Every official SWV code with its gemeenten; read-only."""

    members: Mapping      # code -> tuple[SwvMember]

    @classmethod
    def from_rows(cls, swv_rows, link_rows) -> "SwvIndex":
        members: dict[str, list] = {r["code"]: [] for r in swv_rows}
        for r in link_rows:
            members.setdefault(r["swv"], []).append(SwvMember(
                r["gemeente"], r["naam"], _true(r.get("gedeeld")), _true(r.get("onzeker"))))
        return cls(MappingProxyType({code: tuple(sorted(m, key=lambda x: x.naam)) for code, m in members.items()}))

    def __contains__(self, code) -> bool:
        return code in self.members

    def __len__(self) -> int:
        return len(self.members)

    def codes(self, kind: str | None = None) -> list[str]:
        """All codes, or those of 'po' / 'vo', sorted."""
        return sorted(c for c in self.members if kind is None or c[:2].lower() == kind)

    def gemeenten(self, code: str) -> tuple[str, ...]:
        return tuple(m.gemeente for m in self.members.get(code, ()))

    def for_gemeente(self, gemeente: str) -> list[str]:
        """The SWV codes a gemeente lies (partly) in, PO first."""
        return sorted(c for c, ms in self.members.items() if any(m.gemeente == gemeente for m in ms))

    def nearest(self, code: str, n: int = 3) -> list[str]:
        """The official codes nearest to a code that is not one: same kind and province first."""
        if len(code) != 8 or not (code[3:5] + code[6:]).isdigit():
            return difflib.get_close_matches(code, list(self.members), n=n, cutoff=0.0)
        same = [c for c in self.members if c[:5] == code[:5]] or [c for c in self.members if c[:2] == code[:2]]
        return sorted(same, key=lambda c: (abs(_number(c) - _number(code)), c))[:n]


def _number(code: str) -> int:
    """'PO 27-07' -> 2707."""
    return int(code[3:5] + code[6:])


def _true(value) -> bool:
    return str(value).strip().lower() in ("true", "1", "ja")


def empty_index() -> SwvIndex:
    return SwvIndex(MappingProxyType({}))
