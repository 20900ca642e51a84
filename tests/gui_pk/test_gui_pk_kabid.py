"""Who may do what on the PK page: a Kabid ("Bekerja sebagai") edits only the PKs of their
bidang and signs none; the Kepala Dinas signs but does not draft."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import Qt

from sakip_desktop.domain import Peran
from sakip_desktop.gui.halaman.pk import HalamanPK
from sakip_desktop.gui.jendela_utama import JendelaUtama
from sakip_desktop.gui.model_pk import KA_ANGGARAN, KK_TARGET
from sakip_desktop.services.pelaku import Pelaku
from sakip_desktop.services.pk import LayananPK
from sakip_desktop.storage import Database

KADIS = "Kepala Dinas Tenaga Kerja"
KABID_PK = "Kepala Bidang Pelatihan Kerja"
KASI_KELEMBAGAAN = "Kepala Seksi Kelembagaan Pelatihan"
KASI_PENEMPATAN = "Kepala Seksi Penempatan Tenaga Kerja"
STAF_SERTIFIKASI = "Staf Seksi Sertifikasi Kompetensi"
STAF_PENEMPATAN = "Staf Seksi Penempatan Tenaga Kerja"
PERENCANA = Pelaku("rina", Peran.PERENCANA, nama="Rina (Perencana)")


def bekerja_sebagai(jendela: JendelaUtama, nama: str) -> None:
    i = jendela.pilih_pelaku.findText(nama)
    assert i > 0, nama
    jendela.pilih_pelaku.setCurrentIndex(i)
    assert jendela.k.pelaku.label == nama


def bisa_ubah(h: HalamanPK) -> bool:
    """Whether the first target cell (or, without one, the first anggaran cell) is editable."""
    if h.model_kinerja.rowCount():
        indeks = h.model_kinerja.index(0, KK_TARGET)
    else:
        indeks = h.model_anggaran.index(0, KA_ANGGARAN)
    return bool(indeks.flags() & Qt.ItemFlag.ItemIsEditable)


def test_kabid_hanya_mengubah_pk_bidangnya(
    jendela: JendelaUtama,
    halaman: HalamanPK,
    pilih: Callable[[str], None],
    galat: list[tuple[str, str]],
    db_demo: Database,
    jabatan_id: Callable[[str], uuid.UUID],
) -> None:
    layanan = LayananPK(db_demo)
    draf = {
        n: layanan.susun(PERENCANA, jabatan_id(n), 2020)
        for n in (KADIS, KABID_PK, KASI_KELEMBAGAAN, KASI_PENEMPATAN)
    }
    halaman.segarkan()
    bekerja_sebagai(jendela, KABID_PK)

    # their own PK and their Kasi's: editable, written with the Kabid as the author
    for nama in (KABID_PK, KASI_KELEMBAGAAN):
        pilih(nama)
        assert halaman.dapat_diubah and bisa_ubah(halaman), nama
        assert halaman.lencana.text() == "DRAF · dapat diubah"
        assert halaman.tombol_susun_ulang.isEnabled() and halaman.tombol_hapus.isEnabled()
        assert not halaman.tombol_tandatangani.isEnabled(), "a Kabid does not sign"
    indeks = halaman.model_kinerja.index(0, KK_TARGET)
    assert halaman.model_kinerja.setData(indeks, "25", Qt.ItemDataRole.EditRole)
    pk = layanan.baca(draf[KASI_KELEMBAGAAN].id)  # type: ignore[arg-type]
    assert pk.kinerja[0].target is not None and pk.kinerja[0].target.nilai == Decimal(25)
    # an unstored position of the bidang may be drafted, one of another bidang not
    pilih(STAF_SERTIFIKASI)
    assert halaman.tombol_susun.isEnabled()
    pilih(STAF_PENEMPATAN)
    assert not halaman.tombol_susun.isEnabled()

    # another bidang and the Kepala Dinas: read only, with the reason on the badge
    for nama in (KASI_PENEMPATAN, KADIS):
        pilih(nama)
        assert not halaman.dapat_diubah and not bisa_ubah(halaman), nama
        assert halaman.lencana.text() == "DRAF · hanya baca"
        assert halaman.lencana.toolTip().startswith(f"{KABID_PK} tidak dapat mengubah")
        for tombol in (
            halaman.tombol_susun_ulang,
            halaman.tombol_hapus,
            halaman.tombol_tandatangani,
        ):
            assert not tombol.isEnabled()
        assert halaman.tombol_cetak.isEnabled(), "anyone may print"
    # a write that slips past the read-only cells is refused by the service
    baris = halaman.model_kinerja.baris(0)
    assert halaman._simpan_sel(baris, "target", "9") is None
    assert "Akses ditolak" in galat[-1][1] and KABID_PK in galat[-1][1]
    assert layanan.baca(draf[KADIS].id).kinerja[0].target.nilai == Decimal("1.28")  # type: ignore[arg-type, union-attr]

    # back to the Perencana (the whole agency): editable again
    jendela.pilih_pelaku.setCurrentIndex(0)
    assert halaman.dapat_diubah and bisa_ubah(halaman)


def test_kepala_dinas_menandatangani_tetapi_tidak_menyusun(
    jendela: JendelaUtama,
    halaman: HalamanPK,
    pilih: Callable[[str], None],
    klik: Callable[[str], None],
    db_demo: Database,
    jabatan_id: Callable[[str], uuid.UUID],
) -> None:
    LayananPK(db_demo).susun(PERENCANA, jabatan_id(KABID_PK), 2020)
    halaman.segarkan()
    bekerja_sebagai(jendela, KADIS)
    pilih(KASI_KELEMBAGAAN)
    assert not halaman.tombol_susun.isEnabled()
    pilih(KABID_PK)
    assert not bisa_ubah(halaman)
    klik("tombolTandatanganiPk")
    assert "DITANDATANGANI" in halaman.lencana.text()
