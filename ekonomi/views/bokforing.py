"""Pages of the bookkeeping: imports (SIE and Excel) with the chart's confirmation, the
account mapping, manual figures, the statements, avstämning, nyckeltal and the Excel
export. Reads through selectors, writes through ekonomi/services/bokforing.py."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import TypeVar, cast

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ekonomi import bokforing_excel
from ekonomi import kontoplan as kp
from ekonomi.models import (
    ENHET_CHOICES,
    Bokforingsimport,
    Budgetpost,
    Kontoregel,
    Manuellrad,
    Nyckeltalsgrans,
    Objekt,
    Objektregel,
)
from ekonomi.selectors import bokforing as bok
from ekonomi.selectors.avstamning import avstamning, manuella_koder
from ekonomi.selectors.nyckeltal import nyckeltal
from ekonomi.selectors.rakenskaper import (
    NOT_RUBRIK,
    las_notrad_kod,
    rakenskaper,
    rakenskaper_enhet,
)
from ekonomi.services import bokforing as services
from finsam.access import EDIT, READ, has_role, roles
from finsam.documents import xlsx_response
from finsam.fields import SvDecimalField, TalInput
from finsam.forms import choice_field
from finsam.http import ForbundRequest
from finsam.tenancy import get_for_forbund
from finsam.uploads import MB, UploadForm, filtyp_check, storlek_check
from insatser.models import Insats

SIE_TYPER = ("se", "si", "sie")


class BokforingUploadForm(UploadForm):
    """A SIE 4 file (CP437 text, checked by the parser) or an Excel ledger."""

    ersatt = forms.BooleanField(
        label="Ersätt en bokföring som redan är importerad för samma år",
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(
            *args, tillatna=(*SIE_TYPER, "xlsx"), max_bytes=20 * MB, **kwargs
        )
        self.fields["fil"].label = "SIE 4-fil (.se, .si) eller Excelhuvudbok (.xlsx)"

    def clean_fil(self):
        fil = self.cleaned_data["fil"]
        storlek_check(fil.size, max_bytes=self.max_bytes)
        self.innehall = fil.read()
        ext = fil.name.rsplit(".", 1)[-1].lower() if "." in fil.name else ""
        if ext == "xlsx":
            filtyp_check(fil.name, self.innehall, max_bytes=self.max_bytes)
        elif ext not in SIE_TYPER:
            raise ValidationError(
                "Filtypen tillåts inte. Tillåtna: .se, .si, .sie och .xlsx."
            )
        self.ext = ext
        return fil


def _kraver_redigering(request: ForbundRequest) -> None:
    """Pages everyone who reads may see; only the kansli (and admin) may change them."""
    if not has_role(request.user, EDIT):
        raise PermissionDenied("Din roll får läsa men inte ändra här.")


@require_http_methods(["GET", "POST"])
@roles(*READ)
def bokforing_list(request: ForbundRequest) -> HttpResponse:
    form = BokforingUploadForm(request.POST or None, request.FILES or None)
    fel: list[str] = []
    if request.method == "POST":
        _kraver_redigering(request)
        if form.is_valid():
            try:
                if form.ext == "xlsx":
                    fil = bokforing_excel.huvudbok_las(
                        form.innehall, orgnr=request.forbund.orgnr
                    )
                    imp = services.bokforing_importera(
                        forbund=request.forbund,
                        fil=fil,
                        format=Bokforingsimport.EXCEL,
                        filnamn=form.cleaned_data["fil"].name,
                        ersatt=form.cleaned_data["ersatt"],
                        user=request.user,
                    )
                else:
                    imp = services.sie_importera(
                        forbund=request.forbund,
                        data=form.innehall,
                        filnamn=form.cleaned_data["fil"].name,
                        ersatt=form.cleaned_data["ersatt"],
                        user=request.user,
                    )
            except services.ImportFel as exc:
                fel = exc.fel
            except ValidationError as exc:
                fel = exc.messages
            else:
                messages.success(
                    request,
                    f"Bokföringen för {imp.ar} är importerad. Bekräfta kontoplanen.",
                )
                return redirect("ekonomi:bokforing_import", bokforingsimport_id=imp.pk)
        else:
            fel = form.fel()
    return render(
        request,
        "ekonomi/bokforing_list.html",
        {
            "importer": bok.importer(request.forbund),
            "form": form,
            "fel": fel,
            "layout": bokforing_excel.LEDGER_LAYOUT,
        },
        status=400 if fel else 200,
    )


@require_http_methods(["GET", "POST"])
@roles(*READ)
def bokforing_import(request: ForbundRequest, bokforingsimport_id: int) -> HttpResponse:
    imp = get_for_forbund(request, Bokforingsimport, pk=bokforingsimport_id)
    if request.method == "POST":
        _kraver_redigering(request)
        try:
            services.kontoplan_bekrafta(
                bokforing=imp, kontoplan=request.POST.get("kontoplan", "")
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request, f"Kontoplanen är bekräftad: {imp.get_kontoplan_display()}."
            )
            return redirect("ekonomi:bokforing_import", bokforingsimport_id=imp.pk)
    return render(
        request,
        "ekonomi/bokforing_import.html",
        {
            "imp": imp,
            "ar": imp.ar,
            "kontoplaner": kp.KONTOPLAN_CHOICES,
            "skal": imp.kontoplan_skal.splitlines(),
        },
    )


class KontoregelForm(forms.ModelForm):
    class Meta:
        model = Kontoregel
        fields = ["fran", "till", "rad", "budgetkod"]
        widgets = {
            "rad": forms.Select(
                choices=[("", "(kontoplanens standard)"), *kp.RAD_CHOICES]
            )
        }

    def __init__(self, *args, budgetkoder: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["budgetkod"].widget = forms.Select(
            choices=[("", "(ingen)")] + [(k, k) for k in budgetkoder]
        )
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", "form-control")

    def clean(self):
        data = super().clean()
        for name in ("fran", "till"):
            value = data.get(name, "")
            if value and not value.isdigit():
                self.add_error(name, "Ange ett kontonummer (siffror).")
        return data


def _budgetkoder(forbund, ar: int) -> list[str]:
    return sorted(
        set(
            Budgetpost.objects.for_forbund(forbund)
            .filter(budget__ar__in=[ar, ar - 1, ar + 1])
            .values_list("kod", flat=True)
        )
    )


class ObjektregelForm(forms.Form):
    """Map a dimension object of the books (a project) to an insats or a budget line."""

    objekt = forms.ChoiceField(label="Objekt i bokföringen")
    insats = forms.ModelChoiceField(
        label="Insats", queryset=Insats.objects.none(), required=False
    )
    budgetkod = forms.ChoiceField(label="eller budgetpost", required=False)

    def __init__(self, *args, forbund, objekt: list[Objekt], budgetkoder, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["objekt"]).choices = [
            (f"{o.dimension}\t{o.nummer}", f"{o.dimension_namn} {o.nummer} {o.namn}")
            for o in objekt
        ]
        insats = choice_field(self, "insats")
        insats.queryset = Insats.objects.for_forbund(forbund).order_by("namn")
        insats.empty_label = "(ingen)"
        cast(forms.ChoiceField, self.fields["budgetkod"]).choices = [
            ("", "(ingen)")
        ] + [(k, k) for k in budgetkoder]
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", "form-select")

    def clean(self):
        data = super().clean()
        if not data.get("insats") and not data.get("budgetkod"):
            raise ValidationError("Välj en insats eller en budgetpost.")
        return data


_Regel = TypeVar("_Regel", Kontoregel, Objektregel)


def _regel_att_ta_bort(
    request: ForbundRequest, model: type[_Regel], falt: str
) -> _Regel | None:
    """The rule a "remove" button names, in the förbund; None for a non-number."""
    try:
        return get_for_forbund(request, model, pk=int(request.POST[falt]))
    except ValueError:
        return None


def _objektregel_post(
    request: ForbundRequest, ar: int, form: ObjektregelForm
) -> HttpResponse | None:
    if "objekt_ta_bort" in request.POST:
        regel = _regel_att_ta_bort(request, Objektregel, "objekt_ta_bort")
        if regel is not None:
            services.objektregel_delete(regel=regel)
            messages.success(request, f"Regeln för objekt {regel.objekt} är borttagen.")
        return redirect("ekonomi:kontoplan", ar=ar)
    if form.is_valid():
        dimension, _, objekt = form.cleaned_data["objekt"].partition("\t")
        try:
            services.objektregel_save(
                forbund=request.forbund,
                dimension=dimension,
                objekt=objekt,
                insats=form.cleaned_data["insats"],
                budgetkod=form.cleaned_data["budgetkod"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"Objektet {objekt} är kopplat.")
            return redirect("ekonomi:kontoplan", ar=ar)
    return None


@require_http_methods(["GET", "POST"])
@roles(*READ)
def kontoplan(request: ForbundRequest, ar: int) -> HttpResponse:
    koder = _budgetkoder(request.forbund, ar)
    objekt = bok.objekt_med_mappning(request.forbund, ar)
    objektpost = request.method == "POST" and (
        "objekt" in request.POST or "objekt_ta_bort" in request.POST
    )
    objekt_form = ObjektregelForm(
        request.POST if objektpost else None,
        forbund=request.forbund,
        objekt=[o for o, _ in objekt],
        budgetkoder=koder,
    )
    form = KontoregelForm(
        request.POST if request.method == "POST" and not objektpost else None,
        budgetkoder=koder,
    )
    if objektpost:
        _kraver_redigering(request)
        svar = _objektregel_post(request, ar, objekt_form)
        if svar is not None:
            return svar
    elif request.method == "POST":
        _kraver_redigering(request)
        if "ta_bort" in request.POST:
            regel = _regel_att_ta_bort(request, Kontoregel, "ta_bort")
            if regel is not None:
                services.kontoregel_delete(regel=regel)
                messages.success(request, f"Regeln för konto {regel} är borttagen.")
            return redirect("ekonomi:kontoplan", ar=ar)
        if form.is_valid():
            try:
                services.kontoregel_save(forbund=request.forbund, **form.cleaned_data)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, "Regeln är sparad.")
                return redirect("ekonomi:kontoplan", ar=ar)
    return render(
        request,
        "ekonomi/kontoplan.html",
        {
            "ar": ar,
            "form": form,
            "regler": Kontoregel.objects.for_forbund(request.forbund),
            "konton": bok.konton_med_mappning(request.forbund, ar),
            "radnamn": kp.RAD_NAMN,
            "bokforing": bok.bokforing_for(request.forbund, ar),
            "objekt": objekt,
            "objekt_form": objekt_form,
        },
        status=400 if form.errors or objekt_form.errors else 200,
    )


def _belopp(text: str, enhet: str) -> Decimal | None:
    text = (
        text.replace("\xa0", "")
        .replace(" ", "")
        .replace(",", ".")
        .replace("\u2212", "-")
    )
    if not text:
        return None
    value = Decimal(text)
    value = value * 1000 if enhet == Manuellrad.TKR else value
    if value != value.quantize(Decimal("0.01")):
        raise InvalidOperation
    return value


def _notrader_post(
    request: ForbundRequest, enhet: str, fel: list[str]
) -> list[tuple[int, str, str, Decimal, str]] | None:
    """The note lines of the form (None when the form had none to send); a row without
    an amount is left out, a row with a bad amount is named in ``fel``."""
    if "notrader" not in request.POST:
        return None
    ut: list[tuple[int, str, str, Decimal, str]] = []
    for nr, nyckel, etikett, text in zip(
        request.POST.getlist("nl_not"),
        request.POST.getlist("nl_nyckel"),
        request.POST.getlist("nl_etikett"),
        request.POST.getlist("nl_belopp"),
        strict=False,
    ):
        try:
            belopp = _belopp(text, enhet)
        except InvalidOperation:
            fel.append(f"Not {nr}, {etikett or nyckel}: {text} är inte ett belopp.")
            continue
        if belopp is None:
            continue
        if not nr.isdigit() or int(nr) not in NOT_RUBRIK:
            fel.append(f"Välj en not för raden {etikett or nyckel}.")
            continue
        if not (etikett.strip() or nyckel.strip()):
            fel.append(f"Not {nr}: ange motpartens namn för beloppet {text}.")
            continue
        ut.append((int(nr), nyckel.strip(), etikett.strip()[:200], belopp, enhet))
    return ut


@require_http_methods(["GET", "POST"])
@roles(*READ)
def manuella(request: ForbundRequest, ar: int) -> HttpResponse:
    typade = {
        r.kod: r for r in Manuellrad.objects.for_forbund(request.forbund).filter(ar=ar)
    }
    koder = {
        **manuella_koder(),
        **{
            f"{bok.BUDGET_PREFIX}{k}": f"Utfall för budgetposten {k}"
            for k in _budgetkoder(request.forbund, ar)
        },
    }
    fel: list[str] = []
    if request.method == "POST":
        _kraver_redigering(request)
        enhet = request.POST.get("enhet", Manuellrad.KR)
        if enhet not in (Manuellrad.KR, Manuellrad.TKR):
            enhet = Manuellrad.KR
        rader: dict[str, tuple[Decimal | None, str]] = {}
        for kod, label in koder.items():
            text = request.POST.get(kod, "")
            try:
                rader[kod] = (_belopp(text, enhet), enhet)
            except InvalidOperation:
                fel.append(f"{label}: {text} är inte ett belopp.")
        notrader = _notrader_post(request, enhet, fel)
        if not fel:
            try:
                with transaction.atomic():
                    services.manuella_rader_spara(
                        forbund=request.forbund, ar=ar, rader=rader
                    )
                    if notrader is not None:
                        services.notrader_spara(
                            forbund=request.forbund, ar=ar, rader=notrader
                        )
            except ValidationError as exc:
                fel.extend(exc.messages)
            else:
                messages.success(
                    request, f"De manuella uppgifterna för {ar} är sparade."
                )
                return redirect("ekonomi:manuella", ar=ar)
    visa_tkr = request.GET.get("enhet") == "tkr" or any(
        r.enhet == Manuellrad.TKR for r in typade.values()
    )

    def visa(belopp: Decimal) -> str:
        text = format(belopp / 1000 if visa_tkr else belopp, "f")
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        return text.replace(".", ",")

    rader_ut = []
    for kod, label in koder.items():
        r = typade.get(kod)
        value = visa(r.belopp) if r is not None else ""
        rader_ut.append((kod, label, request.POST.get(kod, value)))
    notrader_ut: list[tuple[int, str, str, str]] = []
    if request.method == "POST":
        notrader_ut = list(
            zip(
                [int(x) if x.isdigit() else 0 for x in request.POST.getlist("nl_not")],
                request.POST.getlist("nl_nyckel"),
                request.POST.getlist("nl_etikett"),
                request.POST.getlist("nl_belopp"),
                strict=False,
            )
        )
    else:
        for kod, r in sorted(typade.items()):
            notrad = las_notrad_kod(kod)
            if notrad is not None:
                notrader_ut.append((notrad[0], notrad[1], r.etikett, visa(r.belopp)))
        notrader_ut += [(nr, "", "", "") for nr in NOT_RUBRIK for _ in range(2)]
    return render(
        request,
        "ekonomi/manuella.html",
        {
            "ar": ar,
            "rader": rader_ut,
            "fel": fel,
            "visa_tkr": visa_tkr,
            "notrader": notrader_ut,
            "noter": NOT_RUBRIK,
            "upload_form": UploadForm(),
        },
        status=400 if fel else 200,
    )


@require_GET
@roles(*READ)
def manuella_mall(request: ForbundRequest, ar: int) -> HttpResponse:
    typade = {
        r.kod: r for r in Manuellrad.objects.for_forbund(request.forbund).filter(ar=ar)
    }
    data = bokforing_excel.manuella_mall(
        ar=ar, typade=typade, budgetkoder=_budgetkoder(request.forbund, ar)
    )
    return xlsx_response(data, f"manuella-uppgifter-{ar}")


@require_POST
@roles(*EDIT)
def manuella_upload(request: ForbundRequest, ar: int) -> HttpResponse:
    form = UploadForm(request.POST, request.FILES)
    fel: list[str] = []
    if form.is_valid():
        try:
            rader, etiketter = bokforing_excel.manuella_las(form.innehall)
        except ValidationError as exc:
            fel = exc.messages
        else:
            try:
                antal = services.manuella_rader_spara(
                    forbund=request.forbund, ar=ar, rader=rader, etiketter=etiketter
                )
            except ValidationError as exc:
                fel = exc.messages
            else:
                messages.success(
                    request, f"{antal} uppgifter för {ar} är inlästa från Excel."
                )
                return redirect("ekonomi:manuella", ar=ar)
    else:
        fel = form.fel()
    for f in fel:
        messages.error(request, f)
    messages.error(request, "Ingenting sparades. Rätta filen och ladda upp den igen.")
    return redirect("ekonomi:manuella", ar=ar)


@require_http_methods(["GET", "POST"])
@roles(*READ)
def rakenskaper_view(request: ForbundRequest, ar: int) -> HttpResponse:
    if request.method == "POST":
        _kraver_redigering(request)
        enhet = request.POST.get("enhet", "")
        if enhet not in dict(ENHET_CHOICES):
            messages.error(request, "Välj kronor eller tkr.")
        else:
            services.rakenskaper_enhet_spara(
                forbund=request.forbund, ar=ar, enhet=enhet
            )
            messages.success(
                request,
                f"Räkenskaperna {ar} visas och exporteras nu i "
                f"{dict(ENHET_CHOICES)[enhet]}.",
            )
        return redirect("ekonomi:rakenskaper", ar=ar)
    u = bok.Underlag(request.forbund)
    r = rakenskaper(request.forbund, ar, u)
    return render(
        request,
        "ekonomi/rakenskaper.html",
        {
            "ar": ar,
            "r": r,
            "kalla_ar": r.kalla.get(ar),
            "kalla_fg": r.kalla.get(ar - 1),
            "enhet": rakenskaper_enhet(request.forbund, ar),
            "enheter": ENHET_CHOICES,
            "kan_redigera": has_role(request.user, EDIT),
            "antal_fynd": len(avstamning(request.forbund, ar, u)),
        },
    )


@require_GET
@roles(*READ)
def rakenskaper_excel(request: ForbundRequest, ar: int) -> HttpResponse:
    data = bokforing_excel.rakenskaper_xlsx(
        rakenskaper(request.forbund, ar),
        enhet=rakenskaper_enhet(request.forbund, ar),
        forbund_namn=request.forbund.namn,
    )
    return xlsx_response(data, f"rakenskaper-{ar}")


@require_GET
@roles(*READ)
def avstamning_view(request: ForbundRequest, ar: int) -> HttpResponse:
    u = bok.Underlag(request.forbund)
    r = rakenskaper(request.forbund, ar, u)
    return render(
        request,
        "ekonomi/avstamning.html",
        {
            "ar": ar,
            "fynd": avstamning(request.forbund, ar, u),
            "har_data": any(r.kalla.values()),
        },
    )


@require_GET
@roles(*READ)
def avstamning_excel(request: ForbundRequest, ar: int) -> HttpResponse:
    data = bokforing_excel.avstamning_xlsx(
        avstamning(request.forbund, ar), ar=ar, forbund_namn=request.forbund.namn
    )
    return xlsx_response(data, f"avstamning-{ar}")


@require_GET
@roles(*READ)
def nyckeltal_excel(request: ForbundRequest, ar: int) -> HttpResponse:
    u = bok.Underlag(request.forbund)
    data = bokforing_excel.nyckeltal_xlsx(
        nyckeltal(request.forbund, ar, u),
        bok.kostnadsfordelning(request.forbund, ar, u),
        ar=ar,
        forbund_namn=request.forbund.namn,
    )
    return xlsx_response(data, f"nyckeltal-{ar}")


class GranserForm(forms.Form):
    def __init__(self, *args, initial_granser: dict, **kwargs):
        super().__init__(*args, **kwargs)
        for nyckel, label in Nyckeltalsgrans.NYCKEL_CHOICES:
            self.fields[nyckel] = SvDecimalField(
                label=label,
                required=False,
                min_value=0,
                max_digits=14,
                decimal_places=2,
                initial=initial_granser.get(nyckel),
                widget=TalInput(attrs={"class": "form-control"}),
            )


@require_http_methods(["GET", "POST"])
@roles(*READ)
def nyckeltal_view(request: ForbundRequest, ar: int) -> HttpResponse:
    granser = dict(
        Nyckeltalsgrans.objects.for_forbund(request.forbund).values_list(
            "nyckel", "grans"
        )
    )
    form = GranserForm(request.POST or None, initial_granser=granser)
    u = bok.Underlag(request.forbund)
    if request.method == "POST":
        _kraver_redigering(request)
        if form.is_valid():
            services.nyckeltalsgranser_spara(
                forbund=request.forbund, granser=form.cleaned_data
            )
            messages.success(request, "Gränserna är sparade.")
            return redirect("ekonomi:nyckeltal", ar=ar)
    return render(
        request,
        "ekonomi/nyckeltal.html",
        {
            "ar": ar,
            "nyckeltal": nyckeltal(request.forbund, ar, u),
            "fordelning": bok.kostnadsfordelning(request.forbund, ar, u),
            "form": form,
        },
        status=400 if form.errors else 200,
    )


def bokforing_url(ar: int) -> str:
    return reverse("ekonomi:rakenskaper", kwargs={"ar": ar})
