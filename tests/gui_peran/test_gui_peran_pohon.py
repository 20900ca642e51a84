"""The tree page mirrors the acting user's role: a Kabid of Bidang Pelatihan Kerja edits the
nodes, indicators and targets of the bidang; elsewhere everything is read-only and says why,
and a forced service call is refused with nothing changed."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal

from gui_peran_bantu import BIDANG_ASING, NODE_ASING, NODE_SENDIRI, PERENCANA
from PySide6.QtCore import Qt
from sqlalchemy import select

from sakip_desktop.domain import DokumenTarget, JenisNode, Peran
from sakip_desktop.gui.halaman.pohon import HalamanPohon
from sakip_desktop.gui.jendela_utama import JendelaUtama
from sakip_desktop.gui.konteks import GAGAL
from sakip_desktop.gui.model_pohon import K_URAIAN
from sakip_desktop.kalkulasi import NilaiTarget
from sakip_desktop.model import Indikator, Jabatan, NodeKinerja, Target
from sakip_desktop.services import pohon_edit
from sakip_desktop.services.indikator import data_indikator, ubah_indikator
from sakip_desktop.services.pelaku import Pelaku
from sakip_desktop.services.target import simpan_target


def pohon(jendela: JendelaUtama) -> HalamanPohon:
    h = jendela.halaman("pohon")
    assert isinstance(h, HalamanPohon)
    return h


def bisa_diketik(h: HalamanPohon) -> bool:
    return not h.editor.ui.uraian.isReadOnly() and not h.editor.ui.keterangan.isReadOnly()


def test_kabid_mengubah_node_bidangnya(  # type: ignore[no-untyped-def]
    qtbot, jendela: JendelaUtama, kabid: Pelaku, node_id: Callable[[str], uuid.UUID]
) -> None:
    jendela.k.pelaku = kabid
    h = pohon(jendela)
    nid = node_id(NODE_SENDIRI)
    assert h.tampilkan_node(nid)
    assert h.izin and bisa_diketik(h)
    assert h.editor.ui.kode.isReadOnly() is False and h.editor.ui.pemilik.isEnabled()
    assert h.lencana.isHidden()
    for tombol in (h.tombol_hapus, h.tombol_naik, h.tombol_turun, h.tombol_tambah):
        assert tombol.isEnabled() and tombol.isVisibleTo(h)
    assert h.tombol_simpan_indikator.isEnabled() and not h.editor_indikator.ui.nama.isReadOnly()
    assert h.model_tahun.rowCount() > 0
    assert h.model_tahun.flags(h.model_tahun.index(0, 0)) & Qt.ItemFlag.ItemIsEditable

    qtbot.keyClicks(h.editor.ui.keterangan, "dicek Kabid")
    assert h.tombol_simpan.isEnabled()
    qtbot.mouseClick(h.tombol_simpan, Qt.MouseButton.LeftButton)
    with jendela.k.baca() as sesi:
        node = sesi.get(NodeKinerja, nid)
        assert node.keterangan == "dicek Kabid"
        assert node.diubah_oleh == "budi"
    assert not h.tombol_simpan.isEnabled()  # saved: nothing pending


def test_kabid_node_bidang_lain_hanya_baca(  # type: ignore[no-untyped-def]
    qtbot,
    jendela: JendelaUtama,
    kabid: Pelaku,
    node_id: Callable[[str], uuid.UUID],
    galat: list[tuple[str, str]],
    jawaban: list[tuple[str, str]],
) -> None:
    jendela.k.pelaku = kabid
    h = pohon(jendela)
    nid = node_id(NODE_ASING)
    assert h.tampilkan_node(nid)
    # the form: read-only, saying why
    assert not h.izin
    assert h.editor.ui.uraian.isReadOnly() and h.editor.ui.keterangan.isReadOnly()
    assert h.editor.ui.kode.isReadOnly() and not h.editor.ui.pemilik.isEnabled()
    assert h.lencana.isVisibleTo(h)
    assert h.lencana.text() == f"Hanya baca: node ini milik {BIDANG_ASING}."
    assert "Bidang Pelatihan Kerja" in h.lencana.toolTip()
    assert "Budi (Kabid Pelatihan)" in h.lencana.toolTip()
    assert h.editor.ui.pesan.text() == h.lencana.text()
    # the row in the tree is grey and its tooltip says whose it is
    baris = h.model.indeks_id(nid, K_URAIAN)
    assert BIDANG_ASING in baris.data(Qt.ItemDataRole.ToolTipRole)
    assert not baris.flags() & Qt.ItemFlag.ItemIsDragEnabled
    # the actions: disabled (the Kabid edits other nodes, so they stay visible)
    for tombol in (h.tombol_simpan, h.tombol_hapus, h.tombol_naik, h.tombol_turun):
        assert not tombol.isEnabled()
    assert not h.tombol_tambah.isEnabled()
    assert not h.tombol_indikator_baru.isEnabled()
    assert not h.tombol_simpan_indikator.isEnabled()
    assert not h.tombol_hapus_indikator.isEnabled()
    assert h.editor_indikator.ui.nama.isReadOnly()
    assert not h.editor_indikator.ui.satuan.isEnabled()
    assert h.editor_indikator.ui.pesan.text().startswith("Hanya baca: indikator node ini milik")
    # typing changes nothing, saving and Del do nothing
    qtbot.keyClicks(h.editor.ui.uraian, "XYZ")
    assert not h.editor.kotor and not h.tombol_simpan.isEnabled()
    assert h.simpan()
    jendela.aksi_hapus.trigger()
    assert not jawaban  # no delete confirmation was even asked
    with jendela.k.baca() as sesi:
        node = sesi.get(NodeKinerja, nid)
        uraian, versi = node.uraian, node.versi
        indikator = sesi.scalars(select(Indikator).where(Indikator.node_id == nid)).first()
        assert indikator is not None
        ind_id, data_ind = indikator.id, data_indikator(indikator)
    assert uraian == NODE_ASING

    # a forced service call is refused, nothing changed
    hasil = jendela.k.tulis(pohon_edit.ubah_node, nid, uraian="Diubah paksa", area="pohon")
    assert hasil is GAGAL
    assert "Akses ditolak" in galat[-1][1]
    dipaksa = replace(data_ind, nama="Diubah paksa")
    assert jendela.k.tulis(ubah_indikator, ind_id, dipaksa, area="target") is GAGAL
    assert jendela.k.tulis(pohon_edit.hapus_node, nid, area="pohon") is GAGAL
    with jendela.k.baca() as sesi:
        node = sesi.get(NodeKinerja, nid)
        assert (node.uraian, node.versi) == (uraian, versi)
        assert sesi.get(Indikator, ind_id).nama == data_ind.nama


def test_grid_target_menolak_node_bidang_lain(  # type: ignore[no-untyped-def]
    jendela: JendelaUtama,
    kabid: Pelaku,
    node_id: Callable[[str], uuid.UUID],
    galat: list[tuple[str, str]],
) -> None:
    jendela.k.pelaku = kabid
    h = pohon(jendela)
    nid = node_id(NODE_ASING)
    h.tampilkan_node(nid)

    def target_asing() -> list[tuple[object, ...]]:
        with jendela.k.baca() as sesi:
            return sorted(
                (str(t.id), t.tahun, t.triwulan, t.dokumen, t.nilai, t.versi)
                for t in sesi.scalars(
                    select(Target).join(Indikator).where(Indikator.node_id == nid)
                )
            )

    sebelum = target_asing()
    for model in (h.model_tahun, h.model_tw):
        assert model.rowCount() > 0
        for kolom in range(model.columnCount()):
            indeks = model.index(0, kolom)
            assert not indeks.flags() & Qt.ItemFlag.ItemIsEditable
        indeks = model.index(0, 0)
        assert "Hanya baca: target node ini milik" in indeks.data(Qt.ItemDataRole.ToolTipRole)
        assert not model.setData(indeks, "99")
        assert galat[-1][1].startswith("Hanya baca: target node ini milik")
    # and the service refuses a forced write
    ind = h.model_tahun.baris[0].indikator_id
    tahun = h.model_tahun.tahun[0]
    hasil = jendela.k.tulis(
        simpan_target,
        ind,
        tahun,
        0,
        DokumenTarget.RENSTRA,
        NilaiTarget(Decimal("99")),
        area="target",
    )
    assert hasil is GAGAL and "Akses ditolak" in galat[-1][1]
    assert target_asing() == sebelum

    # the Kabid's own node: the same grid is editable
    h.tampilkan_node(node_id(NODE_SENDIRI))
    assert h.model_tahun.index(0, 0).flags() & Qt.ItemFlag.ItemIsEditable


def test_ganti_pelaku_menyegarkan_formulir(  # type: ignore[no-untyped-def]
    qtbot, jendela: JendelaUtama, kabid: Pelaku, node_id: Callable[[str], uuid.UUID]
) -> None:
    h = pohon(jendela)
    nid = node_id(NODE_ASING)
    h.tampilkan_node(nid)
    qtbot.keyClicks(h.editor.ui.keterangan, "catatan")
    assert h.simpan()
    assert h.undo_stack.canUndo()
    assert bisa_diketik(h) and h.lencana.isHidden()

    jendela.k.pelaku = kabid  # "bekerja sebagai" the Kabid: same node, now read-only
    assert h.node_terpilih().id == nid
    assert not bisa_diketik(h) and h.lencana.isVisibleTo(h)
    assert not h.undo_stack.canUndo(), "the planner's undo history is not the Kabid's"
    assert not jendela.aksi_urungkan.isEnabled()

    jendela.k.pelaku = PERENCANA
    assert bisa_diketik(h) and h.lencana.isHidden() and h.tombol_hapus.isEnabled()


def test_kabid_tidak_menambah_di_tingkat_teratas(  # type: ignore[no-untyped-def]
    jendela: JendelaUtama, kabid: Pelaku, node_id: Callable[[str], uuid.UUID]
) -> None:
    jendela.k.pelaku = kabid
    h = pohon(jendela)
    h.pohon.setCurrentIndex(h.model.index(-1, -1))
    assert h.node_terpilih() is None
    assert not h.tombol_tambah.isEnabled()
    assert "tingkat teratas" in h.tombol_tambah.toolTip()
    assert h.tambah_anak(JenisNode.TUJUAN) is None  # refused before asking the services


def test_hak_murah_tanpa_baca_per_baris(  # type: ignore[no-untyped-def]
    qtbot,
    jendela: JendelaUtama,
    kabid: Pelaku,
    node_id: Callable[[str], uuid.UUID],
    monkeypatch,
) -> None:
    """Switching to the Kabid reads the scope once; painting the tree and the grids (rows,
    flags, colours) reads nothing."""
    h = pohon(jendela)
    h.tampilkan_node(node_id(NODE_ASING))  # its programs loaded too
    asli = jendela.k.baca
    dibaca: list[int] = []

    def baca():  # type: ignore[no-untyped-def]
        dibaca.append(1)
        return asli()

    monkeypatch.setattr(jendela.k, "baca", baca)
    jendela.k.pelaku = kabid
    assert len(dibaca) < 15, len(dibaca)  # scope, units of loaded nodes, the selection's forms
    dibaca.clear()

    def semua(indeks):  # type: ignore[no-untyped-def]
        for r in range(h.model.rowCount(indeks)):
            anak = h.model.index(r, 0, indeks)
            yield anak
            yield from semua(anak)

    baris = list(semua(h.model.index(-1, -1)))
    assert len(baris) > 10
    for indeks in baris:
        for kolom in range(h.model.columnCount()):
            i = indeks.siblingAtColumn(kolom)
            i.flags()
            for peran in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole):
                i.data(peran)
    h.pohon.viewport().repaint()
    h.grid_tahun.viewport().repaint()
    assert not dibaca
    abu = [i for i in baris if i.data(Qt.ItemDataRole.ForegroundRole) is not None]
    assert abu and len(abu) < len(baris)  # the other bidang's rows grey, the Kabid's not


def test_kadis_dan_kasi_tidak_mengubah_pohon(  # type: ignore[no-untyped-def]
    jendela: JendelaUtama, node_id: Callable[[str], uuid.UUID]
) -> None:
    """Their scope covers the node (the whole OPD, their own seksi), yet the services let
    neither change the plan: the window must not offer it either."""
    with jendela.k.baca() as sesi:
        jabatan = {
            n: sesi.scalars(select(Jabatan.id).where(Jabatan.nama == n)).one()
            for n in ("Kepala Dinas Tenaga Kerja", "Kepala Seksi Kelembagaan Pelatihan")
        }
    h = pohon(jendela)
    kegiatan = node_id("Pembinaan Kelompok Masyarakat Pelatihan Kerja")  # that seksi's
    for pelaku, alasan in (
        (
            Pelaku("kadis", Peran.KEPALA_DINAS, jabatan["Kepala Dinas Tenaga Kerja"]),
            "Hanya baca: peran Kepala Dinas membaca",
        ),
        (
            Pelaku("kasi", Peran.KASI, jabatan["Kepala Seksi Kelembagaan Pelatihan"]),
            "Hanya baca: peran Kepala Seksi mengisi realisasi seksinya",
        ),
    ):
        jendela.k.pelaku = pelaku
        assert h.tampilkan_node(kegiatan)
        assert not h.izin and h.lencana.text().startswith(alasan)
        assert h.editor.ui.uraian.isReadOnly()
        assert not h.tombol_hapus.isVisibleTo(h) and not h.tombol_simpan.isVisibleTo(h)
        assert not h.model.indeks_id(kegiatan).flags() & Qt.ItemFlag.ItemIsDragEnabled
        assert not h.model_tahun.index(0, 0).flags() & Qt.ItemFlag.ItemIsEditable


def test_kabid_menyerahkan_node_menjadi_hanya_baca(  # type: ignore[no-untyped-def]
    jendela: JendelaUtama, kabid: Pelaku, node_id: Callable[[str], uuid.UUID]
) -> None:
    """Giving a node of the bidang to another bidang's Kabid: saved, then read-only at once
    (the kegiatan below keep their own seksi owners, so they stay the Kabid's)."""
    jendela.k.pelaku = kabid
    h = pohon(jendela)
    nid = node_id(NODE_SENDIRI)
    h.tampilkan_node(nid)
    pemilik = h.editor.ui.pemilik
    i = pemilik.findText("Kepala Bidang Penempatan", Qt.MatchFlag.MatchStartsWith)
    assert i > 0
    pemilik.setCurrentIndex(i)
    assert h.simpan()
    assert h.node_terpilih().id == nid
    assert not h.izin
    assert h.lencana.text().startswith("Hanya baca: node ini milik Bidang Penempatan")
    assert not h.model.indeks_id(nid).flags() & Qt.ItemFlag.ItemIsDragEnabled
    assert not h.model_tahun.index(0, 0).flags() & Qt.ItemFlag.ItemIsEditable
