"""Editors save drafts; approvers also publish, mark pages reviewed and remove glossary terms
(deleting a term takes it off the public glossary at once, so it is an approver's step)."""

from django.db import migrations

from phases.migrations._groups import grant

EDITORS = "Content editors"
APPROVERS = "Content approvers"
EDITOR_PERMISSIONS = [
    "view_phase",
    "change_phase",
    "view_disclaimer",
    "change_disclaimer",
    "view_glossaryterm",
    "add_glossaryterm",
    "change_glossaryterm",
    "view_explanation",
    "change_explanation",
]
APPROVER_ONLY = [
    "publish_phase",
    "review_phase",
    "publish_disclaimer",
    "publish_glossaryterm",
    "delete_glossaryterm",
    "publish_explanation",
]


def forwards(apps, schema_editor):
    grant(apps, EDITORS, EDITOR_PERMISSIONS)
    grant(apps, APPROVERS, EDITOR_PERMISSIONS + APPROVER_ONLY)


def backwards(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=APPROVERS).delete()


class Migration(migrations.Migration):
    dependencies = [("phases", "0007_publish_and_record_existing_content")]

    operations = [migrations.RunPython(forwards, backwards)]
