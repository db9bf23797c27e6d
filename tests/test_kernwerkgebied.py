import pandas as pd
import pytest

from geo import geodata
from geo_bouw import kernwerkgebied as k
from tekst import kernwerkgebiedtekst


def _tabel(rijen):
    return pd.DataFrame(rijen, columns=["gemeente_code", "verzekeraar", "aandeel"])


def test_fractions_pick_the_insurer_with_the_largest_share():
    uit = k.kernwerkgebied_uit_marktaandelen(
        _tabel(
            [
                ("GM0014", "Menzis", 0.55),
                ("GM0014", "Zilveren Kruis", 0.30),
                ("GM0363", "Zilveren Kruis", 0.48),
                ("GM0363", "VGZ", 0.12),
                ("GM0363", "CZ", 0.20),
            ]
        )
    )
    assert uit.to_dict("records") == [
        {"gemeente_code": "GM0014", "verzekeraar": "Menzis", "aandeel": 0.55},
        {"gemeente_code": "GM0363", "verzekeraar": "Zilveren Kruis", "aandeel": 0.48},
    ]


def test_percentages_and_fractions_give_the_same_result():
    fractie = _tabel([("GM0014", "Menzis", 0.45), ("GM0014", "CZ", 0.35), ("GM0034", "VGZ", 0.9)])
    procent = _tabel([("GM0014", "Menzis", 45), ("GM0014", "CZ", 35), ("GM0034", "VGZ", 90)])
    a = k.kernwerkgebied_uit_marktaandelen(fractie)
    b = k.kernwerkgebied_uit_marktaandelen(procent)
    pd.testing.assert_frame_equal(a, b)
    assert b["aandeel"].tolist() == pytest.approx([0.45, 0.9])


def test_percent_signs_decimal_commas_and_semicolon_csv(tmp_path):
    pad = tmp_path / "aandelen.csv"
    pad.write_text(
        "gemeente_code;verzekeraar;aandeel\n14;Salland;12,5%\nGM0014;De Friesland;0,6\ngm0080;Achmea Zorgkantoor;1\n",
        encoding="utf-8",
    )
    lang = k.lees_marktaandelen(pad)
    assert lang["gemeente_code"].tolist() == ["GM0014", "GM0014", "GM0080"]
    assert lang["verzekeraar"].tolist() == ["Eno (Salland)", "De Friesland", "Zilveren Kruis"]
    assert lang["aandeel"].tolist() == pytest.approx([0.125, 0.6, 1.0])
    assert lang["rij"].tolist() == [2, 3, 4]


def test_xlsx_input(tmp_path):
    pad = tmp_path / "aandelen.xlsx"
    _tabel([("GM0014", "Menzis", 40), ("GM0014", "VGZ", 60)]).to_excel(pad, index=False)
    uit = k.kernwerkgebied_uit_marktaandelen(pad)
    assert uit["verzekeraar"].tolist() == ["VGZ"]


def test_tie_goes_to_the_first_insurer_in_canonical_order():
    uit = k.kernwerkgebied_uit_marktaandelen(_tabel([("GM0014", "CZ", 0.4), ("GM0014", "Menzis", 0.4)]))
    assert uit["verzekeraar"].tolist() == ["Menzis"]


def test_explicit_scale_overrides_detection():
    uit = k.kernwerkgebied_uit_marktaandelen(_tabel([("GM0014", "CZ", 0.6), ("GM0014", "VGZ", 0.3)]), schaal="procent")
    assert uit["aandeel"].tolist() == pytest.approx([0.006])
    with pytest.raises(k.OngeldigeMarktaandelen, match=r"rij 0, veld 'aandeel': 45 ligt buiten 0-100%"):
        k.lees_marktaandelen(_tabel([("GM0014", "CZ", 45)]), schaal="fractie")
    with pytest.raises(ValueError, match="schaal 'promille' onbekend"):
        k.lees_marktaandelen(_tabel([("GM0014", "CZ", 0.5)]), schaal="promille")


@pytest.mark.parametrize(
    ("rijen", "melding"),
    [
        ([("GM0014", "CZ", 120)], r"aandelen\.csv: rij 2, veld 'aandeel': 120% ligt buiten 0-100%"),
        ([("GM0014", "CZ", 0.5), ("GM0014", "VGZ", -0.1)], r"rij 3, veld 'aandeel': -0\.1 ligt buiten 0-100%"),
        (
            [("GM0014", "CZ", 60), ("GM0014", "VGZ", 50)],
            r"rij 3, veld 'aandeel': de aandelen van GM0014 tellen op tot 110\.0% \(rijen 2, 3\); maximaal 100%",
        ),
        ([("GM0014", "CZ", "veel")], r"rij 2, veld 'aandeel': 'veel' is geen getal"),
        ([("GM0014", "CZ", "")], r"rij 2, veld 'aandeel': leeg"),
        ([("GM0014", "Acme Zorg", 0.5)], r"rij 2, veld 'verzekeraar': 'Acme Zorg' is geen bekende zorgverzekeraar"),
        (
            [("GM0014", "Achmea", 0.5)],
            r"rij 2, veld 'verzekeraar': 'Achmea' is een koepel van Zilveren Kruis, "
            r"De Friesland; geef één label",
        ),
        (
            [("GM0014", "CZ", 0.2), ("GM0014", "cz groep", 0.3)],
            r"rij 3, veld 'verzekeraar': CZ staat voor GM0014 al in rij 2",
        ),
        ([("Groningen", "CZ", 0.2)], r"rij 2, veld 'gemeente_code': 'Groningen' is geen CBS-gemeentecode"),
        ([("", "CZ", 0.2)], r"rij 2, veld 'gemeente_code': leeg"),
    ],
)
def test_invalid_rows_name_file_row_and_field(tmp_path, rijen, melding):
    pad = tmp_path / "aandelen.csv"
    _tabel(rijen).to_csv(pad, index=False)
    with pytest.raises(k.OngeldigeMarktaandelen, match=melding) as fout:
        k.kernwerkgebied_uit_marktaandelen(pad)
    assert fout.value.bestand == str(pad)


def test_dataframe_rows_are_named_by_index_label():
    tabel = _tabel([("GM0014", "CZ", 0.7), ("GM0014", "VGZ", 0.7)]).set_axis(["a", "b"])
    with pytest.raises(k.OngeldigeMarktaandelen, match=r"<DataFrame>: rij b, veld 'aandeel': .* 140\.0%") as fout:
        k.lees_marktaandelen(tabel)
    assert (fout.value.rij, fout.value.veld) == ("b", "aandeel")


def test_missing_column_and_file():
    with pytest.raises(k.OngeldigeMarktaandelen, match=r"veld 'aandeel': kolom ontbreekt"):
        k.lees_marktaandelen(pd.DataFrame({"gemeente_code": ["GM0014"], "verzekeraar": ["CZ"]}))
    with pytest.raises(k.OngeldigeMarktaandelen, match=r"bestaat niet"):
        k.lees_marktaandelen("/nonexistent/aandelen.csv")


def test_codes_are_checked_against_the_boundary_year():
    tabel = _tabel([("GM0014", "Menzis", 0.5), ("GM0788", "VGZ", 0.5)])
    with pytest.raises(k.OngeldigeMarktaandelen, match=r"rij 1, veld 'gemeente_code': GM0788 is geen gemeente"):
        k.kernwerkgebied_uit_marktaandelen(tabel, gemeente_codes=["GM0014", "GM0034"])
    with pytest.raises(
        k.OngeldigeMarktaandelen,
        match=r"veld 'gemeente_code': geen marktaandelen voor 1 gemeenten: "
        r"GM0034",
    ):
        k.kernwerkgebied_uit_marktaandelen(tabel.iloc[:1], gemeente_codes=["GM0014", "GM0034"])


def test_proxy_takes_the_concession_holder_of_the_year():
    concessies = pd.DataFrame(
        {
            "zorgkantoorregio_code": ["ZK08", "ZK09"],
            "verzekeraar_2017": ["De Friesland", "Menzis"],
            "verzekeraar_2025": ["Zilveren Kruis", "Menzis"],
        }
    )
    gemeenten = pd.DataFrame({"gemeente_code": ["GM0080", "GM0014"], "zorgkantoorregio_code": ["ZK08", "ZK09"]})
    uit_2017 = k.kernwerkgebied_uit_concessies(gemeenten, concessies, 2017)
    uit_2025 = k.kernwerkgebied_uit_concessies(gemeenten, concessies, 2025)
    assert dict(zip(uit_2017["gemeente_code"], uit_2017["verzekeraar"], strict=True)) == {
        "GM0014": "Menzis",
        "GM0080": "De Friesland",
    }
    assert dict(zip(uit_2025["gemeente_code"], uit_2025["verzekeraar"], strict=True)) == {
        "GM0014": "Menzis",
        "GM0080": "Zilveren Kruis",
    }
    with pytest.raises(ValueError, match="geen concessiehouder 2017 voor zorgkantoorregio ZK99"):
        k.kernwerkgebied_uit_concessies(gemeenten.assign(zorgkantoorregio_code=["ZK99", "ZK09"]), concessies, 2017)


def test_legend_text_puts_the_proxy_count_beside_the_reports_figure():
    aantal = geodata.kernwerkgebied_aantal("Menzis", 2017)
    assert aantal == int((geodata.gemeenten(2017)["kernwerkgebied"] == "Menzis").sum()) > 0
    assert kernwerkgebiedtekst.legenda("Menzis", aantal) == (
        f"kernwerkgebied Menzis (benadering {aantal} gemeenten; rapport 2017: 80)"
    )
    assert kernwerkgebiedtekst.vergelijking("VGZ", 89) == "benadering 89 gemeenten"  # the report gives no figure


@pytest.mark.parametrize("jaar", [2017, 2025])
def test_the_map_title_and_the_stored_layer_label_name_the_same_approximation(jaar):
    # The offline build writes its own label into data/geo; the screen text must not drift from it.
    assert k.LABEL_BENADERING == f"kernwerkgebied ({kernwerkgebiedtekst.BENADERING})"
    assert geodata.kernwerkgebied_label(jaar) == k.LABEL_BENADERING
    assert kernwerkgebiedtekst.BENADERING in kernwerkgebiedtekst.KAARTTITEL
