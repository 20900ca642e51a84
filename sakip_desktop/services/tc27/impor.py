"""Importing a Renstra: preview first, then one all-or-nothing transaction.

`pratinjau_impor` reads the file (a T-C.27 workbook or a ``sakip-data/1`` file) and says
what would happen, with every problem at its sheet, row and column, without writing.
`impor_rencana` does the same inside ``db.transaksi`` and writes, refusing when there is
any problem, and — when the agency already has a Renstra for the period and the file
differs from it — unless the caller confirms (``konfirmasi=True``, the CLI's ``--ya``).
Importing the same file again finds no difference and writes nothing.
"""

from __future__ import annotations

import copy
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain import Peran
from ...errors import KesalahanPengguna
from ...model import Opd, Pemda, Renstra
from ...storage import Database
from ..muat_data import FORMAT, baca_berkas, muat_data
from ..otorisasi import wajib_peran
from ..pelaku import Pelaku
from ..pengaturan import pasang_bawaan
from .dari_data import rencana_dari_data
from .kolom import PemetaanKolom, cari_pemetaan, deteksi_pemetaan, tulis_pemetaan
from .lembar import Lembar, baca_buku, sidik_berkas
from .rencana import TINGKAT, JenisMasalah, Masalah, RencanaImpor
from .sinkron import Perubahan, Sinkron
from .urai import urai_lembar

AKHIRAN_DATA = (".yaml", ".yml", ".json")
PERAN_IMPOR = {Peran.ADMINISTRATOR, Peran.PERENCANA}


class ImporDitolak(KesalahanPengguna):
    """The file has problems (listed in ``pratinjau.masalah``); nothing was written."""

    def __init__(self, pesan: str, pratinjau: Pratinjau) -> None:
        super().__init__(pesan)
        self.pratinjau = pratinjau


class PerluKonfirmasi(KesalahanPengguna):
    """The agency already has this Renstra and the file differs: confirm to apply."""

    def __init__(self, pesan: str, pratinjau: Pratinjau) -> None:
        super().__init__(pesan)
        self.pratinjau = pratinjau


@dataclass
class Pratinjau:
    """What an import would do. The window shows ``rencana`` as a tree (each node and
    indicator has ``status`` "baru", "ubah" or "sama"), ``jumlah`` per level, ``masalah``
    by place and ``perubahan`` when the agency already has the Renstra."""

    berkas: Path
    sidik: str
    jenis: str
    """"tc27" or "data"."""
    opd_nama: str
    opd_baru: bool
    pemetaan: PemetaanKolom | None = None
    rencana: RencanaImpor | None = None
    periode: tuple[int, int] | None = None
    renstra_ada: bool = False
    masalah: list[Masalah] = field(default_factory=list)
    perubahan: list[Perubahan] = field(default_factory=list)
    jumlah_data: dict[str, int] = field(default_factory=dict)
    """For a data file loaded as a new agency: records per table."""

    @property
    def nama_berkas(self) -> str:
        return self.berkas.name

    @property
    def galat(self) -> list[Masalah]:
        return [m for m in self.masalah if m.berat]

    @property
    def peringatan(self) -> list[Masalah]:
        return [m for m in self.masalah if not m.berat]

    @property
    def bisa_diimpor(self) -> bool:
        return self.rencana is not None and not self.galat

    @property
    def tanpa_perubahan(self) -> bool:
        """The agency already holds exactly this plan: importing changes nothing."""
        return self.renstra_ada and not any(p.aksi != "tetap" for p in self.perubahan)

    @property
    def perlu_konfirmasi(self) -> bool:
        return self.renstra_ada and not self.tanpa_perubahan

    def jumlah(self) -> dict[str, Counter[str]]:
        """Per level (tujuan … sub_kegiatan, indikator): how many are baru / ubah / sama."""
        hasil: dict[str, Counter[str]] = {j.value: Counter() for j in TINGKAT}
        hasil["indikator"] = Counter()
        if self.rencana is None:
            return hasil
        for n in self.rencana.semua_node():
            hasil[n.jenis.value][n.status or "baru"] += 1
            for ind in n.indikator:
                hasil["indikator"][ind.status or "baru"] += 1
        return hasil

    def teks(self, *, rinci: bool = True) -> str:
        """The preview as text (the CLI prints it)."""
        tujuan = "OPD baru" if self.opd_baru else "OPD yang ada"
        baris = [f"Pratinjau impor {self.nama_berkas} ke {self.opd_nama} ({tujuan})"]
        if self.pemetaan is not None:
            baris.append(
                f"Lembar {self.pemetaan.lembar!r}, judul kolom baris "
                f"{self.pemetaan.baris_kepala[0]}–{self.pemetaan.baris_kepala[1]}, data mulai "
                f"baris {self.pemetaan.baris_data}; pemetaan kolom: {self.pemetaan.sumber}"
            )
        if self.periode:
            ada = " (Renstra periode ini sudah ada)" if self.renstra_ada else " (Renstra baru)"
            baris.append(f"Periode Renstra {self.periode[0]}–{self.periode[1]}{ada}")
        if self.rencana is not None:
            for tingkat, hitung in self.jumlah().items():
                if sum(hitung.values()):
                    rincian = ", ".join(f"{v} {k}" for k, v in sorted(hitung.items()))
                    label = tingkat.replace("_", " ").capitalize()
                    baris.append(f"  {label}: {sum(hitung.values())} ({rincian})")
        for m in self.masalah:
            baris.append(str(m))
        if self.renstra_ada and self.rencana is not None and not self.galat:
            if self.tanpa_perubahan:
                baris.append("Tidak ada perubahan: isi berkas sama dengan Renstra di basis data.")
            else:
                beda = [p for p in self.perubahan if p.aksi != "tetap"]
                baris.append(f"Perbedaan dengan Renstra di basis data ({len(beda)}):")
                tampil = self.perubahan if rinci else beda[:20]
                baris.extend(f"  {p}" for p in tampil)
        return "\n".join(baris)


@dataclass
class HasilImpor:
    """What an import wrote (``jumlah`` per kind; empty when nothing changed)."""

    pratinjau: Pratinjau
    jumlah: dict[str, int]
    opd_id: Any = None

    @property
    def berubah(self) -> bool:
        return bool(self.jumlah)


# --- finding the agency and the sheet --------------------------------------------------------


def _cari_opd(sesi: Session, nama: str | None) -> Opd | None:
    semua = sesi.scalars(select(Opd).order_by(Opd.nama)).all()
    if nama is None:
        if len(semua) == 1:
            return semua[0]
        if not semua:
            raise KesalahanPengguna('Sebutkan nama OPD tujuan impor (--opd "NAMA").')
        daftar = ", ".join(o.singkatan or o.nama for o in semua)
        raise KesalahanPengguna(f"Basis data berisi beberapa OPD; pilih dengan --opd: {daftar}")
    cari = nama.strip().casefold()
    for opd in semua:
        if cari in {opd.nama.casefold(), (opd.singkatan or "").casefold()}:
            return opd
    return None


def _renstra_periode(sesi: Session, opd: Opd | None, periode: tuple[int, int]) -> Renstra | None:
    """The agency's Renstra for ``periode``: the one starting the same year, else one sharing
    two or more years with it. Sharing only a boundary year (2016–2021, then 2021–2026) is
    the next period, a new Renstra."""
    if opd is None:
        return None
    calon = sesi.scalars(
        select(Renstra)
        .where(
            Renstra.opd_id == opd.id,
            Renstra.tahun_awal <= periode[1],
            Renstra.tahun_akhir >= periode[0],
        )
        .order_by(Renstra.tahun_awal)
    ).all()
    for r in calon:
        if r.tahun_awal == periode[0]:
            return r
    for r in calon:
        if min(r.tahun_akhir, periode[1]) - max(r.tahun_awal, periode[0]) >= 1:
            return r
    return None


def _pilih_lembar(
    buku: list[Lembar], nama: str | None, berkas: Path
) -> tuple[Lembar, PemetaanKolom]:
    if nama is not None:
        lembar = next((lb for lb in buku if lb.nama == nama), None)
        if lembar is None:
            daftar = ", ".join(repr(lb.nama) for lb in buku)
            raise KesalahanPengguna(f"{berkas.name}: tidak ada lembar {nama!r} (ada: {daftar}).")
        calon = [lembar]
    else:
        calon = buku
    for lembar in calon:
        pemetaan = deteksi_pemetaan(lembar)
        if pemetaan is not None:
            return lembar, pemetaan
    raise KesalahanPengguna(
        f"{berkas.name}: tidak ditemukan baris judul kolom tabel T-C.27 (judul seperti Kode, "
        "Program dan Kegiatan, Indikator Kinerja, Target) di 25 baris pertama lembar mana pun."
    )


def baca_pemetaan(db: Database, berkas: Path, *, lembar: str | None = None) -> PemetaanKolom:
    """The column mapping the import would use: a saved one for this file shape, else the
    recognised standard titles. The mapping dialog starts from it."""
    _, pemetaan = _pilih_lembar(baca_buku(Path(berkas)), lembar, Path(berkas))
    with db.baca() as sesi:
        simpan = cari_pemetaan(sesi, pemetaan.bentuk)
    if simpan is not None:
        pemetaan.pakai_json(simpan)
    return pemetaan


def simpan_pemetaan(db: Database, pelaku: Pelaku, pemetaan: PemetaanKolom) -> None:
    """Remember a mapping for every later file of the same shape."""
    wajib_peran(pelaku, PERAN_IMPOR, "menyimpan pemetaan kolom impor")
    with db.transaksi(pelaku, alasan="Simpan pemetaan kolom T-C.27") as sesi:
        tulis_pemetaan(sesi, pemetaan)


# --- preview ---------------------------------------------------------------------------------


@dataclass
class _Permintaan:
    berkas: Path
    opd: str | None
    pemetaan: PemetaanKolom | None
    periode: tuple[int, int] | None
    lembar: str | None


def _siapkan(sesi: Session, minta: _Permintaan) -> tuple[Pratinjau, Sinkron | None, Any]:
    berkas = minta.berkas
    sidik = sidik_berkas(berkas) if berkas.exists() else ""
    if berkas.suffix.lower() in AKHIRAN_DATA:
        return _siapkan_data(sesi, minta, sidik)
    buku = baca_buku(berkas)
    lembar, pemetaan = _pilih_lembar(buku, minta.lembar, berkas)
    if minta.pemetaan is not None:
        pemetaan = minta.pemetaan
        lembar = next(lb for lb in buku if lb.nama == pemetaan.lembar)
    else:
        simpan = cari_pemetaan(sesi, pemetaan.bentuk)
        if simpan is not None:
            pemetaan.pakai_json(simpan)
    opd = _cari_opd(sesi, minta.opd)
    nama = opd.nama if opd is not None else (minta.opd or "")
    prat = Pratinjau(berkas, sidik, "tc27", nama, opd is None, pemetaan=pemetaan)
    periode = minta.periode or pemetaan.tahun_judul
    if periode is None and opd is not None and not pemetaan.tahun:
        ada = sesi.scalar(
            select(Renstra).where(Renstra.opd_id == opd.id).order_by(Renstra.tahun_awal.desc())
        )
        if ada is not None:
            pemetaan.tentukan_tahun(ada.tahun_awal)
    if periode is None and pemetaan.tahun:
        periode = (min(pemetaan.tahun), max(pemetaan.tahun))
    renstra = _renstra_periode(sesi, opd, periode) if periode else None
    if renstra is not None:
        periode = (renstra.tahun_awal, renstra.tahun_akhir)
    if periode is not None:
        pemetaan.tentukan_tahun(periode[0])
    kurang = pemetaan.kurang()
    if kurang or periode is None:
        for k in kurang or ["periode Renstra tidak diketahui"]:
            prat.masalah.append(
                Masalah(
                    JenisMasalah.KOLOM,
                    f"pemetaan kolom diperlukan: {k}",
                    lembar.nama,
                    pemetaan.baris_kepala[0],
                )
            )
        return prat, None, None
    prat.periode = periode
    prat.renstra_ada = renstra is not None
    rencana = urai_lembar(lembar, pemetaan, periode)
    prat.rencana = rencana
    sinkron = Sinkron(sesi, opd, renstra, rencana)
    prat.perubahan = sinkron.bandingkan()
    prat.masalah = rencana.masalah + sinkron.masalah
    return prat, sinkron, None


def _siapkan_data(
    sesi: Session, minta: _Permintaan, sidik: str
) -> tuple[Pratinjau, Sinkron | None, Any]:
    data = baca_berkas(minta.berkas)
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise KesalahanPengguna(
            f"{minta.berkas.name}: bukan berkas data SAKIP (baris 'format: {FORMAT}' tidak ada)."
        )
    opd_data: dict[str, Any] = data["opd"] if isinstance(data.get("opd"), dict) else {}
    nama = minta.opd or str(opd_data.get("nama") or "")
    opd = _cari_opd(sesi, nama) if nama else None
    prat = Pratinjau(minta.berkas, sidik, "data", opd.nama if opd else nama, opd is None)
    rencana = rencana_dari_data(data, minta.berkas.name)
    prat.rencana = rencana
    prat.periode = (rencana.tahun_awal, rencana.tahun_akhir)
    if opd is None:
        for n in rencana.semua_node():
            n.status = "baru"
            for ind in n.indikator:
                ind.status = "baru"
        if minta.opd and minta.opd != opd_data.get("nama"):
            data = copy.deepcopy(data)
            data["opd"]["nama"] = minta.opd
        return prat, None, data
    renstra = _renstra_periode(sesi, opd, prat.periode)
    if renstra is not None:
        prat.periode = (renstra.tahun_awal, renstra.tahun_akhir)
    prat.renstra_ada = renstra is not None
    sinkron = Sinkron(sesi, opd, renstra, rencana)
    prat.perubahan = sinkron.bandingkan()
    prat.masalah = rencana.masalah + sinkron.masalah
    return prat, sinkron, None


class _Batal(Exception):
    """Rolls back the trial load of a preview."""


def pratinjau_impor(
    db: Database,
    berkas: Path,
    *,
    opd: str | None = None,
    pemetaan: PemetaanKolom | None = None,
    periode: tuple[int, int] | None = None,
    lembar: str | None = None,
) -> Pratinjau:
    """What importing ``berkas`` into the agency ``opd`` would do; writes nothing."""
    minta = _Permintaan(Path(berkas), opd, pemetaan, periode, lembar)
    with db.baca() as sesi:
        prat, _, data = _siapkan(sesi, minta)
    if data is not None:  # a new agency from a data file: a trial load, rolled back
        try:
            with db.transaksi(None, alasan="Pratinjau impor") as sesi:
                prat.jumlah_data = dict(muat_data(sesi, data).jumlah)
                raise _Batal
        except _Batal:
            pass
        except KesalahanPengguna as exc:
            prat.masalah.append(Masalah(JenisMasalah.KOLOM, exc.pesan, prat.nama_berkas))
    return prat


# --- import ----------------------------------------------------------------------------------


def _pemda(sesi: Session, nama: str | None) -> Pemda:
    if nama:
        pemda = sesi.scalar(select(Pemda).where(Pemda.nama == nama.strip()))
        if pemda is None:
            pemda = Pemda(nama=nama.strip(), ibu_kota=None)
            sesi.add(pemda)
            sesi.flush()
        return pemda
    semua = sesi.scalars(select(Pemda)).all()
    if len(semua) == 1:
        return semua[0]
    if not semua:
        raise KesalahanPengguna(
            "Basis data belum berisi pemerintah daerah; sebutkan dengan --pemda "
            '(misalnya --pemda "Kabupaten Lamongan").'
        )
    raise KesalahanPengguna("Basis data berisi beberapa pemda; sebutkan dengan --pemda.")


def impor_rencana(
    db: Database,
    pelaku: Pelaku,
    berkas: Path,
    *,
    opd: str | None = None,
    singkatan: str | None = None,
    pemda: str | None = None,
    pemetaan: PemetaanKolom | None = None,
    periode: tuple[int, int] | None = None,
    lembar: str | None = None,
    konfirmasi: bool = False,
) -> HasilImpor:
    """Import a Renstra from ``berkas`` in one transaction.

    Raises:
        ImporDitolak: the file has problems (or the columns need mapping); nothing written.
        PerluKonfirmasi: the agency already has a different Renstra for the period and
            ``konfirmasi`` is False; nothing written.
        AksesDitolak: the user may not import plans.
    """
    wajib_peran(pelaku, PERAN_IMPOR, "mengimpor rencana")
    berkas = Path(berkas)
    minta = _Permintaan(berkas, opd, pemetaan, periode, lembar)
    with db.transaksi(pelaku, alasan=f"Impor rencana dari {berkas.name}") as sesi:
        prat, sinkron, data = _siapkan(sesi, minta)
        if data is not None:
            pasang_bawaan(sesi)
            if singkatan:
                data = copy.deepcopy(data)
                data["opd"]["singkatan"] = singkatan
            sesi.info["audit"] = "ringkas"
            ringkasan = muat_data(sesi, data, oleh=pelaku.username)
            return HasilImpor(prat, dict(ringkasan.jumlah), ringkasan.opd_id)
        if not prat.bisa_diimpor:
            daftar = "\n".join(f"  {m}" for m in prat.galat)
            raise ImporDitolak(
                f"{berkas.name} tidak diimpor; perbaiki dulu "
                f"({len(prat.galat)} masalah):\n{daftar}",
                prat,
            )
        if prat.tanpa_perubahan:
            return HasilImpor(prat, {}, sinkron.opd.id if sinkron and sinkron.opd else None)
        if prat.perlu_konfirmasi and not konfirmasi:
            raise PerluKonfirmasi(
                f"{prat.opd_nama} sudah memiliki Renstra {prat.periode[0]}–{prat.periode[1]} "  # type: ignore[index]
                "yang berbeda dari berkas; tinjau perbedaannya lalu konfirmasi (--ya).",
                prat,
            )
        assert sinkron is not None
        if sinkron.opd is None:
            if not opd:
                raise KesalahanPengguna('Sebutkan nama OPD baru dengan --opd "NAMA".')
            nama_pemda = pemda or (prat.pemetaan.pemda_judul if prat.pemetaan else None)
            baru = Opd(pemda=_pemda(sesi, nama_pemda), nama=opd.strip(), singkatan=singkatan)
            sesi.add(baru)
            sesi.flush()
            pasang_bawaan(sesi)
            sinkron.opd = baru
        jumlah = sinkron.terapkan(f"Impor rencana dari {berkas.name}")
        return HasilImpor(prat, jumlah, sinkron.opd.id)
