"""The Spanish catalogue of interface words (locale/es/LC_MESSAGES/django.po) is complete: it
holds every string the code and templates mark for translation, each one translated."""

import shutil
import subprocess
import sys

from django.conf import settings

PROJECT = settings.BASE_DIR
CATALOGUE = PROJECT / "locale" / "es" / "LC_MESSAGES" / "django.po"
SOURCES = ("manage.py", "portal", "phases", "templates", "locale")


def entries(po_text):
    """(msgid, msgstrs, flags) of each entry but the header, read from a .po file."""
    found = []
    for block in po_text.strip().split("\n\n"):
        lines = [line for line in block.splitlines() if not line.startswith("#~")]
        flags = {f.strip() for line in lines if line.startswith("#,") for f in line[2:].split(",")}
        fields, current = {}, None
        for line in lines:
            if line.startswith("#"):
                continue
            if line.startswith('"'):
                fields[current] += line[1:-1]
            else:
                current, _, value = line.partition(" ")
                fields[current] = value[1:-1]
        msgid = fields.get("msgid")
        if msgid:  # the header has an empty msgid
            strs = [value for name, value in fields.items() if name.startswith("msgstr")]
            found.append((msgid, strs, flags))
    return found


def test_every_entry_of_the_spanish_catalogue_is_translated_and_none_is_fuzzy():
    catalogue = entries(CATALOGUE.read_text())

    assert len(catalogue) > 150
    assert [msgid for msgid, strs, _ in catalogue if not all(strs)] == []
    assert [msgid for msgid, _, flags in catalogue if "fuzzy" in flags] == []


def test_the_catalogue_holds_every_string_marked_for_translation(tmp_path):
    """What `make catalogue` would add: nothing. A string marked in the code but missing from
    the catalogue would show in English on Spanish pages."""
    for name in SOURCES:
        source = PROJECT / name
        copy = shutil.copytree if source.is_dir() else shutil.copy
        copy(source, tmp_path / name)
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_DEBUG": "1",
        "DJANGO_SETTINGS_MODULE": "portal.settings",
    }
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "--locale", "es", "--no-location"],
        cwd=tmp_path,
        env=env,
        check=True,
        capture_output=True,
    )

    made = {
        msgid for msgid, _, _ in entries((tmp_path / CATALOGUE.relative_to(PROJECT)).read_text())
    }
    kept = {msgid for msgid, _, _ in entries(CATALOGUE.read_text())}
    assert len(made) > 150  # the strings were found
    assert sorted(made - kept) == []
