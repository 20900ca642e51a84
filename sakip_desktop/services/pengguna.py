"""Local user accounts: argon2 password hashes, log-in with a growing delay, password
changes, the idle-lock setting.

Everything works offline against the database. Passwords exist in clear only in memory,
long enough to hash or verify them; the database holds argon2id hashes (memory-hard, via
argon2-cffi) and the audit trail records only that a hash changed (storage/jejak.py).

The delay after repeated failures is returned as data (`GagalMasuk.tunggu`, `jeda_masuk`)
so the caller decides how to wait: the log-in dialog greys its button, the CLI refuses at
once, tests pass ``sekarang`` instead of sleeping. During the delay an attempt is refused
without even checking the password, so guessing is slowed to the schedule of `jeda_gagal`.
"""

from __future__ import annotations

import secrets
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain import Peran
from ..errors import InputTidakSah, KesalahanPengguna, TidakDitemukan
from ..model import Jabatan, Pengaturan, Pengguna, sekarang
from ..storage import Database
from .otorisasi import (
    LABEL_PERAN,
    PERAN_BERJABATAN,
    wajib_kelola_pengguna,
    wajib_ubah_pengaturan,
)
from .pelaku import SISTEM, Pelaku

PANJANG_SANDI_MIN = 8
AMBANG_JEDA = 3
"""Failures in a row before the first delay."""
JEDA_MAKS = 300.0
"""The delay stops growing at five minutes."""
KUNCI_LAYAR = "kunci_layar_menit"
KUNCI_LAYAR_BAWAAN = 15
KUNCI_LAYAR_MAKS = 480
_HURUF_SANDI = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"


class GagalMasuk(KesalahanPengguna):
    """A refused log-in. ``tunggu`` is how many seconds must pass before the next try."""

    def __init__(self, pesan: str, *, tunggu: float = 0.0) -> None:
        super().__init__(pesan)
        self.tunggu = tunggu


@dataclass(frozen=True)
class InfoPengguna:
    """An account as lists and forms show it (never the hash)."""

    id: uuid.UUID
    username: str
    nama: str | None
    peran: Peran
    jabatan_id: uuid.UUID | None
    jabatan: str | None
    aktif: bool
    harus_ganti_sandi: bool
    gagal_berturut: int

    @property
    def label_peran(self) -> str:
        return LABEL_PERAN[self.peran]


@dataclass(frozen=True)
class HasilMasuk:
    """A successful log-in: who, and whether the password must be changed first (after an
    administrator's reset or a generated first password)."""

    pelaku: Pelaku
    harus_ganti_sandi: bool


@cache
def _hasher() -> PasswordHasher:
    return PasswordHasher()  # argon2id, RFC 9106 low-memory profile (64 MiB, t=3, p=4)


@cache
def _hash_contoh() -> str:
    """A hash to verify against when the username does not exist, so a wrong name takes
    as long as a wrong password and does not reveal which accounts exist."""
    return _hasher().hash(secrets.token_hex(16))


def hash_sandi(sandi: str) -> str:
    return _hasher().hash(sandi)


def cocok_sandi(hash_tersimpan: str, sandi: str) -> bool:
    try:
        return _hasher().verify(hash_tersimpan, sandi)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def sandi_sementara(panjang: int = 12) -> str:
    """A random password to hand to a user, who must change it at the first log-in."""
    return "".join(secrets.choice(_HURUF_SANDI) for _ in range(panjang))


def periksa_sandi_baru(sandi: str, username: str) -> None:
    """The password rules, with a message that says what is wrong."""
    if len(sandi) < PANJANG_SANDI_MIN:
        raise InputTidakSah(
            f"Sandi terlalu pendek: paling sedikit {PANJANG_SANDI_MIN} karakter.", field="sandi"
        )
    if sandi.strip().casefold() == username.casefold():
        raise InputTidakSah("Sandi tidak boleh sama dengan nama pengguna.", field="sandi")


def normal_username(username: str) -> str:
    """Usernames are compared without case; letters, digits, '.', '-' and '_' only."""
    nama = username.strip().casefold()
    if not 3 <= len(nama) <= 80 or not all(c.isalnum() or c in "._-" for c in nama):
        raise InputTidakSah(
            f"Nama pengguna {username!r} tidak sah: 3–80 karakter, huruf, angka, '.', '-' "
            "atau '_' tanpa spasi.",
            field="username",
        )
    return nama


def jeda_gagal(gagal_berturut: int) -> float:
    """Seconds to wait after ``gagal_berturut`` failures in a row: none for the first two,
    then 2, 4, 8 … seconds, at most `JEDA_MAKS`."""
    if gagal_berturut < AMBANG_JEDA:
        return 0.0
    return min(float(2 ** (gagal_berturut - AMBANG_JEDA + 1)), JEDA_MAKS)


def _utc(waktu: datetime) -> datetime:
    return waktu if waktu.tzinfo is not None else waktu.replace(tzinfo=UTC)


def _sisa_jeda(akun: Pengguna, kini: datetime) -> float:
    if akun.gagal_terakhir is None:
        return 0.0
    lewat = (kini - _utc(akun.gagal_terakhir)).total_seconds()
    return max(0.0, jeda_gagal(akun.gagal_berturut) - lewat)


def pelaku_dari(akun: Pengguna) -> Pelaku:
    return Pelaku(akun.username, akun.peran, akun.jabatan_id, akun.nama)


def _info(akun: Pengguna) -> InfoPengguna:
    return InfoPengguna(
        id=akun.id,
        username=akun.username,
        nama=akun.nama,
        peran=akun.peran,
        jabatan_id=akun.jabatan_id,
        jabatan=akun.jabatan.nama if akun.jabatan is not None else None,
        aktif=akun.aktif,
        harus_ganti_sandi=akun.harus_ganti_sandi,
        gagal_berturut=akun.gagal_berturut,
    )


def _akun(sesi: Session, username: str) -> Pengguna | None:
    return sesi.scalar(select(Pengguna).where(Pengguna.username == username.strip().casefold()))


def _akun_wajib(sesi: Session, username: str) -> Pengguna:
    akun = _akun(sesi, username)
    if akun is None:
        raise TidakDitemukan(f"Pengguna {username!r} tidak ada.")
    return akun


def ada_pengguna(db: Database) -> bool:
    """False on a fresh database: the first run creates the administrator."""
    with db.baca() as sesi:
        return (sesi.scalar(select(func.count()).select_from(Pengguna)) or 0) > 0


# --- log-in ----------------------------------------------------------------------------------


def jeda_masuk(db: Database, username: str, *, kini: datetime | None = None) -> float:
    """Seconds before ``username`` may try again (0 when a try is allowed now)."""
    with db.baca() as sesi:
        akun = _akun(sesi, username)
        return _sisa_jeda(akun, kini or sekarang()) if akun is not None else 0.0


def _verifikasi(sesi: Session, akun: Pengguna, sandi: str, kini: datetime) -> GagalMasuk | None:
    """Check a password against an account, counting failures; None when it matches."""
    tunggu = _sisa_jeda(akun, kini)
    if tunggu > 0:
        return GagalMasuk(
            f"Terlalu banyak percobaan yang gagal. Coba lagi dalam {int(tunggu + 0.999)} detik.",
            tunggu=tunggu,
        )
    if not cocok_sandi(akun.hash_sandi, sandi):
        akun.gagal_berturut += 1
        akun.gagal_terakhir = kini
        jeda = jeda_gagal(akun.gagal_berturut)
        tambahan = f" Tunggu {int(jeda)} detik sebelum mencoba lagi." if jeda else ""
        return GagalMasuk(f"Nama pengguna atau sandi salah.{tambahan}", tunggu=jeda)
    if akun.gagal_berturut or akun.gagal_terakhir is not None:
        akun.gagal_berturut = 0
        akun.gagal_terakhir = None
    if _hasher().check_needs_rehash(akun.hash_sandi):
        akun.hash_sandi = hash_sandi(sandi)
    return None


def masuk(db: Database, username: str, sandi: str, *, kini: datetime | None = None) -> HasilMasuk:
    """Log in. Raises `GagalMasuk` (one clear message, ``tunggu`` seconds) when refused.

    A failure is recorded (and audited) even though the log-in is refused: the counter
    must survive a restart of the program, or the delay would be worthless.
    """
    kini = kini or sekarang()
    galat: GagalMasuk | None = None
    with db.transaksi(SISTEM, alasan="Masuk") as sesi:
        akun = _akun(sesi, username)
        if akun is None:
            cocok_sandi(_hash_contoh(), sandi)
            raise GagalMasuk("Nama pengguna atau sandi salah.")
        galat = _verifikasi(sesi, akun, sandi, kini)
        if galat is None and not akun.aktif:
            galat = GagalMasuk(f"Akun {akun.username} dinonaktifkan. Hubungi Administrator.")
        if galat is None:
            sesi.info["pelaku"] = pelaku_dari(akun)
            hasil = HasilMasuk(pelaku_dari(akun), akun.harus_ganti_sandi)
        else:
            sesi.info["alasan"] = "Percobaan masuk gagal"
    if galat is not None:
        raise galat
    return hasil


# --- accounts --------------------------------------------------------------------------------


def cari_jabatan(sesi: Session, teks: str) -> Jabatan:
    """A position by its exact name, or by a part of it that matches only one."""
    cari = teks.strip().casefold()
    semua = sesi.scalars(select(Jabatan).order_by(Jabatan.urutan, Jabatan.nama)).all()
    persis = [j for j in semua if j.nama.casefold() == cari]
    cocok = persis or [j for j in semua if cari and cari in j.nama.casefold()]
    if len(cocok) == 1:
        return cocok[0]
    if not cocok:
        raise TidakDitemukan(f"Jabatan {teks!r} tidak ada.")
    contoh = "; ".join(j.nama for j in cocok[:5])
    raise InputTidakSah(
        f"Jabatan {teks!r} cocok dengan {len(cocok)} jabatan ({contoh}…); tulis nama lengkapnya.",
        field="jabatan",
    )


def _jabatan_id(sesi: Session, jabatan: uuid.UUID | str | None) -> uuid.UUID | None:
    if jabatan is None:
        return None
    if isinstance(jabatan, uuid.UUID):
        if sesi.get(Jabatan, jabatan) is None:
            raise TidakDitemukan("Jabatan yang dipilih tidak ada lagi.")
        return jabatan
    return cari_jabatan(sesi, jabatan).id


def _periksa_peran_jabatan(peran: Peran, jabatan_id: uuid.UUID | None) -> None:
    if peran in PERAN_BERJABATAN and jabatan_id is None:
        raise InputTidakSah(
            f"Peran {LABEL_PERAN[peran]} memerlukan jabatan (--jabatan): cakupan data yang "
            "boleh diubahnya mengikuti unit jabatan itu.",
            field="jabatan",
        )


def tambah_pengguna(
    db: Database,
    pelaku: Pelaku,
    username: str,
    peran: Peran,
    *,
    sandi: str | None = None,
    jabatan: uuid.UUID | str | None = None,
    nama: str | None = None,
) -> tuple[InfoPengguna, str | None]:
    """Create an account (Administrator only; the very first account must be one).

    Without ``sandi`` a temporary password is generated and returned, and the user must
    change it at the first log-in.
    """
    wajib_kelola_pengguna(pelaku)
    nama_akun = normal_username(username)
    sementara = None
    if sandi is None:
        sementara = sandi = sandi_sementara()
    periksa_sandi_baru(sandi, nama_akun)
    with db.transaksi(pelaku, alasan="Tambah pengguna") as sesi:
        if _akun(sesi, nama_akun) is not None:
            raise InputTidakSah(f"Nama pengguna {nama_akun!r} sudah dipakai.", field="username")
        kosong = (sesi.scalar(select(func.count()).select_from(Pengguna)) or 0) == 0
        if kosong and peran is not Peran.ADMINISTRATOR:
            raise InputTidakSah(
                "Akun pertama harus Administrator (--peran administrator).", field="peran"
            )
        jabatan_id = _jabatan_id(sesi, jabatan)
        _periksa_peran_jabatan(peran, jabatan_id)
        akun = Pengguna(
            username=nama_akun,
            nama=(nama or "").strip() or None,
            hash_sandi=hash_sandi(sandi),
            peran=peran,
            jabatan_id=jabatan_id,
            harus_ganti_sandi=sementara is not None,
        )
        sesi.add(akun)
        sesi.flush()
        sesi.refresh(akun, ["jabatan"])
        return _info(akun), sementara


def buat_administrator_pertama(
    db: Database, username: str, sandi: str, *, nama: str | None = None
) -> InfoPengguna:
    """First run: the first account, an Administrator, created without logging in."""
    if ada_pengguna(db):
        raise KesalahanPengguna(
            "Basis data ini sudah memiliki pengguna; akun baru dibuat oleh Administrator."
        )
    info, _ = tambah_pengguna(db, SISTEM, username, Peran.ADMINISTRATOR, sandi=sandi, nama=nama)
    return info


def daftar_pengguna(db: Database, pelaku: Pelaku) -> list[InfoPengguna]:
    wajib_kelola_pengguna(pelaku)
    with db.baca() as sesi:
        return [_info(a) for a in sesi.scalars(select(Pengguna).order_by(Pengguna.username)).all()]


_TETAP = object()


def _jumlah_admin_aktif(sesi: Session) -> int:
    syarat = (Pengguna.peran == Peran.ADMINISTRATOR, Pengguna.aktif.is_(True))
    return sesi.scalar(select(func.count()).select_from(Pengguna).where(*syarat)) or 0


def ubah_pengguna(
    db: Database,
    pelaku: Pelaku,
    username: str,
    *,
    peran: Peran | None = None,
    jabatan: uuid.UUID | str | object | None = _TETAP,
    nama: str | object | None = _TETAP,
    aktif: bool | None = None,
) -> InfoPengguna:
    """Change an account's role, position, name or active flag (Administrator only).

    The last active Administrator cannot be demoted or deactivated: nobody could manage
    the accounts afterwards.
    """
    wajib_kelola_pengguna(pelaku)
    with db.transaksi(pelaku, alasan="Ubah pengguna") as sesi:
        akun = _akun_wajib(sesi, username)
        admin_sebelum = akun.peran is Peran.ADMINISTRATOR and akun.aktif
        if peran is not None:
            akun.peran = peran
        if jabatan is not _TETAP:
            akun.jabatan_id = _jabatan_id(sesi, jabatan)  # type: ignore[arg-type]
        if nama is not _TETAP:
            akun.nama = (str(nama or "")).strip() or None
        if aktif is not None:
            akun.aktif = aktif
        _periksa_peran_jabatan(akun.peran, akun.jabatan_id)
        masih_admin = akun.peran is Peran.ADMINISTRATOR and akun.aktif
        if admin_sebelum and not masih_admin:
            sesi.flush()
            if _jumlah_admin_aktif(sesi) == 0:
                raise InputTidakSah(
                    f"{akun.username} adalah Administrator aktif terakhir; tambahkan "
                    "Administrator lain dulu.",
                    field="peran",
                )
        sesi.flush()
        sesi.refresh(akun, ["jabatan"])
        return _info(akun)


def ganti_sandi(
    db: Database, pelaku: Pelaku, sandi_lama: str, sandi_baru: str, *, kini: datetime | None = None
) -> None:
    """Change one's own password; the old one is checked (and failures counted as at log-in)."""
    kini = kini or sekarang()
    galat: GagalMasuk | None = None
    with db.transaksi(pelaku, alasan="Ganti sandi sendiri") as sesi:
        akun = _akun_wajib(sesi, pelaku.username)
        hasil = _verifikasi(sesi, akun, sandi_lama, kini)
        if hasil is None and not akun.aktif:
            hasil = GagalMasuk(f"Akun {akun.username} dinonaktifkan. Hubungi Administrator.")
        if hasil is not None:
            pesan = hasil.pesan.replace("Nama pengguna atau sandi salah", "Sandi lama salah")
            galat = GagalMasuk(pesan, tunggu=hasil.tunggu)
        else:
            periksa_sandi_baru(sandi_baru, akun.username)
            if sandi_baru == sandi_lama:
                raise InputTidakSah("Sandi baru harus berbeda dari sandi lama.", field="sandi")
            akun.hash_sandi = hash_sandi(sandi_baru)
            akun.harus_ganti_sandi = False
    if galat is not None:
        raise galat


def reset_sandi(
    db: Database, pelaku: Pelaku, username: str, sandi_baru: str | None = None
) -> str | None:
    """An administrator sets another user's password (generated when not given, and then
    returned); the user must change it at the next log-in. Clears the failure delay."""
    wajib_kelola_pengguna(pelaku)
    sementara = None
    if sandi_baru is None:
        sementara = sandi_baru = sandi_sementara()
    with db.transaksi(pelaku, alasan=f"Reset sandi oleh {pelaku.username}") as sesi:
        akun = _akun_wajib(sesi, username)
        periksa_sandi_baru(sandi_baru, akun.username)
        akun.hash_sandi = hash_sandi(sandi_baru)
        akun.harus_ganti_sandi = akun.username != pelaku.username
        akun.gagal_berturut = 0
        akun.gagal_terakhir = None
    return sementara


# --- idle lock -------------------------------------------------------------------------------


def _baris_pengaturan(sesi: Session) -> Pengaturan | None:
    return sesi.scalar(
        select(Pengaturan).where(Pengaturan.opd_id.is_(None), Pengaturan.kunci == KUNCI_LAYAR)
    )


def waktu_kunci_layar(db: Database) -> int:
    """Minutes without activity before the window locks (0 = never)."""
    with db.baca() as sesi:
        baris = _baris_pengaturan(sesi)
        return int(baris.nilai) if baris is not None else KUNCI_LAYAR_BAWAAN


def atur_waktu_kunci_layar(db: Database, pelaku: Pelaku, menit: int) -> None:
    wajib_ubah_pengaturan(pelaku)
    if not 0 <= menit <= KUNCI_LAYAR_MAKS:
        raise InputTidakSah(
            f"Waktu kunci layar harus 0–{KUNCI_LAYAR_MAKS} menit (0 = tidak pernah), "
            f"bukan {menit}.",
            field="menit",
        )
    with db.transaksi(pelaku, alasan="Ubah waktu kunci layar") as sesi:
        baris = _baris_pengaturan(sesi)
        if baris is None:
            sesi.add(Pengaturan(opd_id=None, kunci=KUNCI_LAYAR, nilai=str(menit)))
        else:
            baris.nilai = str(menit)


def buka_kunci_layar(
    db: Database, pelaku: Pelaku, sandi: str, *, kini: datetime | None = None
) -> Pelaku:
    """Unlock a locked window: the same user's password (returns the account as it is now,
    in case an administrator changed its role meanwhile)."""
    return masuk(db, pelaku.username, sandi, kini=kini).pelaku


class PenjagaDiam:
    """Tracks activity for the idle lock, with no Qt: the window calls `sentuh` on input
    and asks `terkunci` from a timer. ``jam`` is injectable for tests."""

    def __init__(self, menit: int, *, jam: Callable[[], float] = time.monotonic) -> None:
        self.menit = menit
        self._jam = jam
        self._terakhir = self._jam()

    def sentuh(self) -> None:
        self._terakhir = self._jam()

    def detik_tersisa(self) -> float | None:
        """Seconds until the lock, None when the lock is off."""
        if self.menit <= 0:
            return None
        return max(0.0, self.menit * 60 - (self._jam() - self._terakhir))

    def terkunci(self) -> bool:
        sisa = self.detik_tersisa()
        return sisa is not None and sisa <= 0
