import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "finsam.settings")
application = get_wsgi_application()

# Refuse to start (gunicorn stops with the message) rather than serve 500s.
from finsam.checks import refuse_to_start_if_broken  # noqa: E402

refuse_to_start_if_broken()
