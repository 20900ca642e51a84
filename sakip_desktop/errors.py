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
    """Someone else saved the same record first (optimistic concurrency).

    The optional fields let the window show the conflict instead of a plain message: which
    record (``tabel``/``rekaman_id``/``label``), who saved it (``oleh``) and when (``pada``),
    their values and mine per field (``nilai_mereka``/``nilai_saya``, as text), and the
    version now in the database (``versi_sekarang``) — saving again "over" it with that
    version is how the user takes their own values after all.
    """

    def __init__(
        self,
        pesan: str,
        *,
        tabel: str | None = None,
        rekaman_id: object = None,
        label: str | None = None,
        oleh: str | None = None,
        pada: object = None,
        nilai_mereka: dict[str, str | None] | None = None,
        nilai_saya: dict[str, str | None] | None = None,
        versi_sekarang: int | None = None,
    ) -> None:
        super().__init__(pesan)
        self.tabel = tabel
        self.rekaman_id = rekaman_id
        self.label = label
        self.oleh = oleh
        self.pada = pada
        self.nilai_mereka = dict(nilai_mereka or {})
        self.nilai_saya = dict(nilai_saya or {})
        self.versi_sekarang = versi_sekarang

    @property
    def terperinci(self) -> bool:
        """True when the conflict names its record (the dialog can show both values)."""
        return self.tabel is not None and self.rekaman_id is not None


class DatabaseBermasalah(KesalahanPengguna):
    """The database file is damaged, foreign, too new, in use, or the server is unreachable."""


class KoneksiTerputus(DatabaseBermasalah):
    """The connection to the database server dropped in the middle of an action.

    Nothing of the action was saved (its transaction never committed); the form keeps what
    the user typed and the same action can be tried again when the network is back.
    """
