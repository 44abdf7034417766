"""Search, without Pelican: French analysis, what the index knows of each item, its facets, the index
files and the Python engine. The browser engine (theme/static/js/engine.js) reads the same files.

``FORMAT_VERSION`` names the layout of the index files; both engines refuse an index of another version
rather than give wrong results. ``ANALYSIS`` travels in the manifest, so the browser analyses queries
with exactly the stop words and suffixes the index was built with.
"""

from __future__ import annotations

from .analysis import MIN_STEM, STOP_WORDS, SUFFIXES

FORMAT_VERSION = 3
ANALYSIS = {"stop_words": sorted(STOP_WORDS), "suffixes": list(SUFFIXES), "min_stem": MIN_STEM}


class IndexVersionError(ValueError):
    """The index files were written by another version of the format: rebuild the site."""
