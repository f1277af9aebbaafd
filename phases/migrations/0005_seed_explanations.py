"""Seed the checker's explanation texts and let content editors change them.

The seed is the built-in wording of phases/wording.py, the same text the checker falls back on
if a stored explanation is ever broken, so the two cannot drift apart.
"""

from django.db import migrations

from phases import classifier, wording
from phases.migrations._groups import grant, revoke

GROUP_NAME = "Content editors"
PERMISSIONS = ["change_explanation", "view_explanation"]


def kind_of(key):
    if key in classifier.PHASE_SLUGS:
        return "phase"
    if key in classifier.FINDING_CODES:
        return "finding"
    return "cant-tell"


def forwards(apps, schema_editor):
    Explanation = apps.get_model("phases", "Explanation")
    for key, text in wording.BUILT_IN.items():
        Explanation.objects.update_or_create(key=key, defaults={"kind": kind_of(key), "text": text})

    grant(apps, GROUP_NAME, PERMISSIONS)


def backwards(apps, schema_editor):
    apps.get_model("phases", "Explanation").objects.filter(key__in=wording.BUILT_IN).delete()
    revoke(apps, GROUP_NAME, PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("phases", "0004_explanation")]

    operations = [migrations.RunPython(forwards, backwards)]
