"""Finding a gemeente by what people type: official names, aliases, names of the other boundary year and CBS codes
(:func:`geo.geodata.vind_gemeente`)."""

import pytest

from geo import geodata as g


@pytest.mark.parametrize("jaar", g.JAREN)
@pytest.mark.parametrize("tekst", ["GM0363", "gm0363", "0363", "363", " 363 ", "GM 363", "Amsterdam", "amsterdam"])
def test_codes_with_and_without_prefix_and_names_find_the_same_gemeente(tekst, jaar):
    gevonden = g.vind_gemeente(tekst, jaar)
    assert (gevonden.code, gevonden.naam, gevonden.toelichting) == ("GM0363", "Amsterdam", "")


@pytest.mark.parametrize("jaar", g.JAREN)
@pytest.mark.parametrize("tekst", ["'s-Gravenhage", "Den Haag", "den haag", "S GRAVENHAGE", "GM0518", "518"])
def test_the_hague_under_every_name(tekst, jaar):
    assert g.vind_gemeente(tekst, jaar).code == "GM0518"


@pytest.mark.parametrize("tekst", ["Súdwest-Fryslân", "sudwest fryslan", "SUDWEST-FRYSLAN", "Sudwest Fryslan"])
def test_diacritics_case_and_punctuation_do_not_matter(tekst):
    assert g.vind_gemeente(tekst, 2025).code == "GM1900"


def test_a_2017_name_on_the_2025_map_finds_its_successor_and_says_so():
    tabel = g.herindeling()
    opgeheven = tabel[(tabel["aandeel"] == 1.0) & (tabel["gemeente_code_2017"] != tabel["gemeente_code_2025"])]
    for rij in opgeheven.head(10).itertuples(index=False):
        gevonden = g.vind_gemeente(rij.gemeente_naam_2017, 2025)
        assert gevonden.code == rij.gemeente_code_2025
        assert rij.gemeente_naam_2017 in gevonden.toelichting
        assert "gemeente van 2017" in gevonden.toelichting and rij.gemeente_naam_2025 in gevonden.toelichting
        # The 2017 code works as well.
        assert g.vind_gemeente(rij.gemeente_code_2017, 2025).code == rij.gemeente_code_2025


def test_a_split_2017_gemeente_goes_to_the_successor_with_most_of_its_area():
    tabel = g.herindeling()
    gesplitst = tabel.groupby("gemeente_code_2017").filter(lambda groep: len(groep) > 1)
    assert not gesplitst.empty
    for code, groep in gesplitst.groupby("gemeente_code_2017"):
        verwacht = groep.groupby("gemeente_code_2025")["aandeel"].sum().idxmax()
        gevonden = g.vind_gemeente(code, 2025)
        assert gevonden.code == verwacht
        assert "de rest ligt in" in gevonden.toelichting


def test_a_2025_name_on_the_2017_map_finds_its_largest_predecessor():
    gevonden = g.vind_gemeente("Eemsdelta", 2017)
    voorgangers = g.herindeling().query("gemeente_code_2025 == 'GM1979'")["gemeente_code_2017"]
    oppervlakte = g.gemeenten(2017).set_index("gemeente_code").loc[list(voorgangers), "oppervlakte_km2"]
    assert gevonden.code == oppervlakte.idxmax()
    assert "Eemsdelta (GM1979) is een gemeente van 2025" in gevonden.toelichting


def test_unknown_names_raise_with_suggestions_and_ambiguous_names_with_candidates():
    with pytest.raises(g.OnbekendeNaam) as fout:
        g.vind_gemeente("Atlantis", 2025)
    assert "Atlantis" in str(fout.value) and fout.value.suggesties
    with pytest.raises(g.OnbekendeNaam):
        g.vind_gemeente("9999", 2025)
    with pytest.raises(g.DubbelzinnigeNaam) as dubbel:
        g.vind_gemeente("Bergen", 2025)
    assert {code for code, _ in dubbel.value.kandidaten} == {"GM0373", "GM0893"}


def test_zoek_gemeente_accepts_bare_codes_too():
    assert g.zoek_gemeente("14", 2017) == "GM0014"
