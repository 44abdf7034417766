"""A real headless Chromium (Debian's, driven by Playwright) and a local server for built sites."""

from __future__ import annotations

import functools
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from agenda_seo.generator import ADMIN_CSP

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CSP = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'"
CHROMIUM_ARGS = [  # a closed network: no background requests, no updates, no sync
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]
# Runs before any page script: records CSP violations and lets tests see what content tried to do.
WATCH = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
"""

# `make test` installs chromium; outside CI a machine without it skips the browser tests, CI fails them.
requires_chromium = pytest.mark.skipif(not Path(CHROMIUM).exists() and not os.environ.get("CI"),
                                       reason="Debian chromium is not installed (make test installs it)")


class _Handler(SimpleHTTPRequestHandler):
    policy = ""  # a page's own policy (a partner's site); by default the site's, and the back office's

    def end_headers(self):
        self.send_header("Content-Security-Policy",
                         self.policy or (ADMIN_CSP if self.path.startswith("/admin/") else CSP))
        if self.path.startswith("/integrer/"):  # the widget's data, read from partners' sites (deploy/nginx.conf)
            self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, *_args):
        pass


@contextmanager
def serve(directory: Path, csp: str = "") -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 with the site's Content-Security-Policy (or ``csp``); yields the base URL."""
    handler = type("Handler", (_Handler,), {"policy": csp}) if csp else _Handler
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


class Visit:
    """A browser tab that records what each page it opens did: dialogs, console, errors, CSP violations."""

    def __init__(self, browser, base: str):
        self.base = base
        self.page = browser.new_page()
        self.page.add_init_script(WATCH)
        self.page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        self.page.on("console", lambda message: self.console.append(message.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("request", lambda request: self.requests.append(request.url))

    def open(self, url: str) -> Visit:
        self.dialogs: list[str] = []
        self.console: list[str] = []
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.goto(f"{self.base}/{url}", wait_until="load")
        self.page.wait_for_timeout(30)  # let onload/onerror handlers, if any survived, fire
        self.violations: list[str] = self.page.evaluate("window.__violations")
        self.xss = self.page.evaluate("Boolean(window.__xss)")
        return self
