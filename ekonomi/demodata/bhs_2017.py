"""The demo förbund's bookkeeping 2017 (seed 004, Årsredovisning 2017), as account data.

``python -m ekonomi.demodata.bhs_2017`` writes ``bhs-2017.se`` beside this file: the SIE 4
file (CP437) that ``make demo`` imports through the same service as an uploaded file.
The file is committed; this script is how it was made and how to change it.

Seed 004 prints tkr with one decimal. The kronor below are chosen so that every printed
figure, every printed sum and every figure derived from two others (the kassaflöde from
the balance changes) rounds to what the seed prints — except the one line the seed got
wrong ("Kassaflöde för den löpande verksamheten" leaves out årets resultat: it prints
1 722,7 and 1 689,0 where the figures give 1 360,6 and 1 657,1).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

ORGNR = "222000-3020"
FNAMN = "Samordningsförbundet Botkyrka Huddinge Salem"

# (konto, namn, budgetkod or "")
KONTON = [
    ("1641", "Moms", ""),
    ("1651", "Cloud Connected Sweden AB", ""),
    ("1652", "Samordningsförbundet Östra Södertörn", ""),
    ("1653", "Huddinge kommun", ""),
    ("1654", "Samordningsförbundet Stockholms Stad", ""),
    ("1930", "Bank", ""),
    ("2010", "Eget kapital", ""),
    ("2441", "Akademien för personal och organisationsutveckling AB", ""),
    ("2442", "Arbetsförmedlingen", ""),
    ("2443", "Aventus", ""),
    ("2444", "Botkyrka kommun", ""),
    ("2445", "Fervent Cleaning Company", ""),
    ("2446", "Frilandsbyrå Optimala ord", ""),
    ("2447", "Huddinge kommun", ""),
    ("2448", "Myndigheten för ungdoms- och civilsamhällsfrågor", ""),
    ("2449", "Mångkulturellt centrum", ""),
    ("2450", "Nationella nätverket för samordningsförbund", ""),
    ("2451", "Riksförbundet Hjärnkoll", ""),
    ("2452", "Salems kommun", ""),
    ("2453", "Samordningsförbundet Östra Södertörn", ""),
    ("2910", "Upplupet revisionsarvode 2017", ""),
    ("2990", "Övrigt", ""),
    ("3011", "Driftbidrag från staten", "avgift-forsakringskassan"),
    ("3012", "Driftbidrag från Huddinge kommun", "avgift-huddinge-kommun"),
    ("3013", "Driftbidrag från Botkyrka kommun", "avgift-botkyrka-kommun"),
    ("3014", "Driftbidrag från Salems kommun", "avgift-salems-kommun"),
    (
        "3015",
        "Driftbidrag från Stockholms läns landsting",
        "avgift-stockholms-lans-landsting",
    ),
    ("3020", "Projektbidrag ESF", "esf"),
    ("3030", "Projektbidrag MUCF", "mucf"),
    ("4611", "Adrian", "insats-adrian"),
    ("4612", "Arbetsmarknadskartläggning", "arbetsmarknadskartlaggning"),
    ("4613", "Arbetsmarknadssatsning", "arbetsmarknadssatsning"),
    ("4614", "ESF-projektet analysfas", "esf-analysfas"),
    ("4615", "ESF-projektet genomförandefas (MIA)", "insats-mia"),
    ("4616", "HälsoSam", "insats-halsosam"),
    ("4617", "Lyra", "insats-lyra"),
    ("4618", "Möjliggörarna", "insats-mojliggorarna"),
    ("4619", "Psykiatriprojektet", "psykiatriprojektet"),
    ("4620", "Samverkansteamet Botkyrka", "insats-samverkansteam-botkyrka"),
    ("4621", "Samverkansteamet Huddinge", "insats-samverkansteam-huddinge"),
    ("4622", "Slussen", "insats-slussen"),
    ("4623", "Start", "insats-start"),
    ("4624", "Ung i Salem", "insats-ung-i-salem"),
    ("4631", "Kompetensinsatser", "kompetensinsatser"),
    ("4632", "Metodstöd IPS", "metodstod-ips"),
    ("4633", "Processtöd", "processtod"),
    ("4634", "Tillkommande verksamhet", "tillkommande-verksamhet"),
    ("4635", "Utvärdering", "utvardering"),
    ("5010", "Löner kansli", "kansli"),
    ("5020", "Arvoden styrelse", "styrelse"),
    ("5410", "Sociala avgifter kansli", "kansli"),
    ("6110", "Lokalhyra", "lokal"),
    ("6420", "Revisionsarvode", "revision"),
    ("6910", "Kommunikation och information", "kommunikation"),
    ("6990", "Övriga kostnader kansli", "ovrigt-administration"),
]

# Balances at the end of 2015, 2016 and 2017 (debit positive). 2016 is closed (its
# result is in 2010); 2017 is exported before closing, as SIE files usually are.
BALANS = {
    #        2015-12-31   2016-12-31   2017-12-31
    "1651": (0, 0, 23_700),
    "1652": (0, 0, 1_655_000),
    "1653": (1_000_000, 0, 36_700),
    "1654": (0, 0, 40_000),
    "1641": (111_560, 52_460, 56_900),
    "1930": (10_964_500, 12_621_600, 13_982_180),
    "2010": (-5_917_260, -5_885_360, -5_885_360),
    "2441": (0, 0, -25_000),
    "2442": (-658_800, -639_300, -710_500),
    "2443": (0, -3_400, 0),
    "2444": (-1_500_000, -680_700, -785_300),
    "2445": (0, 0, -2_300),
    "2446": (0, -8_300, 0),
    "2447": (-3_000_000, -3_519_800, -7_675_900),
    "2448": (0, -1_135_000, -113_000),
    "2449": (0, -4_000, 0),
    "2450": (0, 0, -10_000),
    "2451": (0, 0, -4_200),
    "2452": (-1_000_000, -704_500, -870_600),
    "2453": (0, -22_700, -5_200),
    "2990": (0, -4_000, -2_160),
    "2910": (0, -67_000, -67_000),
}

# The year's result per account (debit positive): 2016 (#RES -1) and 2017.
RESULTAT = {
    "3011": (-8_691_600, -8_004_000),
    "3012": (-2_042_500, -1_880_900),
    "3013": (-2_042_500, -1_880_900),
    "3014": (-260_800, -240_200),
    "3015": (-4_345_800, -4_002_000),
    "3020": (0, -3_057_200),
    "3030": (0, -1_022_000),
    "4611": (300_000, 250_300),
    "4612": (1_000_000, -19_300),
    "4613": (700_000, 280_900),
    "4614": (0, 68_200),
    "4615": (0, 5_561_240),
    "4616": (1_400_000, 1_184_700),
    "4617": (2_500_000, 2_173_400),
    "4618": (0, 1_021_800),
    "4619": (0, 0),
    "4620": (1_000_000, 803_600),
    "4621": (900_000, 801_100),
    "4622": (3_000_000, 2_859_300),
    "4623": (1_300_000, 1_280_600),
    "4624": (1_400_000, 1_381_400),
    "4631": (500_000, 134_200),
    "4632": (500_000, 292_900),
    "4633": (0, 38_100),
    "4634": (0, 109_800),
    "4635": (1_000_000, 60_000),
    "5010": (1_300_000, 1_148_380),
    "5020": (140_000, 150_200),
    "5410": (0, 472_620),
    "6110": (180_000, 250_100),
    "6420": (67_000, 67_800),
    "6910": (0, 39_900),
    "6990": (228_100, 38_000),
}


def belopp_text(kr: int) -> str:
    return f"{kr}.00"


def citat(text: str) -> str:
    return '"' + text.replace('"', '\\"') + '"'


def huvud(*, orgnr: str, fnamn: str, gen: dt.date, rar: dict[int, int]) -> list[str]:
    """A demo SIE file's opening lines; ``rar`` maps årsnummer to calendar year."""
    return [
        "#FLAGGA 0",
        '#PROGRAM "Finsam demodata" 1.0',
        "#FORMAT PC8",
        f"#GEN {gen:%Y%m%d}",
        "#SIETYP 4",
        f"#ORGNR {orgnr}",
        f"#FNAMN {citat(fnamn)}",
        *(f"#RAR {nr} {ar}0101 {ar}1231" for nr, ar in rar.items()),
        "#KPTYP EUBAS97",
    ]


def verifikation(
    nr: int, datum: dt.date, text: str, rader: list[tuple[str, int]]
) -> list[str]:
    """One #VER with a #TRANS per ``(konto, belopp)`` row, as written."""
    return [
        f"#VER A {nr} {datum:%Y%m%d} {citat(text)}",
        "{",
        *(f"   #TRANS {konto} {{}} {belopp_text(belopp)}" for konto, belopp in rader),
        "}",
    ]


def sie_text() -> str:
    lines = huvud(
        orgnr=ORGNR, fnamn=FNAMN, gen=dt.date(2018, 2, 15), rar={0: 2017, -1: 2016}
    )
    lines += [f"#KONTO {nr} {citat(namn)}" for nr, namn, _ in KONTON]
    for nr, (b15, b16, _) in BALANS.items():
        lines.append(f"#IB -1 {nr} {belopp_text(b15)}")
        lines.append(f"#UB -1 {nr} {belopp_text(b16)}")
        lines.append(f"#IB 0 {nr} {belopp_text(b16)}")
    for nr, (_, _, b17) in BALANS.items():
        lines.append(f"#UB 0 {nr} {belopp_text(b17)}")
    for nr, (r16, r17) in RESULTAT.items():
        lines.append(f"#RES -1 {nr} {belopp_text(r16)}")
        lines.append(f"#RES 0 {nr} {belopp_text(r17)}")
    lines += _verifikationer()
    return "\r\n".join(lines) + "\r\n"


def _verifikationer() -> list[str]:
    """Monthly payments for every result account against the bank, and one closing
    verifikation moving the receivables and payables from their opening to their
    closing balances (the bank takes the other side, so it ends where the books say)."""
    out: list[str] = []
    nr = 0

    def ver(datum: dt.date, text: str, rader: list[tuple[str, int]]) -> None:
        nonlocal nr
        nr += 1
        bank = -sum(b for _, b in rader)
        out.extend(
            verifikation(
                nr, datum, text, [(k, b) for k, b in [*rader, ("1930", bank)] if b]
            )
        )

    namn = {nr_: n for nr_, n, _ in KONTON}
    for manad in range(1, 13):
        datum = dt.date(2017, manad, 25)
        rader = []
        for konto, (_, ar) in RESULTAT.items():
            if not ar:
                continue
            del_ = int(ar / 12)
            belopp = ar - del_ * 11 if manad == 12 else del_
            rader.append((konto, belopp))
        # One verifikation per account and month keeps them readable.
        for konto, belopp in rader:
            ver(datum, f"{namn[konto]} {datum:%Y-%m}", [(konto, belopp)])
    andring = [
        (konto, b17 - b16)
        for konto, (_, b16, b17) in BALANS.items()
        if konto not in ("1930", "2010") and b17 != b16
    ]
    ver(dt.date(2017, 12, 31), "Fordringar och skulder vid årets slut", andring)
    return out


def main() -> None:
    path = Path(__file__).with_name("bhs-2017.se")
    path.write_bytes(sie_text().encode("cp437"))
    print(f"Skrev {path}")


if __name__ == "__main__":
    main()
