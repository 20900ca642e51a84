"""Fixtures of the shared-database tests: a demo database with accounts, copied to "two PCs".

The planning office's database (``pusat``) and a Kabid's laptop (``bidang``) start as the
same file, as they do in an office: the laptop gets a copy of the planning database.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from bantu_bersama import AKUN, buat_templat

from sakip_desktop.services.pelaku import Pelaku
from sakip_desktop.storage import Database


@pytest.fixture(scope="session")
def templat_bersama(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo in SQLite with one account per role (built once per run)."""
    return buat_templat(tmp_path_factory.mktemp("templat_bersama") / "kantor.sqlite3")


@pytest.fixture
def pusat(templat_bersama: Path, tmp_path: Path) -> Iterator[Database]:
    """The planning office's SQLite database."""
    path = tmp_path / "pusat.sqlite3"
    shutil.copyfile(templat_bersama, path)
    with Database(str(path)) as db:
        yield db


@pytest.fixture
def bidang(templat_bersama: Path, tmp_path: Path) -> Iterator[Database]:
    """The Kabid Pelatihan Kerja's laptop: a copy of the same database."""
    path = tmp_path / "bidang.sqlite3"
    shutil.copyfile(templat_bersama, path)
    with Database(str(path)) as db:
        yield db


@pytest.fixture
def akun(templat_bersama: Path) -> dict[str, Pelaku]:
    """The acting users by short name (admin, rina, agus, endang, sari)."""
    with Database(str(templat_bersama)) as db:
        return {k: v for k, v in AKUN(db).items()}
