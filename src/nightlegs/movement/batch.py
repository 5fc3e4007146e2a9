"""Score a cohort of recordings on Dask: one row per recording in a Parquet table.

Local worker processes by default, or an existing cluster (``scheduler="tcp://host:8786"``).
A recording that fails becomes a row with ``status="error"`` and its message; it does not stop
the batch. Recordings already in the output are skipped, so an interrupted run resumes. The table
is rewritten atomically (temporary file, then rename) after every ``checkpoint`` results.
With ``reference_dir``, each recording is also compared with its scorer's file found there
(:func:`~nightlegs.movement.reference.find_reference`), and the row gains the agreement and the
scorer's indices (columns ``reference_*``).
"""

from __future__ import annotations

import glob
import json
import logging
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from nightlegs._extras import needs_extra
from nightlegs.errors import NightlegsError
from nightlegs.movement._atomic import atomic_path
from nightlegs.movement.results import CONTRACT_SCALARS

__all__ = [
    "BatchOutcome",
    "analyze_batch",
    "analyze_one",
    "expand_paths",
    "require_batch_extra",
    "run_batch",
]

log = logging.getLogger(__name__)

# One Parquet column per contract value; the clinical reading is a string like the article band.
_SCALARS = CONTRACT_SCALARS


def require_batch_extra() -> None:
    """Check that ``nightlegs[batch]`` is installed, before anything is shown or analysed.

    Raises
    ------
    MissingExtraError
        Dask, distributed or pyarrow is missing; the message says what to install.

    Examples
    --------
    >>> require_batch_extra()  # silent when the extra is installed
    """
    with needs_extra("batch", "nightlegs analyze-batch"):
        # pyarrow is pandas' Parquet engine: checked here, before any recording is analysed.
        # ``distributed`` is what ``dask.distributed`` re-exports; imported by its own name, a
        # missing one is reported as missing (dask's wrapper raises a bare ImportError).
        import dask  # noqa: F401
        import distributed  # noqa: F401
        import pyarrow  # noqa: F401


def expand_paths(patterns: str | Path | Iterable[str | Path]) -> list[str]:
    """Files matching glob pattern(s) (``**`` recursive), sorted, duplicates removed.

    Examples
    --------
    >>> expand_paths("no/such/dir/*.edf")
    []
    """
    items = [patterns] if isinstance(patterns, (str, Path)) else list(patterns)
    found: set[str] = set()
    for pat in items:
        matches = glob.glob(str(pat), recursive=True)
        found.update(str(Path(m)) for m in matches if Path(m).is_file())
    return sorted(found)


def analyze_one(path: str, options: dict[str, Any]) -> dict[str, Any]:
    """Analyse one recording into a flat row; errors become a row with ``status="error"``.

    Examples
    --------
    >>> analyze_one("missing.edf", {})["error"]
    'missing.edf: file not found'
    """
    from nightlegs.movement.analyze import analyze
    from nightlegs.movement.scoring import ScoringParams

    start = time.perf_counter()
    row: dict[str, Any] = {"path": path, "status": "ok", "error": None}
    try:
        params = ScoringParams.aasm() if options.get("aasm") else None
        reference = _reference_for(path, options.get("reference_dir"))
        if reference is not None:
            from nightlegs.movement.compare import compare

            agreement = compare(
                path, reference, params=params, child=bool(options.get("child", False))
            )
            row.update(_agreement_columns(agreement.to_dict(), str(reference)))
            result = agreement.analysis
        else:
            result = analyze(path, params=params, child=bool(options.get("child", False)))
        data = result.to_dict()
        for key in _SCALARS:
            value = data.get(key)
            row[key] = (
                value if value is None or isinstance(value, (int, float, str)) else str(value)
            )
        clinical = data.get("severity_clinical")
        row["severity_clinical"] = (
            clinical if isinstance(clinical, str) or clinical is None else json.dumps(clinical)
        )
        row["n_events"] = len(data.get("events", []))
    except NightlegsError as exc:
        row.update(status="error", error=str(exc))
    except Exception as exc:  # a batch must survive any one bad night; the row records why
        log.exception("unexpected failure on %s", path)
        row.update(status="error", error=f"{type(exc).__name__}: {exc}")
    row["seconds"] = round(time.perf_counter() - start, 4)
    return row


def _reference_for(path: str, reference_dir: str | None) -> Path | None:
    if not reference_dir:
        return None
    from nightlegs.movement.reference import find_reference

    return find_reference(path, reference_dir)


def _agreement_columns(d: dict[str, Any], reference: str) -> dict[str, Any]:
    row: dict[str, Any] = {"reference_path": reference}
    for key in ("reference_count", "matched", "missed", "extra", "sensitivity", "ppv", "f1"):
        row[f"agreement_{key}" if not key.startswith("reference") else key] = d[key]
    row["onset_difference_mean_s"] = d["onset_difference_s"]["mean"]
    for key, v in d["indices"].items():
        row[f"reference_{key}"] = v["reference"]
    return row


def _write(rows: Sequence[dict[str, Any]], out: Path) -> None:
    df = pd.DataFrame(list(rows))
    for col in (
        "path",
        "status",
        "error",
        "severity_article",
        "severity_clinical",
        "reference_path",
    ):
        if col in df.columns:
            df[col] = df[col].astype("string")
    with atomic_path(out) as tmp:
        df.to_parquet(tmp, index=False)


@dataclass(frozen=True)
class BatchOutcome:
    """What a batch run did.

    Attributes
    ----------
    table : pandas.DataFrame
        The whole output table (earlier rows and the new ones).
    matched : int
        Files the patterns matched.
    skipped : int
        Matched files already in the output (done in an earlier run).
    analysed : int
        Files analysed in this run.
    failed : int
        Of those, how many failed (rows with ``status="error"``).
    errors : list of (path, message)
        The failures of this run, in the order they finished.
    """

    table: pd.DataFrame
    matched: int
    skipped: int
    analysed: int
    failed: int
    errors: list[tuple[str, str]] = field(default_factory=list)


def analyze_batch(
    patterns: str | Path | Iterable[str | Path],
    out: str | Path,
    **options: Any,
) -> pd.DataFrame:
    """The output table of :func:`run_batch` (same arguments).

    Examples
    --------
    >>> table = analyze_batch("data/**/*.edf", "results.parquet", workers=2)  # doctest: +SKIP
    >>> table["status"].value_counts()  # doctest: +SKIP
    """
    return run_batch(patterns, out, **options).table


def run_batch(
    patterns: str | Path | Iterable[str | Path],
    out: str | Path,
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    processes: bool = True,
    aasm: bool = False,
    child: bool = False,
    reference_dir: str | Path | None = None,
    checkpoint: int = 50,
    on_progress: Callable[[int, int], None] | None = None,
) -> BatchOutcome:
    """Analyse every recording matching ``patterns`` and write one Parquet row per recording.

    Parameters
    ----------
    patterns : str, Path or iterable of them
        Glob pattern(s), e.g. ``"data/**/*.edf"``.
    out : str or Path
        Parquet output; recordings already in it are skipped.
    workers : int, optional
        Local worker processes (default: number of CPUs). Ignored with ``scheduler``.
    scheduler : str, optional
        Address of an existing Dask scheduler (``tcp://host:8786``).
    processes : bool
        Local workers as processes (default) or threads (quick tests).
    aasm, child : bool
        Scoring options, as for :func:`nightlegs.movement.analyze`.
    reference_dir : str or Path, optional
        Directory of the scorer's files (NSRR XML, EDF+, CSV named after each recording);
        each recording with one is also compared with it (columns ``reference_*``,
        ``agreement_*``).
    checkpoint : int
        Rewrite the output after this many new results.
    on_progress : callable(done, total), optional
        Called after each result (the CLI draws a progress bar with it).

    Returns
    -------
    BatchOutcome
        The whole table (earlier rows and the new ones) and what this run did.

    Raises
    ------
    MissingExtraError
        Dask, distributed or pyarrow is not installed (``pip install "nightlegs[batch]"``).

    Examples
    --------
    >>> outcome = run_batch("data/**/*.edf", "results.parquet", workers=2)  # doctest: +SKIP
    >>> outcome.matched, outcome.skipped, outcome.failed  # doctest: +SKIP
    (120, 100, 1)
    """
    require_batch_extra()
    from distributed import Client, LocalCluster, as_completed

    out = Path(out)
    rows: list[dict[str, Any]] = []
    if out.exists():
        rows = [{str(k): v for k, v in r.items()} for r in pd.read_parquet(out).to_dict("records")]
    done = {r["path"] for r in rows}
    matched = expand_paths(patterns)
    todo = [p for p in matched if p not in done]
    total = len(todo)
    if on_progress is not None:
        on_progress(0, total)
    skipped = len(matched) - total
    if not todo:
        return BatchOutcome(pd.DataFrame(rows), len(matched), skipped, 0, 0)
    options = {
        "aasm": aasm,
        "child": child,
        "reference_dir": None if reference_dir is None else str(reference_dir),
    }
    new: list[dict[str, Any]] = []
    cluster = None
    if scheduler is None:
        cluster = LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=workers,
            threads_per_worker=1,
            processes=processes,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
    client = Client(cluster if cluster is not None else scheduler)  # type: ignore[no-untyped-call]
    try:
        futures = [client.submit(analyze_one, p, options, pure=False) for p in todo]
        for n, fut in enumerate(as_completed(futures), start=1):  # type: ignore[no-untyped-call]
            row = fut.result()
            rows.append(row)
            new.append(row)
            if on_progress is not None:
                on_progress(n, total)
            if n % checkpoint == 0:
                _write(rows, out)
    finally:
        client.close()  # type: ignore[no-untyped-call]
        if cluster is not None:
            cluster.close()  # type: ignore[no-untyped-call]
    _write(rows, out)
    errors = [(str(r["path"]), str(r["error"])) for r in new if r["status"] == "error"]
    return BatchOutcome(pd.DataFrame(rows), len(matched), skipped, len(new), len(errors), errors)
