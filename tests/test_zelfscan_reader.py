"""The zelfscan's upload reader (`kennisbankZelfscanLezer` in docs/assets/zelfscan.js) under node:
linear in the size of the file, limited in size before it parses and in depth, a Dutch reason for
everything it refuses, and a normal export read back exactly as PyYAML reads it. In Chromium: the
visitor sees the Dutch message."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "docs" / "assets" / "zelfscan.js"
HEAD = "# kennisbank-zelfscan\n"
MAX_BYTES = 512 * 1024
RUNNER = """
const reader = require(process.argv[1]);
const text = require("fs").readFileSync(process.argv[2], "utf8");
const start = process.hrtime.bigint();
let out;
try { out = { data: reader.parse(text) }; }
catch (e) { out = e instanceof reader.Unreadable ? { line: e.line, why: e.why } : { crash: String(e) }; }
out.ms = Number(process.hrtime.bigint() - start) / 1e6;
out.limits = [reader.MAX_BYTES, reader.MAX_DEPTH];
process.stdout.write(JSON.stringify(out));
"""


@pytest.fixture(scope="module")
def read(tmp_path_factory):
    node = shutil.which("node") or pytest.fail("node ontbreekt: installeer Debian's pakket 'nodejs'.")
    folder = tmp_path_factory.mktemp("lezer")

    def run(text: str) -> dict:
        source = folder / "upload.yaml"
        source.write_text(text, encoding="utf-8", newline="")
        done = subprocess.run([node, "-e", RUNNER, str(SCRIPT), str(source)], capture_output=True, text=True,
                              timeout=120)
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)
    return run


def empty_keys(size: int) -> str:
    """Keys with an empty value, one a line, up to `size` characters: the old reader copied the rest
    of the file for each of them (128 KB took 22 s)."""
    lines, total, n = [HEAD.rstrip("\n")], len(HEAD), 0
    while total + len(f"k{n}:\n") <= size:
        lines.append(f"k{n}:")
        total += len(lines[-1]) + 1
        n += 1
    return "\n".join(lines) + "\n"


def test_the_limits_are_512_kb_and_8_levels(read):
    assert read(HEAD)["limits"] == [MAX_BYTES, 8]


def test_128_kb_of_empty_valued_keys_is_read_within_two_seconds(read):
    text = empty_keys(128 * 1024)
    out = read(text)
    assert len(text) > 128 * 1024 - 10
    assert list(out["data"]) == [line[:-1] for line in text.splitlines()[1:]]
    assert all(value == {} for value in out["data"].values())
    assert out["ms"] < 2000, out["ms"]   # measured 200-450 ms; the old reader took 22 s


def test_512_kb_is_read_and_one_character_more_is_refused_before_parsing(read):
    text = empty_keys(MAX_BYTES - 100)
    text += "#" * (MAX_BYTES - len(text) - 1) + "\n"
    assert len(text) == MAX_BYTES
    out = read(text)
    assert len(out["data"]) == len(text.splitlines()) - 2
    assert out["ms"] < 3000, out["ms"]
    too_big = read(text + "x")
    assert {k: too_big[k] for k in ("line", "why")} == {"line": 0, "why": "het bestand is groter dan 512 kB"}
    assert too_big["ms"] < 5, "refused before it is split or parsed"


@pytest.mark.parametrize("value", ["[" * 200_000, "[" * 200_000 + "]" * 200_000, "[[po]]", "{a: [po]}",
                                   '["po", ["vo"]]'])
def test_nested_lists_are_refused_with_a_dutch_reason(read, value):
    for line, text in ((2, f"{HEAD}onderwijssoort: {value}\n"), (3, f"{HEAD}onderwijssoort:\n  - {value}\n")):
        out = read(text)
        assert "crash" not in out, out["crash"]
        assert {k: out.get(k) for k in ("line", "why")} == {
            "line": line,
            "why": "hier staan lijsten in lijsten; een zelfscan heeft alleen gewone lijsten"}
        assert out["ms"] < 1000, out["ms"]


def test_blocks_deeper_than_8_levels_are_refused(read):
    deep = HEAD + "".join(f"{'  ' * d}b{d}:\n" for d in range(200))
    assert read(deep) | {"ms": 0, "limits": 0} == {"line": 10, "why": "hier staan meer dan 8 blokken in elkaar",
                                                    "ms": 0, "limits": 0}
    allowed = HEAD + "".join(f"{'  ' * d}b{d}:\n" for d in range(7)) + "  " * 7 + "x: 1\n"
    assert read(allowed)["data"] == yaml.safe_load(allowed)


@pytest.mark.parametrize("name,text", [
    ("comment marks before a line separator", "regio: a" + " #" * 100_000 + "\u2028x\n"),
    ("spaces before a line separator", "regio:" + " " * 200_000 + "x\u2028y\n"),
    ("a list item with spaces before a line separator", "leden:\n-" + " " * 200_000 + "x\u2028y\n"),
    ("doubled single quotes", "regio: '" + "''" * 100_000 + " x\n"),
    ("a long double-quoted text", 'regio: "' + "a\\\"" * 100_000 + '"\n'),
    ("many braces", "regio: " + "{" * 200_000 + "\n"),
    ("a block of text", "verdeling: >-\n" + "  woord\n" * 60_000),
    ("many list items", "leden:\n" + "  - swv\n" * 60_000),
    ("empty keys between comments", "a:\n" + "# c\n" * 60_000 + "b:\n" + "c:\n# d\n" * 20_000),
])
def test_adversarial_input_is_answered_within_two_seconds(read, name, text):
    """Each input is 100-500 KB; measured 2-400 ms here. A reader that is quadratic on any of them
    takes many seconds (the old one: 1 s for 16 KB of empty keys, 3.6 s for 32 KB)."""
    out = read(HEAD + text)
    assert "crash" not in out, f"{name}: {out['crash']}"
    assert out["ms"] < 2000, f"{name}: {out['ms']:.0f} ms"


def export(answers: dict) -> str:
    """A file as the page writes it (toYaml): the comment head, then each value as a JSON text."""
    body = []
    for key, value in answers.items():
        if isinstance(value, dict):
            body.append(f"{key}:")
            body += [f"  {k}: {json.dumps(v, ensure_ascii=False)}" for k, v in value.items()]
        else:
            body.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    return HEAD + ("# Antwoorden uit de zelfscan van de Kennisbank Doorbraakaanpak, opgeslagen op 2026-12-07.\n"
                   "# Verder invullen: open de pagina Zelfscan en kies \"Ga verder met een bestand\".\n") + \
        "\n".join(body) + "\n"


def test_a_normal_export_reads_back_exactly(read):
    answers = {"regio": "Proefregio Noord", "onderwijssoort": ["po"], "volwassenheid": "wil-ondersteuning",
               "geoorloofd_verzuim": {"dekking": "deels", "mazl": "nee"},
               "doorbraakoverleg": {"aanwezig": "deels", "leden": ["swv", "gemeente", "leerplicht"],
                                    "termijn_werkdagen": 20, "casusregie": "swv"},
               "financiering": {"verdeling": "Per leerling overleggen we \"wie betaalt\" # geen commentaar, 's avonds."},
               "gegevensdeling": {"grondslag": "toestemming", "privacyprotocol": "onbekend"}}
    text = export(answers)
    out = read(text)
    assert out["data"] == answers == yaml.safe_load(text)
    edited = (HEAD + "regio: Regio Oost   # eigen naam\nonderwijssoort:\n  - vo\ngeoorloofd_verzuim:\n  dekking: 'ja'\n"
              "doorbraakoverleg:\n  leden: [swv, rector]\n  termijn_werkdagen: 500\n"
              "financiering:\n  verdeling: >-\n    Eerst de gemeente,\n    dan het swv.\n")
    assert read(edited)["data"] == yaml.safe_load(edited) == {
        "regio": "Regio Oost", "onderwijssoort": ["vo"], "geoorloofd_verzuim": {"dekking": "ja"},
        "doorbraakoverleg": {"leden": ["swv", "rector"], "termijn_werkdagen": 500},
        "financiering": {"verdeling": "Eerst de gemeente, dan het swv."}}


def test_a_broken_line_is_named(read):
    assert {k: v for k, v in read(HEAD + "regio: \"Regio\nonderwijssoort: [po]\n").items() if k in ("line", "why")} == \
        {"line": 2, "why": "de aanhalingstekens of haakjes kloppen niet"}
    assert read(HEAD + "regio: 'Regio\n")["why"] == "de aanhalingstekens of haakjes kloppen niet"


# --- what the visitor sees -----------------------------------------------------------------


def upload(page, base_url, path: Path) -> str:
    page.goto(base_url + "zelfscan/", wait_until="networkidle")
    page.set_input_files("[data-kb-upload]", str(path))
    error = page.locator("[data-kb-bestandsfout]")
    error.wait_for(state="visible")
    return error.inner_text()


def test_the_visitor_reads_why_a_file_is_refused(page, base_url, tmp_path):
    deep = tmp_path / "diep.yaml"
    deep.write_text(f"{HEAD}onderwijssoort: {'[' * 200_000}\n", encoding="utf-8")
    assert upload(page, base_url, deep) == (
        "Het bestand diep.yaml kan niet gelezen worden: regel 2: hier staan lijsten in lijsten; een zelfscan heeft "
        "alleen gewone lijsten. Herstel die regel, of download uw antwoorden opnieuw.")
    big = tmp_path / "groot.yaml"
    big.write_text(HEAD + "#" * MAX_BYTES, encoding="utf-8")
    assert upload(page, base_url, big) == (
        "Het bestand groot.yaml is te groot voor een zelfscan (meer dan 512 kB). Kies het bestand dat u op deze "
        "pagina downloadde.")
    many = tmp_path / "sleutels.yaml"
    many.write_text(empty_keys(128 * 1024) + "regio: [\n", encoding="utf-8")
    assert upload(page, base_url, many).startswith("Het bestand sleutels.yaml kan niet gelezen worden: regel ")
