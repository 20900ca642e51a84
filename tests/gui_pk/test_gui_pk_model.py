"""The PK page's table models pass Qt's model checks, and show what a reader expects."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt

from sakip_desktop.domain import Peran
from sakip_desktop.gui.halaman.pk import HalamanPK
from sakip_desktop.gui.jendela_utama import JendelaUtama
from sakip_desktop.gui.model_pk import (
    K_JABATAN,
    K_PEMANGKU,
    K_STATUS,
    KA_ANGGARAN,
    KA_INDUK,
    KA_URAIAN,
    KK_NO,
    KK_SASARAN,
    ModelAnggaranPK,
    ModelDaftarPK,
    ModelKinerjaPK,
    ModelRiwayatPK,
    singkat_jabatan,
)
from sakip_desktop.services.pelaku import Pelaku
from sakip_desktop.services.pk import LayananPK
from sakip_desktop.storage import Database

PERENCANA = Pelaku("rina", Peran.PERENCANA, nama="Rina (Perencana)")
KABID_IPK = "Kepala Bidang Informasi Pasar Kerja dan Peningkatan Produktivitas"
ARTEFAK = Path(__file__).resolve().parents[2] / "test-artifacts"


def test_model_lulus_qtmodeltester(
    qtmodeltester,  # type: ignore[no-untyped-def]
    db_demo: Database,
    jabatan_id: Callable[[str], uuid.UUID],
) -> None:
    layanan = LayananPK(db_demo)
    kadis = jabatan_id("Kepala Dinas Tenaga Kerja")
    asli = layanan.susun(PERENCANA, kadis, 2020)
    layanan.tandatangani(PERENCANA, asli.id)  # type: ignore[arg-type]
    baru = layanan.revisi(PERENCANA, asli.id, "Refocusing", date(2020, 5, 4))  # type: ignore[arg-type]

    daftar = ModelDaftarPK()
    daftar.setel(layanan.daftar(2020))
    qtmodeltester.check(daftar)
    riwayat = ModelRiwayatPK()
    riwayat.setel(layanan.riwayat(kadis, 2020))
    qtmodeltester.check(riwayat)
    kinerja = ModelKinerjaPK()
    kinerja.setel_eselon(baru.kinerja, baru.eselon, boleh_ubah=True)
    qtmodeltester.check(kinerja)
    anggaran = ModelAnggaranPK()
    anggaran.setel_eselon(baru.anggaran, baru.eselon, boleh_ubah=False)
    qtmodeltester.check(anggaran)

    assert daftar.index(0, K_STATUS).data() == "Draf · perubahan ke-1"
    assert daftar.index(0, K_PEMANGKU).data() == "Drs. Bambang Sutrisno, M.M."
    assert "PK asli: Ditandatangani, 2 Januari 2020" in daftar.index(0, K_STATUS).data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert [riwayat.index(i, 0).data() for i in range(2)] == ["Perubahan ke-1", "PK asli"]
    # one number and one cell per sasaran, like the merged cells on paper
    assert [kinerja.index(i, KK_NO).data() for i in range(4)] == ["1", "2", "", "3"]
    assert kinerja.index(2, KK_SASARAN).data() == ""
    assert anggaran.index(3, KA_ANGGARAN).data() == "2.036.700"  # after the refocusing


def test_daftar_urut_organisasi_dan_singkatan(halaman: HalamanPK) -> None:
    m = halaman.model_daftar
    nama = [m.baris(i).jabatan for i in range(m.rowCount())]
    assert nama[0] == "Kepala Dinas Tenaga Kerja"
    assert nama.index("Kepala Bidang Pelatihan Kerja") < nama.index(
        "Kepala Seksi Kelembagaan Pelatihan"
    )
    assert m.index(nama.index(KABID_IPK), K_JABATAN).data().strip() == (
        "Kabid Informasi Pasar Kerja dan Peningkatan Produktivitas"
    )
    assert singkat_jabatan("Kepala Subbagian Keuangan") == "Kasubbag Keuangan"
    assert singkat_jabatan("Staf Seksi Persyaratan Kerja") == "Staf Seksi Persyaratan Kerja"


def test_anggaran_eselon3_dikelompokkan_per_program(
    halaman: HalamanPK, pilih: Callable[[str], None]
) -> None:
    pilih(KABID_IPK)
    m = halaman.model_anggaran
    assert m.headerData(KA_INDUK, Qt.Orientation.Horizontal) == "Program"
    assert m.headerData(KA_URAIAN, Qt.Orientation.Horizontal) == "Kegiatan"
    assert not halaman.tabel_anggaran.isColumnHidden(KA_INDUK)
    program = [m.index(i, KA_INDUK).data() for i in range(m.rowCount())]
    assert program[0] and all(p == "" for p in program[1:])  # one heading for the group
    assert halaman.label_total.text() == "<b>Jumlah: Rp 630.000.000</b>"


def test_tangkapan_layar_halaman_pk(
    qtbot,  # type: ignore[no-untyped-def]
    jendela: JendelaUtama,
    halaman: HalamanPK,
    pilih: Callable[[str], None],
    klik: Callable[[str], None],
) -> None:
    """The page at 1366×768 with the Kepala Dinas PK drafted (docs/screenshots/halaman-pk.png
    is this picture)."""
    jendela.resize(1366, 768)
    pilih("Kepala Dinas Tenaga Kerja")
    klik("tombolSusunPk")
    qtbot.wait(50)
    gambar = jendela.grab()
    assert (gambar.width(), gambar.height()) == (1366, 768)
    # nothing of the PK panel is cut off on the right: the kinerja table fits
    tabel = halaman.tabel_kinerja
    lebar = sum(tabel.columnWidth(k) for k in range(tabel.model().columnCount()))
    assert lebar <= tabel.viewport().width() + 1
    ARTEFAK.mkdir(exist_ok=True)
    assert gambar.save(str(ARTEFAK / "halaman-pk.png"))
