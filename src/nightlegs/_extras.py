"""The optional parts of nightlegs (pip extras) and the one message when one is missing.

``pip install nightlegs`` gives the assessment, the web app and its diary on SQLite, recording
analysis and the report. Two features need more, each from its own extra (pyproject.toml):

- ``nightlegs[batch]``: Dask, distributed and pyarrow, for ``nightlegs analyze-batch`` (many
  recordings on Dask workers into one Parquet table);
- ``nightlegs[postgres]``: psycopg 3, for a diary on PostgreSQL.

A feature imports what its extra provides inside :func:`needs_extra`, so a person without the
extra gets one line naming it instead of a traceback.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from nightlegs.errors import MissingExtraError

__all__ = ["EXTRAS", "needs_extra"]

#: The top-level modules each extra provides (its distributions' import names).
EXTRAS: dict[str, tuple[str, ...]] = {
    "batch": ("dask", "distributed", "pyarrow"),
    "postgres": ("psycopg",),
}


@contextmanager
def needs_extra(extra: str, feature: str) -> Iterator[None]:
    """Turn a missing module of ``nightlegs[extra]`` inside the block into a clear error.

    Any other import error passes unchanged: a module that no extra provides is a bug and must
    show as one.

    Parameters
    ----------
    extra : str
        A key of :data:`EXTRAS` (``"batch"``, ``"postgres"``).
    feature : str
        What the block does, as the person knows it (``"nightlegs analyze-batch"``).

    Raises
    ------
    MissingExtraError
        A module of ``extra`` is not installed; the message names the feature, the module and
        ``pip install "nightlegs[extra]"``.

    Notes
    -----
    pandas reports a missing Parquet engine as a plain ``ImportError`` when it writes, after the
    work is done; a feature that writes Parquet imports ``pyarrow`` itself in this block first.

    Examples
    --------
    >>> with needs_extra("batch", "nightlegs analyze-batch"):
    ...     import json
    >>> json.__name__
    'json'
    """
    if extra not in EXTRAS:
        raise ValueError(f"extra {extra!r}: expected one of {', '.join(sorted(EXTRAS))}")
    try:
        yield
    except ModuleNotFoundError as exc:
        missing = (exc.name or "").partition(".")[0]
        if missing not in EXTRAS[extra]:
            raise
        raise MissingExtraError(
            f"{feature} needs the optional part nightlegs[{extra}] ({missing} is not "
            f'installed): pip install "nightlegs[{extra}]" (from a clone: pip install ".[{extra}]")'
        ) from exc
