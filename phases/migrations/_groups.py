"""Shared by the data migrations that set up the staff groups (the loader skips _ modules)."""

from django.contrib.auth.management import create_permissions


def grant(apps, group_name, codenames):
    """Give a group (created if needed) these permissions of the phases app."""
    # Permissions are normally created after all migrations have run; make sure they exist now.
    app_config = apps.get_app_config("phases")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=group_name)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="phases", codename__in=codenames)
    )


def revoke(apps, group_name, codenames):
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="phases", codename__in=codenames
    )
    for group in apps.get_model("auth", "Group").objects.filter(name=group_name):
        group.permissions.remove(*permissions)
