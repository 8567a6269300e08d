"""Pages of the årsredovisning: the year's overview with its texts, findings and
approval; the draft (HTML, PDF, Excel); the approved documents for revisorer."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ekonomi.arsredovisning import selectors, services
from ekonomi.arsredovisning.documents import UTKAST_LASARE
from ekonomi.arsredovisning.excel import arsredovisning_workbook
from ekonomi.arsredovisning.forms import AvsnittstextForm, FyndForm, GodkannForm
from ekonomi.arsredovisning.models import Avsnittstext
from ekonomi.arsredovisning.render import UTKAST, arsredovisning_html
from ekonomi.models import ENHET_CHOICES, TKR
from finsam import dates, dokumentfiler
from finsam.access import EDIT, READ, has_role, roles
from finsam.dates import MAX_AR, MIN_AR
from finsam.documents import html_response, xlsx_response
from finsam.http import ForbundRequest
from finsam.versioner import samma_version, versionsfalt


def _pdf(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_GET
@roles(*READ)
def index(request: ForbundRequest) -> HttpResponse:
    if not has_role(request.user, UTKAST_LASARE):
        return redirect("ekonomi:arsredovisning_arkiv")
    valt = request.GET.get("ar", "")
    if valt.isdigit() and MIN_AR <= int(valt) <= MAX_AR:
        return redirect("ekonomi:arsredovisning_ar", ar=int(valt))
    if valt:
        messages.error(request, "Ange ett år mellan 2000 och 2100.")
    befintliga = {
        a.ar: a for a in selectors.arsredovisningar_list(forbund=request.forbund)
    }
    ar_lista = sorted(set(befintliga) | {dates.today().year - 1}, reverse=True)
    return render(
        request,
        "ekonomi/arsredovisning/index.html",
        {"rader": [(ar, befintliga.get(ar)) for ar in ar_lista]},
    )


@require_GET
@roles(*UTKAST_LASARE)
def ar_detail(request: ForbundRequest, ar: int) -> HttpResponse:
    forbund = request.forbund
    arsredovisning = selectors.arsredovisning_get(forbund=forbund, ar=ar)
    fynd = selectors.fynd_list(forbund=forbund, ar=ar)
    ruta = dokumentfiler.ruta(forbund, UTKAST, str(ar))
    response = render(
        request,
        "ekonomi/arsredovisning/ar.html",
        {
            "ar": ar,
            "arsredovisning": arsredovisning,
            "avsnitt": selectors.avsnitt_list(forbund=forbund, ar=ar),
            "fynd": fynd,
            "oppna_fynd": [f for f in fynd if not f.godtaget],
            "kan_redigera": has_role(request.user, EDIT)
            and not (arsredovisning and arsredovisning.ar_godkand),
            "godkann_form": GodkannForm(forbund=forbund, ar=ar),
            "enhet": arsredovisning.enhet if arsredovisning else TKR,
            "enheter": ENHET_CHOICES,
            "utkast_ruta": ruta,
        },
    )
    if arsredovisning and arsredovisning.ar_godkand and not arsredovisning.pdf_klar:
        response["Refresh"] = "3"  # the frozen PDF is being laid out
        return response
    return dokumentfiler.refresh_header(response, ruta)


@require_http_methods(["GET", "POST"])
@roles(*EDIT)
def text_edit(request: ForbundRequest, ar: int, avsnitt: str) -> HttpResponse:
    if avsnitt not in Avsnittstext.RUBRIK:
        raise Http404("Inget sådant avsnitt.")
    forbund = request.forbund
    nuvarande = next(
        a for a in selectors.avsnitt_list(forbund=forbund, ar=ar) if a.kod == avsnitt
    )
    form = AvsnittstextForm(request.POST or None, initial={"text": nuvarande.text})
    sparad = (
        Avsnittstext.objects.for_forbund(forbund).filter(ar=ar, avsnitt=avsnitt).first()
        if nuvarande.egen
        else None
    )
    versionsfalt(form, sparad)
    if request.method == "POST" and form.is_valid():
        try:
            with samma_version(form, sparad):
                services.avsnittstext_save(
                    forbund=forbund,
                    ar=ar,
                    avsnitt=avsnitt,
                    text=form.cleaned_data["text"],
                    user=request.user,
                )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, f"Texten ”{nuvarande.rubrik}” är sparad.")
            return redirect("ekonomi:arsredovisning_ar", ar=ar)
    return render(
        request,
        "ekonomi/arsredovisning/text_form.html",
        {"ar": ar, "avsnitt": nuvarande, "form": form},
    )


@require_POST
@roles(*EDIT)
def fynd_godta(request: ForbundRequest, ar: int) -> HttpResponse:
    form = FyndForm(request.POST)
    if not form.is_valid():
        messages.error(
            request, "Skriv en kommentar som förklarar varför fyndet godtas."
        )
    else:
        try:
            services.fynd_godta(
                forbund=request.forbund,
                ar=ar,
                nyckel=form.cleaned_data["nyckel"],
                kommentar=form.cleaned_data["kommentar"],
                user=request.user,
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, "Fyndet är godtaget med din kommentar.")
    return redirect("ekonomi:arsredovisning_ar", ar=ar)


@require_POST
@roles(*EDIT)
def godkann(request: ForbundRequest, ar: int) -> HttpResponse:
    form = GodkannForm(request.POST, forbund=request.forbund, ar=ar)
    if not form.is_valid():
        messages.error(
            request, "Välj paragrafen där styrelsen godkände årsredovisningen."
        )
        return redirect("ekonomi:arsredovisning_ar", ar=ar)
    try:
        services.arsredovisning_godkann(
            forbund=request.forbund,
            ar=ar,
            paragraf=form.cleaned_data["paragraf"],
            user=request.user,
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            f"Årsredovisningen {ar} är godkänd. PDF:en är fastställd och är den som "
            "revisorer och medlemmar laddar ned.",
        )
    return redirect("ekonomi:arsredovisning_ar", ar=ar)


@require_POST
@roles(*EDIT)
def enhet(request: ForbundRequest, ar: int) -> HttpResponse:
    valt = request.POST.get("enhet", "")
    if valt not in dict(ENHET_CHOICES):
        messages.error(request, "Välj kronor eller tkr.")
        return redirect("ekonomi:arsredovisning_ar", ar=ar)
    try:
        services.arsredovisning_enhet_spara(forbund=request.forbund, ar=ar, enhet=valt)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            f"Årsredovisningen {ar} skriver nu ut beloppen i {dict(ENHET_CHOICES)[valt]}.",
        )
    return redirect("ekonomi:arsredovisning_ar", ar=ar)


@require_GET
@roles(*UTKAST_LASARE)
def visa(request: ForbundRequest, ar: int) -> HttpResponse:
    """The document's HTML in the browser, so it is read before it is printed."""
    return html_response(arsredovisning_html(forbund=request.forbund, ar=ar))


@require_GET
@roles(*UTKAST_LASARE)
def excel(request: ForbundRequest, ar: int) -> HttpResponse:
    tabeller = selectors.alla_tabeller(forbund=request.forbund, ar=ar)
    return xlsx_response(arsredovisning_workbook(tabeller), f"arsredovisning-{ar}")


@require_GET
@roles(*READ)
def godkand_pdf(request: ForbundRequest, ar: int) -> HttpResponse:
    """The frozen PDF, byte for byte as it was made on approval."""
    a = selectors.godkand_get(forbund=request.forbund, ar=ar)
    if a is None:
        messages.info(request, f"Årsredovisningen {ar} är inte godkänd ännu.")
        return redirect("ekonomi:arsredovisning_arkiv")
    if not a.pdf_klar:
        messages.info(
            request,
            f"PDF:en av årsredovisningen {ar} skapas just nu. Försök snart igen.",
        )
        return redirect("ekonomi:arsredovisning_arkiv")
    response = _pdf(bytes(a.pdf), f"arsredovisning-{ar}.pdf")
    response["X-Content-SHA256"] = a.pdf_sha256
    return response


@require_GET
@roles(*READ)
def arkiv(request: ForbundRequest) -> HttpResponse:
    return render(
        request,
        "ekonomi/arsredovisning/arkiv.html",
        {
            "godkanda": selectors.godkanda_list(forbund=request.forbund),
            "kan_se_utkast": has_role(request.user, UTKAST_LASARE),
            "index_url": reverse("ekonomi:arsredovisning_index"),
        },
    )
