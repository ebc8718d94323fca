"""The coordinator's export page (``page.ExportPage``), its panels, its widget-free state and its operations.

Re-exported here: what the rest of the window and the tests reach by the package's name (the first-run wizard asks
for the office's bundle with the page's dialog; its test reads the state the page shows)."""
from station_app.ui.pages.export.dialogs import (StationKeyDialog, ask_folder, ask_open_file, ask_receipt_paths,
                                                 confirm_bundle, qr_image)
from station_app.ui.pages.export.operations import load_state
from station_app.ui.pages.export.page import ExportPage
from station_app.ui.pages.export.state import ExportState, local_time
from station_app.ui.pages.export.upload import UploadPanel
from station_app.ui.pages.export.upload_runner import UploadRunner

__all__ = ["ExportPage", "ExportState", "StationKeyDialog", "UploadPanel", "UploadRunner", "ask_folder",
           "ask_open_file", "ask_receipt_paths", "confirm_bundle", "load_state", "local_time", "qr_image"]
