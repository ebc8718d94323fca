"""What a USB stick or folder holds of one kind: the office's batches, the station's receipts and national receipts."""
from __future__ import annotations

from station_app.services.common.files import files_named
from station_app.services.office.service import batch_files


def test_a_folder_chosen_as_it_is_gives_its_files_of_that_kind_sorted_and_nothing_below(tmp_path):
    for name in ("TYT-MK-000002.batch", "TYT-MK-000001.batch", "TYT-MK-000001.batch.receipt", "ghi-chu.txt"):
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "cu").mkdir()
    (tmp_path / "cu" / "TYT-MK-000000.batch").write_bytes(b"x")
    assert [p.name for p in files_named(tmp_path, ".batch")] == ["TYT-MK-000001.batch", "TYT-MK-000002.batch"]
    named = tmp_path / "cu" / "TYT-MK-000000.batch"
    assert [p.name for p in batch_files([tmp_path, named])] == [
        "TYT-MK-000001.batch", "TYT-MK-000002.batch", "TYT-MK-000000.batch"]
