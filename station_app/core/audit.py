"""The audit chain: append-only events, each holding the hash of the one before.

Editing an event changes its hash; deleting one breaks the ``previous`` link or the sequence; deleting the
newest ones is caught against the head (last sequence and hash) kept apart from the events.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

GENESIS = "0" * 64


@dataclass(frozen=True)
class AuditEvent:
    seq: int
    at: str  # UTC ISO 8601
    user_id: str | None
    action: str
    entity: str
    entity_id: str | None
    details: dict = field(default_factory=dict)  # ids and counts only, never personal data
    prev_hash: str = GENESIS
    hash: str = ""


def event_hash(event: AuditEvent) -> str:
    body = {
        "seq": event.seq,
        "at": event.at,
        "user_id": event.user_id,
        "action": event.action,
        "entity": event.entity,
        "entity_id": event.entity_id,
        "details": event.details,
        "prev": event.prev_hash,
    }
    canonical = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def chain(head_seq: int, head_hash: str, **fields: object) -> AuditEvent:
    """The event that follows the head (``0, GENESIS`` for the first), with its hash filled in."""
    draft = AuditEvent(seq=head_seq + 1, prev_hash=head_hash, **fields)  # type: ignore[arg-type]
    return AuditEvent(**{**draft.__dict__, "hash": event_hash(draft)})


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    checked: int
    broken_at: int | None = None  # sequence number where the chain first fails
    reason: str = ""
    anchors: int = 0  # audit heads signed back by the office that the chain was checked against


def verify_chain(events: list[AuditEvent], head_seq: int | None, head_hash: str | None) -> ChainReport:
    """Check events in sequence order against each other and against the recorded head."""
    expected_prev, expected_seq = GENESIS, 1
    for event in events:
        if event.seq != expected_seq:
            return ChainReport(False, expected_seq - 1, expected_seq, "missing")
        if event.prev_hash != expected_prev:
            return ChainReport(False, expected_seq - 1, event.seq, "relinked")
        if event_hash(event) != event.hash:
            return ChainReport(False, expected_seq - 1, event.seq, "edited")
        expected_prev, expected_seq = event.hash, expected_seq + 1
    last_seq = expected_seq - 1
    if (head_seq or 0) != last_seq or (head_seq and head_hash != expected_prev):
        return ChainReport(False, last_seq, last_seq + 1, "truncated")
    return ChainReport(True, last_seq)


# -- anchors: the chain's head as someone outside the station saw it ----------------------------------------------

@dataclass(frozen=True)
class AuditAnchor:
    """The audit head (sequence and hash) at the moment a batch was made: carried in the signed manifest, held by
    the office, and brought back in its signed receipt."""

    seq: int
    hash: str


def check_anchors(events: list[AuditEvent], anchors: list[AuditAnchor]) -> ChainReport | None:
    """The first anchor the events no longer hold, as a failed report; None when every anchor holds.

    A chain cut back and its head moved back no longer reaches an anchor ("rewound"); an event rewritten with
    every later hash recomputed changes the hash at each anchor after it ("rewritten"). What happened after the
    newest anchor cannot be checked this way: the next batch carries it out.
    """
    by_seq = {e.seq: e.hash for e in events}
    last = max(by_seq, default=0)
    for anchor in sorted(anchors, key=lambda a: a.seq):
        if anchor.seq > last:
            return ChainReport(False, last, last + 1, "rewound")
        if anchor.seq and by_seq.get(anchor.seq) != anchor.hash:
            return ChainReport(False, 0, anchor.seq, "rewritten")
    return None
