"""The Akun menu, the status bar, the idle lock (with the test's clock) and switching user."""

from __future__ import annotations

from bantu_akun import SANDI_ADMIN, SANDI_RINA, Jam
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence, QUndoCommand
from PySide6.QtWidgets import QDialog
from sqlalchemy import select

from sakip_desktop.domain import Peran
from sakip_desktop.gui.halaman.pohon import HalamanPohon
from sakip_desktop.gui.jendela_utama import JendelaUtama
from sakip_desktop.gui.konteks import PERENCANA_LOKAL, Konteks
from sakip_desktop.gui.pabrik import buat_halaman
from sakip_desktop.model import NodeKinerja
from sakip_desktop.services.konteks import pilih_opd
from sakip_desktop.services.pengguna import (
    KUNCI_LAYAR_BAWAAN,
    atur_waktu_kunci_layar,
    masuk,
    ubah_pengguna,
)


def klik(qtbot, tombol) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(tombol, Qt.MouseButton.LeftButton)


def ketik_sandi(qtbot, dlg, sandi: str) -> None:  # type: ignore[no-untyped-def]
    dlg.isian_sandi.clear()
    qtbot.keyClicks(dlg.isian_sandi, sandi)
    klik(qtbot, dlg.tombol_ok)


def pohon_kotor(qtbot, w: JendelaUtama) -> HalamanPohon:  # type: ignore[no-untyped-def]
    """Type an unsaved change into the tree page's form."""
    h = w.halaman_aktif()
    assert isinstance(h, HalamanPohon)
    with w.k.baca() as sesi:
        program = sesi.scalars(
            select(NodeKinerja.id).where(NodeKinerja.uraian == "Peningkatan Kualitas Tenaga Kerja")
        ).one()
    assert h.tampilkan_node(program)
    h.editor.ui.uraian.selectAll()
    qtbot.keyClicks(h.editor.ui.uraian, "Uraian yang belum disimpan")
    assert h.ada_perubahan()
    return h


def test_menu_akun_dan_status_pengguna(jendela_akun: JendelaUtama) -> None:
    w = jendela_akun
    judul = [a.text() for a in w.menuBar().actions()]
    assert "A&kun" in judul
    menu = next(a.menu() for a in w.menuBar().actions() if a.text() == "A&kun")
    teks = [a.text() for a in menu.actions()]
    assert teks == [
        "&Ganti sandi…",
        "&Kunci layar",
        "Keluar dan &masuk sebagai pengguna lain…",
    ]
    assert all(a.isEnabled() for a in menu.actions())
    assert w.aksi_kunci_layar.shortcut() == QKeySequence("Ctrl+L")
    assert w.status_pengguna.text() == "Pengguna: Rina (Perencana)"
    assert not w.pilih_pelaku.isEnabled()  # the role follows the account
    assert w.pilih_pelaku.count() == 1


def test_tanpa_akun_menu_nonaktif(qtbot, db_demo, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with db_demo.baca() as sesi:
        opd_id = pilih_opd(sesi).id
    k = Konteks(db_demo, opd_id, 2020, PERENCANA_LOKAL)
    s = QSettings(str(tmp_path / "jendela.ini"), QSettings.Format.IniFormat)
    w = JendelaUtama(k, buat_halaman, s)
    qtbot.addWidget(w)
    w.mulai("pohon")
    assert not w.aksi_kunci_layar.isEnabled()
    assert not w.aksi_ganti_pengguna.isEnabled()
    assert w.kunci_layar is None
    w.kunci()  # Ctrl+L does nothing without an account
    assert not w.terkunci
    assert w.status_pengguna.text() == "Pengguna: Perencana"
    assert w.pilih_pelaku.isEnabled() and w.pilih_pelaku.count() > 1


def test_kunci_layar_saat_diam_dan_buka_hanya_dengan_sandi_benar(  # type: ignore[no-untyped-def]
    qtbot, jendela_akun: JendelaUtama, jam: Jam
) -> None:
    w = jendela_akun
    kl = w.kunci_layar
    assert kl is not None and kl.penjaga.menit == KUNCI_LAYAR_BAWAAN
    h = pohon_kotor(qtbot, w)
    jam.maju(KUNCI_LAYAR_BAWAAN * 60 - 5)
    kl.periksa()
    assert not kl.terkunci
    qtbot.mouseMove(w.navigasi)  # activity (application-wide filter) restarts the wait
    qtbot.keyClick(w.navigasi, Qt.Key.Key_Shift)
    jam.maju(10)
    kl.periksa()
    assert not kl.terkunci

    jam.maju(KUNCI_LAYAR_BAWAAN * 60)
    kl.periksa()
    assert kl.terkunci and w.terkunci
    assert kl.penutup.isVisible()
    assert kl.penutup.geometry() == w.rect()
    dlg = kl.dialog
    assert dlg is not None and dlg.isVisible() and dlg.isModal()

    dlg.reject()  # Esc does not unlock
    assert kl.terkunci and dlg.isVisible()
    assert not w.close()  # nor does closing the window
    assert w.isVisible()

    ketik_sandi(qtbot, dlg, SANDI_ADMIN)  # another user's password
    assert kl.terkunci
    assert dlg.pesan.text() == "Nama pengguna atau sandi salah."
    ketik_sandi(qtbot, dlg, "salah-dua")
    ketik_sandi(qtbot, dlg, "salah-tiga")
    assert not dlg.tombol_ok.isEnabled()
    assert dlg.pesan.text().endswith("Coba lagi dalam 2 detik.")
    jam.maju(3)
    dlg.hitung.detak()
    assert dlg.tombol_ok.isEnabled()

    ketik_sandi(qtbot, dlg, SANDI_RINA)
    assert not kl.terkunci and not w.terkunci
    assert not kl.penutup.isVisible()
    assert w.halaman_aktif() is h and h.ada_perubahan()  # the edit waited under the cover
    assert h.editor.ui.uraian.toPlainText() == "Uraian yang belum disimpan"
    jam.maju(KUNCI_LAYAR_BAWAAN * 60 - 5)
    kl.periksa()
    assert not kl.terkunci  # the wait starts again after unlocking


def test_ctrl_l_mengunci_dan_peran_baru_berlaku_setelah_buka(  # type: ignore[no-untyped-def]
    qtbot, jendela_akun: JendelaUtama, jam: Jam
) -> None:
    w = jendela_akun
    w.activateWindow()
    qtbot.keyClick(w, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    kl = w.kunci_layar
    assert kl is not None
    qtbot.waitUntil(lambda: kl.terkunci)
    admin = masuk(w.k.db, "admin", SANDI_ADMIN).pelaku
    ubah_pengguna(w.k.db, admin, "rina", peran=Peran.PEMBACA)  # changed meanwhile
    atur_waktu_kunci_layar(w.k.db, admin, 0)
    assert kl.dialog is not None
    ketik_sandi(qtbot, kl.dialog, SANDI_RINA)
    assert not kl.terkunci
    assert w.k.pelaku.peran is Peran.PEMBACA
    assert w.status_pengguna.text() == "Pengguna: Rina (Pembaca)"
    assert kl.penjaga.menit == 0 and not kl.timer.isActive()  # 0 = never by itself
    jam.maju(10_000)
    kl.periksa()
    assert not kl.terkunci


def test_keluar_dan_masuk_sebagai_pengguna_lain(  # type: ignore[no-untyped-def]
    qtbot, jendela_akun: JendelaUtama, jam: Jam
) -> None:
    w = jendela_akun
    h = w.halaman_aktif()
    h.undo_stack.push(QUndoCommand("perubahan Rina"))
    w.aksi_ganti_pengguna.trigger()
    dlg = w._dialog_masuk
    assert dlg is not None and dlg.isVisible() and w.terkunci
    assert w.kunci_layar is not None and w.kunci_layar.penutup.isVisible()
    qtbot.keyClicks(dlg.isian_username, "admin")
    qtbot.keyClicks(dlg.isian_sandi, SANDI_ADMIN)
    klik(qtbot, dlg.tombol_ok)
    qtbot.waitUntil(lambda: w._dialog_masuk is None)
    assert w.k.pelaku.username == "admin" and w.k.pelaku.peran is Peran.ADMINISTRATOR
    assert w.status_pengguna.text() == "Pengguna: Administrator SAKIP (Administrator)"
    assert not w.kunci_layar.penutup.isVisible()
    assert h.undo_stack.count() == 0  # the previous user's undo history is gone
    assert w.isVisible()


def test_keluar_dari_dialog_masuk_menutup_program(  # type: ignore[no-untyped-def]
    qtbot, jendela_akun: JendelaUtama
) -> None:
    w = jendela_akun
    w.aksi_ganti_pengguna.trigger()
    dlg = w._dialog_masuk
    assert dlg is not None
    klik(qtbot, dlg.tombol_batal)
    qtbot.waitUntil(lambda: not w.isVisible())


def test_ganti_sandi_dari_menu(qtbot, jendela_akun: JendelaUtama) -> None:  # type: ignore[no-untyped-def]
    w = jendela_akun
    w.aksi_ganti_sandi.trigger()
    dlg = w._dialog_sandi
    assert dlg is not None and dlg.isVisible()
    qtbot.keyClicks(dlg.isian_lama, SANDI_RINA)
    qtbot.keyClicks(dlg.isian_baru, "sandi-baru-rina")
    qtbot.keyClicks(dlg.isian_ulang, "sandi-baru-rina")
    klik(qtbot, dlg.tombol_ok)
    qtbot.waitUntil(lambda: w._dialog_sandi is None)
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert w.statusBar().currentMessage() == "Sandi diganti."
    assert masuk(w.k.db, "rina", "sandi-baru-rina").pelaku.username == "rina"


def test_tutup_program_dari_layar_terkunci(  # type: ignore[no-untyped-def]
    qtbot, jendela_akun: JendelaUtama, tanpa_tanya: list[str]
) -> None:
    w = jendela_akun
    pohon_kotor(qtbot, w)
    w.kunci()
    kl = w.kunci_layar
    assert kl is not None and kl.dialog is not None
    assert kl.dialog.tombol_batal.text() == "Tutup program…"
    klik(qtbot, kl.dialog.tombol_batal)
    assert "Isian yang belum disimpan akan hilang" in tanpa_tanya[-1]
    qtbot.waitUntil(lambda: not w.isVisible())
    assert not kl.terkunci
