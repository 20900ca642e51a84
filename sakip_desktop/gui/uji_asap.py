"""`sakip-desktop --data-dir DIR --smoke-test`: prove that an installed (frozen) program
works, headless, in a minute: database, demo, window, every page, PK PDF, XLSX.

It exercises what a broken build loses first: the bundled migrations and demo file, the
Qt plugins (platform, SVG icon), lazily imported page modules, reportlab with its fonts,
openpyxl, the package metadata. It also makes more Qt calls that return None than Python
3.11 holds references to None, so the PySide6 6.12.0 ``none_dealloc`` abort shows here
rather than at a user's desk. Prints one line per step; exits 0 only when all passed.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
import time
import traceback
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

BATAS_DETIK = 300
"""The whole test is abandoned (exit 3) when it hangs longer than this."""

NAMA_DB = "uji-asap.sqlite3"
NAMA_LOG = "uji-asap.log"
"""The same lines as printed, for a windowed Windows program that has no console."""
JABATAN_PK = "Kepala Dinas"
TABEL_XLSX = "iku"


class GagalUjiAsap(Exception):
    """A step did not do what it should; the message says what."""


def _tanpa_layar() -> bool:
    return sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )


def _habis_waktu() -> None:
    print(f"UJI ASAP GAGAL: macet lebih dari {BATAS_DETIK} detik.", file=sys.stderr, flush=True)
    os._exit(3)


def jalankan_uji_asap(args: argparse.Namespace) -> int:
    """Entry from `aplikasi.jalankan` when ``--smoke-test`` is given."""
    if not args.data_dir:
        print("Kesalahan: --smoke-test memerlukan --data-dir FOLDER.", file=sys.stderr)
        return 2
    if _tanpa_layar():
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    penjaga = threading.Timer(BATAS_DETIK, _habis_waktu)
    penjaga.daemon = True
    penjaga.start()
    try:
        return UjiAsap(Path(args.data_dir)).jalankan()
    finally:
        penjaga.cancel()


class UjiAsap:
    """The steps, in order; each raises `GagalUjiAsap` (or anything) when it fails."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder.resolve()
        self.keluaran = self.folder / "uji-asap"
        self.berkas_db = self.folder / NAMA_DB
        self.galat: list[str] = []
        self.jendela: Any = None
        self.app: Any = None
        self._log: Any = None

    # --- driver -------------------------------------------------------------------------------
    def jalankan(self) -> int:
        langkah: list[tuple[str, Callable[[], str]]] = [
            ("versi dan sumber daya", self.periksa_versi),
            ("buat basis data", self.buat_basis_data),
            ("muat data demo", self.muat_demo),
            ("buka jendela utama", self.buka_jendela),
            ("jelajahi setiap halaman", self.jelajahi_halaman),
            ("panggilan Qt tanpa nilai kembali", self.panggilan_qt),
            ("tulis PK (PDF)", self.tulis_pk),
            ("tulis ekspor XLSX", self.tulis_xlsx),
            ("tutup jendela", self.tutup_jendela),
        ]
        self.folder.mkdir(parents=True, exist_ok=True)
        with (self.folder / NAMA_LOG).open("w", encoding="utf-8") as log:
            self._log = log
            return self._jalankan_langkah(langkah)

    def _lapor(self, teks: str, *, galat: bool = False) -> None:
        print(teks, file=sys.stderr if galat else sys.stdout, flush=True)
        if self._log is not None:
            self._log.write(teks + "\n")
            self._log.flush()

    def _jalankan_langkah(self, langkah: list[tuple[str, Callable[[], str]]]) -> int:
        mulai = time.perf_counter()
        sys.excepthook = self._catat_pengecualian
        for nomor, (nama, fungsi) in enumerate(langkah, start=1):
            awal = time.perf_counter()
            try:
                rinci = fungsi()
                self._proses()
                if self.galat:
                    raise GagalUjiAsap("; ".join(self.galat))
            except Exception as exc:
                self._lapor(f"[{nomor}/{len(langkah)}] {nama}: GAGAL")
                if not isinstance(exc, GagalUjiAsap):
                    self._lapor(traceback.format_exc().rstrip(), galat=True)
                self._lapor(f"UJI ASAP GAGAL pada langkah {nama!r}: {exc}", galat=True)
                self._bereskan()
                return 1
            detik = _detik(time.perf_counter() - awal)
            self._lapor(f"[{nomor}/{len(langkah)}] {nama}: ok ({detik} s) {rinci}".rstrip())
        self._lapor(f"UJI ASAP LULUS ({_detik(time.perf_counter() - mulai)} s)")
        return 0

    def _catat_pengecualian(self, jenis, nilai, tb) -> None:  # type: ignore[no-untyped-def]
        self._lapor("".join(traceback.format_exception(jenis, nilai, tb)).rstrip(), galat=True)
        self.galat.append(f"pengecualian di dalam slot Qt: {jenis.__name__}: {nilai}")

    def _catat_galat(self, judul: str, pesan: str) -> None:
        self.galat.append(f"pesan galat ditampilkan: {judul}: {pesan}")

    def _proses(self) -> None:
        if self.app is None:
            return
        self.app.processEvents()
        self._tutup_dialog_modal()

    def _tutup_dialog_modal(self) -> None:
        """A modal dialog would wait for a user who is not there: note it and close it."""
        if self.app is None:
            return
        kotak = self.app.activeModalWidget()
        if kotak is not None:
            teks = getattr(kotak, "text", lambda: "")()
            self.galat.append(f"dialog modal muncul: {kotak.windowTitle()}: {teks}")
            kotak.reject() if hasattr(kotak, "reject") else kotak.close()

    def _bereskan(self) -> None:
        if self.jendela is not None:
            self.jendela.k.db.tutup()

    # --- steps --------------------------------------------------------------------------------
    def periksa_versi(self) -> str:
        from .. import __version__
        from ..sumber_daya import berkas_demo, folder_sumber_daya

        folder = folder_sumber_daya()
        for perlu in (
            berkas_demo(),
            folder / "fonts" / "LiberationSans-Regular.ttf",
            folder / "icons" / "sakip.svg",
        ):
            if not perlu.is_file():
                raise GagalUjiAsap(f"berkas sumber daya tidak ada: {perlu}")
        return f"versi {__version__}, sumber daya {folder}"

    def buat_basis_data(self) -> str:
        from ..storage import Database
        from ..storage.migrasi import tingkatkan

        self.folder.mkdir(parents=True, exist_ok=True)
        for akhiran in ("", "-wal", "-shm"):  # a previous smoke test's database
            Path(f"{self.berkas_db}{akhiran}").unlink(missing_ok=True)
        with Database(str(self.berkas_db)) as db:
            status = tingkatkan(db)
        if not status.mutakhir or status.revisi is None:
            raise GagalUjiAsap(f"skema tidak mutakhir: {status}")
        return f"skema {status.revisi}"

    def muat_demo(self) -> str:
        from ..services.demo import database_berisi, muat_demo
        from ..storage import Database

        with Database(str(self.berkas_db)) as db:
            ringkas = muat_demo(db)
            if not database_berisi(db):
                raise GagalUjiAsap("data demo tidak tersimpan")
        return f"{sum(ringkas.jumlah.values())} baris"

    def buka_jendela(self) -> str:
        from PySide6.QtCore import QSettings, QTimer
        from PySide6.QtGui import QIcon
        from PySide6.QtWidgets import QApplication

        from ..sumber_daya import folder_sumber_daya
        from .aplikasi import siapkan_jendela

        self.app = QApplication.instance() or QApplication(sys.argv[:1])
        ikon = QIcon(str(folder_sumber_daya() / "icons" / "sakip.svg"))
        if ikon.pixmap(32, 32).isNull():
            raise GagalUjiAsap("ikon SVG tidak dapat digambar (plugin iconengines/svg hilang?)")
        pengaturan = QSettings(str(self.folder / "jendela.ini"), QSettings.Format.IniFormat)
        args = argparse.Namespace(
            database=str(self.berkas_db), data_dir=str(self.folder), demo=False, page="pohon"
        )
        self.jendela = siapkan_jendela(args, self.folder, pengaturan, ikon, interaktif=False)
        if self.jendela is None:
            raise GagalUjiAsap("jendela tidak dibuat")
        self.jendela.k.galat.connect(self._catat_galat)
        self._penjaga_modal = QTimer()
        self._penjaga_modal.timeout.connect(self._tutup_dialog_modal)
        self._penjaga_modal.start(200)
        self.jendela.show()
        self._proses()
        if not self.jendela.isVisible():
            raise GagalUjiAsap("jendela utama tidak tampil")
        return f"platform {self.app.platformName()}"

    def jelajahi_halaman(self) -> str:
        from PySide6.QtWidgets import QTreeView

        from .halaman.daftar import KUNCI_HALAMAN

        j = self.jendela
        simpul = 0
        for kunci in KUNCI_HALAMAN:
            j.buka_halaman(kunci)
            self._proses()
            if j.halaman_aktif().kunci != kunci:
                raise GagalUjiAsap(f"halaman {kunci} tidak terbuka")
            for pohon in j.halaman_aktif().findChildren(QTreeView):
                simpul += _buka_semua(pohon)
            self._proses()
        semula = j.pilih_tahun.currentIndex()
        tahun = j.pilih_tahun.count()
        for i in range(tahun):  # every page built so far refreshes for every year
            j.pilih_tahun.setCurrentIndex(i)
            self._proses()
        j.pilih_tahun.setCurrentIndex(semula)
        j.buka_halaman("pohon")
        self._proses()
        return f"{len(KUNCI_HALAMAN)} halaman, {simpul} baris pohon dibuka, {tahun} tahun"

    def panggilan_qt(self) -> str:
        """More None-returning calls than references to None: a build with the broken
        PySide6 6.12.0 + Python 3.11 pair aborts here (none_dealloc)."""
        label = self.jendela.status_tahun
        teks = label.text()
        jumlah = 20_000
        if sys.version_info < (3, 12):  # None is immortal from 3.12 on
            jumlah = max(jumlah, sys.getrefcount(None) + 20_000)
        for i in range(jumlah):
            label.setText(str(i))
        label.setText(teks)
        return f"{jumlah} panggilan"

    def tulis_pk(self) -> str:
        from ..services.pk import LayananPK

        self.keluaran.mkdir(parents=True, exist_ok=True)
        tujuan = self.keluaran / "pk-kepala-dinas.pdf"
        tujuan.unlink(missing_ok=True)
        layanan = LayananPK(self.jendela.k.db)
        tahun = self.jendela.k.tahun
        hasil = Path(layanan.cetak_jabatan(layanan.cari_jabatan(JABATAN_PK), tahun, tujuan))
        isi = hasil.read_bytes()
        if not isi.startswith(b"%PDF") or len(isi) < 2000:
            raise GagalUjiAsap(f"PDF PK tidak sah: {hasil} ({len(isi)} bita)")
        return f"{hasil.name}, {len(isi)} bita, tahun {tahun}"

    def tulis_xlsx(self) -> str:
        from ..reports.xlsx_tabel import tulis_xlsx
        from ..services.tabel import buat_tabel

        self.keluaran.mkdir(parents=True, exist_ok=True)
        tujuan = self.keluaran / f"{TABEL_XLSX}.xlsx"
        tujuan.unlink(missing_ok=True)
        tabel = buat_tabel(self.jendela.k.db, TABEL_XLSX, self.jendela.k.tahun)
        tulis_xlsx(tabel, tujuan)
        if not zipfile.is_zipfile(tujuan):
            raise GagalUjiAsap(f"XLSX bukan arsip zip: {tujuan}")
        with zipfile.ZipFile(tujuan) as arsip:
            lembar = arsip.read("xl/worksheets/sheet1.xml")
        if len(tabel.baris) < 1 or b"<row" not in lembar:
            raise GagalUjiAsap("XLSX tanpa baris data")
        return f"{tujuan.name}, {len(tabel.baris)} baris, {tujuan.stat().st_size} bita"

    def tutup_jendela(self) -> str:
        j = self.jendela
        self._penjaga_modal.stop()
        if not j.close():
            raise GagalUjiAsap("jendela menolak ditutup")
        self._proses()
        if j.isVisible():
            raise GagalUjiAsap("jendela masih tampil")
        j.k.db.tutup()
        self.jendela = None
        return ""


def _buka_semua(pohon: Any) -> int:
    """Expand every row of a tree view, fetching lazily loaded children; count the rows."""
    from PySide6.QtCore import QModelIndex

    model = pohon.model()
    if model is None:
        return 0
    jumlah = 0
    antre = [QModelIndex()]
    while antre:
        induk = antre.pop()
        for _ in range(100):  # a model that never stops offering more is a bug too
            if not model.canFetchMore(induk):
                break
            model.fetchMore(induk)
        if induk.isValid():
            pohon.expand(induk)
        for baris in range(model.rowCount(induk)):
            jumlah += 1
            antre.append(model.index(baris, 0, induk))
    return jumlah


def _detik(x: float) -> str:
    return f"{x:.2f}".replace(".", ",")
