"""What the acting user may change, for the window to mirror (the services still decide).

`hak_jendela(k)` gives the one `HakJendela` of a `Konteks`: it remembers, for the acting
user, the role's rights and the units in scope (`unit_cakupan`), and each node's unit, so a
tree or a grid can ask per row without a query per paint. For the selected record a page asks
`izin_node` / `izin_indikator`, which run the services' own check (`wajib_ubah_rencana`)
inside `k.baca()` and say why not in Bahasa Indonesia. `Lencana` is the read-only badge
(the PK page's style), `atur_hanya_baca` makes a form read-only, `buka_riwayat` opens the
audit history of one record.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QBoxLayout,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain import Peran
from ..model import Indikator, Jabatan, NodeKinerja, UnitKerja
from ..services.otorisasi import (
    LABEL_PERAN,
    HakAkses,
    diizinkan,
    hak_akses,
    unit_cakupan,
    unit_node,
    wajib_peran,
    wajib_ubah_rencana,
)
from ..services.pelaku import Pelaku
from .konteks import Konteks

ALASAN_PERAN = {
    Peran.PEMBACA: "peran Pembaca hanya dapat membaca",
    Peran.KEPALA_DINAS: (
        "peran Kepala Dinas membaca, menandatangani PK dan memverifikasi; rencana diubah "
        "Perencana atau Kepala Bidang"
    ),
    Peran.KASI: (
        "peran Kepala Seksi mengisi realisasi seksinya; rencana diubah Perencana atau Kepala Bidang"
    ),
    Peran.STAF: (
        "peran Staf mengisi realisasi seksinya; rencana diubah Perencana atau Kepala Bidang"
    ),
}
"""Why a role never changes the plan (roles that may change some of it are absent)."""

GAYA_LENCANA = (
    "background:#fff1c2; color:#7a5200; font-weight:bold; padding:4px 8px;"
    "border:1px solid #7a5200; border-radius:4px;"
)
"""The PK page's "DRAF · hanya baca" badge."""

GAYA_ISIAN_BACA = "background:#f2f2f2; color:#333;"
"""A read-only text field: greyed, so it does not look like one waiting for input."""

GAYA_PESAN_BACA = "color: #7a5200;"
"""A form's message line saying why it is read-only (not the red of a validation error)."""


@dataclass(frozen=True)
class Izin:
    """May the acting user change this record; if not, why (a short and a long sentence)."""

    boleh: bool
    alasan: str = ""
    """"Hanya baca: node ini milik Bidang …." — empty when allowed."""
    rinci: str = ""
    """Who may change it instead (for a tooltip)."""

    def __bool__(self) -> bool:
        return self.boleh


BOLEH = Izin(True)


def _kalimat(teks: str) -> str:
    return teks[:1].upper() + teks[1:]


class HakJendela:
    """The acting user's rights as the window mirrors them, cached per user.

    The cache follows `Konteks.pelaku` by itself (whatever order the pages hear
    `pelakuBerubah` in); `lupakan()` drops it after the organisation or the tree changed.
    """

    def __init__(self, k: Konteks) -> None:
        self.k = k
        self._untuk: Pelaku | None = None
        self._hak: HakAkses | None = None
        self._cakupan: set[uuid.UUID] | None = None
        self._unit_node: dict[uuid.UUID, uuid.UUID | None] = {}
        self._nama_unit: dict[uuid.UUID, str] = {}
        self._unit_sendiri: uuid.UUID | None = None
        k.dataBerubah.connect(self._data_berubah)

    # --- cache ------------------------------------------------------------------------------
    def lupakan(self) -> None:
        self._untuk = None
        self._unit_node.clear()

    def _data_berubah(self, area: str) -> None:
        if area in ("organisasi", "pohon", "*"):
            self.lupakan()

    def _pastikan(self) -> None:
        pelaku = self.k.pelaku
        if self._untuk == pelaku:
            return
        with self.k.baca() as sesi:
            self._cakupan = unit_cakupan(sesi, pelaku)
            self._nama_unit = {u: n for u, n in sesi.execute(select(UnitKerja.id, UnitKerja.nama))}
            jabatan = sesi.get(Jabatan, pelaku.jabatan_id) if pelaku.jabatan_id else None
            self._unit_sendiri = jabatan.unit_id if jabatan is not None else None
        self._hak = hak_akses(pelaku)
        self._untuk = pelaku  # a node's unit does not depend on who asks: that cache stays

    @property
    def pelaku(self) -> Pelaku:
        return self.k.pelaku

    @property
    def hak(self) -> HakAkses:
        self._pastikan()
        assert self._hak is not None
        return self._hak

    @property
    def cakupan(self) -> set[uuid.UUID] | None:
        """Units the acting user may change (None: all)."""
        self._pastikan()
        return self._cakupan

    def nama_unit(self, unit_id: uuid.UUID | None) -> str:
        self._pastikan()
        if unit_id is None:
            return "unit lain"
        return self._nama_unit.get(unit_id, "unit lain")

    def catat_unit_node(self, sesi: Session, node: NodeKinerja) -> uuid.UUID | None:
        """Remember (and return) a node's unit, read in the caller's session."""
        self._pastikan()
        if node.id not in self._unit_node:
            self._unit_node[node.id] = unit_node(sesi, node)
        return self._unit_node[node.id]

    def siapkan_unit_node(self, node_ids: list[uuid.UUID]) -> None:
        """Read the units of many nodes in one session (before asking `boleh_node` for each)."""
        kurang = [n for n in node_ids if n not in self._unit_node]
        if not kurang:
            return
        with self.k.baca() as sesi:
            for node in sesi.scalars(select(NodeKinerja).where(NodeKinerja.id.in_(kurang))):
                self._unit_node[node.id] = unit_node(sesi, node)

    def unit_node(self, node_id: uuid.UUID) -> uuid.UUID | None:
        self._pastikan()
        if node_id not in self._unit_node:
            with self.k.baca() as sesi:
                node = sesi.get(NodeKinerja, node_id)
                self._unit_node[node_id] = unit_node(sesi, node) if node else None
        return self._unit_node[node_id]

    # --- verdicts ---------------------------------------------------------------------------
    @property
    def hanya_baca(self) -> bool:
        """The role changes nothing of the plan at all."""
        return not self.hak.ubah_rencana

    def izin_peran(self) -> Izin:
        """The role's verdict on the plan before any record is chosen."""
        if self.hak.ubah_rencana:
            return BOLEH
        alasan = ALASAN_PERAN.get(self.pelaku.peran, "peran ini tidak mengubah rencana")
        return Izin(
            False,
            f"Hanya baca: {alasan}.",
            f"{self.pelaku.label} ({LABEL_PERAN[self.pelaku.peran]}): {alasan}.",
        )

    def izin_organisasi(self) -> Izin:
        """Units, positions, holders and staff data: Perencana or Administrator only."""
        from ..services.organisasi import PENGELOLA

        if diizinkan(wajib_peran, self.pelaku, PENGELOLA, "mengubah data organisasi"):
            return BOLEH
        peran = self.pelaku.peran
        if peran is Peran.PEMBACA:
            alasan = ALASAN_PERAN[peran]
        else:
            alasan = "data organisasi hanya diubah Perencana atau Administrator"
        return Izin(
            False,
            f"Hanya baca: {alasan}.",
            f"{self.pelaku.label} ({LABEL_PERAN[peran]}): {alasan}.",
        )

    def boleh_unit(self, unit_id: uuid.UUID | None) -> bool:
        """Records kept per unit (SOPs): Perencana/Admin, or a Kabid for a unit in scope."""
        if self.hak.ubah_rencana_semua:
            return True
        if self.pelaku.peran is not Peran.KABID or unit_id is None:
            return False
        cakupan = self.cakupan
        return cakupan is None or unit_id in cakupan

    def boleh_node(self, node_id: uuid.UUID, milik_rpjmd: bool = False) -> bool:
        """Cheap (cached) mirror of `wajib_ubah_rencana` for a tree row or grid cell."""
        if milik_rpjmd or not self.hak.ubah_rencana:
            return False
        if self.hak.ubah_rencana_semua:
            return True
        cakupan = self.cakupan
        if cakupan is None:
            return True
        unit = self.unit_node(node_id)
        return unit is not None and unit in cakupan

    def izin_node(self, node_id: uuid.UUID | None, milik_rpjmd: bool = False) -> Izin:
        """The services' verdict on changing a node (None: the top of the plan), with why."""
        if milik_rpjmd:
            return Izin(
                False,
                "Hanya baca: node ini milik RPJMD pemerintah daerah.",
                "Visi, misi, tujuan dan sasaran RPJMD diubah dalam RPJMD, bukan di Renstra OPD.",
            )
        peran = self.izin_peran()
        if not peran:
            return peran
        with self.k.baca() as sesi:
            node = sesi.get(NodeKinerja, node_id) if node_id is not None else None
            if node_id is not None and node is None:
                return Izin(False, "Node ini tidak ada lagi (mungkin sudah dihapus).")
            if diizinkan(wajib_ubah_rencana, sesi, self.pelaku, node):
                return BOLEH
            unit = self.catat_unit_node(sesi, node) if node is not None else None
        return self._izin_cakupan(unit, node is None)

    def izin_indikator(self, indikator_id: uuid.UUID) -> Izin:
        """Indicators and their targets follow their node."""
        with self.k.baca() as sesi:
            node_id = sesi.scalar(select(Indikator.node_id).where(Indikator.id == indikator_id))
        if node_id is None:
            return Izin(False, "Indikator ini tidak ada lagi (mungkin sudah dihapus).")
        izin = self.izin_node(node_id)
        if izin or not izin.alasan.startswith("Hanya baca: node ini"):
            return izin
        return Izin(False, izin.alasan.replace("node ini", "indikator ini", 1), izin.rinci)

    def alasan_node(self, node_id: uuid.UUID, milik_rpjmd: bool = False) -> str:
        """Why a tree row is grey (for its tooltip), from the cache."""
        if milik_rpjmd:
            return "Hanya baca: node ini milik RPJMD pemerintah daerah."
        peran = self.izin_peran()
        if not peran:
            return peran.alasan
        return self._izin_cakupan(self.unit_node(node_id), False).alasan

    def _izin_cakupan(self, unit: uuid.UUID | None, teratas: bool) -> Izin:
        """A Kabid (or anyone with a scope) outside it."""
        siapa = self.pelaku.label
        if teratas:
            return Izin(
                False,
                "Hanya baca: tingkat teratas rencana hanya diubah Perencana atau Administrator.",
                f"{siapa} dapat menambah node di bawah node bidangnya sendiri.",
            )
        milik = self.nama_unit(unit)
        sendiri = self.nama_unit(self._unit_sendiri) if self._unit_sendiri else None
        rinci = (
            f"{siapa} hanya dapat mengubah rencana {sendiri} dan seksi di bawahnya; "
            f"rencana {milik} diubah Kepala Bidangnya atau Perencana."
            if sendiri
            else f"Rencana {milik} diubah Kepala Bidangnya atau Perencana."
        )
        return Izin(False, f"Hanya baca: node ini milik {milik}.", _kalimat(rinci))


def hak_jendela(k: Konteks) -> HakJendela:
    """The one `HakJendela` of a Konteks (made on first use)."""
    hak = getattr(k, "_hak_jendela", None)
    if hak is None:
        hak = HakJendela(k)
        k._hak_jendela = hak  # type: ignore[attr-defined]
    return hak


class Lencana(QLabel):
    """The read-only badge: hidden while the record may be changed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lencanaHanyaBaca")
        self.setStyleSheet(GAYA_LENCANA)
        self.setWordWrap(True)
        self.hide()

    def tampilkan(self, izin: Izin) -> None:
        if izin:
            self.clear()
            self.setToolTip("")
            self.hide()
            return
        self.setText(izin.alasan)
        self.setToolTip(izin.rinci or izin.alasan)
        self.show()


def pasang_lencana_peran(halaman: QWidget, k: Konteks, posisi: int = 1) -> Lencana:
    """Put the role's read-only badge into a page's layout at ``posisi`` and keep it current.

    For pages that only show the plan (IKU, Renja): the badge appears for roles that never
    change it, so a Pembaca sees at once why nothing there can be edited.
    """
    lencana = Lencana()
    tata = halaman.layout()
    assert isinstance(tata, QBoxLayout)
    tata.insertWidget(posisi, lencana)
    hak = hak_jendela(k)

    def perbarui() -> None:
        lencana.tampilkan(hak.izin_peran())

    k.pelakuBerubah.connect(perbarui)
    perbarui()
    return lencana


def atur_hanya_baca(wadah: QWidget, hanya_baca: bool, kecuali: tuple[QWidget, ...] = ()) -> None:
    """Make a form's inputs read-only (text stays selectable) or editable again.

    Text fields and spin boxes become read-only; choices (combo boxes, check boxes) and
    buttons are disabled. ``kecuali`` lists widgets to leave alone (e.g. "Riwayat…").
    """
    for w in wadah.findChildren(QWidget):
        if w in kecuali:
            continue
        if isinstance(w, QLineEdit) and isinstance(w.parent(), QComboBox):
            continue  # an editable combo box's own line edit: the combo box decides
        if isinstance(w, (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox)):
            w.setReadOnly(hanya_baca)
            w.setStyleSheet(GAYA_ISIAN_BACA if hanya_baca else "")
            if isinstance(w, QAbstractSpinBox):
                w.setButtonSymbols(
                    QAbstractSpinBox.ButtonSymbols.NoButtons
                    if hanya_baca
                    else QAbstractSpinBox.ButtonSymbols.UpDownArrows
                )
        elif isinstance(w, (QComboBox, QAbstractButton)):
            w.setEnabled(not hanya_baca)


def buka_riwayat(
    parent: QWidget, k: Konteks, tabel: str, rekaman_id: uuid.UUID | None
) -> QWidget | None:
    """Open the audit history of one record ("Riwayat…"); reading, so every role may.

    Returns the (window-modal, non-blocking) dialog, or None when there is no record.
    """
    if rekaman_id is None:
        k.galat.emit("Riwayat", "Pilih dahulu rekaman yang riwayatnya hendak dilihat.")
        return None
    from . import dialog_riwayat

    return dialog_riwayat.tampilkan_riwayat(parent, k, tabel, rekaman_id)
