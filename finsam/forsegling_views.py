"""Verification of the sealed documents (kansli, administrator, revisor) and the sealed
PDFs themselves, which a PDF reader shows as signed and unchanged."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from finsam import forsegling
from finsam.access import AUDIT, READ, roles
from finsam.documents import pdf_file_response
from finsam.http import ForbundRequest
from finsam.models import Forsegling
from finsam.tenancy import get_for_forbund


@require_GET
@roles(*AUDIT)
def verifiera(request: ForbundRequest) -> HttpResponse:
    resultat = forsegling.verifiera(request.forbund)
    return render(
        request,
        "finsam/verifiera.html",
        {
            "resultat": resultat,
            "forseglingar": Forsegling.objects.for_forbund(request.forbund)
            .defer("pdf")
            .order_by("-skapad"),
        },
    )


@require_GET
@roles(*READ)
def forsegling_pdf(request: ForbundRequest, forsegling_id: int) -> HttpResponse:
    seal = get_for_forbund(request, Forsegling, pk=forsegling_id)
    return pdf_file_response(bytes(seal.pdf), seal.titel)
