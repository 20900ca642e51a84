"""LKjIP: the 2019 draft holds the source's capaian figures and the chapters of PermenPANRB
53/2014; the narrative written per year is placed in the report; PDF is A4 with a table of
contents, page numbers, embedded fonts and vector charts; DOCX is editable."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

from sakip_desktop.cli.main import main
from sakip_desktop.domain import Peran
from sakip_desktop.errors import AksesDitolak, InputTidakSah
from sakip_desktop.services.konteks import pilih_opd
from sakip_desktop.services.lkjip import LayananLkjip
from sakip_desktop.services.lkjip_narasi import daftar_bagian, kunci_sasaran, simpan_narasi
from sakip_desktop.services.pelaku import Pelaku
from sakip_desktop.storage import Database

BAB = (
    "KATA PENGANTAR",
    "IKHTISAR EKSEKUTIF",
    "BAB I PENDAHULUAN",
    "BAB II PERENCANAAN KINERJA",
    "BAB III AKUNTABILITAS KINERJA",
    "BAB IV PENUTUP",
    "LAMPIRAN",
)


def _tulis_narasi(db: Database, pelaku: Pelaku, tahun: int, isian: dict[str, str]) -> int:
    with db.transaksi(pelaku) as sesi:
        return simpan_narasi(sesi, pelaku, pilih_opd(sesi).id, tahun, isian)


def _sasaran_pertama(db: Database, tahun: int) -> str:
    with db.baca() as sesi:
        bagian = daftar_bagian(sesi, pilih_opd(sesi), tahun)
    return next(b.node_id for b in bagian if b.node_id is not None)  # type: ignore[return-value]


def test_pdf_2019_angka_sumber_dan_bab(
    db_demo: Database, tmp_path: Path, teks_pdf: Callable[[Path], list[str]]
) -> None:
    pdf = tmp_path / "lkjip-2019.pdf"
    assert main(["--database", db_demo.url, "lkjip", "--year", "2019", "--out", str(pdf)]) == 0
    halaman = teks_pdf(pdf)
    semua = " ".join(halaman)
    for angka in ("220,49%", "100,83%", "103,21%", "2,69%", "1,22%", "4,86%", "2,25%"):
        assert angka in semua, angka
    for judul in BAB:
        assert judul in semua, judul
    assert "LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP) TAHUN 2019" in halaman[0]
    # the table of contents lists every chapter with the page it starts on (the text
    # extraction puts each entry's dot leader and page number before its label)
    daftar = next(h for h in halaman if h.startswith("DAFTAR ISI"))
    for judul in BAB:
        m = re.search(r"(\d+) " + re.escape(judul), daftar)
        assert m, judul
        assert judul in halaman[int(m.group(1)) - 1], (judul, m.group(1))
    n = len(halaman)
    assert all(f"Halaman {i} dari {n}" in h for i, h in enumerate(halaman, start=1))
    baca = PdfReader(pdf)
    assert all(abs(float(p.mediabox.width) - 595.3) < 1 for p in baca.pages)  # A4
    fon: set[tuple[str, bool]] = set()
    for p in baca.pages:
        for f in p["/Resources"].get("/Font", {}).values():
            f = f.get_object()
            desk = f.get("/FontDescriptor")
            fon.add((str(f["/BaseFont"]), desk is not None and "/FontFile2" in desk.get_object()))
    assert fon and all(tertanam for _, tertanam in fon), fon  # every font embedded
    assert any("LiberationSans" in nama for nama, _ in fon), fon
    # charts are drawn, not pasted: the BAB III pages carry no raster image
    bab3 = [i for i, h in enumerate(halaman) if "Grafik capaian indikator Sasaran" in h]
    assert bab3
    for i in bab3:
        xobj = baca.pages[i]["/Resources"].get("/XObject", {})
        assert not [x for x in xobj.values() if x.get_object().get("/Subtype") == "/Image"]


def test_narasi_tersimpan_per_tahun_masuk_laporan(
    db_demo: Database, perencana: Pelaku, tmp_path: Path, teks_pdf: Callable[[Path], list[str]]
) -> None:
    node = _sasaran_pertama(db_demo, 2019)
    n = _tulis_narasi(
        db_demo,
        perencana,
        2019,
        {
            "kata_pengantar": "Puji syukur kami panjatkan atas tersusunnya laporan ini.",
            kunci_sasaran(node, "sebab"): "Bursa kerja daring menambah penempatan.",
            "bab4.penutup": "",
        },
    )
    assert n == 2
    assert (
        _tulis_narasi(
            db_demo,
            perencana,
            2019,
            {"kata_pengantar": "Puji syukur kami panjatkan atas tersusunnya laporan ini."},
        )
        == 0
    )
    layanan = LayananLkjip(db_demo)
    pdf = layanan.tulis(2019, tmp_path / "a.pdf")
    teks = " ".join(teks_pdf(pdf))
    assert "Puji syukur kami panjatkan" in teks
    assert "Bursa kerja daring menambah penempatan." in teks
    assert "[Narasi belum diisi:" in teks  # the others still show their hint
    lain = " ".join(teks_pdf(layanan.tulis(2020, tmp_path / "b.pdf")))
    assert "Puji syukur" not in lain
    with db_demo.baca() as sesi:
        bagian = {b.kunci: b.isi for b in daftar_bagian(sesi, pilih_opd(sesi), 2019)}
    assert bagian["kata_pengantar"].startswith("Puji syukur")


def test_narasi_ditolak_utuh(db_demo: Database, perencana: Pelaku) -> None:
    with pytest.raises(InputTidakSah, match=r"bab9\.salah"):
        _tulis_narasi(db_demo, perencana, 2019, {"ikhtisar": "Isi", "bab9.salah": "x"})
    with pytest.raises(AksesDitolak):
        _tulis_narasi(db_demo, Pelaku("kasi", Peran.KASI), 2019, {"ikhtisar": "Isi"})
    with db_demo.baca() as sesi:
        assert all(not b.isi for b in daftar_bagian(sesi, pilih_opd(sesi), 2019))


def test_docx_dapat_disunting(db_demo: Database, perencana: Pelaku, tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    _tulis_narasi(db_demo, perencana, 2019, {"ikhtisar": "Ringkasan capaian tahun 2019."})
    path = tmp_path / "lkjip.docx"
    assert main(["--database", db_demo.url, "lkjip", "--year", "2019", "--out", str(path)]) == 0
    d = docx.Document(str(path))
    judul = [p.text for p in d.paragraphs if p.style.name.startswith("Heading")]
    for bab in BAB:
        assert bab in judul, bab
    teks = [p.text for p in d.paragraphs] + [
        c.text for t in d.tables for row in t.rows for c in row.cells
    ]
    assert "Ringkasan capaian tahun 2019." in teks
    assert "220,49%" in teks and "103,21%" in teks
    assert len(d.inline_shapes) >= 3  # one chart per sasaran (and the logo)


def test_format_keluaran_salah(db_demo: Database, tmp_path: Path) -> None:
    out = tmp_path / "lkjip.odt"
    assert main(["--database", db_demo.url, "lkjip", "--year", "2019", "--out", str(out)]) == 1
    assert not out.exists()
