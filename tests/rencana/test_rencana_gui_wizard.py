"""The Renstra import wizard, driven as a user would: file, mapping, preview, import."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from sqlalchemy import func, select

from sakip_desktop.gui.jendela_utama import JendelaUtama
from sakip_desktop.gui.konteks import PERENCANA_LOKAL, Konteks
from sakip_desktop.gui.pabrik import buat_halaman
from sakip_desktop.gui.wizard_impor_rencana import WizardImporRencana
from sakip_desktop.model import Opd
from sakip_desktop.services.konteks import pilih_opd
from sakip_desktop.storage import Database


@pytest.fixture
def wizard(qtbot, db_demo: Database, tmp_path: Path):  # type: ignore[no-untyped-def]
    with db_demo.baca() as sesi:
        opd_id = pilih_opd(sesi).id
    k = Konteks(db_demo, opd_id, 2020, PERENCANA_LOKAL)
    w = JendelaUtama(
        k, buat_halaman, QSettings(str(tmp_path / "j.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(w)
    wiz = WizardImporRencana(k, "Dinas Tenaga Kerja", w)
    qtbot.addWidget(wiz)
    wiz.show()
    return wiz


def test_impor_tc27_lewat_wizard_ke_opd_baru(qtbot, wizard, tc27, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    berkas = tc27(tmp_path / "renstra-dinkes.xlsx")
    hal = wizard.page(WizardImporRencana.HAL_BERKAS)
    hal.berkas.setText(str(berkas))
    hal.opd.setText("Dinas Kesehatan")
    assert hal.isComplete()
    wizard.next()
    if wizard.currentId() == WizardImporRencana.HAL_PEMETAAN:
        pemetaan = wizard.page(WizardImporRencana.HAL_PEMETAAN)
        assert pemetaan.tabel.rowCount() > 10
        assert pemetaan.isComplete()
        wizard.next()
    assert wizard.currentId() == WizardImporRencana.HAL_PRATINJAU
    prat = wizard.page(WizardImporRencana.HAL_PRATINJAU)
    assert "Dinas Kesehatan" in prat.ringkas.text() and "OPD baru" in prat.ringkas.text()
    assert prat.pohon.topLevelItemCount() >= 1
    assert prat.isComplete()
    wizard.next()
    assert wizard.currentId() == WizardImporRencana.HAL_SELESAI
    assert "telah diimpor" in wizard.page(WizardImporRencana.HAL_SELESAI).teks.text()
    with wizard.k.db.baca() as sesi:
        assert sesi.scalar(select(func.count()).select_from(Opd)) == 2


def test_berkas_bermasalah_tidak_dapat_diimpor(
    qtbot, wizard, tc27, baris_contoh, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    baris = baris_contoh()
    baris[3] = {**baris[3], "kode": "9.99.99.9.99"}  # a kegiatan with no parent program
    berkas = tc27(tmp_path / "rusak.xlsx", baris)
    hal = wizard.page(WizardImporRencana.HAL_BERKAS)
    hal.berkas.setText(str(berkas))
    hal.opd.setText("Dinas Kesehatan")
    wizard.next()
    if wizard.currentId() == WizardImporRencana.HAL_PEMETAAN:
        wizard.next()
    prat = wizard.page(WizardImporRencana.HAL_PRATINJAU)
    assert prat.masalah.count() >= 1
    assert "baris" in prat.masalah.item(0).text()
    assert not prat.isComplete()
    with wizard.k.db.baca() as sesi:
        assert sesi.scalar(select(func.count()).select_from(Opd)) == 1
