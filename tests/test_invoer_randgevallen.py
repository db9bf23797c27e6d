"""What real spreadsheets and text exports look like: formulas, dates, merged cells, Excel errors, other
delimiters and encodings, huge cells, invisible characters. Each case gets a message that says what it is."""

from __future__ import annotations

import codecs
import re
import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from voorbeeldprojecten import (
    CITAAT,
    PERIODE_CITAAT,
    VOORBEELD,
    rij,
    schrijf_csv,
    schrijf_xlsx,
)

from projectdb import Validatiefout, open_store
from projectdb.importeer import importeer_bestand
from projectdb.kolommen import KOLOMMEN


@pytest.fixture
def store(tmp_path):
    return open_store(tmp_path / "db" / "s.sqlite", bron=schrijf_csv(tmp_path / "bron.csv", VOORBEELD))


def geweigerd(store, pad) -> Validatiefout:
    voor = store.checksum()
    with pytest.raises(Validatiefout) as fout:
        importeer_bestand(store, pad)
    assert store.checksum() == voor
    return fout.value


def kolom(veld: str) -> str:
    """The letter of ``veld`` in a file written by :func:`schrijf_xlsx` with the default headers."""
    return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[KOLOMMEN.index(veld)]


def vervang_cellen(pad: Path, cellen: dict[str, str]) -> Path:
    """Replace cells of sheet1 by raw XML (``adres -> '<c ...>...</c>'``), as Excel writes formulas."""
    with zipfile.ZipFile(pad) as bron:
        leden = {lid.filename: bron.read(lid.filename) for lid in bron.infolist()}
    blad = leden["xl/worksheets/sheet1.xml"].decode()
    for adres, xml in cellen.items():
        blad, aantal = re.subn(rf'<c r="{adres}"[^>]*?(/>|>.*?</c>)', xml, blad, count=1)
        assert aantal == 1, adres
    leden["xl/worksheets/sheet1.xml"] = blad.encode()
    doel = pad.with_name("excel-" + pad.name)
    with zipfile.ZipFile(doel, "w", zipfile.ZIP_DEFLATED) as archief:
        for naam, inhoud in leden.items():
            archief.writestr(naam, inhoud)
    return doel


def test_formules_geven_hun_opgeslagen_uitkomst(store, tmp_path):
    pad = schrijf_xlsx(tmp_path / "formules.xlsx", [rij(titel="x", indeling_jaar="2017")])
    titel, jaar = f"{kolom('titel')}2", f"{kolom('indeling_jaar')}2"
    pad = vervang_cellen(
        pad,
        {
            titel: f'<c r="{titel}" t="str"><f>CONCAT("Wijk","teams")</f><v>Wijkteams</v></c>',
            jaar: f'<c r="{jaar}"><f>2016+1</f><v>2017</v></c>',
        },
    )
    rapport = importeer_bestand(store, pad)
    assert store.project("P100")["titel"] == "Wijkteams" and store.project("P100")["indeling_jaar"] == 2017
    assert any(f"2 cel(len) met een formule ({titel}, {jaar})" in m.tekst for m in rapport.waarschuwingen)


def test_formule_zonder_opgeslagen_uitkomst_wordt_duidelijk_geweigerd(store, tmp_path):
    pad = schrijf_xlsx(tmp_path / "formule.xlsx", [rij(omschrijving="=1+1")])
    assert load_workbook(pad)["projecten"]["C2"].data_type == "f"
    (melding,) = geweigerd(store, pad).rapport.fouten
    assert melding.regel == 2
    assert "cel C2 bevat een formule (=1+1) zonder opgeslagen uitkomst" in melding.tekst


def test_excel_foutwaarde_wordt_genoemd(store, tmp_path):
    pad = schrijf_xlsx(tmp_path / "fout.xlsx", [rij()])
    pad = vervang_cellen(pad, {"C2": '<c r="C2" t="e"><f>1/0</f><v>#DIV/0!</v></c>'})
    (melding,) = geweigerd(store, pad).rapport.fouten
    assert "cel C2 bevat de Excel-foutwaarde '#DIV/0!'" in melding.tekst


def test_datum_in_een_jaarkolom_geeft_het_jaar(store, tmp_path):
    pad = schrijf_xlsx(tmp_path / "datums.xlsx", [rij(periode_citaat=PERIODE_CITAAT)])
    boek = load_workbook(pad)
    blad = boek["projecten"]
    blad[f"{kolom('startjaar')}2"] = datetime(2015, 1, 1)
    blad[f"{kolom('eindjaar')}2"] = datetime(2016, 12, 31)
    blad[f"{kolom('indeling_jaar')}2"] = datetime(2017, 1, 1)
    boek.save(pad)
    rapport = importeer_bestand(store, pad)
    project = store.project("P100")
    assert (project["startjaar"], project["eindjaar"], project["indeling_jaar"]) == (2015, 2016, 2017)
    assert [(m.veld, m.tekst) for m in rapport.waarschuwingen if "datum" in m.tekst] == [
        ("indeling_jaar", "datum '2017-01-01' in een jaarkolom: gelezen als jaar 2017"),
        ("startjaar", "datum '2015-01-01' in een jaarkolom: gelezen als jaar 2015"),
        ("eindjaar", "datum '2016-12-31' in een jaarkolom: gelezen als jaar 2016"),
    ]
    csv_pad = schrijf_csv(
        tmp_path / "datums.csv", [rij(project_id="P101", startjaar="1-3-2015", periode_citaat=PERIODE_CITAAT)]
    )
    importeer_bestand(store, csv_pad)
    assert store.project("P101")["startjaar"] == 2015


def test_samengevoegde_cellen_worden_genoemd(store, tmp_path):
    pad = schrijf_xlsx(tmp_path / "samengevoegd.xlsx", [rij(), rij(project_id="P101", verzekeraars="")])
    boek = load_workbook(pad)
    boek["projecten"].merge_cells(f"{kolom('verzekeraars')}2:{kolom('verzekeraars')}3")
    boek.save(pad)
    rapport = importeer_bestand(store, pad)
    assert store.project("P101")["verzekeraars"] == ("Menzis",)
    assert any(
        "cellen D2:D3 zijn samengevoegd: de waarde uit D2 is voor elke rij" in m.tekst for m in rapport.waarschuwingen
    )

    kop = schrijf_xlsx(tmp_path / "kop.xlsx", [rij(project_id="P102")])
    boek = load_workbook(kop)
    boek["projecten"]["T1"] = "extra"
    boek["projecten"].merge_cells("T1:U1")
    boek.save(kop)
    rapport = importeer_bestand(store, kop)
    assert any("cellen T1:U1 zijn samengevoegd: de kop staat alleen in T1" in m.tekst for m in rapport.waarschuwingen)

    breed = schrijf_xlsx(tmp_path / "breed.xlsx", [rij(project_id="P103")])
    boek = load_workbook(breed)
    boek["projecten"].merge_cells("B2:C2")
    boek.save(breed)
    (melding,) = geweigerd(store, breed).rapport.fouten
    assert melding.regel == 2 and "cellen B2:C2 zijn samengevoegd over meerdere kolommen" in melding.tekst


def test_pijpgescheiden_csv_wordt_gelezen_en_een_onbekend_teken_genoemd(store, tmp_path):
    rapport = importeer_bestand(store, schrijf_csv(tmp_path / "pijp.csv", [rij()], scheidingsteken="|"))
    assert rapport.scheidingsteken == "|" and rapport.nieuw == ["P100"]
    dubbelepunt = schrijf_csv(tmp_path / "dubbelepunt.csv", [rij(project_id="P101")], scheidingsteken=":")
    assert "gelezen met scheidingsteken ','" in str(geweigerd(store, dubbelepunt))


def test_een_reuzencel_heet_een_reuzencel(store, tmp_path):
    pad = tmp_path / "reuzecel.csv"
    pad.write_text("project_id,titel\nP100," + "x" * 9_900_000 + "\n", encoding="utf-8")
    tekst = str(geweigerd(store, pad))
    assert "regel 2: een cel is langer dan 131.072 tekens; de grens per cel is 5.000 tekens" in tekst
    assert "aanhalingsteken" not in tekst and "CSV-opmaak" not in tekst


@pytest.mark.parametrize("codering", ["utf-16-le", "utf-16-be"])
def test_utf16_zonder_bom(store, tmp_path, codering):
    pad = schrijf_csv(tmp_path / "utf16.csv", [rij(titel="Zorg in Súdwest-Fryslân")], codering=codering)
    assert not pad.read_bytes().startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    rapport = importeer_bestand(store, pad)
    assert rapport.codering == "UTF-16 zonder BOM"
    assert store.project("P100")["titel"] == "Zorg in Súdwest-Fryslân"


@pytest.mark.parametrize("teken", ["\u202e", "\u200b", "\u2066", "\ufeff"])
def test_onzichtbare_richtings_en_nulbreedtetekens_geven_een_waarschuwing(store, tmp_path, teken):
    pad = schrijf_csv(
        tmp_path / "onzichtbaar.csv", [rij(), rij(project_id="P101", titel=f"Wijk{teken}team", bron_citaat=CITAAT)]
    )
    rapport = importeer_bestand(store, pad, proef=True)
    (melding,) = [m for m in rapport.waarschuwingen if "onzichtbare tekens" in m.tekst]
    assert (melding.bestand, melding.regel, melding.veld) == ("onzichtbaar.csv", 3, "titel")
    assert f"U+{ord(teken):04X}" in melding.tekst
