"""Fixtures of the PK tests: the service on the demo, positions by name, PDF text read back."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from sakip_desktop.domain import Peran
from sakip_desktop.model import Jabatan
from sakip_desktop.services.pelaku import Pelaku
from sakip_desktop.services.pk import LayananPK
from sakip_desktop.storage import Database

PERENCANA = Pelaku("rina", Peran.PERENCANA, nama="Rina (Perencana)")


@pytest.fixture
def layanan(db_demo: Database) -> LayananPK:
    return LayananPK(db_demo)


@pytest.fixture
def jabatan(db_demo: Database) -> Callable[[str], uuid.UUID]:
    """The id of a demo position by its printed name."""

    def cari(nama: str) -> uuid.UUID:
        with db_demo.baca() as sesi:
            return sesi.scalars(select(Jabatan.id).where(Jabatan.nama == nama)).one()

    return cari


@pytest.fixture
def perencana() -> Pelaku:
    return PERENCANA


def teks_pdf(path: Path) -> list[str]:
    """The text of each page, whitespace collapsed (what a reader of the PDF sees)."""
    return [" ".join((p.extract_text() or "").split()) for p in PdfReader(path).pages]


def posisi_teks(path: Path, halaman: int) -> list[tuple[str, float, float]]:
    """(text, x, y) of every text run on a page, to check the layout (left/right)."""
    hasil: list[tuple[str, float, float]] = []

    def kunjungi(teks: str, cm: list[float], tm: list[float], *_a: object) -> None:
        if teks.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            hasil.append((teks.strip(), x, y))

    PdfReader(path).pages[halaman].extract_text(visitor_text=kunjungi)
    return hasil


@pytest.fixture
def baca_pdf() -> Callable[[Path], list[str]]:
    return teks_pdf


@pytest.fixture
def posisi_pdf() -> Callable[[Path, int], list[tuple[str, float, float]]]:
    return posisi_teks
