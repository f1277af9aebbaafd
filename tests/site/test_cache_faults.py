"""The site with its cache broken for real on 127.0.0.1: Redis at a closed port, a Redis that
accepts connections and never answers, and a full Redis (maxmemory with noeviction). Every
public page, the checker and signing in to the admin still answer, and a hung Redis is waited
for once, not on every request; the commands still run and say that pages may be stale. The
cache then grows by nothing sent from outside, and its generation never goes backwards, even
under bumps from several processes at once."""

import contextlib
import multiprocessing
import socket
import subprocess
import threading
import time

import pytest
import redis
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

from phases.api import infobutton
from phases.site import page_cache
from phases.site.page_store import generation as generations
from phases.site.page_store.guard import STALE_WARNING
from portal.cache_config import redis_cache
from tests.conftest import make_staff, sign_in_with_password
from tests.site.test_page_cache import stored_entries

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/es/",
    "/phases/remission/",
    "/es/phases/remission/",
    "/glossary/",
    "/embed/demo/",
    "/embed/demo/phases/remission/",
    "/embed/demo/theme.css",
    "/check/",
    "/api/v1/phases",
    "/api/v1/phases/remission",
    "/api/v1/disclaimer",
    "/accounts/login/",
]
ANSWERS = {"treatment": "received", "marrow_blasts_percent": "2", "cbc": "normal"}
# Longer than the whole test takes on the slowest machine: within it, a failed cache is left
# alone, so a hung Redis is waited for (0.25 s, the cache's own timeout) once, not per request.
RETRY_SECONDS = 600


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def hung_redis():
    """A server on 127.0.0.1 that accepts connections and never answers a byte; yields its URL
    and the connections it has accepted."""
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(0.1)
    held, stop = [], threading.Event()

    def accept():
        while not stop.is_set():
            with contextlib.suppress(TimeoutError):
                held.append(server.accept()[0])

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"redis://127.0.0.1:{server.getsockname()[1]}/0", held
    finally:
        stop.set()
        thread.join(timeout=5)
        for sock in [*held, server]:
            sock.close()


@pytest.fixture(scope="module")
def redis_server(tmp_path_factory):
    """A redis-server of this module's own on a free port (never the shared one at 6379)."""
    port = free_port()
    folder = tmp_path_factory.mktemp("redis")
    process = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly"]
        + ["no", "--dir", str(folder)],
        stdout=subprocess.DEVNULL,
    )
    client = redis.Redis(port=port, socket_timeout=2)
    try:
        deadline = time.monotonic() + 10
        while True:
            with contextlib.suppress(redis.ConnectionError):
                if client.ping():
                    break
            assert process.poll() is None, "redis-server stopped"
            assert time.monotonic() < deadline, "no redis-server"
            time.sleep(0.05)
        yield client
    finally:
        process.terminate()
        process.wait(timeout=10)


@contextlib.contextmanager
def full(client):
    """The server full: maxmemory at what it holds, noeviction, so every write is refused."""
    client.config_set("maxmemory-policy", "noeviction")
    client.config_set("maxmemory", client.info("memory")["used_memory"])
    try:
        for number in range(100):  # fill until refused (bounded)
            try:
                client.set(f"filler:{number}", b"x" * 100_000)
            except redis.exceptions.OutOfMemoryError:
                break
        else:
            pytest.fail("the Redis never filled up")
        yield
    finally:
        client.config_set("maxmemory", 0)
        client.flushall()


@contextlib.contextmanager
def broken_cache(kind, redis_server):
    """The page cache broken as `kind` says; yields the connections a hung Redis accepted."""
    with contextlib.ExitStack() as stack:
        held = []
        if kind == "closed port":
            url = f"redis://127.0.0.1:{free_port()}/0"
        elif kind == "hung":
            url, held = stack.enter_context(hung_redis())
        else:
            url = f"redis://127.0.0.1:{redis_server.connection_pool.connection_kwargs['port']}/0"
            stack.enter_context(full(redis_server))
        stack.enter_context(
            override_settings(CACHES=settings.CACHES | {"pages": redis_cache(url, prefix="f")})
        )
        yield held


KINDS = ["closed port", "hung", "full"]


@pytest.mark.parametrize("kind", KINDS)
def test_every_page_the_checker_and_signing_in_answer_with_the_cache_broken(
    kind, redis_server, client, caplog, settings
):
    settings.PAGE_CACHE_RETRY_SECONDS = RETRY_SECONDS
    staff = make_staff("faults", "Content editors")
    with broken_cache(kind, redis_server) as hung_connections:
        for address in PAGES:
            assert client.get(address).status_code == 200, address
        response = client.post("/check/", ANSWERS)
        assert response.status_code == 200
        assert "2" in response.text
        sign_in_with_password(client, staff)
        assert client.get("/admin/").status_code == 200
        assert 'action="/admin/logout/"' in client.get("/admin/").text
    assert len(hung_connections) <= 1  # waited for once, then left alone
    failures = [r for r in caplog.records if r.name == "phases.site.page_cache"]
    assert len(failures) == 1  # logged once, not once per request
    assert STALE_WARNING in failures[0].getMessage()


@pytest.mark.parametrize("kind", KINDS)
def test_commands_run_with_the_cache_broken_and_say_pages_may_be_stale(
    kind, redis_server, tmp_path, capsys, caplog
):
    file = tmp_path / "content.json"
    with broken_cache(kind, redis_server):
        call_command("migrate", "--noinput", verbosity=0)
        call_command("export_content")
        file.write_text(capsys.readouterr().out)
        call_command("import_content", str(file))
    said = capsys.readouterr()
    assert "Imported" in said.out
    assert "pages stored before may be stale" in said.err
    assert any(STALE_WARNING in record.getMessage() for record in caplog.records)


def test_a_flood_of_addresses_origins_hosts_and_embed_keys_adds_no_entries(client):
    for address in ["/", "/phases/remission/", "/api/v1/phases", "/embed/demo/theme.css"]:
        client.get(address)
    before = len(list(stored_entries()))

    for number in range(50):
        assert client.get(f"/phases/remission/?utm={number}").status_code == 200
        assert client.get(f"/api/v1/phases?x{number}=1").status_code == 200
        origin = {"HTTP_ORIGIN": f"https://site{number}.example.com"}
        assert client.get("/api/v1/phases", **origin).status_code == 200
        host = {"HTTP_HOST": f"localhost:{1024 + number}"}
        assert client.get("/glossary/", **host).status_code == 200
        assert client.get(f"/embed/made-up-{number}/theme.css").status_code == 200
        assert client.get(f"/no-such-page-{number}/").status_code == 404

    assert len(list(stored_entries())) == before


def test_a_flood_of_made_up_or_oddly_written_codes_adds_no_entries(client):
    known = lookup(client, "C91.01")
    assert known.json()["feed"]["entry"]  # a code with pages, written plainly: stored
    assert "no-store" not in known.get("Cache-Control", "")
    before = len(list(stored_entries()))

    for number in range(50):
        for code, response_type in [
            (f"Z{number:02}.9", "application/json"),  # no pages: an empty feed
            (f"Z{number:02}.9", "text/xml"),
            ("c91.01" + " " * (number % 20), "application/json"),  # a known one, spelt oddly
            ("C9.1.0.1" if number % 2 else " C91.01", "text/xml"),
        ]:
            answer = lookup(client, code, response_type)
            assert answer.status_code == 200
            assert answer["Cache-Control"] == "no-store"

    assert len(list(stored_entries())) == before


def lookup(client, code, response_type="application/json"):
    query = {
        infobutton.CODE_PARAMETER: code,
        infobutton.CODE_SYSTEM_PARAMETER: infobutton.ICD10CM_OID,
        infobutton.RESPONSE_TYPE_PARAMETER: response_type,
    }
    return client.get("/api/v1/connect", query)


def bump_and_read(bumps, results):
    """In a process of its own: bump `bumps` times, reading the generation after each."""
    seen = []
    for _ in range(bumps):
        page_cache.bump()
        seen.append(generations.current())
    results.put(seen)


def concurrent_bumps(processes=4, bumps=100):
    start = generations.current()
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    workers = [
        context.Process(target=bump_and_read, args=(bumps, results)) for _ in range(processes)
    ]
    for worker in workers:
        worker.start()
    seen = [results.get(timeout=60) for _ in workers]
    for worker in workers:
        worker.join(timeout=10)
    return start, seen, generations.current()


def assert_never_backwards(start, seen, end, bumps):
    for values in seen:
        assert all(later >= earlier for earlier, later in zip(values, values[1:], strict=False))
        assert values[0] > start
    assert end >= start + bumps  # no bump lost


def test_the_file_generation_never_goes_backwards_under_bumps_from_several_processes():
    start, seen, end = concurrent_bumps()

    assert_never_backwards(start, seen, end, 4 * 100)


def test_the_redis_generation_never_goes_backwards_under_bumps_from_several_processes(
    redis_server,
):
    with own_redis(redis_server, 1, "g"):
        start, seen, end = concurrent_bumps()
        generations.forget()  # evicted, or expired: it starts again further on
        after_loss = generations.current()

    assert_never_backwards(start, seen, end, 4 * 100)
    assert after_loss > end


def test_the_file_caches_cull_never_drops_the_generation(settings, client):
    settings.CACHES = settings.CACHES | {
        "pages": settings.CACHES["pages"] | {"OPTIONS": {"MAX_ENTRIES": 3}}
    }
    before = generations.current()
    for address in ["/", "/glossary/", "/phases/remission/", "/es/", "/api/v1/phases"]:
        client.get(address)

    assert generations.current() == before


def own_redis(redis_server, database, prefix):
    """This module's Redis, answering: a timeout long enough for a busy machine, since these
    tests are about what it stores, not about a slow Redis."""
    port = redis_server.connection_pool.connection_kwargs["port"]
    url = f"redis://127.0.0.1:{port}/{database}"
    return override_settings(
        CACHES=settings.CACHES | {"pages": redis_cache(url, prefix=prefix, timeout=5)}
    )


def test_every_entry_in_redis_expires(redis_server, client):
    with own_redis(redis_server, 2, "t"):
        for address in ["/", "/api/v1/phases"]:
            client.get(address)
    server = redis.Redis(port=redis_server.connection_pool.connection_kwargs["port"], db=2)

    keys = list(server.scan_iter(match="t:*"))

    assert len(keys) == 3  # the generation and two pages
    assert all(server.ttl(key) > 0 for key in keys)
