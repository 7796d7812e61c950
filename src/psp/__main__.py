"""``python -m psp`` runs the command line."""

from psp.cli import console

console()
