"""What stands between the network and the office's routes (docs/OFFICE.md, "Limits"): slow and greedy clients.

uvicorn alone counts every open connection against one limit and gives a request's headers all the time they
want, so 64 connections dribbling their headers (from anywhere) had every station answered 503. Here:

- ``GuardedH11Protocol`` (uvicorn's h11 protocol with a gate): the request line and headers must arrive within
  ``header_seconds`` (408, closed); at most ``per_address`` connections from one client address (beyond: 503 at
  once, closed); at most ``waiting`` connections still waiting for their headers, the oldest closed when another
  comes; at most ``connections`` in all. A connection counts as waiting until its headers are whole, and again
  between two requests of a kept-alive connection.
- ``guarded_app`` (ASGI): request line and headers above ``header_bytes`` are refused (431) before any route, and
  at most ``requests`` are handled at once (beyond: 503 with Retry-After). Connections still waiting for their
  headers never count here, so they cannot take a station's place.

Everything runs on the server's event loop thread: the counters need no lock.
"""
from __future__ import annotations

import asyncio
import json
import logging
from collections import Counter
from dataclasses import dataclass
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

log = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 30
BUSY_TEXT = "Đơn vị nhận đang có quá nhiều kết nối; hãy gửi lại sau ít phút."
SLOW_TEXT = "Phần đầu của yêu cầu đến quá chậm; kết nối đã đóng."
HEADERS_TEXT = "Phần đầu của yêu cầu quá lớn."


@dataclass(frozen=True)
class ConnectionLimits:
    header_bytes: int = 16 * 1024  # the request line and all headers, as docs/OFFICE.md says
    header_seconds: float = 15.0  # a request's headers are a few hundred bytes: one packet, even over 3G
    per_address: int = 32  # stations behind one carrier NAT share an address
    waiting: int = 256
    connections: int = 512
    requests: int = 64  # handled at once: bounded memory, threads and inbox files


class ConnectionGate:
    """The connections of one server: how many per address, which wait for headers, oldest first."""

    def __init__(self, limits: ConnectionLimits) -> None:
        self.limits = limits
        self.per_address: Counter[str] = Counter()
        self.waiting: dict[GuardedH11Protocol, None] = {}  # insertion order: the oldest first
        self.admitted = 0

    def admit(self, address: str) -> bool:
        if self.per_address[address] >= self.limits.per_address:
            log.warning("connection refused: %d open from one address", self.per_address[address])
            return False
        if self.admitted >= self.limits.connections and not self._drop_oldest_waiting():
            log.warning("connection refused: %d open", self.admitted)
            return False
        self.per_address[address] += 1
        self.admitted += 1
        return True

    def leave(self, address: str) -> None:
        self.per_address[address] -= 1
        if self.per_address[address] <= 0:
            del self.per_address[address]
        self.admitted -= 1

    def start_waiting(self, protocol: GuardedH11Protocol) -> None:
        if len(self.waiting) >= self.limits.waiting:
            self._drop_oldest_waiting()
        self.waiting[protocol] = None

    def stop_waiting(self, protocol: GuardedH11Protocol) -> None:
        self.waiting.pop(protocol, None)

    def _drop_oldest_waiting(self) -> bool:
        if not self.waiting:
            return False
        oldest = next(iter(self.waiting))
        self.stop_waiting(oldest)
        log.info("slowest connection dropped: %d waiting for their headers", len(self.waiting))
        oldest.transport.close()
        return True


class GuardedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol under a ``ConnectionGate``; ``gated`` makes the class of one server."""

    gate: ConnectionGate

    @classmethod
    def gated(cls, gate: ConnectionGate) -> type[GuardedH11Protocol]:
        return type("GuardedH11Protocol", (cls,), {"gate": gate})

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._address = self.client[0] if self.client else ""
        self._deadline: asyncio.TimerHandle | None = None
        self._admitted = self.gate.admit(self._address)
        if not self._admitted:
            self._answer_and_close(503, "busy", BUSY_TEXT, (b"retry-after", str(RETRY_AFTER_SECONDS).encode()))
            return
        self._follow_state()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        self._follow_state()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._follow_state()

    def connection_lost(self, exc: Exception | None) -> None:
        if self._admitted:
            self._admitted = False
            self._stop_waiting()
            self.gate.leave(self._address)
        super().connection_lost(exc)

    def _follow_state(self) -> None:
        """Waiting for a request's headers (a new connection, or a kept-alive one between requests) or not."""
        waiting = self.conn.their_state is h11.IDLE and not self.transport.is_closing()
        if waiting and self._deadline is None:
            self.gate.start_waiting(self)
            self._deadline = self.loop.call_later(self.gate.limits.header_seconds, self._headers_too_slow)
        elif not waiting:
            self._stop_waiting()

    def _stop_waiting(self) -> None:
        self.gate.stop_waiting(self)
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _headers_too_slow(self) -> None:
        self._deadline = None
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            log.info("request headers too slow: connection closed")
            self._stop_waiting()
            self._answer_and_close(408, "timeout", SLOW_TEXT)

    def _answer_and_close(self, status: int, code: str, text: str, *headers: tuple[bytes, bytes]) -> None:
        """A short JSON answer written past h11 (no request was read, or only part of one), then closed."""
        body = json.dumps({"error": code, "message": text}, ensure_ascii=False).encode("utf-8")
        head = [b"HTTP/1.1 %d %s" % (status, h11_reason(status)), b"content-type: application/json",
                b"content-length: %d" % len(body), b"connection: close", *(k + b": " + v for k, v in headers)]
        self.transport.write(b"\r\n".join(head) + b"\r\n\r\n" + body)
        self.transport.close()


def h11_reason(status: int) -> bytes:
    return {408: b"Request Timeout", 431: b"Request Header Fields Too Large",
            503: b"Service Unavailable"}.get(status, b"")


def guarded_app(app: Any, limits: ConnectionLimits) -> Any:
    """The ASGI ``app`` behind the header size limit and the limit of requests handled at once."""
    handling = 0

    async def guarded(scope: dict, receive: Any, send: Any) -> None:
        nonlocal handling
        if scope["type"] != "http":
            return await app(scope, receive, send)
        if head_size(scope) > limits.header_bytes:
            log.info("request refused: headers of %d bytes", head_size(scope))
            return await _answer(send, 431, "headers_too_large", HEADERS_TEXT)
        if handling >= limits.requests:
            log.warning("request refused: %d handled at once", handling)
            return await _answer(send, 503, "busy", BUSY_TEXT, (b"retry-after", str(RETRY_AFTER_SECONDS).encode()))
        handling += 1
        try:
            await app(scope, receive, send)
        finally:
            handling -= 1

    return guarded


def head_size(scope: dict) -> int:
    """The request line and headers as they came (h11 took the spaces around each value away: at most that
    much less)."""
    query = scope.get("query_string") or b""
    line = len(scope["method"]) + len(scope.get("raw_path") or b"") + (len(query) + 1 if query else 0) + 12
    return line + sum(len(name) + len(value) + 4 for name, value in scope["headers"]) + 2


async def _answer(send: Any, status: int, code: str, text: str, *headers: tuple[bytes, bytes]) -> None:
    body = json.dumps({"error": code, "message": text}, ensure_ascii=False).encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close"), *headers]})
    await send({"type": "http.response.body", "body": body})
