from django.urls import path

from .views import (
    attendance,
    certificates,
    classes,
    follow_ups,
    learner,
    learners,
    pacing,
    pictures,
    reports,
    skill_checks,
)

app_name = "training"

urlpatterns = [
    path("lop/", classes.class_list, name="classes"),
    path("lop/<int:class_id>/", classes.class_detail, name="class"),
    path("lop/<int:class_id>/bang/", classes.board, name="board"),
    path("lop/<int:class_id>/buoc/", pacing.pace, name="pace"),
    path("lop/<int:class_id>/kiem-tra-cuoi-khoa/", skill_checks.invigilation, name="invigilation"),
    path("lop/goi-hoi-tham/", follow_ups.follow_up_list, name="follow_ups"),
    path("lop/<int:class_id>/bao-cao/", reports.class_report, name="class_report"),
    path("lop/<int:class_id>/the-dang-nhap/", classes.login_cards, name="login_cards"),
    path(
        "lop/<int:class_id>/buoi/<int:session_id>/diem-danh/",
        classes.attendance,
        name="attendance",
    ),
    path(
        "lop/<int:class_id>/buoi/<int:session_id>/ma-diem-danh/",
        attendance.code_screen,
        name="attendance_code",
    ),
    path("diem-danh/<int:session_id>/", attendance.mark_present, name="mark_present"),
    path(
        "lop/<int:class_id>/hoc-vien/<int:enrollment_id>/",
        learners.learner_detail,
        name="learner",
    ),
    path(
        "lop/<int:class_id>/hoc-vien/<int:enrollment_id>/ghi-nhan/",
        learners.progress_override,
        name="override",
    ),
    path(
        "lop/<int:class_id>/hoc-vien/<int:enrollment_id>/nop-that/<int:submission_id>/",
        learners.submission_confirm,
        name="submission_confirm",
    ),
    path(
        "lop/<int:class_id>/hoc-vien/<int:enrollment_id>/hoi-tham/",
        follow_ups.follow_up,
        name="follow_up",
    ),
    path(
        "lop/<int:class_id>/hoc-vien/<int:enrollment_id>/xoa-du-lieu/",
        learners.learner_erase_view,
        name="learner_erase",
    ),
    path("vao-lop/", classes.join, name="join"),
    path("vao-lop/hinh/", pictures.picture_start, name="picture_start"),
    path("vao-lop/hinh/doi-nguoi-hoc/", pictures.picture_switch, name="picture_switch"),
    path("vao-lop/<str:code>/hinh/", pictures.picture_learners, name="picture_learners"),
    path(
        "vao-lop/<str:code>/hinh/<int:enrollment_id>/",
        pictures.picture_sequence,
        name="picture_sequence",
    ),
    path("hoc/", learner.my_classes, name="my_classes"),
    path("hoc/xoa-du-lieu/", learner.erase_my_data, name="erase_my_data"),
    path("hoc/<int:enrollment_id>/", learner.course_progress, name="course_progress"),
    path("hoc/<int:enrollment_id>/buoc/", pacing.class_step, name="class_step"),
    path(
        "hoc/<int:enrollment_id>/danh-gia/<slug:kind_slug>/",
        skill_checks.skill_check,
        name="skill_check",
    ),
    path(
        "hoc/<int:enrollment_id>/doc/<slug:lesson_id>/", learner.reading_done, name="reading_done"
    ),
    path(
        "hoc/<int:enrollment_id>/kiem-tra/<slug:lesson_id>/",
        learner.quiz_answer,
        name="quiz_answer",
    ),
    path("hoc/<int:enrollment_id>/nop-that/", learner.real_submission, name="real_submission"),
    path("chung-nhan/<str:code>/", certificates.certificate_detail, name="certificate"),
    path("chung-nhan/<str:code>.pdf", certificates.certificate_download, name="certificate_pdf"),
    path("xac-minh/<str:code>/", certificates.verify, name="verify"),
    path("bao-cao/", reports.report_index, name="reports"),
    path("bao-cao/don-vi/<int:unit_id>/", reports.unit_report, name="unit_report"),
    path("bao-cao/to-chuc/<int:organiser_id>/", reports.organiser_report, name="organiser_report"),
]
