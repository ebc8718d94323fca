"""Pages that began here as placeholders and now live in their own modules (re-exported for older imports)."""
from __future__ import annotations

from station_app.ui.pages.export import ExportPage  # noqa: F401 - moved; imported from here by older code
from station_app.ui.pages.lists import ListsPage  # noqa: F401 - moved; imported from here by older code
