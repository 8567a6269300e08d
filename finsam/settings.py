"""Finsam settings: one file, driven by environment variables.

DATABASE_URL  postgres://user:pass@host:5432/db or sqlite:///path (default: db.sqlite3)
SECRET_KEY    required when DEBUG is off outside tests
DEBUG         1/true to enable (``make run`` sets it)
ALLOWED_HOSTS comma-separated
HTTPS         1/true: secure cookies, HSTS and SSL redirect (default: on when DEBUG is off)
TRUSTED_PROXY_HEADER, TRUSTED_PROXY_COUNT  the client address behind the TLS proxy (login
              lockout), e.g. HTTP_X_FORWARDED_FOR and 1
FORSEGLING_PKCS12, FORSEGLING_PKCS12_LOSENORD  the förbund's signing certificate
TVAFAKTOR_SYSTEMADMIN  1: superusers must use TOTP two-factor
EMAIL_URL-like settings: EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD,
              EMAIL_USE_TLS, DEFAULT_FROM_EMAIL; without EMAIL_HOST mail goes to the console.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [v.strip() for v in os.environ.get(name, default).split(",") if v.strip()]


DEBUG = env_bool("DEBUG")
TESTING = env_bool("FINSAM_TESTING")

_DEV_KEY = "django-insecure-finsam-dev-only-key-never-use-in-production"
SECRET_KEY = os.environ.get("SECRET_KEY") or ""
if not SECRET_KEY:
    if DEBUG or TESTING:
        SECRET_KEY = _DEV_KEY
    else:
        raise ImproperlyConfigured("SECRET_KEY måste anges när DEBUG är av.")

ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", "127.0.0.1,localhost" if (DEBUG or TESTING) else ""
)
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "bootstrap",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "simple_history",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "finsam",
    "insatser",
    "ekonomi",
    "styrelse",
    "ekonomi.arsredovisning",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "finsam.sessioner.SessionForlangningMiddleware",
    # request.user.is_verified(): whether this session passed the TOTP step.
    "django_otp.middleware.OTPMiddleware",
    "finsam.middleware.ForbundMiddleware",
    # Sends a login that must use two-factor (finsam/tvafaktor.py) to that step first.
    "finsam.tvafaktor.TvafaktorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns lockouts into a response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "finsam.urls"
WSGI_APPLICATION = "finsam.wsgi.application"

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
                "finsam.tenancy.forbund_context",
            ],
            "builtins": ["finsam.templatetags.finsam"],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Simultaneous writes wait for each other instead of failing with "database is
    # locked": WAL lets readers go on while one writes, the busy timeout makes a writer
    # wait up to 20 s for the lock, and IMMEDIATE takes the write lock when a
    # transaction begins. (A deferred transaction that reads first and then writes
    # cannot wait: SQLite fails it at once because its snapshot went stale.)
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "finsam.User"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    # Swedish words people build passwords from ("Sommar2024"), shipped in the repo.
    {"NAME": "finsam.losenord.SvenskaVanligaLosenordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Argon2 first (Django's recommendation); the others only read hashes made before.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
if TESTING:
    # Hashing is deliberately slow; tests create many users and need no protection.
    PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.MD5PasswordHasher",
        *PASSWORD_HASHERS,
    ]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "finsam:dashboard"
LOGOUT_REDIRECT_URL = "login"

# Sessions end after a working day without activity: a request moves the expiry on,
# writing the session at most every five minutes (finsam/sessioner.py).
SESSION_COOKIE_AGE = 9 * 60 * 60
SESSION_FORNYA_EFTER = int(os.environ.get("SESSION_FORNYA_EFTER", 5 * 60))

# django-axes: lock an account/IP pair after five failed logins for one hour. Counting per
# user AND address means one bad actor cannot lock a named user out for everyone.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Behind the TLS proxy production uses, the client's address is in a header the proxy
# appends to: TRUSTED_PROXY_HEADER (a META key, e.g. HTTP_X_FORWARDED_FOR) and
# TRUSTED_PROXY_COUNT proxies in front (finsam/klientadress.py). Without them
# REMOTE_ADDR: a header is never trusted unless configured.
TRUSTED_PROXY_HEADER = os.environ.get("TRUSTED_PROXY_HEADER", "").strip()
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "1"))
AXES_CLIENT_IP_CALLABLE = "finsam.klientadress.klientadress"
AXES_LOCKOUT_TEMPLATE = "registration/lockout.html"
AXES_ENABLED = env_bool("AXES_ENABLED", True)

LANGUAGE_CODE = "sv"
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True
# Years and counts print plainly ("2018"); amounts get their grouping from the |kr and
# |tal filters ("17 378 000 kr").
USE_THOUSAND_SEPARATOR = False
FORMAT_MODULE_PATH = ["finsam.formats"]

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if not (DEBUG or TESTING)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# Background tasks (django-tasks): a database queue worked by `manage.py db_worker`
# (`make run` starts one, docker-compose.yml has a worker service). Tests run each task
# at once, in the test's own transaction.
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks.backends.immediate.ImmediateBackend"
            if TESTING or env_bool("TASKS_IMMEDIATE")
            else "django_tasks_db.DatabaseBackend"
        )
    }
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# E-mail: console unless an SMTP host is configured.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "finsam@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The address used in links sent by e-mail (kallelser).
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Content Security Policy (django-csp): everything from our own origin, no inline script.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "style-src": ["'self'"],
        "script-src": ["'self'"],
        "object-src": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
    }
}

HTTPS = env_bool("HTTPS", default=not (DEBUG or TESTING))
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# TOTP two-factor (django-otp): the name the authenticator app shows. A förbund turns
# the requirement on for its admins and signers; system administrators (superusers)
# are held to it when TVAFAKTOR_SYSTEMADMIN is on.
OTP_TOTP_ISSUER = "Finsam"
TVAFAKTOR_SYSTEMADMIN = env_bool("TVAFAKTOR_SYSTEMADMIN")

# The förbund's seal on frozen PDFs (finsam/sigill.py): a PKCS#12 file and its password.
# Without one, development and tests make a self-signed certificate in MEDIA_ROOT;
# production then stores hashes only and `manage.py verifiera` reports no signature.
FORSEGLING_PKCS12 = os.environ.get("FORSEGLING_PKCS12", "")
FORSEGLING_PKCS12_LOSENORD = os.environ.get("FORSEGLING_PKCS12_LOSENORD", "")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
