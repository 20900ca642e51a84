"""Who is acting: every write service takes a `Pelaku` and checks it (otorisasi.py)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from ..domain import Peran


@dataclass(frozen=True)
class Pelaku:
    """The user behind an action, as the services see them.

    ``jabatan_id`` links the user to a position, so the scope of what they may change
    follows the organisation (a Kabid's bidang and its seksi).
    """

    username: str
    peran: Peran
    jabatan_id: uuid.UUID | None = None
    nama: str | None = None

    @property
    def label(self) -> str:
        return self.nama or self.username


SISTEM = Pelaku("sistem", Peran.ADMINISTRATOR, nama="Sistem")
"""Acts for the program itself (loading the demo, migrations) and for a database that has no
user accounts yet (single-user mode before the first administrator is created)."""
