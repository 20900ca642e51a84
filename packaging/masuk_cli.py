"""Frozen entry point of `sakip` (the command line), used by sakip-desktop.spec."""

import sys

# The installed folder is not the place for __pycache__ (Alembic imports the revision
# files from disk; the uninstaller would leave their bytecode behind).
sys.dont_write_bytecode = True

from sakip_desktop.cli.main import main  # noqa: E402

sys.exit(main())
