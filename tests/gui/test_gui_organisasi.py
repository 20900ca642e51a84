"""The Organisasi page: pick a position, see its holder, change a name, save."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from sakip_desktop.gui.halaman.organisasi import HalamanOrganisasi
from sakip_desktop.gui.jendela_utama import JendelaUtama
from sakip_desktop.model import Jabatan


def test_ubah_nama_jabatan(qtbot, jendela: JendelaUtama) -> None:  # type: ignore[no-untyped-def]
    jendela.buka_halaman("organisasi")
    h = jendela.halaman_aktif()
    assert isinstance(h, HalamanOrganisasi)
    item = h.pohon.findItems(
        "Kepala Bidang Pelatihan Kerja", Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive
    )[0]
    assert item.text(1).strip()  # the holder is shown
    h.pohon.setCurrentItem(item)
    assert h.ui_jabatan.nama.text() == "Kepala Bidang Pelatihan Kerja"
    assert h.ui_pegawai.nip.text().isdigit()
    h.ui_jabatan.nama.clear()
    qtbot.keyClicks(h.ui_jabatan.nama, "Kepala Bidang Pelatihan dan Produktivitas")
    qtbot.mouseClick(
        h.findChild(type(h.tombol_hapus), "tombolSimpanJabatan"), Qt.MouseButton.LeftButton
    )
    with jendela.k.baca() as sesi:
        assert sesi.scalars(
            select(Jabatan).where(Jabatan.nama == "Kepala Bidang Pelatihan dan Produktivitas")
        ).one()
    # the renamed position's history shows the old and the new name
    from sakip_desktop.gui.dialog_riwayat import DialogRiwayat

    qtbot.mouseClick(h.tombol_riwayat, Qt.MouseButton.LeftButton)
    (dlg,) = [d for d in h.findChildren(DialogRiwayat) if d.isVisible()]
    assert dlg.tabel == "jabatan"
    isi = " ".join(
        str(dlg.model.index(r, c).data())
        for r in range(dlg.model.rowCount())
        for c in range(dlg.model.columnCount())
    )
    assert "Kepala Bidang Pelatihan Kerja" in isi
    assert "Kepala Bidang Pelatihan dan Produktivitas" in isi
    dlg.reject()
