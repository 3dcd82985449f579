"""`python -m generator` in the checkout, `python -m errgen` installed: the `errgen` command."""

import sys

from .cli import main

sys.exit(main())
