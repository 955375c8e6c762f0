"""Where a key store may live: never next to the data it protects."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from keys.errors import StoreLocationRefused


def check_store_location(store: Path, inputs: Sequence[Path], output: Path | None) -> None:
    """Refuse a store path that is an input, inside an input folder, or inside the output folder.

    The key must be kept apart from the pseudonymised outputs (whoever receives those must not
    receive the key) and from the inputs (a folder input would otherwise carry its own key).
    Paths are compared after resolving ``~``, ``..`` and symbolic links; nothing is created.

    Args:
        store: the key store file (it need not exist yet).
        inputs: the files and folders given to ``anonymise run``.
        output: the output folder, if any.

    Raises:
        StoreLocationRefused: the store lies in one of those places.
    """
    where = _resolved(store)
    if output is not None:
        out = _resolved(output)
        if where == out or out in where.parents:
            raise StoreLocationRefused(
                f"key store {store.name} must not be inside the output folder; "
                "keep it apart from the pseudonymised data")
    for raw in inputs:
        source = _resolved(raw)
        if where == source or source in where.parents:
            raise StoreLocationRefused(
                f"key store {store.name} must not be an input or inside an input folder")


def _resolved(path: Path) -> Path:
    return path.expanduser().resolve()
