"""Proses bisnis: the outline of the source, the core process mapped to the tree."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from sakip_desktop.domain import JenisProses, Peran
from sakip_desktop.errors import AksesDitolak, InputTidakSah
from sakip_desktop.model import NodeKinerja, ProsesBisnis, Sop
from sakip_desktop.reports.pohon_pdf import tulis_pdf_pohon
from sakip_desktop.services.diagram_pohon import tumpang_tindih
from sakip_desktop.services.pelaku import SISTEM, Pelaku
from sakip_desktop.services.proses import DataProses, LayananProses, telusuri
from sakip_desktop.storage import Database


def node(db: Database, kode: str) -> NodeKinerja:
    with db.baca() as sesi:
        return sesi.scalars(select(NodeKinerja).where(NodeKinerja.kode == kode)).one()


def test_outline_demo_tiga_jenis_proses(db_demo: Database) -> None:
    outline = LayananProses(db_demo).outline()
    assert [s.uraian for s in outline[JenisProses.MANAJEMEN]] == [
        "Pengelolaan Kinerja dan Anggaran",
        "Kepatuhan Internal",
        "Pengelolaan Risiko",
    ]
    assert len(outline[JenisProses.PENDUKUNG]) == 5
    inti = outline[JenisProses.INTI]
    assert [s.uraian for s in inti] == ["Meningkatnya Penduduk yang Bekerja"]
    assert [s.uraian for s in inti[0].anak] == [
        "Meningkatnya Penempatan Kerja",
        "Meningkatnya Perlindungan Pekerja",
        "Meningkatnya Kesejahteraan Pekerja",
    ]
    assert max(s.kedalaman for s in telusuri(inti)) == 3  # Level 1 → Level 4


def test_proses_inti_terpetakan_ke_node_level_1_sampai_4(db_demo: Database) -> None:
    inti = list(telusuri(LayananProses(db_demo).outline()[JenisProses.INTI]))
    terpetakan = [s for s in inti if s.node_id is not None]
    assert len(terpetakan) == len(inti) - 1  # the UMK program line has no node of its own
    assert {s.node_level for s in terpetakan} == {1, 2, 3, 4}
    pasangan = {s.uraian: s.node_kode for s in terpetakan}
    assert pasangan["Meningkatnya Penempatan Kerja"] == "S.1"
    assert pasangan["Peningkatan Pelatihan"] == "2.07.01.2.02"
    assert pasangan["Penetapan Upah Minimum Kabupaten (UMK)"] == "2.07.05.2.01"
    # the node's own level follows the outline's depth, except the transmigration line
    for s in terpetakan:
        if s.uraian != "Peningkatan Perluasan Kesempatan Kerja (Transmigrasi)":
            assert s.node_level == s.kedalaman + 1, s.uraian


def test_peta_proses_dibaca_dari_pohon_bukan_diketik_ulang(db_demo: Database) -> None:
    layanan = LayananProses(db_demo)
    s1 = node(db_demo, "S.1")
    baris = {b.uraian: b for b in layanan.peta()}
    b = baris["Meningkatnya Penempatan Kerja"]
    assert (b.level, b.kode, b.pernyataan) == (2, "S.1", "Meningkatnya Penempatan Kerja")
    assert b.indikator == ("IKU.1 Persentase Peningkatan Penempatan Kerja di Sektor Formal",)
    assert b.pemilik == "Kepala Dinas Tenaga Kerja"
    # rename the sasaran in the tree: the map shows the new statement at once
    with db_demo.transaksi(SISTEM) as sesi:
        sesi.get(NodeKinerja, s1.id).uraian = "Meningkatnya Penempatan Kerja Formal"
    b = {x.uraian: x for x in layanan.peta()}["Meningkatnya Penempatan Kerja"]
    assert b.pernyataan == "Meningkatnya Penempatan Kerja Formal"
    assert layanan.untuk_node(s1.id) == ["Meningkatnya Penempatan Kerja"]


def test_peta_proses_digambar_dengan_penyaji_pohon(db_demo: Database, tmp_path: Path) -> None:
    layanan = LayananProses(db_demo)
    tata = layanan.tata_letak_peta()
    inti = list(telusuri(layanan.outline()[JenisProses.INTI]))
    assert len(tata.kotak) == len(inti) == 22
    assert tumpang_tindih(tata.kotak) == []
    kotak = {k.pernyataan: k for k in tata.kotak}
    baris = kotak["Peningkatan Pelatihan"].baris
    assert baris[0].teks == "Level 4 · Kegiatan 2.07.01.2.02"
    node = " ".join(b.teks for b in baris if b.gaya == "target")
    assert (
        node == "Node: Pembinaan dan Pelatihan Keterampilan Kerja bagi Tenaga Kerja dan Masyarakat"
    )
    indikator = " ".join(b.teks for b in baris if b.gaya == "indikator")
    assert indikator.startswith("IKK.02 Jumlah Masyarakat yang Mengikuti Pelatihan")
    assert " ".join(b.teks for b in baris if b.gaya == "pemilik") == (
        "Kepala Seksi Penyelenggaraan Pelatihan"
    )
    assert tulis_pdf_pohon(tata, tmp_path / "proses.pdf").halaman == 1
    teks = " ".join((PdfReader(tmp_path / "proses.pdf").pages[0].extract_text() or "").split())
    assert "Peta Proses Bisnis Inti" in teks
    for s in inti:
        assert s.uraian in teks


def test_pemetaan_ditolak_untuk_node_level_5_dan_proses_bukan_inti(db_demo: Database) -> None:
    layanan = LayananProses(db_demo)
    with db_demo.baca() as sesi:
        rhk = sesi.scalars(
            select(NodeKinerja).where(NodeKinerja.jenis == "rencana_hasil_kerja").limit(1)
        ).one()
    with pytest.raises(InputTidakSah, match="level 1–4"):
        layanan.tambah(SISTEM, JenisProses.INTI, DataProses("Tugas staf", node_id=rhk.id))
    with pytest.raises(InputTidakSah, match="Hanya proses bisnis inti"):
        layanan.tambah(
            SISTEM, JenisProses.PENDUKUNG, DataProses("Anggaran", node_id=node(db_demo, "S.1").id)
        )
    with pytest.raises(AksesDitolak):
        layanan.tambah(Pelaku("kasi", Peran.KASI), JenisProses.MANAJEMEN, DataProses("Rapat"))


def test_tambah_ubah_pindah_dan_hapus_baris(db_demo: Database) -> None:
    layanan = LayananProses(db_demo)
    manajemen = layanan.outline()[JenisProses.MANAJEMEN]
    baru = layanan.tambah(SISTEM, JenisProses.MANAJEMEN, DataProses("Evaluasi Internal"))
    anak = layanan.tambah(SISTEM, JenisProses.MANAJEMEN, DataProses("Monev SAKIP"), parent_id=baru)
    assert [s.uraian for s in layanan.outline()[JenisProses.MANAJEMEN]][-1] == "Evaluasi Internal"
    layanan.pindah(SISTEM, baru, -1)
    urut = [s.uraian for s in layanan.outline()[JenisProses.MANAJEMEN]]
    assert urut == [*(s.uraian for s in manajemen[:2]), "Evaluasi Internal", manajemen[2].uraian]
    # move the child under "Kepatuhan Internal", first place
    layanan.pindah_ke(SISTEM, anak, manajemen[1].id, 0)
    kepatuhan = layanan.outline()[JenisProses.MANAJEMEN][1]
    assert [a.uraian for a in kepatuhan.anak] == ["Monev SAKIP"]
    with pytest.raises(InputTidakSah, match="dirinya sendiri"):
        layanan.pindah_ke(SISTEM, manajemen[1].id, anak)
    inti = layanan.outline()[JenisProses.INTI][0]
    with pytest.raises(InputTidakSah, match="jenis proses yang sama"):
        layanan.pindah_ke(SISTEM, anak, inti.id)
    layanan.ubah(SISTEM, anak, DataProses("Monev SAKIP internal", "Triwulanan"))
    kepatuhan = layanan.outline()[JenisProses.MANAJEMEN][1]
    assert (kepatuhan.anak[0].uraian, kepatuhan.anak[0].keterangan) == (
        "Monev SAKIP internal",
        "Triwulanan",
    )
    # deleting a line deletes its children; an SOP serving it keeps existing, unlinked
    with db_demo.transaksi(SISTEM) as sesi:
        sop = sesi.scalars(select(Sop).limit(1)).one()
        sop.proses_id = anak
    assert layanan.hapus(SISTEM, manajemen[1].id) == 2
    with db_demo.baca() as sesi:
        assert sesi.get(Sop, sop.id).proses_id is None
        jumlah = sesi.scalar(
            select(func.count()).select_from(ProsesBisnis).where(ProsesBisnis.jenis == "manajemen")
        )
        urutan = sesi.scalars(
            select(ProsesBisnis.urutan)
            .where(ProsesBisnis.jenis == "manajemen", ProsesBisnis.parent_id.is_(None))
            .order_by(ProsesBisnis.urutan)
        ).all()
    assert jumlah == 3 and urutan == [0, 1, 2]
    assert [s.uraian for s in layanan.outline()[JenisProses.MANAJEMEN]] == [
        "Pengelolaan Kinerja dan Anggaran",
        "Evaluasi Internal",
        "Pengelolaan Risiko",
    ]
