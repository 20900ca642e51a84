"""Writing an agency's Renstra back to the T-C.27 layout (Permendagri 86/2017).

The sheet is the one the importer reads without a mapping: title rows naming the period,
a three-level header with merged cells, a "(1) (2) …" row, then one row per indicator.
Targets are the Renstra's (the revision in force), written with their unit inside the
cell ("1,28%", "192 orang"); the Rp columns hold the node's pagu (DPA, else RKA, else the
Renstra/Renja pagu). Import → export → import gives the same plan.
"""

from __future__ import annotations

import math
import uuid
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ...domain import DokumenAnggaran, DokumenTarget, JenisNode
from ...model import Anggaran, Indikator, NodeKinerja, Opd, Renstra, Target
from ..anggaran import URUTAN_DOKUMEN_ANGGARAN
from .nilai import teks_target
from .rencana import TINGKAT, NilaiImpor
from .sinkron import LABEL_LOKASI, baca_keterangan, penanggung_jawab

JUDUL_KOLOM = {
    "tujuan": "Tujuan",
    "sasaran": "Sasaran",
    "kode": "Kode",
    "uraian": "Program dan Kegiatan",
    "indikator": "Indikator Kinerja Tujuan, Sasaran, Program (outcome) dan Kegiatan (output)",
    "baseline": "Data Capaian pada Tahun Awal Perencanaan",
    "pendanaan": "Target Kinerja Program dan Kerangka Pendanaan",
    "kondisi": "Kondisi Kinerja pada Akhir Periode Renstra Perangkat Daerah",
    "unit": "Perangkat Daerah Penanggung Jawab",
    "lokasi": "Lokasi",
}
BARIS_KEPALA = 5
_TIPIS = Side(style="thin")
_BINGKAI = Border(left=_TIPIS, right=_TIPIS, top=_TIPIS, bottom=_TIPIS)


def _uang(x: Decimal) -> int | float:
    return int(x) if x == x.to_integral_value() else float(x)


def _pohon(sesi: Session, renstra: Renstra) -> list[tuple[NodeKinerja, int]]:
    """The plan's T-C.27 nodes in print order; programs under no sasaran come first."""
    nodes = sesi.scalars(
        select(NodeKinerja)
        .where(NodeKinerja.renstra_id == renstra.id)
        .options(selectinload(NodeKinerja.indikator), selectinload(NodeKinerja.pemilik))
        .order_by(NodeKinerja.urutan, NodeKinerja.kode, NodeKinerja.uraian)
    ).all()
    ids = {n.id for n in nodes}
    anak: dict[uuid.UUID | None, list[NodeKinerja]] = defaultdict(list)
    for n in nodes:
        anak[n.parent_id if n.parent_id in ids else None].append(n)
    hasil: list[tuple[NodeKinerja, int]] = []

    def jalan(n: NodeKinerja, d: int) -> None:
        if n.jenis not in TINGKAT:
            return
        hasil.append((n, d))
        for a in anak.get(n.id, []):
            jalan(a, d + 1)

    akar = anak.get(None, [])
    for n in sorted(akar, key=lambda n: n.jenis in (JenisNode.TUJUAN, JenisNode.SASARAN)):
        jalan(n, 0)
    return hasil


def _tahun_terisi(renstra: Renstra, terisi: set[int]) -> list[int]:
    """The Renstra's years from the first one with a target or pagu (a period that counts
    its baseline year, like 2016–2021 with targets from 2017, prints Tahun-1 = 2017)."""
    tahun = list(renstra.tahun)
    while len(tahun) > 1 and tahun[0] not in terisi:
        tahun.pop(0)
    return tahun


def _tinggi_baris(ws: Any, r: int, lebar: dict[int, float]) -> None:
    """Room for wrapped text: spreadsheets do not grow rows written by a program."""
    baris = 1
    for c, w in lebar.items():
        nilai = ws.cell(r, c).value
        if isinstance(nilai, str):
            baris = max(baris, math.ceil(len(nilai) * 1.1 / max(w, 1)))
    ws.row_dimensions[r].height = 15 * baris


def tulis_tc27(sesi: Session, opd: Opd, renstra: Renstra, tujuan: Path) -> Path:
    """Write ``renstra`` of ``opd`` as a T-C.27 workbook at ``tujuan``."""
    pohon = _pohon(sesi, renstra)
    ind_ids = [i.id for n, _ in pohon for i in n.indikator]
    target: dict[tuple[uuid.UUID, int], Target] = {}
    for t in sesi.scalars(
        select(Target).where(
            Target.indikator_id.in_(ind_ids),
            Target.dokumen == DokumenTarget.RENSTRA,
            Target.triwulan == 0,
        )
    ):
        lama = target.get((t.indikator_id, t.tahun))
        if lama is None or t.perubahan_ke > lama.perubahan_ke:
            target[(t.indikator_id, t.tahun)] = t
    per_dok: dict[tuple[uuid.UUID, int], dict[DokumenAnggaran, Decimal]] = defaultdict(dict)
    for a in sesi.scalars(select(Anggaran).where(Anggaran.node_id.in_([n.id for n, _ in pohon]))):
        per_dok[(a.node_id, a.tahun)][a.dokumen] = a.pagu
    pagu = {k: next(v[d] for d in URUTAN_DOKUMEN_ANGGARAN if d in v) for k, v in per_dok.items()}
    tahun = _tahun_terisi(renstra, {th for _, th in target} | {th for _, th in pagu})
    baseline_tahun = sorted(
        {i.baseline_tahun for n, _ in pohon for i in n.indikator if i.baseline_tahun}
    )
    tahun_baseline = baseline_tahun[0] if len(baseline_tahun) == 1 else renstra.tahun_awal

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "T-C.27"
    n_tahun = len(tahun)
    k_target = 7
    k_kondisi = k_target + 2 * n_tahun
    k_unit = k_kondisi + 2
    k_lokasi = k_unit + 1
    lebar = k_lokasi
    pemda = opd.pemda.nama.upper() if opd.pemda else ""
    judul = [
        "Tabel T-C.27",
        f"Rencana Program, Kegiatan, dan Pendanaan {opd.nama} {pemda.title()}".strip(),
        f"Renstra Perangkat Daerah Tahun {renstra.tahun_awal}-{renstra.tahun_akhir}",
    ]
    for i, teks in enumerate(judul, start=1):
        ws.cell(i, 1, teks).font = Font(bold=True, size=12 if i > 1 else 11)
        ws.merge_cells(start_row=i, start_column=1, end_row=i, end_column=lebar)
        ws.cell(i, 1).alignment = Alignment(horizontal="center")
    r1, r2, r3 = BARIS_KEPALA, BARIS_KEPALA + 1, BARIS_KEPALA + 2
    tunggal = [
        (1, JUDUL_KOLOM["tujuan"]),
        (2, JUDUL_KOLOM["sasaran"]),
        (3, JUDUL_KOLOM["kode"]),
        (4, JUDUL_KOLOM["uraian"]),
        (5, JUDUL_KOLOM["indikator"]),
        (6, f"{JUDUL_KOLOM['baseline']} ({tahun_baseline})"),
        (k_unit, JUDUL_KOLOM["unit"]),
        (k_lokasi, JUDUL_KOLOM["lokasi"]),
    ]
    for c, teks in tunggal:
        ws.cell(r1, c, teks)
        ws.merge_cells(start_row=r1, start_column=c, end_row=r3, end_column=c)
    ws.cell(r1, k_target, JUDUL_KOLOM["pendanaan"])
    ws.merge_cells(start_row=r1, start_column=k_target, end_row=r1, end_column=k_kondisi - 1)
    for i, th in enumerate(tahun):
        c = k_target + 2 * i
        ws.cell(r2, c, f"Tahun-{i + 1} ({th})")
        ws.merge_cells(start_row=r2, start_column=c, end_row=r2, end_column=c + 1)
        ws.cell(r3, c, "Target")
        ws.cell(r3, c + 1, "Rp")
    ws.cell(r1, k_kondisi, JUDUL_KOLOM["kondisi"])
    ws.merge_cells(start_row=r1, start_column=k_kondisi, end_row=r2, end_column=k_kondisi + 1)
    ws.cell(r3, k_kondisi, "Target")
    ws.cell(r3, k_kondisi + 1, "Rp")
    for c in range(1, lebar + 1):
        ws.cell(r3 + 1, c, f"({c})")
        for r in range(r1, r3 + 2):
            sel = ws.cell(r, c)
            sel.font = Font(bold=True)
            sel.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            sel.border = _BINGKAI

    r = r3 + 2
    for node, _ in pohon:
        indikator: list[Indikator | None] = list(node.indikator) or [None]
        for k, ind in enumerate(indikator):
            if k == 0:
                if node.jenis is JenisNode.TUJUAN:
                    ws.cell(r, 1, node.uraian)
                elif node.jenis is JenisNode.SASARAN:
                    ws.cell(r, 2, node.uraian)
                else:
                    ws.cell(r, 3, node.kode)
                    ws.cell(r, 4, node.uraian)
                    total = Decimal(0)
                    ada = False
                    for i, th in enumerate(tahun):
                        p = pagu.get((node.id, th))
                        if p is not None:
                            ws.cell(r, k_target + 2 * i + 1, _uang(p)).number_format = "#,##0"
                            total += p
                            ada = True
                    if ada:
                        ws.cell(r, k_kondisi + 1, _uang(total)).number_format = "#,##0"
                ws.cell(r, k_unit, penanggung_jawab(node))
                ws.cell(r, k_lokasi, baca_keterangan(node.keterangan, LABEL_LOKASI))
            if ind is not None:
                ws.cell(r, 5, ind.nama)
                if ind.baseline is not None:
                    ws.cell(r, 6, teks_target(NilaiImpor(nilai=ind.baseline), ind.satuan))
                akhir = None
                for i, th in enumerate(tahun):
                    tg = target.get((ind.id, th))
                    if tg is None:
                        continue
                    isi = teks_target(
                        NilaiImpor(tg.nilai, tg.nilai_maks, tg.nilai_teks), ind.satuan
                    )
                    ws.cell(r, k_target + 2 * i, isi)
                    akhir = isi if th == tahun[-1] else akhir
                if akhir is not None:
                    ws.cell(r, k_kondisi, akhir)
            for c in range(1, lebar + 1):
                sel = ws.cell(r, c)
                sel.border = _BINGKAI
                sel.alignment = Alignment(vertical="top", wrap_text=True)
            r += 1
    lebar_kolom: dict[int, float] = {1: 30, 2: 30, 3: 18, 4: 40, 5: 45, 6: 16}
    lebar_kolom.update({c: 16 for c in range(k_target, k_lokasi + 1)})
    lebar_kolom[k_unit] = 30
    for c, w in lebar_kolom.items():
        ws.column_dimensions[get_column_letter(c)].width = w
    for baris_data in range(r3 + 2, r):
        _tinggi_baris(ws, baris_data, lebar_kolom)
    ws.freeze_panes = ws.cell(r3 + 2, 6)
    ws.row_dimensions[r1].height = 45
    ws.row_dimensions[r2].height = 30
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_title_rows = f"{r1}:{r3 + 1}"
    tujuan = Path(tujuan)
    wb.save(tujuan)
    wb.close()
    return tujuan
