"""`python -m briefing ...` runs the `briefing` command."""

import sys

from briefing.cli import main

sys.exit(main())
