"""The benchmark suite (``invoke bench``). The plugins' modules are importable here as Pelican sees them."""

import sys
from pathlib import Path

PLUGINS = str(Path(__file__).resolve().parent.parent / "plugins")
if PLUGINS not in sys.path:
    sys.path.insert(0, PLUGINS)
