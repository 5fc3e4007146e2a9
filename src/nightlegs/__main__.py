"""``python -m nightlegs``."""

from nightlegs.cli import main

main()
