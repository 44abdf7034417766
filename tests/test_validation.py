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
        ("Capacity", "40", "places_onsite", 40),  # the field's former name still reads
        ("Places_onsite", "40", "places_onsite", 40),
        ("Places online", "200", "places_online", 200),
        ("Places_left", "0", "places_left", 0),
        ("Audience", "Cadres, Seniors", "audience", ("cadres", "seniors")),
        ("Audience", "tous publics; RQTH; jeunes de moins de 26 ans", "audience", ("tous", "handicap", "jeunes")),
        ("Audience", "Débutants acceptés, sans diplôme", "audience", ("debutants", "sans-diplome")),
        ("Benefits", "CDI, intérim, apprentissage, formation financée", "benefits",
         ("cdi", "interim", "alternance", "formation-financee")),
        ("Objectives", "Recrutement, sans CV, créer son entreprise", "objectives", ("recruter", "sans-cv", "creation")),
        ("Campaign", "La semaine de l'emploi des personnes handicapées", "campaign_slug",
         "la-semaine-de-l-emploi-des-personnes-handicapees"),
        ("Prerequisites", "Permis : B, CACES R489 ; Âge : 18 ans minimum ; savoir être: ponctualité", "prerequisites",
         (("permis", ("B", "CACES R489")), ("age", ("18 ans minimum",)), ("savoir-etre", ("ponctualité",)))),
        ("Program", "9h00 Accueil ; 9h30-12h00 Entretiens ; 12:15 – Bilan", "program",
         (("09:00", "Accueil"), ("09:30–12:00", "Entretiens"), ("12:15", "Bilan"))),
        ("Speakers", "Mairie de Toulouse https://www.toulouse.fr ; Adecco", "speakers",
         (("Mairie de Toulouse", "https://www.toulouse.fr"), ("Adecco", ""))),
        ("Job_offers", "25 https://offres.example.org/jd", "job_offers", 25),
        ("Job_offers", "https://offres.example.org/jd", "job_offers_url", "https://offres.example.org/jd"),
        ("Rome", "G1602 Personnel de cuisine, M1607; n1103", "rome",
         (("G1602", "Personnel de cuisine"), ("M1607", ""), ("N1103", ""))),
        ("Naf", "5610A, 56.10 c, 55", "naf_sectors",
         [("56.10A", "Restauration traditionnelle"), ("56.10C", "Restauration de type rapide"), ("55", "Hébergement")]),
        ("Registration", "sans inscription", "registration_required", False),
        ("Registration", "contact@agence.example.org", "registration", "mailto:contact@agence.example.org"),
    ],
)
def test_french_synonyms_and_typed_values(field, value, attribute, expected):
    result = event(**{field: value})
    assert result.problems == []
    assert getattr(result.item, attribute) == expected


def test_a_plain_list_of_prerequisites_is_sorted_into_groups():
    item = event(Prerequisites="Permis B, CACES R489, Diplôme CAP cuisine, Travailler le dimanche").item
    assert item.prerequisites == (("permis", ("B", "CACES R489")), ("diplome", ("CAP cuisine",)),
                                  ("autres", ("Travailler le dimanche",)))


def test_plain_places_are_where_the_event_happens():
    online = event(Mode="à distance", Commune=None, Url="https://visio.example.org/x", Places="30").item
    onsite = event(Places="30").item
    assert (online.places_online, online.places_onsite, onsite.places_onsite) == (30, None, 30)


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
        ({"Places_onsite": "beaucoup"}, "Places_onsite: nombre invalide « beaucoup » "
                                        "(attendu: un nombre entier positif, par exemple 40)"),
        ({"Url": "www.example.org"}, "Url: adresse web invalide « www.example.org » "
                                     "(attendu: une adresse commençant par https://)"),
        ({"Registration": "au guichet"}, "Registration: inscription illisible « au guichet » (attendu: une adresse "
                                         "https://, une adresse e-mail, un numéro de téléphone ou « sans "
                                         "inscription »)"),
        ({"Contact": "le guichet"}, "Contact: contact illisible « le guichet » (attendu: un numéro de téléphone "
                                    "et/ou une adresse e-mail, séparés par une virgule)"),
        ({"Registration_end": "2026-12-05"}, "Registration_end: la clôture des inscriptions est après la fin "
                                             "(attendu: une date avant la fin)"),
        ({"Uid": "a b"}, "Uid: identifiant invalide « a b » (attendu: lettres, chiffres et . _ - : / @, 200 signes "
                         "au plus)"),
        ({"Comune": "31555"}, "Comune: champ inconnu, vouliez-vous dire Commune ? (attendu: un de Title, Start, End, "
                              "Type, Mode, Organizer, Organizer_url, Commune, Url, Venue, Address, Audience, Sectors, Benefits, "
                              "Objectives, Campaign, Prerequisites, Program, Speakers, Job_offers, Rome, Naf, "
                              "Registration, Registration_end, Contact, Places_onsite, Places_online, Places_left, Status, "
                              "Summary, Uid, Updated, Source, Geo, Timezone)"),
        ({"Audience": "Tous publics, étudiants"},
         "Audience: valeur inconnue « étudiants » (attendu: tous (Ouvert à tous), cadres (Cadres), jeunes (Jeunes "
         "(moins de 26 ans)), seniors (Seniors), sans-diplome (Pas de diplôme exigé), debutants (Débutant accepté), "
         "sans-experience (Sans expérience professionnelle), handicap (Travailleurs en situation de handicap))"),
        ({"Benefits": "CDI, prime"}, "Benefits: valeur inconnue « prime » (attendu: cdi (CDI), cdd (CDD), "),
        ({"Objectives": "s'amuser"}, "Objectives: valeur inconnue « s'amuser » (attendu: decouvrir-formation "),
        ({"Prerequisites": "Langue : anglais"}, "Prerequisites: groupe inconnu dans « Langue : anglais » (attendu: "
                                                "« groupe : éléments » séparés par des points-virgules, groupe parmi "
                                                "Diplôme, Âge, Permis, Savoir-être, Contraintes, Autres, ou une "
                                                "simple liste)"),
        ({"Program": "Accueil à 9h"}, "Program: étape illisible « Accueil à 9h » (attendu: « heure étape », une par ligne"),
        ({"Program": "9h75 Accueil"}, "Program: étape illisible « 9h75 Accueil »"),
        ({"Speakers": "Adecco https://"}, "Speakers: adresse web invalide « https:// »"),
        ({"Job_offers": "beaucoup"}, "Job_offers: valeur illisible « beaucoup » (attendu: un nombre d'offres et/ou "
                                     "l'adresse https:// où les lire)"),
        ({"Rome": "Z9999"}, "Rome: code inconnu « Z9999 » (attendu: des codes ROME, par exemple G1602 Personnel "
                            "de cuisine)"),
        ({"Naf": "99.99Z"}, "Naf: code inconnu « 99.99Z » (attendu: des codes NAF, par exemple 56.10A)"),
        ({"Places_onsite": "30", "Places_left": "45"},
         "Places_left: plus de places restantes (45) que de places (30) (attendu: au plus 30)"),
        ({"Places_left": "-1"}, "Places_left: nombre invalide « -1 » (attendu: un nombre entier, par exemple 40)"),
        ({"Sectors": ",".join(f"s{i}" for i in range(25))},
         "Sectors: trop de valeurs (25) (attendu: au plus 20, séparées par des virgules)"),
    ],
)
def test_bad_values_get_their_own_message(changes, expected):
    result = event(**changes)
    assert result.item is None
    assert any(message.startswith(expected) for message in messages(result)), messages(result)


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


FRENCH_FILE = """Titre: Job dating restauration
Début: 26/11/2026 9h30
Fin: 12h
Type: job dating
Modalité: sur place
Organisateur: France Travail Toulouse
commune: 31000 Toulouse
LIEU: Agence Toulouse Occitane
Public: Tous publics
Inscription: https://www.example.org/inscription
Places: 20
places restantes: 4
Site de l'organisateur: https://www.francetravail.fr
Résumé: Des restaurants recrutent.
STATUT: programme

Venez avec votre CV.
"""


def test_a_file_with_french_keys_is_read_like_the_english_one():
    result = validate_event(parse(FRENCH_FILE), path="fr.md", relative=PurePosixPath("events/fr.md"), geo=geography())
    assert (result.problems, result.warnings) == ([], [])
    item = result.item
    assert (item.title, item.places_onsite, item.places_left, item.venue) == (
        "Job dating restauration", 20, 4, "Agence Toulouse Occitane")
    assert (item.organizer_url, item.summary, item.commune.name) == (
        "https://www.francetravail.fr", "Des restaurants recrutent.", "Toulouse")


def test_messages_name_keys_as_written_and_missing_ones_in_the_files_language():
    text = "Titre: Atelier\nTitle: Atelier CV\nDébutt: 26/11/2026 9h\nFIN: 31/02/2026 12h\n\nTexte."
    found = messages(validate_event(parse(text), path="x.md", relative=PurePosixPath("events/x.md"), geo=geography()))
    assert "Title: même champ que Titre, ligne 1" in found
    assert any(line.startswith("Débutt: champ inconnu, vouliez-vous dire Début ?") for line in found)
    assert any(line.startswith("FIN: le 31/02/2026 n'existe pas") for line in found)  # as the file wrote it
    assert {"Modalité: champ obligatoire absent", "Organisateur: champ obligatoire absent"} <= set(found)


def test_the_agencies_guide_lists_every_french_name():
    from pathlib import Path

    from catalogue.keys import FRENCH_NAMES
    from catalogue.validation import EVENT_FIELDS
    guide = (Path(__file__).parent.parent / "docs/guide-agences.md").read_text(encoding="utf-8")
    assert all(f"`{name}`" in guide for name, key in FRENCH_NAMES.items() if key in EVENT_FIELDS)


def test_digits_that_are_not_ascii_are_refused_not_crashed_on():
    """Hypothesis found "²" (a digit for str.isdigit, not for int) in a count."""
    found = messages(event(Places_onsite="²", Places_left="٣"))
    assert any(line.startswith("Places_onsite: ") for line in found) and any(line.startswith("Places_left: ") for line in found)


YAML_FILE = """---
title: Job dating
start: 2026-12-03 09:30
end: "12:00"
type: job-dating
mode: onsite
organizer: France Travail
commune: "31555"
audience:
  - Tous publics
  - Jeunes de moins de 26 ans
prerequisites:
  Permis: [B, CACES R489]
  Âge: [18 ans minimum]
  diplome: []
places_onsite: 20
---

Corps.
"""


def test_yaml_front_matter_as_decap_cms_writes_it_reads_like_key_value_lines():
    from_yaml = validate_event(parse(YAML_FILE), path="f.md", relative=PurePosixPath("events/agence/f.md"), geo=geography())
    plain = event(Audience="Tous publics, Jeunes de moins de 26 ans", Places_onsite="20",
                  Prerequisites="Permis : B, CACES R489 ; Âge : 18 ans minimum")
    assert from_yaml.problems == [] and from_yaml.item == plain.item
    assert parse(YAML_FILE).fields["places_onsite"].line == 16 and parse(YAML_FILE).body.strip() == "Corps."


def test_broken_yaml_front_matter_gets_a_french_message_with_its_line():
    broken = validate_event(parse("---\ntitle: Atelier\naudience: [Tous publics\n---\nx"), path="b.md",
                            relative=PurePosixPath("events/b.md"), geo=geography())
    assert str(broken.problems[0]).startswith("b.md:3: en-tête: en-tête YAML illisible : vérifiez les guillemets")
    unclosed = validate_event(parse("---\ntitle: Atelier\n"), path="u.md", relative=PurePosixPath("events/u.md"),
                              geo=geography())
    assert "l'en-tête YAML n'est pas fermé par une ligne « --- »" in messages(unclosed)[0]


def test_a_programme_gives_one_step_per_line_in_either_header_format():
    steps = (("09:00", "Accueil, café"), ("09:30–12:00", "Entretiens avec les recruteurs"), ("12:00", "Bilan"))
    lines = event(Programme="9h00 Accueil, café\n    9h30-12h00 Entretiens avec les recruteurs\n    12h Bilan")
    assert lines.problems == [] and lines.item.program == steps
    block = YAML_FILE.replace("places_onsite: 20", "programme: |\n  9h00 Accueil, café\n  9h30-12h00 Entretiens"
                                                   " avec les recruteurs\n  12h Bilan")
    listed = YAML_FILE.replace("places_onsite: 20", "programme:\n  - 9h00 Accueil, café\n  - 9h30-12h00 Entretiens"
                                                    " avec les recruteurs\n  - 12h Bilan")
    for text in (block, listed):
        result = validate_event(parse(text), path="f.md", relative=PurePosixPath("events/agence/f.md"), geo=geography())
        assert result.problems == [] and result.item.program == steps
    assert messages(event(Programme="9h00 Accueil\n    pause")) == [
        "Programme: étape illisible « pause » (attendu: « heure étape », une par ligne ou séparées par des "
        "points-virgules, par exemple 9h00 Accueil ; 9h30-12h00 Entretiens)"]
