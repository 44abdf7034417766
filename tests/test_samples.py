"""The bundled sample sources the README's main command imports: every kind, clean, varied."""

from __future__ import annotations

from pathlib import Path

from catalogue.geography import geography
from catalogue.model import Event, Service
from catalogue.scan import scan
from importers.cli import KINDS, load_sources, main

ROOT = Path(__file__).resolve().parent.parent


def test_sample_sources_cover_every_kind():
    assert {source.kind for source in load_sources(ROOT / "sources.toml")} == set(KINDS)


def test_bundled_samples_import_cleanly_and_cover_the_catalogue(tmp_path, capsys):
    content = tmp_path / "content"
    assert main(["--config", str(ROOT / "sources.toml"), "--content", str(content), "--today", "2026-11-25"]) == 0
    out = capsys.readouterr().out
    assert "ÉCHEC" not in out
    found = scan(content, geography())
    assert found.problems == []
    events = [item for item in found.items if isinstance(item, Event)]
    services = [item for item in found.items if isinstance(item, Service)]
    assert len(events) >= 80 and len(services) >= 6
    assert {event.source for event in events} == {source.name for source in load_sources(ROOT / "sources.toml")
                                                  if source.kind != "services"}
    regions = {event.region.code for event in events if event.region}
    departments = {event.department.code for event in events if event.department}
    assert len(regions) >= 6 and len(departments) >= 15
    assert {event.type for event in events} == {"job-dating", "forum", "information", "workshop", "recruitment",
                                                "company-visit", "online-fair", "other"}
    assert {event.mode for event in events} == {"onsite", "online", "hybrid"}
    assert {"cancelled", "full", "postponed"} <= {event.status for event in events}
    taxonomy = ("audience", "benefits", "objectives", "campaign", "prerequisites", "program", "speakers", "job_offers",
                "rome", "naf", "places_onsite", "places_online", "places_left")
    by_source = {name: {key for event in events if event.source == name for key in taxonomy
                        if getattr(event, key) not in ((), "", None)} for name in {event.source for event in events}}
    assert by_source["exemple-agences-tableur"] == set(taxonomy)  # its online workshops' "Places" are online places
    assert by_source["exemple-france-travail"] >= {"audience", "benefits", "objectives", "campaign", "prerequisites",
                                                     "program", "job_offers", "rome", "places_onsite", "places_online",
                                                     "places_left"}
    assert by_source["exemple-mission-locale-ical"] == {"audience", "benefits", "objectives"}  # from CATEGORIES
    assert any(event.places_left == 0 for event in events) and len({e.campaign for e in events if e.campaign}) >= 4
    assert main(["--config", str(ROOT / "sources.toml"), "--content", str(content), "--today", "2026-11-25"]) == 0
    summaries = [line for line in capsys.readouterr().out.splitlines() if "créés" in line]
    assert len(summaries) == len(KINDS) + 2  # one line per source (html and francetravail have two samples)
    assert all(" : 0 créés, 0 mis à jour, " in line for line in summaries)  # a second import changes nothing
