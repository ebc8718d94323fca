"""The coordinator's lists page (``page.ListsPage``), its panels, its widget-free state and its operations."""
from station_app.ui.pages.lists.actions import ask_follow_up_note
from station_app.ui.pages.lists.page import ListsPage
from station_app.ui.pages.lists.state import LIST_FOLDER

__all__ = ["LIST_FOLDER", "ListsPage", "ask_follow_up_note"]
