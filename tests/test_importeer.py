"""Importing messy analyst files: delimiters, encodings, XLSX, label synonyms, area names, limits, attacks.

Every rejected import must name the file (and row and column where there is one) and leave the store unchanged,
on both backends (a SQLite file and PostgreSQL).
"""

from __future__ import annotations

import codecs
import zipfile

import pandas as pd
import pytest
from voorbeeldprojecten import CITAAT, VOORBEELD, rij, schrijf_csv, schrijf_xlsx

from projectdb import Validatiefout, open_store
from projectdb.bestand import Limieten
from projectdb.importeer import importeer_bestand
from projectdb.kolommen import KOLOMMEN

NEDERLANDS = {
    "project_id": "Project ID",
    "titel": "Titel",
    "omschrijving": "Beschrijving",
    "verzekeraars": "Verzekeraar(s)",
    "gebied": "Gemeente(n)/gebied",
    "indeling_jaar": "Jaar",
    "inhoud": "INHOUD",
    "instrumenten": "Instrument(en)",
    "intensiteit": "Samenwerkingsvorm",
    "geografie": "Geografisch",
    "partners": "Partner(s)",
    "bron": "Bron",
    "bron_citaat": "Citaat",
    "bouwt_voort_op": "Bouwt voort op",
}
"""Headers as an analyst writes them (one column, toelichting_labels, left out)."""


@pytest.fixture
def store(databasedoel, tmp_path):
    return open_store(databasedoel, bron=schrijf_csv(tmp_path / "bron.csv", VOORBEELD))


def geweigerd(store, pad, **opties) -> Validatiefout:
    """Import ``pad``, expect a rejection and an unchanged store; return the error."""
    voor = store.checksum()
    with pytest.raises(Validatiefout) as fout:
        importeer_bestand(store, pad, **opties)
    assert store.checksum() == voor
    assert pad.name in str(fout.value)
    return fout.value


def test_puntkomma_en_synoniemen_uit_het_rapport(store, tmp_path):
    rijen = [
        rij(
            project_id="P101",
            intensiteit="ontwikkelpject",
            inhoud="Jeugd 18min/18plus",
            instrumenten="minimapolis; Werkwijze",
        ),
        rij(
            project_id="P102",
            intensiteit="implementeren",
            inhoud="ESW",
            instrumenten="collectieve zorgminima",
            verzekeraars="Achmea",
            bouwt_voort_op="p101",
            bouwt_voort_op_citaat=CITAAT,
        ),
    ]
    pad = schrijf_csv(tmp_path / "analist.csv", rijen, NEDERLANDS, scheidingsteken=";")
    rapport = importeer_bestand(store, pad, redacteur="cees")
    assert rapport.scheidingsteken == ";" and rapport.codering == "UTF-8"
    assert rapport.nieuw == ["P101", "P102"]
    p101, p102 = store.project("P101"), store.project("P102")
    assert (p101["intensiteit"], p101["inhoud"]) == ("Ontwikkelproject", "Jeugd 18-/18+")
    assert p101["instrumenten"] == ("Werkwijze", "Collectieve zorg minima")
    assert (p102["intensiteit"], p102["inhoud"]) == ("Implementatie", "Effectief Samenwerken in de Wijk")
    assert p102["verzekeraars"] == ("Zilveren Kruis", "De Friesland")
    assert p102["bouwt_voort_op"] == ("P101",)
    assert p101["gebied"] == "GM0599" and p101["geografie"] == "Gemeentelijk"
    assert set(store.wijzigingen().query("project_id == 'P101'")["redacteur"]) == {"cees"}


def test_komma_met_utf8_bom(store, tmp_path):
    pad = schrijf_csv(
        tmp_path / "bom.csv", [rij(titel="Zorg in Súdwest-Fryslân", gebied="Súdwest-Fryslân")], codering="utf-8-sig"
    )
    assert pad.read_bytes().startswith(codecs.BOM_UTF8)
    rapport = importeer_bestand(store, pad)
    assert (rapport.codering, rapport.scheidingsteken) == ("UTF-8 met BOM", ",")
    assert store.project("P100")["titel"] == "Zorg in Súdwest-Fryslân"
    assert store.project("P100")["gebied"] == "GM1900"


def test_windows_1252_met_accenten(store, tmp_path):
    rijen = [rij(titel="Café ‘t Hoekje – één aanpak", gebied="Den Haag; Súdwest-Fryslân")]
    pad = schrijf_csv(tmp_path / "excel.csv", rijen, NEDERLANDS, scheidingsteken=";", codering="cp1252")
    rapport = importeer_bestand(store, pad)
    assert rapport.codering == "Windows-1252"
    assert any("Windows-1252" in m.tekst for m in rapport.waarschuwingen)
    project = store.project("P100")
    assert project["titel"] == "Café ‘t Hoekje – één aanpak"
    assert project["gebied"] == "GM0518;GM1900" and project["geografie"] == "Bovenregionaal"


def test_xlsx_eerste_blad_en_gekozen_blad(store, tmp_path):
    pad = schrijf_xlsx(tmp_path / "analist.xlsx", [rij(project_id="P101", gebied="wmo:foodvalley")], NEDERLANDS)
    rapport = importeer_bestand(store, pad, proef=True)
    assert rapport.nieuw == ["P101"]
    tweede = schrijf_xlsx(tmp_path / "twee.xlsx", [rij(project_id="P102")], NEDERLANDS, blad="data", voorblad=True)
    fout = geweigerd(store, tweede)
    assert "verplichte kolommen ontbreken" in str(fout)
    importeer_bestand(store, tweede, blad="data")
    importeer_bestand(store, pad)
    assert store.project("P101")["gebied"] == "wmo:FoodValley"
    assert store.project("P101")["indeling_jaar"] == 2017
    fout = geweigerd(store, tweede, blad="Blad9")
    assert "werkblad 'Blad9' bestaat niet; aanwezig: toelichting, data" in str(fout)


def test_onbekend_label_met_keuzes(store, tmp_path):
    rijen = [rij(), rij(project_id="P101", intensiteit="Pilot", instrumenten="Subsidie")]
    pad = schrijf_csv(tmp_path / "labels.csv", rijen, NEDERLANDS, scheidingsteken=";")
    fout = geweigerd(store, pad)
    teksten = [str(m) for m in fout.rapport.fouten]
    assert any(
        "labels.csv, regel 3, kolom 'Samenwerkingsvorm' (intensiteit): 'Pilot' is geen waarde" in t
        and "Ontwikkelproject, Doorontwikkelen, Implementatie, Samenwerkingsafspraken" in t
        for t in teksten
    )
    assert any("regel 3, kolom 'Instrument(en)' (instrumenten): 'Subsidie'" in t for t in teksten)


def test_onbekende_en_dubbelzinnige_gemeenten(store, tmp_path):
    rijen = [rij(gebied="Amsterdm; Groningen"), rij(project_id="P101", gebied="Bergen")]
    pad = schrijf_csv(tmp_path / "namen.csv", rijen)
    fout = geweigerd(store, pad)
    onbekend, dubbel = fout.rapport.fouten
    assert (onbekend.regel, onbekend.veld, dubbel.regel, dubbel.veld) == (2, "gebied", 3, "gebied")
    assert "'Amsterdm'" in onbekend.tekst and "bedoelde u: Amsterdam" in onbekend.tekst
    assert "Bergen (L.) (GM0893)" in dubbel.tekst and "Bergen (NH.) (GM0373)" in dubbel.tekst
    waarschuwingen = [m.tekst for m in fout.rapport.waarschuwingen if m.veld == "gebied"]
    assert any("'Groningen' gelezen als gemeente GM0014" in t and "wmo:Groningen" in t for t in waarschuwingen)


def test_dubbele_ids_in_bestand_en_database(store, tmp_path):
    pad = schrijf_csv(tmp_path / "dubbel.csv", [rij(), rij(titel="Nog eens"), VOORBEELD[0]])
    fout = geweigerd(store, pad)
    meldingen = [(m.regel, m.tekst) for m in fout.rapport.fouten]
    assert (3, "project_id P100 komt dubbel voor (ook op regel 2)") in meldingen
    assert any(regel == 4 and "P001 bestaat al in de database; gebruik --update" in tekst for regel, tekst in meldingen)


def test_update_van_bestaand_project(store, tmp_path):
    pad = schrijf_csv(tmp_path / "update.csv", [{**VOORBEELD[0], "titel": "Bijgewerkt"}, VOORBEELD[1]])
    rapport = importeer_bestand(store, pad, update=True, redacteur="dirk")
    assert (rapport.bijgewerkt, rapport.ongewijzigd) == (["P001"], ["P002"])
    log = store.wijzigingen("P001").query("actie == 'gewijzigd'")
    assert list(zip(log["veld"], log["oude_waarde"], log["nieuwe_waarde"], log["redacteur"], strict=True)) == [
        ("titel", VOORBEELD[0]["titel"], "Bijgewerkt", "dirk")
    ]


def test_ontbrekende_verplichte_kolommen(store, tmp_path):
    koppen = {k: v for k, v in NEDERLANDS.items() if k not in ("inhoud", "intensiteit")}
    pad = schrijf_csv(tmp_path / "smal.csv", [rij()], koppen)
    fout = geweigerd(store, pad)
    (melding,) = fout.rapport.fouten
    assert melding.regel == 1
    assert "verplichte kolommen ontbreken: inhoud ('Inhoud'), intensiteit ('Samenwerkingsvorm')" in melding.tekst


def test_dubbele_kop(store, tmp_path):
    pad = tmp_path / "tweemaal.csv"
    pad.write_text("project_id,Titel,titel\nP100,a,b\n", encoding="utf-8")
    assert "de kolommen 'Titel' en 'titel' betekenen allebei 'titel'" in str(geweigerd(store, pad))


def test_lege_rijen_houden_regelnummers(store, tmp_path):
    pad = schrijf_csv(tmp_path / "gaten.csv", [rij()])
    with pad.open("a", encoding="utf-8") as uit:
        uit.write(",,,,\n\n" + ",".join(rij(project_id="P101", inhoud="Sport")[k] for k in KOLOMMEN) + "\n")
    (melding,) = geweigerd(store, pad).rapport.fouten
    assert (melding.regel, melding.veld) == (5, "inhoud")


@pytest.mark.parametrize(
    "inhoud",
    [
        b"\x00\x01\x02PNG\x89binary" * 50,
        bytes(range(256)) * 20,
        b"PK\x03\x04" + b"\x00" * 100,
        b"project_id,titel\nP001,\x07bel\n",
    ],
)
def test_binaire_rommel_als_csv(store, tmp_path, inhoud):
    pad = tmp_path / "rommel.csv"
    pad.write_bytes(inhoud)
    fout = geweigerd(store, pad)
    assert any(woord in str(fout) for woord in ("NUL-bytes", "zip- of Excel-bestand", "stuurteken", "Windows-1252"))


def test_rommel_als_xlsx(store, tmp_path):
    pad = tmp_path / "rommel.xlsx"
    pad.write_bytes(b"dit is geen zip" * 100)
    assert "geen geldig XLSX-bestand" in str(geweigerd(store, pad))
    kapot = tmp_path / "kapot.xlsx"
    with zipfile.ZipFile(kapot, "w") as archief:
        archief.writestr("xl/workbook.xml", "<workbook")
    assert "geen leesbaar XLSX-bestand" in str(geweigerd(store, kapot))


def test_te_veel_kolommen(store, tmp_path):
    pad = tmp_path / "breed.csv"
    pad.write_text(",".join([*VOORBEELD[0].keys(), *(f"extra{i}" for i in range(90))]) + "\n", encoding="utf-8")
    fout = geweigerd(store, pad)
    assert f"{len(VOORBEELD[0]) + 90} kolommen; de grens is 100" in str(fout)


@pytest.mark.parametrize("soort", ["csv", "xlsx"])
def test_tienduizend_kolommen(store, tmp_path, soort):
    koppen = {**{k: k for k in VOORBEELD[0]}, **{f"extra{i}": f"extra{i}" for i in range(10_000 - len(VOORBEELD[0]))}}
    schrijf = schrijf_csv if soort == "csv" else schrijf_xlsx
    pad = schrijf(tmp_path / f"breed.{soort}", [{**rij(), **{k: "x" for k in koppen if k.startswith("extra")}}], koppen)
    assert "10000 kolommen; de grens is 100" in str(geweigerd(store, pad))


def test_cel_boven_de_grens_van_de_csv_lezer(store, tmp_path):
    pad = tmp_path / "reuzecel.csv"
    pad.write_text('project_id,titel\nP100,"' + "x" * 200_000 + "\n", encoding="utf-8")
    tekst = str(geweigerd(store, pad))
    assert "regel 2: een cel is langer dan 131.072 tekens; de grens per cel is 5.000 tekens" in tekst
    assert "opent daar een cel die niet wordt gesloten" in tekst


def test_te_lange_cel(store, tmp_path):
    pad = schrijf_csv(tmp_path / "lang.csv", [rij(), rij(project_id="P101", omschrijving="x" * 5001)])
    (melding,) = geweigerd(store, pad).rapport.fouten
    assert (melding.regel, melding.veld) == (3, "omschrijving")
    assert "cel C3 heeft 5001 tekens; de grens is 5000" in melding.tekst


def test_te_veel_rijen_en_te_groot_bestand(store, tmp_path):
    pad = schrijf_csv(tmp_path / "lang.csv", [rij(project_id=f"P{i:05d}") for i in range(20_001)])
    assert "meer dan 20.000 rijen" in str(geweigerd(store, pad))
    groot = tmp_path / "groot.csv"
    groot.write_bytes(b"project_id\n" + b"P001\n" * 2_100_000)
    assert "de grens is 10.000.000 bytes" in str(geweigerd(store, groot))


def test_zip_bom_wordt_geweigerd_voor_het_uitpakken(store, tmp_path):
    pad = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(pad, "w", zipfile.ZIP_DEFLATED) as archief:
        archief.writestr("[Content_Types].xml", "<Types/>")
        with archief.open("xl/worksheets/sheet1.xml", "w") as lid:
            for _ in range(60):
                lid.write(b"\x00" * 1_000_000)
    assert pad.stat().st_size < 1_000_000
    assert "(mogelijk een zip-bom)" in str(geweigerd(store, pad))


def test_xml_entiteiten_worden_niet_uitgevouwen(store, tmp_path):
    pad = schrijf_xlsx(tmp_path / "lachen.xlsx", [rij()])
    entiteiten = b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1)) * 10) for i in range(1, 10))
    blad = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">' + entiteiten + b"]>"
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        b'<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>'
    )
    herschreven = tmp_path / "herschreven.xlsx"
    with zipfile.ZipFile(pad) as bron, zipfile.ZipFile(herschreven, "w", zipfile.ZIP_DEFLATED) as doel:
        for lid in bron.infolist():
            doel.writestr(lid, blad if lid.filename == "xl/worksheets/sheet1.xml" else bron.read(lid.filename))
    assert "geen leesbaar XLSX-bestand (EntitiesForbidden" in str(geweigerd(store, herschreven))


def test_formule_injectie_is_een_waarschuwing_en_blijft_tekst(store, tmp_path):
    rijen = [rij(titel='=HYPERLINK("http://x","klik")', partners="@SUM(1+1);-;+31 20 1234567")]
    rapport = importeer_bestand(store, schrijf_csv(tmp_path / "formule.csv", rijen))
    velden = sorted(m.veld for m in rapport.waarschuwingen if "formule-injectie" in m.tekst)
    assert velden == ["partners", "partners", "partners", "titel"]
    project = store.project("P100")
    assert project["titel"] == '=HYPERLINK("http://x","klik")'
    assert project["partners"] == ("@SUM(1+1)", "-", "+31 20 1234567")


def test_proefimport_schrijft_niets(store, tmp_path):
    voor = store.checksum()
    rapport = importeer_bestand(store, schrijf_csv(tmp_path / "proef.csv", [rij()]), proef=True)
    assert rapport.nieuw == ["P100"] and not rapport.fouten
    assert store.checksum() == voor
    assert not store.backupmap.exists()


def test_geografie_afgeleid_of_afwijkend(store, tmp_path):
    rijen = [rij(gebied="wmo:Twente", geografie=""), rij(project_id="P101", gebied="GM0014", geografie="Regionaal")]
    rapport = importeer_bestand(store, schrijf_csv(tmp_path / "geo.csv", rijen))
    assert store.project("P100")["geografie"] == "Regionaal"
    assert store.project("P101")["geografie"] == "Regionaal"
    teksten = {m.regel: m.tekst for m in rapport.waarschuwingen if m.veld == "geografie"}
    assert "geografie leeg; afgeleid uit gebied: Regionaal" in teksten[2]
    assert "'Regionaal' wijkt af van de afleiding uit gebied: 'Gemeentelijk' (1 gemeenten in 1" in teksten[3]


def test_voortbouwen_bestaat_zonder_kring_en_richting(store, tmp_path):
    onbekend = schrijf_csv(tmp_path / "onbekend.csv", [rij(bouwt_voort_op="P777", bouwt_voort_op_citaat=CITAAT)])
    assert "onbekend project P777" in str(geweigerd(store, onbekend))
    kring = schrijf_csv(
        tmp_path / "kring.csv", [{**VOORBEELD[0], "bouwt_voort_op": "P004", "bouwt_voort_op_citaat": CITAAT}]
    )
    fout = geweigerd(store, kring, update=True)
    assert "kringverwijzing: P001 -> P004 -> P002 -> P001" in str(fout)
    vreemd = schrijf_csv(
        tmp_path / "vreemd.csv",
        [rij(intensiteit="Ontwikkelproject", bouwt_voort_op="P004", bouwt_voort_op_citaat=CITAAT)],
    )
    rapport = importeer_bestand(store, vreemd)
    assert any(
        "P100 (Ontwikkelproject) bouwt voort op P004 (Implementatie): ongebruikelijke richting" in m.tekst
        for m in rapport.waarschuwingen
    )


def test_citaat_zonder_verwijzing_en_kort_citaat(store, tmp_path):
    pad = schrijf_csv(tmp_path / "citaat.csv", [rij(bron_citaat="te kort", bouwt_voort_op_citaat=CITAAT)])
    fout = geweigerd(store, pad)
    assert [m.veld for m in fout.rapport.fouten] == ["bouwt_voort_op_citaat"]
    assert any(
        m.veld == "bron_citaat" and "citaat is 7 tekens; minstens 40" in m.tekst for m in fout.rapport.waarschuwingen
    )


@pytest.mark.parametrize(
    "veld, waarde, melding",
    [
        ("bron_id", "ZK-2017-04", "bron_id 'ZK-2017-04' zonder leverancier"),
        ("bron_id", "a" * 61, "bron_id is 61 tekens; de grens is 60"),
        ("status", "goedgekeurd", "status 'goedgekeurd' bestaat niet"),
        ("titel", " ", "titel ontbreekt"),
        ("indeling_jaar", "2020", "indeling_jaar '2020' is geen meegeleverde"),
        ("indeling_jaar", "", "indeling_jaar ontbreekt"),
        ("inhoud", "GGZ; Ouderen", "precies één waarde verwacht"),
        ("verzekeraars", "", "verzekeraars ontbreekt"),
        ("gebied", "kwg:Achmea", "koepel van meerdere labels"),
        ("gebied", "land:Nederland", "onbekend voorvoegsel 'land:'"),
        ("gebied", "GM1979", "Eemsdelta is een gemeente van 2025, ontstaan uit: Appingedam, Delfzijl, Loppersum"),
        ("bouwt_voort_op", "P1", "ongeldig project_id 'P1' in bouwt_voort_op"),
        ("startjaar", "1989", "startjaar '1989' is geen jaartal van 1990 tot en met 2100"),
        ("startjaar", "twintig", "startjaar 'twintig' is geen jaartal"),
        ("startjaar", "2015 - 2017", "is een periode: zet het eerste jaar in startjaar en het laatste in eindjaar"),
        ("eindjaar", "2016", "eindjaar 2016 zonder startjaar"),
        ("periode_citaat", "Het liep van 2015 tot 2016.", "citaat zonder periode: startjaar is leeg"),
        ("gebied_precisie", "gedeeltelijk", "gebied_precisie 'gedeeltelijk' is ongeldig; kies volledig of deel"),
        ("aantal_gemeenten_bron", "10", "aantal_gemeenten_bron hoort alleen bij gebied_precisie 'deel'"),
        (
            "verzekeraar_herkomst",
            "zorgkantoor",
            "verzekeraar_herkomst 'zorgkantoor' is ongeldig; kies bron of concessie",
        ),
    ],
)
def test_foute_velden(store, tmp_path, veld, waarde, melding):
    pad = schrijf_csv(tmp_path / "veld.csv", [rij(**{veld: waarde})])
    fout = geweigerd(store, pad)
    assert any(m.veld == veld and m.regel == 2 and melding in m.tekst for m in fout.rapport.fouten), (
        fout.rapport.tekst()
    )


def test_precisie_en_herkomst_uit_xlsx_met_nederlandse_koppen(store, tmp_path):
    koppen = {
        **{k: k for k in KOLOMMEN},
        "gebied_precisie": "Gebied volledig of deel",
        "aantal_gemeenten_bron": "Aantal gemeenten",
        "precisie_citaat": "Citaat gebied",
        "verzekeraar_herkomst": "Herkomst verzekeraar",
    }
    rijen = [
        rij(
            gebied="wmo:Zuid-Limburg",
            gebied_precisie="Deel",
            aantal_gemeenten_bron="circa 10",
            precisie_citaat="in een aantal gemeenten in Zuid-Limburg",
            verzekeraar_herkomst="concessie",
        ),
        rij(project_id="P101", gebied="GM0014", gebied_precisie="deel", precisie_citaat="in een deel ervan"),
    ]
    rapport = importeer_bestand(store, schrijf_xlsx(tmp_path / "precisie.xlsx", rijen, koppen))
    projecten = store.projecten().set_index("project_id")
    p100 = projecten.loc["P100"]
    assert (p100["gebied_precisie"], p100["aantal_gemeenten_bron"], p100["verzekeraar_herkomst"]) == (
        "deel",
        10,
        "concessie",
    )
    assert tuple(projecten.loc["P001", ["gebied_precisie", "verzekeraar_herkomst"]]) == ("volledig", "bron")
    (melding,) = [m for m in rapport.waarschuwingen if m.veld == "gebied_precisie"]
    assert melding.regel == 3 and "alleen genoemde gemeenten" in melding.tekst


def test_aantal_dat_geen_getal_is(store, tmp_path):
    pad = schrijf_csv(
        tmp_path / "aantal.csv",
        [rij(gebied_precisie="deel", precisie_citaat="een aantal gemeenten", aantal_gemeenten_bron="een aantal")],
    )
    rapport = geweigerd(store, pad).rapport
    (melding,) = rapport.fouten
    assert (melding.regel, melding.veld) == (2, "aantal_gemeenten_bron")
    assert (
        "aantal.csv, regel 2, kolom 'aantal_gemeenten_bron': aantal_gemeenten_bron 'een aantal' is geen "
        "positief geheel getal" in rapport.tekst()
    )


def test_2025_gemeentenaam_in_2017_wordt_uitgelegd(store, tmp_path):
    pad = schrijf_csv(tmp_path / "jaar.csv", [rij(gebied="Eemsdelta")])
    (melding,) = geweigerd(store, pad).rapport.fouten
    assert "Eemsdelta is een gemeente van 2025" in melding.tekst


def test_kleinere_grenzen_zijn_instelbaar(store, tmp_path):
    pad = schrijf_csv(tmp_path / "drie.csv", [rij(project_id=f"P10{i}") for i in range(3)])
    assert "meer dan 2 rijen" in str(geweigerd(store, pad, limieten=Limieten(max_rijen=2)))


def test_periode_uit_csv_en_xlsx(store, tmp_path):
    rijen = [
        rij(startjaar="2018", eindjaar="2019", periode_citaat="Het project loopt in 2018 en 2019."),
        rij(project_id="P101", startjaar="2016"),
        rij(project_id="P102", startjaar="2017", eindjaar="2017", periode_citaat="Het project is gestart."),
    ]
    rapport = importeer_bestand(store, schrijf_xlsx(tmp_path / "periode.xlsx", rijen))
    projecten = store.projecten().set_index("project_id")
    assert projecten.loc["P100", ["startjaar", "eindjaar"]].tolist() == [2018, 2019]
    assert projecten.loc["P101", "startjaar"] == 2016 and pd.isna(projecten.loc["P101", "eindjaar"])
    waarschuwingen = {(m.regel, m.veld): m.tekst for m in rapport.waarschuwingen}
    assert waarschuwingen[(3, "periode_citaat")] == "startjaar zonder citaat dat het jaar onderbouwt"
    assert waarschuwingen[(4, "periode_citaat")] == "het citaat noemt startjaar 2017 niet"
    assert (2, "periode_citaat") not in waarschuwingen


def test_voortbouwen_op_een_project_dat_pas_na_afloop_begon(store, tmp_path):
    eerder = rij(
        project_id="P101",
        intensiteit="Implementatie",
        bouwt_voort_op="P001",
        bouwt_voort_op_citaat=CITAAT,
        startjaar="2012",
        eindjaar="2014",
        periode_citaat="Van 2012 tot 2014 liep het project.",
    )
    overlap = rij(
        project_id="P102",
        intensiteit="Implementatie",
        bouwt_voort_op="P001",
        bouwt_voort_op_citaat=CITAAT,
        startjaar="2014",
        periode_citaat="Vanaf 2014 liep het project.",
    )
    rapport = importeer_bestand(store, schrijf_csv(tmp_path / "tijd.csv", [eerder, overlap]))
    tijd = [m for m in rapport.waarschuwingen if "afgelopen" in m.tekst]
    assert [(m.regel, m.veld, m.tekst) for m in tijd] == [
        (2, "bouwt_voort_op", "P101 (2012–2014) was al afgelopen toen P001, waarop het voortbouwt, begon (2015–2016)")
    ]
