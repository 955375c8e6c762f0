from __future__ import annotations

from pathlib import Path

import pytest

from keys import StoreLocationRefused, check_store_location


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    for folder in ("in", "in/sub", "out", "out/deep", "safe"):
        (tmp_path / folder).mkdir()
    (tmp_path / "in" / "notes.docx").write_bytes(b"x")
    (tmp_path / "single.txt").write_text("x")
    return tmp_path


@pytest.mark.parametrize(
    "store, refused",
    [
        ("out/keys.db", True), ("out/deep/keys.db", True), ("out", True),
        ("in/keys.db", True), ("in/sub/keys.db", True), ("in/notes.docx", True),
        ("single.txt", True), ("out/../in/keys.db", True),
        ("safe/keys.db", False), ("keys.db", False), ("outside.db", False),
        ("in-keys.db", False), ("out.db", False),
    ],
)
def test_store_location_table(tree, store, refused):
    inputs = [tree / "in", tree / "single.txt"]
    if refused:
        with pytest.raises(StoreLocationRefused):
            check_store_location(tree / store, inputs, tree / "out")
    else:
        check_store_location(tree / store, inputs, tree / "out")


def test_symlink_into_output_is_refused(tree):
    (tree / "safe" / "link").symlink_to(tree / "out")
    with pytest.raises(StoreLocationRefused):
        check_store_location(tree / "safe" / "link" / "keys.db", [], tree / "out")


def test_no_output_checks_inputs_only(tree):
    check_store_location(tree / "out" / "keys.db", [tree / "in"], None)
    with pytest.raises(StoreLocationRefused):
        check_store_location(tree / "in" / "keys.db", [tree / "in"], None)


def test_store_location_creates_nothing(tree):
    check_store_location(tree / "new" / "keys.db", [tree / "in"], tree / "out")
    assert not (tree / "new").exists()
