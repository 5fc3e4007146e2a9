"""``nightlegs serve``: the web app and REST API on uvicorn (a thin wrapper over create_app).

Binding an address other than loopback needs ``NIGHTLEGS_TOKEN`` (then every API call needs
``Authorization: Bearer <token>``); without it the command refuses with exit 2.
"""

from __future__ import annotations

import ipaddress
from typing import Annotated

import typer

from nightlegs.errors import InputError

__all__ = ["is_loopback", "register"]


def is_loopback(host: str) -> bool:
    """Whether ``host`` is a loopback address (or ``localhost``).

    Examples
    --------
    >>> is_loopback("127.0.0.1"), is_loopback("::1"), is_loopback("0.0.0.0")
    (True, True, False)
    """
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serve_command(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    assess_processes: Annotated[
        int | None,
        typer.Option(
            min=0, max=64, help="Worker processes for assessments (default: one per core)."
        ),
    ] = None,
) -> None:
    """Start the web app (pages at /, API under /api, docs at /docs)."""
    import os

    import uvicorn

    from nightlegs.web.app import create_app, open_settings_store
    from nightlegs.web.settings import Settings

    processes = assess_processes
    if processes is None:
        # The server process needs a core for HTTP; the rest assess.
        default = max(1, (os.cpu_count() or 2) - 1)
        processes = int(os.environ.get("NIGHTLEGS_ASSESS_PROCESSES") or default)
    settings = Settings.from_env(host=host, port=port, assess_processes=processes)
    if not is_loopback(host) and not settings.token:
        raise InputError(
            f"serve: refusing to listen on {host} without NIGHTLEGS_TOKEN; set it, or use 127.0.0.1"
        )
    store = open_settings_store(settings)
    try:
        shown = f"[{host}]" if ":" in host else host
        database = getattr(store, "database_description", "(unknown)")
        print(f"nightlegs: database {database}", flush=True)
        print(f"nightlegs: serving on http://{shown}:{port}/ (Ctrl+C to stop)", flush=True)
        uvicorn.run(create_app(settings, store=store), host=host, port=port, log_level="info")
    finally:
        store.close()


def register(app: typer.Typer) -> None:
    """Add ``serve`` to ``app``."""
    app.command("serve")(serve_command)
