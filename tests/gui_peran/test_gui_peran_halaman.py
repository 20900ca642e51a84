"""A Pembaca reads everything and changes nothing: on Pohon, IKU, Renja, Organisasi and
Risiko every form is read-only, the editing actions are hidden and a badge says why; a
Perencana sees no badge. A Kabid edits the risks of the bidang only."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from gui_peran_bantu import BIDANG_ASING, NODE_ASING, NODE_SENDIRI, PEMBACA, PERENCANA
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from sakip_desktop.domain import JenisUnit
from sakip_desktop.gui.halaman.organisasi import HalamanOrganisasi
from sakip_desktop.gui.halaman.pohon import HalamanPohon
from sakip_desktop.gui.halaman.risiko import DialogRisiko, HalamanRisiko
from sakip_desktop.gui.halaman.tabel import HalamanTabel
from sakip_desktop.gui.jendela_utama import JendelaUtama
from sakip_desktop.gui.konteks import GAGAL
from sakip_desktop.model import UnitKerja
from sakip_desktop.services import organisasi as org
from sakip_desktop.services.pelaku import Pelaku
from sakip_desktop.services.risiko import LayananRisiko

PESAN_PEMBACA = "Hanya baca: peran Pembaca hanya dapat membaca."


def buka(jendela: JendelaUtama, kunci: str):  # type: ignore[no-untyped-def]
    jendela.buka_halaman(kunci)
    h = jendela.halaman(kunci)
    h.segarkan()
    return h


def test_pembaca_pohon_hanya_baca(  # type: ignore[no-untyped-def]
    jendela: JendelaUtama, node_id: Callable[[str], uuid.UUID], jawaban: list[tuple[str, str]]
) -> None:
    jendela.k.pelaku = PEMBACA
    h = buka(jendela, "pohon")
    assert isinstance(h, HalamanPohon)
    for uraian in (NODE_SENDIRI, NODE_ASING):
        h.tampilkan_node(node_id(uraian))
        assert h.lencana.isVisibleTo(h) and h.lencana.text() == PESAN_PEMBACA
        assert h.editor.ui.uraian.isReadOnly() and h.editor.ui.pesan.text() == PESAN_PEMBACA
        assert h.editor_indikator.ui.nama.isReadOnly()
        # a role that never changes the plan does not see the editing actions at all
        for tombol in (
            h.tombol_tambah,
            h.tombol_naik,
            h.tombol_turun,
            h.tombol_hapus,
            h.tombol_simpan,
            h.tombol_indikator_baru,
            h.tombol_hapus_indikator,
            h.tombol_simpan_indikator,
        ):
            assert not tombol.isVisibleTo(h), tombol.objectName()
        for model in (h.model_tahun, h.model_tw):
            assert not model.index(0, 0).flags() & Qt.ItemFlag.ItemIsEditable
        # reading the history is allowed
        assert h.tombol_riwayat_node.isEnabled() and h.tombol_riwayat_node.isVisibleTo(h)
    jendela.aksi_hapus.trigger()
    assert not jawaban


def test_pembaca_iku_dan_renja_hanya_baca(jendela: JendelaUtama) -> None:
    jendela.k.pelaku = PEMBACA
    for kunci in ("iku", "renja"):
        h = buka(jendela, kunci)
        assert isinstance(h, HalamanTabel)
        assert h.lencana.isVisibleTo(h) and h.lencana.text() == PESAN_PEMBACA, kunci
        m = h.model
        assert m.rowCount() > 0
        assert not any(
            m.index(r, c).flags() & Qt.ItemFlag.ItemIsEditable
            for r in range(min(m.rowCount(), 5))
            for c in range(m.columnCount())
        )
    jendela.k.pelaku = PERENCANA
    for kunci in ("iku", "renja"):
        assert jendela.halaman(kunci).lencana.isHidden()  # type: ignore[attr-defined]


def test_pembaca_organisasi_hanya_baca(  # type: ignore[no-untyped-def]
    jendela: JendelaUtama, galat: list[tuple[str, str]]
) -> None:
    jendela.k.pelaku = PEMBACA
    h = buka(jendela, "organisasi")
    assert isinstance(h, HalamanOrganisasi)
    assert h.lencana.isVisibleTo(h) and h.lencana.text() == PESAN_PEMBACA
    assert h.ui_unit.nama.isReadOnly() and not h.ui_unit.jenis.isEnabled()
    assert h.ui_jabatan.nama.isReadOnly() and not h.ui_jabatan.unit.isEnabled()
    assert h.ui_pegawai.nip.isReadOnly() and not h.pilih_pegawai.isEnabled()
    for tombol in (
        h.tombol_unit,
        h.tombol_jabatan,
        h.tombol_hapus,
        h.tombol_simpan_unit,
        h.tombol_simpan_jabatan,
        h.tombol_tetapkan,
        h.tombol_simpan_pegawai,
    ):
        assert not tombol.isVisibleTo(h), tombol.objectName()
    with jendela.k.baca() as sesi:
        unit = sesi.query(UnitKerja).filter_by(nama="Bidang Pelatihan Kerja").one()
        uid, nama = unit.id, unit.nama
    h._simpan_unit()  # the slot refuses by itself
    hasil = jendela.k.tulis(
        org.simpan_unit,
        jendela.k.opd_id,
        uid,
        jenis=JenisUnit.BIDANG,
        nama="Diubah paksa",
        kode=None,
        area="organisasi",
    )
    assert hasil is GAGAL and "Akses ditolak" in galat[-1][1]
    with jendela.k.baca() as sesi:
        assert sesi.get(UnitKerja, uid).nama == nama

    jendela.k.pelaku = PERENCANA  # the planner keeps the organisation
    assert h.lencana.isHidden() and not h.ui_unit.nama.isReadOnly()
    assert h.tombol_simpan_unit.isVisibleTo(h) and h.ui_unit.jenis.isEnabled()


def test_kabid_organisasi_hanya_baca_dengan_alasan(jendela: JendelaUtama, kabid: Pelaku) -> None:
    jendela.k.pelaku = kabid
    h = buka(jendela, "organisasi")
    assert h.lencana.text() == (
        "Hanya baca: data organisasi hanya diubah Perencana atau Administrator."
    )


def test_risiko_mengikuti_peran(jendela: JendelaUtama, kabid: Pelaku) -> None:
    h = buka(jendela, "risiko")
    assert isinstance(h, HalamanRisiko)

    def pilih(awal: str) -> None:
        baris = next(r for r, x in enumerate(h._risiko) if x.pernyataan.startswith(awal))
        h.tabel.setCurrentCell(baris, 1)

    jendela.k.pelaku = PEMBACA
    pilih("Tingkat migrasi")
    assert h.lencana.text() == PESAN_PEMBACA
    assert not h.tombol_tambah.isVisibleTo(h) and not h.tombol_hapus.isVisibleTo(h)
    assert h.tombol_ubah.text() == "Lihat…" and h.tombol_ubah.isEnabled()

    jendela.k.pelaku = kabid
    assert not h.tombol_tambah.isEnabled()  # a risk without a node: the planner's
    pilih("Tingkat migrasi")  # Transmigrasi Regional: Bidang Penempatan
    assert h.lencana.text() == f"Hanya baca: risiko node ini milik {BIDANG_ASING}."
    assert not h.tombol_hapus.isEnabled() and h.tombol_ubah.text() == "Lihat…"
    pilih("Kualitas kelompok masyarakat")  # Peningkatan Kualitas Tenaga Kerja: the Kabid's
    assert h.lencana.isHidden()
    assert h.tombol_hapus.isEnabled() and h.tombol_ubah.text() == "Ubah…"

    jendela.k.pelaku = PERENCANA
    pilih("Tingkat migrasi")
    assert h.lencana.isHidden() and h.tombol_tambah.isEnabled() and h.tombol_hapus.isEnabled()


def test_risiko_lihat_hanya_dapat_ditutup(jendela: JendelaUtama) -> None:
    """ "Lihat…" shows a risk in a dialog that can only be closed."""
    r = LayananRisiko(jendela.k.db).daftar(2020)[0]
    dlg = DialogRisiko(r, 2020, jendela, hanya_baca=PESAN_PEMBACA)
    assert dlg.pernyataan.isReadOnly() and dlg.kemungkinan.isReadOnly()
    assert dlg.pernyataan.toPlainText() == r.pernyataan
    (kotak,) = dlg.findChildren(QDialogButtonBox)
    assert [kotak.standardButton(b) for b in kotak.buttons()] == [
        QDialogButtonBox.StandardButton.Close
    ]
    assert dlg.findChild(QLabel, "lencanaHanyaBaca").text() == PESAN_PEMBACA
    dlg.deleteLater()
