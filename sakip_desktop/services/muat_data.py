"""Load an agency's plan from the public data format ``sakip-data/1`` (docs/format-data.md).

The whole file is checked while it is written inside the caller's transaction: the first
problem raises `InputTidakSah` naming its place in the file (``opd.renstra.pohon[0]…``), and
the transaction rolls back, so nothing is half-loaded.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain import (
    Agregasi,
    DokumenAnggaran,
    DokumenTarget,
    Eselon,
    JenisIndikator,
    JenisNode,
    JenisProses,
    JenisUnit,
    Polaritas,
    StatusPemangku,
    StatusRealisasi,
)
from ..errors import KesalahanPengguna
from ..kalkulasi import KomponenTidakSah, nilai_dari_komponen
from ..model import (
    Anggaran,
    Indikator,
    Jabatan,
    NodeKinerja,
    Opd,
    Pegawai,
    PemangkuJabatan,
    Pemda,
    ProsesBisnis,
    Realisasi,
    RealisasiAnggaran,
    RencanaAksi,
    Renstra,
    RevisiAnggaran,
    Risiko,
    Rpjmd,
    Sop,
    TahunKinerja,
    Target,
    TautanCascading,
    TindakLanjut,
    UnitKerja,
)
from .baca_data import Simpul, angka

FORMAT = "sakip-data/1"

KUNCI_NODE = {
    "ref",
    "jenis",
    "kode",
    "uraian",
    "sasaran",
    "pemilik",
    "keterangan",
    "indikator",
    "anggaran",
    "realisasi_anggaran",
    "revisi_anggaran",
    "tautan",
    "anak",
    "induk",
    "rencana_aksi",
}
KUNCI_INDIKATOR = {
    "kode",
    "nama",
    "satuan",
    "jenis",
    "rumus",
    "komponen_a",
    "komponen_b",
    "polaritas",
    "agregasi",
    "iku",
    "baseline",
    "baseline_tahun",
    "sumber_data",
    "penjelasan",
    "target",
    "target_triwulan",
    "realisasi",
    "tindak_lanjut",
}


@dataclass
class RingkasanMuat:
    """What a load created, for the CLI and the window to report."""

    opd_id: uuid.UUID | None = None
    jumlah: dict[str, int] = field(default_factory=dict)

    def tambah(self, nama: str, n: int = 1) -> None:
        self.jumlah[nama] = self.jumlah.get(nama, 0) + n


def baca_berkas(path: Path) -> Any:
    """Parse a YAML/JSON data file, reporting a syntax error with its line and column."""
    try:
        teks = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KesalahanPengguna(f"Berkas tidak ditemukan: {path}") from None
    except UnicodeDecodeError:
        raise KesalahanPengguna(f"Berkas bukan teks UTF-8: {path}") from None
    except OSError as exc:
        raise KesalahanPengguna(f"Berkas tidak dapat dibaca: {path} ({exc.strerror})") from None
    try:
        return yaml.safe_load(teks)
    except yaml.MarkedYAMLError as exc:
        tanda = exc.problem_mark
        letak = f" baris {tanda.line + 1}, kolom {tanda.column + 1}" if tanda else ""
        raise KesalahanPengguna(
            f"{Path(path).name}{letak}: format YAML tidak sah ({exc.problem})."
        ) from None
    except yaml.YAMLError as exc:
        raise KesalahanPengguna(f"{Path(path).name}: format YAML tidak sah ({exc}).") from None


def muat_data(sesi: Session, data: Any, *, oleh: str | None = None) -> RingkasanMuat:
    """Write the plan described by ``data`` into the database through ``sesi``."""
    return _Pemuat(sesi, oleh).muat(Simpul(data, "berkas"))


class _Pemuat:
    def __init__(self, sesi: Session, oleh: str | None) -> None:
        self.sesi = sesi
        self.oleh = oleh
        self.ringkasan = RingkasanMuat()
        self.unit: dict[str, UnitKerja] = {}
        self.pegawai: dict[str, Pegawai] = {}
        self.jabatan: dict[str, Jabatan] = {}
        self.node: dict[str, NodeKinerja] = {}
        self.indikator: dict[str, Indikator] = {}
        self.refs: set[str] = set()
        self.tertunda: list[Callable[[], None]] = []

    # --- helpers ----------------------------------------------------------------------------
    def _tambah(self, obj: Any) -> Any:
        if hasattr(obj, "diubah_oleh"):
            obj.diubah_oleh = self.oleh
        self.sesi.add(obj)
        self.ringkasan.tambah(type(obj).__tablename__)
        return obj

    def _daftar_ref(self, s: Simpul) -> str | None:
        ref = s.teks("ref")
        if ref is not None:
            if ref in self.refs:
                raise s.galat(f"ref {ref!r} dipakai lebih dari sekali", "ref")
            self.refs.add(ref)
        return ref

    def _cari(self, s: Simpul, kunci: str, tabel: dict[str, Any], apa: str) -> Any:
        ref = s.teks(kunci)
        if ref is None:
            return None
        if ref not in tabel:
            raise s.galat(f"{apa} dengan ref {ref!r} tidak ada di berkas", kunci)
        return tabel[ref]

    # --- top level --------------------------------------------------------------------------
    def muat(self, akar: Simpul) -> RingkasanMuat:
        akar.peta({"format", "pemda", "rpjmd", "opd"})
        fmt = akar.teks("format", wajib=True)
        if fmt != FORMAT:
            raise akar.galat(f"format {fmt!r} tidak dikenal; yang didukung: {FORMAT}", "format")
        pemda = self._pemda(akar.anak("pemda"))
        opd_s = akar.anak("opd").peta(
            {
                "nama",
                "singkatan",
                "kode",
                "alamat",
                "telepon",
                "surel",
                "laman",
                "tempat_ttd",
                "unit",
                "pegawai",
                "jabatan",
                "renstra",
                "risiko",
                "proses_bisnis",
                "sop",
            }
        )
        opd = self._opd(pemda, opd_s)
        self.sesi.flush()
        for u in opd_s.anak("unit").daftar():
            self._unit(opd, None, u, 0)
        for p in opd_s.anak("pegawai").daftar():
            self._pegawai(pemda, p)
        self._semua_jabatan(pemda, opd, opd_s.anak("jabatan"))
        rpjmd = self._rpjmd(pemda, akar.anak("rpjmd")) if akar.ada("rpjmd") else None
        self._renstra(opd, rpjmd, opd_s.anak("renstra"))
        self.sesi.flush()
        for tugas in self.tertunda:
            tugas()
        for i, r in enumerate(opd_s.anak("risiko").daftar()):
            self._risiko(opd, r, i)
        for i, p in enumerate(opd_s.anak("proses_bisnis").daftar()):
            self._proses(opd, None, p, i)
        for s in opd_s.anak("sop").daftar():
            self._sop(opd, s)
        self.sesi.flush()
        self.ringkasan.opd_id = opd.id
        return self.ringkasan

    def _pemda(self, s: Simpul) -> Pemda:
        s.peta({"nama", "ibu_kota", "jabatan_kepala_daerah"})
        nama = s.teks_wajib("nama")
        pemda = self.sesi.scalar(select(Pemda).where(Pemda.nama == nama))
        if pemda is None:
            pemda = self._tambah(
                Pemda(
                    nama=nama,
                    ibu_kota=s.teks("ibu_kota"),
                    jabatan_kepala_daerah=s.teks("jabatan_kepala_daerah") or "Bupati",
                )
            )
            self.sesi.flush()
        return pemda

    def _opd(self, pemda: Pemda, s: Simpul) -> Opd:
        nama = s.teks_wajib("nama")
        ada = self.sesi.scalar(select(Opd).where(Opd.pemda_id == pemda.id, Opd.nama == nama))
        if ada is not None:
            raise KesalahanPengguna(
                f"OPD {nama!r} sudah ada di {pemda.nama}; hapus dulu atau gunakan --replace."
            )
        opd = Opd(
            pemda=pemda,
            nama=nama,
            singkatan=s.teks("singkatan"),
            kode=s.teks("kode"),
            alamat=s.teks("alamat"),
            telepon=s.teks("telepon"),
            surel=s.teks("surel"),
            laman=s.teks("laman"),
            tempat_ttd=s.teks("tempat_ttd") or pemda.ibu_kota,
        )
        return self._tambah(opd)

    def _unit(self, opd: Opd, parent: UnitKerja | None, s: Simpul, urutan: int) -> None:
        s.peta({"ref", "jenis", "nama", "kode", "anak"})
        ref = self._daftar_ref(s)
        unit = self._tambah(
            UnitKerja(
                opd_id=opd.id,
                parent=parent,
                jenis=s.pilihan("jenis", JenisUnit),
                nama=s.teks_wajib("nama"),
                kode=s.teks("kode"),
                urutan=urutan,
            )
        )
        if ref:
            self.unit[ref] = unit
        for i, a in enumerate(s.anak("anak").daftar()):
            self._unit(opd, unit, a, i)

    def _pegawai(self, pemda: Pemda, s: Simpul) -> None:
        s.peta({"ref", "nama", "gelar_depan", "gelar_belakang", "nip", "pangkat", "golongan"})
        ref = self._daftar_ref(s)
        nip = s.teks("nip")
        if nip is not None and (len(nip) != 18 or not nip.isdigit()):
            raise s.galat(f"NIP harus 18 angka (tertulis {nip!r})", "nip")
        pegawai = None
        if nip is not None:
            pegawai = self.sesi.scalar(select(Pegawai).where(Pegawai.nip == nip))
        if pegawai is None:
            pegawai = self._tambah(
                Pegawai(
                    pemda_id=pemda.id,
                    nama=s.teks_wajib("nama"),
                    gelar_depan=s.teks("gelar_depan"),
                    gelar_belakang=s.teks("gelar_belakang"),
                    nip=nip,
                    pangkat=s.teks("pangkat"),
                    golongan=s.teks("golongan"),
                    fiktif=s.bool("fiktif"),
                )
            )
        if ref:
            self.pegawai[ref] = pegawai

    def _semua_jabatan(self, pemda: Pemda, opd: Opd, daftar: Simpul) -> None:
        items = list(daftar.daftar())
        for i, s in enumerate(items):
            s.peta({"ref", "nama", "eselon", "unit", "atasan", "pemangku"})
            ref = self._daftar_ref(s)
            eselon = s.pilihan("eselon", Eselon)
            nama = s.teks_wajib("nama")
            jabatan = None
            if eselon is Eselon.KEPALA_DAERAH:  # shared by every OPD of the pemda
                jabatan = self.sesi.scalar(
                    select(Jabatan).where(
                        Jabatan.pemda_id == pemda.id,
                        Jabatan.eselon == Eselon.KEPALA_DAERAH,
                        Jabatan.nama == nama,
                    )
                )
            if jabatan is None:
                jabatan = self._tambah(
                    Jabatan(
                        pemda_id=pemda.id,
                        opd_id=None if eselon is Eselon.KEPALA_DAERAH else opd.id,
                        unit=self._cari(s, "unit", self.unit, "Unit"),
                        nama=nama,
                        eselon=eselon,
                        urutan=i,
                    )
                )
                for p in s.anak("pemangku").daftar():
                    p.peta({"pegawai", "mulai", "selesai", "status"})
                    pegawai = self._cari(p, "pegawai", self.pegawai, "Pegawai")
                    if pegawai is None:
                        raise p.galat("wajib diisi", "pegawai")
                    mulai = p.tanggal("mulai", wajib=True)
                    selesai = p.tanggal("selesai")
                    if selesai is not None and mulai is not None and selesai < mulai:
                        raise p.galat("tanggal selesai sebelum tanggal mulai", "selesai")
                    self._tambah(
                        PemangkuJabatan(
                            jabatan=jabatan,
                            pegawai=pegawai,
                            mulai=mulai,
                            selesai=selesai,
                            status=p.pilihan("status", StatusPemangku, StatusPemangku.DEFINITIF),
                        )
                    )
            if ref:
                self.jabatan[ref] = jabatan
        for s in items:
            atasan = self._cari(s, "atasan", self.jabatan, "Jabatan")
            if atasan is not None:
                jabatan = self.jabatan[s.teks_wajib("ref")]
                if atasan is jabatan:
                    raise s.galat("jabatan tidak boleh menjadi atasannya sendiri", "atasan")
                jabatan.atasan = atasan

    # --- plans ------------------------------------------------------------------------------
    def _periode(self, s: Simpul) -> tuple[int, int]:
        periode = s.mentah("periode")
        if not isinstance(periode, list) or len(periode) != 2:
            raise s.galat("harus [tahun_awal, tahun_akhir]", "periode")
        try:
            awal, akhir = int(periode[0]), int(periode[1])
        except (TypeError, ValueError):
            raise s.galat("tahun periode harus bilangan bulat", "periode") from None
        if akhir < awal or akhir - awal > 10:
            raise s.galat(f"periode {awal}–{akhir} tidak masuk akal", "periode")
        return awal, akhir

    def _rpjmd(self, pemda: Pemda, s: Simpul) -> Rpjmd:
        s.peta({"periode", "nama", "nomor_dokumen", "visi", "misi"})
        awal, akhir = self._periode(s)
        rpjmd = self.sesi.scalar(
            select(Rpjmd).where(Rpjmd.pemda_id == pemda.id, Rpjmd.tahun_awal == awal)
        )
        if rpjmd is None:
            rpjmd = self._tambah(
                Rpjmd(
                    pemda_id=pemda.id,
                    tahun_awal=awal,
                    tahun_akhir=akhir,
                    nama=s.teks("nama"),
                    nomor_dokumen=s.teks("nomor_dokumen"),
                )
            )
            self.sesi.flush()
        self.periode_rpjmd = (awal, akhir)
        visi = self._node_rpjmd(rpjmd, None, JenisNode.VISI, s.teks_wajib("visi"), None, 0)
        for i, m in enumerate(s.anak("misi").daftar()):
            m.peta({"nomor", "uraian", "tujuan"})
            nomor = m.bulat("nomor")
            misi = self._node_rpjmd(
                rpjmd,
                visi,
                JenisNode.MISI,
                m.teks_wajib("uraian"),
                f"M{nomor}" if nomor is not None else None,
                i,
            )
            for j, t in enumerate(m.anak("tujuan").daftar()):
                t.peta({"ref", "kode", "uraian", "sasaran"})
                ref = self._daftar_ref(t)
                tujuan = self._node_rpjmd(
                    rpjmd, misi, JenisNode.TUJUAN_RPJMD, t.teks_wajib("uraian"), t.teks("kode"), j
                )
                if ref:
                    self.node[ref] = tujuan
                for k, sa in enumerate(t.anak("sasaran").daftar()):
                    sa.peta({"ref", "kode", "uraian", "pemilik", "indikator"})
                    ref = self._daftar_ref(sa)
                    sasaran = self._node_rpjmd(
                        rpjmd,
                        tujuan,
                        JenisNode.SASARAN_RPJMD,
                        sa.teks_wajib("uraian"),
                        sa.teks("kode"),
                        k,
                    )
                    sasaran.pemilik = self._cari(sa, "pemilik", self.jabatan, "Jabatan")
                    if ref:
                        self.node[ref] = sasaran
                    if not sasaran.indikator:
                        for n, ind in enumerate(sa.anak("indikator").daftar()):
                            self._indikator(sasaran, ind, n, (awal, akhir))
        return rpjmd

    def _node_rpjmd(
        self,
        rpjmd: Rpjmd,
        parent: NodeKinerja | None,
        jenis: JenisNode,
        uraian: str,
        kode: str | None,
        urutan: int,
    ) -> NodeKinerja:
        """Reuse an RPJMD node another agency's file already loaded, else create it."""
        ada = self.sesi.scalar(
            select(NodeKinerja).where(
                NodeKinerja.rpjmd_id == rpjmd.id,
                NodeKinerja.jenis == jenis,
                NodeKinerja.uraian == uraian,
                NodeKinerja.parent_id == parent.id
                if parent is not None
                else NodeKinerja.parent_id.is_(None),
            )
        )
        if ada is not None:
            return ada
        node = self._tambah(
            NodeKinerja(
                rpjmd_id=rpjmd.id,
                parent=parent,
                jenis=jenis,
                uraian=uraian,
                kode=kode,
                urutan=urutan,
            )
        )
        self.sesi.flush()
        return node

    def _renstra(self, opd: Opd, rpjmd: Rpjmd | None, s: Simpul) -> None:
        s.peta({"periode", "nama", "nomor_dokumen", "pohon"})
        awal, akhir = self._periode(s)
        renstra = self._tambah(
            Renstra(
                opd_id=opd.id,
                rpjmd_id=rpjmd.id if rpjmd else None,
                tahun_awal=awal,
                tahun_akhir=akhir,
                nama=s.teks("nama"),
                nomor_dokumen=s.teks("nomor_dokumen"),
            )
        )
        self.sesi.flush()
        for tahun in range(awal, akhir + 1):
            self._tambah(TahunKinerja(opd_id=opd.id, renstra_id=renstra.id, tahun=tahun))
        self.renstra = renstra
        self.periode = (awal, akhir)
        for i, n in enumerate(s.anak("pohon").daftar()):
            self._node(renstra, None, n, i, akar=True)

    def _node(
        self,
        renstra: Renstra,
        parent: NodeKinerja | None,
        s: Simpul,
        urutan: int,
        *,
        akar: bool = False,
    ) -> None:
        s.peta(KUNCI_NODE)
        ref = self._daftar_ref(s)
        jenis = s.pilihan("jenis", JenisNode)
        if jenis.milik_rpjmd:
            raise s.galat("node RPJMD ditulis di bagian rpjmd, bukan di pohon renstra", "jenis")
        induk = parent
        if s.ada("induk"):
            if not akar:
                raise s.galat("hanya node teratas yang boleh menyebut induk RPJMD", "induk")
            induk = self._cari(s, "induk", self.node, "Node")
        if induk is not None and jenis not in induk.jenis.anak_yang_boleh():
            raise s.galat(f"{jenis.label} tidak dapat berada di bawah {induk.jenis.label}", "jenis")
        node = self._tambah(
            NodeKinerja(
                renstra_id=renstra.id,
                parent=induk,
                jenis=jenis,
                urutan=urutan,
                kode=s.teks("kode"),
                uraian=s.teks_wajib("uraian"),
                sasaran=s.teks("sasaran"),
                pemilik=self._cari(s, "pemilik", self.jabatan, "Jabatan"),
                keterangan=s.teks("keterangan"),
            )
        )
        if ref:
            self.node[ref] = node
        if node.kode:
            self.node.setdefault(node.kode, node)
        for i, ind in enumerate(s.anak("indikator").daftar()):
            self._indikator(node, ind, i, self.periode)
        self._anggaran(node, s)
        for t in s.anak("tautan").daftar():
            self.tertunda.append(lambda t=t, node=node: self._tautan(node, t))
        for i, r in enumerate(s.anak("rencana_aksi").daftar()):
            self.tertunda.append(lambda r=r, node=node, i=i: self._rencana_aksi(node, r, i))
        for i, a in enumerate(s.anak("anak").daftar()):
            self._node(renstra, node, a, i)

    def _tahun(self, k: Any, s: Simpul, periode: tuple[int, int]) -> int:
        try:
            tahun = int(k)
        except (TypeError, ValueError):
            raise s.galat(f"{k!r} bukan tahun") from None
        awal, akhir = periode
        if not awal - 5 <= tahun <= akhir:
            raise s.galat(f"tahun {tahun} di luar periode {awal}–{akhir}")
        return tahun

    def _indikator(
        self, node: NodeKinerja, s: Simpul, urutan: int, periode: tuple[int, int]
    ) -> None:
        s.peta(KUNCI_INDIKATOR)
        kode = s.teks_wajib("kode")
        if kode in self.indikator:
            raise s.galat(f"kode indikator {kode!r} dipakai lebih dari sekali", "kode")
        jenis = s.pilihan("jenis", JenisIndikator, JenisIndikator.NILAI)
        ind = self._tambah(
            Indikator(
                node=node,
                kode=kode,
                urutan=urutan,
                nama=s.teks_wajib("nama"),
                satuan=s.teks("satuan") or "",
                jenis=jenis,
                rumus=s.teks("rumus"),
                label_komponen_a=s.teks("komponen_a"),
                label_komponen_b=s.teks("komponen_b"),
                polaritas=s.pilihan("polaritas", Polaritas, Polaritas.POSITIF),
                agregasi=s.pilihan("agregasi", Agregasi, Agregasi.NILAI_AKHIR),
                iku=s.bool("iku"),
                baseline=s.angka("baseline"),
                baseline_tahun=s.bulat("baseline_tahun"),
                sumber_data=s.teks("sumber_data"),
                penjelasan=s.teks("penjelasan"),
            )
        )
        self.indikator[kode] = ind
        for dok, per_tahun in s.anak("target").pasangan():
            dokumen = self._dokumen(dok, per_tahun)
            for k, v in per_tahun.pasangan():
                tahun = self._tahun(k, v, periode)
                self._target(ind, tahun, 0, dokumen, v)
        for k, per_dok in s.anak("target_triwulan").pasangan():
            tahun = self._tahun(k, per_dok, periode)
            for dok, daftar in per_dok.pasangan():
                dokumen = self._dokumen(dok, daftar)
                nilai = daftar.isi
                if not isinstance(nilai, list) or len(nilai) != 4:
                    raise daftar.galat("harus daftar empat nilai [TW I, TW II, TW III, TW IV]")
                for tw, v in enumerate(daftar.daftar(), start=1):
                    if v.isi is not None:
                        self._target(ind, tahun, tw, dokumen, v)
        for k, per_tw in s.anak("realisasi").pasangan():
            tahun = self._tahun(k, per_tw, periode)
            for tw, entri in per_tw.pasangan():
                self._realisasi(ind, tahun, self._triwulan(tw, entri), entri)
        for k, per_tw in s.anak("tindak_lanjut").pasangan():
            tahun = self._tahun(k, per_tw, periode)
            for tw, teks in per_tw.pasangan():
                if not isinstance(teks.isi, str) or not teks.isi.strip():
                    raise teks.galat("harus berupa teks")
                self._tambah(
                    TindakLanjut(
                        indikator=ind,
                        tahun=tahun,
                        triwulan=self._triwulan(tw, teks),
                        uraian=teks.isi.strip(),
                    )
                )

    @staticmethod
    def _dokumen(dok: Any, s: Simpul) -> DokumenTarget:
        try:
            return DokumenTarget(str(dok))
        except ValueError:
            sah = ", ".join(d.value for d in DokumenTarget)
            raise s.galat(f"dokumen {dok!r} tidak dikenal; pilih: {sah}") from None

    @staticmethod
    def _triwulan(tw: Any, s: Simpul) -> int:
        try:
            n = int(tw)
        except (TypeError, ValueError):
            raise s.galat(f"triwulan {tw!r} harus 1–4") from None
        if not 1 <= n <= 4:
            raise s.galat(f"triwulan {n} harus 1–4")
        return n

    def _target(
        self, ind: Indikator, tahun: int, tw: int, dokumen: DokumenTarget, s: Simpul
    ) -> None:
        nilai = nilai_maks = None
        teks = None
        if isinstance(s.isi, dict):
            s.peta({"min", "maks"})
            nilai, nilai_maks = s.angka("min", wajib=True), s.angka("maks", wajib=True)
            assert nilai is not None and nilai_maks is not None
            if nilai_maks < nilai:
                raise s.galat("batas bawah rentang lebih besar dari batas atas")
        elif isinstance(s.isi, str) and ind.jenis is JenisIndikator.PREDIKAT:
            teks = s.isi.strip()
        elif s.isi is not None:
            nilai = angka(s.isi, s.galat)
        else:
            return
        self._tambah(
            Target(
                indikator=ind,
                tahun=tahun,
                triwulan=tw,
                dokumen=dokumen,
                nilai=nilai,
                nilai_maks=nilai_maks,
                nilai_teks=teks,
            )
        )

    def _realisasi(self, ind: Indikator, tahun: int, tw: int, s: Simpul) -> None:
        s.peta({"nilai", "komponen", "catatan", "sumber_data", "keterangan", "status"})
        a = b = nilai = None
        teks = None
        if s.ada("komponen"):
            if not ind.jenis.dari_komponen:
                raise s.galat(f"indikator {ind.jenis.label} tidak memakai komponen", "komponen")
            komp = s.mentah("komponen")
            if not isinstance(komp, list) or len(komp) != 2:
                raise s.galat("harus [A, B]", "komponen")
            a, b = (angka(x, s.galat, "komponen") for x in komp)
            try:
                nilai = nilai_dari_komponen(ind.jenis, a, b)
            except KomponenTidakSah as exc:
                raise s.galat(exc.pesan, "komponen") from None
        elif ind.jenis is JenisIndikator.PREDIKAT:
            teks = s.teks("nilai", wajib=True)
        else:
            nilai = s.angka("nilai", wajib=True)
        self._tambah(
            Realisasi(
                indikator=ind,
                tahun=tahun,
                triwulan=tw,
                nilai=nilai,
                nilai_teks=teks,
                komponen_a=a,
                komponen_b=b,
                catatan=s.teks("catatan"),
                sumber_data=s.teks("sumber_data"),
                keterangan=s.teks("keterangan"),
                status=s.pilihan("status", StatusRealisasi, StatusRealisasi.DIVERIFIKASI),
            )
        )

    def _anggaran(self, node: NodeKinerja, s: Simpul) -> None:
        punya = any(s.ada(k) for k in ("anggaran", "realisasi_anggaran", "revisi_anggaran"))
        if punya and node.jenis not in (
            JenisNode.PROGRAM,
            JenisNode.KEGIATAN,
            JenisNode.SUB_KEGIATAN,
        ):
            raise s.galat(f"{node.jenis.label} tidak memiliki anggaran", "anggaran")
        for k, v in s.anak("anggaran").pasangan():
            tahun = self._tahun(k, v, self.periode)
            per_dok = v.pasangan() if isinstance(v.isi, dict) else [("dpa", v)]
            for dok, pagu_s in per_dok:
                try:
                    dokumen = DokumenAnggaran(str(dok))
                except ValueError:
                    raise pagu_s.galat(f"dokumen anggaran {dok!r} tidak dikenal") from None
                pagu = angka(pagu_s.isi, pagu_s.galat)
                if pagu < 0:
                    raise pagu_s.galat("pagu tidak boleh negatif")
                self._tambah(Anggaran(node=node, tahun=tahun, dokumen=dokumen, pagu=pagu))
        for k, per_tw in s.anak("realisasi_anggaran").pasangan():
            tahun = self._tahun(k, per_tw, self.periode)
            for tw, v in per_tw.pasangan():
                jumlah = angka(v.isi, v.galat)
                if jumlah < 0:
                    raise v.galat("realisasi anggaran tidak boleh negatif")
                self._tambah(
                    RealisasiAnggaran(
                        node=node, tahun=tahun, triwulan=self._triwulan(tw, v), jumlah=jumlah
                    )
                )
        for r in s.anak("revisi_anggaran").daftar():
            r.peta({"tahun", "tanggal", "selisih", "jenis", "alasan", "nomor_dokumen", "upaya"})
            self._tambah(
                RevisiAnggaran(
                    node=node,
                    tahun=self._tahun(r.mentah("tahun"), r, self.periode),
                    tanggal=r.tanggal("tanggal", wajib=True),
                    selisih=r.angka("selisih", wajib=True),
                    jenis=r.teks("jenis") or "refocusing",
                    alasan=r.teks_wajib("alasan"),
                    nomor_dokumen=r.teks("nomor_dokumen"),
                    upaya=r.teks("upaya"),
                )
            )

    def _tautan(self, node: NodeKinerja, s: Simpul) -> None:
        s.peta({"indikator", "node"})
        ind = None
        if s.ada("indikator"):
            kode = s.teks_wajib("indikator")
            if kode not in self.indikator:
                raise s.galat(f"indikator {kode!r} tidak ada di berkas", "indikator")
            ind = self.indikator[kode]
            atas = ind.node
        else:
            atas = self._cari(s, "node", self.node, "Node")
            if atas is None:
                raise s.galat("sebutkan indikator atau node yang didukung")
        if atas is node:
            raise s.galat("node tidak dapat mendukung dirinya sendiri")
        self._tambah(
            TautanCascading(
                node_atas=atas, node_bawah=node, indikator_atas_id=ind.id if ind else None
            )
        )

    def _rencana_aksi(self, node: NodeKinerja, s: Simpul, urutan: int) -> None:
        s.peta(
            {"tahun", "triwulan", "indikator", "uraian", "target", "satuan", "realisasi", "urutan"}
        )
        ind = None
        if s.ada("indikator"):
            kode = s.teks_wajib("indikator")
            if kode not in self.indikator:
                raise s.galat(f"indikator {kode!r} tidak ada di berkas", "indikator")
            ind = self.indikator[kode]
        self._tambah(
            RencanaAksi(
                node_id=node.id,
                indikator_id=ind.id if ind else None,
                tahun=self._tahun(s.mentah("tahun"), s, self.periode),
                triwulan=self._triwulan(s.mentah("triwulan"), s),
                urutan=s.bulat("urutan") if s.ada("urutan") else urutan,
                uraian=s.teks_wajib("uraian"),
                target=s.angka("target"),
                satuan=s.teks("satuan"),
                realisasi=s.angka("realisasi"),
            )
        )

    # --- registers --------------------------------------------------------------------------
    def _risiko(self, opd: Opd, s: Simpul, urutan: int) -> None:
        s.peta(
            {
                "tahun",
                "level",
                "node",
                "pemilik",
                "pemilik_teks",
                "pernyataan",
                "penyebab",
                "dampak",
                "pengendalian_ada",
                "rencana_tindak",
                "kemungkinan",
                "dampak_skala",
                "penanggung_jawab",
                "tenggat",
            }
        )
        self._tambah(
            Risiko(
                opd_id=opd.id,
                tahun=self._tahun(s.mentah("tahun"), s, self.periode),
                urutan=urutan,
                level=s.bulat("level", wajib=True, minimum=0, maksimum=5),
                node=self._cari(s, "node", self.node, "Node"),
                pemilik=self._cari(s, "pemilik", self.jabatan, "Jabatan"),
                pemilik_teks=s.teks("pemilik_teks"),
                pernyataan=s.teks_wajib("pernyataan"),
                penyebab=s.teks("penyebab"),
                dampak=s.teks("dampak"),
                pengendalian_ada=s.teks("pengendalian_ada"),
                rencana_tindak=s.teks("rencana_tindak"),
                kemungkinan=s.bulat("kemungkinan", minimum=1, maksimum=5),
                dampak_skala=s.bulat("dampak_skala", minimum=1, maksimum=5),
                penanggung_jawab=s.teks("penanggung_jawab"),
                tenggat=s.tanggal("tenggat"),
            )
        )

    def _proses(self, opd: Opd, parent: ProsesBisnis | None, s: Simpul, urutan: int) -> None:
        s.peta({"jenis", "uraian", "keterangan", "node", "anak"})
        jenis = s.pilihan("jenis", JenisProses, parent.jenis if parent else None)
        proses = ProsesBisnis(
            id=uuid.uuid4(),
            opd_id=opd.id,
            parent_id=parent.id if parent else None,
            jenis=jenis,
            urutan=urutan,
            uraian=s.teks_wajib("uraian"),
            keterangan=s.teks("keterangan"),
            node=self._cari(s, "node", self.node, "Node"),
        )
        self._tambah(proses)
        self.sesi.flush()
        for i, a in enumerate(s.anak("anak").daftar()):
            self._proses(opd, proses, a, i)

    def _sop(self, opd: Opd, s: Simpul) -> None:
        s.peta({"judul", "nomor", "tahun", "unit", "status", "node"})
        unit = self._cari(s, "unit", self.unit, "Unit")
        node = self._cari(s, "node", self.node, "Node")
        self._tambah(
            Sop(
                opd_id=opd.id,
                judul=s.teks_wajib("judul"),
                nomor=s.teks("nomor"),
                tahun=s.bulat("tahun"),
                unit_id=unit.id if unit else None,
                status=s.teks("status") or "berlaku",
                node_id=node.id if node else None,
            )
        )
