"""A strict reader for nested data (YAML/JSON) that names the place of every problem."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from ..errors import InputTidakSah

KUNCI_BEBAS = frozenset({"catatan", "fiktif"})


class Simpul:
    """A mapping or list inside the data file, with its path for error messages."""

    def __init__(self, isi: Any, jalur: str) -> None:
        self.isi = isi
        self.jalur = jalur

    def galat(self, pesan: str, kunci: str | None = None) -> InputTidakSah:
        tempat = f"{self.jalur}.{kunci}" if kunci else self.jalur
        return InputTidakSah(f"{tempat}: {pesan}", field=tempat)

    # --- mappings -------------------------------------------------------------------------
    def peta(self, kunci_sah: set[str] | frozenset[str]) -> Simpul:
        """Assert this is a mapping whose keys are all known."""
        if not isinstance(self.isi, Mapping):
            raise self.galat("harus berupa pemetaan (kunci: nilai)")
        asing = sorted(str(k) for k in self.isi if k not in kunci_sah and k not in KUNCI_BEBAS)
        if asing:
            raise self.galat(f"kunci tidak dikenal: {', '.join(asing)}")
        return self

    def ada(self, kunci: str) -> bool:
        return isinstance(self.isi, Mapping) and self.isi.get(kunci) is not None

    def mentah(self, kunci: str) -> Any:
        return self.isi.get(kunci) if isinstance(self.isi, Mapping) else None

    def anak(self, kunci: str) -> Simpul:
        return Simpul(self.isi.get(kunci), f"{self.jalur}.{kunci}")

    def teks(self, kunci: str, *, wajib: bool = False) -> str | None:
        nilai = self.mentah(kunci)
        if nilai is None:
            if wajib:
                raise self.galat("wajib diisi", kunci)
            return None
        if isinstance(nilai, bool) or not isinstance(nilai, (str, int, float, Decimal)):
            raise self.galat("harus berupa teks", kunci)
        teks = str(nilai).strip()
        if wajib and not teks:
            raise self.galat("wajib diisi", kunci)
        return teks or None

    def teks_wajib(self, kunci: str) -> str:
        teks = self.teks(kunci, wajib=True)
        assert teks is not None
        return teks

    def bulat(
        self,
        kunci: str,
        *,
        wajib: bool = False,
        minimum: int | None = None,
        maksimum: int | None = None,
    ) -> int | None:
        nilai = self.mentah(kunci)
        if nilai is None:
            if wajib:
                raise self.galat("wajib diisi", kunci)
            return None
        return bilangan_bulat(nilai, self.galat, kunci, minimum, maksimum)

    def angka(self, kunci: str, *, wajib: bool = False) -> Decimal | None:
        nilai = self.mentah(kunci)
        if nilai is None:
            if wajib:
                raise self.galat("wajib diisi", kunci)
            return None
        return angka(nilai, self.galat, kunci)

    def tanggal(self, kunci: str, *, wajib: bool = False) -> date | None:
        nilai = self.mentah(kunci)
        if nilai is None:
            if wajib:
                raise self.galat("wajib diisi", kunci)
            return None
        if isinstance(nilai, date):
            return nilai
        try:
            return date.fromisoformat(str(nilai))
        except ValueError:
            raise self.galat(f"tanggal tidak sah: {nilai!r} (gunakan TTTT-BB-HH)", kunci) from None

    def bool(self, kunci: str, bawaan: bool = False) -> bool:
        nilai = self.mentah(kunci)
        if nilai is None:
            return bawaan
        if not isinstance(nilai, bool):
            raise self.galat("harus true atau false", kunci)
        return nilai

    def pilihan(self, kunci: str, enum_cls: type, bawaan: Any = None) -> Any:
        nilai = self.mentah(kunci)
        if nilai is None:
            if bawaan is None:
                raise self.galat("wajib diisi", kunci)
            return bawaan
        try:
            return enum_cls(str(nilai))
        except ValueError:
            sah = ", ".join(m.value for m in enum_cls)
            raise self.galat(
                f"nilai {nilai!r} tidak dikenal; pilih salah satu: {sah}", kunci
            ) from None

    def pasangan(self) -> Iterator[tuple[Any, Simpul]]:
        """Items of a mapping such as {2020: …} with the path of each value."""
        if self.isi is None:
            return
        if not isinstance(self.isi, Mapping):
            raise self.galat("harus berupa pemetaan (kunci: nilai)")
        for k, v in self.isi.items():
            if k in KUNCI_BEBAS:
                continue
            yield k, Simpul(v, f"{self.jalur}.{k}")

    # --- lists ----------------------------------------------------------------------------
    def daftar(self) -> Iterator[Simpul]:
        if self.isi is None:
            return
        if not isinstance(self.isi, list):
            raise self.galat("harus berupa daftar")
        for i, item in enumerate(self.isi):
            yield Simpul(item, f"{self.jalur}[{i}]")


def angka(nilai: Any, galat: Any, kunci: str | None = None) -> Decimal:
    """A number written as a YAML number or a string with a dot decimal."""
    if isinstance(nilai, bool):
        raise galat("harus berupa angka", kunci)
    try:
        hasil = Decimal(str(nilai).strip())
    except InvalidOperation:
        raise galat(
            f"{nilai!r} bukan angka (gunakan titik sebagai pemisah desimal)", kunci
        ) from None
    if not hasil.is_finite():
        raise galat(f"{nilai!r} bukan angka yang sah", kunci)
    return hasil


def bilangan_bulat(
    nilai: Any, galat: Any, kunci: str | None, minimum: int | None, maksimum: int | None
) -> int:
    if isinstance(nilai, bool):
        raise galat("harus berupa bilangan bulat", kunci)
    try:
        hasil = int(str(nilai).strip())
    except ValueError:
        raise galat(f"{nilai!r} bukan bilangan bulat", kunci) from None
    if (minimum is not None and hasil < minimum) or (maksimum is not None and hasil > maksimum):
        raise galat(f"{hasil} di luar rentang {minimum}–{maksimum}", kunci)
    return hasil
