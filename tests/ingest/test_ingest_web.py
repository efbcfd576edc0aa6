from __future__ import annotations

import ipaddress
from dataclasses import replace

import httpx
import pytest

from marsad.errors import InputError, Reason
from marsad.ingest import read, web
from marsad.model import Quarantined, RawDocument
from marsad.settings import Settings

from .reports import FRENCH, REPORT_HTML, WITHDRAWAL


@pytest.fixture
def local(settings: Settings) -> Settings:
    """The local test server is on loopback, so it is reachable only with private URLs allowed."""
    return replace(settings, allow_private_urls=True)


def _fetch(url: str, settings: Settings) -> RawDocument | Quarantined:
    (item,) = read([url], settings)
    return item


def _reason(url: str, settings: Settings) -> tuple[str, str]:
    item = _fetch(url, settings)
    assert isinstance(item, Quarantined), item
    assert item.source == url and "\n" not in item.message
    return item.reason, item.message


def _no_resolver(host: str, port: int) -> list[web.IPAddress]:
    raise AssertionError(f"resolver called for {host}")


def _no_network(request: httpx.Request) -> httpx.Response:
    raise AssertionError(f"request sent to {request.url}")


def test_fetch_html(server: str, local: Settings) -> None:
    url = f"{server}/report.html"
    assert _fetch(url, local) == RawDocument(source=url, html=REPORT_HTML, url=url)


def test_fetch_plain_text(server: str, local: Settings) -> None:
    url = f"{server}/report.txt"
    assert _fetch(url, local) == RawDocument(source=url, text=WITHDRAWAL, url=url)


def test_fetch_uses_declared_charset(server: str, local: Settings) -> None:
    item = _fetch(f"{server}/french.txt", local)
    assert isinstance(item, RawDocument) and item.text == FRENCH


def test_redirect_followed_and_final_url_kept(server: str, local: Settings) -> None:
    item = _fetch(f"{server}/hop/3", local)
    assert isinstance(item, RawDocument)
    assert (item.source, item.url, item.html) == (f"{server}/hop/3", f"{server}/hop/0", REPORT_HTML)


@pytest.mark.parametrize("path", ["/hop/4", "/loop"])
def test_too_many_redirects(server: str, local: Settings, path: str) -> None:
    assert _reason(f"{server}{path}", local) == (Reason.FETCH_FAILED, "too many redirects (more than 3)")


@pytest.mark.parametrize("path", ["/big", "/big-unsized"])
def test_oversize_body(server: str, local: Settings, path: str) -> None:
    assert _reason(f"{server}{path}", replace(local, max_bytes=10_000))[0] == Reason.TOO_LARGE


def test_unsupported_content_type(server: str, local: Settings) -> None:
    assert _reason(f"{server}/report.pdf", local)[0] == Reason.UNSUPPORTED


def test_http_error(server: str, local: Settings) -> None:
    assert _reason(f"{server}/missing", local) == (Reason.FETCH_FAILED, "HTTP 404 Not Found")


def test_timeout(server: str, local: Settings) -> None:
    reason, message = _reason(f"{server}/slow", replace(local, fetch_timeout_s=0.2))
    assert (reason, message) == (Reason.FETCH_FAILED, "timed out after 0.2s")


def test_connection_refused(local: Settings) -> None:
    assert _reason("http://127.0.0.1:1/report.html", local)[0] == Reason.FETCH_FAILED


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://127.1.2.3:8080/report.html",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://[::ffff:7f00:1]/",
        "http://[::ffff:10.0.0.5]/",
        "http://[2002:7f00:1::]/",  # 6to4 wrapping 127.0.0.1
        "http://10.1.2.3/",
        "http://172.16.0.1/",
        "http://192.168.1.1/",
        "http://100.64.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[fe80::1]/",
        "http://[fc00::1]/",
        "http://0.0.0.0/",
        "http://224.0.0.1/",
        "http://[ff02::1]/",
        "http://240.0.0.1/",
        "https://user:pw@127.0.0.1:8443/",
    ],
)
def test_non_public_addresses_refused_without_network(settings: Settings, url: str) -> None:
    with pytest.raises(InputError) as caught:
        web.fetch(url, settings, resolve=_no_resolver, transport=httpx.MockTransport(_no_network))
    assert caught.value.reason == Reason.UNSAFE_URL


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/report.txt", "gopher://127.0.0.1/"])
def test_other_schemes_refused(settings: Settings, url: str) -> None:
    assert _reason(url, replace(settings, allow_private_urls=True))[0] == Reason.UNSAFE_URL


def test_hostname_resolving_to_any_private_address_refused(settings: Settings) -> None:
    def resolver(host: str, port: int) -> list[web.IPAddress]:
        return [ipaddress.ip_address("93.184.216.34"), ipaddress.ip_address("10.0.0.7")]

    with pytest.raises(InputError) as caught:
        web.fetch(
            "https://news.example/report",
            settings,
            resolve=resolver,
            transport=httpx.MockTransport(_no_network),
        )
    assert caught.value.reason == Reason.UNSAFE_URL and "10.0.0.7" in caught.value.message


def test_decimal_ip_resolving_to_loopback_refused(settings: Settings) -> None:
    assert _reason("http://2130706433/", settings)[0] == Reason.UNSAFE_URL


def test_connection_pinned_to_checked_address(settings: Settings) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, headers={"Content-Type": "text/html"}, content=REPORT_HTML.encode())

    def resolver(host: str, port: int) -> list[web.IPAddress]:
        assert (host, port) == ("news.example", 443)
        return [ipaddress.ip_address("93.184.216.34")]

    doc = web.fetch(
        "https://news.example/2016/syria", settings, resolve=resolver, transport=httpx.MockTransport(handler)
    )

    (request,) = seen
    assert str(request.url) == "https://93.184.216.34/2016/syria"
    assert request.headers["Host"] == "news.example"
    assert request.extensions["sni_hostname"] == "news.example"
    assert doc == RawDocument(
        source="https://news.example/2016/syria", html=REPORT_HTML, url="https://news.example/2016/syria"
    )


def test_redirect_to_loopback_refused(server: str, settings: Settings) -> None:
    """The first hop passes the check (a public address); the redirect to 127.0.0.1 must not."""
    fetched: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        fetched.append(str(request.url))
        return httpx.Response(302, headers={"Location": f"{server}/report.html"})

    def resolver(host: str, port: int) -> list[web.IPAddress]:
        assert host == "news.example"
        return [ipaddress.ip_address("93.184.216.34")]

    with pytest.raises(InputError) as caught:
        web.fetch(
            "http://news.example/latest", settings, resolve=resolver, transport=httpx.MockTransport(handler)
        )

    assert caught.value.reason == Reason.UNSAFE_URL and "127.0.0.1" in caught.value.message
    assert fetched == ["http://93.184.216.34/latest"]


def test_unresolvable_host(settings: Settings) -> None:
    def resolver(host: str, port: int) -> list[web.IPAddress]:
        raise OSError("Name or service not known")

    with pytest.raises(InputError) as caught:
        web.fetch("https://no-such-host.example/", settings, resolve=resolver)
    assert caught.value.reason == Reason.FETCH_FAILED


@pytest.mark.parametrize(
    "address", ["93.184.216.34", "2606:2800:220:1::1", "::ffff:93.184.216.34", "2002:5db8:d822::"]
)
def test_public_addresses(address: str) -> None:
    assert web.is_public(ipaddress.ip_address(address))
