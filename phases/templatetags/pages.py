"""Links to the portal's pages that stay inside a partner's embed when the page is embedded.

On the portal, `{% page_url "detail" phase.slug %}` is /phases/<slug>/; on a partner's
embedded page (request.partner is set) it is /embed/<key>/phases/<slug>/. Both come from
reverse(), so an address changes in one place, urls.py, and a Spanish page's links stay in
Spanish (/es/...). Staff-written HTML goes through
`{% staff_html %}`, which leads its links to portal pages the same way.
"""

from django import template
from django.urls import reverse

from phases.text.staff_markdown import with_links_under

register = template.Library()


def page_url_for(request, name, *args):
    """The address of page `name` for this request: inside the partner's embed on one."""
    if partner := getattr(request, "partner", None):
        return reverse(f"embed:{name}", args=[partner.key, *args])
    return reverse(f"phases:{name}", args=args)


@register.simple_tag(takes_context=True)
def page_url(context, name, *args):
    return page_url_for(context.get("request"), name, *args)


@register.simple_tag(takes_context=True)
def staff_html(context, html):
    """Staff write links to the portal's pages as on the English site ("/glossary/#blasts");
    on a Spanish page they lead to the Spanish page, in an embed to the embed's page."""
    if html and (home := page_url_for(context.get("request"), "home")) != "/":
        return with_links_under(html, home)
    return html
