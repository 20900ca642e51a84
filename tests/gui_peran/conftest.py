"""Fixtures of the role tests: the main window of tests/gui (demo copy, confirmations answered
Yes), errors caught, and the acting users of the issue (a Kabid of Bidang Pelatihan Kerja,
a Pembaca, a Perencana)."""

from __future__ import annotations

import importlib.util
import os
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from gui_peran_bantu import KABID_PELATIHAN
from sqlalchemy import select

from sakip_desktop.domain import Peran
from sakip_desktop.gui.jendela_utama import JendelaUtama
from sakip_desktop.model import Jabatan, NodeKinerja
from sakip_desktop.services.pelaku import Pelaku

_spec = importlib.util.spec_from_file_location(
    "gui_conftest_bersama", Path(__file__).parent.parent / "gui" / "conftest.py"
)
assert _spec is not None and _spec.loader is not None
_gui = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_gui)
jawaban = _gui.jawaban
jendela = _gui.jendela


@pytest.fixture
def galat(jendela: JendelaUtama) -> list[tuple[str, str]]:
    """Every user error the window was asked to show (title, message)."""
    pesan: list[tuple[str, str]] = []
    jendela.k.galat.connect(lambda judul, teks: pesan.append((judul, teks)))
    return pesan


@pytest.fixture
def kabid(jendela: JendelaUtama) -> Pelaku:
    """A Kabid account linked to the position of the Kabid Pelatihan Kerja of the demo."""
    with jendela.k.baca() as sesi:
        jid = sesi.scalars(select(Jabatan.id).where(Jabatan.nama == KABID_PELATIHAN)).one()
    return Pelaku("budi", Peran.KABID, jid, nama="Budi (Kabid Pelatihan)")


@pytest.fixture
def node_id(jendela: JendelaUtama) -> Callable[[str], uuid.UUID]:
    def cari(uraian: str) -> uuid.UUID:
        with jendela.k.baca() as sesi:
            return sesi.scalars(select(NodeKinerja.id).where(NodeKinerja.uraian == uraian)).one()

    return cari
