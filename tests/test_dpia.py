"""The DPIA field of gegevensdeling (issue 29, item 3): its own codelist (ja, nee, onbekend), a column of
the gegevensdeling comparison and of the compiled table, with literal values on the fixture catalogue."""

from __future__ import annotations

from macros.model.schema import table_schemas
from test_render import FIXTURE, TODAY, load_catalog, render_context


def test_dpia_is_a_coded_compared_column():
    ctx = render_context(load_catalog(FIXTURE, today=TODAY))
    assert [(c.code, c.label) for c in ctx.catalog.codelists["dpia"]] == [("ja", "Ja"), ("nee", "Nee"),
                                                                         ("onbekend", "Onbekend")]
    assert [f.title for f in ctx.compare_fields("gegevensdeling")] == ["Grondslag in de AVG", "Wettelijke bepaling", "Convenant", "Privacyprotocol",
                                                                       "DPIA"]
    table = table_schemas(ctx.catalog.schemas["praktijk"], "praktijk")["praktijken"]
    field = next(f for f in table["fields"] if f["name"] == "gegevensdeling_dpia")
    assert field["constraints"] == {"maxLength": 60}
    assert {"fields": "gegevensdeling_dpia", "reference": {"resource": "dpia", "fields": "code"}} in table["foreignKeys"]
    assert [r["gegevensdeling_dpia"] for r in ctx.catalog.tables["praktijken"]] == ["ja", None, None]
