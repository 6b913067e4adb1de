"""The `kennisbank` command for editors: validate, new, build, serve, stale, export, sjabloon."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, timedelta
from pathlib import Path

from macros.cli import dutch_argparse  # noqa: F401  (Dutch texts for argparse's own messages)
from macros.checks.problems import InvalidData, report, summary

EXAMPLES = """voorbeelden:
  kennisbank validate                      controleer alles in practices/
  kennisbank validate --format json        dezelfde controle, als JSON voor andere programma's
  kennisbank new praktijk                  maak een nieuwe praktijk (stelt vragen)
  kennisbank serve                         bekijk de site op http://127.0.0.1:8000/
  kennisbank beheer                        probeer de webeditor op uw eigen computer
  kennisbank build                         bouw de site in site/ (alleen als alles klopt)
  kennisbank stale --binnen 30             welke records moeten binnen 30 dagen opnieuw beoordeeld worden?
  kennisbank export --uit data/            schrijf het open-datapakket
  kennisbank sjabloon invullen financieringsafspraak-passende-plek --waarden waarden.yaml --formaat docx
"""


def file_progress(n: int, total: int) -> None:
    """A progress line every tenth of the files, on long runs only."""
    if total >= 200 and (n == total or n % max(1, total // 10) == 0):
        print(f"  gelezen: {n} van {total} bestanden", file=sys.stderr, flush=True)


def load(root: str, today: date | None = None):
    from macros.load.catalog import load_catalog
    return load_catalog(root, today=today, progress=file_progress)


def load_or_report(root: str, today: date | None = None):
    """The Catalog, or None after printing every problem (for commands that need valid data)."""
    try:
        return load(root, today)
    except InvalidData as err:
        print(report(err.problems), file=sys.stderr)
        return None


def cmd_validate(args) -> int:
    try:
        catalog = load(args.pad)
    except InvalidData as err:
        if args.format == "json":
            print(json.dumps({"geldig": False, "problemen": [p.to_dict() for p in err.problems],
                              "samenvatting": summary(err.problems)}, ensure_ascii=False, indent=2))
        else:
            print(report(err.problems))
        return 1
    if args.format == "json":
        print(json.dumps({"geldig": True, "problemen": [], "praktijken": len(catalog.practices),
                          "sjablonen": len(catalog.templates)}, ensure_ascii=False, indent=2))
    else:
        print(f"Alles in orde: {len(catalog.practices)} praktijken en {len(catalog.templates)} sjablonen gecontroleerd.")
    return 0


def stale_records(catalog, within: int):
    """(record, due date, days overdue) for records due within `within` days, most overdue first."""
    limit = catalog.today + timedelta(days=within)
    found = []
    for record in catalog.practices:
        due = date.fromisoformat(record.get("redactie", "volgende_beoordeling"))
        if due <= limit:
            found.append((record, due, (catalog.today - due).days))
    return sorted(found, key=lambda item: item[1])


def cmd_stale(args) -> int:
    catalog = load_or_report(args.pad, date.fromisoformat(args.vandaag) if args.vandaag else None)
    if catalog is None:
        return 1
    found = stale_records(catalog, args.binnen)
    if args.format == "json":
        print(json.dumps([{"id": r.id, "bestand": r.file, "volgende_beoordeling": due.isoformat(),
                           "dagen_te_laat": max(late, 0), "te_laat": late > 0} for r, due, late in found],
                         ensure_ascii=False, indent=2))
        return 0
    for record, due, late in found:
        when = f"{late} dagen te laat" if late > 0 else ("vandaag" if late == 0 else f"over {-late} dagen")
        print(f"{record.file}: volgende beoordeling {due} ({when}): {record.get('titel')}")
    window = f" of binnen {args.binnen} dagen aan de beurt" if args.binnen else " of vandaag aan de beurt"
    print(f"{len(found)} record(s) te laat{window}." if found else f"Geen records te laat{window}.")
    return 0


def cmd_export(args) -> int:
    from macros.publish.opendata import export_package
    catalog = load_or_report(args.pad)
    if catalog is None:
        return 1
    target = export_package(catalog, Path(args.uit))
    print(f"Datapakket geschreven: {target}")
    return 0


def cmd_pages(args) -> int:
    """The generated pages as Markdown files: a pre-build step for generators without MkDocs hooks."""
    from macros.render.map import load_topology, project_shapes
    from macros.render.pages import generated_pages
    from macros.site.events import MAP_FILE
    catalog = load_or_report(args.pad)
    if catalog is None:
        return 1
    out = Path(args.uit)
    pages = generated_pages(catalog, project_shapes(load_topology(catalog.root / MAP_FILE)))
    for src, content in pages.items():
        target = out / src
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
    print(f"{len(pages)} pagina's geschreven in {out}/ (downloadgroottes staan er niet in; die kent alleen de bouw).")
    return 0


def cmd_build(args) -> int:
    from macros.site.build import build_atomic
    return build_atomic(Path(args.config), Path(args.site), strict=not args.niet_streng)


def cmd_serve(args) -> int:
    from macros.site.build import serve
    return serve(Path(args.config), args.adres)


def cmd_beheer(args) -> int:
    from macros.cli.beheer import run_beheer
    return run_beheer(args)


def cmd_new(args) -> int:
    from macros.cli.new import run_new
    return run_new(args)


def cmd_template(args) -> int:
    from macros.cli.template import run_template
    return run_template(args)


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="kennisbank", formatter_class=argparse.RawDescriptionHelpFormatter,
                                  description="Beheer de Kennisbank Doorbraakaanpak: controleer, maak en publiceer "
                                              "goede praktijken en sjablonen.", epilog=EXAMPLES)
    sub = top.add_subparsers(dest="opdracht", metavar="opdracht", required=True)

    def command(name, func, help_text, epilog=""):
        p = sub.add_parser(name, help=help_text, description=help_text, epilog=epilog,
                           formatter_class=argparse.RawDescriptionHelpFormatter)
        p.set_defaults(func=func)
        return p

    p = command("validate", cmd_validate, "Controleer alle praktijken en sjablonen en toon elk probleem.",
                "voorbeelden:\n  kennisbank validate\n  kennisbank validate practices --format json\n\n"
                "Afsluitcode 0 als alles klopt, 1 als er problemen zijn.")
    p.add_argument("pad", nargs="?", default="practices", help="map met het datapakket (standaard: practices)")
    p.add_argument("--format", choices=["tekst", "json"], default="tekst", help="uitvoer als tekst of json")

    p = command("stale", cmd_stale, "Toon records waarvan de beoordelingsdatum voorbij is of binnenkort komt.",
                "voorbeelden:\n  kennisbank stale\n  kennisbank stale --binnen 30 --format json")
    p.add_argument("pad", nargs="?", default="practices", help="map met het datapakket (standaard: practices)")
    p.add_argument("--binnen", type=int, default=0, metavar="DAGEN", help="ook records die binnen zoveel dagen aan de beurt zijn")
    p.add_argument("--format", choices=["tekst", "json"], default="tekst", help="uitvoer als tekst of json")
    p.add_argument("--vandaag", metavar="JJJJ-MM-DD", help=argparse.SUPPRESS)

    p = command("export", cmd_export, "Schrijf het open-datapakket (CSV, JSON Schema's, datapackage.json).",
                "voorbeeld:\n  kennisbank export --uit data/")
    p.add_argument("pad", nargs="?", default="practices", help="map met het datapakket (standaard: practices)")
    p.add_argument("--uit", default="data", metavar="MAP", help="map waarin het pakket komt (standaard: data)")

    p = command("paginas", cmd_pages, "Schrijf de pagina's die uit de gegevens volgen als Markdown-bestanden "
                "(voor een sitegenerator zonder MkDocs-hooks).", "voorbeeld:\n  kennisbank paginas --uit .cache/paginas")
    p.add_argument("pad", nargs="?", default="practices", help="map met het datapakket (standaard: practices)")
    p.add_argument("--uit", default=".cache/paginas", metavar="MAP", help="map voor de pagina's (standaard: .cache/paginas)")

    p = command("build", cmd_build, "Bouw de site. site/ wordt alleen vervangen als de bouw helemaal lukt.",
                "voorbeeld:\n  kennisbank build")
    p.add_argument("--config", default="mkdocs.yml", help="het mkdocs-configuratiebestand")
    p.add_argument("--site", default="site", metavar="MAP", help="map voor de gebouwde site (standaard: site)")
    p.add_argument("--niet-streng", action="store_true", help="waarschuwingen van MkDocs niet als fout behandelen")

    p = command("serve", cmd_serve, "Bekijk de site lokaal; ververst bij elke wijziging in practices/ of docs/.",
                "voorbeeld:\n  kennisbank serve --adres 127.0.0.1:8000")
    p.add_argument("--config", default="mkdocs.yml", help="het mkdocs-configuratiebestand")
    p.add_argument("--adres", default="127.0.0.1:8000", help="adres en poort (standaard: 127.0.0.1:8000)")

    p = command("beheer", cmd_beheer, "Start de webeditor van de redactie op uw eigen computer, zonder "
                "git-server: de lokale server van de webeditor en de voorbeeldweergave. Stoppen met Ctrl+C.",
                "voorbeelden:\n  kennisbank beheer\n      open daarna http://127.0.0.1:8000/redactie/beheer/ en klik op "
                "Inloggen\n  kennisbank beheer --adres 127.0.0.1:8010 --poort 8091\n\n"
                "Wat u in de webeditor opslaat, schrijft hij meteen in practices/. Werk daarom in een eigen tak "
                "(git switch -c ...).")
    from macros.cli.beheer import add_arguments as add_beheer_arguments
    add_beheer_arguments(p)

    p = command("new", cmd_new, "Maak een nieuwe praktijk of een nieuw sjabloon; stelt de vragen in het Nederlands.",
                "voorbeelden:\n  kennisbank new praktijk\n  kennisbank new praktijk --niet-interactief --id breda-po "
                "--titel \"Doorbraaktafel Breda\" --samenvatting \"...\" --regio Breda --gemeenten Breda Zundert "
                "--swv \"PO 30-01\" --rmc MC34 --onderwijssoort po --themas doorbraakoverleg --afgesproken 2025-03-01 "
                "--organisatie \"SWV Breda\" --email info@swv-breda.nl\n  kennisbank new sjabloon")
    from macros.cli.new import add_arguments as add_new_arguments
    add_new_arguments(p)

    p = command("sjabloon", cmd_template, "Werk met sjablonen: invullen of een nieuwe versie vastleggen.",
                "voorbeelden:\n  kennisbank sjabloon invullen convenant-gegevensdeling --waarden waarden.yaml --formaat odt\n"
                "  kennisbank sjabloon vastleggen")
    from macros.cli.template import add_arguments as add_template_arguments
    add_template_arguments(p)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("Afgebroken.", file=sys.stderr)
        return 130
    except (OSError, ValueError) as err:
        print(f"Fout: {err}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
