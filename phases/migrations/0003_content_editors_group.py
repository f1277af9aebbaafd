from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_NAME = "Content editors"
PERMISSIONS = [
    "change_phase",
    "view_phase",
    "change_disclaimer",
    "view_disclaimer",
    "add_glossaryterm",
    "change_glossaryterm",
    "delete_glossaryterm",
    "view_glossaryterm",
]


def forwards(apps, schema_editor):
    # Permissions are normally created after all migrations have run; make sure they exist now.
    app_config = apps.get_app_config("phases")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    group.permissions.set(
        Permission.objects.filter(content_type__app_label="phases", codename__in=PERMISSIONS)
    )


def backwards(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("phases", "0002_seed_content"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
