"""`station-app campaign show|extend|new`, run as IT staff run it; each change lands in the audit chain."""
import sqlite3

from support.cli import ADMIN, init_station, run_as, run_cli


def _campaign_events(data_dir):
    conn = sqlite3.connect(data_dir / "station.sqlite3")
    try:
        return conn.execute("SELECT action FROM audit_events WHERE entity = 'campaigns' ORDER BY seq").fetchall()
    finally:
        conn.close()


def test_show_extend_and_start_the_next_campaign(data_dir):
    init_station(data_dir)  # the default campaign: 01/05/2026 – 31/12/2026
    shown = run_cli("campaign", "show", data_dir=data_dir)
    assert shown.returncode == 0, shown.stderr
    assert "01/05/2026 – 31/12/2026" in shown.stdout

    extended = run_as(ADMIN, "campaign", "extend", "--to", "31/01/2027", data_dir=data_dir)
    assert extended.returncode == 0, extended.stderr
    assert "31/01/2027" in extended.stdout
    assert "01/05/2026 – 31/01/2027" in run_cli("campaign", "show", data_dir=data_dir).stdout

    new = run_as(ADMIN, "campaign", "new", "--name", "Khám sức khỏe định kỳ 2027", "--start", "2027-02-01", "--end",
                  "2027-12-31", data_dir=data_dir)
    assert new.returncode == 0, new.stderr
    shown = run_cli("campaign", "show", data_dir=data_dir).stdout
    assert "Khám sức khỏe định kỳ 2027" in shown and "01/02/2027 – 31/12/2027" in shown
    assert _campaign_events(data_dir) == [("update",), ("create",)]
    assert run_cli("audit", "verify", data_dir=data_dir).returncode == 0


def test_bad_dates_are_explained_without_a_traceback(data_dir):
    init_station(data_dir)
    typo = run_as(ADMIN, "campaign", "extend", "--to", "31/13/2027", data_dir=data_dir)
    assert typo.returncode == 2 and "YYYY-MM-DD hoặc DD/MM/YYYY" in typo.stderr
    backwards = run_as(ADMIN, "campaign", "new", "--name", "Đợt 2027", "--start", "2027-12-31", "--end", "2027-01-01",
                        data_dir=data_dir)
    assert backwards.returncode == 1 and "Ngày kết thúc" in backwards.stderr and "Traceback" not in backwards.stderr
    assert _campaign_events(data_dir) == []
