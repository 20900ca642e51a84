"""The exchange file (paket): one signed file, read back only when whole and unaltered.

Layout: the line ``SAKIP-PAKET/1``, a line with the HMAC-SHA256 (hex) of everything after
it, then the gzip-compressed JSON body. The HMAC key is derived from the database's secret
(`IdentitasBasisData`, shared by every copy of the database) and the agency's id, so a
paket verifies only on a copy of the same agency's database, and a changed byte anywhere is
detected. Values are JSON-typed per column (UUID and decimals as text, timestamps in UTC
ISO form, binary contents base64) and decoded by the column's type on import.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import hmac
import json
import uuid
import zlib
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from ..errors import KesalahanPengguna
from ..model import IdentitasBasisData

KEPALA = b"SAKIP-PAKET/1\n"
FORMAT = "sakip-paket/1"
AKHIRAN = ".sakip-paket"


class PaketDitolak(KesalahanPengguna):
    """A paket that is damaged, altered, from another agency, or not allowed as a whole."""


# --- values ----------------------------------------------------------------------------------


def ke_json(nilai: Any) -> Any:
    """A column value as JSON (typed back by `dari_json` with the column's type)."""
    if nilai is None or isinstance(nilai, bool | int | str):
        return nilai
    if isinstance(nilai, Enum):
        return nilai.value
    if isinstance(nilai, Decimal):
        return format(nilai, "f")
    if isinstance(nilai, float):
        return repr(nilai)
    if isinstance(nilai, datetime):
        utc = nilai.replace(tzinfo=UTC) if nilai.tzinfo is None else nilai.astimezone(UTC)
        return utc.isoformat()
    if isinstance(nilai, date):
        return nilai.isoformat()
    if isinstance(nilai, uuid.UUID):
        return str(nilai)
    if isinstance(nilai, bytes | bytearray | memoryview):
        return base64.b64encode(bytes(nilai)).decode("ascii")
    raise TypeError(f"Nilai tidak dapat dimasukkan ke paket: {type(nilai).__name__}")


def dari_json(tabel: Table, kolom: str, nilai: Any) -> Any:
    """The Python value of ``nilai`` for ``tabel.kolom`` (raises ValueError when it does not
    fit, which the reader reports as a damaged paket)."""
    if nilai is None:
        return None
    jenis = tabel.c[kolom].type
    python = jenis.python_type
    if python is uuid.UUID:
        return uuid.UUID(str(nilai))
    if python is Decimal:
        return Decimal(str(nilai))
    if python is datetime:
        return datetime.fromisoformat(str(nilai))
    if python is date:
        return date.fromisoformat(str(nilai))
    if python is bytes:
        return base64.b64decode(str(nilai), validate=True)
    if python is bool:
        return bool(nilai)
    if python is int:
        return int(nilai)
    if isinstance(python, type) and issubclass(python, Enum):
        return python(nilai)
    return str(nilai)


def baris_ke_json(baris: dict[str, Any]) -> dict[str, Any]:
    return {k: ke_json(v) for k, v in baris.items()}


def baris_dari_json(tabel: Table, data: dict[str, Any]) -> dict[str, Any]:
    tidak_dikenal = set(data) - set(tabel.c.keys())
    if tidak_dikenal:
        raise ValueError(f"kolom tidak dikenal di {tabel.name}: {', '.join(sorted(tidak_dikenal))}")
    return {k: dari_json(tabel, k, v) for k, v in data.items()}


# --- the key ---------------------------------------------------------------------------------


def kunci_paket(sesi: Session, opd_id: uuid.UUID) -> bytes:
    """The HMAC key for this agency on this family of database copies."""
    rahasia = sesi.scalars(select(IdentitasBasisData.rahasia).order_by(IdentitasBasisData.id))
    pertama = rahasia.first()
    if pertama is None:
        raise PaketDitolak(
            "Basis data ini belum memiliki identitas pertukaran; buka dengan program terbaru "
            "agar skemanya ditingkatkan."
        )
    return hmac.new(bytes.fromhex(pertama), b"sakip-paket/1:" + opd_id.bytes, "sha256").digest()


# --- writing and reading ---------------------------------------------------------------------


def tulis_berkas(path: Path, isi: dict[str, Any], kunci: bytes) -> str:
    """Write the paket (whole or not at all); returns the file's SHA-256."""
    badan = gzip.compress(json.dumps(isi, ensure_ascii=False).encode("utf-8"), mtime=0)
    tanda = hmac.new(kunci, KEPALA + badan, "sha256").hexdigest().encode("ascii")
    data = KEPALA + tanda + b"\n" + badan
    path.parent.mkdir(parents=True, exist_ok=True)
    sementara = path.with_name(path.name + ".sementara")
    sementara.write_bytes(data)
    sementara.replace(path)
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class BerkasPaket:
    """A paket read from disk, not yet verified against a database."""

    isi: dict[str, Any]
    tanda: str
    badan: bytes
    sha256: str

    @property
    def opd_id(self) -> uuid.UUID:
        return uuid.UUID(str(self.isi["opd"]["id"]))

    @property
    def paket_id(self) -> uuid.UUID:
        return uuid.UUID(str(self.isi["paket_id"]))


def _rusak(path: Path, sebab: str) -> PaketDitolak:
    return PaketDitolak(
        f"Berkas paket {path.name} rusak atau bukan paket SAKIP ({sebab}); minta pengirim "
        "mengekspor ulang."
    )


def baca_berkas(path: Path) -> BerkasPaket:
    """Read and unpack; a damaged file is refused here (the signature is checked later)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise PaketDitolak(f"Berkas paket tidak ada: {path}") from None
    except OSError as exc:
        raise PaketDitolak(f"Berkas paket tidak dapat dibaca: {path} ({exc.strerror})") from exc
    if not data.startswith(KEPALA):
        raise _rusak(path, "kepala berkas tidak dikenal")
    sisa = data[len(KEPALA) :]
    tanda, _, badan = sisa.partition(b"\n")
    if len(tanda) != 64:
        raise _rusak(path, "tanda tangan tidak ada")
    try:
        isi = json.loads(gzip.decompress(badan).decode("utf-8"))
    except (OSError, EOFError, zlib.error, UnicodeDecodeError, ValueError) as exc:
        raise PaketDitolak(
            f"Berkas paket {path.name} rusak atau telah diubah: isinya tidak dapat dibaca. "
            "Minta pengirim mengekspor ulang."
        ) from exc
    if not isinstance(isi, dict) or isi.get("format") != FORMAT:
        raise _rusak(path, "format tidak dikenal")
    try:
        uuid.UUID(str(isi["paket_id"]))
        uuid.UUID(str(isi["opd"]["id"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise _rusak(path, "identitas paket tidak lengkap") from exc
    return BerkasPaket(
        isi, tanda.decode("ascii", "replace"), badan, hashlib.sha256(data).hexdigest()
    )


def periksa_tanda(berkas: BerkasPaket, kunci: bytes, nama: str) -> None:
    """Refuse a paket whose signature does not match this database's key."""
    harap = hmac.new(kunci, KEPALA + berkas.badan, "sha256").hexdigest()
    if not hmac.compare_digest(harap, berkas.tanda):
        raise PaketDitolak(
            f"Tanda tangan paket {nama} tidak cocok: berkas telah diubah atau rusak setelah "
            "diekspor, atau dibuat dari basis data lain yang bukan salinan basis data kantor "
            "ini. Paket ditolak; tidak ada yang diubah."
        )
