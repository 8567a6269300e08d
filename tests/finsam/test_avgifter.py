import datetime as dt
import io
from decimal import Decimal
from fractions import Fraction

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from pypdf import PdfReader

from finsam import selectors, services
from finsam.demo import OS_ORGNR, build_ostra_sodertorn
from finsam.excel import underlag_import
from finsam.models import Avgiftsbeslut, Kommununderlag, Medlem
from finsam.services import fordela_storsta_rest
from tests.factories import MedlemFactory

NBSP = "\xa0"

# --- the rounding rule ------------------------------------------------------------

weights = st.lists(
    st.integers(min_value=1, max_value=2_000_000), min_size=1, max_size=12
)
totals = st.integers(min_value=0, max_value=500_000_000)


@given(total=totals, vikter=weights)
def test_parts_always_add_up_to_the_total(total, vikter):
    assert sum(fordela_storsta_rest(total, vikter)) == total


@given(total=totals, vikter=weights)
def test_each_part_is_within_one_krona_of_its_exact_share(total, vikter):
    parts = fordela_storsta_rest(total, vikter)
    for part, vikt in zip(parts, vikter, strict=True):
        exact = Fraction(total * vikt, sum(vikter))
        assert abs(part - exact) < 1


@given(total=totals, vikter=weights)
def test_more_people_never_means_a_smaller_share(total, vikter):
    parts = fordela_storsta_rest(total, vikter)
    for i, a in enumerate(vikter):
        for j, b in enumerate(vikter):
            if a > b:
                assert parts[i] >= parts[j]


# --- fixtures ---------------------------------------------------------------------


def _members(forbund, kommuner, staten_en_rad=True):
    forbund.staten_en_rad = staten_en_rad
    forbund.save()
    MedlemFactory(
        forbund=forbund,
        namn="Försäkringskassan",
        typ=Medlem.FORSAKRINGSKASSAN,
        sortering=1,
    )
    MedlemFactory(
        forbund=forbund,
        namn="Arbetsförmedlingen",
        typ=Medlem.ARBETSFORMEDLINGEN,
        sortering=2,
    )
    MedlemFactory(
        forbund=forbund, namn="Region Stockholm", typ=Medlem.REGION, sortering=3
    )
    return {
        namn: MedlemFactory(
            forbund=forbund, namn=namn, typ=Medlem.KOMMUN, sortering=4 + i
        )
        for i, namn in enumerate(kommuner)
    }


def _amounts(beslut):
    return [(r.benamning, int(r.belopp)) for r in beslut.rader.order_by("ordning")]


# --- allocation -----------------------------------------------------------------------


@pytest.mark.django_db
def test_it_splits_seed_000s_2018_fees_by_population(forbund):
    k = _members(forbund, ["Haninge kommun", "Tyresö kommun", "Nynäshamns kommun"])
    services.kommununderlag_save(
        forbund=forbund,
        ar=2018,
        varden={
            k["Haninge kommun"]: {"befolkning": 86_235},
            k["Tyresö kommun"]: {"befolkning": 47_501},
            k["Nynäshamns kommun"]: {"befolkning": 27_987},
        },
    )
    beslut = services.avgiftsbeslut_save(forbund=forbund, ar=2018, total=17_378_000)
    assert _amounts(beslut) == [
        ("Staten, Försäkringskassan för FK och AF", 8_689_000),
        ("Region Stockholm", 4_344_500),
        ("Haninge kommun", 2_316_603),
        ("Tyresö kommun", 1_276_059),
        ("Nynäshamns kommun", 751_838),
    ]


@pytest.mark.django_db
def test_fixed_percentages_give_seed_002s_kommun_amounts(forbund):
    k = _members(
        forbund, ["Sollentuna kommun", "Upplands Väsby kommun", "Sigtuna kommun"]
    )
    services.kommununderlag_save(
        forbund=forbund,
        ar=2022,
        varden={
            k["Sollentuna kommun"]: {"procent": Decimal(44)},
            k["Upplands Väsby kommun"]: {"procent": Decimal(27)},
            k["Sigtuna kommun"]: {"procent": Decimal(29)},
        },
    )
    total, _ = services.bud_niva(
        bud={"staten": 5_438_000, "region": 1_732_500, "kommunerna": 1_732_500}
    )
    beslut = services.avgiftsbeslut_save(
        forbund=forbund, ar=2022, total=total, metod=Avgiftsbeslut.PROCENT
    )
    assert [a for _, a in _amounts(beslut)] == [
        3_465_000,
        1_732_500,
        762_300,
        467_775,
        502_425,
    ]


def test_the_lowest_offer_sets_the_level_for_everyone():
    total, rader = services.bud_niva(
        bud={"staten": 5_438_000, "region": 1_732_500, "kommunerna": 1_800_000}
    )
    assert total == 6_930_000
    assert [(r.part, r.belopp, r.skillnad) for r in rader] == [
        ("staten", 3_465_000, 3_465_000 - 5_438_000),
        ("region", 1_732_500, 0),
        ("kommunerna", 1_732_500, 1_732_500 - 1_800_000),
    ]


def test_offers_need_every_party():
    with pytest.raises(ValidationError, match="Regionen"):
        services.bud_niva(bud={"staten": 1, "kommunerna": 1})


@pytest.mark.django_db
def test_one_kommun_gets_the_whole_quarter(forbund):
    k = _members(forbund, ["Södertälje kommun"])
    services.kommununderlag_save(
        forbund=forbund,
        ar=2018,
        varden={k["Södertälje kommun"]: {"befolkning": 97_000}},
    )
    rader = services.avgift_berakna(
        forbund=forbund, ar=2018, total=10_000_001, metod="befolkning"
    )
    assert [r.belopp for r in rader] == [5_000_001, 2_500_000, 2_500_000]


@pytest.mark.django_db
def test_fk_and_af_apart_get_a_quarter_each(forbund):
    k = _members(forbund, ["Solna stad"], staten_en_rad=False)
    services.kommununderlag_save(
        forbund=forbund, ar=2018, varden={k["Solna stad"]: {"befolkning": 80_000}}
    )
    rader = services.avgift_berakna(
        forbund=forbund, ar=2018, total=4_000_000, metod="befolkning"
    )
    assert [(r.benamning, r.belopp) for r in rader] == [
        ("Försäkringskassan", 1_000_000),
        ("Arbetsförmedlingen", 1_000_000),
        ("Region Stockholm", 1_000_000),
        ("Solna stad", 1_000_000),
    ]


# --- bad input --------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("total", "message"),
    [
        (None, "hela kronor"),
        (-5, "större än noll"),
        (0, "större än noll"),
        (Decimal("10.50"), "utan ören"),
    ],
)
def test_a_missing_or_negative_total_is_refused(forbund, total, message):
    k = _members(forbund, ["A kommun"])
    services.kommununderlag_save(
        forbund=forbund, ar=2018, varden={k["A kommun"]: {"befolkning": 1}}
    )
    with pytest.raises(ValidationError, match=message):
        services.avgiftsbeslut_save(forbund=forbund, ar=2018, total=total)
    assert not Avgiftsbeslut.objects.exists()


@pytest.mark.django_db
def test_a_kommun_without_population_is_named_and_nothing_saved(forbund):
    k = _members(forbund, ["A kommun", "B kommun"])
    services.kommununderlag_save(
        forbund=forbund, ar=2018, varden={k["A kommun"]: {"befolkning": 100}}
    )
    with pytest.raises(ValidationError) as exc:
        services.avgiftsbeslut_save(forbund=forbund, ar=2018, total=1000)
    assert exc.value.messages == [
        "Befolkningstal saknas för B kommun för budgetåret 2018 (befolkningen den 1 november 2017)."
    ]
    assert not Avgiftsbeslut.objects.exists()


@pytest.mark.django_db
def test_a_population_of_zero_is_refused(forbund):
    k = _members(forbund, ["A kommun", "B kommun"])
    services.kommununderlag_save(
        forbund=forbund,
        ar=2018,
        varden={k["A kommun"]: {"befolkning": 100}, k["B kommun"]: {"befolkning": 0}},
    )
    with pytest.raises(
        ValidationError, match="Befolkningstalet för B kommun 2018 kan inte vara 0"
    ):
        services.avgiftsbeslut_save(forbund=forbund, ar=2018, total=1000)


@pytest.mark.django_db
def test_a_kommun_that_joined_during_the_year_is_refused_with_a_reason(forbund):
    k = _members(forbund, ["A kommun", "Ny kommun"])
    k["Ny kommun"].medlem_fran = dt.date(2018, 7, 1)
    k["Ny kommun"].save()
    services.kommununderlag_save(
        forbund=forbund, ar=2018, varden={m: {"befolkning": 100} for m in k.values()}
    )
    with pytest.raises(
        ValidationError, match="Ny kommun är medlem bara under en del av 2018"
    ):
        services.avgiftsbeslut_save(forbund=forbund, ar=2018, total=1000)
    # The year after, it is a member all year and takes part.
    services.kommununderlag_save(
        forbund=forbund, ar=2019, varden={m: {"befolkning": 100} for m in k.values()}
    )
    beslut = services.avgiftsbeslut_save(forbund=forbund, ar=2019, total=1000)
    assert "Ny kommun" in [r.benamning for r in beslut.rader.all()]


@pytest.mark.django_db
def test_fixed_percentages_must_add_up_to_100(forbund):
    k = _members(forbund, ["A kommun", "B kommun"])
    services.kommununderlag_save(
        forbund=forbund,
        ar=2018,
        varden={k["A kommun"]: {"procent": 50}, k["B kommun"]: {"procent": 40}},
    )
    with pytest.raises(ValidationError, match="tillsammans 90 %, inte 100 %"):
        services.avgiftsbeslut_save(
            forbund=forbund, ar=2018, total=1000, metod="procent"
        )


@pytest.mark.django_db
def test_a_sent_decision_is_changed_only_by_a_new_one_and_both_are_kept(forbund):
    k = _members(forbund, ["A kommun"])
    services.kommununderlag_save(
        forbund=forbund, ar=2018, varden={k["A kommun"]: {"befolkning": 10}}
    )
    first = services.avgiftsbeslut_save(
        forbund=forbund, ar=2018, total=1000, paragraf="§ 5"
    )
    services.avgiftsbeslut_expediera(beslut=first)
    with pytest.raises(ValidationError, match="expedierat"):
        services.avgiftsbeslut_save(forbund=forbund, ar=2018, total=2000, beslut=first)
    first.refresh_from_db()
    assert first.total == 1000 and first.status == "expedierat"

    second = services.avgiftsbeslut_ersatt(
        beslut=first, total=2000, metod="befolkning", paragraf="§ 9"
    )
    first.refresh_from_db()
    assert first.status == "ersatt" and second.ersatter == first
    assert Avgiftsbeslut.objects.count() == 2
    assert sum(r.belopp for r in first.rader.all()) == 1000
    assert sum(r.belopp for r in second.rader.all()) == 2000


@pytest.mark.django_db
def test_a_decision_is_sent_only_with_its_paragraph(forbund):
    k = _members(forbund, ["A kommun"])
    services.kommununderlag_save(
        forbund=forbund, ar=2018, varden={k["A kommun"]: {"befolkning": 10}}
    )
    beslut = services.avgiftsbeslut_save(forbund=forbund, ar=2018, total=1000)
    with pytest.raises(ValidationError, match="paragraf"):
        services.avgiftsbeslut_expediera(beslut=beslut)


# --- history, documents, command --------------------------------------------------


@pytest.mark.django_db
def test_history_shows_seed_000s_table_and_its_printing_errors(
    django_assert_num_queries,
):
    forbund = build_ostra_sodertorn(user_prefix="t-")
    # 1: decisions, 2: their lines, 3: the lines' members, 4: external income.
    with django_assert_num_queries(4):
        h = selectors.avgift_historik(forbund=forbund)
    assert h.ar == [2013, 2014, 2015, 2016, 2017, 2018]
    rows = {
        r.namn: [int(b) if b is not None else None for b in r.belopp]
        for r in h.medlemsrader
    }
    assert rows["Haninge kommun"] == [
        2_383_204,
        2_383_831,
        2_397_872,
        2_404_910,
        2_404_472,
        2_316_603,
    ]
    assert rows["Staten, Försäkringskassan för FK och AF"][-1] == 8_689_000
    assert [int(s) for s in h.summa.belopp] == [
        18_000_000,
        17_999_000,
        18_000_000,
        18_064_869,
        18_066_869,
        17_378_000,
    ]
    # The budget document's printed sums differ from its own lines in 2014, 2016, 2017.
    assert h.differens == [None, -1_000, None, -1, 2_001, None]
    assert h.forandring[-1] == 17_378_000 - 18_066_869
    externa = {r.namn: r.belopp for r in h.externa}
    assert int(externa["ESF-medel"][-1]) == 7_368_000
    assert int(externa["Arvsfonden"][2]) == 3_000_000


@pytest.fixture
def os_forbund(db):
    return build_ostra_sodertorn(user_prefix="t-")


def test_the_letter_pdf_holds_every_amount_and_the_paragraph(client, os_forbund):
    from finsam.models import User

    client.force_login(User.objects.get(username="t-kansli"))
    beslut = Avgiftsbeslut.objects.get(forbund=os_forbund, ar=2018)
    response = client.get(f"/avgifter/{beslut.pk}/brev.pdf")
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(
        p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages
    )
    text = text.replace(NBSP, " ")
    for amount in [
        "8 689 000 kr",
        "4 344 500 kr",
        "2 316 603 kr",
        "1 276 059 kr",
        "751 838 kr",
        "17 378 000 kr",
    ]:
        assert amount in text
    assert "§ 54, 2017-11-22" in text
    assert "Siv Granlund" in text


def test_the_excel_export_holds_the_allocation(client, os_forbund):
    from finsam.models import User

    client.force_login(User.objects.get(username="t-kansli"))
    beslut = Avgiftsbeslut.objects.get(forbund=os_forbund, ar=2018)
    response = client.get(f"/avgifter/{beslut.pk}/fordelning.xlsx")
    ws = load_workbook(io.BytesIO(response.content)).active
    rows = list(ws.iter_rows(min_row=4, values_only=True))
    assert [(r[0], r[2]) for r in rows] == [
        ("Staten, Försäkringskassan för FK och AF", 8_689_000),
        ("Stockholms läns landsting", 4_344_500),
        ("Haninge kommun", 2_316_603),
        ("Tyresö kommun", 1_276_059),
        ("Nynäshamns kommun", 751_838),
        ("Summa", 17_378_000),
    ]
    assert ws["C4"].number_format == '#,##0 "kr"'


def test_the_command_prints_the_years_table(os_forbund, capsys):
    call_command("medlemsavgifter", OS_ORGNR, "2018")
    out = capsys.readouterr().out.replace(NBSP, " ")
    assert "Haninge kommun" in out and "2 316 603 kr" in out
    assert "Summa" in out and "17 378 000 kr" in out


def test_the_command_computes_without_saving(os_forbund, capsys):
    call_command("medlemsavgifter", OS_ORGNR, "2018", "--total", "20000000")
    out = capsys.readouterr().out.replace(NBSP, " ")
    assert "inte sparad" in out and "10 000 000 kr" in out and "20 000 000 kr" in out
    assert Avgiftsbeslut.objects.get(forbund=os_forbund, ar=2018).total == 17_378_000


# --- Excel import -------------------------------------------------------------------


def _xlsx(rows):
    wb = Workbook()
    ws = wb.active
    ws.append(["Kommun", "Befolkning"])
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    out.seek(0)
    return out


@pytest.mark.django_db
def test_an_excel_import_saves_every_population(forbund):
    _members(forbund, ["A kommun", "B kommun"])
    assert (
        underlag_import(
            forbund=forbund, ar=2019, fil=_xlsx([["A kommun", 100], ["b KOMMUN", 250]])
        )
        == 2
    )
    assert sorted(Kommununderlag.objects.values_list("befolkning", flat=True)) == [
        100,
        250,
    ]


@pytest.mark.django_db
def test_an_excel_import_with_an_error_saves_nothing_and_names_each_row(forbund):
    _members(forbund, ["A kommun", "B kommun", "C kommun"])
    with pytest.raises(ValidationError) as exc:
        underlag_import(
            forbund=forbund,
            ar=2019,
            fil=_xlsx(
                [
                    ["A kommun", 100],
                    ["Okänd kommun", 5],
                    ["B kommun", "många"],
                    ["C kommun", -3],
                ]
            ),
        )
    assert exc.value.messages == [
        "Rad 3: Okänd kommun är inte en kommun i förbundet 2019.",
        "Rad 4: befolkningen för B kommun är inte ett heltal (många).",
        "Rad 5: befolkningen för C kommun måste vara större än 0.",
    ]
    assert not Kommununderlag.objects.exists()


@pytest.mark.django_db
def test_a_broken_file_gets_a_message(forbund):
    with pytest.raises(ValidationError, match="Excelfil"):
        underlag_import(forbund=forbund, ar=2019, fil=io.BytesIO(b"inte excel"))


@pytest.mark.django_db
def test_a_decision_links_to_its_paragraph_and_refuses_another_forbunds():
    from django.apps import apps

    from finsam.demo import build_demo

    a = build_demo()
    b = build_demo(orgnr="222000-1701", namn="Annat", kortnamn="AN", user_prefix="b-")
    paragraf_model = apps.get_model("styrelse", "Paragraf")
    own = (
        paragraf_model.objects.for_forbund(a.forbund)
        .select_related("sammantrade")
        .first()
    )
    other = paragraf_model.objects.for_forbund(b.forbund).first()
    # The demo's decision in preparation (next year's fees).
    beslut = Avgiftsbeslut.objects.get(forbund=a.forbund, status=Avgiftsbeslut.UTKAST)

    with pytest.raises(ValidationError, match="annat förbund"):
        services.avgiftsbeslut_save(
            forbund=a.forbund,
            ar=beslut.ar,
            total=16_000_000,
            beslut=beslut,
            beslutsparagraf=other,
        )
    beslut = services.avgiftsbeslut_save(
        forbund=a.forbund,
        ar=beslut.ar,
        total=16_000_000,
        beslut=beslut,
        beslutsparagraf=own,
    )
    assert beslut.paragraf_text == f"§ {own.nummer}, {own.sammantrade.datum:%Y-%m-%d}"
    services.avgiftsbeslut_expediera(beslut=beslut)  # the link is enough to send it
