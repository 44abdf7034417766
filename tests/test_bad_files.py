"""Bad and strange agency files: each gets its own message, none stops the build, odd text shows as typed."""

from __future__ import annotations

import logging

from tests.conftest import Site, build_site, make_content

HEADER = "Start: 2026-12-03 09:00\nEnd: 12:00\nType: forum\nMode: onsite\nOrganizer: Agence\nCommune: 31555\n"


def test_bad_files_are_reported_and_the_rest_is_built(tmp_path, caplog):
    content = make_content(tmp_path / "content")
    drops = content / "events" / "depots"
    drops.mkdir()
    (drops / "enorme.md").write_text(f"Title: Énorme\n{HEADER}\n" + "Une description. " * 1_300_000, encoding="utf-8")
    (drops / "etiquettes.md").write_text(f"Title: Étiquettes\n{HEADER}Sectors: " + ", ".join(f"s{i}" for i in range(10_000)),
                                         encoding="utf-8")
    (drops / "titre-long.md").write_text("Title: " + "T" * 5000 + "\n" + HEADER, encoding="utf-8")
    (drops / "fevrier.md").write_text(f"Title: Février\n{HEADER}".replace("2026-12-03", "31/02/2026"), encoding="utf-8")
    (drops / "evasion.md").write_text(f"Title: Évasion\n{HEADER}Uid: ../../../etc/passwd\n", encoding="utf-8")
    (drops / "binaire.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (drops / "emoji-rtl.md").write_text(f"Title: Job dating 🍳 cuisine — وظائف في المطبخ\n{HEADER}"
                                        "Summary: Recrutement 👩‍🍳 العربية\n\nمرحبا بكم 🎉 Bienvenue.\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        site = Site(build_site(content, tmp_path / "output"))
    messages = sorted(record.getMessage() for record in caplog.records if record.levelno == logging.WARNING)
    prefix = "content/events/depots"
    assert messages == [
        f"{prefix}/binaire.md:1: fichier: fichier binaire, pas un texte (attendu: un fichier texte Markdown (.md))",
        f"{prefix}/enorme.md:1: fichier: fichier trop volumineux (21582 Ko) (attendu: au plus 512 Ko)",
        f"{prefix}/etiquettes.md:8: Sectors: trop de valeurs (10000) (attendu: au plus 20, séparées par des virgules)",
        f"{prefix}/evasion.md:8: Uid: identifiant invalide « ../../../etc/passwd » (attendu: lettres, chiffres et "
        ". _ - : / @, 200 signes au plus)",
        f"{prefix}/fevrier.md:2: Start: le 31/02/2026 n'existe pas (attendu: une date comme 2026-12-03 09:30 ou "
        "03/12/2026 9h30)",
        f"{prefix}/titre-long.md:1: Title: texte trop long (5000 caractères) (attendu: au plus 200 caractères)",
    ]
    assert len(site.card_titles("evenements")) == 8  # the seven fixture events and the emoji one
    page = site.page("evenement/emoji-rtl")
    assert page.h1.get_text() == "Job dating 🍳 cuisine — وظائف في المطبخ"
    assert page.h1["dir"] == "auto" and page.select_one(".prose")["dir"] == "auto"
    assert page.select_one(".prose").get_text(strip=True) == "مرحبا بكم 🎉 Bienvenue."
    assert "Recrutement 👩‍🍳 العربية" in page.select_one(".lead").get_text()


def test_pages_cannot_choose_where_they_are_written(tmp_path):
    content = make_content(tmp_path / "content")
    (content / "pages" / "piege.md").write_text("Title: Piège\nSlug: ../../hors-du-site\nSave_as: ../../x.html\n\nTexte.",
                                                encoding="utf-8")
    output = build_site(content, tmp_path / "site" / "output")
    assert (output / "hors-du-site" / "index.html").exists()
    assert not (tmp_path / "x.html").exists() and not (tmp_path / "hors-du-site").exists()


def test_the_publishing_report_lists_every_refused_file_with_its_fix(tmp_path):
    import json

    output = build_site(make_content(tmp_path / "content", invalid=True), tmp_path / "output")
    page = Site(output).page("admin/rapport")
    assert page.select_one('meta[name="robots"]')["content"] == "noindex"
    assert page.select_one(".lead").get_text(" ", strip=True).startswith("8 fichiers refusés")
    rows = {row.select("td")[0].get_text(): [cell.get_text() for cell in row.select("td")]
            for row in page.select("tbody tr") if row.select("td")[3].get_text() == "Refusé"}
    assert set(rows) == {"not-utf8.md", "bad-date.md", "missing-organizer.md", "end-before-start.md",
                         "unknown-commune.md", "online-without-url.md", "unknown-type.md", "zz-duplicate-uid-b.md"}
    assert rows["bad-date.md"][1:] == ["2", "Start", "Refusé", "le 31/02/2026 n'existe pas",
                                       "une date comme 2026-12-03 09:30 ou 03/12/2026 9h30"]
    report = json.loads((output / "admin/rapport/rapport.json").read_text(encoding="utf-8"))
    depots = next(folder for folder in report["dossiers"] if folder["dossier"] == "content/events/depots")
    assert depots["fichiers_refuses"] == 8 == len({p["fichier"] for p in depots["problemes"] if p["niveau"] == "refusé"})
    assert "Disallow: /admin/rapport/" in (output / "robots.txt").read_text(encoding="utf-8")
    assert "admin/rapport" not in (output / "sitemap.xml").read_text(encoding="utf-8")


def test_a_refused_edit_keeps_the_published_version_online_and_says_so(tmp_path):
    content = make_content(tmp_path / "content")
    event = content / "events" / "depot.md"
    event.write_text(f"Title: Forum des métiers\n{HEADER}", encoding="utf-8")
    first = Site(build_site(content, tmp_path / "output"))
    assert first.page("evenement/depot").h1.get_text() == "Forum des métiers"
    event.write_text(f"Title: Forum des métiers du bâtiment\n{HEADER}".replace("31555", "31000 Paris"), encoding="utf-8")
    second = Site(build_site(content, tmp_path / "output-2"))  # same revisions state beside the outputs
    assert second.page("evenement/depot").h1.get_text() == "Forum des métiers"  # still online, as it was
    rows = [[cell.get_text() for cell in row.select("td")] for row in second.page("admin/rapport").select("tbody tr")]
    assert ["depot.md", "7", "Commune", "Refusé"] in [row[:4] for row in rows]  # the refusal is still reported
    assert any(row[0] == "depot.md" and "la version déjà publiée reste en ligne" in row[4] for row in rows)
    event.write_text(f"Title: Forum des métiers du bâtiment\n{HEADER}", encoding="utf-8")
    third = Site(build_site(content, tmp_path / "output-3"))
    assert third.page("evenement/depot").h1.get_text() == "Forum des métiers du bâtiment"  # fixed: the new one


def test_an_agency_spreadsheet_dropped_in_its_folder_is_imported_by_the_build_and_reported(tmp_path):
    """The template from the guide's page, filled in Excel's way and dropped in the agency folder: the good
    row is published, the bad one is listed in the report with its line, and nothing is rewritten for nothing."""
    import io
    import json

    from openpyxl import load_workbook

    from catalogue.files import IMPORT_REPORT
    from catalogue.vocabulary import EVENT_TYPES, MODES, STATUSES

    content = make_content(tmp_path / "content")
    first = build_site(content, tmp_path / "output")
    template = load_workbook(io.BytesIO((first / "publier-un-evenement/modele-evenements.xlsx").read_bytes()))
    sheet = template["Événements"]
    header = [cell.value for cell in sheet[1]]
    assert header[:5] == ["Titre", "Type", "Modalité", "Date", "Début"] and len(header) == 28
    lists = {column[0].value: [cell.value for cell in column[1:] if cell.value] for column in template["Listes"].columns}
    assert lists["Type"] == [term.label for term in EVENT_TYPES] and lists["Statut"] == [term.label for term in STATUSES]
    chosen = {str(v.sqref).split(":")[0]: v.formula1 for v in sheet.data_validations.dataValidation}
    assert chosen == {"B2": f"=Listes!$A$2:$A${len(EVENT_TYPES.terms) + 1}", "C2": f"=Listes!$B$2:$B${len(MODES.terms) + 1}",
                      "Y2": f"=Listes!$C$2:$C${len(STATUSES.terms) + 1}"}  # Type, Modalité, Statut: drop-down lists
    rows = [{"Titre": "Atelier CV et lettre de motivation", "Type": "Atelier", "Modalité": "Sur place",
             "Date": "03/12/2026", "Début": "9h30", "Fin": "11h30", "Organisateur": "Cap emploi 31",
             "Commune": "31000 Toulouse", "Public": "Tous publics", "Programme": None},
            {"Titre": "Forum sans date", "Type": "Forum", "Modalité": "Sur place", "Organisateur": "Cap emploi 31",
             "Commune": "31000 Toulouse"}]
    for row in rows:
        sheet.append([row.get(name) for name in header])
    agency = content / "events" / "cap-emploi-31"
    agency.mkdir()
    template.save(agency / "Agenda décembre.xlsx")
    (agency / "~$Agenda décembre.xlsx").write_bytes(b"\x00lock")  # Excel's lock file while it is open: ignored
    output = build_site(content, tmp_path / "output-2")
    site = Site(output)
    imported = content / "events" / "imports" / "cap-emploi-31-agenda-decembre"
    assert [path.name for path in sorted(imported.glob("*.md"))] == ["cap-emploi-31-agenda-decembre-ligne-2.md"]
    assert site.page("evenement/cap-emploi-31-agenda-decembre-ligne-2").h1.get_text() == rows[0]["Titre"]
    report = site.page("admin/rapport")
    assert report.select_one(".lead").get_text(" ", strip=True).startswith("0 fichier refusé et 1 élément importé refusé")
    section = next(h2.parent for h2 in report.select("h2") if "cap-emploi-31-agenda-decembre" in h2.get_text())
    assert "1 créé, 0 mis à jour, 0 inchangé, 0 annulé, 1 élément refusé" in section.get_text(" ", strip=True)
    refused = [[cell.get_text().replace("\xa0", " ") for cell in row.select("td")] for row in section.select("tbody tr")
               if row.select("td")[1].get_text() == "Refusé"]
    assert ["cap-emploi-31-agenda-decembre (feuille « Événements », ligne 3)", "Refusé",
            "Date / Début: champ obligatoire absent"] in refused and len(refused) == 2  # the date, hence the end
    data = json.loads((output / "admin/rapport/rapport.json").read_text(encoding="utf-8"))
    assert [run["source"] for run in data["imports"]] == ["cap-emploi-31-agenda-decembre"]
    build_site(content, tmp_path / "output-3")  # the event is now unchanged: the report says so
    stamp = (imported / IMPORT_REPORT).stat().st_mtime_ns
    build_site(content, tmp_path / "output-4")
    assert (imported / IMPORT_REPORT).stat().st_mtime_ns == stamp  # the same run again: not rewritten
    (agency / "Agenda décembre.xlsx").unlink()  # taken away: its upcoming event is cancelled, not left as it was
    gone = Site(build_site(content, tmp_path / "output-5"))
    assert gone.page("evenement/cap-emploi-31-agenda-decembre-ligne-2").select_one(".badge-cancelled")
    section = next(h2.parent for h2 in gone.page("admin/rapport").select("h2") if "agenda-decembre" in h2.get_text())
    assert "1 annulé" in section.get_text(" ", strip=True)
