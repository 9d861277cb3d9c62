"""Bytes from a file to text, or a clear reason why not.

Tried in order: a UTF-8, UTF-16 or UTF-32 byte-order mark; plain UTF-8; then Windows-1252 with a
warning, since a stray Latin-1 byte in a scraped article should not lose the whole file. Content
with NUL bytes and no UTF-16/32 mark is binary, and refused.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from timeline.errors import InputError
from timeline.model import Diagnostic, Severity, SourceRef

__all__ = ["Decoded", "decode"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    warnings: tuple[Diagnostic, ...] = ()


def decode(data: bytes, path: str) -> Decoded:
    """Decode `data` read from `path`; raise `InputError` for empty or binary content."""
    if not data.strip():
        raise InputError(SourceRef(path), "the file is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                line = data[: exc.start].count(b"\n") + 1
                raise InputError(
                    SourceRef(path, line), f"not valid {encoding} at byte {exc.start}"
                ) from None
            return Decoded(_without_nul(text, path), encoding)
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise InputError(SourceRef(path, line), "binary content (a NUL byte); expected UTF-8 text")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        bad = data[exc.start : exc.start + 4].hex(" ")
        warning = Diagnostic(
            Severity.WARNING,
            SourceRef(path, line),
            f"not valid UTF-8 (byte {exc.start}: {bad}); read as Windows-1252",
            bad,
        )
    text = data.decode("cp1252", errors="replace")
    if _binary_looking(text):
        raise InputError(SourceRef(path), "binary content; expected UTF-8 text")
    return Decoded(text, "cp1252", (warning,))


def _without_nul(text: str, path: str) -> str:
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise InputError(SourceRef(path, line), "binary content (a NUL character)")
    return text


def _binary_looking(text: str) -> bool:
    """Mostly control characters and replacements: an image or an archive, not text."""
    sample = text[:4096]
    odd = sum(1 for c in sample if (ord(c) < 32 and c not in "\t\n\r\f") or c == "\ufffd")
    return odd > max(8, len(sample) // 20)
