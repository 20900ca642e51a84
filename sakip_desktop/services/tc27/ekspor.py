"""Export entry points: which agency and which Renstra, then the writer."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from ...errors import TidakDitemukan
from ...model import Renstra
from ...storage import Database
from ..konteks import pilih_opd, renstra_untuk
from .tulis import tulis_tc27


def ekspor_tc27(
    db: Database, tujuan: Path, *, opd: str | None = None, tahun: int | None = None
) -> Path:
    """Write the agency's Renstra (the one holding ``tahun``, else the latest) as T-C.27."""
    with db.baca() as sesi:
        o = pilih_opd(sesi, opd)
        renstra: Renstra | None
        if tahun is not None:
            renstra = renstra_untuk(sesi, o, tahun)
        else:
            renstra = sesi.scalar(
                select(Renstra).where(Renstra.opd_id == o.id).order_by(Renstra.tahun_awal.desc())
            )
            if renstra is None:
                raise TidakDitemukan(f"{o.nama} belum memiliki Renstra.")
        return tulis_tc27(sesi, o, renstra, Path(tujuan))
