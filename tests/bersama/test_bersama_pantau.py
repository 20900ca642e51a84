"""An open window learns of another program's change (pytest-qt), but never while the user
has unsaved edits on the page."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sakip_desktop.domain import Peran
from sakip_desktop.gui.konteks import Konteks
from sakip_desktop.gui.pantau import PantauPerubahan
from sakip_desktop.model import Pemda
from sakip_desktop.services.konteks import pilih_opd
from sakip_desktop.services.pelaku import Pelaku
from sakip_desktop.storage import Database

pytestmark = pytest.mark.gui
RINA = Pelaku("rina", Peran.PERENCANA)


def test_perubahan_pc_lain_menyegarkan_halaman(qtbot, db_demo: Database):
    with db_demo.baca() as sesi:
        k = Konteks(db_demo, pilih_opd(sesi).id, 2020, RINA)
    mengetik = [True]
    pantau = PantauPerubahan(k, tunda=lambda: mengetik[0])
    try:
        with Database(db_demo.url) as lain:
            with lain.transaksi(RINA) as sesi:
                sesi.add(Pemda(nama="Kabupaten Lain"))
            with qtbot.assertNotEmitted(k.dataBerubah):
                assert pantau.periksa() is False  # the user is typing: it waits
            mengetik[0] = False
            with qtbot.waitSignal(k.dataBerubah) as sinyal:
                qtbot.waitUntil(pantau.periksa, timeout=3000)  # a notice may take a moment
            assert sinyal.args == ["*"]
            with qtbot.assertNotEmitted(k.dataBerubah):
                assert pantau.periksa() is False
    finally:
        pantau.hentikan()
