"""Bland-Altman plot of our index against the scorer's over a batch of nights.

For each night with a scorer's file, the mean of the two indices (x) against their difference,
ours minus the scorer's (y); the bias (mean difference) and the 95% limits of agreement (bias ±
1.96 SD of the differences), as in Bland JM, Altman DG, Lancet 1986;1(8476):307-310
(doi:10.1016/S0140-6736(86)90837-8). Agg canvas, no pyplot state.
"""

from __future__ import annotations

from dataclasses import dataclass
from os import PathLike
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

__all__ = ["BlandAltman", "bland_altman", "plot_bland_altman"]


@dataclass(frozen=True)
class BlandAltman:
    """Bias and limits of agreement of one index over nights (per hour).

    Attributes
    ----------
    index : str
        The index compared, e.g. ``"plms_index"``.
    n : int
        Nights with both values.
    bias : float or None
        Mean of ours minus the scorer's.
    lower, upper : float or None
        Bias ∓ 1.96 SD of the differences (None with fewer than two nights).
    """

    index: str
    n: int
    bias: float | None
    lower: float | None
    upper: float | None


def _pairs(table: pd.DataFrame, index: str) -> tuple[np.ndarray, np.ndarray]:
    ref_col = f"reference_{index}"
    if index not in table.columns or ref_col not in table.columns:
        return np.zeros(0), np.zeros(0)
    both = table[[index, ref_col]].apply(lambda c: c.astype("float64")).dropna()
    return both[index].to_numpy(), both[ref_col].to_numpy()


def bland_altman(table: pd.DataFrame, index: str = "plms_index") -> BlandAltman:
    """Bias and limits of agreement of ``index`` against ``reference_<index>`` in a batch table.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"plms_index": [10.0, 20.0, 31.0],
    ...                   "reference_plms_index": [9.0, 20.0, 30.0]})
    >>> ba = bland_altman(t)
    >>> round(ba.bias, 3), ba.n
    (0.667, 3)
    """
    ours, ref = _pairs(table, index)
    d = ours - ref
    if d.size == 0:
        return BlandAltman(index, 0, None, None, None)
    bias = float(d.mean())
    if d.size < 2:
        return BlandAltman(index, 1, bias, None, None)
    sd = float(d.std(ddof=1))
    return BlandAltman(index, int(d.size), bias, bias - 1.96 * sd, bias + 1.96 * sd)


def plot_bland_altman(
    table: pd.DataFrame, path: str | PathLike[str] | None = None, index: str | None = None
) -> tuple[Figure, BlandAltman]:
    """Draw the Bland-Altman plot of a batch table with ``reference_*`` columns.

    Parameters
    ----------
    table : pandas.DataFrame
        Output of :func:`nightlegs.movement.batch.run_batch` with ``reference_dir``.
    path : str or path-like, optional
        Save the figure there (format from the suffix).
    index : str, optional
        ``"plms_index"`` by default, ``"plm_index"`` when no night has a PLMS index (no
        hypnograms).

    Returns
    -------
    (matplotlib.figure.Figure, BlandAltman)

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"plm_index": [10.0, 22.0], "reference_plm_index": [9.0, 20.0]})
    >>> fig, ba = plot_bland_altman(t)
    >>> ba.index, ba.n
    ('plm_index', 2)
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    if index is None:
        index = "plms_index" if _pairs(table, "plms_index")[0].size else "plm_index"
    ours, ref = _pairs(table, index)
    stats = bland_altman(table, index)
    fig = Figure(figsize=(6.5, 4.8), layout="constrained")
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    name = index.replace("_", " ").upper().replace(" INDEX", " index")
    ax.scatter((ours + ref) / 2, ours - ref, s=22, color="#1565c0", alpha=0.8)
    if stats.bias is not None:
        ax.axhline(stats.bias, color="#333333", lw=1.2, label=f"bias {stats.bias:+.2f}/h")
    if stats.lower is not None and stats.upper is not None:
        for y in (stats.lower, stats.upper):
            ax.axhline(y, color="#c62828", lw=1, ls="--")
        ax.axhspan(
            stats.lower,
            stats.upper,
            color="#ffcdd2",
            alpha=0.25,
            lw=0,
            label=f"95% limits {stats.lower:+.2f} to {stats.upper:+.2f}/h",
        )
    ax.axhline(0, color="#9e9e9e", lw=0.8)
    ax.set_xlabel(f"mean of ours and the scorer's {name} (/h)")
    ax.set_ylabel("ours − scorer's (/h)")
    ax.set_title(f"{name}: nightlegs against the scorer, {stats.n} nights")
    if stats.bias is not None:
        ax.legend(loc="best", fontsize=8)
    if path is not None:
        fig.savefig(path, dpi=120)
    return fig, stats
