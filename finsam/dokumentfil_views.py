"""Pages for documents rendered in the background (finsam/dokumentfiler.py)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_POST

from finsam import dokumentfiler
from finsam.access import READ, has_role, roles
from finsam.http import ForbundRequest
from finsam.models import Dokumentfil
from finsam.tenancy import get_for_forbund


def _renderer_or_403(request: ForbundRequest, kind: str):
    renderer = dokumentfiler.renderer_for(kind)
    if renderer is not None and not has_role(request.user, renderer.roles):
        raise PermissionDenied("Din roll ger inte tillgång till dokumentet.")
    return renderer


@require_POST
@roles(*READ)
def dokumentfil_begar(request: ForbundRequest) -> HttpResponseBase:
    kind = request.POST.get("kind", "")
    key = request.POST.get("key", "")[:100]
    if _renderer_or_403(request, kind) is None:
        messages.error(request, "Okänt slags dokument: det kan inte skapas här.")
        return redirect("finsam:dokument")
    fil = dokumentfiler.begar(request.forbund, kind, key, user=request.user)
    return redirect("finsam:dokumentfil_detail", dokumentfil_id=fil.pk)


@require_GET
@roles(*READ)
def dokumentfil_detail(
    request: ForbundRequest, dokumentfil_id: int
) -> HttpResponseBase:
    fil = get_for_forbund(request, Dokumentfil, pk=dokumentfil_id)
    _renderer_or_403(request, fil.kind)
    ruta = dokumentfiler.ruta(request.forbund, fil.kind, fil.key)
    response = render(request, "finsam/dokumentfil_detail.html", {"d": ruta})
    return dokumentfiler.refresh_header(response, ruta)


@require_GET
@roles(*READ)
def dokumentfil_pdf(request: ForbundRequest, dokumentfil_id: int) -> HttpResponseBase:
    fil = get_for_forbund(request, Dokumentfil, pk=dokumentfil_id)
    _renderer_or_403(request, fil.kind)
    if fil.status != Dokumentfil.KLAR or not fil.fil:
        messages.info(request, "Dokumentet är inte färdigt än.")
        return redirect("finsam:dokumentfil_detail", dokumentfil_id=fil.pk)
    return FileResponse(
        fil.fil.open("rb"),
        content_type="application/pdf",
        filename=f"{slugify(fil.titel) or 'dokument'}.pdf",
    )
