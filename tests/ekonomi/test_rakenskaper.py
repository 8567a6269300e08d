"""The demo SIE file reproduces seed 004's statements to the decimal (tkr, one decimal)."""

from decimal import Decimal

import pytest

from ekonomi.selectors.bokforing import kostnadsfordelning, utfall_per_budgetkod
from ekonomi.selectors.rakenskaper import rakenskaper, tkr

# Seed 004, Årsredovisning 2017, sections 2-4: label -> (2017, 2016) as printed.
RESULTATRAKNING = {
    "Verksamhetens medlemsavgifter": ("16 008,0", "17 383,2"),
    "Intäkter ESF": ("3 057,2", "0,0"),
    "Övriga intäkter": ("1 022,0", "0,0"),
    "Verksamhetens kostnader": ("-20 449,2", "-17 415,1"),
    "Verksamhetens nettokostnad": ("-362,0", "-31,9"),
    "Finansiella intäkter": ("0,0", "0,0"),
    "Finansiella kostnader": ("0,0", "0,0"),
    "Årets resultat": ("-362,0", "-31,9"),
}
BALANSRAKNING = {
    "Fordringar": ("1 812,3", "52,5"),
    "Kassa och banktillgodohavande": ("13 982,2", "12 621,6"),
    "Summa omsättningstillgångar": ("15 794,5", "12 674,1"),
    "Summa tillgångar": ("15 794,5", "12 674,1"),
    "Eget kapital": ("5 523,3", "5 885,4"),
    "Långfristiga skulder": ("0,0", "0,0"),
    "Kortfristiga skulder": ("10 271,2", "6 788,7"),
    "Summa eget kapital, avsättningar och skulder": ("15 794,5", "12 674,1"),
}
# The seed prints 1 722,7 and 1 689,0 for "Kassaflöde för den löpande verksamheten":
# it left årets resultat out of the sum. The figures give 1 360,6 and 1 657,1, which is
# also the seed's own "Årets kassaflöde" and the change in likvida medel.
KASSAFLODESANALYS = {
    "Årets resultat": ("-362,0", "-31,9"),
    "Justering för ej likviditetspåverkande poster": ("0,0", "0,0"),
    "Medel från verksamheten före förändring av rörelsekapital": ("-362,0", "-31,9"),
    "Ökning (−) / minskning (+) av kortfristiga fordringar": ("-1 759,8", "1 059,1"),
    "Ökning (+) / minskning (−) av kortfristiga skulder": ("3 482,5", "629,9"),
    "Kassaflöde från den löpande verksamheten": ("1 360,6", "1 657,1"),
    "Årets kassaflöde": ("1 360,6", "1 657,1"),
    "Likvida medel vid årets början": ("12 621,6", "10 964,5"),
    "Likvida medel vid årets slut": ("13 982,2", "12 621,6"),
}
NOT1 = {
    "Driftbidrag från staten": ("8 004,0", "8 691,6"),
    "Driftbidrag från Huddinge kommun": ("1 880,9", "2 042,5"),
    "Driftbidrag från Botkyrka kommun": ("1 880,9", "2 042,5"),
    "Driftbidrag från Salems kommun": ("240,2", "260,8"),
    "Driftbidrag från Stockholms läns landsting": ("4 002,0", "4 345,8"),
    "Summa": ("16 008,0", "17 383,2"),
}
NOT2 = {
    "Moms": ("56,9", "52,5"),
    "Cloud Connected Sweden AB": ("23,7", "0,0"),
    "Samordningsförbundet Östra Södertörn": ("1 655,0", "0,0"),
    "Huddinge kommun": ("36,7", "0,0"),
    "Samordningsförbundet Stockholms Stad": ("40,0", "0,0"),
    "Summa": ("1 812,3", "52,5"),
}
NOT3 = {
    "Akademien för personal och organisationsutveckling AB": ("25,0", "0,0"),
    "Arbetsförmedlingen": ("710,5", "639,3"),
    "Aventus": ("0,0", "3,4"),
    "Botkyrka kommun": ("785,3", "680,7"),
    "Fervent Cleaning Company": ("2,3", "0,0"),
    "Frilandsbyrå Optimala ord": ("0,0", "8,3"),
    "Huddinge kommun": ("7 675,9", "3 519,8"),
    "Myndigheten för ungdoms- och civilsamhällsfrågor": ("113,0", "1 135,0"),
    "Mångkulturellt centrum": ("0,0", "4,0"),
    "Nationella nätverket för samordningsförbund": ("10,0", "0,0"),
    "Riksförbundet Hjärnkoll": ("4,2", "0,0"),
    "Salems kommun": ("870,6", "704,5"),
    "Samordningsförbundet Östra Södertörn": ("5,2", "22,7"),
    "Upplupet revisionsarvode 2017": ("67,0", "67,0"),
    "Övrigt": ("2,2", "4,0"),
    "Summa": ("10 271,2", "6 788,7"),
}


def _d(printed: str) -> Decimal:
    return Decimal(printed.replace(" ", "").replace(",", "."))


def _tabell(rader) -> dict[str, tuple[Decimal | None, Decimal | None]]:
    return {r.label: (tkr(r.belopp), tkr(r.foregaende)) for r in rader if not r.rubrik}


@pytest.mark.parametrize(
    ("statement", "seed"),
    [
        ("resultatrakning", RESULTATRAKNING),
        ("balansrakning", BALANSRAKNING),
        ("kassaflodesanalys", KASSAFLODESANALYS),
    ],
)
def test_the_statements_reproduce_seed_004(forbund, bhs_2017, statement, seed):
    got = _tabell(getattr(rakenskaper(forbund, 2017), statement))
    for label, (ar, fg) in seed.items():
        assert got[label] == (_d(ar), _d(fg)), label


@pytest.mark.parametrize(("nr", "seed"), [(1, NOT1), (2, NOT2), (3, NOT3)])
def test_the_notes_reproduce_seed_004_in_its_order(forbund, bhs_2017, nr, seed):
    note = rakenskaper(forbund, 2017).noter[nr - 1]
    assert note.nr == nr
    got = _tabell(note.rader)
    assert list(got) == list(seed)
    assert got == {label: (_d(a), _d(b)) for label, (a, b) in seed.items()}


def test_note_4_says_inga_without_figures(forbund, bhs_2017):
    note = rakenskaper(forbund, 2017).noter[3]
    assert [(r.label, r.belopp, r.text) for r in note.rader] == [
        ("Panter och därmed jämförliga säkerheter", None, "Inga"),
        ("Eventualförpliktelser", None, "Inga"),
    ]


def test_equity_and_balanskrav(forbund, bhs_2017):
    r = rakenskaper(forbund, 2017)
    assert r.eget_kapital_ingaende == Decimal("5885360.00")
    assert r.eget_kapital_utgaende == Decimal("5523320.00")
    assert r.arets_resultat == r.eget_kapital_utgaende - r.eget_kapital_ingaende
    assert r.balanskravsresultat == r.arets_resultat
    assert r.kalla == {
        2017: "bokföringen 2017",
        2016: "bokföringen 2017 (föregående år i filen)",
    }


# Seed 004, Tilläggsupplysningar, utfall column (whole tkr).
UTFALL = {
    "esf": 3057,
    "mucf": 1022,
    "lokal": 250,
    "kansli": 1621,
    "kommunikation": 40,
    "revision": 68,
    "styrelse": 150,
    "ovrigt-administration": 38,
    "insats-adrian": 250,
    "arbetsmarknadskartlaggning": -19,
    "arbetsmarknadssatsning": 281,
    "esf-analysfas": 68,
    "insats-mia": 5561,
    "insats-halsosam": 1185,
    "insats-lyra": 2173,
    "insats-mojliggorarna": 1022,
    "psykiatriprojektet": 0,
    "insats-samverkansteam-botkyrka": 804,
    "insats-samverkansteam-huddinge": 801,
    "insats-slussen": 2859,
    "insats-start": 1281,
    "insats-ung-i-salem": 1381,
    "kompetensinsatser": 134,
    "metodstod-ips": 293,
    "processtod": 38,
    "tillkommande-verksamhet": 110,
    "utvardering": 60,
}


def test_utfall_per_budget_line_reproduces_the_seeds_utfall_column(forbund, bhs_mappad):
    utfall = utfall_per_budgetkod(forbund, 2017)
    for kod, tkr_ in UTFALL.items():
        assert round(utfall[kod] / 1000) == tkr_, kod
    avgifter = sum(b for k, b in utfall.items() if k.startswith("avgift-"))
    assert avgifter == Decimal("16008000.00")


def test_the_cost_split_reproduces_1_6_3(forbund, bhs_budget):
    fordelning = kostnadsfordelning(forbund, 2017)
    assert {k: round(b / 1000) for k, b in fordelning.belopp.items()} == {
        "individinriktat": 17647,
        "strukturinriktat": 635,
        "administration": 2167,
    }
    assert fordelning.ofordelat == 0
    assert fordelning.totalt == Decimal("20449240.00")
