from django.core.management.base import BaseCommand
from django.utils import timezone

from sandbox.services.purge import practice_data_purge_expired


class Command(BaseCommand):
    help = "Xóa dữ liệu thực hành đã quá hạn lưu giữ (SANDBOX_RETENTION_DAYS)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Số ngày lưu giữ (mặc định: SANDBOX_RETENTION_DAYS).",
        )

    def handle(self, *args, days=None, **options):
        owners = practice_data_purge_expired(now=timezone.now(), days=days)
        self.stdout.write(f"Đã xóa dữ liệu thực hành của {len(owners)} người học.")
