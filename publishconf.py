"""Production settings: pelicanconf.py plus the public address of the site."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: F403

SITEURL = os.environ.get("AGENDA_SITEURL", "")
SITE_PUBLIC_URL = SITEURL or SITE_PUBLIC_URL  # noqa: F405
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True

# Production builds also check every internal link, feed item and calendar URL (lien cassé : …).
PLUGINS = [*PLUGINS, "agenda_linkcheck"]  # noqa: F405
