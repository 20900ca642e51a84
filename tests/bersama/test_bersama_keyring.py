"""The server password: in the system keyring when there is one, else asked at each start;
never in the plain-text settings file."""

from __future__ import annotations

import json

import pytest

keyring = pytest.importorskip("keyring", reason="pustaka keyring belum terpasang")
from keyring.backend import KeyringBackend  # noqa: E402
from keyring.backends import fail  # noqa: E402

from sakip_desktop.storage.server import (  # noqa: E402
    PengaturanServer,
    ambil_sandi,
    baca_pengaturan_server,
    keyring_tersedia,
    simpan_pengaturan_server,
    simpan_sandi,
    url_server_tersimpan,
)

SERVER = PengaturanServer("192.168.1.10", "sakip", "perencana", 5432, ssl=True)


class KeyringMemori(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.isi: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.isi.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.isi[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.isi.pop((service, username), None)


@pytest.fixture
def tanpa_keyring():
    lama = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(lama)


@pytest.fixture
def keyring_memori():
    lama = keyring.get_keyring()
    k = KeyringMemori()
    keyring.set_keyring(k)
    yield k
    keyring.set_keyring(lama)


def test_sandi_tidak_pernah_di_berkas_pengaturan(tmp_path, keyring_memori):
    path = simpan_pengaturan_server(SERVER, tmp_path)
    assert simpan_sandi(SERVER, "Rahasia#2026")
    isi = path.read_text()
    assert "Rahasia" not in isi and json.loads(isi)["host"] == "192.168.1.10"
    assert baca_pengaturan_server(tmp_path) == SERVER
    url = url_server_tersimpan(tmp_path)
    assert url is not None and "Rahasia%232026" in url and "sslmode=require" in url
    assert ambil_sandi(SERVER) == "Rahasia#2026"


def test_tanpa_keyring_sandi_ditanya_setiap_mulai(tmp_path, tanpa_keyring):
    assert not keyring_tersedia()
    simpan_pengaturan_server(SERVER, tmp_path)
    assert simpan_sandi(SERVER, "x") is False and ambil_sandi(SERVER) is None
    ditanya: list[PengaturanServer] = []
    url = url_server_tersimpan(tmp_path, lambda p: ditanya.append(p) or "diketik")
    assert ditanya == [SERVER] and url is not None and ":diketik@" in url
    assert url_server_tersimpan(tmp_path / "lain") is None  # no server: the SQLite file
