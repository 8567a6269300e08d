"""The two charts of accounts förbund use, their default mapping, and telling them apart.

No chart is prescribed: förbund use SKR's **Kommun-Bas** or the ordinary **BAS**, and the
two clash (5xxx is personnel in Kommun-Bas but premises in BAS; 84xx is financial income
in Kommun-Bas but interest costs in BAS). ``#KPTYP`` in SIE files is often wrong, so the
chart is detected from the account names and the kansli confirms it
(../shared/DOMAIN.md, "Charts of accounts").

A statement line (``rad``) is a stable code; the statements in
``ekonomi.selectors.rakenskaper`` are built from these codes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

KOMMUNBAS = "kommunbas"
BAS = "bas"
KONTOPLAN_CHOICES = [(KOMMUNBAS, "Kommun-Bas (SKR)"), (BAS, "BAS")]

# Statement lines an account can belong to (resultaträkning RR, balansräkning BR).
RR_MEDLEMSAVGIFTER = "rr_medlemsavgifter"
RR_ESF = "rr_esf"
RR_OVRIGA_INTAKTER = "rr_ovriga_intakter"
RR_KOSTNADER = "rr_kostnader"
RR_AVSKRIVNINGAR = "rr_avskrivningar"
RR_FIN_INTAKTER = "rr_fin_intakter"
RR_FIN_KOSTNADER = "rr_fin_kostnader"
RR_EXTRAORDINARA = "rr_extraordinara"
BR_ANLAGGNING = "br_anlaggning"
BR_FORDRINGAR = "br_fordringar"
BR_PLACERINGAR = "br_placeringar"
BR_KASSA = "br_kassa"
BR_EGET_KAPITAL = "br_eget_kapital"
BR_AVSATTNINGAR = "br_avsattningar"
BR_LANGFRISTIGA = "br_langfristiga"
BR_KORTFRISTIGA = "br_kortfristiga"

RAD_CHOICES = [
    (RR_MEDLEMSAVGIFTER, "Verksamhetens medlemsavgifter"),
    (RR_ESF, "Intäkter ESF"),
    (RR_OVRIGA_INTAKTER, "Övriga intäkter"),
    (RR_KOSTNADER, "Verksamhetens kostnader"),
    (RR_AVSKRIVNINGAR, "Avskrivningar"),
    (RR_FIN_INTAKTER, "Finansiella intäkter"),
    (RR_FIN_KOSTNADER, "Finansiella kostnader"),
    (RR_EXTRAORDINARA, "Extraordinära poster"),
    (BR_ANLAGGNING, "Anläggningstillgångar"),
    (BR_FORDRINGAR, "Fordringar"),
    (BR_PLACERINGAR, "Kortfristiga placeringar"),
    (BR_KASSA, "Kassa och banktillgodohavande"),
    (BR_EGET_KAPITAL, "Eget kapital"),
    (BR_AVSATTNINGAR, "Avsättningar"),
    (BR_LANGFRISTIGA, "Långfristiga skulder"),
    (BR_KORTFRISTIGA, "Kortfristiga skulder"),
]
RAD_NAMN = dict(RAD_CHOICES)
RR_RADER = [code for code, _ in RAD_CHOICES if code.startswith("rr_")]
BR_RADER = [code for code, _ in RAD_CHOICES if code.startswith("br_")]


@dataclass(frozen=True)
class Regel:
    """Accounts ``fran``..``till`` (inclusive, compared as 4-digit prefixes) -> ``rad``."""

    fran: str
    till: str
    rad: str

    def traffar(self, konto: str) -> bool:
        k = konto[:4].ljust(4, "0")
        return self.fran.ljust(4, "0") <= k <= self.till.ljust(4, "9")

    @property
    def bredd(self) -> int:
        return int(self.till.ljust(4, "9")) - int(self.fran.ljust(4, "0"))


# Defaults by account group (../shared/DOMAIN.md). The narrowest matching rule wins, so
# specific accounts (3981 EU-bidrag) sit on top of their class.
# Balance sheet and income: the same in both charts.
_BALANS_OCH_INTAKTER = [
    Regel("10", "14", BR_ANLAGGNING),
    Regel("15", "17", BR_FORDRINGAR),
    Regel("18", "18", BR_PLACERINGAR),
    Regel("19", "19", BR_KASSA),
    Regel("20", "20", BR_EGET_KAPITAL),
    Regel("21", "22", BR_AVSATTNINGAR),
    Regel("23", "23", BR_LANGFRISTIGA),
    Regel("24", "29", BR_KORTFRISTIGA),
    Regel("30", "39", RR_OVRIGA_INTAKTER),
]
STANDARD: dict[str, list[Regel]] = {
    KOMMUNBAS: [
        *_BALANS_OCH_INTAKTER,
        Regel("40", "78", RR_KOSTNADER),
        Regel("79", "79", RR_AVSKRIVNINGAR),
        Regel("84", "84", RR_FIN_INTAKTER),
        Regel("85", "85", RR_FIN_KOSTNADER),
        Regel("86", "89", RR_EXTRAORDINARA),
    ],
    BAS: [
        *_BALANS_OCH_INTAKTER,
        Regel("3981", "3981", RR_ESF),
        Regel("40", "76", RR_KOSTNADER),
        Regel("77", "78", RR_AVSKRIVNINGAR),
        Regel("79", "79", RR_KOSTNADER),
        Regel("80", "83", RR_FIN_INTAKTER),
        Regel("84", "84", RR_FIN_KOSTNADER),
        Regel("85", "89", RR_EXTRAORDINARA),
    ],
}


def default_rad(konto: str, kontoplan: str, namn: str = "") -> str | None:
    """The statement line of an account by the chart's default rules.

    Income accounts whose names say what they are go to their own lines whatever the
    chart: medlemsavgifter/driftbidrag and ESF are separate lines in the seeds'
    resultaträkning (004, section 2).
    """
    rad = valj_regel(konto, STANDARD[kontoplan])
    if rad in (RR_OVRIGA_INTAKTER, RR_ESF):
        lower = namn.lower()
        if "esf" in lower or "socialfond" in lower:
            return RR_ESF
        if "medlemsavgift" in lower or "driftbidrag" in lower:
            return RR_MEDLEMSAVGIFTER
    return rad


def valj_regel(konto: str, regler) -> str | None:
    best = None
    for regel in regler:
        if regel.traffar(konto) and (best is None or regel.bredd < best.bredd):
            best = regel
    return best.rad if best else None


# Words in account names that give the chart away.
_PERSONAL = re.compile(r"l[öo]n|personal|arvode|sociala avgifter|pension|semester")
_LOKAL = re.compile(r"lokal|hyra|el\b|städ|fastighet")


@dataclass
class Detektering:
    kontoplan: str
    skal: list[str]
    kptyp: str = ""

    @property
    def namn(self) -> str:
        return dict(KONTOPLAN_CHOICES)[self.kontoplan]


def detektera(konton: dict[str, str], kptyp: str = "") -> Detektering:
    """Guess Kommun-Bas or BAS from account names (``#KPTYP`` is often wrong).

    Wages on 5xxx mean Kommun-Bas, wages on 7xxx mean BAS; premises on 50-51 mean BAS.
    Returns the guess with the accounts that decided it, for the kansli to confirm.
    """
    kommunbas, bas = [], []
    for nr, namn in sorted(konton.items()):
        lower = namn.lower()
        if _PERSONAL.search(lower):
            if nr.startswith("5"):
                kommunbas.append(f"{nr} {namn}")
            elif nr.startswith("7") and nr[:2] <= "76":
                bas.append(f"{nr} {namn}")
        if _LOKAL.search(lower):
            if nr[:2] in ("50", "51"):
                bas.append(f"{nr} {namn}")
            elif nr[:2] in ("60", "61"):
                kommunbas.append(f"{nr} {namn}")
    if len(bas) > len(kommunbas):
        return Detektering(BAS, bas, kptyp)
    if kommunbas:
        return Detektering(KOMMUNBAS, kommunbas, kptyp)
    # No names to go by: trust #KPTYP only when it names Kommun-Bas explicitly.
    if "KOMMUN" in kptyp.upper() or kptyp.upper().startswith("KBAS"):
        return Detektering(KOMMUNBAS, [f"#KPTYP {kptyp}"], kptyp)
    return Detektering(BAS, [f"#KPTYP {kptyp}"] if kptyp else [], kptyp)
