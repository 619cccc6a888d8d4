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
