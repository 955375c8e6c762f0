"""Reading record-level CSV files and checking their values against the built-in code lists.

One row per person. Values in code-listed columns (ethnicity, sex, religion, sexual orientation,
disability, age) are mapped to canonical labels; spellings that are not recognised are counted
and reported, and tabulated together under one ``Not recognised`` category (or refused) rather
than silently becoming small cells of their own. Blank values become ``Not known``.

XLSX is not read: no spreadsheet library is installed. Save the sheet as CSV.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.errors import InputError, UsageError
from pipeline.stats.codelists import CODELISTS, NOT_KNOWN, CodeList, codelist_for_header
from pipeline.stats.tabulate import TOTAL

UNRECOGNISED = "Not recognised"
#: Longest spelling quoted in reports; longer values are cut (they may be free text).
_QUOTE_MAX = 40


@dataclass(frozen=True)
class Records:
    """The raw contents of a records file.

    Attributes:
        source: File name (no directory), for reports.
        sha256: Hash of the file's bytes, so a report can be tied to its input.
        columns: Header names.
        rows: One tuple of stripped values per record.
    """

    source: str
    sha256: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def read_records(path: Path) -> Records:
    """Read a CSV file of records (UTF-8, with or without BOM; Windows-1252 accepted).

    Raises:
        UsageError: the file is missing or is a spreadsheet.
        InputError: the file is empty, has no header, repeats a header or has ragged rows.
    """
    if path.suffix.lower() in (".xlsx", ".xls", ".ods"):
        raise UsageError(f"{path.name}: spreadsheets are not read (no spreadsheet library is "
                         "installed); save the sheet as CSV")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UsageError(f"records file not found: {path}") from None
    except OSError as exc:
        raise UsageError(f"cannot read records file {path}: {type(exc).__name__}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
        if not header or not any(h.strip() for h in header):
            raise InputError(f"{path.name}: no header row")
        columns = tuple(h.strip() for h in header)
        repeated = sorted({c for c in columns if columns.count(c) > 1})
        if repeated:
            raise InputError(f"{path.name}: repeated column name(s): {', '.join(repeated)}")
        rows: list[tuple[str, ...]] = []
        for row in reader:
            if not any(v.strip() for v in row):
                continue
            if len(row) != len(columns):
                raise InputError(f"{path.name}: line {reader.line_num} has {len(row)} fields, "
                                 f"the header has {len(columns)}")
            rows.append(tuple(v.strip() for v in row))
    except csv.Error as exc:
        raise InputError(f"{path.name}: not a readable CSV file ({exc})") from None
    if not rows:
        raise InputError(f"{path.name}: no records")
    return Records(path.name, hashlib.sha256(data).hexdigest(), columns, tuple(rows))


@dataclass(frozen=True)
class ColumnCheck:
    """How one column's values were recognised.

    Attributes:
        column: Header name.
        codelist: The code list applied (None: free categories such as site names).
        special: Whether the column is treated as special category.
        unrecognised: (spelling, number of records), spellings cut to 40 characters.
        blank: Number of blank values (counted as ``Not known``).
        banded: Number of exact ages put into bands for the table.
    """

    column: str
    codelist: CodeList | None
    special: bool
    unrecognised: tuple[tuple[str, int], ...] = ()
    blank: int = 0
    banded: int = 0

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "codelist": self.codelist.name if self.codelist else None,
            "standard": self.codelist.title if self.codelist else None,
            "special_category": self.special,
            "blank_as_not_known": self.blank,
            "exact_ages_banded": self.banded,
            "unrecognised": [{"spelling": s, "records": n} for s, n in self.unrecognised],
        }


def pick_columns(records: Records, names: Sequence[str], option: str) -> list[int]:
    """Indexes of the named columns.

    Raises:
        UsageError: a name is not a column, or is given twice.
    """
    if len(set(names)) != len(names):
        raise UsageError(f"{option} names a column twice")
    missing = [n for n in names if n not in records.columns]
    if missing:
        raise UsageError(f"{option}: column(s) {', '.join(missing)} not in {records.source} "
                         f"(columns: {', '.join(records.columns)})")
    return [records.columns.index(n) for n in names]


def resolve_codelist(column: str, assigned: Mapping[str, str]) -> CodeList | None:
    """The code list for a column: from ``[stats.columns]`` if set, else guessed from its name."""
    if column in assigned:
        name = assigned[column]
        return None if name == "none" else CODELISTS[name]
    return codelist_for_header(column)


def _quote(spelling: str) -> str:
    return spelling if len(spelling) <= _QUOTE_MAX else spelling[:_QUOTE_MAX] + "…"


def check_column(values: Sequence[str], column: str, codelist: CodeList | None, *,
                 special: bool = False, exact_numbers: bool = False,
                 unrecognised: str = "group") -> tuple[list[str], ColumnCheck]:
    """Map one column's values to canonical categories.

    Args:
        values: The raw values, one per record.
        column: Header name (for messages).
        codelist: Code list to apply, or None for free categories.
        special: Treat as special category even without a special code list.
        exact_numbers: Keep exact ages (for k-anonymity) instead of banding them.
        unrecognised: "group" tabulates unknown spellings as ``Not recognised``; "fail" refuses.

    Raises:
        InputError: a value is the reserved word ``Total``, or spellings are unrecognised and
            ``unrecognised`` is "fail".
    """
    blank = sum(1 for v in values if not v)
    if codelist is None:
        if any(v.casefold() == TOTAL.casefold() for v in values):
            raise InputError(f"column {column} holds the value '{TOTAL}', which is reserved for "
                             "margin rows; rename that category")
        return [v or NOT_KNOWN for v in values], ColumnCheck(column, None, special, blank=blank)
    out: list[str] = []
    bad: Counter[str] = Counter()
    banded = 0
    for value in values:
        label = codelist.recognise(value, exact_numbers=exact_numbers)
        if label is None:
            bad[_quote(value)] += 1
            label = UNRECOGNISED
        elif codelist.numeric is not None and value.strip().isdigit():
            banded += not exact_numbers
        out.append(label)
    if bad and unrecognised == "fail":
        raise InputError(f"column {column}: {len(bad)} spelling(s) not in the {codelist.name} "
                         "code list (set unrecognised = \"group\" in [stats] to tabulate them "
                         "as 'Not recognised')")
    check = ColumnCheck(column, codelist, special or codelist.special,
                        tuple(sorted(bad.items(), key=lambda kv: (-kv[1], kv[0]))), blank, banded)
    return out, check


def category_order(values: Sequence[str], codelist: CodeList | None) -> list[str]:
    """Output order: code-list order for known labels, then others alphabetically."""
    present = set(values)
    known = [c for c in codelist.categories if c in present] if codelist else []
    rest = sorted(present - set(known) - {UNRECOGNISED, NOT_KNOWN}, key=str.casefold)
    tail = [c for c in (NOT_KNOWN, UNRECOGNISED) if c in present and c not in known]
    return [*known, *rest, *tail]
