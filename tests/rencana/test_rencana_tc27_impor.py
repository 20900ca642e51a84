"""A standard T-C.27 sheet with merged headers becomes the expected tree, targets and pagu;
importing it again changes nothing; the import is recorded with who and which file."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from sakip_desktop.domain import DokumenAnggaran, DokumenTarget, JenisIndikator, JenisNode, Peran
from sakip_desktop.errors import AksesDitolak
from sakip_desktop.model import Anggaran, Indikator, JejakAudit, NodeKinerja, Opd, Renstra, Target
from sakip_desktop.services.pelaku import Pelaku
from sakip_desktop.services.tc27 import impor_rencana, pratinjau_impor
from sakip_desktop.storage import Database

PERENCANA = Pelaku("rina", Peran.PERENCANA, nama="Rina Perencana")


def _node(db: Database, kode_atau_uraian: str) -> NodeKinerja:
    with db.baca() as sesi:
        node = sesi.scalar(
            select(NodeKinerja).where(
                (NodeKinerja.kode == kode_atau_uraian) | (NodeKinerja.uraian == kode_atau_uraian)
            )
        )
        assert node is not None, kode_atau_uraian
        return node


def _target(db: Database, nama_indikator: str) -> dict[int, Target]:
    with db.baca() as sesi:
        ind = sesi.scalars(select(Indikator).where(Indikator.nama == nama_indikator)).one()
        return {  # the revision in force last
            t.tahun: t
            for t in sesi.scalars(
                select(Target)
                .where(Target.indikator_id == ind.id, Target.dokumen == DokumenTarget.RENSTRA)
                .order_by(Target.perubahan_ke)
            )
        }


def test_pratinjau_menghitung_pohon_tanpa_menulis(db, tc27, tmp_path: Path, hitung) -> None:
    berkas = tc27(tmp_path / "renstra-dinkes.xlsx")
    sebelum = hitung(db)
    prat = pratinjau_impor(db, berkas, opd="Dinas Kesehatan")
    assert hitung(db) == sebelum
    assert prat.opd_baru and not prat.renstra_ada and prat.bisa_diimpor
    assert prat.periode == (2016, 2021)
    assert prat.pemetaan is not None and prat.pemetaan.sumber == "otomatis"
    assert prat.pemetaan.baris_kepala == (4, 6) and prat.pemetaan.baris_data == 8
    jumlah = {k: sum(v.values()) for k, v in prat.jumlah().items()}
    assert jumlah == {
        "tujuan": 1,
        "sasaran": 2,
        "program": 2,
        "kegiatan": 2,
        "sub_kegiatan": 2,
        "indikator": 11,
    }
    assert all(set(v) <= {"baru"} for v in prat.jumlah().values())
    assert prat.masalah == []
    teks = prat.teks()
    assert "Sub kegiatan: 2 (2 baru)" in teks and "Periode Renstra 2016–2021" in teks


def test_impor_standar_menjadi_pohon_target_dan_pagu(db_demo, tc27, tmp_path: Path) -> None:
    berkas = tc27(tmp_path / "renstra-dinkes.xlsx")
    hasil = impor_rencana(db_demo, PERENCANA, berkas, opd="Dinas Kesehatan", singkatan="Dinkes")
    assert hasil.jumlah["target"] == 54 and hasil.jumlah["pagu"] == 29
    with db_demo.baca() as sesi:
        opd = sesi.scalars(select(Opd).where(Opd.nama == "Dinas Kesehatan")).one()
        assert opd.singkatan == "Dinkes" and opd.pemda.nama == "Kabupaten Lamongan"
        renstra = sesi.scalars(select(Renstra).where(Renstra.opd_id == opd.id)).one()
        assert (renstra.tahun_awal, renstra.tahun_akhir) == (2016, 2021)
    # the hierarchy: from the codes (two- and four-digit sub kegiatan) and the row order
    tujuan = _node(db_demo, "Meningkatnya Derajat Kesehatan Masyarakat")
    sasaran = _node(db_demo, "Meningkatnya Status Kesehatan Ibu dan Anak")
    assert tujuan.jenis is JenisNode.TUJUAN and tujuan.parent_id is None
    assert sasaran.jenis is JenisNode.SASARAN and sasaran.parent_id == tujuan.id
    program = _node(db_demo, "1.02.02")
    kegiatan = _node(db_demo, "1.02.02.2.02")
    sub4 = _node(db_demo, "1.02.02.2.02.0001")
    sub2 = _node(db_demo, "1.02.02.2.02.02")
    assert program.jenis is JenisNode.PROGRAM and program.parent_id == sasaran.id
    assert kegiatan.jenis is JenisNode.KEGIATAN and kegiatan.parent_id == program.id
    assert sub4.jenis is sub2.jenis is JenisNode.SUB_KEGIATAN
    assert sub4.parent_id == sub2.parent_id == kegiatan.id
    penunjang = _node(db_demo, "1.02.01")
    assert (
        penunjang.parent_id
        == _node(db_demo, "Meningkatnya Tata Kelola Pemerintahan Dinas Kesehatan").id
    )
    # several indicators on consecutive rows (a merged sasaran cell; a repeated-less row)
    with db_demo.baca() as sesi:
        nama = [i.nama for i in sesi.get(NodeKinerja, sasaran.id).indikator]
        assert nama == ["Jumlah Kematian Ibu", "Persentase Balita Gizi Buruk"]
        nama2 = [i.nama for i in sesi.get(NodeKinerja, sub2.id).indikator]
        assert nama2 == ["Jumlah Balita yang Ditimbang", "Jumlah Posyandu yang Aktif"]
        gizi = sesi.scalars(
            select(Indikator).where(Indikator.nama == "Persentase Balita Gizi Buruk")
        ).one()
        assert gizi.satuan == "%" and gizi.baseline == Decimal("1.5")
        assert gizi.baseline_tahun == 2016
        uhh = sesi.scalars(select(Indikator).where(Indikator.nama == "Usia Harapan Hidup")).one()
        assert uhh.satuan == "tahun" and uhh.baseline == Decimal("71.5")
        sakip = sesi.scalars(
            select(Indikator).where(Indikator.nama == "Predikat SAKIP Dinas")
        ).one()
        assert sakip.jenis is JenisIndikator.PREDIKAT
    # targets with units inside the cell, a range, an empty year, predicates
    gizi_t = _target(db_demo, "Persentase Balita Gizi Buruk")
    assert gizi_t[2019].nilai == Decimal("1.28")
    assert (gizi_t[2020].nilai, gizi_t[2020].nilai_maks) == (Decimal("0.9"), Decimal("1.1"))
    ibu = _target(db_demo, "Jumlah Ibu Hamil yang Mendapatkan Pelayanan Kesehatan Sesuai Standar")
    assert ibu[2020].nilai == Decimal("1250")
    antenatal = _target(db_demo, "Jumlah Ibu Hamil yang Mendapatkan Pelayanan Antenatal")
    assert sorted(antenatal) == [2017, 2018, 2020, 2021]  # 2019 is empty, not zero
    assert antenatal[2017].nilai == Decimal("192")
    assert _target(db_demo, "Predikat SAKIP Dinas")[2021].nilai_teks == "A"
    # pagu: a text "Rp 2.500.000.000" and numbers; kept as the Renstra's indicative pagu
    with db_demo.baca() as sesi:
        pagu = {
            a.tahun: a for a in sesi.scalars(select(Anggaran).where(Anggaran.node_id == program.id))
        }
        assert pagu[2017].pagu == Decimal("2500000000") and pagu[2021].pagu == Decimal("2900000000")
        assert pagu[2017].dokumen is DokumenAnggaran.RENJA
        keg = {
            a.tahun: a.pagu
            for a in sesi.scalars(select(Anggaran).where(Anggaran.node_id == kegiatan.id))
        }
        assert keg[2017] == Decimal("1341400000")
        # the responsible unit and the location are kept on the node
        assert "Penanggung jawab: Bidang Pelayanan Kesehatan" in (program.keterangan or "")
        assert "Lokasi: Kabupaten Lamongan" in (program.keterangan or "")


def test_impor_ulang_tidak_mengubah_apa_pun(db, tc27, tmp_path: Path, hitung) -> None:
    berkas = tc27(tmp_path / "renstra-dinkes.xlsx")
    impor_rencana(db, PERENCANA, berkas, opd="Dinas Kesehatan", singkatan="Dinkes")
    sebelum = hitung(db)
    prat = pratinjau_impor(db, berkas, opd="Dinkes")
    assert prat.renstra_ada and prat.tanpa_perubahan and not prat.perlu_konfirmasi
    assert all(v == {"sama": v["sama"]} for v in prat.jumlah().values() if v)
    hasil = impor_rencana(db, PERENCANA, berkas, opd="Dinkes")
    assert not hasil.berubah
    assert hitung(db) == sebelum  # not even an audit row


def test_impor_tercatat_siapa_dan_berkas_apa(db, tc27, tmp_path: Path) -> None:
    berkas = tc27(tmp_path / "renstra-dinkes-2016.xlsx")
    impor_rencana(db, PERENCANA, berkas, opd="Dinas Kesehatan", pemda="Kabupaten Lamongan")
    with db.baca() as sesi:
        jejak = sesi.scalars(
            select(JejakAudit).where(
                JejakAudit.alasan == "Impor rencana dari renstra-dinkes-2016.xlsx"
            )
        ).all()
        assert {j.pengguna for j in jejak} == {"rina"}
        tabel = {j.tabel for j in jejak}
        assert {"opd", "renstra", "node_kinerja", "indikator", "target", "anggaran"} <= tabel


def test_hanya_admin_dan_perencana_boleh_mengimpor(db, tc27, tmp_path: Path, hitung) -> None:
    berkas = tc27(tmp_path / "renstra-dinkes.xlsx")
    sebelum = hitung(db)
    with pytest.raises(AksesDitolak, match="mengimpor rencana"):
        impor_rencana(
            db,
            Pelaku("kasi", Peran.KASI),
            berkas,
            opd="Dinas Kesehatan",
            pemda="Kabupaten Lamongan",
        )
    assert hitung(db) == sebelum


def test_periode_berikutnya_menjadi_renstra_baru(db, tc27, baris_contoh, tmp_path: Path) -> None:
    """2016–2021 then 2021–2026: sharing one boundary year is the next Renstra, not a change."""
    impor_rencana(
        db, PERENCANA, tc27(tmp_path / "lama.xlsx"), opd="Dinas Kesehatan", singkatan="Dinkes"
    )
    tahun = [2022, 2023, 2024, 2025, 2026]
    baris = baris_contoh()
    for b in baris:
        for k in ("target", "pagu"):
            if k in b:
                b[k] = {t + 5: v for t, v in b[k].items()}
    baru = tc27(
        tmp_path / "baru.xlsx",
        baris,
        tahun=tahun,
        judul="RENSTRA DINAS KESEHATAN KABUPATEN LAMONGAN TAHUN 2021-2026",
    )
    prat = pratinjau_impor(db, baru, opd="Dinkes")
    assert prat.periode == (2021, 2026) and not prat.renstra_ada and prat.bisa_diimpor
    impor_rencana(db, PERENCANA, baru, opd="Dinkes")
    with db.baca() as sesi:
        periode = sorted(
            (r.tahun_awal, r.tahun_akhir)
            for r in sesi.scalars(select(Renstra).join(Opd).where(Opd.singkatan == "Dinkes"))
        )
    assert periode == [(2016, 2021), (2021, 2026)]


def test_yang_tidak_ada_di_berkas_dibiarkan(db, tc27, baris_contoh, tmp_path: Path) -> None:
    impor_rencana(
        db, PERENCANA, tc27(tmp_path / "a.xlsx"), opd="Dinas Kesehatan", singkatan="Dinkes"
    )
    baris = baris_contoh()
    del baris[7]  # the second indicator of sub kegiatan 1.02.02.2.02.02
    baris[3]["target"][2021] = "95%"
    berkas = tc27(tmp_path / "b.xlsx", baris)
    prat = pratinjau_impor(db, berkas, opd="Dinkes")
    assert prat.perlu_konfirmasi
    tetap = [str(p) for p in prat.perubahan if p.aksi == "tetap"]
    assert tetap == [
        "= Sub Kegiatan 1.02.02.2.02.02 'Pengelolaan Pelayanan Kesehatan Balita' › indikator "
        "'Jumlah Posyandu yang Aktif': tidak ada di berkas, dibiarkan"
    ]
    impor_rencana(db, PERENCANA, berkas, opd="Dinkes", konfirmasi=True)
    assert _target(db, "Jumlah Posyandu yang Aktif")[2021].nilai == Decimal("49")
    assert _target(db, "Persentase Puskesmas Terakreditasi")[2021].nilai == Decimal("95")
