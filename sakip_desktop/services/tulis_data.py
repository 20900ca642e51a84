"""Write an agency's plan from the database to the public data format ``sakip-data/1``.

The inverse of `muat_data`: what it writes loads back into the same records, and writing
that again gives the same text (refs are numbered in tree order, keys and lists in a fixed
order). Written: the pemda, the RPJMD chain the agency's tujuan hang under, the agency with
its units, people, positions, one Renstra (tree, indicators, the targets in force per
document, quarterly targets, realizations, follow-ups, budget, revisions, links, action
plans), risks, business processes and SOPs. Not in the format: PK documents, locks, user
accounts, evidence files and earlier target revisions (docs/format-data.md).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain import DokumenAnggaran, Eselon, JenisIndikator
from ..errors import TidakDitemukan
from ..model import (
    Anggaran,
    Indikator,
    Jabatan,
    NodeKinerja,
    Opd,
    Pegawai,
    ProsesBisnis,
    Realisasi,
    RealisasiAnggaran,
    RencanaAksi,
    Renstra,
    RevisiAnggaran,
    Risiko,
    Sop,
    Target,
    TautanCascading,
    TindakLanjut,
    UnitKerja,
)
from ..storage import Database
from .konteks import pilih_opd, renstra_untuk
from .muat_data import FORMAT

Peta = dict[str, Any]


class _Dumper(yaml.SafeDumper):
    """Block style YAML; Decimals as plain numbers with their exact digits."""


def _decimal(dumper: yaml.SafeDumper, x: Decimal) -> yaml.ScalarNode:
    x = x.normalize()
    if x == x.to_integral_value():
        return dumper.represent_int(int(x))
    return dumper.represent_scalar("tag:yaml.org,2002:float", format(x, "f"))


_Dumper.add_representer(Decimal, _decimal)


def teks_yaml(data: Peta) -> str:
    """The data as YAML text (UTF-8, keys in the order given)."""
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100, indent=2)


def _isi(peta: Peta, **nilai: Any) -> Peta:
    """Add the keys whose value is set (None, "" and empty lists are left out)."""
    for k, v in nilai.items():
        if v is not None and v != "" and v != [] and v != {}:
            peta[k] = v
    return peta


class _Penulis:
    def __init__(self, sesi: Session, opd: Opd, renstra: Renstra | None) -> None:
        self.sesi = sesi
        self.opd = opd
        self.renstra = renstra
        self.ref_node: dict[uuid.UUID, str] = {}
        self.ref_unit: dict[uuid.UUID, str] = {}
        self.ref_jabatan: dict[uuid.UUID, str] = {}
        self.ref_pegawai: dict[uuid.UUID, str] = {}

    # --- top level ------------------------------------------------------------------------
    def tulis(self) -> Peta:
        opd = self.opd
        nodes = self._nodes_renstra()
        jabatan = self._jabatan(nodes)
        rpjmd = self._rpjmd(nodes)
        hasil: Peta = {"format": FORMAT}
        hasil["pemda"] = _isi(
            {},
            nama=opd.pemda.nama,
            ibu_kota=opd.pemda.ibu_kota,
            jabatan_kepala_daerah=opd.pemda.jabatan_kepala_daerah,
        )
        if rpjmd is not None:
            hasil["rpjmd"] = rpjmd
        isi_opd = _isi(
            {},
            nama=opd.nama,
            singkatan=opd.singkatan,
            kode=opd.kode,
            alamat=opd.alamat,
            telepon=opd.telepon,
            surel=opd.surel,
            laman=opd.laman,
            tempat_ttd=opd.tempat_ttd,
        )
        unit = self._unit()
        pegawai = self._pegawai(jabatan)
        jab = [self._satu_jabatan(j) for j in jabatan]
        _isi(isi_opd, unit=unit, pegawai=pegawai, jabatan=jab)
        if self.renstra is not None:
            isi_opd["renstra"] = self._renstra(nodes)
        _isi(isi_opd, risiko=self._risiko(), proses_bisnis=self._proses(), sop=self._sop())
        hasil["opd"] = isi_opd
        return hasil

    # --- organisation ---------------------------------------------------------------------
    def _unit(self) -> list[Peta]:
        semua = self.sesi.scalars(
            select(UnitKerja)
            .where(UnitKerja.opd_id == self.opd.id)
            .order_by(UnitKerja.urutan, UnitKerja.nama)
        ).all()
        anak: dict[uuid.UUID | None, list[UnitKerja]] = defaultdict(list)
        for u in semua:
            anak[u.parent_id].append(u)

        def satu(u: UnitKerja) -> Peta:
            ref = f"unit-{len(self.ref_unit) + 1}"
            self.ref_unit[u.id] = ref
            peta = _isi({"ref": ref, "jenis": u.jenis.value}, nama=u.nama, kode=u.kode)
            return _isi(peta, anak=[satu(a) for a in anak.get(u.id, [])])

        return [satu(u) for u in anak.get(None, [])]

    def _jabatan(self, nodes: list[NodeKinerja]) -> list[Jabatan]:
        milik = list(
            self.sesi.scalars(
                select(Jabatan)
                .where(Jabatan.opd_id == self.opd.id)
                .order_by(Jabatan.urutan, Jabatan.nama)
            )
        )
        dirujuk = {j.atasan_id for j in milik}
        dirujuk |= {n.pemilik_id for n in nodes}
        dirujuk |= {r.pemilik_id for r in self._semua_risiko()}
        if self.renstra is not None and self.renstra.rpjmd_id is not None:
            dirujuk |= {n.pemilik_id for n in self._rantai_rpjmd(nodes)}
        kd = [
            j
            for j in self.sesi.scalars(
                select(Jabatan)
                .where(
                    Jabatan.pemda_id == self.opd.pemda_id,
                    Jabatan.eselon == Eselon.KEPALA_DAERAH,
                )
                .order_by(Jabatan.urutan, Jabatan.nama)
            )
            if j.id in dirujuk
        ]
        semua = kd + milik
        for i, j in enumerate(semua, start=1):
            self.ref_jabatan[j.id] = f"jabatan-{i}"
        return semua

    def _pegawai(self, jabatan: list[Jabatan]) -> list[Peta]:
        hasil = []
        for j in jabatan:
            for p in j.pemangku:
                pg: Pegawai = p.pegawai
                if pg.id in self.ref_pegawai:
                    continue
                ref = f"pegawai-{len(self.ref_pegawai) + 1}"
                self.ref_pegawai[pg.id] = ref
                peta = _isi(
                    {"ref": ref},
                    nama=pg.nama,
                    gelar_depan=pg.gelar_depan,
                    gelar_belakang=pg.gelar_belakang,
                    nip=pg.nip,
                    pangkat=pg.pangkat,
                    golongan=pg.golongan,
                )
                if pg.fiktif:
                    peta["fiktif"] = True
                hasil.append(peta)
        return hasil

    def _satu_jabatan(self, j: Jabatan) -> Peta:
        peta = _isi(
            {"ref": self.ref_jabatan[j.id]},
            nama=j.nama,
            eselon=j.eselon.value,
            unit=self.ref_unit.get(j.unit_id) if j.unit_id else None,
            atasan=self.ref_jabatan.get(j.atasan_id) if j.atasan_id else None,
        )
        pemangku = [
            _isi(
                {"pegawai": self.ref_pegawai[p.pegawai_id], "mulai": p.mulai},
                selesai=p.selesai,
                status=p.status.value,
            )
            for p in sorted(j.pemangku, key=lambda p: (p.mulai, p.pegawai.nama))
        ]
        return _isi(peta, pemangku=pemangku)

    # --- plans ----------------------------------------------------------------------------
    def _nodes_renstra(self) -> list[NodeKinerja]:
        if self.renstra is None:
            return []
        return list(
            self.sesi.scalars(
                select(NodeKinerja)
                .where(NodeKinerja.renstra_id == self.renstra.id)
                .order_by(NodeKinerja.urutan, NodeKinerja.kode, NodeKinerja.uraian)
            )
        )

    def _rantai_rpjmd(self, nodes: list[NodeKinerja]) -> list[NodeKinerja]:
        """The RPJMD nodes above the agency's tujuan (visi → misi → tujuan → sasaran)."""
        hasil: dict[uuid.UUID, NodeKinerja] = {}
        ids = {n.id for n in nodes}
        for n in nodes:
            p = n.parent if n.parent_id is not None and n.parent_id not in ids else None
            while p is not None and p.id not in hasil:
                hasil[p.id] = p
                p = p.parent
        return list(hasil.values())

    def _rpjmd(self, nodes: list[NodeKinerja]) -> Peta | None:
        rantai = self._rantai_rpjmd(nodes)
        if self.renstra is None or self.renstra.rpjmd is None or not rantai:
            return None
        rp = self.renstra.rpjmd
        ada = {n.id for n in rantai}

        def anak(n: NodeKinerja) -> list[NodeKinerja]:
            return sorted((a for a in n.anak if a.id in ada), key=lambda a: (a.urutan, a.uraian))

        visi = next((n for n in rantai if n.parent_id is None), None)
        if visi is None:
            return None
        misi = []
        for m in anak(visi):
            nomor = int(m.kode[1:]) if m.kode and m.kode[1:].isdigit() else None
            tujuan = []
            for t in anak(m):
                ref_t = self._ref_node(t, "rpjmd")
                sasaran = []
                for s in anak(t):
                    ref_s = self._ref_node(s, "rpjmd")
                    peta = _isi({"ref": ref_s}, kode=s.kode, uraian=s.uraian)
                    _isi(
                        peta,
                        pemilik=self.ref_jabatan.get(s.pemilik_id) if s.pemilik_id else None,
                        indikator=[self._indikator(i) for i in s.indikator],
                    )
                    sasaran.append(peta)
                tujuan.append(_isi({"ref": ref_t}, kode=t.kode, uraian=t.uraian, sasaran=sasaran))
            misi.append(_isi({}, nomor=nomor, uraian=m.uraian, tujuan=tujuan))
        return _isi(
            {"periode": [rp.tahun_awal, rp.tahun_akhir]},
            nama=rp.nama,
            nomor_dokumen=rp.nomor_dokumen,
            visi=visi.uraian,
            misi=misi,
        )

    def _ref_node(self, n: NodeKinerja, awalan: str = "node") -> str:
        if n.id not in self.ref_node:
            self.ref_node[n.id] = f"{awalan}-{len(self.ref_node) + 1}"
        return self.ref_node[n.id]

    def _renstra(self, nodes: list[NodeKinerja]) -> Peta:
        assert self.renstra is not None
        ids = {n.id for n in nodes}
        anak: dict[uuid.UUID | None, list[NodeKinerja]] = defaultdict(list)
        for n in nodes:
            anak[n.parent_id if n.parent_id in ids else None].append(n)
        urut: list[NodeKinerja] = []

        def jalan(n: NodeKinerja) -> None:
            self._ref_node(n)
            urut.append(n)
            for a in anak.get(n.id, []):
                jalan(a)

        for n in anak.get(None, []):
            jalan(n)
        self._muat_nilai([n.id for n in urut])

        def satu(n: NodeKinerja) -> Peta:
            peta: Peta = {"ref": self.ref_node[n.id], "jenis": n.jenis.value}
            if n.parent_id is not None and n.parent_id not in ids:
                peta["induk"] = self.ref_node.get(n.parent_id)
            _isi(
                peta,
                kode=n.kode,
                uraian=n.uraian,
                sasaran=n.sasaran,
                pemilik=self.ref_jabatan.get(n.pemilik_id) if n.pemilik_id else None,
                keterangan=n.keterangan,
                indikator=[self._indikator(i) for i in n.indikator],
            )
            self._anggaran(n, peta)
            _isi(
                peta,
                tautan=self.tautan.get(n.id),
                rencana_aksi=self.rencana_aksi.get(n.id),
                anak=[satu(a) for a in anak.get(n.id, [])],
            )
            return peta

        pohon = [satu(n) for n in anak.get(None, [])]
        r = self.renstra
        return _isi(
            {"periode": [r.tahun_awal, r.tahun_akhir]},
            nama=r.nama,
            nomor_dokumen=r.nomor_dokumen,
            pohon=pohon,
        )

    def _muat_nilai(self, node_ids: list[uuid.UUID]) -> None:
        """Budget, links and action plans of the plan's nodes, in a few queries."""
        self.anggaran: dict[uuid.UUID, list[Anggaran]] = defaultdict(list)
        for a in self.sesi.scalars(
            select(Anggaran)
            .where(Anggaran.node_id.in_(node_ids))
            .order_by(Anggaran.tahun, Anggaran.dokumen)
        ):
            self.anggaran[a.node_id].append(a)
        self.real_anggaran: dict[uuid.UUID, list[RealisasiAnggaran]] = defaultdict(list)
        for ra in self.sesi.scalars(
            select(RealisasiAnggaran)
            .where(RealisasiAnggaran.node_id.in_(node_ids))
            .order_by(RealisasiAnggaran.tahun, RealisasiAnggaran.triwulan)
        ):
            self.real_anggaran[ra.node_id].append(ra)
        self.revisi: dict[uuid.UUID, list[RevisiAnggaran]] = defaultdict(list)
        for rv in self.sesi.scalars(
            select(RevisiAnggaran)
            .where(RevisiAnggaran.node_id.in_(node_ids))
            .order_by(RevisiAnggaran.tahun, RevisiAnggaran.tanggal, RevisiAnggaran.selisih)
        ):
            self.revisi[rv.node_id].append(rv)
        kode_ind = {
            i.id: i.kode
            for i in self.sesi.scalars(
                select(Indikator).where(Indikator.node_id.in_(list(self.ref_node)))
            )
        }
        self.tautan: dict[uuid.UUID, list[Peta]] = defaultdict(list)
        for t in self.sesi.scalars(
            select(TautanCascading).where(TautanCascading.node_bawah_id.in_(node_ids))
        ):
            if t.indikator_atas_id is not None and t.indikator_atas_id in kode_ind:
                self.tautan[t.node_bawah_id].append({"indikator": kode_ind[t.indikator_atas_id]})
            elif t.indikator_atas_id is None and t.node_atas_id in self.ref_node:
                self.tautan[t.node_bawah_id].append({"node": self.ref_node[t.node_atas_id]})
        for daftar in self.tautan.values():
            daftar.sort(key=lambda p: sorted(p.items()))
        self.rencana_aksi: dict[uuid.UUID, list[Peta]] = defaultdict(list)
        for ra_ in self.sesi.scalars(
            select(RencanaAksi)
            .where(RencanaAksi.node_id.in_(node_ids))
            .order_by(
                RencanaAksi.tahun, RencanaAksi.triwulan, RencanaAksi.urutan, RencanaAksi.uraian
            )
        ):
            peta = {"tahun": ra_.tahun, "triwulan": ra_.triwulan}
            _isi(
                peta,
                indikator=kode_ind.get(ra_.indikator_id) if ra_.indikator_id else None,
                uraian=ra_.uraian,
                target=ra_.target,
                satuan=ra_.satuan,
                realisasi=ra_.realisasi,
                urutan=ra_.urutan or None,
            )
            self.rencana_aksi[ra_.node_id].append(peta)

    def _anggaran(self, n: NodeKinerja, peta: Peta) -> None:
        per_tahun: dict[int, dict[str, Decimal]] = defaultdict(dict)
        for a in self.anggaran.get(n.id, []):
            per_tahun[a.tahun][a.dokumen.value] = a.pagu
        anggaran: dict[int, Any] = {}
        for tahun, dok in sorted(per_tahun.items()):
            anggaran[tahun] = dok["dpa"] if list(dok) == [DokumenAnggaran.DPA.value] else dok
        realisasi: dict[int, dict[int, Decimal]] = {}
        for ra in self.real_anggaran.get(n.id, []):
            realisasi.setdefault(ra.tahun, {})[ra.triwulan] = ra.jumlah
        revisi = [
            _isi(
                {"tahun": r.tahun, "tanggal": r.tanggal, "selisih": r.selisih},
                jenis=r.jenis,
                alasan=r.alasan,
                nomor_dokumen=r.nomor_dokumen,
                upaya=r.upaya,
            )
            for r in self.revisi.get(n.id, [])
        ]
        _isi(peta, anggaran=anggaran, realisasi_anggaran=realisasi, revisi_anggaran=revisi)

    def _indikator(self, i: Indikator) -> Peta:
        peta = _isi(
            {"kode": i.kode},
            nama=i.nama,
            satuan=i.satuan,
            jenis=i.jenis.value,
            rumus=i.rumus,
            komponen_a=i.label_komponen_a,
            komponen_b=i.label_komponen_b,
            polaritas=i.polaritas.value,
            agregasi=i.agregasi.value,
        )
        peta["iku"] = i.iku
        _isi(
            peta,
            baseline=i.baseline,
            baseline_tahun=i.baseline_tahun,
            sumber_data=i.sumber_data,
            penjelasan=i.penjelasan,
        )
        berlaku: dict[tuple[str, int, int], Target] = {}
        for t in self.sesi.scalars(select(Target).where(Target.indikator_id == i.id)):
            k = (t.dokumen.value, t.tahun, t.triwulan)
            if k not in berlaku or t.perubahan_ke > berlaku[k].perubahan_ke:
                berlaku[k] = t
        tahunan: dict[str, dict[int, Any]] = {}
        triwulan: dict[int, dict[str, list[Any]]] = {}
        urutan_dok = {"renstra": 0, "renja": 1, "pk": 2}
        for (dok, tahun, tw), t in sorted(
            berlaku.items(), key=lambda kv: (urutan_dok[kv[0][0]], kv[0][1], kv[0][2])
        ):
            nilai = self._nilai_target(t)
            if tw == 0:
                tahunan.setdefault(dok, {})[tahun] = nilai
            else:
                daftar = triwulan.setdefault(tahun, {}).setdefault(dok, [None] * 4)
                daftar[tw - 1] = nilai
        triwulan = dict(sorted(triwulan.items()))
        realisasi_ind: dict[int, dict[int, Peta]] = {}
        for r in self.sesi.scalars(
            select(Realisasi)
            .where(Realisasi.indikator_id == i.id)
            .order_by(Realisasi.tahun, Realisasi.triwulan)
        ):
            realisasi_ind.setdefault(r.tahun, {})[r.triwulan] = self._realisasi(i, r)
        tindak: dict[int, dict[int, str]] = {}
        for tl in self.sesi.scalars(
            select(TindakLanjut)
            .where(TindakLanjut.indikator_id == i.id)
            .order_by(TindakLanjut.tahun, TindakLanjut.triwulan)
        ):
            tindak.setdefault(tl.tahun, {})[tl.triwulan] = tl.uraian
        return _isi(
            peta,
            target=tahunan,
            target_triwulan=triwulan,
            realisasi=realisasi_ind,
            tindak_lanjut=tindak,
        )

    @staticmethod
    def _nilai_target(t: Target) -> Any:
        if t.nilai_teks is not None:
            return t.nilai_teks
        if t.nilai_maks is not None:
            return {"min": t.nilai, "maks": t.nilai_maks}
        return t.nilai

    @staticmethod
    def _realisasi(i: Indikator, r: Realisasi) -> Peta:
        peta: Peta = {}
        if i.jenis.dari_komponen and r.komponen_a is not None and r.komponen_b is not None:
            peta["komponen"] = [r.komponen_a, r.komponen_b]
        elif i.jenis is JenisIndikator.PREDIKAT:
            peta["nilai"] = r.nilai_teks
        else:
            peta["nilai"] = r.nilai
        return _isi(
            peta,
            catatan=r.catatan,
            sumber_data=r.sumber_data,
            keterangan=r.keterangan,
            status=r.status.value,
        )

    # --- registers ------------------------------------------------------------------------
    def _semua_risiko(self) -> list[Risiko]:
        return list(
            self.sesi.scalars(
                select(Risiko)
                .where(Risiko.opd_id == self.opd.id)
                .order_by(Risiko.urutan, Risiko.tahun, Risiko.pernyataan)
            )
        )

    def _risiko(self) -> list[Peta]:
        hasil = []
        for r in self._semua_risiko():
            peta = {"tahun": r.tahun, "level": r.level}
            _isi(
                peta,
                node=self.ref_node.get(r.node_id) if r.node_id else None,
                pemilik=self.ref_jabatan.get(r.pemilik_id) if r.pemilik_id else None,
                pemilik_teks=r.pemilik_teks,
                pernyataan=r.pernyataan,
                penyebab=r.penyebab,
                dampak=r.dampak,
                pengendalian_ada=r.pengendalian_ada,
                rencana_tindak=r.rencana_tindak,
                kemungkinan=r.kemungkinan,
                dampak_skala=r.dampak_skala,
                penanggung_jawab=r.penanggung_jawab,
                tenggat=r.tenggat,
            )
            hasil.append(peta)
        return hasil

    def _proses(self) -> list[Peta]:
        semua = self.sesi.scalars(
            select(ProsesBisnis)
            .where(ProsesBisnis.opd_id == self.opd.id)
            .order_by(ProsesBisnis.urutan, ProsesBisnis.uraian)
        ).all()
        anak: dict[uuid.UUID | None, list[ProsesBisnis]] = defaultdict(list)
        for p in semua:
            anak[p.parent_id].append(p)

        def satu(p: ProsesBisnis, induk: ProsesBisnis | None) -> Peta:
            peta: Peta = {}
            if induk is None or induk.jenis != p.jenis:
                peta["jenis"] = p.jenis.value
            return _isi(
                peta,
                uraian=p.uraian,
                keterangan=p.keterangan,
                node=self.ref_node.get(p.node_id) if p.node_id else None,
                anak=[satu(a, p) for a in anak.get(p.id, [])],
            )

        return [satu(p, None) for p in anak.get(None, [])]

    def _sop(self) -> list[Peta]:
        semua = self.sesi.scalars(
            select(Sop).where(Sop.opd_id == self.opd.id).order_by(Sop.judul, Sop.nomor)
        ).all()
        return [
            _isi(
                {"judul": s.judul},
                nomor=s.nomor,
                tahun=s.tahun,
                unit=self.ref_unit.get(s.unit_id) if s.unit_id else None,
                status=s.status,
                node=self.ref_node.get(s.node_id) if s.node_id else None,
            )
            for s in semua
        ]


def data_opd(sesi: Session, opd: Opd, renstra: Renstra | None = None) -> Peta:
    """The agency as a ``sakip-data/1`` mapping; ``renstra`` defaults to its latest."""
    if renstra is None:
        renstra = sesi.scalar(
            select(Renstra).where(Renstra.opd_id == opd.id).order_by(Renstra.tahun_awal.desc())
        )
    return _Penulis(sesi, opd, renstra).tulis()


def tulis_data(sesi: Session, opd: Opd, renstra: Renstra | None = None) -> str:
    """The agency as ``sakip-data/1`` YAML text."""
    return teks_yaml(data_opd(sesi, opd, renstra))


def ekspor_data(
    db: Database, tujuan: Path, *, opd: str | None = None, tahun: int | None = None
) -> Path:
    """Write the agency (and its Renstra holding ``tahun``, else the latest) to ``tujuan``."""
    with db.baca() as sesi:
        o = pilih_opd(sesi, opd)
        renstra = renstra_untuk(sesi, o, tahun) if tahun is not None else None
        if renstra is None and not sesi.scalar(select(Renstra.id).where(Renstra.opd_id == o.id)):
            raise TidakDitemukan(f"{o.nama} belum memiliki Renstra.")
        teks = tulis_data(sesi, o, renstra)
    tujuan = Path(tujuan)
    tujuan.write_text(
        f"# Data SAKIP {o.nama} — format {FORMAT} (docs/format-data.md)\n" + teks,
        encoding="utf-8",
    )
    return tujuan
