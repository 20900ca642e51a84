"""`sakip db copy` and `sakip paket …` as a person types them."""

from __future__ import annotations

import shutil
from decimal import Decimal

from bantu_bersama import SANDI, id_indikator, nilai_target, sidik

from sakip_desktop.cli.main import main
from sakip_desktop.domain import DokumenTarget
from sakip_desktop.kalkulasi import NilaiTarget
from sakip_desktop.services.target import simpan_target
from sakip_desktop.storage import Database


def _ubah(db: Database, pelaku, nilai: str) -> None:  # type: ignore[no-untyped-def]
    with db.transaksi(pelaku) as sesi:
        simpan_target(
            sesi,
            pelaku,
            id_indikator(db, "IKK.01"),
            2020,
            0,
            DokumenTarget.RENJA,
            NilaiTarget(Decimal(nilai)),
        )


def test_cli_paket_ekspor_impor_dan_konflik(pusat, bidang, akun, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SAKIP_PASSWORD", SANDI)
    _ubah(bidang, akun["agus"], "18")
    _ubah(pusat, akun["rina"], "20")
    berkas = tmp_path / "pk.sakip-paket"
    assert (
        main(
            [
                "--database",
                str(bidang.path),
                "--user",
                "agus",
                "paket",
                "ekspor",
                "--out",
                str(berkas),
            ]
        )
        == 0
    )
    assert "Bidang Pelatihan Kerja" in capsys.readouterr().out

    sebelum = sidik(pusat)
    kode = main(
        [
            "--database",
            str(pusat.path),
            "--user",
            "rina",
            "paket",
            "impor",
            str(berkas),
            "--dry-run",
        ]
    )
    keluar = capsys.readouterr().out
    assert kode == 2  # a conflict would be left for a person
    assert "[KONFLIK] Target IKK.01 2020 tahunan (renja)" in keluar
    assert "nilai: 20 → 18" in keluar and "basis data tidak diubah" in keluar
    assert sidik(pusat) == sebelum

    assert (
        main(["--database", str(pusat.path), "--user", "rina", "paket", "impor", str(berkas)]) == 2
    )
    assert "konflik menunggu keputusan" in capsys.readouterr().err
    assert main(["--database", str(pusat.path), "paket", "konflik"]) == 2
    daftar = capsys.readouterr().out
    kid = daftar.split()[0]
    assert "di sini 20 (rina), di paket 18" in daftar
    assert (
        main(
            [
                "--database",
                str(pusat.path),
                "--user",
                "rina",
                "paket",
                "selesaikan",
                kid,
                "--pakai",
                "lokal",
                "--alasan",
                "Target sudah disepakati rapat",
            ]
        )
        == 0
    )
    assert nilai_target(pusat, "IKK.01", DokumenTarget.RENJA) == Decimal("20")
    assert main(["--database", str(pusat.path), "paket", "konflik"]) == 0


def test_cli_paket_rusak_ditolak(pusat, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SAKIP_PASSWORD", SANDI)
    rusak = tmp_path / "rusak.sakip-paket"
    rusak.write_bytes(b"SAKIP-PAKET/1\n" + b"0" * 64 + b"\nbukan gzip")
    assert (
        main(["--database", str(pusat.path), "--user", "rina", "paket", "impor", str(rusak)]) == 1
    )
    assert "rusak atau telah diubah" in capsys.readouterr().err


def test_cli_db_copy_terverifikasi(templat_bersama, tmp_path, capsys):
    asal = tmp_path / "asal.sqlite3"
    shutil.copyfile(templat_bersama, asal)
    tujuan = tmp_path / "salinan.sqlite3"
    assert main(["db", "copy", "--from", str(asal), "--to", str(tujuan)]) == 0
    keluar = capsys.readouterr().out
    assert "jumlah baris dan checksum sama" in keluar
    with Database(str(asal)) as a, Database(str(tujuan)) as b:
        assert sidik(a) == sidik(b)
    assert main(["db", "copy", "--from", str(asal), "--to", str(tujuan)]) == 1
    assert "tidak kosong" in capsys.readouterr().err
    assert (
        main(
            [
                "db",
                "copy",
                "--from",
                str(tmp_path / "tidak-ada.sqlite3"),
                "--to",
                str(tmp_path / "x.sqlite3"),
            ]
        )
        == 1
    )
