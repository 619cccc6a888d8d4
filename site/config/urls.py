from django.contrib.auth import views as auth_views
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from courses.views import search as courses_views
from courses.views import video as video_views
from home import views as home_views

urlpatterns = [
    path("healthz", home_views.healthz, name="healthz"),
    path("search/", courses_views.search, name="search"),
    path("video/<uuid:render_id>/phu-de.vtt", video_views.captions, name="video_captions"),
    path("video/<uuid:render_id>/chuong.vtt", video_views.chapters, name="video_chapters"),
    path("video/<uuid:render_id>/da-xem/", video_views.watched, name="video_watched"),
    path(
        "tai-khoan/dang-nhap/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True),
        name="account_login",
    ),
    path("tai-khoan/dang-xuat/", auth_views.LogoutView.as_view(), name="account_logout"),
    path("thuc-hanh/", include("sandbox.urls")),
    path("", include("training.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

urlpatterns.append(path("", include(wagtail_urls)))

# Friendly Vietnamese pages for every error a phone can meet: never a traceback or a list
# of URLs, whatever mode the trainer started (see home.errors).
handler400 = "home.errors.bad_request"
handler403 = "home.errors.permission_denied"
handler404 = "home.errors.page_not_found"
handler500 = "home.errors.server_error"
