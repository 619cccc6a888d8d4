from django.urls import path

from . import views

app_name = "training"

urlpatterns = [
    path("lop/", views.class_list, name="classes"),
    path("lop/<int:class_id>/", views.class_detail, name="class"),
    path("lop/<int:class_id>/the-dang-nhap/", views.login_cards, name="login_cards"),
    path(
        "lop/<int:class_id>/buoi/<int:session_id>/diem-danh/", views.attendance, name="attendance"
    ),
    path("vao-lop/", views.join, name="join"),
]
