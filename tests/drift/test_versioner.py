"""Point 11: two people edit the same record; the second save is refused with a clear
message, their own input kept, the first person's save intact; saving again after
looking replaces it on purpose."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.urls import reverse

from ekonomi.models import Budget, Budgetpost
from finsam import services as finsam_services
from finsam.demo import DemoContext
from finsam.models import Avgiftsbeslut, Medlem, Person
from finsam.versioner import KONFLIKT
from insatser.models import Insats, Periodrapport
from styrelse import rules
from styrelse.models import Paragraf, Sammantrade


def form_data(response) -> dict[str, Any]:
    """What the browser posts back for the form on ``response``, unchanged."""
    data: dict[str, Any] = {}
    for bound in response.context["form"]:
        value = bound.value()
        if isinstance(value, bool):
            if value:
                data[bound.html_name] = "on"
            continue
        if value is None:
            value = ""
        elif isinstance(value, dt.date | dt.time):
            value = value.isoformat()
        data[bound.html_name] = value
    return data


def shown_version(response) -> str:
    match = re.search(
        r'name="version" value="(\d+)"|value="(\d+)" name="version"',
        response.content.decode(),
    )
    assert match, "formuläret saknar versionen"
    return match.group(1) or match.group(2)


def _paragraf(demo: DemoContext) -> Paragraf:
    return next(
        p
        for p in Paragraf.objects.filter(sammantrade__organ__forbund=demo.forbund)
        .select_related("sammantrade")
        .order_by("-sammantrade__datum", "nummer")
        if not rules.fryst_orsak(p)
    )


def _sammantrade(demo: DemoContext) -> Sammantrade:
    return next(
        s
        for s in Sammantrade.objects.filter(organ__forbund=demo.forbund).order_by(
            "-datum"
        )
        if not rules.fryst_orsak(s)
    )


def _avgiftsbeslut(demo: DemoContext) -> Avgiftsbeslut:
    utkast = Avgiftsbeslut.objects.filter(
        forbund=demo.forbund, status=Avgiftsbeslut.UTKAST
    ).first()
    if utkast:
        return utkast
    senaste = Avgiftsbeslut.objects.filter(forbund=demo.forbund).order_by("-ar")[0]
    return finsam_services.avgiftsbeslut_save(
        forbund=demo.forbund, ar=senaste.ar + 1, total=senaste.total
    )


@dataclass
class Fall:
    name: str
    url: Callable[[DemoContext], str]
    field: str
    refused_status: int = 400
    user: str = "kansli"


FALL = [
    Fall(
        "medlem",
        lambda d: reverse(
            "finsam:medlem_edit",
            args=[Medlem.objects.filter(forbund=d.forbund).first().pk],
        ),
        "namn",
    ),
    Fall(
        "person",
        lambda d: reverse(
            "finsam:person_edit",
            args=[Person.objects.filter(forbund=d.forbund).first().pk],
        ),
        "efternamn",
    ),
    Fall(
        "insats",
        lambda d: reverse(
            "insatser:insats_update",
            args=[Insats.objects.filter(forbund=d.forbund).first().pk],
        ),
        "namn",
    ),
    Fall(
        "paragraf",
        lambda d: reverse("styrelse:paragraf_edit", args=[_paragraf(d).pk]),
        "beslut",
        refused_status=200,
    ),
    Fall(
        "sammantrade",
        lambda d: reverse("styrelse:sammantrade_edit", args=[_sammantrade(d).pk]),
        "plats",
        refused_status=200,
    ),
    Fall(
        "avgiftsbeslut",
        lambda d: reverse("finsam:avgiftsbeslut_edit", args=[_avgiftsbeslut(d).pk]),
        "paragraf",
    ),
    Fall(
        "budgetpost",
        lambda d: reverse(
            "ekonomi:budgetpost_edit",
            args=[
                Budgetpost.objects.filter(budget__forbund=d.forbund)
                .exclude(budget__status=Budget.ANTAGEN)
                .exclude(overordnad__isnull=True)
                .first()
                .pk
            ],
        ),
        "namn",
        refused_status=200,
    ),
]


@pytest.fixture
def rapport(demo) -> Periodrapport:
    """A period report of the demo that can still be edited (a draft or sent back)."""
    rapport = Periodrapport.objects.filter(
        insats__forbund=demo.forbund,
        status__in=[Periodrapport.UTKAST, Periodrapport.ATERSAND],
    ).first()
    if rapport is None:
        pytest.skip("demon har ingen rapport i utkast")
    return rapport


@pytest.mark.django_db
@pytest.mark.parametrize("fall", FALL, ids=lambda f: f.name)
def test_the_second_of_two_simultaneous_edits_is_refused_and_kept(
    demo, client_for, fall
):
    url = fall.url(demo)
    user = demo.users[fall.user]
    anna, bertil = client_for(user), client_for(user)
    anna_page, bertil_page = anna.get(url), bertil.get(url)
    assert anna_page.status_code == bertil_page.status_code == 200
    seen = shown_version(bertil_page)

    annas = {**form_data(anna_page), fall.field: "Annas ändring"}
    bertils = {**form_data(bertil_page), fall.field: "Bertils ändring"}
    saved = anna.post(url, annas)
    assert saved.status_code == 302, saved.context and saved.context["form"].errors

    refused = bertil.post(url, bertils)
    assert refused.status_code == fall.refused_status
    page = refused.content.decode()
    assert KONFLIKT.split(",")[0] in page
    assert "Bertils ändring" in page  # his input is still in the form
    assert anna.get(url).context["form"][fall.field].value() == "Annas ändring"

    # The form he got back carries the version now saved: saving again replaces
    # Anna's change, on purpose.
    assert shown_version(refused) != seen
    again = bertil.post(url, form_data(refused))
    assert again.status_code == 302
    assert bertil.get(url).context["form"][fall.field].value() == "Bertils ändring"


@pytest.mark.django_db
def test_a_report_edited_in_two_tabs_keeps_the_first_save(demo, client_for, rapport):
    url = reverse("insatser:rapport_edit", args=[rapport.pk])
    tab1, tab2 = client_for(demo.users["kansli"]), client_for(demo.users["kansli"])
    page1, page2 = tab1.get(url), tab2.get(url)
    first = tab1.post(url, {**form_data(page1), "berattelse": "Första fliken"})
    assert first.status_code == 302
    second = tab2.post(url, {**form_data(page2), "berattelse": "Andra fliken"})
    assert second.status_code == 200
    assert KONFLIKT.split(",")[0] in second.content.decode()
    rapport.refresh_from_db()
    assert rapport.berattelse == "Första fliken"


@pytest.mark.django_db
def test_every_save_moves_the_version_on_in_the_database(demo):
    """Saves outside the forms (services, admin) count too, even from a copy read
    before another save: a form loaded before them is refused."""
    medlem = Medlem.objects.filter(forbund=demo.forbund).first()
    copy = Medlem.objects.get(pk=medlem.pk)
    start = medlem.version
    medlem.save()
    copy.save()
    medlem.refresh_from_db()
    assert medlem.version == start + 2


@pytest.mark.django_db
def test_a_draft_saved_while_its_submission_is_refused_can_be_corrected_and_sent(
    demo, client_for, rapport
):
    """ "Lämna in" saves the draft even when a rule stops the submission; the form shown
    again carries the draft's new version, so the corrected submission is no conflict."""
    url = reverse("insatser:rapport_edit", args=[rapport.pk])
    kansli = client_for(demo.users["kansli"])
    data = form_data(kansli.get(url))
    ratt = int(data["aktuella_totalt"] or 0)
    refused = kansli.post(url, {**data, "aktuella_totalt": ratt + 7, "lamna_in": "1"})
    assert refused.status_code == 200
    assert "kan inte lämnas in" in refused.content.decode()
    again = kansli.post(
        url, {**form_data(refused), "aktuella_totalt": ratt, "lamna_in": "1"}
    )
    assert KONFLIKT.split(",")[0] not in again.content.decode()
    rapport.refresh_from_db()
    assert rapport.status == Periodrapport.INLAMNAD
