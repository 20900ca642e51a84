"""`sakip-desktop`: the composition root. Paths, database, services and the window are
put together here and nowhere else."""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from pathlib import Path

from ..errors import KesalahanPengguna
from ..storage.database import buat_url, folder_data, url_bawaan


def buat_parser() -> argparse.ArgumentParser:
    from ..cli import bahasa

    bahasa.pasang()
    p = argparse.ArgumentParser(prog="sakip-desktop", description="SAKIP Desktop (jendela).")
    p.add_argument("--database", metavar="URL_ATAU_PATH", help="berkas SQLite atau URL")
    p.add_argument("--data-dir", metavar="FOLDER", help="folder data (basis data, pengaturan)")
    p.add_argument(
        "--demo",
        action="store_true",
        help="buka basis data demo Disnaker Lamongan (dibuat bila belum ada)",
    )
    p.add_argument("--page", metavar="NAMA", help="halaman yang dibuka pertama kali")
    p.add_argument(
        "--screenshot", metavar="BERKAS.png", help="simpan tangkapan jendela ke PNG lalu keluar"
    )
    p.add_argument(
        "--smoke-test",
        action="store_true",
        help="uji asap tanpa layar (dengan --data-dir): basis data, demo, jendela, PDF, XLSX",
    )
    return p


def _pesan_fatal(judul: str, pesan: str, *, ada_jendela: bool) -> None:
    print(f"Kesalahan: {pesan}", file=sys.stderr)
    if ada_jendela:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, judul, pesan)


def jalankan(argv: list[str]) -> int:
    args = buat_parser().parse_args(argv)
    if args.smoke_test:
        from .uji_asap import jalankan_uji_asap

        return jalankan_uji_asap(args)
    from .halaman.daftar import KUNCI_HALAMAN

    if args.page and args.page not in KUNCI_HALAMAN:
        print(
            f"Kesalahan: halaman {args.page!r} tidak ada. Pilihan: {', '.join(KUNCI_HALAMAN)}",
            file=sys.stderr,
        )
        return 2
    from PySide6.QtCore import QSettings, Qt, QTimer
    from PySide6.QtGui import QGuiApplication, QIcon
    from PySide6.QtWidgets import QApplication

    from ..sumber_daya import folder_sumber_daya

    # Fractional scaling (125 %, 150 %) stays sharp instead of being rounded.
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("SAKIP Desktop")
    app.setOrganizationName("SAKIP")
    ikon = QIcon(str(folder_sumber_daya() / "icons" / "sakip.svg"))
    app.setWindowIcon(ikon)
    folder = folder_data(args.data_dir)
    pengaturan = QSettings(str(folder / "jendela.ini"), QSettings.Format.IniFormat)
    tangkapan = args.screenshot is not None
    try:
        jendela = siapkan_jendela(args, folder, pengaturan, ikon, interaktif=not tangkapan)
    except KesalahanPengguna as exc:
        _pesan_fatal("Basis data tidak dapat dibuka", exc.pesan, ada_jendela=not tangkapan)
        return 1
    if jendela is None:
        return 0
    if not tangkapan:
        sys.excepthook = _tangkap_galat_program
    jendela.show()
    if os.environ.get("SAKIP_UKUR_MULAI"):  # tests/benchmarks: report "shown", then quit

        def siap() -> None:
            print("SIAP", flush=True)
            app.exit(0)

        QTimer.singleShot(0, siap)
    if tangkapan:
        tujuan = Path(args.screenshot)

        def simpan_tangkapan() -> None:
            app.processEvents()
            ok = jendela.grab().save(str(tujuan), "PNG")
            jendela.close()
            app.exit(0 if ok else 1)

        QTimer.singleShot(600, simpan_tangkapan)
    kode = app.exec()
    jendela.k.db.tutup()
    return kode


def siapkan_jendela(
    args: argparse.Namespace, folder: Path, pengaturan: object, ikon: object, *, interaktif: bool
):  # type: ignore[no-untyped-def]
    """Open (or create) the database, build the context and the window."""
    from ..services.demo import database_berisi, muat_demo
    from ..storage import Database
    from ..storage.skema_cepat import skema_mutakhir
    from .awal import dialog_awal, pilih_opd_awal
    from .jendela_utama import JendelaUtama
    from .konteks import PERENCANA_LOKAL, Konteks
    from .pabrik import buat_halaman

    if args.demo:
        url = buat_url(str(folder / "demo.sqlite3"))
    elif args.database:
        url = buat_url(args.database)
    else:
        url = url_bawaan(args.data_dir)
    db = Database(url)
    baru = db.path is not None and not db.path.exists()
    if not skema_mutakhir(db):  # Alembic (slow to import) only when there is work for it
        from ..storage.migrasi import tingkatkan

        tingkatkan(db)
    if args.demo and not database_berisi(db):
        muat_demo(db)
    elif not database_berisi(db):
        if not interaktif:
            raise KesalahanPengguna("Basis data kosong; jalankan dulu tanpa --screenshot.")
        if not dialog_awal(db, baru=baru):
            db.tutup()
            return None
    opd_id, tahun = pilih_opd_awal(db)
    konteks = Konteks(db, opd_id, tahun, PERENCANA_LOKAL)
    jendela = JendelaUtama(konteks, buat_halaman, pengaturan, ikon)  # type: ignore[arg-type]
    jendela.mulai(args.page)
    return jendela


def _tangkap_galat_program(jenis, nilai, tb) -> None:  # type: ignore[no-untyped-def]
    """A bug, not a user error: say so plainly, keep the details for the report."""
    from PySide6.QtWidgets import QMessageBox

    rinci = "".join(traceback.format_exception(jenis, nilai, tb))
    print(rinci, file=sys.stderr)
    kotak = QMessageBox(
        QMessageBox.Icon.Critical,
        "Kesalahan program",
        "Terjadi kesalahan program. Data yang sudah tersimpan aman; perubahan "
        "yang sedang dikerjakan mungkin belum tersimpan.",
    )
    kotak.setDetailedText(rinci)
    kotak.exec()
