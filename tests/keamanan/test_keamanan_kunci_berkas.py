"""A second copy of the program opening the same SQLite file on this PC is told the file is
in use; the lock goes away with the process that held it, even when it is killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from sakip_desktop.cli.main import main
from sakip_desktop.storage import Database
from sakip_desktop.storage.cadangan import PengaturanCadangan, buka_berkas, cadangkan
from sakip_desktop.storage.kunci_berkas import BerkasSedangDipakai, KunciBerkas

PEMEGANG = """
import sys
import time
from pathlib import Path

from sakip_desktop.storage.cadangan import PengaturanCadangan, buka_berkas

with buka_berkas(Path(sys.argv[1]), PengaturanCadangan(folder=Path(sys.argv[2]))):
    print("terbuka", flush=True)
    time.sleep(600)
"""


@pytest.fixture
def berkas(db_demo: Database, tmp_path: Path) -> Path:
    path = tmp_path / "sakip.sqlite3"
    cadangkan(db_demo, path)
    return path


def test_dua_kali_dalam_satu_proses(berkas: Path, tmp_path: Path) -> None:
    pengaturan = PengaturanCadangan(folder=tmp_path / "bak")
    with buka_berkas(berkas, pengaturan):
        with pytest.raises(BerkasSedangDipakai, match="sedang dibuka oleh SAKIP Desktop lain") as e:
            KunciBerkas(berkas).ambil()
        assert f"proses {os.getpid()}" in e.value.pesan
    with KunciBerkas(berkas) as kunci:  # released on a normal close
        assert kunci.dipegang
    assert not kunci.dipegang


def test_program_kedua_ditolak_dan_kunci_lepas_saat_proses_dibunuh(
    berkas: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    skrip = tmp_path / "pemegang.py"
    skrip.write_text(PEMEGANG, encoding="utf-8")
    proses = subprocess.Popen(
        [sys.executable, str(skrip), str(berkas), str(tmp_path / "bak")],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    assert proses.stdout is not None
    try:
        assert proses.stdout.readline().strip() == "terbuka"
        with (
            pytest.raises(BerkasSedangDipakai) as e,
            buka_berkas(berkas, PengaturanCadangan(folder=tmp_path / "bak2")),
        ):
            pass
        assert f"proses {proses.pid}" in e.value.pesan
        assert str(berkas) in e.value.pesan
        # Restoring under a running program is refused too.
        kode = main(["--database", str(berkas), "cadangan", "pulihkan", str(berkas)])
        assert kode == 1 and "sedang dibuka" in capsys.readouterr().err
        os.kill(proses.pid, signal.SIGKILL)
        proses.wait(timeout=30)
    finally:
        if proses.poll() is None:  # pragma: no cover
            proses.kill()
            proses.wait()
        proses.stdout.close()
    # The operating system dropped the lock with the killed process: no stale lock.
    with buka_berkas(berkas, PengaturanCadangan(folder=tmp_path / "bak2")) as db:
        assert db.path == berkas
