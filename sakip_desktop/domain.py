"""The SAKIP vocabulary shared by the model, the calculation engine and the services.

Values are stored in the database as these strings, so renaming a member is a migration.
"""

from __future__ import annotations

from enum import StrEnum


class JenisIndikator(StrEnum):
    """How an indicator's value comes about (see DOMAIN.md, "Indicators")."""

    PERSENTASE_PENINGKATAN = "persentase_peningkatan"
    """(X_N − X_N−1) / X_N−1 × 100 from two stored counts: komponen_a = X_N, komponen_b = X_N−1."""
    PERSENTASE_PENYELESAIAN = "persentase_penyelesaian"
    """part / whole × 100 from two stored counts: komponen_a = part, komponen_b = whole."""
    JUMLAH = "jumlah"
    """A count (orang, perusahaan, loker…)."""
    NILAI = "nilai"
    """A free value typed as is."""
    PREDIKAT = "predikat"
    """Text such as "WTP" or "BB", scored through a SkalaPredikat."""

    @property
    def label(self) -> str:
        return _LABEL_JENIS[self]

    @property
    def dari_komponen(self) -> bool:
        return self in (
            JenisIndikator.PERSENTASE_PENINGKATAN,
            JenisIndikator.PERSENTASE_PENYELESAIAN,
        )


_LABEL_JENIS = {
    JenisIndikator.PERSENTASE_PENINGKATAN: "Persentase peningkatan",
    JenisIndikator.PERSENTASE_PENYELESAIAN: "Persentase penyelesaian",
    JenisIndikator.JUMLAH: "Jumlah",
    JenisIndikator.NILAI: "Nilai bebas",
    JenisIndikator.PREDIKAT: "Predikat / teks",
}


class Polaritas(StrEnum):
    """Whether a higher realization is better (most) or a lower one (TPT, kasus)."""

    POSITIF = "positif"
    NEGATIF = "negatif"

    @property
    def label(self) -> str:
        return "Makin tinggi makin baik" if self is Polaritas.POSITIF else "Makin rendah makin baik"


class Agregasi(StrEnum):
    """How four quarters make a year (DOMAIN.md, "Quarterly aggregation")."""

    AKUMULASI = "akumulasi"
    """Flows: quarterly targets are increments; the year is their sum."""
    NILAI_AKHIR = "nilai_akhir"
    """Levels: each quarter's target is the level at its end; TW IV = the year."""
    RATA_RATA = "rata_rata"
    """Mean of the filled quarters."""

    @property
    def label(self) -> str:
        return {
            Agregasi.AKUMULASI: "Akumulasi",
            Agregasi.NILAI_AKHIR: "Nilai akhir",
            Agregasi.RATA_RATA: "Rata-rata",
        }[self]


class JenisNode(StrEnum):
    """Kinds of nodes in the performance tree, from the regency's visi to a staff task."""

    VISI = "visi"
    MISI = "misi"
    TUJUAN_RPJMD = "tujuan_rpjmd"
    SASARAN_RPJMD = "sasaran_rpjmd"
    TUJUAN = "tujuan"
    SASARAN = "sasaran"
    PROGRAM = "program"
    KEGIATAN = "kegiatan"
    SUB_KEGIATAN = "sub_kegiatan"
    RENCANA_HASIL_KERJA = "rencana_hasil_kerja"

    @property
    def label(self) -> str:
        return _LABEL_NODE[self]

    @property
    def level(self) -> int | None:
        """Level of the pohon kinerja (0 Bupati … 5 staf), None above level 0."""
        return _LEVEL_NODE[self]

    @property
    def milik_rpjmd(self) -> bool:
        """True for the regency's own plan (shared by every OPD of the pemda)."""
        return self in _RPJMD

    def anak_yang_boleh(self) -> tuple[JenisNode, ...]:
        """Kinds a child of this node may have (the add-child menu offers these)."""
        return _ANAK[self]


_LABEL_NODE = {
    JenisNode.VISI: "Visi",
    JenisNode.MISI: "Misi",
    JenisNode.TUJUAN_RPJMD: "Tujuan RPJMD",
    JenisNode.SASARAN_RPJMD: "Sasaran RPJMD",
    JenisNode.TUJUAN: "Tujuan",
    JenisNode.SASARAN: "Sasaran",
    JenisNode.PROGRAM: "Program",
    JenisNode.KEGIATAN: "Kegiatan",
    JenisNode.SUB_KEGIATAN: "Sub Kegiatan",
    JenisNode.RENCANA_HASIL_KERJA: "Rencana Hasil Kerja",
}
_LEVEL_NODE = {
    JenisNode.VISI: None,
    JenisNode.MISI: None,
    JenisNode.TUJUAN_RPJMD: None,
    JenisNode.SASARAN_RPJMD: 0,
    JenisNode.TUJUAN: 1,
    JenisNode.SASARAN: 2,
    JenisNode.PROGRAM: 3,
    JenisNode.KEGIATAN: 4,
    JenisNode.SUB_KEGIATAN: 5,
    JenisNode.RENCANA_HASIL_KERJA: 5,
}
_RPJMD = {JenisNode.VISI, JenisNode.MISI, JenisNode.TUJUAN_RPJMD, JenisNode.SASARAN_RPJMD}
_ANAK: dict[JenisNode, tuple[JenisNode, ...]] = {
    JenisNode.VISI: (JenisNode.MISI,),
    JenisNode.MISI: (JenisNode.TUJUAN_RPJMD,),
    JenisNode.TUJUAN_RPJMD: (JenisNode.SASARAN_RPJMD,),
    JenisNode.SASARAN_RPJMD: (JenisNode.TUJUAN,),
    JenisNode.TUJUAN: (JenisNode.SASARAN,),
    JenisNode.SASARAN: (JenisNode.PROGRAM,),
    JenisNode.PROGRAM: (JenisNode.KEGIATAN,),
    JenisNode.KEGIATAN: (JenisNode.SUB_KEGIATAN, JenisNode.RENCANA_HASIL_KERJA),
    JenisNode.SUB_KEGIATAN: (JenisNode.RENCANA_HASIL_KERJA,),
    JenisNode.RENCANA_HASIL_KERJA: (),
}


class DokumenTarget(StrEnum):
    """The planning document a target belongs to; the konsistensi check compares them."""

    RENSTRA = "renstra"
    RENJA = "renja"
    PK = "pk"

    @property
    def label(self) -> str:
        return {"renstra": "Renstra", "renja": "Renja / RKT", "pk": "Perjanjian Kinerja"}[
            self.value
        ]


# Order in which a year's target for measuring capaian is chosen: the PK is what was signed.
URUTAN_DOKUMEN_UKUR = (DokumenTarget.PK, DokumenTarget.RENJA, DokumenTarget.RENSTRA)


class DokumenAnggaran(StrEnum):
    RENJA = "renja"
    RKA = "rka"
    DPA = "dpa"

    @property
    def label(self) -> str:
        return self.value.upper() if self is not DokumenAnggaran.RENJA else "Renja"


class JenisUnit(StrEnum):
    DINAS = "dinas"
    SEKRETARIAT = "sekretariat"
    BIDANG = "bidang"
    SUBBAGIAN = "subbagian"
    SEKSI = "seksi"
    UPT = "upt"

    @property
    def label(self) -> str:
        return {
            "dinas": "Dinas",
            "sekretariat": "Sekretariat",
            "bidang": "Bidang",
            "subbagian": "Subbagian",
            "seksi": "Seksi",
            "upt": "UPT",
        }[self.value]


class Eselon(StrEnum):
    """Position level; it decides the PK layout and who signs with whom."""

    KEPALA_DAERAH = "kepala_daerah"
    II = "II"
    III = "III"
    IV = "IV"
    STAF = "staf"

    @property
    def label(self) -> str:
        return {
            "kepala_daerah": "Kepala Daerah",
            "II": "Eselon II",
            "III": "Eselon III",
            "IV": "Eselon IV",
            "staf": "Staf / Pelaksana",
        }[self.value]


class StatusPemangku(StrEnum):
    """Definitive holder, or acting: Plt. (pelaksana tugas) / Plh. (pelaksana harian)."""

    DEFINITIF = "definitif"
    PLT = "plt"
    PLH = "plh"

    @property
    def awalan(self) -> str:
        """What is printed before the jabatan ("Plt. Kepala Dinas …")."""
        return {"definitif": "", "plt": "Plt. ", "plh": "Plh. "}[self.value]


class StatusRealisasi(StrEnum):
    DRAF = "draf"
    DIAJUKAN = "diajukan"
    DIVERIFIKASI = "diverifikasi"

    @property
    def label(self) -> str:
        return {"draf": "Draf", "diajukan": "Diajukan", "diverifikasi": "Diverifikasi"}[self.value]


class StatusPK(StrEnum):
    DRAF = "draf"
    DITANDATANGANI = "ditandatangani"
    DIGANTI = "diganti"
    """Superseded by a PK perubahan; kept and printable."""

    @property
    def label(self) -> str:
        return {
            "draf": "Draf",
            "ditandatangani": "Ditandatangani",
            "diganti": "Diganti (perubahan)",
        }[self.value]


class JenisProses(StrEnum):
    MANAJEMEN = "manajemen"
    INTI = "inti"
    PENDUKUNG = "pendukung"


class Peran(StrEnum):
    """User roles (issue: users, roles, audit)."""

    ADMINISTRATOR = "administrator"
    PERENCANA = "perencana"
    KEPALA_DINAS = "kepala_dinas"
    KABID = "kabid"
    KASI = "kasi"
    STAF = "staf"
    PEMBACA = "pembaca"
