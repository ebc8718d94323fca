"""Wine only: makes a Unix folder a drive letter of a given kind, as winecfg does, through the mount manager's Wine
extension IOCTL_MOUNTMGR_DEFINE_UNIX_DRIVE (include/ddk/mountmgr.h). A plain dosdevices symbolic link is always a
fixed disk to GetDriveTypeW; this makes E: a removable drive ("a USB stick") for `make win-test`.
  python define_drive.py E: /unix/folder [removable|fixed|cdrom]
"""
import ctypes
import struct
import sys
from ctypes import wintypes

KINDS = {"removable": 2, "fixed": 3, "cdrom": 5}  # GetDriveTypeW's DRIVE_* numbers
IOCTL_MOUNTMGR_DEFINE_UNIX_DRIVE = (ord("m") << 16) | (3 << 14) | (32 << 2)  # CTL_CODE('m', 32, BUFFERED, R|W)


def define(letter: str, unix_path: str, kind: str) -> None:
    path = unix_path.encode() + b"\0"
    header = struct.Struct("<IIIIQHHHH")  # size, type, fs_type, serial, unix_dev, letter, 3 offsets
    size = header.size + len(path)
    buffer = header.pack(size, KINDS[kind], 0, 0, 0, ord(letter[0].lower()), header.size, 0, 0) + path
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.CreateFileW.restype = wintypes.HANDLE
    manager = kernel32.CreateFileW("\\\\.\\MountPointManager", 0xC0000000, 3, None, 3, 0, None)
    if manager in (None, wintypes.HANDLE(-1).value):
        raise SystemExit(f"the mount manager did not open (error {ctypes.get_last_error()})")
    done = wintypes.DWORD()
    if not kernel32.DeviceIoControl(wintypes.HANDLE(manager), IOCTL_MOUNTMGR_DEFINE_UNIX_DRIVE, buffer, size,
                                    None, 0, ctypes.byref(done), None):
        raise SystemExit(f"the mount manager refused {letter} (error {ctypes.get_last_error()})")
    kernel32.CloseHandle(wintypes.HANDLE(manager))
    got = kernel32.GetDriveTypeW(f"{letter[0]}:\\")
    if got != KINDS[kind]:
        raise SystemExit(f"{letter} is drive type {got}, not {KINDS[kind]}")
    print(f"{letter[0].upper()}: = {unix_path} ({kind}, GetDriveTypeW {got})")


if __name__ == "__main__":
    define(sys.argv[1], sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else "removable")
