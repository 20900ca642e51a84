"""The Kunci Periode page: closing TW I (after a confirmation) refuses a realization change
with a clear message; reopening asks a reason, which the trail keeps; locking the year's
targets; the buttons follow the acting user's role."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from decimal import Decimal

import pytest

from sakip_desktop.errors import DataTerkunci
from sakip_desktop.gui import dialog
from sakip_desktop.gui.halaman.audit import HalamanAudit
from sakip_desktop.gui.halaman.periode import HalamanPeriode
from sakip_desktop.gui.jendela_utama import JendelaUtama
from sakip_desktop.gui.konteks import GAGAL
from sakip_desktop.gui.model_audit import K_AKSI, K_ALASAN, K_KOLOM, sel
from sakip_desktop.services import kunci
from sakip_desktop.services.audit import SaringAudit, cari_jejak
from sakip_desktop.services.pelaku import Pelaku
from sakip_desktop.services.realisasi import LayananRealisasi, simpan_realisasi
from sakip_desktop.storage import Database

ALASAN = "Koreksi data TW I dari seksi"


@pytest.fixture
def periode(jendela: JendelaUtama) -> HalamanPeriode:
    jendela.buka_halaman("periode")
    h = jendela.halaman_aktif()
    assert isinstance(h, HalamanPeriode)
    return h


@pytest.fixture
def alasan(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Answer the reason question with `ALASAN` and remember the questions."""
    ditanya: list[str] = []

    def minta_teks(_induk: object, judul: str, label: str) -> str | None:
        ditanya.append(f"{judul}: {label}")
        return ALASAN

    monkeypatch.setattr(dialog, "minta_teks", minta_teks)
    return ditanya


def status_tw(h: HalamanPeriode) -> list[str]:
    return [h.tabel_tw.item(r, 1).text() for r in range(4)]


def test_tutup_tw_i_menolak_realisasi_lalu_buka_dengan_alasan(
    jendela: JendelaUtama,
    periode: HalamanPeriode,
    db_demo: Database,
    pelaku: dict[str, Pelaku],
    ind: Callable[[str], uuid.UUID],
    jawaban: list[tuple[str, str]],
    alasan: list[str],
    galat: list[tuple[str, str]],
) -> None:
    h, k = periode, jendela.k
    k.pelaku = pelaku["kadis"]
    assert status_tw(h) == ["Terbuka"] * 4
    assert h.triwulan_terpilih() == 1
    assert h.tombol_tutup.isEnabled() and h.tombol_tutup.text() == "Tutup TW I"
    assert not h.tombol_buka.isEnabled()
    assert h.tombol_buka.toolTip() == "TW I 2020 belum ditutup."
    berubah: list[str] = []
    k.dataBerubah.connect(berubah.append)
    h.tombol_tutup.click()
    assert jawaban and jawaban[-1][0] == "Tutup triwulan"
    assert "Realisasinya tidak dapat diubah lagi" in jawaban[-1][1]
    assert berubah == ["periode"]
    assert kunci.status_kunci(db_demo, 2020, k.opd_id).triwulan_ditutup == 1
    assert status_tw(h) == ["Ditutup", "Terbuka", "Terbuka", "Terbuka"]
    assert h.tabel_tw.item(0, 2).text().startswith("Ditutup kadis, ")
    assert not h.tombol_tutup.isEnabled() and h.tombol_buka.isEnabled()

    # A realization of TW I is refused, with a clear message, through the window and the service.
    kabid = pelaku["kabid_pk"]
    k.pelaku = kabid
    hasil = k.tulis(simpan_realisasi, ind("IKK.01"), 2020, 1, nilai=Decimal("4"))
    assert hasil is GAGAL
    assert "Triwulan 1 tahun 2020 sudah ditutup" in galat[-1][1]
    assert "Buka kembali triwulan itu (dengan alasan)" in galat[-1][1]
    with pytest.raises(DataTerkunci, match="sudah ditutup"):
        LayananRealisasi(db_demo).simpan(kabid, ind("IKK.01"), 2020, 1, nilai=Decimal("4"))
    LayananRealisasi(db_demo).simpan(kabid, ind("IKK.01"), 2020, 2, nilai=Decimal("4"))

    # Reopening asks a reason; it is kept in the trail and shown.
    k.pelaku = pelaku["kadis"]
    h.tabel_tw.selectRow(0)
    h.tombol_buka.click()
    assert alasan and "wajib" in alasan[-1]
    assert status_tw(h) == ["Terbuka"] * 4
    jejak = cari_jejak(db_demo, SaringAudit(aksi="buka-kunci"))
    assert [(j.pengguna, j.field, j.alasan) for j in jejak] == [
        ("kadis", "triwulan_ditutup", ALASAN)
    ]
    assert h.tabel_tw.item(0, 2).text().startswith("Dibuka kembali kadis, ")
    assert h.tabel_tw.item(0, 3).text() == ALASAN
    riwayat = [[sel(b, c) for c in range(8)] for b in h.model_riwayat.semua_baris()]
    assert [(r[K_AKSI], r[K_KOLOM], r[K_ALASAN]) for r in riwayat] == [
        ("Buka kunci", "triwulan ditutup", ALASAN),
        ("Tutup triwulan", "triwulan ditutup", "Tutup triwulan 1 tahun 2020"),
    ]
    k.pelaku = kabid
    assert k.tulis(simpan_realisasi, ind("IKK.01"), 2020, 1, nilai=Decimal("4")) is True

    # The audit page shows the reopening too.
    jendela.buka_halaman("audit")
    audit = jendela.halaman_aktif()
    assert isinstance(audit, HalamanAudit)
    audit.model.muat_semua()
    buka = [b for b in audit.model.semua_baris() if b.aksi == "buka-kunci"]
    assert [(b.label_aksi, b.alasan) for b in buka] == [("Buka kunci", ALASAN)]


def test_buka_tanpa_alasan_tidak_mengubah_apa_pun(
    jendela: JendelaUtama,
    periode: HalamanPeriode,
    db_demo: Database,
    pelaku: dict[str, Pelaku],
    monkeypatch: pytest.MonkeyPatch,
    galat: list[tuple[str, str]],
) -> None:
    k = jendela.k
    kunci.tutup_triwulan(db_demo, pelaku["admin"], 2020, 2, k.opd_id)
    k.pelaku = pelaku["admin"]
    periode.segarkan()
    assert status_tw(periode) == ["Ditutup", "Ditutup", "Terbuka", "Terbuka"]
    periode.tabel_tw.selectRow(0)
    monkeypatch.setattr(dialog, "minta_teks", lambda *_a: None)  # cancelled or left empty
    assert not periode.buka_triwulan()
    monkeypatch.setattr(dialog, "minta_teks", lambda *_a: "ok")  # too short: the service says
    assert not periode.buka_triwulan()
    assert "Alasan membuka kunci wajib diisi" in galat[-1][1]
    assert kunci.status_kunci(db_demo, 2020, k.opd_id).triwulan_ditutup == 2


def test_tutup_tw_iii_menutup_yang_sebelumnya_dan_kunci_target(
    jendela: JendelaUtama,
    periode: HalamanPeriode,
    db_demo: Database,
    pelaku: dict[str, Pelaku],
    jawaban: list[tuple[str, str]],
    alasan: list[str],
) -> None:
    h, k = periode, jendela.k
    k.pelaku = pelaku["perencana"]
    h.tabel_tw.selectRow(2)
    assert h.tutup_triwulan()
    assert "TW I, II yang masih terbuka ikut ditutup" in jawaban[-1][1]
    assert status_tw(h) == ["Ditutup", "Ditutup", "Ditutup", "Terbuka"]
    # The planner closes but may not reopen.
    h.tabel_tw.selectRow(1)
    assert not h.tombol_buka.isEnabled()
    assert "Perencana tidak berwenang membuka kembali" in h.tombol_buka.toolTip()
    # The year's targets.
    assert "Terbuka" in h.label_target.text()
    assert h.tombol_kunci_target.isEnabled() and not h.tombol_buka_target.isEnabled()
    h.tombol_kunci_target.click()
    assert jawaban[-1][0] == "Kunci target tahun"
    assert kunci.status_kunci(db_demo, 2020, k.opd_id).target_dikunci
    assert "Dikunci" in h.label_target.text() and "rina" in h.label_target.text()
    assert not h.tombol_kunci_target.isEnabled()
    k.pelaku = pelaku["kadis"]
    assert h.tombol_buka_target.isEnabled()
    h.tombol_buka_target.click()
    assert not kunci.status_kunci(db_demo, 2020, k.opd_id).target_dikunci
    assert ALASAN in h.label_target.text()


def test_tahun_lain_mengikuti_pilihan_tahun(
    jendela: JendelaUtama, periode: HalamanPeriode, db_demo: Database, pelaku: dict[str, Pelaku]
) -> None:
    kunci.tutup_triwulan(db_demo, pelaku["admin"], 2019, 4, jendela.k.opd_id)
    jendela.k.tahun = 2019
    assert status_tw(periode) == ["Ditutup"] * 4
    assert "2019" in periode.judul_tahun.text()
    assert periode.tabel_tw.item(3, 2).text().startswith("Ditutup admin, ")


@pytest.mark.parametrize("siapa", ["kabid_pk", "pembaca"])
def test_kabid_dan_pembaca_tidak_dapat_menutup_atau_membuka(
    jendela: JendelaUtama,
    periode: HalamanPeriode,
    db_demo: Database,
    pelaku: dict[str, Pelaku],
    siapa: str,
) -> None:
    kunci.tutup_triwulan(db_demo, pelaku["admin"], 2020, 1, jendela.k.opd_id)
    kunci.kunci_target_tahun(db_demo, pelaku["admin"], 2020, jendela.k.opd_id)
    jendela.k.pelaku = pelaku[siapa]
    periode.segarkan()
    for baris in (0, 1):  # a closed and an open quarter
        periode.tabel_tw.selectRow(baris)
        for tombol in (periode.tombol_tutup, periode.tombol_buka):
            assert not tombol.isEnabled()
            assert "tidak berwenang" in tombol.toolTip()
    for tombol in (periode.tombol_kunci_target, periode.tombol_buka_target):
        assert not tombol.isEnabled()
        assert "tidak berwenang" in tombol.toolTip()
    assert "hanya Administrator, Perencana dan Kepala Dinas" in periode.tombol_tutup.toolTip()
    assert "hanya Administrator dan Kepala Dinas" in periode.tombol_buka.toolTip()


def test_halaman_audit_dimuat_ulang_setelah_perubahan_di_halaman_lain(
    jendela: JendelaUtama, pelaku: dict[str, Pelaku]
) -> None:
    jendela.buka_halaman("audit")
    audit = jendela.halaman_aktif()
    assert isinstance(audit, HalamanAudit)
    sebelum = audit.model.total
    jendela.k.pelaku = pelaku["admin"]
    jendela.buka_halaman("periode")
    h = jendela.halaman_aktif()
    assert isinstance(h, HalamanPeriode)
    assert h.tutup_triwulan()
    jendela.buka_halaman("audit")
    assert audit.model.total == sebelum + 1
    assert audit.model.baris(0).label_aksi == "Tutup triwulan"
    assert audit.pilih_pengguna.findData("admin") >= 0  # the filter lists follow the trail
