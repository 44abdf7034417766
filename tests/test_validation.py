"""Each field of the agency contract: accepted spellings and the French message for bad values."""

from pathlib import PurePosixPath

import pytest

from catalogue.frontmatter import parse
from catalogue.geography import geography
from catalogue.validation import validate_event, validate_service

VALID = {
    "Title": "Job dating",
    "Start": "2026-12-03 09:30",
    "End": "12:00",
    "Type": "job-dating",
    "Mode": "onsite",
    "Organizer": "France Travail",
    "Commune": "31555",
}


def event(**changes):
    fields = {**VALID, **changes}
    text = "\n".join(f"{key}: {value}" for key, value in fields.items() if value is not None) + "\n\nCorps."
    return validate_event(parse(text), path="f.md", relative=PurePosixPath("events/agence/f.md"), geo=geography())


def messages(result):
    return [problem.detail() for problem in result.problems]


def test_minimal_event_and_derived_identity():
    result = event()
    assert result.problems == []
    assert result.item.uid == "events/agence/f"
    assert result.item.slug == "f"
    assert result.item.status == "scheduled"
    assert result.item.body == "Corps."


@pytest.mark.parametrize(
    ("field", "value", "attribute", "expected"),
    [
        ("Type", "Salon de l'emploi", "type", "forum"),
        ("Type", "réunion d'information", "type", "information"),
        ("Type", "ATELIER", "type", "workshop"),
        ("Type", "session de recrutement", "type", "recruitment"),
        ("Type", "Visite d'entreprise", "type", "company-visit"),
        ("Type", "salon en ligne", "type", "online-fair"),
        ("Type", "autre", "type", "other"),
        ("Mode", "présentiel", "mode", "onsite"),
        ("Status", "Annulé", "status", "cancelled"),
        ("Status", "reporte", "status", "postponed"),
        ("Status", "complet", "status", "full"),
        ("Capacity", "40", "capacity", 40),
        ("Audience", "Cadres, Seniors", "audience", ("Cadres", "Seniors")),
        ("Registration", "sans inscription", "registration_required", False),
        ("Registration", "contact@agence.example.org", "registration", "mailto:contact@agence.example.org"),
    ],
)
def test_french_synonyms_and_typed_values(field, value, attribute, expected):
    result = event(**{field: value})
    assert result.problems == []
    assert getattr(result.item, attribute) == expected


def test_keys_are_case_insensitive():
    text = ("title: A\nSTART: 2026-12-03 09:30\nend: 10:00\ntype: forum\nmode: online\norganizer: X\n"
            "url: https://a.example\nregistration-end: 2026-12-01")
    result = validate_event(parse(text), path="f.md", relative=PurePosixPath("events/f.md"), geo=geography())
    assert result.problems == []
    assert result.item.registration_end.day == 1


def test_online_needs_url_and_hybrid_needs_both():
    assert messages(event(Mode="à distance", Commune=None)) == ["Url: champ obligatoire absent"]
    assert messages(event(Mode="hybride", Commune=None)) == [
        "Commune: champ obligatoire absent", "Url: champ obligatoire absent"]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"Title": None}, "Title: champ obligatoire absent"),
        ({"Title": ""}, "Title: champ obligatoire vide"),
        ({"Title": "x" * 201}, "Title: texte trop long (201 caractères) (attendu: au plus 200 caractères)"),
        ({"Mode": "sur la lune"}, "Mode: valeur inconnue « sur la lune » (attendu: onsite (Sur place), "
                                  "online (À distance), hybrid (Sur place et à distance))"),
        ({"Status": "peut-être"}, "Status: valeur inconnue « peut-être » (attendu: scheduled (Programmé), "
                                  "cancelled (Annulé), postponed (Reporté), full (Complet))"),
        ({"Capacity": "beaucoup"}, "Capacity: nombre de places invalide « beaucoup » "
                                   "(attendu: un nombre entier positif, par exemple 40)"),
        ({"Url": "www.example.org"}, "Url: adresse web invalide « www.example.org » "
                                     "(attendu: une adresse commençant par https://)"),
        ({"Registration": "au guichet"}, "Registration: inscription illisible « au guichet » (attendu: une adresse "
                                         "https://, une adresse e-mail ou « sans inscription »)"),
        ({"Registration_end": "2026-12-05"}, "Registration_end: la clôture des inscriptions est après la fin "
                                             "(attendu: une date avant la fin)"),
        ({"Uid": "a b"}, "Uid: identifiant invalide « a b » (attendu: lettres, chiffres et . _ - : / @, 200 signes "
                         "au plus)"),
        ({"Comune": "31555"}, "Comune: champ inconnu, vouliez-vous dire Commune ? (attendu: un de Title, Start, End, "
                              "Type, Mode, Organizer, Commune, Url, Venue, Address, Audience, Sectors, Registration, "
                              "Registration_end, Capacity, Status, Summary, Uid, Updated, Source, Geo)"),
        ({"Sectors": ",".join(f"s{i}" for i in range(25))},
         "Sectors: trop de valeurs (25) (attendu: au plus 20, séparées par des virgules)"),
    ],
)
def test_bad_values_get_their_own_message(changes, expected):
    result = event(**changes)
    assert result.item is None
    assert expected in messages(result)


def test_problems_carry_the_line_of_the_field():
    result = event(Mode="nulle part")
    assert [(p.line, p.field) for p in result.problems] == [(5, "Mode")]
    assert str(result.problems[0]).startswith("f.md:5: Mode: valeur inconnue")


def test_malformed_header_lines_and_repeated_keys():
    text = "Title: A\nceci n'est pas un champ\nTitle: B\n"
    result = validate_event(parse(text), path="f.md", relative=PurePosixPath("events/f.md"), geo=geography())
    assert "en-tête: ligne d'en-tête illisible « ceci n'est pas un champ »" in messages(result)
    assert "en-tête: le champ Title est déjà donné ligne 1" in messages(result)


def test_continuation_lines_extend_a_value():
    result = event(Summary="Une première ligne\n    et la suite")
    assert result.item.summary == "Une première ligne et la suite"


def test_service_contract():
    text = ("Title: La Bonne Boîte\nProvider: France Travail\nCategory: Trouver un emploi\nUrl: https://a.example\n"
            "Channels: web, appli, téléphone\nFree: non\nSummary: Des entreprises qui recrutent.\n")
    result = validate_service(parse(text), path="s.md", relative=PurePosixPath("services/s.md"))
    assert result.problems == []
    assert result.item.channels == ("web", "mobile-app", "phone")
    assert result.item.free is False
    bad = validate_service(parse("Title: X\nChannels: pigeon\nFree: peut-être\n"), path="s.md",
                           relative=PurePosixPath("services/s.md"))
    assert [p.detail() for p in bad.problems] == [
        "Free: valeur inconnue « peut-être » (attendu: oui ou non)",
        "Provider: champ obligatoire absent",
        "Category: champ obligatoire absent",
        "Url: champ obligatoire absent",
        "Summary: champ obligatoire absent",
        "Channels: valeur inconnue « pigeon » (attendu: web (Site web), mobile-app (Application mobile), "
        "phone (Téléphone), agency (En agence))",
    ]
