"""Services: every user action as one transaction, shared by the window and the CLI.

They take and return plain values, raise `KesalahanPengguna` subclasses for what a user
can fix, and never import Qt.
"""
