from django.apps import AppConfig
from django.db import connections
from django.db.models.signals import post_delete, post_migrate, post_save


class PhasesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "phases"
    verbose_name = "Patient content"

    def ready(self):
        from phases.embed import cors  # noqa: F401  (answers django-cors-headers' signal)
        from phases.models import (
            Disclaimer,
            Explanation,
            GlossaryTerm,
            Partner,
            Phase,
            SharedSection,
        )
        from phases.site import page_cache
        from phases.staff_auth import signals as staff_sign_in

        staff_sign_in.connect()

        post_migrate.connect(render_stored_html, sender=self, dispatch_uid="phases-render-html")
        # Data migrations and render_stored_html write without save(): no signal; so after
        # migrating, every stored page is retired.
        post_migrate.connect(page_cache.bump, sender=self, dispatch_uid="phases-page-cache")
        # Whatever a public page or API answer shows: published content, and partners (their
        # colours, back link and origins). Draft saves bump too, which costs only a render.
        for model in (Phase, Disclaimer, SharedSection, GlossaryTerm, Explanation, Partner):
            for signal in (post_save, post_delete):
                signal.connect(page_cache.content_changed, sender=model, dispatch_uid="page-cache")


def render_stored_html(sender, using="default", **kwargs):
    """Data migrations write texts without the live model's save(), so after migrating, any
    text whose HTML has not been stored yet gets it (the pages never render Markdown). A
    table the migrations took away, or left without the live model's columns (`migrate
    phases zero`, or back to an older migration), has nothing to render."""
    from phases.models import RenderedMarkdown

    connection = connections[using]
    tables = set(connection.introspection.table_names())
    for model in sender.get_models():
        if issubclass(model, RenderedMarkdown) and has_live_columns(model, connection, tables):
            for row in model.objects.using(using).all():
                stored = [getattr(row, f"{field}_html") for field in model.MARKDOWN_FIELDS]
                row.render_html()
                rendered = {
                    f"{field}_html": getattr(row, f"{field}_html")
                    for field in model.MARKDOWN_FIELDS
                }
                if list(rendered.values()) != stored:
                    model.objects.using(using).filter(pk=row.pk).update(**rendered)


def has_live_columns(model, connection, tables):
    """Whether `model`'s table is among `tables` with every column the live model has."""
    table = model._meta.db_table
    if table not in tables:
        return False
    with connection.cursor() as cursor:
        columns = {
            column.name for column in connection.introspection.get_table_description(cursor, table)
        }
    return {field.column for field in model._meta.concrete_fields} <= columns
