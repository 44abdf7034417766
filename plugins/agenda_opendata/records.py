"""The public fields of events and services, as flat records for the JSON and CSV exports.

Only what the site already shows publicly, and no personal data: an e-mail address given for
registration may be a person's, so only web addresses are exported.
"""

from __future__ import annotations

from datetime import datetime

from catalogue.model import Event, Service

EVENT_COLUMNS = (
    "uid", "titre", "debut", "fin", "fuseau_horaire", "toute_la_journee", "type", "type_libelle", "modalite",
    "statut", "disponibilite", "organisateur", "site_organisateur",
    "commune_insee", "commune", "code_postal", "departement_code", "departement", "region_code", "region",
    "lieu", "adresse", "latitude", "longitude", "lien_connexion", "public", "secteurs", "avantages", "objectifs",
    "campagne", "prerequis", "programme", "intervenants", "offres_emploi", "offres_emploi_lien", "codes_rome",
    "codes_naf", "inscription_obligatoire", "lien_inscription", "cloture_inscriptions", "places_sur_place",
    "places_a_distance", "places_restantes", "resume", "description", "page", "source", "mis_a_jour",
)
SERVICE_COLUMNS = ("uid", "titre", "fournisseur", "categorie", "public", "lien", "canaux", "gratuit", "resume",
                   "description", "page", "mis_a_jour")


def event_record(event: Event, page: str, updated: str, now: datetime) -> dict:
    """``debut`` and ``fin`` are local times of the event with their offset; ``disponibilite`` is as of the build."""
    commune = event.commune
    return {
        "uid": event.uid,
        "titre": event.title,
        "debut": event.start.isoformat(),
        "fin": event.end.isoformat(),
        "fuseau_horaire": event.timezone,
        "toute_la_journee": event.all_day,
        "type": event.type,
        "type_libelle": event.type_term.label,
        "modalite": event.mode,
        "statut": event.status,
        "disponibilite": event.availability(now),
        "organisateur": event.organizer,
        "site_organisateur": event.organizer_url or None,
        "commune_insee": commune.code if commune else None,
        "commune": commune.name if commune else None,
        "code_postal": event.postal_code or None,
        "departement_code": commune.department.code if commune else None,
        "departement": commune.department.name if commune else None,
        "region_code": commune.region.code if commune else None,
        "region": commune.region.name if commune else None,
        "lieu": event.venue or None,
        "adresse": event.address or None,
        "latitude": event.geo[0] if event.geo else None,
        "longitude": event.geo[1] if event.geo else None,
        "lien_connexion": event.url or None,
        "public": [term.label for term in event.audience_terms],
        "secteurs": list(event.sectors),
        "avantages": [term.label for term in event.benefit_terms],
        "objectifs": [term.label for term in event.objective_terms],
        "campagne": event.campaign or None,
        "prerequis": event.prerequisite_lines,
        "programme": event.program_lines,
        "intervenants": [name for name, _ in event.speakers],
        "offres_emploi": event.job_offers,
        "offres_emploi_lien": event.job_offers_url or None,
        "codes_rome": [code for code, _ in event.rome],
        "codes_naf": list(event.naf),
        "inscription_obligatoire": event.registration_required,
        "lien_inscription": event.registration if event.registration.startswith("http") else None,
        "cloture_inscriptions": event.registration_end.isoformat() if event.registration_end else None,
        "places_sur_place": event.places_onsite,
        "places_a_distance": event.places_online,
        "places_restantes": event.places_left,
        "resume": event.summary or None,
        "description": event.body or None,
        "page": page,
        "source": event.source or None,
        "mis_a_jour": updated,
    }


def service_record(service: Service, page: str, updated: str) -> dict:
    return {
        "uid": service.uid,
        "titre": service.title,
        "fournisseur": service.provider,
        "categorie": service.category,
        "public": list(service.audience),
        "lien": service.url,
        "canaux": list(service.channels),
        "gratuit": service.free,
        "resume": service.summary,
        "description": service.body or None,
        "page": page,
        "mis_a_jour": updated,
    }


def csv_value(value) -> str:
    """Lists joined with `` | ``, booleans as ``oui``/``non``, nothing as an empty cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, list):
        return " | ".join(value)
    return str(value)
