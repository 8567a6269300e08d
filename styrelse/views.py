from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from finsam import dates
from finsam.access import ADMIN, EDIT, KANSLI, READ, STYRELSE, public, roles, user_role
from finsam.documents import pdf_response
from finsam.http import ForbundRequest, PublicRequest
from finsam.models import Forbund
from finsam.paging import ar_i, ar_urval, sida
from finsam.tenancy import get_for_forbund
from finsam.uploads import UploadForm
from finsam.versioner import samma_version, versionsfalt
from styrelse import frister, rules, selectors, services
from styrelse.forms import (
    AnslagForm,
    ArendeForm,
    DelegationsbeslutForm,
    DelegationspunktForm,
    JusteringForm,
    KommentarForm,
    MaskeringForm,
    NarvaroForm,
    ParagrafAddForm,
    ParagrafForm,
    SammantradeCreateForm,
    SammantradeForm,
    UtdragsbestyrkandeForm,
)
from styrelse.models import (
    Arende,
    Bilaga,
    Delegationspunkt,
    Kommentar,
    Narvaro,
    Paragraf,
    Sammantrade,
)

KOMMENTERA = (STYRELSE, KANSLI, ADMIN)


def _fel(request: ForbundRequest, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


def _detail_url(sammantrade: Sammantrade) -> str:
    return reverse("styrelse:sammantrade_detail", args=[sammantrade.pk])


@require_GET
@roles(*READ)
def index(request: ForbundRequest) -> HttpResponse:
    alla = selectors.sammantrade_list(forbund=request.forbund)
    status = request.GET.get("status", "")
    if status in dict(Sammantrade.STATUS_CHOICES):
        # A work list (from the start page's counts): that status in every year.
        return render(
            request,
            "styrelse/index.html",
            {
                "sammantraden": alla.filter(status=status),
                "status": status,
                "statusar": Sammantrade.STATUS_CHOICES,
            },
        )
    urval = ar_urval(request, ar_i(alla, "datum"))
    return render(
        request,
        "styrelse/index.html",
        {
            "sammantraden": alla.filter(datum__year=urval["ar"]),
            "statusar": Sammantrade.STATUS_CHOICES,
            **urval,
        },
    )


@require_http_methods(["GET", "POST"])
@roles(*EDIT)
def sammantrade_create(request: ForbundRequest) -> HttpResponse:
    organ = services.organ_styrelse(forbund=request.forbund)
    form = SammantradeCreateForm(
        request.POST or None,
        forbund=request.forbund,
        initial={
            "organ": organ,
            # The ordförande of the day is proposed; the service does the same for
            # the meeting's own date when none is chosen.
            "ordforande": selectors.ordforande_pa_datum(
                forbund=request.forbund, datum=dates.today()
            ),
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            sammantrade = services.sammantrade_create(**form.cleaned_data)
        except ValidationError as exc:
            _fel(request, exc)
        else:
            messages.success(request, "Sammanträdet är skapat med standardpunkterna.")
            return redirect(_detail_url(sammantrade))
    return render(
        request,
        "finsam/form.html",
        {
            "form": form,
            "title": "Nytt sammanträde",
            "cancel_url": reverse("styrelse:index"),
        },
    )


@require_GET
@roles(*READ)
def sammantrade_detail(request: ForbundRequest, sammantrade_id: int) -> HttpResponse:
    sammantrade = get_for_forbund(request, Sammantrade, pk=sammantrade_id)
    context = selectors.sammantrade_detail(sammantrade=sammantrade)
    idag = dates.today()
    context.update(
        justering_roll=selectors.justering_roll(
            sammantrade=sammantrade, user=request.user
        ),
        justering_forsenad=frister.justering_forsenad(sammantrade, idag),
        anslag_forsenat=(
            frister.anslag_forsenat(context["anslag"]) if context["anslag"] else False
        ),
        kan_kommentera=user_role(request.user) in KOMMENTERA
        and sammantrade.utkast_publicerat is not None
        and rules.kan_andras(sammantrade),
        narvaro_form=NarvaroForm(forbund=request.forbund),
        paragraf_form=ParagrafAddForm(
            forbund=request.forbund, ar=sammantrade.datum.year
        ),
        anslag_form=AnslagForm(
            forbund=request.forbund,
            initial={"uppsatt": frister.foreslagen_anslagsdag(sammantrade)},
        ),
    )
    context["narvaro_form"].helper.form_action = reverse(
        "styrelse:narvaro_create", args=[sammantrade.pk]
    )
    context["paragraf_form"].helper.form_action = reverse(
        "styrelse:paragraf_create", args=[sammantrade.pk]
    )
    context["anslag_form"].helper.form_action = reverse(
        "styrelse:anslag_create", args=[sammantrade.pk]
    )
    return render(request, "styrelse/sammantrade_detail.html", context)


@require_http_methods(["GET", "POST"])
@roles(*EDIT)
def sammantrade_edit(request: ForbundRequest, sammantrade_id: int) -> HttpResponse:
    sammantrade = get_for_forbund(request, Sammantrade, pk=sammantrade_id)
    orsak = rules.fryst_orsak(sammantrade)
    if orsak:
        messages.error(request, orsak)
        return redirect(_detail_url(sammantrade))
    initial = {name: getattr(sammantrade, name) for name in SammantradeForm.base_fields}
    form = SammantradeForm(
        request.POST or None, forbund=request.forbund, initial=initial
    )
    versionsfalt(form, sammantrade)
    if request.method == "POST" and form.is_valid():
        try:
            with samma_version(form, sammantrade):
                services.sammantrade_update(
                    sammantrade=sammantrade, **form.cleaned_data
                )
        except ValidationError as exc:
            _fel(request, exc)
        else:
            messages.success(request, "Sammanträdet är sparat.")
            return redirect(_detail_url(sammantrade))
    return render(
        request,
        "finsam/form.html",
        {
            "form": form,
            "title": f"Ändra {sammantrade}",
            "cancel_url": _detail_url(sammantrade),
        },
    )


@require_POST
@roles(*EDIT)
def paragraf_create(request: ForbundRequest, sammantrade_id: int) -> HttpResponse:
    sammantrade = get_for_forbund(request, Sammantrade, pk=sammantrade_id)
    form = ParagrafAddForm(
        request.POST, forbund=request.forbund, ar=sammantrade.datum.year
    )
    if not form.is_valid():
        messages.error(request, "Välj ett ärende eller skriv en rubrik.")
        return redirect(_detail_url(sammantrade))
    arende = form.cleaned_data["arende"]
    try:
        services.paragraf_add(
            sammantrade=sammantrade,
            rubrik=arende.rubrik if arende else form.cleaned_data["rubrik"],
            arende=arende,
        )
    except ValidationError as exc:
        _fel(request, exc)
    else:
        messages.success(request, "Paragrafen är tillagd.")
    return redirect(_detail_url(sammantrade))


@require_http_methods(["GET", "POST"])
@roles(*EDIT)
def paragraf_edit(request: ForbundRequest, paragraf_id: int) -> HttpResponse:
    paragraf = get_for_forbund(request, Paragraf, pk=paragraf_id)
    sammantrade = paragraf.sammantrade
    back = _detail_url(sammantrade) + f"#p{paragraf.nummer}"
    orsak = rules.fryst_orsak(paragraf)
    if orsak:
        messages.error(request, orsak)
        return redirect(back)
    form = ParagrafForm(
        request.POST or None,
        forbund=request.forbund,
        initial=ParagrafForm.initial_from(paragraf),
    )
    versionsfalt(form, paragraf)
    if request.method == "POST" and form.is_valid():
        try:
            with samma_version(form, paragraf):
                services.paragraf_update(paragraf=paragraf, **form.cleaned_data)
        except ValidationError as exc:
            _fel(request, exc)
        else:
            messages.success(request, f"§ {paragraf.nummer} är sparad.")
            return redirect(back)
    return render(
        request,
        "finsam/form.html",
        {
            "form": form,
            "title": f"§ {paragraf.nummer} {paragraf.rubrik}",
            "cancel_url": back,
        },
    )


@require_POST
@roles(*EDIT)
def narvaro_create(request: ForbundRequest, sammantrade_id: int) -> HttpResponse:
    sammantrade = get_for_forbund(request, Sammantrade, pk=sammantrade_id)
    form = NarvaroForm(request.POST, forbund=request.forbund)
    if not form.is_valid():
        messages.error(request, "Närvaron kunde inte sparas: välj person och roll.")
        return redirect(_detail_url(sammantrade))
    try:
        services.narvaro_add(sammantrade=sammantrade, **form.cleaned_data)
    except ValidationError as exc:
        _fel(request, exc)
    return redirect(_detail_url(sammantrade) + "#narvaro")


@require_POST
@roles(*EDIT)
def narvaro_delete(request: ForbundRequest, narvaro_id: int) -> HttpResponse:
    narvaro = get_for_forbund(request, Narvaro, pk=narvaro_id)
    sammantrade = narvaro.sammantrade
    try:
        services.narvaro_delete(narvaro=narvaro)
    except ValidationError as exc:
        _fel(request, exc)
    return redirect(_detail_url(sammantrade) + "#narvaro")


@require_POST
@roles(*EDIT)
def sammantrade_genomfort(request: ForbundRequest, sammantrade_id: int) -> HttpResponse:
    sammantrade = get_for_forbund(request, Sammantrade, pk=sammantrade_id)
    try:
        services.sammantrade_genomfort(sammantrade=sammantrade, idag=dates.today())
    except ValidationError as exc:
        _fel(request, exc)
    else:
        messages.success(request, "Sammanträdet är markerat som genomfört.")
    return redirect(_detail_url(sammantrade))


@require_POST
@roles(*EDIT)
def sammantrade_publicera(request: ForbundRequest, sammantrade_id: int) -> HttpResponse:
    sammantrade = get_for_forbund(request, Sammantrade, pk=sammantrade_id)
    try:
        services.utkast_publicera(sammantrade=sammantrade)
    except ValidationError as exc:
        _fel(request, exc)
    else:
        messages.success(request, "Utkastet är publicerat för styrelsen.")
    return redirect(_detail_url(sammantrade))


@require_POST
@roles(*KOMMENTERA)
def kommentar_create(request: ForbundRequest, paragraf_id: int) -> HttpResponse:
    paragraf = get_for_forbund(request, Paragraf, pk=paragraf_id)
    form = KommentarForm(request.POST, forbund=request.forbund)
    back = _detail_url(paragraf.sammantrade) + f"#p{paragraf.nummer}"
    if not form.is_valid():
        messages.error(request, "Skriv en kommentar.")
        return redirect(back)
    try:
        services.kommentar_create(
            paragraf=paragraf, user=request.user, text=form.cleaned_data["text"]
        )
    except ValidationError as exc:
        _fel(request, exc)
    else:
        messages.success(request, f"Kommentaren till § {paragraf.nummer} är sparad.")
    return redirect(back)


@require_POST
@roles(*EDIT)
def kommentar_losa(request: ForbundRequest, kommentar_id: int) -> HttpResponse:
    kommentar = get_for_forbund(request, Kommentar, pk=kommentar_id)
    services.kommentar_losa(kommentar=kommentar)
    paragraf = kommentar.paragraf
    return redirect(_detail_url(paragraf.sammantrade) + f"#p{paragraf.nummer}")


@require_http_methods(["GET", "POST"])
@roles(*KOMMENTERA)
def sammantrade_justera(request: ForbundRequest, sammantrade_id: int) -> HttpResponse:
    """The confirmation step: shows what is approved (the §§ and the content's hash)
    and any unresolved comments; the approval carries the hash the person saw."""
    sammantrade = get_for_forbund(request, Sammantrade, pk=sammantrade_id)
    orsak = rules.fryst_orsak(sammantrade)
    if orsak:
        messages.info(request, orsak)
        return redirect(_detail_url(sammantrade))
    underlag = selectors.justeringsunderlag(sammantrade=sammantrade, user=request.user)
    form = JusteringForm(
        request.POST or None,
        forbund=request.forbund,
        initial={"innehall_hash": underlag.innehall_hash},
        olosta=len(underlag.olosta_kommentarer),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.sammantrade_justera(
                sammantrade=sammantrade,
                user=request.user,
                sedd_hash=form.cleaned_data["innehall_hash"],
                motivering=form.cleaned_data["motivering"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            sammantrade.refresh_from_db()
            if sammantrade.ar_justerat:
                messages.success(request, "Protokollet är justerat.")
            else:
                messages.success(request, "Ditt godkännande är registrerat.")
            return redirect(_detail_url(sammantrade))
    return render(
        request,
        "styrelse/justera.html",
        {"sammantrade": sammantrade, "underlag": underlag, "form": form},
        status=400 if form.errors else 200,
    )


@require_POST
@roles(*EDIT)
def narvaro_hela_styrelsen(
    request: ForbundRequest, sammantrade_id: int
) -> HttpResponse:
    sammantrade = get_for_forbund(request, Sammantrade, pk=sammantrade_id)
    try:
        antal = services.narvaro_hela_styrelsen(sammantrade=sammantrade)
    except ValidationError as exc:
        _fel(request, exc)
    else:
        messages.success(
            request,
            f"{antal} ledamöter och ersättare enligt sammansättningen "
            f"{sammantrade.datum:%Y-%m-%d} är tillagda. Ta bort den som var frånvarande "
            "och ange vem som tjänstgjorde.",
        )
    return redirect(_detail_url(sammantrade) + "#narvaro")


@require_POST
@roles(*EDIT)
def anslag_create(request: ForbundRequest, sammantrade_id: int) -> HttpResponse:
    sammantrade = get_for_forbund(request, Sammantrade, pk=sammantrade_id)
    form = AnslagForm(request.POST, forbund=request.forbund)
    if not form.is_valid():
        messages.error(request, "Ange datum då anslaget sätts upp.")
        return redirect(_detail_url(sammantrade))
    try:
        anslag = services.anslag_publicera(sammantrade=sammantrade, **form.cleaned_data)
    except ValidationError as exc:
        _fel(request, exc)
    else:
        messages.success(
            request, "Protokollet är anslaget på den digitala anslagstavlan."
        )
        if frister.anslag_forsenat(anslag):
            messages.warning(
                request, "Anslaget sattes upp senare än andra dagen efter justeringen."
            )
    return redirect(_detail_url(sammantrade))


@require_GET
@roles(*READ)
def arende_list(request: ForbundRequest) -> HttpResponse:
    alla = selectors.arende_list(forbund=request.forbund)
    urval = ar_urval(request, ar_i(alla, "ar"))
    arenden = sida(request, alla.filter(ar=urval["ar"]))
    return render(
        request,
        "styrelse/arende_list.html",
        {"arenden": arenden, "sida": arenden, **urval},
    )


@require_http_methods(["GET", "POST"])
@roles(*EDIT)
def arende_create(request: ForbundRequest) -> HttpResponse:
    form = ArendeForm(request.POST or None, forbund=request.forbund)
    if request.method == "POST" and form.is_valid():
        arende = services.arende_create(
            forbund=request.forbund, ar=dates.today().year, **form.cleaned_data
        )
        messages.success(request, f"Ärendet har diarienummer {arende.diarienummer}.")
        return redirect("styrelse:arende_list")
    return render(
        request,
        "finsam/form.html",
        {
            "form": form,
            "title": "Nytt ärende",
            "cancel_url": reverse("styrelse:arende_list"),
        },
    )


def _forbund_by_orgnr(orgnr: str) -> Forbund:
    return get_object_or_404(Forbund, orgnr=orgnr)


@require_GET
@public
def anslagstavla(request: PublicRequest, orgnr: str) -> HttpResponse:
    """The anslag up today, nothing else: one that has come down leaves the board
    (the protocol itself is kept by the förbund)."""
    forbund = _forbund_by_orgnr(orgnr)
    return render(
        request,
        "styrelse/anslagstavla.html",
        {
            "tavla_forbund": forbund,
            "anslag_list": selectors.anslagstavla(forbund=forbund, idag=dates.today()),
        },
    )


def _anslaget(orgnr: str, sammantrade_id: int) -> Sammantrade:
    """A protocol whose anslag is up today; any other answers 404 (not yet up, come
    down, never put up, another förbund's)."""
    forbund = _forbund_by_orgnr(orgnr)
    idag = dates.today()
    sammantrade = (
        Sammantrade.objects.for_forbund(forbund)
        .filter(pk=sammantrade_id, anslag__uppsatt__lte=idag, anslag__nedtas__gte=idag)
        .select_related("organ__forbund", "anslag")
        .first()
    )
    if sammantrade is None:
        raise Http404("Inget anslaget protokoll.")
    return sammantrade


def _protokoll_pdf(
    request: HttpRequest, sammantrade: Sammantrade, *, offentlig: bool = False
) -> HttpResponse:
    return pdf_response(
        "styrelse/pdf/protokoll.html",
        selectors.protokoll_context(sammantrade=sammantrade, offentlig=offentlig),
        filename=f"protokoll-{sammantrade.datum:%Y-%m-%d}",
        request=request,
    )


@require_GET
@roles(*READ)
def protokoll_pdf(request: ForbundRequest, sammantrade_id: int) -> HttpResponse:
    sammantrade = get_for_forbund(request, Sammantrade, pk=sammantrade_id)
    return _protokoll_pdf(request, sammantrade)


@require_GET
@public
def anslag_protokoll_pdf(
    request: PublicRequest, orgnr: str, sammantrade_id: int
) -> HttpResponse:
    return _protokoll_pdf(request, _anslaget(orgnr, sammantrade_id), offentlig=True)


@require_GET
@roles(*READ)
def kallelse(request: ForbundRequest, sammantrade_id: int) -> HttpResponse:
    sammantrade = get_for_forbund(request, Sammantrade, pk=sammantrade_id)
    return render(
        request,
        "styrelse/kallelse.html",
        selectors.kallelse_context(sammantrade=sammantrade),
    )


@require_GET
@roles(*READ)
def kallelse_pdf(request: ForbundRequest, sammantrade_id: int) -> HttpResponse:
    sammantrade = get_for_forbund(request, Sammantrade, pk=sammantrade_id)
    return pdf_response(
        "styrelse/pdf/kallelse.html",
        selectors.kallelse_context(sammantrade=sammantrade),
        filename=f"kallelse-{sammantrade.datum:%Y-%m-%d}",
        request=request,
    )


@require_POST
@roles(*EDIT)
def kallelse_skicka(request: ForbundRequest, sammantrade_id: int) -> HttpResponse:
    sammantrade = get_for_forbund(request, Sammantrade, pk=sammantrade_id)
    lank = settings.SITE_URL + reverse("styrelse:kallelse", args=[sammantrade.pk])
    try:
        antal = services.kallelse_skicka(sammantrade=sammantrade, lank=lank)
    except ValidationError as exc:
        _fel(request, exc)
    else:
        messages.success(request, f"Kallelsen är skickad till {antal} mottagare.")
    return redirect("styrelse:kallelse", sammantrade_id=sammantrade.pk)


@require_GET
@roles(*READ)
def utdrag_pdf(request: ForbundRequest, paragraf_id: int) -> HttpResponse:
    paragraf = get_for_forbund(request, Paragraf, pk=paragraf_id)
    sammantrade = paragraf.sammantrade
    if not sammantrade.ar_justerat:
        messages.error(request, "Utdrag kan bara göras ur ett justerat protokoll.")
        return redirect(_detail_url(sammantrade))
    context = selectors.utdrag_context(paragraf=paragraf)
    return pdf_response(
        "styrelse/pdf/utdrag.html",
        context,
        filename=f"utdrag-{sammantrade.datum:%Y-%m-%d}-paragraf-{paragraf.nummer}",
        request=request,
    )


@require_http_methods(["GET", "POST"])
@roles(*EDIT)
def utdrag_bestyrk(request: ForbundRequest, paragraf_id: int) -> HttpResponse:
    """The one who certifies an utdrag says so, with name and date, on purpose."""
    paragraf = get_for_forbund(request, Paragraf, pk=paragraf_id)
    sammantrade = paragraf.sammantrade
    person = getattr(request.user, "person", None)
    form = UtdragsbestyrkandeForm(
        request.POST or None,
        forbund=request.forbund,
        initial={
            "namn": person.namn if person else request.user.get_full_name(),
            "datum": dates.today(),
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.utdrag_bestyrk(
                paragraf=paragraf, user=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            _fel(request, exc)
        else:
            messages.success(request, f"Utdraget av § {paragraf.nummer} är bestyrkt.")
            return redirect(_detail_url(sammantrade))
    return render(
        request,
        "finsam/form.html",
        {
            "form": form,
            "title": f"Bestyrk utdrag av § {paragraf.nummer} {paragraf.rubrik}",
            "cancel_url": _detail_url(sammantrade),
        },
    )


@require_GET
@roles(*READ)
def delegationsbeslut_list(request: ForbundRequest) -> HttpResponse:
    alla = selectors.delegationsbeslut_list(forbund=request.forbund)
    urval = ar_urval(request, ar_i(alla, "datum"))
    beslut = sida(request, alla.filter(datum__year=urval["ar"]))
    return render(
        request,
        "styrelse/delegationsbeslut_list.html",
        {
            "beslut": beslut,
            "sida": beslut,
            "delegationsordning": Delegationspunkt.objects.for_forbund(request.forbund),
            **urval,
        },
    )


@require_http_methods(["GET", "POST"])
@roles(*EDIT)
def delegationsbeslut_create(request: ForbundRequest) -> HttpResponse:
    form = DelegationsbeslutForm(request.POST or None, forbund=request.forbund)
    if request.method == "POST" and form.is_valid():
        beslut = services.delegationsbeslut_create(
            forbund=request.forbund, **form.cleaned_data
        )
        if beslut.anmald_paragraf:
            messages.success(
                request,
                "Beslutet är registrerat och anmäls vid sammanträdet "
                f"{beslut.anmald_paragraf.sammantrade.datum}.",
            )
        else:
            messages.success(
                request, "Beslutet är registrerat och anmäls vid nästa sammanträde."
            )
        return redirect("styrelse:delegationsbeslut_list")
    return render(
        request,
        "finsam/form.html",
        {
            "form": form,
            "title": "Registrera delegationsbeslut",
            "cancel_url": reverse("styrelse:delegationsbeslut_list"),
        },
    )


@require_http_methods(["GET", "POST"])
@roles(*EDIT)
def delegationspunkt_create(request: ForbundRequest) -> HttpResponse:
    form = DelegationspunktForm(request.POST or None, forbund=request.forbund)
    if request.method == "POST" and form.is_valid():
        services.delegationspunkt_create(forbund=request.forbund, **form.cleaned_data)
        messages.success(request, "Punkten är tillagd i delegationsordningen.")
        return redirect("styrelse:delegationsbeslut_list")
    return render(
        request,
        "finsam/form.html",
        {
            "form": form,
            "title": "Ny punkt i delegationsordningen",
            "cancel_url": reverse("styrelse:delegationsbeslut_list"),
        },
    )


@require_GET
@roles(*READ)
def arende_detail(request: ForbundRequest, arende_id: int) -> HttpResponse:
    arende = get_for_forbund(request, Arende, pk=arende_id)
    form = UploadForm(tillatna=services.BILAGA_TYPER, max_bytes=services.BILAGA_MAX)
    return render(
        request,
        "styrelse/arende_detail.html",
        {
            "arende": arende,
            "bilagor": arende.bilagor.defer("innehall").order_by("uppladdad", "id"),
            "paragrafer": arende.paragrafer.select_related("sammantrade__organ"),
            "form": form,
            "action": reverse("styrelse:bilaga_create", args=[arende.pk]),
        },
    )


@require_POST
@roles(*EDIT)
def bilaga_create(request: ForbundRequest, arende_id: int) -> HttpResponse:
    arende = get_for_forbund(request, Arende, pk=arende_id)
    form = UploadForm(
        request.POST,
        request.FILES,
        tillatna=services.BILAGA_TYPER,
        max_bytes=services.BILAGA_MAX,
    )
    if not form.is_valid():
        for fel in form.fel():
            messages.error(request, fel)
    else:
        fil = form.cleaned_data["fil"]
        try:
            services.bilaga_create(arende=arende, namn=fil.name, innehall=form.innehall)
        except ValidationError as exc:
            _fel(request, exc)
        else:
            messages.success(request, f"Bilagan {fil.name} är uppladdad.")
    return redirect("styrelse:arende_detail", arende_id=arende.pk)


@require_GET
@roles(*READ)
def bilaga_download(request: ForbundRequest, bilaga_id: int) -> HttpResponse:
    bilaga = get_for_forbund(request, Bilaga, pk=bilaga_id)
    response = HttpResponse(bytes(bilaga.innehall), content_type=bilaga.content_type)
    response["Content-Disposition"] = (
        f'attachment; filename="{bilaga.namn.encode("ascii", "replace").decode()}"'
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_POST
@roles(*KOMMENTERA)
def paragraf_justera(request: ForbundRequest, paragraf_id: int) -> HttpResponse:
    paragraf = get_for_forbund(request, Paragraf, pk=paragraf_id)
    try:
        services.paragraf_justera_omedelbart(
            paragraf=paragraf,
            user=request.user,
            sedd_hash=request.POST.get("innehall_hash") or "",
        )
    except ValidationError as exc:
        _fel(request, exc)
    else:
        paragraf.refresh_from_db()
        if paragraf.omedelbart_justerad:
            messages.success(request, f"§ {paragraf.nummer} är omedelbart justerad.")
        else:
            messages.success(
                request, f"Ditt godkännande av § {paragraf.nummer} är registrerat."
            )
    return redirect(_detail_url(paragraf.sammantrade) + f"#p{paragraf.nummer}")


@require_GET
@roles(*READ)
def sammantradesplan(request: ForbundRequest, ar: int) -> HttpResponse:
    return render(
        request,
        "styrelse/sammantradesplan.html",
        {
            "ar": ar,
            "sammantraden": selectors.sammantrade_list(forbund=request.forbund)
            .filter(datum__year=ar)
            .order_by("datum", "id"),
        },
    )


@require_http_methods(["GET", "POST"])
@roles(*EDIT)
def sammantrade_maskering(request: ForbundRequest, sammantrade_id: int) -> HttpResponse:
    """The kansli chooses what the public copy hides and sees the result beside it."""
    sammantrade = get_for_forbund(request, Sammantrade, pk=sammantrade_id)
    val = selectors.Maskeringsval.for_sammantrade(sammantrade)
    form = MaskeringForm(
        request.POST or None,
        forbund=request.forbund,
        alternativ=selectors.maskeringsalternativ(sammantrade),
        initial={
            "paragrafer": sorted(val.paragrafer),
            "arenden": sorted(val.arenden),
            "delegationsbeslut": sorted(val.delegationsbeslut),
            "personer": sorted(val.personer),
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.sammantrade_maskering_save(
                sammantrade=sammantrade, **form.cleaned_data
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "Maskeringen i den offentliga kopian är sparad.")
            return redirect("styrelse:sammantrade_maskering", sammantrade.pk)
    kopia = selectors.offentlig_kopia(sammantrade)
    return render(
        request,
        "styrelse/maskering.html",
        {
            "sammantrade": sammantrade,
            "form": form,
            "kopia": kopia,
            "paragrafer": kopia.innehall["paragrafer"],
        },
        status=400 if form.errors else 200,
    )


@require_GET
@roles(*READ)
def offentlig_kopia_pdf(request: ForbundRequest, sammantrade_id: int) -> HttpResponse:
    """The kansli's preview of the public copy (HTML with ?html=1), before and after
    the anslag: exactly what the anslagstavla serves."""
    sammantrade = get_for_forbund(request, Sammantrade, pk=sammantrade_id)
    return _protokoll_pdf(request, sammantrade, offentlig=True)
