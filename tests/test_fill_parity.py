"""One rule for the characters of a filled-in value: `clean_value` (Python, the command line) and
`kennisbankInvulwaarde` in docs/assets/sjabloon.js (the browser, run here under node) give the
same text, for every code point and for mixed inputs."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from macros.load.template_parts import clean_value
from test_fillin import READ, VALUES, cli_fill, download, fill_in_browser   # the fill-in tests' helpers

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "docs" / "assets" / "sjabloon.js"
# every code point between "a" and "b": kept (k), removed (r) or one space (s)
CLASSIFY = """
const clean = require(process.argv[1]);
const out = [];
for (let cp = 0; cp <= 0x10FFFF; cp++) {
  const got = clean("a" + String.fromCodePoint(cp) + "b");
  out.push(got === "ab" ? "r" : got === "a b" ? "s" : got === "a" + String.fromCodePoint(cp) + "b" ? "k" : "?");
}
process.stdout.write(out.join(""));
"""
EACH = """
const clean = require(process.argv[1]);
const inputs = JSON.parse(require("fs").readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(inputs.map(clean)));
"""
# (input, the text both must give)
CASES = [
    ("Gemeente Breda", "Gemeente Breda"),
    ("  Gemeente\tBreda \r\n", "Gemeente Breda"),
    ("Naam\u0085Achternaam", "Naam Achternaam"),              # NEL: a line break in Python, kept by JS's \s
    ("\ufeffNaam", "Naam"),                                    # BOM / zero-width no-break space: removed
    ("Naam\ufeff Achternaam", "Naam Achternaam"),
    ("regel\u2028regel\u2029regel", "regel regel regel"),
    ("10\u00a0000\u202feuro", "10 000 euro"),                  # no-break spaces
    ("a\u3000b\u205fc\u1680d\u2000e\u200af", "a b c d e f"),
    ("a\x1cb\x1dc\x1ed\x1fe", "abcde"),                       # separators: whitespace to str.split, removed here
    ("a\x0bb\x0cc", "abc"),                                    # VT, FF: XML cannot hold them
    ("a\x00b\x01c\x7fd\x80e\x9ff", "abcdef"),                  # C0, DEL, C1
    ("a\ufffeb\uffffc\ufdd0d\U0001fffee\U0010ffff", "abcde"),  # noncharacters
    ("a\ud800b\udfffc", "abc"),                                # lone surrogates
    ("emoji \U0001f600 blijft", "emoji \U0001f600 blijft"),
    ("zacht\u00adafbreekstreepje en\u200bnulbreedte", "zacht\u00adafbreekstreepje en\u200bnulbreedte"),
    ("café é", "café é"),                                # precomposed and combining: unchanged
    ("\t \u0085\u00a0\ufeff", ""),
    ("", ""),
    ("a \x00 b", "a b"),                                       # removed first, then the spaces meet
    ("a\x00\u0085\x01b", "a b"),
]


@pytest.fixture(scope="module")
def node() -> str:
    return shutil.which("node") or pytest.fail("node ontbreekt: installeer Debian's pakket 'nodejs'.")


def python_class(cp: int) -> str:
    got = clean_value("a" + chr(cp) + "b")
    return "r" if got == "ab" else "s" if got == "a b" else "k" if got == "a" + chr(cp) + "b" else "?"


def test_every_code_point_is_kept_removed_or_a_space_alike_in_python_and_javascript(node):
    done = subprocess.run([node, "-e", CLASSIFY, str(SCRIPT)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    javascript = done.stdout
    python = "".join(python_class(cp) for cp in range(0x110000))
    assert len(javascript) == len(python) == 0x110000
    differ = [f"U+{cp:04X}: python {p}, javascript {j}" for cp, (p, j) in enumerate(zip(python, javascript)) if p != j]
    assert differ == []
    # tab, LF, CR, space; NEL, NBSP, U+1680; U+2000-U+200A; U+2028, U+2029, U+202F, U+205F, U+3000
    assert python.count("s") == 4 + 3 + 11 + 5 and python.count("?") == 0
    # C0 but tab, LF, CR; DEL and C1 but NEL; surrogates; U+FDD0-U+FDEF; U+FEFF; U+FFFE, U+FFFF and 16 planes' two
    assert python.count("r") == 29 + 32 + 2048 + 32 + 1 + 2 + 32


def test_the_same_inputs_give_the_same_text_in_python_and_javascript(node):
    inputs = [given for given, _ in CASES]
    done = subprocess.run([node, "-e", EACH, str(SCRIPT)], input=json.dumps(inputs), capture_output=True,
                          text=True, encoding="utf-8", timeout=60)
    assert done.returncode == 0, done.stderr
    javascript = json.loads(done.stdout)
    python = [clean_value(given) for given in inputs]
    assert python == javascript
    assert python == [expected for _, expected in CASES]


# --- the whole fill-in: the browser's download against the command line -------------------

ODD = "\ufeffStichting\u0085Proef\u00a0\u00a0PO\u2028\t30-01\u3000\u200b(zuid)\x7f\u0092 "


def test_odd_characters_give_the_same_document_in_the_browser_and_on_the_command_line(page, base_url, tmp_path):
    fill_in_browser(page, base_url)
    page.fill("#veld-swv_naam", ODD)
    browser = READ["docx"](download(page, "docx", tmp_path / "browser.docx"))
    command_line = READ["docx"](cli_fill(tmp_path, {**VALUES, "swv_naam": ODD}, "docx"))
    assert browser == command_line
    party = next(line for line in browser if line.startswith("Stichting Proef"))
    assert party.startswith("Stichting Proef PO 30-01 \u200b(zuid), "), "each odd space one space, the rest removed"
