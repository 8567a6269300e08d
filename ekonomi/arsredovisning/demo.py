"""Demo: the narrative of Årsredovisning 2017 (seed 004), as the kansli would type it.

The words are the seed's (a public document); the people are the demo's invented ones.
The report stays a draft: approving it renders the PDF, which the demo leaves to the user.
"""

from __future__ import annotations

from ekonomi.arsredovisning.models import Arsredovisning, Avsnittstext

AR = 2017

TEXTER = {
    "ordforande": """Det är numera knappt möjligt att delta i något kommunalt eller statligt sammanträde utan att vikten av samverkan över förvaltnings- och myndighetsgränser framhålls. Men som så ofta annars är det uttalade inte alltid synonymt med det genomförda. Därför är det en särskild förmån att ha fått förtroendet att leda en verksamhet som på ett unikt sätt förverkligar ett gränsöverskridande samarbete som faktiskt fungerar.

Vi i vårt samordningsförbund kan se tillbaka på ännu ett verksamhetsår med många goda insatser. Över 600 personer har genom våra verksamheter fått stöd på olika sätt för att komma vidare till arbete eller studier. Det delvis EU-finansierade, länsgemensamma MIA-projektet – Mobilisering Inför Arbete – har kommit igång på allvar.

Slutligen vill jag framföra mitt och styrelsens varma tack till förbundschefen och övriga på förbundskansliet, beredningsgruppen, insatsernas styrgrupper och alla andra som bidragit till de goda resultaten!

{ordforande}\\
ordförande""",
    "sammanfattning": """2017 har varit händelserikt då finansiering av insatser både avslutats och nya projekt och verksamheter startat upp. Under året finansierades **flera olika insatser** där såväl individinriktade metodutvecklingsprojekt som mer långsiktig och integrerad samverkan och strukturpåverkande insatser ingår.

- Förbundet har tillsammans med flera samordningsförbund i länet startat upp **MIA-projektet med stöd från Europeiska socialfonden (ESF)**.
- Förbundet har möjliggjort lanseringen av en **myndighetsgemensam insatskatalog**.""",
    "historik": "Samordningsförbundet bildades den 1 januari 2013. Sedan tidigare fanns separata samordningsförbund i Botkyrka (2006) och i Huddinge (2007).",
    "lagrum": "Samordningsförbundet verkar utifrån lagen (2003:1210) om finansiell samordning av rehabiliteringsinsatser och förbundsordningen som beslutas av medlemmarna. Förbundet följer även lagen om kommunal bokföring och redovisning och kommunallagen i tillämpliga delar.",
    "uppdrag": "De verksamheter som förbundet finansierar kompletterar myndigheternas ordinarie verksamhet. Samordningsförbundets uppgift är i första hand att verka för att medborgare ska få stöd och rehabilitering som ger dem möjlighet att försörja sig själva genom arbete.",
    "finansiering": "Årets tilldelning från medlemmarna fördelas så att staten via Försäkringskassan bidrar med hälften av medlen, landstinget med en fjärdedel och kommunerna gemensamt med resterande fjärdedel.",
    "vision": "Utifrån det lagstadgade uppdraget har förbundet en vision som bygger på tre hörnstenar: individens behov i fokus, effektiva och framgångsrika insatser och utvecklingsfokus.",
    "verksamhetsplan": "I förbundets verksamhetsplan för 2017 betonas att förbundet ska stödja metod- och kunskapsutveckling samt verka för en förbättrad samverkanskultur inom rehabiliteringsområdet.",
    "framgangsfaktorer": "Framgångsfaktorer som är gemensamma för de finansierade insatserna rör tillgänglighet, samlokalisering och goda kunskaper kring målgruppen och i arbetsmetoder som exempelvis Supported Employment.",
    "styrelsens_arbete": "Till varje styrelsemöte är en eller flera av de finansierade insatserna inbjudna för att återrapportera om verksamhetens innehåll och resultat.",
    "forvantad_utveckling": "Det egna kapitalet är intecknat i verksamhetsplanen för 2018 och prognosen är att förbundet når fastställd nivå för eget kapital till år 2019.",
    "redovisningsprinciper": "Årsredovisningen är upprättad i enlighet med lagen (1997:614) om kommunal redovisning i tillämpliga delar.",
}


def build(ctx) -> None:
    forbund = ctx.forbund
    Arsredovisning.objects.create(forbund=forbund, ar=AR)
    ordforande = ctx.personer["ordf"].namn
    Avsnittstext.objects.bulk_create(
        Avsnittstext(
            forbund=forbund,
            ar=AR,
            avsnitt=kod,
            text=text.replace("{ordforande}", ordforande),
        )
        for kod, text in TEXTER.items()
    )
