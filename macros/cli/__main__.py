"""`python -m macros.cli`: the same as the `kennisbank` command."""

import sys

from macros.cli.main import main

sys.exit(main())
