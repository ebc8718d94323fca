"""Typed errors of the station. Each carries data and a Vietnamese message template.

The template is marked for translation (context ``errors``); ``str(error)`` gives the Vietnamese sentence,
the UI shows the translated one. Templates say what to do next, and never hold personal data.
"""
from __future__ import annotations

import errno

from station_app.core.i18n import QT_TRANSLATE_NOOP


class StationError(Exception):
    """Base of every expected error: the user can do something about it."""

    template = QT_TRANSLATE_NOOP("errors", "Đã xảy ra lỗi. Vui lòng thử lại.")

    def __init__(self, **data: object) -> None:
        self.data = data
        super().__init__(self.message())

    def message(self, template: str | None = None) -> str:
        return (template or self.template).format(**self.data)


class NotInitialisedError(StationError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Trạm chưa được thiết lập. Hãy chạy trình thiết lập (mở ứng dụng, hoặc lệnh 'station-app init')."
    )


class AlreadyInitialisedError(StationError):
    template = QT_TRANSLATE_NOOP("errors", "Trạm đã được thiết lập rồi; không thể thiết lập lại trên cùng dữ liệu.")


class WrongCredentialsError(StationError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Sai tên đăng nhập hoặc mật khẩu. Kiểm tra lại (chú ý bộ gõ tiếng Việt và phím Caps Lock) rồi thử lại."
    )


class AccountDisabledError(StationError):
    template = QT_TRANSLATE_NOOP("errors", "Tài khoản này đã bị khoá. Hãy liên hệ quản trị viên của trạm.")


class AccountLockedOutError(StationError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Đăng nhập sai quá nhiều lần. Hãy chờ {seconds} giây rồi thử lại, hoặc nhờ quản trị viên."
    )


class PermissionDeniedError(StationError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Tài khoản của bạn không có quyền làm việc này. Hãy nhờ người có quyền (điều phối viên hoặc quản trị viên)."
    )


class ValidationError(StationError):
    """A value the user typed is not acceptable; ``field`` names the input."""

    template = QT_TRANSLATE_NOOP("errors", "Giá trị không hợp lệ ở ô '{field}': {reason}")


class DuplicateError(StationError):
    template = QT_TRANSLATE_NOOP("errors", "Đã có {what} này trong dữ liệu ({key}). Hãy kiểm tra lại.")


class NotFoundError(StationError):
    template = QT_TRANSLATE_NOOP("errors", "Không tìm thấy {what}. Hãy kiểm tra lại.")


class DataFolderNotWritableError(StationError):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "Không ghi được vào thư mục dữ liệu {path}. Hãy chọn thư mục khác (--data-dir) hoặc nhờ cán bộ CNTT cấp quyền ghi.",
    )


class DatabaseCorruptError(StationError):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "Tệp cơ sở dữ liệu {path} bị hỏng hoặc không phải cơ sở dữ liệu của ứng dụng. Không có gì bị thay đổi. "
        "Hãy khôi phục từ bản sao lưu hoặc liên hệ cán bộ CNTT.",
    )


class DiskFullError(StationError):
    """No room left on the disk being written (the data folder's or the chosen one); the work was rolled back."""

    template = QT_TRANSLATE_NOOP(
        "errors",
        "Ổ đĩa đã đầy nên không lưu được. Việc vừa làm chưa được ghi lại, không có gì bị lưu dở. Hãy giải phóng "
        "chỗ trống trên ổ đĩa (xoá bớt tệp không cần, dọn Thùng rác) hoặc chọn ổ đĩa khác, rồi làm lại.",
    )


_FULL_ERRNOS = frozenset({errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)})  # Windows' disk full is ENOSPC
_SQLITE_FULL = 13


def is_disk_full(exc: BaseException) -> bool:
    """True when ``exc`` or what caused it is a full disk: an OSError ENOSPC/EDQUOT, or SQLite's SQLITE_FULL
    ("database or disk is full", which SQLAlchemy wraps in an error whose ``orig`` is the driver's)."""
    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo:
        current = todo.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, OSError) and current.errno in _FULL_ERRNOS:
            return True
        if getattr(current, "sqlite_errorcode", None) == _SQLITE_FULL or "database or disk is full" in str(current):
            return True
        todo += [current.__cause__, current.__context__, getattr(current, "orig", None)]
    return False


class DatabaseTooNewError(StationError):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "Cơ sở dữ liệu được tạo bởi phiên bản mới hơn của ứng dụng (phiên bản dữ liệu {found}). "
        "Hãy cài phiên bản ứng dụng mới nhất; dữ liệu không bị thay đổi.",
    )


class DatabaseInUseError(StationError):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "Ứng dụng đang mở trên cùng dữ liệu này (ở cửa sổ khác hoặc tài khoản khác trên máy). "
        "Hãy dùng cửa sổ đang mở, hoặc đóng nó rồi mở lại.",
    )


class AuditChainBrokenError(StationError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Nhật ký kiểm tra bị sửa hoặc xoá tại sự kiện số {position}. Hãy báo ngay cho quản trị viên."
    )


class ImageUnreadableError(StationError):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "Không mở được tệp ảnh này (tệp hỏng hoặc không phải ảnh). "
        "Hãy chọn tệp ảnh khác (PNG, JPG) hoặc quét mã QR trực tiếp bằng máy quét hay camera.",
    )


class AlreadyExaminedError(StationError):
    """The resident already has a visit in this campaign; a second one needs a reason (written to the audit)."""

    template = QT_TRANSLATE_NOOP(
        "errors",
        "Người này đã được đăng ký khám trong đợt này ngày {date} tại {site}. Hãy mở lượt khám đó; nếu thật sự "
        "cần khám lần hai, hãy ghi lý do khám lần hai.",
    )


class ConsentRequiredError(StationError):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "Chưa có sự đồng ý xử lý dữ liệu cá nhân ({reason}). Hãy đọc nội dung đồng ý cho người dân (hoặc người "
        "giám hộ) và ghi nhận sự đồng ý trước khi đăng ký khám.",
    )


class RosterFileError(StationError):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "Không đọc được tệp danh sách {path}: {reason}. Hãy lưu lại tệp dưới dạng CSV (UTF-8) hoặc Excel (.xlsx) "
        "rồi thử lại.",
    )


class ImportCancelledError(StationError):
    template = QT_TRANSLATE_NOOP("errors", "Đã huỷ nhập danh sách; dữ liệu không thay đổi.")


class CampaignClosedError(StationError):
    """The day is outside the current campaign's dates: no visit is attached to a campaign that is over (or
    not begun); the administrator extends it or starts the next one."""

    template = QT_TRANSLATE_NOOP(
        "errors",
        "Ngày {day} nằm ngoài đợt khám \"{campaign}\" ({start} – {end}), nên không mở được lượt khám. Hãy nhờ "
        "quản trị viên gia hạn đợt khám hoặc bắt đầu đợt khám mới trong Quản trị (hoặc kiểm tra lại ngày giờ của "
        "máy).",
    )


class CampaignDatesError(StationError):
    """A campaign's new dates would leave visits of the current campaign outside it, or inside the next one."""

    template = QT_TRANSLATE_NOOP(
        "errors",
        "Đợt khám hiện tại đã có lượt khám đến ngày {day}. Hãy chọn ngày kết thúc từ ngày đó trở đi (gia hạn), "
        "hoặc ngày bắt đầu sau ngày đó (đợt khám mới).",
    )


class UntrustedJsonError(StationError, ValueError):
    """JSON from outside refused by ``core.bounded_json`` before it could cost much: ``problem`` is ``too_large``,
    ``too_deep``, ``too_many_items`` or ``malformed``. A ``ValueError`` too, so readers that already refuse
    malformed JSON refuse these the same way."""

    template = QT_TRANSLATE_NOOP("errors", "Dữ liệu JSON nhận được không dùng được ({problem}).")

    def __init__(self, problem: str) -> None:
        self.problem = problem
        super().__init__(problem=problem)


class SheetNotReadyError(StationError):
    """The check-up sheet (QĐ 1551) of a visit not yet completed: it would show a record still being typed."""

    template = QT_TRANSLATE_NOOP(
        "errors", "Lượt khám chưa hoàn thành nên chưa in được phiếu khám sức khỏe. Hãy hoàn thành lượt khám ở bàn bác "
                  "sĩ rồi in lại."
    )
