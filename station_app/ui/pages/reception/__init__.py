"""The reception desk ("Tiếp đón"): ``ReceptionPage`` and its parts.

``page`` arranges the panels (``search``: the search field and its results, ``card``: the person at the desk,
``panels``: the results and the queue, ``slips``: printing); ``desk`` shows what a scan leads to, decided by the
widget-free ``state``; ``operations`` are the use cases run in the background.
"""
from station_app.ui.pages.reception.card import ResidentCard
from station_app.ui.pages.reception.desk import scan_sentence
from station_app.ui.pages.reception.models import QueueTableModel, ResidentsTableModel
from station_app.ui.pages.reception.operations import PAGE_SIZE
from station_app.ui.pages.reception.page import ReceptionPage
from station_app.ui.pages.reception.search import PREVIEW_AFTER_MS, SEARCH_DEBOUNCE_MS

__all__ = ["PAGE_SIZE", "PREVIEW_AFTER_MS", "SEARCH_DEBOUNCE_MS", "QueueTableModel", "ReceptionPage", "ResidentCard",
           "ResidentsTableModel", "scan_sentence"]
