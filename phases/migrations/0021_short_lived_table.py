"""The table of Django's database cache (settings.CACHES["default"]), where staff sign-in keeps
what it needs for a moment: a second-factor code already used, allauth's rate limits. It lives
beside the sessions and lockouts, so signing in never depends on the page cache's Redis.
Django makes such a table with `createcachetable`; here the migrations make it, so `migrate`
alone sets up a database, as everywhere else in the project."""

from django.conf import settings
from django.core.management import call_command
from django.db import migrations


def create_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


def drop_table(apps, schema_editor):
    for cache in settings.CACHES.values():
        if cache["BACKEND"].endswith("DatabaseCache"):
            table = schema_editor.quote_name(cache["LOCATION"])
            schema_editor.execute(f"DROP TABLE IF EXISTS {table}")


class Migration(migrations.Migration):
    dependencies = [("phases", "0020_staff_sign_in_log")]

    operations = [migrations.RunPython(create_table, drop_table)]
