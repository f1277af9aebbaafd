"""The portal's pages inside a hospital health library's site, in an iframe.

The same views and published content serve the embedded pages; this module only chooses the
partner and lets that partner's origins (and nobody else) frame the response. Links stay inside
the embed because the templates build them with `{% page_url %}` and `{% staff_html %}`
(phases/templatetags/pages.py), which reverse the embed's own addresses.
"""

from functools import wraps

from csp.constants import SELF
from csp.decorators import csp_replace
from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from phases.content.models import Phase
from phases.embed import colours
from phases.embed.models import Partner


def embedded(view):
    """Serve `view` for the partner named in the address, framed by that partner only."""

    @wraps(view)
    def embedded_view(request, partner_key, *args, **kwargs):
        partner = Partner.objects.active().filter(key=partner_key).first()
        if partner is None:
            return unknown_partner(request)
        request.partner = partner
        # The partner's origins are validated (phases.embed.origins) before they reach the header.
        framing = csp_replace({"frame-ancestors": [SELF, *partner.origins]})
        framed = framing(xframe_options_exempt(_page_or_not_found(view)))
        return framed(request, *args, **kwargs)

    return embedded_view


def _page_or_not_found(view):
    @wraps(view)
    def page(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except Http404:
            return render(request, "404.html", status=404)

    return page


@csp_replace({"frame-ancestors": ["*"]})
@xframe_options_exempt
def unknown_partner(request):
    """A clear page, not an error, wherever it is framed: it shows nothing but this message."""
    return render(request, "phases/embed_unavailable.html", status=404)


@require_safe
def theme(request, partner_key):
    """The partner's colours as CSS custom properties (a file: no inline styles under our CSP)."""
    partner = Partner.objects.active().filter(key=partner_key).first()
    accent = partner.accent_colour if partner else "#0b5f6f"
    red, green, blue = colours.rgb(accent)
    dark = colours.darker(accent)
    css = (
        ":root {\n"
        f"  --portal-accent: {accent};\n"
        f"  --portal-accent-dark: {dark};\n"
        f"  --bs-link-color: {accent};\n"
        f"  --bs-link-color-rgb: {red}, {green}, {blue};\n"
        f"  --bs-link-hover-color: {dark};\n"
        "}\n"
    )
    response = HttpResponse(css, content_type="text/css; charset=utf-8")
    # An unknown key gets the portal's colours but is never stored: nobody grows the cache by
    # asking for made-up keys (phases/site/page_cache.py stores nothing marked no-store).
    response["Cache-Control"] = "max-age=300" if partner else "no-store"
    return response


@require_safe
def help_page(request):
    """For webmasters: the snippet to copy for each page, each with a live preview."""
    pages = [("home", _("The five phases (home page)")), ("check", _("The lab-values checker"))]
    for phase in Phase.objects.in_language_list():
        pages.append((phase.slug, _("Phase: %(name)s") % {"name": phase.name}))
    pages += [("glossary", _("The glossary"))]
    # The snippet names the file without its content hash, so it keeps working after updates.
    embed_js = request.build_absolute_uri(f"{settings.STATIC_URL}embed.js")
    context = {"pages": pages, "embed_js": embed_js}
    return render(request, "phases/embed_help.html", context)
