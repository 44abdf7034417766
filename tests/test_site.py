"""The built site, read as a job seeker's browser would: pages, listings, badges, links."""

from __future__ import annotations

import logging

import feedparser
import pytest
from bs4 import BeautifulSoup
from ical.calendar_stream import IcsCalendarStream

from tests.conftest import Site, build_site, make_content


def test_home_lists_upcoming_events_soonest_first(site):
    titles = site.card_titles("index.html")
    assert titles == [
        "Job dating restauration",
        "Réunion d'information sur les métiers du soin",
        "Salon en ligne du commerce",
        "Atelier LinkedIn",
        "Forum de l'alternance",
        "Recrutement agents de tri",
        "Permanence emploi",
    ]
    assert "Visite d'une usine aéronautique" not in titles  # past


def test_home_links_regions_types_and_services(site):
    home = site.page("index.html")
    regions = {a.get_text(" ", strip=True) for a in home.select('ul[aria-label="Régions"] a')}
    assert regions == {"Occitanie 4 à venir", "Auvergne-Rhône-Alpes 1 à venir", "La Réunion 1 à venir"}
    types = [a["href"] for a in home.select("ul[aria-label=\"Types d'événement\"] a")]
    assert "/evenements/type/job-dating/" in types
    services = {a.get_text(" ", strip=True) for a in home.select('ul[aria-label="Catégories de services"] a')}
    assert services == {"Préparer sa candidature 1 services", "Trouver un emploi 1 services"}


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("evenements/occitanie", ["Job dating restauration", "Réunion d'information sur les métiers du soin",
                                  "Forum de l'alternance", "Recrutement agents de tri"]),
        ("evenements/occitanie/haute-garonne", ["Job dating restauration", "Recrutement agents de tri"]),
        ("evenements/occitanie/herault", ["Forum de l'alternance"]),
        ("evenements/la-reunion/la-reunion", ["Permanence emploi"]),
        ("evenements/a-distance", ["Salon en ligne du commerce", "Atelier LinkedIn"]),
        ("evenements/type/job-dating", ["Job dating restauration"]),
        ("evenements/type/salon-en-ligne", ["Salon en ligne du commerce"]),
        ("evenements/mois/2027-01", ["Permanence emploi"]),
    ],
)
def test_listings_hold_exactly_their_scope(site, url, expected):
    assert site.card_titles(url) == expected


def test_region_page_counts_and_links_departments(site):
    page = site.page("evenements/occitanie")
    departments = {a.get_text(" ", strip=True): a["href"] for a in page.select('ul[aria-label="Départements"] a')}
    assert departments == {
        "Gard (30) 1 à venir": "/evenements/occitanie/gard/",
        "Haute-Garonne (31) 2 à venir": "/evenements/occitanie/haute-garonne/",
        "Hérault (34) 1 à venir": "/evenements/occitanie/herault/",
    }
    assert page.select_one(".lead").get_text(" ", strip=True).startswith("4 événements à venir")


def test_past_events_go_to_archives(site):
    assert "Visite d'une usine aéronautique" not in site.card_titles("evenements/occitanie/haute-garonne")
    assert site.card_titles("evenements/occitanie/haute-garonne/archives") == ["Visite d'une usine aéronautique"]
    assert site.card_titles("evenements/archives") == ["Visite d'une usine aéronautique"]
    event = site.page("evenement/visite-passee")
    assert "Événement passé." in event.select_one(".notice").get_text()
    assert not site.exists("evenements/auvergne-rhone-alpes/archives")


def test_cancelled_full_and_postponed_badges(site):
    cancelled = site.page("evenement/reunion-annulee")
    assert cancelled.select_one(".badge-cancelled").get_text() == "Annulé"
    assert "Cet événement est annulé." in cancelled.select_one(".notice-warning").get_text()
    full = site.page("evenement/recrutement-complet")
    assert full.select_one(".badge-full").get_text() == "Complet"
    assert "Complet\u00a0: les inscriptions sont fermées." in full.select_one(".register").get_text()
    assert not full.select(".register a.button")
    postponed = site.page("evenement/reporte-reunion")
    assert postponed.select_one(".badge-postponed").get_text() == "Reporté"
    card = next(c for c in site.page("index.html").select(".card") if "soin" in c.get_text())
    assert card.select_one(".badge-cancelled")


def test_event_page_shows_every_field(site):
    page = site.page("evenement/job-dating-toulouse")
    assert page.h1.get_text() == "Job dating restauration"
    facts = site.facts(page)
    assert facts["Date"] == "jeudi 3 décembre 2026 , 9\u00a0h\u00a030 – 12\u00a0h\u00a030"
    assert facts["Lieu"].replace("\u202f", " ").replace("\xa0", " ") == (
        "Agence Toulouse Occitane 12 rue d'Austerlitz 31000 Toulouse — Haute-Garonne, Occitanie "
        "Itinéraire : OpenStreetMap · Géoportail (IGN)")
    directions = [a["href"] for a in page.select(".event-itinerary a")]
    assert directions[0] == "https://www.openstreetmap.org/directions?to=12%20rue%20d%27Austerlitz%2C%2031000%20Toulouse"
    assert directions[1].startswith("https://www.geoportail.gouv.fr/carte?c=1.4")  # the commune's centre, longitude first
    assert page.select_one(".event-distance")["data-lat"].startswith("436")  # for "à 6 km de …", measured in the browser
    assert facts["Organisateur"] == "France Travail Toulouse Occitane"
    assert facts["Public"] == "Ouvert à tous, Jeunes (moins de 26 ans), Débutant accepté"
    assert facts["Secteurs"] == "Restauration, Hôtellerie"
    assert facts["Places"] == "40 sur place — 12 places restantes"
    assert facts["Offres d'emploi"] == "35 offres d'emploi — Voir les offres"
    assert page.select_one('.facts a[href="https://offres.example.org/restauration-toulouse"]')
    assert facts["Métiers"] == "Personnel de cuisine Service en restauration"  # no staff codes on public pages
    assert facts["Secteurs d'activité"] == "Restauration traditionnelle"
    advisers = page.select_one("details.for-advisers")
    assert advisers.summary.get_text() == "Détails pour les conseillers"
    assert [li.get_text() for li in advisers.select("li")] == [
        "ROME G1602\u00a0: Personnel de cuisine", "ROME G1803\u00a0: Service en restauration",
        "NAF 56.10A\u00a0: Restauration traditionnelle"]
    assert site.registration(page) == "Inscription S'inscrire Inscriptions jusqu'au mercredi 2 décembre 2026, 23 h 59."
    register = page.select_one(".register a.button")
    assert register["href"] == "https://evenements.example.org/jd-toulouse"
    times = page.select(".facts time")
    assert times[0]["datetime"] == "2026-12-03T09:30:00+01:00"
    crumbs = [a.get_text() for a in page.select(".breadcrumb a")]
    assert crumbs == ["Accueil", "Tous les événements", "Occitanie", "Haute-Garonne (31)"]


def test_event_page_taxonomy_sections(site):
    page = site.page("evenement/job-dating-toulouse")
    tags = {group["aria-label"]: [a.get_text(strip=True) for a in group.select(".fr-tag")]
            for group in page.select("header .fr-tags-group")}
    assert tags == {"Avantages": ["CDI", "Contrat saisonnier", "Formation assurée"],
                    "Objectifs": ["Recruter", "Recrutement sans CV"]}
    assert page.select_one('header a.fr-tag[href="/evenements/avantage/cdi/"]')
    campaign = page.select_one(".campaign a")
    assert (campaign.get_text(), campaign["href"]) == ("Semaine de l'emploi saisonnier",
                                                       "/evenements/campagne/semaine-de-l-emploi-saisonnier/")
    checklist = page.select_one("section.prerequisites")
    assert checklist.h2.get_text() == "À savoir avant de venir"
    assert not checklist.select(".checklist")  # plain bullets: nothing reads as already done
    groups = {h3.get_text(): [li.get_text() for li in h3.find_next_sibling("ul").select("li")]
              for h3 in checklist.select("h3")}
    assert groups == {"Âge": ["18 ans minimum"], "Permis": ["B"], "Contraintes": ["travail le week-end", "horaires décalés"]}
    steps = [li.get_text(" ", strip=True) for li in page.select("ol.timeline li")]
    assert steps == ["09:30 Accueil et café", "10:00 – 12:00 Entretiens avec les restaurateurs", "12:00 Bilan"]
    speakers = page.select_one("#intervenants").find_next("ul")
    assert [li.get_text() for li in speakers.select("li")] == ["Union des métiers de l'hôtellerie", "Restaurant Le Capitole"]
    assert speakers.select_one("a")["href"] == "https://umih.example.org"


def test_no_places_left_reads_complet(site):
    page = site.page("evenement/salon-en-ligne")
    assert site.facts(page)["Places"] == "500 à distance — Complet"
    assert page.select_one(".badge-full").get_text() == "Complet"
    assert site.registration(page) == "Inscription Complet : les inscriptions sont fermées."
    assert "Cet événement est complet." in page.select_one(".notice").get_text()


def test_campaign_page_and_feeds(site):
    page = site.page("evenements/campagne/semaine-de-l-emploi-saisonnier")
    assert page.h1.get_text() == "Événements à venir\u00a0: Semaine de l'emploi saisonnier"
    assert [a.get_text() for a in page.select(".cards .card-title a")] == ["Job dating restauration", "Forum de l'alternance"]
    folder = site.output / "evenements/campagne/semaine-de-l-emploi-saisonnier"
    rss = feedparser.parse((folder / "flux.rss").read_bytes())
    assert not rss.bozo and [entry.title for entry in rss.entries] == ["Job dating restauration", "Forum de l'alternance"]
    assert [tag.term for tag in rss.entries[0].tags] == [
        "Job dating", "Ouvert à tous", "Jeunes (moins de 26 ans)", "Débutant accepté", "CDI", "Contrat saisonnier",
        "Formation assurée", "Recruter", "Recrutement sans CV", "Semaine de l'emploi saisonnier"]
    summary = BeautifulSoup(rss.entries[0].summary, "html.parser").get_text()
    assert "Avantages : CDI, Contrat saisonnier, Formation assurée" in summary
    assert "Places : 40 sur place, 12 restantes" in summary and "Offres d'emploi : 35 https://offres" in summary
    assert "Déroulement : 09:30 Accueil et café ; 10:00–12:00 Entretiens avec les restaurateurs" in summary
    calendar = IcsCalendarStream.calendar_from_ics((folder / "agenda.ics").read_text(encoding="utf-8"))
    assert sorted(e.summary for e in calendar.events) == ["Forum de l'alternance", "Job dating restauration"]
    forum = next(e for e in calendar.events if e.summary == "Forum de l'alternance")
    assert forum.categories == ["Forum / salon de l'emploi", "Jeunes (moins de 26 ans)", "Contrat en alternance",
                                "Découvrir une formation", "Semaine de l’emploi saisonnier"]  # as its file writes it
    home = site.page("")
    assert home.select_one('#operations ~ ul a[href="/evenements/campagne/semaine-de-l-emploi-saisonnier/"]')
    index = site.page("evenements/campagne")  # the address without a campaign lists them all
    assert index.h1.get_text() == "Opérations en cours"
    assert [a.get_text(" ", strip=True) for a in index.select("main .fr-tag")] == [
        "Semaine de l'emploi saisonnier 2 à venir"]
    assert site.page("evenements/public").select_one('main a[href="/evenements/public/jeunes/"]')


def test_listing_pages_offer_audience_benefit_and_objective_filters(site):
    all_events = site.page("evenements")
    links = {a.get_text(" ", strip=True): a["href"] for a in all_events.select("#filtrer ~ ul a")}
    assert links["Jeunes (moins de 26 ans) 2 à venir"] == "/evenements/public/jeunes/"
    assert links["Contrat en alternance 1 à venir"] == "/evenements/avantage/alternance/"
    assert links["Recruter 1 à venir"] == "/evenements/objectif/recruter/"
    occitanie = site.page("evenements/occitanie")
    links = {a.get_text(" ", strip=True): a["href"] for a in occitanie.select("#filtrer ~ ul a")}
    assert links["CDI 1 à venir"] == "/recherche/?region=76&avantage=cdi"
    youth = site.page("evenements/public/jeunes")
    assert sorted(a.get_text() for a in youth.select(".cards .card-title a")) == ["Forum de l'alternance",
                                                                                 "Job dating restauration"]


def test_description_is_sanitised(site):
    page = site.page("evenement/job-dating-toulouse")
    prose = page.select_one(".prose")
    assert prose.strong.get_text() == "établissements"
    scripts = page.find_all("script")  # the site's own modules and the JSON-LD data block, nothing from content
    assert {s.get("src") for s in scripts if s.get("src")} == {"/theme/dsfr/core.module.min.js",
                                                               "/theme/dsfr/scheme.module.min.js",
                                                               "/theme/js/favourites.js", "/theme/js/share.js",
                                                               "/theme/js/distance.js"}
    assert [s["type"] for s in scripts if not s.get("src")] == ["application/ld+json"]
    assert "alert" not in " ".join(s.get_text() for s in scripts)
    hrefs = [a.get("href") for a in prose.find_all("a")]
    assert "https://agence.example.org" in hrefs
    assert not any(href and href.startswith("javascript") for href in hrefs)


def test_online_and_hybrid_events(site):
    online = site.page("evenement/salon-en-ligne")
    facts = online.select_one(".facts").get_text(" ", strip=True)
    assert "À distance, en ligne" in facts
    assert online.select_one('a[href="https://salons.example.org/commerce"]')
    hybrid = site.page("evenement/atelier-lyon-hybride")
    assert "Également à distance" in hybrid.select_one(".facts").get_text()
    assert hybrid.select_one(".register a.button")["href"] == "mailto:atelier@agence.example.org"
    crumbs = [a.get_text() for a in online.select(".breadcrumb a")]
    assert crumbs == ["Accueil", "Tous les événements", "À distance"]


def test_services_catalogue(site):
    catalogue = site.page("services")
    assert [h.get_text(strip=True) for h in catalogue.select("h2")] == ["Préparer sa candidature", "Trouver un emploi"]
    category = site.card_titles("services/trouver-un-emploi")
    assert category == ["La Bonne Boîte"]
    service = site.page("service/la-bonne-boite")
    facts = site.facts(service)
    assert facts["Accès"] == "Site web, Application mobile"
    assert facts["Prix"] == "Gratuit"
    assert "Payant" in site.page("service/cv-en-ligne").select_one(".facts").get_text()


def test_static_pages_and_french_language(site):
    page = site.page("a-propos")
    assert page.html["lang"] == "fr"
    assert page.h1.get_text() == "À propos"
    assert page.select_one("a.skip")["href"] == "#contenu"


def test_invalid_files_are_reported_and_skipped(tmp_path, caplog):
    content = make_content(tmp_path / "content", invalid=True)
    with caplog.at_level(logging.WARNING):
        output = build_site(content, tmp_path / "output")
    messages = {record.getMessage() for record in caplog.records if record.levelno == logging.WARNING}
    drops = "content/events/depots"
    assert messages == {
        f"{drops}/bad-date.md:2: Start: le 31/02/2026 n'existe pas "
        "(attendu: une date comme 2026-12-03 09:30 ou 03/12/2026 9h30)",
        f"{drops}/unknown-commune.md:7: Commune: commune « 31000 Paris » introuvable au code postal 31000 "
        "(attendu: un code INSEE (31555) ou un code postal et un nom (31000 Toulouse))",
        f"{drops}/end-before-start.md:3: End: la fin est avant le début (attendu: une fin après le 2026-12-03 14:00)",
        f"{drops}/unknown-type.md:4: Type: valeur inconnue « foire aux questions » (attendu: job-dating (Job dating), "
        "forum (Forum, salon de l'emploi), information (Réunion d'information), workshop (Atelier), "
        "recruitment (Session de recrutement), company-visit (Visite d'entreprise), online-fair (Salon en ligne), "
        "other (Autre événement))",
        f"{drops}/missing-organizer.md:1: Organizer: champ obligatoire absent",
        f"{drops}/not-utf8.md:1: fichier: le fichier n'est pas encodé en UTF-8 (attendu: enregistrez-le en UTF-8)",
        f"{drops}/online-without-url.md:1: Url: champ obligatoire absent",
        f"{drops}/zz-duplicate-uid-b.md:1: Uid: identifiant « job-dating-toulouse-copy » déjà utilisé par "
        f"{drops}/zz-duplicate-uid-a.md (attendu: un identifiant et un nom de fichier uniques)",
    }
    built = Site(output)
    assert len(built.card_titles("evenements")) == 8  # the 7 valid fixture events and the first "Copie"
    assert built.exists("evenement/zz-duplicate-uid-a")
    assert not built.exists("evenement/zz-duplicate-uid-b")
    assert not built.exists("evenement/bad-date")


def test_partner_deployment_without_the_state_brand(tmp_path):
    content = make_content(tmp_path / "content")
    partner = Site(build_site(content, tmp_path / "output", DSFR={"brand": False}))
    home = partner.page("index.html")
    assert not home.select(".fr-logo") and not home.select('link[rel="icon"]')
    assert home.select_one(".fr-header__service-title").get_text() == "Agenda de l'emploi"


def test_state_brand_by_default(site):
    home = site.page("index.html")
    assert [logo.get_text(" ") for logo in home.select(".fr-logo")] == ["République Française"] * 2


def test_broad_listings_stop_at_their_limit_and_department_ones_list_everything(tmp_path):
    site = Site(build_site(make_content(tmp_path / "content"), tmp_path / "output", LISTING_MAX_EVENTS=1))
    everything = site.page("evenements")
    assert len(site.card_titles("evenements")) == 1
    note = " ".join(everything.select_one(".listing-cut").get_text().split())
    assert note.startswith("Cette liste s'arrête au premier événement. Les ")
    assert everything.select_one(".listing-cut a")["href"] == "/recherche/"
    assert len(site.card_titles("evenements/occitanie/haute-garonne")) == 2  # a department: all of its events
    assert site.page("evenements/occitanie/haute-garonne").select_one(".listing-cut") is None
