import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from finsam import services
from finsam.models import Avgiftsbeslut, Uppdrag
from finsam.services import fordela_storsta_rest
from tests.factories import MedlemFactory, PersonFactory
from tests.finsam.factories import medlemmar

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


def _amounts(beslut):
    return [(r.benamning, int(r.belopp)) for r in beslut.rader.order_by("ordning")]


# --- allocation -----------------------------------------------------------------------


@pytest.mark.django_db
def test_it_splits_seed_000s_2018_fees_by_population(forbund):
    k = medlemmar(forbund, ["Haninge kommun", "Tyresö kommun", "Nynäshamns kommun"])
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
    k = medlemmar(
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
    k = medlemmar(forbund, ["Södertälje kommun"])
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
    k = medlemmar(forbund, ["Solna stad"], staten_en_rad=False)
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
    k = medlemmar(forbund, ["A kommun"])
    services.kommununderlag_save(
        forbund=forbund, ar=2018, varden={k["A kommun"]: {"befolkning": 1}}
    )
    with pytest.raises(ValidationError, match=message):
        services.avgiftsbeslut_save(forbund=forbund, ar=2018, total=total)
    assert not Avgiftsbeslut.objects.exists()


@pytest.mark.django_db
def test_a_kommun_without_population_is_named_and_nothing_saved(forbund):
    k = medlemmar(forbund, ["A kommun", "B kommun"])
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
    k = medlemmar(forbund, ["A kommun", "B kommun"])
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
    k = medlemmar(forbund, ["A kommun", "Ny kommun"])
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
    k = medlemmar(forbund, ["A kommun", "B kommun"])
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
    k = medlemmar(forbund, ["A kommun"])
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
    k = medlemmar(forbund, ["A kommun"])
    services.kommununderlag_save(
        forbund=forbund, ar=2018, varden={k["A kommun"]: {"befolkning": 10}}
    )
    beslut = services.avgiftsbeslut_save(forbund=forbund, ar=2018, total=1000)
    with pytest.raises(ValidationError, match="paragraf"):
        services.avgiftsbeslut_expediera(beslut=beslut)


# --- history, documents, command --------------------------------------------------


# --- Excel import -------------------------------------------------------------------


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


def test_an_assignment_needs_its_appointing_member_and_an_ordered_period(forbund):
    person = PersonFactory(forbund=forbund)
    with pytest.raises(ValidationError) as exc:
        services.uppdrag_save(
            forbund=forbund,
            person=person,
            typ=Uppdrag.LEDAMOT,
            fran=dt.date(2018, 1, 1),
            till=dt.date(2017, 1, 1),
        )
    assert set(exc.value.message_dict) == {"medlem", "till"}
    assert not Uppdrag.objects.exists()


def test_an_assignment_cannot_use_another_forbunds_person(forbund, annat_forbund):
    stranger = PersonFactory(forbund=annat_forbund)
    medlem = MedlemFactory(forbund=forbund)
    with pytest.raises(ValidationError) as exc:
        services.uppdrag_save(
            forbund=forbund,
            person=stranger,
            medlem=medlem,
            typ=Uppdrag.LEDAMOT,
            fran=dt.date(2018, 1, 1),
        )
    assert "person" in exc.value.message_dict


def test_kansli_needs_a_title_and_at_most_full_time(forbund):
    person = PersonFactory(forbund=forbund)
    with pytest.raises(ValidationError) as exc:
        services.uppdrag_save(
            forbund=forbund,
            person=person,
            typ=Uppdrag.KANSLI,
            fran=dt.date(2018, 1, 1),
            tjanstgoringsgrad=120,
        )
    assert set(exc.value.message_dict) >= {"befattning"}
    assert "100" in str(exc.value)
