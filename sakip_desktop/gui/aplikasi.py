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

    def cadangan_buka() -> None:
        pesan = cadangan_otomatis_jendela(jendela, "buka")
        if pesan is not None:
            from . import dialog

            dialog.kabari(jendela, "Cadangan otomatis gagal", pesan)

    QTimer.singleShot(0, cadangan_buka)  # after the window is shown: a quick start
    if tangkapan:
        tujuan = Path(args.screenshot)

        def simpan_tangkapan() -> None:
            app.processEvents()
            ok = jendela.grab().save(str(tujuan), "PNG")
            jendela.close()
            app.exit(0 if ok else 1)

        QTimer.singleShot(600, simpan_tangkapan)
    kode = app.exec()
    pesan = cadangan_otomatis_jendela(jendela, "tutup")
    if pesan is not None and not os.environ.get("SAKIP_UKUR_MULAI"):
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(None, "Cadangan otomatis gagal", pesan)
    tutup_basis_data(jendela)
    return kode


def siapkan_jendela(
    args: argparse.Namespace, folder: Path, pengaturan: object, ikon: object, *, interaktif: bool
):  # type: ignore[no-untyped-def]
    """Open (or create) the database, log in, build the context and the window.

    Interactive, on an SQLite file: take the file lock (a second copy of the program is
    refused), check the file (a damaged one: offer the newest good backup), migrate, fill an
    empty database, then log in (the first administrator is created when there is no
    account). Not interactive (``--screenshot``, the smoke test) there is no lock and no
    dialog: without accounts the window runs as `PERENCANA_LOKAL`, with accounts it logs
    in with ``SAKIP_USER``/``SAKIP_PASSWORD``. None when the user chose to quit.
    """
    from ..storage import Database

    if args.demo:
        url = buat_url(str(folder / "demo.sqlite3"))
    elif args.database:
        url = buat_url(args.database)
    else:
        url = url_bawaan(args.data_dir)
    db = Database(url)  # no connection yet: nothing touches the file before it is checked
    kunci = None
    try:
        if db.path is not None:
            kunci = _kunci_dan_periksa(db.path, folder, interaktif=interaktif)
            if kunci is False:
                db.tutup()
                return None
        jendela = _rakit(args, db, folder, pengaturan, ikon, interaktif=interaktif, kunci=kunci)
    except BaseException:
        db.tutup()
        if kunci:
            kunci.lepas()
        raise
    if jendela is None:
        db.tutup()
        if kunci:
            kunci.lepas()
        return None
    jendela.kunci_berkas = kunci  # released by `tutup_basis_data`
    return jendela


def _kunci_dan_periksa(path: Path, folder: Path, *, interaktif: bool):  # type: ignore[no-untyped-def]
    """The file lock (interactive only) and the check of the file. Returns the held
    `KunciBerkas` (None when not interactive), or False when the user chose to quit."""
    from ..storage.cadangan import BerkasRusak, baca_pengaturan_cadangan, periksa_sebelum_buka
    from ..storage.kunci_berkas import BerkasSedangDipakai, KunciBerkas
    from .awal import pesan_berkas_dipakai, tangani_berkas_rusak

    pengaturan = baca_pengaturan_cadangan(folder)
    if not interaktif:
        periksa_sebelum_buka(path, pengaturan)  # BerkasRusak: one message, no dialog
        return None
    kunci = KunciBerkas(path)
    try:
        kunci.ambil()
    except BerkasSedangDipakai:
        raise KesalahanPengguna(pesan_berkas_dipakai(path)) from None
    try:
        for _ in range(3):
            try:
                periksa_sebelum_buka(path, pengaturan)
                return kunci
            except BerkasRusak as exc:
                if not tangani_berkas_rusak(path, exc, pengaturan, kunci):
                    kunci.lepas()
                    return False
        periksa_sebelum_buka(path, pengaturan)
        return kunci
    except BaseException:
        kunci.lepas()
        raise


def _rakit(args, db, folder, pengaturan, ikon, *, interaktif: bool, kunci):  # type: ignore[no-untyped-def]
    from ..services.demo import database_berisi, muat_demo
    from ..services.pengguna import ada_pengguna
    from ..storage.skema_cepat import skema_mutakhir
    from . import dialog_masuk
    from .awal import dialog_awal, pilih_opd_awal
    from .jendela_utama import JendelaUtama
    from .konteks import PERENCANA_LOKAL, Konteks
    from .pabrik import buat_halaman

    baru = db.path is not None and not db.path.exists()
    if not skema_mutakhir(db):  # Alembic (slow to import) only when there is work for it
        from ..storage.migrasi import tingkatkan

        folder_cadangan = None
        if kunci:
            from ..storage.cadangan import baca_pengaturan_cadangan

            folder_cadangan = baca_pengaturan_cadangan(folder).folder_untuk(db.path)
            folder_cadangan.mkdir(parents=True, exist_ok=True)
        tingkatkan(db, folder_cadangan=folder_cadangan)
    dengan_dialog = interaktif and not os.environ.get("SAKIP_UKUR_MULAI")
    berakun = ada_pengguna(db)
    pelaku = None
    if berakun:  # log in before anything else is shown or changed
        if dengan_dialog:
            hasil = dialog_masuk.minta_masuk(db)
            if hasil is None:
                return None
            pelaku = hasil.pelaku
        else:
            pelaku = masuk_dari_lingkungan(db)
    if args.demo and not database_berisi(db):
        muat_demo(db, pelaku=pelaku)
    elif not database_berisi(db):
        if not interaktif:
            raise KesalahanPengguna("Basis data kosong; jalankan dulu tanpa --screenshot.")
        if not dialog_awal(db, baru=baru, pelaku=pelaku):
            return None
    if not berakun:
        if dengan_dialog:
            hasil = dialog_masuk.minta_admin_pertama(db)
            if hasil is None:
                return None
            pelaku, berakun = hasil.pelaku, True
        else:
            pelaku = PERENCANA_LOKAL
    assert pelaku is not None
    opd_id, tahun = pilih_opd_awal(db)
    konteks = Konteks(db, opd_id, tahun, pelaku, folder_data=folder, kunci_berkas=kunci or None)
    jendela = JendelaUtama(
        konteks,
        buat_halaman,
        pengaturan,  # type: ignore[arg-type]
        ikon,  # type: ignore[arg-type]
        berakun=berakun,
    )
    jendela.mulai(args.page)
    return jendela


def masuk_dari_lingkungan(db):  # type: ignore[no-untyped-def]
    """Log in without a dialog (``--screenshot``, benchmarks): SAKIP_USER, SAKIP_PASSWORD."""
    from ..services.pengguna import masuk

    username = os.environ.get("SAKIP_USER", "").strip()
    sandi = os.environ.get("SAKIP_PASSWORD")
    if not username or not sandi:
        raise KesalahanPengguna(
            "Basis data ini memiliki akun pengguna: tanpa jendela masuk, isi variabel "
            "lingkungan SAKIP_USER dan SAKIP_PASSWORD (mis. untuk --screenshot)."
        )
    return masuk(db, username, sandi).pelaku


def cadangan_otomatis_jendela(jendela, peristiwa: str) -> str | None:  # type: ignore[no-untyped-def]
    """The automatic backup on opening/closing an SQLite file the window holds locked.
    A failure is returned as a warning text (never raised: the work goes on)."""
    if getattr(jendela, "kunci_berkas", None) is None:
        return None
    from ..storage.cadangan import baca_pengaturan_cadangan, cadangan_otomatis

    db = jendela.k.db
    try:
        cadangan_otomatis(db, baca_pengaturan_cadangan(jendela.k.folder_data), peristiwa)
    except (KesalahanPengguna, OSError) as exc:
        alasan = exc.pesan if isinstance(exc, KesalahanPengguna) else str(exc)
        saat = "dibuka" if peristiwa == "buka" else "ditutup"
        pesan = (
            f"Cadangan otomatis saat basis data {saat} gagal: {alasan}\n\nPekerjaan dapat "
            "dilanjutkan. Periksa folder cadangan (Pengaturan) atau buat cadangan manual."
        )
        print(f"Peringatan: {pesan}", file=sys.stderr)
        return pesan
    except Exception as exc:  # sqlite3.Error and the like: still only a warning
        pesan = f"Cadangan otomatis gagal: {exc}"
        print(f"Peringatan: {pesan}", file=sys.stderr)
        return pesan
    return None


def tutup_basis_data(jendela) -> None:  # type: ignore[no-untyped-def]
    """After the window closed: release the database and the file lock."""
    jendela.k.db.tutup()
    kunci = getattr(jendela, "kunci_berkas", None)
    if kunci:
        kunci.lepas()


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
