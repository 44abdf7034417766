"""Controlled vocabularies of the agency contract: canonical values, French labels, synonyms."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from catalogue.text import fold


@dataclass(frozen=True)
class Term:
    """One canonical value with its French label, its URL slug and accepted synonyms."""

    key: str
    label: str
    slug: str
    synonyms: tuple[str, ...] = ()


class Vocabulary:
    """A closed list of terms, looked up by key, label or synonym (case and accents ignored)."""

    def __init__(self, name: str, terms: list[Term]):
        self.name = name
        self.terms = terms
        self._by_key = {term.key: term for term in terms}
        self._lookup: dict[str, Term] = {}
        for term in terms:
            for spelling in (term.key, term.label, term.slug, *term.synonyms):
                self._lookup[fold(spelling)] = term

    def __getitem__(self, key: str) -> Term:
        return self._by_key[key]

    def __iter__(self):
        return iter(self.terms)

    def find(self, value: str) -> Term | None:
        return self._lookup.get(fold(value))

    def expected(self) -> str:
        """The allowed values as an agency reads them in an error message."""
        return ", ".join(f"{term.key} ({term.label})" for term in self.terms)


EVENT_TYPES = Vocabulary(
    "type",
    [
        Term("job-dating", "Job dating", "job-dating", ("job dating", "jobdating")),
        Term("forum", "Forum, salon de l'emploi", "forum-salon",
             ("salon emploi", "salon de l'emploi", "forum emploi", "forum de l'emploi", "salon")),
        Term("information", "Réunion d'information", "reunion-information",
             ("réunion d'information", "information collective", "réunion", "info")),
        Term("workshop", "Atelier", "atelier", ("atelier",)),
        Term("recruitment", "Session de recrutement", "session-recrutement",
             ("session de recrutement", "recrutement", "job session")),
        Term("company-visit", "Visite d'entreprise", "visite-entreprise",
             ("visite d'entreprise", "visite entreprise", "visite")),
        Term("online-fair", "Salon en ligne", "salon-en-ligne", ("salon en ligne", "salon virtuel")),
        Term("other", "Autre événement", "autre", ("autre",)),
    ],
)

MODES = Vocabulary(
    "mode",
    [
        Term("onsite", "Sur place", "sur-place", ("présentiel", "presentiel", "sur place", "en présentiel")),
        Term("online", "À distance", "a-distance",
             ("à distance", "en ligne", "distanciel", "distance", "visio")),
        Term("hybrid", "Sur place et à distance", "hybride", ("hybride", "mixte")),
    ],
)

STATUSES = Vocabulary(
    "status",
    [
        Term("scheduled", "Programmé", "programme", ("programmé", "confirmé", "prévu", "ouvert")),
        Term("cancelled", "Annulé", "annule", ("annulé", "canceled")),
        Term("postponed", "Reporté", "reporte", ("reporté", "ajourné")),
        Term("full", "Complet", "complet", ("complet",)),
    ],
)

CHANNELS = Vocabulary(
    "channel",
    [
        Term("web", "Site web", "web", ("site", "site web", "internet", "en ligne")),
        Term("mobile-app", "Application mobile", "application-mobile",
             ("mobile app", "application", "application mobile", "appli", "mobile")),
        Term("phone", "Téléphone", "telephone", ("téléphone", "tel", "par téléphone")),
        Term("agency", "En agence", "agence", ("agence", "en agence", "guichet")),
    ],
)

AUDIENCES = Vocabulary(
    "audience",
    [
        Term("tous", "Ouvert à tous", "ouvert-a-tous", ("tous publics", "tout public", "tous", "demandeurs d'emploi")),
        Term("cadres", "Cadres", "cadres", ("cadre",)),
        Term("jeunes", "Jeunes (moins de 26 ans)", "jeunes",
             ("jeunes de moins de 26 ans", "moins de 26 ans", "-26 ans", "jeune")),
        Term("seniors", "Seniors", "seniors", ("senior", "plus de 50 ans", "50 ans et plus")),
        Term("sans-diplome", "Pas de diplôme exigé", "sans-diplome",
             ("sans diplôme", "aucun diplôme exigé", "pas de diplôme", "sans diplome exige")),
        Term("debutants", "Débutant accepté", "debutant-accepte", ("débutants acceptés", "débutant", "débutants")),
        Term("sans-experience", "Sans expérience professionnelle", "sans-experience",
             ("sans expérience", "aucune expérience", "aucune expérience exigée")),
        Term("handicap", "Travailleurs en situation de handicap", "handicap",
             ("travailleurs handicapés", "personnes handicapées", "personnes en situation de handicap", "rqth",
              "handicap", "boeth")),
    ],
)

BENEFITS = Vocabulary(
    "benefit",
    [
        Term("cdi", "CDI", "cdi", ("contrat à durée indéterminée",)),
        Term("cdd", "CDD", "cdd", ("contrat à durée déterminée",)),
        Term("interim", "Intérim", "interim", ("interim", "mission d'intérim", "travail temporaire")),
        Term("alternance", "Contrat en alternance", "alternance",
             ("alternance", "apprentissage", "contrat d'apprentissage", "contrat de professionnalisation")),
        Term("saisonnier", "Contrat saisonnier", "saisonnier", ("saisonnier", "emploi saisonnier", "saison")),
        Term("formation-assuree", "Formation assurée", "formation-assuree", ("formé en interne", "formation en interne")),
        Term("formation-financee", "Formation financée", "formation-financee", ("formation prise en charge",)),
        Term("rencontre-recruteur", "Rencontre recruteur", "rencontre-recruteur",
             ("rencontrer un recruteur", "rencontre avec des recruteurs", "rencontre employeur")),
        Term("diplome", "Se diplômer", "se-diplomer", ("diplôme", "diplômant", "formation diplômante")),
        Term("sans-deplacement", "Candidater sans se déplacer", "candidater-sans-se-deplacer",
             ("candidater à distance", "sans se déplacer", "candidature en ligne")),
    ],
)

OBJECTIVES = Vocabulary(
    "objective",
    [
        Term("decouvrir-formation", "Découvrir une formation", "decouvrir-une-formation", ("formation",)),
        Term("decouvrir-metier", "Découvrir un secteur ou un métier", "decouvrir-un-metier",
             ("découvrir un métier", "découvrir un secteur", "découverte métier", "découverte des métiers")),
        Term("recruter", "Recruter", "recruter", ("recrutement", "embaucher")),
        Term("sans-cv", "Recrutement sans CV", "recrutement-sans-cv", ("sans cv", "méthode de recrutement par simulation",
                                                                        "mrs")),
        Term("se-preparer", "Se préparer", "se-preparer", ("préparation", "se préparer aux entretiens", "préparer")),
        Term("s-informer", "S'informer", "s-informer", ("information", "informer", "s informer")),
        Term("aides", "Aides à l'emploi", "aides-a-l-emploi", ("aides", "aides à l'embauche", "aide à l'emploi")),
        Term("creation", "Création d'entreprise", "creation-d-entreprise",
             ("créer son entreprise", "création", "entrepreneuriat", "reprise d'entreprise")),
        Term("insertion", "Insertion", "insertion", ("insertion professionnelle", "iae")),
        Term("international", "International", "international", ("mobilité internationale", "travailler à l'étranger")),
    ],
)

PREREQUISITE_GROUPS = Vocabulary(
    "prerequisite",
    [
        Term("diplome", "Diplôme", "diplome", ("diplômes", "formation", "niveau")),
        Term("age", "Âge", "age", ("âge minimum",)),
        Term("permis", "Permis", "permis", ("permis de conduire", "caces", "habilitation", "habilitations")),
        Term("savoir-etre", "Savoir-être", "savoir-etre", ("savoir être", "qualités", "compétences")),
        Term("contraintes", "Contraintes", "contraintes", ("contrainte", "conditions", "conditions de travail")),
        Term("autres", "Autres", "autres", ("autre", "divers")),  # a plain list's items no group word names
    ],
)

# The 14 domains of the ROME (the first letter of a code). Job labels come with the codes from the sources;
# no maintained package of the full ROME is installable here (see docs/content-format.md).
ROME_DOMAINS = {
    "A": "Agriculture et pêche, espaces naturels et espaces verts, soins aux animaux",
    "B": "Arts et façonnage d'ouvrages d'art", "C": "Banque, assurance, immobilier",
    "D": "Commerce, vente et grande distribution", "E": "Communication, média et multimédia",
    "F": "Construction, bâtiment et travaux publics", "G": "Hôtellerie-restauration, tourisme, loisirs et animation",
    "H": "Industrie", "I": "Installation et maintenance", "J": "Santé",
    "K": "Services à la personne et à la collectivité", "L": "Spectacle", "M": "Support à l'entreprise",
    "N": "Transport et logistique",
}

TYPE_WORDS = (  # sources' wordings the vocabulary does not already know -> our type
    ("job dating", "job-dating"), ("salon en ligne", "online-fair"), ("forum", "forum"), ("salon", "forum"),
    ("information", "information"), ("atelier", "workshop"), ("recrutement", "recruitment"),
    ("visite", "company-visit"), ("immersion", "company-visit"),
)


def guess_event_type(label: str) -> str:
    """Our type key for a source's wording: the vocabulary first, then key words, else ``other``."""
    term = EVENT_TYPES.find(label)
    if term:
        return term.key
    folded = fold(label)
    return next((key for word, key in TYPE_WORDS if word in folded), "other")


class Tagging(NamedTuple):
    """A vocabulary an event is tagged with, and everything derived from it: the event's field, the
    listings' path (/evenements/<path>/<term slug>/, also the search parameter), titles."""

    kind: str  # scope kind, and the search facet's key for it
    attribute: str  # the Event's tuple of keys
    vocabulary: Vocabulary
    path: str
    title: str  # "Public": filter groups, the search facet's label
    index_title: str  # the page listing every value
    index_lead: str
    inclusive: str = ""  # a key that every filter of this vocabulary also accepts ("Ouvert à tous")


AUDIENCE_TAGGING = Tagging("audience", "audience", AUDIENCES, "public", "Public", "Événements par public",
                           "Les événements ouverts à chaque public.", inclusive="tous")
TAGGINGS = (
    AUDIENCE_TAGGING,
    Tagging("benefit", "benefits", BENEFITS, "avantage", "Avantages", "Événements par avantage",
            "Ce que les événements proposent : contrats, formations…"),
    Tagging("objective", "objectives", OBJECTIVES, "objectif", "Objectifs", "Événements par objectif",
            "Recruter, s'informer, découvrir un métier…"),
)
CAMPAIGN_PATH = "campagne"  # /evenements/campagne/<slug>/ and the search parameter: one listing per campaign


# Words saying that a place is not one: "en ligne", "visio", a video-conference service.
ONLINE_WORDS = ("en ligne", "a distance", "distanciel", "visio", "teams", "zoom", "webinaire", "online")


def says_online(place: str) -> bool:
    folded = fold(place)
    return any(word in folded for word in ONLINE_WORDS)


# Hosts of the video-conference services that calendars and agendas link to (no package lists them):
# a link to one is a way to join, where any other link is only a page about the event. A name with a dot
# is a domain (and its subdomains), one ending with a dot a host prefix, one without a dot a host label.
CONFERENCE_HOSTS = (
    "teams.microsoft.com", "teams.live.com", "zoom.us", "zoom.com", "meet.google.com", "webex.com", "meet.jit.si",
    "whereby.com", "gotomeeting.com", "meet.goto.com", "livestorm.co", "rendez-vous.renater.fr", "meet.lync.com",
    "webconf.", "visio.", "jitsi", "bigbluebutton",
)
_LINK = re.compile(r"https?://[^\s<>\"'\])]+", re.IGNORECASE)


def _is_conference(host: str) -> bool:
    labels = host.split(".")
    return any(host.startswith(known) if known.endswith(".") else
               host == known or host.endswith("." + known) if "." in known else known in labels
               for known in CONFERENCE_HOSTS)


def conference_link(*texts: str) -> str:
    """The first link to a video conference in ``texts`` (a place, a URL, a description), else ''."""
    for text in texts:
        for link in _LINK.findall(text or ""):
            if _is_conference(re.sub(r"^https?://", "", link, flags=re.IGNORECASE).split("/", 1)[0].casefold()):
                return link.rstrip(".,;")
    return ""


def mode_for(*, place: bool, link: bool) -> str:
    """The one rule for sources that do not say: a place and a link to join is hybrid, a link alone online."""
    return "hybrid" if place and link else "online" if link else "onsite"


YES_NO = {fold(word): True for word in ("yes", "oui", "true", "vrai", "1", "gratuit")} | {
    fold(word): False for word in ("no", "non", "false", "faux", "0", "payant")
}

NO_REGISTRATION = {fold(word) for word in ("sans inscription", "none", "aucune", "libre", "entrée libre", "accès libre")}
