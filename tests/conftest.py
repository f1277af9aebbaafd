import shutil
import uuid

import hypothesis
import pyotp
import pytest
import redis
from allauth.mfa.adapter import get_adapter as mfa_adapter
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.cache import caches
from django.db import connection
from django.test import override_settings

from phases.site import page_cache
from tests.server_commands import manage, server_environment

# A loaded machine (CI, several xdist workers) must not turn a slow example into a failure:
# speed is measured by `make bench`, never by a test.
hypothesis.settings.register_profile("portal", deadline=None)
hypothesis.settings.load_profile("portal")


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings, tmp_path_factory):
    """On SQLite, the test database is a file in this run's (this xdist worker's) temporary
    folder instead of Django's shared in-memory database: it runs in WAL mode, as the portal's
    database does, and the browser tests' live server opens a connection per request thread,
    as a real server does, instead of sharing the test's one connection among its threads
    (where two requests at once lock each other's tables). Other databases keep
    pytest-django's names, with its _gw0, _gw1 suffix for each xdist worker."""
    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        test_name = str(tmp_path_factory.getbasetemp() / "test.sqlite3")
        database.setdefault("TEST", {})["NAME"] = test_name


def seeded_database_copy(tmp_path_factory):
    """Where this run (this xdist worker) keeps a copy of its test database as the migrations
    seeded it, on SQLite: the browser tests' shared site serves it (tests/browser/conftest.py)."""
    return tmp_path_factory.getbasetemp() / "seeded.sqlite3"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, tmp_path_factory):
    """pytest-django's test database; on SQLite, copied at once, before any test can change
    it: SQLite's VACUUM INTO writes a database's whole content to a new file. pytest-django
    makes no test database when no test of the run asks for one; then there is nothing to
    copy (and `connection` still names the portal's own database: never copied)."""
    test_name = connection.settings_dict.get("TEST", {}).get("NAME")
    if connection.vendor == "sqlite" and connection.settings_dict["NAME"] == test_name:
        with django_db_blocker.unblock(), connection.cursor() as cursor:
            cursor.execute("VACUUM INTO %s", [str(seeded_database_copy(tmp_path_factory))])


@pytest.fixture(scope="session")
def seeded_sqlite_database(django_db_setup, tmp_path_factory):
    """seeded_sqlite_database(path) writes at `path` a SQLite database as `manage.py migrate`
    leaves it, for a server or a command a test runs: a copy of this run's seeded test
    database when it has one (in a fraction of a second), else what migrate makes (seconds)."""

    def make(path):
        copy = seeded_database_copy(tmp_path_factory)
        if copy.exists():
            shutil.copyfile(copy, path)
        else:
            manage(server_environment(f"sqlite:///{path}"), "migrate", "--noinput", "-v0")
        return path

    return make


@pytest.fixture(scope="session", autouse=True)
def fast_password_hashing():
    """Django's advice for tests: MD5 makes each staff account in a fixture cost microseconds
    instead of a quarter of a second. Servers the tests start keep the real hashers."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(scope="session", autouse=True)
def page_cache_of_this_run(tmp_path_factory):
    """This test run's own page cache: a folder of its own, or its own key prefix when
    REDIS_URL is set, so runs side by side, and `make run`, never see each other's pages."""
    pages = settings.CACHES["pages"]
    if pages["BACKEND"].endswith("FileBasedCache"):
        pages = pages | {"LOCATION": str(tmp_path_factory.mktemp("page-cache"))}
    else:
        pages = pages | {"KEY_PREFIX": f"portal-test-{uuid.uuid4().hex}"}
    with override_settings(CACHES=settings.CACHES | {"pages": pages}):
        yield
    if "KEY_PREFIX" in pages:  # Redis: take this run's keys away, and nobody else's
        server = redis.Redis.from_url(pages["LOCATION"])
        for key in server.scan_iter(match=f"{pages['KEY_PREFIX']}:*"):
            server.delete(key)


@pytest.fixture(autouse=True)
def empty_page_cache(page_cache_of_this_run):
    """Each test starts with no page stored. Files are deleted; a shared Redis is never
    flushed: a new generation leaves every page of this run's earlier tests behind."""
    if settings.CACHES["pages"]["BACKEND"].endswith("FileBasedCache"):
        caches["pages"].clear()
    else:
        page_cache.bump()


def make_staff(username, group, *, second_factor=True, **fields):
    """A staff member with a password and, unless told otherwise, an authenticator app set up
    (its codes: `user.authenticator_app.now()`), as every password account must have before
    the admin opens."""
    user = User.objects.create_user(
        username, password=f"a-long-{username}-password", is_staff=True, **fields
    )
    user.groups.add(Group.objects.get(name=group))
    if second_factor:
        user.authenticator_app = set_up_authenticator_app(user)
    return user


def set_up_authenticator_app(user):
    """What scanning the set-up page's QR code leaves: the app and the portal share a
    secret. Stored the way allauth stores it (through its adapter's encryption hook)."""
    secret = pyotp.random_base32()
    Authenticator.objects.create(
        user=user, type=Authenticator.Type.TOTP, data={"secret": mfa_adapter().encrypt(secret)}
    )
    return pyotp.TOTP(secret)


def authenticator_app_of(username):
    """The person's phone: the app holding the secret the set-up shared."""
    authenticator = Authenticator.objects.get(user__username=username, type="totp")
    return pyotp.TOTP(mfa_adapter().decrypt(authenticator.data["secret"]))


def sign_in_with_password(client, user, *, next_url="/admin/"):
    """The admin's sign-in as a person does it: password, then a code from their app."""
    client.post(
        f"/accounts/login/?next={next_url}",
        {"login": user.username, "password": f"a-long-{user.username}-password"},
    )
    return client.post("/accounts/2fa/authenticate/", {"code": user.authenticator_app.now()})


def edit_form(obj, **changes):
    """What the admin's form for `obj` sends: the texts it shows (the draft, if any), the
    version it was opened at, and the editor's `changes`."""
    shown = obj.with_draft()
    data = {field: getattr(shown, field) for field in obj.DRAFT_FIELDS}
    return data | {"edit_version": obj.version} | changes


@pytest.fixture
def admin_user(db, django_user_model):
    """pytest-django's superuser (and so its `admin_client`), with a second factor set up as
    every password account has before the admin opens."""
    user = django_user_model.objects.create_superuser("admin", "admin@example.com", "password")
    user.authenticator_app = set_up_authenticator_app(user)
    return user


@pytest.fixture
def editor(db):
    """A hospital editor: staff, in the "Content editors" group the migrations create."""
    return make_staff("editor", "Content editors", first_name="Eddie", last_name="Editor")


@pytest.fixture
def approver(db):
    """A senior editor or clinician who may also publish and mark pages reviewed."""
    return make_staff("approver", "Content approvers", first_name="Ada", last_name="Approver")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def approver_client(editor, approver):
    from django.test import Client

    client = Client()
    client.force_login(approver)
    return client


@pytest.fixture(scope="session")
def identity_provider():
    from tests.identity_provider import running_provider

    with running_provider() as provider:
        yield provider


@pytest.fixture
def hospital_sign_on(identity_provider, settings):
    """The portal set up for the hospital's sign-on, as OIDC_* environment variables do."""
    for name, value in identity_provider.settings().items():
        setattr(settings, name, value)
    return identity_provider
