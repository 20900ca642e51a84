"""Rencana Aksi: the actions planned per sasaran and quarter, and their realization.

The plan fields (uraian, target, satuan, indicator, quarter) are part of the plan: they
follow the rules of targets (otorisasi.wajib_ubah_rencana, and the year's target lock).
The realization of an action is measurement: it follows the rules of realization entry
(the roles that enter realizations, in scope, and the quarter lock).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain import JenisNode, Polaritas
from ..errors import AksesDitolak, InputTidakSah, KonflikVersi, TidakDitemukan
from ..kalkulasi import hitung_capaian
from ..model import Indikator, NodeKinerja, Opd, RencanaAksi, Renstra
from ..storage import Database
from . import kunci, otorisasi
from .indikator import (
    BATAS_PERSEN,
    DESIMAL_MAKS,
    periode_node,
    satuan_cacah,
    satuan_persen,
    teks_nilai,
    transaksi,
)
from .konteks import pilih_opd, renstra_untuk
from .pelaku import Pelaku
from .pohon import muat_pohon, telusuri


@dataclass
class DataRencanaAksi:
    """What the action form edits (the plan side)."""

    tahun: int
    triwulan: int
    uraian: str
    indikator_id: uuid.UUID | None = None
    target: Decimal | None = None
    satuan: str | None = None
    urutan: int | None = None


def _ambil(sesi: Session, aksi_id: uuid.UUID) -> RencanaAksi:
    aksi = sesi.get(RencanaAksi, aksi_id)
    if aksi is None:
        raise TidakDitemukan("Rencana aksi tidak ditemukan (mungkin sudah dihapus).")
    return aksi


def _node(sesi: Session, node_id: uuid.UUID) -> NodeKinerja:
    node = sesi.get(NodeKinerja, node_id)
    if node is None:
        raise TidakDitemukan("Sasaran (node pohon kinerja) tidak ditemukan.")
    if node.renstra_id is None:
        raise InputTidakSah(
            "Rencana aksi disusun untuk sasaran OPD, bukan untuk node RPJMD.", field="node"
        )
    return node


def _opd_node(sesi: Session, node: NodeKinerja) -> uuid.UUID:
    renstra = sesi.get(Renstra, node.renstra_id)
    assert renstra is not None
    return renstra.opd_id


def _periksa_angka(nilai: Decimal | None, satuan: str | None, field: str, apa: str) -> None:
    """An action's target or realization: not negative, whole for counts, sane percent."""
    if nilai is None:
        return
    if not nilai.is_finite() or abs(nilai) >= Decimal(10) ** 15:
        raise InputTidakSah(f"{apa}: {nilai} bukan angka yang wajar.", field=field)
    if nilai.as_tuple().exponent < -DESIMAL_MAKS:  # type: ignore[operator]
        raise InputTidakSah(
            f"{apa}: lebih dari {DESIMAL_MAKS} angka di belakang koma.", field=field
        )
    if nilai < 0:
        raise InputTidakSah(
            f"{apa}: tidak boleh negatif ({teks_nilai(nilai, satuan)}).", field=field
        )
    if satuan_persen(satuan) and nilai > BATAS_PERSEN:
        raise InputTidakSah(
            f"{apa}: {teks_nilai(nilai, satuan)} di luar batas wajar persentase.", field=field
        )
    if satuan_cacah(satuan) and nilai != nilai.to_integral_value():
        raise InputTidakSah(
            f"{apa}: {teks_nilai(nilai, satuan)} bukan bilangan bulat.", field=field
        )


def _sahkan(sesi: Session, node: NodeKinerja, data: DataRencanaAksi) -> dict[str, object]:
    uraian = (data.uraian or "").strip()
    if not uraian:
        raise InputTidakSah("Uraian rencana aksi wajib diisi.", field="uraian")
    if not 1 <= data.triwulan <= 4:
        raise InputTidakSah(f"Triwulan harus 1–4, bukan {data.triwulan}.", field="triwulan")
    p = periode_node(sesi, node)
    if not p.tahun_awal <= data.tahun <= p.tahun_akhir:
        raise InputTidakSah(f"Tahun {data.tahun} di luar periode {p.label}.", field="tahun")
    satuan = (data.satuan or "").strip() or None
    if satuan is not None and len(satuan) > 40:
        raise InputTidakSah("Satuan paling banyak 40 karakter.", field="satuan")
    _periksa_angka(data.target, satuan, "target", "Target rencana aksi")
    if data.indikator_id is not None:
        ind = sesi.get(Indikator, data.indikator_id)
        if ind is None or ind.node_id != node.id:
            raise InputTidakSah(
                "Indikator rencana aksi harus salah satu indikator sasaran ini.",
                field="indikator",
            )
    return {
        "tahun": data.tahun,
        "triwulan": data.triwulan,
        "uraian": uraian,
        "indikator_id": data.indikator_id,
        "target": data.target,
        "satuan": satuan,
    }


def tambah_rencana_aksi(
    sesi: Session, pelaku: Pelaku, node_id: uuid.UUID, data: DataRencanaAksi
) -> uuid.UUID:
    """Plan a new action under a sasaran (or program/kegiatan) for a year and quarter."""
    node = _node(sesi, node_id)
    otorisasi.wajib_ubah_rencana(sesi, pelaku, node)
    isi = _sahkan(sesi, node, data)
    kunci.wajib_target_terbuka(sesi, _opd_node(sesi, node), data.tahun)
    urutan = data.urutan
    if urutan is None:
        terakhir = sesi.scalar(
            select(func.max(RencanaAksi.urutan)).where(
                RencanaAksi.node_id == node.id,
                RencanaAksi.tahun == data.tahun,
                RencanaAksi.triwulan == data.triwulan,
            )
        )
        urutan = 0 if terakhir is None else terakhir + 1
    aksi = RencanaAksi(node_id=node.id, urutan=urutan, **isi)
    sesi.add(aksi)
    sesi.flush()
    return aksi.id


def ubah_rencana_aksi(
    sesi: Session,
    pelaku: Pelaku,
    aksi_id: uuid.UUID,
    data: DataRencanaAksi,
    *,
    versi: int | None = None,
) -> bool:
    """Change an action's plan fields; True when something changed."""
    aksi = _ambil(sesi, aksi_id)
    node = _node(sesi, aksi.node_id)
    otorisasi.wajib_ubah_rencana(sesi, pelaku, node)
    if versi is not None and versi != aksi.versi:
        raise KonflikVersi(
            f"Rencana aksi ini sudah diubah oleh {aksi.diubah_oleh or 'pengguna lain'}. "
            "Muat ulang lalu ulangi perubahan Anda."
        )
    isi = _sahkan(sesi, node, data)
    if data.urutan is not None:
        isi["urutan"] = data.urutan
    satuan_baru = isi["satuan"]
    assert satuan_baru is None or isinstance(satuan_baru, str)
    _periksa_angka(aksi.realisasi, satuan_baru, "satuan", "Realisasi yang sudah diisi")
    berubah = {k: v for k, v in isi.items() if getattr(aksi, k) != v}
    if not berubah:
        return False
    for tahun in {aksi.tahun, data.tahun}:
        kunci.wajib_target_terbuka(sesi, _opd_node(sesi, node), tahun)
    for k, v in berubah.items():
        setattr(aksi, k, v)
    return True


def hapus_rencana_aksi(sesi: Session, pelaku: Pelaku, aksi_id: uuid.UUID) -> None:
    aksi = _ambil(sesi, aksi_id)
    node = _node(sesi, aksi.node_id)
    otorisasi.wajib_ubah_rencana(sesi, pelaku, node)
    kunci.wajib_target_terbuka(sesi, _opd_node(sesi, node), aksi.tahun)
    if aksi.realisasi is not None:
        kunci.wajib_triwulan_terbuka(sesi, _opd_node(sesi, node), aksi.tahun, aksi.triwulan)
    sesi.delete(aksi)


def _wajib_isi_realisasi_aksi(sesi: Session, pelaku: Pelaku, aksi: RencanaAksi) -> None:
    """The realization-entry rule, for an action (with or without an indicator)."""
    if aksi.indikator_id is not None:
        ind = sesi.get(Indikator, aksi.indikator_id)
        if ind is not None:
            otorisasi.wajib_isi_realisasi(sesi, pelaku, ind)
            return
    if pelaku.peran in otorisasi.PERAN_ISI_REALISASI:
        cakupan = otorisasi.unit_cakupan(sesi, pelaku)
        if cakupan is None or otorisasi.unit_node(sesi, aksi.node) in cakupan:
            return
    raise AksesDitolak(
        f"Akses ditolak: {pelaku.label} ({otorisasi.LABEL_PERAN[pelaku.peran]}) tidak "
        f"berwenang mengisi realisasi rencana aksi {aksi.node.uraian[:60]}."
    )


def simpan_realisasi_aksi(
    sesi: Session,
    pelaku: Pelaku,
    aksi_id: uuid.UUID,
    realisasi: Decimal | None,
    *,
    catatan: str | None = None,
) -> bool:
    """Enter what an action achieved (None empties it); True when something changed."""
    aksi = _ambil(sesi, aksi_id)
    _wajib_isi_realisasi_aksi(sesi, pelaku, aksi)
    _periksa_angka(realisasi, aksi.satuan, "realisasi", f"Realisasi aksi {aksi.uraian[:40]}")
    catatan = (catatan or "").strip() or None
    if aksi.realisasi == realisasi and aksi.catatan == catatan:
        return False
    kunci.wajib_triwulan_terbuka(
        sesi, _opd_node(sesi, _node(sesi, aksi.node_id)), aksi.tahun, aksi.triwulan
    )
    aksi.realisasi = realisasi
    aksi.catatan = catatan
    return True


# --- reading ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class BarisAksi:
    id: uuid.UUID
    urutan: int
    uraian: str
    indikator_id: uuid.UUID | None
    indikator_kode: str | None
    target: Decimal | None
    satuan: str | None
    realisasi: Decimal | None
    capaian: Decimal | None
    """realisasi / target × 100 (None without either), from the capaian engine."""
    catatan: str | None
    versi: int


@dataclass(frozen=True)
class KelompokAksi:
    """One sasaran's actions of a year, per quarter (1–4; absent quarters are empty)."""

    node_id: uuid.UUID
    kode: str | None
    jenis: JenisNode
    uraian: str
    indikator: tuple[tuple[str, str], ...]
    """(kode, nama) of the node's indicators, as the Rencana Aksi page heads them."""
    per_triwulan: dict[int, tuple[BarisAksi, ...]]

    def aksi(self, triwulan: int) -> tuple[BarisAksi, ...]:
        return self.per_triwulan.get(triwulan, ())


def daftar_rencana_aksi(
    sesi: Session, opd: Opd, tahun: int, *, triwulan: int | None = None
) -> list[KelompokAksi]:
    """The year's actions grouped per sasaran (tree order) and quarter."""
    if triwulan is not None and not 1 <= triwulan <= 4:
        raise InputTidakSah(f"Triwulan harus 1–4, bukan {triwulan}.", field="triwulan")
    renstra = renstra_untuk(sesi, opd, tahun)
    simpul = [s for s in telusuri(muat_pohon(sesi, renstra)) if s.node.renstra_id == renstra.id]
    syarat = [
        RencanaAksi.tahun == tahun,
        RencanaAksi.node_id.in_([s.node.id for s in simpul]),
    ]
    if triwulan is not None:
        syarat.append(RencanaAksi.triwulan == triwulan)
    per_node: dict[uuid.UUID, dict[int, list[RencanaAksi]]] = defaultdict(lambda: defaultdict(list))
    for a in sesi.scalars(select(RencanaAksi).where(*syarat)):
        per_node[a.node_id][a.triwulan].append(a)
    kode_ind = {i.id: i.kode for s in simpul for i in s.node.indikator}
    hasil = []
    for s in simpul:
        if s.node.id not in per_node:
            continue
        per_tw = {
            tw: tuple(
                BarisAksi(
                    id=a.id,
                    urutan=a.urutan,
                    uraian=a.uraian,
                    indikator_id=a.indikator_id,
                    indikator_kode=kode_ind.get(a.indikator_id) if a.indikator_id else None,
                    target=a.target,
                    satuan=a.satuan,
                    realisasi=a.realisasi,
                    capaian=hitung_capaian(a.realisasi, a.target, Polaritas.POSITIF),
                    catatan=a.catatan,
                    versi=a.versi,
                )
                for a in sorted(daftar, key=lambda a: (a.urutan, a.dibuat_pada, a.uraian))
            )
            for tw, daftar in sorted(per_node[s.node.id].items())
        }
        hasil.append(
            KelompokAksi(
                node_id=s.node.id,
                kode=s.node.kode,
                jenis=s.node.jenis,
                uraian=s.node.uraian,
                indikator=tuple((i.kode, i.nama) for i in s.node.indikator),
                per_triwulan=per_tw,
            )
        )
    return hasil


class LayananRencanaAksi:
    """Rencana Aksi for the window: one transaction per action."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def tambah(self, pelaku: Pelaku, node_id: uuid.UUID, data: DataRencanaAksi) -> uuid.UUID:
        with transaksi(self.db, pelaku) as sesi:
            return tambah_rencana_aksi(sesi, pelaku, node_id, data)

    def ubah(
        self,
        pelaku: Pelaku,
        aksi_id: uuid.UUID,
        data: DataRencanaAksi,
        *,
        versi: int | None = None,
        alasan: str | None = None,
    ) -> bool:
        with transaksi(self.db, pelaku, alasan) as sesi:
            return ubah_rencana_aksi(sesi, pelaku, aksi_id, data, versi=versi)

    def hapus(self, pelaku: Pelaku, aksi_id: uuid.UUID, *, alasan: str | None = None) -> None:
        with transaksi(self.db, pelaku, alasan) as sesi:
            hapus_rencana_aksi(sesi, pelaku, aksi_id)

    def simpan_realisasi(
        self,
        pelaku: Pelaku,
        aksi_id: uuid.UUID,
        realisasi: Decimal | None,
        *,
        catatan: str | None = None,
    ) -> bool:
        with transaksi(self.db, pelaku) as sesi:
            return simpan_realisasi_aksi(sesi, pelaku, aksi_id, realisasi, catatan=catatan)

    def daftar(
        self, tahun: int, *, triwulan: int | None = None, opd: str | None = None
    ) -> list[KelompokAksi]:
        with self.db.baca() as sesi:
            return daftar_rencana_aksi(sesi, pilih_opd(sesi, opd), tahun, triwulan=triwulan)
