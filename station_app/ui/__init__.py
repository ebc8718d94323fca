"""The Qt layer: windows, pages, dialogs and the background-task helper. The only package that imports Qt."""
from station_app.ui.pyside_workaround import protect_singletons

protect_singletons()  # before any Qt call: see pyside_workaround.py
