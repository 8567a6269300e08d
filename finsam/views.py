from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from finsam import selectors, services
from finsam.access import ALL_ROLES, EDIT, READ, roles, superuser_only
from finsam.dashboard import panels_for
from finsam.documents import documents_for
from finsam.forms import DatumForm, MedlemForm, PersonForm, UppdragForm
from finsam.models import Forbund, Medlem, Person, Uppdrag
from finsam.tenancy import SESSION_KEY, get_for_forbund


def today() -> dt.date:
    return timezone.localdate()


def edit_object(
    request: HttpRequest,
    *,
    form_class,
    instance,
    save: Callable[..., object],
    title: str,
    success_url: str,
    cancel_url: str,
) -> HttpResponse:
    """Bind, validate and save one form through its service; shared by the edit pages."""
    form = form_class(request.POST or None, instance=instance, forbund=request.forbund)
    if request.method == "POST" and form.is_valid():
        try:
            save(form)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "Ändringarna är sparade.")
            return redirect(success_url)
    return render(
        request,
        "finsam/form.html",
        {"form": form, "title": title, "cancel_url": cancel_url},
        status=400 if form.errors else 200,
    )


@require_GET
@roles(*ALL_ROLES)
def dashboard(request: HttpRequest) -> HttpResponse:
    forbund = request.forbund
    return render(
        request,
        "finsam/dashboard.html",
        {
            "counts": selectors.dashboard_counts(forbund=forbund, datum=today()),
            "panels": panels_for(request),
        },
    )


# --- Medlemmar -----------------------------------------------------------------


@require_GET
@roles(*READ)
def medlem_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "finsam/medlem_list.html",
        {"medlemmar": selectors.medlemmar_list(forbund=request.forbund)},
    )


@require_http_methods(["GET", "POST"])
@roles(*EDIT)
def medlem_edit(request: HttpRequest, medlem_id: int | None = None) -> HttpResponse:
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
def person_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "finsam/person_list.html",
        {"personer": selectors.personer_list(forbund=request.forbund)},
    )


@require_http_methods(["GET", "POST"])
@roles(*EDIT)
def person_edit(request: HttpRequest, person_id: int | None = None) -> HttpResponse:
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


def _datum_param(request: HttpRequest) -> tuple[DatumForm, dt.date]:
    form = DatumForm(request.GET or None)
    datum = today()
    if form.is_valid() and form.cleaned_data["datum"]:
        datum = form.cleaned_data["datum"]
    return form, datum


@require_GET
@roles(*READ)
def uppdrag_list(request: HttpRequest) -> HttpResponse:
    form, datum = _datum_param(request)
    uppdrag = selectors.uppdrag_list(forbund=request.forbund)
    return render(
        request,
        "finsam/uppdrag_list.html",
        {
            "datum_form": form,
            "datum": datum,
            "styrelse": selectors.styrelse_sammansattning(
                forbund=request.forbund, datum=datum
            ),
            "uppdrag": uppdrag,
        },
    )


@require_http_methods(["GET", "POST"])
@roles(*EDIT)
def uppdrag_edit(request: HttpRequest, uppdrag_id: int | None = None) -> HttpResponse:
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
def uppdrag_delete(request: HttpRequest, uppdrag_id: int) -> HttpResponse:
    uppdrag = get_for_forbund(request, Uppdrag, pk=uppdrag_id)
    services.uppdrag_delete(uppdrag=uppdrag)
    messages.success(request, "Uppdraget är borttaget.")
    return redirect("finsam:uppdrag_list")


@require_GET
@roles(*READ)
def styrelsen(request: HttpRequest) -> HttpResponse:
    form, datum = _datum_param(request)
    return render(
        request,
        "finsam/styrelsen.html",
        {
            "datum_form": form,
            "datum": datum,
            "rader": selectors.styrelse_sammansattning(forbund=request.forbund, datum=datum),
        },
    )


# --- Dokument och förbund ------------------------------------------------------


@require_GET
@roles(*READ)
def dokument(request: HttpRequest) -> HttpResponse:
    return render(
        request, "finsam/dokument.html", {"dokument": documents_for(request.forbund)}
    )


@require_http_methods(["GET", "POST"])
@superuser_only
def forbund_valj(request: HttpRequest) -> HttpResponse:
    """A superuser chooses which förbund to work in."""
    if request.method == "POST":
        chosen = Forbund.objects.filter(pk=request.POST.get("forbund")).first()
        if chosen is None:
            messages.error(request, "Välj ett förbund i listan.")
        else:
            request.session[SESSION_KEY] = chosen.pk
            messages.success(request, f"Du arbetar nu i {chosen.namn}.")
            return redirect("finsam:dashboard")
    return render(request, "finsam/forbund_valj.html", {"alla": Forbund.objects.all()})

