"""Event JSON-LD and pictures for the templates, then sitemap.xml, robots.txt, _headers and a French 404 page."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from xml.sax.saxutils import escape

from agenda_core import KEY, site_state
from pelican.generators import Generator

from catalogue.text import html_to_text
from catalogue.vocabulary import EVENT_TYPES

from .images import type_picture
from .structured_data import event_json_ld, script_json

# Response headers in the "_headers" format static hosts read (deploy/nginx.conf sets the same).
CSP = ("default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
       "form-action 'self'")
# The back office (Decap CMS, plugins/agenda_cms) injects its styles and talks to the local proxy or the Git
# host's API, and its configuration check (ajv) compiles code: its pages, and only they, get this policy. Scripts
# still come from the site's own files only.
ADMIN_CSP = ("default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
             "img-src 'self' data: blob:; connect-src 'self' http://127.0.0.1:* https:; object-src 'none'; base-uri 'none'; "
             "frame-ancestors 'none'; form-action 'self'")
# The iframe for partners' sites (plugins/agenda_embed): any site may frame it; everything else refuses.
FRAME_CSP = CSP.replace("frame-ancestors 'none'", "frame-ancestors *")
OTHER_HEADERS = """  X-Content-Type-Options: nosniff
  Referrer-Policy: strict-origin-when-cross-origin
  Permissions-Policy: geolocation=(), camera=(), microphone=()"""
HEADERS = f"""/*
  Content-Security-Policy: {CSP}
{OTHER_HEADERS}
/admin/*
  Content-Security-Policy: {ADMIN_CSP}
/integrer/*
  Access-Control-Allow-Origin: *
/integrer/cadre/*
  Content-Security-Policy: {FRAME_CSP}
/*.ics
  Content-Type: text/calendar; charset=utf-8
"""

class StructuredData:
    """The event's JSON-LD, made when its page is (from the event, its page and its availability now)."""

    def __init__(self, article, state):
        self.article, self.state = article, state

    @cached_property
    def json_ld(self) -> str:
        article, state = self.article, self.state
        return script_json(event_json_ld(article.event, state.absolute(article.url), text=html_to_text(article.content),
                                         image_url=article.image_url, now=state.now))


class Sitemap:
    """Every HTML page the writer wrote, but for those marked ``noindex`` and past events' pages."""

    def __init__(self):
        self.urls: list[str] = []
        self.base = ""  # the public address, set with the site state
        self.outputs = None  # the site state's (agenda_core.outputs), where it is written

    def page_written(self, path: str, context: dict) -> None:
        if not path.endswith(".html") or context.get("noindex"):
            return
        article = context.get("article")
        if article is not None and hasattr(article, "event") and article.event.is_past(context[KEY].now):
            return  # past events stay in the archives
        relative = Path(path).relative_to(context["OUTPUT_PATH"]).as_posix()
        self.urls.append(relative.removesuffix("index.html"))

    def xml(self) -> str:
        entries = "".join(f"<url><loc>{escape(f'{self.base}/{url}')}</loc></url>\n" for url in sorted(set(self.urls)))
        return ('<?xml version="1.0" encoding="UTF-8"?>\n'
                f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{entries}</urlset>\n')


sitemap = Sitemap()


class SeoGenerator(Generator):
    def generate_context(self):
        self.state = state = site_state(self)
        for article in state.events:
            article.image_url = state.absolute(f"{state.urls.images}{article.event.type_term.slug}.png")
            article.structured_data = StructuredData(article, state)
        sitemap.urls = []
        sitemap.base = state.public_url
        sitemap.outputs = state.outputs

    def generate_output(self, writer):
        writer.write_file("404.html", self.get_template("404"), self.context,
                          relative_urls=self.settings["RELATIVE_URLS"], noindex=True)
        outputs = self.state.outputs
        for term in EVENT_TYPES:
            outputs.write(f"{self.state.urls.images}{term.slug}.png", type_picture(term.label, self.settings["SITENAME"]))
        outputs.write("robots.txt", (f"User-agent: *\nAllow: /\nDisallow: /admin/\nDisallow: /{self.state.urls.report}\n\n"
                                     f"Sitemap: {self.state.absolute('sitemap.xml')}\n").encode())
        outputs.write("_headers", HEADERS.encode())


def write_sitemap(pelican) -> None:
    """After every page is written: the sitemap lists them all."""
    sitemap.outputs.write("sitemap.xml", sitemap.xml().encode())
