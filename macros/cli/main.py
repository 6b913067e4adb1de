"""The `kennisbank` command for editors: validate, new, build, serve, stale, export, sjabloon."""

from __future__ import annotations

import argparse
import sys

from macros.cli import dutch_argparse  # noqa: F401  (Dutch texts for argparse's own messages)
from macros.model.problems import os_error_message
from macros.cli import beheer, export, migrate, new, pages, site, stale, template, validate
from macros.site.build import BUILDERS

EXAMPLES = """voorbeelden:
  kennisbank validate                      controleer alles in practices/
  kennisbank validate --format json        dezelfde controle, als JSON voor andere programma's
  kennisbank new praktijk                  maak een nieuwe praktijk (stelt vragen)
  kennisbank serve                         bekijk de site op http://127.0.0.1:8000/
  kennisbank build                         bouw de site in site/ (alleen als alles klopt)
  kennisbank migreer                       zet praktijken om naar de nieuwe velden
  kennisbank stale --binnen 30             welke records moeten binnen 30 dagen opnieuw beoordeeld worden?
  kennisbank export --uit data/            schrijf het open-datapakket
  kennisbank beheer                        probeer de webeditor op uw eigen computer
  kennisbank sjabloon invullen financieringsafspraak-passende-plek --waarden waarden.yaml --formaat docx
"""


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

    p = command("validate", validate.run, "Controleer alle praktijken en sjablonen en toon elk probleem.",
                "voorbeelden:\n  kennisbank validate\n  kennisbank validate practices --format json\n\n"
                "Afsluitcode 0 als alles klopt, 1 als er problemen zijn.")
    p.add_argument("pad", nargs="?", default="practices", help="map met het datapakket (standaard: practices)")
    p.add_argument("--format", choices=["tekst", "json"], default="tekst", help="uitvoer als tekst of json")
    p.add_argument("--zonder-cache", action="store_true", help="lees en controleer elk bestand opnieuw, zonder de "
                   "uitkomsten van eerdere controles in .cache/validatie/ (de uitkomst is dezelfde, alleen trager)")

    p = command("migreer", migrate.run, "Zet praktijken om van oude naar nieuwe velden (termijnen, doorzettingsmacht, "
                "grondslag, resultaten); commentaar en volgorde blijven staan. Nog een keer draaien verandert niets.",
                "voorbeeld:\n  kennisbank migreer\n  kennisbank validate")
    p.add_argument("pad", nargs="?", default="practices", help="map met het datapakket (standaard: practices)")

    p = command("stale", stale.run, "Toon records waarvan de beoordelingsdatum voorbij is of binnenkort komt.",
                "voorbeelden:\n  kennisbank stale\n  kennisbank stale --binnen 30 --format json")
    p.add_argument("pad", nargs="?", default="practices", help="map met het datapakket (standaard: practices)")
    p.add_argument("--binnen", type=int, default=0, metavar="DAGEN", help="ook records die binnen zoveel dagen aan de beurt zijn")
    p.add_argument("--format", choices=["tekst", "json"], default="tekst", help="uitvoer als tekst of json")
    p.add_argument("--vandaag", metavar="JJJJ-MM-DD", help=argparse.SUPPRESS)

    p = command("export", export.run, "Schrijf het open-datapakket (CSV, JSON Schema's, datapackage.json).",
                "voorbeeld:\n  kennisbank export --uit data/")
    p.add_argument("pad", nargs="?", default="practices", help="map met het datapakket (standaard: practices)")
    p.add_argument("--uit", default="data", metavar="MAP", help="map waarin het pakket komt (standaard: data)")

    p = command("paginas", pages.run, "Schrijf de pagina's die uit de gegevens volgen als Markdown-bestanden "
                "(voor een sitegenerator zonder MkDocs-hooks).", "voorbeeld:\n  kennisbank paginas --uit .cache/paginas")
    p.add_argument("pad", nargs="?", default="practices", help="map met het datapakket (standaard: practices)")
    p.add_argument("--uit", default=".cache/paginas", metavar="MAP", help="map voor de pagina's (standaard: .cache/paginas)")

    p = command("build", site.build, "Bouw de site. site/ wordt alleen vervangen als de bouw helemaal lukt.",
                "voorbeeld:\n  kennisbank build")
    p.add_argument("--config", default="mkdocs.yml", help="het mkdocs-configuratiebestand")
    p.add_argument("--site", default="site", metavar="MAP", help="map voor de gebouwde site (standaard: site)")
    p.add_argument("--niet-streng", action="store_true", help="waarschuwingen van MkDocs niet als fout behandelen")
    p.add_argument("--bouwer", choices=BUILDERS, default="mkdocs",
                   help="de sitegenerator: mkdocs (standaard) of zensical (de opvolger van Material for MkDocs; "
                        "installeer met pip install -e '.[zensical]')")

    p = command("serve", site.preview, "Bekijk de site lokaal; ververst bij elke wijziging in practices/ of docs/.",
                "voorbeeld:\n  kennisbank serve --adres 127.0.0.1:8000")
    p.add_argument("--config", default="mkdocs.yml", help="het mkdocs-configuratiebestand")
    p.add_argument("--adres", default="127.0.0.1:8000", help="adres en poort (standaard: 127.0.0.1:8000)")

    p = command("beheer", beheer.run_beheer, "Start de webeditor van de redactie op uw eigen computer, zonder "
                "git-server: de lokale server van de webeditor en de voorbeeldweergave. Stoppen met Ctrl+C.",
                "voorbeelden:\n  kennisbank beheer\n      open daarna http://127.0.0.1:8000/redactie/beheer/ en klik op "
                "Inloggen\n  kennisbank beheer --adres 127.0.0.1:8010 --poort 8091\n\n"
                "Wat u in de webeditor opslaat, schrijft hij meteen in practices/. Werk daarom in een eigen tak "
                "(git switch -c ...).")
    beheer.add_arguments(p)

    p = command("new", new.run_new, "Maak een nieuwe praktijk of een nieuw sjabloon; stelt de vragen in het Nederlands.",
                "voorbeelden:\n  kennisbank new praktijk\n  kennisbank new praktijk --niet-interactief --id breda-po "
                "--titel \"Doorbraaktafel Breda\" --samenvatting \"...\" --regio Breda --gemeenten Breda Zundert "
                "--swv \"PO 30-03\" --rmc MC34 --onderwijssoort po --themas doorbraakoverleg --afgesproken 2025-03-01 "
                "--organisatie \"SWV Breda\" --email info@swv-breda.nl\n  kennisbank new sjabloon")
    new.add_arguments(p)

    p = command("sjabloon", template.run_template, "Werk met sjablonen: invullen of een nieuwe versie vastleggen.",
                "voorbeelden:\n  kennisbank sjabloon invullen convenant-gegevensdeling --waarden waarden.yaml --formaat odt\n"
                "  kennisbank sjabloon vastleggen")
    template.add_arguments(p)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("Afgebroken.", file=sys.stderr)
        return 130
    except OSError as err:
        print(f"Fout: {os_error_message(err, getattr(args, 'uit', None) or getattr(args, 'site', None))}", file=sys.stderr)
        return 1
    except ValueError as err:
        print(f"Fout: {err}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
