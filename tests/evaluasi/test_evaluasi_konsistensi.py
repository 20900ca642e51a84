"""Konsistensi: the demo's documents agree; a changed target, budget or structure is found
and named with both values; the CLI exits non-zero and exports the matrix."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from sakip_desktop.cli.main import main
from sakip_desktop.domain import DokumenAnggaran, DokumenTarget
from sakip_desktop.kalkulasi import NilaiTarget
from sakip_desktop.model import Anggaran, BarisPK, NodeKinerja
from sakip_desktop.services.konsistensi import LayananKonsistensi
from sakip_desktop.services.pelaku import Pelaku
from sakip_desktop.services.pk import LayananPK
from sakip_desktop.services.target import simpan_target_rinci
from sakip_desktop.storage import Database


def _ubah_target_pk(db: Database, pelaku: Pelaku, ind: uuid.UUID, nilai: str) -> None:
    with db.transaksi(pelaku, alasan="uji: target PK diubah") as sesi:
        simpan_target_rinci(
            sesi, pelaku, ind, 2020, 0, DokumenTarget.PK, NilaiTarget(nilai=Decimal(nilai))
        )


def test_demo_2020_konsisten(db_demo: Database) -> None:
    h = LayananKonsistensi(db_demo).periksa(2020)
    assert h.konsisten, [t.pesan for t in h.temuan]
    kode = {b.kode: b for b in h.baris}
    iku1 = kode["IKU.1"]
    assert {k: s.teks for k, s in iku1.sel.items()} == {
        "renstra": "1,28%",
        "iku": "1,28%",
        "pk": "1,28%",
        "iki": "1,28%",
        "renja": "1,28%",
    }
    assert kode["IKT.1"].sel["renstra"].teks == "95,92%–96,89%"
    assert [k for k, _ in h.kolom] == ["renstra", "iku", "pk", "iki", "renja"]
    pelatihan = next(a for a in h.anggaran if a.kode == "2.07.01.2.02")
    assert pelatihan.dpa == Decimal("1341400000") and not pelatihan.beda


def test_target_pk_diubah_ditemukan_dengan_kedua_nilai(
    db_demo: Database, perencana: Pelaku, indikator: Callable[[str], uuid.UUID]
) -> None:
    _ubah_target_pk(db_demo, perencana, indikator("IKU.1"), "1.50")
    h = LayananKonsistensi(db_demo).periksa(2020)
    assert not h.konsisten
    assert len(h.temuan) == 1
    t = h.temuan[0]
    assert t.jenis == "target" and t.kode == "IKU.1"
    assert "1,28%" in t.pesan and "1,50%" in t.pesan
    assert dict(t.nilai) == {"Renstra, Renja": "1,28%", "IKU, PK, IKI": "1,50%"}
    with db_demo.baca() as sesi:
        node = sesi.get(NodeKinerja, t.node_id)
        assert node is not None and node.kode == "S.1"
    baris = next(b for b in h.baris if b.kode == "IKU.1")
    assert baris.sel["pk"].beda and baris.sel["pk"].acuan == "Renstra 1,28%"
    assert not baris.sel["renstra"].beda and not baris.sel["renja"].beda


def test_pk_perubahan_dicatat_dengan_nilai_semula(
    db_demo: Database, perencana: Pelaku, indikator: Callable[[str], uuid.UUID]
) -> None:
    with db_demo.transaksi(perencana) as sesi:
        simpan_target_rinci(
            sesi,
            perencana,
            indikator("IKP.01"),
            2020,
            0,
            DokumenTarget.PK,
            NilaiTarget(nilai=Decimal(150)),
            alasan="Refocusing",
            perubahan=True,
        )
    h = LayananKonsistensi(db_demo).periksa(2020)
    sel = next(b for b in h.baris if b.kode == "IKP.01").sel["pk"]
    assert sel.teks == "150 orang" and sel.beda
    assert sel.catatan == "perubahan ke-1; semula 192 orang"
    assert "Renstra, Renja 192 orang" in h.temuan[0].pesan


def test_pk_ditandatangani_dibanding_target_dan_pagu(
    db_demo: Database,
    perencana: Pelaku,
    indikator: Callable[[str], uuid.UUID],
    jabatan: Callable[[str], uuid.UUID],
) -> None:
    pk_layanan = LayananPK(db_demo)
    kadis = jabatan("Kepala Dinas Tenaga Kerja")
    d = pk_layanan.susun(perencana, kadis, 2020, tanggal=date(2020, 1, 2))
    assert d.id is not None
    pk_layanan.tandatangani(perencana, d.id)
    assert LayananKonsistensi(db_demo).periksa(2020).konsisten
    _ubah_target_pk(db_demo, perencana, indikator("IKU.2"), "6")
    h = LayananKonsistensi(db_demo).periksa(2020)
    baris = next(b for b in h.baris if b.kode == "IKU.2")
    assert baris.sel["pk_ttd"].teks == "5,15%" and not baris.sel["pk_ttd"].beda
    assert baris.sel["pk"].teks == "6%" and baris.sel["pk"].beda
    assert "PK ditandatangani" in dict(h.kolom).values()
    # the signed PK printed a program's pagu; a later change of the DPA is found
    with db_demo.transaksi(perencana) as sesi:
        keg = sesi.scalars(select(NodeKinerja).where(NodeKinerja.kode == "2.07.01.2.02")).one()
        a = sesi.scalars(select(Anggaran).where(Anggaran.node_id == keg.id)).one()
        a.pagu = Decimal("1400000000")
    h = LayananKonsistensi(db_demo).periksa(2020)
    pesan = [t.pesan for t in h.temuan if t.jenis == "anggaran"]
    assert any("Rp 1.751.400.000" in p and "Rp 1.810.000.000" in p for p in pesan), pesan


def test_anggaran_renja_rka_dpa_dan_struktur(db_demo: Database, perencana: Pelaku) -> None:
    with db_demo.transaksi(perencana) as sesi:
        keg = sesi.scalars(select(NodeKinerja).where(NodeKinerja.kode == "2.07.01.2.04")).one()
        sesi.add(
            Anggaran(node=keg, tahun=2020, dokumen=DokumenAnggaran.RKA, pagu=Decimal("140000000"))
        )
        sasaran = sesi.scalars(select(NodeKinerja).where(NodeKinerja.kode == "S.1")).one()
        pindah = sesi.scalars(select(NodeKinerja).where(NodeKinerja.kode == "2.07.01.2.01")).one()
        pindah.parent_id = sasaran.id
    h = LayananKonsistensi(db_demo).periksa(2020)
    jenis = {t.jenis: t for t in h.temuan}
    assert set(jenis) == {"anggaran", "struktur"}
    assert "RKA Rp 140.000.000" in jenis["anggaran"].pesan
    assert "DPA Rp 150.000.000" in jenis["anggaran"].pesan
    assert "kegiatan ini berada di bawah sasaran, bukan di bawah program" in jenis["struktur"].pesan
    baris = next(a for a in h.anggaran if a.kode == "2.07.01.2.04")
    assert baris.rka == Decimal("140000000") and baris.dpa == Decimal("150000000") and baris.beda


def test_baris_pk_tanpa_node(
    db_demo: Database, perencana: Pelaku, jabatan: Callable[[str], uuid.UUID]
) -> None:
    pk_layanan = LayananPK(db_demo)
    d = pk_layanan.susun(perencana, jabatan("Kepala Dinas Tenaga Kerja"), 2020)
    assert d.id is not None
    with db_demo.transaksi(perencana) as sesi:
        b = sesi.scalars(
            select(BarisPK).where(BarisPK.pk_id == d.id, BarisPK.bagian == "kinerja")
        ).first()
        assert b is not None
        b.node_id = None
        uraian = b.indikator_teks
    h = LayananKonsistensi(db_demo).periksa(2020)
    assert [t.jenis for t in h.temuan] == ["pk"]
    assert uraian in h.temuan[0].pesan and "node dihapus" in h.temuan[0].pesan


def test_cli_keluar_bukan_nol_dan_ekspor(
    db_demo: Database,
    perencana: Pelaku,
    indikator: Callable[[str], uuid.UUID],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    teks_pdf: Callable[[Path], list[str]],
) -> None:
    url = db_demo.url
    assert main(["--database", url, "konsistensi", "--year", "2020"]) == 0
    assert "semua dokumen konsisten" in capsys.readouterr().out
    _ubah_target_pk(db_demo, perencana, indikator("IKU.1"), "1.50")
    out = tmp_path / "konsistensi.xlsx"
    kode = main(["--database", url, "konsistensi", "--year", "2020", "--json", "--out", str(out)])
    assert kode == 3
    keluaran = capsys.readouterr().out
    data = json.loads(keluaran[keluaran.index("{") :])
    assert data["konsisten"] is False and data["jumlah_temuan"] == 1
    assert {n["nilai"] for n in data["temuan"][0]["nilai"]} == {"1,28%", "1,50%"}
    wb = load_workbook(out)
    assert wb.sheetnames == ["Konsistensi target", "Konsistensi anggaran"]
    sel = [str(c.value) for row in wb["Konsistensi target"].iter_rows() for c in row if c.value]
    assert "1,50% ≠ Renstra 1,28%" in sel
    pdf = tmp_path / "konsistensi.pdf"
    assert main(["--database", url, "konsistensi", "--year", "2020", "--out", str(pdf)]) == 3
    teks = " ".join(teks_pdf(pdf))
    assert "KONSISTENSI MATRIK RENSTRA" in teks and "TIDAK SESUAI" in teks
    assert (tmp_path / "konsistensi-anggaran.pdf").exists()
