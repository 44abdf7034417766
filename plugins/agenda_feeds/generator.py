"""Feeds for every scope (RSS, Atom, iCalendar), one .ics per event, and the subscribe page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from pelican.generators import Generator

from catalogue.revisions import Revisions
from catalogue.text import html_to_text

from .calendar import calendar, timezone_bytes, vevent
from .syndication import Channel, Item, feeds
from .text import google_calendar_link, outlook_link, plain_description

DEFAULTS = {
    "recent_days": 14,  # past and cancelled events stay this long, so subscribed calendars update
    "max_items": 500,  # at most this many events per feed: the nearest ones
    "refresh_hours": 6,  # REFRESH-INTERVAL and X-PUBLISHED-TTL of the calendars
    "uid_domain": "agenda-emploi",  # right-hand side of every iCalendar UID
    "revisions": "state/revisions.json",  # when each event last changed (keep it between builds)
}
FEED_KINDS = {"all", "region", "department", "type", "mode", "campaign"}
SUBSCRIBE_URL = "s-abonner/"
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


def settings_of(settings: dict) -> dict:
    return {**DEFAULTS, **settings.get("AGENDA_FEEDS", {})}


class FeedsGenerator(Generator):
    def generate_context(self):
        self.options = settings_of(self.settings)
        self.base = self.settings.get("SITE_PUBLIC_URL", "http://127.0.0.1:8000").rstrip("/")
        now = self.context["agenda_now"]
        self.revisions = Revisions(Path(self.settings["AGENDA_ROOT"]) / self.options["revisions"], now)
        self.events = [article for article in self.context["articles"] if hasattr(article, "event")]
        for article in self.events:
            article.revision = self.revisions.stamp(article.event)
            article.ics_url = f"{article.url}{article.slug}.ics"
            article.plain_description = plain_description(article.event, self.page_url(article),
                                                          html_to_text(article.content))
            article.google_calendar = google_calendar_link(article.event, article.plain_description)
            article.outlook_calendar = outlook_link(article.event, article.plain_description)
        for page in self.context["services"]:
            page.revision = self.revisions.stamp(page.service)
        scopes = self.context["scopes"]
        self.links = {scope.key: FeedLinks(f"{scope.url}flux.rss", f"{scope.url}flux.atom", f"{scope.url}agenda.ics",
                                           self.base)
                      for scope in scopes.by_key.values() if scope.kind in FEED_KINDS}
        self.links[SERVICES_KEY] = FeedLinks("services/flux.rss", "services/flux.atom", "", self.base)
        self.context.update(feed_links=self.links, subscribe_url=SUBSCRIBE_URL)

    def page_url(self, article) -> str:
        return f"{self.base}/{article.url}"

    def generate_output(self, writer):
        output = Path(self.output_path)
        refresh = timedelta(hours=self.options["refresh_hours"])
        components = {}
        closing = b"END:VCALENDAR\r\n"
        head = calendar(self.settings["SITENAME"], "Un événement pour l'emploi", [], set(), refresh)[:-len(closing)]
        for article in self.events:  # one .ics per event: the shared head, its zone, its VEVENT, the closing line
            components[id(article)] = vevent(article.event, article.revision, self.page_url(article),
                                             self.options["uid_domain"], article.plain_description)
            _write(output / article.ics_url, head + b"".join(timezone_bytes(zone) for zone in zones_of([article]))
                   + components[id(article)] + closing)
        now = self.context["agenda_now"]
        for key, links in self.links.items():
            scope = self.context["scopes"].by_key.get(key)
            if scope is None:  # the services catalogue, written below
                continue
            chosen = self.feed_articles(scope, now)
            name = f"{self.settings['SITENAME']} : {scope.title}" if scope.kind != "all" else self.settings["SITENAME"]
            description = f"Événements pour l'emploi à venir : {scope.title}"
            channel = Channel(name, description, f"{self.base}/{scope.url}", f"{self.base}/{links.rss}",
                              f"{self.base}/{links.atom}", self.settings["SITENAME"], f"{self.base}/")
            items = [Item.of_event(article.event, article.revision, self.page_url(article), article.plain_description)
                     for article in chosen]
            rss, atom = feeds(channel, items, fallback_updated=now)
            _write(output / links.rss, rss)
            _write(output / links.atom, atom)
            _write(output / links.ics, calendar(name, description, [components[id(a)] for a in chosen],
                                                zones_of(chosen), refresh))
        self.write_services_feeds(output, now)
        writer.write_file(f"{SUBSCRIBE_URL}index.html", self.get_template("subscribe"), self.context,
                          relative_urls=self.settings["RELATIVE_URLS"], url=SUBSCRIBE_URL)
        self.revisions.save()

    def write_services_feeds(self, output: Path, now) -> None:
        links = self.links[SERVICES_KEY]
        channel = Channel(f"{self.settings['SITENAME']} : services en ligne", "Le catalogue des services en ligne",
                          f"{self.base}/services/", f"{self.base}/{links.rss}", f"{self.base}/{links.atom}",
                          self.settings["SITENAME"], f"{self.base}/")
        items = [Item.of_service(page.service, page.revision, self.page_url(page)) for page in self.context["services"]]
        rss, atom = feeds(channel, items, fallback_updated=now)
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
