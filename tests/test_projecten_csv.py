"""The shipped records: every quote is verbatim in its source document (``../shared/seeds``)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pandas as pd
import pytest

from classify import vocab
from projectdb import bronnen, gebied
from projectdb.store import PROJECTEN_CSV
from projectdb.strategie import STRATEGIE_CSV

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def nz(s: str) -> str:
    """The comparison form of the quote rule: NFKC, straight quotes, collapsed whitespace, lowercase."""
    s = unicodedata.normalize("NFKC", s).replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"')
    s = s.replace("\u201d", '"')
    return " ".join(s.split()).lower()


def test_normalisatie():
    assert nz("“Zo’n”\n  TEKST\u00a0hier") == '"zo\'n" tekst hier'


def test_citaten_staan_letterlijk_in_de_bron():
    if not SEEDS.is_dir():
        pytest.skip(f"brondocumenten ontbreken ({SEEDS})")
    if not PROJECTEN_CSV.exists():
        pytest.skip("data/projects/projecten.csv ontbreekt")
    projecten = pd.read_csv(PROJECTEN_CSV, dtype=str, keep_default_na=False, encoding="utf-8")
    bronnen: dict[str, str] = {}
    fouten = []
    for rij in projecten.itertuples():
        bestand = SEEDS / rij.bron
        if not bestand.is_file():
            fouten.append(f"{rij.project_id}: bron {rij.bron!r} bestaat niet in {SEEDS}")
            continue
        ruw = bestand.read_text(encoding="utf-8")
        tekst = bronnen.setdefault(rij.bron, nz(zonder_nadruk(ruw)))
        if len(rij.bron_citaat) < 40:
            fouten.append(f"{rij.project_id}: bron_citaat korter dan 40 tekens")
        # The main quote is one unbroken piece of the source as it stands, emphasis marks included.
        if "…" in rij.bron_citaat or nz(rij.bron_citaat) not in nz(ruw):
            fouten.append(f"{rij.project_id}: bron_citaat staat niet als één stuk letterlijk in {rij.bron}")
        for kolom in ("bron_citaat", "bouwt_voort_op_citaat", "periode_citaat", "precisie_citaat"):
            for deel in delen(getattr(rij, kolom)):
                if "*" in deel and kolom != "bron_citaat":
                    fouten.append(f"{rij.project_id}: {kolom} bevat markdown-opmaak ('*')")
                if len(deel) < 20:
                    fouten.append(f"{rij.project_id}: {kolom} heeft een deel korter dan 20 tekens: {deel!r}")
                if nz(zonder_nadruk(deel)) not in tekst:
                    fouten.append(f"{rij.project_id}: {kolom} niet gevonden in {rij.bron}: {deel[:60]!r}")
        if bool(rij.bouwt_voort_op) != bool(rij.bouwt_voort_op_citaat):
            fouten.append(f"{rij.project_id}: bouwt_voort_op en bouwt_voort_op_citaat horen samen gevuld of leeg")
        if bool(rij.startjaar) != bool(rij.periode_citaat):
            fouten.append(f"{rij.project_id}: startjaar en periode_citaat horen samen gevuld of leeg")
        for jaar in {rij.startjaar, rij.eindjaar} - {""}:
            if jaar not in rij.periode_citaat:
                fouten.append(f"{rij.project_id}: periode_citaat noemt {jaar} niet")
    assert not fouten, "\n".join(fouten)


def test_strategieen_zijn_letterlijk_geciteerd_en_geen_projecten():
    if not SEEDS.is_dir():
        pytest.skip(f"brondocumenten ontbreken ({SEEDS})")
    strategie = pd.read_csv(STRATEGIE_CSV, dtype=str, keep_default_na=False, encoding="utf-8")
    assert set(strategie["verzekeraar"]) <= set(vocab.VERZEKERAAR_NAMEN) and len(strategie) > 0
    for rij in strategie.itertuples():
        tekst = nz(zonder_nadruk((SEEDS / rij.bron).read_text(encoding="utf-8")))
        assert len(rij.citaat) >= 40 and nz(rij.citaat) in tekst, rij.citaat
    projecten = pd.read_csv(PROJECTEN_CSV, dtype=str, keep_default_na=False, encoding="utf-8")
    assert not set(strategie["citaat"]) & set(projecten["bron_citaat"])  # a strategy is not also a project


def test_elke_bron_staat_in_het_bronnenregister_met_uitgever_en_titel():
    register = bronnen.bronnen()
    projecten = pd.read_csv(PROJECTEN_CSV, dtype=str, keep_default_na=False, encoding="utf-8")
    strategie = pd.read_csv(STRATEGIE_CSV, dtype=str, keep_default_na=False, encoding="utf-8")
    assert set(projecten["bron"]) | set(strategie["bron"]) <= set(register)
    for bron in register.values():
        assert bron.titel and bron.uitgever
        assert not bron.peildatum or bron.jaar == int(bron.peildatum[:4])
        if SEEDS.is_dir():
            assert (SEEDS / bron.bestand).is_file()


def zonder_nadruk(tekst: str) -> str:
    """A source text without markdown emphasis marks (``**vet**``, ``*cursief*``): quotes cite the words only."""
    return tekst.replace("*", "")


def test_nadruk_telt_niet_mee():
    assert nz(zonder_nadruk("via een **Health Impact Bond**")) == "via een health impact bond"


def delen(citaat: str) -> list[str]:
    """The verbatim parts of a quote: an ellipsis '…' marks left-out source text between two parts."""
    return [deel.strip() for deel in citaat.split("…") if deel.strip()]


def test_citaatdelen():
    assert delen("Proces in 2015 en 2016 … ook in 2017") == ["Proces in 2015 en 2016", "ook in 2017"]
    assert delen("") == []


def test_perioden_van_de_meegeleverde_projecten():
    projecten = pd.read_csv(PROJECTEN_CSV, dtype=str, keep_default_na=False, encoding="utf-8").set_index("project_id")
    met = projecten[projecten["startjaar"] != ""]
    assert {pid: (r.startjaar, r.eindjaar) for pid, r in met.iterrows()} == {
        "P001": ("2015", "2017"),
        "P002": ("2018", "2018"),
        "P003": ("2017", "2019"),
        "P014": ("2018", "2018"),
        "P051": ("2016", "2016"),
        "P052": ("2017", "2017"),
    }


@pytest.fixture(scope="module")
def meegeleverd() -> pd.DataFrame:
    return pd.read_csv(PROJECTEN_CSV, dtype=str, keep_default_na=False, encoding="utf-8").set_index("project_id")


def test_geen_gebiedstoken_valt_binnen_een_ander_token_van_hetzelfde_project(meegeleverd):
    for pid, rij in meegeleverd.iterrows():
        tokens = gebied.splits(rij["gebied"])
        jaar = int(rij["indeling_jaar"])
        for token in tokens:
            rest = [t for t in tokens if t != token]
            if rest:
                binnen = gebied.gemeenten_van_token(token, jaar) <= gebied.gemeenten_van_gebied(rest, jaar)
                assert not binnen, f"{pid}: {token} ligt al in de andere gebieden"


def test_deel_heeft_citaat_en_het_aantal_staat_erin(meegeleverd):
    deel = meegeleverd[meegeleverd["gebied_precisie"] == "deel"]
    assert len(deel) > 0 and (deel["precisie_citaat"] != "").all()
    for pid, rij in deel[deel["aantal_gemeenten_bron"] != ""].iterrows():
        assert rij["aantal_gemeenten_bron"] in rij["precisie_citaat"], pid
    volledig = meegeleverd[meegeleverd["gebied_precisie"] == "volledig"]
    assert (volledig["aantal_gemeenten_bron"] == "").all()
    for pid, rij in deel.iterrows():  # 'deel' says something about an area, not about named gemeenten
        assert any(not t.startswith("GM") for t in gebied.splits(rij["gebied"])), pid


def test_afgeleide_verzekeraar_is_concessie_en_zegt_dat_ook_in_de_toelichting(meegeleverd):
    for pid, rij in meegeleverd.iterrows():
        zegt_afgeleid = "concessiehouder 2017" in rij["toelichting_labels"]
        assert zegt_afgeleid == (rij["verzekeraar_herkomst"] == "concessie"), pid


def test_correcties_na_herlezing(meegeleverd):
    # P006 was P005 again; P042, P044 and P047 are strategies (strategie.csv), not projects.
    assert not {"P006", "P042", "P044", "P047"} & set(meegeleverd.index)
    assert not any("P006" in v for v in meegeleverd["bouwt_voort_op"])
    assert meegeleverd.loc["P005", "aantal_gemeenten_bron"] == "10"
    # The same sentence names "regio Food Valley" and "regio Arnhem": both Wmo-regions.
    assert (meegeleverd.loc["P034", "gebied"], meegeleverd.loc["P035", "gebied"]) == (
        "wmo:FoodValley",
        "wmo:Regio Arnhem",
    )
    assert "P002" in meegeleverd.loc["P014", "bouwt_voort_op"].split(";")
    friesland = meegeleverd[meegeleverd["bron_citaat"].str.contains("borging van inkoop regionaal")]
    assert list(friesland["verzekeraars"]) == ["De Friesland"] and list(friesland["instrumenten"]) == ["Inkoop"]
    for pid in ("P048", "P049", "P050"):  # quotes end with the term that matters, not mid-sentence
        assert zonder_nadruk(meegeleverd.loc[pid, "bron_citaat"]).endswith(
            ("Health Impact Bond", "afvangt", "participatieladder")
        )
