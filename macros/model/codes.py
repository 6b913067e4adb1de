"""Codes editors write in many spellings: SWV codes and gemeenten."""

from __future__ import annotations

import difflib
import re
import unicodedata

_SWV = re.compile(r"^\s*(po|vo)\s*-?\s*(\d{2})\s*-?\s*(\d{2})\s*$", re.IGNORECASE)
# Common names for gemeenten whose official CBS name differs.
ALIASES = {"den haag": "'s-gravenhage", "s-gravenhage": "'s-gravenhage", "den bosch": "'s-hertogenbosch"}


def normal_swv(value: str) -> str | None:
    """'PO2707', 'po-27-07', 'po 27 07' -> 'PO 27-07'; None when it is no SWV code."""
    m = _SWV.match(value)
    return f"{m[1].upper()} {m[2]}-{m[3]}" if m else None


def fold(name: str) -> str:
    """Lowercase, accents and province suffixes off: 'Hengelo (O.)' -> 'hengelo'."""
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    name = re.sub(r"\s*\([^)]*\)\s*$", "", name.strip().lower())
    return re.sub(r"\s+", " ", name)


class GemeenteIndex:
    """Look up gemeenten by code, official name or common name."""

    def __init__(self, rows):
        self.names = {r["code"]: r["naam"] for r in rows}
        self._by_name: dict[str, list[str]] = {}
        for code, naam in self.names.items():
            self._by_name.setdefault(fold(naam), []).append(code)
            if naam.lower() in ALIASES.values():
                for alias, target in ALIASES.items():
                    if target == naam.lower():
                        self._by_name.setdefault(alias, []).append(code)

    def code_for(self, value: str) -> str | None:
        """The code for a code or an unambiguous name; None when unknown or ambiguous."""
        value = value.strip()
        if value.upper() in self.names:
            return value.upper()
        key = fold(value)
        codes = self._by_name.get(ALIASES.get(key, key), [])
        return codes[0] if len(codes) == 1 else None

    def ambiguous(self, value: str) -> list[str]:
        return self._by_name.get(fold(value), []) if len(self._by_name.get(fold(value), [])) > 1 else []

    def suggest(self, value: str, n: int = 3) -> list[str]:
        """Nearest official names, 'Breda (GM0758)'."""
        key = fold(value)
        if re.fullmatch(r"gm\d{4}", key):  # a mistyped code: the numerically nearest codes
            close = sorted(self.names, key=lambda c: abs(int(c[2:]) - int(key[2:])))[:n]
            return [f"{self.names[c]} ({c})" for c in close]
        close = difflib.get_close_matches(key, list(self._by_name), n=n, cutoff=0.6)
        return [f"{self.names[c]} ({c})" for k in close for c in self._by_name[k]][:n]


def suggest(value: str, options, n: int = 3) -> list[str]:
    return difflib.get_close_matches(str(value), [str(o) for o in options], n=n, cutoff=0.5)


def did_you_mean(value: str, options) -> str:
    close = suggest(value, options)
    return f" Bedoelde u {' of '.join(repr(c) for c in close)}?" if close else ""
