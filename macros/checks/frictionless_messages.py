"""Frictionless errors in Dutch: what is wrong with a cell, row or table, and what to write instead.

Frictionless reports in English (`Type Error: type is "string/email"`); every error type a
validation of our package can produce gets a Dutch sentence here. An unknown type still
gets a Dutch sentence, with the type's name for whoever maintains the package.
"""

from __future__ import annotations

import re

TYPE_NOTE = re.compile(r'type is "(\w+)/(\w+)"')
CONSTRAINT_NOTE = re.compile(r'constraint "(\w+)" is "(.*)"', re.S)

_TYPES = {
    ("string", "email"): "is geen geldig e-mailadres. Schrijf het als naam@organisatie.nl, zonder spaties",
    ("string", "uri"): "is geen geldig webadres. Schrijf het volledig, zoals https://www.voorbeeld.nl/pagina, zonder spaties",
    "date": "is geen geldige datum. Schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2024-08-01",
    "datetime": "is geen geldig tijdstip. Schrijf het als JJJJ-MM-DDTuu:mm:ssZ, bijvoorbeeld 2024-08-01T09:00:00Z",
    "integer": "is geen geheel getal. Schrijf alleen cijfers, zoals 12",
    "number": "is geen getal. Schrijf cijfers met een punt als decimaalteken, zoals 12.5",
    "boolean": "is geen ja/nee-waarde. Schrijf true of false",
    "year": "is geen jaartal. Schrijf vier cijfers, zoals 2024",
}

_TABLE = {
    "missing-cell": "op deze regel ontbreekt de waarde voor '{field}': er staan te weinig komma's. Vul de kolom in of "
                    "zet een lege waarde tussen twee komma's",
    "extra-cell": "deze regel heeft meer waarden dan er kolommen zijn. Zet tekst met een komma tussen dubbele "
                  "aanhalingstekens",
    "blank-row": "deze regel is leeg. Haal de lege regel weg",
    "duplicate-row": "deze regel staat twee keer in de tabel. Haal een van beide weg",
    "blank-header": "de eerste regel, met de kolomnamen, is leeg. Zet de kolomnamen op de eerste regel",
    "blank-label": "een kolom in de eerste regel heeft geen naam. Geef elke kolom een naam",
    "duplicate-label": "de kolomnaam '{label}' staat twee keer in de eerste regel. Geef elke kolom een eigen naam",
    "extra-label": "de kolom '{label}' staat niet in het schema. Haal de kolom weg of voeg hem toe aan het schema",
    "missing-label": "de kolom '{field}' ontbreekt in de eerste regel. Voeg de kolom toe",
    "incorrect-label": "de kolom '{label}' heet volgens het schema '{field}'. Gebruik de namen en volgorde van het schema",
    "unmatched-header": "geen enkele kolomnaam komt overeen met het schema. Controleer de eerste regel",
    "primary-key": "'{first}' staat twee keer in de tabel; elke code moet uniek zijn. Haal de dubbele regel weg",
    "unique-error": "'{cell}' staat twee keer in de kolom '{field}'; elke waarde moet uniek zijn",
    "foreign-key": "'{cells}' verwijst naar iets dat niet bestaat. Gebruik een bestaande code",
    "encoding-error": "het bestand is geen geldige UTF-8-tekst. Sla het op als UTF-8",
    "format-error": "het bestand kan niet als CSV gelezen worden. Sla het op als CSV met komma's tussen de kolommen",
    "source-error": "het bestand kan niet als CSV gelezen worden. Sla het op als CSV met komma's tussen de kolommen",
    "scheme-error": "het bestand kan niet geopend worden. Controleer of het bestaat en binnen practices/ staat",
    "compression-error": "het bestand is gecomprimeerd en kan niet uitgepakt worden. Lever een gewone CSV aan",
    "schema-error": "het Table Schema van deze tabel klopt niet. Zet het schema terug uit git",
    "field-error": "een veld in het Table Schema van deze tabel klopt niet. Zet het schema terug uit git",
    "dialect-error": "de CSV-instellingen (dialect) van deze tabel kloppen niet. Haal ze weg uit datapackage.yaml",
    "resource-error": "de beschrijving van deze tabel in datapackage.yaml klopt niet. Vergelijk haar met de andere tabellen",
    "package-error": "datapackage.yaml klopt niet als datapakket. Zet het bestand terug uit git",
    "row-count": "het aantal regels klopt niet met wat datapackage.yaml opgeeft. Haal de telling weg of werk haar bij",
    "field-count": "het aantal kolommen klopt niet met wat datapackage.yaml opgeeft. Haal de telling weg of werk haar bij",
    "byte-count": "de grootte van het bestand klopt niet met datapackage.yaml. Haal de opgave weg of werk haar bij",
    "hash-count": "de controlesom van het bestand klopt niet met datapackage.yaml. Haal de opgave weg of werk haar bij",
    "row-constraint": "deze regel voldoet niet aan een regel van het schema. Controleer de waarden",
    "truncated-value": "'{cell}' lijkt afgekapt. Controleer of de hele waarde er staat",
    "forbidden-value": "'{cell}' is hier niet toegestaan",
    "sequential-value": "'{cell}' sluit niet aan op de regel ervoor",
    "ascii-value": "'{cell}' mag alleen gewone letters en cijfers (ASCII) bevatten",
}


def dutch(error, description: str = "") -> str:
    """The Dutch message for one Frictionless error."""
    kind = error.type
    cell = str(getattr(error, "cell", "") or "")
    if kind == "type-error":
        return _type_message(cell, error.note or "", description)
    if kind == "constraint-error":
        return _constraint_message(cell, error.note or "", description)
    template = _TABLE.get(kind)
    if template is None:
        return (f"Frictionless keurt deze tabel af (soort fout: {kind}). Vergelijk het bestand met de versie in git "
                "of vraag de beheerder van de kennisbank.")
    cells = getattr(error, "field_cells", None) or getattr(error, "cells", None) or []
    # In our tables the key is the first column; a primary-key error carries the whole row.
    return template.format(cell=cell, cells=", ".join(str(c) for c in cells if c not in (None, "")),
                           first=str(cells[0]) if cells else "",
                           field=getattr(error, "field_name", "") or "", label=getattr(error, "label", "") or "") + "."


def _type_message(cell: str, note: str, description: str) -> str:
    match = TYPE_NOTE.search(note)
    kind, fmt = match.groups() if match else ("", "")
    what = _TYPES.get((kind, fmt)) or _TYPES.get(kind) or f"heeft niet het juiste soort waarde ({kind or 'onbekend'})"
    return f"'{cell}' {what}.{(' ' + description) if description else ''}"


def _constraint_message(cell: str, note: str, description: str) -> str:
    match = CONSTRAINT_NOTE.search(note)
    name, limit = match.groups() if match else ("", "")
    about = f" {description}" if description else ""
    if name == "required":
        return f"dit veld is verplicht, maar het is leeg. Vul het in.{about}"
    if name == "maxLength":
        return f"'{cell}' is te lang ({len(cell)} tekens): hoogstens {limit}.{about}"
    if name == "minLength":
        return f"'{cell}' is te kort: minstens {limit} tekens.{about}"
    if name == "minimum":
        return f"'{cell}' is te klein: minstens {limit}.{about}"
    if name == "maximum":
        return f"'{cell}' is te groot: hoogstens {limit}.{about}"
    if name == "enum":
        return f"'{cell}' is geen toegestane waarde. Kies uit: {limit.strip('[]')}.{about}"
    if name == "unique":
        return f"'{cell}' staat twee keer in deze kolom; elke waarde moet uniek zijn.{about}"
    return f"'{cell}' heeft niet de juiste vorm.{about}"
