"""Exchange files for PCs off the network: export a bidang's changes, import them with a
preview, apply in one transaction, and leave conflicts for a person.

How a change travels: every record keeps its UUID in every copy of the database, and every
change has an audit row with its own UUID. A paket carries, for each record changed since
the last export to that peer, its current row and all its audit rows. The importing PC
compares audit rows: those it lacks are the sender's news, those the sender lacks are its
own. News on one side only is applied (or, if only this side moved, kept); news on both
sides touching the same field is a conflict, recorded in `KonflikPaket` for a person. The
sender's audit rows are inserted as they are (who, when, why on the other PC), so history
moves with the data and importing the same paket again finds nothing new. See docs/paket.md.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Table, delete, func, insert, select, update
from sqlalchemy.orm import Session

from ..domain import Peran
from ..errors import AksesDitolak, DataTerkunci, InputTidakSah, TidakDitemukan
from ..model import Jabatan, JejakAudit, KonflikPaket, Opd, PertukaranPaket, UnitKerja, sekarang
from ..storage.database import Database, tandai_tulis
from ..storage.jejak import teks_nilai
from ..storage.salin import nilai_kanonik
from . import otorisasi
from .paket_aturan import (
    MODEL,
    TABEL_PAKET,
    label_rekaman,
    pelaku_dari_nama,
    rekaman_lingkup,
    subpohon,
    tabel,
    wajib_boleh_ubah,
    wajib_tidak_terkunci,
)
from .paket_berkas import (
    AKHIRAN,
    FORMAT,
    BerkasPaket,
    PaketDitolak,
    baca_berkas,
    baris_dari_json,
    baris_ke_json,
    kunci_paket,
    periksa_tanda,
    tulis_berkas,
)
from .pelaku import Pelaku

BUKU = ("versi", "dibuat_pada", "diubah_pada", "diubah_oleh")
"""Bookkeeping columns: not content, never a conflict."""
SEMUA = "*"
LINGKUP_SEMUA = "semua"

__all__ = [
    "AKHIRAN",
    "EntriImpor",
    "HasilEkspor",
    "HasilImpor",
    "InfoKonflik",
    "PaketDitolak",
    "daftar_konflik",
    "ekspor_paket",
    "impor_paket",
    "riwayat_pertukaran",
    "selesaikan_konflik",
]


# --- export ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HasilEkspor:
    path: Path
    paket_id: uuid.UUID
    lingkup_label: str
    sejak: datetime | None
    jumlah: dict[str, int]
    sha256: str

    @property
    def total(self) -> int:
        return sum(self.jumlah.values())


def _unit_dari_kode(sesi: Session, kode: str) -> UnitKerja:
    cocok = [
        u
        for u in sesi.scalars(select(UnitKerja))
        if kode.strip().casefold() in {(u.kode or "").casefold(), u.nama.casefold()}
    ]
    if len(cocok) != 1:
        ada = ", ".join(sorted(u.kode for u in sesi.scalars(select(UnitKerja)) if u.kode))
        sebab = "tidak ditemukan" if not cocok else "tidak unik"
        raise TidakDitemukan(f"Bidang {kode!r} {sebab}. Kode yang ada: {ada or '—'}.")
    return cocok[0]


def _lingkup(
    sesi: Session, pelaku: Pelaku, bidang: str | None
) -> tuple[str, str, set[uuid.UUID] | None, uuid.UUID]:
    """(key, label, units or None for all, opd id) of what ``pelaku`` may export."""
    if pelaku.peran is Peran.PEMBACA:
        raise AksesDitolak(
            f"Akses ditolak: {pelaku.label} (Pembaca) tidak dapat mengekspor perubahan."
        )
    cakupan = otorisasi.unit_cakupan(sesi, pelaku)
    unit: UnitKerja | None = None
    if bidang:
        unit = _unit_dari_kode(sesi, bidang)
    elif cakupan is not None:
        j = sesi.get(Jabatan, pelaku.jabatan_id) if pelaku.jabatan_id else None
        unit = sesi.get(UnitKerja, j.unit_id) if j is not None and j.unit_id else None
        if unit is None:
            raise AksesDitolak(
                f"Akses ditolak: {pelaku.label} tidak terhubung ke jabatan ber-unit; "
                "sebutkan --bidang."
            )
    if unit is not None:
        if cakupan is not None and unit.id not in cakupan:
            raise AksesDitolak(f"Akses ditolak: {pelaku.label} tidak berwenang atas {unit.nama}.")
        return f"unit:{unit.id}", unit.nama, subpohon(sesi, unit.id), unit.opd_id
    opd = sesi.scalars(select(Opd)).all()
    if len(opd) != 1:
        raise InputTidakSah(
            "Basis data ini memuat lebih dari satu OPD: sebutkan --bidang.", field="bidang"
        )
    return LINGKUP_SEMUA, f"Seluruh {opd[0].nama}", None, opd[0].id


def _ambil_baris(sesi: Session, t: Table, rid: uuid.UUID) -> dict[str, Any] | None:
    b = sesi.execute(select(t).where(t.c.id == rid)).first()
    return dict(b._mapping) if b is not None else None


def _jejak_rekaman(sesi: Session, nama_tabel: str, rid: uuid.UUID) -> list[dict[str, Any]]:
    tj = tabel("jejak_audit")
    return [
        dict(b._mapping)
        for b in sesi.execute(
            select(tj).where(tj.c.tabel == nama_tabel, tj.c.rekaman_id == rid).order_by(tj.c.waktu)
        )
    ]


def _calon(
    sesi: Session,
    ids: dict[str, set[uuid.UUID]],
    unit: set[uuid.UUID] | None,
    sejak: datetime | None,
) -> dict[str, set[uuid.UUID]]:
    """Records changed since ``sejak`` (all of the scope when None), deletions included."""
    hasil: dict[str, set[uuid.UUID]] = {n: set() if sejak else set(ids[n]) for n in TABEL_PAKET}
    q = select(JejakAudit.tabel, JejakAudit.rekaman_id, JejakAudit.aksi, JejakAudit.unit_id).where(
        JejakAudit.tabel.in_(TABEL_PAKET), JejakAudit.rekaman_id.is_not(None)
    )
    if sejak is not None:
        q = q.where(JejakAudit.waktu > sejak)
    for nama, rid, aksi, unit_id in sesi.execute(q):
        if rid in ids[nama] or (aksi == "hapus" and (unit is None or unit_id in unit)):
            hasil[nama].add(rid)
    if sejak is not None:  # bulk loads write no per-record audit rows: use the timestamps
        for nama in TABEL_PAKET:
            t = tabel(nama)
            kolom = t.c.diubah_pada if "diubah_pada" in t.c else t.c.diunggah_pada
            for (rid,) in sesi.execute(select(t.c.id).where(kolom > sejak)):
                if rid in ids[nama]:
                    hasil[nama].add(rid)
    return hasil


def ekspor_paket(
    db: Database,
    pelaku: Pelaku,
    tujuan: Path,
    *,
    bidang: str | None = None,
    semua: bool = False,
) -> HasilEkspor:
    """Write a paket of the changes since the last export to the same peer.

    ``bidang`` (a unit code or name) defaults to the user's own unit; a Perencana or
    Administrator without one exports the whole agency (the consolidated data sent back).
    ``semua`` ignores the last exchange and sends every record of the scope (safe: the
    receiver skips what it has). The export is logged, so the next one starts from here.
    """
    tujuan = Path(tujuan)
    with db.transaksi(pelaku, alasan="Ekspor paket pertukaran") as sesi:
        kunci_lingkup, label, unit, opd_id = _lingkup(sesi, pelaku, bidang)
        terakhir = sesi.scalar(
            select(func.max(PertukaranPaket.jejak_sampai)).where(
                PertukaranPaket.lingkup == kunci_lingkup, PertukaranPaket.arah == "kirim"
            )
        )
        sejak = None if semua else terakhir
        mulai = sekarang()
        ids = rekaman_lingkup(sesi, unit)
        calon = _calon(sesi, ids, unit, sejak)
        rekaman: list[dict[str, Any]] = []
        jumlah: dict[str, int] = {}
        for nama in TABEL_PAKET:
            t = tabel(nama)
            for rid in sorted(calon[nama], key=str):
                baris = _ambil_baris(sesi, t, rid)
                rekaman.append(
                    {
                        "tabel": nama,
                        "id": str(rid),
                        "baris": baris_ke_json(baris) if baris is not None else None,
                        "jejak": [baris_ke_json(j) for j in _jejak_rekaman(sesi, nama, rid)],
                    }
                )
            jumlah[nama] = len(calon[nama])
        opd = sesi.get(Opd, opd_id)
        assert opd is not None
        paket_id = uuid.uuid4()
        isi = {
            "format": FORMAT,
            "paket_id": str(paket_id),
            "dibuat_pada": mulai.isoformat(),
            "opd": {"id": str(opd.id), "nama": opd.nama},
            "lingkup": {"kunci": kunci_lingkup, "label": label},
            "pengirim": {
                "username": pelaku.username,
                "peran": pelaku.peran.value,
                "jabatan_id": str(pelaku.jabatan_id) if pelaku.jabatan_id else None,
                "nama": pelaku.nama,
            },
            "sejak": sejak.isoformat() if sejak else None,
            "rekaman": rekaman,
        }
        sha = tulis_berkas(tujuan, isi, kunci_paket(sesi, opd.id))
        sesi.add(
            PertukaranPaket(
                paket_id=paket_id,
                arah="kirim",
                lingkup=kunci_lingkup,
                lingkup_label=label,
                pengirim=pelaku.username,
                waktu=mulai,
                jejak_sampai=mulai,
                oleh=pelaku.username,
                jumlah_rekaman=len(rekaman),
                sha256=sha,
            )
        )
    return HasilEkspor(tujuan, paket_id, label, sejak, jumlah, sha)


# --- import: analysis --------------------------------------------------------------------------


@dataclass
class EntriImpor:
    """One record of the paket and what importing it does here."""

    tabel: str
    rekaman_id: uuid.UUID
    label: str
    aksi: str
    """tambah, ubah or hapus (what the paket does to this database's record)."""
    status: str
    """terapkan, gabung (only the paket's fields), sama (nothing to do), lokal-lebih-baru
    (this database moved on; it flows back later) or konflik."""
    perubahan: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    """field → (value here, value in the paket), for the fields that would change."""
    sebab: str | None = None
    oleh_lokal: str | None = None
    pada_lokal: datetime | None = None
    # what applying needs (not shown)
    baris: dict[str, Any] | None = None
    jejak_baru: list[dict[str, Any]] = field(default_factory=list)
    kolom: tuple[str, ...] = ()
    mentah: dict[str, Any] = field(default_factory=dict)

    @property
    def mengubah(self) -> bool:
        return self.status in ("terapkan", "gabung")


@dataclass
class HasilImpor:
    paket_id: uuid.UUID
    pengirim: str
    lingkup_label: str
    dibuat_pada: str
    entri: list[EntriImpor]
    diterapkan: bool = False
    sudah_diimpor: datetime | None = None
    konflik_terbuka: int = 0
    """Open conflicts of this paket after the import (waiting for a person)."""

    def dengan_status(self, *status: str) -> list[EntriImpor]:
        return [e for e in self.entri if e.status in status]

    @property
    def jumlah_berubah(self) -> int:
        return len(self.dengan_status("terapkan", "gabung"))

    @property
    def konflik(self) -> list[EntriImpor]:
        return self.dengan_status("konflik")


def _sama(a: dict[str, Any], b: dict[str, Any], kolom: list[str]) -> bool:
    return all(nilai_kanonik(a.get(k)) == nilai_kanonik(b.get(k)) for k in kolom)


def _kolom_isi(t: Table) -> list[str]:
    return [c.name for c in t.columns if c.name not in BUKU]


def _field_jejak(baris: list[dict[str, Any]]) -> set[str]:
    """Fields these audit rows changed; SEMUA for a creation or deletion."""
    hasil: set[str] = set()
    for j in baris:
        if j["aksi"] in ("tambah", "hapus") or not j.get("field"):
            hasil.add(SEMUA)
        else:
            hasil.add(str(j["field"]))
    return hasil


def _bentrok_unik(sesi: Session, t: Table, baris: dict[str, Any]) -> str | None:
    """A record here with the same natural key (e.g. the same quarter) but another id."""
    from sqlalchemy import UniqueConstraint

    for c in t.constraints:
        if isinstance(c, UniqueConstraint):
            syarat = [col == baris.get(col.name) for col in c.columns]
            ada = sesi.execute(select(t.c.id).where(*syarat, t.c.id != baris["id"])).first()
            if ada is not None:
                return "rekaman yang sama sudah dibuat terpisah di basis data ini"
    return None


def _analisis_entri(
    sesi: Session, data: dict[str, Any], pengirim: Pelaku, pengimpor: Pelaku
) -> EntriImpor:
    nama = str(data["tabel"])
    if nama not in TABEL_PAKET:
        raise ValueError(f"tabel {nama} tidak boleh ada di paket")
    t = tabel(nama)
    tj = tabel("jejak_audit")
    rid = uuid.UUID(str(data["id"]))
    baris = baris_dari_json(t, data["baris"]) if data.get("baris") is not None else None
    if baris is not None and baris.get("id") != rid:
        raise ValueError("id rekaman tidak cocok")
    jejak = [baris_dari_json(tj, j) for j in data.get("jejak") or []]
    if any(j["tabel"] != nama or j["rekaman_id"] != rid for j in jejak):
        raise ValueError("jejak audit milik rekaman lain")
    lokal = _ambil_baris(sesi, t, rid)
    id_lokal = set(
        sesi.scalars(
            select(JejakAudit.id).where(JejakAudit.tabel == nama, JejakAudit.rekaman_id == rid)
        )
    )
    id_paket = {j["id"] for j in jejak}
    baru = [j for j in jejak if j["id"] not in id_lokal]
    lokal_saja = id_lokal - id_paket
    acuan = baris or lokal or {}
    aksi = "hapus" if baris is None else ("tambah" if lokal is None else "ubah")
    isi = _kolom_isi(t)
    e = EntriImpor(
        nama,
        rid,
        label_rekaman(sesi, nama, acuan),
        aksi,
        "sama",
        baris=baris,
        jejak_baru=baru,
        mentah=data,
    )
    if lokal is not None:
        e.oleh_lokal, e.pada_lokal = lokal.get("diubah_oleh"), lokal.get("diubah_pada")
    if baris is not None and lokal is not None:
        e.perubahan = {
            k: (teks_nilai(lokal.get(k)), teks_nilai(baris.get(k)))
            for k in isi
            if nilai_kanonik(lokal.get(k)) != nilai_kanonik(baris.get(k))
        }
    elif baris is not None:
        e.perubahan = {k: (None, teks_nilai(baris.get(k))) for k in isi if baris.get(k) is not None}
    elif lokal is not None:
        e.perubahan = {k: (teks_nilai(lokal.get(k)), None) for k in isi if lokal.get(k) is not None}
    if (baris is None and lokal is None) or (
        baris is not None and lokal is not None and _sama(baris, lokal, isi)
    ):
        return e  # sama: only the audit rows it lacks are added
    if lokal_saja and not baru:
        e.status = "lokal-lebih-baru"
        return e
    if not lokal_saja and not baru:  # neither side has history: a bulk load; newer wins
        waktu_paket = (baris or {}).get("diubah_pada") or (baris or {}).get("diunggah_pada")
        waktu_lokal = (lokal or {}).get("diubah_pada") or (lokal or {}).get("diunggah_pada")
        if baris is None or (
            lokal is not None
            and waktu_lokal is not None
            and waktu_paket is not None
            and nilai_kanonik(waktu_lokal) >= nilai_kanonik(waktu_paket)  # type: ignore[operator]
        ):
            e.status = "lokal-lebih-baru"
            return e
    # The paket brings news: may its authors change this record here?
    try:
        for p in {pengirim, pengimpor} | {
            pelaku_dari_nama(sesi, j.get("pengguna"), pengirim) for j in baru
        }:
            try:
                wajib_boleh_ubah(sesi, p, nama, acuan)
            except AksesDitolak as exc:
                if p is pengimpor:
                    raise
                raise PaketDitolak(
                    f"Paket ditolak: {e.label} diubah oleh {p.label} yang tidak berwenang "
                    f"mengubahnya di basis data ini ({exc.pesan}). Tidak ada yang diubah."
                ) from exc
    except TidakDitemukan as exc:
        e.status, e.sebab = "konflik", f"Tidak dapat diterapkan: {exc.pesan}."
        return e
    if lokal_saja:
        f_paket = _field_jejak(baru)
        f_lokal = _field_jejak(
            [dict(b._mapping) for b in sesi.execute(select(tj).where(tj.c.id.in_(lokal_saja)))]
        )
        beda = set(e.perubahan)
        bentrok = beda if SEMUA in f_paket | f_lokal else (f_paket & f_lokal & beda)
        if bentrok or baris is None or lokal is None:
            e.status = "konflik"
            e.sebab = "Rekaman ini diubah di kedua tempat sejak pertukaran terakhir."
            e.perubahan = {k: v for k, v in e.perubahan.items() if k in (bentrok or beda)}
            return e
        e.status, e.kolom = "gabung", tuple(sorted(f_paket & set(isi)))
        e.perubahan = {k: v for k, v in e.perubahan.items() if k in e.kolom}
    else:
        e.status = "terapkan"
    try:
        if baris is not None:
            wajib_tidak_terkunci(sesi, nama, baris)
        elif lokal is not None:
            wajib_tidak_terkunci(sesi, nama, lokal)
    except DataTerkunci as exc:
        e.status, e.sebab = "konflik", exc.pesan
        return e
    if aksi == "tambah" and baris is not None:
        sebab = _bentrok_unik(sesi, t, baris)
        if sebab:
            e.status, e.sebab = "konflik", f"Tidak dapat ditambahkan: {sebab}."
    return e


def _pengirim(sesi: Session, isi: dict[str, Any]) -> Pelaku:
    p = isi.get("pengirim") or {}
    try:
        peran = Peran(p.get("peran"))
        jabatan = uuid.UUID(p["jabatan_id"]) if p.get("jabatan_id") else None
    except (ValueError, TypeError) as exc:
        raise PaketDitolak("Paket ditolak: pengirimnya tidak dikenali.") from exc
    cadangan = Pelaku(str(p.get("username") or "?"), peran, jabatan, p.get("nama"))
    try:
        return pelaku_dari_nama(sesi, cadangan.username, cadangan)
    except AksesDitolak as exc:
        raise PaketDitolak(f"Paket ditolak: {exc.pesan}") from exc


def _baca_dan_periksa(sesi: Session, path: Path) -> BerkasPaket:
    berkas = baca_berkas(path)
    opd = sesi.get(Opd, berkas.opd_id)
    if opd is None:
        nama = (berkas.isi.get("opd") or {}).get("nama") or "instansi lain"
        raise PaketDitolak(
            f"Paket ini dari {nama}, bukan dari instansi di basis data ini. Paket ditolak; "
            "tidak ada yang diubah."
        )
    periksa_tanda(berkas, kunci_paket(sesi, opd.id), path.name)
    return berkas


def _analisis(sesi: Session, pengimpor: Pelaku, path: Path) -> HasilImpor:
    berkas = _baca_dan_periksa(sesi, path)
    isi = berkas.isi
    pengirim = _pengirim(sesi, isi)
    hasil = HasilImpor(
        berkas.paket_id,
        pengirim.label,
        str((isi.get("lingkup") or {}).get("label") or ""),
        str(isi.get("dibuat_pada") or ""),
        [],
    )
    hasil.sudah_diimpor = sesi.scalar(
        select(PertukaranPaket.waktu).where(
            PertukaranPaket.paket_id == berkas.paket_id, PertukaranPaket.arah == "terima"
        )
    )
    for data in isi.get("rekaman") or []:
        try:
            hasil.entri.append(_analisis_entri(sesi, data, pengirim, pengimpor))
        except (KeyError, TypeError, ValueError) as exc:
            raise PaketDitolak(
                f"Paket {path.name} berisi rekaman yang tidak sah ({exc}); paket ditolak."
            ) from exc
    hasil.konflik_terbuka = _jumlah_konflik_terbuka(sesi, berkas.paket_id)
    return hasil


def _jumlah_konflik_terbuka(sesi: Session, paket_id: uuid.UUID) -> int:
    return int(
        sesi.scalar(
            select(func.count())
            .select_from(KonflikPaket)
            .where(KonflikPaket.paket_id == paket_id, KonflikPaket.status == "terbuka")
        )
        or 0
    )


# --- import: applying ------------------------------------------------------------------------


def _tulis_jejak(sesi: Session, baris: list[dict[str, Any]]) -> int:
    """Insert audit rows from the paket as they are (ids kept), skipping known ones."""
    if not baris:
        return 0
    ada = set(
        sesi.scalars(select(JejakAudit.id).where(JejakAudit.id.in_([b["id"] for b in baris])))
    )
    baru = [b for b in baris if b["id"] not in ada]
    if baru:
        sesi.execute(insert(tabel("jejak_audit")), baru)
    return len(baru)


def _terapkan_baris(sesi: Session, e: EntriImpor) -> None:
    t = tabel(e.tabel)
    if e.baris is None:
        sesi.execute(delete(t).where(t.c.id == e.rekaman_id))
        return
    if e.aksi == "tambah":
        sesi.execute(insert(t), [e.baris])
        return
    kolom = (
        list(e.kolom) if e.status == "gabung" else [k for k in e.baris if k not in ("id", "versi")]
    )
    nilai = {k: e.baris[k] for k in kolom}
    for k in ("diubah_oleh", "diubah_pada"):
        if k in e.baris:
            nilai[k] = e.baris[k]
    if "versi" in t.c:
        nilai["versi"] = t.c.versi + 1  # open forms here now see a newer version
    sesi.execute(update(t).where(t.c.id == e.rekaman_id).values(**nilai))


def _catat_konflik(sesi: Session, e: EntriImpor, paket_id: uuid.UUID, pengirim: str) -> None:
    ada = sesi.scalar(
        select(KonflikPaket.id).where(
            KonflikPaket.paket_id == paket_id,
            KonflikPaket.tabel == e.tabel,
            KonflikPaket.rekaman_id == e.rekaman_id,
        )
    )
    if ada is not None:
        return
    sesi.add(
        KonflikPaket(
            paket_id=paket_id,
            tabel=e.tabel,
            rekaman_id=e.rekaman_id,
            label=e.label,
            pengirim=pengirim,
            nilai_paket=json.dumps({k: v[1] for k, v in e.perubahan.items()}, ensure_ascii=False),
            nilai_lokal=json.dumps({k: v[0] for k, v in e.perubahan.items()}, ensure_ascii=False),
            diubah_lokal_oleh=e.oleh_lokal,
            diubah_lokal_pada=e.pada_lokal,
            entri=json.dumps(e.mentah, ensure_ascii=False),
            alasan=e.sebab,
        )
    )


def impor_paket(db: Database, pelaku: Pelaku, path: Path, *, coba: bool = False) -> HasilImpor:
    """Preview (``coba``) or apply a paket in one transaction; returns what it does.

    Refused whole (`PaketDitolak`, nothing changed): a damaged or altered file, a paket from
    another agency's database, or one carrying a change by a user whose role may not make
    it. Conflicts are recorded for a person (`daftar_konflik`, `selesaikan_konflik`) and
    the rest is applied. A paket imported before changes nothing.
    """
    path = Path(path)
    if coba:
        with db.baca() as sesi:
            return _analisis(sesi, pelaku, path)
    with db.transaksi(pelaku, alasan=f"Impor paket {path.name}") as sesi:
        hasil = _analisis(sesi, pelaku, path)
        if hasil.sudah_diimpor is not None:
            return hasil
        urutan = {n: i for i, n in enumerate(TABEL_PAKET)}
        ubah = sorted(
            (e for e in hasil.entri if e.mengubah and e.baris is not None),
            key=lambda e: urutan[e.tabel],
        )
        hapus = sorted(
            (e for e in hasil.entri if e.mengubah and e.baris is None),
            key=lambda e: -urutan[e.tabel],
        )
        for e in ubah + hapus:
            _terapkan_baris(sesi, e)
        jejak = [j for e in hasil.entri if e.status != "konflik" for j in e.jejak_baru]
        n = _tulis_jejak(sesi, jejak)
        for e in hasil.konflik:
            _catat_konflik(sesi, e, hasil.paket_id, hasil.pengirim)
        berkas = baca_berkas(path)
        sesi.add(
            PertukaranPaket(
                paket_id=hasil.paket_id,
                arah="terima",
                lingkup=str((berkas.isi.get("lingkup") or {}).get("kunci") or LINGKUP_SEMUA),
                lingkup_label=hasil.lingkup_label,
                pengirim=str((berkas.isi.get("pengirim") or {}).get("username") or ""),
                jejak_sampai=datetime.fromisoformat(hasil.dibuat_pada)
                if hasil.dibuat_pada
                else None,
                oleh=pelaku.username,
                jumlah_rekaman=len(hasil.entri),
                jumlah_diterapkan=hasil.jumlah_berubah,
                jumlah_konflik=len(hasil.konflik),
                sha256=berkas.sha256,
            )
        )
        tandai_tulis(sesi, jejak=n)
        sesi.flush()
        hasil.diterapkan = True
        hasil.konflik_terbuka = _jumlah_konflik_terbuka(sesi, hasil.paket_id)
    return hasil


# --- conflicts left for a person -------------------------------------------------------------


@dataclass(frozen=True)
class InfoKonflik:
    id: uuid.UUID
    paket_id: uuid.UUID
    tabel: str
    rekaman_id: uuid.UUID
    label: str
    pengirim: str | None
    nilai_paket: dict[str, str | None]
    nilai_lokal: dict[str, str | None]
    diubah_lokal_oleh: str | None
    diubah_lokal_pada: datetime | None
    status: str
    alasan: str | None
    versi: int


def _info(k: KonflikPaket) -> InfoKonflik:
    return InfoKonflik(
        k.id,
        k.paket_id,
        k.tabel,
        k.rekaman_id,
        k.label,
        k.pengirim,
        json.loads(k.nilai_paket),
        json.loads(k.nilai_lokal),
        k.diubah_lokal_oleh,
        k.diubah_lokal_pada,
        k.status,
        k.alasan,
        k.versi,
    )


def daftar_konflik(db: Database, *, hanya_terbuka: bool = True) -> list[InfoKonflik]:
    with db.baca() as sesi:
        q = select(KonflikPaket).order_by(KonflikPaket.dibuat_pada, KonflikPaket.label)
        if hanya_terbuka:
            q = q.where(KonflikPaket.status == "terbuka")
        return [_info(k) for k in sesi.scalars(q)]


def selesaikan_konflik(
    db: Database, pelaku: Pelaku, konflik_id: uuid.UUID, pilihan: str, alasan: str
) -> InfoKonflik:
    """Settle a conflict: ``pakai-paket`` takes the paket's record, ``tetap-lokal`` keeps
    this database's. A reason is required and goes into the audit trail; the paket's audit
    rows are added either way, so the same conflict is not raised again and the decision
    flows back to the other PC with the next paket."""
    if pilihan not in ("pakai-paket", "tetap-lokal"):
        raise InputTidakSah(f"Pilihan {pilihan!r} tidak dikenal.", field="pilihan")
    alasan = (alasan or "").strip()
    if not alasan:
        raise InputTidakSah("Alasan wajib diisi untuk menyelesaikan konflik.", field="alasan")
    with db.transaksi(pelaku, alasan=alasan) as sesi:
        k = sesi.get(KonflikPaket, konflik_id)
        if k is None:
            raise TidakDitemukan("Konflik tidak ditemukan.")
        if k.status != "terbuka":
            raise InputTidakSah(f"Konflik {k.label} sudah diselesaikan ({k.status}).")
        data = json.loads(k.entri)
        t = tabel(k.tabel)
        baris = baris_dari_json(t, data["baris"]) if data.get("baris") is not None else None
        model = MODEL[k.tabel]
        obj = sesi.get(model, k.rekaman_id)
        acuan = baris or (_ambil_baris(sesi, t, k.rekaman_id) or {})
        wajib_boleh_ubah(sesi, pelaku, k.tabel, acuan)
        if pilihan == "pakai-paket":
            wajib_tidak_terkunci(sesi, k.tabel, acuan)
            if baris is None:
                if obj is not None:
                    sesi.delete(obj)
            elif obj is None:
                sesi.add(model(**{c: v for c, v in baris.items() if c not in BUKU}))
            else:
                for c in _kolom_isi(t):
                    if c != "id" and nilai_kanonik(getattr(obj, c)) != nilai_kanonik(baris.get(c)):
                        setattr(obj, c, baris.get(c))
        sesi.add(
            JejakAudit(
                waktu=sekarang(),
                pengguna=pelaku.username,
                aksi="konflik-paket",
                tabel=k.tabel,
                rekaman_id=k.rekaman_id,
                nilai_lama=k.nilai_lokal,
                nilai_baru=k.nilai_paket if pilihan == "pakai-paket" else k.nilai_lokal,
                alasan=alasan,
            )
        )
        sesi.flush()
        tj = tabel("jejak_audit")
        n = _tulis_jejak(sesi, [baris_dari_json(tj, j) for j in data.get("jejak") or []])
        tandai_tulis(sesi, jejak=n)
        k.status = pilihan
        k.diselesaikan_oleh = pelaku.username
        k.diselesaikan_pada = sekarang()
        k.alasan = alasan
        sesi.flush()
        return _info(k)


# --- the exchange log ----------------------------------------------------------------------


@dataclass(frozen=True)
class BarisPertukaran:
    paket_id: uuid.UUID
    arah: str
    lingkup_label: str | None
    pengirim: str | None
    waktu: datetime
    oleh: str | None
    jumlah_rekaman: int
    jumlah_diterapkan: int
    jumlah_konflik: int


def riwayat_pertukaran(db: Database) -> list[BarisPertukaran]:
    with db.baca() as sesi:
        return [
            BarisPertukaran(
                p.paket_id,
                p.arah,
                p.lingkup_label,
                p.pengirim,
                p.waktu,
                p.oleh,
                p.jumlah_rekaman,
                p.jumlah_diterapkan,
                p.jumlah_konflik,
            )
            for p in sesi.scalars(select(PertukaranPaket).order_by(PertukaranPaket.waktu.desc()))
        ]


def ada_konflik_terbuka(sesi: Session) -> bool:
    return (
        sesi.scalar(select(KonflikPaket.id).where(KonflikPaket.status == "terbuka").limit(1))
        is not None
    )
