"""`sakip-desktop --data-dir DIR --smoke-test` from the source tree: what the installer's
CI runs on the frozen program, checked here on the tree."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from sakip_desktop.gui import uji_asap


def _jalankan(*argumen: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sakip_desktop", *argumen],
        capture_output=True,
        text=True,
        timeout=400,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})},
    )


@pytest.mark.slow
def test_uji_asap_lulus_dan_menulis_pdf_serta_xlsx(tmp_path: Path) -> None:
    data = tmp_path / "data"
    hasil = _jalankan("--data-dir", str(data), "--smoke-test")
    assert hasil.returncode == 0, hasil.stdout + hasil.stderr
    assert "UJI ASAP LULUS" in hasil.stdout
    for langkah in ("jelajahi setiap halaman: ok", "tulis PK (PDF): ok", "tutup jendela: ok"):
        assert langkah in hasil.stdout
    pdf = data / "uji-asap" / "pk-kepala-dinas.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    with zipfile.ZipFile(data / "uji-asap" / "iku.xlsx") as arsip:
        assert "xl/workbook.xml" in arsip.namelist()
    log = (data / "uji-asap.log").read_text(encoding="utf-8")
    assert "UJI ASAP LULUS" in log  # a windowed Windows program has no console to print to
    # run again in the same folder: the previous smoke test's database is replaced
    lagi = _jalankan("--data-dir", str(data), "--smoke-test")
    assert lagi.returncode == 0, lagi.stdout + lagi.stderr


def test_uji_asap_tanpa_data_dir_ditolak(capsys: pytest.CaptureFixture[str]) -> None:
    args = argparse.Namespace(data_dir=None)
    assert uji_asap.jalankan_uji_asap(args) == 2
    assert "--data-dir" in capsys.readouterr().err


def test_uji_asap_gagal_dengan_pesan_bila_sumber_daya_hilang(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A build that lost its demo file fails at the first step, saying which file."""
    import sakip_desktop.sumber_daya as sumber_daya

    hilang = tmp_path / "tidak-ada" / "disnaker-lamongan.yaml"
    monkeypatch.setattr(sumber_daya, "berkas_demo", lambda: hilang)
    kode = uji_asap.UjiAsap(tmp_path / "data").jalankan()
    assert kode == 1
    keluaran = capsys.readouterr()
    assert "versi dan sumber daya: GAGAL" in keluaran.out
    assert "UJI ASAP GAGAL" in keluaran.err and str(hilang) in keluaran.err


def test_uji_asap_gagal_bila_galat_ditampilkan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An error the window would show to a user fails the step that caused it."""
    uji = uji_asap.UjiAsap(tmp_path / "data")

    def langkah_bermasalah() -> str:
        uji._catat_galat("Cetak", "Halaman ini belum memiliki cetakan.")
        return ""

    uji.periksa_versi = langkah_bermasalah  # type: ignore[method-assign]
    assert uji.jalankan() == 1
    assert "pesan galat ditampilkan: Cetak" in capsys.readouterr().err


def test_panggilan_qt_melebihi_referensi_none() -> None:
    """Enough None-returning calls to exhaust None's references on Python 3.11."""

    class Label:
        def __init__(self) -> None:
            self.n = 0

        def text(self) -> str:
            return ""

        def setText(self, _t: str) -> None:
            self.n += 1

    uji = uji_asap.UjiAsap(Path("."))
    label = Label()
    uji.jendela = argparse.Namespace(status_tahun=label)
    sebelum = sys.getrefcount(None)
    uji.panggilan_qt()
    assert label.n >= 20_000
    if sys.version_info < (3, 12):
        assert label.n > sebelum
