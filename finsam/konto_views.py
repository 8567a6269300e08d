"""The login's own pages: two-factor enrolment and the one-time code step.

(Password change is ``finsam.views.losenord_byt``; reset by e-mail is Django's views,
wired in finsam/urls.py with the templates in templates/registration/.)
"""

from __future__ import annotations

import base64

import segno
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from finsam import tvafaktor
from finsam.access import ADMIN, ALL_ROLES, roles
from finsam.forms import EngangskodForm
from finsam.http import ForbundRequest


@require_http_methods(["GET", "POST"])
@roles(*ALL_ROLES)
def tvafaktor_sida(request: ForbundRequest) -> HttpResponse:
    """Enrolment: a new TOTP device with its QR code, confirmed by the first code."""
    user = request.user
    nasta = tvafaktor.sakert_nasta(request, reverse("finsam:dashboard"))
    aktiverad = user_has_device(user, confirmed=True)
    context: dict[str, object] = {
        "aktiverad": aktiverad,
        "verifierad": tvafaktor.ar_verifierad(user),
        "forbund_kraver": request.forbund.kraver_tvafaktor,
        "kan_styra": user.roll == ADMIN or user.is_superuser,
        "next": nasta,
    }
    if aktiverad:
        return render(request, "finsam/tvafaktor.html", context)
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Finsam", confirmed=False)
    form = EngangskodForm(request.POST or None, submit_label="Aktivera")
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["kod"]):
            device.confirmed = True
            device.save()
            otp_login(request, device)
            messages.success(request, "Tvåfaktorsinloggning är aktiverad.")
            return redirect(nasta)
        form.add_error("kod", "Koden stämmer inte. Kontrollera klockan i telefonen.")
    context.update(
        form=form,
        qr=segno.make(device.config_url, error="m").svg_data_uri(scale=4),
        hemlighet=base64.b32encode(device.bin_key).decode(),
    )
    return render(
        request, "finsam/tvafaktor.html", context, status=400 if form.errors else 200
    )


@require_http_methods(["GET", "POST"])
@roles(*ALL_ROLES)
def tvafaktor_verifiera(request: ForbundRequest) -> HttpResponse:
    """The code step: the session counts as verified once a code matches."""
    nasta = tvafaktor.sakert_nasta(request, reverse("finsam:dashboard"))
    if not user_has_device(request.user, confirmed=True):
        return redirect(f"{reverse('finsam:tvafaktor')}?{urlencode({'next': nasta})}")
    form = EngangskodForm(request.POST or None, submit_label="Logga in")
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["kod"])
        if device is not None:
            otp_login(request, device)
            return redirect(nasta)
        form.add_error("kod", "Koden stämmer inte. Kontrollera klockan i telefonen.")
    return render(
        request,
        "finsam/tvafaktor_verifiera.html",
        {"form": form, "next": nasta},
        status=400 if form.errors else 200,
    )


@require_POST
@roles(ADMIN)
def tvafaktor_krav(request: ForbundRequest) -> HttpResponse:
    """The förbund's administrator turns the two-factor requirement on or off; only
    from a verified session, so turning it on cannot lock the administrator out."""
    forbund = request.forbund
    pa = request.POST.get("kravs") == "1"
    if pa and not tvafaktor.ar_verifierad(request.user):
        messages.error(
            request,
            "Aktivera och använd tvåfaktorsinloggning själv innan du kräver det av "
            "förbundet.",
        )
    else:
        forbund.kraver_tvafaktor = pa
        forbund.save(update_fields=["kraver_tvafaktor"])
        messages.success(
            request,
            "Förbundet kräver nu tvåfaktorsinloggning av administratörer och "
            "undertecknare."
            if pa
            else "Förbundet kräver inte längre tvåfaktorsinloggning.",
        )
    return redirect("finsam:tvafaktor")
