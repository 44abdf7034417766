"""schema.org ``Event`` JSON-LD for an event page, safe to embed in a ``<script>`` element."""

from __future__ import annotations

import json
from datetime import datetime

from catalogue.model import Event

STATUS = {"scheduled": "EventScheduled", "full": "EventScheduled", "cancelled": "EventCancelled",
          "postponed": "EventPostponed"}
ATTENDANCE = {"onsite": "OfflineEventAttendanceMode", "online": "OnlineEventAttendanceMode",
              "hybrid": "MixedEventAttendanceMode"}
OFFER = {"open": "InStock", "full": "SoldOut"}  # other availabilities have nothing to offer
DESCRIPTION_LIMIT = 500


def _place(event: Event) -> dict:
    address = {"@type": "PostalAddress", "postalCode": event.postal_code, "addressLocality": event.commune.name,
               "addressRegion": event.commune.region.name, "addressCountry": "FR"}
    if event.address:
        address["streetAddress"] = event.address
    place = {"@type": "Place", "name": event.venue or event.commune.name, "address": address}
    if event.geo:
        place["geo"] = {"@type": "GeoCoordinates", "latitude": event.geo[0], "longitude": event.geo[1]}
    return place


def event_json_ld(event: Event, page_url: str, *, text: str, image_url: str, now: datetime) -> dict:
    """``text``: the description as plain text; ``image_url``: the event type's picture."""
    places = [_place(event)] if event.commune is not None else []
    if event.url:
        places.append({"@type": "VirtualLocation", "url": event.url})
    organizer = {"@type": "Organization", "name": event.organizer}
    if event.organizer_url:
        organizer["url"] = event.organizer_url
    dates = ((event.start.date(), event.last_day) if event.all_day else (event.start, event.end))
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "@id": page_url,
        "url": page_url,
        "name": event.title,
        "startDate": dates[0].isoformat(),
        "endDate": dates[1].isoformat(),
        "eventStatus": f"https://schema.org/{STATUS[event.status]}",
        "eventAttendanceMode": f"https://schema.org/{ATTENDANCE[event.mode]}",
        "location": places[0] if len(places) == 1 else places,
        "organizer": organizer,
        "image": [image_url],
        "isAccessibleForFree": True,
        "inLanguage": "fr",
    }
    description = event.summary or " ".join(text.split())
    if description:
        data["description"] = description[:DESCRIPTION_LIMIT]
    availability = OFFER.get(event.availability(now))
    if availability and event.registration.startswith("http"):
        data["offers"] = {"@type": "Offer", "url": event.registration, "price": 0, "priceCurrency": "EUR",
                          "availability": f"https://schema.org/{availability}"}
    if event.places:
        data["maximumAttendeeCapacity"] = event.places
    if event.places_left is not None:
        data["remainingAttendeeCapacity"] = event.places_left
    return data


def script_json(data: dict) -> str:
    """JSON whose text cannot close the script element or open a comment: <, > and & are escaped."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
