"""Every public page costs at most three database queries when it is made, and none when it is
served again from the page cache."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from phases.models import Phase
from tests.pages import PUBLIC_PAGES

pytestmark = pytest.mark.django_db

CODE = "mainSearchCriteria.v.c=C91.02&mainSearchCriteria.v.cs=2.16.840.1.113883.6.90"
EMBED_PAGES = [
    "/embed/demo/",
    *(f"/embed/demo/phases/{slug}/" for slug in Phase.Slug.values),
    "/embed/demo/glossary/",
    "/embed/demo/check/",
    "/embed/demo/theme.css",
]
API_ANSWERS = [
    "/api/v1/phases",
    *(f"/api/v1/phases/{slug}" for slug in Phase.Slug.values),
    "/api/v1/disclaimer",
    "/api/v1/glossary",
    f"/api/v1/connect?{CODE}",
    f"/api/v1/connect?{CODE}&knowledgeResponseType=text/xml",
    "/api/v1/openapi.json",
]
EVERY_PUBLIC_ANSWER = [*PUBLIC_PAGES, "/check/", "/embed/help/", *EMBED_PAGES, *API_ANSWERS]
MAX_QUERIES = 3


def get_counting_queries(client, address):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
    assert response.status_code == 200, address
    return [query["sql"] for query in queries.captured_queries]


@pytest.mark.parametrize("address", EVERY_PUBLIC_ANSWER)
def test_a_page_not_yet_cached_costs_at_most_three_queries(client, address):
    queries = get_counting_queries(client, address)

    assert len(queries) <= MAX_QUERIES, queries


@pytest.mark.parametrize("address", EVERY_PUBLIC_ANSWER)
def test_a_cached_page_costs_no_query(client, address):
    first = client.get(address)

    queries = get_counting_queries(client, address)

    assert queries == []
    again = client.get(address)
    assert again.content == first.content
    assert again.headers == first.headers


@pytest.mark.parametrize("address", ["/", "/phases/remission/", "/api/v1/phases"])
def test_signed_in_staff_share_the_cached_public_pages(admin_client, client, address):
    client.get(address)

    assert get_counting_queries(admin_client, address) == []
