"""The command line under accounts: the first administrator, --user with the password from
standard input or SAKIP_PASSWORD, the same role rules as the services, `sakip audit`."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from bantu_keamanan import target_pk

from sakip_desktop.cli.main import main
from sakip_desktop.storage import Database

SANDI_ADMIN = "Admin-Sandi-1"
SANDI_KABID = "Kabid-Sandi-1"


class Cli:
    """Runs `sakip` in-process with a given standard input and SAKIP_PASSWORD."""

    def __init__(
        self, url: str, data: Path, capsys: pytest.CaptureFixture[str], mp: pytest.MonkeyPatch
    ) -> None:
        self.url, self.data, self.capsys, self.mp = url, data, capsys, mp

    def __call__(
        self, *args: str, stdin: str = "", sandi: str | None = None
    ) -> tuple[int, str, str]:
        self.mp.setattr(sys, "stdin", io.StringIO(stdin))
        if sandi is None:
            self.mp.delenv("SAKIP_PASSWORD", raising=False)
        else:
            self.mp.setenv("SAKIP_PASSWORD", sandi)
        self.mp.delenv("SAKIP_NEW_PASSWORD", raising=False)
        kode = main(["--data-dir", str(self.data), "--database", self.url, *args])
        hasil = self.capsys.readouterr()
        return kode, hasil.out, hasil.err


@pytest.fixture
def cli(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Cli:
    jalan = Cli(db_url, tmp_path / "data", capsys, monkeypatch)
    assert jalan("demo")[0] == 0
    return jalan


def _satu_baris(err: str, isi: str) -> None:
    assert err.count("\n") == 1 and err.startswith("Kesalahan: ") and isi in err, err


def test_administrator_pertama_lalu_user_wajib(cli: Cli) -> None:
    tutup = ("kunci", "tutup-triwulan", "--year", "2020", "--triwulan", "1")
    kode, _, err = cli("--user", "admin", *tutup, sandi="apa saja")
    assert kode == 1
    _satu_baris(err, "belum memiliki akun pengguna")
    kode, _, err = cli("pengguna", "tambah", "--username", "kabid", "--peran", "kabid", stdin="x\n")
    assert kode == 1
    _satu_baris(err, "akun pertama harus Administrator")
    kode, out, _ = cli(
        "pengguna", "tambah", "--username", "admin", "--peran", "administrator",
        stdin=f"{SANDI_ADMIN}\n",
    )  # fmt: skip
    assert kode == 0 and "Administrator pertama dibuat: admin" in out
    kode, _, err = cli(*tutup)
    assert kode == 1
    _satu_baris(err, "memerlukan --user NAMA")
    kode, _, err = cli("--user", "admin", *tutup, sandi="salah-sekali")
    assert kode == 1
    assert err == "Kesalahan: Nama pengguna atau sandi salah.\n"
    kode, out, _ = cli("--user", "admin", *tutup, stdin=f"{SANDI_ADMIN}\n")
    assert kode == 0 and "triwulan I ditutup" in out


def test_kabid_lewat_cli_dibatasi_bidangnya(cli: Cli) -> None:
    cli("pengguna", "tambah", "--username", "admin", "--peran", "administrator",
        stdin=f"{SANDI_ADMIN}\n")  # fmt: skip
    kode, out, _ = cli(
        "--user", "admin", "pengguna", "tambah", "--username", "kabid.pk", "--peran", "kabid",
        "--jabatan", "Kepala Bidang Pelatihan Kerja", stdin=f"{SANDI_ADMIN}\n{SANDI_KABID}\n",
    )  # fmt: skip
    assert kode == 0 and "kabid.pk (Kepala Bidang, jabatan Kepala Bidang Pelatihan Kerja)" in out
    assert "Sandi sementara" not in out
    with Database(cli.url) as db:
        sebelum = target_pk(db, "IKP.05")
    ubah = ("target", "set", "--year", "2020", "--dokumen", "pk")
    kode, _, err = cli("--user", "kabid.pk", *ubah, "--kode", "IKP.05", "--nilai", "90",
                       sandi=SANDI_KABID)  # fmt: skip
    assert kode == 1
    _satu_baris(err, "Akses ditolak: kabid.pk (Kepala Bidang)")
    kode, _, _ = cli("--user", "kabid.pk", *ubah, "--kode", "IKP.01", "--nilai", "200",
                     sandi=SANDI_KABID)  # fmt: skip
    assert kode == 0
    with Database(cli.url) as db:
        assert target_pk(db, "IKP.05") == sebelum
    kode, out, _ = cli("audit", "--json", "--user", "kabid.pk", "--tabel", "target")
    assert kode == 0
    assert [(b["field"], b["nilai_lama"], b["nilai_baru"]) for b in json.loads(out)] == [
        ("nilai", "192", "200")
    ]
    kode, out, _ = cli("audit", "--bidang", "PK", "--since", "2020-01-01")
    assert kode == 0 and "kabid.pk" in out and "192" in out and "200" in out
    # Listing accounts is the administrator's.
    kode, _, err = cli("--user", "kabid.pk", "pengguna", "daftar", sandi=SANDI_KABID)
    assert kode == 1 and "Akses ditolak" in err
    kode, out, _ = cli("--user", "admin", "pengguna", "daftar", "--json", sandi=SANDI_ADMIN)
    assert [a["username"] for a in json.loads(out)] == ["admin", "kabid.pk"]


def test_reset_lalu_ganti_sandi_sendiri(cli: Cli) -> None:
    cli("pengguna", "tambah", "--username", "admin", "--peran", "administrator",
        stdin=f"{SANDI_ADMIN}\n")  # fmt: skip
    cli("--user", "admin", "pengguna", "tambah", "--username", "baca", "--peran", "pembaca",
        stdin=f"{SANDI_ADMIN}\n{SANDI_KABID}\n")  # fmt: skip
    kode, out, _ = cli("--user", "admin", "pengguna", "reset", "--username", "baca",
                       sandi=SANDI_ADMIN)  # fmt: skip
    assert kode == 0
    sementara = out.split("Sandi sementara untuk baca: ")[1].split()[0]
    kode, _, err = cli("--user", "baca", "pengguna", "kunci-layar", "--menit", "5",
                       sandi=sementara)  # fmt: skip
    assert kode == 1
    _satu_baris(err, "harus diganti dulu")
    kode, out, _ = cli("--user", "baca", "pengguna", "sandi", stdin=f"{sementara}\nBaru-Sandi-9\n")
    assert kode == 0 and "Sandi baca diganti." in out
    kode, _, err = cli("--user", "baca", "pengguna", "kunci-layar", "--menit", "5",
                       sandi="Baru-Sandi-9")  # fmt: skip
    assert kode == 1 and "Akses ditolak" in err  # a Pembaca may not change settings
    kode, out, _ = cli("--user", "admin", "pengguna", "kunci-layar", "--menit", "5",
                       sandi=SANDI_ADMIN)  # fmt: skip
    assert kode == 0 and "setelah 5 menit" in out


def test_sandi_dari_stdin_proses_sungguhan(db_url: str, tmp_path: Path) -> None:
    """A real pipe: the password never appears on the command line."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SAKIP_PASSWORD")}
    env["PYTHONWARNINGS"] = "ignore"

    def jalankan(*args: str, masukan: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "sakip_desktop.cli.main", "--database", db_url, *args],
            input=masukan,
            capture_output=True,
            text=True,
            env=env,
            timeout=300,
        )

    tambah = ("pengguna", "tambah", "--username", "admin", "--peran", "administrator")
    assert jalankan(*tambah, masukan=f"{SANDI_ADMIN}\n").returncode == 0
    salah = jalankan("--user", "admin", "pengguna", "daftar", masukan="bukan-sandinya\n")
    assert salah.returncode == 1
    assert salah.stderr == "Kesalahan: Nama pengguna atau sandi salah.\n"
    benar = jalankan("--user", "admin", "pengguna", "daftar", masukan=f"{SANDI_ADMIN}\n")
    assert benar.returncode == 0 and "Administrator" in benar.stdout


def test_cadangan_lewat_cli(cli: Cli, tmp_path: Path) -> None:
    if cli.url.startswith("postgresql"):
        kode, _, err = cli("cadangan", "daftar")
        assert kode == 1 and "pg_dump" in err
        return
    usb = tmp_path / "usb"
    usb.mkdir()
    kode, out, _ = cli("cadangan", "atur", "--folder", str(usb), "--simpan", "4")
    assert kode == 0 and str(usb) in out
    kode, out, _ = cli("cadangan", "buat")
    assert kode == 0 and "Cadangan dibuat" in out
    kode, out, _ = cli("cadangan", "daftar")
    assert kode == 0 and "manual" in out and "baik" in out and " KB" in out
    berkas = next(usb.glob("*-manual.sqlite3"))
    cli("pengguna", "tambah", "--username", "admin", "--peran", "administrator",
        stdin=f"{SANDI_ADMIN}\n")  # fmt: skip
    cli("--user", "admin", "pengguna", "tambah", "--username", "baca", "--peran", "pembaca",
        stdin=f"{SANDI_ADMIN}\n{SANDI_KABID}\n")  # fmt: skip
    kode, _, err = cli("--user", "baca", "cadangan", "pulihkan", str(berkas), sandi=SANDI_KABID)
    assert kode == 1 and "Akses ditolak" in err
    kode, out, _ = cli("--user", "admin", "cadangan", "pulihkan", str(berkas), sandi=SANDI_ADMIN)
    assert kode == 0 and "Basis data dipulihkan" in out and "sebelum-pulih" in out
    # The backup predates the accounts: after the restore there are none again.
    kode, out, _ = cli("pengguna", "daftar")
    assert kode == 0 and "Belum ada pengguna" in out
