"""Shared fixtures: a fresh database per test, SQLite by default.

With ``SAKIP_TEST_DATABASE_URL`` set (PostgreSQL in CI), every test uses that database,
wiped clean first. The demo is loaded once per session into an SQLite template file that
each test copies; on a server database it is loaded anew for each test that asks for it.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from sakip_desktop.services.demo import muat_demo
from sakip_desktop.storage import Database
from sakip_desktop.storage.migrasi import tingkatkan

URL_UJI = os.environ.get("SAKIP_TEST_DATABASE_URL")


def kosongkan_server(url: str) -> None:
    """Drop everything in the test server database (it is a scratch database)."""
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            if engine.dialect.name == "postgresql":
                conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
                conn.execute(text("CREATE SCHEMA public"))
            else:  # pragma: no cover - only PostgreSQL is supported as a server
                raise RuntimeError(f"Server uji tidak didukung: {engine.dialect.name}")
    finally:
        engine.dispose()


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    """URL of an empty database for one test."""
    if URL_UJI:
        kosongkan_server(URL_UJI)
        return URL_UJI
    return f"sqlite:///{tmp_path / 'uji.sqlite3'}"


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    """An empty database at the current schema."""
    database = Database(db_url)
    tingkatkan(database)
    yield database
    database.tutup()


@pytest.fixture(scope="session")
def templat_demo(tmp_path_factory: pytest.TempPathFactory) -> Path | None:
    """An SQLite file holding the demo, built once (None on a server database)."""
    if URL_UJI:
        return None
    path = tmp_path_factory.mktemp("templat") / "demo.sqlite3"
    database = Database(str(path))
    tingkatkan(database)
    muat_demo(database)
    with database.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.tutup()
    return path


@pytest.fixture
def db_demo(db_url: str, templat_demo: Path | None, tmp_path: Path) -> Iterator[Database]:
    """A database holding the Disnaker Lamongan demo."""
    if templat_demo is not None:
        path = tmp_path / "demo.sqlite3"
        shutil.copyfile(templat_demo, path)
        database = Database(str(path))
    else:
        database = Database(db_url)
        tingkatkan(database)
        muat_demo(database)
    yield database
    database.tutup()
