"""The audit trail: written in the same transaction as the change, filtered by user, bidang,
record and date, a record's history, exported."""

from __future__ import annotations

import csv
import uuid
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from bantu_keamanan import jumlah_jejak, target_pk
from openpyxl import load_workbook
from sqlalchemy import create_engine, func, select, text

from sakip_desktop.domain import DokumenTarget
from sakip_desktop.kalkulasi import NilaiTarget
from sakip_desktop.model import Indikator, JejakAudit, Target
from sakip_desktop.services import kunci
from sakip_desktop.services.audit import (
    KOLOM_EKSPOR,
    SaringAudit,
    cari_jejak,
    cari_unit,
    ekspor_csv,
    ekspor_xlsx,
    hitung_jejak,
    riwayat_rekaman,
)
from sakip_desktop.services.pelaku import Pelaku
from sakip_desktop.services.target import LayananTarget, simpan_target
from sakip_desktop.storage import Database


def _id_target(db: Database, kode: str) -> uuid.UUID:
    with db.baca() as sesi:
        return sesi.scalars(
            select(Target.id)
            .join(Indikator)
            .where(
                Indikator.kode == kode,
                Target.tahun == 2020,
                Target.triwulan == 0,
                Target.dokumen == DokumenTarget.PK,
            )
        ).one()


def test_jejak_ditulis_dalam_transaksi_yang_sama(
    db_demo: Database, pelaku: dict[str, Pelaku], ind: Callable[[str], uuid.UUID]
) -> None:
    """Inside the transaction the audit row exists; another connection sees neither the
    change nor its audit row until the commit, then both."""
    kabid = pelaku["kabid_pk"]
    luar = create_engine(db_demo.url)
    try:

        def dari_luar() -> tuple[int, object]:
            with luar.connect() as conn:
                n = conn.execute(select(func.count()).select_from(JejakAudit)).scalar_one()
                return n, conn.execute(
                    select(Target.nilai).where(Target.id == _id_target(db_demo, "IKP.01"))
                ).scalar_one()

        sebelum = dari_luar()
        with db_demo.transaksi(kabid, alasan="Koreksi PK") as sesi:
            simpan_target(
                sesi, kabid, ind("IKP.01"), 2020, 0, DokumenTarget.PK, NilaiTarget(Decimal("210"))
            )
            sesi.flush()
            di_dalam = sesi.scalars(
                select(JejakAudit).where(JejakAudit.pengguna == kabid.username)
            ).all()
            assert [(j.field, j.nilai_baru, j.alasan) for j in di_dalam] == [
                ("nilai", "210", "Koreksi PK")
            ]
            assert dari_luar() == sebelum
        n, nilai = dari_luar()
        assert n == sebelum[0] + 1
        assert nilai == Decimal("210")
    finally:
        luar.dispose()


def test_rollback_membatalkan_perubahan_dan_jejaknya_bersama(
    db_demo: Database, pelaku: dict[str, Pelaku], ind: Callable[[str], uuid.UUID]
) -> None:
    """A transaction that fails after a first change leaves neither change nor audit row."""
    kabid = pelaku["kabid_pk"]
    sebelum = (target_pk(db_demo, "IKP.01"), target_pk(db_demo, "IKU.1"), jumlah_jejak(db_demo))
    with pytest.raises(Exception, match="Akses ditolak"), db_demo.transaksi(kabid) as sesi:
        simpan_target(
            sesi, kabid, ind("IKP.01"), 2020, 0, DokumenTarget.PK, NilaiTarget(Decimal("250"))
        )
        sesi.flush()  # the first change and its audit row are written …
        simpan_target(  # … then the second is refused: the whole action rolls back
            sesi, kabid, ind("IKU.1"), 2020, 0, DokumenTarget.PK, NilaiTarget(Decimal("9"))
        )
    after = (target_pk(db_demo, "IKP.01"), target_pk(db_demo, "IKU.1"), jumlah_jejak(db_demo))
    assert after == sebelum


def test_jejak_disaring_per_bidang_pengguna_tanggal_dan_riwayat_rekaman(
    db_demo: Database, pelaku: dict[str, Pelaku], ind: Callable[[str], uuid.UUID]
) -> None:
    layanan = LayananTarget(db_demo)
    layanan.simpan(
        pelaku["kabid_pk"], ind("IKP.01"), 2020, 0, DokumenTarget.PK, NilaiTarget(Decimal("195"))
    )
    layanan.simpan(
        pelaku["kabid_hi"], ind("IKP.05"), 2020, 0, DokumenTarget.PK, NilaiTarget(Decimal("99"))
    )
    layanan.simpan(
        pelaku["perencana"],
        ind("IKP.01"),
        2020,
        0,
        DokumenTarget.PK,
        NilaiTarget(Decimal("198")),
        alasan="Penyesuaian DPA",
    )
    bidang_pk = cari_unit(db_demo, "PK")
    bidang_hi = cari_unit(db_demo, "Hubungan Industrial")  # the bidang, not its seksi
    baris_pk = cari_jejak(db_demo, SaringAudit(unit_id=bidang_pk, tabel="target"))
    assert [(b.pengguna, b.nilai_lama, b.nilai_baru) for b in baris_pk] == [
        ("rina", "195", "198"),
        ("kabid_pk", "192", "195"),
    ]
    assert baris_pk[0].unit == "Bidang Pelatihan Kerja"
    assert baris_pk[0].rekaman is not None and baris_pk[0].rekaman.startswith("IKP.01 · ")
    baris_hi = cari_jejak(db_demo, SaringAudit(unit_id=bidang_hi, tabel="target"))
    assert [(b.pengguna, b.field) for b in baris_hi] == [("kabid_hi", "nilai")]
    assert hitung_jejak(db_demo, SaringAudit(pengguna="KABID_PK")) == 1
    assert hitung_jejak(db_demo, SaringAudit(cari="penyesuaian dpa")) == 1
    besok = date.today() + timedelta(days=1)
    assert hitung_jejak(db_demo, SaringAudit(sejak=besok)) == 0
    assert hitung_jejak(db_demo, SaringAudit(sejak=date.today(), pengguna="rina")) == 1
    assert hitung_jejak(db_demo, SaringAudit(sampai=date.today() - timedelta(days=1))) == 0
    # A record's history, oldest first, from its form.
    riwayat = riwayat_rekaman(db_demo, "target", _id_target(db_demo, "IKP.01"))
    assert [(r.pengguna, r.nilai_lama, r.nilai_baru, r.alasan) for r in riwayat] == [
        ("kabid_pk", "192", "195", None),
        ("rina", "195", "198", "Penyesuaian DPA"),
    ]


def test_buka_kunci_tercatat_dengan_aksi_dan_alasan(
    db_demo: Database, pelaku: dict[str, Pelaku]
) -> None:
    kunci.tutup_triwulan(db_demo, pelaku["kadis"], 2020, 2)
    kunci.buka_triwulan(db_demo, pelaku["kadis"], 2020, 2, "Data BPJS terlambat masuk")
    baris = cari_jejak(
        db_demo, SaringAudit(tabel="tahun_kinerja", pengguna="kadis"), terbaru_dulu=False
    )
    assert [(b.aksi, b.field, b.nilai_lama, b.nilai_baru, b.alasan) for b in baris] == [
        ("tutup-triwulan", "triwulan_ditutup", "0", "2", "Tutup triwulan 2 tahun 2020"),
        ("buka-kunci", "triwulan_ditutup", "2", "1", "Data BPJS terlambat masuk"),
    ]
    assert baris[1].label_aksi == "Buka kunci"
    assert baris[1].pengguna == "kadis"


def test_ekspor_csv_dan_xlsx_berisi_baris_yang_sama(
    db_demo: Database, pelaku: dict[str, Pelaku], ind: Callable[[str], uuid.UUID], tmp_path: Path
) -> None:
    LayananTarget(db_demo).simpan(
        pelaku["kabid_hi"],
        ind("IKP.05"),
        2020,
        0,
        DokumenTarget.PK,
        NilaiTarget(Decimal("98.5")),
        alasan="Angka; dengan titik koma",
    )
    baris = cari_jejak(db_demo, SaringAudit(pengguna="kabid_hi"))
    with (ekspor_csv(baris, tmp_path / "jejak.csv")).open(encoding="utf-8-sig", newline="") as f:
        isi = list(csv.reader(f, delimiter=";"))
    assert isi[0] == list(KOLOM_EKSPOR)
    assert isi[1][1:4] == ["kabid_hi", "Ubah", "Target"]
    assert isi[1][6:10] == [
        "100",
        "98.5",
        "Angka; dengan titik koma",
        "Bidang Hubungan Industrial dan Jaminan Sosial Tenaga Kerja",
    ]
    lembar = load_workbook(ekspor_xlsx(baris, tmp_path / "jejak.xlsx")).active
    assert lembar is not None
    assert [c.value for c in lembar[2]][6:9] == ["100", "98.5", "Angka; dengan titik koma"]
    assert lembar.max_row == 2


def test_jejak_tanpa_opd_dari_data_demo_tetap_dapat_dibaca(db_demo: Database) -> None:
    """The demo's bulk load writes one summary row per table (no record)."""
    with db_demo.engine.connect() as conn:
        n = conn.execute(text("SELECT count(*) FROM jejak_audit WHERE rekaman_id IS NULL"))
        assert n.scalar_one() > 10
    baris = cari_jejak(db_demo, SaringAudit(tabel="indikator"))
    assert sum(int(str(b.nilai_baru).split()[0]) for b in baris) == 72
    assert {b.alasan for b in baris} == {"Muat data demo"}
