"""The financial statements of a year with the previous year beside them (LKBR 5, 6, 8
and 9 kap.; seed 004 sections 2-6).

``rakenskaper(forbund, ar) -> Rakenskaper``. Each statement is a list of ``Rad``:

- ``kod``: stable id of the line (``rr_medlemsavgifter``, ``br_summa_tillgangar``,
  ``kf_arets_kassaflode``, ``not2:1650`` …); ``label``: the Swedish text;
- ``not_nr``: the note that explains the line, or ``None``;
- ``belopp`` / ``foregaende``: kronor for the year and the year before (``None`` when
  nothing is known), signed as the documents print them: in the resultaträkning income
  positive and costs negative; in the balansräkning every line positive;
- ``summa``: a sum line (printed bold); ``rubrik``: a heading without amounts;
- ``text``: printed instead of an amount (``Inga`` in note 4).

``noter`` is a list of ``Not(nr, rubrik, rader, datumrubrik)`` whose last row is the sum.
``eget_kapital_ingaende`` / ``eget_kapital_utgaende`` / ``arets_resultat`` are kronor for the
year; ``balanskrav`` the LKBR balanskravsutredning rows and ``balanskravsresultat`` its last
figure. ``kalla`` says per year where the figures come from ("bokföringen 2017", "manuella
uppgifter", or "" when there are none).

Figures come from the imported bookkeeping through the account mapping; where a year has
no bookkeeping, from the figures typed by hand (``Manuellrad``, kod = the line's kod).
Typed figures for a year that has bookkeeping are not shown but reconciled
(``ekonomi.selectors.avstamning``). ``varden[ar]`` holds every line's value and
``toleranser[ar]`` the rounding a tkr-typed figure carries, for the reconciliation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from ekonomi import kontoplan as kp
from ekonomi.models import Manuellrad
from ekonomi.selectors.bokforing import Saldon, saldon
from finsam.models import Forbund

NOLL = Decimal(0)
TKR = Decimal(1000)


@dataclass
class Rad:
    kod: str
    label: str
    belopp: Decimal | None
    foregaende: Decimal | None
    not_nr: int | None = None
    summa: bool = False
    rubrik: bool = False
    text: str = ""


@dataclass
class Not:
    nr: int
    rubrik: str
    rader: list[Rad]
    datumrubrik: bool = False  # balances: columns are dates, not years


@dataclass
class Rakenskaper:
    ar: int
    resultatrakning: list[Rad]
    balansrakning: list[Rad]
    kassaflodesanalys: list[Rad]
    noter: list[Not]
    balanskrav: list[Rad]
    eget_kapital_ingaende: Decimal | None
    eget_kapital_utgaende: Decimal | None
    arets_resultat: Decimal | None
    balanskravsresultat: Decimal | None
    kalla: dict[int, str]
    varden: dict[int, dict[str, Decimal]] = field(default_factory=dict)
    toleranser: dict[int, dict[str, Decimal]] = field(default_factory=dict)
    typade: dict[int, dict[str, Manuellrad]] = field(default_factory=dict)
    beraknade: dict[int, set[str]] = field(default_factory=dict)

    @property
    def har_data(self) -> bool:
        return bool(self.kalla.get(self.ar))

    def rader(self) -> list[tuple[str, list[Rad]]]:
        return [
            ("Resultaträkning", self.resultatrakning),
            ("Balansräkning", self.balansrakning),
            ("Kassaflödesanalys", self.kassaflodesanalys),
        ]


# Lines of the statements: (kod, label, not_nr). Sums are computed from the lines above.
RR_RADER = [
    (kp.RR_MEDLEMSAVGIFTER, "Verksamhetens medlemsavgifter", 1),
    (kp.RR_ESF, "Intäkter ESF", None),
    (kp.RR_OVRIGA_INTAKTER, "Övriga intäkter", None),
    (kp.RR_KOSTNADER, "Verksamhetens kostnader", None),
    (kp.RR_AVSKRIVNINGAR, "Avskrivningar", None),
]
SUMMOR = {
    "rr_nettokostnad": "Verksamhetens nettokostnad",
    "rr_fore_extra": "Resultat före extraordinära poster",
    "rr_arets_resultat": "Årets resultat",
    "br_summa_oms": "Summa omsättningstillgångar",
    "br_summa_tillgangar": "Summa tillgångar",
    "br_summa_ek_skulder": "Summa eget kapital, avsättningar och skulder",
    "kf_fore_rorelsekapital": "Medel från verksamheten före förändring av rörelsekapital",
    "kf_lopande": "Kassaflöde från den löpande verksamheten",
    "kf_arets_kassaflode": "Årets kassaflöde",
    "kf_likvida_slut": "Likvida medel vid årets slut",
    "not1_summa": "Not 1, summa",
    "not2_summa": "Not 2, summa",
    "not3_summa": "Not 3, summa",
}
KF_RADER = {
    "kf_arets_resultat": "Årets resultat",
    "kf_justering": "Justering för ej likviditetspåverkande poster",
    "kf_fordringar": "Ökning (−) / minskning (+) av kortfristiga fordringar",
    "kf_skulder": "Ökning (+) / minskning (−) av kortfristiga skulder",
    "kf_investering": "Kassaflöde från investeringsverksamheten",
    "kf_finansiering": "Kassaflöde från finansieringsverksamheten",
    "kf_likvida_borjan": "Likvida medel vid årets början",
}
BK_RADER = {
    "bk_realisationsvinster": "Samtliga realisationsvinster (−)",
    "bk_justeringar": "Övriga justeringar enligt undantagsmöjlighet (±)",
    "bk_rur_reservering": "Medel till resultatutjämningsreserv (−)",
    "bk_rur_anvandning": "Medel från resultatutjämningsreserv (+)",
}
NOT4 = {
    "not4_panter": "Panter och därmed jämförliga säkerheter",
    "not4_eventual": "Eventualförpliktelser",
}

# Every kod a figure can be typed for, with its label (the manual-figures form and the
# Excel template list these).
MANUELLA_KODER: dict[str, str] = {
    **{kod: label for kod, label, _ in RR_RADER},
    kp.RR_FIN_INTAKTER: "Finansiella intäkter",
    kp.RR_FIN_KOSTNADER: "Finansiella kostnader",
    kp.RR_EXTRAORDINARA: "Extraordinära poster",
    **{kod: kp.RAD_NAMN[kod] for kod in kp.BR_RADER},
    **SUMMOR,
    **KF_RADER,
    **BK_RADER,
    **NOT4,
}

BALANS_AKTIVA = (kp.BR_ANLAGGNING, kp.BR_FORDRINGAR, kp.BR_PLACERINGAR, kp.BR_KASSA)


@dataclass
class _Ar:
    """One year's figures: ``v`` values by kod, ``tol`` rounding of tkr-typed figures,
    ``noter`` account lines per note, ``ib`` balances at the start of the year."""

    ar: int
    kalla: str = ""
    v: dict[str, Decimal] = field(default_factory=dict)
    tol: dict[str, Decimal] = field(default_factory=dict)
    ib: dict[str, Decimal] | None = None
    noter: dict[int, dict[str, tuple[str, Decimal]]] = field(default_factory=dict)
    typade: dict[str, Manuellrad] = field(default_factory=dict)
    beraknade: set[str] = field(default_factory=set)


def _fran_bokforing(s: Saldon) -> _Ar:
    a = _Ar(ar=s.ar, kalla=s.kalla)
    m = s.mappning
    v = dict.fromkeys(kp.RR_RADER + kp.BR_RADER, NOLL)
    ib = dict.fromkeys(kp.BR_RADER, NOLL)
    noter: dict[int, dict[str, tuple[str, Decimal]]] = {1: {}, 2: {}, 3: {}, 5: {}}
    balans_ub = NOLL
    resultat = NOLL
    for konto in sorted(set(s.ub) | set(s.res)):
        rad = m.rad(konto)
        namn = m.namn.get(konto, konto)
        if konto[:1] in "12":
            tecken = 1 if rad in BALANS_AKTIVA else -1
            balans_ub += s.ub.get(konto, NOLL)
            if rad:
                v[rad] += tecken * s.ub.get(konto, NOLL)
                ib[rad] += tecken * s.ib.get(konto, NOLL)
            not_nr = {kp.BR_FORDRINGAR: 2, kp.BR_KORTFRISTIGA: 3}.get(rad or "")
            if not_nr and (s.ub.get(konto) or s.ib.get(konto)):
                noter[not_nr][konto] = (namn, tecken * s.ub.get(konto, NOLL))
        else:
            res = s.res.get(konto, NOLL)
            resultat -= res
            if rad:
                v[rad] -= res
            if rad == kp.RR_MEDLEMSAVGIFTER and res:
                noter[1][konto] = (namn, -res)
            if rad in (kp.RR_KOSTNADER, None) and (
                "revision" in namn.lower() or m.budgetkod(konto) == "revision"
            ):
                noter[5][konto] = (namn, res)
    # A year exported before closing has its result outside eget kapital: the balance
    # accounts then sum to the result instead of to zero. Pick whichever is nearer, so
    # a typing error in a balance still shows as a difference of its own size.
    if abs(balans_ub - resultat) < abs(balans_ub):
        v[kp.BR_EGET_KAPITAL] += resultat
    # A file may carry only part of a year (the year before with #RES but no #UB): the
    # lines it says nothing about are left for figures typed by hand.
    har_rr = any(k[:1] not in "12" for k in s.res)
    har_br = any(k[:1] in "12" for k in s.ub)
    a.v = {
        k: b + NOLL  # + 0 turns -0.00 into 0.00
        for k, b in v.items()
        if (har_rr and k in kp.RR_RADER) or (har_br and k in kp.BR_RADER)
    }
    a.ib = {k: b + NOLL for k, b in ib.items()} if har_br else None
    a.noter = {
        nr: {k: (n, b + NOLL) for k, (n, b) in rader.items()}
        for nr, rader in noter.items()
    }
    a.beraknade = set(a.v)
    return a


def rund_som_typad(belopp: Decimal, enhet: str) -> Decimal:
    if enhet == Manuellrad.TKR:
        return (belopp / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP) * 100
    return belopp


def _ar(forbund: Forbund, ar: int) -> _Ar:
    s = saldon(forbund, ar)
    a = _fran_bokforing(s) if s is not None else _Ar(ar=ar)
    a.typade = {r.kod: r for r in Manuellrad.objects.for_forbund(forbund).filter(ar=ar)}
    anvanda = [
        (kod, r)
        for kod, r in a.typade.items()
        if kod in MANUELLA_KODER and kod not in SUMMOR and kod not in a.beraknade
    ]
    for kod, r in anvanda:
        a.v[kod] = r.belopp
        if r.enhet == Manuellrad.TKR:
            a.tol[kod] = Decimal(50)
    if anvanda:
        a.kalla = (
            f"{a.kalla} och manuella uppgifter" if a.kalla else "manuella uppgifter"
        )
    return a


def _sum(a: _Ar, kod: str, delar: list[str], kraver: tuple[str, ...] = ()) -> None:
    """A sum line from the lines above it (a missing line counts as nothing, except the
    ``kraver`` ones without which the sum means nothing)."""
    known = [d for d in delar if d in a.v]
    if not known or any(k not in a.v for k in kraver):
        return
    a.v[kod] = sum((a.v[d] for d in known), NOLL)
    a.tol[kod] = sum((a.tol.get(d, NOLL) for d in delar), NOLL)
    a.beraknade.add(kod)


def _summera(a: _Ar, fg: _Ar | None) -> None:
    """The sums and the kassaflöde of one year (``fg``: the year before, for balances at
    the start when the year's own data has none)."""
    _sum(a, "rr_nettokostnad", [k for k, _, _ in RR_RADER])
    _sum(
        a, "rr_fore_extra", ["rr_nettokostnad", kp.RR_FIN_INTAKTER, kp.RR_FIN_KOSTNADER]
    )
    _sum(a, "rr_arets_resultat", ["rr_fore_extra", kp.RR_EXTRAORDINARA])
    _sum(a, "br_summa_oms", [kp.BR_FORDRINGAR, kp.BR_PLACERINGAR, kp.BR_KASSA])
    _sum(a, "br_summa_tillgangar", [kp.BR_ANLAGGNING, "br_summa_oms"])
    _sum(
        a,
        "br_summa_ek_skulder",
        [
            kp.BR_EGET_KAPITAL,
            kp.BR_AVSATTNINGAR,
            kp.BR_LANGFRISTIGA,
            kp.BR_KORTFRISTIGA,
        ],
    )
    # Kassaflöde: from the balances at the start (the year's IB, else last year's UB).
    start = a.ib
    start_tol: dict[str, Decimal] = {}
    if start is None and fg is not None and fg.kalla:
        start = {k: fg.v[k] for k in kp.BR_RADER if k in fg.v}
        start_tol = {k: fg.tol.get(k, NOLL) for k in kp.BR_RADER}
    if "rr_arets_resultat" in a.v:
        a.v["kf_arets_resultat"] = a.v["rr_arets_resultat"]
        a.tol["kf_arets_resultat"] = a.tol.get("rr_arets_resultat", NOLL)
        a.beraknade.add("kf_arets_resultat")
    if start is not None and kp.BR_KASSA in a.v:

        def delta(kod: str) -> Decimal:
            return a.v.get(kod, NOLL) - start.get(kod, NOLL)

        def tol(*kods: str) -> Decimal:
            return sum(
                (a.tol.get(k, NOLL) + start_tol.get(k, NOLL) for k in kods), NOLL
            )

        avskr = -a.v.get(kp.RR_AVSKRIVNINGAR, NOLL)
        berakning = {
            "kf_justering": (
                avskr + delta(kp.BR_AVSATTNINGAR),
                tol(kp.BR_AVSATTNINGAR),
            ),
            "kf_fordringar": (-delta(kp.BR_FORDRINGAR), tol(kp.BR_FORDRINGAR)),
            "kf_skulder": (delta(kp.BR_KORTFRISTIGA), tol(kp.BR_KORTFRISTIGA)),
            "kf_investering": (
                -(delta(kp.BR_ANLAGGNING) + avskr),
                tol(kp.BR_ANLAGGNING),
            ),
            "kf_finansiering": (delta(kp.BR_LANGFRISTIGA), tol(kp.BR_LANGFRISTIGA)),
            "kf_likvida_borjan": (
                start.get(kp.BR_KASSA, NOLL) + start.get(kp.BR_PLACERINGAR, NOLL),
                sum(
                    (start_tol.get(k, NOLL) for k in (kp.BR_KASSA, kp.BR_PLACERINGAR)),
                    NOLL,
                ),
            ),
        }
        for kod, (belopp, t) in berakning.items():
            a.v[kod] = belopp
            a.tol[kod] = t
            a.beraknade.add(kod)
    _sum(a, "kf_fore_rorelsekapital", ["kf_arets_resultat", "kf_justering"])
    _sum(
        a,
        "kf_lopande",
        ["kf_fore_rorelsekapital", "kf_fordringar", "kf_skulder"],
        kraver=("kf_fore_rorelsekapital", "kf_fordringar", "kf_skulder"),
    )
    _sum(
        a,
        "kf_arets_kassaflode",
        ["kf_lopande", "kf_investering", "kf_finansiering"],
        kraver=("kf_lopande",),
    )
    _sum(
        a,
        "kf_likvida_slut",
        ["kf_likvida_borjan", "kf_arets_kassaflode"],
        kraver=("kf_likvida_borjan", "kf_arets_kassaflode"),
    )
    # A sum typed without its lines is shown as typed.
    for kod in SUMMOR:
        if kod not in a.v and kod in a.typade:
            a.v[kod] = a.typade[kod].belopp
    for nr in (1, 2, 3):
        if a.noter.get(nr):
            a.v[f"not{nr}_summa"] = sum((b for _, b in a.noter[nr].values()), NOLL)
            a.beraknade.add(f"not{nr}_summa")
    _balanskrav(a)


def _balanskrav(a: _Ar) -> None:
    if "rr_arets_resultat" not in a.v:
        return
    for kod in BK_RADER:
        a.v[kod] = a.typade[kod].belopp if kod in a.typade else NOLL
    a.v["bk_efter_justering"] = (
        a.v["rr_arets_resultat"] - a.v["bk_realisationsvinster"] + a.v["bk_justeringar"]
    )
    a.v["bk_resultat"] = (
        a.v["bk_efter_justering"] - a.v["bk_rur_reservering"] + a.v["bk_rur_anvandning"]
    )


def _rad(
    kod: str,
    label: str,
    a: _Ar,
    fg: _Ar,
    not_nr: int | None = None,
    summa: bool = False,
    dolj_noll: bool = False,
) -> Rad | None:
    belopp, foregaende = a.v.get(kod), fg.v.get(kod)
    if dolj_noll and not belopp and not foregaende:
        return None
    return Rad(kod, label, belopp, foregaende, not_nr=not_nr, summa=summa)


def _lista(*rader: Rad | None) -> list[Rad]:
    return [r for r in rader if r is not None]


def rakenskaper(forbund: Forbund, ar: int) -> Rakenskaper:
    aret, fg = _ar(forbund, ar), _ar(forbund, ar - 1)
    fgfg = _ar(forbund, ar - 2) if fg.ib is None and fg.kalla else None
    _summera(fg, fgfg)
    _summera(aret, fg)
    a = aret

    rr = _lista(
        *(
            _rad(k, label, a, fg, n, dolj_noll=k == kp.RR_AVSKRIVNINGAR)
            for k, label, n in RR_RADER
        ),
        _rad("rr_nettokostnad", SUMMOR["rr_nettokostnad"], a, fg, summa=True),
        _rad(kp.RR_FIN_INTAKTER, "Finansiella intäkter", a, fg),
        _rad(kp.RR_FIN_KOSTNADER, "Finansiella kostnader", a, fg),
        _rad("rr_fore_extra", SUMMOR["rr_fore_extra"], a, fg, summa=True),
        _rad(kp.RR_EXTRAORDINARA, "Extraordinära poster", a, fg),
        _rad("rr_arets_resultat", SUMMOR["rr_arets_resultat"], a, fg, summa=True),
    )
    br = _lista(
        Rad("", "Tillgångar", None, None, rubrik=True),
        _rad(kp.BR_ANLAGGNING, "Anläggningstillgångar", a, fg, dolj_noll=True),
        Rad("", "Omsättningstillgångar", None, None, rubrik=True),
        _rad(kp.BR_FORDRINGAR, "Fordringar", a, fg, 2),
        _rad(kp.BR_PLACERINGAR, "Kortfristiga placeringar", a, fg, dolj_noll=True),
        _rad(kp.BR_KASSA, "Kassa och banktillgodohavande", a, fg),
        _rad("br_summa_oms", SUMMOR["br_summa_oms"], a, fg, summa=True),
        _rad("br_summa_tillgangar", SUMMOR["br_summa_tillgangar"], a, fg, summa=True),
        Rad("", "Eget kapital, avsättningar och skulder", None, None, rubrik=True),
        _rad(kp.BR_EGET_KAPITAL, "Eget kapital", a, fg),
        _rad(kp.BR_AVSATTNINGAR, "Avsättningar", a, fg, dolj_noll=True),
        _rad(kp.BR_LANGFRISTIGA, "Långfristiga skulder", a, fg),
        _rad(kp.BR_KORTFRISTIGA, "Kortfristiga skulder", a, fg, 3),
        _rad("br_summa_ek_skulder", SUMMOR["br_summa_ek_skulder"], a, fg, summa=True),
    )
    kf = _lista(
        Rad("", "Den löpande verksamheten", None, None, rubrik=True),
        _rad("kf_arets_resultat", KF_RADER["kf_arets_resultat"], a, fg),
        _rad("kf_justering", KF_RADER["kf_justering"], a, fg),
        _rad(
            "kf_fore_rorelsekapital",
            SUMMOR["kf_fore_rorelsekapital"],
            a,
            fg,
            summa=True,
        ),
        _rad("kf_fordringar", KF_RADER["kf_fordringar"], a, fg),
        _rad("kf_skulder", KF_RADER["kf_skulder"], a, fg),
        _rad("kf_lopande", SUMMOR["kf_lopande"], a, fg, summa=True),
        _rad("kf_investering", KF_RADER["kf_investering"], a, fg, dolj_noll=True),
        _rad("kf_finansiering", KF_RADER["kf_finansiering"], a, fg, dolj_noll=True),
        _rad("kf_arets_kassaflode", SUMMOR["kf_arets_kassaflode"], a, fg, summa=True),
        _rad("kf_likvida_borjan", KF_RADER["kf_likvida_borjan"], a, fg),
        _rad("kf_likvida_slut", SUMMOR["kf_likvida_slut"], a, fg, summa=True),
    )
    noter = [
        _not(1, "Verksamhetens medlemsavgifter", a, fg),
        _not(2, "Fordringar", a, fg, datum=True),
        _not(3, "Kortfristiga skulder", a, fg, datum=True),
        Not(
            4,
            "Ställda säkerheter och ansvarsförbindelser",
            [
                Rad(
                    kod,
                    label,
                    a.v.get(kod, a.typade[kod].belopp if kod in a.typade else None),
                    fg.typade[kod].belopp if kod in fg.typade else None,
                    text="Inga",
                )
                for kod, label in NOT4.items()
            ],
            datumrubrik=True,
        ),
    ]
    if a.noter.get(5) or fg.noter.get(5):
        noter.append(_not(5, "Kostnader för revision", a, fg))
    bk = _lista(
        _rad("rr_arets_resultat", "Årets resultat", a, fg),
        *(_rad(k, label, a, fg) for k, label in BK_RADER.items()),
        _rad(
            "bk_efter_justering",
            "Årets resultat efter balanskravsjusteringar",
            a,
            fg,
            summa=True,
        ),
        _rad("bk_resultat", "Årets balanskravsresultat", a, fg, summa=True),
    )
    ek_in = fg.v.get(kp.BR_EGET_KAPITAL)
    if a.ib is not None:
        ek_in = a.ib.get(kp.BR_EGET_KAPITAL)
    return Rakenskaper(
        ar=ar,
        resultatrakning=rr,
        balansrakning=br,
        kassaflodesanalys=kf,
        noter=noter,
        balanskrav=bk,
        eget_kapital_ingaende=ek_in,
        eget_kapital_utgaende=a.v.get(kp.BR_EGET_KAPITAL),
        arets_resultat=a.v.get("rr_arets_resultat"),
        balanskravsresultat=a.v.get("bk_resultat"),
        kalla={ar: a.kalla, ar - 1: fg.kalla},
        varden={ar: a.v, ar - 1: fg.v},
        toleranser={ar: a.tol, ar - 1: fg.tol},
        typade={ar: a.typade, ar - 1: fg.typade},
        beraknade={ar: a.beraknade, ar - 1: fg.beraknade},
    )


def _not(nr: int, rubrik: str, a: _Ar, fg: _Ar, datum: bool = False) -> Not:
    konton = sorted(set(a.noter.get(nr, {})) | set(fg.noter.get(nr, {})))
    rader = []
    for konto in konton:
        namn, belopp = a.noter.get(nr, {}).get(konto, (None, None))
        fg_namn, fg_belopp = fg.noter.get(nr, {}).get(konto, (None, None))
        rader.append(
            Rad(
                f"not{nr}:{konto}",
                namn or fg_namn or konto,
                belopp if belopp is not None else (NOLL if a.kalla else None),
                fg_belopp if fg_belopp is not None else (NOLL if fg.kalla else None),
            )
        )
    summa_kod = f"not{nr}_summa"
    if nr == 5:
        rader.append(
            Rad(
                summa_kod,
                "Summa",
                sum((r.belopp or NOLL for r in rader), NOLL),
                sum((r.foregaende or NOLL for r in rader), NOLL),
                summa=True,
            )
        )
    else:
        rader.append(
            Rad(summa_kod, "Summa", a.v.get(summa_kod), fg.v.get(summa_kod), summa=True)
        )
    return Not(nr, rubrik, rader, datumrubrik=datum)


def tkr(belopp: Decimal | None) -> Decimal | None:
    """Kronor to tkr with one decimal, rounded half up as the seeds print."""
    if belopp is None:
        return None
    return (belopp / TKR).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
