"""A whole run makes no network connection (no DNS lookup, no socket connect)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Runs in a fresh interpreter so that nothing was imported (or cached) before the guard.
_SCRIPT = r"""
import json, socket, sys
attempts = []
def refuse(name):
    def guard(*args, **kwargs):
        attempts.append(name)
        raise OSError("network disabled by test")
    return guard
socket.getaddrinfo = refuse("getaddrinfo")
socket.gethostbyname = refuse("gethostbyname")
socket.create_connection = refuse("create_connection")
socket.socket.connect = refuse("connect")
socket.socket.connect_ex = refuse("connect_ex")
from pipeline.cli import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "attempts": attempts}))
"""


@pytest.mark.slow
def test_whole_run_makes_no_network_call(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "note.txt").write_text(
        "Margaret Example (m.example@example.co.uk, head@oakfield.sch.uk) rang 020 7946 0123.\n"
    )
    env = dict(os.environ, HOME=str(tmp_path), XDG_CACHE_HOME=str(tmp_path / "cache"))
    env.pop("TLDEXTRACT_CACHE", None)
    proc = subprocess.run(
        [sys.executable, "-c", _SCRIPT, "run", str(inputs), "--out", str(tmp_path / "out")],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=300,
    )
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["attempts"] == []
    assert result["code"] == 0
    out = (tmp_path / "out" / "note.txt").read_text()
    assert "Margaret" not in out and "example.co.uk" not in out and "7946" not in out
    assert not (tmp_path / "cache" / "python-tldextract").exists()
