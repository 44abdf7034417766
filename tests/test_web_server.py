"""The build served as a web host serves it: Debian's nginx, workers as www-data, deploy/nginx.conf.

The site is built by `invoke build` under a strict umask (077), so a file that is not made readable by
the build itself answers 403 here. Every kind of page is then loaded in Chromium under the CSP that
nginx sends, and must load without a violation or an error.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.browser import WATCH, chromium, requires_chromium
from tests.conftest import NOW, make_content
from tests.local_servers import free_port, wait_until_listening

ROOT = Path(__file__).resolve().parent.parent
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
requires_nginx = pytest.mark.skipif(not Path(NGINX).exists() and not os.environ.get("CI"),
                                    reason="Debian nginx is not installed (make test installs it)")
PAGES = {  # one address per kind of page, and the status nginx must answer
    "": 200, "evenement/job-dating-toulouse/": 200, "evenements/": 200, "evenements/occitanie/": 200,
    "evenements/occitanie/haute-garonne/": 200, "evenements/type/job-dating/": 200, "evenements/archives/": 200,
    "evenements/mois/2026-12/": 200, "evenements/a-distance/": 200, "evenements/public/": 200,
    "evenements/campagne/semaine-de-l-emploi-saisonnier/": 200, "services/": 200, "service/la-bonne-boite/": 200,
    "recherche/": 200, "mes-preferences/": 200, "mes-evenements/": 200, "s-abonner/": 200, "donnees/": 200,
    "accessibilite/": 200, "page-qui-n-existe-pas/": 404,
}
FILES = {"evenements/agenda.ics": "text/calendar; charset=utf-8", "evenements/flux.atom": "application/atom+xml",
         "evenements/flux.rss": "application/rss+xml", "sitemap.xml": "text/xml",
         "donnees/evenements.csv": "text/csv", "recherche/index/manifest.json": "application/json",
         "images/evenements/job-dating.png": "image/png"}


@pytest.fixture(scope="module")
def served():
    scratch = Path(tempfile.mkdtemp(prefix="agenda-nginx-"))
    scratch.chmod(0o755)  # the test's own folder; what the build writes inside is the build's business
    try:
        content = make_content(scratch / "content")
        output = scratch / "output"
        build = subprocess.run(
            [sys.executable, "-m", "invoke", "build", "--content", str(content), "--output", str(output)], cwd=ROOT,
            env={**os.environ, "AGENDA_NOW": NOW, "AGENDA_REVISIONS": str(scratch / "revisions.json")},
            capture_output=True, text=True, timeout=300, preexec_fn=lambda: os.umask(0o077))
        assert build.returncode == 0, build.stderr
        port = free_port()
        site = (ROOT / "deploy/nginx.conf").read_text(encoding="utf-8")
        site = re.sub(r"listen 80;", f"listen 127.0.0.1:{port};", site)
        site = re.sub(r"root [^;]+;", f"root {output};", site)
        run = scratch / "nginx"
        run.mkdir()
        (run / "site.conf").write_text(site, encoding="utf-8")
        temp = " ".join(f"{kind}_temp_path {run}/{kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi",
                                                                          "scgi"))
        (run / "nginx.conf").write_text(
            f"user www-data;\nworker_processes 1;\npid {run}/nginx.pid;\nerror_log {run}/error.log;\n"
            f"daemon off;\nevents {{}}\nhttp {{\n include /etc/nginx/mime.types;\n access_log off;\n {temp}\n"
            f" include {run}/site.conf;\n}}\n", encoding="utf-8")
        server = subprocess.Popen([NGINX, "-c", str(run / "nginx.conf"), "-p", str(run)],
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        wait_until_listening(port)
        try:
            yield f"http://127.0.0.1:{port}", output
        finally:
            server.terminate()
            server.wait(timeout=10)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def fetch(url: str):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@requires_nginx
def test_the_build_is_world_readable_whatever_the_umask(served):
    _, output = served
    published = output.resolve()
    assert published.stat().st_mode & 0o777 == 0o755
    assert (published.parent).stat().st_mode & 0o777 == 0o755
    modes = {path.stat().st_mode & 0o777 for path in published.rglob("*")}
    assert modes == {0o644, 0o755}


def declared_headers(output: Path) -> dict[str, dict[str, str]]:
    """The _headers file: path pattern -> its headers."""
    blocks: dict[str, dict[str, str]] = {}
    for line in (output / "_headers").read_text(encoding="utf-8").splitlines():
        if not line.startswith(" "):
            current = blocks.setdefault(line.strip(), {})
        else:
            name, _, value = line.strip().partition(": ")
            current[name] = value
    return blocks


@requires_nginx
def test_nginx_as_www_data_serves_every_page_with_the_sites_headers(served):
    base, output = served
    workers = subprocess.run(["ps", "-o", "user=", "-C", "nginx"], capture_output=True, text=True).stdout.split()
    assert "www-data" in workers
    declared = declared_headers(output)["/*"]
    for url, expected in PAGES.items():
        status, headers, _ = fetch(f"{base}/{url}")
        assert status == expected, url
        assert headers["Content-Type"] == "text/html; charset=utf-8", url
        for name in ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy"):
            assert headers[name] == declared[name], (url, name)
        if status == 200:  # nginx sets expiry on successful answers only
            assert headers["Cache-Control"] == "no-cache", url
    assert "Page introuvable" in fetch(f"{base}/page-qui-n-existe-pas/")[2].decode()
    for url, content_type in FILES.items():
        status, headers, _ = fetch(f"{base}/{url}")
        assert (status, headers["Content-Type"].split(";")[0]) == (200, content_type.split(";")[0]), url
        assert headers["Content-Security-Policy"] == declared["Content-Security-Policy"], url
    assert fetch(f"{base}/evenements/agenda.ics")[1]["Content-Type"] == "text/calendar; charset=utf-8"
    assert fetch(f"{base}/theme/css/site.css")[1]["Cache-Control"] == "max-age=86400"
    for url in ("admin/", "admin/config.yml", "admin/communes.json"):  # the back office: its own policy
        status, headers, _ = fetch(f"{base}/{url}")
        assert status == 200 and headers["X-Content-Type-Options"] == "nosniff", url
        assert headers["Content-Security-Policy"] == declared_headers(output)["/admin/*"]["Content-Security-Policy"]
    assert fetch(f"{base}/admin/config.yml")[1]["Content-Type"].startswith("text/yaml")
    for url in ("integrer/agenda-emploi.js", "integrer/departements/31.json", "integrer/cadre/31/"):  # partners' sites
        status, headers, _ = fetch(f"{base}/{url}")
        assert status == 200 and headers["Access-Control-Allow-Origin"] == "*", url
        policy = declared_headers(output)["/integrer/cadre/*" if "cadre" in url else "/*"]["Content-Security-Policy"]
        assert headers["Content-Security-Policy"] == policy, url
    assert "frame-ancestors *" in fetch(f"{base}/integrer/cadre/31/")[1]["Content-Security-Policy"]


@requires_nginx
@requires_chromium
def test_every_kind_of_page_loads_under_the_csp_nginx_sends(served):
    base, _ = served
    errors: list[str] = []
    with chromium() as browser:
        for width in (390, 1280):
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.add_init_script(WATCH)
            page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
            page.on("pageerror", lambda error: errors.append(str(error)))
            for url, expected in PAGES.items():
                response = page.goto(f"{base}/{url}", wait_until="networkidle")
                assert response.status == expected, url
                assert page.evaluate("window.__violations") == [], url
                if expected == 404:  # the browser reports the page's own status
                    errors[:] = [error for error in errors if "404" not in error]
                assert errors == [], (url, errors)
            page.goto(f"{base}/admin/", wait_until="networkidle")  # Decap CMS starts under its own policy
            page.get_by_role("button", name="Se connecter").wait_for()
            assert page.evaluate("window.__violations") == []
            # with no back end here, its probes of the local proxy and of the Git host fail, and say so
            errors[:] = [error for error in errors if not error.startswith("Failed to load resource")]
            assert errors == [], errors
            page.close()
