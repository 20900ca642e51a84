"""Quarterly realizations: the entry page, bad input, the verify / reopen flow, locks."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from decimal import Decimal

import pytest
from sqlalchemy import select

from sakip_desktop.domain import Peran, StatusRealisasi
from sakip_desktop.errors import AksesDitolak, DataTerkunci, InputTidakSah, KesalahanPengguna
from sakip_desktop.model import JejakAudit, Realisasi
from sakip_desktop.services.capaian import LayananCapaian
from sakip_desktop.services.pelaku import Pelaku
from sakip_desktop.services.realisasi import LayananRealisasi, pratinjau, simpan_realisasi
from sakip_desktop.storage import Database

D = Decimal
Baca = Callable[[str, int, int], Realisasi | None]


def per_kode(entri):  # type: ignore[no-untyped-def]
    return {e.kode: e for e in entri}


def test_daftar_entri_tw1_2020_seperti_sumber(db_demo: Database, perencana: Pelaku) -> None:
    """TW I 2020: BPJS 1,01% against 5,15% → 19,61%; UMK 0,50% against 2,40% → 20,83%."""
    e = per_kode(LayananRealisasi(db_demo).daftar_entri(perencana, 2020, 1))
    bpjs, umk = e["IKU.2"], e["IKU.4"]
    assert (bpjs.nilai, bpjs.capaian_tahunan) == (D("1.01"), D("19.61"))
    assert (umk.nilai, umk.capaian_tahunan) == (D("0.50"), D("20.83"))
    assert bpjs.target_tahunan is not None and bpjs.target_tahunan.nilai == D("5.15")
    assert bpjs.target_triwulan == D("1.01") and bpjs.capaian == D("100.00")
    assert (bpjs.komponen_a, bpjs.komponen_b) == (D("10101"), D("10000"))
    assert bpjs.label_komponen_a is not None and "Tahun N" in bpjs.label_komponen_a
    assert bpjs.status is StatusRealisasi.DIVERIFIKASI
    assert bpjs.band_tahunan is not None and bpjs.band_tahunan.label == "Kurang Berhasil"
    assert e["IKU.1"].nilai is None and e["IKU.1"].capaian is None  # empty, not 0 %
    assert e["IKU.1"].dapat_diubah and not bpjs.dapat_diubah  # verified → frozen


def test_daftar_entri_mengikuti_unit_pengguna(db_demo: Database, kabid_pk: Pelaku) -> None:
    kode = {e.kode for e in LayananRealisasi(db_demo).daftar_entri(kabid_pk, 2020, 1)}
    assert "IKP.01" in kode and "IKK.02" in kode and "IKI.01" in kode
    assert not kode & {"IKU.1", "IKU.2", "IKP.02", "IKP.05", "TPT"}
    pembaca = LayananRealisasi(db_demo).daftar_entri(Pelaku("ins", Peran.PEMBACA), 2020, 1)
    assert {"IKU.2", "IKP.05", "TPT"} <= {e.kode for e in pembaca}
    assert not any(e.boleh_isi for e in pembaca)


def test_realisasi_tw2_komponen_mengubah_tabel_capaian(
    db_demo: Database, ind: Callable[[str], uuid.UUID], perencana: Pelaku
) -> None:
    layanan = LayananRealisasi(db_demo)
    sebelum = {b.kode: b for b in LayananCapaian(db_demo).tabel(2020, 2)}
    assert sebelum["IKU.2"].realisasi is None
    hasil = layanan.simpan(perencana, ind("IKU.2"), 2020, 2, komponen=(D(10210), D(10000)))
    assert hasil.pesan == "Realisasi IKU.2 TW II 2020 disimpan: 2,10% (komponen 10.210 / 10.000)."
    layanan.simpan(perencana, ind("IKU.4"), 2020, 2, komponen=(D(10120), D(10000)))
    sesudah = {b.kode: b for b in LayananCapaian(db_demo).tabel(2020, 2)}
    assert sesudah["IKU.2"].realisasi == D("2.10")
    assert sesudah["IKU.2"].capaian == D("103.96")  # 2,10 / 2,02
    assert sesudah["IKU.2"].capaian_tahunan == D("40.78")  # 2,10 / 5,15
    assert sesudah["IKU.4"].capaian == D("120.00")  # 1,20 / 1,00
    assert sesudah["IKU.4"].capaian_tahunan == D("50.00")  # 1,20 / 2,40
    e = per_kode(layanan.daftar_entri(perencana, 2020, 2))["IKU.2"]
    assert e.status is StatusRealisasi.DRAF and e.capaian == D("103.96")


def test_simpan_ulang_tidak_berubah(
    db_demo: Database, ind: Callable[[str], uuid.UUID], perencana: Pelaku
) -> None:
    with db_demo.transaksi(perencana) as sesi:
        assert simpan_realisasi(sesi, perencana, ind("IKP.01"), 2020, 2, nilai=D(50))
    with db_demo.transaksi(perencana) as sesi:
        assert not simpan_realisasi(sesi, perencana, ind("IKP.01"), 2020, 2, nilai=D("50.0"))
    hasil = LayananRealisasi(db_demo).simpan(perencana, ind("IKP.01"), 2020, 2, nilai=D(50))
    assert hasil.pesan == "Realisasi IKP.01 TW II 2020 tidak berubah: 50 orang."


def test_isian_kosong_menghapus_triwulan(
    db_demo: Database, ind: Callable[[str], uuid.UUID], perencana: Pelaku, realisasi_tw: Baca
) -> None:
    layanan = LayananRealisasi(db_demo)
    layanan.simpan(perencana, ind("IKP.02"), 2020, 2, nilai=D(300), catatan="Laporan bulanan")
    assert realisasi_tw("IKP.02", 2020, 2) is not None
    hasil = layanan.simpan(perencana, ind("IKP.02"), 2020, 2)
    assert hasil.aksi == "hapus"
    assert realisasi_tw("IKP.02", 2020, 2) is None
    assert not layanan.simpan(perencana, ind("IKP.02"), 2020, 2).berubah


@pytest.mark.parametrize(
    ("kode", "isian", "field", "pesan"),
    [
        ("IKT.1", {"nilai": D(1500)}, "nilai", "di luar batas wajar persentase"),
        ("IKP.01", {"nilai": D(-3)}, "nilai", "tidak boleh negatif"),
        ("IKP.01", {"nilai": D("2.5")}, "nilai", "bukan bilangan bulat"),
        ("IKU.3", {"komponen": (D(5), D(4))}, "komponen", r"Bagian \(5\) lebih besar"),
        ("IKU.2", {"komponen": (D(-1), D(4))}, "komponen", "tidak boleh negatif"),
        ("IKU.2", {"komponen": (D("10.5"), D(4))}, "komponen", "harus bilangan bulat"),
        ("IKU.2", {"komponen": (D(500), D(10))}, "komponen", "di luar batas wajar"),
        ("IKU.2", {"nilai": D(2)}, "komponen", "dihitung dari dua angka mentah"),
        ("IKP.01", {"komponen": (D(1), D(2))}, "komponen", "tanpa komponen"),
        ("IKP.01", {"nilai_teks": "banyak"}, "nilai_teks", "harus angka"),
    ],
)
def test_isian_tidak_sah_ditolak_tanpa_tersimpan(
    db_demo: Database,
    ind: Callable[[str], uuid.UUID],
    perencana: Pelaku,
    realisasi_tw: Baca,
    kode: str,
    isian: dict[str, object],
    field: str,
    pesan: str,
) -> None:
    with pytest.raises(InputTidakSah, match=pesan) as e:
        LayananRealisasi(db_demo).simpan(perencana, ind(kode), 2020, 3, **isian)  # type: ignore[arg-type]
    assert e.value.field == field
    assert f"Realisasi {kode} TW III 2020" in e.value.pesan or field == "komponen"
    assert realisasi_tw(kode, 2020, 3) is None


def test_alur_ajukan_verifikasi_buka_kembali(
    db_demo: Database,
    ind: Callable[[str], uuid.UUID],
    jabatan: Callable[[str], uuid.UUID],
    kabid_pk: Pelaku,
    realisasi_tw: Baca,
) -> None:
    staf = Pelaku("rizky", Peran.STAF, jabatan("Staf Seksi Penyelenggaraan Pelatihan"), "Rizky")
    layanan = LayananRealisasi(db_demo)
    iku = ind("IKK.02")
    assert layanan.simpan(staf, iku, 2020, 2, nilai=D(40), catatan="Daftar hadir").berubah
    with pytest.raises(AksesDitolak):
        layanan.verifikasi(staf, iku, 2020, 2)
    with pytest.raises(KesalahanPengguna, match="masih draf"):
        layanan.verifikasi(kabid_pk, iku, 2020, 2)
    assert layanan.ajukan(staf, iku, 2020, 2)
    assert not layanan.ajukan(staf, iku, 2020, 2)
    with pytest.raises(DataTerkunci, match="sudah diajukan"):
        layanan.simpan(staf, iku, 2020, 2, nilai=D(45))
    assert layanan.verifikasi(kabid_pk, iku, 2020, 2)
    r = realisasi_tw("IKK.02", 2020, 2)
    assert r is not None and r.status is StatusRealisasi.DIVERIFIKASI
    assert r.diverifikasi_oleh == "agus" and r.diverifikasi_pada is not None
    with pytest.raises(DataTerkunci, match="sudah diverifikasi"):
        layanan.simpan(kabid_pk, iku, 2020, 2, nilai=D(45))
    # Reopening: not by the staff, not without a reason.
    with pytest.raises(AksesDitolak):
        layanan.buka_kembali(staf, iku, 2020, 2, "salah ketik")
    with pytest.raises(InputTidakSah, match="memerlukan alasan"):
        layanan.buka_kembali(kabid_pk, iku, 2020, 2, "  ")
    assert layanan.buka_kembali(kabid_pk, iku, 2020, 2, "Jumlah peserta salah ketik")
    r = realisasi_tw("IKK.02", 2020, 2)
    assert r is not None and r.status is StatusRealisasi.DRAF and r.diverifikasi_oleh is None
    with db_demo.baca() as sesi:
        jejak = sesi.scalars(
            select(JejakAudit).where(JejakAudit.rekaman_id == r.id, JejakAudit.field == "status")
        ).all()
    assert [(j.nilai_lama, j.nilai_baru, j.pengguna) for j in jejak] == [
        ("draf", "diajukan", "rizky"),
        ("diajukan", "diverifikasi", "agus"),
        ("diverifikasi", "draf", "agus"),
    ]
    assert jejak[-1].alasan == "Jumlah peserta salah ketik"
    assert layanan.simpan(staf, iku, 2020, 2, nilai=D(45)).berubah


def test_staf_seksi_lain_dan_pembaca_ditolak(
    db_demo: Database,
    ind: Callable[[str], uuid.UUID],
    jabatan: Callable[[str], uuid.UUID],
    realisasi_tw: Baca,
) -> None:
    staf_hi = Pelaku(
        "arif", Peran.STAF, jabatan("Staf Seksi Pengupahan dan Jaminan Sosial Tenaga Kerja")
    )
    layanan = LayananRealisasi(db_demo)
    with pytest.raises(AksesDitolak):
        layanan.simpan(staf_hi, ind("IKK.02"), 2020, 2, nilai=D(10))
    with pytest.raises(AksesDitolak):
        layanan.simpan(Pelaku("ins", Peran.PEMBACA), ind("IKK.02"), 2020, 2, nilai=D(10))
    assert realisasi_tw("IKK.02", 2020, 2) is None
    assert layanan.simpan(staf_hi, ind("IKI.22"), 2020, 2, nilai=D(8)).berubah


def test_triwulan_ditutup_menolak_perubahan(
    db_demo: Database,
    ind: Callable[[str], uuid.UUID],
    perencana: Pelaku,
    tutup_triwulan: Callable[[int, int], None],
    realisasi_tw: Baca,
) -> None:
    layanan = LayananRealisasi(db_demo)
    layanan.simpan(perencana, ind("IKP.02"), 2020, 2, nilai=D(300))
    tutup_triwulan(2020, 2)
    with pytest.raises(DataTerkunci, match="Triwulan 2 tahun 2020 sudah ditutup"):
        layanan.simpan(perencana, ind("IKP.02"), 2020, 2, nilai=D(310))
    with pytest.raises(DataTerkunci):
        layanan.simpan(perencana, ind("IKP.02"), 2020, 1)  # emptying is a change too
    with pytest.raises(DataTerkunci):
        layanan.ajukan(perencana, ind("IKP.02"), 2020, 2)
    r = realisasi_tw("IKP.02", 2020, 2)
    assert r is not None and r.nilai == D(300)
    assert realisasi_tw("IKP.02", 2020, 1) is not None
    e = per_kode(layanan.daftar_entri(perencana, 2020, 2))["IKP.02"]
    assert e.triwulan_ditutup and not e.dapat_diubah
    # TW III is still open.
    assert layanan.simpan(perencana, ind("IKP.02"), 2020, 3, nilai=D(250)).berubah


def test_pratinjau_sama_dengan_hasil_simpan(
    db_demo: Database, ind: Callable[[str], uuid.UUID], perencana: Pelaku
) -> None:
    """What the entry page shows while typing equals what the tables show after saving."""
    layanan = LayananRealisasi(db_demo)
    e = per_kode(layanan.daftar_entri(perencana, 2020, 2))
    p = pratinjau(e["IKU.2"], komponen=(D(10210), D(10000)))
    assert (p.nilai, p.capaian, p.capaian_tahunan, p.galat) == (
        D("2.10"),
        D("103.96"),
        D("40.78"),
        None,
    )
    assert p.band is not None and p.band.label == "Sangat Berhasil"
    setengah = pratinjau(e["IKU.2"], komponen=(D(10210), None))
    assert setengah.nilai is None and setengah.galat is None
    salah = pratinjau(e["IKU.3"], komponen=(D(5), D(4)))
    assert salah.field == "komponen" and salah.galat is not None and "lebih besar" in salah.galat
    akumulasi = pratinjau(e["IKP.01"], nilai=D(50))
    assert akumulasi.capaian_tahunan == D("51.04")  # (48 + 50) / 192
    assert pratinjau(e["IKP.01"], nilai=D(-1)).field == "nilai"
    layanan.simpan(perencana, ind("IKU.2"), 2020, 2, komponen=(D(10210), D(10000)))
    layanan.simpan(perencana, ind("IKP.01"), 2020, 2, nilai=D(50))
    sesudah = per_kode(layanan.daftar_entri(perencana, 2020, 2))
    assert (sesudah["IKU.2"].capaian, sesudah["IKU.2"].capaian_tahunan) == (
        p.capaian,
        p.capaian_tahunan,
    )
    assert sesudah["IKP.01"].capaian_tahunan == akumulasi.capaian_tahunan
