import dataclasses

from hypothesis import given
from hypothesis import strategies as st

from station_app.core.audit import GENESIS, chain, verify_chain


def _events(n: int):
    events, seq, head = [], 0, GENESIS
    for i in range(n):
        e = chain(seq, head, at=f"2026-05-01T08:00:{i:02d}", user_id="u1", action="update", entity="visits",
                  entity_id=f"v{i}", details={"n": i})
        events.append(e)
        seq, head = e.seq, e.hash
    return events


def test_an_intact_chain_verifies():
    events = _events(5)
    report = verify_chain(events, 5, events[-1].hash)
    assert report.ok and report.checked == 5


def test_an_edited_event_is_found():
    events = _events(5)
    events[2] = dataclasses.replace(events[2], details={"n": 99})
    report = verify_chain(events, 5, events[-1].hash)
    assert not report.ok and report.broken_at == 3 and report.reason == "edited"


def test_a_deleted_event_is_found():
    events = _events(5)
    del events[1]
    report = verify_chain(events, 5, events[-1].hash)
    assert not report.ok and report.broken_at == 2 and report.reason == "missing"


def test_deleting_the_last_events_is_found_through_the_head():
    events = _events(5)
    report = verify_chain(events[:3], 5, events[-1].hash)
    assert not report.ok and report.reason == "truncated"


@given(st.integers(min_value=1, max_value=12), st.data())
def test_any_single_edit_breaks_the_chain_at_that_event(n, data):
    events = _events(n)
    i = data.draw(st.integers(min_value=0, max_value=n - 1))
    events[i] = dataclasses.replace(events[i], entity_id="tampered")
    report = verify_chain(events, n, events[-1].hash)
    assert not report.ok and report.broken_at == i + 1
