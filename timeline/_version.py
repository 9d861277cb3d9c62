"""The version, written once: pyproject.toml reads it from here, and so does everything that
prints it. At the bottom of the layers (see ARCHITECTURE.md), so any module may import it."""

__version__ = "0.1.0"
