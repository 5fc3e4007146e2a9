"""The ``Host`` allow-list that stops DNS rebinding.

A page on ``evil.example`` can make its own name resolve to 127.0.0.1 (DNS rebinding); the
browser then sends the page's requests to this server as "same origin", with
``Host: evil.example``. Serving only the names this server is meant to be reached by closes
that: loopback names and addresses, the configured host, and ``Settings.allowed_hosts``. An IP
address in ``Host`` cannot be the result of rebinding (no DNS is involved), so a server bound
to every interface (``0.0.0.0``, ``::``) also answers requests made to any of its addresses.

Examples
--------
>>> names = allowed_names("127.0.0.1", ())
>>> host_allowed("127.0.0.1:8000", names), host_allowed("[::1]:8000", names)
(True, True)
>>> host_allowed("rebind.evil.example:8000", names)
False
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from urllib.parse import urlsplit

__all__ = ["AllowedHosts", "allowed_names", "host_allowed", "host_name", "is_loopback"]

_LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
_WILDCARDS = frozenset({"0.0.0.0", "::", ""})


def is_loopback(host: str) -> bool:
    """Whether ``host`` is a loopback address (or ``localhost``).

    Examples
    --------
    >>> is_loopback("127.0.0.1"), is_loopback("::1"), is_loopback("0.0.0.0")
    (True, True, False)
    """
    if host.lower().rstrip(".") == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def host_name(netloc: str) -> str | None:
    """The host name of a ``Host`` header or an origin's network location, lower case.

    ``None`` when it cannot be read (an empty name, a bad port, stray characters).

    Examples
    --------
    >>> host_name("LocalHost.:8000"), host_name("[::1]:80"), host_name("a b"), host_name("x:y")
    ('localhost', '::1', None, None)
    """
    try:
        parts = urlsplit("//" + netloc)
        name, _ = parts.hostname, parts.port
    except ValueError:
        return None
    if not name or any(c.isspace() or c in "/?#@\\" for c in netloc):
        return None
    return name.rstrip(".")


class AllowedHosts:
    """The names this server answers to (see the module notes).

    Parameters
    ----------
    names : iterable of str
        Host names and addresses, lower case, without ports.
    any_address : bool
        Also accept any IP address (the server is bound to every interface).
    """

    def __init__(self, names: Iterable[str], *, any_address: bool = False) -> None:
        self.names = frozenset(names)
        self.any_address = any_address

    def __contains__(self, netloc: object) -> bool:
        return isinstance(netloc, str) and host_allowed(netloc, self)

    def __repr__(self) -> str:
        return f"AllowedHosts({sorted(self.names)!r}, any_address={self.any_address})"


def allowed_names(host: str, extra: Iterable[str]) -> AllowedHosts:
    """The allow-list of a server bound to ``host`` with ``extra`` names configured.

    Examples
    --------
    >>> sorted(allowed_names("nightlegs.lan", ["Proxy.example"]).names)
    ['127.0.0.1', '::1', 'localhost', 'nightlegs.lan', 'proxy.example']
    >>> allowed_names("0.0.0.0", ()).any_address
    True
    """
    bound = host.strip("[]").lower().rstrip(".")
    names = set(_LOOPBACK_NAMES) | {name.strip().lower().rstrip(".") for name in extra}
    if bound not in _WILDCARDS:
        names.add(bound)
    return AllowedHosts(names - {""}, any_address=bound in _WILDCARDS)


def host_allowed(netloc: str, allowed: AllowedHosts) -> bool:
    """Whether a request whose ``Host`` header (or ``Origin``) names ``netloc`` is served.

    Examples
    --------
    >>> everywhere = allowed_names("0.0.0.0", ())
    >>> host_allowed("192.168.1.10:8000", everywhere), host_allowed("evil.example", everywhere)
    (True, False)
    >>> host_allowed("127.3.2.1:8000", allowed_names("127.0.0.1", ()))
    True
    """
    name = host_name(netloc)
    if name is None:
        return False
    if name in allowed.names or is_loopback(name):
        return True
    return allowed.any_address and _is_ip(name)
