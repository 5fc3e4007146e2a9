"""Axivity AX3/AX6 ``.cwa`` files, decoded as the Open Movement format defines them.

Layout (Open Movement ``Docs/ax3/cwa.h``; the reference readers ``cwa_load.py`` and
``cwa-convert``): a header packet ``MD`` whose length field gives its size (1020 + 4 bytes), then
512-byte data blocks ``AX`` read here as one named structured dtype, :data:`CWA_BLOCK`. Each
block is checked before use: packet length 508, a known sample-rate code, 3 or 6 axes in the
packed (4-byte) or 16-bit format, a sample count that fits, and the checksum (the 16-bit
word-wise sum of the whole block is zero). Blocks that fail are left out and counted in a
warning; a file with no good block is refused.

Time of sample ``k`` of a block: ``timestamp + fraction + (k - timestampOffset) / fs``. When the
top bit of ``deviceFractional`` is set, its low 15 bits are the fraction of a second (times
2**-15), and the firmware has already subtracted the whole samples that fraction accounts for
from ``timestampOffset``, so that readers that ignore the fraction stay right; a reader that
adds the fraction must add those samples back: ``timestampOffset += (fraction16 * fs) >> 16``.
Without that correction each block lands up to a second late.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from nightlegs.errors import RecordingError
from nightlegs.movement._types import AccelSignal, Side
from nightlegs.movement.readers._accel import resample_uniform, side_from_name

__all__ = ["CWA_BLOCK", "CwaContent", "decode_cwa", "read_cwa"]

#: One 512-byte data block, field by field as in cwa.h (little-endian).
CWA_BLOCK = np.dtype(
    [
        ("packet_header", "S2"),  # b"AX"
        ("packet_length", "<u2"),  # 508: bytes after this field
        ("device_fractional", "<u2"),  # top bit set: low 15 bits are the fractional second
        ("session_id", "<u4"),
        ("sequence_id", "<u4"),
        ("timestamp", "<u4"),  # packed (year-2000)/month/day/hour/minute/second
        ("light_scale", "<u2"),  # AX6: accelerometer scale in the top 3 bits
        ("temperature", "<u2"),
        ("events", "u1"),
        ("battery", "u1"),
        ("sample_rate", "u1"),  # rate code: 3200 / 2**(15 - (code & 15)) Hz
        ("num_axes_bps", "u1"),  # axes << 4 | bytes per axis (0 = packed 3x10-bit in 4 bytes)
        ("timestamp_offset", "<i2"),  # sample index at which the whole-second stamp is valid
        ("sample_count", "<u2"),
        ("data", "u1", (480,)),
        ("checksum", "<u2"),
    ]
)
assert CWA_BLOCK.itemsize == 512  # a layout error here is a bug in this module, not user input

_MAX_SAMPLES = {(3, 0): 120, (3, 2): 80, (6, 2): 40}


@dataclass(frozen=True)
class CwaContent:
    """A decoded ``.cwa`` file: the signal and what was left out on the way."""

    signal: AccelSignal
    warnings: tuple[str, ...] = ()
    #: Date and clock time of the first sample, from the earliest block stamp (None if that stamp
    #: is not a valid date).
    start: dt.datetime | None = None


def _block_words_sum(raw: NDArray[np.uint8]) -> NDArray[np.uint16]:
    words = raw.reshape(-1, 256, 2).view("<u2")[..., 0]
    return np.asarray(words.sum(axis=1, dtype=np.uint64) & 0xFFFF, dtype=np.uint16)


def _blocks(buf: NDArray[np.uint8], path: Path) -> tuple[NDArray[np.void], list[str]]:
    if buf.size < 4 or buf[:2].tobytes() != b"MD":
        raise RecordingError(
            f"{path}: header: expected a CWA file starting with 'MD' and data blocks"
        )
    header_len = int(buf[2]) | int(buf[3]) << 8
    start = header_len + 4 if header_len >= 508 else 1024
    n = (buf.size - start) // 512
    if n <= 0:
        raise RecordingError(f"{path}: no data blocks after the {start}-byte header")
    raw = buf[start : start + n * 512]
    blocks = raw.view(CWA_BLOCK)
    is_ax = blocks["packet_header"] == b"AX"
    if not is_ax.any():
        raise RecordingError(f"{path}: no 'AX' data blocks; expected accelerometer data")
    raw_ax = raw.reshape(n, 512)[is_ax]
    blocks = blocks[is_ax]
    axes = blocks["num_axes_bps"] >> 4
    bps = blocks["num_axes_bps"] & 0x0F
    max_n = np.array(
        [_MAX_SAMPLES.get((int(a), int(b)), -1) for a, b in zip(axes, bps, strict=True)]
    )
    checks = {
        "packet length is not 508": blocks["packet_length"] != 508,
        "unknown sample-rate code": ((blocks["sample_rate"] & 0x0F) < 6)
        | ((blocks["sample_rate"] & 0x0F) > 15),
        "unknown axes/format": max_n < 0,
        "sample count too large": blocks["sample_count"] > np.maximum(max_n, 0),
        "checksum is not zero": _block_words_sum(raw_ax) != 0,
    }
    bad = np.zeros(len(blocks), dtype=bool)
    warnings = []
    for reason, mask in checks.items():
        new = mask & ~bad
        if new.any():
            first = int(np.flatnonzero(new)[0])
            warnings.append(
                f"{path}: {int(new.sum())} data blocks left out ({reason}; first: block "
                f"{first + 1})"
            )
        bad |= mask
    good = blocks[~bad]
    if good.size == 0:
        raise RecordingError(f"{path}: no valid data block; {'; '.join(warnings)}")
    if np.unique(good["num_axes_bps"]).size > 1:
        raise RecordingError(
            f"{path}: num_axes_bps: expected one data format in the file, found "
            f"{sorted(int(v) for v in np.unique(good['num_axes_bps']))}"
        )
    return good, warnings


def _seconds(stamp: NDArray[np.int64]) -> NDArray[np.int64]:
    """Seconds since 1970 of packed block timestamps, on the calendar (month lengths, leap years).

    Examples
    --------
    >>> def stamp(y, mo, d, h, mi, s):
    ...     return (y - 2000) << 26 | mo << 22 | d << 17 | h << 12 | mi << 6 | s
    >>> ends = [stamp(2024, 2, 29, 23, 59, 59), stamp(2024, 3, 1, 0, 0, 0)]  # leap year
    >>> ends += [stamp(2024, 4, 30, 23, 59, 59), stamp(2024, 5, 1, 0, 0, 0)]  # 30-day month
    >>> np.diff(_seconds(np.array(ends)))[::2].tolist()
    [1, 1]
    """
    months = ((stamp >> 26) & 0x3F) * 12 + ((stamp >> 22) & 0x0F) - 1
    first_day = (np.datetime64("2000-01", "M") + months).astype("datetime64[D]").astype(np.int64)
    days = first_day + ((stamp >> 17) & 0x1F) - 1
    return np.asarray(
        days * 86400 + ((stamp >> 12) & 0x1F) * 3600 + ((stamp >> 6) & 0x3F) * 60 + (stamp & 0x3F),
        dtype=np.int64,
    )


def _stamp_datetime(stamp: int) -> dt.datetime | None:
    """The packed block timestamp as a datetime, None when it is not a valid date.

    Examples
    --------
    >>> _stamp_datetime((24 << 26) | (3 << 22) | (2 << 17) | (23 << 12) | (5 << 6) | 7)
    datetime.datetime(2024, 3, 2, 23, 5, 7)
    >>> _stamp_datetime(0) is None
    True
    """
    try:
        return dt.datetime(
            2000 + ((stamp >> 26) & 0x3F),
            (stamp >> 22) & 0x0F,
            (stamp >> 17) & 0x1F,
            (stamp >> 12) & 0x1F,
            (stamp >> 6) & 0x3F,
            stamp & 0x3F,
        )
    except ValueError:
        return None


def _samples(good: NDArray[np.void]) -> tuple[NDArray[np.int64], float]:
    n_axes = int(good["num_axes_bps"][0] >> 4)
    payload = np.ascontiguousarray(good["data"])
    if int(good["num_axes_bps"][0] & 0x0F) == 0:
        v = payload.view("<u4").astype(np.int64)  # (n_blocks, 120): 3 x 10 bits + 2-bit exponent
        exp = v >> 30
        xyz = np.stack([(v >> s) & 0x3FF for s in (0, 10, 20)], axis=-1)
        return np.where(xyz >= 512, xyz - 1024, xyz) << exp[..., None], 256.0
    per = payload.view("<i2").reshape(len(good), -1, n_axes)
    # AX6 stores gyro then accelerometer axes: the last three are the accelerometer.
    xyz = per[..., n_axes - 3 :].astype(np.int64)
    return xyz, float(1 << (8 + int((good["light_scale"][0] >> 13) & 0x07)))


def decode_cwa(path: Path, side: Side | None = None) -> CwaContent:
    """Decode a ``.cwa`` file to acceleration in g on a uniform time grid.

    Parameters
    ----------
    path : Path
    side : {"left", "right"}, optional
        By default from the file name (``..._L.cwa``, ``left``), else left.

    Returns
    -------
    CwaContent

    Raises
    ------
    RecordingError
        Not a CWA file, no valid data block, or more than one data format.

    Examples
    --------
    >>> decode_cwa(Path("missing.cwa"))
    Traceback (most recent call last):
    ...
    nightlegs.errors.RecordingError: missing.cwa: file not found
    """
    if not path.is_file():
        raise RecordingError(f"{path}: file not found")
    good, warnings = _blocks(np.fromfile(path, dtype=np.uint8), path)
    fs_blk = 3200.0 / (1 << (15 - (good["sample_rate"].astype(np.int64) & 0x0F)))
    dev = good["device_fractional"].astype(np.int64)
    has_frac = (dev & 0x8000) != 0
    frac16 = np.where(has_frac, (dev & 0x7FFF) << 1, 0)
    # Undo the firmware's backwards-compatible shift of the offset (see the module docstring).
    offset = good["timestamp_offset"].astype(np.int64) + ((frac16 * fs_blk.astype(np.int64)) >> 16)
    whole = _seconds(good["timestamp"].astype(np.int64))
    first_block = int(np.argmin(whole))
    # Seconds after the earliest stamp: small numbers keep the sample spacing exact in float64.
    secs = (whole - whole[first_block]) + frac16 / 65536.0
    xyz, unit = _samples(good)
    i = np.arange(xyz.shape[1])[None, :]
    t = secs[:, None] + (i - offset[:, None]) / fs_blk[:, None]
    valid = i < good["sample_count"].astype(np.int64)[:, None]
    t_all, xyz_all = t[valid], xyz[valid].astype(np.float64) / unit
    order = np.argsort(t_all, kind="stable")
    t_all, xyz_all = t_all[order], xyz_all[order]
    keep = np.concatenate([[True], np.diff(t_all) > 0])
    fs, out = resample_uniform(t_all[keep], xyz_all[keep], str(path))
    signal = AccelSignal(
        label=path.name, side=side or side_from_name(path.stem) or "left", fs=fs, xyz_g=out
    )
    stamped = _stamp_datetime(int(good["timestamp"][first_block]))
    start = None if stamped is None else stamped + dt.timedelta(seconds=float(t_all[0]))
    return CwaContent(signal, tuple(warnings), start)


def read_cwa(path: Path, side: Side | None = None) -> AccelSignal:
    """The signal of :func:`decode_cwa` (warnings dropped).

    Examples
    --------
    >>> read_cwa(Path("missing.cwa"))
    Traceback (most recent call last):
    ...
    nightlegs.errors.RecordingError: missing.cwa: file not found
    """
    return decode_cwa(path, side).signal
