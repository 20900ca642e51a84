"""SAKIP Desktop: akuntabilitas kinerja instansi pemerintah, luring di PC kantor."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("sakip-desktop")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+src"
