"""The partners in the admin: their embed settings and the snippets to send them."""

from django.conf import settings
from django.contrib import admin
from django.urls import reverse
from django.utils import translation

from phases.embed.models import Partner


@admin.register(Partner)
class PartnerAdmin(admin.ModelAdmin):
    list_display = ["name", "key", "is_active", "origins_list", "accent_colour"]
    list_filter = ["is_active"]
    search_fields = ["name", "key", "allowed_origins"]
    prepopulated_fields = {"key": ["name"]}
    change_form_template = "admin/phases/partner_change_form.html"
    fields = [
        "name",
        "key",
        "is_active",
        "allowed_origins",
        "accent_colour",
        "back_link_url",
        "back_link_text",
    ]

    @admin.display(description="Allowed origins")
    def origins_list(self, partner):
        return ", ".join(partner.origins) or "none"

    def render_change_form(self, request, context, add=False, change=False, **kwargs):
        # The snippets, pasted as they are: the portal's real address, this partner's key.
        partner = context.get("original")
        if partner is not None and partner.pk:
            context["snippets"] = partner_snippets(request, partner)
        return super().render_change_form(request, context, add, change, **kwargs)


def partner_snippets(request, partner):
    """(language name, snippet) for the checker, in each language: a plain link (what a
    visitor without JavaScript gets) and the script that makes it a frame."""
    embed_js = request.build_absolute_uri(f"{settings.STATIC_URL}embed.js")
    snippets = []
    for code, name, link_text in (
        ("en", "English", "Check your lab results (ALL Phase Portal)"),
        ("es", "Spanish", "Revise sus resultados de laboratorio (Portal de las fases de la LLA)"),
    ):
        with translation.override(code):
            page = request.build_absolute_uri(reverse("embed:check", args=[partner.key]))
        lang = "" if code == "en" else f' data-lang="{code}"'
        snippets.append(
            (
                name,
                f'<a href="{page}">{link_text}</a>\n'
                f'<script src="{embed_js}" data-partner="{partner.key}" data-page="check"'
                f"{lang} async></script>",
            )
        )
    return snippets
