"""A guard, not the old migration: 0001_squashed_0022_schema_and_content replaces 0001_initial ...
0022_checker_wording_v3, whose files are gone. Django runs this file only for a database that
stopped part-way through them (it has some of 0001-0022 but not 0022 itself), and it stops
with a message saying what to do, instead of Django finding no migrations to apply there.

A new database, or one with all of 0001-0022, never runs it: Django uses the squashed migration.
"""

from django.db import migrations

PART_WAY = (
    "This database stopped part-way through the phases migrations 0001-0022, which one squashed "
    "migration has replaced. First migrate it with a release that still has them (up to commit "
    "d6b1668, where phases/migrations/ holds 0001_initial ... 0022_checker_wording_v3), then "
    "migrate again with this one. See docs/seed-content.md."
)


def refuse(apps, schema_editor):
    raise RuntimeError(PART_WAY)


class Migration(migrations.Migration):
    operations = [migrations.RunPython(refuse, migrations.RunPython.noop)]
