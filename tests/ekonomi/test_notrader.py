"""Note lines per counterparty (medlemsavgifter per medlem, fordringar, kortfristiga
skulder) can be typed by hand, as printed, and are reconciled like the imported ones:
each note against its statement line, and a typed line against the books."""

from decimal import Decimal

from django.urls import reverse

from ekonomi.models import Manuellrad
from ekonomi.selectors.avstamning import avstamning
from ekonomi.selectors.rakenskaper import rakenskaper

# Seed 004, not 1, 2017 in tkr.
NOT1 = [
    ("Staten (FK och AF)", "8 004,0"),
    ("Stockholms läns landsting", "4 002,0"),
    ("Huddinge kommun", "1 880,9"),
    ("Botkyrka kommun", "1 880,9"),
    ("Salems kommun", "240,2"),
]


def _post(client, ar, rader, **figures):
    data = {"enhet": "tkr", "notrader": "1", **figures}
    for key in ("nl_not", "nl_nyckel", "nl_etikett", "nl_belopp"):
        data[key] = []
    for nr, nyckel, etikett, belopp in rader:
        data["nl_not"].append(str(nr))
        data["nl_nyckel"].append(nyckel)
        data["nl_etikett"].append(etikett)
        data["nl_belopp"].append(belopp)
    return client.post(reverse("ekonomi:manuella", args=[ar]), data)


def test_typed_fee_lines_per_medlem_make_note_1_and_agree_with_the_line(
    as_user, kanslist, forbund
):
    client = as_user(kanslist)
    response = _post(
        client,
        2017,
        [(1, "", namn, belopp) for namn, belopp in NOT1],
        rr_medlemsavgifter="16 008,0",
    )
    assert response.status_code == 302
    assert Manuellrad.objects.get(kod="not1:salems-kommun").etikett == "Salems kommun"
    r = rakenskaper(forbund, 2017)
    not1 = r.noter[0]
    rader = {x.label: x.belopp for x in not1.rader}
    assert rader["Staten (FK och AF)"] == Decimal("8004000")
    assert rader["Summa"] == Decimal("16008000")
    assert not [f for f in avstamning(forbund, 2017) if "not1" in f.nyckel]
    page = client.get(reverse("ekonomi:rakenskaper", args=[2017])).content.decode()
    assert "Salems kommun" in page and "240,2" in page
    # The form shows the typed lines again, to be changed.
    page = client.get(reverse("ekonomi:manuella", args=[2017])).content.decode()
    assert 'value="Salems kommun"' in page and 'value="240,2"' in page

    # A typo of 30 kr in one member's line (typed in kronor) is found as 30 kr.
    rader = [(1, "", namn, belopp + "00") for namn, belopp in NOT1]
    rader[4] = (1, "", "Salems kommun", "240 230")
    _post(client, 2017, rader, rr_medlemsavgifter="16 008,0")
    client.post(
        reverse("ekonomi:manuella", args=[2017]),
        {
            "enhet": "kr",
            "notrader": "1",
            "nl_not": ["1"] * 5,
            "nl_nyckel": [""] * 5,
            "nl_etikett": [n for n, _ in NOT1],
            "nl_belopp": ["8004000", "4002000", "1880900", "1880900", "240230"],
            "rr_medlemsavgifter": "16008000",
        },
    )
    [fynd] = [f for f in avstamning(forbund, 2017) if "not1" in f.nyckel]
    assert fynd.nyckel == "2017:not1-rad"
    assert fynd.differens == Decimal("30")


def test_a_typed_note_line_is_compared_with_its_account_in_the_books(
    as_user, kanslist, forbund, bhs_2017
):
    client = as_user(kanslist)
    # Note 2 (fordringar), account 1652, as printed: 1 655,0 tkr.
    _post(client, 2017, [(2, "1652", "Kundfordran", "1 655,0")])
    assert not [f for f in avstamning(forbund, 2017) if "not2" in f.nyckel]
    # One krona off, typed in kronor.
    client.post(
        reverse("ekonomi:manuella", args=[2017]),
        {
            "enhet": "kr",
            "notrader": "1",
            "nl_not": ["2"],
            "nl_nyckel": ["1652"],
            "nl_etikett": ["Kundfordran"],
            "nl_belopp": ["1655001"],
        },
    )
    [fynd] = [f for f in avstamning(forbund, 2017) if "not2" in f.nyckel]
    assert fynd.nyckel == "2017:typad:not2:1652"
    assert fynd.differens == Decimal("1")
    # Lines keyed otherwise than by account are compared as the note's sum.
    client.post(
        reverse("ekonomi:manuella", args=[2017]),
        {
            "enhet": "kr",
            "notrader": "1",
            "nl_not": ["2"],
            "nl_nyckel": [""],
            "nl_etikett": ["Alla fordringar"],
            "nl_belopp": ["1812300"],
        },
    )
    assert Manuellrad.objects.filter(kod__startswith="not2:").count() == 1
    assert not [f for f in avstamning(forbund, 2017) if "not2" in f.nyckel]


def test_a_bad_note_line_saves_nothing(as_user, kanslist, forbund):
    response = _post(
        as_user(kanslist),
        2017,
        [(1, "", "Staten", "8 004,0"), (1, "", "", "12"), (3, "", "X", "tolv")],
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "ange motpartens namn" in page and "tolv är inte ett belopp" in page
    assert not Manuellrad.objects.exists()
