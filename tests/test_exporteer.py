"""Export to CSV and XLSX: same columns as projecten.csv, round trip through the importer, formula neutralising."""

from __future__ import annotations

import codecs
import csv

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from voorbeeldprojecten import VOORBEELD, rij, schrijf_csv

from projectdb import Validatiefout, open_store
from projectdb.exporteer import exporteer
from projectdb.formule import FORMULETEKENS, herstel, neutraliseer
from projectdb.importeer import importeer_bestand
from projectdb.kolommen import KOLOMMEN, KOPTEKST
from projectdb.sjabloon import SJABLOONKOLOMMEN, maak_sjabloon

GEVAARLIJK = rij(
    titel='=HYPERLINK("http://x","klik")',
    omschrijving="+31 20 1234567",
    partners="-;@team",
    toelichting_labels="-",
    bron="'gewoon citaat'",
)


@pytest.fixture
def store(tmp_path):
    store = open_store(tmp_path / "a" / "s.sqlite", bron=schrijf_csv(tmp_path / "bron.csv", VOORBEELD))
    store.importeer([GEVAARLIJK], redacteur="test")
    return store


@pytest.fixture
def leeg(tmp_path):
    return open_store(tmp_path / "b" / "s.sqlite", bron=schrijf_csv(tmp_path / "leeg.csv", []))


@pytest.mark.parametrize("formaat", ["csv", "xlsx"])
def test_rondgang(store, leeg, tmp_path, formaat):
    pad = exporteer(store.projecten(), tmp_path / f"export.{formaat}")
    rapport = importeer_bestand(leeg, pad)
    assert rapport.nieuw == ["P001", "P002", "P003", "P004", "P100"]
    assert "bronvermelding" not in rapport.tekst()  # the derived column is skipped without a warning
    # Into another database the projects arrive as proposals of one import; everything else is as exported.
    assert set(leeg.projecten()["status"]) == {"voorstel"} and set(leeg.projecten()["importronde"]) == {1}
    intern = ["versie", "status", "importronde"]
    assert leeg.projecten().drop(columns=intern).equals(store.projecten().drop(columns=intern))


def test_csv_heeft_bom_komma_en_de_kolommen_van_projecten_csv(store, tmp_path):
    pad = exporteer(store.projecten(), tmp_path / "export.csv")
    ruw = pad.read_bytes()
    assert ruw.startswith(codecs.BOM_UTF8)
    rijen = list(csv.reader(ruw.decode("utf-8-sig").splitlines()))
    assert tuple(rijen[0]) == (*KOLOMMEN, "bronvermelding")
    p004 = next(r for r in rijen if r[0] == "P004")
    assert p004[KOLOMMEN.index("verzekeraars")] == "VGZ;CZ"
    assert p004[-1] == "AEF, Samenwerking zorgverzekeraars en gemeenten, 2017"
    p100 = next(r for r in rijen if r[0] == "P100")
    assert p100[-1] == p100[KOLOMMEN.index("bron")]  # a source not in the registry is shown as given


def test_xlsx_heeft_een_blad_met_de_bronnen_en_de_peildatum(store, tmp_path):
    boek = load_workbook(exporteer(store.projecten(), tmp_path / "export.xlsx"))
    rijen = [[c.value for c in r] for r in boek["bronnen"].iter_rows()]
    assert rijen[0] == ["bestand", "bronvermelding", "peildatum", "toelichting", "projecten"]
    per_bestand = {r[0]: r for r in rijen[1:] if r and r[0] and r[0].endswith(".txt")}
    aef = per_bestand["002_4672d5e83c675345.txt"]
    assert aef[1:3] == ["AEF, Samenwerking zorgverzekeraars en gemeenten, 2017", "29 juni 2017"] and aef[4] == 3
    zk = per_bestand["000_f140bac0d450b2f3.txt"]
    assert zk[1].startswith("Zilveren Kruis, Informatiebrief") and zk[2] == "5 april 2017"
    (peildatum,) = [r for r in rijen if r and r[0] == "Peildatum van deze projecten"]
    assert peildatum[1] == "2017 (niet alle bronnen gedateerd)"  # P100's source is not in the registry


def test_formules_worden_geneutraliseerd(store, tmp_path):
    pad = exporteer(store.projecten(), tmp_path / "export.csv")
    rijen = csv.DictReader(pad.read_text(encoding="utf-8-sig").splitlines())
    rij_ = next(r for r in rijen if r["project_id"] == "P100")
    assert rij_["titel"] == '\'=HYPERLINK("http://x","klik")'
    assert rij_["omschrijving"] == "'+31 20 1234567"
    assert rij_["partners"] == "'-;'@team"
    assert rij_["toelichting_labels"] == "'-"
    assert rij_["bron"] == "'gewoon citaat'"
    blad = load_workbook(exporteer(store.projecten(), tmp_path / "export.xlsx"))["projecten"]
    waarden = {c.value: c for c in blad[1]}
    regel = next(r for r in blad.iter_rows(min_row=2) if r[0].value == "P100")
    titel = regel[list(waarden).index("titel")]
    assert (titel.value, titel.data_type) == ('\'=HYPERLINK("http://x","klik")', "s")
    assert not any(c.data_type == "f" for r in blad.iter_rows() for c in r)


PUNTKOMMA_AANVAL = "A;@SUM(1+1);+cmd|' /C calc'!A0"
"""Multiple values whose later segments are formulas once Dutch Excel splits the cell on ';'."""


@pytest.mark.parametrize("formaat", ["csv", "xlsx"])
def test_elk_puntkommadeel_wordt_geneutraliseerd_en_komt_ongewijzigd_terug(leeg, tmp_path, formaat):
    rapport = importeer_bestand(
        leeg, schrijf_csv(tmp_path / "aanval.csv", [rij(partners=PUNTKOMMA_AANVAL, titel="Titel;=1+1")])
    )
    deelwaarschuwingen = sorted(
        (m.veld, m.tekst.split(" begint")[0]) for m in rapport.waarschuwingen if "formule-injectie" in m.tekst
    )
    assert deelwaarschuwingen == [
        ("partners", repr("+cmd|' /C calc'!A0")),
        ("partners", repr("@SUM(1+1)")),
        ("titel", repr("=1+1")),
    ]
    pad = exporteer(leeg.projecten(), tmp_path / f"export.{formaat}")
    if formaat == "csv":
        cellen = next(r for r in csv.DictReader(pad.read_text(encoding="utf-8-sig").splitlines()))
    else:
        blad = load_workbook(pad)["projecten"]
        cellen = dict(zip((c.value for c in blad[1]), (c.value for c in blad[2]), strict=True))
    assert cellen["partners"] == "A;'@SUM(1+1);'+cmd|' /C calc'!A0"
    assert cellen["titel"] == "Titel;'=1+1"
    for tekst in cellen.values():
        assert not any(str(deel).startswith(FORMULETEKENS) for deel in str(tekst).split(";"))
    opnieuw = open_store(tmp_path / "c" / "s.sqlite", bron=schrijf_csv(tmp_path / "leeg2.csv", []))
    importeer_bestand(opnieuw, pad)
    assert opnieuw.project("P100")["partners"] == ("A", "@SUM(1+1)", "+cmd|' /C calc'!A0")
    assert opnieuw.project("P100")["titel"] == "Titel;=1+1"


@pytest.mark.parametrize("tekst", ["=1+1", "+", "-", "@x", "\tx", "\rx", "'=x", "''-", "gewoon", "", "'", "'a", "a=b"])
def test_neutraliseren_en_herstellen(tekst):
    veilig = neutraliseer(tekst)
    assert not veilig.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert herstel(veilig) == tekst


def test_onbekend_formaat(store, tmp_path):
    with pytest.raises(Validatiefout, match=r"export\.json: onbekend exportformaat '\.json'; gebruik \.csv of \.xlsx"):
        exporteer(store.projecten(), tmp_path / "export.json")


def test_ingevuld_sjabloon_importeert(leeg, tmp_path):
    pad = maak_sjabloon(tmp_path / "sjabloon.xlsx")
    boek = load_workbook(pad)
    blad = boek["projecten"]
    assert [c.value for c in blad[1]] == [KOPTEKST[k] for k in SJABLOONKOLOMMEN]
    lijsten = {str(v.sqref): v for v in blad.data_validations.dataValidation}

    def validatie(kolom: str):
        letter = get_column_letter(SJABLOONKOLOMMEN.index(kolom) + 1)
        return lijsten[f"{letter}2:{letter}1001"]

    assert {
        validatie(k).errorStyle
        for k in ("indeling_jaar", "inhoud", "intensiteit", "geografie", "gebied_precisie", "verzekeraar_herkomst")
    } == {"stop"}
    keuzes = {
        blad_cel.value
        for kolom in boek["lijsten"].iter_cols()
        if kolom[0].value == "Gebied volledig of deel"
        for blad_cel in kolom[1:]
        if blad_cel.value
    }
    assert keuzes == {"volledig", "deel"}
    assert (validatie("aantal_gemeenten_bron").type, validatie("aantal_gemeenten_bron").formula1) == ("whole", "1")
    assert {validatie(k).errorStyle for k in ("verzekeraars", "instrumenten")} == {"warning"}
    assert {(validatie(k).type, validatie(k).formula1, validatie(k).formula2) for k in ("startjaar", "eindjaar")} == {
        ("whole", "1990", "2100")
    }
    assert boek.sheetnames == ["projecten", "instructies", "voorbeeld", "lijsten", "uitleg", "sjabloon"]
    assert (boek["lijsten"].sheet_state, boek["sjabloon"].sheet_state) == ("hidden", "veryHidden")
    blad.append([rij()[k] for k in SJABLOONKOLOMMEN])
    boek.save(tmp_path / "ingevuld.xlsx")
    rapport = importeer_bestand(leeg, tmp_path / "ingevuld.xlsx")
    assert rapport.nieuw == ["P100"] and rapport.koppen["intensiteit"] == "Samenwerkingsvorm"
