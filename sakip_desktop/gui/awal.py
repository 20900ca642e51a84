"""Start-up dialogs: a damaged file (offer the newest good backup), a file in use by
another copy of the program, and the first run (an empty database filled with the demo or
with a new agency)."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
)
from sqlalchemy import select

from ..errors import KesalahanPengguna
from ..model import Opd, Realisasi, Renstra
from ..services.demo import muat_demo
from ..services.opd_baru import buat_opd
from ..services.pelaku import SISTEM, Pelaku
from ..storage import Database

if TYPE_CHECKING:
    from ..storage.cadangan import BerkasRusak, PengaturanCadangan
    from ..storage.kunci_berkas import KunciBerkas


def tanya_kotak(kotak: QMessageBox) -> QAbstractButton | None:
    """Show a message box modally and return the button clicked (tests replace this)."""
    kotak.exec()
    return kotak.clickedButton()


# --- the file before it is opened ----------------------------------------------------------------


def pesan_berkas_dipakai(path_db: Path) -> str:
    """The refusal for a second copy of the program on the same file."""
    from ..storage.kunci_berkas import _pemegang, path_kunci

    pemegang = _pemegang(path_kunci(path_db)).strip().removeprefix("(").removesuffix(")")
    rinci = f"{path_db}; {pemegang}" if pemegang else str(path_db)
    return (
        f"Berkas basis data sedang dipakai oleh program SAKIP lain di PC ini ({rinci}).\n\n"
        "Tutup program itu dulu, atau pakai jendela SAKIP Desktop yang sudah terbuka."
    )


def tangani_berkas_rusak(
    path_db: Path,
    galat: BerkasRusak,
    pengaturan: PengaturanCadangan,
    kunci: KunciBerkas | None,
) -> bool:
    """Say what is wrong with the file and offer the newest good backup. True when the
    backup was restored (the caller checks the file again), False to quit."""
    from ..storage.cadangan import periksa_berkas, pulihkan

    alasan = periksa_berkas(path_db, hanya_baca=False).pesan or "tidak dapat dibaca"
    teks = (
        "Berkas basis data tidak dapat dibuka karena rusak atau bukan basis data "
        f"SAKIP Desktop:\n{path_db}\n\nMasalahnya: {alasan}."
    )
    cadangan = galat.cadangan
    kotak = QMessageBox(QMessageBox.Icon.Critical, "Basis data rusak", teks)
    kotak.setObjectName("pesanBerkasRusak")
    pulih = None
    if cadangan is not None:
        kotak.setInformativeText(
            f"Cadangan baik terbaru: {cadangan.label}\n{cadangan.path}\n\n"
            "Pulihkan cadangan ini? Berkas yang rusak disimpan dulu sebagai salinan di "
            "folder cadangan. Perubahan sesudah cadangan itu dibuat tidak ada di dalamnya."
        )
        pulih = kotak.addButton("Pulihkan cadangan ini", QMessageBox.ButtonRole.AcceptRole)
    else:
        kotak.setInformativeText(
            "Tidak ada cadangan yang baik di folder cadangan. Bila ada salinan di tempat lain "
            "(drive USB), pulihkan dengan: sakip cadangan pulihkan BERKAS"
        )
    keluar = kotak.addButton("Keluar", QMessageBox.ButtonRole.RejectRole)
    kotak.setDefaultButton(keluar)
    if pulih is None:
        tanya_kotak(kotak)
        return False
    if tanya_kotak(kotak) is not pulih or cadangan is None:
        return False
    try:
        hasil = pulihkan(
            path_db,
            cadangan.path,
            folder_pengaman=pengaturan.folder_untuk(path_db),
            kunci=kunci,
            pelaku=SISTEM,
            alasan="Pulihkan saat membuka: berkas basis data rusak",
        )
    except KesalahanPengguna as exc:
        tanya_kotak(QMessageBox(QMessageBox.Icon.Critical, "Pemulihan gagal", exc.pesan))
        return False
    info = f"Basis data dipulihkan dari cadangan {cadangan.label}."
    if hasil.pengaman is not None:
        info += f"\n\nBerkas yang rusak disimpan sebagai:\n{hasil.pengaman}"
    tanya_kotak(QMessageBox(QMessageBox.Icon.Information, "Basis data dipulihkan", info))
    return True


# --- the first run -------------------------------------------------------------------------------


class DialogOpdBaru(QDialog):
    """The regency, the agency and the Renstra period of a new, empty database."""

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("Basis data baru")
        tata = QFormLayout(self)
        tata.addRow(QLabel("Isi data awal OPD. Semua dapat diubah kemudian."))
        self.pemda = QLineEdit(placeholderText="mis. Kabupaten Lamongan")
        self.opd = QLineEdit(placeholderText="mis. Dinas Tenaga Kerja")
        self.singkatan = QLineEdit(placeholderText="mis. Disnaker")
        tahun = date.today().year
        self.awal = QSpinBox(minimum=1990, maximum=2100, value=tahun)
        self.akhir = QSpinBox(minimum=1990, maximum=2100, value=tahun + 4)
        tata.addRow("&Pemerintah daerah *", self.pemda)
        tata.addRow("&Nama OPD *", self.opd)
        tata.addRow("&Singkatan", self.singkatan)
        tata.addRow("Renstra &mulai", self.awal)
        tata.addRow("Renstra s&ampai", self.akhir)
        self.pesan = QLabel(styleSheet="color: #b3261e;")
        tata.addRow(self.pesan)
        tombol = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        tombol.accepted.connect(self.accept)
        tombol.rejected.connect(self.reject)
        tata.addRow(tombol)


def dialog_awal(db: Database, *, baru: bool, pelaku: Pelaku | None = None) -> bool:
    """Offer the demo or a new agency; True when the database now holds an agency.
    ``pelaku``: the logged-in user when the database has accounts (None: none yet)."""
    kotak = QMessageBox(
        QMessageBox.Icon.Question,
        "SAKIP Desktop",
        ("Basis data baru dibuat." if baru else "Basis data ini belum berisi data.")
        + "\n\nMulai dengan data apa?",
    )
    demo = kotak.addButton("Buka data demo Lamongan", QMessageBox.ButtonRole.AcceptRole)
    kosong = kotak.addButton("Buat OPD baru (kosong)", QMessageBox.ButtonRole.ActionRole)
    kotak.addButton("Keluar", QMessageBox.ButtonRole.RejectRole)
    pilihan = tanya_kotak(kotak)
    if pilihan is demo:
        try:
            muat_demo(db, pelaku=pelaku)
        except KesalahanPengguna as exc:
            tanya_kotak(QMessageBox(QMessageBox.Icon.Warning, "Data demo", exc.pesan))
            return False
        return True
    if pilihan is not kosong:
        return False
    dlg = DialogOpdBaru()
    while dlg.exec() == QDialog.DialogCode.Accepted:
        try:
            with db.transaksi(pelaku or SISTEM, alasan="Basis data baru") as sesi:
                buat_opd(
                    sesi,
                    pelaku or SISTEM,
                    nama_pemda=dlg.pemda.text(),
                    nama_opd=dlg.opd.text(),
                    singkatan=dlg.singkatan.text(),
                    tahun_awal=dlg.awal.value(),
                    tahun_akhir=dlg.akhir.value(),
                )
            return True
        except KesalahanPengguna as exc:
            dlg.pesan.setText(exc.pesan)
    return False


def pilih_opd_awal(db: Database) -> tuple[uuid.UUID, int]:
    """The agency to open (asked when there are several) and a sensible year.

    The year is this year if a Renstra holds it, else the latest year with realizations,
    else the first year of the newest Renstra.
    """
    with db.baca() as sesi:
        semua = sesi.scalars(select(Opd).order_by(Opd.nama)).all()
        opd = semua[0]
        if len(semua) > 1:
            nama = [o.nama for o in semua]
            pilih, ok = QInputDialog.getItem(None, "Pilih OPD", "OPD yang dibuka:", nama, 0, False)
            if ok:
                opd = semua[nama.index(pilih)]
        renstra = sesi.scalars(
            select(Renstra).where(Renstra.opd_id == opd.id).order_by(Renstra.tahun_awal)
        ).all()
        tahun_ini = date.today().year
        if any(r.tahun_awal <= tahun_ini <= r.tahun_akhir for r in renstra):
            return opd.id, tahun_ini
        terakhir = sesi.scalar(select(Realisasi.tahun).order_by(Realisasi.tahun.desc()))
        if terakhir is not None:
            return opd.id, terakhir
        return opd.id, renstra[-1].tahun_awal if renstra else tahun_ini
