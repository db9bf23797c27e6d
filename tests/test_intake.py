"""Intake of suppliers' own lists: their references as bron_id, keys assigned here, re-imports that update,
likely duplicates with a choice, proposals that an editor approves, templates per region or insurer, and the round
trip export -> edit -> import.

The lists are made here in the shapes suppliers send: own id schemes, numbers from Excel, no ids at all, a
semicolon CSV from Dutch Excel in Windows-1252, XLSX with extra columns, formulas and dates outside the known
columns and a second sheet with notes.
"""

from __future__ import annotations

import csv
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import Workbook, load_workbook

from classify import filters as flt
from dashboard import projectweergave, url
from geo import geodata
from kaart import model as kaartbeeld
from kaart.model import KaartSpec
from projectdb import Conflict, Validatiefout, gebied, open_store
from projectdb.exporteer import exporteer
from projectdb.importeer import importeer_bestand
from projectdb.intake import DREMPEL
from projectdb.sjabloon import SJABLOONKOLOMMEN, lees_kenmerk, maak_sjabloon
from tekst import selectietekst

REPO = Path(__file__).resolve().parents[1]
GELEVERD = pd.read_csv(REPO / "data" / "projects" / "projecten.csv")
"""The shipped projects (every one vastgesteld in a new store)."""


def volgende_sleutel(n: int = 0) -> str:
    """The key the n-th new project gets in a new store: the numbers go on after the highest shipped one."""
    return f"P{GELEVERD['project_id'].str[1:].astype(int).max() + 1 + n:03d}"


CITAAT = "Samen met de gemeente en het wijkteam is het project in de hele regio gestart."
KOPPEN = [
    "Nr.",
    "Projectnaam",
    "Zorgverzekeraar",
    "Gemeente(n)",
    "Jaar",
    "Thema",
    "Instrument",
    "Samenwerkingsvorm",
    "Bron",
    "Citaat",
    "Opmerkingen",
]
"""Headers of a supplier's own list (Opmerkingen is not a project column)."""


def lijstrij(
    nr: object,
    titel: str,
    verzekeraar: str = "VGZ",
    gemeente: str = "Emmen",
    thema: str = "Ouderen",
    opmerking: str = "",
) -> list[object]:
    """One row of a supplier's list under :data:`KOPPEN`."""
    return [
        nr,
        titel,
        verzekeraar,
        gemeente,
        2017,
        thema,
        "Werkwijze",
        "Implementatie",
        "Inventarisatie regio 2018",
        CITAAT,
        opmerking,
    ]


LIJST = [
    lijstrij("ZK-2017-04", "Valpreventie thuiswonende ouderen", "Zilveren Kruis", "Assen"),
    lijstrij("VGZ/18/1", "Schuldhulp voor jonge gezinnen", "VGZ", "Emmen", "Preventie", "loopt nog"),
    lijstrij(
        "X-001",
        "Wijkverpleging en één sociaal team Hoogeveen – pilot",
        "Zilveren Kruis",
        "Hoogeveen",
        "Effectief Samenwerken in de Wijk",
    ),
]


@pytest.fixture
def store(databasedoel):
    """A fresh store from the shipped projects (all vastgesteld), on SQLite and on PostgreSQL."""
    return open_store(databasedoel)


def schrijf_lijst_csv(pad: Path, rijen: list[list[object]], koppen: list[str] = KOPPEN) -> Path:
    """A semicolon CSV in Windows-1252, as Dutch Excel saves 'CSV (gescheiden door lijstscheidingsteken)'."""
    with pad.open("w", encoding="cp1252", newline="") as uit:
        schrijver = csv.writer(uit, delimiter=";", lineterminator="\r\n")
        schrijver.writerow(koppen)
        schrijver.writerows(rijen)
    return pad


def schrijf_lijst_xlsx(pad: Path, rijen: list[list[object]], koppen: list[str] = KOPPEN) -> Path:
    """An XLSX with the list first, an extra formula and date column, and a second sheet with notes. The formulas
    get their stored result, as Excel saves them (openpyxl writes none, and the reader refuses a formula without
    one)."""
    boek = Workbook()
    blad = boek.active
    blad.title = "Projecten 2018"
    blad.append([*koppen, "Lengte titel", "Aangeleverd op"])
    uitkomsten = {}
    for nummer, rij in enumerate(rijen, start=2):
        blad.append([*rij, f"=LEN(B{nummer})", date(2018, 3, 1)])
        uitkomsten[f"LEN(B{nummer})"] = len(str(rij[1] or ""))
    notities = boek.create_sheet("Toelichting")
    notities.append(["Deze lijst is opgesteld door de regiocoördinator; de getallen zijn voorlopig."])
    boek.save(pad)
    with zipfile.ZipFile(pad) as bron:
        leden = {lid.filename: bron.read(lid.filename) for lid in bron.infolist()}
    xml = leden["xl/worksheets/sheet1.xml"].decode()
    for formule, uitkomst in uitkomsten.items():
        xml = xml.replace(f"<f>{formule}</f><v></v>", f"<f>{formule}</f><v>{uitkomst}</v>")
    leden["xl/worksheets/sheet1.xml"] = xml.encode()
    with zipfile.ZipFile(pad, "w", zipfile.ZIP_DEFLATED) as archief:
        for naam, inhoud in leden.items():
            archief.writestr(naam, inhoud)
    return pad


@pytest.mark.parametrize("eigen_id", ["ZK-2017-04", "VGZ/18/1", "X-001", 967, None])
def test_eigen_nummering_wordt_bron_id_met_nieuwe_sleutel(store, tmp_path, eigen_id):
    pad = schrijf_lijst_xlsx(
        tmp_path / "lijst.xlsx", [lijstrij(eigen_id, "Valpreventie thuiswonende ouderen", "Zilveren Kruis", "Assen")]
    )
    rapport = importeer_bestand(store, pad, leverancier="Wmo-regio Drenthe", redacteur="ans")
    volgende = volgende_sleutel()
    assert rapport.nieuw == [volgende]
    project = store.project(volgende)
    verwacht = "" if eigen_id is None else str(eigen_id)
    assert (project["bron_id"], project["leverancier"], project["status"]) == (
        verwacht,
        "Wmo-regio Drenthe",
        "voorstel",
    )
    assert (
        f"{verwacht!r} -> {volgende} (nieuw)" in rapport.tekst()
        if verwacht
        else f"(geen eigen referentie) -> {volgende} (nieuw)" in rapport.tekst()
    )


def test_lijst_zonder_ids_en_met_vreemde_ids_in_puntkomma_csv(store, tmp_path):
    zonder = [[None, *r[1:]] for r in LIJST]
    pad = schrijf_lijst_csv(tmp_path / "regio zonder nummers.csv", zonder)
    rapport = importeer_bestand(store, pad, leverancier="Wmo-regio Drenthe")
    assert rapport.scheidingsteken == ";" and rapport.codering == "Windows-1252"
    assert len(rapport.nieuw) == 3 and all(s.bron_id == "" for s in rapport.sleutels)
    assert any("onbekende kolom 'Opmerkingen'" in m.tekst for m in rapport.waarschuwingen)
    zonder_ids = rapport.nieuw
    assert store.project(zonder_ids[2])["titel"] == "Wijkverpleging en één sociaal team Hoogeveen – pilot"
    # Sent again without numbers: the same projects from the same supplier are merged, nothing is duplicated.
    opnieuw = importeer_bestand(store, pad, leverancier="Wmo-regio Drenthe")
    assert opnieuw.nieuw == [] and sorted(opnieuw.ongewijzigd) == sorted(zonder_ids)
    assert "mogelijk dubbel met" in opnieuw.tekst() and "keuze: samenvoegen" in opnieuw.tekst()

    pad = schrijf_lijst_csv(tmp_path / "regio.csv", [[*r[:-1], "één opmerking"] for r in LIJST])
    rapport = importeer_bestand(store, pad, leverancier="Wmo-regio Drenthe")
    # The same projects from the same supplier, now with their numbers: merged by default, the numbers kept.
    assert [s.bron_id for s in rapport.sleutels] == ["ZK-2017-04", "VGZ/18/1", "X-001"]
    assert {(d.score, d.keuze) for d in rapport.dubbel} == {(100, "samenvoegen")} and rapport.nieuw == []
    assert sorted(rapport.bijgewerkt) == sorted(zonder_ids) and not any(s.nieuw for s in rapport.sleutels)
    assert sorted(store.projecten().query("leverancier == 'Wmo-regio Drenthe'")["bron_id"]) == sorted(
        ["ZK-2017-04", "VGZ/18/1", "X-001"]
    )
    assert any("3 eigen nummer(s) van de leverancier" in m.tekst for m in rapport.waarschuwingen)


def test_opnieuw_importeren_werkt_bij_in_plaats_van_te_verdubbelen(store, tmp_path):
    eerste = importeer_bestand(store, schrijf_lijst_xlsx(tmp_path / "lijst.xlsx", LIJST), leverancier="VGZ")
    aantal = len(store.projecten())
    voor = store.checksum()
    with pytest.raises(Validatiefout, match="bestaat al in de database"):
        importeer_bestand(store, schrijf_lijst_xlsx(tmp_path / "lijst.xlsx", LIJST), leverancier="VGZ")
    assert store.checksum() == voor

    gewijzigd = [list(r) for r in LIJST]
    gewijzigd[1][1] = "Schuldhulp voor jonge gezinnen en alleenstaanden"
    tweede = importeer_bestand(
        store, schrijf_lijst_xlsx(tmp_path / "lijst v2.xlsx", gewijzigd), leverancier="VGZ", update=True
    )
    assert tweede.nieuw == [] and tweede.bijgewerkt == [eerste.nieuw[1]]
    assert sorted(tweede.ongewijzigd) == sorted([eerste.nieuw[0], eerste.nieuw[2]])
    assert len(store.projecten()) == aantal
    assert store.project(eerste.nieuw[1])["titel"] == "Schuldhulp voor jonge gezinnen en alleenstaanden"
    assert all("(bestaand)" in str(s) for s in tweede.sleutels)

    # The same reference from another supplier is another project.
    ander = importeer_bestand(
        store, schrijf_lijst_xlsx(tmp_path / "ander.xlsx", LIJST[:1]), leverancier="CZ", keuzes={2: "beide"}
    )
    assert len(ander.nieuw) == 1 and ander.nieuw[0] not in eerste.nieuw


def test_dubbele_bron_id_en_te_lange_of_onafdrukbare_weigeren(store, tmp_path):
    rijen = [LIJST[0], lijstrij("ZK-2017-04", "Iets anders", "CZ", "Emmen"), lijstrij("A\tB", "Derde project")]
    pad = schrijf_lijst_csv(tmp_path / "fout.csv", rijen)
    voor = store.checksum()
    with pytest.raises(Validatiefout) as fout:
        importeer_bestand(store, pad, leverancier="VGZ")
    teksten = [str(m) for m in fout.value.rapport.fouten]
    assert any(
        "regel 3" in t and "bron_id 'ZK-2017-04' van 'VGZ' komt dubbel voor (ook op regel 2)" in t for t in teksten
    )
    assert any("regel 4" in t and "niet af te drukken" in t for t in teksten)
    with pytest.raises(Validatiefout, match="zonder leverancier"):
        importeer_bestand(store, pad)
    assert store.checksum() == voor


DRENTHE = lijstrij(
    "DR-7",
    "Bestuurlijke samenwerkingsafspraken met Zilveren Kruis in regio Drenthe",
    "Zilveren Kruis",
    "wmo:Drenthe",
    "Anders",
)


@pytest.mark.parametrize("keuze", ["beide", "samenvoegen", "overslaan"])
def test_mogelijk_dubbel_met_keuze(store, tmp_path, keuze):
    pad = schrijf_lijst_xlsx(tmp_path / "drenthe.xlsx", [LIJST[1], DRENTHE])
    proef = importeer_bestand(store, pad, leverancier="Wmo-regio Drenthe", proef=True)
    (dubbel,) = proef.dubbel
    assert (dubbel.regel, dubbel.bestaand) == (3, "P023") and DREMPEL <= dubbel.score < 100
    assert f"mogelijk dubbel met P023 ({dubbel.score}%)" in proef.tekst()
    p023 = store.project("P023")

    rapport = importeer_bestand(store, pad, leverancier="Wmo-regio Drenthe", keuzes={3: keuze}, redacteur="ans")
    schuldhulp = rapport.nieuw[0]
    assert store.project(schuldhulp)["titel"] == "Schuldhulp voor jonge gezinnen"
    if keuze == "beide":
        assert len(rapport.nieuw) == 2 and store.project(rapport.nieuw[1])["bron_id"] == "DR-7"
    elif keuze == "overslaan":
        assert rapport.nieuw == [schuldhulp] and rapport.overgeslagen == [3]
        assert store.project("P023") == p023
    else:
        assert rapport.nieuw == [schuldhulp] and rapport.samengevoegd == ["P023"] == rapport.bijgewerkt
        samen = store.project("P023")
        assert samen["titel"] == DRENTHE[1] and samen["bron_id"] == "DR-7" and samen["status"] == "vastgesteld"
        assert samen["omschrijving"] == p023["omschrijving"]  # the row's empty cell keeps what was stored
        log = store.wijzigingen("P023")
        assert set(log.loc[log["redacteur"] == "ans", "veld"]) >= {"titel", "bron_id", "leverancier", "bron"}
    # Keys stay consecutive whatever was skipped or merged.
    assert schuldhulp == volgende_sleutel()


def test_voorstellen_beoordelen_met_log_en_conflict(store, tmp_path):
    rapport = importeer_bestand(
        store, schrijf_lijst_xlsx(tmp_path / "lijst.xlsx", LIJST), leverancier="VGZ", redacteur="invoerder"
    )
    a, b, c = rapport.nieuw
    (ronde,) = store.importrondes().itertuples(index=False)
    assert (ronde.redacteur, ronde.leverancier, ronde.voorstel, ronde.vastgesteld) == ("invoerder", "VGZ", 3, 0)
    alle = store.projecten()
    assert set(flt.toepassen(flt.Filters(), alle)["project_id"]).isdisjoint({a, b, c})
    assert {a, b, c} <= set(flt.toepassen(flt.Filters(voorstellen=True), alle)["project_id"])

    voor = store.checksum()
    with pytest.raises(Conflict):
        store.beoordeel({a: 1, b: 2}, "vastgesteld", "ans")
    assert store.checksum() == voor

    assert store.beoordeel({a: 1, b: 1}, "vastgesteld", "ans") == [a, b]
    assert store.beoordeel({c: 1}, "afgewezen", "bert") == [c]
    log = store.wijzigingen()
    status = log[log["veld"] == "status"][["project_id", "redacteur", "oude_waarde", "nieuwe_waarde"]]
    assert status.values.tolist() == [
        [a, "ans", "voorstel", "vastgesteld"],
        [b, "ans", "voorstel", "vastgesteld"],
        [c, "bert", "voorstel", "afgewezen"],
    ]
    alle = store.projecten()
    getoond = set(flt.toepassen(flt.Filters(voorstellen=True), alle)["project_id"])
    assert {a, b} <= set(flt.toepassen(flt.Filters(), alle)["project_id"]) and c not in getoond
    assert store.project(a)["versie"] == 2
    with pytest.raises(Validatiefout, match="niet te wijzigen velden: status"):
        store.wijzig_project(c, {"status": "vastgesteld"}, 2, "ans")


def test_voorstel_gemarkeerd_op_de_kaart_en_vindbaar_op_bron_id(store, tmp_path):
    rapport = importeer_bestand(store, schrijf_lijst_xlsx(tmp_path / "lijst.xlsx", LIJST[1:2]), leverancier="VGZ")
    alle = store.projecten()
    assert list(projectweergave.zoek(alle, "vgz/18/1")["project_id"]) == rapport.nieuw
    filters = flt.Filters(voorstellen=True)
    gekozen = flt.toepassen(filters, alle)
    kaart = kaartbeeld.kaartbeeld(
        KaartSpec("totaal"),
        gekozen,
        gebied.koppeling(gekozen, 2017),
        geodata.gemeenten(2017),
        jaar=2017,
        selectie=selectietekst.beschrijving(filters),
    )
    emmen = kaart.gemeenten.set_index("gemeente_naam").loc["Emmen", "titels"]
    assert "Schuldhulp voor jonge gezinnen (voorstel)" in emmen
    assert "waarvan 1 voorstel (niet vastgesteld)" in kaart.bronregel
    assert "inclusief voorstellen" in kaart.ondertitel
    zonder = flt.toepassen(flt.Filters(), alle)
    kaart = kaartbeeld.kaartbeeld(
        KaartSpec("totaal"), zonder, gebied.koppeling(zonder, 2017), geodata.gemeenten(2017), jaar=2017
    )
    assert not any("(voorstel)" in t for titels in kaart.gemeenten["titels"] for t in titels)


def test_url_parameter_voorstellen():
    filters, meldingen = url.lees({"voorstellen": "1", "inhoud": "ggz"})
    assert filters.voorstellen and meldingen == ()
    assert url.schrijf(filters) == {"inhoud": "ggz", "voorstellen": "1"}
    assert url.lees({"voorstellen": "ja"})[1] == ("Parameter voorstellen: 'ja'; gebruik 1 (voorstellen tonen) of 0",)
    assert not url.lees({})[0].voorstellen


@pytest.mark.parametrize("formaat", ["csv", "xlsx"])
def test_rondgang_export_bewerken_import_geeft_alleen_de_bewerking(store, tmp_path, formaat):
    importeer_bestand(store, schrijf_lijst_xlsx(tmp_path / "lijst.xlsx", LIJST), leverancier="VGZ")
    voor = store.projecten()
    pad = exporteer(voor, tmp_path / f"export.{formaat}")
    bewerkt = voor.loc[voor["bron_id"] == "VGZ/18/1", "project_id"].item()
    if formaat == "csv":
        with pad.open(encoding="utf-8-sig", newline="") as invoer:
            rijen = list(csv.reader(invoer))
        titel = rijen[0].index("titel")
        for r in rijen:
            if r[0] == bewerkt:
                r[titel] = "Schuldhulp voor jonge gezinnen (bewerkt in Excel)"
        with pad.open("w", encoding="utf-8-sig", newline="") as uit:
            csv.writer(uit, lineterminator="\n").writerows(rijen)
    else:
        boek = load_workbook(pad)
        blad = boek.active
        for r in blad.iter_rows(min_row=2):
            if r[0].value == bewerkt:
                r[1].value = "Schuldhulp voor jonge gezinnen (bewerkt in Excel)"
        boek.save(pad)
    laatste = store.wijzigingen()["id"].max()
    rapport = importeer_bestand(store, pad, update=True, redacteur="ans")
    assert rapport.nieuw == [] and rapport.bijgewerkt == [bewerkt] and rapport.dubbel == []
    assert len(rapport.ongewijzigd) == len(voor) - 1
    log = store.wijzigingen()
    assert log.loc[log["id"] > laatste, ["project_id", "veld"]].values.tolist() == [[bewerkt, "titel"]]
    na = store.projecten().set_index("project_id")
    voor = voor.set_index("project_id")
    voor.loc[bewerkt, "titel"] = "Schuldhulp voor jonge gezinnen (bewerkt in Excel)"
    pd.testing.assert_frame_equal(na.drop(columns="versie"), voor.drop(columns="versie"))


def _validaties(blad) -> dict[str, str]:
    """Column header -> formula1 of the drop-down on that column's data cells."""
    koppen = {c.column_letter: c.value for c in blad[1]}
    return {
        koppen[str(v.sqref).split(":")[0].rstrip("0123456789")]: v.formula1
        for v in blad.data_validations.dataValidation
    }


def test_sjabloon_voor_een_wmo_regio(tmp_path, store):
    pad = maak_sjabloon(tmp_path / "drenthe.xlsx", wmo_regio="Drenthe")
    boek = load_workbook(pad)
    assert boek.sheetnames[0] == "projecten" and boek["sjabloon"].sheet_state == "veryHidden"
    assert "aangeleverd door: Wmo-regio Drenthe" in boek["instructies"]["A1"].value
    validaties = _validaties(boek["projecten"])
    assert {
        "Verzekeraar(s)",
        "Inhoud",
        "Instrument(en)",
        "Samenwerkingsvorm",
        "Geografie",
        "Indelingsjaar",
        "Gemeente(n)/gebied",
        "Startjaar",
        "Eindjaar",
        "Gebied volledig of deel",
        "Aantal gemeenten volgens bron",
        "Herkomst verzekeraar",
    } == set(validaties)
    kolom = validaties["Gemeente(n)/gebied"].split("$")[1]
    lijst = [c.value for c in boek["lijsten"][kolom][1:] if c.value]
    gemeenten = geodata.gemeenten(geodata.JAREN[-1])
    assert lijst == ["wmo:Drenthe", *sorted(gemeenten.loc[gemeenten["wmo_regio"] == "Drenthe", "gemeente_naam"])]
    assert len(lijst) == 13
    voorbeeld = dict(zip((c.value for c in boek["voorbeeld"][1]), (c.value for c in boek["voorbeeld"][2]), strict=True))
    assert voorbeeld["Titel"].startswith("VOORBEELD") and voorbeeld["Gemeente(n)/gebied"] == "Aa en Hunze"

    # Filled in and imported: the supplier comes from the marker; the example sheet is not imported.
    blad = boek["projecten"]
    blad.append([voorbeeld[c.value] for c in blad[1]])
    blad.cell(row=2, column=2, value="Valpreventie thuiswonende ouderen Aa en Hunze")
    boek.save(tmp_path / "ingevuld.xlsx")
    rapport = importeer_bestand(store, tmp_path / "ingevuld.xlsx")
    assert "importsjabloon versie 1 voor Wmo-regio Drenthe" in rapport.samenvatting()
    (nieuw,) = rapport.nieuw
    assert (store.project(nieuw)["leverancier"], store.project(nieuw)["bron_id"]) == ("Wmo-regio Drenthe", "VB-2019-01")


def test_sjabloon_voor_een_verzekeraar_en_een_nieuwere_versie(tmp_path):
    pad = maak_sjabloon(tmp_path / "menzis.xlsx", verzekeraar="menzis")
    assert str(lees_kenmerk(pad)) == "importsjabloon versie 1 voor Menzis"
    boek = load_workbook(pad)
    kolom = _validaties(boek["projecten"])["Gemeente(n)/gebied"].split("$")[1]
    lijst = [c.value for c in boek["lijsten"][kolom][1:] if c.value]
    gemeenten = geodata.gemeenten(geodata.JAREN[-1])
    assert lijst[0] == "kernwerkgebied:Menzis"
    assert lijst[1:] == sorted(gemeenten.loc[gemeenten["kernwerkgebied"] == "Menzis", "gemeente_naam"])
    assert [c.value for c in boek["projecten"][1]] == [c.value for c in boek["voorbeeld"][1]]
    assert len(SJABLOONKOLOMMEN) == boek["projecten"].max_column
    boek["sjabloon"]["B1"] = 99
    boek.save(pad)
    with pytest.raises(Validatiefout, match="importsjabloon versie 99 is nieuwer dan deze app kent"):
        lees_kenmerk(pad)
    with pytest.raises(ValueError, match="niet allebei"):
        maak_sjabloon(tmp_path / "x.xlsx", wmo_regio="Drenthe", verzekeraar="Menzis")


def test_cli_sjabloon_import_en_beoordeel(tmp_path):
    omgeving = {"SAMENWERKING_DB": str(tmp_path / "db" / "s.sqlite"), "PATH": "/usr/bin:/bin"}

    def projectdb(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "projectdb", *args],
            cwd=REPO,
            env=omgeving,
            capture_output=True,
            text=True,
            timeout=300,
        )

    resultaat = projectdb("sjabloon", str(tmp_path / "drenthe.xlsx"), "--wmo-regio", "Drenthe")
    assert resultaat.returncode == 0 and lees_kenmerk(tmp_path / "drenthe.xlsx").leverancier == "Wmo-regio Drenthe"
    resultaat = projectdb("sjabloon", str(tmp_path / "x.xlsx"), "--wmo-regio", "Drent")
    assert resultaat.returncode == 2 and "onbekende Wmo-regio: 'Drent'; bedoelde u: Drenthe" in resultaat.stderr

    lijst = schrijf_lijst_csv(tmp_path / "lijst.csv", [LIJST[1], DRENTHE])
    resultaat = projectdb("import", str(lijst), "--leverancier", "VGZ", "--dubbel", "3=overslaan", "--redacteur", "ans")
    assert resultaat.returncode == 0, resultaat.stderr
    assert (
        f"'VGZ/18/1' -> {volgende_sleutel()} (nieuw)" in resultaat.stdout
        and "mogelijk dubbel met P023" in resultaat.stdout
    )
    assert "keuze: overslaan" in resultaat.stdout
    resultaat = projectdb("importrondes")
    assert "import 1:" in resultaat.stdout and "1 voorstel, 0 vastgesteld" in resultaat.stdout
    resultaat = projectdb("beoordeel", "vaststellen", "--import", "1", "--redacteur", "bert")
    assert resultaat.returncode == 0 and f"1 project(en) vastgesteld: {volgende_sleutel()}" in resultaat.stdout
    assert open_store(tmp_path / "db" / "s.sqlite").project(volgende_sleutel())["status"] == "vastgesteld"
    regels = projectdb("check").stdout.splitlines()
    beoordeling = regels[regels.index("Beoordeling (status):") + 1 :][:3]
    assert [r.split() for r in beoordeling] == [
        ["voorstel", "0"],
        ["vastgesteld", str(len(GELEVERD) + 1)],
        ["afgewezen", "0"],
    ]
    assert projectdb("import", str(lijst), "--dubbel", "3=weg").returncode == 2
