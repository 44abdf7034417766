"""The French names staff give the fields, beside the English keys of the contract (one table for agency
files and spreadsheet columns): ``Titre``, ``Début``, ``Modalité``, ``Places restantes``…, compared
without case, accents, hyphens or apostrophes, so ``titre``, ``DEBUT`` and ``Site de l'organisateur`` all do."""

from __future__ import annotations

from catalogue.text import fold

# French name -> canonical key. The first name of a key is the one the guide and the messages use.
FRENCH_NAMES = {
    "Titre": "title", "Intitulé": "title", "Début": "start", "Fin": "end", "Type": "type", "Modalité": "mode",
    "Modalités": "mode", "Organisateur": "organizer", "Site de l'organisateur": "organizer_url", "Commune": "commune",
    "Lien de connexion": "url", "Lien": "url", "Lieu": "venue", "Adresse": "address", "Public": "audience",
    "Publics": "audience", "Public visé": "audience", "Secteurs": "sectors", "Avantages": "benefits",
    "Objectifs": "objectives", "Opération": "campaign", "Campagne": "campaign", "Prérequis": "prerequisites",
    "Déroulement": "program", "Programme": "program", "Intervenants": "speakers", "Entreprises présentes": "speakers",
    "Offres d'emploi": "job_offers", "Codes ROME": "rome", "Métiers (ROME)": "rome", "Codes NAF": "naf",
    "Secteurs (NAF)": "naf", "Inscription": "registration", "Clôture des inscriptions": "registration_end",
    "Contact": "contact", "Places": "places_onsite", "Places sur place": "places_onsite",
    "Places à distance": "places_online", "Places restantes": "places_left", "Statut": "status", "Résumé": "summary",
    "Identifiant": "uid", "Mise à jour": "updated", "Source": "source", "Coordonnées": "geo",
    "Fuseau horaire": "timezone", "Fournisseur": "provider", "Catégorie": "category", "Canaux": "channels",
    "Gratuit": "free",
}
# What to write in a field, shown by the back office's form and the spreadsheet template alike.
HINTS = {
    "title": "Le nom de l'événement, tel que les candidats le liront.",
    "organizer_url": "Son adresse web, commençant par https://",
    "venue": "Le nom du lieu : Agence France Travail Toulouse Occitane, Halle aux Grains…",
    "address": "Le numéro et la rue.",
    "url": "Obligatoire à distance : le lien Teams, Zoom, Webex…",
    "sectors": "Les secteurs qui recrutent, séparés par des virgules.",
    "registration": "Un lien, un e-mail ou un téléphone pour s'inscrire, ou « sans inscription ».",
    "campaign": "Le nom d'une opération nationale ou locale, s'il y en a une.",
    "summary": "Une ou deux phrases pour donner envie de venir.",
}
_BY_FOLDED = {fold(name): key for name, key in FRENCH_NAMES.items()}


def english_key(name: str) -> str:
    """The canonical key a French field name stands for, else '' (``Places restantes`` -> ``places_left``)."""
    return _BY_FOLDED.get(fold(name), "")


def french_name(key: str) -> str:
    """The French name of a canonical key, for messages and the guide (``places_left`` -> ``Places restantes``)."""
    return next((name for name, known in FRENCH_NAMES.items() if known == key), key)
