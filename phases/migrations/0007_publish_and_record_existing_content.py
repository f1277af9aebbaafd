"""Existing content counts as published, and its history starts with what is there now, so an
editor can always go back to it."""

from django.db import migrations
from django.utils import timezone

MODELS = ["Phase", "Disclaimer", "GlossaryTerm", "Explanation"]
REASON = "Content as it was when history started"


def forwards(apps, schema_editor):
    apps.get_model("phases", "GlossaryTerm").objects.update(is_published=True)
    now = timezone.now()
    for name in MODELS:
        model = apps.get_model("phases", name)
        historical = apps.get_model("phases", f"Historical{name}")
        historical.objects.bulk_create(
            historical(
                **{field.attname: getattr(row, field.attname) for field in model._meta.fields},
                history_date=now,
                history_type="+",
                history_change_reason=REASON,
            )
            for row in model.objects.all()
        )


def backwards(apps, schema_editor):
    for name in MODELS:
        apps.get_model("phases", f"Historical{name}").objects.filter(
            history_change_reason=REASON
        ).delete()


class Migration(migrations.Migration):
    dependencies = [("phases", "0006_editorial_workflow")]

    operations = [migrations.RunPython(forwards, backwards)]
