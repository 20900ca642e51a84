"""Declarative base and the mixins every table shares.

Every record has a UUID primary key, so it keeps its identity when it moves to another
database (PostgreSQL, an exchange paket). Every editable record carries a version counter
that SQLAlchemy checks on UPDATE: a second writer with a stale copy gets StaleDataError
instead of silently overwriting (optimistic concurrency).
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import DateTime, MetaData, Numeric, String, Uuid, event
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

# Alembic's batch mode on SQLite needs named constraints to alter them later.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Values and targets: up to 16 digits before the point is plenty (Rp trillions); 4 after it
# keeps derived percentages exact enough while money stays integral.
Angka = Numeric(20, 4, asdecimal=True)
Uang = Numeric(20, 2, asdecimal=True)


def sekarang() -> datetime:
    """Timezone-aware UTC now; stored as UTC and shown in local time by the window."""
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {Decimal: Angka, datetime: DateTime(timezone=True)}  # noqa: RUF012


class Rekaman:
    """A record with a stable UUID identity, given when the object is created (not at flush),
    so related rows can refer to it before anything is written."""

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)


@event.listens_for(Rekaman, "init", propagate=True)
def _beri_uuid(target: Rekaman, _args: tuple[object, ...], kwargs: dict[str, object]) -> None:
    if kwargs.get("id") is None:
        kwargs["id"] = uuid.uuid4()


class Berversi(Rekaman):
    """An editable record: version counter for optimistic locking, and who touched it last.

    ``diubah_oleh`` and ``diubah_pada`` let a refused second save say who changed the
    record and when.
    """

    versi: Mapped[int] = mapped_column(default=1, nullable=False)
    dibuat_pada: Mapped[datetime] = mapped_column(default=sekarang, nullable=False)
    diubah_pada: Mapped[datetime] = mapped_column(
        default=sekarang, onupdate=sekarang, nullable=False
    )
    diubah_oleh: Mapped[str | None] = mapped_column(String(80))

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, object]:
        return {"version_id_col": cls.versi}
