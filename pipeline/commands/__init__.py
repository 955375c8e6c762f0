"""Sub-commands of the ``anonymise`` CLI, one module each.

A command module exposes ``NAME``, ``HELP``, ``add_arguments(parser)`` and ``main(args) -> int``.
To add a command, write the module and list it in ``COMMAND_MODULES``.
"""

from __future__ import annotations

COMMAND_MODULES = (
    "pipeline.commands.run",
    "pipeline.commands.check",
    "pipeline.commands.keys",
    "pipeline.commands.stats",
)
