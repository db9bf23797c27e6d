"""The table behind a map: one builder (kaart.tabel) for the page, the downloads, the command line and the PPTX
notes; files for Dutch Excel with formulas neutralised."""

import csv
import io
from dataclasses import replace

import pandas as pd
import pytest
from openpyxl import load_workbook

import projectdb
from classify import vocab
from dashboard import downloads, export
from geo import geodata
from kaart import tabel
from kaart.model import MOGELIJK, KaartSpec, kaartbeeld
from projectdb import bereik

JAAR = 2017


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    pad = tmp_path_factory.mktemp("db") / "samenwerking.sqlite"
    projectdb.open_store(pad)
    return pad


@pytest.fixture(scope="module")
def totaal(db):
    """The Overzicht map of the shipped projects, with certain and possible links."""
    projecten = projectdb.open_store(db).projecten()
    gemeenten = pd.DataFrame(geodata.gemeenten(JAAR)[export.GEMEENTEKOLOMMEN])
    koppeling = bereik.koppeling_zekerheid(projecten, JAAR)
    return kaartbeeld(
        KaartSpec("totaal", zonder_minima=True), projecten, koppeling, gemeenten, jaar=JAAR, selectie="alle projecten"
    )


def test_one_row_per_municipality_with_projects_in_name_order(totaal):
    rijen = tabel.kaarttabel(totaal)
    assert tuple(rijen.columns) == tabel.KOLOMMEN
    met = totaal.gemeenten[(totaal.gemeenten["aantal_projecten"] > 0) | (totaal.gemeenten["aantal_mogelijk"] > 0)]
    assert len(rijen) == len(met) > 50
    assert rijen["Gemeente"].tolist() == sorted(rijen["Gemeente"].tolist())
    # Every row repeats the map's facts for that municipality.
    per_code = totaal.gemeenten.set_index("gemeente_code")
    for rij in rijen.itertuples(index=False):
        bron = per_code.loc[rij.Gemeentecode]
        assert (rij.Gemeente, rij.Klasse, rij[4], rij[5]) == (
            bron.gemeente_naam,
            bron.klasse,
            bron.aantal_projecten,
            bron.aantal_mogelijk,
        )
        assert rij[6] == ", ".join(bron.project_ids)


def test_a_legend_class_keeps_its_municipalities_and_the_count_matches_the_legend(totaal):
    for item in totaal.legenda:
        rijen = tabel.kaarttabel(totaal, item.klasse)
        assert len(rijen) == item.aantal and set(rijen["Klasse"]) == {item.klasse}
    mogelijk = next(item.klasse for item in totaal.legenda if item.klasse.startswith(MOGELIJK))
    rijen = tabel.kaarttabel(totaal, mogelijk)
    assert (rijen["Projecten zeker"] == 0).all() and (rijen["Projecten mogelijk"] > 0).all()
    assert tabel.projecten_in(rijen) and len(set(tabel.projecten_in(rijen))) == len(tabel.projecten_in(rijen))


def test_csv_is_for_dutch_excel_with_bom_semicolons_and_neutralised_formulas(totaal):
    eerste = totaal.gemeenten.index[totaal.gemeenten["aantal_projecten"] > 0][0]
    gemeenten = totaal.gemeenten.copy()
    gemeenten.loc[eerste, "gemeente_naam"] = '=HYPERLINK("http://x";"klik")'
    vreemd = replace(totaal, gemeenten=gemeenten)
    inhoud = export.tabelbestand([vreemd], "csv")
    assert inhoud.startswith("\ufeff".encode())
    regels = list(csv.reader(io.StringIO(inhoud.decode("utf-8-sig")), delimiter=";"))
    assert regels[0] == [totaal.titel] and regels[1] == [totaal.ondertitel] and regels[2] == [totaal.bronregel]
    assert regels[3] == list(tabel.KOLOMMEN)
    assert len(regels) == 4 + len(tabel.kaarttabel(totaal))
    namen = [regel[0] for regel in regels[4:]]
    assert '\'=HYPERLINK("http://x";"klik")' in namen and not any(naam.startswith("=") for naam in namen)


def test_xlsx_has_the_same_rows_and_a_chosen_class_only(totaal):
    item = totaal.legenda[0]
    boek = load_workbook(io.BytesIO(export.tabelbestand([totaal], "xlsx", item.klasse)))
    blad = boek.worksheets[0]
    waarden = [[cel for cel in rij] for rij in blad.iter_rows(values_only=True)]
    kop = waarden.index(list(tabel.KOLOMMEN))
    assert waarden[0][0] == totaal.titel and [f"Alleen klasse: {item.klasse}"] == [waarden[kop - 2][0]]
    verwacht = tabel.kaarttabel(totaal, item.klasse)
    assert len(waarden) - kop - 1 == item.aantal == len(verwacht)
    assert [rij[0] for rij in waarden[kop + 1 :]] == verwacht["Gemeente"].tolist()
    assert blad.freeze_panes == f"B{kop + 2}"


def test_an_unknown_table_format_is_refused(totaal):
    with pytest.raises(export.Gebruiksfout, match="onbekend tabelformaat 'ods'; kies csv of xlsx"):
        export.tabelbestand([totaal], "ods")


def test_the_command_line_writes_the_table_beside_the_maps(db, monkeypatch, tmp_path):
    monkeypatch.setenv("SAMENWERKING_DB", str(db))
    uit = tmp_path / "overleg.pdf"
    assert export.main(["--inhoud", "GGZ,Ouderen", "--tabel", str(uit)]) == 0
    regels = list(csv.reader(io.StringIO((tmp_path / "overleg-tabel.csv").read_text("utf-8-sig")), delimiter=";"))
    koppen = [i for i, regel in enumerate(regels) if regel == list(tabel.KOLOMMEN)]
    assert len(koppen) == 2 and regels[0] == ["GGZ – totaal"] and regels[koppen[0] + 1 :].index([]) > 0
    assert regels[koppen[1] - 4 : koppen[1] - 2] == [[], ["Ouderen – totaal"]]


def test_the_table_flag_is_refused_for_a_project_list(db, monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("SAMENWERKING_DB", str(db))
    with pytest.raises(SystemExit) as fout:
        export.main(["--tabel", str(tmp_path / "projecten.csv")])
    assert fout.value.code == 2
    assert "--tabel hoort bij kaarten (png, svg, pdf, pptx), niet bij csv" in capsys.readouterr().err


def test_the_presentation_builder_offers_the_versus_maps_of_the_pages():
    keuzes = downloads.versuskeuzes()
    assert (
        len(keuzes) == len(vocab.AS_INSTRUMENT.labels) + len(vocab.AS_INTENSITEIT.labels)
        and "Instrumenteel: Beleid" in keuzes
        and "Samenwerkingsvorm: Ontwikkelproject" in keuzes
    )
    specs = downloads.versusspecs(["Instrumenteel: Beleid"], ["GGZ", "Ouderen"])
    assert [s.sleutel for s in specs] == [
        "versus|instrument=beleid|inhoud=ggz",
        "versus|instrument=beleid|inhoud=ouderen",
    ]
    assert downloads._omschrijving(specs[0]) == "Beleid: GGZ versus overig"
