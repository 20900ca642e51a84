"""Period locks: a closed quarter freezes its realizations and a locked year its targets,
until someone allowed reopens them with a reason, which the audit trail keeps."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from decimal import Decimal

import pytest
from bantu_keamanan import jumlah_jejak, realisasi, target_pk

from sakip_desktop.domain import DokumenTarget
from sakip_desktop.errors import AksesDitolak, DataTerkunci, InputTidakSah
from sakip_desktop.kalkulasi import NilaiTarget
from sakip_desktop.services import kunci
from sakip_desktop.services.audit import SaringAudit, cari_jejak
from sakip_desktop.services.pelaku import Pelaku
from sakip_desktop.services.realisasi import LayananRealisasi
from sakip_desktop.services.target import LayananTarget
from sakip_desktop.storage import Database


def test_triwulan_ditutup_tidak_dapat_diubah_sampai_dibuka(
    db_demo: Database, pelaku: dict[str, Pelaku], ind: Callable[[str], uuid.UUID]
) -> None:
    kabid, kadis = pelaku["kabid_pk"], pelaku["kadis"]
    real = LayananRealisasi(db_demo)
    real.simpan(kabid, ind("IKK.01"), 2020, 1, nilai=Decimal("3"))
    status = kunci.tutup_triwulan(db_demo, kadis, 2020, 1)
    assert status.triwulan_terkunci(1) and not status.triwulan_terkunci(2)
    sebelum = jumlah_jejak(db_demo)
    with pytest.raises(DataTerkunci, match="Triwulan 1 tahun 2020 sudah ditutup"):
        real.simpan(kabid, ind("IKK.01"), 2020, 1, nilai=Decimal("4"))
    assert realisasi(db_demo, "IKK.01", 2020, 1) == Decimal("3")
    assert jumlah_jejak(db_demo) == sebelum
    real.simpan(kabid, ind("IKK.01"), 2020, 2, nilai=Decimal("5"))  # the next one is open
    # Reopening: the right role, and a reason.
    with pytest.raises(AksesDitolak):
        kunci.buka_triwulan(db_demo, kabid, 2020, 1, "Salah ketik di triwulan I")
    with pytest.raises(InputTidakSah, match="Alasan membuka kunci wajib diisi"):
        kunci.buka_triwulan(db_demo, kadis, 2020, 1, "  ")
    kunci.buka_triwulan(db_demo, kadis, 2020, 1, "Salah ketik di triwulan I")
    real.simpan(kabid, ind("IKK.01"), 2020, 1, nilai=Decimal("4"))
    assert realisasi(db_demo, "IKK.01", 2020, 1) == Decimal("4")
    jejak = cari_jejak(db_demo, SaringAudit(aksi="buka-kunci"))
    assert [(j.pengguna, j.alasan) for j in jejak] == [("kadis", "Salah ketik di triwulan I")]


def test_menutup_triwulan_berurutan(db_demo: Database, pelaku: dict[str, Pelaku]) -> None:
    kadis = pelaku["kadis"]
    assert kunci.tutup_triwulan(db_demo, kadis, 2020, 3).triwulan_ditutup == 3
    with pytest.raises(DataTerkunci, match="sudah ditutup"):
        kunci.tutup_triwulan(db_demo, kadis, 2020, 2)
    # Reopening quarter II reopens III as well: quarters close in order.
    assert kunci.buka_triwulan(db_demo, kadis, 2020, 2, "Revisi data").triwulan_ditutup == 1
    with pytest.raises(InputTidakSah, match="belum ditutup"):
        kunci.buka_triwulan(db_demo, kadis, 2020, 3, "Revisi data")
    with pytest.raises(InputTidakSah, match="Triwulan harus 1–4"):
        kunci.tutup_triwulan(db_demo, kadis, 2020, 5)
    assert kunci.status_kunci(db_demo, 2020).triwulan_ditutup == 1
    assert kunci.status_kunci(db_demo, 2030).triwulan_ditutup == 0


def test_target_tahun_terkunci(
    db_demo: Database, pelaku: dict[str, Pelaku], ind: Callable[[str], uuid.UUID]
) -> None:
    perencana, kadis = pelaku["perencana"], pelaku["kadis"]
    target = LayananTarget(db_demo)
    kunci.kunci_target_tahun(db_demo, perencana, 2020)
    with pytest.raises(DataTerkunci, match="Target tahun 2020 sudah dikunci"):
        target.simpan(perencana, ind("IKU.1"), 2020, 0, DokumenTarget.PK, NilaiTarget(Decimal("2")))
    assert target_pk(db_demo, "IKU.1") == Decimal("1.28")
    with pytest.raises(AksesDitolak):  # a Perencana locks but does not reopen
        kunci.buka_target_tahun(db_demo, perencana, 2020, "Refocusing anggaran")
    kunci.buka_target_tahun(db_demo, kadis, 2020, "Refocusing anggaran")
    target.simpan(perencana, ind("IKU.1"), 2020, 0, DokumenTarget.PK, NilaiTarget(Decimal("2")))
    assert target_pk(db_demo, "IKU.1") == Decimal("2")
    jejak = cari_jejak(db_demo, SaringAudit(tabel="tahun_kinerja", pengguna="kadis"))
    assert [(j.aksi, j.field, j.nilai_lama, j.nilai_baru, j.alasan) for j in jejak] == [
        ("buka-kunci", "target_dikunci", "True", "False", "Refocusing anggaran")
    ]
