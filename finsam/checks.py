"""Start-up checks: the app refuses to start in a state where every page would fail.

``manage.py check`` (and every command that runs the system checks: ``migrate``,
``runserver``) reports them; ``finsam/wsgi.py`` runs the same check before gunicorn
serves a single request, so a production start without collected static files stops
with this message instead of answering every page with a 500.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.staticfiles.storage import ManifestFilesMixin, staticfiles_storage
from django.core.checks import Error, register

STATIC_UTAN_MANIFEST = "finsam.E001"


@register()
def static_files_collected(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    """With a manifest storage (production: DEBUG off) every ``{% static %}`` looks the
    file up in the manifest ``collectstatic`` writes; without it every page is a 500."""
    storage = staticfiles_storage
    if not isinstance(storage, ManifestFilesMixin):
        return []
    manifest = storage.path(storage.manifest_name)
    try:
        with open(manifest, "rb"):
            pass
    except OSError:
        return [
            Error(
                f"De statiska filerna är inte insamlade: {manifest} saknas, och med "
                "DEBUG av blir då varje sida ett serverfel.",
                hint=(
                    "Kör `python manage.py collectstatic --noinput` före start "
                    f"(STATIC_ROOT={settings.STATIC_ROOT}), som Dockerfile gör "
                    "(se README, Produktion)."
                ),
                id=STATIC_UTAN_MANIFEST,
            )
        ]
    return []


def refuse_to_start_if_broken() -> None:
    """Raise with the checks' own words when the app could not serve a page."""
    from django.core.exceptions import ImproperlyConfigured

    errors = static_files_collected()
    if errors:
        raise ImproperlyConfigured(
            "\n".join(f"{e.id}: {e.msg}\n  {e.hint}" for e in errors)
        )
