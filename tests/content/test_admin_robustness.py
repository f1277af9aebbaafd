"""Addresses an editor can mistype or follow from an old link never make the admin answer 500."""

import pytest

from phases.models import GlossaryTerm, Phase


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/admin/phases/phase/abc/preview/",
        "/admin/phases/phase/999999/preview/",
        "/admin/phases/phase/abc/history/",
        "/admin/phases/phase/1/history/abc/",
        "/admin/phases/phase/abc/history/1/",
        "/admin/phases/phase/1/history/999999/",
        "/admin/phases/glossaryterm/abc/preview/",
    ],
)
def test_bad_ids_in_preview_and_history_addresses_are_404(admin_client, path):
    assert admin_client.get(path).status_code == 404


@pytest.mark.django_db
def test_a_deleted_glossary_term_is_brought_back_as_a_new_term_with_its_words(admin_client):
    term = GlossaryTerm.objects.create(
        term="Port", slug="port", definition="A small device under the skin.", is_published=True
    )
    pk = term.pk
    admin_client.post(f"/admin/phases/glossaryterm/{pk}/delete/", {"post": "yes"})
    deleted = GlossaryTerm.history.filter(id=pk, history_type="-").get()

    response = admin_client.get(
        f"/admin/phases/glossaryterm/{pk}/history/{deleted.history_id}/", follow=True
    )

    assert response.status_code == 200
    assert "was deleted, so it cannot be changed back in place" in response.text
    assert 'value="Port"' in response.text
    assert "A small device under the skin." in response.text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("get", "/admin/phases/phase/{pk}/translate/es/", 405),  # starting one takes a POST
        ("post", "/admin/phases/phase/999999/translate/es/", 404),
        ("post", "/admin/phases/phase/abc/translate/es/", 404),
        ("post", "/admin/phases/phase/{pk}/translate/xx/", 404),
        ("post", "/admin/phases/phase/{pk}/translate/en/", 404),
    ],
)
def test_starting_a_translation_needs_a_post_an_english_text_and_another_language(
    admin_client, method, path, status
):
    english = Phase.objects.get(language="en", slug="remission")
    Phase.objects.filter(language="es", slug="remission").delete()

    response = getattr(admin_client, method)(path.format(pk=english.pk))

    assert response.status_code == status
    assert not Phase.objects.filter(language="es", slug="remission").exists()


@pytest.mark.django_db
def test_a_phase_preview_still_works_with_a_good_id(admin_client):
    phase = Phase.objects.get(language="en", slug="remission")

    assert admin_client.get(f"/admin/phases/phase/{phase.pk}/preview/").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/admin/phases/phase/?draft=nonsense",
        "/admin/phases/phase/?review=nonsense&draft=",
        "/admin/phases/glossaryterm/?published=nonsense",
        "/admin/phases/explanation/?draft=waiting&q=%00",
        "/admin/phases/phase/?translation=nonsense&language=xx",
        "/admin/phases/glossaryterm/?translation=es-missing&_facets=True",
        "/admin/phases/sharedsection/?translation=es-out-of-date&_facets=True",
    ],
)
def test_list_filters_with_values_they_do_not_know_show_the_whole_list(admin_client, path):
    assert admin_client.get(path).status_code == 200


@pytest.mark.django_db
def test_a_draft_without_any_recorded_version_is_still_listed_on_the_front_page(admin_client):
    phase = Phase.objects.get(language="en", slug="remission")
    Phase.objects.filter(pk=phase.pk).update(draft={"summary": "Written straight to the database."})
    Phase.history.filter(id=phase.pk).delete()

    response = admin_client.get("/admin/")

    assert response.status_code == 200
    assert f'<a href="/admin/phases/phase/{phase.pk}/change/">Remission</a>' in response.text


@pytest.mark.django_db
@pytest.mark.parametrize("reviewer", ["Dr " + "Very Long Name " * 20 + ", nurse", ",,,", "—, —"])
def test_a_reviewer_too_long_or_made_of_punctuation_is_refused_and_nothing_changes(
    admin_client, reviewer
):
    phase = Phase.objects.get(language="en", slug="remission")
    data = {"action": "mark_reviewed", "_selected_action": [phase.pk], "apply": "Mark"}

    response = admin_client.post("/admin/phases/phase/", data | {"reviewer": reviewer})

    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.text
    assert Phase.objects.get(pk=phase.pk).reviewer == phase.reviewer
