"""Entry point of the bundled program (PyInstaller runs this file; the same as ``python -m station_app``)."""
import os
import sys

from station_app.cli import main

if __name__ == "__main__":
    # The windowed Windows program (station-app.exe, for the shortcuts) has no console: sys.stdout and sys.stderr
    # are None there, and a message printed by a command started through it must not become an AttributeError.
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 (open for the whole run)
    sys.exit(main())
