"""The förbund's seal: a PAdES signature (pyHanko) on every frozen PDF.

The certificate is a PKCS#12 file named in the settings (``FORSEGLING_PKCS12`` and
``FORSEGLING_PKCS12_LOSENORD``, from the environment). In development and tests, when
none is configured, a self-signed certificate is made on the fly (``cryptography``) into
``MEDIA_ROOT/forsegling/`` — never committed (media/ is ignored) — so the same code path
signs everywhere. Production without a certificate stores the hashes but no signature,
and ``verifiera`` says so.

``signera(pdf, *, namn)`` returns the signed PDF: an incremental update with a PAdES
baseline signature (SHA-256), so the bytes WeasyPrint wrote stay as they were — and with
them the PDF/A-2a conformance of the original. ``kontrollera(pdf)`` validates every
signature in a PDF against the certificate (``SigillStatus``).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from django.conf import settings

T = TypeVar("T")

_lock = threading.Lock()
_signer_cache: dict[str, Any] = {}

UTVECKLINGSLOSENORD = b"finsam-utveckling"


def _utvecklingscertifikat() -> tuple[Path, bytes]:
    """A self-signed certificate for development and tests (made once per media dir)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID

    mapp = Path(settings.MEDIA_ROOT) / "forsegling"
    fil = mapp / "utvecklingscertifikat.p12"
    if fil.exists():
        return fil, UTVECKLINGSLOSENORD
    mapp.mkdir(parents=True, exist_ok=True)
    nyckel = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    namn = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "SE"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Finsam (utveckling)"),
            x509.NameAttribute(NameOID.COMMON_NAME, "Finsam testförsegling"),
        ]
    )
    nu = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(namn)
        .issuer_name(namn)
        .public_key(nyckel.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(nu - dt.timedelta(days=1))
        .not_valid_after(nu + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(nyckel, hashes.SHA256())
    )
    data = pkcs12.serialize_key_and_certificates(
        b"finsam",
        nyckel,
        cert,
        None,
        serialization.BestAvailableEncryption(UTVECKLINGSLOSENORD),
    )
    tmp = fil.with_suffix(".tmp")
    tmp.write_bytes(data)
    tmp.replace(fil)
    return fil, UTVECKLINGSLOSENORD


def _certifikatfil() -> tuple[Path, bytes] | None:
    sokvag = getattr(settings, "FORSEGLING_PKCS12", "")
    if sokvag:
        losen = getattr(settings, "FORSEGLING_PKCS12_LOSENORD", "")
        return Path(sokvag), losen.encode() if losen else b""
    if settings.DEBUG or getattr(settings, "TESTING", False):
        return _utvecklingscertifikat()
    return None


def signerare() -> Any | None:
    """pyHanko's signer for the configured certificate (``None``: none configured)."""
    from pyhanko.sign import signers

    with _lock:
        fil = _certifikatfil()
        if fil is None:
            return None
        nyckel = f"{fil[0]}:{fil[0].stat().st_mtime_ns}"
        if nyckel not in _signer_cache:
            _signer_cache.clear()
            _signer_cache[nyckel] = signers.SimpleSigner.load_pkcs12(
                pfx_file=str(fil[0]), passphrase=fil[1] or None
            )
        return _signer_cache[nyckel]


def _utan_handelseloop(fn: Callable[[], T]) -> T:
    """``fn()``, run in a thread of its own when this thread already runs an asyncio
    event loop: pyHanko's synchronous calls start one with ``asyncio.run``, which refuses
    to run inside another (an async view, or Playwright driving a browser in a test)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return fn()
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(fn).result()


def signera(pdf: bytes, *, namn: str, orsak: str = "") -> bytes:
    """The PDF with the förbund's PAdES seal appended (unchanged when no certificate)."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    signer = signerare()
    if signer is None:
        return pdf
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    meta = signers.PdfSignatureMetadata(
        field_name="Forsegling",
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=orsak or "Fastställd handling",
        location="Sverige",
        name=namn,
    )
    out = _utan_handelseloop(lambda: signers.sign_pdf(writer, meta, signer=signer))
    return out.getvalue()


@dataclass
class SigillStatus:
    signerad: bool
    giltig: bool
    oforandrad: bool
    fel: str = ""


def kontrollera(pdf: bytes) -> SigillStatus:
    """Validate the PDF's signatures: present, intact (the signed bytes unchanged, the
    whole file covered) and made with the configured certificate."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    try:
        reader = PdfFileReader(io.BytesIO(pdf))
        signaturer = reader.embedded_signatures
    except Exception as exc:  # a PDF that cannot be read is not a valid seal
        return SigillStatus(False, False, False, f"PDF:en kan inte läsas: {exc}")
    if not signaturer:
        return SigillStatus(False, False, False, "PDF:en saknar signatur.")
    signer = signerare()
    rotter = [signer.signing_cert] if signer is not None else []
    kontext = ValidationContext(trust_roots=rotter, allow_fetching=False)
    for sig in signaturer:
        status = _utan_handelseloop(partial(validate_pdf_signature, sig, kontext))
        if not status.intact or not status.valid:
            return SigillStatus(True, False, False, "Signaturen stämmer inte.")
        if sig.coverage is None or "ENTIRE_FILE" not in str(sig.coverage):
            return SigillStatus(
                True,
                bool(status.trusted),
                False,
                "PDF:en har ändrats efter signeringen.",
            )
        if not status.trusted:
            return SigillStatus(
                True, False, True, "Signaturen är inte gjord med förbundets certifikat."
            )
    return SigillStatus(True, True, True)
