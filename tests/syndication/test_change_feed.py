"""The change feed (/feed/, /es/feed/), read with feedparser as a partner's feed reader reads it:
each publish, revert, review, withdrawal and new translation is an entry, newest first, in
the feed of its language, naming the page, the time and the sections that changed."""

import datetime

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from phases.models import GlossaryTerm, Phase

pytestmark = pytest.mark.django_db

SERVER = "http://testserver"
REVIEWER = "Dr A. Example, paediatric haematologist"


def read(client, address="/feed/"):
    response = client.get(address)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception  # well-formed Atom
    return feed


def newest(client, address="/feed/"):
    return read(client, address).entries[0]


def kinds(entry):
    return {tag.term for tag in entry.tags}


def test_a_publish_is_the_newest_entry_naming_the_page_and_the_sections_changed(client, approver):
    remission = Phase.objects.get(slug="remission", language="en")
    remission.summary = "The treatment worked: no sign of leukemia is found."
    remission.questions = remission.questions + "\n- What happens next?"
    remission.publish(by=approver)

    entry = newest(client)

    assert entry.title == f"Published: {remission.name}"
    assert entry.link == f"{SERVER}/phases/remission/"
    assert entry.summary == "Changed: Summary, Questions to ask your care team."
    assert "What happens next" not in entry.summary  # the sections, never the text
    assert kinds(entry) == {"published", "phase", "en"}
    assert entry.updated_parsed[:6] == remission.published_at.utctimetuple()[:6]


def test_a_revert_and_a_review_each_appear_newest_first(client, approver):
    relapsed = Phase.objects.get(slug="relapsed", language="en")
    first = relapsed.history.first()
    relapsed.summary = "A summary that will be taken back."
    relapsed.publish(by=approver)
    relapsed.revert_to(first, by=approver, publish=True)
    relapsed.mark_reviewed(reviewer=REVIEWER, by=approver, today=datetime.date(2026, 12, 3))

    entries = read(client).entries

    assert [entry.title for entry in entries[:3]] == [
        f"Reviewed by a clinician: {relapsed.name}",
        f"Earlier version brought back: {relapsed.name}",
        f"Published: {relapsed.name}",
    ]
    assert entries[1].summary == "Changed: Summary."
    assert kinds(entries[0]) == {"reviewed", "phase", "en"}
    times = [entry.updated_parsed for entry in entries]
    assert times == sorted(times, reverse=True)
    assert len({entry.id for entry in entries}) == len(entries)  # each change once


def test_a_withdrawn_glossary_term_appears_so_partners_can_remove_it(client):
    term = GlossaryTerm.objects.get(slug="cri", language="en")
    name = term.term
    term.delete()

    entry = newest(client)

    assert entry.title == f"Withdrawn: Glossary: {name}"
    assert entry.link == f"{SERVER}/glossary/#cri"
    assert kinds(entry) == {"withdrawn", "glossary-term", "en"}
    assert "Remove it from your copy" in entry.summary


def test_a_new_spanish_translation_is_in_the_spanish_feed_only(client, approver):
    english = GlossaryTerm.objects.create(
        term="Apheresis", slug="apheresis", definition="A way to collect blood cells."
    )
    english.publish(by=approver)
    spanish = english.start_translation("es", by=approver)
    spanish.term, spanish.definition = "Aféresis", "Una forma de recoger células de la sangre."
    spanish.publish(by=approver)

    spanish_feed = read(client, "/es/feed/")
    english_feed = read(client)

    entry = spanish_feed.entries[0]
    assert spanish_feed.feed.language == "es"
    assert entry.title == "Nueva traducción: Glosario: Aféresis"
    assert entry.link == f"{SERVER}/es/glossary/#apheresis"
    assert entry.summary == "Primera publicación en este idioma: Término, Ancla, Definición."
    assert kinds(entry) == {"translated", "glossary-term", "es"}
    assert english_feed.entries[0].title == "Published: Glossary: Apheresis"
    assert "Aféresis" not in str(english_feed)
    assert all("es" in kinds(entry) for entry in spanish_feed.entries)


def test_a_draft_save_is_not_a_change_partners_see(client, editor):
    before = [entry.id for entry in read(client).entries]
    untreated = Phase.objects.get(slug="untreated", language="en")
    untreated.summary = "A draft nobody has published."
    untreated.save_draft(by=editor)

    assert [entry.id for entry in read(client).entries] == before


def test_every_public_page_links_the_feed_of_its_language(client):
    english = client.get("/phases/remission/").text
    spanish = client.get("/es/glossary/").text

    assert '<link rel="alternate" type="application/atom+xml"' in english
    assert 'href="/feed/"' in english
    assert 'href="/es/feed/"' in spanish


def test_the_feed_is_cached_and_made_again_after_a_publish(client, approver):
    read(client)
    with CaptureQueriesContext(connection) as queries:
        read(client)
    assert not queries.captured_queries  # served from the page cache

    glossary = GlossaryTerm.objects.get(slug="blasts", language="en")
    glossary.definition = "Young blood cells that are not yet grown up."
    glossary.publish(by=approver)

    assert newest(client).title == f"Published: Glossary: {glossary.term}"
