"""`manage.py training_synthetic_province`: build the made-up province the report
benchmark runs on (see ``training.synthetic`` for what it holds)."""

import time

from django.core.management.base import BaseCommand

from ...synthetic import DEFAULT_SEED, synthetic_province_build


class Command(BaseCommand):
    help = (
        "Tạo một tỉnh dữ liệu giả (100 xã, 2.000 lớp, 60.000 học viên, 5 triệu sự kiện "
        "tiến độ ở --scale 1) để đo tốc độ báo cáo."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0, help="Nhân mọi số lượng.")
        parser.add_argument(
            "--reuse",
            action="store_true",
            help="Giữ tỉnh giả đã có nếu đủ số lượng mong đợi.",
        )
        parser.add_argument("--seed", type=int, default=DEFAULT_SEED)

    def handle(self, *args, scale=1.0, reuse=False, seed=DEFAULT_SEED, **options):
        started = time.monotonic()

        def say(text):
            self.stdout.write(f"[{time.monotonic() - started:7.1f} s] {text}")
            self.stdout.flush()

        synthetic_province_build(scale=scale, seed=seed, reuse=reuse, say=say)
