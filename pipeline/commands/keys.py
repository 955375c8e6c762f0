"""``anonymise keys``: create, open and manage the encrypted key store of pseudonyms.

The passphrase comes from ``ANONYMISE_PASSPHRASE`` or a prompt; ``passwd`` reads the new one
from ``ANONYMISE_NEW_PASSPHRASE`` or a prompt. Every reveal, passphrase change and forget is
recorded in the store's tamper-evident audit log.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from keys import KeyStore, StoreCorrupt, read_passphrase
from keys.passphrase import Purpose
from pipeline import exitcodes
from pipeline.errors import UsageError
from pipeline.keyed import keystore_errors

NAME = "keys"
HELP = "manage the encrypted key store of pseudonyms (init, reveal, passwd, audit, forget)"

_ACTIONS: dict[str, tuple[str, str]] = {
    "init": ("create a new key store file", "the new store file (must not exist)"),
    "reveal": ("print the original value behind a pseudonym or stored label (audited)",
               "the key store file"),
    "passwd": ("change the store's passphrase (entries are not re-encrypted)",
               "the key store file"),
    "audit": ("print the access log and verify it and every entry; exit 4 if tampered with",
              "the key store file"),
    "forget": ("destroy the store's keys so that nothing can ever be revealed "
               "(crypto-shredding); the audit log is kept", "the key store file"),
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the ``keys`` actions and their options."""
    sub = parser.add_subparsers(dest="keys_action", metavar="ACTION", parser_class=type(parser))
    sub.required = True
    handlers: dict[str, Callable[[argparse.Namespace], int]] = {
        "init": _init, "reveal": _reveal, "passwd": _passwd, "audit": _audit, "forget": _forget,
    }
    for action, (help_text, store_help) in _ACTIONS.items():
        p = sub.add_parser(action, help=help_text, description=help_text)
        p.add_argument("store", type=Path, metavar="STORE", help=store_help)
        p.set_defaults(_keys=handlers[action])
        if action == "reveal":
            p.add_argument("token", metavar="TOKEN",
                           help='a pseudonym such as PERSON-7K2QF9XM3A, or a label ("Client A")')
            p.add_argument("--reason", required=True, metavar="TEXT",
                           help="why it is revealed; recorded in the audit log "
                                "(do not put personal data in it)")
        elif action in ("passwd", "forget"):
            p.add_argument("--reason", default="", metavar="TEXT",
                           help="recorded in the audit log (no personal data)")
        if action == "forget":
            p.add_argument("--yes", action="store_true",
                           help="do not ask; destroy the keys now")


def main(args: argparse.Namespace) -> int:
    """Run one ``keys`` action and return the exit code."""
    with keystore_errors():
        code: int = args._keys(args)
        return code


def _interactive() -> bool:
    return sys.stdin.isatty()


def _passphrase(purpose: Purpose = "open") -> str:
    return read_passphrase(os.environ, interactive=_interactive(), purpose=purpose)


def _say(message: str) -> None:
    print(f"anonymise: {message}", file=sys.stderr)


def _init(args: argparse.Namespace) -> int:
    KeyStore.create(args.store, _passphrase("new")).close()
    _say(f"created key store {args.store.name}. Keep it, and its passphrase, apart from the "
         "pseudonymised outputs; without both, pseudonyms can never be revealed.")
    return exitcodes.OK


def _reveal(args: argparse.Namespace) -> int:
    if not args.reason.strip():
        raise UsageError("--reason must say why the value is revealed")
    with KeyStore.open(args.store, _passphrase()) as store:
        revealed = store.reveal(args.token, args.reason)
    print(revealed.original)
    return exitcodes.OK


def _passwd(args: argparse.Namespace) -> int:
    with KeyStore.open(args.store, _passphrase()) as store:
        store.change_passphrase(_passphrase("change"), reason=args.reason)
    _say(f"passphrase of key store {args.store.name} changed")
    return exitcodes.OK


def _audit(args: argparse.Namespace) -> int:
    with KeyStore.open(args.store, _passphrase()) as store:
        report = store.audit()
        for entry in report.entries:
            print(f"{entry.seq:>5}  {entry.time}  {entry.user}  {entry.action:<6}  "
                  f"{entry.token or '-'}  {entry.reason}")
        if not report.intact:
            raise StoreCorrupt(f"audit log of key store {args.store.name} was tampered with: "
                               f"{report.problem}")
        checked = store.verify_entries()
        state = "forgotten (keys destroyed)" if store.forgotten else f"{checked} entries verified"
    print(f"audit log intact: {len(report.entries)} records; {state}")
    return exitcodes.OK


def _forget(args: argparse.Namespace) -> int:
    with KeyStore.open(args.store, _passphrase()) as store:
        if not args.yes:
            name = args.store.name
            if not _interactive():
                raise UsageError("forget destroys the keys for good: add --yes, or run it in a "
                                 "terminal to confirm")
            print(f"This destroys the keys of {name}: no pseudonym from it can ever be "
                  f"revealed again. Type the file name ({name}) to confirm: ",
                  end="", file=sys.stderr, flush=True)
            if sys.stdin.readline().strip() != name:
                raise UsageError("not confirmed; nothing was changed")
        store.forget(reason=args.reason)
    _say(f"keys of {args.store.name} destroyed; its pseudonyms can no longer be revealed")
    return exitcodes.OK
