"""Writing files so that a crash or a kill never leaves a half-written one."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

IMPORT_REPORT = ".import-report.json"  # beside an import's files: what its last run did, for the publishing report


def write_atomic(path: Path, text: str | bytes | Iterable[bytes]) -> None:
    """Write (text as UTF-8, bytes, or bytes in parts) through a temporary file in the same folder, then rename over
    the target."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with (os.fdopen(handle, "w", encoding="utf-8", newline="\n") if isinstance(text, str)
              else os.fdopen(handle, "wb")) as stream:
            if isinstance(text, (str, bytes)):
                stream.write(text)
            else:
                stream.writelines(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
