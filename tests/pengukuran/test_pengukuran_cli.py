"""`sakip target …`, `sakip realisasi …` and `sakip peringatan` through the real parser."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest
from sqlalchemy import select

from sakip_desktop.cli.main import main
from sakip_desktop.domain import DokumenTarget, StatusRealisasi
from sakip_desktop.model import Indikator, JejakAudit, Realisasi, Target
from sakip_desktop.storage import Database

Keluaran = pytest.CaptureFixture[str]


def sakip(db: Database, *args: str) -> int:
    return main(["--database", db.url, *args])


def target(db: Database, kode: str, dokumen: DokumenTarget, triwulan: int = 0) -> list[Decimal]:
    with db.baca() as sesi:
        return [
            t.nilai
            for t in sesi.scalars(
                select(Target)
                .join(Indikator)
                .where(
                    Indikator.kode == kode,
                    Target.tahun == 2020,
                    Target.triwulan == triwulan,
                    Target.dokumen == dokumen,
                )
                .order_by(Target.perubahan_ke)
            )
        ]


def test_target_set_angka_indonesia(db_demo: Database, capsys: Keluaran) -> None:
    assert (
        sakip(db_demo, "target", "set", "--kode", "IKU.1", "--year", "2020", "--nilai", "1,30") == 0
    )
    baris = capsys.readouterr().out.splitlines()
    assert baris[0] == "Target IKU.1 tahun 2020 (Renja) diubah: 1,28% → 1,30%."
    assert baris[1].startswith("Perhatian: Target TW IV (1,28) berbeda dengan target tahunan")
    assert target(db_demo, "IKU.1", DokumenTarget.RENJA) == [Decimal("1.3")]
    assert (
        sakip(db_demo, "target", "set", "--kode", "iku.1", "--year", "2020", "--nilai", "1,3") == 0
    )
    assert capsys.readouterr().out == "Target IKU.1 tahun 2020 (Renja) tidak berubah: 1,30%.\n"
    kode = sakip(
        db_demo,
        "target",
        "set",
        "--kode",
        "IKP.02",
        "--year",
        "2020",
        "--nilai",
        "2.800",
        "--dokumen",
        "pk",
    )
    assert kode == 0
    assert "(PK) diubah: 2.700 loker → 2.800 loker." in capsys.readouterr().out
    assert target(db_demo, "IKP.02", DokumenTarget.PK) == [Decimal(2800)]


def test_target_rentang_triwulan_dan_perubahan(db_demo: Database, capsys: Keluaran) -> None:
    args = ["target", "set", "--kode", "IKT.1", "--year", "2020", "--dokumen", "renstra"]
    assert sakip(db_demo, *args, "--nilai", "95,92–96,90") == 0
    assert "95,92%–96,89% → 95,92%–96,90%" in capsys.readouterr().out
    tw = ["target", "set", "--kode", "IKU.4", "--year", "2020", "--triwulan", "4"]
    assert sakip(db_demo, *tw, "--nilai", "2,40") == 0
    assert "Target IKU.4 TW IV 2020 (Renja) ditambahkan: 2,40%." in capsys.readouterr().out
    pk = ["target", "set", "--kode", "IKU.4", "--year", "2020", "--dokumen", "pk"]
    assert sakip(db_demo, *pk, "--nilai", "2,10", "--perubahan") == 1
    assert "memerlukan alasan" in capsys.readouterr().err
    assert sakip(db_demo, *pk, "--nilai", "2,10", "--perubahan", "--alasan", "Refocusing") == 0
    assert "(perubahan ke-1): 2,40% → 2,10%" in capsys.readouterr().out
    assert target(db_demo, "IKU.4", DokumenTarget.PK) == [Decimal("2.4"), Decimal("2.1")]
    assert sakip(db_demo, "target", "riwayat", "--kode", "IKU.4", "--year", "2020") == 0
    riwayat = capsys.readouterr().out
    assert "Refocusing" in riwayat and "2,10%" in riwayat


@pytest.mark.parametrize(
    "args",
    [
        ["target", "set", "--kode", "IKU.1", "--year", "2020", "--nilai", "satu koma tiga"],
        ["target", "set", "--kode", "IKU.1", "--year", "2020", "--nilai", "1.30"],
        ["target", "set", "--kode", "IKU.1", "--year", "2020", "--nilai", "1500"],
    ],
)
def test_target_isian_salah_tidak_tersimpan(
    db_demo: Database, capsys: Keluaran, args: list[str]
) -> None:
    assert sakip(db_demo, *args) == 1
    err = capsys.readouterr().err
    assert err.startswith("Kesalahan: ") and err.count("\n") == 1
    assert target(db_demo, "IKU.1", DokumenTarget.RENJA) == [Decimal("1.28")]


def test_help_target_menyebut_dokumen_bawaan(capsys: Keluaran) -> None:
    with pytest.raises(SystemExit):
        main(["target", "set", "--help"])
    assert "bawaan: renja" in capsys.readouterr().out


def test_realisasi_set_dan_alur_status(db_demo: Database, capsys: Keluaran) -> None:
    dasar = ["--kode", "IKU.2", "--year", "2020", "--triwulan", "2"]
    assert sakip(db_demo, "realisasi", "set", *dasar, "--komponen", "10.210", "10.000") == 0
    out = capsys.readouterr().out
    assert "Realisasi IKU.2 TW II 2020 disimpan: 2,10% (komponen 10.210 / 10.000)." in out
    assert "Capaian TW II: 103,96%" in out and "40,78% terhadap target tahunan 5,15%" in out
    assert sakip(db_demo, "realisasi", "ajukan", *dasar) == 0
    assert "diajukan untuk diverifikasi" in capsys.readouterr().out
    assert sakip(db_demo, "realisasi", "set", *dasar, "--komponen", "10.300", "10.000") == 1
    assert "sudah diajukan" in capsys.readouterr().err
    assert sakip(db_demo, "realisasi", "verifikasi", *dasar) == 0
    assert "diverifikasi oleh" in capsys.readouterr().out
    assert sakip(db_demo, "realisasi", "buka", *dasar) == 1
    assert "memerlukan alasan" in capsys.readouterr().err
    assert sakip(db_demo, "realisasi", "buka", *dasar, "--alasan", "Data BPJS diperbarui") == 0
    assert "dibuka kembali menjadi draf" in capsys.readouterr().out
    with db_demo.baca() as sesi:
        r = sesi.scalars(
            select(Realisasi)
            .join(Indikator)
            .where(Indikator.kode == "IKU.2", Realisasi.triwulan == 2)
        ).one()
        assert r.status is StatusRealisasi.DRAF
        alasan = sesi.scalars(
            select(JejakAudit.alasan).where(
                JejakAudit.rekaman_id == r.id, JejakAudit.nilai_baru == "draf"
            )
        ).all()
    assert alasan == ["Data BPJS diperbarui"]


@pytest.mark.parametrize(
    ("isian", "pesan"),
    [
        (["--kode", "IKP.01", "--nilai", "empat puluh"], "bukan angka"),
        (["--kode", "IKP.01", "--nilai", "-4"], "tidak boleh negatif"),
        (["--kode", "IKP.01", "--nilai", "4,5"], "bukan bilangan bulat"),
        (["--kode", "IKT.1", "--nilai", "1.500"], "di luar batas wajar"),
        (["--kode", "IKU.3", "--komponen", "5", "4"], "lebih besar dari keseluruhan"),
        (["--kode", "IKU.3", "--komponen", "lima", "4"], "bukan angka"),
        (["--kode", "IKU.3", "--nilai", "75"], "--komponen A B"),
    ],
)
def test_realisasi_isian_salah_tidak_tersimpan(
    db_demo: Database,
    capsys: Keluaran,
    realisasi_tw: Callable[[str, int, int], Realisasi | None],
    isian: list[str],
    pesan: str,
) -> None:
    args = ["realisasi", "set", "--year", "2020", "--triwulan", "3", *isian]
    assert sakip(db_demo, *args) == 1
    err = capsys.readouterr().err
    assert err.startswith("Kesalahan: ") and pesan in err
    assert realisasi_tw(isian[1], 2020, 3) is None


def test_realisasi_daftar_dan_peringatan(db_demo: Database, capsys: Keluaran) -> None:
    assert sakip(db_demo, "realisasi", "daftar", "--year", "2020", "--triwulan", "1") == 0
    out = capsys.readouterr().out
    baris = {b.split()[0]: b for b in out.splitlines() if b.startswith("IKU.")}
    assert "19,61%" in baris["IKU.2"] and "Diverifikasi" in baris["IKU.2"]
    assert "20,83%" in baris["IKU.4"]
    assert sakip(db_demo, "peringatan", "--year", "2020", "--tanggal", "2020-05-10") == 0
    out = capsys.readouterr().out
    assert "IKP.02: realisasi sampai TW I 200 loker" in out
    assert "IKK.02: realisasi TW I 2020 belum diisi." in out


def test_realisasi_set_mempertahankan_catatan(
    db_demo: Database,
    capsys: Keluaran,
    realisasi_tw: Callable[[str, int, int], Realisasi | None],
) -> None:
    dasar = ["realisasi", "set", "--kode", "IKP.02", "--year", "2020", "--triwulan", "2"]
    assert sakip(db_demo, *dasar, "--nilai", "300", "--catatan", "Rekap loker Juni") == 0
    assert sakip(db_demo, *dasar, "--nilai", "320") == 0
    r = realisasi_tw("IKP.02", 2020, 2)
    assert r is not None and (r.nilai, r.catatan) == (Decimal(320), "Rekap loker Juni")
    assert sakip(db_demo, *dasar, "--hapus") == 0
    assert "dihapus (sebelumnya 320 loker)" in capsys.readouterr().out
    assert realisasi_tw("IKP.02", 2020, 2) is None
