"""Which agency and which plan an action is about."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import KesalahanPengguna, TidakDitemukan
from ..model import Opd, Renstra


def pilih_opd(sesi: Session, nama: str | None = None) -> Opd:
    """The agency named (by name or abbreviation), or the only one in the database."""
    semua = sesi.scalars(select(Opd).order_by(Opd.nama)).all()
    if not semua:
        raise TidakDitemukan(
            "Basis data belum berisi OPD. Muat data demo (sakip demo) atau impor rencana."
        )
    if nama is None:
        if len(semua) > 1:
            daftar = ", ".join(o.singkatan or o.nama for o in semua)
            raise KesalahanPengguna(f"Basis data berisi beberapa OPD; pilih dengan --opd: {daftar}")
        return semua[0]
    cari = nama.strip().casefold()
    for opd in semua:
        if cari in {opd.nama.casefold(), (opd.singkatan or "").casefold()}:
            return opd
    raise TidakDitemukan(f"OPD {nama!r} tidak ada di basis data.")


def renstra_untuk(sesi: Session, opd: Opd, tahun: int) -> Renstra:
    """The Renstra of ``opd`` whose period holds ``tahun``; a clear error otherwise."""
    renstra = sesi.scalar(
        select(Renstra).where(
            Renstra.opd_id == opd.id, Renstra.tahun_awal <= tahun, Renstra.tahun_akhir >= tahun
        )
    )
    if renstra is None:
        periode = ", ".join(
            r.label
            for r in sesi.scalars(
                select(Renstra).where(Renstra.opd_id == opd.id).order_by(Renstra.tahun_awal)
            )
        )
        ada = f" (periode yang ada: {periode})" if periode else ""
        raise TidakDitemukan(
            f"Tahun {tahun} tidak termasuk periode Renstra {opd.singkatan or opd.nama}{ada}."
        )
    return renstra
