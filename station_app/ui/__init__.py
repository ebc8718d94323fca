"""The Qt layer: windows, pages, dialogs and the background-task helper. The only package that imports Qt."""
