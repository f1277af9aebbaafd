"""Partner origins reach the Content-Security-Policy and CORS headers only in one clean form."""

import pytest
from django.core.exceptions import ValidationError

from phases.embed.origins import OriginProblem, normalised_origin
from phases.models import Partner


@pytest.mark.parametrize(
    "written",
    [
        "https://lib.example;script-src-elem",
        "https://lib.example 'unsafe-inline'",
        "https://*.org",
        "*",
        "https://lib.example.org/path",
        "https://lib.example.org?x=1",
        "https://lib.example.org#top",
        "https://user:pass@lib.example.org",
        "http://lib.example.org",
        "ftp://lib.example.org",
        "lib.example.org",
        "https://lib..example.org",
        "https://lib.example.org:99999",
        "https://lib,example.org",
    ],
)
def test_anything_but_scheme_host_and_port_is_refused(written):
    with pytest.raises(OriginProblem):
        normalised_origin(written)


@pytest.mark.parametrize(
    ("written", "stored"),
    [
        ("https://Library.Example-Hospital.org", "https://library.example-hospital.org"),
        ("https://lib.example.org/", "https://lib.example.org"),
        ("https://lib.example.org:443", "https://lib.example.org"),
        ("https://lib.example.org:8443", "https://lib.example.org:8443"),
        ("http://localhost:8000", "http://localhost:8000"),
        ("http://127.0.0.1", "http://127.0.0.1"),
        ("http://library.localhost:8080", "http://library.localhost:8080"),
    ],
)
def test_origins_are_stored_in_one_written_form(written, stored):
    assert normalised_origin(written) == stored


@pytest.mark.django_db
def test_the_admin_form_refuses_a_bad_origin_with_a_message(admin_client):
    response = admin_client.post(
        "/admin/phases/partner/add/",
        {
            "name": "Library",
            "key": "library",
            "is_active": "on",
            "allowed_origins": "https://lib.example;script-src-elem https://evil.example",
            "accent_colour": "#0b5f6f",
            "back_link_text": "Back",
        },
    )

    assert response.status_code == 200
    assert "is not valid" in response.text
    assert not Partner.objects.filter(key="library").exists()


@pytest.mark.django_db
def test_a_saved_partner_keeps_its_origins_normalised(admin_client):
    partner = Partner(name="Library", key="library", allowed_origins="HTTPS://Lib.Example.org/")
    partner.full_clean()
    partner.save()

    assert partner.allowed_origins == "https://lib.example.org"


@pytest.mark.django_db
def test_a_bad_origin_stored_anyway_never_reaches_a_header(client):
    Partner.objects.create(
        name="Library",
        key="library",
        allowed_origins="https://good.example.org\nhttps://bad.example;script-src-elem *",
    )

    response = client.get("/embed/library/")

    policy = response["Content-Security-Policy"]
    assert "https://good.example.org" in policy
    assert "bad.example" not in policy
    assert "script-src-elem" not in policy
    with pytest.raises(ValidationError):
        Partner.objects.get(key="library").full_clean()
