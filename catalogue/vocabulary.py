"""Controlled vocabularies of the agency contract: canonical values, French labels, synonyms."""

from __future__ import annotations

from dataclasses import dataclass

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


YES_NO = {fold(word): True for word in ("yes", "oui", "true", "vrai", "1", "gratuit")} | {
    fold(word): False for word in ("no", "non", "false", "faux", "0", "payant")
}

NO_REGISTRATION = {fold(word) for word in ("sans inscription", "none", "aucune", "libre", "entrée libre", "accès libre")}
