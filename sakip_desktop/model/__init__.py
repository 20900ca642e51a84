"""The SAKIP data model (SQLAlchemy 2.x typed declarative), one module per area.

Importing this package registers every table on ``Base.metadata``.
"""

from .anggaran import Anggaran, RealisasiAnggaran, RevisiAnggaran
from .base import Base, Berversi, Rekaman, sekarang
from .evaluasi import EvaluasiLke, JawabanLke
from .indikator import BerkasBukti, Indikator, Realisasi, Target, TindakLanjut
from .laporan import NarasiLkjip
from .organisasi import Jabatan, Pegawai, PemangkuJabatan, UnitKerja
from .pengaturan import BandCapaian, NilaiPredikat, Pengaturan, SkalaPredikat
from .pengguna import JejakAudit, Pengguna
from .perencanaan import Renstra, Rpjmd, TahunKinerja
from .pertukaran import IdentitasBasisData, KonflikPaket, PertukaranPaket
from .pk import BarisPK, PerjanjianKinerja
from .pohon import NodeKinerja, TautanCascading
from .proses import ProsesBisnis, Sop
from .rencana_aksi import RencanaAksi
from .risiko import Risiko, StatusRisiko
from .wilayah import Opd, Pemda

__all__ = [
    "Anggaran",
    "BandCapaian",
    "BarisPK",
    "Base",
    "BerkasBukti",
    "Berversi",
    "EvaluasiLke",
    "IdentitasBasisData",
    "Indikator",
    "Jabatan",
    "JawabanLke",
    "JejakAudit",
    "KonflikPaket",
    "NarasiLkjip",
    "NilaiPredikat",
    "NodeKinerja",
    "Opd",
    "Pegawai",
    "PemangkuJabatan",
    "Pemda",
    "Pengaturan",
    "Pengguna",
    "PerjanjianKinerja",
    "PertukaranPaket",
    "ProsesBisnis",
    "Realisasi",
    "RealisasiAnggaran",
    "Rekaman",
    "RencanaAksi",
    "Renstra",
    "RevisiAnggaran",
    "Risiko",
    "Rpjmd",
    "SkalaPredikat",
    "Sop",
    "StatusRisiko",
    "TahunKinerja",
    "Target",
    "TautanCascading",
    "TindakLanjut",
    "UnitKerja",
    "sekarang",
]
