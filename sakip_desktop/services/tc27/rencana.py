"""The plan read from a file, before it touches the database, and the problems found in it.

Both readers (the T-C.27 spreadsheet and the ``sakip-data/1`` file) produce a `RencanaImpor`;
one engine (`sinkron.py`) compares it with the database and writes it. Every problem carries
its place in the file (sheet, row, column) so the preview can list it where the user looks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from ...domain import Agregasi, DokumenAnggaran, DokumenTarget, JenisIndikator, JenisNode, Polaritas

TINGKAT = (
    JenisNode.TUJUAN,
    JenisNode.SASARAN,
    JenisNode.PROGRAM,
    JenisNode.KEGIATAN,
    JenisNode.SUB_KEGIATAN,
)
"""The levels a T-C.27 table holds, in order."""


class JenisMasalah(StrEnum):
    """Kinds of problems; the preview groups them and the tests name them."""

    KODE_TANPA_INDUK = "kode_tanpa_induk"
    KODE_GANDA = "kode_ganda"
    KODE_TIDAK_DIKENAL = "kode_tidak_dikenal"
    KODE_KOSONG = "kode_kosong"
    BUKAN_ANGKA = "bukan_angka"
    TAHUN_DI_LUAR_PERIODE = "tahun_di_luar_periode"
    TANPA_NODE = "tanpa_node"
    ISIAN_KOSONG = "isian_kosong"
    KOLOM = "kolom"
    TIDAK_KONSISTEN = "tidak_konsisten"
    DIABAIKAN = "diabaikan"


@dataclass(frozen=True)
class Masalah:
    """One problem at one place. ``berat`` problems block the import; others only warn."""

    jenis: JenisMasalah
    pesan: str
    lembar: str
    baris: int | None = None
    kolom: str | None = None
    berat: bool = True

    @property
    def letak(self) -> str:
        bagian = [f"lembar {self.lembar!r}"]
        if self.baris is not None:
            bagian.append(f"baris {self.baris}")
        if self.kolom is not None:
            bagian.append(f"kolom {self.kolom}")
        return ", ".join(bagian)

    def __str__(self) -> str:
        tanda = "Galat" if self.berat else "Peringatan"
        return f"{tanda} ({self.letak}): {self.pesan}"


@dataclass(frozen=True)
class NilaiImpor:
    """A target as read: a number, a range (``nilai``–``nilai_maks``) or a predicate text."""

    nilai: Decimal | None = None
    nilai_maks: Decimal | None = None
    teks: str | None = None

    @property
    def kosong(self) -> bool:
        return self.nilai is None and self.teks is None


@dataclass
class IndikatorImpor:
    """An indicator as the file states it; ``None`` fields are "not stated, keep as is"."""

    nama: str
    satuan: str | None = None
    baseline: Decimal | None = None
    baseline_tahun: int | None = None
    target: dict[tuple[DokumenTarget, int], NilaiImpor] = field(default_factory=dict)
    kode: str | None = None
    jenis: JenisIndikator | None = None
    polaritas: Polaritas | None = None
    agregasi: Agregasi | None = None
    baris: int | None = None
    status: str = ""
    """Set by the comparison: "baru", "ubah" or "sama"."""


@dataclass(eq=False)
class NodeImpor:
    """A tujuan, sasaran, program, kegiatan or sub kegiatan with its indicators and pagu."""

    jenis: JenisNode
    uraian: str
    kode: str | None = None
    induk: NodeImpor | None = None
    anak: list[NodeImpor] = field(default_factory=list)
    indikator: list[IndikatorImpor] = field(default_factory=list)
    pagu: dict[int, Decimal] = field(default_factory=dict)
    dokumen_pagu: DokumenAnggaran = DokumenAnggaran.RENJA
    penanggung_jawab: str | None = None
    lokasi: str | None = None
    baris: int | None = None
    status: str = ""
    """Set by the comparison: "baru", "ubah" or "sama"."""

    @property
    def label(self) -> str:
        kode = f" {self.kode}" if self.kode else ""
        return f"{self.jenis.label}{kode} {self.uraian[:60]!r}"


@dataclass
class RencanaImpor:
    """A whole Renstra read from one sheet or data file."""

    lembar: str
    tahun_awal: int
    tahun_akhir: int
    akar: list[NodeImpor] = field(default_factory=list)
    masalah: list[Masalah] = field(default_factory=list)

    def semua_node(self) -> Iterator[NodeImpor]:
        """Pre-order, the order of the sheet."""

        def jalan(daftar: list[NodeImpor]) -> Iterator[NodeImpor]:
            for n in daftar:
                yield n
                yield from jalan(n.anak)

        return jalan(self.akar)

    def jumlah(self) -> dict[str, int]:
        """Counts per level plus indicators, targets and pagu entries."""
        hasil = {j.value: 0 for j in TINGKAT}
        hasil.update(indikator=0, target=0, pagu=0)
        for n in self.semua_node():
            hasil[n.jenis.value] = hasil.get(n.jenis.value, 0) + 1
            hasil["indikator"] += len(n.indikator)
            hasil["target"] += sum(
                1 for i in n.indikator for v in i.target.values() if not v.kosong
            )
            hasil["pagu"] += len(n.pagu)
        return hasil


def rapikan(teks: object) -> str:
    """Text of a cell with runs of white space (line breaks of wrapped cells) made one space."""
    return re.sub(r"\s+", " ", str(teks)).strip()


def kunci_teks(teks: str) -> str:
    """Comparison key of a statement: case and spacing do not make a different tujuan."""
    return rapikan(teks).casefold()
