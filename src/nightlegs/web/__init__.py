"""The local web app and REST API (FastAPI)."""

__all__: list[str] = []
