"""factory_boy factories for the ground floor (finsam). Each app has its own in
tests/<app>/factories.py; tests/factories.py re-exports these for older imports.

Also the Excel workbooks the import tests and bench/import_stor.py feed the shared
reader (finsam/xlsx.py): as openpyxl writes them, or with a first sheet written by hand.
"""

import datetime as dt
import io
import zipfile

import factory
from openpyxl import Workbook

from finsam import access
from finsam.models import Forbund, Medlem, Person, Uppdrag, User
from finsam.validators import luhn_ok


class ForbundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Forbund
        django_get_or_create = ("orgnr",)

    namn = factory.Sequence(lambda n: f"Samordningsförbundet Test {n}")
    # Luhn-valid organisationsnummer in the 222000-series of kommunalförbund.
    orgnr = factory.Sequence(lambda n: _orgnr(n))
    kortnamn = factory.Sequence(lambda n: f"T{n}")


def _orgnr(n: int) -> str:
    base = f"222{n % 1000:03d}{(n // 1000) % 1000:03d}"
    check = next(c for c in "0123456789" if luhn_ok(base + c))
    return f"{base[:6]}-{base[6:]}{check}"


class MedlemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Medlem

    forbund = factory.SubFactory(ForbundFactory)
    namn = factory.Sequence(lambda n: f"Testkommun {n}")
    typ = Medlem.KOMMUN


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    forbund = factory.SubFactory(ForbundFactory)
    fornamn = factory.Sequence(lambda n: f"Förnamn{n}")
    efternamn = "Testsson"


class UppdragFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Uppdrag

    forbund = factory.SubFactory(ForbundFactory)
    person = factory.SubFactory(
        PersonFactory, forbund=factory.SelfAttribute("..forbund")
    )
    medlem = factory.SubFactory(
        MedlemFactory, forbund=factory.SelfAttribute("..forbund")
    )
    typ = Uppdrag.LEDAMOT
    fran = dt.date(2015, 4, 1)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    forbund = factory.SubFactory(ForbundFactory)
    roll = access.KANSLI
    password = factory.PostGenerationMethodCall("set_password", "hemligt-lösen-123")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


def medlemmar(forbund, kommuner, staten_en_rad=True):
    """The state's two parts, the region and the named kommuner as members."""
    forbund.staten_en_rad = staten_en_rad
    forbund.save()
    MedlemFactory(
        forbund=forbund,
        namn="Försäkringskassan",
        typ=Medlem.FORSAKRINGSKASSAN,
        sortering=1,
    )
    MedlemFactory(
        forbund=forbund,
        namn="Arbetsförmedlingen",
        typ=Medlem.ARBETSFORMEDLINGEN,
        sortering=2,
    )
    MedlemFactory(
        forbund=forbund, namn="Region Stockholm", typ=Medlem.REGION, sortering=3
    )
    return {
        namn: MedlemFactory(
            forbund=forbund, namn=namn, typ=Medlem.KOMMUN, sortering=4 + i
        )
        for i, namn in enumerate(kommuner)
    }


# --- Excel workbooks -------------------------------------------------------------------


def arbetsbok(rader: list[list], titel: str | None = None) -> bytes:
    """A workbook whose first sheet (named ``titel``) holds ``rader``."""
    wb = Workbook()
    if titel:
        wb.active.title = titel
    for rad in rader:
        wb.active.append(rad)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def blad_xml(rows: str, dimension: str | None = None) -> str:
    """A sheet's XML around ``rows`` (``<row>`` elements), declaring ``dimension``."""
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"{dim}<sheetData>{rows}</sheetData></worksheet>"
    )


def med_blad(sheet_xml: str) -> bytes:
    """A workbook whose first sheet is ``sheet_xml`` as written (to lie about its size
    or hold values no program would write)."""
    src = zipfile.ZipFile(io.BytesIO(arbetsbok([])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = sheet_xml.encode()
            dst.writestr(info.filename, data)
    return out.getvalue()
