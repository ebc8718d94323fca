"""The office service's OpenAPI description, run by schemathesis against the real service on loopback: no request
the description allows makes the service fail (a 5xx). A registered station is there, so generated uploads named
after it reach the batch checks.

Schemathesis' Python API (its operations as Hypothesis strategies) rather than its pytest plugin: the plugin's
lazy schema (``from_fixture``) does not run under pytest 9.2 (it reads a removed ``_nodeid``).
"""
from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
EXAMPLES = 15  # per operation: four operations, ~60 requests


@pytest.fixture
def db_url():
    return None  # SQLite: the description does not depend on the database


def test_no_request_the_description_allows_makes_the_office_service_fail(service, office, data_dir):
    from support.office import connect_station

    connect_station(office, data_dir)  # TYT-MK registered: uploads named TYT-MK-… are read and checked
    schema = schemathesis.openapi.from_url(f"{service.url}/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {f"{o.method.upper()} {o.path}" for o in operations} == {
        "GET /api/v1/health", "GET /api/v1/stations/{code}", "POST /api/v1/batches",
        "GET /api/v1/stations/{code}/national-receipt"}
    for operation in operations:
        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        def no_server_error(case):
            case.call_and_validate(checks=[not_a_server_error])

        no_server_error()
