"""axe-core on a page at rest: the check waits for running CSS transitions and animations first.

A button that was just clicked or hovered fades between two colours; a frame in the middle of that
fade has too little contrast although both end states pass. axe measures whatever frame it gets,
so on a fast machine it failed at random (CI of stop 19 and 20).
"""

from __future__ import annotations

import json

from axe_playwright_python.sync_playwright import Axe

# Finite animations only: an endless one (a spinner) would never settle.
SETTLE = """() => Promise.all(document.getAnimations()
    .filter(a => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
    .map(a => a.finished.catch(() => null)))"""


def axe_violations(page, context=None) -> list:
    page.evaluate(SETTLE)
    return Axe().run(page, context=context).response["violations"]


def assert_accessible(page, what: str) -> None:
    violations = axe_violations(page)
    assert not violations, f"{what}: " + json.dumps(
        [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations], indent=1)
