"""From records to a protected long-format table and its report (pure: no file I/O)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.errors import UsageError
from pipeline.stats.audit import AuditFailure
from pipeline.stats.config import StatsConfig
from pipeline.stats.kanon import Generaliser, KAnonymity, Suggestion, measure, suggest
from pipeline.stats.profiles import Profile, Status
from pipeline.stats.records import (
    ColumnCheck,
    Records,
    category_order,
    check_column,
    pick_columns,
    resolve_codelist,
)
from pipeline.stats.report import StatsRun
from pipeline.stats.suppress import Protected, protect
from pipeline.stats.tabulate import Key, group_disclosures, tabulate

COUNT_COLUMN = "count"
REASON_COLUMN = "reason"


@dataclass(frozen=True)
class Built:
    """The result of one run: the report, and the table rows (None when the audit failed)."""

    run: StatsRun
    rows: list[list[str]] | None


def long_rows(protected: Protected) -> list[list[str]]:
    """The output CSV: header, then one row per cell and margin (``Total``)."""
    table = protected.table
    header = [*table.dims, COUNT_COLUMN, REASON_COLUMN]
    if set(header[-2:]) & set(table.dims):
        raise UsageError(f"--by columns must not be named {COUNT_COLUMN} or {REASON_COLUMN}")
    return [header] + [[*key, protected.cells[key].token, protected.cells[key].reason]
                       for key in table.keys()]


def _qi_part(records: Records, qi: Sequence[str], config: StatsConfig, profile: Profile,
             checks: dict[str, ColumnCheck]) -> tuple[KAnonymity, tuple[Suggestion, ...]]:
    index = pick_columns(records, qi, "--qi")
    columns: list[list[str]] = []
    generalisers: dict[str, Generaliser] = {}
    for name, i in zip(qi, index, strict=True):
        codelist = resolve_codelist(name, config.columns)
        values, check = check_column([r[i] for r in records.rows], name, codelist,
                                     special=name in config.special, exact_numbers=True,
                                     unrecognised=config.unrecognised)
        checks.setdefault(name, check)
        columns.append(values)
        if codelist is not None and (codelist.generalise_to or codelist.numeric):
            generalisers[name] = (codelist.generalisation, codelist.generalise)
    rows = list(zip(*columns, strict=True))
    return measure(rows, qi, profile.k), tuple(suggest(rows, qi, profile.k, generalisers))


def build(records: Records, by: Sequence[str], profile: Profile, config: StatsConfig, *,
          qi: Sequence[str] = (), output: str | None = None) -> Built:
    """Tabulate, protect and audit; measure k-anonymity on ``qi``.

    Raises:
        UsageError: bad column choice.
        InputError: unusable values (e.g. a category named ``Total``).
    """
    if not 1 <= len(by) <= 2:
        raise UsageError("--by takes one or two columns; tabulate more columns as separate "
                         "tables or generalise them first")
    index = pick_columns(records, by, "--by")
    checks: dict[str, ColumnCheck] = {}
    columns, orders, special = [], [], []
    for name, i in zip(by, index, strict=True):
        codelist = resolve_codelist(name, config.columns)
        values, check = check_column([r[i] for r in records.rows], name, codelist,
                                     special=name in config.special,
                                     unrecognised=config.unrecognised)
        checks[name] = check
        columns.append(values)
        orders.append(category_order(values, codelist))
        special.append(check.special)
    table = tabulate(zip(*columns, strict=True), by, orders, special)
    protected: Protected | None = None
    failure = ""
    try:
        protected = protect(table, profile, min_values=config.min_values,
                            suppress_totals=config.suppress_totals)
    except AuditFailure as exc:
        failure = str(exc)
    def shown_as_zero(key: Key) -> bool:
        return protected is not None and protected.cells[key].token == "0" \
            and protected.cells[key].status == Status.EXACT

    kanon: KAnonymity | None = None
    suggestions: tuple[Suggestion, ...] = ()
    if qi:
        kanon, suggestions = _qi_part(records, qi, config, profile, checks)
    run = StatsRun(
        records=records, profile=profile, by=tuple(by), output=output if protected else None,
        checks=tuple(checks.values()), protected=protected, failure=failure,
        groups=tuple(group_disclosures(table, shown_as_zero)), kanon=kanon, suggestions=suggestions,
        settings={"unrecognised": config.unrecognised, "suppress_totals": config.suppress_totals,
                  "min_values": config.min_values, "special_columns": list(config.special)},
    )
    return Built(run, long_rows(protected) if protected else None)
