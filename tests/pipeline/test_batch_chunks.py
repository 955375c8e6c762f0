"""How the batch splits its jobs into folder groups and analysis tasks."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.batch import CHUNK, GROUP, Job, _chunks, _groups


def _jobs(*sizes: int) -> list[Job]:
    return [Job(Path(f"/in/f{f}/d{d}.txt"), Path(f"f{f}/d{d}.txt"))
            for f, size in enumerate(sizes) for d in range(size)]


def test_groups_are_folders_cut_at_the_group_size():
    jobs = _jobs(3, GROUP + 2, 1)
    assert [len(g) for g in _groups(jobs)] == [3, GROUP, 2, 1]


@pytest.mark.parametrize("workers", [1, 2, 4])
def test_chunks_keep_input_order_and_lose_nothing(workers):
    jobs = _jobs(5, 3, 20, 1, 7)
    chunks = list(_chunks(_groups(jobs), workers))
    assert [job for chunk in chunks for job in chunk] == jobs
    assert all(len(chunk) <= CHUNK for chunk in chunks)


def test_the_first_folder_is_shared_between_workers():
    jobs = _jobs(5, 3)
    assert [len(c) for c in _chunks(_groups(jobs), 2)][:5] == [1, 1, 1, 1, 1]
    assert [len(c) for c in _chunks(_groups(jobs), 1)][0] == 5
