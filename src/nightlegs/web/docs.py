"""``/docs``: the API reference as one self-contained page, rendered from the OpenAPI document.

FastAPI's own ``/docs`` loads Swagger UI from a CDN, which breaks offline and is refused by the
app's Content-Security-Policy; no package with the Swagger UI assets is a dependency. This page
is rendered on the server from ``app.openapi()`` with no script and no external source: every
operation with its summary, description, parameters, request body and responses, and each
schema with its fields. The machine-readable document stays at ``/openapi.json``.
"""

from __future__ import annotations

import html
import re
import textwrap
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse

__all__ = ["install_docs", "prose", "render_docs"]

_METHODS = ("get", "post", "put", "patch", "delete")
_STYLE = """
body{font-family:system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;
color:#111;line-height:1.45}
code,pre{font-family:ui-monospace,monospace}
.op{border:1px solid #888;border-radius:.4rem;padding:.5rem 1rem;margin:1rem 0}
.m{font-weight:700;text-transform:uppercase;display:inline-block;min-width:4.5rem}
table{border-collapse:collapse}td,th{border:1px solid #999;padding:.2rem .5rem;text-align:left}
"""


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


# reStructuredText roles (:class:`~a.B`, :func:`text <target>`), literals and bold, as written
# in the docstrings FastAPI puts into the OpenAPI document.
_ROLE = re.compile(r":[a-z]+:`(~?)([^`<]*?)\s*(?:&lt;[^`]*?&gt;)?`")
_LITERAL = re.compile(r"``(.+?)``", re.DOTALL)
_TICK = re.compile(r"`([^`]+?)`")
_BOLD = re.compile(r"\*\*(.+?)\*\*", re.DOTALL)


def _role(match: re.Match[str]) -> str:
    short, name = match.group(1), match.group(2)
    return f"<code>{name.rsplit('.', 1)[-1] if short else name}</code>"


def _inline(text: str) -> str:
    out = _ROLE.sub(_role, html.escape(text, quote=True))
    out = _LITERAL.sub(r"<code>\1</code>", out)
    out = _TICK.sub(r"<code>\1</code>", out)
    return _BOLD.sub(r"<strong>\1</strong>", out)


def prose(text: str) -> str:
    """A docstring's text as HTML: paragraphs, lists and indented code, with the reST and
    Markdown inline markup rendered (never shown raw) and everything else escaped.

    Examples
    --------
    >>> prose("Use ``GET /api/nights``; see :class:`~nightlegs.errors.InputError`.")
    '<p>Use <code>GET /api/nights</code>; see <code>InputError</code>.</p>'
    >>> prose("**Bold** <b>\\n\\n- one\\n- two")
    '<p><strong>Bold</strong> &lt;b&gt;</p><ul><li>one</li><li>two</li></ul>'
    """
    blocks = re.split(r"\n\s*\n", textwrap.dedent(text).strip())
    parts = []
    for block in blocks:
        lines = block.splitlines()
        if not lines:
            continue
        if all(line.startswith((" ", "\t")) for line in lines):
            parts.append(f"<pre>{html.escape(textwrap.dedent(block))}</pre>")
        elif all(line.lstrip().startswith(("- ", "* ")) for line in lines if line[:1] != " "):
            items = re.split(r"\n(?=[-*] )", block)
            lis = "".join(f"<li>{_inline(' '.join(i[2:].split()))}</li>" for i in items)
            parts.append(f"<ul>{lis}</ul>")
        else:
            parts.append(f"<p>{_inline(re.sub(r'::$', ':', ' '.join(block.split())))}</p>")
    return "".join(parts)


def _type(schema: dict[str, Any]) -> str:
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return f'<a href="#schema-{_e(name)}">{_e(name)}</a>'
    for key in ("anyOf", "oneOf", "allOf"):
        if key in schema:
            return " | ".join(_type(s) for s in schema[key])
    if schema.get("type") == "array":
        return f"array of {_type(schema.get('items', {}))}"
    if "enum" in schema:
        return " | ".join(_e(repr(v)) for v in schema["enum"])
    if "const" in schema:
        return _e(repr(schema["const"]))
    return _e(schema.get("type", "any"))


def _operation(path: str, method: str, op: dict[str, Any]) -> str:
    parts = [
        f'<section class="op" id="{_e(op.get("operationId", path))}">',
        f'<h3><span class="m">{_e(method)}</span> <code>{_e(path)}</code></h3>',
        f"<p>{_e(op.get('summary', ''))}</p>",
    ]
    if op.get("description"):
        parts.append(prose(op["description"]))
    params = op.get("parameters", [])
    if params:
        rows = "".join(
            f"<tr><td><code>{_e(p['name'])}</code></td><td>{_e(p['in'])}</td>"
            f"<td>{_type(p.get('schema', {}))}</td>"
            f"<td>{'yes' if p.get('required') else ''}</td></tr>"
            for p in params
        )
        parts.append(
            "<table><tr><th>parameter</th><th>in</th><th>type</th><th>required</th></tr>"
            f"{rows}</table>"
        )
    body = op.get("requestBody", {}).get("content", {})
    for media, content in body.items():
        parts.append(f"<p>Body <code>{_e(media)}</code>: {_type(content.get('schema', {}))}</p>")
    responses = op.get("responses", {})
    items = "".join(
        f"<li><code>{_e(code)}</code> {_inline(r.get('description', ''))}</li>"
        for code, r in responses.items()
    )
    parts.append(f"<ul>{items}</ul></section>")
    return "".join(parts)


def _schema(name: str, schema: dict[str, Any]) -> str:
    required = set(schema.get("required", []))
    rows = "".join(
        f"<tr><td><code>{_e(field)}</code></td><td>{_type(spec)}</td>"
        f"<td>{'yes' if field in required else ''}</td>"
        f"<td>{_inline(spec.get('description', ''))}</td></tr>"
        for field, spec in schema.get("properties", {}).items()
    )
    table = (
        f"<table><tr><th>field</th><th>type</th><th>required</th><th>about</th></tr>{rows}</table>"
        if rows
        else f"<p>{_type(schema)}</p>"
    )
    return f'<section id="schema-{_e(name)}"><h3>{_e(name)}</h3>{table}</section>'


def render_docs(openapi: dict[str, Any]) -> str:
    """The HTML reference page for an OpenAPI document.

    Examples
    --------
    >>> page = render_docs({"info": {"title": "t", "version": "1"}, "paths": {}})
    >>> "<h1>t" in page
    True
    """
    info = openapi.get("info", {})
    ops = [
        _operation(path, method, item[method])
        for path, item in openapi.get("paths", {}).items()
        for method in _METHODS
        if method in item
    ]
    schemas = [
        _schema(name, schema)
        for name, schema in openapi.get("components", {}).get("schemas", {}).items()
    ]
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{_e(info.get('title', 'API'))} API</title>"
        f"<style>{_STYLE}</style></head><body><main>"
        f"<h1>{_e(info.get('title', 'API'))} {_e(info.get('version', ''))}</h1>"
        f"{prose(info.get('description', ''))}"
        '<p>Machine-readable: <a href="/openapi.json">/openapi.json</a></p>'
        f"<h2>Operations</h2>{''.join(ops)}<h2>Schemas</h2>{''.join(schemas)}"
        "</main></body></html>"
    )


def install_docs(app: FastAPI) -> None:
    """Serve :func:`render_docs` of ``app.openapi()`` at ``/docs``."""

    @app.api_route(
        "/docs", methods=["GET", "HEAD"], include_in_schema=False, response_class=HTMLResponse
    )
    def docs(request: Request) -> HTMLResponse:
        return HTMLResponse(
            render_docs(app.openapi()),
            headers={"Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'"},
        )
