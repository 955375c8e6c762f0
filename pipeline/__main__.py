"""``python -m pipeline`` runs the anonymise CLI."""

from pipeline.cli import main

raise SystemExit(main())
