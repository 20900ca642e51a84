"""T-C.27 workbooks written by the tests: a Dinas Kesehatan Renstra 2016–2021.

`buat_tc27` writes the standard layout (title rows, a three-level header with merged
cells, a "(1) (2) …" row); ``tata`` "acak" writes the same rows with the columns shuffled,
other header texts, a two-level header and an extra column, which needs a mapping.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

TAHUN = [2017, 2018, 2019, 2020, 2021]

Baris = dict[str, Any]


def baris_dinkes() -> list[Baris]:
    """The rows of the test Renstra, in sheet order."""
    t = TAHUN
    return [
        {
            "tujuan": "Meningkatnya Derajat Kesehatan Masyarakat",
            "indikator": "Usia Harapan Hidup",
            "baseline": "71,5 tahun",
            "target": dict(
                zip(
                    t,
                    ["71,6 tahun", "71,7 tahun", "71,8 tahun", "71,9 tahun", "72 tahun"],
                    strict=True,
                )
            ),
        },
        {
            "sasaran": "Meningkatnya Status Kesehatan Ibu dan Anak",
            "indikator": "Jumlah Kematian Ibu",
            "baseline": "14 kasus",
            "target": dict(
                zip(t, ["13 kasus", "12 kasus", "11 kasus", "10 kasus", "9 kasus"], strict=True)
            ),
            "gabung_sasaran": 2,
        },
        {
            "indikator": "Persentase Balita Gizi Buruk",
            "baseline": Decimal("0.0150"),  # a number cell in percent format: 1,5%
            "target": {
                2017: "1,40 %",
                2018: "1,35%",
                2019: "1,28 %",
                2020: "0,9 - 1,1 %",
                2021: "0,80%",
            },
        },
        {
            "kode": "1.02.02",
            "uraian": "Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat",
            "indikator": "Persentase Puskesmas Terakreditasi",
            "target": dict(zip(t, ["60%", "70%", "80%", "90%", "100%"], strict=True)),
            "pagu": dict(
                zip(
                    t,
                    ["Rp 2.500.000.000", 2600000000, 2700000000, 2800000000, 2900000000],
                    strict=True,
                )
            ),
            "unit": "Bidang Pelayanan Kesehatan",
            "lokasi": "Kabupaten Lamongan",
        },
        {
            "kode": "1.02.02.2.02",
            "uraian": "Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah "
            "Kabupaten/Kota",
            "indikator": "Jumlah Ibu Hamil yang Mendapatkan Pelayanan Kesehatan Sesuai Standar",
            "target": dict(
                zip(
                    t,
                    ["1.100 orang", "1.150 orang", "1.200 orang", "1.250 orang", "1.300 orang"],
                    strict=True,
                )
            ),
            "pagu": dict(
                zip(t, [1341400000, 1400000000, 1450000000, 1500000000, 1550000000], strict=True)
            ),
            "unit": "Seksi Kesehatan Keluarga",
        },
        {
            "kode": "1.02.02.2.02.0001",
            "uraian": "Pengelolaan Pelayanan Kesehatan Ibu Hamil",
            "indikator": "Jumlah Ibu Hamil yang Mendapatkan Pelayanan Antenatal",
            "target": {
                2017: "192 orang",
                2018: "200 orang",
                2020: "220 orang",
                2021: "230 orang",
            },  # 2019 empty
            "pagu": {2017: 300000000, 2018: 310000000, 2020: 330000000, 2021: 340000000},
        },
        {
            "kode": "1.02.02.2.02.02",
            "uraian": "Pengelolaan Pelayanan Kesehatan Balita",
            "indikator": "Jumlah Balita yang Ditimbang",
            "target": dict(zip(t, ["2.700 balita"] * 5, strict=True)),
            "pagu": dict(zip(t, [125000000] * 5, strict=True)),
        },
        {
            "indikator": "Jumlah Posyandu yang Aktif",
            "target": dict(
                zip(
                    t,
                    ["45 posyandu", "46 posyandu", "47 posyandu", "48 posyandu", "49 posyandu"],
                    strict=True,
                )
            ),
        },
        {
            "sasaran": "Meningkatnya Tata Kelola Pemerintahan Dinas Kesehatan",
            "indikator": "Predikat SAKIP Dinas",
            "target": dict(zip(t, ["B", "B", "BB", "BB", "A"], strict=True)),
        },
        {
            "kode": "1.02.01",
            "uraian": "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
            "indikator": "Persentase Dokumen Perencanaan yang Tepat Waktu",
            "target": dict(zip(t, ["100%"] * 5, strict=True)),
            "pagu": dict(zip(t, [500000000] * 5, strict=True)),
        },
        {
            "kode": "1.02.01.2.01",
            "uraian": "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
            "indikator": "Jumlah Dokumen Perencanaan Perangkat Daerah",
            "target": dict(zip(t, ["3 dokumen"] * 5, strict=True)),
            "pagu": dict(zip(t, [75000000] * 5, strict=True)),
        },
    ]


KOLOM_STANDAR = ["tujuan", "sasaran", "kode", "uraian", "indikator", "baseline"]


def _tulis_nilai(ws: Any, r: int, c: int, nilai: Any) -> None:
    if isinstance(nilai, Decimal):
        sel = ws.cell(r, c, float(nilai))
        sel.number_format = "0.00%"
    elif nilai is not None:
        ws.cell(r, c, nilai)


def buat_tc27(
    path: Path,
    baris: list[Baris] | None = None,
    *,
    tata: str = "standar",
    urutan: list[str] | None = None,
    judul: str | None = "RENSTRA DINAS KESEHATAN KABUPATEN LAMONGAN TAHUN 2016-2021",
    tahun: list[int] | None = None,
    acak: int = 7,
) -> Path:
    """Write a T-C.27 workbook; ``tata`` "standar" or "acak" (shuffled, renamed, 2 levels)."""
    baris = baris_dinkes() if baris is None else baris
    tahun = tahun or TAHUN
    wb = Workbook()
    ws = wb.active
    ws.title = "T-C.27 Renstra"
    kolom: list[tuple[str, Any]] = [(k, None) for k in urutan or KOLOM_STANDAR]
    for th in tahun:
        kolom += [("target", th), ("pagu", th)]
    kolom += [("kondisi_target", None), ("kondisi_pagu", None)]
    kolom += [(k, None) for k in ("unit", "lokasi") if k not in (urutan or [])]
    if tata == "acak":
        kolom.append(("keterangan", None))
        random.Random(acak).shuffle(kolom)
    r0 = 1
    if judul:
        ws.cell(1, 1, "TABEL T-C.27")
        ws.cell(2, 1, judul)
        r0 = 4
    if tata == "standar":
        _kepala_standar(ws, r0, kolom, tahun)
        r_data = r0 + 4
    else:
        _kepala_acak(ws, r0, kolom)
        r_data = r0 + 2
    r = r_data
    for b in baris:
        for c, (k, th) in enumerate(kolom, start=1):
            if th is not None:
                _tulis_nilai(ws, r, c, b.get(k, {}).get(th))
            elif k == "kondisi_target":
                _tulis_nilai(ws, r, c, b.get("target", {}).get(tahun[-1]))
            elif k == "kondisi_pagu" and b.get("pagu"):
                angka = [
                    str(v).replace("Rp", "").replace(".", "").strip() for v in b["pagu"].values()
                ]
                ws.cell(r, c, sum(int(a) for a in angka if a.isdigit()))
            elif k in b:
                _tulis_nilai(ws, r, c, b[k])
        if b.get("gabung_sasaran"):
            c = next(i for i, (k, _) in enumerate(kolom, start=1) if k == "sasaran")
            ws.merge_cells(
                start_row=r, start_column=c, end_row=r + b["gabung_sasaran"] - 1, end_column=c
            )
        r += 1
    wb.save(path)
    return path


def _kepala_standar(ws: Any, r0: int, kolom: list[tuple[str, Any]], tahun: list[int]) -> None:
    judul = {
        "tujuan": "Tujuan",
        "sasaran": "Sasaran",
        "kode": "Kode",
        "uraian": "Program dan Kegiatan",
        "indikator": "Indikator Kinerja Tujuan, Sasaran, Program (outcome) dan Kegiatan (output)",
        "baseline": "Data Capaian pada Tahun Awal Perencanaan (2016)",
        "unit": "Unit Kerja Perangkat Daerah Penanggung Jawab",
        "lokasi": "Lokasi",
    }
    for c, (k, _) in enumerate(kolom, start=1):
        if k in judul:
            ws.cell(r0, c, judul[k])
            ws.merge_cells(start_row=r0, start_column=c, end_row=r0 + 2, end_column=c)
    c_awal = next(c for c, (k, _) in enumerate(kolom, start=1) if k == "target")
    c_kondisi = next(c for c, (k, _) in enumerate(kolom, start=1) if k == "kondisi_target")
    ws.cell(r0, c_awal, "Target Kinerja Program dan Kerangka Pendanaan")
    ws.merge_cells(start_row=r0, start_column=c_awal, end_row=r0, end_column=c_kondisi - 1)
    for i, th in enumerate(tahun):
        c = c_awal + 2 * i
        ws.cell(r0 + 1, c, f"Tahun-{i + 1} ({th})")
        ws.merge_cells(start_row=r0 + 1, start_column=c, end_row=r0 + 1, end_column=c + 1)
        ws.cell(r0 + 2, c, "target")
        ws.cell(r0 + 2, c + 1, "Rp")
    ws.cell(r0, c_kondisi, "Kondisi Kinerja pada akhir periode Renstra Perangkat Daerah")
    ws.merge_cells(start_row=r0, start_column=c_kondisi, end_row=r0 + 1, end_column=c_kondisi + 1)
    ws.cell(r0 + 2, c_kondisi, "target")
    ws.cell(r0 + 2, c_kondisi + 1, "Rp")
    for c in range(1, len(kolom) + 1):
        ws.cell(r0 + 3, c, f"({c})")


def _kepala_acak(ws: Any, r0: int, kolom: list[tuple[str, Any]]) -> None:
    """Other titles, two levels: a year over "Sasaran Kinerja | Pagu Indikatif"."""
    judul = {
        "tujuan": "Tujuan Strategis",
        "sasaran": "Sasaran Strategis",
        "kode": "Rekening",
        "uraian": "Nomenklatur",
        "indikator": "Indikator",
        "baseline": "Kondisi Awal",
        "kondisi_target": "Kondisi Akhir Target",
        "kondisi_pagu": "Kondisi Akhir Pagu Indikatif",
        "unit": "OPD Pelaksana",
        "lokasi": "Lokasi Kegiatan",
        "keterangan": "Keterangan",
    }
    for c, (k, th) in enumerate(kolom, start=1):
        if th is None:
            ws.cell(r0, c, judul[k])
            ws.merge_cells(start_row=r0, start_column=c, end_row=r0 + 1, end_column=c)
        else:
            ws.cell(r0, c, f"TA {th}")
            ws.cell(r0 + 1, c, "Sasaran Kinerja" if k == "target" else "Alokasi")


@pytest.fixture
def tc27() -> Callable[..., Path]:
    return buat_tc27


@pytest.fixture
def baris_contoh() -> Callable[[], list[Baris]]:
    return baris_dinkes


# --- looking at what is in the database --------------------------------------------------------


def hitung_semua(db: Any) -> dict[str, int]:
    """Rows of every table (the audit trail included): "nothing written" means all equal."""
    from sqlalchemy import func, select

    from sakip_desktop.model import Base

    with db.engine.connect() as conn:
        return {
            t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
            for t in Base.metadata.sorted_tables
        }


def potret(db: Any, opd: str) -> list[tuple[Any, ...]]:
    """An agency's Renstra as plain values: nodes in tree order with their indicators,
    Renstra targets in force and pagu — what two imports must agree on."""
    from sqlalchemy import select

    from sakip_desktop.domain import DokumenTarget
    from sakip_desktop.model import Anggaran, Renstra, Target
    from sakip_desktop.services.konteks import pilih_opd
    from sakip_desktop.services.pohon import muat_pohon, telusuri

    hasil: list[tuple[Any, ...]] = []
    with db.baca() as sesi:
        o = pilih_opd(sesi, opd)
        for renstra in sesi.scalars(select(Renstra).where(Renstra.opd_id == o.id)):
            hasil.append(("renstra", renstra.tahun_awal, renstra.tahun_akhir))
            for s in telusuri(muat_pohon(sesi, renstra)):
                n = s.node
                if n.renstra_id != renstra.id:
                    continue
                pagu = sorted(
                    (a.tahun, a.pagu)
                    for a in sesi.scalars(select(Anggaran).where(Anggaran.node_id == n.id))
                )
                induk = n.parent.uraian if n.parent is not None else None
                hasil.append((n.jenis.value, n.kode, n.uraian, induk, s.kedalaman, tuple(pagu)))
                for ind in n.indikator:
                    berlaku: dict[int, Target] = {}
                    for t in sesi.scalars(
                        select(Target).where(
                            Target.indikator_id == ind.id,
                            Target.dokumen == DokumenTarget.RENSTRA,
                            Target.triwulan == 0,
                        )
                    ):
                        if t.tahun not in berlaku or t.perubahan_ke > berlaku[t.tahun].perubahan_ke:
                            berlaku[t.tahun] = t
                    target = tuple(
                        (th, t.nilai, t.nilai_maks, t.nilai_teks)
                        for th, t in sorted(berlaku.items())
                    )
                    hasil.append(
                        (
                            "  indikator",
                            ind.kode,
                            ind.nama,
                            ind.satuan,
                            ind.jenis.value,
                            ind.baseline,
                            ind.baseline_tahun,
                            target,
                        )
                    )
    return hasil


@pytest.fixture
def hitung() -> Callable[[Any], dict[str, int]]:
    return hitung_semua


@pytest.fixture
def potret_opd() -> Callable[[Any, str], list[tuple[Any, ...]]]:
    return potret
