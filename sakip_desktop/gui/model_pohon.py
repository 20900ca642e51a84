"""A thin QAbstractItemModel over plain Python nodes that load their children on expand."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from ..angka import format_angka, format_rentang
from ..kalkulasi import NilaiTarget
from ..services.pohon_baca import InfoNode

Indeks = QModelIndex | QPersistentModelIndex
MIME_NODE = "application/x-sakip-node"

KOLOM = ("Uraian", "Kode", "Indikator", "Target", "Satuan", "Penanggung jawab")
K_URAIAN, K_KODE, K_INDIKATOR, K_TARGET, K_SATUAN, K_PJ = range(6)

PeranId = Qt.ItemDataRole.UserRole + 1
PeranInfo = Qt.ItemDataRole.UserRole + 2


@dataclass(eq=False)
class Simpul:
    """One node of the view: its data, and its children once loaded (None = not yet)."""

    info: InfoNode | None
    induk: Simpul | None
    anak: list[Simpul] | None = None
    boleh_ubah: bool = True
    cache_baris: dict[int, object] = field(default_factory=dict)

    def baris(self) -> int:
        if self.induk is None or self.induk.anak is None or self not in self.induk.anak:
            return 0  # detached (replaced by a reload): a stale index, never a crash
        return self.induk.anak.index(self)


def teks_target(t: NilaiTarget | None, satuan: str) -> str:
    if t is None:
        return ""
    if t.teks:
        return t.teks
    if t.nilai_maks is not None:
        return format_rentang(t.nilai, t.nilai_maks)
    return format_angka(t.nilai) if t.nilai is not None else ""


class ModelPohon(QAbstractItemModel):
    """Rows are `Simpul`; children come from ``muat_anak(parent_id)`` on first expand.

    ``boleh_ubah(info)`` decides which nodes the acting user may edit; the others are
    drawn grey, refuse drops, and tell why in their tooltip (``alasan_baca(info)``, asked
    only when the tooltip shows). `setel_boleh_ubah` re-decides for a new acting user
    without reloading the tree.
    """

    def __init__(
        self,
        muat_anak: Callable[[uuid.UUID | None], list[InfoNode]],
        boleh_ubah: Callable[[InfoNode], bool],
        pindah: Callable[[uuid.UUID, int], bool],
        tahun: int,
        alasan_baca: Callable[[InfoNode], str] | None = None,
    ) -> None:
        super().__init__()
        self._muat_anak = muat_anak
        self._boleh_ubah = boleh_ubah
        self._alasan_baca = alasan_baca
        self._pindah = pindah
        self.tahun = tahun
        self._akar = Simpul(None, None)
        self._per_id: dict[uuid.UUID, Simpul] = {}
        self._kubur: list[Simpul] = []
        """Replaced nodes stay alive until the next reset: a QModelIndex still held by a view
        points at them (internalPointer), and freeing them would crash the process."""

    # --- loading ------------------------------------------------------------------------------
    def muat_ulang(self) -> None:
        self.beginResetModel()
        self._kubur = [self._akar]
        self._akar = Simpul(None, None)
        self._per_id.clear()
        self._isi(self._akar)
        self.endResetModel()

    def _isi(self, simpul: Simpul) -> None:
        infos = self._muat_anak(simpul.info.id if simpul.info else None)
        simpul.anak = [Simpul(i, simpul, boleh_ubah=self._boleh_ubah(i)) for i in infos]
        for s in simpul.anak:
            assert s.info is not None
            self._per_id[s.info.id] = s

    def _simpul(self, indeks: Indeks) -> Simpul:
        if indeks.isValid():
            return indeks.internalPointer()  # type: ignore[no-any-return]
        return self._akar

    def simpul_id(self, node_id: uuid.UUID) -> Simpul | None:
        return self._per_id.get(node_id)

    def indeks_id(self, node_id: uuid.UUID, kolom: int = 0) -> QModelIndex:
        s = self._per_id.get(node_id)
        if s is None:
            return QModelIndex()
        return self.createIndex(s.baris(), kolom, s)

    def pastikan_dimuat(self, indeks: Indeks) -> None:
        s = self._simpul(indeks)
        if s.anak is None and s.info is not None and s.info.jumlah_anak:
            self.fetchMore(indeks)

    def muat_ulang_anak(self, node_id: uuid.UUID | None) -> None:
        """Reload one node's children (after an add, delete or move below it)."""
        s = self._akar if node_id is None else self._per_id.get(node_id)
        if s is None:
            return
        induk = QModelIndex() if s is self._akar else self.createIndex(s.baris(), 0, s)
        if s.anak:
            self.beginRemoveRows(induk, 0, len(s.anak) - 1)
            self._lupakan(s)
            self._kubur.extend(s.anak)
            s.anak = []
            self.endRemoveRows()
        infos = self._muat_anak(node_id)
        if s.info is not None:
            segar = self._muat_info(s)
            if segar is not None:
                s.info = segar
        if infos:
            self.beginInsertRows(induk, 0, len(infos) - 1)
            s.anak = [Simpul(i, s, boleh_ubah=self._boleh_ubah(i)) for i in infos]
            for a in s.anak:
                assert a.info is not None
                self._per_id[a.info.id] = a
            self.endInsertRows()
        else:
            s.anak = []
        if s is not self._akar:
            self.dataChanged.emit(induk, induk.siblingAtColumn(len(KOLOM) - 1))

    def perbarui_info(self, node_id: uuid.UUID) -> None:
        """Refresh one node's columns in place (after an edit that moved nothing)."""
        s = self._per_id.get(node_id)
        if s is None:
            return
        segar = self._muat_info(s)
        if segar is not None:
            s.info = segar
            s.boleh_ubah = self._boleh_ubah(segar)
            kiri = self.createIndex(s.baris(), 0, s)
            self.dataChanged.emit(kiri, kiri.siblingAtColumn(len(KOLOM) - 1))

    def id_dimuat(self) -> list[uuid.UUID]:
        """The ids of every loaded node."""
        return list(self._per_id)

    def setel_boleh_ubah(self) -> None:
        """Ask ``boleh_ubah`` again for every loaded node (the acting user changed)."""
        for s in self._per_id.values():
            if s.info is not None:
                s.boleh_ubah = self._boleh_ubah(s.info)
        if self._akar.anak:
            self._kabarkan_semua(QModelIndex())

    def _kabarkan_semua(self, induk: QModelIndex) -> None:
        n = self.rowCount(induk)
        if not n:
            return
        self.dataChanged.emit(self.index(0, 0, induk), self.index(n - 1, len(KOLOM) - 1, induk))
        for r in range(n):
            anak = self.index(r, 0, induk)
            s: Simpul = anak.internalPointer()
            if s.anak:
                self._kabarkan_semua(anak)

    def _muat_info(self, s: Simpul) -> InfoNode | None:
        if s.induk is None:
            return None
        saudara = self._muat_anak(s.induk.info.id if s.induk.info else None)
        return next((i for i in saudara if s.info and i.id == s.info.id), None)

    def _lupakan(self, s: Simpul) -> None:
        for a in s.anak or []:
            if a.info is not None:
                self._per_id.pop(a.info.id, None)
            self._lupakan(a)

    # --- Qt model API ---------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Indeks = QModelIndex()) -> QModelIndex:
        s = self._simpul(parent)
        if s.anak is None or not 0 <= row < len(s.anak) or not 0 <= column < len(KOLOM):
            return QModelIndex()
        return self.createIndex(row, column, s.anak[row])

    def parent(self, child: Indeks = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not child.isValid():
            return QModelIndex()
        s: Simpul = child.internalPointer()
        induk = s.induk
        if induk is None or induk is self._akar:
            return QModelIndex()
        return self.createIndex(induk.baris(), 0, induk)

    def rowCount(self, parent: Indeks = QModelIndex()) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        s = self._simpul(parent)
        return len(s.anak) if s.anak is not None else 0

    def columnCount(self, parent: Indeks = QModelIndex()) -> int:
        return len(KOLOM)

    def hasChildren(self, parent: Indeks = QModelIndex()) -> bool:
        s = self._simpul(parent)
        if s is self._akar:
            return bool(s.anak)
        if parent.column() > 0:
            return False
        if s.anak is not None:
            return bool(s.anak)
        return bool(s.info and s.info.jumlah_anak)

    def canFetchMore(self, parent: Indeks) -> bool:
        s = self._simpul(parent)
        return s.anak is None and s.info is not None and s.info.jumlah_anak > 0

    def fetchMore(self, parent: Indeks) -> None:
        s = self._simpul(parent)
        if s.anak is not None or s.info is None:
            return
        infos = self._muat_anak(s.info.id)
        if not infos:
            s.anak = []
            return
        self.beginInsertRows(parent, 0, len(infos) - 1)
        s.anak = [Simpul(i, s, boleh_ubah=self._boleh_ubah(i)) for i in infos]
        for a in s.anak:
            assert a.info is not None
            self._per_id[a.info.id] = a
        self.endInsertRows()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if section == K_TARGET:
                return f"Target {self.tahun}"
            return KOLOM[section]
        return None

    def data(self, index: Indeks, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        s: Simpul = index.internalPointer()
        info = s.info
        if info is None:
            return None
        k = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._teks(info, k)
        if role == Qt.ItemDataRole.ToolTipRole:
            if k == K_INDIKATOR and info.indikator:
                return "\n".join(
                    f"{i.kode} {i.nama}: {teks_target(i.target, i.satuan)} {i.satuan}".rstrip()
                    for i in info.indikator
                )
            if not s.boleh_ubah:
                if self._alasan_baca is not None:
                    return self._alasan_baca(info)
                return "Hanya baca: node ini di luar cakupan Anda."
            return info.uraian
        if role == Qt.ItemDataRole.ForegroundRole and not s.boleh_ubah:
            return QBrush(QColor("#7a7a7a"))
        if role == Qt.ItemDataRole.FontRole and k == K_URAIAN and info.jenis.level in (0, 1, 2):
            f = QFont()
            f.setBold(True)
            return f
        if role == Qt.ItemDataRole.TextAlignmentRole and k == K_TARGET:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == PeranId:
            return str(info.id)
        if role == PeranInfo:
            return info
        return None

    @staticmethod
    def _teks(info: InfoNode, k: int) -> str:
        if k == K_URAIAN:
            return f"{info.jenis.label}: {info.uraian}"
        if k == K_KODE:
            return info.kode or ""
        pertama = info.indikator[0] if info.indikator else None
        lebih = f" (+{len(info.indikator) - 1})" if len(info.indikator) > 1 else ""
        if k == K_INDIKATOR:
            return f"{pertama.nama}{lebih}" if pertama else ""
        if k == K_TARGET:
            return teks_target(pertama.target, pertama.satuan) if pertama else ""
        if k == K_SATUAN:
            return pertama.satuan if pertama else ""
        if k == K_PJ:
            return info.penanggung_jawab or ""
        return ""

    def flags(self, index: Indeks) -> Qt.ItemFlag:
        dasar = super().flags(index)
        if not index.isValid():
            return dasar | Qt.ItemFlag.ItemIsDropEnabled
        s: Simpul = index.internalPointer()
        if s.boleh_ubah and s.info is not None and not s.info.milik_rpjmd:
            return dasar | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
        return dasar

    # --- drag and drop within a parent ------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_NODE]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        data = QMimeData()
        pertama = next((i for i in indexes if i.isValid()), None)
        if pertama is not None:
            s: Simpul = pertama.internalPointer()
            if s.info is not None:
                data.setData(MIME_NODE, QByteArray(str(s.info.id).encode()))
        return data

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Indeks
    ) -> bool:
        if action != Qt.DropAction.MoveAction or not data.hasFormat(MIME_NODE):
            return False
        node_id = uuid.UUID(bytes(data.data(MIME_NODE).data()).decode())
        s = self._per_id.get(node_id)
        if s is None:
            return False
        tujuan = self._simpul(parent)
        if tujuan is not s.induk:
            return False  # only reordering within the same parent
        posisi = row if row >= 0 else len(tujuan.anak or [])
        lama = s.baris()
        if posisi > lama:
            posisi -= 1
        if self._pindah(node_id, posisi):
            self.muat_ulang_anak(tujuan.info.id if tujuan.info else None)
        return False  # the view must not remove the source row itself
