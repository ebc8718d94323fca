"""The office's HTTP API (FastAPI): thin routes over ``services.office.upload``; contract in docs/OFFICE.md.

The body of an upload is streamed to the inbox file as it arrives, bounded in size (declared Content-Length first,
then while reading), with a deadline for the next piece and one for the whole body; nothing is imported until the
body is whole. Imports run on worker threads, never on the event loop.
"""
from __future__ import annotations

import asyncio
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from fastapi import FastAPI, Header, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect

from station_app import __version__
from station_app.core.errors import StationError
from station_app.services.office.national_receipts import NationalProofError, answer_station
from station_app.services.office.service import OfficeService
from station_app.services.office.upload import (BatchNameInvalidError, IncomingBatch, InboxUnwritableError,
                                                OfficeBusyNowError, OfficeUploads, UploadOutcome,
                                                UploadStationUnregisteredError, UploadTimedOutError,
                                                UploadTooLargeError)

log = logging.getLogger(__name__)
API = "/api/v1"
RETRY_AFTER_SECONDS = 30
BATCH_NAME = r"^[A-Z0-9-]{3,32}-[0-9]{6}\.batch$"  # as core.batch_format checks it
STATION_CODE = r"^[A-Z0-9-]{3,32}$"


@dataclass(frozen=True)
class ReadLimits:
    """How long a body may take: between two pieces, and in all (a 64 MiB batch over slow 3G needs minutes)."""

    idle_seconds: float = 60.0
    total_seconds: float = 1800.0


# -- the answers, as OpenAPI describes them ----------------------------------------------------------------------

class UploadAnswer(BaseModel):
    status: Literal["imported", "duplicate"]
    station: str
    sequence: int
    receipt: dict
    gaps: list[int]


class ErrorAnswer(BaseModel):
    error: str
    message: str
    notice: dict | None = None  # 422 for a batch the checks refused: the office's signed notice of why


class StationAnswer(BaseModel):
    code: str
    name: str | None
    last_sequence: int | None
    gaps: list[int]
    batches: int


class HealthAnswer(BaseModel):
    status: str
    office: str
    version: str


_ERRORS = {400: {"model": ErrorAnswer}, 408: {"model": ErrorAnswer}, 413: {"model": ErrorAnswer},
           422: {"model": ErrorAnswer}, 503: {"model": ErrorAnswer}}
_BATCH_BODY = {"requestBody": {"required": True, "description": "the batch file's bytes",
                               "content": {"application/octet-stream": {"schema": {"type": "string",
                                                                                   "format": "binary"}}}}}


def error(status: int, code: str, message: str, **headers: str) -> JSONResponse:
    return JSONResponse({"error": code, "message": message}, status_code=status, headers=headers or None)


def _refusal(exc: StationError) -> JSONResponse:
    """A typed error of the intake as its HTTP answer."""
    if isinstance(exc, UploadTooLargeError):
        return error(413, "too_large", str(exc), Connection="close")
    if isinstance(exc, UploadStationUnregisteredError):
        return error(422, exc.reason, str(exc))
    if isinstance(exc, UploadTimedOutError):
        return error(408, "timeout", str(exc), Connection="close")
    if isinstance(exc, (InboxUnwritableError, OfficeBusyNowError)):
        return error(503, "busy", str(exc), **{"Retry-After": str(RETRY_AFTER_SECONDS)})
    return error(400, "bad_request", str(exc))


def _answer(outcome: UploadOutcome) -> JSONResponse:
    if outcome.status == "quarantined":
        answer = {"error": outcome.reason or "refused", "message": outcome.reason_text}
        return JSONResponse({**answer, "notice": outcome.notice} if outcome.notice else answer, status_code=422)
    return JSONResponse({"status": outcome.status, "station": outcome.station, "sequence": outcome.sequence,
                         "receipt": outcome.receipt, "gaps": list(outcome.gaps)})


# -- the app -----------------------------------------------------------------------------------------------------

def create_app(uploads: OfficeUploads | Path, limits: ReadLimits = ReadLimits()) -> FastAPI:
    """The ASGI app of one office: ``uploads`` holds its open ``OfficeService``, or is the office folder (its
    default database, the default size limit)."""
    if not isinstance(uploads, OfficeUploads):
        uploads = OfficeUploads(OfficeService(Path(uploads)))
    app = FastAPI(title="station-app office", version=__version__, docs_url=None, redoc_url=None,
                  description="Batches of the exam stations, received over the network (docs/OFFICE.md).")

    @app.exception_handler(RequestValidationError)
    async def _bad_request(_request: Request, _exc: RequestValidationError) -> JSONResponse:
        return error(400, "bad_request", str(BatchNameInvalidError(name="")))

    @app.get(f"{API}/health", response_model=HealthAnswer)
    async def health() -> dict:
        return {"status": "ok", "office": uploads.office_name, "version": __version__}

    @app.get(f"{API}/stations/{{code}}", response_model=StationAnswer, responses={404: {"model": ErrorAnswer},
                                                                               503: {"model": ErrorAnswer}})
    async def station(code: str) -> JSONResponse:
        try:
            info = await run_in_threadpool(uploads.station, code)
        except Exception:  # the database unreachable: the station asks again later
            log.exception("station lookup failed")
            return _refusal(OfficeBusyNowError())
        if info is None:
            return error(404, "unknown_station", str(UploadStationUnregisteredError(code=code[:40])))
        return JSONResponse({"code": info.code, "name": info.name, "last_sequence": info.last_sequence,
                             "gaps": list(info.gaps), "batches": info.batches})

    @app.get(f"{API}/stations/{{code}}/national-receipt", responses={403: {"model": ErrorAnswer},
                                                                      503: {"model": ErrorAnswer}})
    async def national_receipt(code: str,
                               x_station_proof: str | None = Header(
                                   None, alias="X-Station-Proof",
                                   description="<unix seconds>.<base64 Ed25519 signature by the station's key of "
                                               "'GET national-receipt CODE SECONDS'>")) -> JSONResponse:
        """The station's national receipt (docs/batch-format.md, section 8), to that station only."""
        if not re.fullmatch(STATION_CODE, code):  # the same answer as a wrong proof: says nothing of who exists
            return error(403, "not_proven", str(NationalProofError()))
        try:
            envelope = await run_in_threadpool(answer_station, uploads.service, code, x_station_proof)
        except Exception:  # the database unreachable: the station asks again later
            log.exception("national receipt failed")
            return _refusal(OfficeBusyNowError())
        if envelope is None:
            return error(403, "not_proven", str(NationalProofError()))
        return JSONResponse(envelope)

    @app.post(f"{API}/batches", response_model=UploadAnswer, responses=_ERRORS, openapi_extra=_BATCH_BODY)
    async def upload_batch(request: Request,
                           x_batch_name: str | None = Header(None, alias="X-Batch-Name", pattern=BATCH_NAME,
                                                             description="the batch file's name, "
                                                                         "e.g. TYT-MK-000007.batch")) -> JSONResponse:
        try:
            incoming = await run_in_threadpool(uploads.begin, x_batch_name or "", _declared_size(request))
            await _receive(request, incoming, limits)
            outcome = await run_in_threadpool(uploads.accept, incoming)
        except ClientDisconnect:
            log.info("upload cut off by the station: nothing kept")
            return error(400, "disconnected", "")  # nobody is left to read it
        except StationError as exc:
            return _refusal(exc)
        except Exception:  # the database unreachable or busy: the station sends it again later
            log.exception("upload failed")
            return _refusal(OfficeBusyNowError())
        return _answer(outcome)

    return app


def _declared_size(request: Request) -> int | None:
    value = request.headers.get("content-length")
    return int(value) if value and value.isdigit() else None


async def _receive(request: Request, incoming: IncomingBatch, limits: ReadLimits) -> None:
    """The body into ``incoming``; on any failure (too large, too slow, cut off, server stopping) discarded."""
    loop = asyncio.get_running_loop()
    ends = loop.time() + limits.total_seconds
    pieces = request.stream().__aiter__()
    try:
        while True:
            wait = min(limits.idle_seconds, ends - loop.time())
            try:
                async with asyncio.timeout(max(wait, 0)):
                    piece = await anext(pieces)
            except StopAsyncIteration:
                return
            except TimeoutError:
                log.info("upload too slow: cut after %d bytes", incoming.size)
                raise UploadTimedOutError(seconds=f"{min(limits.idle_seconds, limits.total_seconds):g}") from None
            incoming.write(piece)
    except BaseException:
        incoming.discard()
        raise
