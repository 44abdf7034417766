import pytest

from catalogue.geography import CommuneError, geography


@pytest.fixture(scope="module")
def geo():
    return geography()


@pytest.mark.parametrize(
    ("text", "code", "department", "region"),
    [
        ("31555", "31555", "Haute-Garonne", "Occitanie"),
        ("31000 Toulouse", "31555", "Haute-Garonne", "Occitanie"),
        ("31100 toulouse", "31555", "Haute-Garonne", "Occitanie"),
        ("Toulouse", "31555", "Haute-Garonne", "Occitanie"),
        ("75011 Paris", "75056", "Paris", "Île-de-France"),
        ("97400 Saint-Denis", "97411", "La Réunion", "La Réunion"),
        ("97110 Pointe-à-Pitre", "97120", "Guadeloupe", "Guadeloupe"),
        ("2A004", "2A004", "Corse-du-Sud", "Corse"),
        ("93200 St-Denis", "93066", "Seine-Saint-Denis", "Île-de-France"),
    ],
)
def test_communes_resolve_to_department_and_region(geo, text, code, department, region):
    commune = geo.resolve(text)
    assert (commune.code, commune.department.name, commune.region.name) == (code, department, region)


def test_all_departments_including_overseas(geo):
    metropolitan = {code for code in geo.departments if len(code) == 2}
    assert len(metropolitan) == 96  # 01-95 with 2A and 2B instead of 20
    assert {"971", "972", "973", "974", "976"} <= set(geo.departments)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("99999", "aucune commune n'a le code INSEE ou le code postal 99999"),
        ("31000 Paris", "commune « 31000 Paris » introuvable au code postal 31000"),
        ("Saint-Denis", "« Saint-Denis » désigne plusieurs communes .*93200 Saint-Denis.* : précisez le code postal"),
        ("Atlantide", "commune « Atlantide » introuvable"),
    ],
)
def test_unknown_or_ambiguous_communes(geo, text, message):
    with pytest.raises(CommuneError, match=message):
        geo.resolve(text)
