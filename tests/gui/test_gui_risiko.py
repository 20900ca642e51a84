"""Manajemen Risiko page: the register of the source, the map, processes and SOPs."""

from __future__ import annotations

from sakip_desktop.gui.halaman.risiko import HalamanRisiko
from sakip_desktop.gui.jendela_utama import JendelaUtama


def test_register_peta_proses_sop(qtbot, jendela: JendelaUtama) -> None:  # type: ignore[no-untyped-def]
    jendela.buka_halaman("risiko")
    h = jendela.halaman_aktif()
    assert isinstance(h, HalamanRisiko)
    assert h.tabel.rowCount() == 11
    assert h.tabel.item(0, 1).text() == "Tingkat Pengangguran Terbuka"
    assert h.tabel.item(0, 2).text() == "BUPATI"
    # a cell of the map selects its risks in the register
    terpilih = h.matriks.pilih_sel(3, 4)
    assert len(terpilih) == 3
    qtbot.waitUntil(lambda: len(h.tabel.selectionModel().selectedRows()) == 3, timeout=2000)
    assert h.tab.currentIndex() == 0
    assert h.pohon_proses.topLevelItemCount() == 3
    assert h.tabel_sop.rowCount() == 3
