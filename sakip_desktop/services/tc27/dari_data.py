"""The Renstra part of a ``sakip-data/1`` file as a `RencanaImpor`, so a data file can be
compared with (and applied to) an agency that already exists, like a T-C.27 sheet.

Only the plan is taken this way: the tree, indicators, yearly targets of every document and
the pagu. The other sections (organisation, realizations, risks…) are loaded only into a new
agency (`muat_data`); for an existing one the preview says they were not applied.
"""

from __future__ import annotations

from typing import Any

from ...domain import Agregasi, DokumenAnggaran, DokumenTarget, JenisIndikator, JenisNode, Polaritas
from ..baca_data import Simpul, angka
from .rencana import (
    TINGKAT,
    IndikatorImpor,
    JenisMasalah,
    Masalah,
    NilaiImpor,
    NodeImpor,
    RencanaImpor,
)

BAGIAN_LAIN = ("unit", "pegawai", "jabatan", "risiko", "proses_bisnis", "sop")


def _nilai(s: Simpul) -> NilaiImpor:
    if isinstance(s.isi, dict):
        return NilaiImpor(nilai=s.angka("min", wajib=True), nilai_maks=s.angka("maks", wajib=True))
    if isinstance(s.isi, str) and not any(ch.isdigit() for ch in s.isi):
        return NilaiImpor(teks=s.isi.strip())
    if s.isi is None:
        return NilaiImpor()
    return NilaiImpor(nilai=angka(s.isi, s.galat))


def _indikator(s: Simpul) -> IndikatorImpor:
    ind = IndikatorImpor(
        nama=s.teks_wajib("nama"),
        kode=s.teks("kode"),
        satuan=s.teks("satuan"),
        baseline=s.angka("baseline"),
        baseline_tahun=s.bulat("baseline_tahun"),
        jenis=s.pilihan("jenis", JenisIndikator, JenisIndikator.NILAI),
        polaritas=s.pilihan("polaritas", Polaritas, Polaritas.POSITIF),
        agregasi=s.pilihan("agregasi", Agregasi, Agregasi.NILAI_AKHIR),
    )
    for dok, per_tahun in s.anak("target").pasangan():
        try:
            dokumen = DokumenTarget(str(dok))
        except ValueError:
            raise per_tahun.galat(f"dokumen {dok!r} tidak dikenal") from None
        for tahun, v in per_tahun.pasangan():
            ind.target[(dokumen, int(tahun))] = _nilai(v)
    return ind


def _node(s: Simpul, induk: NodeImpor | None) -> NodeImpor | None:
    jenis = s.pilihan("jenis", JenisNode)
    if jenis not in TINGKAT:
        return None
    node = NodeImpor(jenis=jenis, uraian=s.teks_wajib("uraian"), kode=s.teks("kode"), induk=induk)
    node.indikator = [_indikator(i) for i in s.anak("indikator").daftar()]
    for tahun, v in s.anak("anggaran").pasangan():
        if isinstance(v.isi, dict):
            per_dok = {str(k): x for k, x in v.pasangan()}
            for dok in ("dpa", "rka", "renja"):
                if dok in per_dok:
                    node.pagu[int(tahun)] = angka(per_dok[dok].isi, per_dok[dok].galat)
                    node.dokumen_pagu = DokumenAnggaran(dok)
                    break
        else:
            node.pagu[int(tahun)] = angka(v.isi, v.galat)
            node.dokumen_pagu = DokumenAnggaran.DPA
    for a in s.anak("anak").daftar():
        anak = _node(a, node)
        if anak is not None:
            node.anak.append(anak)
    return node


KUNCI_LAIN = frozenset(
    {
        "realisasi",
        "target_triwulan",
        "tindak_lanjut",
        "tautan",
        "rencana_aksi",
        "realisasi_anggaran",
        "revisi_anggaran",
    }
)


def _ada_kunci(isi: Any, kunci: frozenset[str]) -> bool:
    """Whether any mapping inside ``isi`` uses one of ``kunci``."""
    if isinstance(isi, dict):
        return any(k in kunci or _ada_kunci(v, kunci) for k, v in isi.items())
    if isinstance(isi, list):
        return any(_ada_kunci(v, kunci) for v in isi)
    return False


def rencana_dari_data(data: Any, nama_berkas: str) -> RencanaImpor:
    """The plan of a data file (the caller has checked ``format``)."""
    akar = Simpul(data, "berkas")
    renstra = akar.anak("opd").anak("renstra")
    periode = renstra.mentah("periode")
    if not isinstance(periode, list) or len(periode) != 2:
        raise renstra.galat("harus [tahun_awal, tahun_akhir]", "periode")
    rencana = RencanaImpor(nama_berkas, int(periode[0]), int(periode[1]))
    for n in renstra.anak("pohon").daftar():
        node = _node(n, None)
        if node is not None:
            rencana.akar.append(node)
    opd = akar.anak("opd")
    for bagian in (*BAGIAN_LAIN, "realisasi"):
        if opd.ada(bagian) or (bagian == "realisasi" and _ada_kunci(renstra.isi, KUNCI_LAIN)):
            pesan = (
                f"bagian opd.{bagian} tidak diterapkan ke OPD yang sudah ada"
                if bagian != "realisasi"
                else "realisasi, target triwulan, tautan dan rencana aksi tidak diterapkan ke OPD "
                "yang sudah ada"
            )
            rencana.masalah.append(Masalah(JenisMasalah.DIABAIKAN, pesan, nama_berkas, berat=False))
    return rencana
