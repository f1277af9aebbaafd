"""The previews' addresses, under the admin's (/admin/phases/<model>/<id>/preview/), named by
model: reverse("previews:phase", args=[pk])."""

from django.urls import path

from phases.content import admin_ids  # noqa: F401  (registers the ascii_id converter)
from phases.site import previews

app_name = "previews"

urlpatterns = [
    path("phase/<ascii_id:object_id>/preview/", previews.phase, name="phase"),
    path(
        "sharedsection/<ascii_id:object_id>/preview/", previews.shared_section, name="sharedsection"
    ),
    path("disclaimer/<ascii_id:object_id>/preview/", previews.disclaimer, name="disclaimer"),
    path("glossaryterm/<ascii_id:object_id>/preview/", previews.glossary_term, name="glossaryterm"),
    path("explanation/<ascii_id:object_id>/preview/", previews.explanation, name="explanation"),
]
