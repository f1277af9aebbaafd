"""A demo partner for the live previews on /embed/help/; it may only be framed by the portal."""

from django.db import migrations


def forwards(apps, schema_editor):
    apps.get_model("phases", "Partner").objects.update_or_create(
        key="demo",
        defaults={
            "name": "Demo (the portal's own embedding help page)",
            "allowed_origins": "",
            "accent_colour": "#0b5f6f",
            "back_link_url": "",
            "back_link_text": "Back to the health library",
            "is_active": True,
        },
    )


def backwards(apps, schema_editor):
    apps.get_model("phases", "Partner").objects.filter(key="demo").delete()


class Migration(migrations.Migration):
    dependencies = [("phases", "0009_partner")]

    operations = [migrations.RunPython(forwards, backwards)]
