"""``python -m psp`` runs the command line."""

from psp.cli import main

raise SystemExit(main())
