"""Consistent copies of a database while it may be in use, their rotation, and restoring.

SQLite uses its online backup API (a plain file copy can catch a half-written page).
A server database is copied table by table into an SQLite file inside one snapshot
transaction, so the copy opens anywhere.

For the window (``buka_berkas`` does the usual sequence):
1. `KunciBerkas` — one program per file on this PC;
2. `periksa_sebelum_buka` — a damaged or foreign file raises `BerkasRusak`, which names
   the newest backup that is still good (``.cadangan``), for the window to offer;
3. open, migrate, `cadangan_otomatis(..., "buka")`; at closing `cadangan_otomatis(...,
   "tutup")`. Automatic backups keep the last N (`PengaturanCadangan.simpan`) in a folder
   the user chooses (a USB drive, a network share); manual backups and safety copies are
   never deleted automatically;
4. "Pulihkan": `daftar_cadangan` (date and size) then `pulihkan`, which checks that the
   file is a good SAKIP database first and keeps a safety copy of the current file.

The backup settings live in ``cadangan.json`` in the program's data folder, not in the
database: a damaged database must still tell where its backups are.
"""

from __future__ import annotations

import glob
import json
import os
import re
import shutil
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from ..errors import DatabaseBermasalah, KesalahanPengguna
from .database import Database
from .kunci_berkas import KunciBerkas

BERKAS_PENGATURAN = "cadangan.json"
SIMPAN_BAWAAN = 10
PERISTIWA_OTOMATIS = ("buka", "tutup")
"""Backups that rotation may delete; "manual", "sebelum-pulih" and "rusak" stay."""
_POLA = re.compile(
    r"^(?P<stem>.+)-(?P<waktu>\d{8}-\d{6})(?:-(?P<urut>\d+))?-(?P<peristiwa>[a-z-]+)\.sqlite3$"
)
_HEADER_SQLITE = b"SQLite format 3\x00"
TABEL_WAJIB = {"alembic_version", "opd", "indikator", "target", "pengguna", "jejak_audit"}


# --- settings --------------------------------------------------------------------------------


@dataclass(frozen=True)
class PengaturanCadangan:
    """Where automatic backups go and how many are kept."""

    folder: Path | None = None
    """None = a "cadangan" folder beside the database file."""
    simpan: int = SIMPAN_BAWAAN

    def folder_untuk(self, path_db: Path) -> Path:
        return Path(self.folder) if self.folder else Path(path_db).parent / "cadangan"


def baca_pengaturan_cadangan(folder_data: Path) -> PengaturanCadangan:
    """The settings saved in ``folder_data`` (defaults when absent or unreadable)."""
    try:
        isi = json.loads((Path(folder_data) / BERKAS_PENGATURAN).read_text(encoding="utf-8"))
        folder = isi.get("folder")
        return PengaturanCadangan(
            folder=Path(folder) if folder else None, simpan=int(isi.get("simpan", SIMPAN_BAWAAN))
        )
    except (OSError, ValueError, AttributeError, TypeError):
        return PengaturanCadangan()


def simpan_pengaturan_cadangan(folder_data: Path, pengaturan: PengaturanCadangan) -> None:
    if not 1 <= pengaturan.simpan <= 1000:
        raise KesalahanPengguna(
            f"Jumlah cadangan yang disimpan harus 1–1000, bukan {pengaturan.simpan}."
        )
    if pengaturan.folder is not None and not Path(pengaturan.folder).is_dir():
        raise KesalahanPengguna(f"Folder cadangan tidak ada: {pengaturan.folder}")
    isi = {
        "folder": str(pengaturan.folder) if pengaturan.folder else None,
        "simpan": pengaturan.simpan,
    }
    path = Path(folder_data) / BERKAS_PENGATURAN
    sementara = path.with_name(path.name + ".sementara")
    sementara.write_text(json.dumps(isi, ensure_ascii=False, indent=2), encoding="utf-8")
    sementara.replace(path)


# --- making a backup -------------------------------------------------------------------------


def cadangkan(db: Database, tujuan: Path) -> Path:
    """Write a consistent copy of ``db`` to ``tujuan`` (an SQLite file) and return it."""
    tujuan = Path(tujuan).expanduser().resolve()
    if not tujuan.parent.is_dir():
        raise KesalahanPengguna(f"Folder tujuan cadangan tidak ada: {tujuan.parent}")
    if db.path is not None and tujuan == db.path.resolve():
        raise KesalahanPengguna("Cadangan tidak boleh menimpa basis data yang sedang dipakai.")
    if db.adalah_sqlite:
        return cadangkan_sqlite(db, tujuan)
    return _salin_ke_sqlite(db, tujuan)


def cadangkan_sqlite(db: Database, tujuan: Path) -> Path:
    """SQLite online backup into a temporary file, renamed into place when complete."""
    assert db.path is not None
    return _cadangkan_berkas(db.path, tujuan)


def _cadangkan_berkas(sumber_path: Path, tujuan: Path) -> Path:
    sementara = tujuan.with_name(tujuan.name + ".sementara")
    sementara.unlink(missing_ok=True)
    sumber = sqlite3.connect(str(sumber_path), timeout=30)
    try:
        target = sqlite3.connect(str(sementara))
        try:
            sumber.backup(target)
            target.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        finally:
            target.close()
    finally:
        sumber.close()
    _fsync(sementara)
    sementara.replace(tujuan)
    return tujuan


def _fsync(path: Path) -> None:
    with open(path, "rb+") as f:
        os.fsync(f.fileno())


def _salin_ke_sqlite(db: Database, tujuan: Path) -> Path:
    from .salin import salin_isi

    sementara = tujuan.with_name(tujuan.name + ".sementara")
    sementara.unlink(missing_ok=True)
    salinan = Database(str(sementara))
    try:
        salin_isi(db, salinan)
        with salinan.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.exec_driver_sql("PRAGMA journal_mode=DELETE")
    finally:
        salinan.tutup()
    for ekor in ("-wal", "-shm"):
        Path(str(sementara) + ekor).unlink(missing_ok=True)
    sementara.replace(tujuan)
    return tujuan


def nama_cadangan(folder: Path, stem: str, peristiwa: str, waktu: datetime | None = None) -> Path:
    """``<stem>-YYYYMMDD-HHMMSS[-n]-<peristiwa>.sqlite3`` (local time), unique in ``folder``;
    several backups in one second get a rising ``n``, so names sort in order of making."""
    cap = (waktu or datetime.now()).strftime("%Y%m%d-%H%M%S")
    sebelumnya = [
        int(m["urut"] or 1)
        for p in Path(folder).glob(f"{glob.escape(stem)}-{cap}-*.sqlite3")
        if (m := _POLA.match(p.name)) and m["stem"] == stem and m["waktu"] == cap
    ]
    if not sebelumnya:
        return folder / f"{stem}-{cap}-{peristiwa}.sqlite3"
    return folder / f"{stem}-{cap}-{max(sebelumnya) + 1}-{peristiwa}.sqlite3"


def buat_cadangan(
    db: Database, folder: Path, peristiwa: str = "manual", *, simpan: int | None = None
) -> Path:
    """A timestamped backup in ``folder`` (created if needed); with ``simpan``, the oldest
    automatic backups beyond that number are deleted afterwards."""
    folder = Path(folder).expanduser()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise KesalahanPengguna(
            f"Folder cadangan {folder} tidak dapat dibuat ({exc.strerror}). "
            "Periksa apakah drive USB atau folder jaringan tersambung."
        ) from exc
    stem = db.path.stem if db.path is not None else "sakip-server"
    hasil = cadangkan(db, nama_cadangan(folder, stem, peristiwa))
    if simpan is not None:
        putar_cadangan(folder, stem, simpan)
    return hasil


def cadangan_otomatis(db: Database, pengaturan: PengaturanCadangan, peristiwa: str) -> Path | None:
    """The backup on opening ("buka") or closing ("tutup") an SQLite file, rotated to the
    last ``pengaturan.simpan``. A server database is backed up by its own administrator:
    None."""
    if db.path is None:
        return None
    return buat_cadangan(db, pengaturan.folder_untuk(db.path), peristiwa, simpan=pengaturan.simpan)


def putar_cadangan(folder: Path, stem: str, simpan: int) -> list[Path]:
    """Delete the oldest automatic backups of ``stem`` beyond the newest ``simpan``."""
    otomatis = [
        c for c in daftar_cadangan(folder, stem) if c.peristiwa in PERISTIWA_OTOMATIS
    ]  # newest first
    dihapus = []
    for c in otomatis[max(simpan, 1) :]:
        c.path.unlink(missing_ok=True)
        dihapus.append(c.path)
    return dihapus


# --- listing and checking --------------------------------------------------------------------


@dataclass(frozen=True)
class InfoCadangan:
    """A backup file as the "Pulihkan" dialog lists it."""

    path: Path
    waktu: datetime
    """Local time, from the name (or the file's time for a file named by hand)."""
    ukuran: int
    peristiwa: str | None
    """buka, tutup, manual, sebelum-pulih, rusak; None for a file named by hand."""

    @property
    def label(self) -> str:
        from ..angka import format_angka, format_tanggal

        kb = max(1, round(self.ukuran / 1024))
        return f"{format_tanggal(self.waktu.date())} {self.waktu:%H.%M} · {format_angka(kb)} KB"


def info_cadangan(path: Path) -> InfoCadangan:
    path = Path(path)
    stat = path.stat()
    cocok = _POLA.match(path.name)
    if cocok:
        waktu = datetime.strptime(cocok["waktu"], "%Y%m%d-%H%M%S")
        return InfoCadangan(path, waktu, stat.st_size, cocok["peristiwa"])
    return InfoCadangan(path, datetime.fromtimestamp(stat.st_mtime), stat.st_size, None)


def daftar_cadangan(folder: Path, stem: str | None = None) -> list[InfoCadangan]:
    """The ``*.sqlite3`` files in ``folder`` (only ``stem``'s when given), newest first."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    hasil = []
    for path in folder.glob("*.sqlite3"):
        if not path.is_file():
            continue
        cocok = _POLA.match(path.name)
        if stem is not None and (cocok is None or cocok["stem"] != stem):
            continue
        hasil.append(info_cadangan(path))
    return sorted(hasil, key=_urutan, reverse=True)


def _urutan(c: InfoCadangan) -> tuple[datetime, int]:
    """Order of making: the time in the name, then the counter of that second."""
    m = _POLA.match(c.path.name)
    return c.waktu, int(m["urut"]) if m and m["urut"] else 1


@dataclass(frozen=True)
class PemeriksaanBerkas:
    """Whether a file is a SAKIP database this program can open, and what it holds."""

    path: Path
    sah: bool
    pesan: str | None
    """Why not, in Bahasa Indonesia (None when ``sah``)."""
    revisi: str | None = None
    jumlah: dict[str, int] | None = None
    kosong: bool = False
    """An SQLite file without any table (a new database may be made in it)."""
    """Rows of a few tables (opd, indikator, target, realisasi, pengguna) for the preview."""


def _sambung_baca(path: Path, *, hanya_baca: bool) -> sqlite3.Connection:
    mode = "ro" if hanya_baca else "rw"
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode={mode}", uri=True, timeout=30)


_POLA_REVISI = re.compile(r"^revision\s*(?::[^=\n]*)?=\s*[\"']([^\"']+)[\"']", re.MULTILINE)


def _revisi_berkas() -> set[str] | None:
    """Every revision id of this program's migration files, read as text (no Alembic, so
    checking a file at start-up stays light); None when a file cannot be read so simply."""
    hasil: set[str] = set()
    try:
        for berkas in (Path(__file__).with_name("migrations") / "versions").glob("*.py"):
            isi = berkas.read_text(encoding="utf-8")
            if "revision" not in isi:
                continue  # __init__.py
            cocok = _POLA_REVISI.search(isi)
            if cocok is None:
                return None
            hasil.add(cocok.group(1))
    except OSError:
        return None
    return hasil or None


def revisi_dikenal(revisi: Sequence[str]) -> bool:
    """True when every revision is one of this program's migrations (not a newer one)."""
    semua = _revisi_berkas()
    if semua is not None:
        return set(revisi) <= semua
    from alembic.config import Config  # a frozen build without the .py sources
    from alembic.script import ScriptDirectory

    from .migrasi import FOLDER_MIGRASI

    cfg = Config()
    cfg.set_main_option("script_location", str(FOLDER_MIGRASI))
    skrip = ScriptDirectory.from_config(cfg)
    try:
        return all(skrip.get_revision(r) is not None for r in revisi)
    except Exception:  # alembic raises several kinds for an unknown revision
        return False


def periksa_berkas(
    path: Path, *, menyeluruh: bool = False, hanya_baca: bool = True
) -> PemeriksaanBerkas:
    """Check a file without changing it: SQLite header, page structure (``quick_check``,
    or ``integrity_check`` when ``menyeluruh``), the SAKIP tables and a schema revision
    this program knows. Never raises for a bad file: the answer says what is wrong."""
    path = Path(path)

    def tolak(alasan: str) -> PemeriksaanBerkas:
        return PemeriksaanBerkas(path, False, alasan)

    if not path.is_file():
        return tolak("berkas tidak ada")
    with path.open("rb") as f:
        kepala = f.read(100)
    if len(kepala) == 0:
        return tolak("berkas kosong")
    if not kepala.startswith(_HEADER_SQLITE):
        return tolak("bukan berkas basis data SQLite")
    if len(kepala) < 100 or path.stat().st_size < 512:
        return tolak("berkas terpotong")
    try:
        conn = _sambung_baca(path, hanya_baca=hanya_baca)
    except sqlite3.Error as exc:
        return tolak(f"tidak dapat dibuka ({exc})")
    try:
        perintah = "PRAGMA integrity_check" if menyeluruh else "PRAGMA quick_check"
        hasil = [r[0] for r in conn.execute(perintah).fetchmany(5)]
        if hasil != ["ok"]:
            return tolak(f"struktur berkas rusak ({'; '.join(hasil)[:200]})")
        tabel = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not tabel:
            return PemeriksaanBerkas(path, False, "basis data kosong", kosong=True)
        if not TABEL_WAJIB.issubset(tabel):
            return tolak("bukan basis data SAKIP Desktop (tabelnya lain)")
        revisi = sorted(r[0] for r in conn.execute("SELECT version_num FROM alembic_version"))
        if not revisi:
            return tolak("bukan basis data SAKIP Desktop (tanpa versi skema)")
        if not revisi_dikenal(revisi):
            return tolak(
                f"dibuat oleh versi SAKIP Desktop yang lebih baru (skema {'+'.join(revisi)})"
            )
        jumlah = {
            t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
            for t in ("opd", "indikator", "target", "realisasi", "pengguna")
            if t in tabel
        }
    except sqlite3.Error as exc:
        return tolak(f"isi berkas rusak: {exc}")
    finally:
        conn.close()
    return PemeriksaanBerkas(path, True, None, "+".join(revisi), jumlah)


def cadangan_baik_terbaru(
    folder: Path | Sequence[Path], stem: str | None = None
) -> InfoCadangan | None:
    """The newest backup in the folder(s) that passes `periksa_berkas`."""
    daftar = [folder] if isinstance(folder, str | Path) else list(folder)
    folders = [Path(f).expanduser().resolve() for f in daftar]
    semua = sorted(
        (c for f in dict.fromkeys(folders) for c in daftar_cadangan(f, stem)),
        key=_urutan,
        reverse=True,
    )
    for c in semua:
        if periksa_berkas(c.path).sah:
            return c
    return None


class BerkasRusak(DatabaseBermasalah):
    """A damaged or foreign database file; ``cadangan`` is the newest good backup, if any."""

    def __init__(self, pesan: str, cadangan: InfoCadangan | None = None) -> None:
        super().__init__(pesan)
        self.cadangan = cadangan


def _folder_cari(path_db: Path, pengaturan: PengaturanCadangan) -> list[Path]:
    return [pengaturan.folder_untuk(path_db), Path(path_db).parent / "cadangan"]


def galat_berkas_rusak(
    path_db: Path, alasan: str, pengaturan: PengaturanCadangan | None = None
) -> BerkasRusak:
    """The refusal for a damaged file, offering the newest good backup (if there is one)."""
    pengaturan = pengaturan or PengaturanCadangan()
    path_db = Path(path_db)
    terbaik = cadangan_baik_terbaru(_folder_cari(path_db, pengaturan), path_db.stem)
    pesan = f"Berkas basis data rusak atau bukan basis data SAKIP: {path_db} ({alasan})."
    if terbaik is not None:
        pesan += (
            f" Cadangan baik terbaru: {terbaik.path} ({terbaik.label}). "
            f'Pulihkan dengan: sakip cadangan pulihkan "{terbaik.path}"'
        )
    else:
        pesan += " Tidak ada cadangan yang baik di folder cadangan."
    return BerkasRusak(pesan, terbaik)


def periksa_sebelum_buka(path_db: Path, pengaturan: PengaturanCadangan | None = None) -> None:
    """Refuse a damaged or foreign file before anything touches it (`BerkasRusak`).
    A missing or empty file is fine: it becomes a new database."""
    path_db = Path(path_db)
    if not path_db.exists() or path_db.stat().st_size == 0:
        return
    hasil = periksa_berkas(path_db, hanya_baca=False)
    if not hasil.sah and not hasil.kosong:
        raise galat_berkas_rusak(path_db, hasil.pesan or "", pengaturan)


# --- restoring -------------------------------------------------------------------------------


@dataclass(frozen=True)
class HasilPulih:
    path_db: Path
    cadangan: Path
    pengaman: Path | None
    """The copy of the file as it was before the restore (None when there was none)."""
    pemeriksaan: PemeriksaanBerkas


def _salinan_pengaman(path_db: Path, folder: Path) -> Path | None:
    """Keep the current file before it is replaced: an online backup when it opens, a
    byte copy (with its WAL) when it is damaged."""
    if not path_db.exists() or path_db.stat().st_size == 0:
        return None
    folder.mkdir(parents=True, exist_ok=True)
    if periksa_berkas(path_db, hanya_baca=False).sah:
        return _cadangkan_berkas(path_db, nama_cadangan(folder, path_db.stem, "sebelum-pulih"))
    tujuan = nama_cadangan(folder, path_db.stem, "rusak")
    shutil.copyfile(path_db, tujuan)
    wal = Path(str(path_db) + "-wal")
    if wal.exists():
        shutil.copyfile(wal, Path(str(tujuan) + "-wal"))
    return tujuan


def pulihkan(
    path_db: Path,
    cadangan: Path,
    *,
    folder_pengaman: Path | None = None,
    kunci: KunciBerkas | None = None,
    pelaku: Any = None,
    alasan: str | None = None,
) -> HasilPulih:
    """Replace the database file with ``cadangan``.

    The backup is checked whole first (`BerkasRusak` for a damaged or foreign file, naming
    the newest good backup in its folder); the current file is kept as a safety copy in
    ``folder_pengaman`` (default: the "cadangan" folder beside it). Every ``Database`` on
    the file must be closed. The file lock is taken for the duration unless ``kunci``
    (already held by this program) is given. The restored database records the restore in
    its audit trail (who: ``pelaku``; why: ``alasan``).
    """
    path_db = Path(path_db).resolve()
    cadangan = Path(cadangan).resolve()
    if cadangan == path_db:
        raise KesalahanPengguna("Berkas cadangan adalah basis data itu sendiri.")
    cek = periksa_berkas(cadangan, menyeluruh=True)
    if not cek.sah:
        terbaik = cadangan_baik_terbaru(cadangan.parent, None)
        pesan = f"Cadangan {cadangan} tidak dapat dipulihkan: {cek.pesan}."
        if terbaik is not None:
            pesan += f" Cadangan baik terbaru di folder itu: {terbaik.path} ({terbaik.label})."
        raise BerkasRusak(pesan, terbaik)
    kunci_sendiri = None if kunci is not None and kunci.dipegang else KunciBerkas(path_db)
    if kunci_sendiri is not None:
        kunci_sendiri.ambil()
    try:
        pengaman = _salinan_pengaman(path_db, folder_pengaman or path_db.parent / "cadangan")
        sementara = path_db.with_name(path_db.name + ".pulih-sementara")
        shutil.copyfile(cadangan, sementara)
        _fsync(sementara)
        for ekor in ("-wal", "-shm", "-journal"):  # the old file's log must not replay
            Path(str(path_db) + ekor).unlink(missing_ok=True)
        sementara.replace(path_db)
        hasil = periksa_berkas(path_db, hanya_baca=False, menyeluruh=True)
        if not hasil.sah:  # pragma: no cover - the copy was checked just before
            raise DatabaseBermasalah(f"Hasil pemulihan tidak dapat dibuka: {hasil.pesan}")
        _catat_pulih(path_db, cadangan, pelaku, alasan)
    finally:
        if kunci_sendiri is not None:
            kunci_sendiri.lepas()
    return HasilPulih(path_db, cadangan, pengaman, hasil)


def _catat_pulih(path_db: Path, cadangan: Path, pelaku: Any, alasan: str | None) -> None:
    from .jejak import catat_peristiwa

    with Database(str(path_db)) as db, db.transaksi(pelaku, alasan=alasan) as sesi:
        catat_peristiwa(sesi, "pulihkan", "basis_data", nilai_baru=cadangan.name)


# --- the usual sequence for the window -------------------------------------------------------


@contextmanager
def buka_berkas(path_db: Path, pengaturan: PengaturanCadangan | None = None) -> Iterator[Database]:
    """Lock, check, open, migrate and back up an SQLite file; back up again on a normal
    close. Raises `BerkasSedangDipakai` or `BerkasRusak` (with the backup to offer)."""
    from .migrasi import tingkatkan

    pengaturan = pengaturan or PengaturanCadangan()
    path_db = Path(path_db)
    with KunciBerkas(path_db):
        periksa_sebelum_buka(path_db, pengaturan)
        db = Database(str(path_db))
        try:
            tingkatkan(db, folder_cadangan=_siapkan(pengaturan.folder_untuk(path_db)))
            cadangan_otomatis(db, pengaturan, "buka")
            yield db
            cadangan_otomatis(db, pengaturan, "tutup")
        finally:
            db.tutup()


def _siapkan(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return folder
