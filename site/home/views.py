from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .health import platform_health


@never_cache
@require_GET
def healthz(request):
    """JSON for monitoring: 200 when every service answers, 503 otherwise."""
    report = platform_health()
    return JsonResponse(report, status=200 if report["ok"] else 503)
