"""Undoable edits. Each command has already been carried out once when it is pushed
(so a refused save never enters the stack); undo and redo call the services again."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from ..services import pohon_edit
from .konteks import GAGAL, Konteks


class _Perintah(QUndoCommand):
    """Subclasses define ``_ulang`` and ``_urungkan``; a refused call marks the command
    obsolete so the stack drops it instead of pretending it happened."""

    _ulang: Callable[[], Any]
    _urungkan: Callable[[], Any]

    def __init__(self, teks: str) -> None:
        super().__init__(teks)
        self._pertama = True

    def redo(self) -> None:
        if self._pertama:
            self._pertama = False
            return
        if self._ulang() is GAGAL:
            self.setObsolete(True)

    def undo(self) -> None:
        if self._urungkan() is GAGAL:
            self.setObsolete(True)


class PerintahUbahNode(_Perintah):
    def __init__(
        self, k: Konteks, node_id: uuid.UUID, lama: dict[str, Any], baru: dict[str, Any]
    ) -> None:
        super().__init__("Ubah node")
        self.k, self.node_id, self.lama, self.baru = k, node_id, lama, baru

    def _ulang(self) -> Any:
        return self.k.tulis(pohon_edit.ubah_node, self.node_id, area="pohon", **self.baru)

    def _urungkan(self) -> Any:
        return self.k.tulis(pohon_edit.ubah_node, self.node_id, area="pohon", **self.lama)


class PerintahTambahNode(_Perintah):
    """Undo deletes the new node; redo puts the very same node (same UUID) back."""

    def __init__(self, k: Konteks, node_id: uuid.UUID, label: str) -> None:
        super().__init__(f"Tambah {label}")
        self.k, self.node_id = k, node_id
        self._snapshot: pohon_edit.SnapshotHapus | None = None

    def _ulang(self) -> Any:
        if self._snapshot is None:
            return GAGAL
        return self.k.tulis(pohon_edit.pulihkan, self._snapshot, area="pohon")

    def _urungkan(self) -> Any:
        hasil = self.k.tulis(
            pohon_edit.hapus_node, self.node_id, area="pohon", alasan="Urungkan penambahan"
        )
        if hasil is not GAGAL:
            self._snapshot = hasil
        return hasil


class PerintahHapusNode(_Perintah):
    def __init__(self, k: Konteks, snapshot: pohon_edit.SnapshotHapus, label: str) -> None:
        super().__init__(f"Hapus {label}")
        self.k, self._snapshot = k, snapshot
        self.node_id: uuid.UUID = snapshot.baris[0][1]["id"]

    def _ulang(self) -> Any:
        hasil = self.k.tulis(pohon_edit.hapus_node, self.node_id, area="pohon")
        if hasil is not GAGAL:
            self._snapshot = hasil
        return hasil

    def _urungkan(self) -> Any:
        return self.k.tulis(
            pohon_edit.pulihkan, self._snapshot, area="pohon", alasan="Urungkan penghapusan"
        )


class PerintahPindahNode(_Perintah):
    def __init__(self, k: Konteks, node_id: uuid.UUID, lama: int, baru: int) -> None:
        super().__init__("Pindahkan node")
        self.k, self.node_id, self.lama, self.baru = k, node_id, lama, baru

    def _ulang(self) -> Any:
        return self.k.tulis(pohon_edit.pindah_node, self.node_id, self.baru, area="pohon")

    def _urungkan(self) -> Any:
        return self.k.tulis(pohon_edit.pindah_node, self.node_id, self.lama, area="pohon")


class PerintahFungsi(_Perintah):
    """Any edit expressed as two service calls (do and undo), e.g. a target cell."""

    def __init__(self, teks: str, ulang: Callable[[], Any], urungkan: Callable[[], Any]) -> None:
        super().__init__(teks)
        self._f_ulang, self._f_urungkan = ulang, urungkan

    def _ulang(self) -> Any:
        return self._f_ulang()

    def _urungkan(self) -> Any:
        return self._f_urungkan()
