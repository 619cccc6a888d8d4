from csp.middleware import CSPMiddleware, PolicyParts

from django.conf import settings
from django.utils import translation


class VietnameseFirstLocaleMiddleware:
    """Activate Vietnamese unless the visitor chose another language with the form.

    Django's LocaleMiddleware would follow the browser's Accept-Language, so an older
    farmer whose phone happens to be set to English would get an English site. Here only
    the language cookie, set by Django's ``set_language`` view, can change the language.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        response.headers.setdefault("Vary", "Cookie")
        return response


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """The site's policy (settings.CONTENT_SECURITY_POLICY) on every page, except that
    Wagtail's admin may also run the inline scripts its own widgets print (date pickers,
    inline panels). The admin is for signed-in staff only; learners never reach it."""

    ADMIN_EXTRA = {"script-src": ["'unsafe-inline'"], "style-src": ["'unsafe-inline'"]}

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and request.path_info.startswith(settings.CSP_ADMIN_PREFIX):
            return PolicyParts(
                parts.config,
                {**(parts.update or {}), **self.ADMIN_EXTRA},
                parts.replace,
                parts.nonce,
            )
        return parts
