"""Which network addresses a fetch may connect to: public ones only, unless the user allows others.

A URL in a feed or a redirect is chosen by whoever wrote the feed or runs the server; left unchecked it could
make eventwire read the machine's own services (127.0.0.1, a cloud metadata address 169.254.169.254) or the
local network and store what they say. So a host is resolved once here, every address it resolves to is
vetted, and the fetch connects to those vetted addresses only (fetch.py): a DNS answer that changes between
the check and the connection is never used.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

EVERY_NETWORK: tuple[IPNetwork, ...] = (ipaddress.ip_network("0.0.0.0/0"), ipaddress.ip_network("::/0"))
_NAT64 = ipaddress.ip_network("64:ff9b::/96")  # IPv6 addresses that a NAT64 gateway maps to an IPv4 one


class Refused(Exception):
    """A URL or address that may not be fetched from; its message is the reason, for the user."""


class AddressRefused(Refused):
    """Refused for its address alone: the user may allow it."""


@dataclass(frozen=True)
class Address:
    """One vetted place to connect: the socket family and address tuple getaddrinfo gave."""
    family: socket.AddressFamily
    sockaddr: tuple[Any, ...]


def kind_of(ip: IPAddress) -> str | None:
    """What makes `ip` not a public address ("loopback", "private"...), or None for a public one. An IPv6
    address carrying an IPv4 one (IPv4-mapped, 6to4, NAT64) is judged by the IPv4 address as well."""
    for candidate in (*_embedded_ipv4(ip), ip):
        kind = _kind(candidate)
        if kind is not None:
            return kind
    return None


def refused_kind(ip: IPAddress, allowed: tuple[IPNetwork, ...] = ()) -> str | None:
    """What makes `ip` one a fetch may not connect to ("loopback"...), or None when it may: a public address,
    or one inside a network the user allowed."""
    kind = kind_of(ip)
    if kind is None or any(candidate in network for candidate in (ip, *_embedded_ipv4(ip)) for network in allowed):
        return None
    return kind


def vetted_addresses(host: str, port: int, allowed: tuple[IPNetwork, ...], timeout: float) -> list[Address]:
    """Every address `host` resolves to, each one vetted; raises Refused when any is not allowed (a name
    that resolves to both a public and a private address is refused: which one is used is not ours to
    pick) and OSError when the name cannot be resolved within `timeout` seconds."""
    found = _resolve(host, port, timeout)
    addresses: list[Address] = []
    for family, _, _, _, sockaddr in found:
        if family not in (socket.AF_INET, socket.AF_INET6):
            continue
        kind = refused_kind(ipaddress.ip_address(sockaddr[0]), allowed)
        if kind is not None:
            named = f"{sockaddr[0]} is" if sockaddr[0] == host else f"{host} resolves to {sockaddr[0]},"
            raise AddressRefused(f"{named} a {kind} address")
        addresses.append(Address(family, tuple(sockaddr)))
    if not addresses:
        raise OSError(f"no IPv4 or IPv6 address for {host}")
    return addresses


def _kind(ip: IPAddress) -> str | None:
    checks = (("unspecified", ip.is_unspecified), ("loopback", ip.is_loopback), ("link-local", ip.is_link_local),
              ("multicast", ip.is_multicast), ("private", ip.is_private), ("reserved", ip.is_reserved),
              ("non-public", not ip.is_global))
    return next((kind for kind, found in checks if found), None)


def _embedded_ipv4(ip: IPAddress) -> tuple[ipaddress.IPv4Address, ...]:
    if not isinstance(ip, ipaddress.IPv6Address):
        return ()
    found = [ip.ipv4_mapped, ip.sixtofour]
    if ip in _NAT64:
        found.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    return tuple(v4 for v4 in found if v4 is not None)


_AddrInfo = Sequence[tuple[socket.AddressFamily, socket.SocketKind, int, str, tuple[Any, ...]]]


def _resolve(host: str, port: int, timeout: float) -> _AddrInfo:
    """getaddrinfo under a time limit: the C resolver cannot be interrupted, so it runs in a daemon thread
    that is left behind (and ends by itself) when the answer comes too late."""
    answer: list[_AddrInfo | BaseException] = []

    def lookup() -> None:
        try:
            answer.append(socket.getaddrinfo(host, port, type=socket.SOCK_STREAM))
        except (OSError, UnicodeError, ValueError) as exc:  # UnicodeError: a name IDNA cannot encode
            answer.append(exc)

    thread = threading.Thread(target=lookup, name="eventwire-dns", daemon=True)
    thread.start()
    thread.join(max(timeout, 0.0))
    if not answer:
        raise TimeoutError(f"no DNS answer for {host} in time")
    result = answer[0]
    if isinstance(result, BaseException):
        raise OSError(f"no address for {host} ({getattr(result, 'strerror', None) or result})")
    return result
