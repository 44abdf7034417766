"""Partner agenda pages (mission locale, department, job fair site), read with BeautifulSoup.

When the page carries schema.org ``Event`` JSON-LD, that is used: in ``@graph``, in lists, in an
``ItemList``, or as the ``subEvent`` sessions of an event (which give them what they leave out: place,
organiser, offers); ``location`` as text, a Place with a PostalAddress, or a VirtualLocation;
``eventStatus``; ``endDate`` or ``duration``; the Place's ``geo`` coordinates; dates with milliseconds or without an offset (local
times of the commune). Texts are decoded once (CMSs write ``h&ocirc;tellerie`` in JSON-LD). The
registration link is the offer's ``url``, never invented; each event's key is its ``@id`` or ``url``
with its start, so that two sessions on one page never collide. Otherwise a small per-site
adapter, the CSS selectors in the source's ``selectors`` settings, says where each field is
(relative links are resolved against the page's URL, or ``base_url`` for a saved page):
``item`` (one block per event), then inside it ``title``, ``date`` (``jeudi 3 décembre 2026`` or
``03/12/2026``), ``time`` (``9h30 - 12h``), ``place``, ``link``, ``description``, ``type``, ``status``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from datetime import datetime
from html import unescape
from urllib.parse import urljoin

from bs4 import BeautifulSoup
from icalendar.prop import vDuration

from catalogue.french import MONTHS
from catalogue.text import fold, html_to_markdown
from catalogue.vocabulary import guess_event_type, says_online

from .base import Importer, Record
from .fetch import SourceError, is_url

_LONG_DATE = re.compile(r"(\d{1,2})(?:er)?\s+(" + "|".join(fold(m) for m in MONTHS) + r")\s+(\d{4})")
_TIMES = re.compile(r"(\d{1,2}\s*[h:]\s*(?:\d{2})?)")
SCHEMA_STATUS = {"EventCancelled": "cancelled", "EventPostponed": "postponed", "EventRescheduled": "scheduled"}


def french_date(text: str) -> str:
    """``jeudi 3 décembre 2026`` -> ``03/12/2026``; other spellings are passed on for validation."""
    match = _LONG_DATE.search(fold(text))
    if not match:
        return text.strip()
    day, month, year = match.groups()
    number = [fold(m) for m in MONTHS].index(month) + 1
    return f"{int(day):02d}/{number:02d}/{year}"


def _select_text(block, selector: str | None) -> str:
    if not selector:
        return ""
    found = block.select_one(selector)
    return " ".join(found.get_text(" ").split()) if found else ""


class HtmlAgendaImporter(Importer):
    def records(self) -> Iterable[Record]:
        page = BeautifulSoup(self.read(), "html.parser")
        base = self.source.options.get("base_url") or (self.source.location if is_url(self.source.location) else "")
        from_json_ld = list(self._json_ld(page, base))
        if from_json_ld:
            return from_json_ld
        selectors = self.source.options.get("selectors") or {}
        if "item" not in selectors:
            raise SourceError("page sans données schema.org Event et sans sélecteur « item » configuré")
        blocks = page.select(selectors["item"])
        return [self._from_block(block, selectors, number, base) for number, block in enumerate(blocks, start=1)]

    # -- schema.org JSON-LD -------------------------------------------------------------------
    def _json_ld(self, page: BeautifulSoup, base: str) -> Iterator[Record]:
        number = 0
        for script in page.find_all("script", type="application/ld+json"):
            try:
                data = json.loads(script.string or "")
            except json.JSONDecodeError:
                continue
            for item in _events(data):
                number += 1
                yield self._from_schema(item, number, base)

    def _from_schema(self, item: dict, number: int, base: str) -> Record:
        location = item.get("location") or {}
        locations = location if isinstance(location, list) else [location]
        place = next((loc for loc in locations if isinstance(loc, dict) and "Virtual" not in str(loc.get("@type"))), {})
        virtual = next((loc for loc in locations if isinstance(loc, dict) and "Virtual" in str(loc.get("@type"))), {})
        written = next((_plain(loc) for loc in locations if isinstance(loc, str)), "")  # "location": "Salle X, Lille"
        address = place.get("address") or {}
        if isinstance(address, dict):
            address_text = " ".join(_plain(address.get(k)) for k in ("postalCode", "addressLocality")).strip()
            street = _plain(address.get("streetAddress"))
            country = _plain(address.get("addressCountry"))
            address_text += f", {country}" if country and fold(country) not in {"fr", "fra", "france"} else ""
        else:
            address_text, street = _plain(address), ""
        offers = item.get("offers") or {}
        offer = next((o for o in (offers if isinstance(offers, list) else [offers])
                      if isinstance(o, dict) and o.get("url")), {})
        organizer = item.get("organizer") or {}
        organizer = organizer[0] if isinstance(organizer, list) and organizer else organizer
        status = str(item.get("eventStatus") or "").rsplit("/", 1)[-1]
        start, end = _when(item.get("startDate")), _when(item.get("endDate"))
        geo = place.get("geo") if isinstance(place.get("geo"), dict) else {}
        title = _plain(item.get("name"))
        fields = {
            "title": title,
            "start": start,
            "end": end or _plus(start, item.get("duration")),
            "type": guess_event_type(" ".join((str(item.get("@type") or ""), title)).replace("Event", "")),
            "organizer": _plain(organizer.get("name")) if isinstance(organizer, dict) else _plain(organizer),
            "organizer_url": str(organizer.get("url") or "") if isinstance(organizer, dict) else "",
            "contact": ", ".join(str(organizer.get(key) or "") for key in ("telephone", "email")
                                 if organizer.get(key)) if isinstance(organizer, dict) else "",
            "venue": _plain(place.get("name")) or written,
            "address": street,
            "url": str(virtual.get("url") or ""),
            "registration": urljoin(base, str(offer["url"])) if offer else "",  # none given: none invented
            "status": SCHEMA_STATUS.get(status, ""),
            "geo": f"{geo['latitude']}, {geo['longitude']}" if {"latitude", "longitude"} <= set(geo) else "",
        }
        identifier = str(item.get("@id") or item.get("url") or "")
        # "https://salon.example.org/#salon-2026" -> "salon-2026": the page's own name, and the start
        name = re.split(r"[#/]", identifier.rstrip("/"))[-1] if identifier else title
        return Record(key=f"{name}-{start[:16]}", fields=fields, body=_description(item.get("description")),
                      origin=f"événement JSON-LD {number}, « {title[:60]} »",
                      place=address_text or written or _plain(place.get("name")))

    # -- CSS selectors ------------------------------------------------------------------------
    def _from_block(self, block, selectors: dict, number: int, base: str) -> Record:
        day = french_date(_select_text(block, selectors.get("date")))
        times = _TIMES.findall(_select_text(block, selectors.get("time")))
        place = _select_text(block, selectors.get("place"))
        link = block.select_one(selectors["link"]) if selectors.get("link") else None
        href = urljoin(base, link["href"]) if link is not None and link.get("href") else ""
        title = _select_text(block, selectors.get("title"))
        online = href if place and says_online(place) else ""
        description = block.select_one(selectors["description"]) if selectors.get("description") else None
        fields = {
            "title": title,
            "start": f"{day} {times[0]}" if times else day,
            "end": f"{day} {times[1]}" if len(times) > 1 else "",
            "type": guess_event_type(_select_text(block, selectors.get("type")) or title),
            "venue": "" if online else place,
            "url": online,
            "registration": href if not online else "",
            "status": _select_text(block, selectors.get("status")),
        }
        key = block.get("id") or href or f"{title}-{day}"
        return Record(key=key, fields=fields, body=html_to_markdown(str(description)) if description else "",
                      origin=f"bloc {number}", place=place)


def _plain(value) -> str:
    """A JSON-LD text, its HTML entities decoded once: ``h&ocirc;tellerie`` -> ``hôtellerie``."""
    return " ".join(unescape(str(value)).split()) if value is not None else ""


def _description(value) -> str:
    """An HTML description as Markdown; one written with escaped tags (``&lt;p&gt;``) is unescaped first."""
    text = str(value or "")
    return html_to_markdown(unescape(text) if "<" not in text and "&lt;" in text else text)


def _when(value) -> str:
    """``2026-12-03T09:30:00.000+01:00`` -> without its milliseconds; a date without offset stays local."""
    return re.sub(r"(\d{2}:\d{2}:\d{2})\.\d+", r"\1", str(value or "").strip())


def _plus(start: str, duration) -> str:
    """The end given by an ISO 8601 ``duration`` (``PT2H30M``), or '' when there is none to read."""
    try:
        return (datetime.fromisoformat(start) + vDuration.from_ical(str(duration))).isoformat(timespec="minutes")
    except (TypeError, ValueError):
        return ""


def _events(data, parent: dict | None = None) -> Iterator[dict]:
    """Every object whose @type is an Event kind, at any depth (@graph, lists, ItemList); an event's
    ``subEvent`` sessions instead of it, with what they leave out taken from it."""
    if isinstance(data, list):
        for item in data:
            yield from _events(item, parent)
    elif isinstance(data, dict):
        kinds = data.get("@type")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        if any(isinstance(kind, str) and kind.endswith("Event") for kind in kinds):
            inherited = {key: value for key, value in (parent or {}).items()
                         if key in {"location", "organizer", "offers", "eventStatus", "description"}}
            event = inherited | data
            if event.get("subEvent"):
                yield from _events(event.pop("subEvent"), event)
            else:
                yield event
            return
        for key in ("@graph", "itemListElement", "item"):
            if key in data:
                yield from _events(data[key])

