"""Exchange files between a Kabid's laptop and the planning PC (two SQLite databases)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from bantu_bersama import D, id_indikator, nilai_target, realisasi, semua_baris, sidik
from sqlalchemy import select

from sakip_desktop.domain import DokumenTarget
from sakip_desktop.errors import AksesDitolak
from sakip_desktop.kalkulasi import NilaiTarget
from sakip_desktop.model import JejakAudit, KonflikPaket
from sakip_desktop.services import paket
from sakip_desktop.services.paket_berkas import KEPALA, PaketDitolak
from sakip_desktop.services.realisasi import simpan_realisasi
from sakip_desktop.services.target import simpan_target
from sakip_desktop.storage import Database

RENJA = DokumenTarget.RENJA


def ubah_target(db: Database, pelaku, kode: str, nilai: str, alasan: str | None = None) -> None:
    with db.transaksi(pelaku, alasan=alasan) as sesi:
        simpan_target(sesi, pelaku, id_indikator(db, kode), 2020, 0, RENJA, NilaiTarget(D(nilai)))


def isi_realisasi(db: Database, pelaku, kode: str, tw: int, nilai: str, catatan: str | None = None):
    with db.transaksi(pelaku) as sesi:
        simpan_realisasi(
            sesi, pelaku, id_indikator(db, kode), 2020, tw, nilai=D(nilai), catatan=catatan
        )


def test_paket_bolak_balik_membawa_perubahan_dan_riwayatnya(pusat, bidang, akun, tmp_path):
    agus, rina = akun["agus"], akun["rina"]
    # On the laptop, the Kabid Pelatihan Kerja changes a target and enters a realization.
    ubah_target(bidang, agus, "IKK.01", "18", alasan="Revisi renja")
    isi_realisasi(bidang, agus, "IKP.01", 2, "50", catatan="Daftar hadir pelatihan")
    berkas = tmp_path / "pk.sakip-paket"
    ekspor = paket.ekspor_paket(bidang, agus, berkas)
    assert ekspor.lingkup_label == "Bidang Pelatihan Kerja"
    assert berkas.read_bytes().startswith(KEPALA)

    # The planning PC previews it: two changes, nothing written yet.
    sebelum = sidik(pusat)
    pratinjau = paket.impor_paket(pusat, rina, berkas, coba=True)
    berubah = {(e.label, e.status) for e in pratinjau.entri if e.mengubah}
    assert berubah == {
        ("Target IKK.01 2020 tahunan (renja)", "terapkan"),
        ("Realisasi IKP.01 2020 TW II", "terapkan"),
    }
    target = next(e for e in pratinjau.entri if e.tabel == "target" and e.mengubah)
    assert target.perubahan["nilai"] == ("15", "18")
    assert sidik(pusat) == sebelum

    hasil = paket.impor_paket(pusat, rina, berkas)
    assert hasil.diterapkan and hasil.jumlah_berubah == 2 and not hasil.konflik
    assert nilai_target(pusat, "IKK.01", RENJA) == D("18")
    r = realisasi(pusat, "IKP.01", 2020, 2)
    assert r is not None and r.nilai == D("50") and r.catatan == "Daftar hadir pelatihan"
    # The history came along: the Kabid's own audit rows, with his reason.
    with pusat.baca() as sesi:
        jejak = sesi.scalars(
            select(JejakAudit).where(JejakAudit.tabel == "target", JejakAudit.field == "nilai")
        ).all()
    assert [(j.pengguna, j.nilai_lama, j.nilai_baru, j.alasan) for j in jejak] == [
        ("agus", "15", "18", "Revisi renja")
    ]

    # The same paket again changes nothing at all.
    sesudah = sidik(pusat)
    lagi = paket.impor_paket(pusat, rina, berkas)
    assert lagi.sudah_diimpor is not None and lagi.jumlah_berubah == 0
    assert sidik(pusat) == sesudah

    # The planning PC consolidates and sends the bidang's data back.
    isi_realisasi(pusat, rina, "IKP.01", 3, "80")
    balik = tmp_path / "balik.sakip-paket"
    paket.ekspor_paket(pusat, rina, balik, bidang="PK")
    kembali = paket.impor_paket(bidang, agus, balik)
    assert not kembali.konflik
    assert realisasi(bidang, "IKP.01", 2020, 3).nilai == D("80")
    for tabel in ("target", "realisasi"):
        assert semua_baris(bidang, tabel).keys() == semua_baris(pusat, tabel).keys()
    # Every PK-scope record now agrees on both PCs (except the local version counters).
    for tabel in ("target", "realisasi"):
        a, b = semua_baris(bidang, tabel), semua_baris(pusat, tabel)
        beda = [k for k in a if _tanpa_versi(a[k]) != _tanpa_versi(b[k])]
        assert beda == []

    # The next export from the laptop starts after the last one: nothing old is resent.
    kedua = paket.ekspor_paket(bidang, agus, tmp_path / "kedua.sakip-paket")
    assert kedua.sejak is not None
    isi = paket.impor_paket(pusat, rina, tmp_path / "kedua.sakip-paket", coba=True)
    assert [e for e in isi.entri if e.mengubah] == []


def _tanpa_versi(teks: str) -> dict:
    d = json.loads(teks)
    d.pop("versi", None)
    return d


def test_konflik_dilaporkan_lalu_diselesaikan_dengan_alasan(pusat, bidang, akun, tmp_path):
    agus, rina = akun["agus"], akun["rina"]
    ubah_target(bidang, agus, "IKK.01", "18")
    ubah_target(pusat, rina, "IKK.01", "20")
    berkas = tmp_path / "pk.sakip-paket"
    paket.ekspor_paket(bidang, agus, berkas)
    hasil = paket.impor_paket(pusat, rina, berkas)
    assert [(e.label, e.perubahan) for e in hasil.konflik] == [
        ("Target IKK.01 2020 tahunan (renja)", {"nilai": ("20", "18")})
    ]
    assert hasil.konflik_terbuka == 1
    assert nilai_target(pusat, "IKK.01", RENJA) == D("20")  # not overwritten

    terbuka = paket.daftar_konflik(pusat)
    assert len(terbuka) == 1 and terbuka[0].nilai_paket == {"nilai": "18"}
    # Importing it again does not add a second conflict.
    paket.impor_paket(pusat, rina, berkas)
    assert len(paket.daftar_konflik(pusat)) == 1

    with pytest.raises(AksesDitolak):
        paket.selesaikan_konflik(pusat, akun["endang"], terbuka[0].id, "pakai-paket", "x")
    selesai = paket.selesaikan_konflik(
        pusat, rina, terbuka[0].id, "pakai-paket", "Angka Kabid sesuai DPA"
    )
    assert selesai.status == "pakai-paket"
    assert nilai_target(pusat, "IKK.01", RENJA) == D("18")
    with pusat.baca() as sesi:
        alasan = sesi.scalars(
            select(JejakAudit.alasan)
            .where(
                JejakAudit.tabel == "target",
                JejakAudit.field == "nilai",
                JejakAudit.pengguna == "rina",
            )
            .order_by(JejakAudit.waktu)
        ).all()
        assert alasan[-1] == "Angka Kabid sesuai DPA"
        assert sesi.scalar(select(KonflikPaket.status)) == "pakai-paket"
    assert paket.daftar_konflik(pusat) == []


def test_perubahan_field_berbeda_digabung(pusat, bidang, akun, tmp_path):
    agus, rina = akun["agus"], akun["rina"]
    isi_realisasi(pusat, rina, "IKP.01", 2, "40")
    awal = tmp_path / "awal.sakip-paket"
    paket.ekspor_paket(pusat, rina, awal, bidang="PK")
    paket.impor_paket(bidang, agus, awal)
    # Laptop: the note; planning PC: the value. Both edits survive.
    isi_realisasi(bidang, agus, "IKP.01", 2, "40", catatan="Sertifikat BNSP")
    isi_realisasi(pusat, rina, "IKP.01", 2, "45")
    berkas = tmp_path / "pk.sakip-paket"
    paket.ekspor_paket(bidang, agus, berkas)
    hasil = paket.impor_paket(pusat, rina, berkas)
    assert not hasil.konflik
    assert [e.status for e in hasil.entri if e.mengubah] == ["gabung"]
    r = realisasi(pusat, "IKP.01", 2020, 2)
    assert (r.nilai, r.catatan) == (D("45"), "Sertifikat BNSP")


def test_paket_rusak_atau_diubah_ditolak(pusat, bidang, akun, tmp_path):
    ubah_target(bidang, akun["agus"], "IKK.01", "18")
    berkas = tmp_path / "pk.sakip-paket"
    paket.ekspor_paket(bidang, akun["agus"], berkas)
    sebelum = sidik(pusat)

    rusak = tmp_path / "rusak.sakip-paket"
    data = bytearray(berkas.read_bytes())
    data[len(data) // 2] ^= 0xFF
    rusak.write_bytes(bytes(data))
    with pytest.raises(PaketDitolak, match=r"rusak|diubah"):
        paket.impor_paket(pusat, akun["rina"], rusak)

    # An altered value, recompressed so the file still reads: the signature gives it away.
    kepala, tanda, badan = berkas.read_bytes().split(b"\n", 2)
    isi = json.loads(gzip.decompress(badan))
    for r in isi["rekaman"]:
        if r["tabel"] == "target" and r["baris"]:
            r["baris"]["nilai"] = "99"
    diubah = tmp_path / "diubah.sakip-paket"
    diubah.write_bytes(kepala + b"\n" + tanda + b"\n" + gzip.compress(json.dumps(isi).encode()))
    with pytest.raises(PaketDitolak, match="Tanda tangan paket"):
        paket.impor_paket(pusat, akun["rina"], diubah)
    assert sidik(pusat) == sebelum


def test_paket_instansi_lain_ditolak(pusat, akun, tmp_path):
    from bantu_bersama import AKUN, buat_templat

    lain = buat_templat(tmp_path / "lain.sqlite3")  # another office: other ids, other secret
    with Database(str(lain)) as db:
        agus_lain = AKUN(db)["agus"]
        ubah_target(db, agus_lain, "IKK.01", "18")
        paket.ekspor_paket(db, agus_lain, tmp_path / "lain.sakip-paket")
    sebelum = sidik(pusat)
    with pytest.raises(PaketDitolak, match="bukan dari instansi"):
        paket.impor_paket(pusat, akun["rina"], tmp_path / "lain.sakip-paket")
    assert sidik(pusat) == sebelum


def test_paket_dari_peran_yang_tidak_berwenang_ditolak(pusat, bidang, akun, tmp_path):
    from sakip_desktop.domain import Peran
    from sakip_desktop.services.pelaku import Pelaku

    # On the laptop someone made "agus" an administrator and changed another bidang's target.
    agus_admin = Pelaku("agus", Peran.ADMINISTRATOR)
    ubah_target(bidang, agus_admin, "IKK.23", "99")
    berkas = tmp_path / "ptk.sakip-paket"
    paket.ekspor_paket(bidang, agus_admin, berkas, bidang="PTK")
    sebelum = sidik(pusat)
    with pytest.raises(PaketDitolak, match="tidak berwenang"):
        paket.impor_paket(pusat, akun["rina"], berkas)
    assert sidik(pusat) == sebelum


def test_kabid_hanya_mengekspor_bidangnya(bidang, akun, tmp_path):
    with pytest.raises(AksesDitolak):
        paket.ekspor_paket(bidang, akun["agus"], tmp_path / "x.sakip-paket", bidang="PTK")
    with pytest.raises(AksesDitolak):
        paket.ekspor_paket(bidang, _pembaca(), tmp_path / "y")
    assert not (tmp_path / "x.sakip-paket").exists()


def _pembaca():
    from sakip_desktop.domain import Peran
    from sakip_desktop.services.pelaku import Pelaku

    return Pelaku("inspektorat", Peran.PEMBACA)


def test_paket_tidak_ada_atau_bukan_paket(pusat, akun, tmp_path):
    with pytest.raises(PaketDitolak, match="tidak ada"):
        paket.impor_paket(pusat, akun["rina"], tmp_path / "tidak-ada.sakip-paket")
    bukan = tmp_path / "bukan.sakip-paket"
    bukan.write_text("halo")
    with pytest.raises(PaketDitolak, match="bukan paket SAKIP"):
        paket.impor_paket(pusat, akun["rina"], Path(bukan))
