# Production image: the app under gunicorn, static files served by whitenoise.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1

# WeasyPrint's system libraries and a named font family for the PDFs.
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 \
      fonts-dejavu-core shared-mime-info \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY pyproject.toml README.md ./
COPY finsam ./finsam
COPY insatser ./insatser
COPY ekonomi ./ekonomi
COPY styrelse ./styrelse
COPY templates ./templates
COPY static ./static
COPY manage.py ./
RUN pip install . \
 && SECRET_KEY=build-only-collectstatic python manage.py collectstatic --noinput

RUN useradd --system --uid 1000 finsam && mkdir -p /data/media && chown finsam /data/media
USER finsam
ENV MEDIA_ROOT=/data/media
EXPOSE 8000
# Recycle workers: WeasyPrint does not hand memory back to the OS after a render (a
# worker grows to ~170 MB after a large document and stays there). 200 requests recycled
# a worker every one or two seconds under load (each page is one request, a restart
# re-imports Django and WeasyPrint) and halved the throughput; 2 000 requests is
# minutes of heavy use or a working day of light use, so memory still comes back daily
# while the restarts cost nothing measurable. The jitter keeps the three workers from
# restarting at the same moment.
CMD ["sh", "-c", "python manage.py migrate --noinput && gunicorn finsam.wsgi:application --bind 0.0.0.0:8000 --workers 3 --max-requests 2000 --max-requests-jitter 200 --timeout 120"]
