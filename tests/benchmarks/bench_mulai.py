"""Start-up time: process start → main window shown on the demo, beside a bare PySide6 window.

Run on demand (not part of the test suite):
    QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_mulai.py [--ulang 7]
Prints a table of median and best seconds and the ratio to the bare window.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

POLOS = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow, QTreeView
from PySide6.QtGui import QStandardItemModel, QStandardItem
from PySide6.QtCore import QTimer
app = QApplication(sys.argv)
w = QMainWindow(); t = QTreeView(); m = QStandardItemModel()
for i in range(50):
    m.appendRow(QStandardItem(f"node {i}"))
t.setModel(m); w.setCentralWidget(t); w.show()
QTimer.singleShot(0, lambda: (print("SIAP", flush=True), app.exit(0)))
app.exec()
"""


def ukur(perintah: list[str], env: dict[str, str]) -> float:
    mulai = time.perf_counter()
    proses = subprocess.Popen(
        perintah, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env
    )
    assert proses.stdout is not None
    for baris in proses.stdout:
        if baris.strip() == "SIAP":
            selang = time.perf_counter() - mulai
            break
    else:
        raise RuntimeError(f"tidak pernah siap: {perintah}")
    proses.wait(timeout=60)
    return selang


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--ulang", type=int, default=5)
    args = p.parse_args()
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
        calon = {
            "PySide6 polos (QMainWindow + QTreeView)": [sys.executable, "-c", POLOS],
            "SAKIP Desktop, demo, halaman pohon": [
                sys.executable,
                "-m",
                "sakip_desktop",
                "--database",
                str(salinan),
                "--data-dir",
                folder,
                "--page",
                "pohon",
            ],
        }
        hasil: dict[str, list[float]] = {k: [] for k in calon}
        for _ in range(args.ulang):
            for nama, perintah in calon.items():
                shutil.copyfile(db, salinan)
                hasil[nama].append(ukur(perintah, env))
    dasar = statistics.median(next(iter(hasil.values())))
    print(f"{'Program':45} {'median (s)':>11} {'terbaik (s)':>12} {'rasio':>7}")
    for nama, waktu in hasil.items():
        med = statistics.median(waktu)
        print(f"{nama:45} {med:11.3f} {min(waktu):12.3f} {med / dasar:7.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
