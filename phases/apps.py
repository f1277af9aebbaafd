from django.apps import AppConfig


class PhasesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "phases"
    verbose_name = "Patient content"

    def ready(self):
        from corsheaders.signals import check_request_enabled

        from phases.partners import origin_is_a_partner

        check_request_enabled.connect(origin_is_a_partner, dispatch_uid="phases-partner-cors")
