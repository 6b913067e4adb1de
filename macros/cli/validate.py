"""`kennisbank validate`: check everything and show every problem (and the warnings)."""

from __future__ import annotations

import json

from macros.model.problems import InvalidData, report, summary
from macros.load.catalog import check_package
from macros.load.progress import file_progress


def run(args) -> int:
    try:
        checked = check_package(args.pad, progress=file_progress, cache=not getattr(args, "zonder_cache", False))
    except InvalidData as err:
        if args.format == "json":
            print(json.dumps({"geldig": False, "problemen": [p.to_dict() for p in err.problems],
                              "waarschuwingen": [w.to_dict() for w in err.warnings],
                              "samenvatting": summary(err.problems)}, ensure_ascii=False, indent=2))
        else:
            print("\n".join([str(w) for w in err.warnings] + [report(err.problems)]))
        return 1
    if args.format == "json":
        print(json.dumps({"geldig": True, "problemen": [], "waarschuwingen": [w.to_dict() for w in checked.warnings],
                          "praktijken": checked.practices, "sjablonen": checked.templates},
                         ensure_ascii=False, indent=2))
        return 0
    for warning in checked.warnings:
        print(warning)
    count = len(checked.warnings)
    extra = f" {count} {'waarschuwing' if count == 1 else 'waarschuwingen'} (zie boven; die houden de bouw niet tegen)." \
        if count else ""
    print(f"Alles in orde: {checked.practices} praktijken en {checked.templates} sjablonen gecontroleerd.{extra}")
    return 0
