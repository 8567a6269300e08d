import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from finsam.models import Forbund
from insatser.models import Insats, Periodrapport
from insatser.services import (
    avslutsorsaker_seed,
    blockerande_avvikelser,
    insats_save,
    periodrapport_accept_deviation,
    periodrapport_approve,
    periodrapport_return,
    periodrapport_save,
    periodrapport_submit,
    rapport_avvikelser,
)
from tests.insatser.conftest import siffror


def spara(insats, orsaker, period=Periodrapport.T1, avslut=None, **kw):
    if avslut is None:
        avslut = {
            orsaker["Arbete"].pk: {"kvinnor": 1, "man": 1},
            orsaker["Flytt"].pk: {"kvinnor": 1, "man": 1},
        }
    return periodrapport_save(
        insats=insats, ar=2018, period=period, siffror=siffror(**kw), avslut=avslut
    )


def koder(rapport):
    return {a.kod for a in rapport_avvikelser(rapport)}


def test_avslutsorsaker_seed_is_idempotent_and_per_forbund(forbund, annat_forbund):
    a = avslutsorsaker_seed(forbund=forbund)
    assert len(avslutsorsaker_seed(forbund=forbund)) == len(a) == 9
    assert len(avslutsorsaker_seed(forbund=annat_forbund)) == 9


def test_consistent_report_has_no_violations(insats, orsaker):
    assert rapport_avvikelser(spara(insats, orsaker)) == []


def test_kon_split_not_adding_up_names_field_and_difference(insats, orsaker):
    rapport = spara(insats, orsaker, akt=(10, 4, 5, 0))
    (fel,) = rapport_avvikelser(rapport)
    assert fel.falt == "aktuella_totalt"
    assert "skillnad 1" in fel.meddelande and "Aktuella" in fel.meddelande


def test_exit_reasons_not_adding_up_are_refused_with_difference(
    insats, orsaker, kanslist
):
    rapport = spara(
        insats, orsaker, avslut={orsaker["Arbete"].pk: {"kvinnor": 2, "man": 5}}
    )
    fel = [a for a in rapport_avvikelser(rapport) if a.kod == "avslutsorsak_man"]
    assert fel and "är tillsammans 5" in fel[0].meddelande
    assert "skillnad 3" in fel[0].meddelande
    with pytest.raises(ValidationError, match="skillnad 3"):
        periodrapport_submit(rapport=rapport, user=kanslist)
    rapport.refresh_from_db()
    assert rapport.status == Periodrapport.UTKAST


def test_nya_and_avslutade_above_aktuella(insats, orsaker):
    rapport = spara(
        insats,
        orsaker,
        akt=(3, 1, 2, 0),
        nya=(5, 2, 3, 0),
        avsl=(4, 2, 2, 0),
    )
    assert {"nya_over_aktuella", "avslutade_over_aktuella"} <= koder(rapport)


def test_helar_below_tertial_is_a_violation(insats, orsaker):
    spara(insats, orsaker, period=Periodrapport.T2, akt=(20, 10, 10, 0))
    helar = spara(insats, orsaker, period=Periodrapport.HELAR)
    fel = [a for a in rapport_avvikelser(helar) if a.kod == "aktuella_under_t2"]
    assert fel and "skillnad 10" in fel[0].meddelande


def test_submit_approve_flow(insats, orsaker, rapportor, kanslist):
    rapport = spara(insats, orsaker)
    periodrapport_submit(rapport=rapport, user=rapportor)
    assert rapport.status == Periodrapport.INLAMNAD
    with pytest.raises(ValidationError):
        spara(insats, orsaker)  # submitted reports are frozen
    with pytest.raises(PermissionDenied):
        periodrapport_approve(rapport=rapport, user=rapportor)
    periodrapport_approve(rapport=rapport, user=kanslist)
    assert rapport.status == Periodrapport.GODKAND


def test_return_needs_comment_and_reopens(insats, orsaker, rapportor, kanslist):
    rapport = spara(insats, orsaker)
    periodrapport_submit(rapport=rapport, user=rapportor)
    with pytest.raises(ValidationError):
        periodrapport_return(rapport=rapport, user=kanslist, kommentar=" ")
    periodrapport_return(rapport=rapport, user=kanslist, kommentar="Kolla könen")
    assert rapport.status == Periodrapport.ATERSAND and rapport.kan_andras


def test_rapportor_cannot_submit_for_another_insats(annan_insats, orsaker, rapportor):
    rapport = spara(annan_insats, orsaker)
    with pytest.raises(PermissionDenied):
        periodrapport_submit(rapport=rapport, user=rapportor)


def test_accepted_deviation_lets_report_through_and_stays_flagged(
    insats, orsaker, kanslist
):
    rapport = spara(
        insats,
        orsaker,
        akt=(3, 1, 2, 0),
        nya=(3, 1, 2, 0),
        avsl=(4, 2, 2, 0),
    )
    assert blockerande_avvikelser(rapport)
    with pytest.raises(ValidationError):
        periodrapport_accept_deviation(
            rapport=rapport,
            user=kanslist,
            koder=["avslutade_over_aktuella"],
            motivering="",
        )
    with pytest.raises(ValidationError):
        periodrapport_accept_deviation(
            rapport=rapport, user=kanslist, koder=["nya_kon"], motivering="x"
        )
    periodrapport_accept_deviation(
        rapport=rapport,
        user=kanslist,
        koder=["avslutade_over_aktuella"],
        motivering="Uppsökande insats",
    )
    assert blockerande_avvikelser(rapport) == []
    periodrapport_submit(rapport=rapport, user=kanslist)
    assert rapport.har_avvikelse


def test_free_text_refuses_personnummer(forbund):
    with pytest.raises(ValidationError) as exc:
        insats_save(forbund=forbund, namn="X", malgrupp="Till exempel 811218-9876")
    assert "personnummer" in str(exc.value.message_dict["malgrupp"])


def test_huvudman_of_another_forbund_is_refused(forbund, annat_forbund):
    from tests.factories import MedlemFactory

    medlem = MedlemFactory(forbund=annat_forbund)
    with pytest.raises(ValidationError):
        insats_save(forbund=forbund, namn="X", huvudman=medlem)
    assert Insats.objects.count() == 0
    assert Forbund.objects.count() == 2


def test_earlier_period_above_later_report_is_a_violation(insats, orsaker):
    spara(insats, orsaker, period=Periodrapport.HELAR)
    t1 = spara(insats, orsaker, period=Periodrapport.T1, akt=(20, 10, 10, 0))
    fel = [a for a in rapport_avvikelser(t1) if a.kod == "aktuella_over_helar"]
    assert fel and "skillnad 10" in fel[0].meddelande
