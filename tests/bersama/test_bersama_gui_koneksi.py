"""The connection dialog and the copy wizard (pytest-qt)."""

from __future__ import annotations

import json
import os
import shutil

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bantu_bersama import sidik

from sakip_desktop.gui.dialog_koneksi import DialogKoneksi
from sakip_desktop.gui.wizard_salin import WizardSalin
from sakip_desktop.storage import Database, server

pytestmark = pytest.mark.gui


def test_dialog_koneksi_tes_dan_simpan_tanpa_sandi_di_berkas(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(server, "keyring_tersedia", lambda: False)
    dlg = DialogKoneksi(tmp_path)
    qtbot.addWidget(dlg)
    assert dlg.pilih_lokal.isChecked() and not dlg.tombol_tes.isEnabled()
    assert "ditanyakan setiap program dibuka" in dlg.label_brankas.text()
    dlg.pilih_server.setChecked(True)
    dlg.host.setText("127.0.0.1")
    dlg.port.setValue(1)  # nothing listens there
    dlg.user.setText("perencana")
    dlg.sandi.setText("Rahasia#1")
    hasil = dlg.tes()
    assert hasil is not None and not hasil.berhasil
    assert "tidak dapat dihubungi" in dlg.hasil.text()
    dlg.simpan()
    isi = (tmp_path / "server.json").read_text()
    assert json.loads(isi)["host"] == "127.0.0.1" and "Rahasia" not in isi
    # Back to the local file.
    dlg2 = DialogKoneksi(tmp_path)
    qtbot.addWidget(dlg2)
    assert dlg2.pilih_server.isChecked() and dlg2.host.text() == "127.0.0.1"
    dlg2.pilih_lokal.setChecked(True)
    dlg2.simpan()
    assert not (tmp_path / "server.json").exists()


def test_wizard_salin_menyalin_dan_memverifikasi(qtbot, templat_bersama, tmp_path):
    asal = tmp_path / "asal.sqlite3"
    shutil.copyfile(templat_bersama, asal)
    tujuan = tmp_path / "tujuan.sqlite3"
    w = WizardSalin(str(asal), str(tujuan))
    qtbot.addWidget(w)
    w.show()
    w.next()
    qtbot.waitUntil(lambda: w.currentPage() is w.halaman_hasil)
    assert w.hasil is not None and w.hasil.sah
    assert "checksum" in w.label_hasil.text() and w.tabel.rowCount() > 10
    with Database(str(asal)) as a, Database(str(tujuan)) as b:
        assert sidik(a) == sidik(b)
    # A second run into the same, now filled, database is refused with the reason.
    w2 = WizardSalin(str(asal), str(tujuan))
    qtbot.addWidget(w2)
    w2.show()
    w2.next()
    qtbot.waitUntil(lambda: w2.currentPage() is w2.halaman_hasil)
    assert w2.hasil is None and "tidak kosong" in w2.label_hasil.text()
