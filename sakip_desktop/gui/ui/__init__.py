"""Modul formulir hasil pyside6-uic."""
