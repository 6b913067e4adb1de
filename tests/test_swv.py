"""The official regio-indeling of the samenwerkingsverbanden (practices/referentie/swv*.csv) and
the checks that use it: the counts, every gemeente covered, rows read from the regeling itself,
the generator, unknown codes refused, fictional records on reserved codes, and the warning for a
gemeente outside a practice's SWVs."""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros.model.problems import InvalidData
from macros.load.catalog import check_package, load_catalog

ROOT = Path(__file__).resolve().parent.parent
REF = ROOT / "practices" / "referentie"
LAW_REPO = Path("/work/.mirror/statengeneraal+laws-markdown/repo")
LAW_FILE = ("ministeriele-regeling/regeling/regio-indeling/samenwerkingsverbanden/passend/onderwijs/po/en/vo/"
            "BWBR0032324/README.md")


def rows(name: str) -> list[dict]:
    with (REF / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def links() -> set[tuple[str, str]]:
    return {(r["swv"], r["gemeente"]) for r in rows("swv-gemeenten.csv")}


# ---------------------------------------------------------------- the table

def test_the_regeling_has_76_po_and_74_vo_swvs():
    codes = [r["code"] for r in rows("swv.csv")]
    assert sum(c.startswith("PO ") for c in codes) == 76
    assert sum(c.startswith("VO ") for c in codes) == 74
    assert all(re.fullmatch(r"(PO|VO) [0-9]{2}-[0-9]{2}", c) for c in codes)


def test_province_number_99_is_free_for_fiction():
    provinces = {r["code"][3:5] for r in rows("swv.csv")}
    assert provinces == {str(n) for n in range(20, 32)}
    assert "99" not in provinces


def test_every_current_gemeente_lies_in_a_po_and_a_vo_swv():
    gemeenten = {r["code"] for r in rows("gemeenten.csv")}
    po = {g for s, g in links() if s.startswith("PO")}
    vo = {g for s, g in links() if s.startswith("VO")}
    assert gemeenten - po == set()
    assert gemeenten - vo == set()
    assert po | vo == gemeenten   # and nothing else


def test_known_rows_of_the_regeling():
    # PC4 1011: Amsterdam, PO2707, VO2708; PC4 9999: Eemsmond (now Het Hogeland), PO2001, VO2002;
    # PC4 5074-5296: Haaren, PO3005, VO3005 (split in 2021, so its successors are 'onzeker').
    have = links()
    assert {("PO 27-07", "GM0363"), ("VO 27-08", "GM0363"), ("PO 20-01", "GM1966"), ("VO 20-02", "GM1966")} <= have
    assert ("PO 27-08", "GM0363") not in have
    by_key = {(r["swv"], r["gemeente"]): r for r in rows("swv-gemeenten.csv")}
    assert by_key[("PO 30-05", "GM0855")]["onzeker"] == "true"      # Tilburg via Haaren only
    assert by_key[("PO 30-04", "GM0855")]["onzeker"] == "false"
    assert "Haaren (opsplitsing)" in by_key[("PO 30-05", "GM0865")]["via"]


def test_gemeenten_split_over_swvs_are_marked_with_their_postcodes():
    by_key = {(r["swv"], r["gemeente"]): r for r in rows("swv-gemeenten.csv")}
    staphorst = [r for r in rows("swv-gemeenten.csv") if r["naam"] == "Staphorst" and r["swv"].startswith("PO")]
    assert sorted(r["swv"] for r in staphorst) == ["PO 22-03", "PO 23-05"]
    assert all(r["gedeeld"] == "true" and r["postcodes"] for r in staphorst)
    assert by_key[("VO 27-08", "GM0384")]["gedeeld"] == "false" and by_key[("VO 27-08", "GM0384")]["postcodes"] == ""
    assert by_key[("VO 27-10", "GM0363")]["postcodes"] == "1381 1382 1383"   # Weesp, since 2022 Amsterdam


def test_every_herindeling_names_a_current_gemeente_and_a_source():
    current = {r["code"] for r in rows("gemeenten.csv")}
    for r in rows("herindelingen.csv"):
        assert r["code"] in current, r
        assert r["bron"].startswith(("http://", "https://", "practices/")), r


# ---------------------------------------------------------------- the generator

def _run_generator(tmp_path: Path, source: Path) -> Path:
    folder = tmp_path / "referentie"
    folder.mkdir()
    for name in ("maak_swv.py", "gemeenten.csv", "herindelingen.csv"):
        shutil.copy(REF / name, folder / name)
    result = subprocess.run([sys.executable, str(folder / "maak_swv.py"), str(source)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return folder


@pytest.mark.skipif(not LAW_REPO.is_dir(), reason="de kopie van statengeneraal/laws-markdown ontbreekt hier")
def test_the_generator_remakes_the_committed_tables_from_the_regeling(tmp_path):
    text = subprocess.run(["git", "-C", str(LAW_REPO), "show", f"HEAD:{LAW_FILE}"], capture_output=True,
                          check=True).stdout
    source = tmp_path / "regeling.md"
    source.write_bytes(text)
    folder = _run_generator(tmp_path, source)
    for name in ("swv.csv", "swv-gemeenten.csv"):
        assert (folder / name).read_bytes() == (REF / name).read_bytes(), name


def test_the_generator_reads_a_bijlage_and_maps_a_merged_gemeente(tmp_path):
    source = tmp_path / "regeling.md"
    source.write_text("### Bijlage\n\n| PC4  | gemeente  | PO SWV  | VO SWV  |\n|:---|:---|:---|:---|\n"
                      "| 1011  | Amsterdam  | PO2707  | VO2708  |\n| 1381  | Weesp  | PO2707  | VO2709  |\n"
                      "| 3197  | Rotterdam  | Europoort  | Europoort  |\n", encoding="utf-8")
    folder = _run_generator(tmp_path, source)
    with (folder / "swv-gemeenten.csv").open(encoding="utf-8") as fh:
        got = {(r["swv"], r["gemeente"], r["postcodegebieden"], r["via"]) for r in csv.DictReader(fh)}
    assert got == {("PO 27-07", "GM0363", "2", "Weesp (samenvoeging)"), ("VO 27-08", "GM0363", "1", ""),
                   ("VO 27-09", "GM0363", "1", "Weesp (samenvoeging)")}


def test_the_generator_stops_on_a_gemeente_it_cannot_place(tmp_path):
    source = tmp_path / "regeling.md"
    source.write_text("| 1011  | Atlantis  | PO2707  | VO2708  |\n", encoding="utf-8")
    folder = tmp_path / "referentie"
    folder.mkdir()
    for name in ("maak_swv.py", "gemeenten.csv", "herindelingen.csv"):
        shutil.copy(REF / name, folder / name)
    result = subprocess.run([sys.executable, str(folder / "maak_swv.py"), str(source)], capture_output=True, text=True)
    assert result.returncode != 0
    assert "Atlantis" in result.stderr and "herindelingen.csv" in result.stderr


# ---------------------------------------------------------------- the checks

def _package(tmp_path: Path) -> Path:
    root = tmp_path / "practices"
    shutil.copytree(ROOT / "practices", root)
    return root


def _edit(path: Path, old: str, new: str) -> int:
    """Replace one line and return its line number."""
    lines = path.read_text(encoding="utf-8").split("\n")
    n = lines.index(old)
    lines[n] = new
    path.write_text("\n".join(lines), encoding="utf-8")
    return n + 1


def _problems(root: Path, cache: bool = False) -> list[str]:
    with pytest.raises(InvalidData) as err:
        check_package(root, cache=cache) if cache else load_catalog(root)
    return [str(p) for p in err.value.problems]


def test_the_fictional_records_use_reserved_codes_only():
    catalog = load_catalog(ROOT / "practices")
    for practice in catalog.practices:
        assert practice.get("voorbeeld") is True
        assert practice.get("swv") and all(code[3:5] == "99" for code in practice.get("swv")), practice.id


@pytest.mark.parametrize("cache", [False, True])
def test_a_fictional_record_with_a_real_code_is_refused(tmp_path, cache):
    root = _package(tmp_path)
    record = root / "praktijken" / "voorbeeld-amsterdam-vo.yaml"
    line = _edit(record, "swv: [VO 99-02]", "swv: [VO2708]")
    problems = _problems(root, cache)
    assert len(problems) == 1
    assert problems[0].endswith(f"voorbeeld-amsterdam-vo.yaml:{line}: swv[0]: 'VO 27-08' is de code van een bestaand "
                                "samenwerkingsverband, maar dit is een fictief voorbeeld (voorbeeld: true). Verzonnen "
                                "afspraken mogen niet aan een echte organisatie hangen. Gebruik een gereserveerde code "
                                "met provincienummer 99, zoals 'VO 99-01' (geen officiële code begint met 99).")


def test_a_real_record_with_an_unknown_code_gets_the_nearest_codes(tmp_path):
    root = _package(tmp_path)
    record = root / "praktijken" / "voorbeeld-amsterdam-vo.yaml"
    _edit(record, "voorbeeld: true", "voorbeeld: false")
    line = _edit(record, "swv: [VO 99-02]", "swv: [VO-27-13]")
    problems = _problems(root)
    assert len(problems) == 1
    assert problems[0].endswith(f"voorbeeld-amsterdam-vo.yaml:{line}: swv[0]: 'VO 27-13' staat niet in de regio-indeling "
                                "van de samenwerkingsverbanden (practices/referentie/swv.csv). Bedoelde u 'VO 27-10', "
                                "'VO 27-09' of 'VO 27-08'?")


def test_a_real_record_with_a_reserved_code_is_refused(tmp_path):
    root = _package(tmp_path)
    record = root / "praktijken" / "voorbeeld-amsterdam-vo.yaml"
    _edit(record, "voorbeeld: true", "voorbeeld: false")
    problems = _problems(root)
    assert len(problems) == 1
    assert "swv[0]: 'VO 99-02' is een code voor fictieve voorbeelden" in problems[0]
    assert "voorbeeld: true" in problems[0]


def test_a_gemeente_outside_the_swvs_of_a_real_record_is_a_warning(tmp_path):
    root = _package(tmp_path)
    record = root / "praktijken" / "voorbeeld-amsterdam-vo.yaml"
    _edit(record, "voorbeeld: true", "voorbeeld: false")
    _edit(record, "swv: [VO 99-02]", "swv: [VO 27-08]")
    line = _edit(record, "gemeenten: [GM0363, GM0384, GM0437]", "gemeenten: [GM0363, GM0758, GM0437]")
    catalog = load_catalog(root)
    warned = [str(w) for w in catalog.warnings if "gemeenten[" in w.field]
    assert len(warned) == 2   # Breda (GM0758) and Ouder-Amstel (GM0437) lie outside VO 27-08
    assert any(w.endswith(f":{line}: gemeenten[1]: waarschuwing: Breda (GM0758) valt volgens de regio-indeling niet onder "
                          "VO 27-08. Controleer de gemeente, of voeg het samenwerkingsverband toe waaronder zij valt "
                          "(zie practices/referentie/swv-gemeenten.csv).") for w in warned)
    assert not any("gemeenten[0]" in w for w in warned)   # Amsterdam is in VO 27-08
    cached = check_package(root)
    assert sorted(str(w) for w in cached.warnings if "gemeenten[" in w.field) == sorted(warned)


# ---------------------------------------------------------------- the practice page

def _card(root: Path, practice_id: str) -> dict:
    from macros.render.practice import practice_page
    from test_render import as_html, record, render_context, split_page, text
    ctx = render_context(load_catalog(root))
    _, body = split_page(practice_page(ctx, record(ctx, practice_id)))
    table = as_html(body).xpath("//table[contains(@class, 'kb-kaartje')]")[0]
    return {text(r.xpath("th")[0]): [text(li) for li in r.xpath("td//li")] or [text(r.xpath("td")[0])]
            for r in table.xpath(".//tr")}


def test_the_practice_page_names_the_swv_with_its_gemeenten(tmp_path):
    root = _package(tmp_path)
    assert _card(root, "voorbeeld-zeeuws-vlaanderen-po-vo")["Samenwerkingsverbanden"] == [
        "PO 99-07: verzonnen code (fictief voorbeeld)", "VO 99-06: verzonnen code (fictief voorbeeld)"]
    record = root / "praktijken" / "voorbeeld-amsterdam-vo.yaml"
    _edit(record, "voorbeeld: true", "voorbeeld: false")
    _edit(record, "swv: [VO 99-02]", "swv: [VO2708]")
    assert _card(root, "voorbeeld-amsterdam-vo")["Samenwerkingsverbanden"] == [
        "VO 27-08 (voortgezet onderwijs), gemeenten volgens de regio-indeling: Amsterdam, Diemen"]


# ---------------------------------------------------------------- the map page

def _map_doc(root: Path):
    from macros.render.pages import map_page
    from test_render import as_html, render_context, split_page
    return as_html(split_page(map_page(render_context(load_catalog(root))))[1])


def test_the_map_lists_every_swv_with_its_gemeenten_and_practices(tmp_path):
    from test_render import text
    root = _package(tmp_path)
    doc = _map_doc(root)
    po, vo = doc.xpath("//table[contains(@class, 'kb-swv-tabel')]")
    assert len(po.xpath(".//tbody/tr")) == 76 and len(vo.xpath(".//tbody/tr")) == 74
    row = doc.xpath("//tr[@id='swv-po-22-03']")[0]
    assert text(row.xpath("td")[0]) == ("De Wolden, Hoogeveen, Meppel, Staphorst (deels), Steenwijkerland, Westerveld, "
                                        "Zwartewaterland (deels)")
    assert text(row.xpath("td")[1]) == "geen"   # the fictional practices use reserved codes
    sentences = [text(p) for p in doc.xpath("//p") if "samenwerkingsverbanden in het" in text(p)]
    assert sentences == ["0 van de 76 samenwerkingsverbanden in het primair onderwijs hebben een gepubliceerde praktijk.",
                         "0 van de 74 samenwerkingsverbanden in het voortgezet onderwijs hebben een gepubliceerde praktijk."]
    record = root / "praktijken" / "voorbeeld-amsterdam-vo.yaml"
    _edit(record, "voorbeeld: true", "voorbeeld: false")
    _edit(record, "swv: [VO 99-02]", "swv: [VO 27-08]")
    doc = _map_doc(root)
    row = doc.xpath("//tr[@id='swv-vo-27-08']")[0]
    assert row.xpath("td")[1].xpath(".//a/@href") == ["../praktijken/voorbeeld-amsterdam-vo/"]
    assert "1 van de 74 samenwerkingsverbanden in het voortgezet onderwijs hebben een gepubliceerde praktijk." in [
        text(p) for p in doc.xpath("//p")]


# ---------------------------------------------------------------- the zelfscan (real Chromium)

def test_the_zelfscan_starts_from_the_chosen_swv(page, base_url, tmp_path):
    page.goto(base_url + "zelfscan/", wait_until="networkidle")
    options = page.locator("#zs-swv-keuze option").evaluate_all("os => os.map(o => o.value)")
    assert options[0] == "" and len(options) == 1 + 76 + 74
    assert page.locator("#zs-swv-keuze option[value='PO 30-03']").inner_text().startswith(
        "PO 30-03: Alphen-Chaam, Baarle-Nassau, Breda, Dongen")
    page.select_option("#zs-swv-keuze", "PO 30-03")
    assert page.locator("[data-kb-swvkeuze-status]").inner_text().startswith(
        "PO 30-03 is aangevinkt, met 10 gemeenten en primair onderwijs.")
    checked = page.locator("input[name=gemeenten]:checked").evaluate_all("l => l.map(i => i.value)")
    assert sorted(checked) == sorted(["GM1723", "GM0744", "GM0758", "GM0766", "GM1719", "GM0777", "GM0779", "GM0784",
                                      "GM0826", "GM0879"])
    assert page.locator("input[name=swv]:checked").evaluate_all("l => l.map(i => i.value)") == ["PO 30-03"]
    assert page.is_checked("#zs-onderwijssoort-po") and not page.is_checked("#zs-onderwijssoort-vo")
    page.select_option("#zs-swv-keuze", "VO 30-03")      # a second choice adds to the first
    assert page.locator("input[name=swv]:checked").evaluate_all("l => l.map(i => i.value)") == ["PO 30-03", "VO 30-03"]
    assert page.is_checked("#zs-onderwijssoort-vo")
    page.fill("#zs-regio", "Proefregio Baronie")
    with page.expect_download() as info:
        page.click("[data-kb-download]")
    target = tmp_path / "z.yaml"
    info.value.save_as(target)
    import yaml
    record = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert record["swv"] == ["PO 30-03", "VO 30-03"]
    assert "GM0758" in record["gemeenten"] and record["onderwijssoort"] == ["po", "vo"]
    assert list(record)[:4] == ["regio", "swv", "gemeenten", "onderwijssoort"]   # schema order
    page.reload(wait_until="networkidle")               # kept in this browser
    assert page.is_checked("#zs-gemeenten-GM0758") and page.is_checked("#zs-swv-PO-30-03")
