"""Search, without Pelican: French analysis, what the index knows of each item, its facets, the index
files and the Python engine. The browser engine (theme/static/js/engine.js) reads the same files.

``FORMAT_VERSION`` names the layout of the index files; both engines refuse an index of another version
rather than give wrong results. ``ANALYSIS`` and ``RANKING`` travel in the manifest, so the browser analyses and
ranks queries with exactly the stop words, suffixes and weights the index was built with.
"""

from __future__ import annotations

from .analysis import MIN_STEM, STOP_WORDS, SUFFIXES

FORMAT_VERSION = 4
ANALYSIS = {"stop_words": sorted(STOP_WORDS), "suffixes": list(SUFFIXES), "min_stem": MIN_STEM}
# How both engines rank (catalogue/search/query.py): a typo match counts ``typo`` of an exact one; a word's weight in
# a document saturates (``saturation``: the weight at which it gives half its most); a document may miss one word of
# a query of ``partial_from`` words or more, its score then times ``missing``; all the words in its title: ``title``.
RANKING = {"typo": 0.5, "saturation": 10, "partial_from": 2, "missing": 0.5, "title": 1.5}


class IndexVersionError(ValueError):
    """The index files were written by another version of the format: rebuild the site."""
