"""The coordinator's export page (``page.ExportPage``), its panels, its widget-free state (``state``) and its
operations (``operations``). Nothing is re-exported here: importing one module (the window's ``upload_runner`` at
sign-in, the wizard's ``dialogs``) loads only what it needs."""
