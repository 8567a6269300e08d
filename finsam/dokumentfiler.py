"""Documents rendered off the request, kept until their data changes.

WeasyPrint lays out a 40-page document in several seconds and does not give the memory
back (../shared/TECH.md), so long documents are rendered by a worker (django-tasks with
the database backend: ``manage.py db_worker``; ``make run`` starts one beside the server,
docker-compose.yml has a ``worker`` service; tests use the immediate backend). The
finished PDF is stored as a ``finsam.models.Dokumentfil`` with its SHA-256 and the
fingerprint of the data it was made from, and is served until that fingerprint changes.

API for an app (call ``register_renderer`` in ``AppConfig.ready``)::

    from finsam.dokumentfiler import register_renderer

    def arsredovisning(forbund, key):          # key is a string, e.g. "2017"
        data = selectors.arsredovisning(forbund=forbund, ar=int(key))
        return "ekonomi/arsredovisning/pdf/arsredovisning.html", data
        # ...or return finished PDF bytes instead of (template, context).

    register_renderer(
        "arsredovisning",
        arsredovisning,
        titel=lambda forbund, key: f"Årsredovisning {key}",
    )

``register_renderer(kind, render, *, titel=None, fingerprint=None, roles=READ)``:
  render(forbund, key) -> (template_name, context) | bytes. A template extends
  ``documents/base.html``; the context gets ``pdf=True`` as with ``render_pdf``.
  fingerprint(forbund, key) -> str decides when a stored file is stale. Default: the
  SHA-256 of the HTML the renderer produces (gathering data is cheap, WeasyPrint's layout
  is what costs), so any changed figure, text or template gives a new file. A frozen
  document (an approved årsredovisning) passes ``fingerprint=lambda f, k: "fryst"``: the
  first finished file is then kept for ever. roles: who may ask for and read the file.

Services (writes) and reads:
  ``begar(forbund, kind, key, user=None, efter_commit=False)`` -> Dokumentfil: queues a
      render unless the stored file is current or one is already queued or running (a
      queued or running render older than ``STALE_AFTER`` is queued again: its worker
      died). ``efter_commit=True`` queues it when the transaction commits, so a build
      that is rolled back (the demo in tests) renders nothing.
  ``hamta(forbund, kind, key)`` -> Dokumentfil | None, with ``.aktuell`` (bool) set.
  ``rendera(dokumentfil)``: renders now, in this process (the task's body; commands).
  ``ruta(forbund, kind, key)`` -> context for the partial below.

Views (finsam/urls.py, names ``finsam:dokumentfil_*``):
  POST ``/dokument/filer/begar/`` with ``kind`` and ``key``: queue, then the status page.
  GET ``/dokument/filer/<id>/``: status page with progress; refreshes every 2 s while the
      file is queued or rendering.  GET ``/dokument/filer/<id>/fil.pdf``: the file.
Partial for an app's own page: ``{% include "documents/_dokumentfil.html" with d=ruta %}``
where ``ruta`` comes from ``ruta(forbund, kind, key)``: shows the state, the progress,
the link to the finished PDF and the button that (re)creates it.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from finsam.access import READ
from finsam.documents import html_to_pdf, render_html
from finsam.forsegling import sha256_av_innehall
from finsam.models import Dokumentfil, Forbund

logger = logging.getLogger(__name__)

RenderResult = tuple[str, dict[str, Any]] | bytes
RenderFunction = Callable[[Forbund, str], RenderResult]
STALE_AFTER = dt.timedelta(minutes=15)


@dataclass(frozen=True)
class Renderer:
    kind: str
    render: RenderFunction
    titel: Callable[[Forbund, str], str]
    fingerprint: Callable[[Forbund, str], str] | None
    roles: tuple[str, ...]


_renderers: dict[str, Renderer] = {}


def register_renderer(
    kind: str,
    render: RenderFunction,
    *,
    titel: Callable[[Forbund, str], str] | None = None,
    fingerprint: Callable[[Forbund, str], str] | None = None,
    roles: tuple[str, ...] = READ,
) -> Renderer:
    renderer = Renderer(
        kind=kind,
        render=render,
        titel=titel or (lambda forbund, key: f"{kind} {key}".strip()),
        fingerprint=fingerprint,
        roles=tuple(roles),
    )
    _renderers[kind] = renderer
    return renderer


def renderer_for(kind: str) -> Renderer | None:
    return _renderers.get(kind)


def _html(result: RenderResult) -> str | bytes:
    """The HTML a renderer's result lays out, or its bytes when it made the PDF itself."""
    if isinstance(result, bytes):
        return result
    template_name, context = result
    return render_html(template_name, {**context, "pdf": True})


def fingerprint(renderer: Renderer, forbund: Forbund, key: str) -> str:
    if renderer.fingerprint is not None:
        return renderer.fingerprint(forbund, key)
    return sha256_av_innehall(_html(renderer.render(forbund, key)))


def hamta(forbund: Forbund, kind: str, key: str) -> Dokumentfil | None:
    """The stored file of (kind, key) with ``.aktuell``: made from today's data."""
    fil = Dokumentfil.objects.for_forbund(forbund).filter(kind=kind, key=key).first()
    renderer = renderer_for(kind)
    if fil is not None:
        fil.aktuell = renderer is not None and fil.fingerprint == fingerprint(
            renderer, forbund, key
        )
    return fil


def ruta(forbund: Forbund, kind: str, key: str) -> dict[str, Any]:
    """Context for ``documents/_dokumentfil.html``."""
    return {"fil": hamta(forbund, kind, key), "kind": kind, "key": key}


def begar(
    forbund: Forbund, kind: str, key: str, *, user=None, efter_commit: bool = False
) -> Dokumentfil:
    """Queue a render of (kind, key) unless a current file exists or one is on its way.

    ``efter_commit``: hand the task to the queue only when the surrounding transaction
    commits (the demo build): the worker renders it then, and a build that is rolled
    back (every test that builds the demo) renders nothing."""
    renderer = renderer_for(kind)
    if renderer is None:
        raise KeyError(kind)
    avtryck = fingerprint(renderer, forbund, key)
    now = timezone.now()
    with transaction.atomic():
        fil, _created = Dokumentfil.objects.select_for_update().get_or_create(
            forbund=forbund,
            kind=kind,
            key=key,
            defaults={"titel": renderer.titel(forbund, key), "fingerprint": avtryck},
        )
        if fil.fingerprint == avtryck and not _created:
            if fil.status == Dokumentfil.KLAR:
                return fil
            if fil.pagar and fil.begard_tid and now - fil.begard_tid < STALE_AFTER:
                return fil
        fil.titel = renderer.titel(forbund, key)
        fil.fingerprint = avtryck
        fil.status = Dokumentfil.KOAD
        fil.progress = 0
        fil.felmeddelande = ""
        fil.begard_av = user if getattr(user, "is_authenticated", False) else None
        fil.begard_tid = now
        fil.save()
    # Enqueued after the row is saved: the immediate backend (tests) runs it right here,
    # the database backend's worker picks it up once this request's transaction commits.
    if efter_commit:
        transaction.on_commit(lambda: _koa(fil.pk, avtryck))
        return fil
    _koa(fil.pk, avtryck)
    fil.refresh_from_db()
    return fil


def _koa(dokumentfil_id: int, avtryck: str) -> None:
    result = rendera_dokumentfil.enqueue(dokumentfil_id, avtryck)
    Dokumentfil.objects.filter(pk=dokumentfil_id).update(task_id=str(result.id)[:64])


def _progress(fil: Dokumentfil, percent: int, **fields: Any) -> None:
    fil.progress = percent
    for name, value in fields.items():
        setattr(fil, name, value)
    Dokumentfil.objects.filter(pk=fil.pk).update(progress=percent, **fields)


def rendera(fil: Dokumentfil) -> Dokumentfil:
    """Render ``fil`` now and store the PDF (the body of the background task)."""
    from pypdf import PdfReader

    renderer = renderer_for(fil.kind)
    if renderer is None:
        raise KeyError(fil.kind)
    start = time.perf_counter()
    _progress(fil, 5, status=Dokumentfil.PAGAR)
    result = renderer.render(fil.forbund, fil.key)
    html = _html(result)
    if isinstance(html, bytes):
        pdf = html
    else:
        _progress(fil, 20)
        pdf = html_to_pdf(html, progress=lambda p: _progress(fil, 20 + p * 3 // 4))
    avtryck = (
        renderer.fingerprint(fil.forbund, fil.key)
        if renderer.fingerprint is not None
        else sha256_av_innehall(html)
    )
    gammal = fil.fil.name
    fil.fil.save(f"{fil.kind}-{fil.key or fil.pk}.pdf", ContentFile(pdf), save=False)
    if gammal and gammal != fil.fil.name:
        fil.fil.storage.delete(gammal)
    fil.sha256 = sha256_av_innehall(pdf)
    fil.sidor = len(PdfReader(io.BytesIO(pdf)).pages)
    fil.fingerprint = avtryck
    fil.status = Dokumentfil.KLAR
    fil.progress = 100
    fil.klar_tid = timezone.now()
    fil.sekunder = round(time.perf_counter() - start, 2)
    fil.felmeddelande = ""
    fil.save()
    return fil


def rendera_id(dokumentfil_id: int, avtryck: str) -> str:
    """Render the row unless a newer request has replaced it; returns the PDF's SHA-256."""
    fil = (
        Dokumentfil.objects.select_related("forbund").filter(pk=dokumentfil_id).first()
    )
    if fil is None or fil.fingerprint != avtryck:
        return ""
    try:
        return rendera(fil).sha256
    except Exception as exc:
        logger.exception("Dokumentfil %s kunde inte skapas", dokumentfil_id)
        _progress(
            fil, 0, status=Dokumentfil.FEL, felmeddelande=f"{type(exc).__name__}: {exc}"
        )
        raise


@task()
def rendera_dokumentfil(dokumentfil_id: int, avtryck: str) -> str:
    """The background task (the database backend's ``db_worker`` runs it); defined here
    rather than in a tasks module that would import this one back."""
    return rendera_id(dokumentfil_id, avtryck)


def refresh_header(response, *rutor: dict[str, Any], seconds: int = 2):
    """Let the page reload itself while one of its files is queued or rendering."""
    if any(r.get("fil") is not None and r["fil"].pagar for r in rutor):
        response["Refresh"] = str(seconds)
    return response
