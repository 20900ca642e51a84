"""Errors of the calculation engine that a user can fix (messages in Bahasa Indonesia)."""

from __future__ import annotations


class KomponenTidakSah(ValueError):
    """The counts typed for a derived indicator cannot be right.

    ``pesan`` is the Indonesian message the window shows as is; ``str(error)`` is the same.
    """

    def __init__(self, pesan: str) -> None:
        super().__init__(pesan)
        self.pesan = pesan
