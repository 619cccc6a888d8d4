from django.conf import settings
from django.core.management.base import BaseCommand

from courses.demo.accounts import DEFAULT_DEMO_PASSWORD, demo_accounts_ensure

from ...demo import training_demo_scopes_ensure, training_demo_seed
from ...demo_site import demo_site_seed


class Command(BaseCommand):
    help = "Load the Vietnamese demo procedures, courses and accounts (safe to run twice)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--update",
            action="store_true",
            help="Rewrite and republish the demo pages from the data files.",
        )
        parser.add_argument(
            "--no-accounts", action="store_true", help="Do not create the demo accounts."
        )

    def handle(self, *args, update=False, no_accounts=False, **options):
        report = demo_site_seed(update=update)
        self.stdout.write(
            f"Trang mẫu: {len(report.created)} tạo mới, {len(report.updated)} cập nhật, "
            f"{len(report.unchanged)} giữ nguyên."
        )
        self.stdout.write(
            f"Môi trường thực hành: {report.sandbox_written} mục tạo mới hoặc cập nhật."
        )
        self.stdout.write(f"Đơn vị tổ chức lớp: {training_demo_seed()} tạo mới.")
        if no_accounts:
            return
        if not settings.DEBUG and settings.DEMO_PASSWORD == DEFAULT_DEMO_PASSWORD:
            self.stderr.write(
                "Không tạo tài khoản mẫu: máy chủ không ở chế độ phát triển mà DEMO_PASSWORD "
                "vẫn là mật khẩu mặc định. Đặt DEMO_PASSWORD rồi chạy lại."
            )
            return
        self.stdout.write(f"Tài khoản mẫu (mật khẩu: {settings.DEMO_PASSWORD}):")
        for username, full_name, role in demo_accounts_ensure():
            self.stdout.write(f"  {username:<10} {role:<20} {full_name}")
        training_demo_scopes_ensure()
