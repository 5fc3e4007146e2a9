"""Synthetic Axivity ``.cwa`` files written byte by byte from Open Movement's ``cwa.h``.

Shared by the reader tests and the cross-check against the Open Movement reference reader.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np

__all__ = ["ORIGIN", "set_checksum", "write_cwa"]

#: Clock time of ``start_s = 0`` in the files written here.
ORIGIN = dt.datetime(2024, 3, 5, 22, 0, 0)


def set_checksum(blk: bytearray) -> None:
    """Set the last word so the 16-bit word-wise sum of the block is zero (cwa.h)."""
    words = np.frombuffer(bytes(blk[:510]), dtype="<u2")
    blk[510:512] = ((-int(words.sum())) & 0xFFFF).to_bytes(2, "little")


def _stamp(t: dt.datetime) -> int:
    """cwa.h packed time: YYYYYYMM MMDDDDDh hhhhmmmm mmssssss (years since 2000)."""
    return (
        ((t.year - 2000) << 26)
        | (t.month << 22)
        | (t.day << 17)
        | (t.hour << 12)
        | (t.minute << 6)
        | t.second
    )


def write_cwa(
    path: Path,
    seconds: float = 20,
    fs_code: int = 10,
    *,
    xyz_g: np.ndarray | None = None,
    start_s: float = 0.0,
    fractional: bool = False,
    packed: bool = True,
    origin: dt.datetime = ORIGIN,
) -> tuple[Path, np.ndarray]:
    """Write an AX3 ``.cwa`` and return it with the stored samples in g, shape (n, 3).

    ``fs_code`` is the rate code (frequency ``3200 / 2**(15 - code)`` Hz; 10 is 100 Hz).
    ``packed``: 120 samples of 3 x 10 bits (exponent 0) in 4 bytes per block, else 80 samples
    of 3 x 16-bit signed words; both in units of 1/256 g.

    Block b's first sample is at ``origin + start_s + b * samples_per_block / fs``. Without
    ``fractional`` the whole-second stamp is valid at a sample index before the block
    (``timestampOffset`` negative), as older firmware writes; with it, the stamp and its
    fraction give the time of the block's first sample exactly and ``timestampOffset`` carries
    the firmware's backwards-compatible shift of ``-(fraction16 * fs) >> 16`` samples.
    """
    fs = 3200 / (1 << (15 - fs_code))
    n = int(seconds * fs)
    if xyz_g is None:
        rng = np.random.default_rng(1)
        xyz_g = np.column_stack(
            [rng.normal(0, 0.05, n), rng.normal(0, 0.05, n), 1 + rng.normal(0, 0.05, n)]
        )
    xyz = np.round(xyz_g[:n] * 256).astype(np.int64)
    per_block = 120 if packed else 80
    header = bytearray(1024)
    header[0:2] = b"MD"
    header[2:4] = (1020).to_bytes(2, "little")
    blocks = []
    for b, start in enumerate(range(0, n, per_block)):
        chunk = xyz[start : start + per_block]
        blk = bytearray(512)
        blk[0:2] = b"AX"
        blk[2:4] = (508).to_bytes(2, "little")
        blk[10:14] = b.to_bytes(4, "little")
        t = start_s + start / fs
        whole = int(t)
        if fractional:
            frac16 = round((t - whole) * 32768) << 1
            if frac16 >= 65536:
                whole, frac16 = whole + 1, 0
            blk[4:6] = (0x8000 | (frac16 >> 1)).to_bytes(2, "little")
            offset = -((frac16 * int(fs)) >> 16)
        else:
            offset = round(-(t - whole) * fs)
        stamp = _stamp(origin + dt.timedelta(seconds=whole))
        blk[14:18] = stamp.to_bytes(4, "little")
        blk[24] = fs_code
        blk[25] = 0x30 if packed else 0x32
        blk[26:28] = offset.to_bytes(2, "little", signed=True)
        blk[28:30] = len(chunk).to_bytes(2, "little")
        if packed:
            words = (
                (chunk[:, 0] & 0x3FF)
                | ((chunk[:, 1] & 0x3FF) << 10)
                | ((chunk[:, 2] & 0x3FF) << 20)
            )
            payload = words.astype("<u4").tobytes()
        else:
            payload = chunk.astype("<i2").tobytes()
        blk[30 : 30 + len(payload)] = payload
        set_checksum(blk)
        blocks.append(bytes(blk))
    path.write_bytes(bytes(header) + b"".join(blocks))
    return path, xyz / 256.0
