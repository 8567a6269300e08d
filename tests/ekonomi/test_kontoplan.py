"""Telling Kommun-Bas from BAS, and the default mapping of both charts."""

from ekonomi import kontoplan as kp


def test_wages_on_5xxx_mean_kommunbas_whatever_kptyp_says():
    gissning = kp.detektera({"5010": "Löner kansli", "6110": "Lokalhyra"}, "EUBAS97")
    assert gissning.kontoplan == kp.KOMMUNBAS
    assert gissning.skal == ["5010 Löner kansli", "6110 Lokalhyra"]


def test_wages_on_7xxx_and_rent_on_50xx_mean_bas():
    gissning = kp.detektera({"5010": "Lokalhyra", "7010": "Löner"}, "KOMMUNBAS")
    assert gissning.kontoplan == kp.BAS


def test_without_telling_names_only_an_explicit_kptyp_says_kommunbas():
    assert kp.detektera({"1930": "Bank"}, "KBAS13").kontoplan == kp.KOMMUNBAS
    assert kp.detektera({"1930": "Bank"}, "EUBAS97").kontoplan == kp.BAS


def test_the_charts_clash_on_84xx_and_5xxx():
    assert kp.default_rad("8410", kp.KOMMUNBAS) == kp.RR_FIN_INTAKTER
    assert kp.default_rad("8410", kp.BAS) == kp.RR_FIN_KOSTNADER
    assert kp.default_rad("5010", kp.KOMMUNBAS) == kp.RR_KOSTNADER
    assert kp.default_rad("7810", kp.BAS) == kp.RR_AVSKRIVNINGAR
    assert kp.default_rad("7910", kp.KOMMUNBAS) == kp.RR_AVSKRIVNINGAR
    assert kp.default_rad("3981", kp.BAS) == kp.RR_ESF


def test_income_names_pick_their_own_lines():
    assert kp.default_rad("3011", kp.KOMMUNBAS, "Driftbidrag från staten") == (
        kp.RR_MEDLEMSAVGIFTER
    )
    assert kp.default_rad("3020", kp.KOMMUNBAS, "Projektbidrag ESF") == kp.RR_ESF
    assert kp.default_rad("3030", kp.KOMMUNBAS, "Bidrag MUCF") == kp.RR_OVRIGA_INTAKTER
