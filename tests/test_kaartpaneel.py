"""The Analyse panel's Markdown: every sentence is escaped, so no text becomes a link, image or formula."""

import re

from aanvalsteksten import ALLE_AANVALLEN

from dashboard.kaartpaneel import analyse_markdown
from dashboard.projectweergave import md


def test_analyse_markdown_escapes_each_sentence():
    tekst = analyse_markdown(["3 projecten in 2 van de 5 gemeenten (40%).", f"Wmo-regio {ALLE_AANVALLEN} (2)."])
    assert tekst == (
        "**Analyse**\n\n- 3 projecten in 2 van de 5 gemeenten \\(40%\\)\\.\n"
        f"- Wmo\\-regio {md(ALLE_AANVALLEN)} \\(2\\)\\."
    )
    assert not re.search(r"(?<!\\)[<>\[\]()$`*_{}]", tekst.partition("\n\n")[2])


def _lijst_van_vier():
    """App script: the project list of four projects, at most three of them as links."""
    from dashboard import kaartpaneel

    kaartpaneel.MAX_LIJST = 3
    kaartpaneel.projectlijst(["P001", "P002", "P003", "P004"])


def test_a_long_project_list_is_cut_and_says_how_many_more(tmp_path, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from dashboard import kaartpaneel

    monkeypatch.setenv("SAMENWERKING_DB", str(tmp_path / "samenwerking.sqlite"))
    monkeypatch.setattr(kaartpaneel, "MAX_LIJST", kaartpaneel.MAX_LIJST)
    at = AppTest.from_function(_lijst_van_vier, default_timeout=60)
    at.run()
    assert not at.exception
    assert re.findall(r"project=(P\d+)", at.markdown[0].value) == ["P001", "P002", "P003"]
    assert at.caption[0].value.startswith("… en 1 project meer; de pagina Projecten toont ze allemaal")


def test_the_table_behind_a_map_lists_each_municipality_with_projects_and_is_the_skip_links_target():
    import html
    from xml.etree import ElementTree

    import pandas as pd

    from dashboard.kaartpaneel import kaarttabel, overslaanlink
    from kaart.model import Kaartbeeld, KaartSpec, LegendaItem

    gemeenten = pd.DataFrame(
        {
            "gemeente_code": ["GM0344", "GM0193", "GM0363"],
            "gemeente_naam": ["Utrecht", "Zwolle", ALLE_AANVALLEN],
            "wmo_regio": ["Utrecht Stad", "IJssel-Vecht", "Amsterdam-Amstelland"],
            "klasse": ["2 projecten", "1 project", "geen project"],
            "kleur": ["#111111", "#222222", "#F2F2F2"],
            "aantal_projecten": [2, 1, 0],
            "aantal_mogelijk": [0, 1, 0],
            "titels": [("a", "b"), ("c",), ()],
            "project_ids": [("P001", "P002"), ("P003", "P009"), ()],
        }
    )
    kaartbeeld = Kaartbeeld(
        KaartSpec("totaal"), gemeenten, (LegendaItem("1 project", "#222222", 1),), "Totaal", "alle", ""
    )
    link = ElementTree.fromstring(overslaanlink("inhoud-links"))
    tabel = ElementTree.fromstring(kaarttabel(kaartbeeld, "inhoud-links"))
    assert link.get("href") == "#" + tabel.find("summary").get("id")
    rijen = [["".join(cel.itertext()) for cel in rij] for rij in tabel.iter("tr")][1:]
    assert rijen == [
        ["Utrecht", "Utrecht Stad", "2 projecten", "2", "0", "P001, P002"],
        ["Zwolle", "IJssel-Vecht", "1 project", "1", "1", "P003, P009"],
    ]
    assert "(1 gemeente zonder project staat er niet in)" in "".join(tabel.find("summary").itertext())
    assert html.escape(ALLE_AANVALLEN) not in kaarttabel(kaartbeeld, "x")  # the row without projects is not listed
    # Kept to a legend class, the table lists just that class, also the class without projects.
    alleen = ElementTree.fromstring(kaarttabel(kaartbeeld, "x", "geen project"))
    assert [["".join(c.itertext()) for c in rij][0] for rij in alleen.iter("tr")][1:] == [ALLE_AANVALLEN]
    assert "1 gemeente in klasse geen project" in "".join(alleen.find("summary").itertext())


def test_the_rows_behind_a_map_are_built_once_per_map_and_class_and_go_with_the_map():
    import gc
    import weakref

    import pandas as pd

    from dashboard import kaartpaneel
    from kaart import tabel
    from kaart.model import Kaartbeeld, KaartSpec, LegendaItem

    gemeenten = pd.DataFrame(
        {
            "gemeente_code": ["GM0344", "GM0193"],
            "gemeente_naam": ["Utrecht", "Zwolle"],
            "wmo_regio": ["Utrecht Stad", "IJssel-Vecht"],
            "klasse": ["1 project", "geen project"],
            "kleur": ["#222222", "#F2F2F2"],
            "aantal_projecten": [1, 0],
            "aantal_mogelijk": [0, 0],
            "titels": [("a",), ()],
            "project_ids": [("P001",), ()],
        }
    )
    kaartbeeld = Kaartbeeld(KaartSpec("totaal"), gemeenten, (LegendaItem("1 project", "#222222", 1),), "T", "", "")
    alle = kaartpaneel.tabelrijen(kaartbeeld)
    assert kaartpaneel.tabelrijen(kaartbeeld) is alle
    pd.testing.assert_frame_equal(alle, tabel.kaarttabel(kaartbeeld))
    leeg = kaartpaneel.tabelrijen(kaartbeeld, "geen project")
    assert leeg["Gemeente"].tolist() == ["Zwolle"] and kaartpaneel.tabelrijen(kaartbeeld, "geen project") is leeg
    # A map that leaves the cache takes its rows with it.
    weg, aantal = weakref.ref(kaartbeeld), len(kaartpaneel._PER_KAART)
    del kaartbeeld
    gc.collect()
    assert weg() is None and len(kaartpaneel._PER_KAART) == aantal - 1
