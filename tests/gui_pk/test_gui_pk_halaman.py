"""The Perjanjian Kinerja page on the demo: draft from the tree, edit a draft, sign (locked),
PK perubahan (the old version stays listed), delete a draft with Del."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from sqlalchemy import func, select

from sakip_desktop.domain import StatusPK
from sakip_desktop.gui.halaman import pk as halaman_pk
from sakip_desktop.gui.halaman.pk import HalamanPK, PermintaanPerubahan
from sakip_desktop.gui.jendela_utama import JendelaUtama
from sakip_desktop.gui.model_pk import (
    K_STATUS,
    KA_ANGGARAN,
    KK_KODE,
    KK_TARGET,
    KR_STATUS,
    KR_VERSI,
    PERAN_SELISIH,
    ModelKinerjaPK,
)
from sakip_desktop.model import PerjanjianKinerja
from sakip_desktop.services.pk import LayananPK
from sakip_desktop.storage import Database

KADIS = "Kepala Dinas Tenaga Kerja"

Pilih = Callable[[str], None]
Klik = Callable[[str], None]


def sel_kode(model: ModelKinerjaPK, kode: str, kolom: int) -> QModelIndex:
    """The cell of the row whose indicator code is ``kode``."""
    for i in range(model.rowCount()):
        if model.index(i, KK_KODE).data() == kode:
            return model.index(i, kolom)
    raise AssertionError(f"{kode} tidak ada di tabel")


def ketik_sel(qtbot, h: HalamanPK, indeks: QModelIndex, teks: str) -> None:  # type: ignore[no-untyped-def]
    """Double-click… type… Enter: what a user does in a table cell."""
    tabel = h.tabel_kinerja if indeks.model() is h.model_kinerja else h.tabel_anggaran
    tabel.setCurrentIndex(indeks)
    tabel.edit(indeks)
    terbuka = [e for e in tabel.viewport().findChildren(QLineEdit) if e.isVisible()]
    assert len(terbuka) == 1, "sel tidak dapat diubah"
    editor = terbuka[0]
    editor.selectAll()
    qtbot.keyClicks(editor, teks)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits on a queued call


def status_daftar(h: HalamanPK, nama: str) -> str:
    m = h.model_daftar
    i = next(i for i, b in enumerate(m.semua()) if b.jabatan == nama)
    return str(m.index(i, K_STATUS).data())


def jumlah_pk(db: Database) -> int:
    with db.baca() as sesi:
        return int(sesi.scalar(select(func.count()).select_from(PerjanjianKinerja)) or 0)


def test_susun_kepala_dinas_dari_pohon(
    halaman: HalamanPK, pilih: Pilih, klik: Klik, db_demo: Database
) -> None:
    pilih(KADIS)
    # before drafting: what the tree gives, read-only, not stored
    assert "BELUM DISUSUN" in halaman.lencana.text()
    assert halaman.model_riwayat.rowCount() == 0
    assert not halaman.model_kinerja.flags(sel_kode(halaman.model_kinerja, "IKU.1", KK_TARGET)) & (
        Qt.ItemFlag.ItemIsEditable
    )
    klik("tombolSusunPk")
    assert jumlah_pk(db_demo) == 1
    assert halaman.dokumen is not None and halaman.dokumen.status is StatusPK.DRAF
    assert "DRAF" in halaman.lencana.text()
    assert status_daftar(halaman, KADIS) == "Draf"
    m = halaman.model_kinerja
    assert [m.index(i, KK_KODE).data() for i in range(m.rowCount())] == [
        "IKU.1",
        "IKU.2",
        "IKU.3",
        "IKU.4",
    ]
    assert sel_kode(m, "IKU.1", KK_TARGET).data() == "1,28%"
    assert sel_kode(m, "IKU.2", KK_TARGET).data() == "5,15%"
    assert sel_kode(m, "IKU.4", KK_TARGET).data() == "2,40%"
    assert m.headerData(2, Qt.Orientation.Horizontal) == "Sasaran Strategis"
    assert "Drs. Bambang Sutrisno, M.M." in halaman.label_pertama.text()
    assert "19680512 199403 1 007" in halaman.label_pertama.text()
    assert "Drs. H. Hartono Wijaya, M.Si." in halaman.label_kedua.text()
    assert halaman.edit_tempat.text() == "Lamongan"
    assert halaman.edit_tanggal.date().toString("yyyy-MM-dd") == "2020-01-02"
    assert halaman.label_total.text() == "<b>Jumlah: Rp 3.875.400.000</b>"
    # the April 2020 refocusing cut five programs: the page says where the PK differs
    assert halaman.daftar_selisih.count() == 5
    assert halaman.peringatan.isVisibleTo(halaman)
    selisih = [halaman.daftar_selisih.item(i).text() for i in range(5)]
    assert (
        "Transmigrasi Regional: anggaran PK Rp 335.000.000, pagu berlaku Rp 2.036.700." in selisih
    )
    assert [halaman.model_riwayat.index(0, k).data() for k in (KR_VERSI, KR_STATUS)] == [
        "PK asli",
        "Draf",
    ]
    assert not halaman.tombol_susun.isEnabled()


def test_ubah_target_draf_lalu_urungkan(
    qtbot,  # type: ignore[no-untyped-def]
    jendela: JendelaUtama,
    halaman: HalamanPK,
    pilih: Pilih,
    klik: Klik,
    galat: list[tuple[str, str]],
    db_demo: Database,
) -> None:
    pilih(KADIS)
    klik("tombolSusunPk")
    assert halaman.dokumen is not None and halaman.dokumen.id is not None
    pk_id = halaman.dokumen.id
    layanan = LayananPK(db_demo)
    iku1 = sel_kode(halaman.model_kinerja, "IKU.1", KK_TARGET)
    assert iku1.flags() & Qt.ItemFlag.ItemIsEditable
    assert iku1.data(PERAN_SELISIH) is None

    ketik_sel(qtbot, halaman, iku1, "1,5")
    assert iku1.data() == "1,50%"
    assert layanan.baca(pk_id).kinerja[0].target.nilai == Decimal("1.5")
    assert "PK 1,50%, pohon kinerja 1,28%" in iku1.data(PERAN_SELISIH)
    assert halaman.daftar_selisih.count() == 6

    # a dot is a thousands separator: refused with a suggestion, nothing stored
    ketik_sel(qtbot, halaman, iku1, "1.28")
    assert galat and "Maksud Anda 1,28?" in galat[-1][1]
    assert iku1.data() == "1,50%"
    assert layanan.baca(pk_id).kinerja[0].target.nilai == Decimal("1.5")

    # the anggaran of a program, in Indonesian format; the total follows
    halaman.tab.setCurrentIndex(1)
    program = halaman.model_anggaran.index(0, KA_ANGGARAN)
    ketik_sel(qtbot, halaman, program, "1.800.000.000")
    assert program.data() == "1.800.000.000"
    assert layanan.baca(pk_id).anggaran[0].anggaran == Decimal("1800000000")
    assert halaman.label_total.text() == "<b>Jumlah: Rp 3.924.000.000</b>"

    # Ctrl+Z writes the old values back through the service
    jendela.aksi_urungkan.trigger()
    assert layanan.baca(pk_id).anggaran[0].anggaran == Decimal("1751400000")
    assert program.data() == "1.751.400.000"
    jendela.aksi_urungkan.trigger()
    assert layanan.baca(pk_id).kinerja[0].target.nilai == Decimal("1.28")
    assert iku1.data() == "1,28%" and iku1.data(PERAN_SELISIH) is None


def test_tanda_tangan_mengunci_baris(
    halaman: HalamanPK,
    pilih: Pilih,
    klik: Klik,
    galat: list[tuple[str, str]],
    jawaban: list[tuple[str, str]],
    db_demo: Database,
) -> None:
    pilih(KADIS)
    klik("tombolSusunPk")
    klik("tombolTandatanganiPk")
    assert jawaban[-1][0] == "Tandatangani PK"
    assert "PK perubahan" in jawaban[-1][1]
    d = halaman.dokumen
    assert d is not None and d.id is not None and d.status is StatusPK.DITANDATANGANI
    assert "DITANDATANGANI" in halaman.lencana.text() and "TERKUNCI" in halaman.lencana.text()
    assert status_daftar(halaman, KADIS) == "Ditandatangani"
    iku1 = sel_kode(halaman.model_kinerja, "IKU.1", KK_TARGET)
    assert not iku1.flags() & Qt.ItemFlag.ItemIsEditable
    assert not halaman.model_kinerja.setData(iku1, "2", Qt.ItemDataRole.EditRole)
    assert not halaman.edit_tempat.isEnabled()
    for tombol in ("tombolSusunUlangPk", "tombolTandatanganiPk", "tombolHapusDrafPk"):
        assert not halaman.findChild(type(halaman.tombol_susun), tombol).isEnabled(), tombol
    assert halaman.tombol_perubahan.isEnabled()
    # a write that slips past the locked cells is refused by the service, shown, not stored
    baris = halaman.model_kinerja.baris(iku1.row())
    assert halaman._simpan_sel(baris, "target", "2") is None
    assert galat[-1][0] == "Baris PK tidak dapat disimpan"
    assert "terkunci" in galat[-1][1]
    assert LayananPK(db_demo).baca(d.id).kinerja[0].target.nilai == Decimal("1.28")
    # Del on a signed PK deletes nothing
    halaman.hapus()
    assert "Hanya draf" in galat[-1][1]
    assert jumlah_pk(db_demo) == 1


def test_pk_perubahan_menyimpan_versi_lama(
    qtbot,  # type: ignore[no-untyped-def]
    monkeypatch,
    halaman: HalamanPK,
    pilih: Pilih,
    klik: Klik,
    baca_pdf: Callable,
    tmp_path,
) -> None:
    diminta: list[tuple[date, date | None]] = []

    def minta(_induk: object, awal: date, batas: date | None) -> PermintaanPerubahan:
        diminta.append((awal, batas))
        return PermintaanPerubahan("Refocusing anggaran Covid-19", date(2020, 5, 4), True)

    monkeypatch.setattr(halaman_pk, "minta_perubahan", minta)
    pilih(KADIS)
    klik("tombolSusunPk")
    klik("tombolTandatanganiPk")
    asli = halaman.dokumen
    assert asli is not None and asli.id is not None
    klik("tombolPerubahanPk")
    assert diminta and diminta[0][1] == date(2020, 1, 2)  # not before the PK it revises
    baru = halaman.dokumen
    assert baru is not None and baru.versi_ke == 1 and baru.status is StatusPK.DRAF
    assert "Refocusing anggaran Covid-19" in halaman.label_catatan.text()
    assert halaman.label_total.text() == "<b>Jumlah: Rp 3.281.700.000</b>"
    r = halaman.model_riwayat
    assert [(r.index(i, KR_VERSI).data(), r.index(i, KR_STATUS).data()) for i in range(2)] == [
        ("Perubahan ke-1", "Draf"),
        ("PK asli", "Ditandatangani"),
    ]
    klik("tombolTandatanganiPk")
    assert status_daftar(halaman, KADIS) == "Ditandatangani · perubahan ke-1"
    assert r.index(1, KR_STATUS).data() == "Diganti (perubahan)"
    assert "PERUBAHAN" in halaman.label_judul.text().upper()

    # the earlier version stays listed, shown and printable
    assert halaman.pilih_versi(asli.id)
    assert halaman.dokumen is not None and halaman.dokumen.id == asli.id
    assert "DIGANTI" in halaman.lencana.text()
    assert halaman.label_total.text() == "<b>Jumlah: Rp 3.875.400.000</b>"
    assert not halaman.tombol_perubahan.isEnabled()
    lama = baca_pdf(halaman.simpan_pdf(tmp_path / "lama.pdf"))
    assert "PERJANJIAN KINERJA TAHUN 2020" in lama[0] and "PERUBAHAN TAHUN" not in lama[0]
    assert "JUMLAH 3.875.400.000" in lama[1]
    halaman.pilih_versi(baru.id)
    kini = baca_pdf(halaman.simpan_pdf(tmp_path / "baru.pdf"))
    assert "PERJANJIAN KINERJA PERUBAHAN TAHUN 2020" in kini[0]
    assert "Lamongan, 4 Mei 2020" in kini[0]


def test_ubah_tempat_tanggal_dengan_ctrl_s(
    qtbot,  # type: ignore[no-untyped-def]
    jendela: JendelaUtama,
    halaman: HalamanPK,
    pilih: Pilih,
    klik: Klik,
    db_demo: Database,
) -> None:
    pilih(KADIS)
    klik("tombolSusunPk")
    halaman.edit_tempat.clear()
    qtbot.keyClicks(halaman.edit_tempat, "Babat")
    halaman.edit_tanggal.setDate(halaman.edit_tanggal.date().addDays(4))
    assert halaman.ada_perubahan() and halaman.tombol_simpan_kepala.isEnabled()
    jendela.aksi_simpan.trigger()
    assert not halaman.ada_perubahan()
    d = LayananPK(db_demo).baca(halaman.dokumen.id)  # type: ignore[union-attr, arg-type]
    assert (d.tempat, d.tanggal) == ("Babat", date(2020, 1, 6))
    assert halaman.edit_tempat.text() == "Babat"


def test_del_menghapus_draf_setelah_konfirmasi(
    qtbot,  # type: ignore[no-untyped-def]
    jendela: JendelaUtama,
    halaman: HalamanPK,
    pilih: Pilih,
    klik: Klik,
    jawaban: list[tuple[str, str]],
    db_demo: Database,
) -> None:
    pilih(KADIS)
    klik("tombolSusunPk")
    assert jumlah_pk(db_demo) == 1
    jendela.activateWindow()
    halaman.tabel_jabatan.setFocus()
    qtbot.keyClick(halaman.tabel_jabatan, Qt.Key.Key_Delete)
    assert jawaban[-1] == ("Hapus draf PK", f"Hapus draf PK 2020 — {KADIS}?")
    assert jumlah_pk(db_demo) == 0
    assert status_daftar(halaman, KADIS) == "Belum disusun"
    assert "BELUM DISUSUN" in halaman.lencana.text()
    assert halaman.tombol_susun.isEnabled()


def test_jabatan_dipilih_lewat_pencarian(halaman: HalamanPK, pilih: Pilih) -> None:
    halaman.filter.setText("penempatan")
    tampil = [
        halaman.saring.index(i, 0).data(Qt.ItemDataRole.ToolTipRole).split("\n")[0]
        for i in range(halaman.saring.rowCount())
    ]
    assert "Kepala Seksi Penempatan Tenaga Kerja" in tampil
    assert KADIS not in tampil
    pilih("Kepala Seksi Penempatan Tenaga Kerja")
    assert halaman.model_kinerja.headerData(2, Qt.Orientation.Horizontal) == "Sasaran Kegiatan"
    assert isinstance(halaman.dokumen.jabatan_id, uuid.UUID)  # type: ignore[union-attr]
