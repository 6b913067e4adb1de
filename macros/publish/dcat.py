"""DCAT metadata of the open data at /data/, so data portals can harvest it.

DCAT-AP 2/3 (the European profile) with what the Dutch profile DCAT-AP-DONL asks
for beyond it: identifier, language, licence, creator, dataset status, a theme from
the government's taxonomy (beleidsagenda), spatial coverage from OWMS. Everything
is taken from `practices/datapackage.yaml` (catalog.descriptor), the compiled
tables and the JSON Schemas. `modified` is the newest date in the records, never
the build time, so two builds of the same data write the same file.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from macros.model.catalog import Catalog
from macros.publish.opendata import TABLE_TITLES

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "adms": "http://www.w3.org/ns/adms#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
EU = "http://publications.europa.eu/resource/authority/"
LANGUAGE = EU + "language/NLD"
PUBLIC = EU + "access-right/PUBLIC"
FREQUENCY = EU + "frequency/IRREG"
THEMES = ("http://standaarden.overheid.nl/owms/terms/Onderwijs_en_wetenschap",  # DONL: taxonomie beleidsagenda
          EU + "data-theme/EDUC")                                               # DCAT-AP: EU data themes
SPATIAL = ("http://standaarden.overheid.nl/owms/terms/Nederland", EU + "country/NLD")
AVAILABLE = "http://data.overheid.nl/status/beschikbaar"
PUBLISHER_TYPE = "http://purl.org/adms/publishertype/NonProfitOrganisation"
# The licence lists data.overheid.nl accepts (DONL licence list); other licences keep the descriptor's own URI.
DONL_LICENCES = {"CC-BY-4.0": "http://creativecommons.org/licenses/by/4.0/deed.nl",
                 "CC0-1.0": "http://creativecommons.org/publicdomain/zero/1.0/deed.nl"}
FORMATS = {"csv": (EU + "file-type/CSV", "http://www.iana.org/assignments/media-types/text/csv",
                   "https://specs.frictionlessdata.io/table-schema/"),
           "json": (EU + "file-type/JSON", "http://www.iana.org/assignments/media-types/application/json",
                    "http://json-schema.org/draft-07/schema#")}


def _nl(text: str) -> dict:
    return {"@value": " ".join(str(text).split()), "@language": "nl"}


def _ref(uri: str) -> dict:
    return {"@id": uri}


def _date(day: date) -> dict:
    return {"@value": day.isoformat(), "@type": "xsd:date"}


def newest_record_date(catalog: Catalog) -> date | None:
    """The newest review or change date of any practice or template."""
    found = [p.get("redactie", "beoordeeld_op") for p in catalog.practices]
    for template in catalog.templates:
        found.append(template.get("laatst_beoordeeld"))
        found += [change.get("datum") for change in template.get("wijzigingen", default=())]
    days = [d if isinstance(d, date) else date.fromisoformat(d) for d in found if d]
    return max(days, default=None)


def _home(catalog: Catalog) -> str:
    return str(catalog.descriptor["homepage"]).rstrip("/") + "/"


def _publisher(catalog: Catalog) -> dict:
    """The contributor with the role publisher in datapackage.yaml."""
    for person in catalog.descriptor.get("contributors", ()):
        if "publisher" in (person.get("roles") or [person.get("role")]):
            return person
    return {"title": catalog.descriptor["title"]}


def licence_uri(catalog: Catalog) -> str:
    licence = catalog.descriptor["licenses"][0]
    return DONL_LICENCES.get(licence.get("name"), licence.get("path"))


def table_title(name: str) -> str:
    """The same title the data package gives the table (macros.publish.opendata)."""
    return TABLE_TITLES.get(name, name.replace("-", " ").capitalize())


def _agents(catalog: Catalog, base: str) -> list[dict]:
    who = _publisher(catalog)
    agent = {"@id": base + "#uitgever", "@type": "foaf:Agent", "foaf:name": _nl(who["title"]),
             "dct:type": _ref(PUBLISHER_TYPE)}
    if who.get("path"):
        agent["foaf:homepage"] = _ref(who["path"])
    contact = {"@id": base + "#contact", "@type": ["vcard:Kind", "vcard:Organization"], "vcard:fn": _nl(who["title"])}
    if who.get("email"):
        contact["vcard:hasEmail"] = _ref("mailto:" + who["email"])
    contact["vcard:hasURL"] = _ref(_home(catalog))
    return [agent, contact]


def _distribution(catalog: Catalog, base: str, key: str, path: str, title: str, description: str, fmt: str) -> dict:
    file_type, media_type, standard = FORMATS[fmt]
    url = _home(catalog) + "data/" + path
    return {"@id": f"{base}#distributie-{key}", "@type": "dcat:Distribution",
            "dct:title": _nl(title), "dct:description": _nl(description),
            "dcat:accessURL": _ref(url), "dcat:downloadURL": _ref(url),
            "dct:format": _ref(file_type), "dcat:mediaType": _ref(media_type),
            "dct:conformsTo": _ref(standard), "dct:license": _ref(licence_uri(catalog)),
            "dct:language": _ref(LANGUAGE), "dct:accessRights": _ref(PUBLIC), "adms:status": _ref(AVAILABLE)}


def distributions(catalog: Catalog, base: str) -> list[dict]:
    """One per compiled CSV table and one per JSON Schema."""
    out = []
    for name, schema in catalog.table_schemas.items():
        columns = ", ".join(f["name"] for f in schema["fields"])
        out.append(_distribution(catalog, base, name, f"tabellen/{name}.csv", f"{table_title(name)} (CSV)",
                                 f"Tabel '{name}' van het open-datapakket als CSV in UTF-8, met de kolommen "
                                 f"{columns}. De velden en sleutels staan in datapackage.json.", "csv"))
    for kind, schema in catalog.schemas.items():
        out.append(_distribution(catalog, base, f"schema-{kind}", f"schema/{kind}.schema.json",
                                 f"{schema['title']} (JSON Schema)",
                                 f"JSON Schema van één record '{kind}': {schema['description']}", "json"))
    return out


def dcat_jsonld(catalog: Catalog) -> dict:
    """The catalogue, the dataset, its distributions, publisher and contact point as JSON-LD."""
    descriptor, home = catalog.descriptor, _home(catalog)
    base = home + "data/dcat.jsonld"
    dists = distributions(catalog, base)
    modified = newest_record_date(catalog)
    dataset = {"@id": base + "#dataset", "@type": "dcat:Dataset",
               "dct:identifier": home + "data/", "dct:title": _nl(descriptor["title"]),
               "dct:description": _nl(descriptor["description"]),
               "dct:publisher": _ref(base + "#uitgever"), "dct:creator": _ref(base + "#uitgever"),
               "dcat:contactPoint": _ref(base + "#contact"), "dct:license": _ref(licence_uri(catalog)),
               "dct:language": _ref(LANGUAGE), "dct:accessRights": _ref(PUBLIC), "adms:status": _ref(AVAILABLE),
               "dcat:theme": [_ref(t) for t in THEMES], "dct:spatial": [_ref(s) for s in SPATIAL],
               "dct:accrualPeriodicity": _ref(FREQUENCY),
               "dcat:keyword": [_nl(c.label) for c in catalog.codelists.get("themas", ())],
               "dcat:landingPage": _ref(home + "data/"),
               "dcat:distribution": [_ref(d["@id"]) for d in dists]}
    catalogue = {"@id": base + "#catalogus", "@type": "dcat:Catalog", "dct:title": _nl(descriptor["title"]),
                 "dct:description": _nl(descriptor["description"]), "dct:publisher": _ref(base + "#uitgever"),
                 "foaf:homepage": _ref(home), "dct:language": _ref(LANGUAGE),
                 "dct:license": _ref(licence_uri(catalog)), "dct:spatial": [_ref(s) for s in SPATIAL],
                 "dcat:dataset": _ref(dataset["@id"])}
    if modified:
        dataset["dct:modified"] = catalogue["dct:modified"] = _date(modified)
    return {"@context": CONTEXT, "@graph": [catalogue, dataset, *dists, *_agents(catalog, base)]}


def write_dcat(catalog: Catalog, data_dir: Path) -> Path:
    """Write data_dir/dcat.jsonld and return its path."""
    data_dir.mkdir(parents=True, exist_ok=True)
    target = data_dir / "dcat.jsonld"
    target.write_text(json.dumps(dcat_jsonld(catalog), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return target
