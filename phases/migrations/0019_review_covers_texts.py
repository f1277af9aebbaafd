"""A clinical review records the texts it covered (their fingerprint), so a page whose words
change afterwards no longer claims it. Pages reviewed before this migration are taken to have
been reviewed in the words they show now (the claim they already made)."""

import hashlib
import json

from django.db import migrations, models

# The texts a review covers, in this order (Phase.DRAFT_FIELDS when this migration was written).
REVIEWED_FIELDS = ("name", "summary", "body", "questions", "references")


def fingerprint(texts):
    # A copy of the models' text fingerprint as it was written: migrations import no live code.
    tidied = []
    for text in texts:
        text = (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()
        tidied.append("\n".join(line.rstrip() for line in text.split("\n")))
    return hashlib.sha256(json.dumps(tidied).encode()).hexdigest()


def reviews_cover_the_words_shown(apps, schema_editor):
    Phase = apps.get_model("phases", "Phase")
    for phase in Phase.objects.filter(last_reviewed__isnull=False, reviewed_fingerprint=""):
        phase.reviewed_fingerprint = fingerprint(getattr(phase, f) for f in REVIEWED_FIELDS)
        phase.save(update_fields=["reviewed_fingerprint"])


FIELD = models.CharField(
    blank=True,
    editable=False,
    help_text="A fingerprint of the texts the last clinical review covered.",
    max_length=64,
)


class Migration(migrations.Migration):
    dependencies = [
        ("phases", "0018_content_v3"),
    ]

    operations = [
        migrations.AddField(model_name="historicalphase", name="reviewed_fingerprint", field=FIELD),
        migrations.AddField(model_name="phase", name="reviewed_fingerprint", field=FIELD),
        migrations.RunPython(reviews_cover_the_words_shown, migrations.RunPython.noop),
    ]
