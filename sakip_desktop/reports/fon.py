"""The fonts embedded in every PDF (Liberation Sans, metric-compatible with Arial, SIL OFL),
shipped in resources/fonts so a document prints the same on any PC."""

from __future__ import annotations

from functools import cache

from ..sumber_daya import folder_sumber_daya

HURUF = "SakipSans"
HURUF_TEBAL = "SakipSans-Bold"
HURUF_MIRING = "SakipSans-Italic"
HURUF_TEBAL_MIRING = "SakipSans-BoldItalic"


@cache
def daftarkan_fon() -> str:
    """Register the TrueType family with reportlab once; returns the regular face's name."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    folder = folder_sumber_daya() / "fonts"
    for nama, berkas in (
        (HURUF, "LiberationSans-Regular.ttf"),
        (HURUF_TEBAL, "LiberationSans-Bold.ttf"),
        (HURUF_MIRING, "LiberationSans-Italic.ttf"),
        (HURUF_TEBAL_MIRING, "LiberationSans-BoldItalic.ttf"),
    ):
        pdfmetrics.registerFont(TTFont(nama, str(folder / berkas)))
    addMapping(HURUF, 0, 0, HURUF)
    addMapping(HURUF, 1, 0, HURUF_TEBAL)
    addMapping(HURUF, 0, 1, HURUF_MIRING)
    addMapping(HURUF, 1, 1, HURUF_TEBAL_MIRING)
    return HURUF
