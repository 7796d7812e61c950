"""psp's version: one place, read by the build (``pyproject.toml``) and by ``psp.__version__``."""

__version__ = "0.2.0"
