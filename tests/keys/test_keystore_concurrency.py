"""Several processes on one store: both succeed (one waits), and kill -9 loses nothing committed."""

from __future__ import annotations

import multiprocessing
import os
import signal
from pathlib import Path

import pytest
from keystore_helpers import PASSPHRASE, raw

from keys import KeyStore

CTX = multiprocessing.get_context("fork")


def _label(i: int) -> str:
    return f"Client {i}"


def _writer(path: Path, names: list[str], start, results) -> None:
    start.wait(timeout=30)
    with KeyStore.open(path, PASSPHRASE, busy_timeout=30) as store:
        tokens = {n: store.pseudonym("PERSON", n, n.title(), "PERSON") for n in names}
        labels = {n: store.label("Client", "PERSON", n, n.title(), _label) for n in names}
    results.put((tokens, labels))


def test_concurrent_writers_both_succeed_and_agree(store, store_path):
    store.close()
    names = [f"person {i:03d}" for i in range(90)]
    parts = [names[:60], names[30:]]
    start, results = CTX.Barrier(2), CTX.Queue()
    procs = [CTX.Process(target=_writer, args=(store_path, part, start, results))
             for part in parts]
    for p in procs:
        p.start()
    outputs = [results.get(timeout=60) for _ in procs]
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    (tok_a, lab_a), (tok_b, lab_b) = outputs
    shared = set(tok_a) & set(tok_b)
    assert len(shared) == 30
    assert all(tok_a[n] == tok_b[n] and lab_a[n] == lab_b[n] for n in shared)
    tokens, labels = {**tok_a, **tok_b}, {**lab_a, **lab_b}
    assert len(set(tokens.values())) == len(set(labels.values())) == len(names)
    db = raw(store_path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    indices = sorted(i for (i,) in db.execute("SELECT idx FROM labels"))
    assert indices == list(range(len(names)))
    with KeyStore.open(store_path, PASSPHRASE) as again:
        assert again.verify_entries() == 2 * len(names)
        name = names[45]
        assert again.reveal(tokens[name], "check").original == name.title()
        assert again.reveal(labels[name], "check").original == name.title()


def _recv(receiver):
    """Next message from a child, failing (not hanging) if it died first."""
    assert receiver.poll(30), "the child process stopped early"
    return receiver.recv()


def _endless(path: Path, sender) -> None:
    with KeyStore.open(path, PASSPHRASE) as store:
        i = 0
        while True:
            value = f"REF/{i:05d}"
            token = store.pseudonym("REFERENCE", value.lower(), value, "REF")
            label = store.label("Client", "PERSON", value.lower(), value, _label)
            sender.send((value, token, label))  # only after both were committed
            i += 1


@pytest.mark.parametrize("kill_after", [3, 17, 29])
def test_kill_minus_nine_keeps_committed_mappings(store, store_path, kill_after):
    store.close()
    receiver, sender = CTX.Pipe(duplex=False)
    child = CTX.Process(target=_endless, args=(store_path, sender))
    child.start()
    sender.close()
    done = [_recv(receiver) for _ in range(kill_after)]
    os.kill(child.pid, signal.SIGKILL)
    child.join(timeout=30)
    assert child.exitcode == -signal.SIGKILL
    while receiver.poll():
        try:
            done.append(receiver.recv())
        except EOFError:
            break
    with KeyStore.open(store_path, PASSPHRASE) as again:
        assert raw(store_path).execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        count = again.verify_entries()
        assert count >= 2 * len(done)
        for value, token, label in done:
            assert again.reveal(token, "check").original == value
            assert again.reveal(label, "check").original == value
        assert again.pseudonym("REFERENCE", "new", "NEW", "REF").startswith("REF-")
        assert again.audit().intact
    assert sorted(p.name for p in store_path.parent.iterdir()) == ["keys.db"]


def _stuck_inside_a_write(path: Path, sender) -> None:
    import time

    from keys import entries

    original_add = entries.add_entry

    def add_then_hang(*args, **kwargs):
        row = original_add(*args, **kwargs)
        sender.send("inside")
        time.sleep(60)
        return row

    entries.add_entry = add_then_hang
    with KeyStore.open(path, PASSPHRASE) as store:
        store.pseudonym("REFERENCE", "ref/1", "REF/1", "REF")  # already there: no write
        store.pseudonym("REFERENCE", "ref/2", "REF/2", "REF")  # killed inside its transaction


def test_kill_inside_a_transaction_rolls_it_back_and_frees_the_lock(store, store_path):
    committed = store.pseudonym("REFERENCE", "ref/0", "REF/0", "REF")
    store.close()
    receiver, sender = CTX.Pipe(duplex=False)
    with KeyStore.open(store_path, PASSPHRASE) as s:
        s.pseudonym("REFERENCE", "ref/1", "REF/1", "REF")
    child = CTX.Process(target=_stuck_inside_a_write, args=(store_path, sender))
    child.start()
    assert _recv(receiver) == "inside"
    os.kill(child.pid, signal.SIGKILL)
    child.join(timeout=30)
    with KeyStore.open(store_path, PASSPHRASE, busy_timeout=5) as again:
        assert again.verify_entries() == 2
        assert again.reveal(committed, "check").original == "REF/0"
        token = again.pseudonym("REFERENCE", "ref/2", "REF/2 again", "REF")
        assert again.reveal(token, "check").original == "REF/2 again"
    assert raw(store_path).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _batches(path: Path, sender, start: int) -> None:
    with KeyStore.open(path, PASSPHRASE) as store:
        for doc in range(start, start + 8):
            with store.batch():
                tokens = {f"v{doc}-{i}": store.pseudonym("REFERENCE", f"v{doc}-{i}",
                                                         f"V{doc}-{i}", "REF")
                          for i in range(10)}
            sender.send(tokens)
        with store.batch():
            store.pseudonym("REFERENCE", "never", "NEVER", "REF")
            sender.send("inside")
            import time

            time.sleep(60)


def test_concurrent_batches_and_kill_inside_a_batch(store, store_path):
    store.close()
    pipes = [CTX.Pipe(duplex=False) for _ in range(2)]
    # The two writers overlap on documents 4-7.
    procs = [CTX.Process(target=_batches, args=(store_path, sender, start))
             for (_, sender), start in zip(pipes, (0, 4), strict=True)]
    for p in procs:
        p.start()
    seen: dict[str, str] = {}
    for receiver, _ in pipes:
        while (message := _recv(receiver)) != "inside":
            for value, token in message.items():
                assert seen.setdefault(value, token) == token
    for p in procs:
        os.kill(p.pid, signal.SIGKILL)
        p.join(timeout=30)
    assert len(seen) == 120
    with KeyStore.open(store_path, PASSPHRASE) as again:
        assert again.verify_entries() == 120  # the killed blocks' value is not there
        for value, token in list(seen.items())[::7]:
            assert again.reveal(token, "check").original == value.upper()
