"""Printed documents (PDF with reportlab, XLSX with openpyxl). No Qt here.

Heavy libraries are imported inside these modules only, so start-up never pays for them.
"""
