"""Fixtures for the movement tests: tiny EDF files written by edfio into tmp_path."""

from __future__ import annotations

import datetime
import warnings
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import edfio
import numpy as np
import pytest

MakeEdf = Callable[..., Path]


@pytest.fixture(autouse=True)
def _numpy_warnings_are_errors() -> Iterator[None]:
    """A RuntimeWarning (NaN, overflow, division by zero) fails the test: none may reach users.

    The filter is process-wide, so it also covers the scorer's worker threads.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        yield


def _emg(seconds: float, fs: float, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    x = rng.normal(0, 2.0, int(seconds * fs))
    # a few 2-s bursts of 40 uV so there is something to score
    for t in np.arange(20.0, seconds - 5, 25.0):
        i = int(t * fs)
        x[i : i + int(2 * fs)] += rng.normal(0, 40.0, int(2 * fs))
    return x


@pytest.fixture
def make_edf(tmp_path: Path) -> MakeEdf:
    """Write a small EDF+ with the given channel labels; leg labels get EMG, others noise."""

    def make(
        name: str = "night.edf",
        labels: Sequence[str] = ("C3-M2", "Chin EMG", "LAT", "RAT"),
        *,
        fs: float = 256,
        seconds: float = 120,
        dimension: str = "uV",
        scale: float = 1.0,
        annotations: Sequence[tuple[float, float, str]] = (),
        physical_range: tuple[float, float] = (-500.0, 500.0),
        data: dict[str, np.ndarray] | None = None,
        starttime: datetime.time | None = None,
    ) -> Path:
        sigs = []
        for i, lab in enumerate(labels):
            x = (data or {}).get(lab)
            if x is None:
                x = _emg(seconds, fs, i)
            rng = (physical_range[0] * scale, physical_range[1] * scale)
            sigs.append(
                edfio.EdfSignal(
                    np.clip(x * scale, *rng),
                    fs,
                    label=lab,
                    physical_dimension=dimension,
                    physical_range=rng,
                )
            )
        anns = [edfio.EdfAnnotation(o, d, t) for o, d, t in annotations]
        path = tmp_path / name
        edfio.Edf(sigs, annotations=anns, starttime=starttime).write(path)
        return path

    return make
