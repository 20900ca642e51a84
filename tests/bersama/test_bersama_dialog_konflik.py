"""The conflict dialog (pytest-qt): take mine with a reason, keep theirs, merge by hand."""

from __future__ import annotations

import os
from decimal import Decimal

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QPushButton
from sqlalchemy import select

from sakip_desktop.domain import DokumenTarget, Peran
from sakip_desktop.gui.dialog_konflik import GABUNG, DialogKonflik
from sakip_desktop.gui.konteks import GAGAL, Konteks
from sakip_desktop.kalkulasi import NilaiTarget
from sakip_desktop.model import Indikator, JejakAudit, Target
from sakip_desktop.services.konteks import pilih_opd
from sakip_desktop.services.pelaku import Pelaku
from sakip_desktop.services.target import simpan_target
from sakip_desktop.storage import Database

pytestmark = pytest.mark.gui
RINA = Pelaku("rina", Peran.PERENCANA)
DEDI = Pelaku("dedi", Peran.PERENCANA)


def _target(db: Database) -> Target:
    with db.baca() as sesi:
        return sesi.scalars(
            select(Target)
            .join(Indikator)
            .where(
                Indikator.kode == "IKK.01",
                Target.tahun == 2020,
                Target.dokumen == DokumenTarget.RENJA,
            )
        ).one()


def _simpan(sesi, pelaku, ind_id, nilai):  # type: ignore[no-untyped-def]
    return simpan_target(
        sesi, pelaku, ind_id, 2020, 0, DokumenTarget.RENJA, NilaiTarget(Decimal(nilai))
    )


@pytest.fixture
def konteks(qtbot, db_demo: Database) -> Konteks:  # type: ignore[no-untyped-def]
    with db_demo.baca() as sesi:
        opd_id = pilih_opd(sesi).id
    return Konteks(db_demo, opd_id, 2020, DEDI)


def _rina_menyimpan_dulu(db: Database, nilai: str = "18") -> Target:
    awal = _target(db)
    with Database(db.url) as pc_rina, pc_rina.transaksi(RINA) as sesi:
        _simpan(sesi, RINA, awal.indikator_id, nilai)
    return awal


def _penjawab(qtbot, tombol: str, alasan: str = "", gabung: dict | None = None):  # type: ignore[no-untyped-def]
    """A conflict handler that fills the real dialog and presses a button."""
    dilihat: list[DialogKonflik] = []

    def jawab(konflik):  # type: ignore[no-untyped-def]
        dlg = DialogKonflik(konflik)
        qtbot.addWidget(dlg)
        dilihat.append(dlg)
        dlg.isian_alasan.setText(alasan)
        for f, teks in (gabung or {}).items():
            dlg.isian_gabung[f].setText(teks)
        dlg.findChild(QPushButton, tombol).click()
        return dlg.keputusan

    return jawab, dilihat


def test_pakai_milik_saya_dengan_alasan_tersimpan_dan_diaudit(qtbot, konteks: Konteks):
    awal = _rina_menyimpan_dulu(konteks.db)
    jawab, dilihat = _penjawab(qtbot, "tombolSaya", "Sesuai DPA perubahan")
    konteks.penangan_konflik = jawab
    with qtbot.waitSignal(konteks.dataBerubah):
        hasil = konteks.tulis(_simpan, awal.indikator_id, "20", versi_dimuat={awal.id: awal.versi})
    assert hasil is True
    dlg = dilihat[0]
    teks = dlg.findChild(type(dlg.label_galat), "labelKonflik").text()
    assert "rina" in teks and "sejak Anda membukanya" in teks
    assert [dlg.tabel.item(0, c).text() for c in range(3)] == ["Nilai", "18", "20"]
    assert _target(konteks.db).nilai == Decimal("20")
    with konteks.db.baca() as sesi:
        jejak = sesi.scalars(
            select(JejakAudit)
            .where(JejakAudit.rekaman_id == awal.id, JejakAudit.field == "nilai")
            .order_by(JejakAudit.waktu)
        ).all()
    assert [(j.pengguna, j.nilai_lama, j.nilai_baru, j.alasan) for j in jejak][-1] == (
        "dedi",
        "18",
        "20",
        "Sesuai DPA perubahan",
    )


def test_tanpa_alasan_tidak_bisa_menimpa(qtbot, konteks: Konteks):
    awal = _rina_menyimpan_dulu(konteks.db)
    from sakip_desktop.errors import KonflikVersi

    k = KonflikVersi(
        "x",
        tabel="target",
        rekaman_id=awal.id,
        oleh="rina",
        nilai_mereka={"nilai": "18"},
        nilai_saya={"nilai": "20"},
        versi_sekarang=2,
    )
    dlg = DialogKonflik(k)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.tombol_saya.click()
    assert dlg.isVisible() and "alasan" in dlg.label_galat.text()


def test_pertahankan_milik_mereka_tidak_menyimpan(qtbot, konteks: Konteks):
    awal = _rina_menyimpan_dulu(konteks.db)
    jawab, _ = _penjawab(qtbot, "tombolMereka")
    konteks.penangan_konflik = jawab
    sebelum = _target(konteks.db)
    with qtbot.waitSignal(konteks.dataBerubah):  # the page reloads their values
        hasil = konteks.tulis(_simpan, awal.indikator_id, "20", versi_dimuat={awal.id: awal.versi})
    assert hasil is GAGAL
    sesudah = _target(konteks.db)
    assert (sesudah.nilai, sesudah.versi, sesudah.diubah_oleh) == (
        Decimal("18"),
        sebelum.versi,
        "rina",
    )


def test_gabung_manual(qtbot, konteks: Konteks):
    awal = _rina_menyimpan_dulu(konteks.db)
    jawab, _ = _penjawab(qtbot, "tombolGabung", "Rata-rata usulan", {"nilai": "19,5"})
    konteks.penangan_konflik = jawab
    hasil = konteks.tulis(_simpan, awal.indikator_id, "20", versi_dimuat={awal.id: awal.versi})
    assert hasil is True
    t = _target(konteks.db)
    assert (t.nilai, t.diubah_oleh) == (Decimal("19.5"), "dedi")


def test_dialog_modal_dari_konteks(qtbot, konteks: Konteks):
    """The default handler opens the dialog modally; Esc keeps theirs."""
    awal = _rina_menyimpan_dulu(konteks.db)

    def tutup() -> None:
        dlg = QApplication.activeModalWidget()
        assert isinstance(dlg, DialogKonflik)
        dlg.reject()

    QTimer.singleShot(50, tutup)
    hasil = konteks.tulis(_simpan, awal.indikator_id, "20", versi_dimuat={awal.id: awal.versi})
    assert hasil is GAGAL and _target(konteks.db).nilai == Decimal("18")
    assert GABUNG == "gabung"
