"""Our line folding gives icalendar's own result, byte for byte, on any line (plugins/agenda_feeds/folding.py)."""

from __future__ import annotations

from agenda_feeds.folding import fold, install
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Event
from icalendar.parser import content_line
from icalendar.parser.string import _foldline as reference

# French text, escapes and wide characters, so cuts fall inside characters and just after escapes
TEXT = st.text(st.sampled_from("abcdéèàçœ\\^;,:\n €𝄞日") | st.characters(blacklist_categories=("Cs",)), max_size=400)


@settings(max_examples=2000)
@given(TEXT, st.integers(min_value=2, max_value=80))
def test_any_line_folds_as_icalendar_folds_it(text, limit):
    line = text.replace("\n", " ")
    assert fold(line, limit) == reference(line, limit)


def test_escapes_stay_with_what_they_escape_and_short_lines_stay_whole():
    line = "DESCRIPTION:" + "x" * 61 + "\\n" + "é" * 40
    assert fold(line) == reference(line) and "\\\r\n n" not in fold(line)
    assert fold("SUMMARY:Job dating") == "SUMMARY:Job dating"


def test_icalendar_serialises_with_it_once_installed():
    event = Event()
    event.add("description", "Les domaines skiables de l'Isère recrutent des perchmans ; " * 5)
    before = event.to_ical()
    install()
    assert content_line._foldline is fold and event.to_ical() == before
