"""`python -m marsad` works like the `marsad` command."""

from marsad.cli import main

main()
