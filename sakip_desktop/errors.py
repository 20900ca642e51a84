"""Typed errors. A `KesalahanPengguna` carries a message in Bahasa Indonesia that the window
and the CLI show as is; anything else is a bug and is reported as such."""

from __future__ import annotations


class KesalahanPengguna(Exception):
    """Something the user can fix: bad input, a missing file, a refused action."""

    def __init__(self, pesan: str) -> None:
        super().__init__(pesan)
        self.pesan = pesan


class InputTidakSah(KesalahanPengguna):
    """A value that does not fit: names the field (and where, for imports)."""

    def __init__(self, pesan: str, *, field: str | None = None) -> None:
        super().__init__(pesan)
        self.field = field


class TidakDitemukan(KesalahanPengguna):
    """A year, code or record that does not exist."""


class AksesDitolak(KesalahanPengguna):
    """The user's role or scope does not allow this write."""


class DataTerkunci(KesalahanPengguna):
    """A closed quarter, a locked year or a signed PK."""


class KonflikVersi(KesalahanPengguna):
    """Someone else saved the same record first (optimistic concurrency)."""


class DatabaseBermasalah(KesalahanPengguna):
    """The database file is damaged, foreign, too new, in use, or the server is unreachable."""
