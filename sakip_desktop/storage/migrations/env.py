"""Alembic environment: runs on the connection the program hands over (never a config URL)."""

from __future__ import annotations

from alembic import context

from sakip_desktop.model import Base

target_metadata = Base.metadata
connection = context.config.attributes.get("connection")

if connection is None:  # `alembic revision --autogenerate` from a developer shell
    from sqlalchemy import create_engine

    url = context.config.get_main_option("sqlalchemy.url") or "sqlite:///:memory:"
    with create_engine(url).connect() as conn:
        context.configure(connection=conn, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
else:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite needs batch mode to alter tables
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
