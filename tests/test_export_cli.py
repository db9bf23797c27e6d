import csv
import datetime as dt
import io
import subprocess
import sys
from pathlib import Path

import defusedxml.ElementTree as veilig_xml
import pytest
from openpyxl import load_workbook
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pypdf import PdfReader

import projectdb
from classify import filters as flt
from classify import vocab
from dashboard.export import Gebruiksfout, _parser, kaartspec, kaartspecs, main
from kaart.model import KaartSpec, projecten_voor
from projectdb import bronnen
from projectdb.store import PROJECTEN_CSV

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    """A store built from the shipped projecten.csv, used through SAMENWERKING_DB as the app does."""
    pad = tmp_path_factory.mktemp("db") / "samenwerking.sqlite"
    projectdb.open_store(pad)
    return pad


@pytest.fixture
def omgeving(db, monkeypatch):
    monkeypatch.setenv("SAMENWERKING_DB", str(db))
    return projectdb.open_store(db)


def test_png_of_a_theme_at_the_asked_resolution(omgeving, tmp_path):
    uit = tmp_path / "ouderen.png"
    assert main(["--thema", "Ouderen", "--as", "png", "--dpi", "100", str(uit)]) == 0
    with Image.open(uit) as beeld:
        assert beeld.format == "PNG" and beeld.size == (1169, 827)


def test_thema_is_another_name_for_inhoud(omgeving, tmp_path):
    """--inhoud is the one option for the inhoud axis; the documented --thema gives the same file."""
    uit = {}
    for vlag in ("--inhoud", "--thema"):
        uit[vlag] = tmp_path / f"{vlag.strip('-')}.svg"
        assert main([vlag, "ggz", "--kaart", "samenwerkingsvorm", "--verzekeraar", "VGZ", str(uit[vlag])]) == 0
    assert uit["--inhoud"].read_bytes() == uit["--thema"].read_bytes()
    assert _parser().parse_args(["--thema", "GGZ", "x.png"]).inhoud == ["GGZ"]


def test_format_follows_the_file_extension(omgeving, tmp_path):
    uit = tmp_path / "ggz.svg"
    assert main(["--thema", "GGZ", "--kaart", "instrumenteel", str(uit)]) == 0
    boom = veilig_xml.parse(uit).getroot()
    teksten = " ".join("".join(e.itertext()) for e in boom.iter() if e.tag.endswith("}text"))
    assert "GGZ – instrumenteel" in teksten


def test_pdf_has_one_page_per_map(omgeving, tmp_path):
    uit = tmp_path / "verzekeraars.pdf"
    argv = [
        "--kaart",
        "verzekeraar:VGZ",
        "--kaart",
        "verzekeraar:CZ",
        "--kaart",
        "kernwerkgebied",
        "--jaar",
        "2025",
        "--lagen",
        "wmo,provincie",
        str(uit),
    ]
    assert main(argv) == 0
    pdf = PdfReader(uit)
    assert len(pdf.pages) == 3
    teksten = [pagina.extract_text() for pagina in pdf.pages]
    assert "Projecten VGZ" in teksten[0] and "Projecten CZ" in teksten[1]
    assert "grenzen CBS/PDOK 2025" in teksten[0] and "provinciegrens" in teksten[0]


def test_pptx_of_all_themes_times_two_maps(omgeving, tmp_path):
    uit = tmp_path / "overleg.pptx"
    argv = ["--thema", "alle", "--kaart", "totaal", "--kaart", "samenwerkingsvorm", "--as", "pptx", str(uit)]
    assert main(argv) == 0
    deck = Presentation(str(uit))
    dia_s = list(deck.slides)
    assert len(dia_s) == 1 + 2 * len(vocab.AS_INHOUD.labels) + 1
    verwacht = [
        f"{thema} – {vorm}" for thema in vocab.AS_INHOUD.namen for vorm in ("totaal", "samenwerkingsvorm (intensiteit)")
    ]
    assert [d.shapes.title.text_frame.text for d in dia_s[1:-1]] == verwacht
    for dia in dia_s[1:-1]:
        assert any(v.shape_type == MSO_SHAPE_TYPE.PICTURE for v in dia.shapes)


def test_filters_reach_the_maps_and_the_subtitle(omgeving, tmp_path):
    uit = tmp_path / "menzis.pdf"
    assert main(["--verzekeraar", "Menzis", "--intensiteit", "ontwikkelproject,implementatie", str(uit)]) == 0
    tekst = " ".join(PdfReader(uit).pages[0].extract_text().split())
    assert "Selectie: verzekeraar: Menzis; samenwerkingsvorm: Ontwikkelproject of Implementatie" in tekst
    projecten = flt.toepassen(
        flt.met(flt.Filters(), verzekeraars=["Menzis"], intensiteit=["Ontwikkelproject", "Implementatie"]),
        omgeving.projecten(),
    )
    minima = projecten["instrumenten"].map(lambda w: set(w) == {"Collectieve zorg minima"})
    assert f"{int((~minima).sum())} projecten" in tekst


@pytest.mark.parametrize("formaat", ["csv", "xlsx"])
def test_filtered_project_list_as_csv_and_xlsx(omgeving, tmp_path, formaat):
    uit = tmp_path / f"ggz.{formaat}"
    assert main(["--inhoud", "ggz", "--as", formaat, str(uit)]) == 0
    if formaat == "csv":
        rijen = list(csv.DictReader(io.StringIO(uit.read_text("utf-8-sig"))))
    else:
        blad = load_workbook(uit).active
        koppen, *waarden = [list(rij) for rij in blad.iter_rows(values_only=True)]
        rijen = [dict(zip(koppen, rij, strict=True)) for rij in waarden]
    verwacht = omgeving.projecten()
    verwacht = verwacht[verwacht["inhoud"] == "GGZ"]
    assert [r["project_id"] for r in rijen] == verwacht["project_id"].tolist()
    assert {r["inhoud"] for r in rijen} == {"GGZ"}


@pytest.mark.parametrize(
    ("argv", "melding"),
    [
        (["--as", "gif", "x.gif"], "ongeldige keuze"),
        (["x.bmp"], "geef --as"),
        (["--kaart", "bla", "x.png"], "onbekende kaart 'bla'"),
        (["--thema", "Sport", "x.png"], "'Sport' is geen waarde van 'Inhoudelijk'"),
        (["--thema", "alle", "x.png"], f"png bevat één kaart, er zijn er {len(vocab.AS_INHOUD.labels)} gekozen"),
        (["--dpi", "20", "x.png"], "--dpi 20"),
        (["--lagen", "gemeenten", "x.png"], "'gemeenten' is geen kaartlaag"),
        (["--jaar", "2019", "x.png"], "ongeldige keuze"),
        (["--verzekeraar", "Acme", "x.png"], "'Acme' is geen bekende zorgverzekeraar"),
        (["--kaart", "verzekeraar", "x.png"], "noem de verzekeraar"),
    ],
)
def test_usage_errors_exit_2_with_a_dutch_message_and_write_nothing(
    omgeving, tmp_path, monkeypatch, capsys, argv, melding
):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as einde:
        main(argv)
    assert einde.value.code == 2
    assert melding in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


def test_selection_without_projects_exits_1(omgeving, tmp_path, capsys):
    uit = tmp_path / "leeg.png"
    assert main(["--inhoud", "GGZ", "--verzekeraar", "a.s.r.", str(uit)]) == 1
    assert "geen projecten voor deze selectie" in capsys.readouterr().err
    assert not uit.exists()


def test_help_documents_every_option_in_dutch():
    resultaat = subprocess.run(
        [sys.executable, "-m", "dashboard.export", "--help"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert resultaat.returncode == 0
    for optie in (
        "--as",
        "--kaart",
        "--thema",
        "--verzekeraar",
        "--inhoud",
        "--instrument",
        "--intensiteit",
        "--geografie",
        "--jaar",
        "--lagen",
        "--dpi",
        "SAMENWERKING_DB",
        "Afsluitstatus",
    ):
        assert optie in resultaat.stdout
    assert "gebruik:" in resultaat.stdout and "opties:" in resultaat.stdout


@pytest.mark.parametrize(
    ("tekst", "thema", "verwacht"),
    [
        ("totaal", "Ouderen", KaartSpec("totaal", as_code="inhoud", label="Ouderen")),
        ("totaal", None, KaartSpec("totaal", zonder_minima=True)),
        (
            "samenwerkingsvorm",
            "ggz",
            KaartSpec("combinatie", as_code="intensiteit", tweede_as="inhoud", tweede_label="GGZ"),
        ),
        (
            "Instrumenteel:Jeugd",
            "Ouderen",
            KaartSpec("combinatie", as_code="instrument", tweede_as="inhoud", tweede_label="Jeugd 18-/18+"),
        ),
        ("geografisch", None, KaartSpec("combinatie", as_code="geografie")),
        ("kernwerkgebied", "Ouderen", KaartSpec("kernwerkgebied")),
        ("verzekeraar:zilveren kruis", None, KaartSpec("verzekeraar", label="Zilveren Kruis", zonder_minima=True)),
        (
            "versus|instrument=beleid|inhoud=ggz",
            None,
            KaartSpec("versus", as_code="instrument", label="Beleid", tweede_as="inhoud", tweede_label="GGZ"),
        ),
    ],
)
def test_friendly_map_names(tekst, thema, verwacht):
    assert kaartspec(tekst, thema) == verwacht


def test_maps_are_ordered_theme_first_without_duplicates():
    specs = kaartspecs(["totaal", "kernwerkgebied", "samenwerkingsvorm"], ["GGZ", "Ouderen", "ggz"])
    assert [s.sleutel for s in specs] == [
        "totaal|inhoud=ggz",
        "kernwerkgebied",
        "combinatie|intensiteit|inhoud=ggz",
        "totaal|inhoud=ouderen",
        "combinatie|intensiteit|inhoud=ouderen",
    ]
    with pytest.raises(Gebruiksfout, match=r"kaartsleutel 'totaal\|inhoud=sport' ongeldig"):
        kaartspec("totaal|inhoud=sport")


def test_peildatum_is_the_date_of_the_sources_not_of_the_checkout_or_an_edit(tmp_path, monkeypatch):
    kopie = tmp_path / "projecten.csv"
    kopie.write_bytes(PROJECTEN_CSV.read_bytes())  # a fresh checkout: file date today
    store = projectdb.open_store(tmp_path / "samenwerking.sqlite", bron=kopie)
    project = store.project("P009")
    store.wijzig_project("P009", {"titel": project["titel"] + " (bijgewerkt)"}, project["versie"], "tester")
    monkeypatch.setenv("SAMENWERKING_DB", str(store.pad))
    uit = tmp_path / "ggz.pptx"
    assert main(["--thema", "GGZ", "--as", "pptx", str(uit)]) == 0
    deck = Presentation(str(uit))
    tekst = " ".join(v.text_frame.text for dia in deck.slides for v in dia.shapes if v.has_text_frame)
    ggz = projecten_voor(KaartSpec("totaal", as_code="inhoud", label="GGZ"), store.projecten())["bron"]
    assert f"Peildatum van de bronnen: {bronnen.peildatum(ggz)}" in tekst
    assert bronnen.peildatum(ggz) == "29 juni 2017"  # the GGZ projects all come from the AEF report
    vandaag = dt.date.today()
    assert str(vandaag.year) not in tekst.replace("2021 tot en met 2023", "")
    assert deck.core_properties.created.date() == dt.date(2017, 6, 29)
