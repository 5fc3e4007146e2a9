"""The local web app and REST API (FastAPI): build it with :func:`create_app`."""

from nightlegs.web.app import create_app
from nightlegs.web.settings import Settings

__all__ = ["Settings", "create_app"]
