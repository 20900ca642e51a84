"""Plain-text tables for the terminal, with column widths that fit the content."""

from __future__ import annotations

from collections.abc import Sequence


def tabel_teks(
    kepala: Sequence[str],
    baris: Sequence[Sequence[str]],
    *,
    kanan: set[int] | None = None,
    lebar_maks: int = 60,
) -> str:
    """Render rows under a header; columns in ``kanan`` are right-aligned (numbers)."""
    kanan = kanan or set()

    def potong(teks: str) -> str:
        return teks if len(teks) <= lebar_maks else teks[: lebar_maks - 1] + "…"

    semua = [[potong(str(k)) for k in kepala]] + [[potong(str(s)) for s in b] for b in baris]
    lebar = [max(len(r[i]) for r in semua) for i in range(len(kepala))]

    def baris_teks(r: list[str]) -> str:
        sel = [r[i].rjust(lebar[i]) if i in kanan else r[i].ljust(lebar[i]) for i in range(len(r))]
        return "  ".join(sel).rstrip()

    garis = "  ".join("-" * w for w in lebar)
    return "\n".join([baris_teks(semua[0]), garis, *(baris_teks(r) for r in semua[1:])])
