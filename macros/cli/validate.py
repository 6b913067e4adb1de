"""`kennisbank validate`: check everything and show every problem."""

from __future__ import annotations

import json

from macros.checks.problems import InvalidData, report, summary
from macros.cli.common import load


def run(args) -> int:
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
