"""Evidence files and the tindak lanjut of a quarter, from the Realisasi page."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_pengukuran_bantu import baris, ketik, sel
from PySide6.QtCore import Qt

from sakip_desktop.gui import dialog_bukti
from sakip_desktop.gui.halaman.realisasi import HalamanRealisasi
from sakip_desktop.gui.halaman.tabel import HalamanTabel
from sakip_desktop.gui.jendela_utama import JendelaUtama
from sakip_desktop.gui.model_realisasi import K_BUKTI, K_REALISASI, K_TINDAK_LANJUT
from sakip_desktop.services.tindak_lanjut import LayananTindakLanjut
from sakip_desktop.storage import Database

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def pilih(h: HalamanRealisasi, kode: str) -> None:
    assert h.tampilkan_indikator(h.model.entri(baris(h, kode)).indikator_id)


@pytest.fixture
def dibuka(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Files handed to the system viewer (none is really opened)."""
    daftar: list[Path] = []

    def buka(path: Path) -> bool:
        daftar.append(path)
        return True

    monkeypatch.setattr(dialog_bukti, "buka_berkas", buka)
    return daftar


def test_lampirkan_buka_hapus_bukti(
    qtbot,  # type: ignore[no-untyped-def]
    realisasi: HalamanRealisasi,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    dibuka: list[Path],
    jawaban: list[tuple[str, str]],
) -> None:
    h = realisasi
    panel = h.panel_bukti
    h.pilih_triwulan.setCurrentIndex(1)
    pilih(h, "IKP.01")
    assert not panel.tombol_lampirkan.isEnabled()  # nothing saved for TW II yet
    assert "simpan" in panel.info.text().lower()
    ketik(qtbot, h, "IKP.01", K_REALISASI, "50")
    pilih(h, "IKP.01")
    assert not panel.tombol_lampirkan.isEnabled()  # typed but unsaved
    assert h.simpan()
    pilih(h, "IKP.01")
    assert panel.tombol_lampirkan.isEnabled()

    laporan = tmp_path / "daftar hadir pelatihan.pdf"
    laporan.write_bytes(PDF)
    monkeypatch.setattr(dialog_bukti, "pilih_berkas", lambda _i, _j: [str(laporan)])
    qtbot.mouseClick(panel.tombol_lampirkan, Qt.MouseButton.LeftButton)
    assert panel.daftar.count() == 1
    assert panel.daftar.item(0).text().startswith("daftar hadir pelatihan.pdf")
    assert sel(h, "IKP.01", K_BUKTI) == "1"

    qtbot.mouseClick(panel.tombol_buka, Qt.MouseButton.LeftButton)
    assert len(dibuka) == 1 and dibuka[0].read_bytes() == PDF
    assert dibuka[0].parent != tmp_path  # a temporary copy, not the user's file

    qtbot.mouseClick(panel.tombol_hapus, Qt.MouseButton.LeftButton)
    assert jawaban and "daftar hadir pelatihan.pdf" in jawaban[-1][1]
    assert panel.daftar.count() == 0 and sel(h, "IKP.01", K_BUKTI) == "—"


def test_berkas_yang_bukan_bukti_ditolak(
    qtbot,  # type: ignore[no-untyped-def]
    realisasi: HalamanRealisasi,
    tmp_path: Path,
    galat: list[tuple[str, str]],
) -> None:
    h = realisasi
    h.pilih_triwulan.setCurrentIndex(1)
    ketik(qtbot, h, "IKP.01", K_REALISASI, "50")
    assert h.simpan()
    pilih(h, "IKP.01")
    palsu = tmp_path / "laporan.pdf"
    palsu.write_bytes(b"MZ\x90\x00 bukan pdf")
    baik = tmp_path / "foto.png"
    baik.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 32)
    assert not h.panel_bukti.lampirkan([str(baik), str(palsu)])
    assert galat and "tidak cocok dengan jenisnya" in galat[-1][1]
    assert h.panel_bukti.daftar.count() == 0  # one bad file: none of the two is kept


def test_bukti_entri_terverifikasi_hanya_dibuka(realisasi: HalamanRealisasi) -> None:
    h = realisasi
    pilih(h, "IKU.2")  # TW I, verified
    assert not h.panel_bukti.tombol_lampirkan.isEnabled()
    assert "diverifikasi" in h.panel_bukti.info.text()


def test_tindak_lanjut_disimpan_dan_muncul_di_monitoring(
    qtbot,  # type: ignore[no-untyped-def]
    jendela: JendelaUtama,
    realisasi: HalamanRealisasi,
    db_demo: Database,
) -> None:
    h = realisasi
    pilih(h, "IKU.2")  # verified entry: the follow-up is still written
    assert not h.edit_tindak_lanjut.isReadOnly()
    teks = "Koordinasi dengan BPJS Ketenagakerjaan untuk pendataan perusahaan baru"
    assert "Mendorong kepesertaan" in h.edit_tindak_lanjut.toPlainText()  # the demo's
    h.edit_tindak_lanjut.setFocus()
    h.edit_tindak_lanjut.selectAll()
    qtbot.keyClicks(h.edit_tindak_lanjut, teks)
    assert h.ada_perubahan() and sel(h, "IKU.2", K_TINDAK_LANJUT) == teks
    assert h.simpan()
    iid = h.model.entri(baris(h, "IKU.2")).indikator_id
    assert LayananTindakLanjut(db_demo).baca(iid, 2020) == {1: teks}
    jendela.buka_halaman("monitoring")
    m = jendela.halaman_aktif()
    assert isinstance(m, HalamanTabel)
    isi = [
        str(m.model.data(m.model.index(r, m.model.columnCount() - 1)) or "")
        for r in range(m.model.rowCount())
    ]
    assert any(teks in x for x in isi)
