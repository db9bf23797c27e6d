"""The root URL forwards to Overzicht with its query string, without building the sidebar twice."""

from apptest import APP, draai
from streamlit.testing.v1 import AppTest

from dashboard import zijbalk


def test_the_root_url_builds_the_sidebar_only_for_overzicht(appstore, monkeypatch):
    getekend = []
    echt = zijbalk.toon

    def tel():
        getekend.append(1)
        return echt()

    monkeypatch.setattr(zijbalk, "toon", tel)
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["inhoud"] = "GGZ"
    draai(at)
    assert [h.value for h in at.title] == ["Samenwerkingskaarten zorgverzekeraars en gemeenten"]
    assert len(getekend) == 1
    assert at.query_params["inhoud"] == "GGZ"
