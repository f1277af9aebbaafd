"""`{% medical_web_page %}` and `{% json_ld %}`: a page's schema.org data (a plain dict from
phases.syndication.schema_org), written as JSON in a <script type="application/ld+json">
element, which browsers read as data and never run (so the CSP, which allows no inline
script, does not apply to it). Escaped as Django's json_script escapes: no <, > or & in the
element, so no text can close it early."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from phases.syndication import changes, schema_org

register = template.Library()

# What json_script replaces (django.utils.html keeps its table private).
ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def json_ld(data: dict):
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


@register.simple_tag(takes_context=True)
def medical_web_page(context, name, rows, phase=None):
    """The data of a page named `name` showing `rows` (phases, or glossary terms; `phase`
    alone on a phase page): dated by the newest change among them (one query)."""
    rows = [phase] if phase is not None else list(rows)
    shown = changes.with_modified(rows, type(rows[0])) if rows else []
    modified = max((row.modified for row in shown), default=changes.EPOCH)
    language = phase.language if phase is not None else None
    return schema_org.medical_web_page(
        context["request"], name=name, modified=modified, phase=phase, language=language
    )
