"""Default data every förbund starts with (DOMAIN.md); the förbund may extend it."""

from insatser.models import Indikatorfraga, Kategori

KATEGORIER = {
    Kategori.ANVISANDE: [
        "Kommun",
        "Arbetsförmedlingen",
        "Försäkringskassan",
        "Vården/regionen",
        "Egenanmälan",
        "Annan insats",
        "Annan",
    ],
    Kategori.FORSORJNING: [
        "Lön",
        "Studiemedel",
        "Försörjningsstöd",
        "Aktivitetsstöd/utvecklingsersättning",
        "Aktivitetsersättning",
        "Sjukpenning/rehabiliteringspenning",
        "Sjukersättning",
        "A-kassa",
        "Försörjd av annan",
        "Ingen offentlig försörjning",
        "Ej angiven",
    ],
    Kategori.ALDER: ["Under 30 år", "30 år och äldre"],
}

# The NNS indicator questions as the annual reports print them (may not be reworded).
INDIKATORFRAGOR = {
    Indikatorfraga.DELTAGARE: [
        "Har du fått stöd på ett sätt som är till stor nytta för dig?",
        "Har du fått vara med och bestämma vilket stöd du får/har fått?",
        "Har stödet fått ta den tid du behövt?",
        "Har du haft en person eller ett team som du kunnat vända dig till med dina "
        "frågor och behov?",
        "Har det stöd du fått hjälpt dig att utveckla sätt att hantera din situation?",
        "Känner du dig mer redo att kunna arbeta eller studera?",
        "Har personalen tagit tillvara dina erfarenheter, kunskaper och synpunkter?",
        "Har ni påbörjat en planering för vad som ska hända efter att nuvarande stöd "
        "har upphört?",
        "Finns det en tillräcklig planering för vad som ska hända efter att detta stöd "
        "upphört?",
        "Kommer det som är planerat att påbörjas inom rimlig tid?",
    ],
    Indikatorfraga.PERSONAL: [
        "Får stödet som ni ger ta den tid som behövs?",
        "Finns det en tillräcklig planering för vad som ska hända efter att detta stöd "
        "upphör?",
        "Upplever du att de du samverkar med hos andra myndigheter lyssnar på dig?",
        "Upplever du att de du samverkar med hos andra myndigheter vet vad du kan "
        "tillföra?",
        "Tas erfarenheter, kunskaper och synpunkter från deltagare systematiskt "
        "tillvara?",
        "Har ni rutiner för att samarbeta med andra aktörer i arbetet när det gäller "
        "insatser för deltagarna?",
        "Har ni strukturer för att initiera, upprätthålla och underhålla relationer "
        "mellan inblandade aktörer?",
        "Omfattas det synsätt ni har angående människors resurser och möjligheter av "
        "alla i den samordnade insatsen?",
        "Fungerar de olika arbetssätt ni har i den samordnade insatsen bra tillsammans?",
    ],
    Indikatorfraga.STYRELSE: [
        "Har ni strukturer för att initiera, upprätthålla och underhålla relationer "
        "mellan inblandade aktörer?",
        "Har ni en strategi för hur ni arbetar med uppföljning och utvärdering av de "
        "samordnade rehabiliteringsinsatserna?",
        "Använder ni uppföljning och utvärdering som underlag för att utveckla de "
        "samordnade rehabiliteringsinsatserna?",
    ],
    Indikatorfraga.CHEFSGRUPP: [
        "Tas erfarenheter, kunskaper och synpunkter från brukarorganisationer "
        "systematiskt tillvara?",
        "Har ni rutiner för att samarbeta med näringsliv/civilsamhälle/ideella "
        "organisationer i arbetet när det gäller insatser för deltagarna?",
        "Har ni strukturer för att initiera, upprätthålla och underhålla relationer "
        "mellan inblandade aktörer?",
        "Har erfarenheter från er samverkan lett till att förebyggande insatser "
        "utvecklats?",
    ],
}
