import sys

from importers.cli import main

sys.exit(main())
