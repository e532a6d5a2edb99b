"""``python -m corearchive``."""

from .cli import main

main()
