"""Writes: the narrative texts, accepted reconciliation findings and the approval."""

from __future__ import annotations

import hashlib
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django_tasks import task

from ekonomi.arsredovisning import rules
from ekonomi.arsredovisning.models import Arsredovisning, Avsnittstext, Fyndbedomning
from ekonomi.arsredovisning.render import arsredovisning_html
from ekonomi.arsredovisning.selectors import Fyndstatus, fynd_list
from finsam.documents import html_to_pdf
from finsam.models import Forbund, User
from finsam.tenancy import require_same_forbund
from styrelse.models import Paragraf


def _arsredovisning(forbund: Forbund, ar: int) -> Arsredovisning:
    a, _ = Arsredovisning.objects.get_or_create(forbund=forbund, ar=ar)
    return a


def _ej_last(forbund: Forbund, ar: int) -> None:
    orsak = rules.arets_fryst_orsak(forbund.pk, ar)
    if orsak:
        raise ValidationError(orsak)


@transaction.atomic
def avsnittstext_save(
    *, forbund: Forbund, ar: int, avsnitt: str, text: str, user: User | None
) -> Avsnittstext:
    if avsnitt not in Avsnittstext.RUBRIK:
        raise ValidationError(f"Okänt avsnitt: {avsnitt}.")
    _ej_last(forbund, ar)
    _arsredovisning(forbund, ar)
    obj = Avsnittstext.objects.filter(forbund=forbund, ar=ar, avsnitt=avsnitt).first()
    obj = obj or Avsnittstext(forbund=forbund, ar=ar, avsnitt=avsnitt)
    obj.text = text.strip()
    obj.andrad_av = user
    obj.full_clean()
    obj.save()
    return obj


@transaction.atomic
def arsredovisning_enhet_spara(*, forbund: Forbund, ar: int, enhet: str) -> None:
    """The unit the report prints its amounts in; chosen while it is a draft."""
    _ej_last(forbund, ar)
    a = _arsredovisning(forbund, ar)
    a.enhet = enhet
    a.full_clean()
    a.save(update_fields=["enhet"])


@transaction.atomic
def fynd_godta(
    *, forbund: Forbund, ar: int, nyckel: str, kommentar: str, user: User | None
) -> Fyndbedomning:
    """Accept one reconciliation finding, as it stands now, with a comment."""
    _ej_last(forbund, ar)
    if not kommentar.strip():
        raise ValidationError("Skriv en kommentar som förklarar varför fyndet godtas.")
    fynd = next(
        (f.fynd for f in fynd_list(forbund=forbund, ar=ar) if f.fynd.nyckel == nyckel),
        None,
    )
    if fynd is None:
        raise ValidationError("Fyndet finns inte längre i avstämningen.")
    differens = (
        None
        if fynd.differens is None
        else Decimal(str(fynd.differens)).quantize(Decimal("0.01"))
    )
    obj, _ = Fyndbedomning.objects.update_or_create(
        forbund=forbund,
        ar=ar,
        nyckel=nyckel,
        defaults={"kommentar": kommentar.strip(), "av": user, "differens": differens},
    )
    return obj


def oppna_fynd(*, forbund: Forbund, ar: int) -> list[Fyndstatus]:
    return [f for f in fynd_list(forbund=forbund, ar=ar) if not f.godtaget]


@transaction.atomic
def arsredovisning_godkann(
    *, forbund: Forbund, ar: int, paragraf: Paragraf, user: User | None
) -> Arsredovisning:
    """The board approved the report by ``paragraf``: render the PDF once and freeze it.

    Refused while a reconciliation finding is neither resolved nor accepted, for a §
    of another förbund, or a § from before the year ended.
    """
    a = (
        Arsredovisning.objects.select_for_update()
        .filter(forbund=forbund, ar=ar)
        .first()
    ) or Arsredovisning(forbund=forbund, ar=ar)
    if a.ar_godkand:
        raise ValidationError(f"Årsredovisningen {ar} är redan godkänd.")
    sammantrade = paragraf.sammantrade
    require_same_forbund(forbund, paragraf, namn="Paragrafen")
    if sammantrade.datum.year <= ar:
        raise ValidationError(
            f"Paragrafen är från {sammantrade.datum:%Y-%m-%d}: årsredovisningen för "
            f"{ar} godkänns efter årets slut."
        )
    oppna = oppna_fynd(forbund=forbund, ar=ar)
    if oppna:
        raise ValidationError(
            f"Avstämningen har {len(oppna)} fynd som varken är rättade eller godtagna: "
            + "; ".join(f.fynd.beskrivning for f in oppna)
        )
    a.status = Arsredovisning.GODKAND
    a.godkand_paragraf = paragraf
    a.godkand_datum = sammantrade.datum
    a.godkand_av = user
    # Frozen now, from the data of this moment: the PDF is laid out from this HTML.
    a.html = arsredovisning_html(forbund=forbund, ar=ar, arsredovisning=a, pdf=True)
    a.pdf, a.pdf_sha256 = b"", ""
    a.full_clean()
    a.save()
    # The database backend's worker sees the task once this transaction commits; the
    # immediate backend (tests, TASKS_IMMEDIATE) lays the PDF out right here.
    faststall_pdf.enqueue(a.pk)
    a.refresh_from_db()
    return a


def arsredovisning_pdf_faststall(*, arsredovisning_id: int) -> str:
    """Lay out the frozen HTML into the PDF and store it with its SHA-256, once: a PDF
    already made is never made again. Returns the hash."""
    a = Arsredovisning.objects.filter(pk=arsredovisning_id).first()
    if a is None or not a.ar_godkand:
        return ""
    if a.pdf_sha256:
        return a.pdf_sha256
    pdf = html_to_pdf(a.html)
    sha = hashlib.sha256(pdf).hexdigest()
    with transaction.atomic():
        # Whoever stores first wins; a second worker's copy is dropped. A model save,
        # so the freeze guard sees it: the one change an approved report allows.
        a = Arsredovisning.objects.select_for_update().get(pk=a.pk)
        if not a.pdf_sha256:
            a.pdf, a.pdf_sha256 = pdf, sha
            a.save(update_fields=["pdf", "pdf_sha256"])
    return Arsredovisning.objects.values_list("pdf_sha256", flat=True).get(pk=a.pk)


@task()
def faststall_pdf(arsredovisning_id: int) -> str:
    """The background task for ``arsredovisning_pdf_faststall``; defined here rather
    than in a tasks module that would import this one back (an import circle)."""
    return arsredovisning_pdf_faststall(arsredovisning_id=arsredovisning_id)
