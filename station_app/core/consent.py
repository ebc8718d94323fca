"""The consent text shown at the desk (Nghị định 91/2025 on personal data), versioned.

A consent row stores the version and the SHA-256 of the exact text shown, so a later change of wording never
changes what a resident agreed to. A new wording gets a new version; old versions stay here.
"""
from __future__ import annotations

import hashlib

PURPOSES = ("health_check", "report_to_health_office", "storage")

_TEXTS = {
    "2026.1": (
        "ĐỒNG Ý XỬ LÝ DỮ LIỆU CÁ NHÂN\n"
        "Trạm y tế thu thập họ tên, ngày sinh, giới tính, số căn cước, số thẻ BHYT, địa chỉ và kết quả khám "
        "của ông/bà để:\n"
        "1. Khám sức khỏe định kỳ năm 2026 và tư vấn kết quả khám;\n"
        "2. Báo cáo kết quả cho cơ quan y tế cấp trên (Trung tâm Y tế, Sở Y tế) theo quy định;\n"
        "3. Lưu trữ hồ sơ sức khỏe theo thời hạn pháp luật quy định.\n"
        "Dữ liệu không được dùng vào mục đích khác và không cung cấp cho bên ngoài ngành y tế. "
        "Ông/bà có quyền xem, yêu cầu sửa dữ liệu của mình, hoặc rút lại sự đồng ý bằng cách báo với trạm y tế; "
        "việc rút lại không ảnh hưởng đến việc khám đã thực hiện.\n"
        "Ông/bà (hoặc người giám hộ) đồng ý với các nội dung trên."
    ),
}
CURRENT_VERSION = "2026.1"


def consent_text(version: str = CURRENT_VERSION) -> str:
    """The exact text of ``version``; KeyError for an unknown one."""
    return _TEXTS[version]


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def is_known(version: str, sha256: str) -> bool:
    """True when ``sha256`` is the hash of the text of ``version`` (the text the UI showed is ours)."""
    return version in _TEXTS and text_sha256(_TEXTS[version]) == sha256
