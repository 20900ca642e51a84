"""A layout that differs (shuffled columns, other header texts, an extra column, two header
levels) is read through a column mapping, which is remembered for the next file of the
same shape."""

from __future__ import annotations

from pathlib import Path

import pytest

from sakip_desktop.domain import Peran
from sakip_desktop.errors import AksesDitolak
from sakip_desktop.services.pelaku import Pelaku
from sakip_desktop.services.tc27 import (
    ImporDitolak,
    JenisMasalah,
    PeranKolom,
    baca_pemetaan,
    impor_rencana,
    pratinjau_impor,
    simpan_pemetaan,
)
from sakip_desktop.services.tc27.lembar import huruf_kolom

PERENCANA = Pelaku("rina", Peran.PERENCANA)


def _atur_semua(pemetaan) -> None:  # type: ignore[no-untyped-def]
    """What a user does in the mapping step: say what each column holds."""
    arti = {
        "Tujuan Strategis": PeranKolom.TUJUAN,
        "Sasaran Strategis": PeranKolom.SASARAN,
        "Rekening": PeranKolom.KODE,
        "Nomenklatur": PeranKolom.URAIAN,
        "Indikator": PeranKolom.INDIKATOR,
        "Kondisi Awal": PeranKolom.BASELINE,
        "Kondisi Akhir Target": PeranKolom.KONDISI_TARGET,
        "Kondisi Akhir Pagu Indikatif": PeranKolom.KONDISI_PAGU,
        "OPD Pelaksana": PeranKolom.UNIT,
        "Lokasi Kegiatan": PeranKolom.LOKASI,
        "Keterangan": PeranKolom.ABAIKAN,
    }
    for c, label in pemetaan.label.items():
        if label in arti:
            pemetaan.atur(huruf_kolom(c), arti[label])
        else:  # "TA 2017 | Sasaran Kinerja" / "TA 2017 | Alokasi"
            tahun = int(label.split()[1])
            peran = PeranKolom.TARGET if "Sasaran" in label else PeranKolom.PAGU
            pemetaan.atur(huruf_kolom(c), peran, tahun)


def test_kolom_teracak_perlu_pemetaan_lalu_diingat(
    db, tc27, tmp_path: Path, hitung, potret_opd
) -> None:
    standar = tc27(tmp_path / "standar.xlsx")
    acak = tc27(tmp_path / "acak.xlsx", tata="acak")
    impor_rencana(db, PERENCANA, standar, opd="Dinas Kesehatan", singkatan="Dinkes")
    harapan = potret_opd(db, "Dinkes")

    # the shuffled file into a second agency: recognised only in part, so the mapping step
    prat = pratinjau_impor(db, acak, opd="Dinas Kesehatan B")
    assert not prat.bisa_diimpor and prat.rencana is None
    assert prat.masalah and all(m.jenis is JenisMasalah.KOLOM for m in prat.masalah)
    assert any("Program dan Kegiatan" in m.pesan for m in prat.masalah)
    sebelum = hitung(db)
    with pytest.raises(ImporDitolak):
        impor_rencana(db, PERENCANA, acak, opd="Dinas Kesehatan B")
    assert hitung(db) == sebelum

    pemetaan = baca_pemetaan(db, acak)
    assert pemetaan.sumber == "otomatis" and pemetaan.baris_kepala == (4, 5)
    assert ["1.02.02", "1.02.02.2.02", "1.02.02.2.02.0001"] in pemetaan.contoh.values()
    _atur_semua(pemetaan)
    assert pemetaan.lengkap and pemetaan.sumber == "pengguna"
    simpan_pemetaan(db, PERENCANA, pemetaan)

    # another file of the same shape is read with the saved mapping, without asking
    lagi = tc27(tmp_path / "acak-lagi.xlsx", tata="acak")
    prat = pratinjau_impor(db, lagi, opd="Dinas Kesehatan B")
    assert prat.pemetaan is not None and prat.pemetaan.sumber == "tersimpan"
    assert prat.bisa_diimpor, [str(m) for m in prat.masalah]
    impor_rencana(db, PERENCANA, lagi, opd="Dinas Kesehatan B", singkatan="DinkesB")
    assert potret_opd(db, "DinkesB") == harapan


def test_urutan_kolom_lain_dengan_judul_standar_dikenali_sendiri(
    db, tc27, tmp_path: Path, potret_opd
) -> None:
    """Standard titles in another order need no mapping: columns are found by their title."""
    impor_rencana(
        db, PERENCANA, tc27(tmp_path / "standar.xlsx"), opd="Dinas Kesehatan", singkatan="Dinkes"
    )
    lain = tc27(
        tmp_path / "urutan-lain.xlsx",
        urutan=["lokasi", "indikator", "baseline", "kode", "uraian", "unit", "sasaran", "tujuan"],
    )
    prat = pratinjau_impor(db, lain, opd="Dinas Kesehatan C")
    assert prat.pemetaan is not None and prat.pemetaan.sumber == "otomatis"
    assert prat.bisa_diimpor, [str(m) for m in prat.masalah]
    impor_rencana(db, PERENCANA, lain, opd="Dinas Kesehatan C", singkatan="DinkesC")
    assert potret_opd(db, "DinkesC") == potret_opd(db, "Dinkes")


def test_menyimpan_pemetaan_perlu_peran_perencana(db, tc27, tmp_path: Path) -> None:
    pemetaan = baca_pemetaan(db, tc27(tmp_path / "acak.xlsx", tata="acak"))
    with pytest.raises(AksesDitolak):
        simpan_pemetaan(db, Pelaku("baca", Peran.PEMBACA), pemetaan)
