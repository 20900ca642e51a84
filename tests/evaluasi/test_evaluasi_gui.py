"""The Konsistensi, LKjIP & LKE page in the main window (pytest-qt)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from sakip_desktop.domain import DokumenTarget
from sakip_desktop.kalkulasi import NilaiTarget
from sakip_desktop.services.konteks import pilih_opd
from sakip_desktop.services.lke_isian import LayananLke
from sakip_desktop.services.lkjip_narasi import baca_narasi
from sakip_desktop.services.pelaku import Pelaku
from sakip_desktop.services.target import simpan_target_rinci
from sakip_desktop.storage import Database

pytestmark = pytest.mark.gui


def _halaman(jendela):  # type: ignore[no-untyped-def]
    jendela.buka_halaman("evaluasi")
    h = jendela.halaman("evaluasi")
    assert jendela.halaman_aktif() is h
    return h


def test_halaman_terdaftar_di_pelaporan(jendela) -> None:  # type: ignore[no-untyped-def]
    from sakip_desktop.gui.halaman.daftar import entri

    assert entri("evaluasi").bagian == "Pelaporan"
    h = _halaman(jendela)
    assert h.judul == "Konsistensi, LKjIP & LKE"
    assert [h.tab.tabText(i) for i in range(h.tab.count())] == ["Konsistensi", "LKjIP", "LKE"]


def test_matriks_dan_temuan_membuka_pohon(
    jendela, qtbot, db_demo: Database, perencana: Pelaku, indikator: Callable[[str], uuid.UUID]
) -> None:  # type: ignore[no-untyped-def]
    h = _halaman(jendela)
    assert h.temuan.item(0).text() == "Tidak ada perbedaan: semua dokumen konsisten."
    with db_demo.transaksi(perencana) as sesi:
        simpan_target_rinci(
            sesi,
            perencana,
            indikator("IKU.1"),
            2020,
            0,
            DokumenTarget.PK,
            NilaiTarget(nilai=Decimal("1.50")),
        )
    h.segarkan()
    assert h.temuan.count() == 1
    item = h.temuan.item(0)
    assert "1,28%" in item.text() and "1,50%" in item.text()
    # the differing cell shows both values and is marked
    kolom = [h.matriks.horizontalHeaderItem(c).text() for c in range(h.matriks.columnCount())]
    baris = next(r for r in range(h.matriks.rowCount()) if h.matriks.item(r, 0).text() == "IKU.1")
    sel_pk = h.matriks.item(baris, kolom.index("PK"))
    assert sel_pk.text() == "1,50% ≠ Renstra 1,28%"
    assert sel_pk.background().color().name() == "#f8d7da"
    assert h.matriks.item(baris, kolom.index("Renstra")).text() == "1,28%"
    h.temuan.itemDoubleClicked.emit(item)
    assert jendela.halaman_aktif().kunci == "pohon"
    info = jendela.halaman("pohon").node_terpilih()
    assert info is not None and info.kode == "S.1"


def test_narasi_disimpan_dan_lkjip_dibuat(
    jendela, qtbot, db_demo: Database, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    h = _halaman(jendela)
    h.tab.setCurrentIndex(1)
    judul = [h.daftar_bagian.item(i).text() for i in range(h.daftar_bagian.count())]
    baris = next(i for i, t in enumerate(judul) if t.endswith("Ikhtisar Eksekutif"))
    h.daftar_bagian.setCurrentRow(baris)
    h.editor.setPlainText("Capaian IKU tahun 2020 sesuai rencana triwulan.")
    assert h.ada_perubahan()
    qtbot.mouseClick(h.tombol_simpan_narasi, Qt.MouseButton.LeftButton)
    assert not h.ada_perubahan()
    with db_demo.baca() as sesi:
        assert baca_narasi(sesi, pilih_opd(sesi).id, 2020)["ikhtisar"].startswith("Capaian IKU")
    assert h.daftar_bagian.item(baris).text().startswith("✓")
    pdf = h.buat_lkjip("pdf", tmp_path / "lkjip.pdf")
    assert pdf is not None and pdf.stat().st_size > 10_000


def test_lke_jawaban_skor_langsung_dan_simpan(jendela, qtbot, db_demo: Database) -> None:  # type: ignore[no-untyped-def]
    h = _halaman(jendela)
    h.tab.setCurrentIndex(2)
    assert "Nilai 0,00 — predikat D" in h.label_skor.text()
    pilih = h.tabel_lke.cellWidget(0, 2)
    assert [pilih.itemText(i) for i in range(pilih.count())] == ["—", "Y", "T"]
    pilih.setCurrentIndex(1)
    assert "Nilai 1,00" in h.label_skor.text() and "belum disimpan" in h.label_skor.text()
    h.tabel_lke.item(0, 4).setText("Perbup pedoman perencanaan")
    assert h.ada_perubahan()
    qtbot.mouseClick(h.tombol_simpan_lke, Qt.MouseButton.LeftButton)
    assert not h.ada_perubahan()
    d = LayananLke(db_demo).baca(2020)
    i = d.isian_kode("1.a.1")
    assert (i.jawaban, i.catatan) == ("Y", "Perbup pedoman perencanaan")
    qtbot.mouseClick(h.tombol_saran, Qt.MouseButton.LeftButton)
    assert LayananLke(db_demo).baca(2020).isian_kode("1.a.3").jawaban == "Y"
    assert "19 dari 80 kriteria terjawab" in h.label_skor.text()
