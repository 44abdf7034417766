"""Reading a source: local files, or HTTP with timeouts, bounded retries, backoff and ``Retry-After``."""

from __future__ import annotations

import time
from collections.abc import Callable
from email.utils import parsedate_to_datetime
from pathlib import Path

import httpx

RETRY_STATUSES = {429, 500, 502, 503, 504}


class SourceError(Exception):
    """A source that could not be read completely; the message is French and names the cause."""


def is_url(location: str) -> bool:
    return location.startswith(("http://", "https://"))


class Fetcher:
    """One HTTP client for a run. Retries timeouts, network errors, 429 and 5xx a bounded number of times."""

    def __init__(
        self,
        *,
        timeout: float = 20.0,
        retries: int = 3,
        backoff: float = 1.0,
        max_wait: float = 120.0,
        sleep: Callable[[float], None] = time.sleep,
        client: httpx.Client | None = None,
    ):
        self.retries = retries
        self.backoff = backoff
        self.max_wait = max_wait
        self.sleep = sleep
        self.client = client or httpx.Client(timeout=timeout, follow_redirects=True,
                                             headers={"User-Agent": "agenda-emploi importer"})

    def request(self, method: str, url: str, **kwargs) -> httpx.Response:
        """The response of the last try; raises SourceError when every try failed."""
        for attempt in range(self.retries + 1):
            last = attempt == self.retries
            try:
                response = self.client.request(method, url, **kwargs)
            except httpx.TimeoutException:
                if last:
                    raise SourceError(f"délai dépassé en lisant {_short(url)}") from None
                self.sleep(self.backoff * 2**attempt)
                continue
            except httpx.HTTPError as error:
                if last:
                    raise SourceError(f"connexion impossible à {_short(url)} ({type(error).__name__})") from None
                self.sleep(self.backoff * 2**attempt)
                continue
            if response.status_code not in RETRY_STATUSES or last:
                return response
            self.sleep(self._wait(response, attempt))
        raise AssertionError("unreachable")  # pragma: no cover

    def _wait(self, response: httpx.Response, attempt: int) -> float:
        """``Retry-After`` (seconds or HTTP date) when the server gives it, else exponential backoff."""
        header = response.headers.get("Retry-After", "")
        if header.isascii() and header.isdigit():
            return min(float(header), self.max_wait)
        if header:
            try:
                delay = parsedate_to_datetime(header).timestamp() - time.time()
                return min(max(delay, 0.0), self.max_wait)
            except (TypeError, ValueError):
                pass
        return min(self.backoff * 2**attempt, self.max_wait)

    def get_bytes(self, url: str, **kwargs) -> bytes:
        response = self.request("GET", url, **kwargs)
        check(response, url)
        return response.content

    def read(self, location: str, project_root: Path) -> bytes:
        """A source's raw bytes, from a URL or a path relative to the project."""
        if is_url(location):
            return self.get_bytes(location)
        path = project_root / location
        try:
            return path.read_bytes()
        except OSError as error:
            raise SourceError(f"fichier illisible {location} ({error.strerror})") from None


def check(response: httpx.Response, url: str) -> None:
    if response.status_code >= 400:
        raise SourceError(f"erreur HTTP {response.status_code} en lisant {_short(url)}")


def _short(url: str) -> str:
    """The URL without its query string, which may carry secrets."""
    return url.split("?", 1)[0]
