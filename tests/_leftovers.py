"""What a test run leaves behind: processes it started and database connections still open.

``tests/conftest.py`` marks the run with a random value in :data:`MARK` (every process the tests
start inherits it, even one whose parent was killed) and calls :func:`leftovers` when the
session ends; anything found fails the run.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

__all__ = ["MARK", "leftover_connections", "leftover_processes", "leftovers"]

MARK = "NIGHTLEGS_TEST_RUN"


def leftover_processes(run: str) -> list[str]:
    """Processes other than this one whose environment carries ``MARK=run``."""
    needle = f"{MARK}={run}".encode()
    found = []
    for proc in Path("/proc").glob("[0-9]*"):
        if int(proc.name) == os.getpid():
            continue
        try:
            if needle not in (proc / "environ").read_bytes().split(b"\0"):
                continue
            status = (proc / "status").read_text()
            command = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue  # ended meanwhile, or not ours to read
        if "State:\tZ" not in status:
            found.append(f"pid {proc.name}: {command[:160]}")
    return found


def _own_local_ports(remote_port: int) -> set[int]:
    """Local ports of this process's TCP connections to ``remote_port``."""
    inodes = set()
    for fd in Path("/proc/self/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    ports = set()
    for table in ("/proc/self/net/tcp", "/proc/self/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            local, remote, inode = fields[1], fields[2], fields[9]
            if inode in inodes and int(remote.rsplit(":", 1)[1], 16) == remote_port:
                ports.add(int(local.rsplit(":", 1)[1], 16))
    return ports


def leftover_connections(postgres_url: str) -> list[str]:
    """Open nightlegs connections to the test database that no live test process holds.

    Connections of this process are its own business (pools close at exit); a connection from
    any other client is a process the tests left behind.
    """
    import psycopg
    from sqlalchemy.engine import make_url

    url = make_url(postgres_url)
    libpq = url.set(drivername="postgresql", query={}).render_as_string(hide_password=False)
    own = _own_local_ports(url.port or 5432)
    with psycopg.connect(libpq, autocommit=True) as conn:
        rows = conn.execute(
            "SELECT pid, client_port, state FROM pg_stat_activity "
            "WHERE datname = current_database() AND application_name = 'nightlegs' "
            "AND pid <> pg_backend_pid()"
        ).fetchall()
    return [
        f"backend {pid} (client port {port}, {state})"
        for pid, port, state in rows
        if port not in own
    ]


def leftovers(run: str, postgres_url: str | None, *, grace_s: float = 15.0) -> list[str]:
    """Everything left behind, after giving stopping processes ``grace_s`` seconds."""
    deadline = time.monotonic() + grace_s
    while (found := leftover_processes(run)) and time.monotonic() < deadline:
        time.sleep(0.2)
    if postgres_url:
        found += leftover_connections(postgres_url)
    return found
