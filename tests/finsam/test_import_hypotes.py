"""Every importer under hostile input (hypothesis): any workbook or SIE file ends in a
Swedish message or a complete import, never an exception and never half an import.

Importers: population (finsam/excel.py), period report and indicators
(insatser/excel.py), Excel ledger and manual figures (ekonomi/bokforing_excel.py),
SIE (ekonomi/sie.py through ekonomi/services/bokforing.py).
"""

import datetime as dt
import io

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ekonomi.bokforing_excel import huvudbok_las, manuella_las
from ekonomi.models import Bokforingsimport, Manuellrad, Transaktion
from ekonomi.services.bokforing import (
    ImportFel,
    bokforing_importera,
    manuella_rader_spara,
    sie_importera,
)
from finsam.excel import underlag_import
from finsam.models import Kommununderlag
from insatser.excel import import_indikatorer, import_rapport
from insatser.models import Indikatorresultat, Insats, Periodrapport
from insatser.services import avslutsorsaker_seed, insats_save, periodrapport_save
from tests.finsam.factories import arbetsbok, medlemmar

pytestmark = pytest.mark.django_db

INSTALLNINGAR = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# What a hostile or careless workbook holds: formulas, NaN and infinities (as numbers
# and as text), huge and negative numbers, dates from year 1 to 9999, error codes,
# text in any script (no control characters: the file format cannot hold them).
text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=30)
cell = st.one_of(
    st.none(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(
        [
            "=1+1",
            "=SUM(A1:A9)",
            "Infinity",
            "-Infinity",
            "NaN",
            "1e30",
            "-0",
            "#N/A",
            "9999-12-31",
            "0001-01-01",
            "2018-02-30",
            "99999999999999999999",
            "1 234,50",
            "IB",
        ]
    ),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(9999, 12, 31)),
    st.booleans(),
    text,
)


def rows_of(width: int, first: st.SearchStrategy | None = None):
    row = st.lists(cell, min_size=width, max_size=width)
    if first is not None:
        row = st.tuples(first, st.lists(cell, min_size=width - 1, max_size=width - 1))
        row = row.map(lambda t: [t[0], *t[1]])
    return st.lists(row, max_size=12)


def antal(*models) -> tuple[int, ...]:
    return tuple(m.objects.count() for m in models)


@pytest.fixture
def kommuner(forbund):
    return medlemmar(forbund, ["A kommun", "B kommun"])


@INSTALLNINGAR
@given(rows=rows_of(2, st.sampled_from(["A kommun", "B kommun", "a KOMMUN", "C"])))
def test_population_import(forbund, kommuner, rows):
    fore = list(Kommununderlag.objects.values_list("medlem_id", "befolkning"))
    try:
        underlag_import(forbund=forbund, ar=2019, fil=io.BytesIO(arbetsbok(rows)))
    except ValidationError as exc:
        assert 0 < len(exc.messages) <= 51
        assert list(Kommununderlag.objects.values_list("medlem_id", "befolkning")) == (
            fore
        )
    else:
        assert all(
            0 < b < 10**8
            for b in Kommununderlag.objects.values_list("befolkning", flat=True)
        )


@pytest.fixture
def rapport(forbund):
    orsaker = avslutsorsaker_seed(forbund=forbund)
    insats = insats_save(forbund=forbund, namn="Slussen", inriktning=Insats.INDIVID)
    r = periodrapport_save(
        insats=insats, ar=2018, period=Periodrapport.T1, siffror={}, avslut={}
    )
    return r, orsaker


RAPPORT_RADER = st.sampled_from(
    [
        "Aktuella deltagare",
        "Nya deltagare",
        "Avslutade deltagare",
        "Avslutsorsak: Arbete",
        "Konsultationer",
        "Följda upp 12 månader efter avslut",
        "Berättelse",
    ]
)


@INSTALLNINGAR
@given(rows=rows_of(5, RAPPORT_RADER))
def test_period_report_import(rapport, rows):
    r, orsaker = rapport
    fore = Periodrapport.objects.values().get(pk=r.pk)
    fel = import_rapport(
        rapport=r,
        data=arbetsbok([["x"], ["x"], ["x"], *rows], "Rapport"),
        orsaker=orsaker,
    )
    if fel:
        assert len(fel) <= 51
        assert Periodrapport.objects.values().get(pk=r.pk) == fore
    r.refresh_from_db()


@INSTALLNINGAR
@given(rows=rows_of(7, st.integers(min_value=-5, max_value=5)))
def test_indicator_import(forbund, rows):
    fore = antal(Indikatorresultat)
    fel = import_indikatorer(
        forbund=forbund, ar=2018, data=arbetsbok([["Id"], *rows], "Indikatorer")
    )
    if fel:
        assert len(fel) <= 51
        assert antal(Indikatorresultat) == fore


@INSTALLNINGAR
@given(rows=rows_of(6, st.sampled_from(["1", "2", "IB", 1, None])))
def test_excel_ledger_import(forbund, rows):
    fore = antal(Bokforingsimport, Transaktion)
    try:
        fil = huvudbok_las(arbetsbok([["Verifikation"], *rows]), orgnr="")
        bokforing_importera(
            forbund=forbund, fil=fil, format=Bokforingsimport.EXCEL, ersatt=True
        )
    except ValidationError as exc:  # ImportFel is one
        assert 0 < len(exc.messages) <= 51
        assert antal(Bokforingsimport, Transaktion) == fore


@INSTALLNINGAR
@given(
    rows=rows_of(
        4, st.sampled_from(["rr_medlemsavgifter", "budget:x", "not7:", "x", ""])
    )
)
def test_manual_figures_import(forbund, rows):
    fore = list(Manuellrad.objects.values_list("kod", "belopp"))
    try:
        rader, etiketter = manuella_las(arbetsbok([["Kod"], *rows]))
        manuella_rader_spara(forbund=forbund, ar=2018, rader=rader, etiketter=etiketter)
    except ValidationError as exc:
        assert 0 < len(exc.messages) <= 51
        assert list(Manuellrad.objects.values_list("kod", "belopp")) == fore


SIE_HUVUD = (
    '#FLAGGA 0\n#FORMAT PC8\n#SIETYP 4\n#RAR 0 20180101 20181231\n#KONTO 1930 "Bank"\n'
    '#KONTO 3010 "Avgifter"\n'
)
sie_token = st.one_of(
    st.sampled_from(
        [
            "0",
            "-1",
            "99999999999999999999",
            "1930",
            "3010",
            "20180315",
            "99991231",
            "00000101",
            "1e30",
            "Infinity",
            "NaN",
            "100.00",
            "-100.00",
            "9999999999999.99",
            "{}",
            '"text med mellanslag"',
            '"',
            "{",
        ]
    ),
    st.text(alphabet='0123456789.-{}" abc', max_size=12),
)
sie_rad = st.tuples(
    st.sampled_from(
        ["#RAR", "#IB", "#UB", "#RES", "#KONTO", "#VER", "#TRANS", "{", "}"]
    ),
    st.lists(sie_token, max_size=6),
).map(lambda t: " ".join([t[0], *t[1]]))


@INSTALLNINGAR
@given(rader=st.lists(sie_rad, max_size=15))
def test_sie_import(forbund, rader):
    fore = antal(Bokforingsimport, Transaktion)
    data = (SIE_HUVUD + "\n".join(rader) + "\n").encode("cp437", errors="replace")
    try:
        sie_importera(forbund=forbund, data=data, ersatt=True)
    except ImportFel as exc:
        assert 0 < len(exc.messages) <= 51
        assert antal(Bokforingsimport, Transaktion) == fore
