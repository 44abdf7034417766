"""schema.org ``Event`` JSON-LD for an event page, safe to embed in a ``<script>`` element."""

from __future__ import annotations

import json

from catalogue.model import Event

STATUS = {"scheduled": "EventScheduled", "full": "EventScheduled", "cancelled": "EventCancelled",
          "postponed": "EventPostponed"}
ATTENDANCE = {"onsite": "OfflineEventAttendanceMode", "online": "OnlineEventAttendanceMode",
              "hybrid": "MixedEventAttendanceMode"}


def event_json_ld(event: Event, page_url: str) -> dict:
    places = []
    if event.commune is not None:
        place = {"@type": "Place", "name": event.venue or event.commune.name, "address": {
            "@type": "PostalAddress", "postalCode": event.commune.postcode, "addressLocality": event.commune.name,
            "addressRegion": event.commune.region.name, "addressCountry": "FR"}}
        if event.address:
            place["address"]["streetAddress"] = event.address
        if event.geo:
            place["geo"] = {"@type": "GeoCoordinates", "latitude": event.geo[0], "longitude": event.geo[1]}
        places.append(place)
    if event.url:
        places.append({"@type": "VirtualLocation", "url": event.url})
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "@id": page_url,
        "url": page_url,
        "name": event.title,
        "startDate": event.start.isoformat(),
        "endDate": event.end.isoformat(),
        "eventStatus": f"https://schema.org/{STATUS[event.status]}",
        "eventAttendanceMode": f"https://schema.org/{ATTENDANCE[event.mode]}",
        "location": places[0] if len(places) == 1 else places,
        "organizer": {"@type": "Organization", "name": event.organizer},
        "isAccessibleForFree": True,
        "inLanguage": "fr",
    }
    if event.summary:
        data["description"] = event.summary
    if event.registration.startswith("http"):
        data["offers"] = {"@type": "Offer", "url": event.registration, "price": 0, "priceCurrency": "EUR",
                          "availability": "https://schema.org/SoldOut" if event.is_full
                          else "https://schema.org/InStock"}
    if event.places:
        data["maximumAttendeeCapacity"] = event.places
    if event.places_left is not None:
        data["remainingAttendeeCapacity"] = event.places_left
    return data


def script_json(data: dict) -> str:
    """JSON whose text cannot close the script element or open a comment: <, > and & are escaped."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
