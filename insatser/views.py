from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from finsam import dates
from finsam.access import EDIT, INSATSRAPPORTOR, READ, roles, user_role
from finsam.documents import xlsx_response
from finsam.http import ForbundRequest
from finsam.paging import ar_urval
from finsam.tenancy import get_for_forbund
from finsam.uploads import UploadForm
from finsam.versioner import InaktuellVersion, samma_version, versionsfalt
from finsam.views import edit_object
from insatser import pengar, selectors, services
from insatser.forms import (
    AvslutsorsakForm,
    AvvikelseForm,
    BemanningForm,
    ForbundsMalForm,
    IndikatorForm,
    IndikatorfragaForm,
    InsatsForm,
    KategoriForm,
    MalForm,
    MedfinansieringForm,
    NyRapportForm,
    PeriodrapportForm,
    RapportorForm,
    ReturForm,
    StrukturaktivitetForm,
    UnikaForm,
)
from insatser.models import (
    Avslutsorsak,
    Bemanning,
    ForbundsMal,
    Insats,
    Insatsrapportor,
    Kategori,
    Mal,
    Medfinansiering,
    Periodrapport,
    Strukturaktivitet,
)

RAPPORTERA = (*EDIT, INSATSRAPPORTOR)
LASA = (*READ, INSATSRAPPORTOR)


def _insats(request: ForbundRequest, insats_id: int) -> Insats:
    """The insats of the request's förbund; an insatsrapportör gets 404 for insatser not
    assigned to it."""
    insats = get_for_forbund(request, Insats, pk=insats_id)
    if user_role(request.user) == INSATSRAPPORTOR and not services.kan_rapportera(
        request.user, insats
    ):
        raise Http404("Hittades inte.")
    return insats


def _rapport(request: ForbundRequest, periodrapport_id: int) -> Periodrapport:
    rapport = get_for_forbund(request, Periodrapport, pk=periodrapport_id)
    _insats(request, rapport.insats_id)
    return rapport


@require_GET
@roles(*LASA)
def index(request: ForbundRequest) -> HttpResponse:
    # Insatser that ended before this year are listed on request (?visa=alla), so the
    # list does not grow with the förbund's history.
    visa_alla = request.GET.get("visa") == "alla"
    insatser = selectors.insats_list(
        forbund=request.forbund,
        user=request.user,
        fran_ar=None if visa_alla else dates.today().year,
    )
    return render(
        request, "insatser/index.html", {"insatser": insatser, "visa_alla": visa_alla}
    )


@require_GET
@roles(*LASA)
def insats_detail(request: ForbundRequest, insats_id: int) -> HttpResponse:
    insats = _insats(request, insats_id)
    rapporter = insats.periodrapporter.order_by("-ar", "-period")
    return render(
        request,
        "insatser/insats_detail.html",
        {
            "insats": insats,
            "mal": selectors.mal_med_resultat(insats=insats),
            "rapporter": rapporter,
            "kan_rapportera": services.kan_rapportera(request.user, insats),
            "rapportorsuppdrag": insats.rapportorsuppdrag.select_related("user"),
            "rapportor_form": RapportorForm(forbund=request.forbund),
            "bemanning": insats.bemanning.select_related("part"),
            "medfinansiering": insats.medfinansiering.all(),
            "pengar": _insats_pengar(request, insats),
        },
    )


def _insats_pengar(request: ForbundRequest, insats: Insats) -> list:
    """Budget and utfall of this year and the year before, from ekonomi's registry."""
    ar = dates.today().year
    out = []
    for a in (ar, ar - 1):
        p = pengar.insatser_pengar(request.forbund, a).get(insats.pk)
        if p is not None:
            out.append(p)
    return out


@require_POST
@roles(*EDIT)
def rapportor_add(request: ForbundRequest, insats_id: int) -> HttpResponse:
    insats = get_for_forbund(request, Insats, pk=insats_id)
    form = RapportorForm(request.POST, forbund=request.forbund)
    if form.is_valid():
        services.insatsrapportor_add(insats=insats, user=form.cleaned_data["user"])
        messages.success(request, "Insatsrapportören är tillagd.")
    else:
        messages.error(request, "Välj en insatsrapportör i förbundet.")
    return redirect("insatser:insats_detail", insats_id=insats.pk)


@require_POST
@roles(*EDIT)
def rapportor_remove(request: ForbundRequest, insatsrapportor_id: int) -> HttpResponse:
    uppdrag = get_for_forbund(request, Insatsrapportor, pk=insatsrapportor_id)
    insats_id = uppdrag.insats_id
    services.insatsrapportor_remove(uppdrag=uppdrag)
    messages.success(request, "Insatsrapportören är borttagen från insatsen.")
    return redirect("insatser:insats_detail", insats_id=insats_id)


def _insats_url(insats: Insats) -> str:
    return reverse("insatser:insats_detail", args=[insats.pk])


@require_http_methods(["GET", "POST"])
@roles(*EDIT)
def mal_create(request: ForbundRequest, insats_id: int) -> HttpResponse:
    insats = get_for_forbund(request, Insats, pk=insats_id)
    return edit_object(
        request,
        form_class=MalForm,
        instance=Mal(insats=insats, ar=dates.today().year),
        save=lambda form: services.mal_save(
            insats=insats, mal=form.instance, **form.cleaned_data
        ),
        title=f"Nytt mål för {insats}",
        success_url=_insats_url(insats),
    )


@require_http_methods(["GET", "POST"])
@roles(*EDIT)
def mal_update(request: ForbundRequest, mal_id: int) -> HttpResponse:
    mal = get_for_forbund(request, Mal, pk=mal_id)
    return edit_object(
        request,
        form_class=MalForm,
        instance=mal,
        save=lambda form: services.mal_save(
            insats=mal.insats, mal=mal, **form.cleaned_data
        ),
        title=f"Ändra mål för {mal.insats}",
        success_url=_insats_url(mal.insats),
    )


@require_http_methods(["GET", "POST"])
@roles(*EDIT)
def bemanning_create(request: ForbundRequest, insats_id: int) -> HttpResponse:
    insats = get_for_forbund(request, Insats, pk=insats_id)
    return edit_object(
        request,
        form_class=BemanningForm,
        instance=Bemanning(insats=insats),
        save=lambda form: services.bemanning_save(
            insats=insats, bemanning=form.instance, **form.cleaned_data
        ),
        title=f"Bemanning i {insats}",
        success_url=_insats_url(insats),
    )


@require_http_methods(["GET", "POST"])
@roles(*EDIT)
def medfinansiering_create(request: ForbundRequest, insats_id: int) -> HttpResponse:
    insats = get_for_forbund(request, Insats, pk=insats_id)
    return edit_object(
        request,
        form_class=MedfinansieringForm,
        instance=Medfinansiering(insats=insats),
        save=lambda form: services.medfinansiering_save(
            insats=insats, medfinansiering=form.instance, **form.cleaned_data
        ),
        title=f"Extern medfinansiering av {insats}",
        success_url=_insats_url(insats),
    )


@require_http_methods(["GET", "POST"])
@roles(*EDIT)
def insats_create(request: ForbundRequest) -> HttpResponse:
    return _insats_form(request, None)


@require_http_methods(["GET", "POST"])
@roles(*EDIT)
def insats_update(request: ForbundRequest, insats_id: int) -> HttpResponse:
    return _insats_form(request, get_for_forbund(request, Insats, pk=insats_id))


def _insats_form(request: ForbundRequest, insats: Insats | None) -> HttpResponse:
    return edit_object(
        request,
        form_class=InsatsForm,
        instance=insats,
        save=lambda form: services.insats_save(
            forbund=request.forbund, insats=form.instance, **form.cleaned_data
        ),
        title=f"Ändra {insats}" if insats else "Ny insats",
        success_url=_insats_url,
        cancel_url=_insats_url(insats) if insats else reverse("insatser:index"),
        success_message=lambda sparad: f"Insatsen {sparad} är sparad.",
    )


@require_http_methods(["GET", "POST"])
@roles(*RAPPORTERA)
def rapport_create(request: ForbundRequest, insats_id: int) -> HttpResponse:
    insats = _insats(request, insats_id)
    form = NyRapportForm(
        request.POST or None,
        initial={"ar": dates.today().year, "period": Periodrapport.T1},
    )
    if request.method == "POST" and form.is_valid():
        rapport = services.periodrapport_get_or_create(
            insats=insats,
            ar=form.cleaned_data["ar"],
            period=form.cleaned_data["period"],
        )
        return redirect("insatser:rapport_edit", periodrapport_id=rapport.pk)
    return render(
        request, "insatser/rapport_create.html", {"insats": insats, "form": form}
    )


def _orsaker(request: ForbundRequest) -> list[Avslutsorsak]:
    return selectors.avslutsorsaker(forbund=request.forbund)


@require_GET
@roles(*LASA)
def rapport_detail(request: ForbundRequest, periodrapport_id: int) -> HttpResponse:
    rapport = _rapport(request, periodrapport_id)
    avvikelser = services.rapport_avvikelser(rapport)
    return render(
        request,
        "insatser/rapport_detail.html",
        {
            "rapport": rapport,
            "insats": rapport.insats,
            "avslut": rapport.avslut.select_related("avslutsorsak"),
            "antal": rapport.antal.select_related("kategori").order_by(
                "kategori__dimension", "tillfalle", "kategori__sortering"
            ),
            "avvikelser": avvikelser,
            "godkanda": set(rapport.avvikelse_koder or []),
            "kan_rapportera": services.kan_rapportera(request.user, rapport.insats),
            "retur_form": ReturForm(),
            "avvikelse_form": AvvikelseForm(avvikelser=avvikelser),
        },
    )


@require_http_methods(["GET", "POST"])
@roles(*RAPPORTERA)
def rapport_edit(request: ForbundRequest, periodrapport_id: int) -> HttpResponse:
    rapport = _rapport(request, periodrapport_id)
    if not rapport.kan_andras:
        messages.info(request, "Rapporten är inlämnad och kan inte ändras.")
        return redirect("insatser:rapport_detail", periodrapport_id=rapport.pk)
    orsaker = _orsaker(request)
    form = PeriodrapportForm(
        request.POST or None,
        orsaker=orsaker,
        rapport=rapport,
        kategorier=selectors.kategorier(forbund=request.forbund),
    )
    versionsfalt(form, rapport)
    if request.method == "POST" and form.is_valid():
        try:
            with samma_version(form, rapport):
                services.periodrapport_save(
                    insats=rapport.insats,
                    ar=rapport.ar,
                    period=rapport.period,
                    siffror={**form.siffror(), **form.ovrigt()},
                    avslut=form.avslut(),
                    berattelse=form.cleaned_data["berattelse"],
                    rapport=rapport,
                    antal=form.antal(),
                )
        except InaktuellVersion as exc:
            messages.error(request, exc.messages[0])
        else:
            if "lamna_in" in request.POST:
                try:
                    services.periodrapport_submit(rapport=rapport, user=request.user)
                except ValidationError:
                    for fel in services.blockerande_avvikelser(rapport):
                        form.add_error(fel.falt, fel.meddelande)
                    messages.error(
                        request,
                        "Rapporten är sparad som utkast men kan inte lämnas in: "
                        "rätta felen nedan.",
                    )
                else:
                    messages.success(request, "Rapporten är inlämnad till kansliet.")
                    return redirect(
                        "insatser:rapport_detail", periodrapport_id=rapport.pk
                    )
            else:
                messages.success(request, "Utkastet är sparat.")
                return redirect("insatser:rapport_edit", periodrapport_id=rapport.pk)
    # The rules the saved draft breaks, listed at once (errors sit next to the fields
    # after an attempt to submit).
    varningar = (
        []
        if form.is_bound
        else [a.meddelande for a in services.blockerande_avvikelser(rapport)]
    )
    return render(
        request,
        "insatser/rapport_form.html",
        {"rapport": rapport, "form": form, "varningar": varningar},
    )


@require_POST
@roles(*EDIT)
def rapport_approve(request: ForbundRequest, periodrapport_id: int) -> HttpResponse:
    rapport = _rapport(request, periodrapport_id)
    try:
        services.periodrapport_approve(rapport=rapport, user=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, "Rapporten är godkänd.")
    return redirect("insatser:rapport_detail", periodrapport_id=rapport.pk)


@require_POST
@roles(*EDIT)
def rapport_return(request: ForbundRequest, periodrapport_id: int) -> HttpResponse:
    rapport = _rapport(request, periodrapport_id)
    form = ReturForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError([e for errs in form.errors.values() for e in errs])
        services.periodrapport_return(
            rapport=rapport, user=request.user, kommentar=form.cleaned_data["kommentar"]
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, "Rapporten är återsänd till insatsen.")
    return redirect("insatser:rapport_detail", periodrapport_id=rapport.pk)


@require_POST
@roles(*EDIT)
def rapport_avvikelse(request: ForbundRequest, periodrapport_id: int) -> HttpResponse:
    rapport = _rapport(request, periodrapport_id)
    form = AvvikelseForm(request.POST, avvikelser=services.rapport_avvikelser(rapport))
    try:
        if not form.is_valid():
            raise ValidationError([e for errs in form.errors.values() for e in errs])
        services.periodrapport_accept_deviation(
            rapport=rapport,
            user=request.user,
            koder=form.cleaned_data["koder"],
            motivering=form.cleaned_data["motivering"],
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, "Avvikelsen är godtagen och flaggas i rapporten.")
    return redirect("insatser:rapport_detail", periodrapport_id=rapport.pk)


@require_GET
@roles(*READ)
def sena_rapporter(request: ForbundRequest) -> HttpResponse:
    idag = dates.today()
    return render(
        request,
        "insatser/sena_rapporter.html",
        {
            "sena": selectors.sena_rapporter(forbund=request.forbund, idag=idag),
            "idag": idag,
        },
    )


@require_GET
@roles(*READ)
def granska(request: ForbundRequest) -> HttpResponse:
    rapporter = selectors.rapporter_att_granska(forbund=request.forbund)
    return render(request, "insatser/granska.html", {"rapporter": rapporter})


def _forbundsmal_resultat(mal: ForbundsMal, unika: int | None, detaljer: dict) -> str:
    if mal.typ == ForbundsMal.UNIKA and unika is not None:
        return f"{unika} unika deltagare"
    if mal.typ == ForbundsMal.ANDEL_ARBETE_STUDIER:
        a = detaljer["andel_arbete"]["totalt"]
        if a["av"]:
            return f"{a['andel']} ({a['antal']} av {a['av']})"
    return mal.resultat_text


@require_GET
@roles(*READ)
def statistik(request: ForbundRequest, ar: int) -> HttpResponse:
    rader, total, unika = selectors.flodessammanfattning(forbund=request.forbund, ar=ar)
    detaljer = selectors.statistik_detaljer(forbund=request.forbund, ar=ar)
    return render(
        request,
        "insatser/statistik.html",
        {
            "ar": ar,
            "rader": rader,
            "total": total,
            "unika": unika,
            "svg": mark_safe(selectors.flodes_svg(rader)),  # noqa: S308 - escaped inside
            "avvikelser": [r for r in rader if r.avvikelse],
            "forbundsmal": [
                (mal, _forbundsmal_resultat(mal, unika, detaljer))
                for mal in detaljer["forbundsmal"]
            ],
            "unika_form": UnikaForm(initial={"antal": unika}),
            "detaljer": detaljer,
            "kategoritabeller": [
                (rubrik, detaljer["kategorier"][nyckel])
                for nyckel, rubrik in selectors.KATEGORI_RUBRIKER
                if nyckel in detaljer["kategorier"]
            ],
        },
    )


@require_GET
@roles(*READ)
def statistik_excel(request: ForbundRequest, ar: int) -> HttpResponse:
    from insatser.excel import statistik_workbook

    return xlsx_response(
        statistik_workbook(request.forbund, ar), f"deltagarstatistik-{ar}"
    )


@require_GET
@roles(*READ)
def uppfoljning(request: ForbundRequest, ar: int) -> HttpResponse:
    medel = pengar.uppfoljning_pengar(request.forbund, ar)
    return render(
        request,
        "insatser/uppfoljning.html",
        {
            "ar": ar,
            "rader": [
                (r, medel.insatser.get(r.insats.pk))
                for r in selectors.uppfoljning_finsam(forbund=request.forbund, ar=ar)
            ],
            "pengar": medel,
        },
    )


@require_GET
@roles(*READ)
def uppfoljning_excel(request: ForbundRequest, ar: int) -> HttpResponse:
    from insatser.excel import uppfoljning_workbook

    return xlsx_response(
        uppfoljning_workbook(request.forbund, ar), f"uppfoljning-finsam-{ar}"
    )


@require_POST
@roles(*EDIT)
def unika_save(request: ForbundRequest, ar: int) -> HttpResponse:
    form = UnikaForm(request.POST)
    if form.is_valid():
        services.unika_deltagare_save(
            forbund=request.forbund, ar=ar, antal=form.cleaned_data["antal"]
        )
        messages.success(request, f"Antalet unika deltagare {ar} är sparat.")
    else:
        messages.error(request, "Ange antalet unika deltagare som ett heltal.")
    return redirect("insatser:statistik", ar=ar)


@require_GET
@roles(*RAPPORTERA)
def rapport_excel(request: ForbundRequest, periodrapport_id: int) -> HttpResponse:
    from insatser.excel import rapport_template

    rapport = _rapport(request, periodrapport_id)
    return xlsx_response(
        rapport_template(rapport, _orsaker(request)),
        f"rapport-{rapport.insats_id}-{rapport.ar}-{rapport.period}",
    )


def _upload(
    request: ForbundRequest,
    *,
    importera: Callable[[bytes], list[str]],
    titel: str,
    mall_url: str,
    ifyllnad: str,
    tillbaka_url: str,
    klart: str,
) -> HttpResponse:
    """An Excel upload page: the file is checked (finsam/uploads.py), then imported all
    or nothing; every bad row is listed and nothing is saved."""
    form = UploadForm(request.POST or None, request.FILES or None)
    fel: list[str] = []
    if request.method == "POST":
        fel = importera(form.innehall) if form.is_valid() else form.fel()
        if not fel:
            messages.success(request, klart)
            return redirect(tillbaka_url)
    return render(
        request,
        "insatser/upload.html",
        {
            "form": form,
            "fel": fel,
            "titel": titel,
            "mall_url": mall_url,
            "ifyllnad": ifyllnad,
            "cancel_url": tillbaka_url,
        },
        status=400 if fel else 200,
    )


@require_http_methods(["GET", "POST"])
@roles(*RAPPORTERA)
def rapport_upload(request: ForbundRequest, periodrapport_id: int) -> HttpResponse:
    from insatser.excel import import_rapport

    rapport = _rapport(request, periodrapport_id)
    return _upload(
        request,
        importera=lambda data: import_rapport(
            rapport=rapport, data=data, orsaker=_orsaker(request)
        ),
        titel=f"Ladda upp Excelrapport: {rapport.insats.namn}, "
        f"{rapport.get_period_display()} {rapport.ar}",
        mall_url=reverse("insatser:rapport_excel", args=[rapport.pk]),
        ifyllnad="antalen",
        tillbaka_url=reverse("insatser:rapport_edit", args=[rapport.pk]),
        klart="Excelrapporten är inläst som utkast. Granska och lämna in.",
    )


@require_GET
@roles(*READ)
def struktur_list(request: ForbundRequest) -> HttpResponse:
    alla = selectors.strukturaktiviteter(forbund=request.forbund)
    per_ar = selectors.struktur_deltagare_per_ar(forbund=request.forbund)
    urval = ar_urval(request, [ar for ar, _ in per_ar])
    return render(
        request,
        "insatser/struktur_list.html",
        {
            "aktiviteter": alla.filter(datum__year=urval["ar"]),
            "per_ar": per_ar,
            **urval,
        },
    )


@require_http_methods(["GET", "POST"])
@roles(*EDIT)
def struktur_create(request: ForbundRequest) -> HttpResponse:
    return _struktur_form(request, None)


@require_http_methods(["GET", "POST"])
@roles(*EDIT)
def forbundsmal_create(request: ForbundRequest) -> HttpResponse:
    mal = ForbundsMal(forbund=request.forbund, ar=dates.today().year)
    return _forbundsmal_form(
        request, mal, "Nytt mål för förbundet", reverse("insatser:statistik_index")
    )


@require_http_methods(["GET", "POST"])
@roles(*EDIT)
def kategorier(request: ForbundRequest) -> HttpResponse:
    orsak_form = AvslutsorsakForm(
        request.POST if "orsak-namn" in request.POST else None,
        instance=Avslutsorsak(forbund=request.forbund),
        forbund=request.forbund,
        prefix="orsak",
    )
    kategori_form = KategoriForm(
        request.POST if "kat-namn" in request.POST else None,
        instance=Kategori(forbund=request.forbund),
        forbund=request.forbund,
        prefix="kat",
    )
    for form, save in (
        (orsak_form, services.avslutsorsak_save),
        (kategori_form, services.kategori_save),
    ):
        if form.is_bound and form.is_valid():
            sparad = save(forbund=request.forbund, **form.cleaned_data)
            messages.success(request, f"{sparad} är tillagd.")
            return redirect("insatser:kategorier")
    return render(
        request,
        "insatser/kategorier.html",
        {
            "orsaker": selectors.avslutsorsaker(forbund=request.forbund),
            "kategorier": selectors.kategorier(forbund=request.forbund),
            "orsak_form": orsak_form,
            "kategori_form": kategori_form,
        },
    )


@require_GET
@roles(*READ)
def indikatorer(request: ForbundRequest, ar: int) -> HttpResponse:
    return render(
        request,
        "insatser/indikatorer.html",
        {"ar": ar, "rader": selectors.indikatorer(forbund=request.forbund, ar=ar)},
    )


@require_http_methods(["GET", "POST"])
@roles(*EDIT)
def indikatorer_edit(request: ForbundRequest, ar: int) -> HttpResponse:
    fragor = selectors.indikatorfragor(forbund=request.forbund)
    resultat = selectors.indikatorresultat_for_ar(forbund=request.forbund, ar=ar)
    form = IndikatorForm(request.POST or None, fragor=fragor, resultat=resultat)
    if request.method == "POST" and form.is_valid():
        antal = services.indikatorresultat_save(
            forbund=request.forbund, ar=ar, varden=form.varden()
        )
        messages.success(request, f"{antal} indikatorresultat för {ar} är sparade.")
        return redirect("insatser:indikatorer", ar=ar)
    return render(request, "insatser/indikatorer_form.html", {"ar": ar, "form": form})


@require_http_methods(["GET", "POST"])
@roles(*EDIT)
def indikatorfraga_create(request: ForbundRequest) -> HttpResponse:
    return edit_object(
        request,
        form_class=IndikatorfragaForm,
        instance=None,
        save=lambda form: services.indikatorfraga_save(
            forbund=request.forbund, fraga=form.instance, **form.cleaned_data
        ),
        title="Ny indikatorfråga",
        success_url=reverse("insatser:indikatorer", args=[dates.today().year]),
    )


@require_GET
@roles(*READ)
def statistik_index(request: ForbundRequest) -> HttpResponse:
    """The latest year with approved helår reports (else last year)."""
    senaste = selectors.senaste_statistikar(forbund=request.forbund)
    return redirect("insatser:statistik", ar=senaste or dates.today().year - 1)


@require_GET
@roles(*READ)
def indikatorer_index(request: ForbundRequest) -> HttpResponse:
    senaste = selectors.senaste_indikatorar(forbund=request.forbund)
    return redirect("insatser:indikatorer", ar=senaste or dates.today().year)


@require_GET
@roles(*READ)
def indikatorer_excel(request: ForbundRequest, ar: int) -> HttpResponse:
    from insatser.excel import indikator_template

    return xlsx_response(indikator_template(request.forbund, ar), f"indikatorer-{ar}")


@require_http_methods(["GET", "POST"])
@roles(*EDIT)
def indikatorer_upload(request: ForbundRequest, ar: int) -> HttpResponse:
    from insatser.excel import import_indikatorer

    return _upload(
        request,
        importera=lambda data: import_indikatorer(
            forbund=request.forbund, ar=ar, data=data
        ),
        titel=f"Ladda upp indikatorresultat {ar}",
        mall_url=reverse("insatser:indikatorer_excel", args=[ar]),
        ifyllnad="andelar och antal svar",
        tillbaka_url=reverse("insatser:indikatorer", args=[ar]),
        klart=f"Indikatorresultaten för {ar} är inlästa.",
    )


@require_http_methods(["GET", "POST"])
@roles(*EDIT)
def struktur_update(request: ForbundRequest, strukturaktivitet_id: int) -> HttpResponse:
    aktivitet = get_for_forbund(request, Strukturaktivitet, pk=strukturaktivitet_id)
    return _struktur_form(request, aktivitet)


def _struktur_form(
    request: ForbundRequest, aktivitet: Strukturaktivitet | None
) -> HttpResponse:
    return edit_object(
        request,
        form_class=StrukturaktivitetForm,
        instance=aktivitet,
        save=lambda form: services.strukturaktivitet_save(
            forbund=request.forbund, aktivitet=form.instance, **form.cleaned_data
        ),
        title=f"Ändra {aktivitet}" if aktivitet else "Ny strukturaktivitet",
        success_url=reverse("insatser:struktur_list"),
    )


@require_http_methods(["GET", "POST"])
@roles(*EDIT)
def forbundsmal_update(request: ForbundRequest, forbundsmal_id: int) -> HttpResponse:
    mal = get_for_forbund(request, ForbundsMal, pk=forbundsmal_id)
    return _forbundsmal_form(
        request,
        mal,
        "Ändra förbundets mål",
        reverse("insatser:statistik", args=[mal.ar]),
    )


def _forbundsmal_form(
    request: ForbundRequest, mal: ForbundsMal, title: str, success_url: str
) -> HttpResponse:
    return edit_object(
        request,
        form_class=ForbundsMalForm,
        instance=mal,
        save=lambda form: services.forbundsmal_save(
            forbund=request.forbund, mal=form.instance, **form.cleaned_data
        ),
        title=title,
        success_url=success_url,
    )


@require_GET
@roles(*READ)
def statistik_pdf(request: ForbundRequest, ar: int) -> HttpResponse:
    from finsam.documents import pdf_response
    from insatser.pdf import statistik_context

    return pdf_response(
        "insatser/pdf/deltagarstatistik.html",
        statistik_context(request.forbund, ar),
        filename=f"deltagarstatistik-{ar}",
        request=request,
    )
