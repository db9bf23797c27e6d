"""The intake in Streamlit's AppTest: a supplier's list with a likely duplicate, the choice per row, the import
as proposals, the review by a logged-in editor (one by one and per import) and the proposals toggle in the URL."""

from apptest import draai, meld_aan, start
from streamlit.testing.v1 import AppTest
from test_intake import DRENTHE, GELEVERD, LIJST, schrijf_lijst_csv, volgende_sleutel

from dashboard import data


def _knop(at: AppTest, label: str):
    return next(b for b in at.button if b.label == label)


def test_lijst_met_dubbel_kiezen_importeren_en_beoordelen(appstore, tmp_path):
    pad = schrijf_lijst_csv(tmp_path / "drenthe.csv", [*LIJST, DRENTHE])
    at = meld_aan(start())
    at.text_input(key="w_import_leverancier").input("Wmo-regio Drenthe")
    at.file_uploader[0].set_value((pad.name, pad.read_bytes(), "text/csv"))
    draai(at)
    (keuze,) = [r for r in at.radio if r.label.startswith("Regel 5: mogelijk dubbel met P023 (")]
    rapport = at.code[0].value
    a, b, c, d = (volgende_sleutel(n) for n in range(4))
    assert f"'ZK-2017-04' -> {a} (nieuw)" in rapport and f"'DR-7' -> {d} (nieuw)" in rapport
    assert "Nieuw: 4 · bijgewerkt: 0 · ongewijzigd: 0" in [m.value for m in at.markdown]
    keuze.set_value("overslaan")
    draai(at)
    assert "Nieuw: 3 · bijgewerkt: 0 · ongewijzigd: 0 · overgeslagen: 1" in [m.value for m in at.markdown]
    _knop(at, "Import bevestigen").click()
    draai(at)
    assert [s.value for s in at.success] == ["Geïmporteerd: 3 nieuw, 0 bijgewerkt."]
    projecten = appstore.projecten().set_index("project_id")
    assert list(projecten.loc[[a, b, c], "status"]) == ["voorstel"] * 3
    assert d not in projecten.index and projecten.loc["P023", "bron_id"] == ""

    # Review: one by one, then the rest of the import at once; the change log names the editor.
    assert "**3 voorstellen wachten op beoordeling.**" in [m.value for m in at.markdown]
    _knop(at, "Vaststellen").click()  # the first proposal
    draai(at)
    assert at.success[0].value == f"1 project(en) vastgesteld: {a}."
    _knop(at, "Alle 2 afwijzen").click()
    draai(at)
    assert at.success[0].value == f"2 project(en) afgewezen: {b}, {c}."
    assert [appstore.project(p)["status"] for p in (a, b, c)] == ["vastgesteld", "afgewezen", "afgewezen"]
    log = appstore.wijzigingen()
    assert log.loc[log["veld"] == "status", "redacteur"].tolist() == ["Ans Jansen"] * 3
    assert "**Geen voorstellen**: alle geïmporteerde projecten zijn beoordeeld." in [m.value for m in at.markdown]


def test_kijker_ziet_voorstellen_maar_geen_knoppen_en_de_schakelaar_staat_in_de_url(appstore, tmp_path):
    appstore.importeer(
        [
            {
                "titel": "Schuldhulp voor jonge gezinnen",
                "verzekeraars": "VGZ",
                "gebied": "Emmen",
                "indeling_jaar": "2017",
                "inhoud": "Preventie",
                "instrumenten": "Werkwijze",
                "intensiteit": "Implementatie",
                "bron_id": "VGZ/18/1",
            }
        ],
        leverancier="VGZ",
    )
    at = start()
    assert "**1 voorstel wacht op beoordeling.**" in [m.value for m in at.markdown]
    assert not [b for b in at.button if b.label in ("Vaststellen", "Afwijzen")]
    n = len(GELEVERD)
    assert at.caption[0].value.startswith(f"{n} van {n} projecten")
    at.sidebar.toggle(key="w_voorstellen").set_value(True)
    draai(at)
    assert at.query_params["voorstellen"] == "1"
    assert at.caption[0].value.startswith(f"{n + 1} van {n + 1} projecten")
    assert "inclusief voorstellen die nog niet zijn vastgesteld" in at.caption[0].value
    at = start(params={"voorstellen": "1", "zoek": "VGZ/18/1"})
    assert at.sidebar.toggle(key="w_voorstellen").value
    assert at.caption[0].value.startswith(f"1 van {n + 1} projecten")


def _met_vervolg(at: AppTest) -> str:
    return next(m.value for m in at.metric if m.label == "Ontwikkelprojecten met vervolg")


def test_leerlijnen_volgt_de_schakelaar_voorstellen(appstore):
    """A proposal that builds on an Ontwikkelproject gives it a follow-up only once proposals are shown."""
    voor = _met_vervolg(start("pages/leerlijnen.py"))
    appstore.importeer(
        [
            {
                "titel": "Vervolg op de GGZ-aanpak in Den Haag",
                "verzekeraars": "Menzis",
                "gebied": "GM0518",
                "indeling_jaar": "2017",
                "inhoud": "GGZ",
                "instrumenten": "Werkwijze",
                "intensiteit": "Implementatie",
                "bouwt_voort_op": "P007",
                "bouwt_voort_op_citaat": "vervolg op het project in Den Haag",
                "bron_id": "MZ/19/4",
            }
        ],
        leverancier="Menzis",
    )
    data.vernieuw()  # the import ran outside the app
    at = start("pages/leerlijnen.py")
    assert _met_vervolg(at) == voor
    at.sidebar.toggle(key="w_voorstellen").set_value(True)
    gezien, totaal = (int(n) for n in voor.split(" van "))
    assert _met_vervolg(draai(at)) == f"{gezien + 1} van {totaal}"
