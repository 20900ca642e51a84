"""Targets per document: edit, revise, delete, refuse — through services.target."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from decimal import Decimal

import pytest
from sqlalchemy import select

from sakip_desktop.domain import DokumenTarget, Peran
from sakip_desktop.errors import AksesDitolak, DataTerkunci, InputTidakSah
from sakip_desktop.kalkulasi import NilaiTarget
from sakip_desktop.model import JejakAudit, TahunKinerja, Target
from sakip_desktop.services.capaian import LayananCapaian
from sakip_desktop.services.pelaku import Pelaku
from sakip_desktop.services.target import LayananTarget, simpan_target
from sakip_desktop.storage import Database

RENJA, PK = DokumenTarget.RENJA, DokumenTarget.PK


def nt(teks: str, maks: str | None = None) -> NilaiTarget:
    return NilaiTarget(Decimal(teks), Decimal(maks) if maks else None)


def baris_target(db: Database, ind_id: uuid.UUID, tahun: int, tw: int, dok: DokumenTarget):  # type: ignore[no-untyped-def]
    with db.baca() as sesi:
        return [
            (t.perubahan_ke, t.nilai, t.nilai_maks, t.alasan)
            for t in sesi.scalars(
                select(Target)
                .where(
                    Target.indikator_id == ind_id,
                    Target.tahun == tahun,
                    Target.triwulan == tw,
                    Target.dokumen == dok,
                )
                .order_by(Target.perubahan_ke)
            )
        ]


def test_ubah_target_lalu_simpan_ulang_tidak_berubah(
    db_demo: Database, ind: Callable[[str], uuid.UUID], perencana: Pelaku
) -> None:
    layanan = LayananTarget(db_demo)
    hasil = layanan.simpan(perencana, ind("IKU.1"), 2020, 0, RENJA, nt("1.30"))
    assert hasil.berubah
    assert hasil.pesan == "Target IKU.1 tahun 2020 (Renja) diubah: 1,28% → 1,30%."
    again = layanan.simpan(perencana, ind("IKU.1"), 2020, 0, RENJA, nt("1.3"))
    assert not again.berubah
    assert again.pesan == "Target IKU.1 tahun 2020 (Renja) tidak berubah: 1,30%."
    assert baris_target(db_demo, ind("IKU.1"), 2020, 0, RENJA) == [(0, Decimal("1.3"), None, None)]
    # The raw service used inside one's own transaction says the same.
    with db_demo.transaksi(perencana) as sesi:
        assert not simpan_target(sesi, perencana, ind("IKU.1"), 2020, 0, RENJA, nt("1.30"))


def test_target_tahunan_dipakai_capaian(
    db_demo: Database, ind: Callable[[str], uuid.UUID], perencana: Pelaku
) -> None:
    """A PK target of 4,00% (instead of 5,15%) changes what capaian TW I reports."""
    with db_demo.transaksi(perencana) as sesi:
        assert simpan_target(sesi, perencana, ind("IKU.2"), 2020, 0, PK, nt("4"))
    baris = {b.kode: b for b in LayananCapaian(db_demo).tabel(2020, 1)}
    assert baris["IKU.2"].capaian_tahunan == Decimal("25.25")  # 1,01 / 4 × 100


def test_target_baru_triwulan_dan_rentang(
    db_demo: Database, ind: Callable[[str], uuid.UUID], perencana: Pelaku
) -> None:
    layanan = LayananTarget(db_demo)
    hasil = layanan.simpan(perencana, ind("IKU.3"), 2020, 2, RENJA, nt("50"))
    assert hasil.aksi == "tambah"
    assert hasil.pesan.startswith("Target IKU.3 TW II 2020 (Renja) ditambahkan: 50%.")
    rentang = layanan.simpan(perencana, ind("IKT.1"), 2021, 0, RENJA, nt("96", "97.5"))
    assert rentang.pesan == "Target IKT.1 tahun 2021 (Renja) ditambahkan: 96%–97,50%."
    assert baris_target(db_demo, ind("IKT.1"), 2021, 0, RENJA) == [
        (0, Decimal("96"), Decimal("97.5"), None)
    ]


def test_perubahan_menambah_baris_dan_memerlukan_alasan(
    db_demo: Database, ind: Callable[[str], uuid.UUID], perencana: Pelaku
) -> None:
    layanan = LayananTarget(db_demo)
    with pytest.raises(InputTidakSah, match="memerlukan alasan") as e:
        layanan.simpan(perencana, ind("IKU.1"), 2020, 0, PK, nt("1.35"), perubahan=True)
    assert e.value.field == "alasan"
    hasil = layanan.simpan(
        perencana,
        ind("IKU.1"),
        2020,
        0,
        PK,
        nt("1.35"),
        perubahan=True,
        alasan="PK perubahan (refocusing)",
        nomor_dokumen="800/12/413.110/2020",
    )
    assert hasil.pesan == "Target IKU.1 tahun 2020 (PK) diubah (perubahan ke-1): 1,28% → 1,35%."
    assert baris_target(db_demo, ind("IKU.1"), 2020, 0, PK) == [
        (0, Decimal("1.28"), None, None),
        (1, Decimal("1.35"), None, "PK perubahan (refocusing)"),
    ]
    # The same revision again adds nothing.
    again = layanan.simpan(
        perencana, ind("IKU.1"), 2020, 0, PK, nt("1.35"), perubahan=True, alasan="lagi"
    )
    assert not again.berubah
    # The revision is what capaian measures against (PK, highest perubahan_ke).
    baris = {b.kode: b for b in LayananCapaian(db_demo).tabel(2020)}
    assert baris["IKU.1"].target_tahunan == NilaiTarget(Decimal("1.35"))
    riwayat = layanan.riwayat(ind("IKU.1"), 2020, triwulan=0, dokumen=PK)
    assert [(r.perubahan_ke, r.berlaku, r.alasan) for r in riwayat] == [
        (0, False, None),
        (1, True, "PK perubahan (refocusing)"),
    ]
    assert riwayat[1].dibuat_oleh == "rina"
    assert riwayat[1].nomor_dokumen == "800/12/413.110/2020"
    assert riwayat[1].jejak[0].alasan == "PK perubahan (refocusing)"


def test_hapus_target_yang_berlaku_saja(
    db_demo: Database, ind: Callable[[str], uuid.UUID], perencana: Pelaku
) -> None:
    layanan = LayananTarget(db_demo)
    layanan.simpan(perencana, ind("IKU.4"), 2020, 0, PK, nt("2.5"), perubahan=True, alasan="x")
    hasil = layanan.simpan(perencana, ind("IKU.4"), 2020, 0, PK, None)
    assert hasil.pesan == "Target IKU.4 tahun 2020 (PK) dihapus (sebelumnya 2,50%)."
    assert baris_target(db_demo, ind("IKU.4"), 2020, 0, PK) == [(0, Decimal("2.4"), None, None)]
    assert layanan.simpan(perencana, ind("IKU.4"), 2020, 0, PK, None).berubah
    assert not layanan.simpan(perencana, ind("IKU.4"), 2020, 0, PK, None).berubah
    assert baris_target(db_demo, ind("IKU.4"), 2020, 0, PK) == []


@pytest.mark.parametrize(
    ("kode", "nilai", "pesan"),
    [
        ("IKU.1", "1500", "di luar batas wajar persentase"),
        ("IKU.1", "-1000.5", "di luar batas wajar persentase"),
        ("IKU.3", "120", "persentase penyelesaian"),
        ("IKP.01", "-5", "tidak boleh negatif"),
        ("IKP.01", "192.5", "bukan bilangan bulat"),
        ("IKU.1", "1.23456", "lebih dari 4 angka di belakang koma"),
    ],
)
def test_nilai_tidak_wajar_ditolak_tanpa_perubahan(
    db_demo: Database,
    ind: Callable[[str], uuid.UUID],
    perencana: Pelaku,
    kode: str,
    nilai: str,
    pesan: str,
) -> None:
    sebelum = baris_target(db_demo, ind(kode), 2020, 0, PK)
    with pytest.raises(InputTidakSah, match=pesan) as e:
        LayananTarget(db_demo).simpan(perencana, ind(kode), 2020, 0, PK, nt(nilai))
    assert e.value.field == "nilai"
    assert kode in e.value.pesan
    assert baris_target(db_demo, ind(kode), 2020, 0, PK) == sebelum


def test_tahun_di_luar_periode_renstra(
    db_demo: Database, ind: Callable[[str], uuid.UUID], perencana: Pelaku
) -> None:
    with pytest.raises(InputTidakSah, match="Renstra 2016–2021") as e:
        LayananTarget(db_demo).simpan(perencana, ind("IKU.1"), 2022, 0, RENJA, nt("1.6"))
    assert e.value.field == "tahun"


def test_kabid_tidak_boleh_mengubah_target_bidang_lain(
    db_demo: Database, ind: Callable[[str], uuid.UUID], kabid_pk: Pelaku, kabid_hi: Pelaku
) -> None:
    """The Kabid of Pelatihan Kerja is refused on IKP.05 (Hubungan Industrial) and on the
    Kepala Dinas's IKU; nothing changes and no audit row is written. Its own IKP.01 passes."""
    layanan = LayananTarget(db_demo)
    with db_demo.baca() as sesi:
        jejak_awal = len(sesi.scalars(select(JejakAudit)).all())
    sebelum = baris_target(db_demo, ind("IKP.05"), 2020, 0, PK)
    with pytest.raises(AksesDitolak, match="Akses ditolak"):
        layanan.simpan(kabid_pk, ind("IKP.05"), 2020, 0, PK, nt("90"))
    with pytest.raises(AksesDitolak):
        layanan.simpan(kabid_pk, ind("IKU.1"), 2020, 0, PK, nt("1.5"))
    assert baris_target(db_demo, ind("IKP.05"), 2020, 0, PK) == sebelum
    with db_demo.baca() as sesi:
        assert len(sesi.scalars(select(JejakAudit)).all()) == jejak_awal
    assert layanan.simpan(kabid_pk, ind("IKP.01"), 2020, 0, PK, nt("200")).berubah
    assert layanan.simpan(kabid_hi, ind("IKP.05"), 2020, 0, PK, nt("95")).berubah


def test_staf_dan_pembaca_tidak_mengubah_target(
    db_demo: Database, ind: Callable[[str], uuid.UUID]
) -> None:
    for peran in (Peran.STAF, Peran.PEMBACA, Peran.KEPALA_DINAS):
        with pytest.raises(AksesDitolak):
            LayananTarget(db_demo).simpan(Pelaku("x", peran), ind("IKP.01"), 2020, 0, PK, nt("200"))


def test_tahun_terkunci_menolak_perubahan(
    db_demo: Database, ind: Callable[[str], uuid.UUID], perencana: Pelaku
) -> None:
    with db_demo.transaksi(perencana) as sesi:
        for tk in sesi.scalars(select(TahunKinerja).where(TahunKinerja.tahun == 2020)):
            tk.target_dikunci = True
    layanan = LayananTarget(db_demo)
    with pytest.raises(DataTerkunci, match="Target tahun 2020 sudah dikunci"):
        layanan.simpan(perencana, ind("IKU.1"), 2020, 0, PK, nt("1.4"))
    # Saving the value in force is no change, so it is not refused.
    assert not layanan.simpan(perencana, ind("IKU.1"), 2020, 0, PK, nt("1.28")).berubah
    assert baris_target(db_demo, ind("IKU.1"), 2020, 0, PK) == [(0, Decimal("1.28"), None, None)]


def test_peringatan_target_triwulan_tidak_cocok(
    db_demo: Database, ind: Callable[[str], uuid.UUID], perencana: Pelaku
) -> None:
    """Under nilai akhir the TW IV target equals the yearly one; a mismatch is reported."""
    hasil = LayananTarget(db_demo).simpan(perencana, ind("IKU.2"), 2020, 4, RENJA, nt("5"))
    assert hasil.peringatan is not None and "TW IV" in hasil.peringatan
    assert "Pada aturan nilai akhir" in hasil.peringatan
