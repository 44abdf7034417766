"""Event JSON-LD for the templates, then sitemap.xml, robots.txt, _headers and a French 404 page."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from pelican.generators import Generator

from .structured_data import event_json_ld, script_json

# Response headers in the "_headers" format static hosts read (docs/security.md shows nginx's).
CSP = ("default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
       "form-action 'self'")
HEADERS = f"""/*
  Content-Security-Policy: {CSP}
  X-Content-Type-Options: nosniff
  Referrer-Policy: strict-origin-when-cross-origin
  Permissions-Policy: geolocation=(), camera=(), microphone=()
/*.ics
  Content-Type: text/calendar; charset=utf-8
"""


class SeoGenerator(Generator):
    def generate_context(self):
        self.base = self.settings.get("SITE_PUBLIC_URL", "").rstrip("/")
        for article in self.context["articles"]:
            if hasattr(article, "event"):
                article.json_ld = script_json(event_json_ld(article.event, f"{self.base}/{article.url}"))
        self.context["canonical_base"] = self.base

    def generate_output(self, writer):
        writer.write_file("404.html", self.get_template("404"), self.context,
                          relative_urls=self.settings["RELATIVE_URLS"])
        output = Path(self.output_path)
        (output / "robots.txt").write_text(f"User-agent: *\nAllow: /\n\nSitemap: {self.base}/sitemap.xml\n",
                                           encoding="utf-8")
        (output / "sitemap.xml").write_text(self.sitemap(), encoding="utf-8")
        (output / "_headers").write_text(HEADERS, encoding="utf-8")

    def sitemap(self) -> str:
        """Event, service, static and listing pages; past events are left to the archives."""
        now = self.context["agenda_now"]
        urls = [""] + [scope.url for scope in self.context["scopes"].by_key.values()]
        urls += [a.url for a in self.context["articles"] if hasattr(a, "event") and not a.event.is_past(now)]
        urls += [page.url for page in self.context["pages"]]
        urls += ["services/", "s-abonner/", "donnees/"] + [c.url for c in self.context["service_categories"]]
        entries = "".join(f"<url><loc>{escape(f'{self.base}/{url}')}</loc></url>\n" for url in dict.fromkeys(urls))
        return ('<?xml version="1.0" encoding="UTF-8"?>\n'
                f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{entries}</urlset>\n')
