"""Addresses made to trick the site: a path that starts with `//` (which a browser reads as
another site's address) gives a plain 404 whose links all stay on the portal, and ids written
with Unicode digits in the admin's addresses are a 404, never a 500."""

import re

import pytest

from phases.models import Phase

pytestmark = pytest.mark.django_db

OFF_SITE = [
    "//evil.example/phases/remission/",
    "//evil.example/es/phases/remission/",
    "//evil.example/",
]


def get_raw(client, path):
    """GET with the path exactly as sent: the test client would read `//host/...` as a URL."""
    return client.get("/", PATH_INFO=path)


def links(page):
    return re.findall(r'(?:href|action|src)="([^"]*)"', page)


@pytest.mark.parametrize("address", OFF_SITE)
def test_a_path_starting_with_two_slashes_is_a_404_whose_links_stay_on_the_site(client, address):
    response = get_raw(client, address)

    assert response.status_code == 404
    page_links = links(response.content.decode())
    assert page_links
    for link in page_links:
        assert "evil.example" not in link
        assert link.startswith(("/", "http://testserver/", "#"))
        assert not link.startswith("//")


def test_the_404_page_offers_each_languages_home(client):
    page = get_raw(client, "//evil.example/phases/remission/").content.decode()

    assert 'hreflang="es" href="http://testserver/es/"' in page
    assert 'hreflang="en" href="http://testserver/"' in page


def test_a_page_links_to_itself_in_the_other_language(client):
    page = client.get("/phases/remission/?utm_source=x").content.decode()

    assert 'hreflang="es" href="http://testserver/es/phases/remission/"' in page
    assert 'href="/es/phases/remission/"' in page
    assert "utm_source" not in page


def test_an_embedded_page_links_to_itself_in_the_other_language(client):
    page = client.get("/es/embed/demo/phases/remission/").content.decode()

    assert 'href="/embed/demo/phases/remission/"' in page


@pytest.fixture
def remission():
    return Phase.objects.get(language="en", slug="remission")


UNICODE_IDS = ["²", "①", "١٢", "𝟙", "٣"]


@pytest.mark.parametrize("digit", UNICODE_IDS)
def test_unicode_digits_in_admin_ids_are_404(admin_client, remission, digit):
    version = remission.history.first().history_id
    for address in [
        f"/admin/phases/phase/{remission.pk}/history/{digit}/",
        f"/admin/phases/phase/{digit}/history/{version}/",
        f"/admin/phases/phase/{digit}/preview/",
        f"/admin/phases/phase/{digit}/translate/es/",
        f"/admin/phases/glossaryterm/{digit}/history/1/",
    ]:
        assert admin_client.get(address).status_code == 404, address
        assert admin_client.post(address, {"publish": "1"}).status_code == 404, address


@pytest.mark.parametrize("digit", UNICODE_IDS)
def test_unicode_digits_in_the_admins_own_addresses_do_no_harm(admin_client, digit):
    for address in [
        f"/admin/phases/phase/{digit}/change/",
        f"/admin/phases/phase/{digit}/history/",
    ]:
        assert admin_client.get(address, follow=True).status_code in {200, 404}, address


def test_ascii_ids_still_reach_the_version(admin_client, remission):
    version = remission.history.first().history_id

    response = admin_client.get(f"/admin/phases/phase/{remission.pk}/history/{version}/")

    assert response.status_code == 200
