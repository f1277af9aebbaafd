from django import forms
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe


class MarkdownTextarea(forms.Textarea):
    """A text box for staff Markdown, with a help panel and a live preview beside it."""

    template_name = "admin/phases/widgets/markdown_textarea.html"

    def __init__(self, *, preview_url: str, attrs=None):
        super().__init__(attrs)
        self.preview_url = preview_url

    class Media:
        js = ["admin-portal/markdown-preview.js"]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["preview_url"] = self.preview_url
        return context

    def render(self, name, value, attrs=None, renderer=None):
        # The project's templates (not the form renderer's): the widget's template lives there.
        return mark_safe(render_to_string(self.template_name, self.get_context(name, value, attrs)))
