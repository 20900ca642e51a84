"""Start-up of the frozen build beside the source tree and a bare PySide6 window.

Seconds from process start to the main window shown on the demo (page pohon), measured
as bench_mulai.py does (the program prints SIAP once the window is shown when
SAKIP_UKUR_MULAI=1). Run on demand after `python packaging/build.py`:

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_mulai_beku.py [--ulang 7]
        [--beku dist/sakip-desktop]

The programs take turns in every round, so a busy machine slows them alike.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_mulai import POLOS, ukur

AKAR = Path(__file__).resolve().parents[2]


def program_beku(folder: Path) -> Path:
    exe = folder / ("sakip-desktop.exe" if sys.platform == "win32" else "sakip-desktop")
    if not exe.is_file():
        raise SystemExit(f"Program beku tidak ada: {exe} (bangun dulu: python packaging/build.py)")
    return exe


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--ulang", type=int, default=5)
    p.add_argument("--beku", type=Path, default=AKAR / "dist" / "sakip-desktop")
    args = p.parse_args()
    exe = program_beku(args.beku)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "SAKIP_UKUR_MULAI": "1",
    }
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "demo.sqlite3"
        subprocess.run(
            [sys.executable, "-m", "sakip_desktop.cli.main", "--database", str(db), "demo"],
            check=True,
            capture_output=True,
        )
        salinan = Path(folder) / "salinan.sqlite3"
        umum = ["--database", str(salinan), "--data-dir", folder, "--page", "pohon"]
        calon = {
            "PySide6 polos (QMainWindow + QTreeView)": [sys.executable, "-c", POLOS],
            "SAKIP Desktop dari pohon sumber": [sys.executable, "-m", "sakip_desktop", *umum],
            "SAKIP Desktop beku (satu folder)": [str(exe), *umum],
        }
        shutil.copyfile(db, salinan)
        ukur(calon["SAKIP Desktop beku (satu folder)"], env)  # the first start fills caches
        hasil: dict[str, list[float]] = {k: [] for k in calon}
        for _ in range(args.ulang):
            for nama, perintah in calon.items():
                shutil.copyfile(db, salinan)
                hasil[nama].append(ukur(perintah, env))
    dasar = statistics.median(next(iter(hasil.values())))
    print(f"{'Program':42} {'median (s)':>11} {'terbaik (s)':>12} {'rasio':>7}")
    for nama, waktu in hasil.items():
        med = statistics.median(waktu)
        print(f"{nama:42} {med:11.3f} {min(waktu):12.3f} {med / dasar:7.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
