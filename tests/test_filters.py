import pandas as pd
import pytest

from classify import filters as f
from dashboard import url
from tekst import selectietekst


def _projecten() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "project_id": ["P001", "P002", "P003", "P004"],
            "titel": ["a", "b", "c", "d"],
            "verzekeraars": [("VGZ",), ("Zilveren Kruis", "CZ"), ("Menzis",), ("CZ",)],
            "inhoud": ["GGZ", "Ouderen", "GGZ", "Preventie"],
            "instrumenten": [("Werkwijze",), ("Beleid", "Inkoop"), ("Collectieve zorg minima",), ("Inkoop",)],
            "intensiteit": ["Ontwikkelproject", "Implementatie", "Samenwerkingsafspraken", "Ontwikkelproject"],
            "geografie": ["Gemeentelijk", "Regionaal", "Bovenregionaal", "Gemeentelijk"],
        }
    )


def test_lees_accepts_codes_names_and_synonyms_in_canonical_order():
    filters, meldingen = url.lees({"inhoud": "ouderen,ggz", "instrument": "convenant", "indeling": "2025"})
    assert filters.inhoud == ("GGZ", "Ouderen")
    assert filters.instrumenten == ("Samenwerkingsdocument",)
    assert filters.jaar == 2025
    assert meldingen == ()


def test_lees_expands_a_concern_and_accepts_repeated_parameters():
    filters, _ = url.lees({"verzekeraar": ["achmea", "vgz"]})
    assert filters.verzekeraars == ("Zilveren Kruis", "VGZ", "De Friesland")


def test_lees_skips_unknown_values_with_a_message_naming_the_parameter():
    filters, meldingen = url.lees({"inhoud": "ggz,kunst", "indeling": "1999"})
    assert filters.inhoud == ("GGZ",)
    assert filters.jaar == f.STANDAARD_JAAR
    assert len(meldingen) == 2
    assert meldingen[0].startswith("Parameter inhoud: 'kunst'")
    assert "Parameter indeling: '1999'" in meldingen[1]


def test_schrijf_and_lees_round_trip_with_prefix():
    filters = f.Filters(verzekeraars=("CZ",), inhoud=("Jeugd 18-/18+",), geografie=("Regionaal",), jaar=2025)
    params = url.schrijf(filters, prefix=url.PREFIX_RECHTS)
    assert params == {"b_verzekeraar": "cz", "b_inhoud": "jeugd", "b_geografie": "regionaal", "b_indeling": "2025"}
    assert url.lees(params, prefix=url.PREFIX_RECHTS) == (filters, ())
    assert url.lees(params) == (f.Filters(), ())


def test_schrijf_leaves_defaults_out():
    assert url.schrijf(f.Filters()) == {}


def test_vervang_keeps_parameters_of_the_other_selection():
    params = {"inhoud": "ggz", "b_inhoud": "ouderen", "project": "P001"}
    nieuw = url.vervang(params, f.Filters(intensiteit=("Implementatie",)))
    assert nieuw == {"b_inhoud": "ouderen", "project": "P001", "intensiteit": "implementatie"}


def test_met_orders_and_checks():
    filters = f.met(f.Filters(), inhoud=["Ouderen", "preventie"], jaar=2025)
    assert filters.inhoud == ("Preventie", "Ouderen")
    with pytest.raises(ValueError, match="indeling 2020 bestaat niet"):
        f.met(filters, jaar=2020)
    with pytest.raises(ValueError, match="onbekend filterveld 'thema'"):
        f.met(filters, thema=["GGZ"])


def test_toepassen_any_label_per_axis_and_all_axes_together():
    projecten = _projecten()
    assert f.toepassen(f.Filters(), projecten)["project_id"].tolist() == ["P001", "P002", "P003", "P004"]
    assert f.toepassen(f.Filters(inhoud=("GGZ",)), projecten)["project_id"].tolist() == ["P001", "P003"]
    assert f.toepassen(f.Filters(verzekeraars=("CZ",)), projecten)["project_id"].tolist() == ["P002", "P004"]
    gecombineerd = f.Filters(instrumenten=("Inkoop",), intensiteit=("Ontwikkelproject",))
    assert f.toepassen(gecombineerd, projecten)["project_id"].tolist() == ["P004"]
    assert f.toepassen(f.Filters(inhoud=("Anders",)), projecten).empty


def test_beschrijving_in_words():
    assert selectietekst.beschrijving(f.Filters()) == "alle projecten"
    tekst = selectietekst.beschrijving(f.Filters(inhoud=("GGZ", "Ouderen"), verzekeraars=("VGZ",)))
    assert tekst == "verzekeraar: VGZ; inhoud: GGZ of Ouderen"
    assert f.Filters().leeg and not f.Filters(geografie=("Regionaal",)).leeg


def test_lagen_round_trip_and_default():
    assert url.lees_lagen({}) == (url.STANDAARD_LAGEN, ())
    lagen = ("provincie", "kernwerkgebied:Eno (Salland)")
    params = url.schrijf_lagen(lagen)
    assert params == {"lagen": "provincie,kernwerkgebied:eno"}
    assert url.lees_lagen(params) == (lagen, ())
    assert url.schrijf_lagen(url.STANDAARD_LAGEN) == {}
    assert url.lees_lagen(url.schrijf_lagen(())) == ((), ())


def test_lees_lagen_reports_unknown_layers():
    lagen, meldingen = url.lees_lagen({"lagen": "wmo,snelwegen,kernwerkgebied:xyz"})
    assert lagen == ("wmo_regio",)
    assert "'snelwegen' is geen kaartlaag" in meldingen[0]
    assert "'xyz' is geen bekende zorgverzekeraar" in meldingen[1]
