"""Self-test of a laptop before it goes to a site: each check gives OK, a warning or a failure, with one sentence
that says it is fine or what to do.

``run_self_test`` is the use case (the ``station-app self-test`` command and the "Kiểm tra máy" button of the
admin page). It only reads the data folder: the database is checked on a copy, and everything else it makes goes
into a scratch folder deleted afterwards. The cameras, serial ports and printers are listed by the caller (only the
Qt layer may load QtMultimedia, QtSerialPort and QtPrintSupport) and passed in as ``devices``. Logs carry check names
and outcomes only.
"""
from __future__ import annotations

import datetime as dt
import functools
import logging
import shutil
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from station_app.core.errors import DatabaseCorruptError, DatabaseInUseError, DatabaseTooNewError, ImageUnreadableError
from station_app.core.i18n import QT_TRANSLATE_NOOP
from station_app.core.text import number
from station_app.resources import resource

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from station_app.persistence.self_check import CampaignDates, DatabaseProbe
    from station_app.services.exchange.keys import StationKeys

log = logging.getLogger(__name__)
CONTEXT = "self_test"  # translation context of every name and sentence here
QR_RESOURCE = ("self-test", "self-test-qr.png")
QR_TEXT = "station-app self-test: Kiểm tra máy quét mã QR — ễ ư ơ đ ạ"  # what the shipped picture holds
VIETNAMESE_LETTERS = "ễươđạỄƯƠĐẠ"
FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
PDF_TEXT = "Kiểm tra in: Nguyễn Thị Hồng, Đèo Văn Ưng, bơ, lạ"
GIB, MIB = 1024 ** 3, 1024 ** 2
WARN_BELOW, FAIL_BELOW = 1 * GIB, 200 * MIB
VIETNAM_OFFSET = dt.timedelta(hours=7)  # visit dates are the laptop's local dates: its clock must be Vietnam's
EARLIEST_SANE = dt.date(2026, 1, 1)  # the campaign began in 2026: a clock before it was reset (a flat CMOS battery)
CLOCK_SLACK = dt.timedelta(minutes=5)


class CheckStatus(StrEnum):
    OK = "ok"
    WARN = "warn"
    FAIL = "fail"


@dataclass(frozen=True)
class CheckResult:
    """One line of the report. ``name`` and ``template`` are Vietnamese, marked for translation (context
    ``self_test``); ``values`` fill the template's fields and hold no personal data."""

    key: str
    name: str
    status: CheckStatus
    template: str
    values: Mapping[str, object] = field(default_factory=dict)

    @property
    def line(self) -> str:
        """The Vietnamese sentence: OK, or what to do."""
        return self.template.format(**self.values)


@dataclass(frozen=True)
class Devices:
    """The cameras and serial ports the system lists, as ``(name, description)`` pairs, whether the camera
    back-end (Qt Multimedia's FFmpeg plugin) loaded (without it no camera is ever listed or read), and the printers
    installed with the default one's name."""

    cameras: tuple[tuple[str, str], ...]
    serial_ports: tuple[tuple[str, str], ...]
    camera_backend: bool = True
    printers: tuple[str, ...] = ()
    default_printer: str | None = None


def run_self_test(data_dir: Path, *, devices: Callable[[], Devices] | None = None,
                  now_free: Callable[[Path], int] | None = None,
                  now: Callable[[], dt.datetime] | None = None) -> list[CheckResult]:
    """Every check, in the order the report shows them. ``devices`` lists the cameras and serial ports (None: the
    hardware line says it was not checked); ``now_free`` gives the free bytes of a folder and ``now`` the laptop's
    local time, aware (tests replace them)."""
    data_dir = Path(data_dir)
    probe: DatabaseProbe | None = None  # what the database line found, for the station's lines after it
    if devices is not None:
        devices = functools.cache(devices)  # listed once for the camera, COM port and printer lines

    def database() -> CheckResult:
        nonlocal probe
        result, probe = check_database(data_dir, work / "db")
        return result

    def set_up() -> bool:  # whether a station is set up: the key and roster lines have nothing to check before
        return probe is not None and probe.station_set_up

    with tempfile.TemporaryDirectory(prefix="station-self-test-") as scratch:
        work = Path(scratch)
        results = [_guarded("database", database)]
        checks: list[tuple[str, Callable[[], CheckResult]]] = [
            ("font", check_font),
            ("decoders", check_decoders),
            ("pdf", lambda: check_pdf(work)),
            ("signature", lambda: check_signature(data_dir, set_up())),
            ("encryption", check_encryption),
            ("cameras", lambda: check_cameras(devices)),
            ("serial_ports", lambda: check_serial_ports(devices)),
            ("printer", lambda: check_printer(devices, data_dir)),
            ("disk", lambda: check_disk(data_dir, now_free or _free_bytes)),
            ("clock", lambda: check_clock((now or _local_now)(), probe.last_recorded if probe else None)),
            ("campaign", lambda: check_campaign(probe.campaign if probe and set_up() else None,
                                                (now or _local_now)().date())),
            ("office_bundle", lambda: check_office_bundle(data_dir, set_up())),
            ("station_key", lambda: check_station_key(data_dir, set_up())),
            ("roster", lambda: check_roster(probe if set_up() else None)),
            ("audit", lambda: check_audit(probe if set_up() else None)),
        ]
        results += [_guarded(key, check) for key, check in checks]
    counts = {s: sum(r.status is s for r in results) for s in CheckStatus}
    log.info("self-test: %d ok, %d warnings, %d failures (%s)", counts[CheckStatus.OK], counts[CheckStatus.WARN],
             counts[CheckStatus.FAIL], ", ".join(f"{r.key}={r.status.value}" for r in results))
    return results


def failed(results: list[CheckResult]) -> bool:
    return any(r.status is CheckStatus.FAIL for r in results)


MARKS = {CheckStatus.OK: "[  OK  ]", CheckStatus.WARN: "[CHÚ Ý ]", CheckStatus.FAIL: "[ LỖI  ]"}


def report_text(results: list[CheckResult], data_dir: Path, *, version: str) -> str:
    """The report the command prints: one line per check, then what it means for taking the laptop out."""
    lines = [f"Kiểm tra máy — station-app {version}", f"Thư mục dữ liệu: {data_dir}", ""]
    lines += [f"{MARKS[r.status]} {r.name} — {r.line}" for r in results]
    fails = sum(r.status is CheckStatus.FAIL for r in results)
    warns = sum(r.status is CheckStatus.WARN for r in results)
    lines.append("")
    if fails:
        lines.append(f"KẾT QUẢ: {fails} lỗi, {warns} chú ý. Máy CHƯA sẵn sàng: hãy làm theo các dòng LỖI ở trên rồi "
                     "kiểm tra lại.")
    elif warns:
        lines.append(f"KẾT QUẢ: không có lỗi, {warns} chú ý. Máy dùng được; hãy đọc các dòng CHÚ Ý ở trên.")
    else:
        lines.append("KẾT QUẢ: mọi mục đều đạt. Máy sẵn sàng.")
    return "\n".join(lines)


_NAMES = {
    "database": QT_TRANSLATE_NOOP("self_test", "Cơ sở dữ liệu"),
    "font": QT_TRANSLATE_NOOP("self_test", "Phông chữ tiếng Việt"),
    "decoders": QT_TRANSLATE_NOOP("self_test", "Đọc mã QR"),
    "pdf": QT_TRANSLATE_NOOP("self_test", "In ra tệp PDF"),
    "signature": QT_TRANSLATE_NOOP("self_test", "Chữ ký số"),
    "encryption": QT_TRANSLATE_NOOP("self_test", "Mã hoá dữ liệu"),
    "cameras": QT_TRANSLATE_NOOP("self_test", "Camera"),
    "serial_ports": QT_TRANSLATE_NOOP("self_test", "Cổng COM (máy quét)"),
    "printer": QT_TRANSLATE_NOOP("self_test", "Máy in"),
    "disk": QT_TRANSLATE_NOOP("self_test", "Dung lượng ổ đĩa"),
    "office_bundle": QT_TRANSLATE_NOOP("self_test", "Gói khoá của cơ quan y tế"),
    "station_key": QT_TRANSLATE_NOOP("self_test", "Khoá của trạm"),
    "clock": QT_TRANSLATE_NOOP("self_test", "Ngày giờ của máy"),
    "roster": QT_TRANSLATE_NOOP("self_test", "Danh sách người dân"),
    "campaign": QT_TRANSLATE_NOOP("self_test", "Đợt khám"),
    "audit": QT_TRANSLATE_NOOP("self_test", "Nhật ký kiểm tra"),
}


def _result(key: str, status: CheckStatus, template: str, **values: object) -> CheckResult:
    return CheckResult(key, _NAMES[key], status, template, values)


def _guarded(key: str, check: Callable[[], CheckResult]) -> CheckResult:
    """A check that breaks in an unexpected way fails its own line; the others still run."""
    try:
        return check()
    except Exception:  # noqa: BLE001 - the report must reach the end; the log keeps the traceback
        log.exception("self-test check %s raised", key)
        return _result(key, CheckStatus.FAIL, QT_TRANSLATE_NOOP(
            "self_test", "Lỗi ngoài dự kiến khi kiểm tra. Hãy cài lại ứng dụng; nếu vẫn lỗi, gửi tệp nhật ký (thư mục "
                         "logs trong thư mục dữ liệu) cho cán bộ hỗ trợ."))


# -- the checks ---------------------------------------------------------------------------------------------------

def check_database(data_dir: Path, scratch: Path) -> tuple[CheckResult, DatabaseProbe | None]:
    """Open, migrate to the newest revision and write: on a copy when a database exists, on a fresh one if not.
    Also gives what the probe found (whether a station is set up, the roster, the newest record; None when the
    database could not be opened)."""
    from station_app.persistence.self_check import probe_database

    scratch.mkdir(parents=True, exist_ok=True)
    try:
        probe = probe_database(data_dir, scratch)
    except DatabaseCorruptError:
        return _result("database", CheckStatus.FAIL, QT_TRANSLATE_NOOP(
            "self_test", "Tệp cơ sở dữ liệu bị hỏng. Không dùng máy này; hãy khôi phục từ bản sao lưu (thư mục "
                         "backups) với sự giúp đỡ của cán bộ hỗ trợ.")), None
    except DatabaseTooNewError:
        return _result("database", CheckStatus.FAIL, QT_TRANSLATE_NOOP(
            "self_test", "Dữ liệu do phiên bản ứng dụng mới hơn tạo ra. Hãy cài phiên bản mới nhất của ứng dụng.")
        ), None
    except DatabaseInUseError:
        return _result("database", CheckStatus.WARN, QT_TRANSLATE_NOOP(
            "self_test", "Cơ sở dữ liệu đang bận (đang ghi). Hãy chờ một lát rồi kiểm tra lại.")), None
    return _database_line(probe), probe


def _database_line(probe: DatabaseProbe) -> CheckResult:
    if not probe.wrote:
        return _result("database", CheckStatus.FAIL, QT_TRANSLATE_NOOP(
            "self_test", "Không ghi được vào cơ sở dữ liệu. Hãy kiểm tra ổ đĩa rồi kiểm tra lại."))
    if not probe.found:
        return _result("database", CheckStatus.OK, QT_TRANSLATE_NOOP(
            "self_test", "OK: tạo, nâng cấp và ghi được cơ sở dữ liệu mới (phiên bản {revision}). Trạm chưa được "
                         "thiết lập."), revision=probe.revision_after)
    if probe.revision_before == probe.revision_after:
        return _result("database", CheckStatus.OK, QT_TRANSLATE_NOOP(
            "self_test", "OK: mở và ghi được (phiên bản {after}, kiểm tra trên một bản sao; dữ liệu thật không bị "
                         "thay đổi)."), after=probe.revision_after)
    return _result("database", CheckStatus.OK, QT_TRANSLATE_NOOP(
        "self_test", "OK: mở, nâng cấp (phiên bản {before} → {after}) và ghi được trên một bản sao; dữ liệu thật "
                     "được nâng cấp khi mở ứng dụng."), before=probe.revision_before or "-", after=probe.revision_after)


def check_font() -> CheckResult:
    """The shipped TTF files load (reportlab, as the printouts do) and have the Vietnamese letters."""
    from reportlab.pdfbase.ttfonts import TTFont

    for name in FONT_FILES:
        try:
            glyphs = TTFont(f"SelfTest-{name}", str(resource("fonts", name))).face.charToGlyph
        except (OSError, ValueError, AssertionError):  # reportlab reports a damaged TTF as one of these
            return _result("font", CheckStatus.FAIL, QT_TRANSLATE_NOOP(
                "self_test", "Thiếu hoặc hỏng tệp phông chữ {file}. Hãy cài lại ứng dụng."), file=name)
        missing = [ch for ch in VIETNAMESE_LETTERS if ord(ch) not in glyphs]
        if missing:
            return _result("font", CheckStatus.FAIL, QT_TRANSLATE_NOOP(
                "self_test", "Phông chữ {file} thiếu chữ {letters}. Hãy cài lại ứng dụng."),
                file=name, letters=" ".join(missing))
    return _result("font", CheckStatus.OK, QT_TRANSLATE_NOOP(
        "self_test", "OK: phông chữ hiển thị và in được đủ dấu tiếng Việt ({letters})."),
        letters=" ".join(VIETNAMESE_LETTERS[:5]))


def qr_image_path() -> Path:
    """The QR picture shipped for this check (tests point it at a damaged copy)."""
    return resource(*QR_RESOURCE)


def check_decoders() -> CheckResult:
    """Both decoders (zxing-cpp, then zbar on its own) read the shipped QR picture to the expected text."""
    from station_app.services.common.decoding import to_grayscale, zbar_payloads, zxing_payloads

    try:
        gray = to_grayscale(qr_image_path())
    except (FileNotFoundError, ImageUnreadableError):
        return _result("decoders", CheckStatus.FAIL, QT_TRANSLATE_NOOP(
            "self_test", "Ảnh mã QR mẫu của ứng dụng bị thiếu hoặc hỏng nên không kiểm tra được bộ đọc mã. Hãy cài "
                         "lại ứng dụng."))
    for decoder, read in (("zxing-cpp", zxing_payloads), ("zbar", zbar_payloads)):
        try:
            found = read(gray)
        except (ImportError, OSError, RuntimeError):  # pyzbar without libzbar, or a zbar too old for binary mode
            found = None
        if found != [QR_TEXT]:
            return _result("decoders", CheckStatus.FAIL, QT_TRANSLATE_NOOP(
                "self_test", "Bộ đọc mã {decoder} không đọc được ảnh mã QR mẫu. Máy quét bằng camera và ảnh sẽ không "
                             "dùng được; hãy cài lại ứng dụng (trên Linux: gói libzbar0)."), decoder=decoder)
    return _result("decoders", CheckStatus.OK, QT_TRANSLATE_NOOP(
        "self_test", "OK: cả hai bộ đọc mã (zxing-cpp và zbar) đọc đúng ảnh mã QR mẫu."))


def check_pdf(scratch: Path) -> CheckResult:
    """A one-page PDF with Vietnamese text, made as the slips are (reportlab, the shipped font), read back."""
    from station_app.services.common.slip_pdf import FONT, _register_fonts

    from reportlab.lib.pagesizes import A6
    from reportlab.pdfgen.canvas import Canvas

    target = scratch / "kiem-tra-in.pdf"
    _register_fonts()
    pdf = Canvas(str(target), pagesize=A6)
    pdf.setFont(FONT, 10)
    pdf.drawString(20, 200, PDF_TEXT)
    pdf.save()
    if _pdf_text(target) != PDF_TEXT:
        return _result("pdf", CheckStatus.FAIL, QT_TRANSLATE_NOOP(
            "self_test", "Tệp PDF in thử không đọc lại được đúng chữ tiếng Việt. Hãy cài lại ứng dụng."))
    return _result("pdf", CheckStatus.OK, QT_TRANSLATE_NOOP(
        "self_test", "OK: in thử ra tệp PDF và đọc lại được đúng chữ tiếng Việt."))


def _pdf_text(path: Path) -> str:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    try:
        if len(document) != 1:
            return ""
        page = document[0]
        text = page.get_textpage().get_text_range()
        return " ".join(text.split())
    finally:
        document.close()


def check_signature(data_dir: Path, set_up: bool) -> CheckResult:
    """Ed25519 sign and verify: with the station's own key when there is one (what exports use)."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from station_app.services.exchange.keys import StationKeys, verify_signature

    key = _station_key(StationKeys(data_dir)) if set_up else None
    key = key or Ed25519PrivateKey.generate()  # the station key's own trouble is the station key line's
    data = QR_TEXT.encode("utf-8")
    signature = key.sign(data)
    if not verify_signature(key.public_key(), signature, data=data) or verify_signature(key.public_key(), signature,
                                                                                        data=data + b"!"):
        return _result("signature", CheckStatus.FAIL, QT_TRANSLATE_NOOP(
            "self_test", "Ký số thử không kiểm tra lại được. Hãy cài lại ứng dụng."))
    return _result("signature", CheckStatus.OK, QT_TRANSLATE_NOOP(
        "self_test", "OK: ký số (Ed25519) và kiểm tra chữ ký được."))


def _station_key(keys: StationKeys) -> Ed25519PrivateKey | None:
    try:
        return keys.private_key() if keys.has_station_key() else None
    except ValueError:
        return None


def check_encryption() -> CheckResult:
    """age (X25519) encrypt to a throwaway identity and decrypt again, as export and the office do."""
    from pyrage import decrypt, encrypt, x25519

    identity = x25519.Identity.generate()
    data = PDF_TEXT.encode("utf-8") * 50
    if decrypt(encrypt(data, [identity.to_public()]), [identity]) != data:
        return _result("encryption", CheckStatus.FAIL, QT_TRANSLATE_NOOP(
            "self_test", "Mã hoá rồi giải mã thử không ra đúng dữ liệu. Hãy cài lại ứng dụng."))
    return _result("encryption", CheckStatus.OK, QT_TRANSLATE_NOOP(
        "self_test", "OK: mã hoá và giải mã thử (age) đúng."))


def check_cameras(devices: Callable[[], Devices] | None) -> CheckResult:
    found = _listed(devices)
    if found is None:
        return _result("cameras", CheckStatus.WARN, QT_TRANSLATE_NOOP(
            "self_test", "Không liệt kê được camera trên máy này. Nếu trạm quét mã bằng camera, hãy thử trong cửa sổ "
                         "ứng dụng: Quản trị → Kiểm tra máy."))
    if not found.camera_backend:
        return _result("cameras", CheckStatus.FAIL, QT_TRANSLATE_NOOP(
            "self_test", "Phần đọc camera của ứng dụng không chạy được (bản cài thiếu hoặc hỏng tệp): camera sẽ không "
                         "quét được mã. Hãy cài lại ứng dụng từ bộ cài; nếu vẫn lỗi, báo cho bộ phận kỹ thuật."))
    if not found.cameras:
        return _result("cameras", CheckStatus.WARN, QT_TRANSLATE_NOOP(
            "self_test", "Không thấy camera nào. Nếu trạm quét mã bằng camera, hãy cắm camera rồi kiểm tra lại; nếu "
                         "dùng máy quét thì bỏ qua dòng này."))
    return _result("cameras", CheckStatus.OK, QT_TRANSLATE_NOOP("self_test", "OK: {count} camera: {names}."),
                   count=len(found.cameras), names="; ".join(d or n for n, d in found.cameras))


def check_serial_ports(devices: Callable[[], Devices] | None) -> CheckResult:
    found = _listed(devices)
    if found is None:
        return _result("serial_ports", CheckStatus.WARN, QT_TRANSLATE_NOOP(
            "self_test", "Không liệt kê được cổng COM trên máy này. Nếu trạm dùng máy quét cổng COM, hãy thử trong "
                         "cửa sổ ứng dụng: Quản trị → Kiểm tra máy."))
    if not found.serial_ports:
        return _result("serial_ports", CheckStatus.WARN, QT_TRANSLATE_NOOP(
            "self_test", "Không thấy cổng COM nào. Nếu trạm dùng máy quét cổng COM, hãy cắm máy quét rồi kiểm tra "
                         "lại; máy quét dạng bàn phím không cần cổng COM."))
    return _result("serial_ports", CheckStatus.OK, QT_TRANSLATE_NOOP("self_test", "OK: {count} cổng: {names}."),
                   count=len(found.serial_ports),
                   names="; ".join(f"{n} ({d})" if d else n for n, d in found.serial_ports))


def check_printer(devices: Callable[[], Devices] | None, data_dir: Path) -> CheckResult:
    """Whether a printer is installed and which is the default: slips print at once on it, or are saved as PDFs."""
    from station_app.services.common.slip_pdf import SAVED_SLIPS_FOLDER

    found = _listed(devices)
    if found is None:
        return _result("printer", CheckStatus.WARN, QT_TRANSLATE_NOOP(
            "self_test", "Không liệt kê được máy in trên máy này. Hãy thử trong cửa sổ ứng dụng: Quản trị → Kiểm tra "
                         "máy."))
    if not found.printers:
        return _result("printer", CheckStatus.WARN, QT_TRANSLATE_NOOP(
            "self_test", "Chưa cài máy in nào: phiếu khám sẽ được lưu thành tệp PDF trong thư mục {folder}. Nếu trạm "
                         "in phiếu, hãy cài máy in, đặt làm máy in mặc định rồi kiểm tra lại."),
            folder=data_dir / SAVED_SLIPS_FOLDER)
    if not found.default_printer:
        return _result("printer", CheckStatus.WARN, QT_TRANSLATE_NOOP(
            "self_test", "{count} máy in ({names}) nhưng chưa có máy in mặc định, nên mỗi phiếu khám sẽ hỏi máy in. "
                         "Hãy đặt máy in phiếu làm máy in mặc định rồi kiểm tra lại."),
            count=len(found.printers), names="; ".join(found.printers))
    return _result("printer", CheckStatus.OK, QT_TRANSLATE_NOOP(
        "self_test", "OK: máy in mặc định: {default} ({count} máy in)."),
        default=found.default_printer, count=len(found.printers))


def _listed(devices: Callable[[], Devices] | None) -> Devices | None:
    if devices is None:
        return None
    try:
        return devices()
    except Exception:  # noqa: BLE001 - a missing multimedia back-end is a warning, not a broken laptop
        log.warning("self-test: the cameras, serial ports and printers could not be listed", exc_info=True)
        return None


def _free_bytes(folder: Path) -> int:
    return shutil.disk_usage(folder).free


def check_disk(data_dir: Path, free_bytes: Callable[[Path], int]) -> CheckResult:
    """Free space where the data folder is (or will be: its nearest existing parent)."""
    folder = next(p for p in (data_dir, *data_dir.parents) if p.exists())
    free = free_bytes(folder)
    shown = {"free": _size_text(free)}
    if free < FAIL_BELOW:
        return _result("disk", CheckStatus.FAIL, QT_TRANSLATE_NOOP(
            "self_test", "Ổ chứa dữ liệu chỉ còn {free} trống: không đủ để làm việc an toàn. Hãy xoá bớt tệp không "
                         "cần (cần trên 1 GB) rồi kiểm tra lại."), **shown)
    if free < WARN_BELOW:
        return _result("disk", CheckStatus.WARN, QT_TRANSLATE_NOOP(
            "self_test", "Ổ chứa dữ liệu còn {free} trống. Nên giải phóng để còn trên 1 GB trước khi lên điểm khám."),
            **shown)
    return _result("disk", CheckStatus.OK, QT_TRANSLATE_NOOP("self_test", "OK: còn {free} trống."), **shown)


def _size_text(size: int) -> str:
    if size >= GIB:
        return f"{size / GIB:.1f} GB".replace(".", ",")
    return f"{size // MIB} MB"


def check_office_bundle(data_dir: Path, set_up: bool) -> CheckResult:
    from station_app.core.batch_format import OfficeBundleInvalidError
    from station_app.services.exchange.keys import StationKeys

    if not set_up:
        return _not_set_up("office_bundle")
    try:
        bundle = StationKeys(data_dir).office_bundle()
    except OfficeBundleInvalidError:
        return _result("office_bundle", CheckStatus.FAIL, QT_TRANSLATE_NOOP(
            "self_test", "Tệp gói khoá của cơ quan y tế bị hỏng. Hãy nhập lại tệp office-bundle.json (hoặc ảnh mã QR "
                         "của nó) ở trang Xuất dữ liệu."))
    if bundle is None:
        return _result("office_bundle", CheckStatus.WARN, QT_TRANSLATE_NOOP(
            "self_test", "Chưa nhập gói khoá của cơ quan y tế nên chưa xuất được dữ liệu. Hãy nhập tệp "
                         "office-bundle.json (hoặc ảnh mã QR office-bundle.png) ở trang Xuất dữ liệu trước khi lên "
                         "điểm khám."))
    return _result("office_bundle", CheckStatus.OK, QT_TRANSLATE_NOOP(
        "self_test", "OK: đã nhập gói khoá của {office}."), office=bundle.name)


def check_station_key(data_dir: Path, set_up: bool) -> CheckResult:
    from station_app.services.exchange.keys import StationKeys

    if not set_up:
        return _not_set_up("station_key")
    keys = StationKeys(data_dir)
    if not keys.has_station_key():
        return _result("station_key", CheckStatus.FAIL, QT_TRANSLATE_NOOP(
            "self_test", "Không thấy khoá của trạm (thư mục keys). Hãy chép lại thư mục keys từ bản sao lưu; nếu "
                         "không có, quản trị viên chạy 'station-app keys rotate' để tạo khoá mới và gửi khoá công "
                         "khai cho cơ quan y tế đăng ký lại."))
    try:
        public = keys.public_key()
    except ValueError:
        return _result("station_key", CheckStatus.FAIL, QT_TRANSLATE_NOOP(
            "self_test", "Tệp khoá của trạm bị hỏng. Hãy chép lại thư mục keys từ bản sao lưu; nếu không có, quản "
                         "trị viên chạy 'station-app keys rotate' để tạo khoá mới."))
    return _result("station_key", CheckStatus.OK, QT_TRANSLATE_NOOP("self_test", "OK: mã khoá {short}."),
                   short=public.short_id)


def _local_now() -> dt.datetime:
    return dt.datetime.now().astimezone()


def check_clock(now: dt.datetime, last_recorded: dt.datetime | None) -> CheckResult:
    """The laptop's date, time and time zone: visit dates, queue days and the audit trail take them as they are.
    ``now`` is the local time, aware; ``last_recorded`` the newest audit event of the station (UTC), if any."""
    shown = f"{now:%d/%m/%Y %H:%M}"
    if now.date() < EARLIEST_SANE:
        return _result("clock", CheckStatus.FAIL, QT_TRANSLATE_NOOP(
            "self_test", "Ngày giờ của máy sai ({now}). Hãy đặt lại ngày giờ cho đúng rồi kiểm tra lại; nếu máy "
                         "hay bị sai giờ sau khi tắt, cần thay pin đồng hồ (pin CMOS)."), now=shown)
    if last_recorded is not None and now < last_recorded - CLOCK_SLACK:
        last = last_recorded.astimezone(now.tzinfo)
        return _result("clock", CheckStatus.FAIL, QT_TRANSLATE_NOOP(
            "self_test", "Đồng hồ của máy ({now}) đang chậm hơn lần ghi dữ liệu gần nhất ({last}). Hãy đặt lại "
                         "ngày giờ cho đúng rồi kiểm tra lại."), now=shown, last=f"{last:%d/%m/%Y %H:%M}")
    offset = now.utcoffset() or dt.timedelta(0)
    if offset != VIETNAM_OFFSET:
        return _result("clock", CheckStatus.WARN, QT_TRANSLATE_NOOP(
            "self_test", "Múi giờ của máy là {zone}, không phải giờ Việt Nam (UTC+07:00), nên ngày khám có thể bị "
                         "ghi lệch một ngày. Hãy đặt múi giờ “(UTC+07:00) Bangkok, Hanoi, Jakarta” (Windows) hoặc "
                         "Asia/Ho_Chi_Minh (Linux)."), zone=_utc_offset(offset))
    return _result("clock", CheckStatus.OK, QT_TRANSLATE_NOOP(
        "self_test", "OK: {now}, giờ Việt Nam. Hãy nhìn lại xem đúng ngày giờ chưa."), now=shown)


def _utc_offset(offset: dt.timedelta) -> str:
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def check_roster(probe: DatabaseProbe | None) -> CheckResult:
    """Whether the commune's roster is on the laptop: without it, residents without a card cannot be found by name
    and the lists of those not yet examined are empty. ``probe`` is None before the station is set up."""
    if probe is None:
        return _not_set_up("roster")
    if probe.residents == 0:
        return _result("roster", CheckStatus.WARN, QT_TRANSLATE_NOOP(
            "self_test", "Chưa có danh sách người dân của xã. Hãy nhập danh sách (trang Danh sách → Nhập danh sách "
                         "người dân…) trước khi lên điểm khám, để tìm được người không mang thẻ và in được danh "
                         "sách chưa khám."))
    return _result("roster", CheckStatus.OK, QT_TRANSLATE_NOOP(
        "self_test", "OK: {residents} người dân, {villages} thôn/bản."),
        residents=number(probe.residents), villages=number(probe.villages))


def check_campaign(campaign: CampaignDates | None, today: dt.date) -> CheckResult:
    """Whether today is inside the station's current campaign: visits are opened only then. ``campaign`` is None
    before the station is set up."""
    from station_app.services.station.campaigns import CampaignInfo, CampaignState

    if campaign is None:
        return _not_set_up("campaign")
    shown = {"name": campaign.name, "start": f"{campaign.start:%d/%m/%Y}", "end": f"{campaign.end:%d/%m/%Y}",
             "today": f"{today:%d/%m/%Y}"}
    state = CampaignInfo("", campaign.name, campaign.start.year, campaign.start, campaign.end, today).state
    if state is CampaignState.ENDED:
        return _result("campaign", CheckStatus.WARN, QT_TRANSLATE_NOOP(
            "self_test", "Đợt khám “{name}” đã kết thúc ngày {end}: hôm nay ({today}) không mở được lượt khám. Quản "
                         "trị viên có thể gia hạn đợt khám hoặc bắt đầu đợt khám tiếp theo ở trang Quản trị."), **shown)
    if state is CampaignState.NOT_STARTED:
        return _result("campaign", CheckStatus.WARN, QT_TRANSLATE_NOOP(
            "self_test", "Đợt khám “{name}” chưa bắt đầu (từ ngày {start}): hôm nay ({today}) không mở được lượt "
                         "khám. Hãy xem lại ngày giờ của máy; nếu đúng, quản trị viên có thể bắt đầu đợt khám khác ở "
                         "trang Quản trị."), **shown)
    return _result("campaign", CheckStatus.OK, QT_TRANSLATE_NOOP(
        "self_test", "OK: hôm nay ({today}) trong đợt khám “{name}” ({start} – {end})."), **shown)


def check_audit(probe: DatabaseProbe | None) -> CheckResult:
    """The audit chain verifies (checked on the copy, before the self-test's own event). ``probe`` is None before
    the station is set up."""
    if probe is None or probe.audit is None:
        return _not_set_up("audit")
    if not probe.audit.ok:
        return _result("audit", CheckStatus.FAIL, QT_TRANSLATE_NOOP(
            "self_test", "Nhật ký kiểm tra KHÔNG toàn vẹn từ sự kiện số {seq} (bị sửa, xoá hoặc nối lại). Hãy chạy "
                         "lệnh 'station-app audit verify' để xem chi tiết và báo ngay cho cán bộ phụ trách; không "
                         "sửa hay xoá tệp dữ liệu."), seq=probe.audit.broken_at)
    return _result("audit", CheckStatus.OK, QT_TRANSLATE_NOOP(
        "self_test", "OK: {count} sự kiện, chuỗi băm khớp."), count=number(probe.audit.checked))


def _not_set_up(key: str) -> CheckResult:
    return _result(key, CheckStatus.WARN, QT_TRANSLATE_NOOP(
        "self_test", "Trạm chưa được thiết lập. Hãy mở ứng dụng để chạy trình thiết lập (hoặc lệnh 'station-app "
                     "init'), rồi kiểm tra lại."))
