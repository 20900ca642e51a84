"""Each role's allowed and forbidden writes, through the real services (not the window).

Every refused write raises AksesDitolak with a message naming the user and the role, and
changes nothing: neither the data nor the audit trail.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from decimal import Decimal

import pytest
from bantu_keamanan import jumlah_jejak, realisasi, target_pk

from sakip_desktop.domain import DokumenTarget, Peran
from sakip_desktop.errors import AksesDitolak
from sakip_desktop.kalkulasi import NilaiTarget
from sakip_desktop.services import kunci, otorisasi
from sakip_desktop.services.demo import muat_demo
from sakip_desktop.services.pelaku import Pelaku
from sakip_desktop.services.pengguna import (
    atur_waktu_kunci_layar,
    buat_administrator_pertama,
    tambah_pengguna,
    waktu_kunci_layar,
)
from sakip_desktop.services.realisasi import LayananRealisasi
from sakip_desktop.services.target import LayananTarget
from sakip_desktop.storage import Database

Aksi = Callable[[Database, Pelaku, Callable[[str], uuid.UUID]], object]


def ubah_target(kode: str) -> Aksi:
    def aksi(db: Database, p: Pelaku, ind: Callable[[str], uuid.UUID]) -> object:
        LayananTarget(db).simpan(
            p, ind(kode), 2020, 0, DokumenTarget.PK, NilaiTarget(Decimal("77")), alasan="uji"
        )
        assert target_pk(db, kode) == Decimal("77")
        return None

    return aksi


def isi_realisasi(kode: str) -> Aksi:
    def aksi(db: Database, p: Pelaku, ind: Callable[[str], uuid.UUID]) -> object:
        LayananRealisasi(db).simpan(p, ind(kode), 2020, 3, nilai=Decimal("7"))
        assert realisasi(db, kode, 2020, 3) == Decimal("7")
        return None

    return aksi


def verifikasi(db: Database, p: Pelaku, ind: Callable[[str], uuid.UUID]) -> object:
    return LayananRealisasi(db).verifikasi(p, ind("IKK.02"), 2020, 3)


def tutup_triwulan(db: Database, p: Pelaku, _ind: object) -> object:
    return kunci.tutup_triwulan(db, p, 2021, 1)


def buka_triwulan(db: Database, p: Pelaku, _ind: object) -> object:
    return kunci.buka_triwulan(db, p, 2019, 4, "Koreksi data triwulan IV")


def kunci_target(db: Database, p: Pelaku, _ind: object) -> object:
    return kunci.kunci_target_tahun(db, p, 2021)


def buka_target(db: Database, p: Pelaku, _ind: object) -> object:
    return kunci.buka_target_tahun(db, p, 2019, "Renstra perubahan")


def tambah_akun(db: Database, p: Pelaku, _ind: object) -> object:
    return tambah_pengguna(db, p, f"baru-{p.username}", Peran.PEMBACA, sandi="sandi-panjang-1")


def atur_kunci_layar(db: Database, p: Pelaku, _ind: object) -> object:
    atur_waktu_kunci_layar(db, p, 30)
    assert waktu_kunci_layar(db) == 30
    return None


AKSI: dict[str, Aksi] = {
    "target bidang Pelatihan Kerja (IKP.01)": ubah_target("IKP.01"),
    "target bidang Hubungan Industrial (IKP.05)": ubah_target("IKP.05"),
    "target sasaran dinas (IKU.1)": ubah_target("IKU.1"),
    "realisasi seksi Kelembagaan Pelatihan (IKK.01)": isi_realisasi("IKK.01"),
    "realisasi seksi Penyelesaian HI (IKK.31)": isi_realisasi("IKK.31"),
    "verifikasi realisasi seksi Penyelenggaraan Pelatihan (IKK.02)": verifikasi,
    "tutup triwulan": tutup_triwulan,
    "buka triwulan": buka_triwulan,
    "kunci target tahun": kunci_target,
    "buka kunci target tahun": buka_target,
    "tambah pengguna": tambah_akun,
    "atur kunci layar": atur_kunci_layar,
}

# Role → the actions it may do; every other action must be refused.
BOLEH: dict[str, set[str]] = {
    "admin": set(AKSI),
    "perencana": {
        "target bidang Pelatihan Kerja (IKP.01)",
        "target bidang Hubungan Industrial (IKP.05)",
        "target sasaran dinas (IKU.1)",
        "realisasi seksi Kelembagaan Pelatihan (IKK.01)",
        "realisasi seksi Penyelesaian HI (IKK.31)",
        "tutup triwulan",
        "kunci target tahun",
    },
    "kadis": {
        "verifikasi realisasi seksi Penyelenggaraan Pelatihan (IKK.02)",
        "tutup triwulan",
        "buka triwulan",
        "kunci target tahun",
        "buka kunci target tahun",
    },
    "kabid_pk": {
        "target bidang Pelatihan Kerja (IKP.01)",
        "realisasi seksi Kelembagaan Pelatihan (IKK.01)",
        "verifikasi realisasi seksi Penyelenggaraan Pelatihan (IKK.02)",
    },
    "kabid_hi": {
        "target bidang Hubungan Industrial (IKP.05)",
        "realisasi seksi Penyelesaian HI (IKK.31)",
    },
    "kasi_pk1": {"realisasi seksi Kelembagaan Pelatihan (IKK.01)"},
    "kasi_pk2": set(),
    "staf_pk1": {"realisasi seksi Kelembagaan Pelatihan (IKK.01)"},
    "pembaca": set(),
}


def _siapkan(db: Database, ind: Callable[[str], uuid.UUID]) -> None:
    """What the actions work on: an administrator account, a submitted entry, a closed
    quarter, a locked year."""
    akun = buat_administrator_pertama(db, "penyiap", "sandi-penyiap-1")
    admin = Pelaku(akun.username, akun.peran)
    real = LayananRealisasi(db)
    real.simpan(admin, ind("IKK.02"), 2020, 3, nilai=Decimal("12"))
    real.ajukan(admin, ind("IKK.02"), 2020, 3)
    kunci.tutup_triwulan(db, admin, 2019, 4)
    kunci.kunci_target_tahun(db, admin, 2019)


@pytest.mark.parametrize("peran", list(BOLEH))
def test_tulis_sesuai_peran(
    db_demo: Database,
    pelaku: dict[str, Pelaku],
    ind: Callable[[str], uuid.UUID],
    peran: str,
) -> None:
    _siapkan(db_demo, ind)
    p = pelaku[peran]
    hasil: dict[str, str] = {}
    for nama, aksi in AKSI.items():
        sebelum = jumlah_jejak(db_demo)
        try:
            aksi(db_demo, p, ind)
        except AksesDitolak as exc:
            assert exc.pesan.startswith(f"Akses ditolak: {p.label} ("), exc.pesan
            assert jumlah_jejak(db_demo) == sebelum, f"{nama}: penolakan meninggalkan jejak"
            hasil[nama] = "ditolak"
        else:
            assert jumlah_jejak(db_demo) > sebelum, f"{nama}: perubahan tanpa jejak audit"
            hasil[nama] = "boleh"
    harapan = {n: "boleh" if n in BOLEH[peran] else "ditolak" for n in AKSI}
    assert hasil == harapan


def test_kabid_mengubah_target_bidang_lain_ditolak_dan_tidak_ada_yang_berubah(
    db_demo: Database, pelaku: dict[str, Pelaku], ind: Callable[[str], uuid.UUID]
) -> None:
    sebelum = (target_pk(db_demo, "IKP.05"), jumlah_jejak(db_demo))
    with pytest.raises(AksesDitolak) as e:
        LayananTarget(db_demo).simpan(
            pelaku["kabid_pk"], ind("IKP.05"), 2020, 0, DokumenTarget.PK, NilaiTarget(Decimal("1"))
        )
    assert "Bidang Hubungan Industrial" in e.value.pesan
    assert (target_pk(db_demo, "IKP.05"), jumlah_jejak(db_demo)) == sebelum
    # The same Kabid may change the target of the own bidang.
    LayananTarget(db_demo).simpan(
        pelaku["kabid_pk"], ind("IKP.01"), 2020, 0, DokumenTarget.PK, NilaiTarget(Decimal("200"))
    )
    assert target_pk(db_demo, "IKP.01") == Decimal("200")


def test_memuat_demo_pengganti_hanya_administrator_atau_perencana(
    db_demo: Database, pelaku: dict[str, Pelaku]
) -> None:
    for nama in ("kadis", "kabid_pk", "pembaca"):
        with pytest.raises(AksesDitolak):
            muat_demo(db_demo, ganti=True, pelaku=pelaku[nama])
    sebelum = jumlah_jejak(db_demo)
    muat_demo(db_demo, ganti=True, pelaku=pelaku["perencana"])
    assert jumlah_jejak(db_demo) > sebelum


def test_pk_dan_hak_akses_untuk_jendela(db_demo: Database, pelaku: dict[str, Pelaku]) -> None:
    """What the window reads to hide actions: the same rules as the checks."""
    with db_demo.baca() as sesi:
        jab_pk = pelaku["kasi_pk1"].jabatan_id
        jab_hi = pelaku["kabid_hi"].jabatan_id
        assert jab_pk is not None and jab_hi is not None
        assert otorisasi.diizinkan(otorisasi.wajib_ubah_pk, sesi, pelaku["kabid_pk"], jab_pk)
        assert not otorisasi.diizinkan(otorisasi.wajib_ubah_pk, sesi, pelaku["kabid_pk"], jab_hi)
        assert not otorisasi.diizinkan(otorisasi.wajib_ubah_pk, sesi, pelaku["kasi_pk1"], jab_pk)
    assert otorisasi.hak_akses(pelaku["pembaca"]).hanya_baca
    assert not otorisasi.hak_akses(pelaku["staf_pk1"]).hanya_baca
    assert otorisasi.hak_akses(pelaku["kadis"]).buka_periode
    assert not otorisasi.hak_akses(pelaku["perencana"]).buka_periode
    assert otorisasi.hak_akses(pelaku["admin"]).kelola_pengguna
    assert not otorisasi.hak_akses(pelaku["kabid_pk"]).kelola_pengguna
