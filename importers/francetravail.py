"""The France Travail events API (« Mes évènements emploi », JSON), from a URL with OAuth2 or a local file.

The API, as its public clients call it (SocialGouv/pass-emploi-api, ``pole-emploi-client.ts`` and the
``EvenementEmploiDto`` of ``pole-emploi.dto.ts``): ``POST …/evenements/v1/mee/evenements?page=&size=``
with a JSON body of filters (``codePostal``, ``departements``, ``dateDebut``, ``dateFin``,
``typeEvenement``, ``modalite``, ``secteurActivite``…: the source's ``filters`` table), answering
``{totalElements, content: [...]}``. Each item gives its day (``dateEvenement``), its local start and end
times (``heureDebut``, ``heureFin``) in its own ``timezone``, its place (``codePostal``, ``ville``,
``codeInsee``, ``latitude``, ``longitude``), ``modalites`` (en physique, à distance), its vocabulary
lists and ``urlDetailEvenement``, the page where job seekers register. The online fairs
(``api = "salons"``: ``GET …/salonsenligne``, items with ``dateDebut``, ``dateFin``, ``localisation``,
``urlSalonEnLigne``) are read too.

Access: OAuth2 client credentials. The client id and secret are read from the run's secrets (the CLI's
environment) variables named in the source settings (``client_id_env``, ``client_secret_env``), never
from files, and never logged. The token is reused until it expires and renewed on expiry or on a 401.
Paging: ``page`` (from 0) and ``size`` (at most 100) until ``totalElements`` are read, or a short page.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterable, Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

from catalogue import zones
from catalogue.dates import source_iso
from catalogue.text import fold, html_to_markdown
from catalogue.validation import program_step
from catalogue.vocabulary import AUDIENCES, BENEFITS, OBJECTIVES, guess_event_type, mode_for, says_online

from .base import Importer, Record, default_end, known_labels
from .fetch import SourceError, check, is_url


def _items(payload) -> list[dict]:
    if isinstance(payload, list):
        return payload
    if isinstance(payload, dict):
        for key in ("resultats", "content", "evenements", "items"):
            if isinstance(payload.get(key), list):
                return payload[key]
    raise SourceError("réponse inattendue : ni liste d'événements, ni objet avec « resultats »")


def _iso(value) -> str:
    """API dates are ISO (``2026-12-03T09:30:00+01:00``, ``2026-12-03``); our parser takes them as they are."""
    return str(value or "").replace("Z", "+00:00") if value else ""


def _texts(value, separators: str = "") -> list[str]:
    """A list of strings from an API list, or from a text split on ``separators``."""
    if isinstance(value, list):
        return [str(part).strip() for part in value if str(part).strip()]
    if isinstance(value, str) and separators:
        return [part.strip() for part in re.split(f"[{separators}]", value) if part.strip()]
    return [value.strip()] if isinstance(value, str) and value.strip() else []


def _count(value) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 10**6 else None


class FranceTravailImporter(Importer):
    """Maps each API item to our fields in one place: ``to_record``."""

    def records(self) -> Iterable[Record]:
        return [self.to_record(item, f"élément {number}") for number, item in enumerate(self._items(), start=1)]

    def to_record(self, item: dict, origin: str) -> Record:
        if not isinstance(item, dict):
            return Record(key=origin, fields={}, origin=origin, error="élément ignoré : ce n'est pas un objet")
        if "dateEvenement" in item:
            return self._event(item, f"{origin}, id {item.get('id')}, « {str(item.get('titre') or '')[:60]} »")
        return self._salon(item, origin)

    def _event(self, item: dict, origin: str) -> Record:
        """An item of « Mes évènements emploi »: times are local to the item's ``timezone``."""
        warnings: list[str] = []
        zone = str(item.get("timezone") or "")
        zone = zone if zones.is_known(zone) else zones.PARIS_ZONE
        day = str(item.get("dateEvenement") or "")[:10]
        start, end = _clock(day, item.get("heureDebut"), zone), _clock(day, item.get("heureFin"), zone)
        if start is not None and (end is None or end <= start):
            end = default_end(start, self.source.options, warnings)
        ways = {fold(str(way)) for way in _texts(item.get("modalites"))}
        remote, onsite = any("distance" in way or "ligne" in way for way in ways), any(
            "physique" in way or "presentiel" in way for way in ways) or not ways
        page = str(item.get("urlDetailEvenement") or "")
        has_geo = item.get("latitude") is not None and item.get("longitude") is not None
        fields = {
            "title": str(item.get("titre") or ""),
            "start": source_iso(start) if start else "",
            "end": source_iso(end) if end else "",
            "type": guess_event_type(str(item.get("type") or "")),
            "mode": mode_for(place=onsite, link=remote),
            "organizer": str(item.get("libelleOrganisateurPrincipal") or item.get("libelleEtablissement") or ""),
            "url": page if remote else "",  # the join link is sent to those who register there
            "registration": page,
            "timezone": "" if onsite else zone,
            "geo": f"{item['latitude']}, {item['longitude']}" if onsite and has_geo else "",
            "speakers": str(item.get("intervenants") or ""),
            **self._taxonomy(item, warnings),
        }
        postal = " ".join(str(item.get(key) or "") for key in ("codePostal", "ville")).strip()
        place = (postal or str(item.get("codeInsee") or "")) if onsite else ""
        return Record(key=str(item.get("id") or f"{fields['title']}-{day}"), fields=fields, body=self._body(item),
                      origin=origin, warnings=warnings, place=place)

    def _salon(self, item: dict, origin: str) -> Record:
        """An online fair (``salonsenligne``): ISO start and end, a free-text or structured ``localisation``."""
        place = item.get("localisation") or ""
        geo = ""
        if isinstance(place, dict):  # structured: lieu, adresse, codePostal, ville, codeInsee
            text = " ".join(str(place.get(k) or "") for k in ("codePostal", "ville")).strip()
            venue, address = str(place.get("lieu") or ""), str(place.get("adresse") or "")
            if place.get("latitude") is not None and place.get("longitude") is not None:
                geo = f"{place['latitude']}, {place['longitude']}"
            place = ", ".join(part for part in (text, str(place.get("codeInsee") or "")) if part)
        else:  # free text typed by the organiser: a town, an agency, a department
            place = str(place)
            venue, address = ("" if says_online(place) else place), ""
        online_url = str(item.get("urlSalonEnLigne") or "")
        warnings: list[str] = []
        fields = {
            "title": str(item.get("titre") or ""),
            "start": _iso(item.get("dateDebut")),
            "end": _iso(item.get("dateFin")),
            "registration_end": _iso(item.get("dateFinCandidature")),
            "type": guess_event_type(str(item.get("typeEvenement") or "")),
            "organizer": str(item.get("organismeOrganisateur") or ""),
            "venue": venue,
            "address": address,
            "url": online_url,
            # the event's page on the official service, where job seekers register
            "registration": str(item.get("urlDetailEvenement") or "") or online_url,
            "geo": geo,
            **self._taxonomy(item, warnings),
        }
        return Record(key=str(item.get("id") or item.get("titre", "") + str(item.get("dateDebut", ""))),
                      fields=fields, body=self._body(item), origin=origin, warnings=warnings, place=place)

    @staticmethod
    def _taxonomy(item: dict, warnings: list[str]) -> dict[str, str]:
        """Publics, benefits, objectives, operations, diplomas, programme, places, ROME codes, offers."""
        program = [step for step in map(program_step, _texts(item.get("deroulement"), "\n;")) if step]
        onsite, online = _count(item.get("nombrePlaceTotalPresentiel")), _count(item.get("nombrePlaceTotalDistance"))
        registered = [_count(item.get(key)) for key in ("nombreInscritPresentiel", "nombreInscritDistance")]
        left = ""
        if (onsite or online) and any(n is not None for n in registered):
            left = str(max(0, (onsite or 0) + (online or 0) - sum(n or 0 for n in registered)))
        diplomas = _texts(item.get("diplomes"))
        offers = _count(item.get("nombreOffres")) or len(_texts(item.get("offresId")))  # a fair's count, or the offers listed
        return {
            "audience": known_labels(_texts(item.get("publics")), AUDIENCES, "public", warnings),
            "benefits": known_labels(_texts(item.get("benefices")), BENEFITS, "avantage", warnings),
            "objectives": known_labels(_texts(item.get("objectifs")), OBJECTIVES, "objectif", warnings),
            "campaign": next(iter(_texts(item.get("operations"))), ""),
            "prerequisites": f"Diplôme : {', '.join(diplomas)}" if diplomas else "",
            "program": "; ".join(f"{time} {step}" for time, step in program),
            "places_onsite": str(onsite or ""), "places_online": str(online or ""), "places_left": left,
            "job_offers": str(offers) if offers else "",
            "rome": "; ".join(_texts(item.get("codesRome"))),
        }

    @staticmethod
    def _body(item: dict) -> str:
        parts = [html_to_markdown(str(item.get("description") or ""))]
        steps = _texts(item.get("deroulement"), "\n;")
        if steps and not all(map(program_step, steps)):  # a free-text programme stays readable in the description
            parts.append("**Déroulement** : " + " ; ".join(steps))
        opening = _iso(item.get("dateDebutCandidature"))[:10]
        if opening:
            day = "/".join(reversed(opening.split("-")))
            parts.append(f"Candidatures ouvertes à partir du {day}.")
        if item.get("salonEnCours") is True:
            parts.append("Le salon est ouvert : vous pouvez postuler dès maintenant.")
        return "\n\n".join(part for part in parts if part)

    # -- reading ------------------------------------------------------------------------------
    def _items(self) -> list:
        if not is_url(self.source.location):
            return _items(_json(self.read()))
        return list(self._pages())

    def _pages(self) -> Iterator:
        options = self.source.options
        size = min(int(options.get("page_size", 100)), 100)
        token = _Token(self, options)
        salons = options.get("api", "mee") == "salons"
        for page in range(int(options.get("max_pages", 500))):
            params = {"page": page, "size": size, **options.get("params", {})}
            response = self._ask(salons, params, token)
            if response.status_code == 401:  # token expired mid-paging: renew once and retry this page
                token.renew()
                response = self._ask(salons, params, token)
            check(response, self.source.location)
            payload = _json(response.content)
            items = _items(payload)
            yield from items
            total = payload.get("totalElements") if isinstance(payload, dict) else None
            if len(items) < size or (isinstance(total, int) and (page + 1) * size >= total):
                return
        raise SourceError(f"plus de {options.get('max_pages', 500)} pages : lecture interrompue")


    def _ask(self, salons: bool, params: dict, token: _Token):
        """The events search is a POST with the filters as JSON; the online fairs a GET."""
        if salons:
            return self.context.fetcher.request("GET", self.source.location, params=params, headers=token.header())
        return self.context.fetcher.request("POST", self.source.location, params=params, headers=token.header(),
                                            json=self.source.options.get("filters", {}))


def _clock(day: str, time_of_day, zone: str) -> datetime | None:
    """``2026-12-03`` and ``09:30:00`` in ``Europe/Paris`` -> an aware datetime; None when unreadable."""
    try:
        moment = datetime.fromisoformat(f"{day}T{str(time_of_day or '')[:8]}")
    except ValueError:
        return None
    return moment.replace(tzinfo=ZoneInfo(zone))


class _Token:
    """An OAuth2 client-credentials token, reused until shortly before it expires."""

    def __init__(self, importer: FranceTravailImporter, options: dict):
        self.importer = importer
        self.url = options.get("token_url", "")
        self.scope = options.get("scope", "")
        self.id_variable = options.get("client_id_env", "FRANCE_TRAVAIL_CLIENT_ID")
        self.secret_variable = options.get("client_secret_env", "FRANCE_TRAVAIL_CLIENT_SECRET")
        self.value = ""
        self.expires = 0.0

    def header(self) -> dict[str, str]:
        if not self.url:
            return {}
        if not self.value or time.monotonic() >= self.expires:
            self.renew()
        return {"Authorization": f"Bearer {self.value}"}

    def renew(self) -> None:
        secrets = self.importer.context.secrets
        client_id, secret = secrets.get(self.id_variable), secrets.get(self.secret_variable)
        if not client_id or not secret:
            raise SourceError(f"identifiants absents : définissez {self.id_variable} et {self.secret_variable}")
        data = {"grant_type": "client_credentials", "client_id": client_id, "client_secret": secret}
        if self.scope:
            data["scope"] = self.scope
        response = self.importer.context.fetcher.request("POST", self.url, data=data)
        if response.status_code >= 400:
            raise SourceError(f"jeton refusé (HTTP {response.status_code}) : vérifiez les identifiants")
        payload = _json(response.content)
        if not isinstance(payload, dict) or not payload.get("access_token"):
            raise SourceError("réponse du serveur de jetons sans access_token")
        self.value = str(payload["access_token"])
        self.expires = time.monotonic() + max(float(payload.get("expires_in", 300)) - 30, 1)


def _json(data: bytes):
    try:
        return json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise SourceError(f"réponse JSON illisible ou tronquée ({type(error).__name__})") from None
