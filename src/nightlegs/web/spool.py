"""Where uploaded recordings wait for their analysis: one private folder per running server.

Each server keeps its uploads in a folder of its own under ``Settings.upload_dir`` (by default
``<temp>/nightlegs-uploads-<uid>``, ``0700``) and holds an exclusive ``flock`` on a lock file
inside it for as long as it runs. The operating system drops that lock when the process ends,
``kill -9`` included, so a server that starts takes the lock of every other folder it can:
those belonged to servers that are gone, and their files (recordings of health data) are
deleted, and their analyses can be marked failed at once. A second server on the same machine
keeps its folder, since its lock is held.

Examples
--------
>>> import tempfile
>>> root = Path(tempfile.mkdtemp())
>>> with UploadSpool(root) as spool:
...     spool.folder.parent == root and spool.folder.is_dir()
True
>>> list(root.iterdir())
[]
"""

from __future__ import annotations

import fcntl
import logging
import os
import shutil
import tempfile
import uuid
from pathlib import Path
from types import TracebackType
from typing import Self

__all__ = ["UploadSpool", "default_upload_dir"]

logger = logging.getLogger(__name__)

_LOCK = ".lock"
_PREFIX = "server-"


def default_upload_dir() -> Path:
    """``<temp>/nightlegs-uploads-<uid>``: per user, so users never share upload folders.

    Examples
    --------
    >>> default_upload_dir().name.startswith("nightlegs-uploads-")
    True
    """
    return Path(tempfile.gettempdir()) / f"nightlegs-uploads-{os.getuid()}"


def _private_folder(path: Path) -> None:
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    if path.stat().st_uid == os.getuid():
        path.chmod(0o700)


class UploadSpool:
    """This server's upload folder (see the module notes); a context manager.

    Parameters
    ----------
    root : Path
        The folder that holds one folder per server.
    server_id : str
        This server's id (letters and digits), which names its folder.

    Attributes
    ----------
    removed : int
        How many files of stopped servers were deleted.
    stopped_servers : list of str
        The ids of the stopped servers whose folders were found: their analyses cannot finish.
    """

    def __init__(self, root: Path, server_id: str | None = None) -> None:
        self.root = root
        _private_folder(root)
        self.server_id = server_id or uuid.uuid4().hex
        self.folder = root / f"{_PREFIX}{self.server_id}"
        self.folder.mkdir(mode=0o700)
        self._lock = os.open(self.folder / _LOCK, os.O_WRONLY | os.O_CREAT, 0o600)
        fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        self.stopped_servers: list[str] = []
        self.removed = self._remove_abandoned()

    def _remove_abandoned(self) -> int:
        """Delete the folders of servers that are gone; return how many files they held."""
        removed = 0
        for folder in self.root.glob(f"{_PREFIX}*"):
            if folder == self.folder or not folder.is_dir():
                continue
            try:
                fd = os.open(folder / _LOCK, os.O_WRONLY | os.O_CREAT, 0o600)
            except OSError:
                continue
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                os.close(fd)
                continue  # a running server's folder
            removed += sum(1 for p in folder.iterdir() if p.name != _LOCK)
            self.stopped_servers.append(folder.name.removeprefix(_PREFIX))
            shutil.rmtree(folder, ignore_errors=True)
            os.close(fd)
        if removed:
            logger.warning("removed %d upload file(s) left by a server that stopped", removed)
        return removed

    def new_file(self, suffix: str) -> tuple[int, Path]:
        """A new empty file for one upload: its open descriptor and path (``0600``)."""
        fd, name = tempfile.mkstemp(prefix="upload-", suffix=suffix, dir=self.folder)
        return fd, Path(name)

    def files(self) -> list[Path]:
        """The uploads waiting or being analysed now."""
        return [p for p in self.folder.iterdir() if p.name != _LOCK]

    def close(self) -> None:
        """Delete this server's folder (and anything still in it) and release its lock."""
        shutil.rmtree(self.folder, ignore_errors=True)
        os.close(self._lock)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
