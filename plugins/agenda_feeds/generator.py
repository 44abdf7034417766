"""Feeds for every scope (RSS, Atom, iCalendar), one .ics per event, and the subscribe page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from functools import cached_property, partial
from urllib.parse import urlencode

from agenda_core import site_state
from agenda_core.fingerprints import digest, item
from agenda_core.fingerprints import scope_feeds as scope_key
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


class EventTexts:
    """What feeds, calendars and the event's page say of an event, computed when first asked (an incremental build
    makes few of them; each comes from the event, its revision and its page's address only)."""

    def __init__(self, article, page_url: str):
        self.event, self.revision, self.page_url = article.event, article.revision, page_url

    @cached_property
    def plain_description(self) -> str:
        return plain_description(self.event, self.page_url)

    @cached_property
    def links(self) -> tuple[str, str]:
        details = link_description(self.event, self.page_url)
        return google_calendar_link(self.event, details), outlook_link(self.event, details)

    @property
    def google(self) -> str:
        return self.links[0]

    @property
    def outlook(self) -> str:
        return self.links[1]

    @cached_property
    def feed_item(self) -> Item:  # built once, reused by every feed the event is in
        return Item.of_event(self.event, self.revision, self.page_url, self.plain_description)


class FeedsGenerator(Generator):
    def generate_context(self):
        self.state = state = site_state(self)
        self.options = self.settings["AGENDA_FEEDS"]
        urls = state.urls
        for article in state.events:
            article.ics_url = f"{article.url}{article.slug}.ics"
            article.ics_reminder_url = f"{article.url}{article.slug}-rappel.ics"
            article.event_texts = EventTexts(article, state.absolute(article.url))
        state.feed_links.update({
            scope.key: FeedLinks(scope.url + urls.rss, scope.url + urls.atom, scope.url + urls.calendar,
                                 state.public_url)
            for scope in state.scopes.by_key.values() if scope.kind in FEED_KINDS})
        state.feed_links[SERVICES_KEY] = FeedLinks(urls.services + urls.rss, urls.services + urls.atom, "",
                                                   state.public_url)

    def generate_output(self, writer):
        state, outputs = self.state, self.state.outputs
        refresh = timedelta(hours=self.options["refresh_hours"])
        closing = b"END:VCALENDAR\r\n"
        head = calendar(self.settings["SITENAME"], "Un événement pour l'emploi", [], set(), refresh)[:-len(closing)]
        components: dict[int, bytes] = {}

        def component(article) -> bytes:  # serialised once, for the event's calendar and every feed it is in
            if id(article) not in components:
                components[id(article)] = vevent(article.event, article.revision, state.absolute(article.url),
                                                 self.options["uid_domain"], article.event_texts.plain_description)
            return components[id(article)]

        def event_calendars(article) -> dict[str, bytes]:  # the shared head, its zone, its VEVENT, the closing line
            zones = b"".join(timezone_bytes(zone) for zone in zones_of([article]))
            return {article.ics_url: head + zones + component(article) + closing,
                    article.ics_reminder_url: head + zones + with_reminder(component(article), article.event) + closing}

        for article in state.events:
            outputs.produce(article.ics_url, digest(state.build_key, item(article, state)),
                            partial(event_calendars, article))
        first = state.revisions.first
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

            # a feed without entries is dated by its most recent past event, else by the oldest revision known
            empty = max((article.revision.updated for article in scope.past), default=first)

            def scope_feeds(channel=channel, chosen=chosen, links=links, empty=empty) -> dict[str, bytes]:
                entries = [article.event_texts.feed_item for article in chosen[: self.options["max_entries"]]]
                rss, atom = feeds(channel, entries, fallback_updated=empty)
                return {links.rss: rss, links.atom: atom,
                        links.ics: calendar(channel.title, channel.description, [component(a) for a in chosen],
                                            zones_of(chosen), refresh)}

            outputs.produce(links.rss, digest(state.build_key, scope_key(state, channel, chosen), empty), scope_feeds)
        self.write_services_feeds()
        subscribe = state.urls.subscribe
        writer.write_file(state.urls.save_as(subscribe), self.get_template("subscribe"), self.context,
                          relative_urls=self.settings["RELATIVE_URLS"], url=subscribe)

    def write_services_feeds(self) -> None:
        state = self.state
        links = state.feed_links[SERVICES_KEY]
        channel = Channel(f"{self.settings['SITENAME']} : services en ligne", "Le catalogue des services en ligne",
                          state.absolute(state.urls.services), state.absolute(links.rss), state.absolute(links.atom),
                          self.settings["SITENAME"], state.absolute(""))
        items = [Item.of_service(page.service, page.revision, state.absolute(page.url)) for page in state.services]
        rss, atom = feeds(channel, items, fallback_updated=state.revisions.first)
        state.outputs.write(links.rss, rss)
        state.outputs.write(links.atom, atom)

    def feed_articles(self, scope, now) -> list:
        """Recently ended events (``recent_days``), then upcoming ones nearest first; ``max_items`` at most."""
        since = now - timedelta(days=self.options["recent_days"])
        recent = [article for article in reversed(scope.past) if article.event.end >= since]
        return (recent + scope.upcoming)[: self.options["max_items"]]


def zones_of(articles: list) -> set[str]:
    """The zones a calendar of these events needs a VTIMEZONE for (all-day events have none)."""
    return {article.event.timezone for article in articles if not article.event.all_day}
