"""Fetch documents over http(s) without letting a URL reach private networks (SSRF defence).

Every hop, the first and each redirect, is checked the same way: http or https only, the host resolved
and refused if any of its addresses is not globally routable (unless `allow_private_urls`). The request
then connects to the exact address that was checked: the URL's host is replaced by that IP while the
Host header and TLS SNI (and so certificate checks) keep the original name. A DNS answer that changes
between check and connect (DNS rebinding) therefore cannot redirect the connection. Only the first
resolved address is tried. Proxies from the environment are ignored, as a proxy would resolve the
name itself.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable, Iterator

import httpx

from marsad.errors import InputError, Reason, UnsafeURLError
from marsad.ingest import guard
from marsad.model import RawDocument
from marsad.settings import Settings

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], list[IPAddress]]

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_TEXT_TYPES = frozenset({"text/plain"})
_DEFAULT_PORTS = {"http": 80, "https": 443}


def resolve_host(host: str, port: int) -> list[IPAddress]:
    """Every address the system resolver gives for `host`; all of them are checked."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [ipaddress.ip_address(str(info[4][0])) for info in infos]


def is_public(address: IPAddress) -> bool:
    """True for globally routable unicast addresses, judging IPv4-mapped and 6to4 forms by the IPv4 inside."""
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return is_public(address.ipv4_mapped)
        if address.sixtofour is not None and not is_public(address.sixtofour):
            return False
    return address.is_global and not address.is_multicast


def check_url(url: httpx.URL, settings: Settings, resolve: Resolver = resolve_host) -> IPAddress:
    """The address to connect to for `url`, or UnsafeURLError if the URL must not be fetched."""
    if url.scheme not in _DEFAULT_PORTS:
        raise UnsafeURLError(f"only http and https URLs are fetched, not {url.scheme or 'a relative'} URL")
    host = url.raw_host.decode("ascii")
    if not host:
        raise UnsafeURLError("URL has no host")
    try:
        addresses = [ipaddress.ip_address(host)]
    except ValueError:
        try:
            addresses = resolve(host, url.port or _DEFAULT_PORTS[url.scheme])
        except (OSError, UnicodeError) as exc:
            raise InputError(Reason.FETCH_FAILED, f"cannot resolve host {host}: {exc}") from exc
    if not addresses:
        raise InputError(Reason.FETCH_FAILED, f"host {host} has no address")
    if not settings.allow_private_urls:
        for address in addresses:
            if not is_public(address):
                raise UnsafeURLError(
                    f"non-public address {address} for host {host}; private URLs are refused"
                )
    return addresses[0]


def fetch(
    url: str,
    settings: Settings,
    *,
    resolve: Resolver = resolve_host,
    transport: httpx.BaseTransport | None = None,
) -> RawDocument:
    """Fetch one http(s) URL as a document: HTML kept as HTML, plain text as text."""
    deadline = time.monotonic() + settings.fetch_timeout_s
    try:
        current = httpx.URL(url)
        with httpx.Client(
            transport=transport,
            timeout=settings.fetch_timeout_s,
            follow_redirects=False,
            trust_env=False,
            limits=httpx.Limits(max_keepalive_connections=0),  # no reuse: each hop gets its own SNI
        ) as client:
            for _ in range(settings.max_redirects + 1):
                address = check_url(current, settings, resolve)
                request = client.build_request(
                    "GET",
                    current.copy_with(host=str(address)),
                    headers={"Host": current.netloc.decode("ascii")},
                    extensions={"sni_hostname": current.raw_host.decode("ascii")},
                )
                response = client.send(request, stream=True)
                try:
                    if not response.is_redirect:
                        return _document(url, current, response, settings, deadline)
                    current = current.join(response.headers["location"])
                finally:
                    response.close()
    except httpx.TimeoutException as exc:
        raise InputError(Reason.FETCH_FAILED, f"timed out after {settings.fetch_timeout_s:g}s") from exc
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        raise InputError(Reason.FETCH_FAILED, f"{type(exc).__name__}: {exc}") from exc
    raise InputError(Reason.FETCH_FAILED, f"too many redirects (more than {settings.max_redirects})")


def _document(
    requested: str, final: httpx.URL, response: httpx.Response, settings: Settings, deadline: float
) -> RawDocument:
    if not response.is_success:
        raise InputError(Reason.FETCH_FAILED, f"HTTP {response.status_code} {response.reason_phrase}")
    media_type = response.headers.get("content-type", "").partition(";")[0].strip().lower()
    if media_type not in _HTML_TYPES | _TEXT_TYPES:
        raise InputError(
            Reason.UNSUPPORTED, f"content type {media_type or '(none)'} is neither HTML nor plain text"
        )
    length = response.headers.get("content-length", "")
    if length.isdigit():
        guard.check_size(int(length), settings.max_bytes)
    data = guard.read_capped(_until(deadline, response.iter_bytes(), settings), settings.max_bytes)
    text = guard.decode(data, limit=settings.max_bytes, declared=response.charset_encoding)
    if media_type in _HTML_TYPES:
        return RawDocument(source=requested, html=text, url=str(final))
    return RawDocument(source=requested, text=text, url=str(final))


def _until(deadline: float, chunks: Iterator[bytes], settings: Settings) -> Iterator[bytes]:
    """Stop a body that trickles in: httpx's timeouts bound each read, not the whole download."""
    for chunk in chunks:
        if time.monotonic() > deadline:
            raise InputError(Reason.FETCH_FAILED, f"timed out after {settings.fetch_timeout_s:g}s")
        yield chunk
