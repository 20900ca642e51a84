"""The main window: the SAKIP cycle on the left, the page on the right, the year on top."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QTreeWidget,
    QTreeWidgetItem,
)
from sqlalchemy import select

from .. import __version__
from ..domain import Eselon, Peran
from ..model import Jabatan, Realisasi, Renstra
from ..services.otorisasi import LABEL_PERAN
from ..services.pelaku import Pelaku
from . import dialog
from .halaman.daftar import HALAMAN, KUNCI_HALAMAN
from .halaman.dasar import Halaman
from .konteks import Konteks

if TYPE_CHECKING:
    from .dialog_masuk import DialogGantiSandi, DialogMasuk
    from .kunci_layar import KunciLayar

PabrikHalaman = Callable[[Konteks, str], Halaman]

PERAN_ESELON = {
    Eselon.II: Peran.KEPALA_DINAS,
    Eselon.III: Peran.KABID,
    Eselon.IV: Peran.KASI,
    Eselon.STAF: Peran.STAF,
}


class JendelaUtama(QMainWindow):
    def __init__(
        self,
        konteks: Konteks,
        pabrik: PabrikHalaman,
        pengaturan: QSettings,
        ikon: QIcon | None = None,
        *,
        berakun: bool = False,
        jam: Callable[[], float] | None = None,
        kini: Callable[[], datetime] | None = None,
    ) -> None:
        """``berakun``: the user logged in with an account (the Akun menu, the idle lock and
        a role fixed by the account); otherwise single-user mode. ``jam``/``kini`` replace
        the clocks of the idle lock and of the log-in services (tests)."""
        super().__init__()
        self.k = konteks
        self.berakun = berakun
        self._jam = jam
        self._kini = kini
        self.kunci_layar: KunciLayar | None = None
        self._dialog_masuk: DialogMasuk | None = None
        self._dialog_sandi: DialogGantiSandi | None = None
        self._tutup_tanpa_tanya = False
        self._pabrik = pabrik
        self._pengaturan = pengaturan
        self._halaman: dict[str, Halaman] = {}
        self._pelaku_awal = konteks.pelaku
        self.setObjectName("jendelaUtama")
        self.setWindowTitle("SAKIP Desktop")
        if ikon is not None:
            self.setWindowIcon(ikon)
        self.undo_group = QUndoGroup(self)
        self._bangun_navigasi()
        self._bangun_aksi()
        self._bangun_status()
        self.k.galat.connect(self._tampilkan_galat)
        self.k.tahunBerubah.connect(lambda _t: self._perbarui_status())
        self.k.pelakuBerubah.connect(self._perbarui_status)
        # --- basis data bersama (issue 8): perubahan pengguna lain muncul tanpa mulai ulang ---
        from .pantau import PantauPerubahan

        self.pantau = PantauPerubahan(
            self.k,
            self,
            tunda=lambda: self.tumpukan.count() > 0 and self.halaman_aktif().ada_perubahan(),
        )
        # --- akhir tambahan basis data bersama ---
        if berakun:
            self._pasang_kunci_layar()
        self.resize(1280, 800)

    # --- construction -------------------------------------------------------------------------
    def _bangun_navigasi(self) -> None:
        self.pemisah = QSplitter(Qt.Orientation.Horizontal, objectName="pemisahUtama")
        self.navigasi = QTreeWidget(objectName="navigasi")
        self.navigasi.setHeaderHidden(True)
        self.navigasi.setMinimumWidth(190)
        self._item_halaman: dict[str, QTreeWidgetItem] = {}
        bagian: dict[str, QTreeWidgetItem] = {}
        for h in HALAMAN:
            if h.bagian == h.judul:
                item = QTreeWidgetItem(self.navigasi, [h.judul])
            else:
                if h.bagian not in bagian:
                    kepala = QTreeWidgetItem(self.navigasi, [h.bagian])
                    kepala.setFlags(Qt.ItemFlag.ItemIsEnabled)
                    f = kepala.font(0)
                    f.setBold(True)
                    kepala.setFont(0, f)
                    bagian[h.bagian] = kepala
                item = QTreeWidgetItem(bagian[h.bagian], [h.judul])
            item.setData(0, Qt.ItemDataRole.UserRole, h.kunci)
            item.setToolTip(0, h.uraian)
            self._item_halaman[h.kunci] = item
        self.navigasi.expandAll()
        self.navigasi.currentItemChanged.connect(self._navigasi_dipilih)
        self.tumpukan = QStackedWidget(objectName="tumpukanHalaman")
        self.pemisah.addWidget(self.navigasi)
        self.pemisah.addWidget(self.tumpukan)
        self.pemisah.setStretchFactor(1, 1)
        self.pemisah.setSizes([220, 1060])
        self.setCentralWidget(self.pemisah)

    def _aksi(
        self, teks: str, kunci: QKeySequence | str | None, fungsi: Callable[[], object], nama: str
    ) -> QAction:
        aksi = QAction(teks, self)
        aksi.setObjectName(nama)
        if kunci is not None:
            aksi.setShortcut(QKeySequence(kunci))
        aksi.triggered.connect(lambda _c=False: fungsi())
        self.addAction(aksi)
        return aksi

    def _bangun_aksi(self) -> None:
        self.aksi_simpan = self._aksi(
            "&Simpan",
            QKeySequence.StandardKey.Save,
            lambda: self.halaman_aktif().simpan(),
            "aksiSimpan",
        )
        self.aksi_urungkan = self.undo_group.createUndoAction(self, "&Urungkan")
        self.aksi_urungkan.setShortcut(QKeySequence.StandardKey.Undo)
        self.aksi_urungkan.setObjectName("aksiUrungkan")
        self.aksi_ulangi = self.undo_group.createRedoAction(self, "U&langi")
        self.aksi_ulangi.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.aksi_ulangi.setObjectName("aksiUlangi")
        self.aksi_cari = self._aksi(
            "&Cari", QKeySequence.StandardKey.Find, lambda: self.halaman_aktif().cari(), "aksiCari"
        )
        self.aksi_cetak = self._aksi(
            "C&etak…",
            QKeySequence.StandardKey.Print,
            lambda: self.halaman_aktif().cetak(),
            "aksiCetak",
        )
        self.aksi_segarkan = self._aksi(
            "&Muat ulang",
            QKeySequence("F5"),
            lambda: self.halaman_aktif().segarkan(),
            "aksiSegarkan",
        )
        self.aksi_hapus = self._aksi(
            "&Hapus", QKeySequence("Del"), lambda: self.halaman_aktif().hapus(), "aksiHapus"
        )
        self.aksi_hapus.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.aksi_keluar = self._aksi(
            "&Keluar", QKeySequence.StandardKey.Quit, self.close, "aksiKeluar"
        )
        tentang = self._aksi("&Tentang SAKIP Desktop", None, self._tentang, "aksiTentang")
        self.aksi_impor_renstra = self._aksi(
            "&Impor Renstra (T-C.27)…", None, self.impor_renstra, "aksiImporRenstra"
        )
        for a in (self.aksi_urungkan, self.aksi_ulangi):
            self.addAction(a)

        menu = self.menuBar()
        berkas = menu.addMenu("&Berkas")
        berkas.addAction(self.aksi_simpan)
        berkas.addAction(self.aksi_cetak)
        berkas.addSeparator()
        berkas.addAction(self.aksi_impor_renstra)
        berkas.addSeparator()
        berkas.addAction(self.aksi_keluar)
        edit = menu.addMenu("&Edit")
        for a in (self.aksi_urungkan, self.aksi_ulangi, self.aksi_hapus, self.aksi_cari):
            edit.addAction(a)
        tampilan = menu.addMenu("&Tampilan")
        tampilan.addAction(self.aksi_segarkan)
        self._bangun_menu_akun(menu.addMenu("A&kun"))
        bantuan = menu.addMenu("Ban&tuan")
        bantuan.addAction(tentang)

        bar = QToolBar("Alat utama", objectName="barAlat")
        bar.setMovable(False)
        self.addToolBar(bar)
        for a in (
            self.aksi_simpan,
            self.aksi_urungkan,
            self.aksi_ulangi,
            self.aksi_segarkan,
            self.aksi_cetak,
        ):
            bar.addAction(a)
        bar.addSeparator()
        bar.addWidget(QLabel(" Tahun: "))
        self.pilih_tahun = QComboBox(objectName="pilihTahun")
        self.pilih_tahun.currentIndexChanged.connect(self._tahun_dipilih)
        bar.addWidget(self.pilih_tahun)
        bar.addSeparator()
        bar.addWidget(QLabel(" Bekerja sebagai: "))
        self.pilih_pelaku = QComboBox(objectName="pilihPelaku")
        self.pilih_pelaku.setMinimumContentsLength(28)
        self.pilih_pelaku.currentIndexChanged.connect(self._pelaku_dipilih)
        bar.addWidget(self.pilih_pelaku)

    def _bangun_menu_akun(self, menu: object) -> None:
        self.aksi_ganti_sandi = self._aksi(
            "&Ganti sandi…", None, self.ganti_sandi, "aksiGantiSandi"
        )
        self.aksi_kunci_layar = self._aksi(
            "&Kunci layar", QKeySequence("Ctrl+L"), self.kunci, "aksiKunciLayar"
        )
        self.aksi_ganti_pengguna = self._aksi(
            "Keluar dan &masuk sebagai pengguna lain…",
            None,
            self.ganti_pengguna,
            "aksiGantiPengguna",
        )
        for a in (self.aksi_ganti_sandi, self.aksi_kunci_layar, self.aksi_ganti_pengguna):
            menu.addAction(a)  # type: ignore[attr-defined]
            a.setEnabled(self.berakun)
            if not self.berakun:
                a.setToolTip("Basis data ini belum memiliki akun pengguna.")

    def _bangun_status(self) -> None:
        self.status_db = QLabel(objectName="statusDatabase")
        self.status_pengguna = QLabel(objectName="statusPengguna")
        self.status_tahun = QLabel(objectName="statusTahun")
        for w in (self.status_db, self.status_pengguna, self.status_tahun):
            self.statusBar().addPermanentWidget(w)

    # --- start ------------------------------------------------------------------------------
    def mulai(self, halaman_awal: str | None = None) -> None:
        """Fill the selectors, restore the remembered state and open the first page."""
        s = self._pengaturan
        with self.k.baca() as sesi:
            renstra = sesi.scalars(
                select(Renstra).where(Renstra.opd_id == self.k.opd_id).order_by(Renstra.tahun_awal)
            ).all()
            tahun = [t for r in renstra for t in range(r.tahun_awal, r.tahun_akhir + 1)]
            jabatan = sesi.scalars(
                select(Jabatan)
                .where(Jabatan.opd_id == self.k.opd_id)
                .order_by(Jabatan.urutan, Jabatan.nama)
            ).all()
            pelaku = [
                (f"{j.nama}", Pelaku(f"jabatan:{j.id}", PERAN_ESELON[j.eselon], j.id, j.nama))
                for j in jabatan
                if j.eselon in PERAN_ESELON
            ]
            tahun_data = sesi.scalar(select(Realisasi.tahun).order_by(Realisasi.tahun.desc()))
        self.pilih_tahun.blockSignals(True)
        for t in tahun:
            self.pilih_tahun.addItem(str(t), t)
        ingat = s.value("tahun")
        pilihan = int(ingat) if ingat and int(ingat) in tahun else (tahun_data or self.k.tahun)
        if pilihan not in tahun and tahun:
            pilihan = tahun[-1]
        self.pilih_tahun.setCurrentIndex(max(self.pilih_tahun.findData(pilihan), 0))
        self.pilih_tahun.blockSignals(False)
        self.k.tahun = pilihan
        self._isi_pilih_pelaku(pelaku)
        geometri = s.value("jendela/geometri")
        if isinstance(geometri, QByteArray):
            self.restoreGeometry(geometri)
        keadaan = s.value("jendela/keadaan")
        if isinstance(keadaan, QByteArray):
            self.restoreState(keadaan)
        pemisah = s.value("jendela/pemisah")
        if isinstance(pemisah, QByteArray):
            self.pemisah.restoreState(pemisah)
        kunci = halaman_awal or str(s.value("jendela/halaman", "pohon"))
        self.buka_halaman(kunci if kunci in KUNCI_HALAMAN else "pohon")
        self._perbarui_status()

    # --- pages ------------------------------------------------------------------------------
    def halaman_aktif(self) -> Halaman:
        w = self.tumpukan.currentWidget()
        assert isinstance(w, Halaman)
        return w

    def halaman(self, kunci: str) -> Halaman:
        """The page object (created on first use)."""
        if kunci not in self._halaman:
            h = self._pabrik(self.k, kunci)
            h.pulihkan_keadaan(self._pengaturan)
            self._halaman[kunci] = h
            self.tumpukan.addWidget(h)
            self.undo_group.addStack(h.undo_stack)
            h.segarkan()
        return self._halaman[kunci]

    def buka_halaman(self, kunci: str) -> None:
        item = self._item_halaman[kunci]
        if self.navigasi.currentItem() is not item:
            self.navigasi.setCurrentItem(item)  # triggers _navigasi_dipilih
        else:
            self._tampilkan(kunci)

    def _navigasi_dipilih(
        self, item: QTreeWidgetItem | None, sebelum: QTreeWidgetItem | None
    ) -> None:
        if item is None:
            return
        kunci = item.data(0, Qt.ItemDataRole.UserRole)
        if kunci is None:  # a section heading: open its first page
            if item.childCount():
                QTimer.singleShot(0, lambda: self.navigasi.setCurrentItem(item.child(0)))
            return
        if self.tumpukan.count() and not self._boleh_tinggalkan():
            self.navigasi.blockSignals(True)
            self.navigasi.setCurrentItem(sebelum)
            self.navigasi.blockSignals(False)
            return
        self._tampilkan(kunci)

    def _tampilkan(self, kunci: str) -> None:
        h = self.halaman(kunci)
        self.tumpukan.setCurrentWidget(h)
        self.undo_group.setActiveStack(h.undo_stack)
        self.setWindowTitle(f"{h.judul} — SAKIP Desktop")

    def _boleh_tinggalkan(self) -> bool:
        """Ask before leaving a page with unsaved edits: save, discard, or stay."""
        if not self.tumpukan.count():
            return True
        h = self.halaman_aktif()
        if not h.ada_perubahan():
            return True
        jawab = dialog.tanya_simpan(
            self, f"Ada perubahan di halaman {h.judul} yang belum disimpan."
        )
        if jawab == "simpan":
            return h.simpan()
        if jawab == "buang":
            h.buang_perubahan()
            return True
        return False

    # --- selectors --------------------------------------------------------------------------
    def _tahun_dipilih(self, _i: int) -> None:
        tahun = self.pilih_tahun.currentData()
        if tahun is not None:
            self.k.tahun = int(tahun)

    def _pelaku_dipilih(self, _i: int) -> None:
        data = self.pilih_pelaku.currentData()
        self.k.pelaku = self._pelaku_awal if data is None else self._daftar_pelaku[int(data) - 1]

    def _isi_pilih_pelaku(self, pelaku: list[tuple[str, Pelaku]]) -> None:
        """Single-user mode: the local planner or any position ("bekerja sebagai").
        Logged in: only the account itself, whose role decides what may be changed."""
        self.pilih_pelaku.blockSignals(True)
        self.pilih_pelaku.clear()
        if self.berakun:
            p = self._pelaku_awal
            self.pilih_pelaku.addItem(f"{p.label} ({LABEL_PERAN[p.peran]})", None)
            self.pilih_pelaku.setEnabled(False)
            self.pilih_pelaku.setToolTip("Peran mengikuti akun yang masuk (menu Akun).")
            pelaku = []
        else:
            self.pilih_pelaku.addItem(f"{self._pelaku_awal.label} (seluruh OPD)", None)
        self._daftar_pelaku = [p for _, p in pelaku]
        for i, (nama, _p) in enumerate(pelaku, start=1):
            self.pilih_pelaku.addItem(nama, i)
        self.pilih_pelaku.blockSignals(False)

    def _perbarui_status(self) -> None:
        self.status_db.setText(f"Basis data: {self.k.db.label}")
        p = self.k.pelaku
        peran = LABEL_PERAN[p.peran]
        teks = p.label if p.label == peran else f"{p.label} ({peran})"
        self.status_pengguna.setText(f"Pengguna: {teks}")
        self.status_tahun.setText(f"Tahun: {self.k.tahun}")

    def impor_renstra(self) -> None:
        from .wizard_impor_rencana import WizardImporRencana

        with self.k.baca() as sesi:
            nama = self.k.opd(sesi).nama
        wizard = WizardImporRencana(self.k, nama, self)
        wizard.exec()

    # --- messages ---------------------------------------------------------------------------
    def _tampilkan_galat(self, judul: str, pesan: str) -> None:
        self.statusBar().showMessage(pesan, 10000)
        dialog.kabari(self, judul, pesan)

    def _tentang(self) -> None:
        """Version, schema, data folder and the licences of the bundled libraries."""
        from html import escape
        from pathlib import Path

        from ..tentang import info_program

        info = info_program(self.k.db, Path(self._pengaturan.fileName()).parent)
        baris = "".join(
            f"<tr><td>{escape(p.nama)}</td><td>{escape(p.versi)}</td>"
            f"<td>{escape(p.lisensi)}</td></tr>"
            for p in info.pustaka
        )
        QMessageBox.about(
            self,
            "Tentang SAKIP Desktop",
            f"<b>SAKIP Desktop {escape(__version__)}</b><br>Sistem Akuntabilitas Kinerja "
            "Instansi Pemerintah, luring. Lisensi MIT.<br><br>"
            f"Basis data: {escape(info.basis_data)}<br>"
            f"Versi skema basis data: {escape(info.skema)}<br>"
            f"Folder data: {escape(str(info.folder_data))}<br><br>"
            "<b>Komponen yang disertakan dan lisensinya</b>"
            f"<table cellspacing='0' cellpadding='1' style='font-size:small'>{baris}</table>",
        )

    # --- account (issue 7) ---------------------------------------------------------------------
    def _pasang_kunci_layar(self) -> None:
        from ..services.pengguna import waktu_kunci_layar
        from .kunci_layar import KunciLayar

        self.kunci_layar = KunciLayar(
            self,
            waktu_kunci_layar(self.k.db),
            jam=self._jam or time.monotonic,
            kini=self._kini,
            saat_terbuka=self._pakai_pengguna,
        )

    @property
    def terkunci(self) -> bool:
        return self.kunci_layar is not None and (
            self.kunci_layar.terkunci or self._dialog_masuk is not None
        )

    def kunci(self) -> None:
        """Ctrl+L: cover the window until the same user's password is given."""
        if self.kunci_layar is not None and self._dialog_masuk is None:
            self.kunci_layar.kunci()

    def ganti_sandi(self) -> None:
        if not self.berakun or self._dialog_sandi is not None:
            return
        from .dialog_masuk import DialogGantiSandi

        dlg = DialogGantiSandi(
            self.k.db, self.k.pelaku, jam=self._jam or time.monotonic, kini=self._kini, parent=self
        )
        self._dialog_sandi = dlg

        def selesai(kode: int) -> None:
            self._dialog_sandi = None
            dlg.deleteLater()
            if kode == QDialog.DialogCode.Accepted:
                self.statusBar().showMessage("Sandi diganti.", 10000)

        dlg.finished.connect(selesai)
        dlg.open()

    def ganti_pengguna(self) -> None:
        """Log out and let another user log in, in the same window (unsaved edits are
        settled first; the undo history of the previous user is dropped)."""
        if self.kunci_layar is None or self.terkunci:
            return
        if not self._boleh_tinggalkan():
            return
        from .dialog_masuk import DialogMasuk

        self.kunci_layar.ditahan = True
        self.kunci_layar.penutup.tampil()
        dlg = DialogMasuk(
            self.k.db,
            keterangan="Masuk sebagai pengguna lain. “Keluar” menutup program.",
            jam=self._jam or time.monotonic,
            kini=self._kini,
            parent=self,
        )
        self._dialog_masuk = dlg
        dlg.finished.connect(self._masuk_selesai)
        dlg.open()

    def _masuk_selesai(self, kode: int) -> None:
        dlg, self._dialog_masuk = self._dialog_masuk, None
        assert self.kunci_layar is not None and dlg is not None
        hasil = dlg.hasil if kode == QDialog.DialogCode.Accepted else None
        sandi, dlg.sandi_dipakai = dlg.sandi_dipakai, None
        dlg.deleteLater()
        if hasil is not None and hasil.harus_ganti_sandi:
            from .dialog_masuk import DialogGantiSandi

            ganti = DialogGantiSandi(self.k.db, hasil.pelaku, sandi_lama=sandi, parent=self)
            if ganti.exec() != QDialog.DialogCode.Accepted:
                hasil = None
        self.kunci_layar.ditahan = False
        if hasil is None:
            self._tutup_tanpa_tanya = True
            self.close()
            return
        for h in self._halaman.values():
            h.undo_stack.clear()
        self.kunci_layar.penutup.hide()
        self._pakai_pengguna(hasil.pelaku)
        self.statusBar().showMessage(f"Masuk sebagai {hasil.pelaku.label}.", 10000)

    def _pakai_pengguna(self, pelaku: Pelaku) -> None:
        """After a log-in or an unlock: the account as it is now (its role may have been
        changed by an administrator meanwhile)."""
        from ..services.pengguna import waktu_kunci_layar

        self._pelaku_awal = pelaku
        self._isi_pilih_pelaku([])
        self.k.pelaku = pelaku
        if self.kunci_layar is not None:
            self.kunci_layar.atur_menit(waktu_kunci_layar(self.k.db))
        self._perbarui_status()

    # --- closing ----------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if self.terkunci and not self._tutup_tanpa_tanya:
            event.ignore()  # a locked window is not closed by whoever sits at the PC
            return
        if not self._tutup_tanpa_tanya and not self._boleh_tinggalkan():
            event.ignore()
            return
        s = self._pengaturan
        s.setValue("jendela/geometri", self.saveGeometry())
        s.setValue("jendela/keadaan", self.saveState())
        s.setValue("jendela/pemisah", self.pemisah.saveState())
        if self.tumpukan.count():
            s.setValue("jendela/halaman", self.halaman_aktif().kunci)
        s.setValue("tahun", self.k.tahun)
        for h in self._halaman.values():
            h.simpan_keadaan(s)
        s.sync()
        self.pantau.hentikan()  # basis data bersama (issue 8)
        if self.kunci_layar is not None:
            self.kunci_layar.hentikan()
        event.accept()
