"""The command line: no subcommand opens the window; each subcommand does one job IT staff script.

Messages are Vietnamese (the typed errors' own sentences). Exit codes: 0 done, 1 the job failed with an
expected error (message on stderr), 2 bad usage or no display.

Reading the data folder is not enough to act as the station: commands that change accounts or the campaign, export,
import or read personal data sign in first (``--user``, the password at the terminal or ``--password-stdin`` /
``--password-env``), need the role the window would need, and their audit events name that account. ``decode``,
``self-test``, ``demo`` (its own training folder), ``campaign show``, ``audit verify`` and ``init`` on a new folder
stay open: they read nothing personal.
"""
from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import logging
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from station_app import __version__
from station_app.core.errors import DiskFullError, StationError, is_disk_full
from station_app.core.model import ROLE_LABELS, Role, SiteKind
from station_app.core.roles import Permission, require

log = logging.getLogger(__name__)
Handler = Callable[[argparse.Namespace], int]


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="station-app", description="Ứng dụng trạm khám sức khỏe định kỳ 2026")
    p.add_argument("--version", action="version", version=f"station-app {__version__}")
    p.add_argument("--data-dir", help="thư mục dữ liệu (mặc định: STATION_DATA_DIR hoặc thư mục dữ liệu người dùng)")
    _signer_args(p, None)
    signer = argparse.ArgumentParser(add_help=False)  # before or after the subcommand, like --dir of office
    _signer_args(signer, argparse.SUPPRESS)
    sub = p.add_subparsers(dest="command", metavar="LỆNH")

    init = sub.add_parser("init", help="thiết lập trạm (như trình thiết lập, không cần cửa sổ)")
    init.add_argument("--station-code", required=True)
    init.add_argument("--station-name", required=True)
    init.add_argument("--site-name", help="tên điểm khám (mặc định: tên trạm)")
    init.add_argument("--site-kind", choices=[k.value for k in SiteKind], default=SiteKind.COMMUNE_STATION.value)
    init.add_argument("--commune", required=True, help="mã xã/phường 5 chữ số")
    init.add_argument("--village", help="thôn/bản (điểm khám lưu động)")
    init.add_argument("--campaign", default="Khám sức khỏe định kỳ miễn phí 2026")
    init.add_argument("--year", type=int, default=2026)
    init.add_argument("--start", type=dt.date.fromisoformat, default=dt.date(2026, 5, 1))
    init.add_argument("--end", type=dt.date.fromisoformat, default=dt.date(2026, 12, 31))
    init.add_argument("--admin", required=True, help="tên đăng nhập của quản trị viên đầu tiên")
    init.add_argument("--admin-name", required=True, help="họ và tên quản trị viên")
    init.add_argument("--facility-code", metavar="MA_CSKCB",
                      help="mã cơ sở KCB theo QĐ 1551, 5 chữ số (tuỳ chọn: nhập sau ở trang Quản trị)")
    init.add_argument("--facility-gln", metavar="MA_GTIN_CSKCB",
                      help="mã GLN 13 chữ số của cơ sở, có chữ số kiểm tra (tuỳ chọn: nhập sau ở trang Quản trị)")
    _password_args(init)

    _users_parser(sub, signer)

    audit = sub.add_parser("audit", help="nhật ký kiểm tra").add_subparsers(dest="audit_command", metavar="VIỆC")
    verify = audit.add_parser("verify", help="kiểm tra chuỗi nhật ký, báo chỗ bị sửa/xoá (cả với mốc đơn vị nhận đã ký)")
    verify.add_argument("--receipts", nargs="+", default=[], metavar="FILE_OR_FOLDER",
                        help="thêm biên nhận do đơn vị nhận gửi lại: đối chiếu nhật ký với mốc trong đó")

    _campaign_parser(sub, signer)

    roster = sub.add_parser("roster", help="danh sách người dân").add_subparsers(dest="roster_command", metavar="VIỆC")
    roster_import = roster.add_parser("import", parents=[signer],
                                      help="nhập danh sách người dân từ tệp CSV hoặc Excel (.xlsx)")
    roster_import.add_argument("file", metavar="FILE")
    roster_import.add_argument("--mapping", metavar="JSON", help="tệp JSON ghép cột (mặc định: tự đoán hoặc lần trước)")
    roster_import.add_argument("--report", metavar="PATH", help="nơi ghi danh sách dòng bị từ chối (CSV)")

    decode = sub.add_parser(
        "decode", help="đọc thử một mã QR (ảnh hoặc nội dung) để kiểm tra máy quét; không cần dữ liệu trạm",
        formatter_class=argparse.RawDescriptionHelpFormatter, epilog=DECODE_EPILOG)
    decode.add_argument("source", metavar="PAYLOAD_OR_IMAGE_FILE",
                        help="tệp ảnh (PNG, JPG...), nội dung mã, hoặc - để đọc nội dung (dạng byte) từ stdin")
    decode.add_argument("--json", action="store_true", help="in kết quả dạng JSON cho script (xem bên dưới)")

    lists = sub.add_parser("lists", parents=[signer],
                           help="in/xuất danh sách: trong ngày, chưa khám, chuyển tuyến, có thể trùng",
                           formatter_class=argparse.RawDescriptionHelpFormatter, epilog=LISTS_EPILOG)
    lists.add_argument("kind", choices=["daily", "pending", "referrals", "duplicates"], metavar="DANH_SÁCH",
                       help="daily (trong ngày), pending (chưa khám), referrals (chuyển tuyến), duplicates (có thể trùng)")
    lists.add_argument("--date", metavar="NGÀY", help="một ngày: YYYY-MM-DD hoặc DD/MM/YYYY (daily: mặc định hôm nay)")
    lists.add_argument("--from", dest="date_from", metavar="NGÀY", help="từ ngày")
    lists.add_argument("--to", dest="date_to", metavar="NGÀY", help="đến ngày")
    lists.add_argument("--village", metavar="THÔN", help="chỉ một thôn/bản (viết đúng tên, có dấu)")
    lists.add_argument("--group", metavar="NHÓM", help="chỉ một nhóm đối tượng, ví dụ elderly hoặc \"Người cao tuổi\"")
    lists.add_argument("--status", metavar="TT", help="daily: registered, in_progress, completed, referred, cancelled; "
                                                      "referrals: open (chưa theo dõi) hoặc followed_up")
    lists.add_argument("--sort", metavar="KHOÁ", help="thứ tự: xem bên dưới")
    lists.add_argument("--hardest", action="store_true", help="pending: chỉ các trường hợp khó tiếp cận")
    lists.add_argument("--out", required=True, metavar="TỆP", help="tệp kết quả: .pdf, .csv hoặc .xlsx")

    record = sub.add_parser("record", parents=[signer], epilog=RECORD_EPILOG,
                            formatter_class=argparse.RawDescriptionHelpFormatter,
                            help="phiếu khám theo QĐ 1551 (PL01) của một lượt khám hoặc của mọi lượt đã khám xong "
                                 "trong một ngày: PDF, JSON hoặc XML")
    record.add_argument("visit_id", nargs="?", metavar="MÃ_LƯỢT_KHÁM", help="mã lượt khám (MA_LK)")
    record.add_argument("--date", metavar="NGÀY", help="mọi lượt đã khám xong trong ngày: YYYY-MM-DD hoặc DD/MM/YYYY")
    record.add_argument("--out", required=True, metavar="TỆP_HOẶC_THƯ_MỤC",
                        help="một lượt: tệp .pdf, .json hoặc .xml; với --date: thư mục")
    record.add_argument("--format", choices=["json", "xml", "pdf"], default="json", help="với --date (mặc định json)")

    export = sub.add_parser("export", parents=[signer],
                            help="xuất lô dữ liệu (đã ký, mã hoá) cho đơn vị nhận: mọi thay đổi từ lô trước")
    export.add_argument("--to", metavar="DIR", help="thư mục đích: USB hoặc thư mục mạng")
    export.add_argument("--office-bundle", metavar="FILE", help="nhập tệp khoá của đơn vị nhận (office-bundle.json)")
    export.add_argument("--public-key", metavar="PEM", help="ghi khoá công khai của trạm ra tệp PEM cho đơn vị nhận")

    keys = sub.add_parser("keys", help="khoá ký của trạm").add_subparsers(dest="keys_command", metavar="VIỆC")
    rotate = keys.add_parser("rotate", parents=[signer],
                             help="thay khoá ký của trạm (khi khoá bị mất, hỏng hoặc lộ); cần quản trị viên")
    rotate.add_argument("--public-key", required=True, metavar="PEM", help="nơi ghi khoá công khai mới cho đơn vị nhận")

    _office_parser(sub)
    receipts = sub.add_parser("receipts", help="biên nhận của đơn vị nhận").add_subparsers(
        dest="receipts_command", metavar="VIỆC")
    receipts_import = receipts.add_parser("import", parents=[signer],
                                          help="nhập biên nhận (từ USB hoặc thư mục): đánh dấu lô đã được nhận")
    receipts_import.add_argument("paths", nargs="+", metavar="FILE_OR_FOLDER")
    upload = sub.add_parser("upload", parents=[signer],
                            help="gửi qua mạng mọi lô chưa được đơn vị nhận xác nhận, in biên nhận")
    upload.add_argument("--address", metavar="URL", help="lưu địa chỉ gửi (thay địa chỉ trong gói khoá; "
                                                         "\"\" để dùng lại địa chỉ trong gói khoá)")
    upload.add_argument("--pin", metavar="SHA256", default="", help="dấu vân tay chứng chỉ https của đơn vị nhận")
    upload.add_argument("--tries", type=int, default=4, metavar="N",
                        help="số lần thử mỗi lô khi mất mạng (chờ 5, 10, 20 giây… giữa các lần; mặc định 4)")
    upload.add_argument("--make", action="store_true", help="trước khi gửi, tạo lô mới từ các thay đổi từ lô trước")

    self_test = sub.add_parser("self-test", help="kiểm tra máy trước khi mang lên điểm khám (mã thoát 0: không có lỗi)")
    self_test.add_argument("--data-dir", default=argparse.SUPPRESS, help="thư mục dữ liệu cần kiểm tra")
    self_test.add_argument("--pause", action="store_true",
                           help="chờ bấm Enter trước khi đóng (khi mở từ trình đơn: cửa sổ không tự đóng ngay)")

    demo = sub.add_parser("demo", help="tạo trạm tập huấn với dữ liệu giả lập")
    demo.add_argument("--residents", type=int, default=6000)
    demo.add_argument("--seed", type=int, default=2026)
    return p


def _users_parser(sub: argparse._SubParsersAction, signer: argparse.ArgumentParser) -> None:
    users = sub.add_parser("users", help="quản lý tài khoản (cần quản trị viên)").add_subparsers(
        dest="users_command", metavar="VIỆC")
    add = users.add_parser("add", parents=[signer], help="thêm tài khoản")
    add.add_argument("username")
    add.add_argument("--name", required=True, help="họ và tên")
    add.add_argument("--role", required=True, choices=[r.value for r in Role])
    _new_password_args(add)
    users.add_parser("list", parents=[signer], help="liệt kê tài khoản")
    for name, text in (("disable", "khoá tài khoản"), ("enable", "mở lại tài khoản đã khoá"),
                       ("unlock", "cho đăng nhập lại ngay, không phải chờ sau nhiều lần sai mật khẩu")):
        users.add_parser(name, parents=[signer], help=text).add_argument("username")
    password = users.add_parser("password", parents=[signer], help="đặt mật khẩu mới cho một tài khoản")
    password.add_argument("username")
    _new_password_args(password)
    policy = users.add_parser("policy", parents=[signer], help="độ dài tối thiểu của mật khẩu (xem hoặc đặt)")
    policy.add_argument("--min-length", type=int, metavar="N", help="số ký tự tối thiểu, từ 8 đến 64")
    _certificate_parser(users, signer)


def _certificate_parser(users: argparse._SubParsersAction, signer: argparse.ArgumentParser) -> None:
    cert = users.add_parser("certificate", parents=[signer],
                            help="đăng ký chứng thư số để ký phần khám (tệp .p12 hoặc USB ký số)")
    cert.add_argument("username", nargs="?", help="tài khoản được đăng ký (mặc định: tài khoản --user)")
    source = cert.add_mutually_exclusive_group(required=True)
    source.add_argument("--p12", type=Path, metavar="TỆP", help="tệp chứng thư số .p12/.pfx (có mật khẩu)")
    source.add_argument("--token", action="store_true",
                        help="USB ký số (trình điều khiển: cài đặt signing.pkcs11_module của máy)")
    cert.add_argument("--cchn", metavar="SỐ", help="số chứng chỉ hành nghề của người khám")
    cert.add_argument("--passphrase-env", metavar="VAR", help="đọc mật khẩu tệp .p12 từ biến môi trường VAR")
    cert.add_argument("--pin-env", metavar="VAR", help="đọc mã PIN của USB ký số từ biến môi trường VAR")


def _campaign_parser(sub: argparse._SubParsersAction, signer: argparse.ArgumentParser) -> None:
    campaign = sub.add_parser("campaign", help="đợt khám: xem, gia hạn, bắt đầu đợt mới (khám hằng năm)"
                              ).add_subparsers(dest="campaign_command", metavar="VIỆC")
    campaign.add_parser("show", help="đợt khám hiện tại và hôm nay có trong đợt không")
    extend = campaign.add_parser("extend", parents=[signer], help="gia hạn đợt khám hiện tại (ngày kết thúc mới)")
    extend.add_argument("--to", required=True, metavar="NGÀY", help="ngày kết thúc mới: YYYY-MM-DD hoặc DD/MM/YYYY")
    new = campaign.add_parser("new", parents=[signer], help="bắt đầu đợt khám mới; đợt cũ giữ nguyên dữ liệu")
    new.add_argument("--name", required=True, help="tên đợt, ví dụ \"Khám sức khỏe định kỳ 2027\"")
    new.add_argument("--start", required=True, metavar="NGÀY", help="ngày bắt đầu")
    new.add_argument("--end", required=True, metavar="NGÀY", help="ngày kết thúc")


def _office_where(default: object) -> argparse.ArgumentParser:
    where = argparse.ArgumentParser(add_help=False)
    where.add_argument("--dir", metavar="DIR", default=default, help="thư mục của đơn vị nhận (mặc định: "
                       "STATION_OFFICE_DIR hoặc thư mục dữ liệu người dùng)")
    where.add_argument("--db", metavar="URL", default=default, help="cơ sở dữ liệu, ví dụ "
                       "postgresql+psycopg://user@host/db (mặc định: SQLite office.sqlite trong thư mục)")
    return where


def _office_parser(sub: argparse._SubParsersAction) -> None:
    # --dir/--db before or after the subcommand; a subcommand's own default would undo one given before it
    where = _office_where(argparse.SUPPRESS)
    office = sub.add_parser("office", parents=[_office_where(None)],  # no subcommand: the office window
                            help="đơn vị nhận dữ liệu: khoá, đăng ký trạm, nhập lô, báo cáo; không có VIỆC: mở cửa sổ"
                            ).add_subparsers(dest="office_command", metavar="VIỆC")
    init = office.add_parser("init", parents=[where], help="tạo khoá của đơn vị nhận và tệp khoá công khai cho trạm")
    init.add_argument("--name", default="Đơn vị nhận dữ liệu khám sức khỏe", help="tên đơn vị nhận")
    init.add_argument("--escrow", metavar="AGE_RECIPIENT", help="khoá age dự phòng (tuỳ chọn)")
    stations = office.add_parser("stations", help="các trạm gửi dữ liệu").add_subparsers(
        dest="stations_command", metavar="VIỆC")
    add = stations.add_parser("add", parents=[where], help="đăng ký trạm bằng tệp khoá công khai PEM của trạm")
    add.add_argument("pem", metavar="PEM")
    add.add_argument("--code", required=True, help="mã trạm (như trong tên tệp lô)")
    add.add_argument("--name", help="tên trạm")
    add.add_argument("--site", metavar="MÃTRẠM", help="máy này là một máy khác của điểm khám của trạm MÃTRẠM (đã đăng ký): "
                     "được gửi các phần của cùng lượt khám (docs/VISIT-PARTS.md)")
    rekey = stations.add_parser("rekey", parents=[where], help="đăng ký khoá mới của trạm (sau 'keys rotate' ở trạm); "
                                "khoá cũ vẫn dùng để kiểm tra các lô trước")
    rekey.add_argument("pem", metavar="PEM")
    rekey.add_argument("--code", required=True, help="mã trạm")
    rekey.add_argument("--from-sequence", required=True, type=int, metavar="N",
                       help="số lô đầu tiên ký bằng khoá mới (trạm in ra khi thay khoá)")
    rekey.add_argument("--note", help="lý do (ghi vào nhật ký của đơn vị nhận)")
    stations.add_parser("list", parents=[where], help="liệt kê trạm, số lô đã nhận và lô còn thiếu")
    accept = stations.add_parser("accept-chain", parents=[where], help="quyết định nhận chuỗi lô mới của một trạm bị "
                                 "rẽ nhánh, từ một số lô (docs/OFFICE.md); ghi ai, khi nào, vì sao")
    accept.add_argument("code", metavar="MÃ_TRẠM")
    accept.add_argument("--from-sequence", required=True, type=int, metavar="N", help="số lô bắt đầu chuỗi mới")
    accept.add_argument("--reason", required=True, help="lý do (đã xác minh với trạm thế nào)")
    accept.add_argument("--by", help="người quyết định (mặc định: tên đăng nhập máy)")
    decisions = stations.add_parser("chain-decisions", parents=[where], help="các quyết định nhận chuỗi lô mới")
    decisions.add_argument("code", nargs="?", metavar="MÃ_TRẠM")
    imp = office.add_parser("import", parents=[where], help="kiểm tra và nhập các tệp lô (.batch), ghi biên nhận")
    imp.add_argument("paths", nargs="+", metavar="FILE_OR_FOLDER")
    imp.add_argument("--receipts", metavar="DIR", help="nơi ghi biên nhận (mặc định: cạnh tệp lô)")
    imp.add_argument("--validate-fhir", action="store_true",
                     help="kiểm tra từng bản ghi theo chuẩn FHIR R4 (chậm hơn khoảng 4 lần)")
    report = office.add_parser("report", parents=[where], help="báo cáo tiến độ, lô, lô thiếu, quy định 24 giờ")
    report.add_argument("--out", required=True, metavar="TỆP", help="tệp kết quả: .xlsx, .pdf hoặc .csv")
    from station_app.web.commands import add_parsers as add_service_parsers

    add_service_parsers(office, where)  # office serve | url: the service stations upload to
    _office_national_parser(office, where)


def _office_national_parser(office: argparse._SubParsersAction, where: argparse.ArgumentParser) -> None:
    """``office national …``: the link to the national check-up database (QĐ 1551)."""
    national = office.add_parser("national", help="liên thông dữ liệu khám sức khỏe lên cơ sở dữ liệu quốc gia"
                                 ).add_subparsers(dest="national_command", metavar="VIỆC")
    stand_in = national.add_parser("stand-in", parents=[where], help="chạy cổng liên thông giả lập (tập huấn, thử "
                                   "nghiệm) trên máy này; Ctrl+C để dừng")
    stand_in.add_argument("--host", default="127.0.0.1", help="địa chỉ nghe (mặc định: chỉ máy này)")
    stand_in.add_argument("--port", type=int, default=8765, help="cổng (mặc định 8765)")
    stand_in.add_argument("--state", metavar="FILE", help="tệp lưu các hồ sơ đã nhận (mặc định: "
                          "national-stand-in.jsonl trong thư mục của đơn vị nhận)")
    stand_in.add_argument("--account", action="append", default=[], metavar="USER:PASS:SENDER_ID",
                          help="tài khoản liên thông (lặp lại được)")
    stand_in.add_argument("--facility-key", action="append", default=[], metavar="SENDER_ID=PEMFILE",
                          help="khoá công khai RSA hoặc chứng chỉ (PEM) đã đăng ký của cơ sở (lặp lại được)")
    stand_in.add_argument("--token-seconds", type=int, default=6000, help="thời hạn token, giây (mặc định 6000)")
    _office_national_setup_parser(national, where)
    _national_receipts_parser(national, where)
    trust = national.add_parser("trust", help="tổ chức chứng thực (CA) tin cậy cho chứng thư của y bác sĩ"
                                ).add_subparsers(dest="trust_command", metavar="VIỆC")
    trust.add_parser("add", parents=[where], help="tin cậy một CA (tệp PEM/DER)").add_argument("pem", metavar="CA.pem")
    trust.add_parser("list", parents=[where], help="các CA đang tin cậy")
    trust.add_parser("remove", parents=[where], help="thôi tin cậy một CA").add_argument(
        "fingerprint", metavar="DẤU_VÂN_TAY", help="dấu vân tay SHA-256 (ít nhất 8 chữ số đầu, như 'trust list')")
    for name, text in (("push", "gửi ngay các hồ sơ đang chờ lên cổng liên thông"),
                       ("status", "số hồ sơ theo trạng thái, hồ sơ quá 20 giờ/24 giờ, hồ sơ bị từ chối")):
        command = national.add_parser(name, parents=[where], help=text)
        command.add_argument("--station", metavar="MÃ_TRẠM", help="chỉ trạm này")
        command.add_argument("--older-than", metavar="THỜI_GIAN", default="20h" if name == "status" else None,
                             help="hồ sơ kết thúc khám từ bao lâu trước, ví dụ 20h, 90m, 2d")
        command.add_argument("--json", action="store_true", help="in kết quả dạng JSON")


def _office_national_setup_parser(national: argparse._SubParsersAction, where: argparse.ArgumentParser) -> None:
    setup = national.add_parser("setup", parents=[where], help="thiết lập liên thông của một trạm (cơ sở): mã, "
                                "tài khoản, khoá ký; mật khẩu và khoá được mã hoá, không in lại")
    setup.add_argument("--station", required=True, metavar="MÃ_TRẠM", help="mã trạm đã đăng ký")
    setup.add_argument("--sender-id", required=True, metavar="13_CHỮ_SỐ", help="mã cơ sở do đơn vị vận hành cổng cấp")
    setup.add_argument("--ma-cskcb", required=True, metavar="MÃ", help="mã cơ sở khám chữa bệnh (5 ký tự)")
    setup.add_argument("--gln", required=True, metavar="GLN", help="mã GLN của cơ sở (13 chữ số)")
    setup.add_argument("--url", required=True, metavar="URL", help="địa chỉ cổng liên thông (thử cổng sandbox trước)")
    setup.add_argument("--receiver-id", metavar="ID", help="receiver_id của cổng (mặc định: như tài liệu, HCC)")
    setup.add_argument("--username", required=True, help="tài khoản liên thông")
    secret = setup.add_mutually_exclusive_group(required=True)
    secret.add_argument("--password-stdin", action="store_true", help="đọc mật khẩu liên thông từ dòng đầu của stdin")
    secret.add_argument("--password-env", metavar="VAR", help="đọc mật khẩu liên thông từ biến môi trường VAR")
    key = setup.add_mutually_exclusive_group(required=True)
    key.add_argument("--p12", metavar="TỆP", help="khoá ký của cơ sở: tệp PKCS#12 (.p12/.pfx)")
    key.add_argument("--pkcs11-module", metavar="ĐƯỜNG_DẪN", help="khoá ký trên USB token: thư viện PKCS#11 của token")
    setup.add_argument("--passphrase-env", metavar="VAR", help="mật khẩu của tệp .p12, từ biến môi trường VAR")
    setup.add_argument("--pin-env", metavar="VAR", help="mã PIN của token, từ biến môi trường VAR")
    setup.add_argument("--token-label", metavar="NHÃN", help="nhãn của token khi cắm nhiều token")


def _national_receipts_parser(national: argparse._SubParsersAction, where: argparse.ArgumentParser) -> None:
    receipts = national.add_parser("receipts", parents=[where], help="ghi biên nhận liên thông (đã liên thông, bị "
                                   "từ chối, đang chờ) cho một trạm, để mang về trạm bằng USB")
    receipts.add_argument("--station", required=True, metavar="MÃ_TRẠM", help="mã trạm")
    receipts.add_argument("--out", required=True, metavar="DIR", help="thư mục ghi tệp <MÃ_TRẠM>.national.json")


def _password_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--password-env", metavar="VAR", help="đọc mật khẩu từ biến môi trường VAR (cho script)")
    p.add_argument("--password-stdin", action="store_true", help="đọc mật khẩu từ dòng đầu của stdin")


def _signer_args(p: argparse.ArgumentParser, default: object) -> None:
    p.add_argument("--user", metavar="TÊN", default=default,
                   help="tài khoản đăng nhập cho lệnh cần quyền (users, export, lists, roster, upload, receipts, "
                        "campaign extend/new)")
    p.add_argument("--password-env", metavar="VAR", default=default,
                   help="đọc mật khẩu đăng nhập từ biến môi trường VAR (cho script)")
    p.add_argument("--password-stdin", action="store_true", default=default if default is not None else False,
                   help="đọc mật khẩu đăng nhập từ dòng đầu của stdin")


def _new_password_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--new-password-env", metavar="VAR", help="đọc mật khẩu mới từ biến môi trường VAR (cho script)")
    p.add_argument("--new-password-stdin", action="store_true",
                   help="đọc mật khẩu mới từ stdin (dòng sau mật khẩu đăng nhập nếu cả hai cùng từ stdin)")


def _read_password(args: argparse.Namespace) -> str:
    return _read_new_password(args.password_env, args.password_stdin)


def _read_new_password(env: str | None, from_stdin: bool, prompt: str = "Mật khẩu: ") -> str:
    if env:
        return _from_env(env)
    if from_stdin or not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(prompt)
    if first != getpass.getpass("Nhập lại mật khẩu: "):
        raise SystemExit("Hai lần nhập mật khẩu không khớp.")
    return first


def _from_env(name: str) -> str:
    value = os.environ.get(name)
    if value is None:
        raise SystemExit(f"Biến môi trường {name} chưa được đặt.")
    return value


def _sign_in(args: argparse.Namespace, ctx, permission: Permission):  # noqa: ANN001, ANN202 - AppContext, SignedInUser
    """The account a command acts as: its password checked like the window's sign-in (waits after wrong ones,
    audited "via cli"), then the role the window would need for the same job."""
    username = args.user
    if not username:
        if not sys.stdin.isatty():
            raise _UsageError(f"Lệnh '{args.command}' cần đăng nhập: thêm --user TÊN_ĐĂNG_NHẬP, và mật khẩu gõ ở màn "
                              "hình hoặc --password-stdin / --password-env BIẾN cho script.")
        username = input("Tên đăng nhập: ").strip()
    if args.password_env:
        password = _from_env(args.password_env)
    elif args.password_stdin or not sys.stdin.isatty():
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = getpass.getpass(f"Mật khẩu của {username}: ")
    user = ctx.accounts.sign_in(username, password, via="cli")
    require(user.role, permission)
    log.info("command %s run by user %s", args.command, user.id)
    return user


def _context(args: argparse.Namespace):  # noqa: ANN202 - AppContext, imported lazily
    from station_app.app import open_context, resolve_data_dir

    return open_context(resolve_data_dir(args.data_dir))


def cmd_init(args: argparse.Namespace) -> int:
    from station_app.services.station.station_setup import StationSetup

    ctx = _context(args)
    setup = StationSetup(
        station_code=args.station_code.strip().upper(), station_name=args.station_name,
        site_name=args.site_name or args.station_name, site_kind=SiteKind(args.site_kind),
        commune_code=args.commune, village=args.village, campaign_name=args.campaign,
        campaign_year=args.year, campaign_start=args.start, campaign_end=args.end,
        admin_username=args.admin, admin_full_name=args.admin_name, admin_password=_read_password(args),
        facility_code=args.facility_code, facility_gln=args.facility_gln,
    )
    ctx.station.initialise(setup)
    info = ctx.station.info()
    print(f"Đã thiết lập trạm {info.code} — {info.name} ({info.commune_name}), dữ liệu ở {ctx.data_dir}")
    if info.facility_code is None or info.facility_gln is None:
        print("Chưa có mã cơ sở KCB hoặc mã GLN theo QĐ 1551: hãy nhập ở trang Quản trị trước khi gửi hồ sơ khám.")
    return 0


def cmd_users(args: argparse.Namespace) -> int:
    if args.users_command is None:
        print("Cần chọn: add, list, disable, enable, unlock, password hoặc policy.", file=sys.stderr)
        return 2
    ctx = _context(args)
    if args.users_command == "certificate":  # a user registers their own; an administrator anyone's
        return _users_certificate(args, ctx)
    admin = _sign_in(args, ctx, Permission.MANAGE_USERS)
    accounts = ctx.accounts
    if args.users_command == "add":
        password = _read_new_password(args.new_password_env, args.new_password_stdin, "Mật khẩu của tài khoản mới: ")
        user = accounts.add_user(admin, args.username, full_name=args.name, role=Role(args.role), password=password)
        print(f"Đã thêm tài khoản {user.username} ({ROLE_LABELS[user.role]}).")
    elif args.users_command == "list":
        for u in accounts.list_users(admin):
            state = "hoạt động" if u.active else "đã khoá"
            if u.waits_until is not None:
                state += f", chờ đến {_local_time(u.waits_until)} (sai mật khẩu nhiều lần)"
            print(f"{u.username:<20} {ROLE_LABELS[u.role]:<16} {state:<10} {u.full_name}")
    elif args.users_command in ("disable", "enable"):
        user = accounts.set_active(admin, args.username, active=args.users_command == "enable")
        print(f"Tài khoản {user.username}: {'hoạt động' if user.active else 'đã khoá'}.")
    elif args.users_command == "unlock":
        user = accounts.unlock(admin, args.username)
        print(f"Tài khoản {user.username} đăng nhập lại được ngay.")
    elif args.users_command == "password":
        accounts.change_password(admin, args.username, new_password=_read_new_password(
            args.new_password_env, args.new_password_stdin, f"Mật khẩu mới của {args.username}: "))
        print(f"Đã đặt mật khẩu mới cho {args.username.strip().lower()}.")
    elif args.min_length is not None:  # policy
        print(f"Mật khẩu mới từ nay cần ít nhất {accounts.set_password_min_length(admin, args.min_length)} ký tự.")
    else:
        print(f"Mật khẩu cần ít nhất {accounts.password_min_length()} ký tự, không giống tên đăng nhập, không nằm "
              "trong danh sách mật khẩu phổ biến.")
    return 0


def _users_certificate(args: argparse.Namespace, ctx) -> int:  # noqa: ANN001 - AppContext
    """Reads the certificate from the .p12 (a copy is kept for signing, still passphrase-protected) or the token,
    and registers it; the passphrase or PIN from the terminal or an environment variable, never an argument."""
    actor = _sign_in(args, ctx, Permission.VIEW_LISTS)
    username = args.username or actor.username
    if args.p12 is not None:
        secret = _from_env(args.passphrase_env) if args.passphrase_env else getpass.getpass("Mật khẩu tệp .p12: ")
    else:
        secret = _from_env(args.pin_env) if args.pin_env else getpass.getpass("Mã PIN của USB ký số: ")
    registered = ctx.signatures.register_certificate(ctx.accounts, actor, username, secret=secret, p12=args.p12,
                                                     cchn=args.cchn)
    print(f"Đã đăng ký chứng thư số cho {username.strip().lower()}: {registered.info.subject_name}, "
          f"hết hạn {registered.info.not_after:%d/%m/%Y}, mã {registered.info.fingerprint[:16]}, "
          f"CCHN {registered.cchn or '(chưa có)'}.")
    return 0


def _local_time(utc: dt.datetime) -> str:
    return utc.replace(tzinfo=dt.UTC).astimezone().strftime("%H:%M:%S")


def cmd_audit(args: argparse.Namespace) -> int:
    if args.audit_command != "verify":
        print("Cần chọn: verify.", file=sys.stderr)
        return 2
    from pathlib import Path

    report = _context(args).audit.verify([Path(p) for p in getattr(args, "receipts", [])])
    if report.ok:
        anchors = f"; khớp {report.anchors} mốc do đơn vị nhận ký" if report.anchors else ""
        print(f"Nhật ký toàn vẹn: {report.checked} sự kiện, chuỗi băm khớp{anchors}.")
        return 0
    print(_AUDIT_BROKEN.get(report.reason, _AUDIT_BROKEN["edited"]).format(
        at=report.broken_at, checked=report.checked, what=_AUDIT_REASONS.get(report.reason, report.reason)),
        file=sys.stderr)
    return 1


_AUDIT_REASONS = {"missing": "thiếu (bị xoá)", "relinked": "bị nối lại", "edited": "bị sửa",
                  "truncated": "các sự kiện cuối bị xoá"}
_AUDIT_BROKEN = {
    "edited": "Nhật ký KHÔNG toàn vẹn: sự kiện số {at} {what}; {checked} sự kiện trước đó vẫn khớp. "
              "Hãy báo ngay cho quản trị viên.",
    "rewound": "Nhật ký KHÔNG toàn vẹn: đơn vị nhận đã xác nhận nhật ký có sự kiện số {at}, nay trong máy không còn "
               "(các sự kiện cuối bị xoá và đầu chuỗi bị lùi lại). Hãy báo ngay cho quản trị viên và đơn vị nhận.",
    "rewritten": "Nhật ký KHÔNG toàn vẹn: sự kiện số {at} khác với mốc đơn vị nhận đã ký (một sự kiện từ số này trở "
                 "về trước bị sửa rồi tính lại mã băm). Hãy báo ngay cho quản trị viên và đơn vị nhận.",
    "anchor_forged": "Nhật ký KHÔNG toàn vẹn: biên nhận lưu trong máy không còn đúng chữ ký của đơn vị nhận (mốc "
                     "nhật ký bị sửa). Hãy báo ngay cho quản trị viên và xin đơn vị nhận gửi lại biên nhận để "
                     "đối chiếu ('audit verify --receipts THƯ_MỤC').",
}


def cmd_campaign(args: argparse.Namespace) -> int:
    if args.campaign_command not in ("show", "extend", "new"):
        print("Cần chọn: show, extend hoặc new.", file=sys.stderr)
        return 2
    try:
        dates = [_date_arg(getattr(args, name, None), f"--{name}") for name in ("to", "start", "end")]
    except _UsageError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    ctx = _context(args)
    service = ctx.campaigns
    if args.campaign_command == "extend":
        info = service.extend(_sign_in(args, ctx, Permission.MANAGE_STATION), dates[0])
        print(f"Đã lưu: đợt khám \"{info.name}\" nay kết thúc ngày {info.end:%d/%m/%Y}.")
    elif args.campaign_command == "new":
        info = service.start_next(_sign_in(args, ctx, Permission.MANAGE_STATION), args.name, start=dates[1],
                                  end=dates[2])
        print(f"Đã bắt đầu đợt khám mới \"{info.name}\" ({info.start:%d/%m/%Y} – {info.end:%d/%m/%Y}); "
              "dữ liệu của đợt trước giữ nguyên.")
    else:
        info = service.current()
        print(f"Đợt khám hiện tại: \"{info.name}\" ({info.start:%d/%m/%Y} – {info.end:%d/%m/%Y}).")
    print(_campaign_state_text(info))
    return 0


def _campaign_state_text(info) -> str:  # noqa: ANN001 - CampaignInfo, imported lazily
    from station_app.services.station.campaigns import CampaignState

    if info.state is CampaignState.OPEN:
        return f"Hôm nay ({info.today:%d/%m/%Y}) nằm trong đợt khám: mở lượt khám được."
    where = (f"đã kết thúc ngày {info.end:%d/%m/%Y}" if info.state is CampaignState.ENDED
             else f"bắt đầu ngày {info.start:%d/%m/%Y}")
    return (f"Đợt khám {where}: hôm nay ({info.today:%d/%m/%Y}) không mở được lượt khám. Gia hạn: "
            "station-app campaign extend --to NGÀY; hoặc đợt mới: station-app campaign new --name TÊN --start NGÀY "
            "--end NGÀY.")


def cmd_self_test(args: argparse.Namespace) -> int:
    """Every check of services.station.self_test; the data folder is only read (the database is checked on a copy)."""
    from station_app.services.station.self_test import failed, report_text, run_self_test

    from station_app.app import resolve_data_dir, setup_logging

    data_dir = resolve_data_dir(args.data_dir)
    if data_dir.is_dir():
        setup_logging(data_dir)
    results = run_self_test(data_dir, devices=_list_devices)
    print(report_text(results, data_dir, version=__version__))
    if args.pause and sys.stdin is not None and sys.stdin.isatty():  # opened from the menu in a terminal window
        try:
            print("\nBấm Enter để đóng cửa sổ này.", flush=True)
            input()
        except (EOFError, KeyboardInterrupt):
            pass
    return 1 if failed(results) else 0


def _list_devices():  # noqa: ANN202 - Devices; Qt is loaded only here
    from station_app.ui.self_test_view import list_devices

    return list_devices()


def cmd_demo(args: argparse.Namespace) -> int:
    from station_app.app import open_context, resolve_training_dir
    from station_app.services.office.training import make_training_office
    from station_app.services.station.demo import make_demo

    ctx = open_context(resolve_training_dir(args.data_dir))
    result = make_demo(ctx, residents=args.residents, seed=args.seed, progress=_print_progress,
                       training_office=make_training_office)
    print(result.summary())
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from pathlib import Path

    ctx = _context(args)
    user = _sign_in(args, ctx, Permission.EXPORT_DATA)  # the office bundle decides who can read the batches
    service = ctx.export
    if args.office_bundle:
        bundle = service.keys.import_office_bundle(Path(args.office_bundle))
        print(f"Đã nhập khoá của đơn vị nhận: {bundle.name}.")
    if args.public_key:
        public = service.keys.save_public_key(Path(args.public_key))
        print(f"Đã ghi khoá công khai của trạm vào {args.public_key}; mã khoá (key_id): {public.key_id}")
    if args.to:
        _print_export(service.export(user, Path(args.to)))
    elif not (args.office_bundle or args.public_key):
        pending = service.pending()
        print(f"Đang chờ xuất: {pending.changes} thay đổi (lô tiếp theo số {pending.next_sequence}). "
              "Dùng --to THƯ_MỤC để xuất.")
    return 0


def cmd_keys(args: argparse.Namespace) -> int:
    """``keys rotate``: an administrator replaces the station's signing key, audited under their name."""
    from pathlib import Path

    from station_app.services.exchange.keys import rotate_station_key

    if args.keys_command != "rotate":
        print("Dùng: station-app keys rotate --user TÊN --public-key TỆP.pem", file=sys.stderr)
        return 2
    ctx = _context(args)
    user = _sign_in(args, ctx, Permission.MANAGE_STATION)
    rotated = rotate_station_key(ctx.db, ctx.data_dir, actor=user, target=Path(args.public_key))
    code = ctx.station.info().code
    print(f"Đã thay khoá ký của trạm; mã khoá mới (key_id): {rotated.public.key_id}")
    print(f"Khoá công khai mới: {args.public_key}. Gửi tệp này cho đơn vị nhận; các lô từ số {rotated.from_sequence} "
          "trở đi được ký bằng khoá mới, các lô trước vẫn theo khoá cũ. Đơn vị nhận đăng ký bằng lệnh:")
    print(f"  station-app office stations rekey {Path(args.public_key).name} --code {code} "
          f"--from-sequence {rotated.from_sequence}")
    return 0


_COUNT_LABELS = (("residents", "người dân"), ("visits", "lượt khám"), ("observations", "kết quả đo/khám"),
                 ("conditions", "chẩn đoán"), ("referrals", "chuyển tuyến"), ("consents", "đồng ý"),
                 ("notes", "tư vấn"))


def _print_export(result) -> None:  # noqa: ANN001 - ExportResult, imported lazily
    for path in result.rewritten:
        print(f"Ghi lại lô chưa được xác nhận: {path}")
    if result.made is None:
        print("Không có thay đổi mới từ lô trước; không tạo lô mới.")
        return
    counts = ", ".join(f"{result.made.counts.get(key, 0)} {label}" for key, label in _COUNT_LABELS)
    print(f"Đã tạo lô số {result.made.sequence}: {result.path}")
    print(f"Gồm: {counts}.")


def _office_dir(args: argparse.Namespace):  # noqa: ANN202 - Path
    from pathlib import Path

    from platformdirs import user_data_dir

    chosen = getattr(args, "dir", None) or os.environ.get("STATION_OFFICE_DIR") or user_data_dir("station-app-office")
    return Path(chosen).expanduser().resolve()


# The receiving office's server parts, left out of the stations' installed program (the "station" edition of
# installer/pyinstaller/station_app.spec): the command that needs one says which installer has it.
_OFFICE_PARTS = (
    ("dịch vụ nhận lô qua mạng", ("fastapi", "uvicorn"), lambda args: args.office_command == "serve"),
    ("cơ sở dữ liệu PostgreSQL", ("psycopg",), lambda args: str(getattr(args, "db", None) or "").startswith("postgres")),
    ("kiểm tra FHIR đầy đủ", ("fhir.resources",), lambda args: bool(getattr(args, "validate_fhir", False))),
)


def _office_parts_missing(args: argparse.Namespace) -> str | None:
    """The message for a command needing a part this installation does not have; None when all are there."""
    import importlib.util

    def present(module: str) -> bool:
        try:
            return importlib.util.find_spec(module) is not None
        except ImportError:  # the parent package itself is missing
            return False

    for what, modules, wanted in _OFFICE_PARTS:
        if wanted(args) and not all(present(m) for m in modules):
            return (f"Bản cài này là bản của trạm y tế, không có {what}. Việc này cần bản cài của đơn vị nhận "
                    "(station-app-office): hãy làm trên máy của đơn vị nhận.")
    return None


def cmd_office(args: argparse.Namespace) -> int:
    from station_app.services.office.service import OfficeService, init_office

    from station_app.app import setup_logging

    if missing := _office_parts_missing(args):
        print(missing, file=sys.stderr)
        return 2
    if args.office_command is None:
        return _office_window(args)
    folder = _office_dir(args)
    setup_logging(folder)  # the office's own log: ids and counts, never names
    if args.office_command == "init":
        made = init_office(folder, args.name, escrow_recipient=args.escrow)
        print(f"Đã tạo khoá của đơn vị nhận trong {folder}.")
        print(f"Gửi cho các trạm tệp {made.bundle_path} (hoặc ảnh mã QR {made.qr_path}).")
        return 0
    from station_app.web import commands as service_commands

    if args.office_command in service_commands.COMMANDS:
        return service_commands.run(folder, args)
    if args.office_command == "national" and args.national_command == "stand-in":
        return _office_national_stand_in(folder, args)
    if args.office_command == "national" and args.national_command in _NATIONAL_COMMANDS:
        return _office_national(folder, args)
    if args.office_command not in ("stations", "import", "report") or (
            args.office_command == "stations" and args.stations_command is None):
        print("Dùng: station-app office init | stations add|rekey|list|accept-chain|chain-decisions | import | report"
              " | serve | url | national setup|trust|push|status|receipts|stand-in", file=sys.stderr)
        return 2
    service = OfficeService(folder, args.db)
    try:
        return _OFFICE_COMMANDS[args.office_command](service, args)
    finally:
        service.close()


def _office_national_stand_in(folder, args: argparse.Namespace) -> int:  # noqa: ANN001 - Path
    """``office national stand-in``: a stand-in hub for training, until Ctrl+C."""
    from pathlib import Path

    from station_app.services.office.national import stand_in

    accounts = [stand_in.parse_account(text) for text in args.account]
    keys = dict(stand_in.read_facility_key(text) for text in args.facility_key)
    state = Path(args.state) if args.state else folder / "national-stand-in.jsonl"
    state.parent.mkdir(parents=True, exist_ok=True)
    hub = stand_in.StandInHub(state, accounts=accounts, facility_keys=keys, token_seconds=args.token_seconds,
                              host=args.host, port=args.port)
    try:
        url = hub.bind()
    except OSError:  # the port taken, or an address not of this machine
        print(f"Không mở được cổng {args.port} trên {args.host}: có thể cổng đang được dùng. Hãy chọn cổng khác "
              "(--port) rồi thử lại.", file=sys.stderr)
        return 1
    print(f"Cổng liên thông giả lập: {url} ({len(accounts)} tài khoản, {len(keys)} khoá, {len(hub.accepted())} hồ "
          f"sơ đã nhận trước đây, lưu trong {state}).")
    print(f"Đặt địa chỉ này cho đơn vị nhận: station-app office national setup … --url {url}")
    print("Nhấn Ctrl+C để dừng.", flush=True)
    import signal
    # Ctrl+C stops it even when started from a script's background job (which starts it with SIGINT ignored)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        hub.serve_forever()
    except KeyboardInterrupt:
        print(f"Đã dừng; {len(hub.accepted())} hồ sơ đã nhận.")
    return 0


def _office_national(folder, args: argparse.Namespace) -> int:  # noqa: ANN001 - Path
    """``office national setup|trust|push|status`` (services/office/national_service.py)."""
    from station_app.services.office.service import OfficeService

    if args.national_command == "trust" and args.trust_command is None:
        raise _UsageError("Dùng: station-app office national trust add CA.pem | list | remove DẤU_VÂN_TAY")
    service = OfficeService(folder, args.db)
    try:
        return _NATIONAL_COMMANDS[args.national_command](service, args)
    finally:
        service.close()


def _national_setup(service, args: argparse.Namespace) -> int:  # noqa: ANN001 - OfficeService
    from pathlib import Path

    from station_app.services.office import national_service as ns

    if args.p12 and not args.passphrase_env or args.pkcs11_module and not args.pin_env:
        raise _UsageError("Cần --passphrase-env BIẾN cùng --p12, hoặc --pin-env BIẾN cùng --pkcs11-module.")
    password = _from_env(args.password_env) if args.password_env else sys.stdin.readline().rstrip("\r\n")
    try:
        p12 = Path(args.p12).read_bytes() if args.p12 else None
    except OSError:
        raise _UsageError(f"Không đọc được tệp {args.p12}. Kiểm tra đường dẫn rồi chạy lại.") from None
    view = ns.setup_facility(service, ns.FacilityInput(
        station=args.station, sender_id=args.sender_id, ma_cskcb=args.ma_cskcb, gln=args.gln, url=args.url,
        username=args.username, password=password, receiver_id=args.receiver_id, p12=p12,
        passphrase=_from_env(args.passphrase_env) if args.p12 else None, pkcs11_module=args.pkcs11_module,
        pin=_from_env(args.pin_env) if args.pkcs11_module else None, token_label=args.token_label))
    _print_facility(view)
    print("Mật khẩu và khoá đã được mã hoá; không in lại. Đăng ký khoá công khai sau với cổng liên thông:")
    print(ns.facility_public_key(service, view.station))
    return 0


def _print_facility(view) -> None:  # noqa: ANN001 - FacilityView
    key = "USB token" if view.key_kind == "token" else "tệp PKCS#12"
    print(f"Trạm {view.station}: sender_id {view.sender_id}, MA_CSKCB {view.ma_cskcb}, GLN {view.gln}, cổng "
          f"{view.url}, receiver_id {view.receiver_id or 'mặc định'}, tài khoản {view.username}, khoá ký: {key} "
          f"(chứng thư {view.certificate_fingerprint[:16]}…)")


def _national_trust(service, args: argparse.Namespace) -> int:  # noqa: ANN001 - OfficeService
    from pathlib import Path

    from station_app.services.office import national_service as ns

    if args.trust_command == "add":
        ca = ns.trust_add(service, Path(args.pem))
        print(f"Đã tin cậy CA {ca.subject} (dấu vân tay {ca.fingerprint[:16]}…, hết hạn {ca.not_after:%d/%m/%Y}).")
        if ca.released:
            print(f"{ca.released} hồ sơ đang giữ lại đã được kiểm tra lại và chờ gửi.")
    elif args.trust_command == "remove":
        ca = ns.trust_remove(service, args.fingerprint)
        print(f"Đã thôi tin cậy CA {ca.subject}. Chữ ký đã nhận trước đây không bị kiểm tra lại.")
    else:
        for ca in ns.trust_list(service):
            print(f"{ca.fingerprint}\t{ca.subject}\thết hạn {ca.not_after:%d/%m/%Y}")
    return 0


def _national_push(service, args: argparse.Namespace) -> int:  # noqa: ANN001 - OfficeService
    from station_app.services.office import national_service as ns

    summary = ns.push(service, station=args.station, older_than=_duration(args.older_than))
    if args.json:
        print(json.dumps([vars(s) for s in summary.stations], ensure_ascii=False, indent=2))
    for s in [] if args.json else summary.stations:
        print(f"Trạm {s.station}: {s.accepted} được nhận, {s.refused} bị từ chối, {s.retry} sẽ gửi lại sau, "
              f"{s.skipped} còn chờ" + (f" — {s.problem}" if s.problem else ""))
    return 1 if any(s.problem for s in summary.stations) else 0


_STATE_TEXT = {"held": "giữ lại", "waiting": "đang chờ", "pushed": "đã gửi, chờ trả lời", "accepted": "đã liên thông",
               "refused": "bị từ chối"}


def _national_status(service, args: argparse.Namespace) -> int:  # noqa: ANN001 - OfficeService
    from station_app.services.office import national_service as ns

    shown = ns.status(service, station=args.station, older_than=_duration(args.older_than) or dt.timedelta(0))
    if args.json:
        print(json.dumps(shown.as_json(), ensure_ascii=False, indent=2))
        return 0
    for s in shown.stations:
        counts = ", ".join(f"{n} {_STATE_TEXT.get(k, k)}" for k, n in sorted(s.counts.items())) or "chưa có hồ sơ"
        oldest = (f"; chờ lâu nhất từ {s.oldest_waiting.replace(tzinfo=dt.UTC).astimezone():%d/%m/%Y %H:%M}"
                  if s.oldest_waiting else "")
        print(f"Trạm {s.station}: {counts}{oldest}; quá 20 giờ: {s.amber}, quá 24 giờ: {s.red}"
              + (f" — {s.problem}" if s.problem else ""))
    for r in shown.late:
        mark = {"red": "ĐỎ (quá 24 giờ)", "amber": "VÀNG (quá 20 giờ)"}.get(r.colour, "")
        print(f"  {r.station} {r.visit_uid} bản {r.version}: {_STATE_TEXT.get(r.state, r.state)}, {r.hours} giờ "
              f"từ khi khám xong {mark}" + (f" — {r.problem}" if r.problem else ""))
    for r in shown.refused:
        print(f"  BỊ TỪ CHỐI {r.station} {r.visit_uid} bản {r.version}: {r.res_code} {r.res_msg} — {r.hint}")
    for r in shown.held:
        print(f"  GIỮ LẠI {r.station} {r.visit_uid} bản {r.version}: {r.problem}")
    for r in shown.blocked:
        print(f"  CHỜ {r.station} {r.visit_uid} bản {r.version}: {r.problem}")
    return 0


def _duration(text: str | None) -> dt.timedelta | None:
    """``20h``, ``90m``, ``2d`` (a bare number: hours)."""
    if not text:
        return None
    found = re.fullmatch(r"\s*(\d{1,5})\s*([hmd]?)\s*", text)
    if found is None:
        raise _UsageError(f"Thời gian '{text}' không hiểu được: viết như 20h, 90m hoặc 2d.")
    unit = {"m": "minutes", "d": "days"}.get(found[2], "hours")
    return dt.timedelta(**{unit: int(found[1])})


def _national_receipts(service, args: argparse.Namespace) -> int:  # noqa: ANN001 - OfficeService
    from pathlib import Path

    from station_app.services.office.national_receipts import write_national

    path = write_national(service, args.station, Path(args.out))
    print(f"Đã ghi biên nhận liên thông của trạm {args.station}: {path}. Chép tệp này vào USB; ở trạm: "
          "'station-app receipts import' (cùng các biên nhận lô).")
    return 0


_NATIONAL_COMMANDS = {"setup": _national_setup, "trust": _national_trust, "push": _national_push,
                      "status": _national_status, "receipts": _national_receipts}


def _office_window(args: argparse.Namespace) -> int:
    """``station-app office [--dir D] [--db URL]``: the office staff's window (it opens its log itself)."""
    from station_app.app import NO_DISPLAY_MESSAGE, display_available

    if not display_available():
        print(NO_DISPLAY_MESSAGE, file=sys.stderr)
        return 2
    from station_app.ui.office.main import run  # Qt is imported only when a window is wanted

    return run(_office_dir(args), args.db)


def _office_stations(service, args: argparse.Namespace) -> int:  # noqa: ANN001 - OfficeService
    from pathlib import Path

    if args.stations_command == "add":
        info = service.add_station(Path(args.pem), args.code, name=args.name, site=args.site)
        print(f"Đã đăng ký trạm {info.code}; mã khoá (key_id): {info.key_id}")
        return 0
    if args.stations_command == "rekey":
        info = service.rekey_station(args.code, Path(args.pem), from_sequence=args.from_sequence, note=args.note)
        print(f"Đã đăng ký khoá mới của trạm {info.code} cho các lô từ số {args.from_sequence}; mã khoá (key_id): "
              f"{info.key_id}. Khoá cũ vẫn dùng để kiểm tra các lô trước số này.")
        return 0
    if args.stations_command in ("accept-chain", "chain-decisions"):
        return _office_chain(service, args)
    for s in service.stations():
        gaps = ", ".join(map(str, s.gaps)) or "không"
        keys = f" (khoá thứ {s.keys})" if s.keys > 1 else ""
        audit = "—" if s.audit_seq is None else f"sự kiện số {s.audit_seq}"
        rewound = " — ĐÃ BỊ LÙI LẠI, hãy kiểm tra nhật ký của trạm" if s.audit_rewound else ""
        print(f"{s.code}\t{s.name or ''}\tkhoá {s.key_id[:16]}{keys}\t{s.batches} lô, mới nhất "
              f"{s.last_sequence or '—'}\tthiếu: {gaps}\tnhật ký: {audit}{rewound}")
    return 0


def _office_chain(service, args: argparse.Namespace) -> int:  # noqa: ANN001 - OfficeService
    from station_app.services.office.chain import accept_chain, chain_decisions

    if args.stations_command == "accept-chain":
        d = accept_chain(service, args.code, from_sequence=args.from_sequence, reason=args.reason, decided_by=args.by)
        held = (f"Lô số {d.from_sequence} đang giữ (mã băm {d.held_manifest_sha256[:16]}…) sẽ được đặt sang bên khi "
                "lô mới cùng số đến." if d.held_manifest_sha256 else f"Chưa giữ lô số {d.from_sequence} nào.")
        print(f"Đã ghi quyết định số {d.id}: nhận chuỗi lô mới của trạm {d.station_code} từ lô số {d.from_sequence} "
              f"(người quyết định: {d.decided_by}). {held} Hãy nhập lại các lô của trạm (cả các lô trong thư mục "
              "quarantine) bằng 'station-app office import'.")
        return 0
    for d in chain_decisions(service, args.code):
        used = (f"đã dùng {d.accepted_at:%Y-%m-%d %H:%M} UTC cho lô {d.accepted_manifest_sha256[:16]}…"
                + (f", thay lô {d.set_aside['manifest_sha256'][:16]}…" if d.set_aside else "")
                if d.accepted_at else "chưa dùng")
        print(f"{d.id}\t{d.station_code}\ttừ lô {d.from_sequence}\t{d.decided_at:%Y-%m-%d %H:%M} UTC\t{d.decided_by}"
              f"\t{used}\t{d.reason}")
    return 0


_STATUS_TEXT = {"imported": "đã nhập", "duplicate": "đã nhập từ trước, không thay đổi gì",
                "quarantined": "bị cách ly"}


def _office_import(service, args: argparse.Namespace) -> int:  # noqa: ANN001 - OfficeService
    from pathlib import Path

    paths = [Path(p) for p in args.paths]
    if missing := [p for p in paths if not p.exists()]:  # a mistyped path or a stick not plugged in: nothing to keep
        print(f"Không tìm thấy: {', '.join(map(str, missing))}. Kiểm tra đường dẫn (và ổ USB đã cắm chưa) rồi "
              "chạy lại; chưa nhập tệp nào.", file=sys.stderr)
        return 2
    report = service.import_paths(paths, receipts_to=Path(args.receipts) if args.receipts else None,
                                  validate_fhir=args.validate_fhir)
    if not report.outcomes:
        print("Không thấy tệp lô (.batch) nào.", file=sys.stderr)
        return 1
    for o in report.outcomes:
        line = f"{o.file}: {_STATUS_TEXT[o.status]}"
        if o.status == "quarantined":
            line += f" ({o.reason_text}); " + (f"bản sao: {o.quarantined_to}" if o.quarantined_to
                                               else "không ghi được bản sao vào thư mục quarantine")
        elif o.status == "imported":
            line += f" ({o.counts.get('visits', 0)} lượt khám, {o.counts.get('residents', 0)} người dân)"
        print(line)
    for code, missing in report.gaps.items():
        print(f"Trạm {code} còn thiếu lô số: {', '.join(map(str, missing))}")
    return 1 if report.with_status("quarantined") else 0


def _office_report(service, args: argparse.Namespace) -> int:  # noqa: ANN001 - OfficeService
    from pathlib import Path

    from station_app.services.office.report import write_report
    from station_app.services.office.service import OfficeReportFileError

    out = Path(args.out)
    if out.suffix.lower() not in (".xlsx", ".pdf", ".csv"):
        raise OfficeReportFileError(path=str(out))
    try:
        write_report(service.report(), out)
    except OSError as exc:
        raise OfficeReportFileError(path=str(out)) from exc
    print(f"Đã ghi báo cáo: {out}")
    return 0


_OFFICE_COMMANDS = {"stations": _office_stations, "import": _office_import, "report": _office_report}


def cmd_receipts(args: argparse.Namespace) -> int:
    from pathlib import Path

    from station_app.services.station.receipts import import_receipts

    if args.receipts_command != "import":
        print("Dùng: station-app receipts import FILE_OR_FOLDER…", file=sys.stderr)
        return 2
    ctx = _context(args)
    _sign_in(args, ctx, Permission.EXPORT_DATA)  # a receipt lets the station stop resending a batch
    result = import_receipts(ctx.db, ctx.data_dir, paths=[Path(p) for p in args.paths])
    for sequence in result.acknowledged:
        print(f"Lô số {sequence}: đơn vị nhận đã xác nhận.")
    for sequence in result.already:
        print(f"Lô số {sequence}: đã được xác nhận từ trước.")
    for sequence, reason in result.rejected:
        print(f"Lô số {sequence}: đơn vị nhận KHÔNG nhận ({reason}). Lô sẽ được ghi lại ở lần xuất sau.",
              file=sys.stderr)
    for name, applied in result.national:
        print(f"{name}: trạng thái liên thông của {applied.changed} lượt khám được cập nhật "
              f"({applied.records} trong biên nhận).")
    for name, reason in result.refused:
        print(f"{name}: bị từ chối ({reason}).", file=sys.stderr)
    if not result.found_any:
        print("Không thấy tệp biên nhận (.receipt.json) nào.", file=sys.stderr)
        return 1
    return 1 if result.refused or result.rejected else 0


def cmd_upload(args: argparse.Namespace) -> int:
    """Send the unacknowledged batches; 1 if any was refused, not acknowledged or the office unreachable."""
    from station_app.services.station.upload import UploadService

    ctx = _context(args)
    user = _sign_in(args, ctx, Permission.EXPORT_DATA)
    service = UploadService(ctx.db, ctx.data_dir)
    if args.address is not None:
        target = service.set_address(user, args.address, tls_sha256=args.pin)
        print(f"Địa chỉ gửi: {target.url}" if target else "Chưa có địa chỉ gửi trong gói khoá của đơn vị nhận.")
    target = service.require_target()
    if args.make:
        made = service.make_batch(user)
        print(f"Đã tạo lô số {made}." if made else "Không có thay đổi mới từ lô trước; không tạo lô mới.")
    waiting = service.waiting()
    if not waiting:
        print(f"Không có lô nào chờ gửi đến {target.office_name}.")
        _sync_national(service)
        return 0
    print(f"Gửi {len(waiting)} lô đến {target.office_name} ({target.url})…")
    report = service.send_pending(progress=_print_upload, max_tries=max(args.tries, 1))
    _sync_national(service)
    return 0 if report.ok else 1


def _sync_national(service) -> None:  # noqa: ANN001 - UploadService, imported lazily
    """After sending: the office's national receipt, so the lists show what the national system said. The exit
    code stays the batches': the states come again with the next sending."""
    from station_app.core.errors import StationError

    try:
        applied = service.sync_national()
    except StationError as exc:
        print(f"Trạng thái liên thông: chưa cập nhật được. {exc}", file=sys.stderr)
        return
    print(f"Trạng thái liên thông: {applied.changed} lượt khám được cập nhật ({applied.records} trong biên nhận).")


def _print_upload(progress) -> None:  # noqa: ANN001 - UploadProgress, imported lazily
    from station_app.services.station.upload import ALREADY

    if progress.retry_in is not None:
        print(f"Lô số {progress.sequence}: {progress.error} Thử lại sau {progress.retry_in:.0f} giây.",
              file=sys.stderr)
    outcome = progress.outcome
    if outcome is None:
        return
    head = f"Lô số {outcome.sequence} ({outcome.file_name}): "
    if outcome.ok:
        counts = ", ".join(f"{outcome.counts.get(key, 0)} {label}" for key, label in _COUNT_LABELS[:3])
        word = "đã được nhận từ trước" if outcome.status == ALREADY else "đơn vị nhận đã nhận"
        print(f"{head}{word} lúc {outcome.imported_at} ({counts}).")
    elif outcome.status == "rejected":
        print(f"{head}bị từ chối: {outcome.reason.rstrip('.')}. Lô vẫn chờ để gửi lại khi đơn vị nhận đã xử lý.")
    else:
        print(f"{head}chưa được nhận: {outcome.reason.rstrip('.')}.")


def cmd_roster(args: argparse.Namespace) -> int:
    if args.roster_command != "import":
        print("Cần chọn: import.", file=sys.stderr)
        return 2
    from pathlib import Path

    from station_app.services.station.roster_import import RosterImportService

    mapping = _read_mapping(Path(args.mapping)) if args.mapping else None
    ctx = _context(args)
    user = _sign_in(args, ctx, Permission.IMPORT_ROSTER)
    service = RosterImportService(ctx.db, ctx.data_dir)
    report = service.import_file(user, Path(args.file), mapping=mapping,
                                 report_path=Path(args.report) if args.report else None,
                                 default_commune=ctx.station.info().commune_code, progress=_print_progress)
    print(report.summary())
    return 0


def _read_mapping(path):  # noqa: ANN001, ANN202 - ColumnMapping, imported lazily
    from station_app.services.station.roster_import import ColumnMapping

    try:
        return ColumnMapping.from_json(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:  # a missing file, not UTF-8, not JSON
        raise SystemExit(f"Không đọc được tệp ghép cột {path} ({type(exc).__name__}). Hãy kiểm tra đường dẫn, "
                         "và tệp phải là JSON dạng {\"Tên cột trong tệp\": \"full_name\", ...}.") from exc


DECODE_EPILOG = """\
Kết quả --json: một đối tượng cho mỗi mã; ảnh có nhiều mã cho một danh sách (list) các đối tượng, theo thứ tự
đọc (trên xuống, trái sang phải); ảnh có đúng một mã, hoặc nội dung mã, cho một đối tượng. JSON chỉ dùng ký tự
ASCII (chữ có dấu viết dạng \\uXXXX). Các khoá, luôn đủ cả:
  kind              cccd | bhyt | slip | unknown
  national_id, old_id, insurance_number, full_name, address, visit_id (chỉ phiếu khám): chuỗi hoặc null
  date_of_birth     "YYYY-MM-DD", hoặc "YYYY" khi thẻ/phiếu chỉ ghi năm sinh, hoặc null
  sex               male | female | null
  issued_on, valid_from, valid_to: "YYYY-MM-DD" hoặc null
  warnings          danh sách mã cảnh báo (id_sex_mismatch, id_birth_year_mismatch, insurance_expired,
                    insurance_not_yet_valid, mangled_text, malformed_field, implausible_field)
  error             null, hoặc lý do khi kind là unknown (empty, not_utf8, not_a_card, wrong_field_count,
                    truncated, slip_damaged, unsupported_slip; no_code: ảnh không có mã QR nào)
Mã thoát: 0 khi nhận ra ít nhất một thẻ/phiếu (kind khác unknown); 1 khi không nhận ra, ảnh không có mã,
hoặc không mở được tệp ảnh; 2 khi dùng sai lệnh."""
_KIND_LABELS = {"cccd": "Căn cước công dân (CCCD)", "bhyt": "Thẻ bảo hiểm y tế (BHYT)",
                "slip": "Phiếu khám của trạm", "unknown": "Không nhận ra"}
_FIELD_LABELS = {"national_id": "Số định danh cá nhân", "old_id": "Số CMND cũ", "insurance_number": "Mã thẻ BHYT",
                 "visit_id": "Mã lượt khám", "full_name": "Họ và tên", "date_of_birth": "Ngày sinh",
                 "sex": "Giới tính", "address": "Địa chỉ", "issued_on": "Ngày cấp", "valid_from": "Giá trị từ",
                 "valid_to": "Giá trị đến"}
_SEX_LABELS = {"male": "Nam", "female": "Nữ"}
_NO_CODE = "no_code"
_JSON_KEYS = ("kind", "national_id", "old_id", "insurance_number", "full_name", "date_of_birth", "sex", "address",
              "issued_on", "valid_from", "valid_to", "visit_id", "warnings", "error")
_NO_CODE_TEXT = ("Không tìm thấy mã QR nào trong ảnh. Hãy chụp lại cho rõ, đủ sáng, mã nằm trọn trong ảnh "
                 "và không bị che.")


def cmd_decode(args: argparse.Namespace) -> int:
    """Decode and parse without the station's data: no database, and nothing personal is logged."""
    from station_app.core.qr_payloads import parse_bytes, parse_payload

    today = dt.date.today()
    if args.source == "-":
        results = [parse_bytes(sys.stdin.buffer.read(), today)]
    elif _is_file(args.source):
        from station_app.services.common.decoding import decode_image

        results = [parse_payload(text, today) for text in decode_image(args.source)]
    else:
        results = [_parse_argument(args.source, today)]
    log.info("decode: %d code(s)", len(results))
    objects = [_scan_json(r) for r in results] or [_scan_json(None)]
    if args.json:
        print(json.dumps(objects[0] if len(objects) == 1 else objects, indent=2))
    else:
        _print_scans(results, objects)
    return 0 if any(o["kind"] != "unknown" for o in objects) else 1


def _is_file(source: str) -> bool:
    try:
        return os.path.isfile(source)
    except (OSError, ValueError):  # a payload too long for a path, or holding characters no path may
        return False


def _parse_argument(text: str, today: dt.date):  # noqa: ANN202 - ScanResult, imported lazily
    from station_app.core.qr_payloads import parse_bytes, parse_payload

    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # bytes that were not UTF-8 reach argv as surrogates: give back the bytes
        return parse_bytes(os.fsencode(text), today)
    return parse_payload(text, today)


def _scan_json(result) -> dict[str, object]:  # noqa: ANN001 - ScanResult, or None for an image without a code
    if result is None:
        return {**dict.fromkeys(_JSON_KEYS), "kind": "unknown", "warnings": [], "error": _NO_CODE}
    iso = lambda d: d.isoformat() if d else None  # noqa: E731
    return {"kind": result.kind.value, "national_id": result.national_id, "old_id": result.old_id,
            "insurance_number": result.insurance_number, "full_name": result.full_name,
            "date_of_birth": iso(result.birth_date) or (str(result.birth_year) if result.birth_year else None),
            "sex": result.sex.value if result.sex and result.sex.value in _SEX_LABELS else None,
            "address": result.address, "issued_on": iso(result.issued_on), "valid_from": iso(result.valid_from),
            "valid_to": iso(result.valid_to), "visit_id": result.visit_id,
            "warnings": [w.value for w in result.warnings], "error": result.error}


def _print_scans(results: list, objects: list[dict[str, object]]) -> None:
    from station_app.core.cards import ScanWarning
    from station_app.core.qr_payloads import ERROR_TEXT, WARNING_TEXT

    for number, obj in enumerate(objects, 1):
        result = results[number - 1] if results else None
        if len(objects) > 1:
            print(f"--- Mã {number}/{len(objects)} ---")
        print(f"Loại mã: {_KIND_LABELS[str(obj['kind'])]}")
        for key, label in _FIELD_LABELS.items():
            if obj[key] is not None:
                print(f"{label}: {_shown(key, obj[key])}")
        if result is not None and result.bad_fields:
            fields = ", ".join(_FIELD_LABELS.get(_json_name(f), f) for f in result.bad_fields)
            print(f"Trường bỏ trống (sai định dạng hoặc không thể đúng): {fields}")
        for code in obj["warnings"]:  # type: ignore[union-attr]
            print(f"Cảnh báo: {WARNING_TEXT[ScanWarning(code)]}")
        if obj["error"]:
            error = str(obj["error"])
            print(f"Lỗi: {_NO_CODE_TEXT if error == _NO_CODE else ERROR_TEXT.get(error, error)}")
        if result is not None:
            raw = result.raw.encode("utf-8", "backslashreplace").decode("utf-8")
            print(f"Nội dung đọc được ({len(result.raw)} ký tự): {raw}")


def _json_name(field_name: str) -> str:
    return {"birth_date": "date_of_birth", "birth_year": "date_of_birth"}.get(field_name, field_name)


def _shown(key: str, value: object) -> str:
    if key == "sex":
        return _SEX_LABELS[str(value)]
    if key in ("date_of_birth", "issued_on", "valid_from", "valid_to") and len(str(value)) == 10:
        return dt.date.fromisoformat(str(value)).strftime("%d/%m/%Y")
    return str(value)


LISTS_EPILOG = """\
Thứ tự (--sort): daily: queue (mặc định), name, village, health_class; pending: walk (mặc định: theo hộ, địa
chỉ), priority, name; referrals: date (mặc định), urgency, village, name; duplicates: name (mặc định), village.
Nhóm đối tượng (--group): policy, elderly, poor, near_poor, disabled, ethnic_minority, child_under_6, pupil,
other (hoặc tên tiếng Việt). Ví dụ:
  station-app lists daily --date 23/11/2026 --out ds-ngay.pdf
  station-app lists pending --village "Bản Nà Phát" --out chua-kham.xlsx
Mã thoát: 0 đã lưu tệp; 1 không lưu được (thôn/bản không có, không ghi được tệp); 2 dùng sai lệnh."""
_LIST_NAMES = {"daily": "danh sách trong ngày", "pending": "danh sách chưa khám",
               "referrals": "danh sách chuyển tuyến", "duplicates": "danh sách có thể trùng"}


class _UsageError(Exception):
    """Bad input on the command line: the message says what to type instead; exit code 2."""


def cmd_lists(args: argparse.Namespace) -> int:
    try:
        filters = _list_filter(args)
    except _UsageError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    from station_app.core.text import number
    from station_app.services.station.list_exports import FORMATS, export_list

    from pathlib import Path

    out = Path(args.out)
    if out.suffix.lower() not in FORMATS:
        print(f"Tệp kết quả phải có đuôi .pdf, .csv hoặc .xlsx (đã nhập: {args.out}).", file=sys.stderr)
        return 2
    ctx = _context(args)
    user = _sign_in(args, ctx, Permission.PRINT_LISTS)  # names, ID numbers, addresses: the coordinator's lists
    service = ctx.lists
    if args.kind == "daily":
        the_list = service.daily(user, filters)
    elif args.kind == "pending":
        the_list = service.pending(user, filters, hardest_only=args.hardest)
    elif args.kind == "referrals":
        the_list = service.referrals(user, filters)
    else:
        the_list = service.duplicates(user, filters)
    result = export_list(the_list, out, printed_by=f"{user.full_name} (dòng lệnh)")
    pages = f", {number(result.pages)} trang" if result.pages else ""
    print(f"Đã lưu {_LIST_NAMES[args.kind]}: {number(result.rows)} dòng{pages} → {result.path}")
    return 0


RECORD_EPILOG = """\
Ví dụ:
  station-app record 01a2…c3 --out phieu-kham.pdf
  station-app record --date 2026-11-23 --out phieu-ngay-23 --format xml
Mỗi lượt khám một tệp, tên là mã lượt khám. Mã thoát: 0 mọi phiếu hợp lệ; 1 có phiếu còn thiếu hoặc sai (vẫn ghi
tệp, các lỗi in theo từng lượt khám) hoặc không tìm thấy lượt khám; 2 dùng sai lệnh."""


def cmd_record(args: argparse.Namespace) -> int:
    from pathlib import Path

    from station_app.services.station.pl01_exports import FORMATS, write

    day = _date_arg(args.date, "--date")
    if (day is None) == (args.visit_id is None):
        raise _UsageError("Hãy ghi một mã lượt khám, hoặc --date NGÀY cho mọi lượt đã khám xong trong ngày "
                          "(không dùng cả hai).")
    out = Path(args.out)
    if day is None and out.suffix.lower().lstrip(".") not in FORMATS:
        raise _UsageError(f"Tệp kết quả phải có đuôi .pdf, .json hoặc .xml (đã nhập: {args.out}).")
    if day is not None and out.exists() and not out.is_dir():
        raise _UsageError(f"Với --date, --out phải là một thư mục (đã có tệp {args.out}).")
    ctx = _context(args)
    user = _sign_in(args, ctx, Permission.EXPORT_DATA)  # names, ID numbers and findings of the residents
    service = ctx.pl01_records
    if day is None:
        records, kind = [service.of_visit(user, args.visit_id.strip())], None
        paths = [out]
    else:
        records, kind = service.completed_on(user, day), args.format
        out.mkdir(parents=True, exist_ok=True)
        paths = [out / f"{r.visit_id}.{kind}" for r in records]
    invalid = 0
    for found, path in zip(records, paths):
        write(found, path, kind, printed_by=f"{user.full_name} (dòng lệnh)")
        if found.problems:
            invalid += 1
            print(f"Lượt khám {found.visit_id} (mẫu {found.definition.number}): {len(found.problems)} lỗi", file=sys.stderr)
            for problem in found.problems:
                print(f"  - {problem.message_vi}", file=sys.stderr)
    if records:
        service.exported(user, records=records, kind=kind or out.suffix.lower().lstrip("."))
    if day is not None:
        print(f"Đã ghi {len(records)} phiếu khám ngày {day:%d/%m/%Y} vào {out} ({invalid} phiếu còn lỗi).")
    else:
        print(f"Đã ghi phiếu khám mẫu {records[0].definition.number} → {out}"
              + (" (còn lỗi, xem ở trên)." if invalid else "."))
    return 1 if invalid else 0


def _list_filter(args: argparse.Namespace):  # noqa: ANN202 - ListFilter, imported lazily
    from station_app.services.station.lists import ListFilter

    day = _date_arg(args.date, "--date")
    start, end = _date_arg(args.date_from, "--from"), _date_arg(args.date_to, "--to")
    if day and (start or end):
        raise _UsageError("Dùng --date cho một ngày, hoặc --from/--to cho một khoảng; không dùng cả hai.")
    if start and end and start > end:
        raise _UsageError(f"Ngày --from ({start:%d/%m/%Y}) sau ngày --to ({end:%d/%m/%Y}). Hãy đổi lại cho đúng.")
    return ListFilter(date_from=day or start, date_to=day or end, village=args.village,
                      target_group=_group_arg(args.group), status=args.status, sort=args.sort)


def _date_arg(text: str | None, option: str) -> dt.date | None:
    if text is None:
        return None
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"):
        try:
            return dt.datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    raise _UsageError(f"Ngày không hợp lệ ở {option}: '{text}'. Hãy viết dạng YYYY-MM-DD hoặc DD/MM/YYYY, "
                      "ví dụ 2026-11-23 hoặc 23/11/2026.")


def _group_arg(text: str | None):  # noqa: ANN202 - TargetGroup
    from station_app.core.model import TARGET_GROUP_LABELS, TargetGroup
    from station_app.core.names import normalise_name

    if text is None:
        return None
    wanted = normalise_name(text.replace("_", " "))
    for group in TargetGroup:
        if wanted in (normalise_name(group.value.replace("_", " ")), normalise_name(TARGET_GROUP_LABELS[group])):
            return group
    choices = ", ".join(f"{g.value} ({TARGET_GROUP_LABELS[g]})" for g in TargetGroup)
    raise _UsageError(f"Không có nhóm đối tượng '{text}'. Hãy chọn một trong: {choices}.")


def _print_progress(done: int, total: int) -> None:
    if sys.stderr.isatty():
        print(f"\r{done}/{total}", end="" if done < total else "\n", file=sys.stderr, flush=True)


COMMANDS: dict[str, Handler] = {"init": cmd_init, "keys": cmd_keys, "users": cmd_users, "audit": cmd_audit, "demo": cmd_demo,
                               "campaign": cmd_campaign, "roster": cmd_roster, "decode": cmd_decode, "lists": cmd_lists,
                               "record": cmd_record,
                               "export": cmd_export, "office": cmd_office, "receipts": cmd_receipts, "upload": cmd_upload,
                               "self-test": cmd_self_test}


def _utf8_streams() -> None:
    """Vietnamese output must never crash a command: a Windows console program whose output goes to a file or a
    pipe (an IT person's `station-app-cli self-test > may.txt`) writes in the ANSI code page (cp1252, or cp1258 on a
    Vietnamese Windows), which has no "ạ" or "ể". Our output is UTF-8 wherever it goes, as in Python's UTF-8 mode."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        encoding = (getattr(stream, "encoding", None) or "").replace("_", "-").lower()
        if encoding not in ("utf-8", "utf8") and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_streams()
    args = _parser().parse_args(argv)
    if args.command is None:
        from station_app.app import resolve_data_dir, run_gui

        return run_gui(resolve_data_dir(args.data_dir))
    try:
        return COMMANDS[args.command](args)
    except StationError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    except _UsageError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except (KeyboardInterrupt, EOFError):
        print("Đã dừng.", file=sys.stderr)
        return 130
    except Exception as exc:  # the user never sees a traceback; the log keeps it
        if is_disk_full(exc):  # not a fault of the program: say what to do, and log no traceback
            log.warning("command %s stopped: the disk is full", args.command)
            print(str(DiskFullError()), file=sys.stderr)
            return 1
        log.exception("unexpected error in command %s", args.command)
        print("Lỗi ngoài dự kiến; chi tiết đã được ghi vào nhật ký (thư mục logs trong thư mục dữ liệu).",
              file=sys.stderr)
        return 1
