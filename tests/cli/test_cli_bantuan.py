"""`sakip --help` and the help of every command read as Indonesian text: no argparse
internals leaking out of a stray ``%`` in a help string."""

from __future__ import annotations

import argparse

import pytest

from sakip_desktop.cli.main import buat_parser


def _perintah(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for aksi in parser._actions:
        if isinstance(aksi, argparse._SubParsersAction):
            return dict(aksi.choices)
    return {}


def test_bantuan_utama_menyebut_setiap_perintah_dengan_rapi() -> None:
    parser = buat_parser()
    teks = parser.format_help()
    assert "option_strings" not in teks
    for nama in ("demo", "export", "pengguna", "audit", "kunci", "pk", "lkjip", "rencana"):
        assert nama in _perintah(parser)


@pytest.mark.parametrize("nama", sorted(_perintah(buat_parser())))
def test_bantuan_tiap_perintah(nama: str) -> None:
    sub = _perintah(buat_parser())[nama]
    teks = sub.format_help()
    assert "option_strings" not in teks
    assert teks.startswith("penggunaan:") or teks.startswith("usage:")
