"""Storage: engine and sessions, schema migrations, backups. No Qt here."""

from .database import Database, buat_url, url_bawaan

__all__ = ["Database", "buat_url", "url_bawaan"]
