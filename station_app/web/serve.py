"""Running the office service with uvicorn: in the foreground (``station-app office serve``) or in a thread
(tests and benchmarks), with the limits of docs/OFFICE.md."""
from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field, replace
from pathlib import Path

import uvicorn

from station_app.services.office.upload import OfficeUploads
from station_app.web.app import ReadLimits, create_app
from station_app.web.guard import ConnectionGate, ConnectionLimits, GuardedH11Protocol, guarded_app

log = logging.getLogger(__name__)
DEFAULT_PORT = 8765


@dataclass(frozen=True)
class ServeOptions:
    host: str = "0.0.0.0"
    port: int = DEFAULT_PORT  # 0: any free port (tests)
    tls_cert: Path | None = None
    tls_key: Path | None = None
    limits: ReadLimits = field(default_factory=ReadLimits)
    connections: ConnectionLimits = field(default_factory=ConnectionLimits)  # slow and greedy clients (web/guard.py)
    keep_alive_seconds: float = 5.0
    stop_grace_seconds: float = 10.0  # uploads still arriving at a stop get this long, then are dropped

    @property
    def scheme(self) -> str:
        return "https" if self.tls_cert else "http"


def make_server(uploads: OfficeUploads, options: ServeOptions) -> uvicorn.Server:
    limits = options.connections
    # uvicorn's own limit_concurrency is left off: it counted connections still waiting for their headers, so slow
    # clients took the stations' places; the gate counts those apart
    config = uvicorn.Config(
        guarded_app(create_app(uploads, options.limits), limits), host=options.host, port=options.port,
        http=GuardedH11Protocol.gated(ConnectionGate(limits)),
        ssl_certfile=str(options.tls_cert) if options.tls_cert else None,
        ssl_keyfile=str(options.tls_key) if options.tls_key else None,
        timeout_keep_alive=int(options.keep_alive_seconds),
        timeout_graceful_shutdown=int(options.stop_grace_seconds), h11_max_incomplete_event_size=limits.header_bytes,
        log_config=None, access_log=False, server_header=False, lifespan="off")
    return uvicorn.Server(config)


def serve(uploads: OfficeUploads, options: ServeOptions) -> None:
    """Until Ctrl+C: batches left whole in the inbox by a stop are imported first."""
    uploads.recover()
    log.info("office service on %s://%s:%d", options.scheme, options.host, options.port)
    make_server(uploads, options).run()


class BackgroundService:
    """The service on a thread of this process; ``start`` returns once it listens, ``stop`` once it stopped."""

    def __init__(self, uploads: OfficeUploads, options: ServeOptions) -> None:
        self.uploads, self.options = uploads, options
        self.port = options.port
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host = self.options.host if self.options.host not in ("0.0.0.0", "::") else "127.0.0.1"
        return f"{self.options.scheme}://{host}:{self.port}"

    def start(self) -> str:
        options = replace(self.options, port=self.port)  # a restart keeps the port it was given first
        self.uploads.recover()
        self._server = make_server(self.uploads, options)
        self._thread = threading.Thread(target=self._server.run, name="office-service", daemon=True)
        self._thread.start()
        while not self._server.started:
            if not self._thread.is_alive():
                raise RuntimeError("the office service did not start (port taken?)")
            self._thread.join(0.02)
        self.port = self._server.servers[0].sockets[0].getsockname()[1]  # the one chosen for port 0
        return self.url

    def stop(self) -> None:
        if self._server is not None and self._thread is not None:
            self._server.should_exit = True
            self._thread.join()
        self._server = self._thread = None
