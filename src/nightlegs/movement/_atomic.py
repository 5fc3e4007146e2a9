"""Write files atomically: to a temporary sibling, then ``os.replace`` onto the target.

A failure midway leaves no partial output behind; readers never see a half-written file. The
finished file gets the mode a plain ``open(target, "w")`` would give it (``0666`` less the
umask), not the ``0600`` of the temporary file: outputs such as plots are meant to be shared.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from nightlegs.errors import InputError

__all__ = ["atomic_path"]


def _umask() -> int:
    """The process umask, read without changing it where the system allows (Linux)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)  # elsewhere: set and restore at once
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_path(target: str | Path) -> Iterator[Path]:
    """Yield a temporary path next to ``target``; move it onto ``target`` on success.

    Raises
    ------
    InputError
        When ``target`` is a folder or its folder cannot be made or written to (before any
        work is done).

    Examples
    --------
    >>> import pathlib, tempfile
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
    >>> with atomic_path(out) as tmp:
    ...     _ = tmp.write_text("done")
    >>> out.read_text(), oct(out.stat().st_mode & 0o777) == oct(0o666 & ~_umask())
    ('done', True)
    """
    target = Path(target)
    if target.is_dir():
        raise InputError(f"{target}: is a folder; give the name of a file to write")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(
            prefix=f".{target.stem}.", suffix=f".tmp{target.suffix}", dir=target.parent
        )
    except OSError as exc:
        raise InputError(f"{target}: cannot write there ({exc.strerror or exc})") from None
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        tmp.chmod(0o666 & ~_umask())
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
