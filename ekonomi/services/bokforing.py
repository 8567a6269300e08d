"""Writes for the bookkeeping: importing a year (SIE 4 or Excel), the chart, the mapping,
manual figures and key-ratio thresholds. Every import is all or nothing."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from ekonomi import kontoplan as kp
from ekonomi.models import (
    Bokforingsimport,
    Konto,
    Kontoregel,
    Kontosaldo,
    Manuellrad,
    Nyckeltalsgrans,
    Objekt,
    Objektregel,
    Rakenskapsinstallning,
    Transaktion,
)
from ekonomi.selectors.rakenskaper import NOT_RAD, notrad_kod
from ekonomi.sie import SieError, SieFil, dimensionsnamn, kontosummor, parse
from finsam.models import Forbund, User
from finsam.tenancy import require_same_forbund


class ImportFel(ValidationError):
    """The import was refused; ``fel`` lists every reason (nothing was saved)."""

    def __init__(self, fel: list[str]):
        self.fel = fel
        super().__init__(fel)


def _digits(orgnr: str) -> str:
    return "".join(c for c in orgnr if c.isdigit())


def _kontrollera(forbund: Forbund, fil: SieFil, ar: int | None) -> list[str]:
    """The checks that need the förbund: orgnr and the year asked for."""
    fel = []
    if fil.orgnr and forbund.orgnr and _digits(fil.orgnr) != _digits(forbund.orgnr):
        fel.append(
            f"Filen gäller organisationsnummer {fil.orgnr}, förbundet har {forbund.orgnr}."
        )
    start, slut = fil.rar[0]
    if (start.month, start.day, slut.month, slut.day) != (1, 1, 12, 31) or (
        start.year != slut.year
    ):
        fel.append(
            f"Räkenskapsåret i #RAR 0 ({start:%Y-%m-%d}–{slut:%Y-%m-%d}) är inte ett "
            "kalenderår; samordningsförbund har kalenderår."
        )
    if ar is not None and start.year != ar:
        fel.append(f"Filen gäller år {start.year} (#RAR 0), inte {ar}.")
    # A file's #RES must agree with its own verifikationer where it has both.
    summor = kontosummor(fil)
    if fil.verifikationer:
        for (arsnr, konto), res in sorted(fil.res.items()):
            if arsnr == 0 and summor.get(konto, Decimal(0)) != res:
                fel.append(
                    f"#RES 0 för konto {konto} är {res} kr men verifikationerna "
                    f"summerar till {summor.get(konto, Decimal(0))} kr."
                )
        for (arsnr, konto), ub in sorted(fil.ub.items()):
            ib = fil.ib.get((0, konto), Decimal(0))
            if arsnr == 0 and ib + summor.get(konto, Decimal(0)) != ub:
                fel.append(
                    f"#UB 0 för konto {konto} är {ub} kr men IB och verifikationerna "
                    f"ger {ib + summor.get(konto, Decimal(0))} kr."
                )
    return fel


@transaction.atomic
def bokforing_importera(
    *,
    forbund: Forbund,
    fil: SieFil,
    format: str,
    filnamn: str = "",
    ar: int | None = None,
    ersatt: bool = False,
    kontoplan: str | None = None,
    user: User | None = None,
) -> Bokforingsimport:
    """Save one parsed year; refuse (``ImportFel``) without saving anything.

    An already imported year is replaced only with ``ersatt=True``. The chart is
    detected from the account names unless ``kontoplan`` is given; it stays
    unconfirmed until the kansli confirms it.
    """
    fel = _kontrollera(forbund, fil, ar)
    befintlig = Bokforingsimport.objects.for_forbund(forbund).filter(ar=fil.ar).first()
    if befintlig is not None and not ersatt:
        fel.append(
            f"Bokföringen för {fil.ar} är redan importerad "
            f"({befintlig.skapad:%Y-%m-%d}). Välj att ersätta den om den nya filen "
            "ska gälla."
        )
    if fel:
        raise ImportFel(fel)
    if befintlig is not None:
        befintlig.delete()
    gissning = kp.detektera(fil.konton, fil.kptyp)
    imp = Bokforingsimport(
        forbund=forbund,
        ar=fil.ar,
        format=format,
        filnamn=filnamn[:255],
        fnamn=fil.fnamn[:200],
        orgnr=fil.orgnr[:20],
        program=fil.program[:200],
        kptyp=fil.kptyp[:40],
        kontoplan=kontoplan or gissning.kontoplan,
        kontoplan_skal="\n".join(gissning.skal),
        kontoplan_bekraftad=kontoplan is not None,
        antal_verifikationer=len(fil.verifikationer),
        antal_transaktioner=fil.antal_transaktioner,
        skapad_av=user,
    )
    imp.full_clean()
    imp.save()
    Konto.objects.bulk_create(
        Konto(bokforing=imp, nummer=nr, namn=namn[:200])
        for nr, namn in fil.konton.items()
    )
    Transaktion.objects.bulk_create(
        (
            Transaktion(
                bokforing=imp,
                serie=ver.serie[:20],
                vernr=ver.nummer[:20],
                datum=t.datum or ver.datum,
                konto=t.konto,
                belopp=t.belopp,
                text=(t.text or ver.text)[:255],
                objekt=" ".join(f"{d}:{o}" for d, o in t.objekt)[:100],
            )
            for ver in fil.verifikationer
            for t in ver.transaktioner
        ),
        batch_size=1000,
    )
    Kontosaldo.objects.bulk_create(_saldon(imp, fil))
    Objekt.objects.bulk_create(
        Objekt(
            bokforing=imp,
            dimension=dim[:10],
            dimension_namn=dimensionsnamn(fil, dim)[:200],
            nummer=obj[:40],
            namn=namn[:200],
        )
        for (dim, obj), namn in fil.objekt.items()
    )
    return imp


def _saldon(imp: Bokforingsimport, fil: SieFil) -> list[Kontosaldo]:
    """Balances per year and account; this year's come from the verifikationer when
    the file has any (so #RES/#UB and the rows cannot tell two stories)."""
    summor = kontosummor(fil)
    keys = set(fil.ib) | set(fil.ub) | set(fil.res) | {(0, k) for k in summor}
    out = []
    for arsnr, konto in sorted(keys):
        ib = fil.ib.get((arsnr, konto), Decimal(0))
        if arsnr == 0 and fil.verifikationer:
            rorelse = summor.get(konto, Decimal(0))
        elif (arsnr, konto) in fil.res:
            rorelse = fil.res[(arsnr, konto)]
        else:
            rorelse = fil.ub.get((arsnr, konto), ib) - ib
        balans = konto[:1] in ("1", "2")
        out.append(
            Kontosaldo(
                bokforing=imp,
                arsnr=arsnr,
                konto=konto,
                ib=ib if balans else Decimal(0),
                ub=(ib + rorelse) if balans else Decimal(0),
                res=Decimal(0) if balans else rorelse,
            )
        )
    return out


def sie_importera(
    *,
    forbund: Forbund,
    data: bytes,
    filnamn: str = "",
    ar: int | None = None,
    ersatt: bool = False,
    kontoplan: str | None = None,
    user: User | None = None,
) -> Bokforingsimport:
    try:
        fil = parse(data)
    except SieError as exc:
        raise ImportFel(exc.fel) from exc
    return bokforing_importera(
        forbund=forbund,
        fil=fil,
        format=Bokforingsimport.SIE,
        filnamn=filnamn,
        ar=ar,
        ersatt=ersatt,
        kontoplan=kontoplan,
        user=user,
    )


@transaction.atomic
def kontoplan_bekrafta(*, bokforing: Bokforingsimport, kontoplan: str) -> None:
    if kontoplan not in dict(kp.KONTOPLAN_CHOICES):
        raise ValidationError({"kontoplan": "Okänd kontoplan."})
    bokforing.kontoplan = kontoplan
    bokforing.kontoplan_bekraftad = True
    bokforing.save(update_fields=["kontoplan", "kontoplan_bekraftad"])


@transaction.atomic
def kontoregel_save(
    *, forbund: Forbund, regel: Kontoregel | None = None, **fields: str
) -> Kontoregel:
    regel = regel or Kontoregel(forbund=forbund)
    for name, value in fields.items():
        setattr(regel, name, value)
    if regel.rad and regel.rad not in kp.RAD_NAMN:
        raise ValidationError({"rad": "Okänd rad i räkenskaperna."})
    regel.full_clean()
    regel.save()
    return regel


def kontoregel_delete(*, regel: Kontoregel) -> None:
    regel.delete()


@transaction.atomic
def manuella_rader_spara(
    *,
    forbund: Forbund,
    ar: int,
    rader: dict[str, tuple[Decimal | None, str]],
    etiketter: dict[str, str] | None = None,
) -> int:
    """Save typed figures ``kod -> (belopp in kronor or None to remove, enhet)``;
    ``etiketter`` names lines that carry their own name (a note line's counterparty)."""
    antal = 0
    for kod, (belopp, enhet) in rader.items():
        qs = Manuellrad.objects.for_forbund(forbund).filter(ar=ar, kod=kod)
        if belopp is None:
            qs.delete()
            continue
        rad = qs.first() or Manuellrad(forbund=forbund, ar=ar, kod=kod)
        rad.belopp = belopp
        rad.enhet = enhet
        if etiketter and kod in etiketter:
            rad.etikett = etiketter[kod]
        rad.full_clean()
        rad.save()
        antal += 1
    return antal


@transaction.atomic
def notrader_spara(
    *,
    forbund: Forbund,
    ar: int,
    rader: list[tuple[int, str, str, Decimal, str]],
) -> int:
    """Replace the year's note lines typed per counterparty with ``rader``:
    (note, key, name, kronor, enhet). The key is the account number where the year has
    bookkeeping, else anything stable (the name's slug when left out)."""
    koder: dict[str, tuple[Decimal | None, str]] = {}
    etiketter: dict[str, str] = {}
    for nr, nyckel, etikett, belopp, enhet in rader:
        if nr not in NOT_RAD:
            raise ValidationError(f"Not {nr} har inga rader per motpart.")
        nyckel = (nyckel.strip() or slugify(etikett))[:60]
        if not nyckel:
            raise ValidationError(f"Not {nr}: ange motpartens namn för {belopp} kr.")
        kod = notrad_kod(nr, nyckel)
        if kod in koder:
            raise ValidationError(
                f"Not {nr}: raden {etikett or nyckel} finns två gånger."
            )
        koder[kod] = (belopp, enhet)
        etiketter[kod] = etikett.strip() or nyckel
    gamla = Manuellrad.objects.for_forbund(forbund).filter(
        ar=ar, kod__regex=r"^not[0-9]+:"
    )
    gamla.exclude(kod__in=list(koder)).delete()
    return manuella_rader_spara(
        forbund=forbund, ar=ar, rader=koder, etiketter=etiketter
    )


@transaction.atomic
def nyckeltalsgranser_spara(
    *, forbund: Forbund, granser: dict[str, Decimal | None]
) -> None:
    for nyckel, grans in granser.items():
        if nyckel not in dict(Nyckeltalsgrans.NYCKEL_CHOICES):
            raise ValidationError(f"Okänt nyckeltal {nyckel}.")
        qs = Nyckeltalsgrans.objects.for_forbund(forbund).filter(nyckel=nyckel)
        if grans is None:
            qs.delete()
            continue
        obj = qs.first() or Nyckeltalsgrans(forbund=forbund, nyckel=nyckel)
        obj.grans = grans
        obj.full_clean()
        obj.save()


@transaction.atomic
def rakenskaper_enhet_spara(*, forbund: Forbund, ar: int, enhet: str) -> None:
    """The unit the year's statements are printed in (kr, or tkr with one decimal)."""
    obj = Rakenskapsinstallning.objects.for_forbund(forbund).filter(ar=ar).first()
    obj = obj or Rakenskapsinstallning(forbund=forbund, ar=ar)
    obj.enhet = enhet
    obj.full_clean()
    obj.save()


@transaction.atomic
def objektregel_save(
    *,
    forbund: Forbund,
    dimension: str,
    objekt: str,
    insats: Any = None,
    budgetkod: str = "",
) -> Objektregel:
    """Map a dimension object to an insats (its budget line) or a budget line."""
    if insats is not None:
        require_same_forbund(forbund, insats, namn="Insatsen")
    regel = (
        Objektregel.objects.for_forbund(forbund)
        .filter(dimension=dimension, objekt=objekt)
        .first()
    ) or Objektregel(forbund=forbund, dimension=dimension, objekt=objekt)
    regel.insats = insats
    regel.budgetkod = budgetkod
    regel.full_clean()
    regel.save()
    return regel


@transaction.atomic
def objektregel_delete(*, regel: Objektregel) -> None:
    regel.delete()
