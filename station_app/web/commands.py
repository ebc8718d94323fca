"""``station-app office serve`` and ``station-app office url``: the office service on the command line.

Loaded by cli.py only for these commands; uvicorn and FastAPI are imported only when the service starts.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from urllib.parse import urlsplit

COMMANDS = ("serve", "url")


def add_parsers(office: argparse._SubParsersAction, where: argparse.ArgumentParser) -> None:
    """The two subcommands, beside ``office init|stations|import|report``."""
    serve = office.add_parser("serve", parents=[where],
                              help="nhận lô qua mạng (HTTP/HTTPS) từ các trạm, trả biên nhận; Ctrl+C để dừng")
    serve.add_argument("--host", default="0.0.0.0", help="địa chỉ nghe (mặc định: mọi địa chỉ của máy)")
    serve.add_argument("--port", type=int, help="cổng (mặc định: cổng trong địa chỉ đã ghi bằng 'office url', "
                                                "hoặc 8765)")
    serve.add_argument("--tls-cert", metavar="PEM", help="chứng chỉ TLS (mặc định: chứng chỉ tự ký do "
                                                         "'office url https://…' tạo, nếu có)")
    serve.add_argument("--tls-key", metavar="PEM", help="khoá riêng của chứng chỉ TLS")
    serve.add_argument("--max-mib", type=int, help="lô lớn nhất nhận qua mạng, MiB (mặc định 64)")
    url = office.add_parser("url", parents=[where],
                            help="ghi địa chỉ gửi lô vào tệp khoá công khai cho trạm; https: tạo chứng chỉ tự ký "
                                 "và ghi dấu vân tay")
    url.add_argument("url", metavar="URL", help="ví dụ https://192.168.1.10:8765")
    url.add_argument("--tls-cert", metavar="PEM", help="dùng chứng chỉ này thay vì chứng chỉ tự ký")
    url.add_argument("--tls-key", metavar="PEM", help="khoá riêng của chứng chỉ này")
    url.add_argument("--new-certificate", action="store_true",
                     help="tạo chứng chỉ tự ký mới (các trạm phải nhập lại tệp khoá)")


def run(folder: Path, args: argparse.Namespace) -> int:
    if (args.tls_cert is None) != (args.tls_key is None):
        print("Hãy dùng cả --tls-cert và --tls-key, hoặc không dùng cả hai.", file=sys.stderr)
        return 2
    return _serve(folder, args) if args.office_command == "serve" else _url(folder, args)


def _url(folder: Path, args: argparse.Namespace) -> int:
    from station_app.services.office.tls import publish_upload_url

    made = publish_upload_url(folder, args.url, tls_cert=_path(args.tls_cert), tls_key=_path(args.tls_key),
                              new_certificate=args.new_certificate)
    print(f"Đã ghi địa chỉ gửi lô {made.upload_url} vào {made.bundle_path} và ảnh mã QR {made.qr_path}.")
    if made.tls_sha256:
        print(f"Chứng chỉ: {made.tls_cert}; dấu vân tay SHA-256: {made.tls_sha256}")
    print("Gửi lại tệp khoá (hoặc ảnh mã QR) cho các trạm để chúng gửi lô qua mạng.")
    return 0


def _serve(folder: Path, args: argparse.Namespace) -> int:
    from station_app.core.batch_format import parse_office_bundle
    from station_app.services.office.service import BUNDLE_FILE, OfficeService
    from station_app.services.office.tls import check_tls_files, own_tls_files
    from station_app.services.office.upload import DEFAULT_MAX_MIB, OfficeUploads
    from station_app.web.serve import DEFAULT_PORT, ServeOptions, serve

    max_mib = DEFAULT_MAX_MIB if args.max_mib is None else args.max_mib
    if max_mib < 1:
        print("--max-mib phải từ 1 trở lên.", file=sys.stderr)
        return 2
    service = OfficeService(folder, args.db)
    try:
        bundle = parse_office_bundle((folder / BUNDLE_FILE).read_bytes())
        tls = (_path(args.tls_cert), _path(args.tls_key)) if args.tls_cert else own_tls_files(folder)
        published = urlsplit(bundle.upload_url or "")
        options = ServeOptions(host=args.host, port=args.port or published.port or DEFAULT_PORT,
                               tls_cert=tls[0] if tls else None, tls_key=tls[1] if tls else None)
        pin = check_tls_files(*tls) if tls else None
        if bundle.upload_url is None:
            print("Chú ý: tệp khoá của đơn vị chưa có địa chỉ gửi lô; hãy chạy 'station-app office url "
                  "https://MÁY:CỔNG' rồi gửi lại tệp khoá cho các trạm.")
        elif bundle.upload_url.startswith("https://") and not tls:
            print("Chú ý: tệp khoá của đơn vị ghi địa chỉ https nhưng không có chứng chỉ để dùng: các trạm sẽ không "
                  "kết nối được. Hãy chạy 'station-app office url https://…' hoặc dùng --tls-cert và --tls-key.")
        elif tls and bundle.tls_sha256 != pin:
            print("Chú ý: dấu vân tay trong tệp khoá của đơn vị không khớp chứng chỉ đang dùng: các trạm sẽ từ chối "
                  "gửi. Hãy chạy 'station-app office url …' rồi gửi lại tệp khoá cho các trạm.")
        print(f"Đơn vị nhận '{service.name}' đang nhận lô tại {options.scheme}://{options.host}:{options.port} "
              f"(lô tối đa {max_mib} MiB). Ctrl+C để dừng.", flush=True)
        serve(OfficeUploads(service, max_mib * 2**20), options)
    except KeyboardInterrupt:
        pass  # Ctrl+C is how the service is stopped: uvicorn let the uploads in progress finish first
    except SystemExit:  # uvicorn could not listen (it logged why)
        print(f"Không mở được cổng {options.port} trên {options.host}: có thể một chương trình khác (hoặc một lần "
              "'office serve' khác) đang dùng cổng này, hoặc cổng dưới 1024 cần quyền quản trị. Hãy chọn cổng khác "
              "bằng --port.", file=sys.stderr)
        return 1
    finally:
        service.close()
    print("Đã dừng nhận lô.")
    return 0


def _path(value: str | None) -> Path | None:
    return Path(value).expanduser() if value else None
