"""The web editor's checks (docs/assets/redactie-*.js) give the verdict of `kennisbank validate`.

The bad-input texts of the validation tests are planted in a practice, each in its own file; one
`kennisbank validate` run and one node run over the same records must refuse and accept the same files.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest

from macros.cli.main import main
from macros.load.catalog import load_catalog
from macros.load.yaml_source import load_yaml
from macros.publish.editor_config import check_data
from test_hardening_data import EDGES, PERSONAL

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "docs" / "assets"
BASE = "voorbeeld-west-brabant-po"
LESSON = "  - Spreek de verdeling van de kosten af voordat er een leerling op wacht."
FORMULAS = ["'=HYPERLINK(\"https://x.example/\";\"klik\") en meer'", "+3 leerlingen en meer", "'-5 procent en meer'",
            "'@SUM(1+1) en meer'", '"\\tverborgen en meer"', "\uff1d1+1 en meer"]
BENIGN = ("Het loket (076 123 45 67, financiering@swv-voorbeeld.example) telde 41 leerlingen geboren in 2011; "
          "kosten 1.234.567.890 euro, kenmerk 123456789, afgesproken op 12-03-2021, rekening NL91 ABNA 0417 1643 01.")
TOMORROW = (date.today() + timedelta(days=1)).isoformat()

# (what is planted, the text replaced, its replacement); None: the base record as it is
VARIANTS = [("onveranderd", None, None)]
VARIANTS += [(f"persoonsgegeven {text!r}", LESSON, f'  - "{text} Spreek de verdeling van de kosten af."')
             for text, _ in PERSONAL]
VARIANTS += [(f"rand {text!r}", LESSON, f"  - {json.dumps('Zie ' + text + ' hier.', ensure_ascii=False)}")
             for text, _ in EDGES]
VARIANTS += [(f"formule {text!r}", LESSON, f"  - {text}") for text in FORMULAS]
VARIANTS += [
    ("gewone getallen en adressen", LESSON, f"  - {BENIGN} Spreek de verdeling"),
    ("gratis mail bij contact", "email: info@swv-voorbeeld.example", "email: leerplicht.breda@gmail.com"),
    ("persoonlijk adres bij contact", "email: info@swv-voorbeeld.example", "email: jan.jansen@swv-voorbeeld.example"),
    ("geen e-mailadres", "email: info@swv-voorbeeld.example", "email: info-swv-voorbeeld.nl"),
    ("kenmerk met hoofdletters", "titel:", "vervangt: Oude_Praktijk\ntitel:"),
    ("onmogelijke datum", "afgesproken: 2021-03-15", "afgesproken: 2021-02-30"),
    ("omgekeerde datums", "in_werking: 2021-08-01", "in_werking: 2020-08-01"),
    ("beoordeling in de toekomst", "beoordeeld_op: ", f"beoordeeld_op: {TOMORROW}\n  oud: "),
    ("geen redactie", "\nredactie:", ""),
    ("woord waar een getal hoort", "termijn_overleg_werkdagen: 10", "termijn_overleg_werkdagen: tien"),
    ("termijn te groot", "termijn_overleg_werkdagen: 10", "termijn_overleg_werkdagen: 121"),
    ("oud veld termijn_werkdagen", "termijn_overleg_werkdagen: 10", "termijn_werkdagen: 10"),
    ("oude grondslag", "avg_grondslag: [a, e]", "grondslag: combinatie"),
    ("webadres met javascript", "    bestand: voorbeeld-convenant-doorbraakaanpak.md", "    url: javascript:alert(1)"),
    ("bestand en webadres", "    bestand: voorbeeld-convenant-doorbraakaanpak.md",
     "    bestand: voorbeeld-convenant-doorbraakaanpak.md\n    url: https://www.ingrado.nl/"),
    ("titel met accolades", "titel: ", "titel: '{{ x }} '\nx_titel: "),
    ("titel te kort", "titel: ", "titel: Kort\nx_titel: "),
    ("onbekend veld", "status: actief", "status: actief\nstatuss: actief"),
    ("swv in de verkeerde vorm", "swv: [PO9906]", "swv: [PO9906X]"),
    ("rmc-regio in de verkeerde vorm", "rmc_regio: MC34", "rmc_regio: MC345"),
]


def _variant(text: str, old: str | None, new: str | None, number: int) -> str:
    if old is not None:
        assert old in text, f"fixture text not found: {old!r}"
        # an empty replacement cuts the record from there on (the last block)
        text = text[:text.index(old)] + "\n" if new == "" else text.replace(old, new, 1)
    # remove helper keys that only shifted a replaced line aside
    lines = [ln for ln in text.split("\n") if not ln.lstrip().startswith(("x_", "oud:"))]
    return "\n".join(lines).replace(f"id: {BASE}", f"id: proef-{number:02d}", 1)


def browser_verdicts(records: dict, rules: dict) -> dict:
    """Each record's problems as the web editor finds them (node runs the very scripts the editor loads)."""
    script = f"""
const validate = require({json.dumps(str(ASSETS / "redactie-schema.js"))});
const controle = require({json.dumps(str(ASSETS / "redactie-controle.js"))});
let input = "";
process.stdin.on("data", (d) => {{ input += d; }});
process.stdin.on("end", () => {{
  const {{ records, rules, today }} = JSON.parse(input);
  const out = {{}};
  for (const [name, record] of Object.entries(records)) out[name] = controle.problemen(record, rules, validate, today);
  process.stdout.write(JSON.stringify(out));
}});
"""
    payload = json.dumps({"records": records, "rules": rules, "today": date.today().isoformat()}, ensure_ascii=False)
    result = subprocess.run(["node", "-e", script], input=payload, capture_output=True, text=True, encoding="utf-8")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_compiled_schema_in_the_editor_is_current():
    made = subprocess.run(["node", str(ROOT / "tests" / "maak_redactie_schema.cjs")], capture_output=True, text=True,
                          encoding="utf-8", cwd=ROOT)
    assert made.returncode == 0, made.stderr
    assert made.stdout == (ASSETS / "redactie-schema.js").read_text(encoding="utf-8"), (
        "docs/assets/redactie-schema.js is niet actueel: voer `node tests/maak_redactie_schema.cjs > "
        "docs/assets/redactie-schema.js` uit")


def test_the_editor_refuses_and_accepts_exactly_what_validate_does(tmp_path, capsys):
    practices = tmp_path / "practices"
    shutil.copytree(ROOT / "practices", practices)
    base = (practices / "praktijken" / f"{BASE}.yaml").read_text(encoding="utf-8")
    names = {}
    for number, (what, old, new) in enumerate(VARIANTS):
        path = practices / "praktijken" / f"proef-{number:02d}.yaml"
        path.write_text(_variant(base, old, new, number), encoding="utf-8")
        names[path.name] = what
    assert main(["validate", str(practices), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    refused_by_validate = {Path(p["file"]).name for p in report["problemen"]}

    records = {}
    for path in sorted((practices / "praktijken").glob("*.yaml")):
        source, problems = load_yaml(path, path.name)
        assert source is not None and not problems, problems
        records[path.name] = source.data
    found = browser_verdicts(records, check_data(load_catalog(ROOT / "practices")))
    refused_by_editor = {name for name, problems in found.items() if problems}

    differ = {names.get(n, n): sorted(p["melding"] for p in found.get(n, [])) for n in refused_by_editor ^ refused_by_validate}
    assert not differ, f"the editor and validate disagree on: {differ}"
    accepted = sorted(names[n] for n in set(names) - refused_by_validate)
    assert accepted == ["gewone getallen en adressen", "onveranderd"], "every planted problem is refused"


def test_the_editor_names_fields_by_their_label_with_the_fix(tmp_path):
    practices = tmp_path / "practices"
    shutil.copytree(ROOT / "practices", practices)
    path = practices / "praktijken" / f"{BASE}.yaml"
    text = path.read_text(encoding="utf-8").replace("email: info@swv-voorbeeld.example", "email: leerplicht.breda@gmail.com")
    text = text.replace(LESSON, "  - -5 procent minder thuiszitters")
    path.write_text(text.replace("rmc_regio: MC34", "rmc_regio: mc34"), encoding="utf-8")
    source, _ = load_yaml(path, path.name)
    found = browser_verdicts({"r": source.data}, check_data(load_catalog(ROOT / "practices")))["r"]
    shown = [(p["veld"], p["melding"]) for p in found]
    assert ("RMC-regio", "Schrijf MC met twee cijfers, zoals MC19.") in shown
    assert any(v == "Geleerde lessen 1" and m.startswith("De tekst begint met '-'.") and "'Min 5 procent'" in m
               for v, m in shown), shown
    assert any(v == "Contact › E-mailadres" and m.startswith("'leerplicht.breda@gmail.com' is een adres bij een gratis "
                                                              "maildienst") for v, m in shown), shown
    assert len(shown) == 3, shown


@pytest.mark.parametrize("name", ["redactie-controle.js", "redactie-beheer.js", "redactie-schema.js"])
def test_the_editor_scripts_write_no_full_width_plus(name):
    text = (ASSETS / name).read_text(encoding="utf-8")
    assert "\uff0b" not in text.replace("\\uff0b", ""), "the full-width plus is missing from common fonts"
