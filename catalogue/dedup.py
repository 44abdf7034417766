"""The same event published by several sources: same start, same place, near-identical title."""

from __future__ import annotations

from difflib import SequenceMatcher

from catalogue.model import Event
from catalogue.text import fold

SIMILAR_TITLES = 0.85


def same_event(first: Event, second: Event) -> bool:
    if first.start != second.start or first.source == second.source:
        return False
    if (first.commune.code if first.commune else first.url) != (second.commune.code if second.commune else second.url):
        return False
    return SequenceMatcher(None, fold(first.title), fold(second.title)).ratio() >= SIMILAR_TITLES


def duplicate_groups(events: list[Event]) -> list[list[Event]]:
    """Groups of two or more copies; the first of each is the one to keep (hand-written files first)."""
    buckets: dict[tuple, list[Event]] = {}
    for event in events:
        buckets.setdefault((event.start, event.commune.code if event.commune else None), []).append(event)
    groups = []
    for bucket in buckets.values():
        bucket.sort(key=lambda event: (event.source != "", event.source_path))
        while bucket:
            kept, rest = bucket[0], bucket[1:]
            copies = [event for event in rest if same_event(kept, event)]
            if copies:
                groups.append([kept, *copies])
            bucket = [event for event in rest if event not in copies]
    return groups
