"""One way to take an uploaded file: a size limit and a type checked by name and content.

Every upload in the app (Excel imports, a protocol's attachments) goes through
``filtyp_check``; the pages that offer an upload render ``templates/_upload_form.html``
and read the file with ``UploadForm``, so the limits and the messages are the same
everywhere.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

MB = 1024 * 1024
EXCEL_MAX = 2 * MB

# extension -> (content type, file signature; None for UTF-8 text)
FILTYPER: dict[str, tuple[str, bytes | None]] = {
    "pdf": ("application/pdf", b"%PDF-"),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        b"PK\x03\x04",
    ),
    "xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        b"PK\x03\x04",
    ),
    "odt": ("application/vnd.oasis.opendocument.text", b"PK\x03\x04"),
    "ods": ("application/vnd.oasis.opendocument.spreadsheet", b"PK\x03\x04"),
    "png": ("image/png", b"\x89PNG\r\n\x1a\n"),
    "jpg": ("image/jpeg", b"\xff\xd8\xff"),
    "jpeg": ("image/jpeg", b"\xff\xd8\xff"),
    "txt": ("text/plain; charset=utf-8", None),
}
EXCEL = ("xlsx",)


def storlek_text(max_bytes: int) -> str:
    return f"{max_bytes // MB} MB"


def storlek_check(storlek: int, *, max_bytes: int) -> None:
    """Refuse an empty file or one over ``max_bytes`` (checked before it is read)."""
    if storlek == 0:
        raise ValidationError("Filen är tom.", code="tom")
    if storlek > max_bytes:
        raise ValidationError(
            f"Filen är större än {storlek_text(max_bytes)}.", code="for_stor"
        )


def filtyp_check(
    namn: str,
    innehall: bytes,
    *,
    tillatna: tuple[str, ...] = EXCEL,
    max_bytes: int = EXCEL_MAX,
) -> str:
    """The file's content type if its size, its extension (one of ``tillatna``) and its
    first bytes agree; otherwise a ``ValidationError`` with a Swedish message."""
    storlek_check(len(innehall), max_bytes=max_bytes)
    ext = namn.rsplit(".", 1)[-1].lower() if "." in namn else ""
    if ext not in tillatna:
        raise ValidationError(
            "Filtypen tillåts inte. Tillåtna: "
            + ", ".join(f".{t}" for t in sorted(tillatna))
            + ".",
            code="filtyp",
        )
    content_type, signatur = FILTYPER[ext]
    if signatur is not None and not innehall.startswith(signatur):
        raise ValidationError(
            f"Filen kan inte läsas: innehållet stämmer inte med filtypen .{ext}.",
            code="innehall",
        )
    if signatur is None:
        try:
            innehall.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ValidationError("Textfilen är inte UTF-8.", code="utf8") from exc
    return content_type


class UploadForm(forms.Form):
    """One file field; ``cleaned_data["fil"]`` is the checked file and ``innehall`` its
    bytes."""

    fil = forms.FileField(
        label="Fil",
        error_messages={
            "required": "Välj en fil att ladda upp.",
            "empty": "Filen är tom.",
        },
    )

    def __init__(
        self,
        *args,
        tillatna: tuple[str, ...] = EXCEL,
        max_bytes: int = EXCEL_MAX,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.tillatna = tillatna
        self.max_bytes = max_bytes
        self.innehall = b""
        self.content_type = ""
        typer = ", ".join(f".{t}" for t in tillatna)
        self.fields["fil"].label = (
            f"Excelfil ({typer})" if tillatna == EXCEL else f"Fil ({typer})"
        )
        self.fields["fil"].help_text = f"Högst {storlek_text(max_bytes)}."
        self.fields["fil"].widget.attrs.update(
            {"accept": ",".join(f".{t}" for t in tillatna), "class": "form-control"}
        )

    def clean_fil(self):
        fil = self.cleaned_data["fil"]
        storlek_check(fil.size, max_bytes=self.max_bytes)
        self.innehall = fil.read()
        self.content_type = filtyp_check(
            fil.name, self.innehall, tillatna=self.tillatna, max_bytes=self.max_bytes
        )
        return fil

    def fel(self) -> list[str]:
        return [str(m) for errors in self.errors.values() for m in errors]
