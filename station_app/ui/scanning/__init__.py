"""Scanner inputs: keyboard-mode and serial scanners, the camera, image files and the clipboard.

Each input emits ``scanned(str)`` with a payload (and the camera and image inputs ``several_found(list)`` when
more than one code is in view). Import the submodules where they are used: QtMultimedia costs a
noticeable part of a second at start-up, and the sign-in screen needs neither.
"""
