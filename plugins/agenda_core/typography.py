"""French typography in every page: a Jinja extension that puts non-breaking spaces in the templates'
own text (``preprocess``) and in every value they print (``finalize``), ``catalogue.french.spaces``.
HTML already marked safe (descriptions, JSON-LD) is left as it is."""

from __future__ import annotations

from jinja2.ext import Extension
from markupsafe import Markup

from catalogue.french import spaces


def _finalize(value):
    return spaces(value) if isinstance(value, str) and not isinstance(value, Markup) else value


class FrenchTypography(Extension):
    def __init__(self, environment):
        super().__init__(environment)
        environment.finalize = _finalize

    def preprocess(self, source, name, filename=None):
        return spaces(source)
