"""Log-in, first administrator and password change dialogs, driven by typing and clicking."""

from __future__ import annotations

import contextlib

from bantu_akun import SANDI_ADMIN, SANDI_RINA, Jam
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from sqlalchemy import select

from sakip_desktop.domain import Peran
from sakip_desktop.gui.dialog_masuk import (
    DialogAdminPertama,
    DialogGantiSandi,
    DialogMasuk,
)
from sakip_desktop.model import Pengguna
from sakip_desktop.services.pelaku import Pelaku
from sakip_desktop.services.pengguna import GagalMasuk, ada_pengguna, masuk, reset_sandi
from sakip_desktop.storage import Database


def isi(qtbot, isian, teks: str) -> None:  # type: ignore[no-untyped-def]
    isian.clear()
    qtbot.keyClicks(isian, teks)


def klik(qtbot, tombol) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(tombol, Qt.MouseButton.LeftButton)


def dialog_masuk(qtbot, db: Database, jam: Jam) -> DialogMasuk:  # type: ignore[no-untyped-def]
    dlg = DialogMasuk(db, jam=jam, kini=jam.kini)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def test_sandi_benar_menghasilkan_pelaku_dengan_perannya(  # type: ignore[no-untyped-def]
    qtbot, db_akun: Database, jam: Jam
) -> None:
    dlg = dialog_masuk(qtbot, db_akun, jam)
    isi(qtbot, dlg.isian_username, "Rina")  # usernames compare without case
    isi(qtbot, dlg.isian_sandi, SANDI_RINA)
    klik(qtbot, dlg.tombol_ok)
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert dlg.hasil is not None
    assert dlg.hasil.pelaku.username == "rina"
    assert dlg.hasil.pelaku.peran is Peran.PERENCANA
    assert dlg.hasil.pelaku.label == "Rina"
    assert dlg.isian_sandi.text() == ""

    dlg = dialog_masuk(qtbot, db_akun, jam)
    isi(qtbot, dlg.isian_username, "admin")
    isi(qtbot, dlg.isian_sandi, SANDI_ADMIN)
    qtbot.keyClick(dlg.isian_sandi, Qt.Key.Key_Return)  # Enter = Masuk
    assert dlg.hasil is not None and dlg.hasil.pelaku.peran is Peran.ADMINISTRATOR


def test_sandi_salah_pesan_lalu_tombol_abu_abu_selama_jeda(  # type: ignore[no-untyped-def]
    qtbot, db_akun: Database, jam: Jam
) -> None:
    dlg = dialog_masuk(qtbot, db_akun, jam)
    isi(qtbot, dlg.isian_username, "rina")
    klik(qtbot, dlg.tombol_ok)
    assert dlg.pesan.text() == "Isi nama pengguna dan sandi."

    for _ in range(2):  # the first two failures: a message, no delay
        isi(qtbot, dlg.isian_sandi, "salah-sekali")
        klik(qtbot, dlg.tombol_ok)
        assert dlg.pesan.text() == "Nama pengguna atau sandi salah."
        assert dlg.tombol_ok.isEnabled()
        assert dlg.isVisible() and dlg.hasil is None
        assert dlg.isian_sandi.text() == ""

    isi(qtbot, dlg.isian_sandi, "salah-lagi")
    klik(qtbot, dlg.tombol_ok)  # third failure: 2 seconds
    assert not dlg.tombol_ok.isEnabled()
    assert dlg.pesan.text() == "Nama pengguna atau sandi salah.\nCoba lagi dalam 2 detik."
    jam.maju(1)
    dlg.hitung.detak()
    assert dlg.pesan.text().endswith("Coba lagi dalam 1 detik.")
    assert not dlg.tombol_ok.isEnabled()
    isi(qtbot, dlg.isian_sandi, SANDI_RINA)
    qtbot.keyClick(dlg.isian_sandi, Qt.Key.Key_Return)  # a disabled button does not log in
    assert dlg.hasil is None

    jam.maju(1.5)
    dlg.hitung.detak()
    assert dlg.tombol_ok.isEnabled()
    assert dlg.pesan.text() == "Nama pengguna atau sandi salah."
    isi(qtbot, dlg.isian_sandi, SANDI_RINA)
    klik(qtbot, dlg.tombol_ok)
    assert dlg.hasil is not None and dlg.hasil.pelaku.username == "rina"


def test_percobaan_selama_jeda_ditolak_tanpa_memeriksa_sandi(  # type: ignore[no-untyped-def]
    qtbot, db_akun: Database, jam: Jam
) -> None:
    for _ in range(3):
        with contextlib.suppress(GagalMasuk):
            masuk(db_akun, "rina", "salah-sekali", kini=jam.kini())
    dlg = dialog_masuk(qtbot, db_akun, jam)  # a new dialog: the service still knows
    isi(qtbot, dlg.isian_username, "rina")
    isi(qtbot, dlg.isian_sandi, SANDI_RINA)
    klik(qtbot, dlg.tombol_ok)
    assert dlg.hasil is None
    assert dlg.pesan.text() == "Terlalu banyak percobaan yang gagal.\nCoba lagi dalam 2 detik."
    assert not dlg.tombol_ok.isEnabled()


def test_admin_pertama_dibuat_dan_sandi_tidak_tersimpan_terbuka(qtbot, db_demo: Database) -> None:  # type: ignore[no-untyped-def]
    assert not ada_pengguna(db_demo)
    dlg = DialogAdminPertama(db_demo)
    qtbot.addWidget(dlg)
    dlg.show()
    isi(qtbot, dlg.isian_username, "admin")
    isi(qtbot, dlg.isian_nama, "Budi Santoso")
    isi(qtbot, dlg.isian_sandi, "Sandi-Rahasia-9")
    isi(qtbot, dlg.isian_ulang, "Sandi-Rahasia-8")
    klik(qtbot, dlg.tombol_ok)
    assert "Kedua sandi tidak sama" in dlg.pesan.text()
    assert not ada_pengguna(db_demo) and dlg.isVisible()

    isi(qtbot, dlg.isian_sandi, "pendek")
    isi(qtbot, dlg.isian_ulang, "pendek")
    klik(qtbot, dlg.tombol_ok)
    assert "Sandi terlalu pendek" in dlg.pesan.text()
    assert not ada_pengguna(db_demo)

    isi(qtbot, dlg.isian_username, "nama dengan spasi")
    isi(qtbot, dlg.isian_sandi, "Sandi-Rahasia-9")
    isi(qtbot, dlg.isian_ulang, "Sandi-Rahasia-9")
    klik(qtbot, dlg.tombol_ok)
    assert "tidak sah" in dlg.pesan.text()

    isi(qtbot, dlg.isian_username, "admin")
    isi(qtbot, dlg.isian_ulang, "Sandi-Rahasia-9")
    isi(qtbot, dlg.isian_sandi, "Sandi-Rahasia-9")
    klik(qtbot, dlg.tombol_ok)
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert dlg.hasil is not None
    assert dlg.hasil.pelaku == Pelaku("admin", Peran.ADMINISTRATOR, None, "Budi Santoso")
    with db_demo.baca() as sesi:
        akun = sesi.scalars(select(Pengguna)).one()
        assert akun.hash_sandi.startswith("$argon2id$")
        assert "Sandi-Rahasia-9" not in akun.hash_sandi
    if db_demo.path is not None:  # SQLite: not in the file, its WAL or journal either
        db_demo.tutup()
        for berkas in db_demo.path.parent.glob(db_demo.path.name + "*"):
            assert b"Sandi-Rahasia-9" not in berkas.read_bytes(), berkas


def test_ganti_sandi_sendiri(qtbot, db_akun: Database, rina: Pelaku, jam: Jam) -> None:  # type: ignore[no-untyped-def]
    dlg = DialogGantiSandi(db_akun, rina, jam=jam, kini=jam.kini)
    qtbot.addWidget(dlg)
    dlg.show()
    isi(qtbot, dlg.isian_lama, SANDI_RINA)
    isi(qtbot, dlg.isian_baru, "sandi-baru-rina")
    isi(qtbot, dlg.isian_ulang, "sandi-baru-rinA")
    klik(qtbot, dlg.tombol_ok)
    assert dlg.pesan.text() == "Sandi baru dan ulangannya tidak sama."

    isi(qtbot, dlg.isian_lama, "bukan-sandinya")
    isi(qtbot, dlg.isian_ulang, "sandi-baru-rina")
    klik(qtbot, dlg.tombol_ok)
    assert dlg.pesan.text() == "Sandi lama salah."
    assert dlg.isVisible()

    isi(qtbot, dlg.isian_lama, SANDI_RINA)
    isi(qtbot, dlg.isian_ulang, "sandi-baru-rina")
    klik(qtbot, dlg.tombol_ok)
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert masuk(db_akun, "rina", "sandi-baru-rina", kini=jam.kini()).pelaku.username == "rina"


def test_sandi_sementara_wajib_diganti(qtbot, db_akun: Database, jam: Jam) -> None:  # type: ignore[no-untyped-def]
    admin = masuk(db_akun, "admin", SANDI_ADMIN).pelaku
    sementara = reset_sandi(db_akun, admin, "rina")
    assert sementara is not None
    dlg = dialog_masuk(qtbot, db_akun, jam)
    isi(qtbot, dlg.isian_username, "rina")
    isi(qtbot, dlg.isian_sandi, sementara)
    klik(qtbot, dlg.tombol_ok)
    assert dlg.hasil is not None and dlg.hasil.harus_ganti_sandi
    assert dlg.sandi_dipakai == sementara
    ganti = DialogGantiSandi(db_akun, dlg.hasil.pelaku, sandi_lama=dlg.sandi_dipakai)
    qtbot.addWidget(ganti)
    ganti.show()
    assert not ganti.isian_lama.isVisible()  # not asked again
    isi(qtbot, ganti.isian_baru, "sandi-pilihan-rina")
    isi(qtbot, ganti.isian_ulang, "sandi-pilihan-rina")
    klik(qtbot, ganti.tombol_ok)
    assert ganti.result() == QDialog.DialogCode.Accepted
    hasil = masuk(db_akun, "rina", "sandi-pilihan-rina")
    assert not hasil.harus_ganti_sandi
