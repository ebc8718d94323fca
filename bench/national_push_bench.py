"""Records pushed to the national hub per second, against the stand-in on loopback, and a backlog of 5,000 records
(a week offline) cleared in how long; against the bare cost of the same HTTP calls and RSA signatures.

The office's real client (``services.office.national.client``) signs each message with a 2048-bit RSA key and
pushes it to the real stand-in hub (``stand_in``) in this process, on 127.0.0.1, which checks the token, the
header, the signature and the record against form 2 before accepting it. The baseline, same run: as many
``http.client`` POSTs of bodies of the same size, each with one RSA signature made with ``cryptography``, to a bare
stdlib HTTP server that answers a fixed success without reading anything: what the network and the signatures
alone cost.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import http.client
import json
import tempfile
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

RECORDS = 5000
SENDER_ID = "0123456789012"
USERNAME, PASSWORD = "bench.lienthong", "bench-lien-thong-26"
_FALLBACKS = ("1", "0", "10", "12", "20260101", "202601010800", "Z00.0", "Bình thường")


def bench_national_push(report, work: Path, records: int = RECORDS) -> None:  # noqa: ANN001
    from bench import __main__ as b
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    envelopes = [_envelope(n) for n in range(records)]
    with tempfile.TemporaryDirectory(dir=work) as tmp:
        seconds, accepted = _through_the_client(key, envelopes, Path(tmp) / "hub.jsonl")
    floor = _bare(key, envelopes)
    rate, floor_rate = records / seconds, records / floor
    report.add(b.Figure(
        "National push: records pushed per second to the stand-in hub on loopback (the office's client: login once, "
        "kept-alive connection, each message signed RSA-2048; the hub checks token, header, signature, form 2)",
        f"{rate:,.0f} records/s ({1000 / rate:.2f} ms each)",
        f"{floor_rate:,.0f} POSTs/s: http.client POSTs of the same bodies + one RSA signature each (cryptography), "
        "to a bare stdlib server answering a fixed success", rate / floor_rate,
        "informative: what the protocol and the hub's checks add to the bare calls", None,
        f"{accepted:,} of {records:,} accepted"))
    report.add(b.Figure(
        f"National push: a backlog of {records:,} records (a week offline) cleared against the stand-in hub",
        f"{seconds:.1f} s", f"{floor:.1f} s: the bare POSTs and signatures", seconds / floor,
        "within an hour (the 24-hour rule leaves the rest to the network)", seconds < 3600,
        "one client, one record per push, one after the other"))


def _through_the_client(key, envelopes: list[bytes], state: Path) -> tuple[float, int]:  # noqa: ANN001
    from cryptography.hazmat.primitives import serialization

    from station_app.services.office.national import protocol as p
    from station_app.services.office.national.client import NationalClient
    from station_app.services.office.national.stand_in import HubAccount, StandInHub

    pem = key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    hub = StandInHub(state, accounts=[HubAccount(USERNAME, PASSWORD, SENDER_ID)], facility_keys={SENDER_ID: pem})
    url = hub.start()
    settings = p.NationalSettings(base_url=url)
    client = NationalClient(settings, username=USERNAME, password=PASSWORD, sender_id=SENDER_ID,
                            sign=p.rsa_signer(key, settings))
    msg_ids = [p.make_msg_id(SENDER_ID, dt.datetime.now(dt.timezone.utc), uuid.uuid4()) for _ in envelopes]
    try:
        started = time.perf_counter()
        kinds = [client.push(data, msg_id).kind for data, msg_id in zip(envelopes, msg_ids)]
        seconds = time.perf_counter() - started
    finally:
        client.close()
        hub.stop()
    return seconds, kinds.count("accepted")


class _Fixed(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    ANSWER = json.dumps({"header": {"res_code": "PS_SYNC_SUCCESS", "txn_id": "T"}, "data": {}}).encode()

    def do_POST(self) -> None:  # noqa: N802
        self.rfile.read(int(self.headers["Content-Length"]))
        # status, headers and body in one write: no Nagle wait for the second segment
        head = f"HTTP/1.1 200 OK\r\nContent-Length: {len(self.ANSWER)}\r\n\r\n".encode("ascii")
        self.wfile.write(head + self.ANSWER)

    def log_message(self, *args: object) -> None:
        pass


def _bare(key, envelopes: list[bytes]) -> float:  # noqa: ANN001
    """Seconds for one signature and one POST per record, straight with the libraries."""
    import base64

    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding

    server = ThreadingHTTPServer(("127.0.0.1", 0), _Fixed)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    conn = http.client.HTTPConnection("127.0.0.1", server.server_address[1])
    try:
        started = time.perf_counter()
        for data in envelopes:
            text = base64.b64encode(data)
            digest = hashlib.sha256(text).hexdigest().encode()  # the client hashes the data, then signs ~130 bytes
            signature = base64.b64encode(key.sign(digest, padding.PKCS1v15(), hashes.SHA256()))
            conn.request("POST", "/push", body=b'{"header":{},"data":"' + text + b'","signature":"' + signature + b'"}',
                         headers={"Content-Type": "application/json"})
            conn.getresponse().read()
        return time.perf_counter() - started
    finally:
        conn.close()
        server.shutdown()
        server.server_close()


def _envelope(n: int) -> bytes:
    from station_app.services.office.national import protocol as p

    hoso = {**_valid_hoso(2), "CAN_NANG": str(40 + n % 50)}
    return p.data_envelope(hoso, 2, b"<PL01 MAU_BIEU=\"2\"/>" * 100, SENDER_ID)  # a signed XML's order of size


_HOSO: dict[int, dict[str, str]] = {}


def _valid_hoso(form: int) -> dict[str, str]:
    """A form-``form`` record every rule of the hub accepts (devkit's plausible values, else a common one)."""
    if form not in _HOSO:
        from devkit.pl01 import plausible
        from station_app.core.pl01_record import LAB_DESK, check_value, written
        from station_app.services.common import pl01_forms

        definition = pl01_forms.form(form)
        values = {}
        for f in definition.fields:
            if f.collected and f.desk != LAB_DESK:
                tried = [written(f, plausible(f)), *([f.codes.codes[0].code] if f.codes else []), *_FALLBACKS]
                values[f.code] = next(v for v in tried if v is not None and not check_value(f, v))
        values.update({c: "c2lnbmF0dXJl" for c in ("CKS_NGUOI_KET_LUAN", "CKS_BENH_VIEN") if c in definition.codes})
        _HOSO[form] = values
    return _HOSO[form]
