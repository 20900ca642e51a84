"""Reading the rows of a T-C.27 sheet into a tree of tujuan, sasaran, program, kegiatan and
sub kegiatan, with every problem noted at its sheet, row and column.

Rules (docs/format-tc27.md):
* A text in the Tujuan or Sasaran column starts a tujuan or sasaran (the same text repeated
  on the next rows, or a merged cell, continues it).
* A code starts a program (``2.07.03``), a kegiatan (``2.07.03.2.01``) or a sub kegiatan
  (``2.07.03.2.01.0001`` or ``….01``); its parent is found from the code, a program's from
  the row order (the sasaran above it).
* The indicator on a row belongs to the deepest node that row starts; a row that starts no
  node adds another indicator to the node above (several indicators on consecutive rows).
"""

from __future__ import annotations

import re

from ...domain import DokumenTarget, JenisIndikator, JenisNode
from .kolom import PemetaanKolom, PeranKolom
from .lembar import Lembar, Sel, huruf_kolom
from .nilai import NilaiSel, NilaiSelTidakSah, kosong, urai_target, urai_uang
from .rencana import (
    IndikatorImpor,
    JenisMasalah,
    Masalah,
    NilaiImpor,
    NodeImpor,
    RencanaImpor,
    kunci_teks,
    rapikan,
)

_BAGIAN_KODE = (
    re.compile(r"\d{1,2}|X{1,2}", re.IGNORECASE),
    re.compile(r"\d{2}|X{2}", re.IGNORECASE),
    re.compile(r"\d{2}"),
    re.compile(r"\d"),
    re.compile(r"\d{2}"),
    re.compile(r"\d{2}|\d{4}"),
)
_JENIS_KODE = {3: JenisNode.PROGRAM, 5: JenisNode.KEGIATAN, 6: JenisNode.SUB_KEGIATAN}


def rapikan_kode(teks: str) -> str:
    """ "2.07.03.2.01. " → "2.07.03.2.01" (spaces and a trailing dot are typing noise)."""
    return re.sub(r"\s+", "", str(teks)).strip(".")


def jenis_dari_kode(kode: str) -> JenisNode | None:
    """Program, kegiatan or sub kegiatan from a Permendagri 90/2019 code; None otherwise."""
    bagian = kode.split(".")
    jenis = _JENIS_KODE.get(len(bagian))
    if jenis is None:
        return None
    if all(pola.fullmatch(b) for pola, b in zip(_BAGIAN_KODE, bagian, strict=False)):
        return jenis
    return None


def kode_induk(kode: str) -> str | None:
    bagian = kode.split(".")
    return {5: ".".join(bagian[:3]), 6: ".".join(bagian[:5])}.get(len(bagian))


class _Pembaca:
    def __init__(self, lembar: Lembar, pemetaan: PemetaanKolom, periode: tuple[int, int]) -> None:
        self.lembar = lembar
        self.p = pemetaan
        self.awal, self.akhir = periode
        self.rencana = RencanaImpor(lembar.nama, self.awal, self.akhir)
        self.tujuan: NodeImpor | None = None
        self.sasaran: NodeImpor | None = None
        self.kini: NodeImpor | None = None
        self.baris_kini = 0
        self.per_kode: dict[str, NodeImpor] = {}
        self.tahun_sah: dict[int, int] = {}

    def masalah(
        self, jenis: JenisMasalah, pesan: str, r: int | None, c: int | None, berat: bool = True
    ) -> None:
        self.rencana.masalah.append(
            Masalah(jenis, pesan, self.lembar.nama, r, huruf_kolom(c) if c else None, berat)
        )

    def teks(self, r: int, peran: PeranKolom) -> tuple[str | None, int | None]:
        for c in self.p.kolom_peran(peran):
            sel = self.lembar.sel(r, c)
            if not kosong(sel):
                return rapikan(sel.nilai), c
        return None, None

    # --- the header's years -------------------------------------------------------------------
    def periksa_tahun(self) -> None:
        r = self.p.baris_kepala[0]
        for peran in (PeranKolom.TARGET, PeranKolom.PAGU):
            for c in self.p.kolom_peran(peran):
                tahun = self.p.tahun_kolom(c)
                if tahun is None:
                    continue
                if self.awal <= tahun <= self.akhir:
                    self.tahun_sah[c] = tahun
                else:
                    self.masalah(
                        JenisMasalah.TAHUN_DI_LUAR_PERIODE,
                        f"tahun {tahun} ({self.p.label.get(c, '')}) di luar periode "
                        f"Renstra {self.awal}–{self.akhir}",
                        r,
                        c,
                    )

    # --- rows ---------------------------------------------------------------------------------
    def baca(self) -> RencanaImpor:
        self.periksa_tahun()
        for r in range(self.p.baris_data, len(self.lembar.baris) + 1):
            self.baris(r)
        self.rencana.akar = [n for n in self.rencana.akar if n.induk is None]
        self._jenis_predikat()
        return self.rencana

    def _node_baru(
        self,
        jenis: JenisNode,
        uraian: str,
        induk: NodeImpor | None,
        r: int,
        kode: str | None = None,
    ) -> NodeImpor:
        node = NodeImpor(jenis=jenis, uraian=uraian, kode=kode, induk=induk, baris=r)
        if induk is None:
            self.rencana.akar.append(node)
        else:
            induk.anak.append(node)
        return node

    def baris(self, r: int) -> None:
        dipakai = [c for c, k in self.p.kolom.items() if k.peran not in (None, PeranKolom.ABAIKAN)]
        if all(kosong(self.lembar.sel(r, c)) for c in dipakai):
            return
        mulai: NodeImpor | None = None
        tujuan, _ = self.teks(r, PeranKolom.TUJUAN)
        if tujuan and (self.tujuan is None or kunci_teks(tujuan) != kunci_teks(self.tujuan.uraian)):
            self.tujuan = mulai = self._node_baru(JenisNode.TUJUAN, tujuan, None, r)
            self.sasaran = None
        sasaran, _ = self.teks(r, PeranKolom.SASARAN)
        if sasaran and (
            self.sasaran is None or kunci_teks(sasaran) != kunci_teks(self.sasaran.uraian)
        ):
            self.sasaran = mulai = self._node_baru(JenisNode.SASARAN, sasaran, self.tujuan, r)
        kode_mentah, c_kode = self.teks(r, PeranKolom.KODE)
        nama, c_nama = self.teks(r, PeranKolom.URAIAN)
        if kode_mentah:
            mulai = self._kode(r, rapikan_kode(kode_mentah), nama, c_kode) or mulai
        elif nama and mulai is None:
            self.masalah(
                JenisMasalah.KODE_KOSONG,
                f"program/kegiatan {nama[:60]!r} tidak berkode, sehingga tingkatnya "
                "tidak diketahui",
                r,
                c_nama,
            )
            self.kini = NodeImpor(JenisNode.KEGIATAN, nama, baris=r)  # out of the tree
            self.baris_kini = r
            return
        if mulai is not None:
            self.kini = mulai
            self.baris_kini = r
        self._isi(r, mulai)

    def _kode(self, r: int, kode: str, nama: str | None, c: int | None) -> NodeImpor | None:
        kini = self.kini
        if (
            kini is not None
            and kini.kode == kode
            and (nama is None or kunci_teks(nama) == kunci_teks(kini.uraian))
        ):
            return None  # the code repeated on the node's next indicator row
        if kode in self.per_kode:
            lama = self.per_kode[kode]
            self.masalah(
                JenisMasalah.KODE_GANDA,
                f"kode {kode} sudah dipakai di baris {lama.baris} ({lama.uraian[:50]!r})",
                r,
                c,
            )
            return lama
        jenis = jenis_dari_kode(kode)
        if jenis is None:
            self.masalah(
                JenisMasalah.KODE_TIDAK_DIKENAL,
                f"kode {kode!r} bukan kode program (2.07.03), kegiatan (2.07.03.2.01) atau "
                "sub kegiatan (2.07.03.2.01.0001)",
                r,
                c,
            )
            return self._yatim(kode, nama, r)
        if not nama:
            self.masalah(
                JenisMasalah.ISIAN_KOSONG, f"nama {jenis.label.lower()} {kode} kosong", r, c
            )
            nama = kode
        if jenis is JenisNode.PROGRAM:
            induk = self.sasaran
            if induk is None and self.tujuan is not None:
                self.masalah(
                    JenisMasalah.KODE_TANPA_INDUK,
                    f"program {kode} berada di bawah tujuan tanpa sasaran",
                    r,
                    c,
                )
        else:
            kode_atas = kode_induk(kode)
            assert kode_atas is not None
            induk = self.per_kode.get(kode_atas)
            harus = JenisNode.PROGRAM if jenis is JenisNode.KEGIATAN else JenisNode.KEGIATAN
            if induk is None or induk.jenis is not harus:
                self.masalah(
                    JenisMasalah.KODE_TANPA_INDUK,
                    f"{jenis.label.lower()} {kode} tidak memiliki induk: {harus.label.lower()} "
                    f"{kode_atas} tidak ada di atasnya",
                    r,
                    c,
                )
                return self._yatim(kode, nama, r, jenis)
        node = self._node_baru(jenis, nama, induk, r, kode)
        self.per_kode[kode] = node
        return node

    def _yatim(
        self, kode: str, nama: str | None, r: int, jenis: JenisNode = JenisNode.KEGIATAN
    ) -> NodeImpor:
        """A node kept out of the tree so its rows are still checked (the import is blocked)."""
        node = NodeImpor(jenis=jenis, uraian=nama or kode, kode=kode, baris=r)
        self.per_kode.setdefault(kode, node)
        return node

    def _isi(self, r: int, mulai: NodeImpor | None) -> None:
        node = mulai or self.kini
        nama_ind, c_ind = self.teks(r, PeranKolom.INDIKATOR)
        ind = None
        if nama_ind:
            if node is None:
                self.masalah(
                    JenisMasalah.TANPA_NODE,
                    f"indikator {nama_ind[:60]!r} tidak berada di bawah tujuan, sasaran, program "
                    "atau kegiatan mana pun",
                    r,
                    c_ind,
                )
                return
            ind = IndikatorImpor(nama=nama_ind, baris=r)
            node.indikator.append(ind)
            self._nilai_indikator(r, ind)
        else:
            for c in self.p.kolom_peran(PeranKolom.TARGET) + self.p.kolom_peran(
                PeranKolom.BASELINE
            ):
                if not kosong(self.lembar.sel(r, c)):
                    self.masalah(
                        JenisMasalah.TANPA_NODE, "target tanpa nama indikator di baris ini", r, c
                    )
                    break
        if node is not None:
            self._pagu(r, node, mulai is not None)
            if mulai is not None:
                node.penanggung_jawab = self.teks(r, PeranKolom.UNIT)[0]
                node.lokasi = self.teks(r, PeranKolom.LOKASI)[0]

    def _nilai_indikator(self, r: int, ind: IndikatorImpor) -> None:
        satuan_teks, _ = self.teks(r, PeranKolom.SATUAN)
        satuan: list[str] = [satuan_teks] if satuan_teks else []
        for c in self.p.kolom_peran(PeranKolom.BASELINE):
            nilai = self._target(r, c)
            if nilai is not None:
                ind.baseline = nilai.nilai.nilai
                ind.baseline_tahun = self.p.tahun_kolom(c) or self.awal
                if nilai.satuan:
                    satuan.append(nilai.satuan)
        for c in self.p.kolom_peran(PeranKolom.TARGET):
            nilai = self._target(r, c)
            if nilai is None or c not in self.tahun_sah:
                continue
            ind.target[(DokumenTarget.RENSTRA, self.tahun_sah[c])] = nilai.nilai
            if nilai.satuan:
                satuan.append(nilai.satuan)
        beda = sorted({s for s in satuan}, key=satuan.index)
        if len(beda) > 1:
            self.masalah(
                JenisMasalah.TIDAK_KONSISTEN,
                f"satuan indikator {ind.nama[:50]!r} berbeda antar kolom ({', '.join(beda)}); "
                f"dipakai {beda[0]!r}",
                r,
                None,
                berat=False,
            )
        ind.satuan = beda[0] if beda else None
        kondisi = [self._target(r, c) for c in self.p.kolom_peran(PeranKolom.KONDISI_TARGET)]
        akhir = ind.target.get((DokumenTarget.RENSTRA, self.akhir))
        for c, k in zip(self.p.kolom_peran(PeranKolom.KONDISI_TARGET), kondisi, strict=True):
            if k is not None and akhir is not None and k.nilai != akhir:
                self.masalah(
                    JenisMasalah.TIDAK_KONSISTEN,
                    f"kondisi akhir berbeda dari target tahun {self.akhir}; yang disimpan adalah "
                    "target tahunan",
                    r,
                    c,
                    berat=False,
                )

    def _target(self, r: int, c: int) -> NilaiSel | None:
        sel: Sel = self.lembar.sel(r, c)
        try:
            return urai_target(sel)
        except NilaiSelTidakSah as exc:
            self.masalah(JenisMasalah.BUKAN_ANGKA, f"target {exc.pesan}", r, c)
            return None

    def _pagu(self, r: int, node: NodeImpor, baris_node: bool) -> None:
        for c in self.p.kolom_peran(PeranKolom.PAGU):
            try:
                pagu = urai_uang(self.lembar.sel(r, c))
            except NilaiSelTidakSah as exc:
                self.masalah(JenisMasalah.BUKAN_ANGKA, f"pagu {exc.pesan}", r, c)
                continue
            if pagu is None or c not in self.tahun_sah:
                continue
            tahun = self.tahun_sah[c]
            if node.jenis in (JenisNode.TUJUAN, JenisNode.SASARAN):
                self.masalah(
                    JenisMasalah.DIABAIKAN,
                    f"pagu pada baris {node.jenis.label.lower()} diabaikan (pagu dicatat pada "
                    "program, kegiatan dan sub kegiatan)",
                    r,
                    c,
                    berat=False,
                )
                continue
            lama = node.pagu.get(tahun)
            if lama is not None and lama != pagu:
                self.masalah(
                    JenisMasalah.TIDAK_KONSISTEN,
                    f"pagu {tahun} untuk {node.label} tertulis dua kali dengan nilai berbeda",
                    r,
                    c,
                )
            node.pagu[tahun] = pagu

    def _jenis_predikat(self) -> None:
        """An indicator whose targets are all text is a predicate indicator; text among
        numbers is a target that is not a number."""
        for n in self.rencana.semua_node():
            for ind in n.indikator:
                nilai = [v for v in ind.target.values() if not v.kosong]
                teks = [v for v in nilai if v.teks is not None]
                if teks and len(teks) == len(nilai):
                    ind.jenis = JenisIndikator.PREDIKAT
                elif teks:
                    for (_, tahun), v in list(ind.target.items()):
                        if v.teks is not None:
                            c = next(
                                (
                                    c
                                    for c, t in self.tahun_sah.items()
                                    if t == tahun and c in self.p.kolom_peran(PeranKolom.TARGET)
                                ),
                                None,
                            )
                            self.masalah(
                                JenisMasalah.BUKAN_ANGKA,
                                f"target {v.teks!r} bukan angka, padahal target tahun lain "
                                "indikator ini berupa angka",
                                ind.baris,
                                c,
                            )
                            ind.target[(DokumenTarget.RENSTRA, tahun)] = NilaiImpor()


def urai_lembar(lembar: Lembar, pemetaan: PemetaanKolom, periode: tuple[int, int]) -> RencanaImpor:
    """The plan in one sheet, read with a complete mapping, for a Renstra ``periode``."""
    return _Pembaca(lembar, pemetaan, periode).baca()


__all__ = ["jenis_dari_kode", "kode_induk", "rapikan_kode", "urai_lembar"]
