"""Country names in addresses, from ISO 3166 and its translations (pycountry), to tell a foreign address."""

from __future__ import annotations

import gettext
import re
from functools import cache

import pycountry

from catalogue.text import fold

# France and the French territories that ISO 3166 lists as countries of their own
FRENCH = {"FR", "GP", "MQ", "GF", "RE", "YT", "PM", "BL", "MF", "WF", "PF", "NC", "TF"}
LANGUAGES = ("fr", "de", "es", "it", "nl", "pt")  # the names neighbours and exporters write, besides English


@cache
def _names() -> dict[str, str]:
    """Folded country name (any of its names, in English and LANGUAGES) -> its French name."""
    translations = [gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
                    for language in LANGUAGES]
    names: dict[str, str] = {}
    for country in pycountry.countries:
        if country.alpha_2 in FRENCH:
            continue
        own = [getattr(country, attribute, "") for attribute in ("name", "official_name", "common_name")]
        french = translations[0].gettext(country.name)
        for name in own + [t.gettext(value) for t in translations for value in own if value]:
            if name:
                names.setdefault(fold(name), french)
    return names


@cache
def _codes() -> dict[str, str]:
    """Folded ISO 3166 code (``es``, ``deu``) -> the country's French name, for a part that is only a code."""
    french = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    return {fold(code): french.gettext(country.name) for country in pycountry.countries
            if country.alpha_2 not in FRENCH for code in (country.alpha_2, country.alpha_3)}


def foreign_country(text: str) -> str:
    """The French name of the foreign country an address ends with or names as one part (a name, or an
    ISO code alone: ``…, Barcelona, ES``), else ''."""
    names, codes = _names(), _codes()
    parts = [fold(part) for part in re.split(r"[,;\n()]", text) if part.strip()]
    words = fold(text).split()
    for candidate in [*parts, *(" ".join(words[-n:]) for n in (3, 2, 1))]:
        if candidate in names:
            return names[candidate]
    return next((codes[part] for part in parts[1:] if part in codes), "")  # a code after the address, never alone
