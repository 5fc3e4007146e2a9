"""The ``nightlegs`` command line: thin wrappers over the Python API.

Each command lives in its own module with a ``register(app)`` function; this module only
assembles them and turns :class:`nightlegs.errors.NightlegsError` into exit code 2.
"""

from __future__ import annotations

from nightlegs.cli._app import app, build_app, main

__all__ = ["app", "build_app", "main"]
