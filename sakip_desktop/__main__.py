"""`sakip-desktop`: the composition root of the window (filled by the main-window issue)."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from .gui.aplikasi import jalankan

    return jalankan(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
