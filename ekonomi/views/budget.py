"""Budget pages: the years, one year's lines, comparisons, the three-year plan, budget
vs utfall, the period report, Excel exports and the budget documents."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ekonomi import excel_budget
from ekonomi.forms_budget import (
    PERIODER,
    AntaForm,
    BudgetForm,
    BudgetNyForm,
    BudgetpostForm,
    PrognosForm,
    RevisionForm,
)
from ekonomi.models import Budget, Budgetpost
from ekonomi.selectors import budget as selectors
from ekonomi.services import budget as services
from finsam.access import EDIT, READ, has_role, roles
from finsam.documents import pdf_response, xlsx_response
from finsam.http import ForbundRequest
from finsam.tenancy import get_for_forbund
from finsam.versioner import samma_version, versionsfalt
from finsam.views import add_validation_error


def _budget(request: ForbundRequest, ar: int) -> Budget:
    budget = selectors.budget_for_ar(request.forbund, ar)
    if budget is None:
        raise Http404(f"Det finns ingen budget för {ar}.")
    return budget


def _formular(
    request: ForbundRequest,
    form,
    spara: Callable[[], object],
    *,
    titel: str,
    ar: int,
    klart: str,
    tillbaka: str = "",
) -> HttpResponse:
    """Validate, call the service, and go back to the year with a message; a
    ValidationError from the service lands on the form, nothing is lost; nor is a
    change someone else saved after the form was loaded (finsam/versioner.py)."""
    instance = getattr(form, "instance", None)
    versionsfalt(form, instance)
    if request.method == "POST" and form.is_valid():
        try:
            with samma_version(form, instance):
                spara()
        except ValidationError as exc:
            add_validation_error(form, exc)
        else:
            messages.success(request, klart)
            return redirect(tillbaka or reverse("ekonomi:budget_detail", args=[ar]))
    return render(
        request,
        "finsam/form.html",
        {
            "form": form,
            "title": titel,
            "cancel_url": tillbaka or reverse("ekonomi:budget_detail", args=[ar]),
        },
    )


def _ej_antagen(request: ForbundRequest, budget: Budget) -> HttpResponse | None:
    if budget.ar_antagen:
        messages.error(request, services.ANTAGEN_FEL)
        return redirect("ekonomi:budget_detail", ar=budget.ar)
    return None


@require_GET
@roles(*READ)
def budget_list(request: ForbundRequest) -> HttpResponse:
    return render(
        request,
        "ekonomi/budget/list.html",
        {"budgetar": selectors.budgetar_for(request.forbund)},
    )


@require_http_methods(["GET", "POST"])
@roles(*EDIT)
def budget_create(request: ForbundRequest) -> HttpResponse:
    senaste = selectors.budgetar_for(request.forbund).first()
    form = BudgetNyForm(
        request.POST or None, initial={"ar": (senaste.ar + 1) if senaste else None}
    )
    if request.method == "POST" and form.is_valid():
        ar = form.cleaned_data["ar"]
        fore = selectors.budget_for_ar(request.forbund, ar - 1)
        try:
            budget = services.budget_create(
                forbund=request.forbund,
                ar=ar,
                kopiera_fran=fore if form.cleaned_data["kopiera"] else None,
            )
        except ValidationError as exc:
            add_validation_error(form, exc)
        else:
            messages.success(request, f"Utkast till budget {ar} skapat.")
            return redirect("ekonomi:budget_detail", ar=budget.ar)
    return render(
        request,
        "finsam/form.html",
        {"form": form, "title": "Ny budget", "cancel_url": "../"},
    )


@require_http_methods(["GET", "POST"])
@roles(*EDIT)
def budget_edit(request: ForbundRequest, ar: int) -> HttpResponse:
    budget = _budget(request, ar)
    form = BudgetForm(request.POST or None, instance=budget)
    return _formular(
        request,
        form,
        lambda: services.budget_update(
            budget=budget,
            kommentar=form.cleaned_data["kommentar"],
            ingaende_eget_kapital=form.cleaned_data["ingaende_eget_kapital"],
        ),
        titel=f"Budget {ar}: eget kapital och kommentar",
        ar=ar,
        klart="Sparat.",
    )


@require_GET
@roles(*READ)
def budget_detail(request: ForbundRequest, ar: int) -> HttpResponse:
    budget = _budget(request, ar)
    beslut, avgiftsfel = selectors.avgiftskontroll(budget)
    return render(
        request,
        "ekonomi/budget/detail.html",
        {
            "ar": ar,
            "budget": budget,
            "tabell": selectors.budget_tabell(budget),
            "avgiftsbeslut": beslut,
            "avgiftsfel": avgiftsfel,
            "revisioner": selectors.revisioner(budget),
            "prognoser": budget.prognoser.all(),
            "perioder": PERIODER,
            "rubrik": f"Budget {ar}",
            "redigera": has_role(request.user, EDIT) and not budget.ar_antagen,
        },
    )


def _post_form(request: ForbundRequest, budget: Budget, post: Budgetpost | None):
    form = BudgetpostForm(request.POST or None, instance=post, budget=budget)
    return _formular(
        request,
        form,
        lambda: services.budgetpost_save(budget=budget, post=post, **form.cleaned_data),
        titel=f"{'Ändra' if post else 'Ny'} budgetpost {budget.ar}",
        ar=budget.ar,
        klart=f"Posten {form.data.get('namn', '')} är sparad.",
    )


@require_http_methods(["GET", "POST"])
@roles(*EDIT)
def budgetpost_create(request: ForbundRequest, ar: int) -> HttpResponse:
    budget = _budget(request, ar)
    return _ej_antagen(request, budget) or _post_form(request, budget, None)


@require_http_methods(["GET", "POST"])
@roles(*EDIT)
def budgetpost_edit(request: ForbundRequest, budgetpost_id: int) -> HttpResponse:
    post = get_for_forbund(request, Budgetpost, pk=budgetpost_id)
    return _ej_antagen(request, post.budget) or _post_form(request, post.budget, post)


@require_POST
@roles(*EDIT)
def budgetpost_delete(request: ForbundRequest, budgetpost_id: int) -> HttpResponse:
    post = get_for_forbund(request, Budgetpost, pk=budgetpost_id)
    try:
        services.budgetpost_delete(post=post)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"Posten {post.namn} är borttagen.")
    return redirect("ekonomi:budget_detail", ar=post.budget.ar)


@require_POST
@roles(*EDIT)
def budget_avgifter(request: ForbundRequest, ar: int) -> HttpResponse:
    budget = _budget(request, ar)
    try:
        antal = services.avgifter_fran_beslut(budget=budget)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        if antal:
            messages.success(request, f"{antal} avgiftsposter hämtade från beslutet.")
        else:
            messages.error(request, f"Det finns inget beslut om medlemsavgifter {ar}.")
    return redirect("ekonomi:budget_detail", ar=ar)


@require_http_methods(["GET", "POST"])
@roles(*EDIT)
def budget_anta(request: ForbundRequest, ar: int) -> HttpResponse:
    budget = _budget(request, ar)
    stopp = _ej_antagen(request, budget)
    if stopp:
        return stopp
    form = AntaForm(request.POST or None, forbund=request.forbund)
    return _formular(
        request,
        form,
        lambda: services.budget_anta(budget=budget, **form.cleaned_data),
        titel=f"Anta budget {ar}",
        ar=ar,
        klart=f"Budget {ar} är antagen.",
    )


@require_http_methods(["GET", "POST"])
@roles(*EDIT)
def budget_revidera(request: ForbundRequest, ar: int) -> HttpResponse:
    budget = _budget(request, ar)
    if not budget.ar_antagen:
        messages.error(
            request, "Ett utkast ändras direkt; bara en antagen budget revideras."
        )
        return redirect("ekonomi:budget_detail", ar=ar)
    poster = budget.poster.filter(delposter__isnull=True).order_by("ordning", "pk")
    form = RevisionForm(request.POST or None, budget=budget, poster=poster)

    def spara():
        data = form.cleaned_data
        return services.budget_revidera(
            budget=budget,
            andringar=form.andringar(),
            datum=data["datum"],
            motivering=data["motivering"],
            paragraf=data["paragraf"],
            paragraf_text=data["paragraf_text"],
        )

    return _formular(
        request,
        form,
        spara,
        titel=f"Revidera budget {ar}",
        ar=ar,
        klart=f"Revideringen av budget {ar} är registrerad.",
    )


def _tabell_sida(
    request: ForbundRequest,
    budget: Budget,
    tabell: selectors.Tabell | None,
    rubrik: str,
    **extra: object,
) -> HttpResponse:
    """One budget table on its own page (comparison, utfall, period report)."""
    return render(
        request,
        "ekonomi/budget/tabell_sida.html",
        {
            "ar": budget.ar,
            "budget": budget,
            "tabell": tabell,
            "rubrik": rubrik,
            **extra,
        },
    )


@require_GET
@roles(*READ)
def budget_jamforelse(request: ForbundRequest, ar: int) -> HttpResponse:
    budget = _budget(request, ar)
    return _tabell_sida(
        request,
        budget,
        selectors.jamforelse(budget),
        f"Budget {ar} jämfört med budget {ar - 1}",
        excel="jamforelse",
    )


@require_GET
@roles(*READ)
def budget_plan(request: ForbundRequest, ar: int) -> HttpResponse:
    budget = _budget(request, ar)
    return render(
        request,
        "ekonomi/budget/plan.html",
        {"ar": ar, "budget": budget, "tabell": selectors.trearsplan(budget)},
    )


@require_GET
@roles(*READ)
def budget_utfall(request: ForbundRequest, ar: int) -> HttpResponse:
    budget = _budget(request, ar)
    return _tabell_sida(
        request,
        budget,
        selectors.budget_mot_utfall(budget, delposter=True),
        f"Sammanställning av utfall och budget {ar}",
        excel="utfall",
        utfall=True,
    )


def _period(manad: int) -> str:
    if manad not in PERIODER:
        raise Http404("Okänd period.")
    return PERIODER[manad]


@require_GET
@roles(*READ)
def budget_period(request: ForbundRequest, ar: int, manad: int) -> HttpResponse:
    period = _period(manad)
    budget = _budget(request, ar)
    return _tabell_sida(
        request,
        budget,
        selectors.periodrapport(budget, manad),
        f"Periodrapport {ar}: {period.lower()}",
        manad=manad,
        perioder=PERIODER,
        utfall=True,
    )


@require_http_methods(["GET", "POST"])
@roles(*EDIT)
def budget_prognos(request: ForbundRequest, ar: int, manad: int) -> HttpResponse:
    period = _period(manad)
    budget = _budget(request, ar)
    poster = budget.poster.filter(delposter__isnull=True).order_by("ordning", "pk")
    befintlig = budget.prognoser.filter(till_manad=manad).first()
    initial: dict[int, Decimal | None] = {p.pk: p.belopp for p in poster}
    if befintlig is not None:
        initial.update({r.budgetpost_id: r.belopp for r in befintlig.rader.all()})
    form = PrognosForm(
        request.POST or None,
        poster=poster,
        initial_belopp=initial,
        initial={"kommentar": befintlig.kommentar if befintlig else ""},
    )
    return _formular(
        request,
        form,
        lambda: services.prognos_save(
            budget=budget,
            till_manad=manad,
            belopp=form.belopp(),
            kommentar=form.cleaned_data["kommentar"],
        ),
        titel=f"Prognos för helåret {ar}, {period.lower()}",
        ar=ar,
        klart=f"Prognosen ({period.lower()}) är sparad.",
        tillbaka=reverse("ekonomi:budget_period", args=[ar, manad]),
    )


@require_GET
@roles(*READ)
def budget_excel(request: ForbundRequest, ar: int, tabell: str) -> HttpResponse:
    budget = _budget(request, ar)
    tabeller: dict[str, tuple[Callable[[Budget], selectors.Tabell | None], str]] = {
        "budget": (selectors.budget_tabell, f"Budget {ar}"),
        "jamforelse": (selectors.jamforelse, f"Budget {ar} mot {ar - 1}"),
        "plan": (selectors.trearsplan, f"Plan {ar}-{ar + 2}"),
        "utfall": (selectors.budget_mot_utfall, f"Utfall och budget {ar}"),
    }
    if tabell not in tabeller:
        raise Http404("Okänd tabell.")
    selector, titel = tabeller[tabell]
    data = selector(budget)
    if data is None:
        raise Http404("Tabellen saknas.")
    return xlsx_response(
        excel_budget.tabell_workbook(data, titel=titel, forbund=request.forbund),
        f"{tabell}-{ar}",
    )


@require_GET
@roles(*READ)
def budget_period_excel(request: ForbundRequest, ar: int, manad: int) -> HttpResponse:
    period = _period(manad)
    budget = _budget(request, ar)
    return xlsx_response(
        excel_budget.tabell_workbook(
            selectors.periodrapport(budget, manad),
            titel=f"Periodrapport {ar}, {period.lower()}",
            forbund=request.forbund,
        ),
        f"periodrapport-{ar}-{manad}",
    )


def _dokument(
    request: ForbundRequest,
    ar: int,
    selector: Callable[[Budget], dict[str, Any]],
    template: str,
) -> HttpResponse:
    """A budget document as PDF (``?html=1``: its HTML) through finsam.documents."""
    data = selector(_budget(request, ar))
    return pdf_response(template, data, filename=data["titel"], request=request)


@require_GET
@roles(*READ)
def budget_dokument(request: ForbundRequest, ar: int) -> HttpResponse:
    return _dokument(
        request, ar, selectors.budgetdokument, "ekonomi/pdf/budget_dokument.html"
    )


@require_GET
@roles(*READ)
def budget_verksamhetsplan(request: ForbundRequest, ar: int) -> HttpResponse:
    return _dokument(
        request,
        ar,
        selectors.verksamhetsplan_dokument,
        "ekonomi/pdf/budget_verksamhetsplan.html",
    )
