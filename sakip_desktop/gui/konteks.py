"""What every page shares: the database, the agency, the chosen year and the acting user.

Pages write through `Konteks.tulis`, which runs one service call in one transaction and
reports a user error in one place (the `galat` signal the main window shows); the caller
gets `GAGAL` back and keeps what the user typed. A save refused because someone else saved
the same record first (`KonflikVersi` naming the record) opens the conflict dialog instead
(`penangan_konflik`): keep theirs, take mine with a reason, or merge by hand.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Signal
from sqlalchemy.orm import Session

from ..domain import Peran
from ..errors import KesalahanPengguna, KonflikVersi
from ..model import Opd, Renstra
from ..services.konteks import renstra_untuk
from ..services.pelaku import Pelaku
from ..storage import Database

if TYPE_CHECKING:
    from ..storage.kunci_berkas import KunciBerkas

T = TypeVar("T")


class _Gagal:
    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "GAGAL"


GAGAL: Any = _Gagal()

PERENCANA_LOKAL = Pelaku("perencana", Peran.PERENCANA, nama="Perencana")
"""Who works in the window while the database has no user accounts (single-user mode)."""


@dataclass(frozen=True)
class InfoRencana:
    """The Renstra holding the chosen year, as plain values."""

    id: uuid.UUID
    tahun_awal: int
    tahun_akhir: int
    nama_opd: str

    @property
    def tahun(self) -> list[int]:
        return list(range(self.tahun_awal, self.tahun_akhir + 1))


class Konteks(QObject):
    """Signals:
    tahunBerubah(int): the year every page follows changed.
    dataBerubah(str): data of an area changed ("pohon", "target", "organisasi", "*").
    pelakuBerubah(): the acting user (or "bekerja sebagai" position) changed.
    galat(str, str): a user error to show (title, message).
    """

    tahunBerubah = Signal(int)
    dataBerubah = Signal(str)
    pelakuBerubah = Signal()
    galat = Signal(str, str)

    def __init__(
        self,
        db: Database,
        opd_id: uuid.UUID,
        tahun: int,
        pelaku: Pelaku,
        *,
        folder_data: Path | None = None,
        kunci_berkas: KunciBerkas | None = None,
    ) -> None:
        super().__init__()
        self.db = db
        self.opd_id = opd_id
        self._tahun = tahun
        self._pelaku = pelaku
        self.penangan_konflik: Callable[[KonflikVersi], Any] | None = _tanya_konflik
        """Asks what to do with a conflicting save (None: show it as a plain error)."""
        self._folder_data = Path(folder_data) if folder_data is not None else None
        self.kunci_berkas = kunci_berkas
        """The lock the window holds on the SQLite file, if any (a restore reuses it)."""

    @property
    def folder_data(self) -> Path:
        """The program's data folder (cadangan.json, server settings): as given by the
        composition root, else the SQLite file's folder, else the user's data folder."""
        if self._folder_data is None:
            if self.db.path is not None:
                self._folder_data = self.db.path.parent
            else:
                from ..storage.database import folder_data

                self._folder_data = folder_data()
        return self._folder_data

    @folder_data.setter
    def folder_data(self, nilai: Path) -> None:
        self._folder_data = Path(nilai)

    @property
    def tahun(self) -> int:
        return self._tahun

    @tahun.setter
    def tahun(self, nilai: int) -> None:
        if nilai != self._tahun:
            self._tahun = nilai
            self.tahunBerubah.emit(nilai)

    @property
    def pelaku(self) -> Pelaku:
        return self._pelaku

    @pelaku.setter
    def pelaku(self, nilai: Pelaku) -> None:
        if nilai != self._pelaku:
            self._pelaku = nilai
            self.pelakuBerubah.emit()

    @contextmanager
    def baca(self) -> Iterator[Session]:
        with self.db.baca() as sesi:
            yield sesi

    def opd(self, sesi: Session) -> Opd:
        opd = sesi.get(Opd, self.opd_id)
        assert opd is not None
        return opd

    def renstra(self, sesi: Session) -> Renstra:
        return renstra_untuk(sesi, self.opd(sesi), self._tahun)

    def rencana(self) -> InfoRencana:
        with self.baca() as sesi:
            r = self.renstra(sesi)
            return InfoRencana(r.id, r.tahun_awal, r.tahun_akhir, self.opd(sesi).nama)

    def tulis(
        self,
        fungsi: Callable[..., T],
        *args: Any,
        alasan: str | None = None,
        area: str = "*",
        judul_galat: str = "Tidak dapat disimpan",
        versi_dimuat: Mapping[uuid.UUID, int] | None = None,
        **kwargs: Any,
    ) -> T:
        """Run ``fungsi(sesi, pelaku, *args, **kwargs)`` in one transaction.

        Returns its result, or `GAGAL` after emitting `galat` for a user error (the
        transaction rolled back whole). Announces `dataBerubah(area)` on success.
        ``versi_dimuat`` maps the ids of the records being saved to the versions the form
        was loaded with; when one has moved on, the conflict dialog decides: keep theirs
        (`GAGAL`, and the page reloads), take mine (saved again over the current version
        with the reason given), or merge (the chosen values, with the reason).
        """
        versi = dict(versi_dimuat or {})
        while True:
            try:
                with self.db.transaksi(self._pelaku, alasan=alasan, versi_dimuat=versi) as sesi:
                    hasil = fungsi(sesi, self._pelaku, *args, **kwargs)
            except KonflikVersi as exc:
                if not exc.terperinci or self.penangan_konflik is None:
                    self.galat.emit(judul_galat, exc.pesan)
                    return GAGAL
                keputusan = self.penangan_konflik(exc)
                pilihan = getattr(keputusan, "pilihan", "mereka")
                if pilihan == "saya":
                    if exc.versi_sekarang is None:  # theirs was deleted: save mine anew
                        versi.pop(exc.rekaman_id, None)  # type: ignore[arg-type]
                    else:
                        versi[exc.rekaman_id] = exc.versi_sekarang  # type: ignore[index]
                    alasan = keputusan.alasan
                    continue
                if pilihan == "gabung":
                    return self._simpan_gabungan(exc, keputusan, area, judul_galat)
                self.dataBerubah.emit(area)  # show their values
                return GAGAL
            except KesalahanPengguna as exc:
                self.galat.emit(judul_galat, exc.pesan)
                return GAGAL
            self.dataBerubah.emit(area)
            return hasil

    def _simpan_gabungan(
        self, konflik: KonflikVersi, keputusan: Any, area: str, judul_galat: str
    ) -> Any:
        from ..services.konflik import simpan_gabungan

        assert isinstance(konflik.rekaman_id, uuid.UUID) and konflik.tabel is not None
        return self.tulis(
            simpan_gabungan,
            konflik.tabel,
            konflik.rekaman_id,
            dict(keputusan.nilai),
            alasan=keputusan.alasan,
            area=area,
            judul_galat=judul_galat,
            versi_dimuat={konflik.rekaman_id: konflik.versi_sekarang},
        )


def _tanya_konflik(konflik: KonflikVersi) -> Any:
    from .dialog_konflik import tanya_konflik

    return tanya_konflik(konflik)
