"""Shared by the account GUI tests: the passwords of the fixture accounts and a clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

SANDI_ADMIN = "Lamongan#2020"
SANDI_RINA = "perencana-rina-1"


@dataclass
class Jam:
    """A clock the test moves: ``detik`` for the idle lock and the countdown (monotonic),
    ``kini`` for the services' failure delay (a datetime)."""

    detik: float = 1000.0
    awal: datetime = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)

    def __call__(self) -> float:
        return self.detik

    def kini(self) -> datetime:
        return self.awal + timedelta(seconds=self.detik - 1000.0)

    def maju(self, detik: float) -> None:
        self.detik += detik
