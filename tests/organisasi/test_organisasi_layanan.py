"""Organisation services: people, positions and holders, with their rules."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from sakip_desktop.domain import Eselon, Peran, StatusPemangku
from sakip_desktop.errors import AksesDitolak, InputTidakSah, KesalahanPengguna
from sakip_desktop.model import Jabatan, Opd, PemangkuJabatan
from sakip_desktop.services import organisasi as org
from sakip_desktop.services.pelaku import Pelaku
from sakip_desktop.storage import Database

PERENCANA = Pelaku("rina", Peran.PERENCANA)


def jabatan(db: Database, nama: str) -> Jabatan:
    with db.baca() as sesi:
        return sesi.scalars(select(Jabatan).where(Jabatan.nama == nama)).one()


def test_ganti_pemangku_menutup_periode_lama_dan_plt_tercetak(db_demo: Database) -> None:
    kabid = jabatan(db_demo, "Kepala Bidang Pelatihan Kerja")
    with db_demo.transaksi(PERENCANA) as sesi:
        opd = sesi.scalars(select(Opd)).one()
        baru = org.simpan_pegawai(
            sesi,
            PERENCANA,
            opd.pemda_id,
            None,
            nama="Sutrisno",
            nip="197001012000031009",
            gelar_belakang="S.E.",
            pangkat="Pembina",
            golongan="IV/a",
        )
        org.tetapkan_pemangku(
            sesi, PERENCANA, kabid.id, baru, mulai=date(2020, 7, 1), status=StatusPemangku.PLT
        )
    with db_demo.baca() as sesi:
        lama = org.pemangku_pada(sesi, kabid.id, date(2020, 6, 30))
        kini = org.pemangku_pada(sesi, kabid.id, date(2020, 7, 1))
        assert lama is not None and kini is not None and lama.id != kini.id
        assert lama.selesai == date(2020, 6, 30)
        rinci = {j.id: j for j in org.daftar_jabatan_rinci(sesi, opd.id, date(2020, 8, 1))}
        assert rinci[kabid.id].pemangku == "Plt. Sutrisno, S.E."
        assert (
            len(
                sesi.scalars(
                    select(PemangkuJabatan).where(PemangkuJabatan.jabatan_id == kabid.id)
                ).all()
            )
            == 2
        )


@pytest.mark.parametrize(
    ("nip", "pesan"), [("1970", "18 angka"), ("19700101200003100X", "18 angka")]
)
def test_nip_tidak_sah_ditolak(db_demo: Database, nip: str, pesan: str) -> None:
    with pytest.raises(InputTidakSah, match=pesan), db_demo.transaksi(PERENCANA) as sesi:
        opd = sesi.scalars(select(Opd)).one()
        org.simpan_pegawai(sesi, PERENCANA, opd.pemda_id, None, nama="X", nip=nip)


def test_atasan_melingkar_ditolak(db_demo: Database) -> None:
    kadis = jabatan(db_demo, "Kepala Dinas Tenaga Kerja")
    kabid = jabatan(db_demo, "Kepala Bidang Pelatihan Kerja")
    with pytest.raises(InputTidakSah, match="bawahannya"), db_demo.transaksi(PERENCANA) as sesi:
        org.simpan_jabatan(
            sesi,
            PERENCANA,
            kadis.opd_id,
            kadis.id,
            nama=kadis.nama,
            eselon=Eselon.II,
            unit_id=kadis.unit_id,
            atasan_id=kabid.id,
        )


def test_jabatan_pemilik_node_tidak_dapat_dihapus(db_demo: Database) -> None:
    kabid = jabatan(db_demo, "Kepala Bidang Pelatihan Kerja")
    with (
        pytest.raises(KesalahanPengguna, match="node pohon kinerja"),
        db_demo.transaksi(PERENCANA) as sesi,
    ):
        org.hapus_jabatan(sesi, PERENCANA, kabid.id)


def test_kabid_tidak_mengubah_organisasi(db_demo: Database) -> None:
    kabid = jabatan(db_demo, "Kepala Bidang Pelatihan Kerja")
    pelaku = Pelaku("kabid", Peran.KABID, jabatan_id=kabid.id)
    with pytest.raises(AksesDitolak), db_demo.transaksi(pelaku) as sesi:
        org.simpan_jabatan(
            sesi,
            pelaku,
            kabid.opd_id,
            kabid.id,
            nama="X",
            eselon=Eselon.III,
            unit_id=kabid.unit_id,
            atasan_id=kabid.atasan_id,
        )
