"""Previews are the site's staff-only views: the admin links to them, and they let in only staff
who may see that kind of content in the admin."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from phases.models import GlossaryTerm, Phase
from tests.conftest import make_staff


@pytest.mark.django_db
def test_the_preview_link_on_the_form_opens_the_draft_on_its_page(editor_client):
    phase = Phase.objects.get(slug="remission", language="en")
    form = editor_client.get(f"/admin/phases/phase/{phase.pk}/change/").text
    assert f'href="/admin/phases/phase/{phase.pk}/preview/" class="previewlink"' in form
    preview = editor_client.get(f"/admin/phases/phase/{phase.pk}/preview/")
    assert preview.status_code == 200
    assert "Back to editing" in preview.text


@pytest.mark.django_db
def test_staff_who_may_not_see_a_kind_of_content_cannot_preview_it():
    # Staff, signed in with a second factor, in a group with no permission on the content.
    Group.objects.create(name="Sign-in log readers")
    outsider = make_staff("outsider", "Sign-in log readers")
    client = Client()
    client.force_login(outsider)
    term = GlossaryTerm.objects.filter(language="en").first()
    assert client.get(f"/admin/phases/glossaryterm/{term.pk}/preview/").status_code == 403


@pytest.mark.django_db
def test_a_preview_of_an_item_that_is_not_there_is_404(editor_client):
    assert editor_client.get("/admin/phases/disclaimer/999999/preview/").status_code == 404
