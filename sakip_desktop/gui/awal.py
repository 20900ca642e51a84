"""First run: an empty database is filled with the demo or with a new agency."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtWidgets import (
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
from ..services.pelaku import SISTEM
from ..storage import Database


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


def dialog_awal(db: Database, *, baru: bool) -> bool:
    """Offer the demo or a new agency; True when the database now holds an agency."""
    kotak = QMessageBox(
        QMessageBox.Icon.Question,
        "SAKIP Desktop",
        ("Basis data baru dibuat." if baru else "Basis data ini belum berisi data.")
        + "\n\nMulai dengan data apa?",
    )
    demo = kotak.addButton("Buka data demo Lamongan", QMessageBox.ButtonRole.AcceptRole)
    kosong = kotak.addButton("Buat OPD baru (kosong)", QMessageBox.ButtonRole.ActionRole)
    kotak.addButton("Keluar", QMessageBox.ButtonRole.RejectRole)
    kotak.exec()
    if kotak.clickedButton() is demo:
        muat_demo(db)
        return True
    if kotak.clickedButton() is not kosong:
        return False
    dlg = DialogOpdBaru()
    while dlg.exec() == QDialog.DialogCode.Accepted:
        try:
            with db.transaksi(SISTEM, alasan="Basis data baru") as sesi:
                buat_opd(
                    sesi,
                    SISTEM,
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
