""" "Riwayat…" on the node form, the indicator form and the target grid opens the history of
that record (every role may read it, a Pembaca too)."""

from __future__ import annotations

import uuid
from collections.abc import Callable

import pytest
from gui_peran_bantu import NODE_SENDIRI, PEMBACA
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from sakip_desktop.domain import DokumenTarget
from sakip_desktop.gui.halaman.pohon import HalamanPohon
from sakip_desktop.gui.jendela_utama import JendelaUtama
from sakip_desktop.services.target_baca import id_target_berlaku

riwayat = pytest.importorskip(
    "sakip_desktop.gui.dialog_riwayat",
    reason="sakip_desktop/gui/dialog_riwayat.py (dialog riwayat rekaman) belum ada",
)


def dialog_terbuka(h: HalamanPohon) -> list[QDialog]:
    return [d for d in h.findChildren(riwayat.DialogRiwayat) if d.isVisible()]


def tutup_semua(h: HalamanPohon) -> None:
    for d in dialog_terbuka(h):
        d.reject()


def test_riwayat_node_indikator_dan_target(  # type: ignore[no-untyped-def]
    qtbot, jendela: JendelaUtama, node_id: Callable[[str], uuid.UUID]
) -> None:
    h = jendela.halaman("pohon")
    assert isinstance(h, HalamanPohon)
    nid = node_id(NODE_SENDIRI)
    h.tampilkan_node(nid)
    qtbot.keyClicks(h.editor.ui.keterangan, "untuk riwayat")
    assert h.simpan()

    # the node form
    qtbot.mouseClick(h.tombol_riwayat_node, Qt.MouseButton.LeftButton)
    (dlg,) = dialog_terbuka(h)
    assert (dlg.tabel, dlg.rekaman_id) == ("node_kinerja", nid)
    assert dlg.model.rowCount() >= 1
    assert "untuk riwayat" in " ".join(
        str(dlg.model.index(r, c).data())
        for r in range(dlg.model.rowCount())
        for c in range(dlg.model.columnCount())
    )
    tutup_semua(h)

    # the indicator form
    h.tab.setCurrentIndex(1)
    assert h.daftar_indikator.count() > 0 and h.tombol_riwayat_indikator.isEnabled()
    h.daftar_indikator.setCurrentRow(0)
    qtbot.mouseClick(h.tombol_riwayat_indikator, Qt.MouseButton.LeftButton)
    (dlg,) = dialog_terbuka(h)
    assert (dlg.tabel, dlg.rekaman_id) == ("indikator", h._indikator[0][0])
    tutup_semua(h)

    # the target grid: the selected cell's target row in force, after an edit
    h.tab.setCurrentIndex(2)
    model = h.model_tahun
    kolom = model.tahun.index(2020)
    indeks = model.index(0, kolom)
    assert model.setData(indeks, "77")
    h.grid_tahun.setCurrentIndex(indeks)
    assert h.tombol_riwayat_target.isEnabled()
    qtbot.mouseClick(h.tombol_riwayat_target, Qt.MouseButton.LeftButton)
    (dlg,) = dialog_terbuka(h)
    with jendela.k.baca() as sesi:
        tid = id_target_berlaku(sesi, model.baris[0].indikator_id, 2020, 0, DokumenTarget.RENSTRA)
    assert (dlg.tabel, dlg.rekaman_id) == ("target", tid)
    assert dlg.model.rowCount() >= 1
    tutup_semua(h)


def test_pembaca_dapat_membuka_riwayat(  # type: ignore[no-untyped-def]
    qtbot, jendela: JendelaUtama, node_id: Callable[[str], uuid.UUID]
) -> None:
    jendela.k.pelaku = PEMBACA
    h = jendela.halaman("pohon")
    assert isinstance(h, HalamanPohon)
    nid = node_id(NODE_SENDIRI)
    h.tampilkan_node(nid)
    assert h.tombol_riwayat_node.isEnabled()
    dlg = h.riwayat_node()
    assert isinstance(dlg, riwayat.DialogRiwayat) and dlg.rekaman_id == nid
    dlg.reject()
