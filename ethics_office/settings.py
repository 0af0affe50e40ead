"""Settings for the Ethics Office case-management system, read from the environment.

Unset DATABASE_URL means an SQLite file under var/ (for `make run`); unset REDIS_URL
means Celery runs tasks eagerly in-process.
"""

import os
import secrets
import sys
from datetime import timedelta
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def xdist_redis_url(url: str, worker: str) -> str:
    """redis://host:port/N for parallel test process gwK -> redis://host:port/(N + K)."""
    base, _, number = url.rpartition("/")
    if not number.isdigit() or "://" not in base:
        base, number = url.rstrip("/"), "0"
    return f"{base}/{int(number) + int(worker.removeprefix('gw') or 0)}"


DEBUG = env_bool("DEBUG")
TESTING = "pytest" in sys.modules or os.environ.get("ETHICS_TESTING") == "1"

SECRET_KEY = os.environ.get("SECRET_KEY", "")
# Management commands (reports, imports) may run without a key; serving may not:
# wsgi.py and asgi.py refuse to start with an ephemeral key.
SECRET_KEY_EPHEMERAL = False
if not SECRET_KEY:
    if DEBUG or TESTING:
        SECRET_KEY = "dev-only-insecure-key-not-for-production-use-0123456789abcdef"
    else:
        SECRET_KEY = secrets.token_urlsafe(50)
        SECRET_KEY_EPHEMERAL = True

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if (DEBUG or TESTING) else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.forms",
    "rest_framework",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
    "axes",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "guardian",
    "django_htmx",
    # In layer order (docs/architecture.md): shared domain, mandate apps, the report, the site shell.
    "ethics_office.audit",
    "ethics_office.organisation",
    "ethics_office.intake",
    "ethics_office.outbox",
    "advisory",
    "disclosure",
    "retaliation",
    "outreach",
    "panel",
    "assessment",
    "reports",
    "retention",
    "ethics_office.site",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "ethics_office.base.middleware.RefuseUnusableInputMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "ethics_office.base.middleware.PrivateResponsesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "ethics_office.audit.middleware.AuditContextMiddleware",
    "ethics_office.audit.denials.DenialAuditMiddleware",
    "ethics_office.site.middleware.SecondFactorRequiredMiddleware",
    # Last, as django-axes requires: it turns a lockout into its answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "ethics_office.urls"
# Every form renders through templates/django/forms/ (the design system's markup), not per-form HTML.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
WSGI_APPLICATION = "ethics_office.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "ethics_office.site.context_processors.navigation",
            ],
            "builtins": ["ethics_office.site.templatetags.ui"],
        },
    },
]

if not os.environ.get("DATABASE_URL"):
    (BASE_DIR / "var").mkdir(exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
    )
}
# PostgreSQL's planner prices a random page read at 4 sequential ones by default (spinning
# disks). On SSDs or a database that fits in memory — every deployment this runs on — 1.1 is
# the usual setting; with the default the advice queue's open requests were joined by a scan of
# every service request (19 ms) instead of index probes (4 ms) at ten times the volume
# (docs/performance.md). Set DATABASE_RANDOM_PAGE_COST empty to keep the server's own value.
if DATABASES["default"]["ENGINE"].endswith("postgresql") and (
    _page_cost := os.environ.get("DATABASE_RANDOM_PAGE_COST", "1.1").strip()
):
    float(_page_cost)  # a number, or the settings refuse to load
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = f"-c random_page_cost={_page_cost}"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    # django-axes first: a locked account is refused before its password is checked.
    "ethics_office.site.lockout.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
    "guardian.backends.ObjectPermissionBackend",
]
ANONYMOUS_USER_NAME = None
GUARDIAN_RAISE_403 = False
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# The client address (audit trail, lockout, throttles): REMOTE_ADDR, or the X-Forwarded-For hop
# this many trusted proxies in front of the application put there (never the client's own entry).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# Lockout (django-axes): per account, never per address alone, so one attacker cannot lock out
# everybody behind a shared address. Failed second-factor codes count like wrong passwords, and a
# success does not reset the count (a stolen password must not buy unlimited code guesses).
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "10"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_RESET_ON_SUCCESS = False
AXES_CLIENT_IP_CALLABLE = "ethics_office.audit.middleware.client_address_of"
AXES_LOCKOUT_CALLABLE = "ethics_office.site.lockout.lockout_response"
AXES_ENABLE_ADMIN = False  # unlocking goes through the audited "Account security" admin
AXES_VERBOSE = False
# Masked in the attempts axes keeps (the password always is).
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "otp", "new_password1", "new_password2"]
# axes.W006 asks for the address among the lockout parameters; that would lock everybody behind
# a shared address. Across accounts the address is throttled instead (AUTH_ADDRESS_* below).
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
# Across accounts: this many failed sign-ins from one address within the window throttle every
# sign-in form and the token endpoint for that address (429) until the window ends.
AUTH_ADDRESS_FAILURE_LIMIT = int(os.environ.get("AUTH_ADDRESS_FAILURE_LIMIT", "50"))
AUTH_ADDRESS_WINDOW_SECONDS = int(os.environ.get("AUTH_ADDRESS_WINDOW_SECONDS", "900"))

# Second factors (django-otp): the name authenticator apps show; the demo's published secret.
OTP_TOTP_ISSUER = "UN Ethics Office"
DEMO_TOTP_SECRET = os.environ.get("DEMO_TOTP_SECRET", "JBSWY3DPEHPK3PXP")

# API tokens: stored as digests, expire after this long unused and at this age in any case.
API_TOKEN_IDLE_SECONDS = int(os.environ.get("API_TOKEN_IDLE_SECONDS", str(60 * 60)))
API_TOKEN_MAX_AGE_SECONDS = int(os.environ.get("API_TOKEN_MAX_AGE_SECONDS", str(10 * 60 * 60)))

# Sessions end after 30 idle minutes: every request pushes the expiry forward.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_IDLE_SECONDS", "1800"))
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
# The language cookie is sent only to this site's own requests (and, outside DEBUG, over HTTPS).
LANGUAGE_COOKIE_SAMESITE = "Lax"

LANGUAGE_CODE = "en"
# The six official languages of the United Nations, each named in its own language (the switcher shows them so).
LANGUAGES = [
    ("ar", "العربية"),
    ("zh-hans", "中文"),
    ("en", "English"),
    ("fr", "Français"),
    ("ru", "Русский"),
    ("es", "Español"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# One date style per language (ethics_office/formats/<lang>/formats.py); Django always localises numbers.
FORMAT_MODULE_PATH = ["ethics_office.formats"]
USE_I18N = True
TIME_ZONE = "UTC"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
WHITENOISE_USE_FINDERS = DEBUG or TESTING
WHITENOISE_AUTOREFRESH = DEBUG or TESTING
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if (DEBUG or TESTING)
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Uploaded case material lives outside the web root and is only served through
# permission-checked views; it is encrypted on disk (ethics_office.base.storage).
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "var" / "private"))
MEDIA_ROOT = PRIVATE_MEDIA_ROOT
# "s3": the same encrypted files in an S3-compatible bucket (MinIO, Ceph, AWS) through
# django-storages, so every web replica sees them; "local" (the default): PRIVATE_MEDIA_ROOT.
PRIVATE_STORAGE_BACKEND = os.environ.get("PRIVATE_STORAGE_BACKEND", "local")
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "ethics-private")
AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL", "")
AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME", "")
AWS_ACCESS_KEY_ID = os.environ.get("AWS_ACCESS_KEY_ID", "")
AWS_SECRET_ACCESS_KEY = os.environ.get("AWS_SECRET_ACCESS_KEY", "")
AWS_LOCATION = os.environ.get("AWS_LOCATION", "private")
UPLOAD_MAX_BYTES = int(os.environ.get("UPLOAD_MAX_BYTES", str(10 * 1024 * 1024)))
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

# Field encryption keys (Fernet, comma-separated, newest first). Rotation: put the new key
# first, keep the old ones until `manage.py rotate_field_keys` has re-encrypted every column and file. The public
# development key is used only where nothing is configured at all (DEBUG, tests, or a
# command run with neither SECRET_KEY nor keys, i.e. not a deployment): a deployment sets
# SECRET_KEY, and then confidential writes without FIELD_ENCRYPTION_KEYS fail loudly.
_DEV_FIELD_KEY = "hN4pQ2kDqz0q9S1YVvKfJ2x9m3oXo7tQ4b0mQ1z3rZs="
FIELD_ENCRYPTION_KEYS = env_list("FIELD_ENCRYPTION_KEYS") or (
    [_DEV_FIELD_KEY] if (DEBUG or TESTING or SECRET_KEY_EPHEMERAL) else []
)
# With DEBUG off and no keys of its own, the application refuses to serve or run a worker
# (wsgi.py, asgi.py, celery.py), as it does without SECRET_KEY.
FIELD_ENCRYPTION_KEYS_MISSING = not env_list("FIELD_ENCRYPTION_KEYS") and not (DEBUG or TESTING)

# The audit trail's chain is keyed (HMAC) with keys held outside the database, newest first;
# older keys stay listed so earlier links still verify. wsgi.py/asgi.py refuse to serve
# without one; checkpoints of the chain's head go to a folder the database cannot reach.
_DEV_AUDIT_KEY = "dev-only-audit-chain-key-not-for-production"
AUDIT_HMAC_KEYS = env_list("AUDIT_HMAC_KEYS") or (
    [_DEV_AUDIT_KEY] if (DEBUG or TESTING or SECRET_KEY_EPHEMERAL) else []
)
AUDIT_CHECKPOINT_DIR = Path(os.environ.get("AUDIT_CHECKPOINT_DIR", BASE_DIR / "var" / "audit-checkpoints"))
# Apps whose functions name audit operations (event codes "<app>.<service>").
AUDIT_OPERATION_APPS = frozenset(
    {"audit", "organisation", "intake", "site", "advisory", "disclosure", "retaliation", "outreach", "panel"}
    | {"reports", "assessment", "outbox"}
)
# Apps whose every text field is checked against its limit before a save (ethics_office.base.limits).
TEXT_LIMITED_APPS = frozenset(
    {"organisation", "intake", "advisory", "disclosure", "retaliation", "outreach", "panel", "assessment"}
    | {"retention"}
)
# Who acts for the Director on the Director's own matters (a username; segregation of duties).
DIRECTOR_ALTERNATE = os.environ.get("DIRECTOR_ALTERNATE", "officer2" if (DEBUG or TESTING) else "")
# Ethics officers on triage duty (usernames, comma-separated): they see and classify requests for
# protection nobody is assigned to yet, so a new request never waits on the Director alone.
# In DEBUG/TESTING the demo's "officer" is on triage duty unless configured otherwise.
RETALIATION_TRIAGE_OFFICERS = [
    u
    for u in os.environ.get("RETALIATION_TRIAGE_OFFICERS", "officer" if (DEBUG or TESTING) else "").split(",")
    if u
]
# How many refusals by one person within an hour raise an alert on the Director's home page.
AUDIT_DENIAL_ALERT = 5

# E-mail (Django 6.1 MAILERS): SMTP (Django's own default) unless configured; the console only
# with DEBUG on, so a deployment never drops mail silently on the console.
_EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
MAILERS = {
    "default": {
        "BACKEND": _EMAIL_BACKEND,
        "OPTIONS": {
            "host": os.environ.get("EMAIL_HOST", "localhost"),
            "port": int(os.environ.get("EMAIL_PORT", "25")),
            "username": os.environ.get("EMAIL_HOST_USER", ""),
            "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
            "use_tls": env_bool("EMAIL_USE_TLS"),
            # A mail server that hangs must not hold a delivery past its lease (OUTBOX_LEASE_SECONDS).
            "timeout": int(os.environ.get("EMAIL_TIMEOUT", "30")),
        }
        if _EMAIL_BACKEND.endswith("smtp.EmailBackend")
        else {},
    }
}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Ethics Office <ethicsoffice@un.org>")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")

# Passkeys (django-otp-webauthn) as a second factor only: never instead of the password.
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
OTP_WEBAUTHN_RP_NAME = "UN Ethics Office"
# The relying party is the site's host name (an IP address cannot be one: in development use
# http://localhost:8000, not 127.0.0.1).
OTP_WEBAUTHN_RP_ID = os.environ.get("WEBAUTHN_RP_ID") or (
    "localhost" if (DEBUG or TESTING or not ALLOWED_HOSTS) else ALLOWED_HOSTS[0]
)
OTP_WEBAUTHN_ALLOWED_ORIGINS = env_list("WEBAUTHN_ALLOWED_ORIGINS") or (
    ["http://localhost:8000"] if (DEBUG or TESTING) else [f"https://{OTP_WEBAUTHN_RP_ID}"]
)

# Celery: eager in-process without Redis.
REDIS_URL = os.environ.get("REDIS_URL", "")
if "pytest" in sys.modules and REDIS_URL and os.environ.get("PYTEST_XDIST_WORKER"):
    # The suite runs in parallel processes (pytest-xdist gw0, gw1, ...), each with its own test
    # database; each gets its own Redis database number too, so one process's real Celery worker
    # never takes another's tasks. Only pytest's own processes: a worker or server a test starts
    # inherits the variable but is given its REDIS_URL exactly.
    REDIS_URL = xdist_redis_url(REDIS_URL, os.environ["PYTEST_XDIST_WORKER"])
# Throttle counters are shared by every worker process: in Redis where there is one (tests keep
# the per-process memory cache, which each test empties).
if REDIS_URL and not TESTING:
    CACHES = {
        "default": {"BACKEND": "ethics_office.base.cache.SharedClientRedisCache", "LOCATION": REDIS_URL}
    }
# Sessions are read from Redis and written through to PostgreSQL (cached_db), so any web replica
# serves any request and a person's sessions can still be listed and ended from the database.
SESSION_ENGINE = os.environ.get(
    "SESSION_ENGINE",
    "django.contrib.sessions.backends.cached_db"
    if (REDIS_URL and not TESTING)
    else "django.contrib.sessions.backends.db",
)
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Queues per kind of work (docs/deployment.md): CELERY_IMPORT_QUEUE=imports sends the records
# import to the workers started with -Q imports; by default every task goes to "celery".
# The report's warm-up (charts and documents in six languages, a minute of CPU) has a queue of its
# own, "reports", so it never holds up mail or an import: start a worker with -Q celery,reports.
CELERY_TASK_ROUTES = {
    "reports.tasks.warm_reports": {"queue": os.environ.get("CELERY_REPORTS_QUEUE", "reports")},
    **(
        {"reports.tasks.import_run": {"queue": os.environ["CELERY_IMPORT_QUEUE"]}}
        if os.environ.get("CELERY_IMPORT_QUEUE")
        else {}
    ),
}
CELERY_TIMEZONE = TIME_ZONE
# The broker may be down: publishing gives up at once and the outbox sweeper delivers later.
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": 2, "socket_timeout": 5}
# Outbox delivery (ethics_office/outbox): a delivery holds its row this long; failures back off
# from the base delay, doubling, up to the ceiling, for at most this many attempts.
OUTBOX_LEASE_SECONDS = int(os.environ.get("OUTBOX_LEASE_SECONDS", "120"))
OUTBOX_RETRY_BASE_SECONDS = int(os.environ.get("OUTBOX_RETRY_BASE_SECONDS", "60"))
OUTBOX_RETRY_MAX_SECONDS = int(os.environ.get("OUTBOX_RETRY_MAX_SECONDS", str(6 * 3600)))
OUTBOX_MAX_ATTEMPTS = int(os.environ.get("OUTBOX_MAX_ATTEMPTS", "12"))
NOTICE_DAY_OF_MONTH = os.environ.get("NOTICE_DAY_OF_MONTH", "1")
NOTICE_HOUR = os.environ.get("NOTICE_HOUR", "6")
# Periodic work (Celery beat). Each task is defined in its app's tasks.py.
CELERY_BEAT_SCHEDULE = {
    "retention-monthly": {
        "task": "retention.tasks.apply_retention",
        "schedule": crontab(day_of_month="1", hour=3, minute=0),
    },
    "outbox-sweep": {
        "task": "ethics_office.outbox.tasks.sweep",
        "schedule": crontab(minute="*"),  # every minute
    },
    "audit-seal-pending": {"task": "ethics_office.audit.tasks.seal_pending", "schedule": crontab(minute="*")},
    "audit-checkpoint": {"task": "ethics_office.audit.tasks.checkpoint", "schedule": crontab(minute=5)},
    "advisory-officer-digests": {
        "task": "advisory.tasks.send_officer_digests",
        "schedule": crontab(hour=7, minute=0, day_of_week="mon-fri"),
    },
    "disclosure-monthly-notices": {
        "task": "disclosure.tasks.send_monthly_notices",
        "schedule": crontab(day_of_month=NOTICE_DAY_OF_MONTH, hour=NOTICE_HOUR, minute=0),
    },
    "disclosure-filer-reminders": {
        "task": "disclosure.tasks.send_filer_reminders",
        "schedule": crontab(hour=6, minute=30),
    },
    "assessment-reminders": {
        "task": "assessment.tasks.send_reminders",
        "schedule": crontab(hour=7, minute=15),
    },
    "retaliation-clock-alerts": {
        "task": "retaliation.tasks.send_clock_alerts",
        "schedule": crontab(hour=6, minute=45),
    },
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Token first, so an anonymous client gets 401 with a WWW-Authenticate challenge.
        "ethics_office.site.tokens.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "ethics_office.base.api.exception_handler",
    "DEFAULT_PARSER_CLASSES": [
        "ethics_office.base.api.BoundedJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_THROTTLE_CLASSES": ["ethics_office.site.lockout.AnonymousThrottle"],
    "DEFAULT_THROTTLE_RATES": {
        "anon": os.environ.get("API_ANON_RATE", "120/minute"),
        "sign_in": os.environ.get("API_SIGN_IN_RATE", "20/minute"),
    },
    "NUM_PROXIES": TRUSTED_PROXY_COUNT,
}
API_MAX_JSON_BYTES = 1024 * 1024
SPECTACULAR_SETTINGS = {
    "TITLE": "UN Ethics Office API",
    "DESCRIPTION": "Case management for the United Nations Ethics Office.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "ethics_office.base.api.document_common_errors",
    ],
    # Choice sets whose field names collide across apps get names of their own.
    "ENUM_NAME_OVERRIDES": {
        "RetaliationKindEnum": "retaliation.models.InquiryKind",
        "RetaliationReviewOutcomeEnum": "retaliation.models.ReviewOutcome",
        "RetaliationStatusEnum": "retaliation.models.Status",
    },
}

# Content Security Policy (Django's built-in middleware): nothing from elsewhere.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
}

X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG and not TESTING:
    # The container's health check asks over plain HTTP from inside: no redirect for it.
    SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# The ethics risk assessment publishes a result only for cells of at least this many respondents.
ASSESSMENT_MIN_CELL = int(os.environ.get("ASSESSMENT_MIN_CELL", "10"))

# Demo data
DEMO_PASSWORD = os.environ.get("DEMO_PASSWORD", "demo-password-2012")
