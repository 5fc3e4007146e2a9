"""``python -m nightlegs.cli``."""

from nightlegs.cli import main

main()
