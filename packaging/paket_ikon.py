"""Icons for the builds, drawn from the one source, resources/icons/sakip.svg.

PNG sizes for the Linux desktop entry and a multi-size .ico (PNG-compressed entries,
read by Windows Vista and newer) for the Windows executable and installer.
Run in a child process (`python paket_ikon.py SVG FOLDER`) so the build script itself
never starts Qt.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

UKURAN_PNG = (16, 24, 32, 48, 64, 128, 256)
UKURAN_ICO = (16, 24, 32, 48, 64, 128, 256)


def gambar_png(svg: Path, folder: Path, ukuran: tuple[int, ...] = UKURAN_PNG) -> list[Path]:
    """Render ``svg`` to ``folder/sakip-<n>.png`` for each size."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    penggambar = QSvgRenderer(str(svg))
    if not penggambar.isValid():
        raise ValueError(f"SVG tidak sah: {svg}")
    folder.mkdir(parents=True, exist_ok=True)
    hasil = []
    for n in ukuran:
        gambar = QImage(n, n, QImage.Format.Format_ARGB32)
        gambar.fill(Qt.GlobalColor.transparent)
        pelukis = QPainter(gambar)
        pelukis.setRenderHint(QPainter.RenderHint.Antialiasing)
        penggambar.render(pelukis)
        pelukis.end()
        tujuan = folder / f"sakip-{n}.png"
        if not gambar.save(str(tujuan), "PNG"):
            raise OSError(f"PNG tidak dapat ditulis: {tujuan}")
        hasil.append(tujuan)
    return hasil


def tulis_ico(png: list[Path], tujuan: Path) -> Path:
    """Pack square PNG files into one .ico (ICONDIR + ICONDIRENTRY + PNG data)."""
    isi = [p.read_bytes() for p in png]
    kepala = struct.pack("<HHH", 0, 1, len(isi))
    entri = b""
    posisi = 6 + 16 * len(isi)
    for data in isi:
        if data[:8] != b"\x89PNG\r\n\x1a\n":
            raise ValueError("bukan PNG")
        lebar, tinggi = struct.unpack(">II", data[16:24])
        entri += struct.pack("<BBBBHHII", lebar % 256, tinggi % 256, 0, 0, 1, 32, len(data), posisi)
        posisi += len(data)
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    tujuan.write_bytes(kepala + entri + b"".join(isi))
    return tujuan


def main(argv: list[str]) -> int:
    svg, folder = Path(argv[0]), Path(argv[1])
    png = gambar_png(svg, folder)
    per_ukuran = {int(p.stem.split("-")[1]): p for p in png}
    tulis_ico([per_ukuran[n] for n in UKURAN_ICO], folder / "sakip.ico")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
