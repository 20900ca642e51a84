"""Indicators: finding one by the code users type, sane bounds of its values, and editing
its definition.

The measurement services (targets, realizations, rencana aksi, evidence) share the
look-ups here: which plan and period an indicator belongs to, which agencies' locks apply,
and what a sane value is for its unit (a percentage within ±1.000, a count never negative
and whole for units such as orang or perusahaan).
"""

from __future__ import annotations

import difflib
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
from decimal import Decimal
from enum import StrEnum
from typing import Protocol, TypeVar

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from ..angka import format_angka, format_persen
from ..domain import Agregasi, JenisIndikator, Polaritas
from ..errors import InputTidakSah, KesalahanPengguna, KonflikVersi, TidakDitemukan
from ..kalkulasi import SKALA_OPINI_BPK
from ..model import (
    Indikator,
    NilaiPredikat,
    NodeKinerja,
    Opd,
    Realisasi,
    Renstra,
    Rpjmd,
    Target,
    TindakLanjut,
)
from ..storage import Database
from . import otorisasi
from .konteks import pilih_opd, renstra_untuk
from .pelaku import Pelaku

BATAS_PERSEN = Decimal(1000)
"""A percentage (target or realization) outside ±1.000 is a typing error, not a result."""

DESIMAL_MAKS = 4
"""Values are stored with four decimal places (model.base.Angka)."""

SATUAN_CACAH = frozenset(
    {
        "orang",
        "jiwa",
        "pekerja",
        "peserta",
        "pencaker",
        "alumni",
        "siswa",
        "transmigran",
        "perusahaan",
        "lembaga",
        "kelompok",
        "kali",
        "kegiatan",
        "kk",
        "keluarga",
        "rumah",
        "loker",
        "lowongan",
        "lokasi",
        "desa",
        "kecamatan",
        "dokumen",
        "berkas",
        "laporan",
        "naskah",
        "angkatan",
        "paket",
        "unit",
        "buah",
        "media",
        "kasus",
        "sertifikat",
        "izin",
    }
)
"""Units whose values are whole counts (the first word of the satuan decides, any case)."""

_E = TypeVar("_E", bound=StrEnum)


# --- look-ups ----------------------------------------------------------------------------------


def ambil_indikator(sesi: Session, indikator_id: uuid.UUID) -> Indikator:
    ind = sesi.get(Indikator, indikator_id)
    if ind is None:
        raise TidakDitemukan("Indikator tidak ditemukan (mungkin sudah dihapus orang lain).")
    return ind


def _renstra_opd(sesi: Session, opd: Opd, tahun: int | None) -> list[Renstra]:
    syarat = [Renstra.opd_id == opd.id]
    if tahun is not None:
        syarat += [Renstra.tahun_awal <= tahun, Renstra.tahun_akhir >= tahun]
    return list(sesi.scalars(select(Renstra).where(*syarat).order_by(Renstra.tahun_awal)))


def cari_indikator(sesi: Session, opd: Opd, kode: str, *, tahun: int | None = None) -> Indikator:
    """The indicator with code ``kode`` (any case) in the agency's plans.

    The agency's Renstra nodes are searched, and the RPJMD nodes its Renstra hangs under
    (the regency's indicators such as TPT). ``tahun`` narrows the search to the Renstra
    whose period holds that year; without it a code found in two plans is refused as
    ambiguous.
    """
    teks = kode.strip()
    nama_opd = opd.singkatan or opd.nama
    renstra = _renstra_opd(sesi, opd, tahun)
    if not renstra:
        if tahun is not None:
            renstra_untuk(sesi, opd, tahun)  # raises, naming the periods there are
        raise TidakDitemukan(f"OPD {nama_opd} belum memiliki Renstra.")
    rpjmd_ids = {r.rpjmd_id for r in renstra if r.rpjmd_id is not None}
    lingkup = or_(
        NodeKinerja.renstra_id.in_([r.id for r in renstra]),
        NodeKinerja.rpjmd_id.in_(rpjmd_ids),
    )
    hasil = list(
        sesi.scalars(
            select(Indikator)
            .join(NodeKinerja, Indikator.node_id == NodeKinerja.id)
            .where(lingkup, func.lower(Indikator.kode) == teks.lower())
        )
    )
    if len(hasil) == 1:
        return hasil[0]
    if len(hasil) > 1:
        raise KesalahanPengguna(
            f"Kode indikator '{teks}' dipakai di lebih dari satu Renstra {nama_opd}; "
            "sebutkan tahunnya."
        )
    semua = sesi.scalars(
        select(Indikator.kode).join(NodeKinerja, Indikator.node_id == NodeKinerja.id).where(lingkup)
    ).all()
    mirip = difflib.get_close_matches(teks.upper(), [k.upper() for k in semua], n=3, cutoff=0.6)
    saran = f" Kode yang mirip: {', '.join(mirip)}." if mirip else ""
    raise TidakDitemukan(f"Indikator dengan kode '{teks}' tidak ada di OPD {nama_opd}.{saran}")


@dataclass(frozen=True)
class PeriodeRencana:
    """The plan an indicator belongs to: its period and a label for messages."""

    tahun_awal: int
    tahun_akhir: int
    nama: str

    @property
    def label(self) -> str:
        return f"{self.nama} {self.tahun_awal}–{self.tahun_akhir}"


def periode_node(sesi: Session, node: NodeKinerja) -> PeriodeRencana:
    """The period of the plan holding ``node`` (its Renstra, or the regency's RPJMD)."""
    if node.renstra_id is not None:
        r = sesi.get(Renstra, node.renstra_id)
        assert r is not None
        return PeriodeRencana(r.tahun_awal, r.tahun_akhir, "Renstra")
    rp = sesi.get(Rpjmd, node.rpjmd_id)
    assert rp is not None
    return PeriodeRencana(rp.tahun_awal, rp.tahun_akhir, "RPJMD")


def periode_indikator(sesi: Session, ind: Indikator) -> PeriodeRencana:
    return periode_node(sesi, ind.node)


def wajib_tahun_dalam_periode(sesi: Session, ind: Indikator, tahun: int) -> None:
    """Refuse a year outside the plan that holds the indicator (InputTidakSah on "tahun")."""
    p = periode_indikator(sesi, ind)
    if not p.tahun_awal <= tahun <= p.tahun_akhir:
        raise InputTidakSah(
            f"Tahun {tahun} di luar periode {p.label} tempat indikator {ind.kode} berada.",
            field="tahun",
        )


def opd_indikator(sesi: Session, ind: Indikator) -> list[uuid.UUID]:
    """Agencies whose locks apply: the Renstra's agency, or every agency under an RPJMD."""
    node = ind.node
    if node.renstra_id is not None:
        r = sesi.get(Renstra, node.renstra_id)
        return [r.opd_id] if r is not None else []
    return list(
        sesi.scalars(select(Renstra.opd_id).where(Renstra.rpjmd_id == node.rpjmd_id).distinct())
    )


def node_lingkup_kode(sesi: Session, node: NodeKinerja) -> list[uuid.UUID]:
    """Nodes among which an indicator code must be unique: the plan and its RPJMD."""
    if node.renstra_id is not None:
        r = sesi.get(Renstra, node.renstra_id)
        syarat = [NodeKinerja.renstra_id == node.renstra_id]
        if r is not None and r.rpjmd_id is not None:
            syarat.append(NodeKinerja.rpjmd_id == r.rpjmd_id)
    else:
        renstra_ids = sesi.scalars(select(Renstra.id).where(Renstra.rpjmd_id == node.rpjmd_id))
        syarat = [
            NodeKinerja.rpjmd_id == node.rpjmd_id,
            NodeKinerja.renstra_id.in_(list(renstra_ids)),
        ]
    return list(sesi.scalars(select(NodeKinerja.id).where(or_(*syarat))))


# --- sane values -------------------------------------------------------------------------------


def satuan_persen(satuan: str | None) -> bool:
    return (satuan or "").strip().casefold() in {"%", "persen"}


def satuan_cacah(satuan: str | None) -> bool:
    """True for a unit counted in whole numbers (orang, perusahaan, kali, KK…)."""
    kata = (satuan or "").strip().casefold().replace("/", " ").split()
    return bool(kata) and kata[0] in SATUAN_CACAH


def teks_nilai(nilai: Decimal | None, satuan: str | None) -> str:
    """A value with its unit as messages print it: "1,28%", "2.700 loker", "—"."""
    if nilai is None:
        return "—"
    if satuan_persen(satuan):
        return format_persen(nilai, desimal=None)
    return f"{format_angka(nilai)} {(satuan or '').strip()}".strip()


class SifatIndikator(Protocol):
    """What the bound checks need of an indicator (an Indikator, or an entry line)."""

    @property
    def jenis(self) -> JenisIndikator: ...

    @property
    def satuan(self) -> str: ...


def periksa_nilai(ind: SifatIndikator, nilai: Decimal, *, field: str, apa: str) -> None:
    """Refuse a value that cannot be right for the indicator's unit and kind.

    * at most four decimals (what the database keeps);
    * a percentage (satuan "%") within −1.000 … 1.000; a *persentase penyelesaian*
      (part of a whole) within 0 … 100;
    * a *jumlah* never negative, and whole when its unit is a count (orang, KK…).

    ``apa`` names the value in the message ("Target IKU.1 2020").
    """
    if not nilai.is_finite():
        raise InputTidakSah(f"{apa}: nilai {nilai} bukan angka.", field=field)
    if nilai.as_tuple().exponent < -DESIMAL_MAKS:  # type: ignore[operator]
        raise InputTidakSah(
            f"{apa}: {format_angka(nilai, 6)} memiliki lebih dari {DESIMAL_MAKS} angka di "
            "belakang koma.",
            field=field,
        )
    if abs(nilai) >= Decimal(10) ** 15:
        raise InputTidakSah(f"{apa}: {format_angka(nilai)} terlalu besar.", field=field)
    satuan = ind.satuan
    if ind.jenis is JenisIndikator.PERSENTASE_PENYELESAIAN and not 0 <= nilai <= 100:
        raise InputTidakSah(
            f"{apa}: {teks_nilai(nilai, '%')} tidak mungkin untuk persentase penyelesaian "
            "(bagian dari keseluruhan, 0% s.d. 100%).",
            field=field,
        )
    if satuan_persen(satuan) and abs(nilai) > BATAS_PERSEN:
        raise InputTidakSah(
            f"{apa}: {teks_nilai(nilai, '%')} di luar batas wajar persentase "
            f"(−{format_angka(BATAS_PERSEN)}% s.d. {format_angka(BATAS_PERSEN)}%).",
            field=field,
        )
    if ind.jenis is JenisIndikator.JUMLAH:
        if nilai < 0:
            raise InputTidakSah(
                f"{apa}: jumlah tidak boleh negatif ({teks_nilai(nilai, satuan)}).", field=field
            )
        if satuan_cacah(satuan) and nilai != nilai.to_integral_value():
            raise InputTidakSah(
                f"{apa}: {format_angka(nilai)} {satuan} bukan bilangan bulat; "
                f"satuan {satuan} dihitung utuh.",
                field=field,
            )


def skala_indikator(sesi: Session, ind: Indikator) -> dict[str, Decimal]:
    """The predicate scale of a text indicator (its own, else the BPK opinion scale)."""
    if ind.skala_predikat_id is None:
        return dict(SKALA_OPINI_BPK)
    return {
        n.teks: n.skor
        for n in sesi.scalars(
            select(NilaiPredikat).where(NilaiPredikat.skala_id == ind.skala_predikat_id)
        )
    }


def periksa_predikat(sesi: Session, ind: Indikator, teks: str, *, field: str, apa: str) -> str:
    """The predicate as the scale spells it; refused when the scale does not know it."""
    skala = skala_indikator(sesi, ind)
    for nama in skala:
        if nama.strip().casefold() == teks.strip().casefold():
            return nama
    sah = ", ".join(skala) or "—"
    raise InputTidakSah(
        f"{apa}: predikat '{teks.strip()}' tidak ada di skala ({sah}).", field=field
    )


def catat_alasan(sesi: Session, alasan: str | None) -> None:
    """Make sure the audit rows of this transaction carry the user's reason."""
    if alasan and not sesi.info.get("alasan"):
        sesi.info["alasan"] = alasan


# --- transactions ------------------------------------------------------------------------------


@contextmanager
def transaksi(db: Database, pelaku: Pelaku, alasan: str | None = None) -> Iterator[Session]:
    """``db.transaksi`` for the measurement services: a stale version becomes KonflikVersi."""
    try:
        with db.transaksi(pelaku, alasan=alasan) as sesi:
            yield sesi
    except StaleDataError as exc:
        raise KonflikVersi(
            "Data ini baru saja diubah pengguna lain. Muat ulang lalu ulangi perubahan Anda."
        ) from exc


# --- indicator definitions ---------------------------------------------------------------------


@dataclass
class DataIndikator:
    """What the indicator form edits. Enum fields accept the enum or its value string."""

    kode: str
    nama: str
    satuan: str
    jenis: JenisIndikator | str = JenisIndikator.NILAI
    polaritas: Polaritas | str = Polaritas.POSITIF
    agregasi: Agregasi | str = Agregasi.NILAI_AKHIR
    rumus: str | None = None
    label_komponen_a: str | None = None
    label_komponen_b: str | None = None
    baseline: Decimal | None = None
    baseline_tahun: int | None = None
    sumber_data: str | None = None
    penjelasan: str | None = None
    iku: bool = False
    urutan: int | None = None


def _pilihan(nilai: str, enum_cls: type[_E], field: str, nama: str) -> _E:
    try:
        return enum_cls(nilai)
    except ValueError:
        sah = ", ".join(e.value for e in enum_cls)
        raise InputTidakSah(f"{nama} {nilai!r} tidak dikenal; pilih: {sah}.", field=field) from None


def _teks(nilai: str | None) -> str | None:
    if nilai is None:
        return None
    bersih = nilai.strip()
    return bersih or None


def _sahkan(
    sesi: Session, data: DataIndikator, node: NodeKinerja, sendiri: uuid.UUID | None
) -> dict[str, object]:
    """Check the form and return the values to store (a dict of column → value)."""
    kode = (data.kode or "").strip()
    if not kode:
        raise InputTidakSah("Kode indikator wajib diisi (misalnya IKU.1).", field="kode")
    if len(kode) > 40 or any(c.isspace() for c in kode):
        raise InputTidakSah(
            f"Kode indikator '{kode}' tidak sah: paling banyak 40 karakter, tanpa spasi.",
            field="kode",
        )
    nama = _teks(data.nama)
    if nama is None:
        raise InputTidakSah("Nama indikator wajib diisi.", field="nama")
    satuan = _teks(data.satuan)
    if satuan is None:
        raise InputTidakSah("Satuan wajib diisi (%, orang, perusahaan…).", field="satuan")
    if len(satuan) > 40:
        raise InputTidakSah("Satuan paling banyak 40 karakter.", field="satuan")
    jenis = _pilihan(data.jenis, JenisIndikator, "jenis", "Jenis indikator")
    polaritas = _pilihan(data.polaritas, Polaritas, "polaritas", "Polaritas")
    agregasi = _pilihan(data.agregasi, Agregasi, "agregasi", "Aturan agregasi triwulan")
    if jenis.dari_komponen and not satuan_persen(satuan):
        raise InputTidakSah(
            f"{jenis.label} dinyatakan dalam persen; satuannya harus %, bukan {satuan}.",
            field="satuan",
        )
    if jenis is JenisIndikator.JUMLAH and satuan_persen(satuan):
        raise InputTidakSah(
            "Indikator berjenis jumlah tidak bersatuan %; pilih jenis nilai atau persentase.",
            field="satuan",
        )
    if data.baseline_tahun is not None and not 1900 <= data.baseline_tahun <= 2200:
        raise InputTidakSah(
            f"Tahun baseline {data.baseline_tahun} tidak masuk akal.", field="baseline_tahun"
        )
    sama = sesi.scalar(
        select(Indikator).where(
            Indikator.node_id.in_(node_lingkup_kode(sesi, node)),
            func.lower(Indikator.kode) == kode.lower(),
            *([Indikator.id != sendiri] if sendiri is not None else []),
        )
    )
    if sama is not None:
        raise InputTidakSah(
            f"Kode {kode} sudah dipakai indikator lain di rencana ini ({sama.nama[:60]}).",
            field="kode",
        )
    return {
        "kode": kode,
        "nama": nama,
        "satuan": satuan,
        "jenis": jenis,
        "polaritas": polaritas,
        "agregasi": agregasi,
        "rumus": _teks(data.rumus),
        "label_komponen_a": _teks(data.label_komponen_a) if jenis.dari_komponen else None,
        "label_komponen_b": _teks(data.label_komponen_b) if jenis.dari_komponen else None,
        "baseline": data.baseline,
        "baseline_tahun": data.baseline_tahun,
        "sumber_data": _teks(data.sumber_data),
        "penjelasan": _teks(data.penjelasan),
        "iku": bool(data.iku),
    }


def _periksa_baseline(ind: Indikator, nilai: Decimal | None) -> None:
    if nilai is not None:
        periksa_nilai(ind, nilai, field="baseline", apa=f"Baseline {ind.kode}")


def tambah_indikator(
    sesi: Session, pelaku: Pelaku, node_id: uuid.UUID, data: DataIndikator
) -> Indikator:
    """Add an indicator to a node of the plan (Perencana/Admin, or the Kabid in scope)."""
    node = sesi.get(NodeKinerja, node_id)
    if node is None:
        raise TidakDitemukan("Node pohon kinerja tidak ditemukan.")
    otorisasi.wajib_ubah_rencana(sesi, pelaku, node)
    nilai = _sahkan(sesi, data, node, None)
    urutan = data.urutan
    if urutan is None:
        urutan = 1 + max((i.urutan for i in node.indikator), default=-1)
    ind = Indikator(node=node, urutan=urutan, **nilai)
    _periksa_baseline(ind, ind.baseline)
    sesi.add(ind)
    sesi.flush()
    return ind


def ubah_indikator(
    sesi: Session,
    pelaku: Pelaku,
    indikator_id: uuid.UUID,
    data: DataIndikator,
    *,
    versi: int | None = None,
) -> bool:
    """Change an indicator's definition; True when something changed.

    ``versi`` is the version the form was loaded with: a newer one in the database means
    someone else saved first (KonflikVersi). The kind of an indicator that already has
    realizations cannot change (its stored counts would lose their meaning).
    """
    ind = ambil_indikator(sesi, indikator_id)
    otorisasi.wajib_ubah_rencana(sesi, pelaku, ind.node)
    if versi is not None and versi != ind.versi:
        raise KonflikVersi(
            f"Indikator {ind.kode} sudah diubah oleh {ind.diubah_oleh or 'pengguna lain'} "
            "sejak formulir dibuka. Muat ulang lalu ulangi perubahan Anda."
        )
    nilai = _sahkan(sesi, data, ind.node, ind.id)
    if nilai["jenis"] != ind.jenis:
        ada = sesi.scalar(
            select(func.count()).select_from(Realisasi).where(Realisasi.indikator_id == ind.id)
        )
        if ada:
            raise InputTidakSah(
                f"Jenis indikator {ind.kode} tidak dapat diubah: sudah ada {ada} realisasi "
                "yang tersimpan menurut jenis lama.",
                field="jenis",
            )
    if data.urutan is not None:
        nilai["urutan"] = data.urutan
    berubah = False
    for kunci, baru in nilai.items():
        if getattr(ind, kunci) != baru:
            setattr(ind, kunci, baru)
            berubah = True
    _periksa_baseline(ind, ind.baseline)
    return berubah


def hapus_indikator(sesi: Session, pelaku: Pelaku, indikator_id: uuid.UUID) -> None:
    """Delete an indicator with its targets and follow-up texts.

    Refused while it has realizations: measured results are not thrown away by deleting
    their indicator (delete the realizations first, each one audited).
    """
    ind = ambil_indikator(sesi, indikator_id)
    otorisasi.wajib_ubah_rencana(sesi, pelaku, ind.node)
    ada = sesi.scalar(
        select(func.count()).select_from(Realisasi).where(Realisasi.indikator_id == ind.id)
    )
    if ada:
        raise KesalahanPengguna(
            f"Indikator {ind.kode} tidak dapat dihapus: sudah memiliki {ada} realisasi. "
            "Hapus realisasinya terlebih dahulu."
        )
    for t in sesi.scalars(select(Target).where(Target.indikator_id == ind.id)):
        sesi.delete(t)
    for tl in sesi.scalars(select(TindakLanjut).where(TindakLanjut.indikator_id == ind.id)):
        sesi.delete(tl)
    sesi.flush()
    sesi.expire(ind, ["target", "realisasi"])
    sesi.delete(ind)
    sesi.flush()


def data_indikator(ind: Indikator) -> DataIndikator:
    """The form's values of an existing indicator (to edit it)."""
    return DataIndikator(**{f.name: getattr(ind, f.name) for f in fields(DataIndikator)})


class LayananIndikator:
    """Indicator look-up and editing for the window and the CLI."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def cari(self, kode: str, *, tahun: int | None = None, opd: str | None = None) -> Indikator:
        with self.db.baca() as sesi:
            return cari_indikator(sesi, pilih_opd(sesi, opd), kode, tahun=tahun)

    def tambah(self, pelaku: Pelaku, node_id: uuid.UUID, data: DataIndikator) -> uuid.UUID:
        with transaksi(self.db, pelaku) as sesi:
            return tambah_indikator(sesi, pelaku, node_id, data).id

    def ubah(
        self,
        pelaku: Pelaku,
        indikator_id: uuid.UUID,
        data: DataIndikator,
        *,
        versi: int | None = None,
        alasan: str | None = None,
    ) -> bool:
        with transaksi(self.db, pelaku, alasan) as sesi:
            return ubah_indikator(sesi, pelaku, indikator_id, data, versi=versi)

    def hapus(self, pelaku: Pelaku, indikator_id: uuid.UUID, *, alasan: str | None = None) -> None:
        with transaksi(self.db, pelaku, alasan) as sesi:
            hapus_indikator(sesi, pelaku, indikator_id)
