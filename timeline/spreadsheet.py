"""What spreadsheets do to a CSV cell, and how the CSV writer and reader guard against it: a
cell that starts with = + - @ (or a tab or carriage return) is run as a formula, so the writer
puts a quote mark before it and the reader takes exactly one off. Both sides live here, below
the readers and the writers, so that neither imports the other."""

from __future__ import annotations

FORMULA_STARTS = frozenset("=+-@\t\r")


def guard(text: str) -> str:
    """Spreadsheets run cells that start with = + - @ as formulas; a quote mark disarms them.

    A date such as "-0043-03-15" is data, not a formula, and is left alone so it reads back.
    """
    if text[:1] == "-" and text[1:2].isdigit():
        return text
    # A text that already starts with quote marks before such a character gets one more, so
    # that the reader, which takes exactly one off, gives it back as it was.
    return "'" + text if text.lstrip("'")[:1] in FORMULA_STARTS else text


def unguard(cell: str) -> str:
    """Undo the quote mark that `guard` put before a cell a spreadsheet would run."""
    return cell[1:] if cell[:1] == "'" and cell.lstrip("'")[:1] in FORMULA_STARTS else cell
