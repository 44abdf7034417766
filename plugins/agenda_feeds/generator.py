"""Feeds for every scope (RSS, Atom, iCalendar), one .ics per event, and the subscribe page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlencode

from agenda_core import site_state
from pelican.generators import Generator

from .calendar import calendar, timezone_bytes, vevent, with_reminder
from .syndication import Channel, Item, feeds
from .text import google_calendar_link, link_description, outlook_link, plain_description

DEFAULTS = {
    "recent_days": 14,  # past and cancelled events stay this long, so subscribed calendars update
    "max_items": 500,  # at most this many events per calendar: the nearest ones
    "max_entries": 100,  # at most this many per RSS or Atom feed: a reader shows what is new, not a season
    "refresh_hours": 6,  # REFRESH-INTERVAL and X-PUBLISHED-TTL of the calendars
    "uid_domain": "agenda-emploi",  # right-hand side of every iCalendar UID
}
FEED_KINDS = {"all", "region", "department", "type", "mode", "campaign", "audience", "organizer", "region-type",
              "department-type"}
SERVICES_KEY = "services"


@dataclass(frozen=True)
class FeedLinks:
    rss: str
    atom: str
    ics: str
    base: str

    @property
    def webcal(self) -> str:
        return "webcal://" + f"{self.base}/{self.ics}".split("://", 1)[1]

    @property
    def ics_absolute(self) -> str:
        return f"{self.base}/{self.ics}"


class FeedsGenerator(Generator):
    def generate_context(self):
        self.state = state = site_state(self)
        self.options = self.settings["AGENDA_FEEDS"]
        urls = state.urls
        for article in state.events:
            article.ics_url = f"{article.url}{article.slug}.ics"
            article.ics_reminder_url = f"{article.url}{article.slug}-rappel.ics"
            article.plain_description = plain_description(article.event, state.absolute(article.url))
            details = link_description(article.event, state.absolute(article.url))
            article.google_calendar = google_calendar_link(article.event, details)
            article.outlook_calendar = outlook_link(article.event, details)
            # built once, reused by every feed the event is in
            article.feed_item = Item.of_event(article.event, article.revision, state.absolute(article.url),
                                              article.plain_description)
        state.feed_links.update({
            scope.key: FeedLinks(scope.url + urls.rss, scope.url + urls.atom, scope.url + urls.calendar,
                                 state.public_url)
            for scope in state.scopes.by_key.values() if scope.kind in FEED_KINDS})
        state.feed_links[SERVICES_KEY] = FeedLinks(urls.services + urls.rss, urls.services + urls.atom, "",
                                                   state.public_url)

    def generate_output(self, writer):
        state = self.state
        output = Path(self.output_path)
        refresh = timedelta(hours=self.options["refresh_hours"])
        components = {}
        closing = b"END:VCALENDAR\r\n"
        head = calendar(self.settings["SITENAME"], "Un événement pour l'emploi", [], set(), refresh)[:-len(closing)]
        for article in state.events:  # one .ics per event: the shared head, its zone, its VEVENT, the closing line
            components[id(article)] = vevent(article.event, article.revision, state.absolute(article.url),
                                             self.options["uid_domain"], article.plain_description)
            zones = b"".join(timezone_bytes(zone) for zone in zones_of([article]))
            _write(output / article.ics_url, head + zones + components[id(article)] + closing)
            _write(output / article.ics_reminder_url,
                   head + zones + with_reminder(components[id(article)], article.event) + closing)
        for key, links in state.feed_links.items():
            scope = state.scopes.by_key.get(key)
            if scope is None:  # the services catalogue, written below
                continue
            chosen = self.feed_articles(scope, state.now)
            name = f"{self.settings['SITENAME']} : {scope.title}" if scope.kind != "all" else self.settings["SITENAME"]
            description = f"Événements pour l'emploi à venir : {scope.title}"
            # a combination without a page of its own (a type in a department): the search page shows its events
            page = scope.url if scope.page else f"{state.urls.search}?{urlencode(scope.search)}"
            channel = Channel(name, description, state.absolute(page), state.absolute(links.rss),
                              state.absolute(links.atom), self.settings["SITENAME"], state.absolute(""))
            entries = [article.feed_item for article in chosen[: self.options["max_entries"]]]
            rss, atom = feeds(channel, entries, fallback_updated=state.now)
            _write(output / links.rss, rss)
            _write(output / links.atom, atom)
            _write(output / links.ics, calendar(name, description, [components[id(a)] for a in chosen],
                                                zones_of(chosen), refresh))
        self.write_services_feeds(output)
        subscribe = state.urls.subscribe
        writer.write_file(state.urls.save_as(subscribe), self.get_template("subscribe"), self.context,
                          relative_urls=self.settings["RELATIVE_URLS"], url=subscribe)

    def write_services_feeds(self, output: Path) -> None:
        state = self.state
        links = state.feed_links[SERVICES_KEY]
        channel = Channel(f"{self.settings['SITENAME']} : services en ligne", "Le catalogue des services en ligne",
                          state.absolute(state.urls.services), state.absolute(links.rss), state.absolute(links.atom),
                          self.settings["SITENAME"], state.absolute(""))
        items = [Item.of_service(page.service, page.revision, state.absolute(page.url)) for page in state.services]
        rss, atom = feeds(channel, items, fallback_updated=state.now)
        _write(output / links.rss, rss)
        _write(output / links.atom, atom)

    def feed_articles(self, scope, now) -> list:
        """Recently ended events (``recent_days``), then upcoming ones nearest first; ``max_items`` at most."""
        since = now - timedelta(days=self.options["recent_days"])
        recent = [article for article in reversed(scope.past) if article.event.end >= since]
        return (recent + scope.upcoming)[: self.options["max_items"]]


def zones_of(articles: list) -> set[str]:
    """The zones a calendar of these events needs a VTIMEZONE for (all-day events have none)."""
    return {article.event.timezone for article in articles if not article.event.all_day}


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
