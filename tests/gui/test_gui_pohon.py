"""The tree page used as a person would: find, add, type, save, undo, delete."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from sqlalchemy import select

from sakip_desktop.domain import DokumenTarget, JenisNode
from sakip_desktop.gui.halaman.pohon import HalamanPohon
from sakip_desktop.gui.jendela_utama import JendelaUtama
from sakip_desktop.model import Indikator, NodeKinerja, Target


def halaman(w: JendelaUtama) -> HalamanPohon:
    h = w.halaman_aktif()
    assert isinstance(h, HalamanPohon)
    return h


def node_id(w: JendelaUtama, uraian: str):  # type: ignore[no-untyped-def]
    with w.k.baca() as sesi:
        return sesi.scalars(select(NodeKinerja.id).where(NodeKinerja.uraian == uraian)).one()


def test_cari_penempatan_kerja_dan_tampilkan(qtbot, jendela: JendelaUtama) -> None:  # type: ignore[no-untyped-def]
    h = halaman(jendela)
    jendela.aksi_cari.trigger()
    assert h.filter.hasFocus() or QApplication.focusWidget() is h.filter
    qtbot.keyClicks(h.filter, "Penempatan Kerja")
    qtbot.keyClick(h.filter, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: h.node_terpilih() is not None, timeout=3000)
    info = h.node_terpilih()
    assert info is not None and "Penempatan Kerja" in info.uraian
    assert "dari" in h.label_cari.text()
    # the match is revealed: every ancestor is expanded
    indeks = h.pohon.currentIndex().parent()
    while indeks.isValid():
        assert h.pohon.isExpanded(indeks)
        indeks = indeks.parent()


def test_tambah_kegiatan_indikator_target_urungkan_hapus(  # type: ignore[no-untyped-def]
    qtbot, jendela: JendelaUtama, jawaban
) -> None:
    h = halaman(jendela)
    program = node_id(jendela, "Peningkatan Kualitas Tenaga Kerja")
    assert h.tampilkan_node(program)

    # add a kegiatan and type its name, save with Ctrl+S
    baru = h.tambah_anak(JenisNode.KEGIATAN)
    assert baru is not None
    h.editor.ui.uraian.selectAll()
    qtbot.keyClicks(h.editor.ui.uraian, "Pelatihan Kewirausahaan Digital")
    qtbot.keyClicks(h.editor.ui.kode, "2.07.01.2.09")
    assert h.editor.kotor and h.tab.tabText(0) == "Detail *"
    jendela.aksi_simpan.trigger()
    with jendela.k.baca() as sesi:
        node = sesi.get(NodeKinerja, baru)
        assert node is not None
        assert node.uraian == "Pelatihan Kewirausahaan Digital"
        assert node.kode == "2.07.01.2.09"
        assert node.parent_id == program

    # an indicator for it
    h.tab.setCurrentIndex(1)
    qtbot.mouseClick(h.tombol_indikator_baru, Qt.MouseButton.LeftButton)
    ed = h.editor_indikator.ui
    qtbot.keyClicks(ed.kode, "IKK.90")
    qtbot.keyClicks(ed.nama, "Jumlah peserta pelatihan kewirausahaan digital")
    ed.satuan.setCurrentText("orang")
    ed.jenis.setCurrentIndex(ed.jenis.findData("jumlah"))
    ed.agregasi.setCurrentIndex(ed.agregasi.findData("akumulasi"))
    qtbot.mouseClick(h.tombol_simpan_indikator, Qt.MouseButton.LeftButton)
    with jendela.k.baca() as sesi:
        ind = sesi.scalars(select(Indikator).where(Indikator.kode == "IKU.90")).first()
        assert ind is None
        ind = sesi.scalars(select(Indikator).where(Indikator.kode == "IKK.90")).one()
        assert ind.node_id == baru and ind.satuan == "orang"
        ind_id = ind.id

    # a 2020 Renstra target typed with the keyboard in Indonesian format
    pesan: list[str] = []
    jendela.k.galat.connect(lambda _j, p: pesan.append(p))
    h.tab.setCurrentIndex(2)
    grid, model = h.grid_tahun, h.model_tahun
    kolom = model.tahun.index(2020)
    indeks = model.index(0, kolom)
    grid.setFocus()
    grid.setCurrentIndex(indeks)
    qtbot.keyClick(grid, Qt.Key.Key_F2)  # start editing with the keyboard
    editor = grid.viewport().findChild(QLineEdit)
    assert isinstance(editor, QLineEdit), "sel tidak masuk mode sunting"
    qtbot.keyClicks(editor, "1.250")
    qtbot.keyClick(editor, Qt.Key.Key_Return)

    def target_2020() -> Decimal | None:
        with jendela.k.baca() as sesi:
            t = sesi.scalars(
                select(Target).where(
                    Target.indikator_id == ind_id,
                    Target.tahun == 2020,
                    Target.triwulan == 0,
                    Target.dokumen == DokumenTarget.RENSTRA,
                )
            ).first()
            return t.nilai if t else None

    qtbot.waitUntil(lambda: target_2020() is not None, timeout=3000)  # commit is queued
    assert not pesan
    assert target_2020() == Decimal("1250")
    assert model.data(indeks) == "1.250"

    # undo the target edit (Ctrl+Z)
    jendela.aksi_urungkan.trigger()
    assert target_2020() is None
    assert model.data(indeks) == ""
    jendela.aksi_ulangi.trigger()
    assert target_2020() == Decimal("1250")

    # delete the kegiatan with Del, after a confirmation that says what goes with it
    h.tampilkan_node(baru)
    h.pohon.setFocus()
    jendela.aksi_hapus.trigger()
    assert jawaban, "penghapusan harus dikonfirmasi"
    _judul, teks = jawaban[-1]
    assert "Pelatihan Kewirausahaan Digital" in teks and "1 indikator" in teks
    assert "1 target" in teks
    with jendela.k.baca() as sesi:
        assert sesi.get(NodeKinerja, baru) is None
        assert sesi.get(Indikator, ind_id) is None

    # and undo the delete: node, indicator and target are back with the same identity
    jendela.aksi_urungkan.trigger()
    with jendela.k.baca() as sesi:
        assert sesi.get(NodeKinerja, baru) is not None
        assert sesi.get(Indikator, ind_id) is not None
    assert target_2020() == Decimal("1250")


def test_angka_salah_di_grid_ditolak_dengan_pesan(qtbot, jendela: JendelaUtama) -> None:  # type: ignore[no-untyped-def]
    h = halaman(jendela)
    pesan: list[str] = []
    jendela.k.galat.connect(lambda _j, p: pesan.append(p))
    sasaran = node_id(jendela, "Meningkatnya Penempatan Kerja")
    h.tampilkan_node(sasaran)
    model = h.model_tahun
    indeks = model.index(0, model.tahun.index(2020))
    sebelum = model.data(indeks)
    assert not model.setData(indeks, "1.28")
    assert pesan and "1.28" in pesan[-1]
    assert model.data(indeks) == sebelum == "1,28"


def test_peringatan_target_triwulan(qtbot, jendela: JendelaUtama) -> None:  # type: ignore[no-untyped-def]
    """UMK's TW IV target is empty in the source while the year's is 2,40 %: warned."""
    h = halaman(jendela)
    h.tampilkan_node(node_id(jendela, "Meningkatnya Kesejahteraan Pekerja"))
    h.dokumen.setCurrentIndex(h.dokumen.findData("renja"))
    model = h.model_tw
    assert model.rowCount() == 1
    assert "TW IV" in str(model.data(model.index(0, 5)))


def test_kabid_hanya_mengubah_bidangnya(qtbot, jendela: JendelaUtama) -> None:  # type: ignore[no-untyped-def]
    h = halaman(jendela)
    pilih = jendela.pilih_pelaku
    i = next(
        i for i in range(pilih.count()) if pilih.itemText(i) == "Kepala Bidang Pelatihan Kerja"
    )
    pilih.setCurrentIndex(i)
    assert "Kepala Bidang Pelatihan Kerja" in jendela.status_pengguna.text()
    h.tampilkan_node(node_id(jendela, "Perlindungan Pengembangan Lembaga Ketenagakerjaan"))
    assert not h.tombol_hapus.isEnabled()
    assert h.editor.ui.uraian.isReadOnly()
    assert "Hanya baca" in h.editor.ui.pesan.text()
    assert not h.model_tahun.flags(h.model_tahun.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    h.tampilkan_node(node_id(jendela, "Peningkatan Kualitas Tenaga Kerja"))
    assert h.tombol_hapus.isEnabled()
    assert not h.editor.ui.uraian.isReadOnly()


def test_model_pohon_lolos_qtmodeltester(qtmodeltester, jendela: JendelaUtama) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(halaman(jendela).model)


def test_pindah_node_dengan_isian_belum_disimpan_bertanya(  # type: ignore[no-untyped-def]
    qtbot, jendela: JendelaUtama, monkeypatch
) -> None:
    from sakip_desktop.gui import dialog

    h = halaman(jendela)
    pertama = node_id(jendela, "Peningkatan Kualitas Tenaga Kerja")
    kedua = node_id(jendela, "Transmigrasi Regional")
    h.tampilkan_node(pertama)
    qtbot.keyClicks(h.editor.ui.keterangan, "catatan baru")
    jawaban: list[str] = ["batal"]
    monkeypatch.setattr(dialog, "tanya_simpan", lambda *_a, **_k: jawaban[0])
    h.tampilkan_node(kedua)
    assert h.node_terpilih().id == pertama  # stayed, edits kept
    assert h.editor.ui.keterangan.toPlainText() == "catatan baru"
    jawaban[0] = "simpan"
    h.tampilkan_node(kedua)
    assert h.node_terpilih().id == kedua
    with jendela.k.baca() as sesi:
        assert sesi.get(NodeKinerja, pertama).keterangan == "catatan baru"


def test_seret_lepas_mengubah_urutan(qtbot, jendela: JendelaUtama) -> None:  # type: ignore[no-untyped-def]
    h = halaman(jendela)
    sasaran = node_id(jendela, "Meningkatnya Penempatan Kerja")
    h.tampilkan_node(sasaran)
    induk = h.model.indeks_id(sasaran)
    h.model.pastikan_dimuat(induk)
    nama = [h.model.index(r, 0, induk).data() for r in range(h.model.rowCount(induk))]
    terakhir = h.model.index(h.model.rowCount(induk) - 1, 0, induk)
    data = h.model.mimeData([terakhir])
    h.model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, induk)
    induk = h.model.indeks_id(sasaran)
    baru = [h.model.index(r, 0, induk).data() for r in range(h.model.rowCount(induk))]
    assert baru == [nama[-1], *nama[:-1]]
    jendela.aksi_urungkan.trigger()
    h.segarkan()
    induk = h.model.indeks_id(sasaran)
    h.model.pastikan_dimuat(induk)
    assert [h.model.index(r, 0, induk).data() for r in range(h.model.rowCount(induk))] == nama


def test_diagram_dari_node_terpilih(qtbot, jendela: JendelaUtama) -> None:  # type: ignore[no-untyped-def]
    h = halaman(jendela)
    sasaran = node_id(jendela, "Meningkatnya Penempatan Kerja")
    h.tampilkan_node(sasaran)
    qtbot.mouseClick(h.tombol_diagram, Qt.MouseButton.LeftButton)
    assert h.diagram is not None and h.kiri.currentWidget() is h.diagram
    kotak = h.diagram.tata.kotak if h.diagram.tata else ()
    assert any("Penempatan Kerja" in k.pernyataan for k in kotak)
    assert not any("Perlindungan Pekerja" in k.pernyataan for k in kotak)  # only below it
    assert len(h.diagram.scene().items()) > len(kotak)
    qtbot.mouseClick(h.tombol_diagram, Qt.MouseButton.LeftButton)
    assert h.kiri.currentWidget() is h.pohon
