"""Names shared by the role tests (a module of its own: every test folder has a conftest)."""

from __future__ import annotations

from sakip_desktop.domain import Peran
from sakip_desktop.services.pelaku import Pelaku

KABID_PELATIHAN = "Kepala Bidang Pelatihan Kerja"
NODE_SENDIRI = "Peningkatan Kualitas Tenaga Kerja"
"""A program of Bidang Pelatihan Kerja."""
NODE_ASING = "Transmigrasi Regional"
"""A program of Bidang Penempatan Tenaga Kerja dan Perluasan Kesempatan Kerja."""
BIDANG_ASING = "Bidang Penempatan Tenaga Kerja dan Perluasan Kesempatan Kerja"
PEMBACA = Pelaku("tamu", Peran.PEMBACA, nama="Tamu (Pembaca)")
PERENCANA = Pelaku("rina", Peran.PERENCANA, nama="Rina (Perencana)")
