from django.core.management.base import BaseCommand, CommandError

from courses.models import ProcedurePage

from ...capture.services import tutorial_capture_check, tutorial_capture_refresh


class Command(BaseCommand):
    help = (
        "Capture tutorial screens from the practice portal where they are missing or out of "
        "date (then render), or with --check play the scripts without storing anything."
    )

    def add_arguments(self, parser):
        parser.add_argument("slugs", nargs="*", help="Procedure slugs (default: every one).")
        parser.add_argument(
            "--check",
            action="store_true",
            help="Play every step's script and report; store nothing.",
        )
        parser.add_argument("--dump", help="With --check: write the screens into this folder.")
        parser.add_argument(
            "--force", action="store_true", help="Capture failed steps again as well."
        )

    def handle(self, *args, slugs=(), check=False, force=False, dump=None, **options):
        pages = ProcedurePage.objects.live().order_by("path")
        if slugs:
            pages = pages.filter(slug__in=slugs)
            missing = set(slugs) - set(pages.values_list("slug", flat=True))
            if missing:
                raise CommandError(f"Không có thủ tục: {', '.join(sorted(missing))}")
        failures = 0
        for page in pages:
            if check:
                report = tutorial_capture_check(page=page, dump_dir=dump)
                for line in report.lines:
                    self.stdout.write(f"{page.slug}: {line}")
                if report.error:
                    failures += 1
                    self.stderr.write(f"{page.slug}: LỖI {report.error}")
                continue
            outcome = tutorial_capture_refresh(page=page, force=force)
            self.stdout.write(f"{page.slug}: {outcome}")
        if failures:
            raise CommandError(f"{failures} thủ tục có kịch bản không khớp môi trường thực hành.")
