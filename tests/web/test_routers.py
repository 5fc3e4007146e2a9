"""Every router of the web package is in the app, and a router module that cannot be imported
stops ``create_app`` instead of leaving its pages out."""

from __future__ import annotations

import importlib
import pkgutil
import sys

import pytest
from fastapi import APIRouter, FastAPI
from fastapi.routing import APIRoute
from starlette.routing import NoMatchFound

import nightlegs.web
from nightlegs.web import Settings, create_app


def _router_modules() -> list[str]:
    """Every module of ``nightlegs.web`` whose ``router`` has routes of its own.

    Routers that only include others (``nightlegs.web.api``) are checked through the routes
    of the ones they include.
    """
    names = []
    for info in pkgutil.walk_packages(nightlegs.web.__path__, "nightlegs.web."):
        router = getattr(importlib.import_module(info.name), "router", None)
        if isinstance(router, APIRouter) and _own_routes(router):
            names.append(info.name)
    return names


def _own_routes(router: APIRouter) -> list[APIRoute]:
    return [route for route in router.routes if isinstance(route, APIRoute)]


def _reachable(app: FastAPI, route: APIRoute) -> bool:
    """Whether the app resolves ``route``'s name to a path ending in the route's own path."""
    params = dict.fromkeys(route.param_convertors, "1")
    try:
        path = app.url_path_for(route.name, **params)
    except NoMatchFound:
        return False
    own = route.path_format.format(**params)
    return str(path).endswith(own) or own == "/"


@pytest.fixture(scope="module")
def app() -> FastAPI:
    return create_app(Settings(database_url="sqlite://"))


def test_the_router_modules_are_found() -> None:
    found = set(_router_modules())
    assert {"nightlegs.web.pages", "nightlegs.web.login", "nightlegs.web.api.health"} <= found
    assert {"nightlegs.web.api.people", "nightlegs.web.api.recordings"} <= found


@pytest.mark.parametrize("name", _router_modules())
def test_every_router_is_in_the_app(app: FastAPI, name: str) -> None:
    routes = _own_routes(importlib.import_module(name).router)
    missing = [route.path for route in routes if not _reachable(app, route)]
    assert not missing, f"{name}: routes missing from the app: {missing}"


@pytest.mark.parametrize("module", ["nightlegs.web.pages", "nightlegs.web.api"])
def test_a_router_module_that_cannot_be_imported_fails_loudly(
    monkeypatch: pytest.MonkeyPatch, module: str
) -> None:
    monkeypatch.setitem(sys.modules, module, None)  # what a deleted or misspelt module gives
    with pytest.raises(ModuleNotFoundError) as caught:
        create_app(Settings(database_url="sqlite://"))
    assert caught.value.name == module
