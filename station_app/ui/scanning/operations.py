"""The scanners' decoding as typed operations on the CPU pool: ``tasks.run(ops.decode_picture(picture=p), ...)``."""
from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

from station_app.services.common.decoding import decode_image
from station_app.ui.tasks import Operation

if TYPE_CHECKING:
    from station_app.services.common.decoding import GrayFrame, ImageLike


def decode_picture(*, picture: ImageLike) -> Operation[list[str]]:
    """Every QR payload in an image file, a pasted picture or a screenshot."""
    return Operation(functools.partial(decode_image, picture), lane="cpu")


def decode_frame(decode: Callable[..., list[str]], *, frame: GrayFrame, fallback: bool) -> Operation[list[str]]:
    """The payloads ``decode`` finds in a camera frame; ``fallback`` also tries zbar (every few frames)."""
    return Operation(functools.partial(decode, frame, fallback=fallback), lane="cpu")
