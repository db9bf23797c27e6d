"""Roles from configuration: e-mail domains and addresses, the groups claim, unverified e-mail, the rights per
role, and the identity text the change log records."""

import pytest

from projectdb.rollen import (
    MAX_IDENTITEIT,
    RECHTEN,
    ROLLEN,
    identiteit,
    mag,
    rol_van,
    rolregels,
)

GEHEIMEN = {
    "rollen": {
        "redacteur": ["@VNG.nl", "an.analist@zn.nl", 7, ""],
        "beheerder": ["beheer@vng.nl", "an.analist@zn.nl"],
        "groepen_claim": "groups",
        "groepen": {"redacteur": ["kaartenredactie"], "beheerder": ["kaartenbeheer"]},
    }
}


@pytest.mark.parametrize(
    "claims, rol",
    [
        ({"email": "ans@vng.nl", "email_verified": True}, "redacteur"),
        ({"email": "Ans@Vng.NL"}, "redacteur"),  # no email_verified claim (Entra ID): trusted
        ({"email": "ans@vng.nl", "email_verified": False}, "kijker"),
        ({"email": "ans@vng.nl.evil.example"}, "kijker"),
        ({"email": "ans@sub.vng.nl"}, "kijker"),  # a domain means exactly that domain
        ({"email": "beheer@vng.nl"}, "beheerder"),
        ({"email": "an.analist@zn.nl"}, "beheerder"),  # listed twice: the higher role
        ({"email": "bea@zn.nl"}, "kijker"),
        ({"email": "bea@zn.nl", "groups": ["iets", "kaartenredactie"]}, "redacteur"),
        ({"email": "bea@zn.nl", "groups": "kaartenbeheer"}, "kijker"),  # a claim that is not a list gives nothing
        ({"email": "ans@vng.nl", "groups": ["kaartenbeheer"]}, "beheerder"),
        ({}, "kijker"),
    ],
)
def test_role_from_email_domain_address_and_groups(claims, rol):
    assert rol_van(claims, rolregels(GEHEIMEN)) == rol


def test_without_rules_everyone_is_a_viewer():
    for geheimen in ({}, {"rollen": "geen tabel"}, {"rollen": {"redacteur": "@vng.nl"}}):
        assert rol_van({"email": "ans@vng.nl", "groups": ["kaartenredactie"]}, rolregels(geheimen)) == "kijker"


def test_rights_grow_with_the_role():
    assert [r for r in ROLLEN if mag(r, "bewerken")] == ["redacteur", "beheerder"]
    assert [r for r in ROLLEN if mag(r, "voorstel_beoordelen")] == ["redacteur", "beheerder"]
    assert [r for r in ROLLEN if mag(r, "herstellen")] == ["beheerder"]
    assert not any(mag("iemand", actie) for actie in RECHTEN)
    with pytest.raises(KeyError):
        mag("beheerder", "bewerkne")


def test_identity_names_subject_email_and_name_on_one_line():
    assert identiteit({"sub": "a1", "email": "ans@vng.nl", "name": "Ans\n Jansen"}) == "Ans Jansen <ans@vng.nl> [a1]"
    assert identiteit({"sub": "a1"}) == "[a1]"
    lang = identiteit({"sub": "a1", "name": "x" * 500})
    assert len(lang) == MAX_IDENTITEIT and lang.endswith("[a1]")
