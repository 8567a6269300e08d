from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from finsam import dates, excel, forsegling_avgifter, selectors, services
from finsam.access import (
    ADMIN,
    ALL_ROLES,
    EDIT,
    READ,
    has_role,
    roles,
    superuser_only,
)
from finsam.dashboard import panels_for
from finsam.documents import documents_for, pdf_response, xlsx_response
from finsam.forms import (
    AvgiftsbeslutForm,
    BudForm,
    DatumForm,
    ExternIntaktForm,
    InstallningarForm,
    KommununderlagForm,
    LosenordForm,
    MedlemForm,
    PersonForm,
    UnderlagImportForm,
    UppdragForm,
    UserForm,
)
from finsam.frysning import fryst_orsak
from finsam.http import ForbundRequest
from finsam.middleware import SESSION_KEY
from finsam.models import (
    Avgiftsbeslut,
    Avgiftsbud,
    ExternIntakt,
    Forbund,
    Medlem,
    Person,
    Uppdrag,
    User,
)
from finsam.paging import ar_val
from finsam.tenancy import get_for_forbund
from finsam.versioner import samma_version, versionsfalt


def edit_object(
    request: ForbundRequest,
    *,
    form_class,
    instance,
    save: Callable[..., Any],
    title: str,
    success_url: str | Callable[[Any], str],
    cancel_url: str | None = None,
    success_message: str | Callable[[Any], str] = "Ändringarna är sparade.",
) -> HttpResponse:
    """Bind, validate and save one form through its service; shared by the edit pages
    of every app. ``save(form)`` returns the saved object, which ``success_url`` and
    ``success_message`` may take when they are callables. A record someone else saved
    after the form was loaded is not overwritten (finsam/versioner.py)."""
    form = form_class(request.POST or None, instance=instance, forbund=request.forbund)
    versionsfalt(form, instance)
    if request.method == "POST" and form.is_valid():
        try:
            with samma_version(form, instance):
                saved = save(form)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                success_message(saved)
                if callable(success_message)
                else success_message,
            )
            return redirect(
                success_url(saved) if callable(success_url) else success_url
            )
    if cancel_url is None:
        cancel_url = success_url if isinstance(success_url, str) else request.path
    return render(
        request,
        "finsam/form.html",
        {"form": form, "title": title, "cancel_url": cancel_url},
        status=400 if form.errors else 200,
    )


@require_GET
@roles(*ALL_ROLES)
def dashboard(request: ForbundRequest) -> HttpResponse:
    forbund = request.forbund
    return render(
        request,
        "finsam/dashboard.html",
        {
            "counts": selectors.dashboard_counts(forbund=forbund, datum=dates.today()),
            "visa_antal": has_role(request.user, EDIT),
            "panels": panels_for(request),
        },
    )


# --- Medlemmar -----------------------------------------------------------------


@require_GET
@roles(*READ)
def medlem_list(request: ForbundRequest) -> HttpResponse:
    return render(
        request,
        "finsam/medlem_list.html",
        {"medlemmar": selectors.medlemmar_list(forbund=request.forbund)},
    )


@require_http_methods(["GET", "POST"])
@roles(*EDIT)
def medlem_edit(request: ForbundRequest, medlem_id: int | None = None) -> HttpResponse:
    medlem = get_for_forbund(request, Medlem, pk=medlem_id) if medlem_id else None
    return edit_object(
        request,
        form_class=MedlemForm,
        instance=medlem,
        save=lambda form: services.medlem_save(
            forbund=request.forbund, medlem=form.instance, **form.cleaned_data
        ),
        title=f"Ändra {medlem}" if medlem else "Ny medlem",
        success_url=reverse("finsam:medlem_list"),
        cancel_url=reverse("finsam:medlem_list"),
    )


# --- Personer och uppdrag ------------------------------------------------------


@require_GET
@roles(*READ)
def person_list(request: ForbundRequest) -> HttpResponse:
    return render(
        request,
        "finsam/person_list.html",
        {"personer": selectors.personer_list(forbund=request.forbund)},
    )


@require_http_methods(["GET", "POST"])
@roles(*EDIT)
def person_edit(request: ForbundRequest, person_id: int | None = None) -> HttpResponse:
    person = get_for_forbund(request, Person, pk=person_id) if person_id else None
    return edit_object(
        request,
        form_class=PersonForm,
        instance=person,
        save=lambda form: services.person_save(
            forbund=request.forbund, person=form.instance, **form.cleaned_data
        ),
        title=f"Ändra {person.namn}" if person else "Ny person",
        success_url=reverse("finsam:person_list"),
        cancel_url=reverse("finsam:person_list"),
    )


def _datum_param(request: ForbundRequest) -> tuple[DatumForm, dt.date]:
    form = DatumForm(request.GET or None)
    datum = dates.today()
    if form.is_valid() and form.cleaned_data["datum"]:
        datum = form.cleaned_data["datum"]
    return form, datum


@require_GET
@roles(*READ)
def uppdrag_list(request: ForbundRequest) -> HttpResponse:
    form, datum = _datum_param(request)
    giltighet = request.GET.get("visa", selectors.AKTUELLA)
    uppdrag = selectors.uppdrag_list(
        forbund=request.forbund, giltighet=giltighet, idag=dates.today()
    )
    return render(
        request,
        "finsam/uppdrag_list.html",
        {
            "datum_form": form,
            "datum": datum,
            "visa": giltighet,
            "visningar": [
                (selectors.AKTUELLA, "Pågående"),
                (selectors.TIDIGARE, "Avslutade"),
                (selectors.ALLA, "Alla"),
            ],
            "styrelse": selectors.styrelse_sammansattning(
                forbund=request.forbund, datum=datum
            ),
            "uppdrag": uppdrag,
        },
    )


@require_http_methods(["GET", "POST"])
@roles(*EDIT)
def uppdrag_edit(
    request: ForbundRequest, uppdrag_id: int | None = None
) -> HttpResponse:
    uppdrag = get_for_forbund(request, Uppdrag, pk=uppdrag_id) if uppdrag_id else None
    return edit_object(
        request,
        form_class=UppdragForm,
        instance=uppdrag,
        save=lambda form: services.uppdrag_save(
            forbund=request.forbund, uppdrag=form.instance, **form.cleaned_data
        ),
        title="Ändra uppdrag" if uppdrag else "Nytt uppdrag",
        success_url=reverse("finsam:uppdrag_list"),
        cancel_url=reverse("finsam:uppdrag_list"),
    )


@require_POST
@roles(*EDIT)
def uppdrag_delete(request: ForbundRequest, uppdrag_id: int) -> HttpResponse:
    uppdrag = get_for_forbund(request, Uppdrag, pk=uppdrag_id)
    services.uppdrag_delete(uppdrag=uppdrag)
    messages.success(request, "Uppdraget är borttaget.")
    return redirect("finsam:uppdrag_list")


@require_GET
@roles(*READ)
def styrelsen(request: ForbundRequest) -> HttpResponse:
    form, datum = _datum_param(request)
    return render(
        request,
        "finsam/styrelsen.html",
        {
            "datum_form": form,
            "datum": datum,
            "rader": selectors.styrelse_sammansattning(
                forbund=request.forbund, datum=datum
            ),
        },
    )


# --- Dokument och förbund ------------------------------------------------------


@require_GET
@roles(*READ)
def dokument(request: ForbundRequest) -> HttpResponse:
    ar = ar_val(request)
    return render(
        request,
        "finsam/dokument.html",
        {"ar": ar, "dokument": documents_for(request.forbund, ar)},
    )


@require_GET
@roles(ADMIN)
def user_list(request: ForbundRequest) -> HttpResponse:
    return render(
        request,
        "finsam/user_list.html",
        {"users": selectors.users_list(forbund=request.forbund)},
    )


@require_http_methods(["GET", "POST"])
@roles(ADMIN)
def user_edit(request: ForbundRequest, user_id: int | None = None) -> HttpResponse:
    user = get_for_forbund(request, User, pk=user_id) if user_id else None

    def save(form):
        data = dict(form.cleaned_data)
        password = data.pop("password", "")
        if user is not None and user.pk == request.user.pk and not data["is_active"]:
            raise ValidationError("Du kan inte stänga av ditt eget konto.")
        services.user_save(
            forbund=request.forbund,
            user=form.instance,
            password=password,
            av=request.user,
            **data,
        )

    return edit_object(
        request,
        form_class=UserForm,
        instance=user,
        save=save,
        title=f"Ändra {user.username}" if user else "Ny användare",
        success_url=reverse("finsam:user_list"),
        cancel_url=reverse("finsam:user_list"),
    )


@require_http_methods(["GET", "POST"])
@superuser_only
def forbund_valj(request: ForbundRequest) -> HttpResponse:
    """A superuser chooses which förbund to work in."""
    if request.method == "POST":
        forbund_id = request.POST.get("forbund", "")
        chosen = (
            Forbund.objects.filter(pk=forbund_id).first()
            if forbund_id.isdigit()
            else None
        )
        if chosen is None:
            messages.error(request, "Välj ett förbund i listan.")
        else:
            request.session[SESSION_KEY] = chosen.pk
            messages.success(request, f"Du arbetar nu i {chosen.namn}.")
            return redirect("finsam:dashboard")
    return render(request, "finsam/forbund_valj.html", {"alla": Forbund.objects.all()})


# --- Medlemsavgifter ----------------------------------------------------------------


def add_validation_error(form, exc: ValidationError) -> None:
    """Put a service's ValidationError on the form: on its field where it names one."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


@require_GET
@roles(*READ)
def avgift_list(request: ForbundRequest) -> HttpResponse:
    return render(
        request,
        "finsam/avgift_list.html",
        {
            "beslut": selectors.avgiftsbeslut_list(forbund=request.forbund),
            "regel": services.AVRUNDNINGSREGEL,
        },
    )


def _beslut_form_view(
    request: ForbundRequest, *, beslut=None, ersatter=None
) -> HttpResponse:
    base = ersatter or beslut
    initial = {}
    if base is not None:
        initial = {
            "ar": base.ar,
            "total": int(base.total),
            "metod": base.metod,
            "paragraf": "" if ersatter else base.paragraf,
            "beslutsparagraf": None if ersatter else base.beslutsparagraf_id,
            "beslutsdatum": None if ersatter else base.beslutsdatum,
            "avsandare": base.avsandare_id,
        }
    else:
        initial = {
            "ar": request.GET.get("ar") or dates.today().year + 1,
            "total": request.GET.get("total"),
        }
    form = AvgiftsbeslutForm(
        request.POST or None,
        initial=initial,
        forbund=request.forbund,
        fixed_year=base.ar if base else None,
        sok=request.GET.get("paragraf_sok", ""),
    )
    versionsfalt(form, beslut)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        fields = {
            "paragraf": data["paragraf"],
            "beslutsparagraf": data["beslutsparagraf"],
            "beslutsdatum": data["beslutsdatum"],
            "avsandare": data["avsandare"],
        }
        try:
            with samma_version(form, beslut):
                if ersatter is not None:
                    saved = services.avgiftsbeslut_ersatt(
                        beslut=ersatter,
                        total=data["total"],
                        metod=data["metod"],
                        **fields,
                    )
                else:
                    saved = services.avgiftsbeslut_save(
                        forbund=request.forbund,
                        ar=data["ar"],
                        total=data["total"],
                        metod=data["metod"],
                        beslut=beslut,
                        **fields,
                    )
        except ValidationError as exc:
            add_validation_error(form, exc)
        else:
            messages.success(
                request, f"Fördelningen för {saved.ar} är beräknad och sparad."
            )
            return redirect("finsam:avgiftsbeslut_detail", avgiftsbeslut_id=saved.pk)
    if ersatter:
        title = f"Nytt beslut som ersätter medlemsavgifterna {ersatter.ar}"
    elif beslut:
        title = f"Ändra utkastet till medlemsavgifter {beslut.ar}"
    else:
        title = "Nytt beslut om medlemsavgifter"
    return render(
        request,
        "finsam/avgiftsbeslut_form.html",
        {
            "form": form,
            "title": title,
            "regel": services.AVRUNDNINGSREGEL,
            "paragraf_sok": request.GET.get("paragraf_sok", ""),
        },
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
@roles(*EDIT)
def avgiftsbeslut_create(request: ForbundRequest) -> HttpResponse:
    return _beslut_form_view(request)


@require_http_methods(["GET", "POST"])
@roles(*EDIT)
def avgiftsbeslut_edit(request: ForbundRequest, avgiftsbeslut_id: int) -> HttpResponse:
    beslut = get_for_forbund(request, Avgiftsbeslut, pk=avgiftsbeslut_id)
    orsak = fryst_orsak(beslut)
    if orsak:
        messages.error(request, orsak)
        return redirect("finsam:avgiftsbeslut_detail", avgiftsbeslut_id=beslut.pk)
    return _beslut_form_view(request, beslut=beslut)


@require_http_methods(["GET", "POST"])
@roles(*EDIT)
def avgiftsbeslut_ersatt(
    request: ForbundRequest, avgiftsbeslut_id: int
) -> HttpResponse:
    beslut = get_for_forbund(request, Avgiftsbeslut, pk=avgiftsbeslut_id)
    if beslut.status != Avgiftsbeslut.EXPEDIERAT:
        messages.error(
            request, "Bara ett expedierat beslut ersätts; ett utkast ändras direkt."
        )
        return redirect("finsam:avgiftsbeslut_detail", avgiftsbeslut_id=beslut.pk)
    return _beslut_form_view(request, ersatter=beslut)


@require_GET
@roles(*READ)
def avgiftsbeslut_detail(
    request: ForbundRequest, avgiftsbeslut_id: int
) -> HttpResponse:
    beslut = get_for_forbund(request, Avgiftsbeslut, pk=avgiftsbeslut_id)
    return render(
        request,
        "finsam/avgiftsbeslut_detail.html",
        {
            **selectors.avgiftsbeslut_detail(beslut=beslut),
            "regel": services.AVRUNDNINGSREGEL,
        },
    )


@require_POST
@roles(*EDIT)
def avgiftsbeslut_expediera(
    request: ForbundRequest, avgiftsbeslut_id: int
) -> HttpResponse:
    beslut = get_for_forbund(request, Avgiftsbeslut, pk=avgiftsbeslut_id)
    try:
        services.avgiftsbeslut_expediera(beslut=beslut)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request, "Beslutet är markerat som expedierat till medlemmarna."
        )
    return redirect("finsam:avgiftsbeslut_detail", avgiftsbeslut_id=beslut.pk)


@require_GET
@roles(*READ)
def avgiftsbeslut_brev(request: ForbundRequest, avgiftsbeslut_id: int) -> HttpResponse:
    beslut = get_for_forbund(request, Avgiftsbeslut, pk=avgiftsbeslut_id)
    beslut.forbund = request.forbund  # the same förbund, already loaded: no query
    template, context = forsegling_avgifter.pdf(beslut)
    return pdf_response(
        template,
        context,
        filename=f"medlemsavgifter-{beslut.ar}",
        request=request,
    )


@require_GET
@roles(*READ)
def avgiftsbeslut_excel(request: ForbundRequest, avgiftsbeslut_id: int) -> HttpResponse:
    beslut = get_for_forbund(request, Avgiftsbeslut, pk=avgiftsbeslut_id)
    return xlsx_response(
        excel.fordelning_export(beslut=beslut), f"medlemsavgifter-{beslut.ar}"
    )


@require_GET
@roles(*READ)
def avgift_historik(request: ForbundRequest) -> HttpResponse:
    return render(
        request,
        "finsam/avgift_historik.html",
        {"historik": selectors.avgift_historik(forbund=request.forbund)},
    )


@require_http_methods(["GET", "POST"])
@roles(*EDIT)
def kommununderlag(request: ForbundRequest, ar: int) -> HttpResponse:
    kommuner = selectors.kommuner_for_ar(forbund=request.forbund, ar=ar)
    form = KommununderlagForm(request.POST or None, kommuner=kommuner)
    if request.method == "POST" and form.is_valid():
        try:
            services.kommununderlag_save(
                forbund=request.forbund, ar=ar, varden=form.varden()
            )
        except ValidationError as exc:
            add_validation_error(form, exc)
        else:
            messages.success(request, f"Underlaget för {ar} är sparat.")
            return redirect("finsam:kommununderlag", ar=ar)
    return render(
        request,
        "finsam/avgift_underlag.html",
        {
            "ar": ar,
            "form": form,
            "import_form": UnderlagImportForm(),
            "layout": excel.UNDERLAG_LAYOUT,
        },
        status=400 if form.errors else 200,
    )


@require_POST
@roles(*EDIT)
def kommununderlag_import(request: ForbundRequest, ar: int) -> HttpResponse:
    form = UnderlagImportForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            antal = excel.underlag_import(
                forbund=request.forbund, ar=ar, fil=io.BytesIO(form.innehall)
            )
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
            messages.error(request, "Inget sparades. Rätta filen och läs in den igen.")
        else:
            messages.success(request, f"Befolkningen för {antal} kommuner är inläst.")
    else:
        for errors in form.errors.values():
            for fel in errors:
                messages.error(request, str(fel))
    return redirect("finsam:kommununderlag", ar=ar)


@require_GET
@roles(*EDIT)
def kommununderlag_mall(request: ForbundRequest, ar: int) -> HttpResponse:
    return xlsx_response(
        excel.underlag_template(forbund=request.forbund, ar=ar), f"befolkning-{ar}"
    )


@require_http_methods(["GET", "POST"])
@roles(*EDIT)
def avgiftsbud(request: ForbundRequest, ar: int) -> HttpResponse:
    sparade = selectors.bud_for_ar(forbund=request.forbund, ar=ar)
    form = BudForm(
        request.POST or None, initial={k: int(v) for k, v in sparade.items()}
    )
    resultat = None
    if request.method == "POST" and form.is_valid():
        services.bud_save(forbund=request.forbund, ar=ar, bud=form.cleaned_data)
        return redirect("finsam:avgiftsbud", ar=ar)
    if len(sparade) == len(Avgiftsbud.PART_CHOICES):
        total, rader = services.bud_niva(bud=sparade)
        resultat = {"total": total, "rader": rader}
    return render(
        request,
        "finsam/avgift_bud.html",
        {"ar": ar, "form": form, "resultat": resultat},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
@roles(*EDIT)
def externintakt_edit(
    request: ForbundRequest, externintakt_id: int | None = None
) -> HttpResponse:
    intakt = (
        get_for_forbund(request, ExternIntakt, pk=externintakt_id)
        if externintakt_id
        else None
    )
    return edit_object(
        request,
        form_class=ExternIntaktForm,
        instance=intakt,
        save=lambda form: services.externintakt_save(
            forbund=request.forbund, intakt=form.instance, **form.cleaned_data
        ),
        title="Ändra extern intäkt" if intakt else "Ny extern intäkt",
        success_url=reverse("finsam:avgift_historik"),
        cancel_url=reverse("finsam:avgift_historik"),
    )


@require_http_methods(["GET", "POST"])
@roles(*ALL_ROLES)
def installningar(request: ForbundRequest) -> HttpResponse:
    """The user's own settings (e-mail when they must act)."""
    return edit_object(
        request,
        form_class=InstallningarForm,
        instance=request.user,
        save=lambda form: services.model_save(
            request.user, epost_notiser=form.cleaned_data["epost_notiser"]
        ),
        title="Inställningar",
        success_url=reverse("finsam:installningar"),
        cancel_url=reverse("finsam:dashboard"),
    )


@require_http_methods(["GET", "POST"])
@roles(*ALL_ROLES)
def losenord_byt(request: ForbundRequest) -> HttpResponse:
    """Choose one's own password: a login whose password someone else set signs nothing
    until its owner has done this (finsam/konton.py)."""
    form = LosenordForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.losenord_byt(
            user=request.user, password=form.cleaned_data["new_password1"]
        )
        update_session_auth_hash(request, request.user)
        messages.success(request, "Ditt lösenord är bytt.")
        return redirect("finsam:dashboard")
    return render(
        request,
        "finsam/form.html",
        {
            "form": form,
            "title": "Byt lösenord",
            "cancel_url": reverse("finsam:dashboard"),
        },
        status=400 if form.errors else 200,
    )
