"""The headless command line `sakip`, built on the same services as the window."""
