"""
Settings for the ALL Phase Portal.

One file, configured by the environment: what differs between a laptop, CI and a hospital
server is an environment variable, never a second settings module. The README lists every
variable.
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from portal.cache_config import cache_retry_seconds, file_cache, redis_cache
from portal.static_headers import add_static_headers

BASE_DIR = Path(__file__).resolve().parent.parent


def env_flag(name, *, default):
    """Read a yes/no environment variable: "1", "true", "yes" and "on" mean yes."""
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, *, default):
    value = os.environ.get(name, default)
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_flag("DJANGO_DEBUG", default=False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set the SECRET_KEY environment variable to a long random "
            "string, or set DJANGO_DEBUG=1 for local development only."
        )
    SECRET_KEY = "insecure-development-key-only-used-when-DJANGO_DEBUG-is-on"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", default="localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", default="")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "bootstrap",
    "crispy_forms",
    "crispy_bootstrap5",
    "csp",
    "simple_history",
    "axes",
    "corsheaders",
    # Staff sign-in: password + second factor (allauth's account and MFA); SSO through
    # Authlib in phases/staff_auth (docs/staff-sign-in.md).
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "phases",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Right after static files: a cached page skips everything below (phases/site/page_cache.py).
    "phases.site.page_cache.PageCacheMiddleware",
    # The language is the address's: /es/... is Spanish, any other address English.
    "phases.content.languages.LanguageFromAddressMiddleware",
    "csp.middleware.CSPMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # No admin page opens for a password sign-in without a second factor set up; staff
    # sessions end after an idle time.
    "phases.staff_auth.middleware.SecondFactorRequiredMiddleware",
    "phases.staff_auth.middleware.StaffSessionActivityMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "phases.staff_auth.backends.HospitalAccountBackend",
]

ROOT_URLCONF = "portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "phases.site.context_processors.disclaimer",
                "phases.site.context_processors.languages",
                "phases.staff_auth.hospital.sign_in_choices",
            ],
        },
    },
]

WSGI_APPLICATION = "portal.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several editors may save at once. WAL lets pages be read while a save is written;
    # IMMEDIATE takes the write lock when a transaction begins, so a second save waits for it
    # (up to `timeout` seconds) instead of failing at once with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

# The page cache (phases/site/page_cache.py). With REDIS_URL every instance shares one Redis, so an
# invalidation on one is seen by all. Without it, files in CACHE_DIR, which every gunicorn
# worker of this machine reads and writes: an invalidation in one worker holds in the others
# at once (a per-process memory cache could not promise that).
REDIS_URL = os.environ.get("REDIS_URL", "")
SHORT_LIVED_TABLE = "portal_short_lived"
if REDIS_URL:
    PAGE_CACHE = redis_cache(REDIS_URL, prefix=os.environ.get("CACHE_KEY_PREFIX", "portal"))
else:
    PAGE_CACHE = file_cache(os.environ.get("CACHE_DIR") or str(BASE_DIR / ".cache" / "pages"))
CACHES = {
    # What staff sign-in keeps for a moment (a second-factor code already used, allauth's rate
    # limits) lives in the database beside the sessions and lockouts, so signing in never
    # depends on Redis; the table comes with the migrations.
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": SHORT_LIVED_TABLE,
    },
    # Whole public pages (phases/site/page_cache.py), which fail open.
    "pages": PAGE_CACHE,
}
# A cache that fails is logged (once a minute at most) and left alone this many seconds: pages
# are made afresh meanwhile, never answered with an error (phases/site/page_store/guard.py).
PAGE_CACHE_RETRY_SECONDS = cache_retry_seconds()
# How long proxies and CDNs may keep a public page (s-maxage; browsers always revalidate).
PAGE_MAX_AGE = int(os.environ.get("PAGE_MAX_AGE", "60"))

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# English at the site's own addresses, Spanish under /es/ (portal/urls.py). A new language is
# a line here, its .po file in locale/ and its content rows (phases/content/languages.py).
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
USE_I18N = True
# Dates as the site writes them, in the admin too ("2 December 2027"): portal/formats/.
FORMAT_MODULE_PATH = ["portal.formats"]
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# WhiteNoise answers static files before the CSP middleware: it adds their headers itself.
WHITENOISE_ADD_HEADERS_FUNCTION = add_static_headers

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Security headers. Patient pages load nothing from other sites and run no inline code.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# HTTPS is on for every non-debug server unless DJANGO_HTTPS=0 says the site is served over
# plain HTTP (a test run, or a laptop).
HTTPS = env_flag("DJANGO_HTTPS", default=not DEBUG)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000")) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_flag("DJANGO_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env_flag("DJANGO_HSTS_PRELOAD", default=True)
if env_flag("DJANGO_BEHIND_PROXY", default=False):
    # The proxy in front (nginx, a load balancer) ends TLS and says so in this header.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_HTTPONLY = True

# Browsers may call the API from a partner's site only (phases.embed.cors decides per request).
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS", "POST"]

# Who publishes the portal: schema.org's `publisher` on its pages (phases/syndication/). An
# empty url is the site's own address.
PUBLISHER = {"name": "ALL Phase Portal", "url": ""}

# Editorial workflow.
REVIEW_INTERVAL_MONTHS = int(os.environ.get("REVIEW_INTERVAL_MONTHS", "12"))
SIMPLE_HISTORY_REVERT_DISABLED = False

# Repeated failed admin logins lock that account from that address for a while. The address
# is the socket's, or with TRUSTED_PROXY_COUNT=N the one N hops from the right of
# X-Forwarded-For (phases/staff_auth/addresses.py), never a header a client could forge.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "phases.staff_auth.addresses.client_address"
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
AXES_VERBOSE = False

# Staff sign-in (phases/staff_auth, docs/staff-sign-in.md). Passwords through allauth's sign-in
# page, always with a second factor (an authenticator app, a passkey, recovery codes).
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/admin/"
ACCOUNT_ADAPTER = "phases.staff_auth.adapters.StaffAccountAdapter"
ACCOUNT_LOGIN_METHODS = {"username"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_SESSION_REMEMBER = False  # a staff session always ends when the browser closes
ACCOUNT_LOGOUT_REDIRECT_URL = "staff_auth:signed_out"
# django-axes locks an account at one address, in the database; allauth's own limits would lock
# the account everywhere, so sign-in limits are left to axes.
ACCOUNT_RATE_LIMITS = False
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_TOTP_ISSUER = "ALL Phase Portal"
# A code of the period before or after the current one is taken too (a phone's clock a little
# off); each code still signs in once only.
MFA_TOTP_TOLERANCE = 1

# Single sign-on through the hospital's OpenID Connect provider, on when OIDC_ISSUER is set.
OIDC_ISSUER = os.environ.get("OIDC_ISSUER", "").strip().rstrip("/")
OIDC_CLIENT_ID = os.environ.get("OIDC_CLIENT_ID", "")
OIDC_CLIENT_SECRET = os.environ.get("OIDC_CLIENT_SECRET", "")
OIDC_GROUPS_CLAIM = os.environ.get("OIDC_GROUPS_CLAIM", "groups").strip() or "groups"
OIDC_EDITOR_GROUPS = env_list("OIDC_EDITOR_GROUPS", default="")
OIDC_APPROVER_GROUPS = env_list("OIDC_APPROVER_GROUPS", default="")
if OIDC_ISSUER and not (OIDC_CLIENT_ID and OIDC_CLIENT_SECRET):
    raise ImproperlyConfigured("OIDC_ISSUER is set: set OIDC_CLIENT_ID and OIDC_CLIENT_SECRET too.")

# SMART on FHIR (phases/smart, docs/smart-launch.md): the hospital's record launches the checker
# and fills it in. Off while SMART_ALLOWED_ISSUERS is empty. Only these FHIR servers are ever
# asked anything; each request waits SMART_TIMEOUT_SECONDS at most.
SMART_CLIENT_ID = os.environ.get("SMART_CLIENT_ID", "").strip()
SMART_CLIENT_SECRET = os.environ.get("SMART_CLIENT_SECRET", "")
SMART_ALLOWED_ISSUERS = [iss.rstrip("/") for iss in env_list("SMART_ALLOWED_ISSUERS", default="")]
SMART_TIMEOUT_SECONDS = float(os.environ.get("SMART_TIMEOUT_SECONDS", "10"))
if SMART_ALLOWED_ISSUERS and not SMART_CLIENT_ID:
    raise ImproperlyConfigured("SMART_ALLOWED_ISSUERS is set: set SMART_CLIENT_ID too.")

# A signed-in session ends after STAFF_IDLE_MINUTES without a request to the admin or the
# sign-in pages (each moves the end on: phases/staff_auth/middleware.py), and when the browser
# closes. Public pages never set the cookie, so they stay cacheable.
SESSION_COOKIE_AGE = 60 * int(os.environ.get("STAFF_IDLE_MINUTES", "30"))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# How long the staff sign-in log keeps its rows (phases/staff_auth/models.py).
STAFF_SIGN_IN_LOG_DAYS = int(os.environ.get("STAFF_SIGN_IN_LOG_DAYS", "365"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    # django-axes reports every sign-in at INFO; lockouts still show as warnings.
    "loggers": {"axes": {"level": "WARNING"}},
}
