"""Entry point of the bundled program (PyInstaller runs this file; the same as ``python -m station_app``)."""
import sys

from station_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
