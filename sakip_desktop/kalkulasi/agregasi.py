"""Cara empat triwulan membentuk satu tahun (aturan agregasi per indikator).

Kata "kumulatif" dipakai dalam dua arti di lapangan, jadi setiap indikator memilih satu
dari tiga aturan berikut. Triwulan yang belum diisi BUKAN nol: ia dilewati.

Akumulasi (arus: orang dilatih, perusahaan dibina)
    Target triwulan adalah tambahan per triwulan; target tahunan = jumlahnya.
    Capaian TW n = (R1 + … + Rn) / (T1 + … + Tn) × 100; tahunan = (R1 + … + R4) / T × 100.
    Contoh: target 50, 50, 50, 42 (setahun 192 orang), realisasi 40, 60, belum diisi, belum
    diisi. TW II: (40 + 60) / (50 + 50) = 100,00%. Terhadap target tahunan: 100 / 192 =
    52,08%.

Nilai akhir (tingkat: persentase, rasio)
    Target tiap triwulan adalah tingkat yang diharapkan pada akhir triwulan itu; target TW IV
    = target tahunan. Capaian TW n = Rn / Tn × 100; tahunan = realisasi terakhir yang terisi
    / T × 100.
    Contoh (BPJS Ketenagakerjaan 2020): target 1,01 / 2,02 / 3,17 / 5,15%, realisasi TW I
    1,01%. TW I: 1,01 / 1,01 = 100,00%. Terhadap target tahunan 5,15%: 1,01 / 5,15 = 19,61%.

Rata-rata
    Capaian = rata-rata triwulan yang terisi / target × 100.
    Contoh: realisasi 80, 90, belum diisi, 100 → (80 + 90 + 100) / 3 = 90; terhadap target
    95: 94,74%. Triwulan kosong tidak dihitung sebagai 0 (bukan (80 + 90 + 0 + 100) / 4).

Technical notes: the per-quarter sequences have index 0 = TW I and at most 4 elements; a
shorter sequence means the later quarters are not filled (the same as ``None``). Means are
rounded half up to 2 places, as they are displayed, so that capaian is computed from the
value the user sees. Rules from DOMAIN.md "Quarterly aggregation".
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from ..angka import format_angka
from ..domain import Agregasi, Polaritas
from .capaian import hitung_capaian
from .pembulatan import bulat
from .target import NilaiTarget

__all__ = [
    "NAMA_TRIWULAN",
    "capaian_tahunan",
    "capaian_triwulan",
    "cek_target_triwulan",
    "realisasi_sampai",
    "realisasi_tahun",
    "target_sampai",
]

NAMA_TRIWULAN = ("TW I", "TW II", "TW III", "TW IV")

PerTriwulan = Sequence[Decimal | None]


def _periksa(nilai_tw: PerTriwulan, n: int) -> list[Decimal | None]:
    """The first n quarters, padded with None; checks 1 ≤ n ≤ 4 and at most 4 quarters."""
    if not 1 <= n <= 4:
        raise ValueError(f"triwulan must be 1..4, got {n}")
    if len(nilai_tw) > 4:
        raise ValueError(f"at most 4 quarters, got {len(nilai_tw)}")
    nilai = list(nilai_tw) + [None] * (4 - len(nilai_tw))
    return nilai[:n]


def _jumlah(nilai: list[Decimal | None]) -> Decimal | None:
    terisi = [v for v in nilai if v is not None]
    return sum(terisi, Decimal(0)) if terisi else None


def _rata(nilai: list[Decimal | None]) -> Decimal | None:
    terisi = [v for v in nilai if v is not None]
    return bulat(sum(terisi, Decimal(0)) / len(terisi)) if terisi else None


def realisasi_sampai(agregasi: Agregasi, realisasi_tw: PerTriwulan, n: int) -> Decimal | None:
    """The realization to compare with the quarterly target at TW ``n``.

    AKUMULASI: sum of the filled R1..Rn (None if none is filled). NILAI_AKHIR: Rn itself, the
    quarter's own level (None if Rn is empty). RATA_RATA: mean of the filled R1..Rn.
    """
    nilai = _periksa(realisasi_tw, n)
    if agregasi is Agregasi.AKUMULASI:
        return _jumlah(nilai)
    if agregasi is Agregasi.NILAI_AKHIR:
        return nilai[n - 1]
    return _rata(nilai)


def target_sampai(agregasi: Agregasi, target_tw: PerTriwulan, n: int) -> Decimal | None:
    """The target at TW ``n``: AKUMULASI ΣT1..n (filled), NILAI_AKHIR Tn, RATA_RATA mean."""
    return realisasi_sampai(agregasi, target_tw, n)


def realisasi_tahun(
    agregasi: Agregasi, realisasi_tw: PerTriwulan, sampai: int = 4
) -> Decimal | None:
    """The realization to compare with the YEARLY target, using quarters 1..``sampai``.

    AKUMULASI: ΣR of the filled quarters. NILAI_AKHIR: the last FILLED quarter up to
    ``sampai`` (TW III empty, TW II filled → TW II). RATA_RATA: mean of the filled quarters.
    """
    nilai = _periksa(realisasi_tw, sampai)
    if agregasi is Agregasi.NILAI_AKHIR:
        return next((v for v in reversed(nilai) if v is not None), None)
    return realisasi_sampai(agregasi, nilai, sampai)


def capaian_triwulan(
    agregasi: Agregasi,
    realisasi_tw: PerTriwulan,
    target_tw: PerTriwulan,
    n: int,
    polaritas: Polaritas,
    *,
    batas_atas: Decimal | None = None,
) -> Decimal | None:
    """Capaian at TW ``n`` against the quarterly targets.

    ``hitung_capaian(realisasi_sampai(…, n), target_sampai(…, n), polaritas)``; None when
    either side is empty. AKUMULASI 40 + 60 vs 50 + 50 → 100,00.
    """
    return hitung_capaian(
        realisasi_sampai(agregasi, realisasi_tw, n),
        target_sampai(agregasi, target_tw, n),
        polaritas,
        batas_atas=batas_atas,
    )


def capaian_tahunan(
    agregasi: Agregasi,
    realisasi_tw: PerTriwulan,
    target_tahun: NilaiTarget | Decimal | None,
    polaritas: Polaritas,
    *,
    sampai: int = 4,
    batas_atas: Decimal | None = None,
) -> Decimal | None:
    """Capaian against the yearly target (a number or a range), using quarters 1..``sampai``.

    ``sampai=1`` gives the "TW I against the yearly target" column of the source: BPJS
    (NILAI_AKHIR) 1,01 vs 5,15 → 19,61.
    """
    return hitung_capaian(
        realisasi_tahun(agregasi, realisasi_tw, sampai),
        target_tahun,
        polaritas,
        batas_atas=batas_atas,
    )


def _daftar_triwulan(indeks: list[int]) -> str:
    nama = [NAMA_TRIWULAN[i] for i in indeks]
    return nama[0] if len(nama) == 1 else ", ".join(nama[:-1]) + " dan " + nama[-1]


def cek_target_triwulan(
    agregasi: Agregasi, target_tahun: Decimal | None, target_tw: PerTriwulan
) -> str | None:
    """A warning (Bahasa Indonesia) when quarterly targets disagree with the yearly one.

    * NILAI_AKHIR: the TW IV target must equal the yearly target; a warning also when TW IV
      is empty while other quarters are filled.
    * AKUMULASI: the filled quarterly targets must add up to the yearly target (empty
      quarters are named in the warning).

    Returns:
        ``None`` when consistent, or not checkable: no yearly target, no quarterly target at
        all, or RATA_RATA (a mean has no fixed relation to the yearly target).
    """
    nilai = _periksa(target_tw, 4)
    terisi = [i for i, v in enumerate(nilai) if v is not None]
    if target_tahun is None or not terisi:
        return None
    tahunan = format_angka(target_tahun)
    if agregasi is Agregasi.NILAI_AKHIR:
        tw4 = nilai[3]
        if tw4 is None:
            return (
                f"Target TW IV belum diisi, padahal target tahunan {tahunan}. Pada aturan "
                "nilai akhir, target TW IV sama dengan target tahunan."
            )
        if tw4 != target_tahun:
            return (
                f"Target TW IV ({format_angka(tw4)}) berbeda dengan target tahunan ({tahunan}). "
                "Pada aturan nilai akhir, target TW IV sama dengan target tahunan."
            )
        return None
    if agregasi is Agregasi.AKUMULASI:
        jumlah = _jumlah(nilai)
        if jumlah == target_tahun:
            return None
        kosong = [i for i in range(4) if nilai[i] is None]
        if not kosong:
            return (
                f"Jumlah target TW I–IV ({format_angka(jumlah)}) berbeda dengan target tahunan "
                f"({tahunan})."
            )
        return (
            f"Jumlah target triwulan yang terisi ({format_angka(jumlah)}) berbeda dengan target "
            f"tahunan ({tahunan}); {_daftar_triwulan(kosong)} belum diisi."
        )
    return None
