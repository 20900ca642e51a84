"""The LKjIP's narrative blocks: which ones there are, reading them and saving them.

Tables and charts come from the data; the paragraphs a Kepala Dinas signs for (the
foreword, the executive summary, the causes of success or failure and the solutions per
sasaran, the closing) are written in the program, saved per agency and year under a stable
key, and placed in the report where the key says (PermenPANRB 53/2014, Lampiran II).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain import JenisNode, Peran
from ..errors import InputTidakSah
from ..model import NarasiLkjip, NodeKinerja, Opd
from .konteks import renstra_untuk
from .otorisasi import PERAN_PENUH, wajib_peran
from .pelaku import Pelaku

PERAN_LKJIP = PERAN_PENUH | {Peran.KEPALA_DINAS}
"""Who writes the LKjIP narrative: the planners and the Kepala Dinas."""


@dataclass(frozen=True)
class JenisBagian:
    kunci: str
    bab: str
    judul: str
    petunjuk: str


BAGIAN_TETAP: tuple[JenisBagian, ...] = (
    JenisBagian(
        "kata_pengantar",
        "KATA PENGANTAR",
        "Kata Pengantar",
        "Pengantar Kepala Dinas: maksud laporan dan ucapan terima kasih.",
    ),
    JenisBagian(
        "ikhtisar",
        "IKHTISAR EKSEKUTIF",
        "Ikhtisar Eksekutif",
        "Ringkasan tujuan dan sasaran, capaian utama, masalah dan langkah ke depan.",
    ),
    JenisBagian(
        "bab1.latar_belakang",
        "BAB I PENDAHULUAN",
        "A. Latar Belakang",
        "Dasar hukum dan maksud penyusunan LKjIP.",
    ),
    JenisBagian(
        "bab1.tugas_fungsi",
        "BAB I PENDAHULUAN",
        "B. Tugas Pokok dan Fungsi",
        "Tugas pokok dan fungsi dinas menurut peraturan bupati.",
    ),
    JenisBagian(
        "bab1.struktur",
        "BAB I PENDAHULUAN",
        "C. Struktur Organisasi dan Sumber Daya Manusia",
        "Keterangan tambahan tentang pegawai (jumlah, pendidikan); susunan unit dicetak otomatis.",
    ),
    JenisBagian(
        "bab1.isu_strategis",
        "BAB I PENDAHULUAN",
        "D. Isu Strategis",
        "Permasalahan utama (strategic issues) yang dihadapi dinas.",
    ),
    JenisBagian(
        "bab2.pengantar",
        "BAB II PERENCANAAN KINERJA",
        "Pengantar Perencanaan Kinerja",
        "Penjelasan Renstra, IKU dan Perjanjian Kinerja tahun ini (tabel dicetak otomatis).",
    ),
    JenisBagian(
        "bab3.pengantar",
        "BAB III AKUNTABILITAS KINERJA",
        "A. Capaian Kinerja Organisasi — pengantar",
        "Cara pengukuran dan ringkasan capaian sebelum uraian per sasaran.",
    ),
    JenisBagian(
        "bab3.anggaran",
        "BAB III AKUNTABILITAS KINERJA",
        "B. Realisasi Anggaran — analisis efisiensi",
        "Analisis serapan anggaran dan efisiensi penggunaan sumber daya.",
    ),
    JenisBagian(
        "bab4.penutup",
        "BAB IV PENUTUP",
        "Penutup",
        "Simpulan capaian, kendala umum dan langkah perbaikan tahun berikutnya.",
    ),
)

BAGIAN_SASARAN: tuple[tuple[str, str, str], ...] = (
    (
        "analisis",
        "Analisis capaian",
        "Perbandingan dengan tahun lalu, target akhir Renstra, "
        "dan angka nasional/provinsi bila ada.",
    ),
    ("sebab", "Penyebab keberhasilan/kegagalan", "Apa yang mendorong atau menghambat capaian."),
    ("solusi", "Solusi dan upaya", "Langkah yang diambil dan program pendukung."),
)
"""The three blocks written for every sasaran (``bab3.sasaran.<node id>.<sub>``)."""


@dataclass(frozen=True)
class BagianNarasi:
    """One block as the editor lists it."""

    kunci: str
    bab: str
    judul: str
    petunjuk: str
    isi: str
    node_id: uuid.UUID | None = None


def kunci_sasaran(node_id: uuid.UUID, sub: str) -> str:
    return f"bab3.sasaran.{node_id}.{sub}"


def sasaran_rencana(sesi: Session, opd: Opd, tahun: int) -> list[NodeKinerja]:
    """The plan's level-2 sasaran in tree order (the BAB III sections)."""
    renstra = renstra_untuk(sesi, opd, tahun)
    from .pohon import muat_pohon, telusuri

    return [
        s.node
        for s in telusuri(muat_pohon(sesi, renstra))
        if s.node.jenis is JenisNode.SASARAN and s.node.renstra_id == renstra.id
    ]


def baca_narasi(sesi: Session, opd_id: uuid.UUID, tahun: int) -> dict[str, str]:
    """Every saved block of the year, by key."""
    return {
        n.bagian: n.isi
        for n in sesi.scalars(
            select(NarasiLkjip).where(NarasiLkjip.opd_id == opd_id, NarasiLkjip.tahun == tahun)
        )
    }


def daftar_bagian(sesi: Session, opd: Opd, tahun: int) -> list[BagianNarasi]:
    """The blocks of the year's LKjIP in report order, with what was saved."""
    isi = baca_narasi(sesi, opd.id, tahun)
    hasil = []
    sasaran = sasaran_rencana(sesi, opd, tahun)
    for b in BAGIAN_TETAP:
        if b.kunci == "bab3.anggaran":
            for i, node in enumerate(sasaran, start=1):
                for sub, judul, petunjuk in BAGIAN_SASARAN:
                    k = kunci_sasaran(node.id, sub)
                    hasil.append(
                        BagianNarasi(
                            k,
                            b.bab,
                            f"Sasaran {i}: {node.uraian} — {judul}",
                            petunjuk,
                            isi.get(k, ""),
                            node.id,
                        )
                    )
        hasil.append(BagianNarasi(b.kunci, b.bab, b.judul, b.petunjuk, isi.get(b.kunci, "")))
    return hasil


def simpan_narasi(
    sesi: Session, pelaku: Pelaku, opd_id: uuid.UUID, tahun: int, isian: Mapping[str, str]
) -> int:
    """Save changed blocks (an empty block is removed); returns how many changed.

    Unknown keys are refused whole, so a typo never saves half of an edit.
    """
    wajib_peran(pelaku, PERAN_LKJIP, "menyusun narasi LKjIP")
    opd = sesi.get(Opd, opd_id)
    if opd is None:
        raise InputTidakSah("OPD tidak ditemukan.", field="opd")
    sah = {b.kunci for b in daftar_bagian(sesi, opd, tahun)}
    asing = [k for k in isian if k not in sah]
    if asing:
        raise InputTidakSah(
            f"Bagian narasi LKjIP tidak dikenal: {', '.join(sorted(asing))}.", field="bagian"
        )
    ada = {
        n.bagian: n
        for n in sesi.scalars(
            select(NarasiLkjip).where(NarasiLkjip.opd_id == opd_id, NarasiLkjip.tahun == tahun)
        )
    }
    berubah = 0
    for kunci, teks in isian.items():
        teks = (teks or "").strip()
        lama = ada.get(kunci)
        if not teks:
            if lama is not None:
                sesi.delete(lama)
                berubah += 1
            continue
        if lama is None:
            sesi.add(NarasiLkjip(opd_id=opd_id, tahun=tahun, bagian=kunci, isi=teks))
            berubah += 1
        elif lama.isi != teks:
            lama.isi = teks
            lama.diubah_oleh = pelaku.username
            berubah += 1
    return berubah


def jumlah_terisi(sesi: Session, opd_id: uuid.UUID, tahun: int) -> tuple[int, int]:
    """(filled, all) of the fixed blocks — how far the LKjIP draft is written."""
    isi = baca_narasi(sesi, opd_id, tahun)
    tetap = [b.kunci for b in BAGIAN_TETAP]
    return sum(1 for k in tetap if isi.get(k, "").strip()), len(tetap)
