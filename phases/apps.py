from django.apps import AppConfig
from django.db.models.signals import post_migrate


class PhasesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "phases"
    verbose_name = "Patient content"

    def ready(self):
        from corsheaders.signals import check_request_enabled

        from phases.partners import origin_is_a_partner

        check_request_enabled.connect(origin_is_a_partner, dispatch_uid="phases-partner-cors")
        post_migrate.connect(render_stored_html, sender=self, dispatch_uid="phases-render-html")


def render_stored_html(sender, **kwargs):
    """Data migrations write texts without the live model's save(), so after migrating, any
    text whose HTML has not been stored yet gets it (the pages never render Markdown)."""
    from phases.models import RenderedMarkdown

    for model in sender.get_models():
        if issubclass(model, RenderedMarkdown):
            for row in model.objects.all():
                stored = [getattr(row, f"{field}_html") for field in model.MARKDOWN_FIELDS]
                row.render_html()
                rendered = {
                    f"{field}_html": getattr(row, f"{field}_html")
                    for field in model.MARKDOWN_FIELDS
                }
                if list(rendered.values()) != stored:
                    model.objects.filter(pk=row.pk).update(**rendered)
