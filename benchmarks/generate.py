"""A deterministic synthetic catalogue in the agency format: events over every region, and services.

Communes are drawn by population from the official COG data, so big cities get many events and every
department some. Every type and mode appears; 10 % of events are past, 3 % cancelled; descriptions
are 60 to 250 words, one in five with HTML-rich Markdown (lists, links, emphasis). Benefits,
objectives, a campaign (one in ten), a programme (job datings and forums) and prerequisites (one in
four) are drawn too. The same texts are also written as plain Pelican articles for the bare-Pelican
baseline. The labelled events of ``relevance.toml`` are added to every catalogue, each with distractors that
share its words: other events in its town, events in towns whose names begin like its town's, its twins (the same
event in other towns) and its rivals (other subjects with words of its own).
"""

from __future__ import annotations

import json
import random
import tomllib
from bisect import bisect
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import accumulate
from pathlib import Path

from catalogue.dates import PARIS
from catalogue.geography import DEFAULT_DATA_DIR
from catalogue.search.places import place_key

TYPES = {
    "job-dating": "Job dating", "forum": "Forum de l'emploi", "information": "Réunion d'information",
    "workshop": "Atelier", "recruitment": "Session de recrutement", "company-visit": "Visite d'entreprise",
    "online-fair": "Salon en ligne", "other": "Permanence emploi",
}
SECTORS = ["hôtellerie-restauration", "logistique", "commerce", "santé", "aide à la personne", "BTP", "industrie",
           "numérique", "transport", "agriculture", "propreté", "sécurité", "banque et assurance", "tourisme",
           "petite enfance", "énergie", "fonction publique", "agroalimentaire"]
TOPICS = ["rédiger son CV", "préparer un entretien", "les aides à la mobilité", "créer son entreprise",
          "l'alternance", "la validation des acquis", "les métiers qui recrutent", "se reconvertir"]
ORGANIZERS = ["France Travail {city}", "Mission locale de {city}", "Cap emploi {dept}", "Département {dept}",
              "APEC {region}", "Maison de l'emploi de {city}"]
AUDIENCES = ["Tous publics", "Jeunes de moins de 26 ans", "Travailleurs handicapés", "Cadres", "Seniors"]
BENEFITS = ["CDI", "CDD", "Intérim", "Contrat en alternance", "Contrat saisonnier", "Formation assurée",
            "Rencontre recruteur", "Candidater sans se déplacer"]
OBJECTIVES = {"job-dating": "Recruter", "forum": "Recruter, S'informer", "information": "S'informer",
              "workshop": "Se préparer", "recruitment": "Recruter", "company-visit": "Découvrir un secteur ou un métier",
              "online-fair": "Recruter", "other": "S'informer"}
CAMPAIGNS = ["1 jeune 1 solution", "Semaine de l'industrie", "Semaine européenne pour l'emploi des personnes handicapées"]
RELEVANCE = Path(__file__).with_name("relevance.toml")
WORDS = ("entreprise recrutement poste contrat emploi équipe formation compétences expérience candidats "
         "conseiller métier secteur accompagnement agence offre entretien salaire horaires débutants "
         "accueil présentation échanges rencontre employeurs territoire projet parcours").split()


@dataclass(frozen=True)
class Place:
    code: str
    name: str
    postcode: str
    department: str
    region: str


def places(data_dir: Path = DEFAULT_DATA_DIR) -> tuple[list[Place], list[int]]:
    """Current communes and their population, for a draw weighted like the French population."""
    departments = {d["code"]: d["nom"] for d in json.loads((data_dir / "departements.json").read_text("utf-8"))}
    regions = {r["code"]: r["nom"] for r in json.loads((data_dir / "regions.json").read_text("utf-8"))}
    chosen, weights = [], []
    for row in json.loads((data_dir / "communes.json").read_text("utf-8")):
        if row.get("type") == "commune-actuelle" and row.get("population") and row.get("codesPostaux"):
            chosen.append(Place(row["code"], row["nom"], row["codesPostaux"][0], departments[row["departement"]],
                                regions[row["region"]]))
            weights.append(row["population"])
    return chosen, list(accumulate(weights))


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def description(rng: random.Random, rich: bool) -> str:
    paragraphs = [" ".join(sentence(rng, rng.randint(8, 16)) for _ in range(rng.randint(2, 5)))
                  for _ in range(rng.randint(2, 4))]
    if rich:
        paragraphs.insert(1, "\n".join(f"- **{rng.choice(WORDS)}** : {sentence(rng, 6)}" for _ in range(4)))
        link = f"https://www.example.org/{rng.randint(1, 999)}"
        paragraphs.append(f"Plus d'informations sur [le site de l'organisateur]({link}).")
    return "\n\n".join(paragraphs)


def draw(rng: random.Random, place_list: list[Place], cumulative: list[int]) -> Place:
    """A commune, drawn by population."""
    return place_list[bisect(cumulative, rng.random() * cumulative[-1])]


def event_text(number: int, rng: random.Random, place: Place, now: datetime) -> str:
    kind = rng.choice(list(TYPES))
    mode = "online" if kind == "online-fair" else rng.choices(["onsite", "online", "hybrid"], [80, 12, 8])[0]
    sector = rng.choice(SECTORS)
    topic = rng.choice(TOPICS)
    title = f"{TYPES[kind]} {topic if kind in ('workshop', 'information') else sector} à {place.name}"
    offset = -rng.randint(1, 120) if rng.random() < 0.10 else rng.randint(0, 180)
    start = (now + timedelta(days=offset)).replace(hour=rng.choice([9, 10, 14]), minute=rng.choice([0, 30]))
    organizer = rng.choice(ORGANIZERS).format(city=place.name, dept=place.department, region=place.region)
    lines = [f"Title: {title}", f"Start: {start:%Y-%m-%d %H:%M}", f"End: {start + timedelta(hours=rng.choice([2, 3, 4])):%H:%M}",
             f"Type: {kind}", f"Mode: {mode}", f"Organizer: {organizer}"]
    if mode != "online":
        lines += [f"Commune: {place.code}", f"Venue: Agence de {place.name}",
                  f"Address: {rng.randint(1, 99)} rue de la République"]
    if mode != "onsite":
        lines.append(f"Url: https://visio.example.org/evenement-{number}")
    lines += [f"Audience: {rng.choice(AUDIENCES)}", f"Sectors: {sector}",
              f"Benefits: {', '.join(rng.sample(BENEFITS, 2))}", f"Objectives: {OBJECTIVES[kind]}",
              f"Registration: https://www.example.org/inscription/{number}",
              f"Places_onsite: {rng.choice([12, 20, 40, 80])}", f"Summary: {sentence(rng, 12)}"]
    if rng.random() < 0.10:
        lines.append(f"Campaign: {rng.choice(CAMPAIGNS)}")
    if kind in ("job-dating", "forum"):
        lines.append(f"Program: {start:%Hh%M} Accueil ; {start + timedelta(minutes=30):%Hh%M} Rencontres ; "
                     f"{start + timedelta(hours=2):%Hh%M} Bilan")
    if rng.random() < 0.25:
        lines.append("Prerequisites: Permis : B ; Contraintes : horaires décalés")
    if rng.random() < 0.03:
        lines.append("Status: cancelled")
    return "\n".join(lines) + "\n\n" + description(rng, rich=rng.random() < 0.2) + "\n"


def needle_text(needle: dict, uid: str, now: datetime, place: Place | None, title: str = "", summary: str = "",
                body: str = "") -> str:
    """A labelled event (or one of its twins and rivals) as an agency file: online without a place."""
    start = (now + timedelta(days=needle["day"])).replace(hour=10, minute=0)
    where = f"Commune: {place.code}" if place else "Url: https://visio.example.org/salon"
    return (f"Title: {title or needle['title']}\nStart: {start:%Y-%m-%d %H:%M}\nEnd: 12:00\n"
            f"Type: {needle['type']}\nMode: {'onsite' if place else 'online'}\nOrganizer: France Travail\n{where}\n"
            f"Uid: {uid}\nSummary: {summary or needle['summary']}\n\n{body or needle['body']}\n")


def alike(place: Place, place_list: list[Place], keys: list[str]) -> list[Place]:
    """Communes whose name (``keys``: each commune's ``place_key``) begins like ``place``'s (Saint-Nazaire:
    Saint-Nazaire-d'Aude…)."""
    key = place_key(place.name)
    return [other for other, name in zip(place_list, keys, strict=True) if name.startswith(key) and other.code != place.code]


def needles(now: datetime, rng: random.Random, place_list: list[Place], cumulative: list[int]) -> dict[str, str]:
    """The labelled events of relevance.toml and their distractors, as agency files by name."""
    keys = [place_key(p.name) for p in place_list]
    by_commune = {(p.postcode[:2], key): p for p, key in zip(place_list, keys, strict=True)}  # "38000 Grenoble"
    files, number = {}, 900_000
    for needle in tomllib.loads(RELEVANCE.read_text(encoding="utf-8"))["needle"]:
        uid = needle["uid"]
        place = None
        if "commune" in needle:
            postcode, name = needle["commune"].split(" ", 1)
            place = by_commune[(postcode[:2], place_key(name))]
        files[uid] = needle_text(needle, uid, now, place)
        near = alike(place, place_list, keys)[:2] if place else []
        elsewhere = [town for town in near if town.department != place.department][:1] if needle.get("twins") else []
        while len(elsewhere) < needle.get("twins", 0):
            other = draw(rng, place_list, cumulative)
            if other.department != place.department and other not in elsewhere:
                elsewhere.append(other)
        for k, other in enumerate(elsewhere):
            files[f"{uid}-jumeau-{k}"] = needle_text(needle, f"{uid}-jumeau-{k}", now, other)
        for k, title in enumerate(needle.get("rivals", [])):
            files[f"{uid}-rival-{k}"] = needle_text(needle, f"{uid}-rival-{k}", now, draw(rng, place_list, cumulative),
                                                    title, sentence(rng, 12), description(rng, rich=False))
        for k, other in enumerate(([place] * 3 if place else []) + near):  # its town's other events, towns alike
            files[f"{uid}-voisin-{k}"] = event_text(number, rng, other, now)
            number += 1
    return files


def service_text(number: int, rng: random.Random) -> str:
    category = rng.choice(["Choisir un métier", "Se former", "Préparer sa candidature", "Trouver un emploi",
                           "Créer son entreprise", "Bouger pour l'emploi"])
    return (f"Title: Service {number} {rng.choice(WORDS)}\nProvider: {rng.choice(['France Travail', 'Onisep', 'APEC'])}\n"
            f"Category: {category}\nUrl: https://service-{number}.example.org\nChannels: web\nFree: oui\n"
            f"Summary: {sentence(rng, 12)}\n\n{description(rng, rich=False)}\n")


def generate(target: Path, events: int, services: int = 500, seed: int = 2026,
             now: datetime = datetime(2026, 12, 1, 8, 0, tzinfo=PARIS)) -> None:
    """``target/content`` (our site) and ``target/baseline`` (the same texts as plain Pelican articles)."""
    rng = random.Random(seed)
    place_list, cumulative = places()
    content, baseline = target / "content", target / "baseline"
    for folder in ("events", "services", "pages"):
        (content / folder).mkdir(parents=True, exist_ok=True)
    baseline.mkdir(parents=True, exist_ok=True)
    for page in ("a-propos", "accessibilite", "donnees-personnelles"):
        (content / "pages" / f"{page}.md").write_text(f"Title: {page}\nSlug: {page}\n\nTexte.\n", encoding="utf-8")
    for number in range(events):
        text = event_text(number, rng, draw(rng, place_list, cumulative), now)
        folder = content / "events" / f"lot-{number // 1000:03d}"
        folder.mkdir(exist_ok=True)
        (folder / f"evenement-{number:06d}.md").write_text(text, encoding="utf-8")
        header, body = text.split("\n\n", 1)
        title = header.split("\n", 1)[0].removeprefix("Title: ")
        start = header.split("\n", 2)[1].removeprefix("Start: ")
        (baseline / f"article-{number:06d}.md").write_text(f"Title: {title}\nDate: {start}\nSlug: article-{number:06d}\n\n{body}",
                                                         encoding="utf-8")
    (content / "events" / "needles").mkdir(exist_ok=True)
    for name, text in needles(now, rng, place_list, cumulative).items():
        (content / "events" / "needles" / f"{name}.md").write_text(text, encoding="utf-8")
    for number in range(services):
        (content / "services" / f"service-{number:04d}.md").write_text(service_text(number, rng), encoding="utf-8")

