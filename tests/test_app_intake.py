"""The intake in Streamlit's AppTest: a supplier's list with a likely duplicate, the choice per row, the import
as proposals, the review by a logged-in editor (one by one and per import) and the proposals toggle in the URL."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from test_intake import DRENTHE, GELEVERD, LIJST, schrijf_lijst_csv, volgende_sleutel

from dashboard import data, toegang
from projectdb import open_store
from projectdb.toegang import OMGEVINGSVARIABELE

APP = str(Path(__file__).resolve().parents[1] / "app.py")
WACHTWOORD = "correct paard batterij niet"


@pytest.fixture
def store(tmp_path, monkeypatch):
    """A fresh store from the shipped projects; the app's caches and logins start empty; editing is on."""
    pad = tmp_path / "samenwerking.sqlite"
    monkeypatch.setenv("SAMENWERKING_DB", str(pad))
    monkeypatch.setenv(OMGEVINGSVARIABELE, WACHTWOORD)
    for cache in (data.opslag, toegang.toegang):
        cache.clear()
    data.vernieuw()
    yield open_store(pad)
    for cache in (data.opslag, toegang.toegang):
        cache.clear()
    data.vernieuw()


def _run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _projecten(params: dict[str, str] | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    for sleutel, waarde in (params or {}).items():
        at.query_params[sleutel] = waarde
    at.switch_page("pages/projecten.py")
    return _run(at)


def _meld_aan(at: AppTest) -> AppTest:
    at.sidebar.text_input(key="w_aanmeld_naam").input("Ans Jansen")
    at.sidebar.text_input(key="w_aanmeld_wachtwoord").input(WACHTWOORD)
    next(b for b in at.sidebar.button if b.label == "Aanmelden").click()
    return _run(at)


def _knop(at: AppTest, label: str):
    return next(b for b in at.button if b.label == label)


def test_lijst_met_dubbel_kiezen_importeren_en_beoordelen(store, tmp_path):
    pad = schrijf_lijst_csv(tmp_path / "drenthe.csv", [*LIJST, DRENTHE])
    at = _meld_aan(_projecten())
    at.text_input(key="w_import_leverancier").input("Wmo-regio Drenthe")
    at.file_uploader[0].set_value((pad.name, pad.read_bytes(), "text/csv"))
    _run(at)
    (keuze,) = [r for r in at.radio if r.label.startswith("Regel 5: mogelijk dubbel met P023 (")]
    rapport = at.code[0].value
    a, b, c, d = (volgende_sleutel(n) for n in range(4))
    assert f"'ZK-2017-04' -> {a} (nieuw)" in rapport and f"'DR-7' -> {d} (nieuw)" in rapport
    assert "Nieuw: 4 · bijgewerkt: 0 · ongewijzigd: 0" in [m.value for m in at.markdown]
    keuze.set_value("overslaan")
    _run(at)
    assert "Nieuw: 3 · bijgewerkt: 0 · ongewijzigd: 0 · overgeslagen: 1" in [m.value for m in at.markdown]
    _knop(at, "Import bevestigen").click()
    _run(at)
    assert [s.value for s in at.success] == ["Geïmporteerd: 3 nieuw, 0 bijgewerkt."]
    projecten = store.projecten().set_index("project_id")
    assert list(projecten.loc[[a, b, c], "status"]) == ["voorstel"] * 3
    assert d not in projecten.index and projecten.loc["P023", "bron_id"] == ""

    # Review: one by one, then the rest of the import at once; the change log names the editor.
    assert "**3 voorstellen wachten op beoordeling.**" in [m.value for m in at.markdown]
    _knop(at, "Vaststellen").click()  # the first proposal
    _run(at)
    assert at.success[0].value == f"1 project(en) vastgesteld: {a}."
    _knop(at, "Alle 2 afwijzen").click()
    _run(at)
    assert at.success[0].value == f"2 project(en) afgewezen: {b}, {c}."
    assert [store.project(p)["status"] for p in (a, b, c)] == ["vastgesteld", "afgewezen", "afgewezen"]
    log = store.wijzigingen()
    assert log.loc[log["veld"] == "status", "redacteur"].tolist() == ["Ans Jansen"] * 3
    assert "**Geen voorstellen**: alle geïmporteerde projecten zijn beoordeeld." in [m.value for m in at.markdown]


def test_kijker_ziet_voorstellen_maar_geen_knoppen_en_de_schakelaar_staat_in_de_url(store, tmp_path):
    store.importeer(
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
    at = _projecten()
    assert "**1 voorstel wacht op beoordeling.**" in [m.value for m in at.markdown]
    assert not [b for b in at.button if b.label in ("Vaststellen", "Afwijzen")]
    n = len(GELEVERD)
    assert at.caption[0].value.startswith(f"{n} van {n} projecten")
    at.sidebar.toggle(key="w_voorstellen").set_value(True)
    _run(at)
    assert at.query_params["voorstellen"] == "1"
    assert at.caption[0].value.startswith(f"{n + 1} van {n + 1} projecten")
    assert "inclusief voorstellen die nog niet zijn vastgesteld" in at.caption[0].value
    at = _projecten({"voorstellen": "1", "zoek": "VGZ/18/1"})
    assert at.sidebar.toggle(key="w_voorstellen").value
    assert at.caption[0].value.startswith(f"1 van {n + 1} projecten")
