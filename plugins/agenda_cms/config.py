"""Decap CMS's configuration, made from the catalogue at each build: one collection per agency folder, the
fields of the agency contract with their French names, every controlled value as a select list with its French
label, and the editorial workflow (draft, in review, ready, published)."""

from __future__ import annotations

from catalogue.keys import HINTS, french_name
from catalogue.vocabulary import (
    AUDIENCES,
    BENEFITS,
    EVENT_TYPES,
    MODES,
    OBJECTIVES,
    PREREQUISITE_GROUPS,
    STATUSES,
    Vocabulary,
)

DATETIME = {"widget": "datetime", "format": "YYYY-MM-DD HH:mm", "date_format": "DD/MM/YYYY", "time_format": "HH:mm",
            "picker_utc": False, "hint": "À l'heure du lieu de l'événement (heure de la Guadeloupe à Pointe-à-Pitre)."}


def _field(key: str, widget: str = "string", *, required: bool = False, **options) -> dict:
    return {"name": key, "label": french_name(key), "widget": widget, "required": required, **options}


def _choice(key: str, vocabulary: Vocabulary, *, multiple: bool = False, **options) -> dict:
    choices = [{"label": term.label, "value": term.key} for term in vocabulary]
    return _field(key, "select", options=choices, multiple=multiple, **options)


def _list(key: str, hint: str) -> dict:
    return _field(key, "list", hint=hint, field={"name": "item", "label": french_name(key), "widget": "string"})


def event_fields(organizer: str) -> list[dict]:
    """The form, in the order staff think of an event; names are the contract's keys, labels its French names."""
    prerequisites = [_field(term.key, "list", hint=f"Par exemple : {term.label}…") | {"label": term.label}
                     for term in PREREQUISITE_GROUPS]
    return [
        _field("title", required=True, hint=HINTS["title"]),
        _choice("type", EVENT_TYPES, required=True),
        _choice("mode", MODES, required=True, default="onsite"),
        _field("start", required=True, **DATETIME),
        _field("end", required=True, **DATETIME),
        _field("organizer", required=True, default=organizer),
        _field("organizer_url", hint=HINTS["organizer_url"]),
        _field("commune", "commune", hint="Obligatoire sur place : tapez le nom ou le code postal, puis choisissez."),
        _field("venue", hint=HINTS["venue"]),
        _field("address", hint=HINTS["address"]),
        _field("url", hint=HINTS["url"]),
        _choice("audience", AUDIENCES, multiple=True),
        _field("sectors", hint=HINTS["sectors"]),
        _choice("benefits", BENEFITS, multiple=True),
        _choice("objectives", OBJECTIVES, multiple=True),
        _field("campaign", hint=HINTS["campaign"]),
        _field("prerequisites", "object", collapsed=True, fields=prerequisites),
        _list("program", "Une étape par ligne : l'heure puis l'étape, par exemple 9h30-12h Entretiens."),
        _list("speakers", "Une organisation par ligne, suivie si vous voulez de son site : Adecco https://…"),
        _field("registration", hint=HINTS["registration"]),
        _field("registration_end", **DATETIME),
        _field("contact", hint="Un téléphone et/ou un e-mail."),
        _field("places_onsite", "number", value_type="int", min=0),
        _field("places_online", "number", value_type="int", min=0),
        _field("places_left", "number", value_type="int", min=0, hint="0 quand c'est complet."),
        _choice("status", STATUSES, default="scheduled"),
        _field("summary", "text", hint=HINTS["summary"]),
        _field("body", "markdown", label="Description", buttons=["bold", "italic", "link", "bulleted-list", "numbered-list"],
               editor_components=[]),
    ]


def cms_config(agencies: dict[str, str], backend: dict, local_port: int) -> dict:
    """``agencies``: folder under content/events -> the agency's name (its events' default organiser)."""
    collections = [{
        "name": folder, "label": name, "label_singular": "Événement", "folder": f"content/events/{folder}",
        "create": True, "extension": "md", "format": "frontmatter", "slug": "{{year}}-{{month}}-{{slug}}",
        "identifier_field": "title", "summary": "{{start | date('DD/MM/YYYY HH:mm')}} — {{title}}",
        "sortable_fields": ["start", "title"], "fields": event_fields(name),
    } for folder, name in sorted(agencies.items())]
    messages = {"create": "Add event {{slug}}", "update": "Edit event {{slug}}", "delete": "Delete event {{slug}}",
                "uploadMedia": "Add file {{path}}",
                "deleteMedia": "Delete file {{path}}", "openAuthoring": "{{message}}"}
    return {"locale": "fr", "backend": backend | {"commit_messages": messages}, "publish_mode": "editorial_workflow",
            "local_backend": {"url": f"http://127.0.0.1:{local_port}/api/v1"},
            "media_folder": "content/images", "public_folder": "/images", "collections": collections}
