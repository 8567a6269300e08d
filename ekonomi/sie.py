"""A parser for SIE 4 files (SIE-gruppen, "SIE filformat utgåva 4B").

SIE is the standard export of Swedish bookkeeping programs. Text lines in code page 437
(``#FORMAT PC8``), fields separated by spaces or tabs and quoted when they contain
spaces, amounts with ``.`` and at most two decimals (credit negative), dates ``ÅÅÅÅMMDD``.
No maintained Python parser exists (../shared/TECH.md), so this one reads what the import
needs and refuses a whole file with every error named (line number and reason):
unbalanced verifikationer, a #TRANS on an account the file does not declare, a year that
is not in #RAR, bytes that are not CP437 text.

The parser knows nothing about förbund or the database: ``parse(data) -> SieFil`` or
``SieError`` with ``.fel`` (a list of Swedish messages).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from finsam.dates import MAX_AR, MIN_AR
from finsam.xlsx import GRANS, Fellista

# At most twelve digits of kronor: what the database's amounts hold (max_digits=14).
BELOPP_RE = re.compile(r"^-?\d{1,12}(\.\d{1,2})?$")


class SieError(ValueError):
    def __init__(self, fel: list[str]):
        self.fel = fel
        super().__init__("; ".join(fel))


@dataclass
class Trans:
    konto: str
    belopp: Decimal
    objekt: tuple[tuple[str, str], ...] = ()
    datum: dt.date | None = None
    text: str = ""


@dataclass
class Ver:
    serie: str
    nummer: str
    datum: dt.date
    text: str
    rad: int
    transaktioner: list[Trans] = field(default_factory=list)

    @property
    def summa(self) -> Decimal:
        return sum((t.belopp for t in self.transaktioner), Decimal(0))


@dataclass
class SieFil:
    fnamn: str = ""
    orgnr: str = ""
    program: str = ""
    kptyp: str = ""
    sietyp: str = ""
    # årsnr (0 = this year, -1 = the year before) -> (start, slut)
    rar: dict[int, tuple[dt.date, dt.date]] = field(default_factory=dict)
    konton: dict[str, str] = field(default_factory=dict)
    # #DIM: dimension -> name; #OBJEKT: (dimension, objekt) -> name. Objects are what a
    # program books projects and cost centres on (dimension 6 Projekt, 1 Kostnadsställe).
    dimensioner: dict[str, str] = field(default_factory=dict)
    objekt: dict[tuple[str, str], str] = field(default_factory=dict)
    # (årsnr, konto) -> saldo
    ib: dict[tuple[int, str], Decimal] = field(default_factory=dict)
    ub: dict[tuple[int, str], Decimal] = field(default_factory=dict)
    res: dict[tuple[int, str], Decimal] = field(default_factory=dict)
    verifikationer: list[Ver] = field(default_factory=list)

    @property
    def ar(self) -> int:
        return self.rar[0][0].year

    @property
    def antal_transaktioner(self) -> int:
        return sum(len(v.transaktioner) for v in self.verifikationer)


def decode(data: bytes) -> str:
    """CP437 text as SIE 4 prescribes; refuses binary data and UTF-8 files with å/ä/ö.

    Every byte sequence decodes as CP437, so the check is for what a wrong encoding
    leaves behind: NUL and control bytes, and UTF-8's two-byte letters (``Ã¥`` for å).
    """
    if b"\x00" in data:
        raise SieError(["Filen är inte en textfil (innehåller nollbytes)."])
    try:
        as_utf8 = data.decode("utf-8")
    except UnicodeDecodeError:
        as_utf8 = None
    if as_utf8 is not None and any(ord(c) > 127 for c in as_utf8):
        raise SieError(
            [
                "Filen är kodad som UTF-8, men SIE 4 ska vara i teckentabell "
                "PC8 (CP437). Exportera filen igen från bokföringsprogrammet."
            ]
        )
    text = data.decode("cp437")
    for nr, line in enumerate(text.splitlines(), start=1):
        bad = [c for c in line if ord(c) < 32 and c not in "\t"]
        if bad:
            raise SieError([f"Rad {nr}: otillåtet styrtecken – fel teckenkodning?"])
    return text


def tokens(line: str) -> list[str]:
    """Split one SIE line: spaces/tabs separate, quotes group, ``{…}`` is one field.

    Inside quotes a backslash escapes the next character (``\\"``).
    """
    out: list[str] = []
    i, n = 0, len(line)
    while i < n:
        c = line[i]
        if c in " \t":
            i += 1
        elif c == '"':
            i += 1
            buf = []
            while i < n and line[i] != '"':
                if line[i] == "\\" and i + 1 < n:
                    i += 1
                buf.append(line[i])
                i += 1
            if i >= n:
                raise ValueError("citattecken som inte avslutas")
            i += 1
            out.append("".join(buf))
        elif c == "{":
            j = line.find("}", i)
            if j < 0:
                raise ValueError("klammer { som inte avslutas")
            out.append(line[i : j + 1])
            i = j + 1
        else:
            j = i
            while j < n and line[j] not in " \t":
                j += 1
            out.append(line[i:j])
            i = j
    return out


def _datum(value: str) -> dt.date:
    try:
        datum = dt.datetime.strptime(value, "%Y%m%d").date()  # noqa: DTZ007
    except ValueError as exc:
        raise ValueError(f"ogiltigt datum {value!r} (ska vara ÅÅÅÅMMDD)") from exc
    if not MIN_AR <= datum.year <= MAX_AR:
        raise ValueError(f"datumet {value!r} ligger utanför åren {MIN_AR}–{MAX_AR}")
    return datum


def _arsnr(value: str) -> int:
    """A year's number relative to this one (0, -1, …), as SIE counts them."""
    if not re.fullmatch(r"-?\d{1,2}", value):
        raise ValueError(f"ogiltigt årsnummer {value!r}")
    return int(value)


def _belopp(value: str) -> Decimal:
    if not BELOPP_RE.match(value):
        raise ValueError(f"ogiltigt belopp {value!r}")
    try:
        return Decimal(value)
    except InvalidOperation as exc:  # pragma: no cover - the regex already guards
        raise ValueError(f"ogiltigt belopp {value!r}") from exc


def _objekt(value: str) -> tuple[tuple[str, str], ...]:
    inner = value.strip()
    if not (inner.startswith("{") and inner.endswith("}")):
        raise ValueError(f"objektlista ska stå inom {{}}: {value!r}")
    parts = tokens(inner[1:-1])
    if len(parts) % 2:
        raise ValueError(f"objektlistan ska ha par av dimension och objekt: {value!r}")
    return tuple(zip(parts[::2], parts[1::2], strict=True))


def parse(data: bytes) -> SieFil:
    """Parse a SIE 4 file; raise ``SieError`` listing every problem found."""
    text = decode(data)
    fil = SieFil()
    fel = Fellista()
    current: Ver | None = None
    in_block = False
    for nr, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        try:
            if line == "{":
                if current is None or in_block:
                    raise ValueError("{ utan föregående #VER")
                in_block = True
                continue
            if line == "}":
                if not in_block or current is None:
                    raise ValueError("} utan öppnande {")
                in_block = False
                fil.verifikationer.append(current)
                current = None
                continue
            fields = tokens(line)
            tag, args = fields[0].upper(), fields[1:]
            if current is not None and not in_block:
                raise ValueError(f"#VER på rad {current.rad} saknar {{ … }}")
            if in_block and tag not in ("#TRANS", "#RTRANS", "#BTRANS"):
                raise ValueError(f"{tag} inom en verifikation")
            if not in_block and tag in ("#TRANS", "#RTRANS", "#BTRANS"):
                raise ValueError(f"{tag} utanför en verifikation")
            _record(fil, tag, args, nr, current)
            if tag == "#VER":
                current = fil.verifikationer.pop()
        except (ValueError, IndexError) as exc:
            msg = str(exc) if isinstance(exc, ValueError) else "fält saknas"
            fel.append(f"Rad {nr}: {msg}.")
    if in_block or current is not None:
        fel.append("Filen slutar inne i en verifikation (} saknas).")
    fel.extend(_validate(fil))
    if fel:
        raise SieError(fel)
    return fil


def _record(fil: SieFil, tag: str, args: list[str], nr: int, current) -> None:
    if tag == "#FNAMN":
        fil.fnamn = args[0]
    elif tag == "#ORGNR":
        fil.orgnr = args[0]
    elif tag == "#PROGRAM":
        fil.program = " ".join(args)
    elif tag == "#KPTYP":
        fil.kptyp = args[0]
    elif tag == "#SIETYP":
        fil.sietyp = args[0]
    elif tag == "#FORMAT":
        if args[0].upper() != "PC8":
            raise ValueError(f"okänt format {args[0]!r} (SIE 4 använder PC8)")
    elif tag == "#RAR":
        fil.rar[_arsnr(args[0])] = (_datum(args[1]), _datum(args[2]))
    elif tag == "#KONTO":
        fil.konton[args[0]] = args[1] if len(args) > 1 else ""
    elif tag in ("#DIM", "#UNDERDIM"):
        fil.dimensioner[args[0]] = args[1] if len(args) > 1 else ""
    elif tag == "#OBJEKT":
        fil.objekt[(args[0], args[1])] = args[2] if len(args) > 2 else ""
    elif tag in ("#IB", "#UB", "#RES"):
        target = {"#IB": fil.ib, "#UB": fil.ub, "#RES": fil.res}[tag]
        target[(_arsnr(args[0]), args[1])] = _belopp(args[2])
    elif tag == "#VER":
        fil.verifikationer.append(
            Ver(
                serie=args[0],
                nummer=args[1],
                datum=_datum(args[2]),
                text=args[3] if len(args) > 3 else "",
                rad=nr,
            )
        )
    elif tag == "#TRANS":
        current.transaktioner.append(
            Trans(
                konto=args[0],
                objekt=_objekt(args[1]),
                belopp=_belopp(args[2]),
                datum=_datum(args[3]) if len(args) > 3 and args[3] else None,
                text=args[4] if len(args) > 4 else "",
            )
        )
    # #RTRANS/#BTRANS (corrections shown beside #TRANS), #PSALDO, #PBUDGET, #OIB,
    # #OUB, #KSUMMA, #FLAGGA, #GEN, #ADRESS, #SRU …: not needed for utfall.


# Dimensions SIE reserves, named when a file uses them without #DIM.
STANDARD_DIMENSIONER = {
    "1": "Kostnadsställe/resultatenhet",
    "2": "Kostnadsbärare",
    "6": "Projekt",
    "7": "Anställd",
    "8": "Kund",
    "9": "Leverantör",
    "10": "Faktura",
}


def dimensionsnamn(fil: SieFil, dimension: str) -> str:
    return fil.dimensioner.get(dimension) or STANDARD_DIMENSIONER.get(
        dimension, f"Dimension {dimension}"
    )


def giltigt_konto(konto: str) -> bool:
    """An account number the import can store: digits only, at most ten of them."""
    return konto.isdigit() and len(konto) <= 10


def kontosummor(fil: SieFil) -> dict[str, Decimal]:
    """The verifikationer's movement per account (the validation's size check and
    the import's #RES/#UB check and balances all use these sums)."""
    summor: dict[str, Decimal] = {}
    for ver in fil.verifikationer:
        for t in ver.transaktioner:
            summor[t.konto] = summor.get(t.konto, Decimal(0)) + t.belopp
    return summor


def _validate(fil: SieFil) -> list[str]:
    fel = Fellista()
    if 0 not in fil.rar:
        return ["#RAR 0 saknas: filen anger inte vilket räkenskapsår den gäller."]
    start, slut = fil.rar[0]
    # The keys the import stores as they are (ekonomi.models: konto 10, dimension 10,
    # objekt 40 characters); texts and names are cut to their fields instead.
    for konto in fil.konton:
        if not giltigt_konto(konto):
            fel.append(f"#KONTO {konto[:20]}: ett kontonummer är högst tio siffror.")
    for dim, obj in fil.objekt:
        if len(dim) > 10 or len(obj) > 40:
            fel.append(
                f"#OBJEKT {dim[:20]} {obj[:50]}: dimensionen är högst 10 tecken och "
                "objektet högst 40."
            )
    for ver in fil.verifikationer:
        namn = f"Verifikation {ver.serie} {ver.nummer} (rad {ver.rad})"
        if ver.summa != 0:
            fel.append(f"{namn} balanserar inte: summan är {ver.summa} kr.")
        if not start <= ver.datum <= slut:
            fel.append(
                f"{namn} har datum {ver.datum:%Y-%m-%d} utanför räkenskapsåret "
                f"{start:%Y-%m-%d}–{slut:%Y-%m-%d}."
            )
        for t in ver.transaktioner:
            if t.konto not in fil.konton:
                fel.append(
                    f"{namn}: konto {t.konto} finns inte i kontoplanen (#KONTO)."
                )
            for dim, obj in t.objekt:
                if (dim, obj) not in fil.objekt:
                    fel.append(
                        f"{namn}: objekt {obj} i dimension {dim} finns inte i "
                        "objektlistan (#OBJEKT)."
                    )
    for konto, summa in kontosummor(fil).items():
        # IB plus the year's movement is saved per account: both must fit.
        if abs(summa) + abs(fil.ib.get((0, konto), Decimal(0))) >= GRANS:
            fel.append(f"Konto {konto}: beloppen summerar till mer än 999 miljarder.")
    for register in (fil.ib, fil.ub, fil.res):
        for arsnr, konto in register:
            if konto not in fil.konton:
                fel.append(f"Saldo för konto {konto} som inte finns i kontoplanen.")
            if arsnr not in fil.rar:
                fel.append(f"Saldo för årsnummer {arsnr} som inte finns i #RAR.")
    return fel
