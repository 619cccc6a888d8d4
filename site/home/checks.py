"""System checks for a platform run by several app servers (`manage.py check --deploy`).

At province scale nginx spreads requests over several app servers, each with several
gunicorn workers. Whatever the platform keeps in its cache must then be shared by all of
them, or each keeps its own copy and they disagree.
"""

from django.conf import settings
from django.core import checks

# Cache backends each app server (each gunicorn worker, for the first two) keeps to
# itself, with what that means.
UNSHARED_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache": "giữ bộ nhớ đệm riêng trong từng tiến trình",
    "django.core.cache.backends.dummy.DummyCache": "không lưu gì cả",
    "django.core.cache.backends.filebased.FileBasedCache": "giữ bộ nhớ đệm riêng trên đĩa từng máy",
}


# deploy=True: a trainer's laptop is one server, where a per-process cache is the
# intended default; only `check --deploy` (before a province installation) asks.
@checks.register(checks.Tags.caches, deploy=True)
def shared_cache_check(app_configs, **kwargs):
    warnings = []
    for alias, config in settings.CACHES.items():
        backend = config.get("BACKEND", "")
        behaviour = UNSHARED_CACHES.get(backend)
        if behaviour is None:
            continue
        warnings.append(
            checks.Warning(
                f"{backend.rsplit('.', 1)[-1]} {behaviour}: các máy chủ ứng dụng không "
                "dùng chung bộ nhớ đệm.",
                hint=(
                    "Bộ đếm giới hạn lượt gửi (home.throttle, django-ratelimit) khi đó đếm "
                    "riêng ở từng tiến trình, nên giới hạn bị nhân lên theo số tiến trình; "
                    "Wagtail cũng giữ đường dẫn gốc của site và ảnh thu nhỏ trong bộ nhớ "
                    "đệm, và một thay đổi chỉ được xóa ở tiến trình đã làm nó. Đặt "
                    "REDIS_URL (ví dụ redis://10.0.0.31:6379/1) cho mọi máy chủ ứng dụng."
                ),
                obj=f"CACHES[{alias!r}]",
                id="home.W001",
            )
        )
    return warnings
