"""Demo data: Samordningsförbundet Botkyrka Huddinge Salem as of seed 004 (2017-2018).

The figures and the structure come from the seeds; every person's name is invented.
``build_demo`` creates one förbund with everything each app adds: the apps above
``finsam`` contribute through a module ``<app>/demo.py`` with ``build(ctx)``, called in
``DEMO_APPS`` order so that each stands on the ones before it.
"""

from __future__ import annotations

import datetime as dt
import importlib
from dataclasses import dataclass, field

from django.db import transaction

from finsam import access
from finsam.models import Forbund, Medlem, Person, Uppdrag, User
from finsam.services import medlem_save, person_save, uppdrag_save, user_create

BHS_ORGNR = "222000-3020"
BHS_NAMN = "Samordningsförbundet Botkyrka Huddinge Salem"
DEMO_PASSWORD = "finsam-demo"  # noqa: S105 - printed for the demo on purpose

# Apps whose demo.py adds to the förbund, lowest first.
DEMO_APPS = ["insatser", "styrelse", "ekonomi"]

MANDAT_START = dt.date(2015, 4, 1)
MANDAT_SLUT = dt.date(2019, 3, 31)


@dataclass
class DemoContext:
    forbund: Forbund
    user_prefix: str = ""
    medlemmar: dict[str, Medlem] = field(default_factory=dict)
    personer: dict[str, Person] = field(default_factory=dict)
    users: dict[str, User] = field(default_factory=dict)

    def username(self, name: str) -> str:
        return f"{self.user_prefix}{name}"


# (medlem, typ, orgnr) in the order the annual report lists the board (seed 004, 1.5.1).
MEDLEMMAR = [
    ("Botkyrka kommun", Medlem.KOMMUN, ""),
    ("Stockholms läns landsting", Medlem.REGION, "232100-0016"),
    ("Salems kommun", Medlem.KOMMUN, ""),
    ("Huddinge kommun", Medlem.KOMMUN, ""),
    ("Försäkringskassan", Medlem.FORSAKRINGSKASSAN, "202100-5521"),
    ("Arbetsförmedlingen", Medlem.ARBETSFORMEDLINGEN, "202100-2114"),
]

# Invented people. (key, förnamn, efternamn, parti)
PERSONER = [
    ("ordf", "Anders", "Lindqvist", "S"),
    ("vice1", "Birgitta", "Holm", "M"),
    ("vice2", "Cecilia", "Norrby", "M"),
    ("huddinge_led", "David", "Ekström", "L"),
    ("fk_led", "Eva", "Sandberg", ""),
    ("af_led1", "Fredrik", "Almgren", ""),
    ("af_led2", "Gunnel", "Wiklund", ""),
    ("botkyrka_ers", "Hassan", "Yilmaz", "S"),
    ("sll_ers", "Ingrid", "Berglund", "KD"),
    ("salem_ers", "Johan", "Falk", "S"),
    ("huddinge_ers", "Karin", "Öberg", "MP"),
    ("fk_ers", "Lars", "Hedlund", ""),
    ("af_ers1", "Maria", "Strand", ""),
    ("af_ers2", "Nils", "Carlsson", ""),
    ("chef", "Olivia", "Bergman", ""),
    ("utvecklingsledare", "Per", "Lundgren", ""),
    ("administrator", "Rebecka", "Sjöberg", ""),
    ("utredare", "Samir", "Haddad", ""),
    ("rev_kommun", "Tove", "Engström", ""),
    ("rev_stat", "Ulf", "Nordin", ""),
    ("rev_region", "Vera", "Åkesson", ""),
    ("rapportor", "Wilma", "Jansson", ""),
]


def _uppdrag(ctx: DemoContext, person: str, typ: str, **fields) -> Uppdrag:
    return uppdrag_save(forbund=ctx.forbund, person=ctx.personer[person], typ=typ, **fields)


def build_finsam(ctx: DemoContext) -> None:
    forbund = ctx.forbund
    for i, (namn, typ, orgnr) in enumerate(MEDLEMMAR, start=1):
        ctx.medlemmar[namn] = medlem_save(
            forbund=forbund,
            namn=namn,
            typ=typ,
            orgnr=orgnr,
            sortering=i,
            medlem_fran=dt.date(2009, 1, 1),
        )
    for key, fornamn, efternamn, parti in PERSONER:
        ctx.personer[key] = person_save(
            forbund=forbund,
            fornamn=fornamn,
            efternamn=efternamn,
            parti=parti,
            epost=f"{fornamn}.{efternamn}@example.se".lower()
            .replace("å", "a")
            .replace("ä", "a")
            .replace("ö", "o"),
        )
    m = ctx.medlemmar
    board = [
        ("ordf", "botkyrka_ers", "Botkyrka kommun"),
        ("vice1", "sll_ers", "Stockholms läns landsting"),
        ("vice2", "salem_ers", "Salems kommun"),
        ("huddinge_led", "huddinge_ers", "Huddinge kommun"),
        ("fk_led", "fk_ers", "Försäkringskassan"),
    ]
    for ledamot, ersattare, medlem in board:
        _uppdrag(ctx, ledamot, Uppdrag.LEDAMOT, medlem=m[medlem], fran=MANDAT_START, till=MANDAT_SLUT)
        _uppdrag(ctx, ersattare, Uppdrag.ERSATTARE, medlem=m[medlem], fran=MANDAT_START, till=MANDAT_SLUT)
    # Arbetsförmedlingen changed its representatives during 2017 (seed 004, 1.5.1).
    af = m["Arbetsförmedlingen"]
    _uppdrag(ctx, "af_led1", Uppdrag.LEDAMOT, medlem=af, fran=MANDAT_START, till=dt.date(2017, 3, 31))
    _uppdrag(ctx, "af_led2", Uppdrag.LEDAMOT, medlem=af, fran=dt.date(2017, 9, 1), till=MANDAT_SLUT)
    _uppdrag(ctx, "af_ers1", Uppdrag.ERSATTARE, medlem=af, fran=MANDAT_START, till=dt.date(2017, 3, 31))
    _uppdrag(ctx, "af_ers2", Uppdrag.ERSATTARE, medlem=af, fran=dt.date(2017, 3, 1), till=MANDAT_SLUT)
    _uppdrag(ctx, "ordf", Uppdrag.ORDFORANDE, medlem=m["Botkyrka kommun"], fran=MANDAT_START, till=MANDAT_SLUT)
    _uppdrag(ctx, "vice1", Uppdrag.VICE_ORDFORANDE, medlem=m["Stockholms läns landsting"], fran=MANDAT_START, till=MANDAT_SLUT, ordning=1)
    _uppdrag(ctx, "vice2", Uppdrag.VICE_ORDFORANDE, medlem=m["Salems kommun"], fran=MANDAT_START, till=MANDAT_SLUT, ordning=2)
    # Revisorer (seed 004, 1.5.2): one for the kommuner, one for the state, one for the region.
    _uppdrag(ctx, "rev_kommun", Uppdrag.REVISOR, medlem=m["Huddinge kommun"], revisor_for=Uppdrag.REVISOR_KOMMUNERNA, fran=dt.date(2015, 1, 1))
    _uppdrag(ctx, "rev_stat", Uppdrag.REVISOR, medlem=m["Försäkringskassan"], revisor_for=Uppdrag.REVISOR_STATEN, bitrade="Revisionsbyrån AB", fran=dt.date(2015, 1, 1))
    _uppdrag(ctx, "rev_region", Uppdrag.REVISOR, medlem=m["Stockholms läns landsting"], revisor_for=Uppdrag.REVISOR_REGIONEN, fran=dt.date(2015, 1, 1))
    # Kansli (seed 004, 1.5.3).
    for key, befattning, grad in [
        ("chef", "Förbundschef", 100),
        ("utvecklingsledare", "Utvecklingsledare", 100),
        ("administrator", "Administratör", 50),
        ("utredare", "Utredare (MIA-projektet)", 100),
    ]:
        _uppdrag(ctx, key, Uppdrag.KANSLI, befattning=befattning, tjanstgoringsgrad=grad, fran=dt.date(2016, 1, 1))
    # Beredningsgrupp: one senior official per medlem; reuse invented names per member.
    for i, medlem in enumerate(MEDLEMMAR):
        person = person_save(forbund=forbund, fornamn=["Ali", "Britt", "Conny", "Dana", "Elsa", "Filip"][i], efternamn="Beredare", organisation=medlem[0])
        ctx.personer[f"beredning_{i}"] = person
        _uppdrag(ctx, f"beredning_{i}", Uppdrag.BEREDNINGSGRUPP, medlem=m[medlem[0]], fran=dt.date(2016, 1, 1))

    for name, roll, person in [
        ("kansli", access.KANSLI, "chef"),
        ("admin", access.ADMIN, "administrator"),
        ("styrelse", access.STYRELSE, "huddinge_led"),
        ("ordforande", access.STYRELSE, "ordf"),
        ("justerare", access.STYRELSE, "vice1"),
        ("revisor", access.REVISOR, "rev_kommun"),
        ("rapportor", access.INSATSRAPPORTOR, "rapportor"),
    ]:
        ctx.users[name] = user_create(
            forbund=forbund,
            username=ctx.username(name),
            password=DEMO_PASSWORD,
            roll=roll,
            person=ctx.personer[person],
        )


@transaction.atomic
def build_demo(
    *, orgnr: str = BHS_ORGNR, namn: str = BHS_NAMN, kortnamn: str = "BHS", user_prefix: str = ""
) -> DemoContext:
    forbund = Forbund(
        namn=namn,
        orgnr=orgnr,
        kortnamn=kortnamn,
        adress="Box 1000",
        postnummer="141 00",
        ort="Huddinge",
        epost="kansli@example.se",
    )
    forbund.full_clean()
    forbund.save()
    ctx = DemoContext(forbund=forbund, user_prefix=user_prefix)
    build_finsam(ctx)
    for app in DEMO_APPS:
        try:
            module = importlib.import_module(f"{app}.demo")
        except ModuleNotFoundError as exc:
            if exc.name != f"{app}.demo":
                raise
            continue
        module.build(ctx)
    return ctx
