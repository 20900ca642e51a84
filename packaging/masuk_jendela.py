"""Frozen entry point of `sakip-desktop` (the window), used by sakip-desktop.spec."""

import os
import sys

# The installed folder is not the place for __pycache__ (Alembic imports the revision
# files from disk; the uninstaller would leave their bytecode behind).
sys.dont_write_bytecode = True

# A windowed Windows program started without a console has no stdout/stderr (None):
# give print() somewhere to go instead of failing.
if sys.stdout is None:
    sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
if sys.stderr is None:
    sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115

from sakip_desktop.__main__ import main  # noqa: E402

sys.exit(main())
