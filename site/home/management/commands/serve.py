"""Serve the platform with gunicorn: `make run` (this laptop) and `make class` (the hall).

With --hall the server listens on every interface, accepts its own LAN addresses as host
names (the trainer types no IP address) and prints the address with a QR code for the
projector; the class pages show the same address in their QR codes.
"""

import os
import sys
from pathlib import Path

import segno

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from home.lan import allowed_hosts_for, lan_addresses

GUNICORN_CONF = Path(settings.SITE_DIR) / "config" / "gunicorn.conf.py"


class Command(BaseCommand):
    help = "Serve the platform with gunicorn (--hall: for phones in the hall)."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument(
            "--hall",
            action="store_true",
            help="Listen on every interface and print the address and QR code for phones.",
        )

    def handle(self, *args, host, port, hall, **options):
        env = dict(os.environ)
        if hall:
            host = "0.0.0.0"  # noqa: S104 - the point of class mode: phones on the LAN
            addresses = lan_addresses()
            if not addresses:
                raise CommandError(
                    "Máy này chưa nối mạng Wi-Fi hay mạng dây nào: điện thoại học viên sẽ "
                    "không vào được. Hãy nối máy vào Wi-Fi của hội trường (hoặc bật điểm "
                    "phát sóng) rồi chạy lại."
                )
            extra = [h for h in env.get("DJANGO_ALLOWED_HOSTS", "").split(",") if h]
            env["DJANGO_ALLOWED_HOSTS"] = ",".join(
                dict.fromkeys([*allowed_hosts_for(addresses), *extra])
            )
            hall_url = f"http://{addresses[0]}:{port}/"
            env["CLASS_HALL_URL"] = hall_url
            self._banner(hall_url, addresses[1:], port)
        else:
            self.stdout.write(f"Công dân số: http://{host}:{port}/")
        self.stdout.flush()
        os.execvpe(  # noqa: S606 - replaces this process with gunicorn, no shell
            sys.executable,
            [
                sys.executable,
                "-m",
                "gunicorn",
                "--config",
                str(GUNICORN_CONF),
                "--bind",
                f"{host}:{port}",
            ],
            env,
        )

    def _banner(self, url, others, port):
        qr = segno.make(url, error="m")
        self.stdout.write("")
        self.stdout.write("Lớp học trên mạng nội bộ. Học viên mở trên điện thoại:")
        self.stdout.write(f"    {url}")
        for other in others:
            self.stdout.write(f"    (hoặc http://{other}:{port}/)")
        self.stdout.write("hoặc quét mã QR này (chiếu lên màn hình):")
        self.stdout.flush()
        qr.terminal(out=self.stdout._out, compact=True)
        self.stdout.write("Mã QR vào lớp của từng lớp nằm trên trang lớp (/lop/).")
