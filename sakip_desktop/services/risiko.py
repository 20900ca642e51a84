"""Manajemen risiko: the risk register of a year, linked to the performance tree.

Each risk belongs to a node of the tree (level 0–5) and an owner position, as in the
source's register, plus a likelihood and an impact on a 1–5 scale. Their product (1–25)
is the risk's score, and the score's band is its level (`SKALA_LEVEL_RISIKO`). The risk
matrix of a year counts the risks in each likelihood × impact cell, and a cell can be
opened to the risks in it. Every quarter a risk gets a handling status.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from ..errors import InputTidakSah, KonflikVersi, TidakDitemukan
from ..model import Jabatan, NodeKinerja, Risiko, StatusRisiko
from ..storage import Database
from .konteks import pilih_opd
from .otorisasi import wajib_ubah_rencana
from .pelaku import Pelaku

SKALA = range(1, 6)


@dataclass(frozen=True, slots=True)
class LevelRisiko:
    """A band of the score kemungkinan × dampak (inclusive bounds)."""

    batas_bawah: int
    batas_atas: int
    label: str
    warna: str


SKALA_LEVEL_RISIKO: tuple[LevelRisiko, ...] = (
    LevelRisiko(1, 4, "Rendah", "#2e7d32"),
    LevelRisiko(5, 9, "Sedang", "#f9a825"),
    LevelRisiko(10, 14, "Tinggi", "#ef6c00"),
    LevelRisiko(15, 25, "Sangat Tinggi", "#c62828"),
)
"""The documented default scale: 1–4 Rendah, 5–9 Sedang, 10–14 Tinggi, 15–25 Sangat Tinggi.

A pemda with another scale passes its own tuple to `level_risiko`; the bands must cover
1–25 without gaps.
"""

LABEL_KEMUNGKINAN = {
    1: "Hampir tidak terjadi",
    2: "Jarang terjadi",
    3: "Kadang-kadang terjadi",
    4: "Sering terjadi",
    5: "Hampir pasti terjadi",
}
LABEL_DAMPAK = {
    1: "Tidak signifikan",
    2: "Minor",
    3: "Moderat",
    4: "Signifikan",
    5: "Sangat signifikan",
}


def level_risiko(
    kemungkinan: int | None,
    dampak: int | None,
    skala: Sequence[LevelRisiko] = SKALA_LEVEL_RISIKO,
) -> LevelRisiko | None:
    """The level of a likelihood/impact pair; None when either is not assessed yet."""
    if kemungkinan is None or dampak is None:
        return None
    skor = kemungkinan * dampak
    for lv in skala:
        if lv.batas_bawah <= skor <= lv.batas_atas:
            return lv
    raise ValueError(f"Skala level risiko tidak mencakup skor {skor}")


class StatusPenanganan(StrEnum):
    """How a risk stands at the end of a quarter."""

    BELUM = "belum_ditangani"
    PROSES = "dalam_penanganan"
    TERKENDALI = "terkendali"
    TERJADI = "terjadi"
    DITUTUP = "ditutup"

    @property
    def label(self) -> str:
        return {
            "belum_ditangani": "Belum ditangani",
            "dalam_penanganan": "Dalam penanganan",
            "terkendali": "Terkendali",
            "terjadi": "Risiko terjadi",
            "ditutup": "Ditutup",
        }[self.value]


@dataclass(frozen=True)
class DataRisiko:
    """What a user fills in for one risk (the form and the CLI pass this)."""

    tahun: int
    pernyataan: str
    level: int | None = None
    """0–5; taken from the node when omitted."""
    node_id: uuid.UUID | None = None
    pemilik_id: uuid.UUID | None = None
    pemilik_teks: str | None = None
    penyebab: str | None = None
    dampak: str | None = None
    pengendalian_ada: str | None = None
    rencana_tindak: str | None = None
    kemungkinan: int | None = None
    dampak_skala: int | None = None
    penanggung_jawab: str | None = None
    tenggat: date | None = None


@dataclass(frozen=True)
class StatusTriwulan:
    triwulan: int
    status: StatusPenanganan
    catatan: str | None


@dataclass(frozen=True)
class RingkasanRisiko:
    """One row of the register as the window, the CLI and the reports show it."""

    id: uuid.UUID
    versi: int
    tahun: int
    urutan: int
    level: int
    node_id: uuid.UUID | None
    node_kode: str | None
    node_uraian: str | None
    pemilik_id: uuid.UUID | None
    pemilik: str | None
    """The owner as printed: ``pemilik_teks`` if set, else the position's name."""
    pernyataan: str
    penyebab: str | None
    dampak: str | None
    pengendalian_ada: str | None
    rencana_tindak: str | None
    kemungkinan: int | None
    dampak_skala: int | None
    penanggung_jawab: str | None
    tenggat: date | None
    status: dict[int, StatusTriwulan] = field(default_factory=dict)

    @property
    def skor(self) -> int | None:
        if self.kemungkinan is None or self.dampak_skala is None:
            return None
        return self.kemungkinan * self.dampak_skala

    @property
    def level_risiko(self) -> LevelRisiko | None:
        return level_risiko(self.kemungkinan, self.dampak_skala)

    def status_terakhir(self) -> StatusTriwulan | None:
        return self.status[max(self.status)] if self.status else None


@dataclass(frozen=True)
class MatriksRisiko:
    """The likelihood × impact heat map of one year."""

    tahun: int
    sel: dict[tuple[int, int], tuple[uuid.UUID, ...]]
    """(kemungkinan, dampak) → ids of the risks in that cell, in register order."""
    belum_dinilai: tuple[uuid.UUID, ...]
    """Risks without a likelihood or impact yet (not in any cell)."""

    def jumlah(self, kemungkinan: int, dampak: int) -> int:
        return len(self.sel.get((kemungkinan, dampak), ()))

    @property
    def total(self) -> int:
        return sum(len(v) for v in self.sel.values())

    def per_level(self) -> dict[str, int]:
        """Number of risks per level label (Rendah … Sangat Tinggi)."""
        hasil = {lv.label: 0 for lv in SKALA_LEVEL_RISIKO}
        for (k, d), ids in self.sel.items():
            lv = level_risiko(k, d)
            if lv is not None:
                hasil[lv.label] += len(ids)
        return hasil


# --- validation --------------------------------------------------------------------------


def _skala(nilai: int | None, nama: str) -> None:
    if nilai is not None and nilai not in SKALA:
        raise InputTidakSah(f"{nama} harus 1–5, bukan {nilai}.", field=nama.lower())


def _teks(nilai: str | None) -> str | None:
    if nilai is None:
        return None
    bersih = nilai.strip()
    return bersih or None


def _periksa(sesi: Session, data: DataRisiko) -> tuple[int, NodeKinerja | None]:
    """Check a risk's fields; returns its level and node."""
    if not _teks(data.pernyataan):
        raise InputTidakSah("Pernyataan risiko wajib diisi.", field="pernyataan")
    if not 1900 <= data.tahun <= 2200:
        raise InputTidakSah(f"Tahun {data.tahun} tidak wajar.", field="tahun")
    _skala(data.kemungkinan, "Kemungkinan")
    _skala(data.dampak_skala, "Dampak")
    node = None
    if data.node_id is not None:
        node = sesi.get(NodeKinerja, data.node_id)
        if node is None:
            raise TidakDitemukan("Node pohon kinerja risiko ini tidak ada lagi.")
    if data.pemilik_id is not None and sesi.get(Jabatan, data.pemilik_id) is None:
        raise TidakDitemukan("Jabatan pemilik risiko tidak ada lagi.")
    level = data.level
    if level is None:
        level = node.level if node is not None else None
        if level is None:
            raise InputTidakSah(
                "Level risiko (0–5) wajib diisi bila risiko tidak terkait node level 0–5.",
                field="level",
            )
    if not 0 <= level <= 5:
        raise InputTidakSah(f"Level risiko harus 0–5, bukan {level}.", field="level")
    if node is not None and node.level is not None and node.level != level:
        raise InputTidakSah(
            f"Level risiko {level} tidak sama dengan level node “{node.uraian[:60]}” "
            f"({node.level}).",
            field="level",
        )
    return level, node


def _isi(r: Risiko, data: DataRisiko, level: int) -> None:
    r.tahun = data.tahun
    r.level = level
    r.node_id = data.node_id
    r.pemilik_id = data.pemilik_id
    r.pemilik_teks = _teks(data.pemilik_teks)
    r.pernyataan = _teks(data.pernyataan) or ""
    r.penyebab = _teks(data.penyebab)
    r.dampak = _teks(data.dampak)
    r.pengendalian_ada = _teks(data.pengendalian_ada)
    r.rencana_tindak = _teks(data.rencana_tindak)
    r.kemungkinan = data.kemungkinan
    r.dampak_skala = data.dampak_skala
    r.penanggung_jawab = _teks(data.penanggung_jawab)
    r.tenggat = data.tenggat


def ringkas(r: Risiko, status: Sequence[StatusRisiko] = ()) -> RingkasanRisiko:
    node = r.node
    return RingkasanRisiko(
        id=r.id,
        versi=r.versi,
        tahun=r.tahun,
        urutan=r.urutan,
        level=r.level,
        node_id=r.node_id,
        node_kode=node.kode if node else None,
        node_uraian=node.uraian if node else None,
        pemilik_id=r.pemilik_id,
        pemilik=r.pemilik_teks or (r.pemilik.nama if r.pemilik else None),
        pernyataan=r.pernyataan,
        penyebab=r.penyebab,
        dampak=r.dampak,
        pengendalian_ada=r.pengendalian_ada,
        rencana_tindak=r.rencana_tindak,
        kemungkinan=r.kemungkinan,
        dampak_skala=r.dampak_skala,
        penanggung_jawab=r.penanggung_jawab,
        tenggat=r.tenggat,
        status={
            s.triwulan: StatusTriwulan(s.triwulan, StatusPenanganan(s.status), s.catatan)
            for s in status
            if s.tahun == r.tahun
        },
    )


def _ambil(sesi: Session, risiko_id: uuid.UUID) -> Risiko:
    r = sesi.get(Risiko, risiko_id)
    if r is None:
        raise TidakDitemukan("Risiko itu tidak ada lagi (mungkin sudah dihapus).")
    return r


def _cek_versi(r: Risiko, versi: int | None) -> None:
    if versi is not None and versi != r.versi:
        oleh = r.diubah_oleh or "pengguna lain"
        raise KonflikVersi(
            f"Risiko “{r.pernyataan[:60]}” sudah diubah oleh {oleh}. "
            "Muat ulang lalu ulangi perubahan Anda."
        )


def _wajib_boleh(sesi: Session, pelaku: Pelaku, node: NodeKinerja | None) -> None:
    """Who edits the register: Perencana/Admin, or a Kabid for risks of nodes in scope."""
    wajib_ubah_rencana(sesi, pelaku, node)


# --- reading -----------------------------------------------------------------------------


def daftar_risiko(sesi: Session, opd_id: uuid.UUID, tahun: int) -> list[RingkasanRisiko]:
    """The register of a year in its order (level, then the order it was entered)."""
    baris = sesi.scalars(
        select(Risiko)
        .where(Risiko.opd_id == opd_id, Risiko.tahun == tahun)
        .options(selectinload(Risiko.node), selectinload(Risiko.pemilik))
        .order_by(Risiko.urutan, Risiko.level)
    ).all()
    status: dict[uuid.UUID, list[StatusRisiko]] = {}
    if baris:
        for s in sesi.scalars(
            select(StatusRisiko).where(StatusRisiko.risiko_id.in_([r.id for r in baris]))
        ):
            status.setdefault(s.risiko_id, []).append(s)
    return [ringkas(r, status.get(r.id, [])) for r in baris]


def hitung_matriks(tahun: int, risiko: Sequence[RingkasanRisiko]) -> MatriksRisiko:
    """Count the risks per likelihood × impact cell (pure)."""
    sel: dict[tuple[int, int], list[uuid.UUID]] = {}
    belum: list[uuid.UUID] = []
    for r in risiko:
        if r.kemungkinan is None or r.dampak_skala is None:
            belum.append(r.id)
        else:
            sel.setdefault((r.kemungkinan, r.dampak_skala), []).append(r.id)
    return MatriksRisiko(tahun, {k: tuple(v) for k, v in sel.items()}, tuple(belum))


class LayananRisiko:
    """The risk register for the window and the CLI: one transaction per action."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def daftar(self, tahun: int, *, opd: str | None = None) -> list[RingkasanRisiko]:
        with self.db.baca() as sesi:
            return daftar_risiko(sesi, pilih_opd(sesi, opd).id, tahun)

    def ambil(self, risiko_id: uuid.UUID) -> RingkasanRisiko:
        with self.db.baca() as sesi:
            r = _ambil(sesi, risiko_id)
            status = sesi.scalars(select(StatusRisiko).where(StatusRisiko.risiko_id == r.id)).all()
            return ringkas(r, status)

    def tahun_tersedia(self, *, opd: str | None = None) -> list[int]:
        """Years that have a register (for the year selector of the page)."""
        with self.db.baca() as sesi:
            o = pilih_opd(sesi, opd)
            return list(
                sesi.scalars(
                    select(Risiko.tahun)
                    .where(Risiko.opd_id == o.id)
                    .distinct()
                    .order_by(Risiko.tahun)
                )
            )

    def matriks(self, tahun: int, *, opd: str | None = None) -> MatriksRisiko:
        return hitung_matriks(tahun, self.daftar(tahun, opd=opd))

    def di_sel(
        self, tahun: int, kemungkinan: int, dampak: int, *, opd: str | None = None
    ) -> list[RingkasanRisiko]:
        """The risks of one cell of the matrix, in register order."""
        _skala(kemungkinan, "Kemungkinan")
        _skala(dampak, "Dampak")
        return [
            r
            for r in self.daftar(tahun, opd=opd)
            if r.kemungkinan == kemungkinan and r.dampak_skala == dampak
        ]

    # --- writing -------------------------------------------------------------------------

    def tambah(
        self, pelaku: Pelaku, data: DataRisiko, *, opd: str | None = None
    ) -> RingkasanRisiko:
        """Add a risk at the end of the year's register."""
        with self.db.transaksi(pelaku, alasan="Tambah risiko") as sesi:
            o = pilih_opd(sesi, opd)
            level, node = _periksa(sesi, data)
            _wajib_boleh(sesi, pelaku, node)
            akhir = sesi.scalar(
                select(func.max(Risiko.urutan)).where(
                    Risiko.opd_id == o.id, Risiko.tahun == data.tahun
                )
            )
            r = Risiko(opd_id=o.id, urutan=(akhir + 1) if akhir is not None else 0)
            _isi(r, data, level)
            sesi.add(r)
            sesi.flush()
            sesi.refresh(r)
            return ringkas(r)

    def ubah(
        self, pelaku: Pelaku, risiko_id: uuid.UUID, data: DataRisiko, *, versi: int | None = None
    ) -> RingkasanRisiko:
        """Save a changed risk; ``versi`` is the version the user started editing from."""
        with self.db.transaksi(pelaku, alasan="Ubah risiko") as sesi:
            r = _ambil(sesi, risiko_id)
            _cek_versi(r, versi)
            _wajib_boleh(sesi, pelaku, r.node)
            level, node = _periksa(sesi, data)
            _wajib_boleh(sesi, pelaku, node)
            _isi(r, data, level)
            sesi.flush()
            sesi.refresh(r)
            status = sesi.scalars(select(StatusRisiko).where(StatusRisiko.risiko_id == r.id)).all()
            return ringkas(r, status)

    def hapus(self, pelaku: Pelaku, risiko_id: uuid.UUID, *, versi: int | None = None) -> None:
        """Delete a risk with its quarterly statuses."""
        with self.db.transaksi(pelaku, alasan="Hapus risiko") as sesi:
            r = _ambil(sesi, risiko_id)
            _cek_versi(r, versi)
            _wajib_boleh(sesi, pelaku, r.node)
            for s in sesi.scalars(select(StatusRisiko).where(StatusRisiko.risiko_id == r.id)):
                sesi.delete(s)
            sesi.delete(r)

    def atur_status(
        self,
        pelaku: Pelaku,
        risiko_id: uuid.UUID,
        triwulan: int,
        status: StatusPenanganan | str,
        catatan: str | None = None,
    ) -> RingkasanRisiko:
        """Set (or replace) the handling status of a risk at the end of a quarter."""
        if triwulan not in range(1, 5):
            raise InputTidakSah(f"Triwulan harus 1–4, bukan {triwulan}.", field="triwulan")
        try:
            nilai = StatusPenanganan(status)
        except ValueError:
            sah = ", ".join(s.value for s in StatusPenanganan)
            raise InputTidakSah(
                f"Status penanganan {status!r} tidak dikenal (pilih: {sah}).", field="status"
            ) from None
        with self.db.transaksi(pelaku, alasan=f"Status risiko triwulan {triwulan}") as sesi:
            r = _ambil(sesi, risiko_id)
            _wajib_boleh(sesi, pelaku, r.node)
            ada = sesi.scalar(
                select(StatusRisiko).where(
                    StatusRisiko.risiko_id == r.id,
                    StatusRisiko.tahun == r.tahun,
                    StatusRisiko.triwulan == triwulan,
                )
            )
            if ada is None:
                ada = StatusRisiko(risiko_id=r.id, tahun=r.tahun, triwulan=triwulan)
                sesi.add(ada)
            ada.status = nilai.value
            ada.catatan = _teks(catatan)
            sesi.flush()
            semua = sesi.scalars(select(StatusRisiko).where(StatusRisiko.risiko_id == r.id)).all()
            return ringkas(r, semua)

    def pindah(self, pelaku: Pelaku, risiko_id: uuid.UUID, arah: int) -> None:
        """Move a risk one place up (−1) or down (+1) in its year's register."""
        with self.db.transaksi(pelaku, alasan="Urutkan risiko") as sesi:
            r = _ambil(sesi, risiko_id)
            _wajib_boleh(sesi, pelaku, r.node)
            semua = list(
                sesi.scalars(
                    select(Risiko)
                    .where(Risiko.opd_id == r.opd_id, Risiko.tahun == r.tahun)
                    .order_by(Risiko.urutan, Risiko.level)
                )
            )
            i = semua.index(r)
            j = i + (1 if arah > 0 else -1)
            if not 0 <= j < len(semua):
                return
            semua[i], semua[j] = semua[j], semua[i]
            for n, x in enumerate(semua):
                if x.urutan != n:
                    x.urutan = n
