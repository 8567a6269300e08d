"""The audit trail's pages: one record's history, and the förbund's log (kansli,
administrator, revisor)."""

from __future__ import annotations

import datetime as dt

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from finsam import historik, paging
from finsam.access import AUDIT, roles
from finsam.forms import LoggFilter
from finsam.http import ForbundRequest


@require_GET
@roles(*AUDIT)
def historik_objekt(request: ForbundRequest, modell: str, pk: int) -> HttpResponse:
    model = historik.modell(modell)
    if model is None:
        raise Http404("Okänd posttyp.")
    rader = historik.historia(model, request.forbund, pk)
    objekt = historik.objekt_for_forbund(model, request.forbund, pk)
    andringar = historik.andringar(model, rader)
    if objekt is None and not andringar:
        raise Http404("Posten finns inte.")
    return render(
        request,
        "finsam/historik_objekt.html",
        {
            "objekt": objekt,
            "objekt_id": pk,
            "modellnamn": str(model._meta.verbose_name).capitalize(),
            "andringar": andringar,
        },
    )


@require_GET
@roles(*AUDIT)
def historik_logg(request: ForbundRequest) -> HttpResponse:
    """Every change in the förbund: one year (``?ar=``) or a date range, by user and
    kind of record, fifty at a time."""
    ar = paging.ar_val(request)
    form = LoggFilter(request.GET, forbund=request.forbund)
    fran, till = dt.date(ar, 1, 1), dt.date(ar, 12, 31)
    anvandare = modell = None
    if form.is_valid():
        fran = form.cleaned_data["fran"] or fran
        till = form.cleaned_data["till"] or till
        anvandare = form.cleaned_data["anvandare"]
        modell = form.cleaned_data["modell"] or None
    qs = historik.logg(
        forbund=request.forbund,
        fran=fran,
        till=till,
        anvandare_id=anvandare.pk if anvandare else None,
        modell_label=modell,
    )
    sida = paging.sida(request, qs)
    return render(
        request,
        "finsam/historik_logg.html",
        {
            "form": form,
            "ar": ar,
            "fran": fran,
            "till": till,
            "sida": sida,
            "rader": historik.loggrader(list(sida.object_list)),
        },
        status=400 if form.errors else 200,
    )
