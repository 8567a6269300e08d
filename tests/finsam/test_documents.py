"""The PDF pipeline: PDF/A with metadata, HTML view, and documents rendered in the background."""

from __future__ import annotations

import base64
import hashlib
import io
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.urls import reverse
from pypdf import PdfReader

from finsam import dokumentfiler
from finsam.access import KANSLI
from finsam.documents import html_to_pdf, render_html
from finsam.models import Avgiftsbeslut, Dokumentfil
from tests.factories import ForbundFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def beslut(demo_avgift):
    return demo_avgift


@pytest.fixture
def demo_avgift(demo):
    ctx = demo
    beslut = Avgiftsbeslut.objects.for_forbund(ctx.forbund).order_by("-ar").first()
    return ctx, beslut


def _kansli_client(client, ctx, name="kansli"):
    client.force_login(ctx.users[name])
    return client


def test_every_pdf_is_pdf_a_2a_tagged_with_title_and_the_forbund_as_author(
    client, demo_avgift
):
    ctx, beslut = demo_avgift
    response = _kansli_client(client, ctx).get(
        reverse("finsam:avgiftsbeslut_brev", args=[beslut.pk])
    )
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert reader.metadata.title == f"Medlemsavgifter {beslut.ar}"
    assert reader.metadata.author == ctx.forbund.namn
    xmp = reader.xmp_metadata
    assert xmp is not None
    rdf = xmp.rdf_root.toxml()
    assert re.search(r'pdfaid:part(="|>)2\b', rdf)
    assert re.search(r'pdfaid:conformance(="|>)A\b', rdf)
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog  # tagged for screen readers
    assert catalog["/MarkInfo"]["/Marked"]
    assert catalog["/Lang"] == "sv"
    text = reader.pages[0].extract_text()
    assert ctx.forbund.namn in text  # running header
    assert "Sida 1 av 1" in text


def test_html_1_on_a_pdf_url_shows_the_html_it_is_made_from(client, demo_avgift):
    ctx, beslut = demo_avgift
    url = reverse("finsam:avgiftsbeslut_brev", args=[beslut.pk])
    response = _kansli_client(client, ctx).get(url, {"html": "1"})
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert '<meta charset="utf-8">' in html
    assert f'<meta name="author" content="{ctx.forbund.namn}">' in html
    assert "Fördelning av medlemsavgifter" in html


def _layout_faults(html: str) -> tuple[list[str], list[str]]:
    """Texts sticking out of their table cell, and header words WeasyPrint hyphenated
    on its own (a break at an author's soft hyphen is allowed)."""
    from weasyprint import HTML
    from weasyprint.formatting_structure import boxes

    overflow, hyphenated = [], []
    for page in HTML(string=html).render().pages:
        for cell in page._page_box.descendants():
            if not isinstance(cell, boxes.TableCellBox):
                continue
            right = cell.border_box_x() + cell.border_width()
            for text in cell.descendants():
                if not isinstance(text, boxes.TextBox):
                    continue
                if text.position_x + text.width > right + 0.5:
                    overflow.append(text.text)
                if (
                    cell.element_tag == "th"
                    and text.text.rstrip().endswith(("-", "\u2010"))
                    and "\xad" not in text.text
                ):
                    hyphenated.append(text.text)
    return overflow, hyphenated


def test_statistics_pdf_fits_its_cells_and_sets_kon_and_exit_reasons_beside_the_flows(
    demo_avgift,
):
    from insatser.pdf import statistik_context

    ctx, _beslut = demo_avgift
    context = {**statistik_context(ctx.forbund, 2017), "pdf": True}
    html = render_html("insatser/pdf/deltagarstatistik.html", context)
    assert _layout_faults(html) == ([], [])
    first = " ".join(
        PdfReader(io.BytesIO(html_to_pdf(html))).pages[0].extract_text().split()
    )
    for rubrik in (
        "Sammanfattning av deltagarflöden",
        "Deltagare per kön",
        "Avslutade per avslutsorsak",
    ):
        assert rubrik in first
    orsaker = context["detaljer"]["orsaker"]
    assert orsaker and all(o["avslutsorsak__namn"] in first for o in orsaker)


def test_the_protocol_fits_its_cells(demo_avgift):
    from styrelse.models import Sammantrade
    from styrelse.selectors import protokoll_context

    ctx, beslut = demo_avgift
    mars = Sammantrade.objects.for_forbund(ctx.forbund).order_by("datum").first()
    html = render_html(
        "styrelse/pdf/protokoll.html",
        {**protokoll_context(sammantrade=mars), "pdf": True},
    )
    assert _layout_faults(html) == ([], [])


# --- documents rendered in the background -------------------------------------------


@pytest.fixture
def forbund():
    return ForbundFactory()


@pytest.fixture
def renderer(forbund):
    """A document whose text is a setting of the förbund (its name), so tests can change
    the data it is made from."""

    def render(f, key):
        return "documents/test_dokument.html", {"forbund": f, "titel": f"Test {key}"}

    yield dokumentfiler.register_renderer(
        "test", render, titel=lambda f, key: f"Testdokument {key}"
    )
    dokumentfiler._renderers.pop("test", None)


@pytest.fixture(autouse=True)
def test_template(settings, tmp_path):
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "test_dokument.html").write_text(
        '{% extends "documents/base.html" %}{% block document %}'
        "<h1>{{ titel }}</h1><p>Förbundet heter {{ forbund.namn }}.</p>"
        "{% endblock %}",
        encoding="utf-8",
    )
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], tmp_path]}
    ]


def _pdf_text(fil: Dokumentfil) -> str:
    with fil.fil.open("rb") as handle:
        return " ".join(p.extract_text() for p in PdfReader(handle).pages)


def test_a_requested_document_is_rendered_and_stored_with_its_hash(
    forbund, renderer, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    fil = dokumentfiler.begar(forbund, "test", "2017")
    assert fil.status == Dokumentfil.KLAR and fil.progress == 100
    assert fil.titel == "Testdokument 2017"
    with fil.fil.open("rb") as handle:
        data = handle.read()
    assert hashlib.sha256(data).hexdigest() == fil.sha256
    assert fil.sidor == 1
    assert f"Förbundet heter {forbund.namn}." in _pdf_text(fil)
    assert fil.task_id


def test_a_render_queued_for_the_commit_waits_for_it(
    forbund, renderer, settings, tmp_path, django_capture_on_commit_callbacks
):
    """The demo build asks for its files this way: a build that is rolled back (as in
    tests) lays out nothing; one that commits hands the render to the worker."""
    settings.MEDIA_ROOT = tmp_path / "media"
    with django_capture_on_commit_callbacks() as callbacks:
        fil = dokumentfiler.begar(forbund, "test", "2017", efter_commit=True)
        assert fil.status == Dokumentfil.KOAD and not fil.fil
    assert len(callbacks) == 1
    assert dokumentfiler.hamta(forbund, "test", "2017").status == Dokumentfil.KOAD
    callbacks[0]()
    fil = dokumentfiler.hamta(forbund, "test", "2017")
    assert fil.status == Dokumentfil.KLAR and fil.aktuell and fil.task_id
    assert f"Förbundet heter {forbund.namn}." in _pdf_text(fil)


def test_the_finished_file_is_kept_until_the_data_changes(
    forbund, renderer, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    first = dokumentfiler.begar(forbund, "test", "2017")
    again = dokumentfiler.begar(forbund, "test", "2017")
    assert again.pk == first.pk
    assert again.klar_tid == first.klar_tid  # not rendered a second time
    assert dokumentfiler.hamta(forbund, "test", "2017").aktuell

    forbund.namn = "Samordningsförbundet Nytt Namn"
    forbund.save()
    stale = dokumentfiler.hamta(forbund, "test", "2017")
    assert not stale.aktuell
    assert stale.sha256 == first.sha256  # the old file is still there to read

    fresh = dokumentfiler.begar(forbund, "test", "2017")
    assert fresh.pk == first.pk and fresh.sha256 != first.sha256
    assert "Samordningsförbundet Nytt Namn" in _pdf_text(fresh)
    assert dokumentfiler.hamta(forbund, "test", "2017").aktuell
    assert Dokumentfil.objects.filter(forbund=forbund).count() == 1


def test_a_frozen_document_is_never_rendered_again(forbund, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    dokumentfiler.register_renderer(
        "fryst",
        lambda f, key: ("documents/test_dokument.html", {"forbund": f, "titel": "X"}),
        fingerprint=lambda f, key: "fryst",
    )
    try:
        first = dokumentfiler.begar(forbund, "fryst", "")
        forbund.namn = "Samordningsförbundet Annat"
        forbund.save()
        assert dokumentfiler.hamta(forbund, "fryst", "").aktuell
        again = dokumentfiler.begar(forbund, "fryst", "")
        assert again.sha256 == first.sha256
        assert "Annat" not in _pdf_text(again)
    finally:
        dokumentfiler._renderers.pop("fryst", None)


def test_a_failing_render_is_recorded_and_can_be_asked_for_again(
    forbund, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    state = {"fail": True}

    def render(f, key):
        if state["fail"] and key == "boom":
            # Fails in the worker only (the fingerprint is taken before the task runs).
            state["fail"] = False
            return "documents/finns-inte.html", {}
        return "documents/test_dokument.html", {"forbund": f, "titel": key}

    dokumentfiler.register_renderer("fel", render, fingerprint=lambda f, k: "x")
    try:
        fil = dokumentfiler.begar(forbund, "fel", "boom")
        assert fil.status == Dokumentfil.FEL
        assert "finns-inte.html" in fil.felmeddelande
        again = dokumentfiler.begar(forbund, "fel", "boom")
        assert again.status == Dokumentfil.KLAR
    finally:
        dokumentfiler._renderers.pop("fel", None)


def test_pages_show_progress_refresh_while_queued_and_serve_the_file(
    client, forbund, renderer, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    user = UserFactory(forbund=forbund, roll=KANSLI)
    client.force_login(user)
    # Queued but not yet picked up by a worker: the page refreshes, the PDF is not there.
    queued = Dokumentfil.objects.create(
        forbund=forbund,
        kind="test",
        key="2018",
        titel="Testdokument 2018",
        fingerprint="-",
    )
    page = client.get(reverse("finsam:dokumentfil_detail", args=[queued.pk]))
    assert page.status_code == 200 and page["Refresh"] == "2"
    assert "köad (0 %)" in page.content.decode()
    early = client.get(reverse("finsam:dokumentfil_pdf", args=[queued.pk]))
    assert early.status_code == 302

    response = client.post(
        reverse("finsam:dokumentfil_begar"), {"kind": "test", "key": "2017"}
    )
    fil = Dokumentfil.objects.get(forbund=forbund, kind="test", key="2017")
    assert response["Location"] == reverse("finsam:dokumentfil_detail", args=[fil.pk])
    page = client.get(response["Location"])
    assert "Refresh" not in page
    assert "Hämta PDF" in page.content.decode() and fil.sha256 in page.content.decode()
    pdf = client.get(reverse("finsam:dokumentfil_pdf", args=[fil.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    assert hashlib.sha256(b"".join(pdf.streaming_content)).hexdigest() == fil.sha256


def test_unknown_kind_is_refused_with_a_message_and_roles_of_the_renderer_hold(
    client, forbund, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    client.force_login(UserFactory(forbund=forbund, roll="styrelse"))
    response = client.post(reverse("finsam:dokumentfil_begar"), {"kind": "nej"})
    assert response.status_code == 302
    dokumentfiler.register_renderer(
        "bara-kansli",
        lambda f, key: ("documents/test_dokument.html", {"forbund": f}),
        roles=(KANSLI,),
    )
    try:
        response = client.post(
            reverse("finsam:dokumentfil_begar"), {"kind": "bara-kansli"}
        )
        assert response.status_code == 403
        assert not Dokumentfil.objects.filter(kind="bara-kansli").exists()
    finally:
        dokumentfiler._renderers.pop("bara-kansli", None)


@pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="db_worker closes its connection when done, which ends the test's "
    "transaction on PostgreSQL; in-process it runs on SQLite only.",
)
def test_the_database_queue_and_its_worker_render_the_document(
    forbund, renderer, settings, tmp_path
):
    """What `make run` and the compose file's worker do: the request only queues."""
    settings.MEDIA_ROOT = tmp_path / "media"
    with override_settings(
        TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    ):
        fil = dokumentfiler.begar(forbund, "test", "2017")
        assert fil.status == Dokumentfil.KOAD and not fil.fil
        call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    fil.refresh_from_db()
    assert fil.status == Dokumentfil.KLAR and fil.fil and fil.sidor == 1


def test_a_documents_html_may_use_its_own_style_and_nothing_else_inline(
    client, demo_avgift
):
    """The site's CSP refuses inline CSS; a document's HTML (``?html=1``) carries its
    CSS in its own <style>, allowed by its hash, or the browser shows it unstyled."""
    ctx, beslut = demo_avgift
    url = reverse("finsam:avgiftsbeslut_brev", args=[beslut.pk]) + "?html=1"
    response = _kansli_client(client, ctx).get(url)
    css = re.search(r"<style>(.*?)</style>", response.content.decode(), re.S)[1]
    digest = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()
    policy = response["Content-Security-Policy"]
    style_src = next(d for d in policy.split(";") if d.strip().startswith("style-src"))
    assert f"'sha256-{digest}'" in style_src
    assert "unsafe-inline" not in policy
    # An ordinary page gets no such allowance.
    assert "sha256-" not in client.get("/")["Content-Security-Policy"]
