"""The Jejak Audit page: a target changed through a service shows with its old and new
value in Indonesian format; filters by user and date narrow the rows; the export writes
what the filter shows; a record's history dialog; the table loads page by page."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QPushButton

from sakip_desktop.domain import DokumenTarget
from sakip_desktop.gui.dialog_riwayat import DialogRiwayat, tampilkan_riwayat
from sakip_desktop.gui.halaman import audit as modul_audit
from sakip_desktop.gui.halaman.audit import HalamanAudit
from sakip_desktop.gui.jendela_utama import JendelaUtama
from sakip_desktop.gui.model_audit import (
    K_ALASAN,
    K_BARU,
    K_KOLOM,
    K_LAMA,
    K_PENGGUNA,
    K_REKAMAN,
    K_WAKTU,
    ModelAudit,
    format_desimal,
    sel,
    teks_nilai,
)
from sakip_desktop.kalkulasi import NilaiTarget
from sakip_desktop.model import JejakAudit
from sakip_desktop.services.audit import KOLOM_EKSPOR, SaringAudit, hitung_jejak
from sakip_desktop.services.pelaku import Pelaku
from sakip_desktop.services.target import LayananTarget
from sakip_desktop.storage import Database


def ubah_target(db: Database, siapa: Pelaku, ind_id: uuid.UUID, nilai: str, alasan: str) -> None:
    LayananTarget(db).simpan(
        siapa,
        ind_id,
        2020,
        0,
        DokumenTarget.PK,
        NilaiTarget(Decimal(nilai)),
        alasan=alasan,
    )


@pytest.fixture
def dua_perubahan(
    db_demo: Database, pelaku: dict[str, Pelaku], ind: Callable[[str], uuid.UUID]
) -> None:
    """IKU.1 1,28 → 1,35 by the planner; IKP.01 192 → 1.250 by the Kabid of Pelatihan Kerja;
    and an old row of March 2020 by another user."""
    ubah_target(db_demo, pelaku["perencana"], ind("IKU.1"), "1.35", "Refocusing anggaran")
    ubah_target(db_demo, pelaku["kabid_pk"], ind("IKP.01"), "1250", "Koreksi PK")
    with db_demo.transaksi(pelaku["admin"]) as sesi:  # appending is allowed; changing is not
        sesi.add(
            JejakAudit(
                waktu=datetime(2020, 3, 31, 3, 0, tzinfo=UTC),
                pengguna="lama",
                aksi="ubah",
                tabel="realisasi",
                field="catatan",
                nilai_lama=None,
                nilai_baru="Catatan lama",
            )
        )


def halaman_audit(jendela: JendelaUtama) -> HalamanAudit:
    jendela.buka_halaman("audit")
    h = jendela.halaman_aktif()
    assert isinstance(h, HalamanAudit)
    return h


def baris_tampil(h: HalamanAudit) -> list[list[str]]:
    h.model.muat_semua()
    return [
        [h.model.data(h.model.index(r, c)) or "" for c in range(h.model.columnCount())]
        for r in range(h.model.rowCount())
    ]


def pilih_data(kotak, data: object) -> None:  # type: ignore[no-untyped-def]
    i = kotak.findData(data)
    assert i >= 0, f"{data!r} tidak ada di {kotak.objectName()}"
    kotak.setCurrentIndex(i)


def test_perubahan_target_tampil_dengan_nilai_format_indonesia(
    jendela: JendelaUtama, dua_perubahan: None, db_demo: Database
) -> None:
    h = halaman_audit(jendela)
    baris = baris_tampil(h)
    assert h.label_jumlah.text() == f"{hitung_jejak(db_demo)} perubahan"
    iku = next(b for b in baris if b[K_PENGGUNA] == "rina")
    assert iku[K_KOLOM] == "nilai"
    assert (iku[K_LAMA], iku[K_BARU]) == ("1,28", "1,35")
    assert iku[K_REKAMAN].startswith("Target: IKU.1 · tahun=2020")
    assert iku[K_ALASAN] == "Refocusing anggaran"
    assert re.fullmatch(r"\d\d-\d\d-\d{4} \d\d:\d\d:\d\d", iku[K_WAKTU])
    ikp = next(b for b in baris if b[K_PENGGUNA] == "kabid_pk")
    assert (ikp[K_LAMA], ikp[K_BARU]) == ("192", "1.250")
    assert baris[0][K_PENGGUNA] == "kabid_pk"  # newest first


def test_saring_pengguna_dan_tanggal(jendela: JendelaUtama, dua_perubahan: None) -> None:
    h = halaman_audit(jendela)
    semua = len(baris_tampil(h))
    pilih_data(h.pilih_pengguna, "kabid_pk")
    baris = baris_tampil(h)
    assert baris and len(baris) < semua
    assert {b[K_PENGGUNA] for b in baris} == {"kabid_pk"}
    assert h.label_jumlah.text() == f"{len(baris)} perubahan"

    h.bersihkan_saringan()
    assert len(baris_tampil(h)) == semua
    h.tanggal_dari.setDate(QDate(2020, 3, 1))
    h.tanggal_sampai.setDate(QDate(2020, 4, 30))
    assert h.tanggal_dari.text() == "01-03-2020"  # Indonesian order
    h.pakai_dari.setChecked(True)
    assert len(baris_tampil(h)) == semua  # from March 2020: everything
    h.pakai_sampai.setChecked(True)
    baris = baris_tampil(h)
    assert [(b[K_PENGGUNA], b[K_BARU]) for b in baris] == [("lama", "Catatan lama")]
    assert h.saringan().sejak == date(2020, 3, 1) and h.saringan().sampai == date(2020, 4, 30)
    h.tanggal_dari.setDate(QDate(2020, 5, 1))  # after "sampai": nothing, and said so
    assert h.model.rowCount() == 0 and "sesudah" in h.label_jumlah.text()


def test_saring_bidang_dan_jenis_rekaman(jendela: JendelaUtama, dua_perubahan: None) -> None:
    h = halaman_audit(jendela)
    i = next(
        i for i in range(h.pilih_unit.count()) if "Pelatihan Kerja" in h.pilih_unit.itemText(i)
    )
    h.pilih_unit.setCurrentIndex(i)
    baris = baris_tampil(h)
    assert baris and all("IKU.1" not in b[K_REKAMAN] for b in baris)
    assert any("IKP.01" in b[K_REKAMAN] for b in baris)
    h.bersihkan_saringan()
    pilih_data(h.pilih_tabel, "realisasi")
    assert {b[K_REKAMAN].split(":")[0] for b in baris_tampil(h)} == {"Realisasi"}
    h.isian_cari.setText("Refocusing")
    h.terapkan()
    assert baris_tampil(h) == []  # the March row is a realization: the filters combine
    pilih_data(h.pilih_tabel, None)
    assert [b[K_ALASAN] for b in baris_tampil(h)] == ["Refocusing anggaran"]


def test_ekspor_xlsx_berisi_baris_saringan(
    jendela: JendelaUtama,
    dua_perubahan: None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    h = halaman_audit(jendela)
    pilih_data(h.pilih_pengguna, "kabid_pk")
    tujuan = tmp_path / "jejak.xlsx"
    monkeypatch.setattr(modul_audit, "pilih_berkas_ekspor", lambda _i, _u: tujuan)
    assert h.ekspor() == tujuan
    lembar = load_workbook(tujuan).active
    assert lembar is not None
    isi = [list(r) for r in lembar.iter_rows(values_only=True)]
    assert tuple(isi[0]) == KOLOM_EKSPOR
    assert len(isi) - 1 == h.model.total
    kolom = {nama: i for i, nama in enumerate(KOLOM_EKSPOR)}
    nilai = [r for r in isi[1:] if r[kolom["Field"]] == "nilai"]
    assert [
        (r[kolom["Pengguna"]], r[kolom["Nilai lama"]], r[kolom["Nilai baru"]]) for r in nilai
    ] == [("kabid_pk", "192", "1250")]
    assert jendela.statusBar().currentMessage() == (
        f"Jejak audit diekspor ke {tujuan} ({h.model.total} baris)."
    )
    # CSV by the extension chosen; cancelling writes nothing.
    csv = tmp_path / "jejak.csv"
    monkeypatch.setattr(modul_audit, "pilih_berkas_ekspor", lambda _i, _u: csv)
    h.ekspor()
    assert csv.read_text(encoding="utf-8-sig").splitlines()[0].startswith("Waktu;Pengguna")
    monkeypatch.setattr(modul_audit, "pilih_berkas_ekspor", lambda _i, _u: None)
    assert h.ekspor() is None


def test_dialog_riwayat_target(
    qtbot,  # type: ignore[no-untyped-def]
    jendela: JendelaUtama,
    dua_perubahan: None,
    id_target: Callable[[str], uuid.UUID],
    db_demo: Database,
    pelaku: dict[str, Pelaku],
    ind: Callable[[str], uuid.UUID],
) -> None:
    ubah_target(db_demo, pelaku["perencana"], ind("IKU.1"), "1.4", "PK perubahan")
    dlg = tampilkan_riwayat(jendela, jendela.k, "target", id_target("IKU.1"))
    assert isinstance(dlg, DialogRiwayat) and dlg.isVisible()
    baris = [[sel(b, c) for c in range(8)] for b in dlg.model.semua_baris()]
    nilai = [(b[K_LAMA], b[K_BARU], b[K_ALASAN]) for b in baris if b[K_KOLOM] == "nilai"]
    assert nilai[-2:] == [
        ("1,28", "1,35", "Refocusing anggaran"),
        ("1,35", "1,40", "PK perubahan"),  # oldest first
    ]
    assert "IKU.1" in dlg.judul.text() and "perubahan" in dlg.judul.text()
    # "Buka di Jejak Audit": the page, filtered to this record.
    assert dlg.tombol_audit.isVisibleTo(dlg)
    dlg.tombol_audit.click()
    h = jendela.halaman_aktif()
    assert isinstance(h, HalamanAudit)
    assert h.chip_rekaman.isVisibleTo(h)
    assert h.saringan().rekaman_id == id_target("IKU.1")
    assert h.model.total == len(baris)
    h.hapus_saring_rekaman()
    assert h.model.total > len(baris)


def test_dialog_riwayat_rekaman_tanpa_perubahan(jendela: JendelaUtama) -> None:
    dlg = tampilkan_riwayat(jendela, jendela.k, "target", uuid.uuid4())
    assert dlg.model.rowCount() == 0 and dlg.kosong.isVisibleTo(dlg)
    dlg.close()


def test_model_memuat_per_halaman(db_demo: Database, dua_perubahan: None) -> None:
    model = ModelAudit(db_demo, ukuran_halaman=10)
    total = model.muat(SaringAudit())
    assert total == hitung_jejak(db_demo) > 20
    assert model.rowCount() == 10 and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 20
    model.muat_semua()
    assert model.rowCount() == total and not model.canFetchMore()
    assert len({b.id for b in model.semua_baris()}) == total  # no row twice


def test_teks_nilai_format_indonesia() -> None:
    assert format_desimal("1234.5") == "1.234,50"
    assert format_desimal("1.285") == "1,285"  # no digit of an audited value is lost
    assert format_desimal("3080400000") == "3.080.400.000"
    assert teks_nilai("target", "nilai", "96.89") == "96,89"
    assert teks_nilai("target", "tahun", "2020") == "2020"  # an integer column: as is
    assert teks_nilai("tahun_kinerja", "target_dikunci", "True") == "Ya"
    assert teks_nilai("target", None, "tahun=2020, nilai=1.28") == "tahun=2020, nilai=1,28"
    assert teks_nilai("target", "nilai", None) == ""


def test_halaman_hanya_baca(jendela: JendelaUtama, dua_perubahan: None) -> None:
    h = halaman_audit(jendela)
    indeks = h.model.index(0, K_BARU)
    assert not h.model.flags(indeks) & Qt.ItemFlag.ItemIsEditable
    assert not h.model.setData(indeks, "x")
    tombol = {b.text() for b in h.findChildren(QPushButton)}
    assert tombol == {"Bersihkan saringan", "Ekspor…"}  # nothing that changes the trail
