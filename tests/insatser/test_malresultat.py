"""A goal's result typed as text is checked against its own arithmetic and the report."""

from insatser.demo import BILAGA2
from insatser.selectors import resultattext_avvikelser


def _rapport(avslutade: int, arbete: int, sokande: int | None) -> dict:
    return {"avslutade_totalt": avslutade, "arbete": arbete, "sokande": sokande}


def test_seed_004_bilaga_2s_disagreements_are_named():
    # START: 14 of 21 is 67 %, but 31 exited (seed 004's own flow table).
    assert resultattext_avvikelser(BILAGA2["START"][1], _rapport(31, 14, 17)) == [
        "Andelen till arbete/studier räknas på 21, men rapporten har 31 avslutade."
    ]
    # MIA-projektet: 5 of 17 is 29 %, not 31 %.
    mia = resultattext_avvikelser(BILAGA2["MIA-projektet"][1], _rapport(17, 5, 0))
    assert "31 % stämmer inte med 5 av 17, som är 29 %." in mia
    # Samverkansteam Botkyrka: "4 av 26" where 66 took part and exited.
    botkyrka = resultattext_avvikelser(
        BILAGA2["Samverkansteam Botkyrka"][1], _rapport(66, 3, 4)
    )
    assert (
        "Andelen till arbetssökande räknas på 26, men rapporten har 66 avslutade."
        in (botkyrka)
    )


def test_a_result_that_agrees_is_not_flagged():
    text = BILAGA2["Samverkansteam Huddinge"][1]
    assert resultattext_avvikelser(text, _rapport(59, 7, 0)) == []
    assert resultattext_avvikelser("50 % (1 av 2)", None) == []
