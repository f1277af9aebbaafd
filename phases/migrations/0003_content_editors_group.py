from django.db import migrations

from phases.migrations._groups import grant

GROUP_NAME = "Content editors"
PERMISSIONS = [
    "change_phase",
    "view_phase",
    "change_disclaimer",
    "view_disclaimer",
    "add_glossaryterm",
    "change_glossaryterm",
    "view_glossaryterm",
]


def forwards(apps, schema_editor):
    grant(apps, GROUP_NAME, PERMISSIONS)


def backwards(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("phases", "0002_seed_content"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
