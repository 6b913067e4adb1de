"""The web editor at /redactie/beheer/: Decap CMS with a config generated from the JSON Schemas.

Every field of a practice and a template comes from `practices/schema/*.schema.json`:
title -> label, description -> hint, `x-codelijst` / `x-referentie` -> a select with
the codelist's labels, dates -> a date picker storing YYYY-MM-DD, objects -> object
widgets, arrays of objects -> lists with fields. Where the editor saves (GitLab with
PKCE by default, or GitHub) is set in one place: `extra.redactie` in mkdocs.yml.

Review stays with the editors: the form never fills in `redactie` (who reviewed and
when) by itself, and the block is required in the form as in the schema: nothing required
is labelled optional. The editor's own checks (`docs/assets/redactie-*.js`: the schema
compiled by ajv, the record rules with their data from `macros/checks`) run before a save;
`check_data` is what they read from the built site (`regels.json`).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import yaml

from macros.checks import formulas, personal_data
from macros.checks.attachments import ALLOWED, ALLOWED_TEXT
from macros.checks.records import BSN_CANDIDATE, DATE_ORDER
from macros.model.urls import URL_SCHEMES
from macros.model.catalog import Catalog, thaw
from macros.model.codes import fold
from macros.model.schema import ROOT_TABLES

EDITOR_DIR = Path("redactie") / "beheer"
BUNDLE_DIR = Path("node_modules") / "decap-cms" / "dist"
INSTALL_ROOT = Path(__file__).resolve().parents[2]   # where `npm ci` installed the bundle (beside macros/)
BUNDLE = "decap-cms.js"
MEDIA_FOLDER = "practices/bijlagen"
ATTACHMENT_FIELD = "bestand"   # a document's file in MEDIA_FOLDER: only the allowed attachment types
REVIEW_BLOCK = "redactie"
REVIEW_HINT = ("Verplicht. Vul dit in nadat u de praktijk zelf hebt nagekeken: wie beoordeelde, wanneer, en "
               "wanneer de volgende beoordeling is. Zonder deze gegevens wordt de praktijk niet gepubliceerd.")
# The editor's own scripts, from docs/assets/ (looked up like the bundle), loaded after decap-cms.js.
SCRIPTS = ("redactie-schema.js", "redactie-controle.js", "redactie-beheer.js")
STYLE = "redactie-beheer.css"
ASSETS_DIR = Path("docs") / "assets"
RULES_FILE = "regels.json"
PREVIEW_PATHS = {"praktijk": "praktijken/{{slug}}/", "sjabloon": "sjablonen/{{slug}}/"}
EMAIL_PATTERN = (r"^[^@\s]+@[^@\s]+\.[^@\s]+$", "Schrijf een e-mailadres als naam@organisatie.nl.")
URL_PATTERN = ("^(" + "|".join(s.replace("/", r"\/") for s in URL_SCHEMES) + ")",
               "Een webadres begint met " + ", ".join(URL_SCHEMES[:-1]) + f" of {URL_SCHEMES[-1]}")
LONG_TEXT = 300   # strings allowed to be longer than this get a multi-line text box
BACKENDS = ("gitlab", "github")
DEFAULTS = {"backend": "gitlab", "repo": "ingrado/kennisbank-doorbraakaanpak", "branch": "main",
            "app_id": "", "gitlab_url": "https://gitlab.com", "github_oauth_url": "", "lokale_server": ""}
COLLECTIONS = {"praktijk": ("praktijken", "Praktijken", "Praktijk", True),
               "sjabloon": ("sjablonen", "Sjablonen (gegevens)", "Sjabloon", False)}
COMMIT_MESSAGES = {"create": "Nieuw in {{collection}}: {{slug}} (webeditor)",
                   "update": "Bijgewerkt in {{collection}}: {{slug}} (webeditor)",
                   "delete": "Verwijderd uit {{collection}}: {{slug}} (webeditor)",
                   "uploadMedia": "Bijlage toegevoegd: {{path}} (webeditor)",
                   "deleteMedia": "Bijlage verwijderd: {{path}} (webeditor)"}


def _options(catalog: Catalog, name: str) -> list[dict]:
    """Select options with Dutch labels, from a codelist or a reference table."""
    if name == "gemeenten":
        items = sorted(catalog.gemeenten.values(), key=lambda g: (fold(g.naam).removeprefix("'s-"), g.code))
        return [{"label": f"{g.naam} ({g.code})", "value": g.code} for g in items]
    if name == "rmc-regios":
        return [{"label": f"{c.label} ({c.code})", "value": c.code} for c in catalog.rmc_regios.values()]
    if name not in catalog.codelists:
        raise ValueError(f"het schema noemt codelijst '{name}', maar die staat niet in practices/datapackage.yaml.")
    return [{"label": c.label, "value": c.code} for c in catalog.codelists[name]]


def _base(name: str, spec: dict, required: bool) -> dict:
    field = {"label": spec.get("title") or name, "name": name, "required": required}
    hint = spec.get("x-formulierhint") or spec.get("description")
    if hint:
        field["hint"] = hint
    return field


def _length_pattern(spec: dict) -> list | None:
    low, high = spec.get("minLength"), spec.get("maxLength")
    if low is None and high is None:
        return None
    words = [f"minstens {low}" if low else "", f"hoogstens {high}" if high else ""]
    return [f"^[\\s\\S]{{{low or 0},{high or ''}}}$", f"{' en '.join(w for w in words if w).capitalize()} tekens."]


def _string_pattern(spec: dict) -> list | None:
    """The schema's pattern with a Dutch message; format and length rules where there is no pattern."""
    if spec.get("pattern") and spec.get("x-melding"):
        return [spec["pattern"], spec["x-melding"]]
    if spec.get("pattern"):
        return [spec["pattern"], ("Deze waarde heeft niet de juiste vorm. " + spec.get("description", "")).strip()]
    if spec.get("format") == "email":
        return list(EMAIL_PATTERN)
    if spec.get("format") == "uri":
        return list(URL_PATTERN)
    return _length_pattern(spec)


def attachment_pattern() -> list:
    """The `bestand` field of a document: a file name that ends in one of the allowed attachment types
    (`macros.checks.attachments.ALLOWED`), in any case; JavaScript's RegExp has no flag for that here."""
    either = "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else c for c in "|".join(s[1:] for s in ALLOWED))
    return [f"^[A-Za-z0-9][A-Za-z0-9._-]*\\.({either})$",
            f"Een bestandsnaam zonder spaties die eindigt op een toegestane soort: {ALLOWED_TEXT}."]


def _scalar(catalog: Catalog, name: str, spec: dict, required: bool) -> dict:
    field = _base(name, spec, required)
    codes = spec.get("x-codelijst") or spec.get("x-referentie")
    kind = spec.get("type")
    if codes:
        field.update(widget="select", options=_options(catalog, codes))
    elif spec.get("x-verwijzing"):
        target = spec["x-verwijzing"]
        field.update(widget="relation", collection=target, value_field="id", search_fields=["titel", "id"],
                     display_fields=["titel"])
    elif kind == "boolean":
        field.update(widget="boolean", default=False)
    elif kind in ("integer", "number"):
        field.update(widget="number", value_type="int" if kind == "integer" else "float")
        field.update({k[:3]: spec[k] for k in ("minimum", "maximum") if k in spec})
    elif spec.get("format") == "date":
        field.update(widget="datetime", format="YYYY-MM-DD", date_format="YYYY-MM-DD", time_format=False)
    else:
        long = spec.get("maxLength", LONG_TEXT + 1) > LONG_TEXT and not spec.get("pattern")
        field["widget"] = "text" if long and spec.get("format") not in ("email", "uri") else "string"
        pattern = attachment_pattern() if name == ATTACHMENT_FIELD else _string_pattern(spec)
        if pattern:
            field["pattern"] = pattern
    return field


def _array(catalog: Catalog, name: str, spec: dict, required: bool) -> dict:
    items = spec["items"]
    merged = {**items, **{k: v for k, v in spec.items() if k.startswith("x-") or k in ("title", "description")}}
    if merged.get("x-codelijst") or merged.get("x-referentie"):
        field = _scalar(catalog, name, merged, required)
        field["multiple"] = True
    elif items.get("type") == "object":
        field = _base(name, spec, required)
        field.update(widget="list", fields=_fields(catalog, items), collapsed=True)
        first = next(iter(items["properties"]))
        field["summary"] = "{{fields." + first + "}}"
    else:
        field = _base(name, spec, required)
        item = {**items, "title": spec.get("title"), "description": spec.get("description", ""),
                **({"x-melding": spec["x-melding"]} if spec.get("x-melding") else {})}
        field.update(widget="list", field=_scalar(catalog, "waarde", item, True))
    if spec.get("minItems") and required:
        field["min"] = spec["minItems"]
    if spec.get("x-enkelvoud"):
        field["label_singular"] = spec["x-enkelvoud"]
    return field


def _optional(fields: list[dict]) -> list[dict]:
    """Decap checks the required fields of an object even when the object itself is optional and left
    empty; so inside an optional object nothing is required in the form (`kennisbank validate` still
    reports a half-filled block)."""
    return [{**f, "required": False, **({"fields": _optional(f["fields"])} if f["widget"] == "object" else {})}
            for f in fields]


def _field(catalog: Catalog, name: str, spec: dict, required: bool) -> dict:
    if spec.get("type") == "object":
        field = _base(name, spec, required)
        fields = _fields(catalog, spec)
        field.update(widget="object", fields=fields if required else _optional(fields), collapsed=not required)
        return field
    if spec.get("type") == "array":
        return _array(catalog, name, spec, required)
    return _scalar(catalog, name, spec, required)


def _fields(catalog: Catalog, spec: dict) -> list[dict]:
    needed = set(spec.get("required", ()))
    return [_field(catalog, name, sub, name in needed) for name, sub in spec["properties"].items()]


def _unreviewed(field: dict) -> dict:
    """The review block: shown open, never filled in by the form itself, required as in the schema."""
    fields = [{k: v for k, v in f.items() if k != "default"} for f in field["fields"]]
    return {**field, "collapsed": False, "hint": REVIEW_HINT, "fields": fields}


def collection(catalog: Catalog, kind: str) -> dict:
    folder, label, singular, create = COLLECTIONS[kind]
    schema = thaw(catalog.schemas[kind])
    fields = [_unreviewed(f) if f["name"] == REVIEW_BLOCK else f for f in _fields(catalog, schema)]
    fields[0]["hint"] = fields[0].get("hint", "") + " Wordt ook de bestandsnaam."
    out = {"name": ROOT_TABLES[kind][0], "label": label, "label_singular": singular,
           "folder": f"practices/{folder}", "extension": "yaml", "format": "yml",
           "create": create, "delete": False, "identifier_field": "id", "slug": "{{id}}",
           "summary": "{{titel}} ({{id}})", "sortable_fields": ["titel", "id"], "fields": fields,
           "preview_path": PREVIEW_PATHS[kind]}
    if not create:
        out["description"] = ("Hier past u de gegevens van een sjabloon aan. De tekst zelf (het .md-bestand) en een "
                              "nieuwe versie legt u vast met kennisbank sjabloon vastleggen.")
    return out


def _settings(settings: dict | None) -> dict:
    merged = {**DEFAULTS, **{k: v for k, v in (settings or {}).items() if v is not None}}
    if merged["backend"] not in BACKENDS:
        raise ValueError(f"mkdocs.yml: extra.redactie.backend: '{merged['backend']}' is onbekend. "
                         f"Kies {' of '.join(BACKENDS)}.")
    return merged


def backend(settings: dict) -> dict:
    """GitLab with PKCE (no server of our own), or GitHub through an OAuth service."""
    out = {"name": settings["backend"], "repo": settings["repo"], "branch": settings["branch"],
           "commit_messages": COMMIT_MESSAGES}
    if settings["backend"] == "gitlab":
        root = settings["gitlab_url"].rstrip("/")
        out.update(auth_type="pkce", app_id=str(settings["app_id"]), base_url=root, api_root=f"{root}/api/v4",
                   auth_endpoint="oauth/authorize")
    elif settings["github_oauth_url"]:
        out["base_url"] = settings["github_oauth_url"].rstrip("/")
    return out


def _site_url(catalog: Catalog, settings: dict) -> str:
    """Where "Bekijk" leads: on this computer (`kennisbank beheer`) the preview that serves the editor,
    so a saved practice opens in the preview and never on the public site it is not on."""
    return "/" if settings["lokale_server"] else str(catalog.descriptor.get("homepage", ""))


def decap_config(catalog: Catalog, settings: dict | None = None) -> dict:
    """The whole Decap CMS configuration (what config.yml holds)."""
    merged = _settings(settings)
    local = {"url": merged["lokale_server"]} if merged["lokale_server"] else True
    return {"locale": "nl", "backend": backend(merged), "local_backend": local,
            "publish_mode": "editorial_workflow", "media_folder": MEDIA_FOLDER, "public_folder": "/bijlagen",
            "editor": {"preview": False}, "site_url": _site_url(catalog, merged),
            "collections": [collection(catalog, kind) for kind in COLLECTIONS]}


def _js_regex(pattern) -> dict:
    """A compiled Python pattern as source and flags for JavaScript's RegExp (the same syntax here)."""
    return {"bron": pattern.pattern, "vlaggen": "i" if pattern.flags & 2 else ""}


HOLE = "§"   # where the editor's script puts the text it found, in a message taken from macros/checks
MESSAGE_SAMPLES = {   # name: (a check of macros/checks, a text it refuses, the part of its message to replace by HOLE)
    "bsn": (personal_data.personal_data_problems, "111222333", "111222333"),
    "mobiel": (personal_data.personal_data_problems, "06-12345678", "06-12345678"),
    "iban": (personal_data.personal_data_problems, "NL91ABNA0417164300", "NL91ABNA0417164300"),
    "geboren": (personal_data.personal_data_problems, "geboren 12-03-2011", "geboren 12-03-2011"),
    "gratis_mail": (personal_data.mailbox_problems, "info@gmail.com", "info@gmail.com"),
    "geen_rolmailbox": (personal_data.mailbox_problems, "jan@voorbeeld.nl", "jan@voorbeeld.nl"),
    "persoonsadres": (personal_data.text_mailbox_problems, "jan.jansen@voorbeeld.nl", "jan.jansen@voorbeeld.nl"),
    "formule": (lambda text: [formulas.formula_problem(text)], "=1", "'='"),
}


def _message_templates() -> dict:
    """Each rule's message as `validate` words it, with HOLE where the found text goes: one definition."""
    out = {}
    for name, (check, sample, part) in MESSAGE_SAMPLES.items():
        found = check(sample)
        if len(found) != 1 or part not in found[0]:
            raise ValueError(f"de controle '{name}' gaf geen bruikbare melding voor {sample!r}: {found}")
        out[name] = found[0].replace(part, HOLE)
    return out


def check_data(catalog: Catalog) -> dict:
    """What the editor's checks read: the practice schema and the data of the record rules, each taken
    from the one module that defines it (macros/checks), never written again here."""
    pd = personal_data
    return {
        "schema": thaw(catalog.schemas["praktijk"]),
        "rolwoorden": list(pd.ROLE_WORDS), "gratis_mail": list(pd.FREE_MAIL), "mailbox_regel": pd.MAILBOX_RULE,
        "formule_begin": list(formulas.FORMULA_START), "webadres_begin": list(URL_SCHEMES),
        "meldingen": _message_templates(), "gat": HOLE,
        "bijlagen": sorted(ALLOWED),   # the media library's file picker offers only these types
        "datumvolgorde": [{"eerst": list(a), "later": list(b), "waarom": why} for a, b, why in DATE_ORDER],
        "patronen": {"bsn": _js_regex(BSN_CANDIDATE), "mobiel": _js_regex(pd.MOBILE),
                     "iban_kort": _js_regex(pd.IBAN_COMPACT), "iban_spaties": _js_regex(pd.IBAN_SPACED),
                     "geboren": _js_regex(pd.BIRTH), "email": _js_regex(pd.EMAIL),
                     "cijferreeks": _js_regex(pd.DIGIT_RUN)},
    }


INDEX = """<!doctype html>
<html lang="nl">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex">
  <title>Webeditor voor de redactie · Kennisbank Doorbraakaanpak</title>
  <link rel="stylesheet" href="redactie-beheer.css">
  <script>window.CMS_MANUAL_INIT = true;</script>
</head>
<body>
  <noscript>
    <p>De webeditor van de Kennisbank Doorbraakaanpak werkt alleen met JavaScript. Zonder JavaScript kunt u
    praktijken toevoegen zoals beschreven in de <a href="../">handleiding voor de redactie</a>.</p>
  </noscript>
  <p id="kb-laden">De webeditor wordt geladen…</p>
  <script src="decap-cms.js"></script>
  <script src="redactie-schema.js"></script>
  <script src="redactie-controle.js"></script>
  <script src="redactie-beheer.js"></script>
</body>
</html>
"""


def bundle_files(project_root: Path) -> list[Path]:
    """decap-cms.js and the chunks and WebAssembly files it loads from its own folder.

    Looked up beside the content first, then in the installation of this code (a copy of
    the content, as the tests make, has no node_modules of its own)."""
    found = [root / BUNDLE_DIR for root in (project_root, INSTALL_ROOT) if (root / BUNDLE_DIR / BUNDLE).is_file()]
    if not found:
        raise FileNotFoundError(f"{BUNDLE_DIR / BUNDLE} ontbreekt: voer `make build` of `npm ci` uit in de map "
                                "van het project; dat installeert de webeditor.")
    source = found[0]
    chunks = sorted(p for p in source.glob(f"*.{BUNDLE}") if p.name.split(".")[0].isdigit())
    return [source / BUNDLE, source / f"{BUNDLE}.LICENSE.txt", *chunks, *sorted(source.glob("*.wasm"))]


def copy_bundle(project_root: Path, target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for path in bundle_files(project_root):
        shutil.copyfile(path, target / path.name)


def copy_scripts(project_root: Path, target: Path) -> None:
    """The editor's own checks and Dutch additions (docs/assets/), beside the bundle."""
    for name in (*SCRIPTS, STYLE):
        found = [root / ASSETS_DIR / name for root in (project_root, INSTALL_ROOT) if (root / ASSETS_DIR / name).is_file()]
        if not found:
            raise FileNotFoundError(f"{ASSETS_DIR / name} ontbreekt: dat bestand hoort bij de webeditor.")
        shutil.copyfile(found[0], target / name)


def write_editor(catalog: Catalog, site_dir: Path, settings: dict | None = None) -> Path:
    """Write /redactie/beheer/ (index.html, config.yml, the Decap bundle) into the built site."""
    target = site_dir / EDITOR_DIR
    target.mkdir(parents=True, exist_ok=True)
    config = decap_config(catalog, settings)
    (target / "config.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=120),
                                       encoding="utf-8")
    (target / "index.html").write_text(INDEX, encoding="utf-8")
    (target / RULES_FILE).write_text(json.dumps(check_data(catalog), ensure_ascii=False), encoding="utf-8")
    copy_bundle(catalog.root.parent, target)
    copy_scripts(catalog.root.parent, target)
    return target
