"""Capaian from the demo reproduces the source's published figures."""

from __future__ import annotations

from decimal import Decimal

import pytest

from sakip_desktop.errors import InputTidakSah, TidakDitemukan
from sakip_desktop.services.capaian import BarisCapaian, LayananCapaian
from sakip_desktop.storage import Database


def per_kode(baris: list[BarisCapaian]) -> dict[str, BarisCapaian]:
    return {b.kode: b for b in baris}


def test_capaian_2019_sama_dengan_sumber(db_demo: Database) -> None:
    b = per_kode(LayananCapaian(db_demo).tabel(2019))
    assert (b["IKU.1"].realisasi, b["IKU.1"].capaian) == (Decimal("2.69"), Decimal("220.49"))
    assert b["IKU.2"].capaian == Decimal("100.83")
    assert b["IKU.3"].capaian == Decimal("100.00")
    assert b["IKU.4"].capaian == Decimal("103.21")
    assert b["IKU.1"].target is not None and b["IKU.1"].target.nilai == Decimal("1.22")
    assert b["IKU.1"].band is not None and b["IKU.1"].band.label == "Sangat Berhasil"


def test_capaian_triwulan_1_2020_terhadap_target_tahunan(db_demo: Database) -> None:
    b = per_kode(LayananCapaian(db_demo).tabel(2020, triwulan=1))
    bpjs, umk = b["IKU.2"], b["IKU.4"]
    assert bpjs.realisasi == Decimal("1.01")
    assert bpjs.capaian_tahunan == Decimal("19.61")
    assert umk.realisasi == Decimal("0.50")
    assert umk.capaian_tahunan == Decimal("20.83")
    # Against the quarter's own target (1,01 % and 0,50 %) both are on track.
    assert bpjs.capaian == Decimal("100.00")
    assert umk.capaian == Decimal("100.00")


def test_triwulan_kosong_bukan_nol(db_demo: Database) -> None:
    """IKU.1 has no TW I 2020 realization: no realisasi and no capaian, never 0 %."""
    b = per_kode(LayananCapaian(db_demo).tabel(2020, triwulan=1))
    assert b["IKU.1"].realisasi is None
    assert b["IKU.1"].capaian is None
    assert b["IKU.1"].capaian_tahunan is None


def test_urutan_mengikuti_pohon(db_demo: Database) -> None:
    kode = [b.kode for b in LayananCapaian(db_demo).tabel(2020)]
    assert kode.index("IKT.1") < kode.index("IKU.1") < kode.index("IKU.2") < kode.index("IKU.4")


def test_tahun_di_luar_renstra_ditolak(db_demo: Database) -> None:
    with pytest.raises(TidakDitemukan, match="Tahun 2030 tidak termasuk periode Renstra"):
        LayananCapaian(db_demo).tabel(2030)


def test_triwulan_tidak_sah_ditolak(db_demo: Database) -> None:
    with pytest.raises(InputTidakSah, match="Triwulan harus 1–4"):
        LayananCapaian(db_demo).tabel(2020, triwulan=5)
