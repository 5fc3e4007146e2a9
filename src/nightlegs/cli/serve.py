"""``nightlegs serve``: the web app and REST API on uvicorn (a thin wrapper over create_app).

Binding an address other than loopback needs ``NIGHTLEGS_TOKEN`` or ``--new-token`` (then every
API call needs ``Authorization: Bearer <token>``); without it the command refuses with exit 2, as
it does for a setting it cannot read. ``--ssl-certfile`` and ``--ssl-keyfile`` serve HTTPS.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from nightlegs.errors import InputError

__all__ = ["is_loopback", "register"]


def is_loopback(host: str) -> bool:
    """Whether ``host`` is a loopback address (or ``localhost``).

    The check is :func:`nightlegs.web.hosts.is_loopback`, imported when called so that the CLI
    starts without loading the web app.

    Examples
    --------
    >>> is_loopback("127.0.0.1"), is_loopback("::1"), is_loopback("0.0.0.0")
    (True, True, False)
    """
    from nightlegs.web.hosts import is_loopback as check

    return check(host)


# uvicorn's limits for slow or greedy clients (README, Security). uvicorn has no read timeout:
# the request head is timed by HeadDeadlineProtocol (Settings.header_timeout), the body by the
# app itself (SecurityMiddleware).
_KEEP_ALIVE_S = 5  # an idle kept-alive connection is closed after 5 s
_MAX_CONNECTIONS = 200  # beyond this many connections and tasks, 503 at once
_MAX_HEAD_BYTES = 64 * 1024  # request line and headers
_GRACEFUL_S = 15


def serve_command(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    assess_processes: Annotated[
        int | None,
        typer.Option(
            min=0, max=64, help="Worker processes for assessments (default: one per core)."
        ),
    ] = None,
    ssl_certfile: Annotated[
        Path | None,
        typer.Option(dir_okay=False, help="PEM certificate: serve HTTPS (with --ssl-keyfile)."),
    ] = None,
    ssl_keyfile: Annotated[
        Path | None,
        typer.Option(dir_okay=False, help="PEM private key of --ssl-certfile."),
    ] = None,
    data_dir: Annotated[
        Path | None,
        typer.Option(
            file_okay=False,
            help="Folder of the diary's SQLite database (created if missing; default: your user "
            "data folder). Given, it is used instead of NIGHTLEGS_DATABASE_URL.",
        ),
    ] = None,
    new_token: Annotated[
        bool,
        typer.Option(
            "--new-token",
            help="Make a random access token, print it once and require it (instead of "
            "NIGHTLEGS_TOKEN).",
        ),
    ] = False,
) -> None:
    """Start the web app (pages at /, API under /api, docs at /docs)."""
    import os

    import uvicorn

    from nightlegs.web.app import create_app, open_settings_store
    from nightlegs.web.head_deadline import head_deadline_protocol
    from nightlegs.web.settings import Settings
    from nightlegs.web.settings import new_token as make_token

    token = make_token() if new_token else None
    overrides: dict[str, object] = {}
    if data_dir is not None:
        overrides["database_url"] = _database_in(data_dir)
    settings = Settings.from_env(
        **overrides,
        host=host,
        port=port,
        assess_processes=assess_processes,
        ssl_certfile=ssl_certfile,
        ssl_keyfile=ssl_keyfile,
        token=token,
    )
    if assess_processes is None and "NIGHTLEGS_ASSESS_PROCESSES" not in os.environ:
        # The server process needs a core for HTTP; the rest assess.
        default = max(1, (os.cpu_count() or 2) - 1)
        settings = settings.model_copy(update={"assess_processes": default})
    if not is_loopback(host) and not settings.token:
        raise InputError(
            f"serve: refusing to listen on {host} without NIGHTLEGS_TOKEN; set it (or use "
            "--new-token), or use 127.0.0.1"
        )
    tls = _tls_files(settings.ssl_certfile, settings.ssl_keyfile)
    _check_port_free(host, port)
    store = open_settings_store(settings)
    try:
        shown = f"[{host}]" if ":" in host else host
        scheme = "https" if tls else "http"
        database = getattr(store, "database_description", "(unknown)")
        print(f"nightlegs: database {database}", flush=True)
        if token:
            print(f"nightlegs: access token (shown once): {token}", flush=True)
        if not tls and not is_loopback(host):
            print(
                "nightlegs: warning: without --ssl-certfile the token and health data cross the "
                "network in clear; use TLS or a reverse proxy (README, Security)",
                flush=True,
            )
        print(f"nightlegs: serving on {scheme}://{shown}:{port}/ (Ctrl+C to stop)", flush=True)
        uvicorn.run(
            create_app(settings, store=store, preload=True),
            host=host,
            port=port,
            log_level="info",
            http=head_deadline_protocol(settings.header_timeout),
            ssl_certfile=tls[0] if tls else None,
            ssl_keyfile=tls[1] if tls else None,
            timeout_keep_alive=_KEEP_ALIVE_S,
            limit_concurrency=_MAX_CONNECTIONS,
            h11_max_incomplete_event_size=_MAX_HEAD_BYTES,
            timeout_graceful_shutdown=_GRACEFUL_S,
        )
    finally:
        store.close()


def _database_in(folder: Path) -> str:
    """The SQLite URL of the diary in ``folder`` (the folder is made private if created)."""
    from sqlalchemy.engine import URL

    if folder.exists() and not folder.is_dir():
        raise InputError(f"serve: --data-dir {folder}: expected a folder, found a file")
    path = folder.expanduser().resolve() / "nightlegs.sqlite3"
    return URL.create("sqlite", database=str(path)).render_as_string(hide_password=False)


def _check_port_free(host: str, port: int) -> None:
    """Refuse at once, before any database work, when ``host:port`` cannot be listened on.

    The socket is bound as uvicorn binds it (address reuse on), then released.
    """
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        raise InputError(
            f"serve: --host {host}: not an address this machine knows ({exc})"
        ) from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            raise InputError(
                f"serve: cannot listen on {host}:{port}: {exc.strerror or exc}; another program "
                "(perhaps another nightlegs) is using it. Stop it, or choose a port with --port."
            ) from None


def _tls_files(certfile: Path | None, keyfile: Path | None) -> tuple[str, str] | None:
    """Both PEM files, readable, or neither; anything else is a one-line error."""
    if certfile is None and keyfile is None:
        return None
    if certfile is None or keyfile is None:
        given, missing = ("--ssl-certfile", "--ssl-keyfile")[:: 1 if certfile else -1]
        raise InputError(f"serve: {given} needs {missing} as well")
    for option, path in (("--ssl-certfile", certfile), ("--ssl-keyfile", keyfile)):
        try:
            with path.open("rb") as handle:
                head = handle.read(64)
        except OSError as exc:
            raise InputError(f"serve: {option} {path}: {exc.strerror or exc}") from None
        if b"-----BEGIN" not in head:
            raise InputError(f"serve: {option} {path}: expected a PEM file (-----BEGIN ...)")
    return str(certfile), str(keyfile)


def register(app: typer.Typer) -> None:
    """Add ``serve`` to ``app``."""
    app.command("serve")(serve_command)
