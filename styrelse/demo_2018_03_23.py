"""The full text of the board's protocol of 23 March 2018 (seed 004, §§ 1-11).

The seed's text with every private person's name replaced by an invented one; the
lists keep their own letters (anmälningsärenden a-m, informationsärenden a-e).
"""

from __future__ import annotations

from finsam.services import person_save
from styrelse.models import Paragraf

AKADEMIN = "Akademin för personal och organisationsutveckling"

# People at the meeting who are not in the förbund's registers elsewhere (invented).
GASTER = {
    "projektledare": ("Tobias", "Mattsson"),
    "utvarderare1": ("Sofia", "Lindahl"),
    "utvarderare2": ("Jonas", "Ek"),
    "utvarderare3": ("Petter", "Vik"),
    "ekonom": ("Linnea", "Dahl"),
}


def gast(ctx, key: str):
    if key not in ctx.personer:
        fornamn, efternamn = GASTER[key]
        ctx.personer[key] = person_save(
            forbund=ctx.forbund, fornamn=fornamn, efternamn=efternamn
        )
    return ctx.personer[key]


def paragrafer(ctx, just, a_ars, a_nns, a_medlemssamrad, a_pu, a_halsosam):
    """(typ, rubrik, ärende, fields) for §§ 1-11 in order."""
    p = ctx.personer
    ordf = ctx.users["ordforande"].person
    ordf_namn = ordf.namn_med_parti
    chef = f"{p['chef'].namn}, förbundschef"
    projektledare = f"{gast(ctx, 'projektledare').namn}, projektledare"
    u1, u2, u3 = (gast(ctx, f"utvarderare{i}").namn for i in (1, 2, 3))
    ekonom = f"{gast(ctx, 'ekonom').namn}, ekonom"
    vice1, vice2 = p["vice1"].namn_med_parti, p["vice2"].namn_med_parti
    ers_b, ers_s = p["botkyrka_ers"].namn_med_parti, p["sll_ers"].namn_med_parti
    af = f"{p['af_led2'].namn} (Arbetsförmedlingen)"
    revisorer = "Revisorerna för Samordningsförbundet Botkyrka, Huddinge, Salem"
    return [
        (
            Paragraf.JUSTERARE,
            "Val av justerare",
            None,
            {
                "beslut": f"Styrelsen beslutar att utse {just.namn_med_parti} att jämte ordförande {ordf_namn} justera dagens protokoll."
            },
        ),
        (
            Paragraf.DAGORDNING,
            "Godkännande av föredragningslistan",
            None,
            {
                "beslut": "Styrelsen beslutar att godkänna föredragningslistan till dagens sammanträde med följande tillägg av två nya anmälningsärenden:\n"
                "- Protokoll från sammanträde, 2018-03-09, Föreningen Nationella Nätverket för Samordningsförbund (NNS)\n"
                "- Utredning SKL och den finansiella samordningen, dnr 17/01798."
            },
        ),
        (
            Paragraf.INFORMATION,
            "Information: externa utvärderingar av Ungdomsprojektet i Salem och Möjliggörarna",
            None,
            {
                "sammanfattning": "Extern utvärdering av Ungdomsprojektet i Salem (UPIS)\n\n"
                f"{u3}, utvärderare, informerar styrelsen om projektets syfte, dess målgrupp, om arbetet med utvärdering av projektet och dess resultat. Projektet ska utveckla arbetsformer för att stärka, effektivisera och förbättra stödet till unga mellan 16 och 24 år som är i behov av samordnade rehabiliteringsinsatser så att de uppnår eller förbättrar möjligheten till självförsörjning genom arbete eller studier.\n\n"
                "Exempel på följeforskarens frågeställningar: har utvecklingen av myndighetssamverkan kring målgruppen fungerat, vilka effekter har projektet haft för projektdeltagarna från 2014 till hösten 2016.\n\n"
                "Exempel på resultat och måluppfyllelse:\n"
                "- projektet ska ha arbetat med minst 100 deltagare under tre år. Det har varit 61 deltagare i projektet.\n"
                "- 55 % av deltagarna ska vid avslut inte vara i behov av någon offentlig försörjning. 77 % av deltagarna har avslutats till arbete, studier eller arbetssökande.\n\n"
                f"Därefter berättar {u3} om några frågor han ställer sig och om vilka slutsatser han gör utifrån sin utvärdering: Är projektet tillräckligt implementerat i de olika medverkande organisationerna? Ser organisationerna vilken nytta de har, eller skulle kunna ha av projektet. Slutsatserna är bland annat att deltagande organisationer visar en lika stor öppenhet och beredvillighet till en effektiv samverkan som genom projektet, att tidiga satsningar på ungdomar i utsatta positioner lönar sig på alla plan, både rent mänskligt (brukarperspektiv) och i rena ekonomiska termer, för såväl arbetsförmedling som socialtjänst.\n\n"
                "Extern utvärdering av Möjliggörarna\n\n"
                f"{u2} och {u1}, utvärderare, informerar styrelsen om syfte och målgrupp för projektet, om framgångsfaktorer och om utvärderingens resultat.\n\n"
                'Möjliggörarna är ett projekt som Myndigheten för ungdoms- och civilsamhällesfrågor (MUCF) beviljat medel till för att uppsökande verksamhet ska kunna bedrivas i Huddinge och Salem bland unga (20-24 år) som varken arbetar eller studerar. Det finns två uppsökare, "möjliggörare", som arbetar inom de befintliga insatserna Slussen och Ungdomsprojektet i Salem (UPIS). En viktig målgrupp och ett viktigt mål är att nå "hemmasittarna" och inspirera dem till en första kontakt med befintliga verksamheter.\n\n'
                "Framgångsfaktorer för projektet är till exempel:\n"
                "- Individfokus och närhet. Målgruppen är heterogen men möjliggörarna vill också pröva arbete med t ex tjejgrupper.\n"
                "- Flexibilitet i metod- och strategival. Allt ifrån sociala medier till arrangerade mötesplatser.\n\n"
                "Sedan beskriver de vilka slutsatser de kommit fram till i sin utvärdering. Det är till exempel att möjliggörarna har en bra måluppfyllelse för de kvantitativa målen att förmedla ungdomar till UPIS och Slussen och att samverkan med andra aktörer har fungerat bra.\n\n"
                "Därefter avslutas informationen genom att de lämnar några förslag:\n"
                "- Vid en implementering av verksamheten föreslås att verksamheten knyts till ett team som arbetar förebyggande och uppsökande.\n"
                "- Att det minst två gånger årligen skapas förutsättningar för seminarieverksamhet där de uppsökande och förebyggande strategierna formuleras, diskuteras och problematiseras.",
                "overlaggning": f"Under informationen om Ungdomsprojektet i Salem yttrar sig {ordf_namn}, {vice1}, {vice2}, {ers_b}, {af}, {chef} och {projektledare}.\n\n"
                f"Under informationen om Möjliggörarna yttrar sig {ordf_namn}, {vice2}, {chef} och {projektledare}. Därefter avslutas informationen.",
            },
        ),
        (
            Paragraf.ARENDE,
            a_ars.rubrik,
            a_ars,
            {
                "beslut": "1. Styrelsen beslutar att godkänna årsredovisning för Samordningsförbundet Botkyrka, Huddinge och Salem med finansiella delar.\n"
                "2. Styrelsen beslutar att överlämna årsredovisningen till sina medlemmar.",
                "sammanfattning": "Årsredovisningen innehåller en översiktlig redogörelse av genomförd verksamhet och resultat samt en redovisning av det ekonomiska utfallet för budgetåret. Den samlade bedömningen är att uppsatta mål i verksamhetsplanen 2017 till stora delar är uppfyllda.\n\n"
                "Till redovisningen hör två bilagor, varav den ena är en sammanställning av måluppfyllelse för 2017 i förhållande till åtaganden i verksamhetsplanen och den andra ger en översiktlig bild av de finansierade insatsernas verksamhet och resultat.\n\n"
                "Förbundet har under året finansierat insatser där såväl individinriktade projekt och insatser och strukturpåverkande insatser ingår. Totalt har de individinriktade insatserna nått ut till drygt 624 individer och av de som avslutade en arbetslivsinriktad rehabiliteringsinsats fick 39 % ett arbete eller började studera. Cirka 760 besökare har deltagit i frukostmöten och kompetenshöjande insatser som samordningsförbundet arrangerat.\n\n"
                "Det ekonomiska resultatet 2017 blev ett underskott på 362 000 kronor som balanseras mot föregående års överskott. För verksamhetsåret 2017 har förbundet haft intäkter om 20,1 miljoner kronor avseende bidrag från parterna samt projektmedel från Europeiska Socialfonden och Myndigheten för Ungdoms- och Civilsamhällesfrågor. Därtill kommer ett ingående överskott från tidigare verksamhetsår på ca 5,9 miljoner kronor. Kostnaderna för 2017 har uppgått till knappt 20,45 miljoner kronor. Vid 2017 års utgång hade förbundet därmed kvar ett överskott om ca 5,5 miljoner kronor.",
                "overlaggning": f"I ärendet yttrar sig {ordf_namn}, {just.namn_med_parti}, {ers_s}, {ers_b}, {af}, {chef} och {ekonom}.",
            },
        ),
        (
            Paragraf.ARENDE,
            a_nns.rubrik,
            a_nns,
            {
                "beslut": f"Styrelsen beslutar att utse {ordf.namn} att representera Samordningsförbundet Botkyrka, Huddinge och Salem vid Nationella Nätverket för Samordningsförbund (NNS) årsmöte den 17 april 2018.",
                "sammanfattning": "Nationella Nätverket för Samordningsförbund (NNS) har kallat till årsmöte den 17 april i Göteborg. På årsmötet ska bland annat ny styrelse väljas och verksamhetsplan godkännas.\n\n"
                f"{ordf.namn} föreslås representera samordningsförbundet vid årsmötet.\n\n"
                "NNS ska vid sitt årsmöte välja ny styrelse. Styrelseledamöter i samordningsförbund som är medlemmar i NNS kan nomineras till styrelsen. Samordningsförbunden i Stockholms län har gemensamt nominerat Kristina Ahl från Samordningsförbundet i Södertälje för uppdrag i NNS styrelse där hon är vald på två år och därmed sitter kvar i styrelsen även under år 2018.",
            },
        ),
        (
            Paragraf.ARENDE,
            a_medlemssamrad.rubrik,
            a_medlemssamrad,
            {
                "beslut": "Styrelsen beslutar att godkänna förslaget till genomförande av medlemssamråd.",
                "sammanfattning": "Enligt 18 § lagen (2003:1210) om finansiell samordning av rehabiliteringsinsatser ska förbundsstyrelsen hålla förbundsmedlemmarna underrättade om den allmänna planläggningen av förbundets verksamhet samt om frågor av större ekonomisk eller organisatorisk betydelse. Styrelsen har också rätt att från förbundsmedlemmarna få de yttranden och upplysningar som behövs för att styrelsen ska kunna fullgöra sina uppgifter.\n\n"
                "Enligt 23 § samma lag ska styrelsen fastställa samordningsförbundets budget senast den 30 november varje år. Styrelsen ska dessförinnan samråda med förbundsmedlemmarna om budgeten. Detta samråd bör enligt Nationella Rådet ha karaktären av en gemensam övergripande dialog om samordningsförbundets verksamhet och framtida inriktning. Genom detta ökar kunskapen om samordningsförbundets insatser och förbundsmedlemmarnas förutsättningar. Nationella Rådet påpekar dock att ett medlemssamråd inte är något beslutande eller styrande organ.\n\n"
                "Nationella Rådet föreslår att förbundsmedlemmarna vid ägarsamrådet informerar samordningsförbundet om vilka prioriteringar som gäller hos respektive medlem. Som ägarrepresentant har man, i samråd med övriga parter, möjlighet att ge synpunkter på, samt påverka framtida verksamhet och inriktning i förbundet. Ägarrollen är därför av särskilt intresse för att påverka inriktning och innehåll av Finsam så att det samverkar med samt stödjer ägarens ordinarie uppdrag.",
                "overlaggning": f"I ärendet yttrar sig {ordf_namn}, {vice2} och {chef}. Därefter avslutas överläggningen.",
                "delges": revisorer,
            },
        ),
        (
            Paragraf.ARENDE,
            a_pu.rubrik,
            a_pu,
            {
                "beslut": "Styrelsen beslutar att ge förbundschefen i uppdrag att leda arbetet med föreslagen inventering av personuppgiftshantering på samordningsförbundet och erbjuda finansierade insatser stöd i att genomföra en inventering.",
                "sammanfattning": "I maj 2018 börjar den nya dataskyddsförordningen att gälla i alla EU:s medlemsländer. Den ersätter det som idag kallas för personuppgiftslagen och i samband med det kommer några viktiga förändringar att ske som är nödvändiga att känna till för alla organisationer som hanterar personuppgifter.\n\n"
                "Det är viktigt för alla organisationer att se över hur de hanterar personuppgifter.\n\n"
                "Därför föreslås en kartläggning av hur hanteringen av personuppgifter sker idag på förbundet. Exempel på personuppgifter kan vara listor på mailadresser till mottagare av nyhetsbrev och inbjudningar till frukostmöten och deltagarförteckningar från olika konferenser som förbundet arrangerar. Utifrån kartläggningen kan förbundet sedan vidta åtgärder i enlighet med den nya dataskyddsförordningen.\n\n"
                "I syfte att ge finansierade insatser och parterna stöd i hanteringen av personuppgifter föreslås att kansliet samarbetar med länets övriga samordningsförbund och NNS i frågan.",
                "overlaggning": f"I ärendet yttrar sig {ordf_namn} och {chef}. Därefter avslutas överläggningen.",
            },
        ),
        (
            Paragraf.ARENDE,
            a_halsosam.rubrik,
            a_halsosam,
            {
                "beslut": "1. Styrelsen beslutar att avsätta upp till 150 000 kronor till extern utvärdering av Hälsosam.\n"
                "2. Styrelsen beslutar att uppdra åt förbundschefen att genomföra en direktupphandling och upprätta nödvändiga avtal med vald utförare.",
                "sammanfattning": "Hälsosam startade sin verksamhet 2011 med finansiering från dåvarande Samordningsförbundet i Huddinge och sedan 2013 med finansiering av samordningsförbundet. Beredningsgruppen föreslår styrelsen att genomföra en extern utvärdering av verksamheten för att följa upp hur insatsen bidrar till att deltagarna stärker sina möjligheter att arbeta/studera och bli självförsörjande. Uppdraget består i att genomföra en samlad utvärdering av projektets mål, resultat och effekter på deltagarnivå.\n\n"
                "Hälsosam arbetar med att stärka hälsan hos deltagarna både fysiskt och psykiskt genom anpassade hälsoaktiviteter under ca 10 veckor. Verksamheten sker främst i grupp, men programmet kan även erbjudas individuellt. Målsättningen är att deltagarna får en förbättrad hälsa och ökad motivation och tar eget ansvar för en fortsatt rehabilitering mot arbetsmarknaden. Hälsosam kan därmed fungera som ett första steg för att bättre kunna ta del av fortsatt arbetslivsinriktad rehabilitering.",
                "overlaggning": f"I ärendet yttrar sig {ordf_namn} och {chef}. Därefter avslutas överläggningen.",
                "delges": revisorer,
            },
        ),
        (
            Paragraf.ANMALNINGSARENDEN,
            "Anmälningsärenden",
            None,
            {
                "beslut": "Styrelsen beslutar att till protokollet anteckna nedanstående handlingar:",
                "handlingar": "\n".join(
                    [
                        "Protokoll, förbundsstyrelsen Botkyrka, Huddinge och Salem den 2 februari 2018.",
                        "Beredningsgruppens minnesanteckningar, samordningsförbundet Botkyrka, Huddinge och Salem, den 9 mars 2018.",
                        "Protokoll från sammanträde, 2018-01-24, Föreningen Nationella Nätverket för Samordningsförbund (NNS).",
                        "Protokoll från sammanträde, 2018-03-09, Föreningen Nationella Nätverket för Samordningsförbund (NNS).",
                        "Nationella rådets svar på skrivelse från samordningsförbunden Botkyrka Huddinge Salem och Östra Östergötland avseende personuppgiftshantering för finansierade projekt/insatser inom samordningsförbunden, daterad 2018-02-20.",
                        "Parternas beslut om ansvarsfrihet för förbundsstyrelsen för Samordningsförbundet Botkyrka, Huddinge och Salem samt de enskilda förtroendevalda i detta organ för verksamhetsåret 2016; Botkyrka kommun (dnr KS/2017:872), Huddinge kommun (dnr KS-2016/1015.912), Salems kommun (dnr KS/2017:79.007, KS/2017:78:042), Stockholms läns landsting (LS 2018-§§ 1-47) och Försäkringskassan (dnr 78623-2017).",
                        "Utvärdering av arbetsmarknadsprojekt för ungdomar i Salem (UPIS), daterad 2018-02-15.",
                        "Rapport – Möjliggörarna i UPIS-projektet i Salems kommun 2017, daterad december 2017.",
                        "Avstämningsrapport – Arbetsintegrerande sociala företag i Huddinge, Botkyrka och Salem – lägesrapport, daterad december 2017.",
                        "Beslut om slutrapport för Insatser för unga som varken arbetar eller studerar, Myndigheten för ungdoms- och civilsamhällesfrågor (MUCF), godkännande av återrapportering av projektmedel, dnr 1493/16.",
                        "Nationella rådets rekommendation om styrelsemöten på distans, daterad 2018-02-12.",
                        "Uppföljning av samordningsförbundens insatser. Redovisning enligt Försäkringskassans regleringsbrev 2017, dnr 013742-2017.",
                        "Utredning SKL och den finansiella samordningen, dnr 17/01798.",
                    ]
                ),
            },
        ),
        (
            Paragraf.INFORMATION,
            "Informationsärenden",
            None,
            {
                "sammanfattning": f"{chef}, informerar styrelsen om:\n"
                "a. Genomgång av svar från indikatormätning hösten 2017.\n"
                "b. Lägesrapport kring starten av nya Supported Education-projektet. Projektledare är nyligen anställd och arbete med projektplan pågår. Tidplan för när projektet antas börja håller.\n"
                "c. Länsgemensam dag kring arbetsintegrerande sociala företag 5 juni 2018.\n"
                "d. Ansökan om externa medel från MUCF för Möjliggörarna har reviderats och omfattar en halvtid uppsökare kopplat till Ungdomsprojektet i Salem.\n"
                "e. Preliminärt program för styrelsens och beredningsgruppens planeringsdag den 1 juni kl 08:30-16:00.",
                "overlaggning": f"Under informationen yttrar sig {ordf_namn}, {ers_s} och {af}. Därefter förklaras informationen avslutad.",
            },
        ),
        (
            Paragraf.OVRIGA,
            "Övriga frågor",
            None,
            {"beslut": "Ingen övrig fråga anmäldes."},
        ),
    ]
