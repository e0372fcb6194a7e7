"""Small file helpers shared by the stages that write files.

>>> import tempfile, pathlib
>>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
>>> with atomic_write(target) as f:
...     _ = f.write(b"done")
>>> target.read_bytes()
b'done'
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import IO

__all__ = ["atomic_write"]


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def atomic_write(path: str | os.PathLike[str]) -> AtomicFile:
    """Open ``path`` for binary writing so that it appears only when complete."""
    return AtomicFile(Path(path))


class AtomicFile:
    """Context manager behind :func:`atomic_write`: a temporary file beside the
    target, renamed over it on success and deleted on failure."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __enter__(self) -> IO[bytes]:
        directory = self.path.parent if str(self.path.parent) else Path(".")
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".part", dir=directory)
        # mkstemp makes the file 0600; the result should have the modes any new file
        # gets (0644 under the usual umask 022), as if it had been opened normally
        os.fchmod(fd, 0o666 & ~_umask())
        self._tmp = Path(tmp)
        self._file = os.fdopen(fd, "wb")
        return self._file

    def __exit__(self, exc_type: object, *rest: object) -> None:
        self._file.close()
        if exc_type is None:
            os.replace(self._tmp, self.path)
        else:
            self._tmp.unlink(missing_ok=True)
