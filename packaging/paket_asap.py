"""Smoke-test a built program: the window's ``--smoke-test`` in a fresh data folder, then
the command line on the database it left, each in its own process with a time limit.

Usable on its own: ``python packaging/paket_asap.py dist/sakip-desktop``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

BATAS_DETIK = 300


class UjiAsapGagal(Exception):
    """The built program failed its smoke test; the message holds its output."""


@dataclass(frozen=True)
class HasilAsap:
    detik_jendela: float
    detik_cli: float
    keluaran: str


def exe(folder_app: Path, nama: str) -> Path:
    """``folder/nama`` (``nama.exe`` on Windows)."""
    path = folder_app / (f"{nama}.exe" if sys.platform == "win32" else nama)
    if not path.is_file():
        raise UjiAsapGagal(f"program tidak ada: {path}")
    return path


def lingkungan_uji() -> dict[str, str]:
    """The environment of a headless run: no display needed, no developer tree leaking in."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    if sys.platform.startswith("linux") and not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
        env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("SAKIP_DATABASE_URL", None)
    return env


def _jalankan(perintah: list[str], env: dict[str, str], cwd: Path) -> tuple[float, str]:
    mulai = time.perf_counter()
    try:
        hasil = subprocess.run(
            perintah,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            env=env,
            cwd=cwd,
            timeout=BATAS_DETIK,
        )
    except subprocess.TimeoutExpired as exc:
        raise UjiAsapGagal(f"{perintah[0]} macet lebih dari {BATAS_DETIK} detik") from exc
    detik = time.perf_counter() - mulai
    keluaran = (hasil.stdout or "") + (hasil.stderr or "")
    if hasil.returncode != 0:
        raise UjiAsapGagal(
            f"{' '.join(perintah)} keluar dengan kode {hasil.returncode}:\n{keluaran[-4000:]}"
        )
    return detik, keluaran


def uji_asap(folder_app: Path, versi: str | None = None) -> HasilAsap:
    """Run the smoke test of the one-folder app in ``folder_app``; raise on any failure.

    ``versi``: the version the program must report (from the package metadata it carries).
    """
    jendela = exe(folder_app, "sakip-desktop")
    cli = exe(folder_app, "sakip")
    env = lingkungan_uji()
    with tempfile.TemporaryDirectory(prefix="sakip-asap-") as tmp:
        data = Path(tmp) / "data"
        # cwd elsewhere than the source tree: the program must find everything it carries
        detik_j, keluaran_j = _jalankan(
            [str(jendela), "--data-dir", str(data), "--smoke-test"], env, Path(tmp)
        )
        log = (data / "uji-asap.log").read_text(encoding="utf-8") if data.is_dir() else ""
        if "UJI ASAP LULUS" not in keluaran_j + log:
            raise UjiAsapGagal(f"uji asap tidak melaporkan lulus:\n{keluaran_j}\n{log}")
        if versi is not None and f"versi {versi}," not in log:
            raise UjiAsapGagal(f"program tidak melaporkan versi {versi}:\n{log}")
        for berkas in ("uji-asap/pk-kepala-dinas.pdf", "uji-asap/iku.xlsx"):
            if not (data / berkas).is_file():
                raise UjiAsapGagal(f"uji asap tidak menulis {berkas}")
        db = data / "uji-asap.sqlite3"
        detik_c, keluaran_c = _jalankan(
            [str(cli), "--database", str(db), "capaian", "--year", "2020"], env, Path(tmp)
        )
        if "%" not in keluaran_c:
            raise UjiAsapGagal(f"sakip capaian tidak mencetak capaian:\n{keluaran_c[-2000:]}")
    return HasilAsap(detik_j, detik_c, log + keluaran_c)


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else Path("dist") / "sakip-desktop"
    try:
        hasil = uji_asap(folder)
    except UjiAsapGagal as exc:
        print(f"UJI ASAP GAGAL: {exc}", file=sys.stderr)
        return 1
    print(hasil.keluaran)
    print(f"Uji asap lulus: jendela {hasil.detik_jendela:.1f} s, CLI {hasil.detik_cli:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
