"""Signed documents anyone can verify.

Every frozen document — a justerat protocol, a sent fee decision, an approved period
report, an approved årsredovisning — is sealed once when it freezes: the SHA-256 of its
content (what it prints, as canonical JSON or its frozen HTML) and of its PDF, laid out
by the one pipeline (finsam/documents.py) and signed with the förbund's certificate
(finsam/sigill.py), stored as a ``Forsegling``. ``verifiera(forbund)`` (the command
``manage.py verifiera [orgnr]`` and the page ``/dokument/verifiera/``) recomputes the
content hash from the record as it is now, the PDF's hash and its signature, and reports
every difference.

How an app registers a kind (in ``AppConfig.ready``)::

    registrera(Slag(
        slag="protokoll",
        model=Sammantrade,
        frysta=lambda qs: qs.filter(status__in=[...]),   # the frozen ones of a queryset
        innehall=lambda obj: obj.innehall,               # JSON-able, or str
        pdf=lambda obj: ("styrelse/pdf/protokoll.html", context) | bytes | None,
        titel=lambda obj: f"Protokoll {obj.datum}",
    ))

A ``post_save`` hook queues the seal (django-tasks) once the transaction that froze the
record commits; ``forsegla_saknade(forbund)`` seals those frozen before (the command
``manage.py verifiera --forsegla``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import partial
from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, models, transaction
from django.db.models.signals import post_save
from django_tasks import task

from finsam import sigill, versioner
from finsam.documents import render_pdf
from finsam.models import Forbund, Forsegling
from finsam.tenancy import forbund_id_of

if TYPE_CHECKING:
    from finsam.dokumentfiler import RenderResult


@dataclass(frozen=True)
class Slag:
    slag: str
    model: type[models.Model]
    frysta: Callable[[Any], Any]
    innehall: Callable[[Any], Any]
    pdf: Callable[[Any], RenderResult | None]
    titel: Callable[[Any], str]
    # What ``titel`` reads through foreign keys (select_related): a list of titles costs
    # one query however long it is.
    relaterade: tuple[str, ...] = ()


_slag: dict[str, Slag] = {}


def registrera(slag: Slag) -> Slag:
    _slag[slag.slag] = slag
    post_save.connect(
        _efter_sparning,
        sender=slag.model,
        dispatch_uid=f"forsegling-{slag.slag}",
        weak=False,
    )
    return slag


def _json(varde: Any) -> Any:
    if isinstance(varde, dt.datetime | dt.date):
        return varde.isoformat()
    if isinstance(varde, Decimal):
        return str(varde)
    if isinstance(varde, models.Model):
        return varde.pk
    return str(varde)


def sha256_av_innehall(innehall: Any, *, kompakt: bool = False) -> str:
    """The content's SHA-256, the project's one content hash: bytes as they are, text as
    UTF-8, anything else as canonical JSON (sorted keys, UTF-8; dates, decimals and
    records as ``_json`` writes them). ``kompakt`` writes the JSON without the spaces
    after "," and ":" — how styrelse's protocol hashes, stored by its justeringar, are
    made; the seals' hashes keep the spaces. Either way a stored hash stays valid."""
    if isinstance(innehall, bytes):
        data = innehall
    elif isinstance(innehall, str):
        data = innehall.encode("utf-8")
    else:
        data = json.dumps(
            innehall,
            sort_keys=True,
            ensure_ascii=False,
            separators=(",", ":") if kompakt else None,
            default=_json,
        ).encode("utf-8")
    return hashlib.sha256(data).hexdigest()


def faltvarden(obj: models.Model, utom: tuple[str, ...] = ()) -> dict[str, Any]:
    """A record's stored fields as a dict (for a kind's ``innehall``); the optimistic
    lock's version counts saves, not content (as in ``frysning.andrade_falt``)."""
    utom = (*utom, versioner.FALT)
    return {
        f.attname: f.value_from_object(obj)
        for f in obj._meta.concrete_fields
        if f.name not in utom and f.attname not in utom
    }


def _pdf(slag: Slag, obj: Any) -> bytes | None:
    kalla = slag.pdf(obj)
    if kalla is None or isinstance(kalla, bytes):
        return kalla
    template, context = kalla
    return render_pdf(template, context)


def ar_fryst(slag: Slag, obj: Any) -> bool:
    return bool(slag.frysta(type(obj)._base_manager.filter(pk=obj.pk)).exists())


def forsegla(slag: Slag, obj: Any) -> Forsegling | None:
    """Seal the frozen ``obj`` once (an existing seal is kept as it is); ``None`` when it
    is not frozen or its PDF is not made yet (the årsredovisning's comes from a task)."""
    befintlig = Forsegling.objects.filter(slag=slag.slag, objekt_id=obj.pk).first()
    if befintlig is not None:
        return befintlig
    if not ar_fryst(slag, obj):
        return None
    forbund_id = forbund_id_of(obj)
    if forbund_id is None:
        return None
    innehall = sha256_av_innehall(slag.innehall(obj))
    pdf = _pdf(slag, obj)
    if pdf is None:
        return None
    titel = slag.titel(obj)[:200]
    signerad = sigill.signera(pdf, namn=titel, orsak="Fastställd handling")
    try:
        with transaction.atomic():
            return Forsegling.objects.create(
                forbund_id=forbund_id,
                slag=slag.slag,
                objekt_id=obj.pk,
                titel=titel,
                innehall_sha256=innehall,
                pdf=signerad,
                pdf_sha256=hashlib.sha256(signerad).hexdigest(),
                signerad=signerad != pdf,
            )
    except IntegrityError:
        # Another worker sealed it first: theirs stands.
        return Forsegling.objects.filter(slag=slag.slag, objekt_id=obj.pk).first()


def forsegla_id(slag_namn: str, objekt_id: int) -> str:
    slag = _slag.get(slag_namn)
    if slag is None:
        return ""
    obj = slag.model._base_manager.filter(pk=objekt_id).first()
    if obj is None:
        return ""
    seal = forsegla(slag, obj)
    return seal.pdf_sha256 if seal is not None else ""


@task()
def forsegla_task(slag_namn: str, objekt_id: int) -> str:
    """The background task: sealing lays out and signs a PDF (seconds)."""
    return forsegla_id(slag_namn, objekt_id)


def _efter_sparning(sender: Any, instance: Any, **kwargs: Any) -> None:
    if kwargs.get("raw"):
        return
    for slag in _slag.values():
        if slag.model is not sender:
            continue
        if Forsegling.objects.filter(slag=slag.slag, objekt_id=instance.pk).exists():
            continue
        if not ar_fryst(slag, instance):
            continue
        transaction.on_commit(partial(forsegla_task.enqueue, slag.slag, instance.pk))


def forsegla_senaste(forbund: Forbund, slag_namn: str) -> Forsegling | None:
    """Seal the latest frozen document of one kind (the demo seals one of each)."""
    slag = _slag[slag_namn]
    qs = slag.frysta(slag.model._default_manager.for_forbund(forbund))  # type: ignore[attr-defined]
    obj = qs.order_by("-pk").first()
    return forsegla(slag, obj) if obj is not None else None


def forsegla_saknade(forbund: Forbund) -> int:
    """Seal every frozen document of the förbund that has no seal yet."""
    antal = 0
    for slag in _slag.values():
        sigillerade = set(
            Forsegling.objects.filter(forbund=forbund, slag=slag.slag).values_list(
                "objekt_id", flat=True
            )
        )
        for obj in slag.frysta(slag.model._default_manager.for_forbund(forbund)):  # type: ignore[attr-defined]
            if obj.pk not in sigillerade and forsegla(slag, obj) is not None:
                antal += 1
    return antal


# --- Verification ----------------------------------------------------------------------


@dataclass
class Avvikelse:
    titel: str
    fel: str


SAKNAS_VISAS = 50


@dataclass
class Resultat:
    kontrollerade: int
    avvikelser: list[Avvikelse]
    saknar_forsegling: list[str]  # the first SAKNAS_VISAS of them
    antal_saknar: int = 0

    @property
    def ok(self) -> bool:
        return not self.avvikelser


def verifiera(forbund: Forbund) -> Resultat:
    """Recompute every seal of the förbund: the content's hash from the record as it is
    now, the PDF's hash and its signature. Every difference is an ``Avvikelse``. Also
    names (the first ``SAKNAS_VISAS`` of) the frozen documents not sealed yet. Queries:
    a few per kind and per seal, none per unsealed document."""
    avvikelser: list[Avvikelse] = []
    saknas: list[str] = []
    antal_saknas = 0
    kontrollerade = 0
    for slag in _slag.values():
        seals = {
            s.objekt_id: s
            for s in Forsegling.objects.filter(forbund=forbund, slag=slag.slag)
        }
        qs = slag.model._default_manager.for_forbund(forbund)  # type: ignore[attr-defined]
        frysta = slag.frysta(qs).select_related(*slag.relaterade)
        sigillerade = {obj.pk: obj for obj in frysta.filter(pk__in=list(seals))}
        finns = set(qs.filter(pk__in=list(seals)).values_list("pk", flat=True))
        for pk, seal in seals.items():
            kontrollerade += 1
            obj = sigillerade.get(pk)
            if obj is None:
                fel = (
                    "Handlingen finns inte längre."
                    if pk not in finns
                    else "Handlingen är inte längre fastställd."
                )
                avvikelser.append(Avvikelse(seal.titel, fel))
                continue
            if sha256_av_innehall(slag.innehall(obj)) != seal.innehall_sha256:
                avvikelser.append(
                    Avvikelse(
                        seal.titel,
                        "Innehållet har ändrats sedan handlingen förseglades.",
                    )
                )
            pdf = bytes(seal.pdf)
            if hashlib.sha256(pdf).hexdigest() != seal.pdf_sha256:
                avvikelser.append(
                    Avvikelse(seal.titel, "PDF:en stämmer inte med sin kontrollsumma.")
                )
            if seal.signerad:
                status = sigill.kontrollera(pdf)
                if not (status.giltig and status.oforandrad):
                    avvikelser.append(Avvikelse(seal.titel, status.fel))
        osigillerade = frysta.exclude(pk__in=list(seals))
        antal_saknas += osigillerade.count()
        # Always one query per kind (so the page's cost is the same however many).
        senaste = list(osigillerade.order_by("-pk")[:SAKNAS_VISAS])
        plats = max(SAKNAS_VISAS - len(saknas), 0)
        saknas.extend(slag.titel(obj) for obj in senaste[:plats])
    return Resultat(kontrollerade, avvikelser, saknas, antal_saknas)
