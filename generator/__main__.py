"""`python -m generator` is the same as `careers`."""

import sys

from generator.cli import main

sys.exit(main())
