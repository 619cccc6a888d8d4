from django.urls import path

from home.throttle import browser_or_address, throttle

from .forms import OtpForm
from .views import accounts, desk, home, tracking, wizard


def _resend_only(group, request):
    """The OTP pages' limit counts "Gửi lại mã" presses only, not codes typed."""
    return "5/15m" if OtpForm(request.POST).values()["resend"] else None


# Writes a script could repeat without end, limited per browser and per address. A hall of
# forty phones behind one address stays far below the address limits.
practice_card = throttle(
    ("sandbox-card-browser", "10/h", browser_or_address), ("sandbox-card-address", "300/h", "ip")
)(accounts.practice_card)
register = throttle(
    ("sandbox-register-browser", "20/h", browser_or_address),
    ("sandbox-register-address", "300/h", "ip"),
)(accounts.register)
register_otp = throttle(
    ("sandbox-otp-browser", "20/10m", browser_or_address),
    ("sandbox-otp-address", "600/10m", "ip"),
    ("sandbox-otp-resend", _resend_only, browser_or_address),
)(accounts.register_otp)
practice_login = throttle(
    ("sandbox-login-browser", "30/10m", browser_or_address),
    ("sandbox-login-address", "600/10m", "ip"),
)(accounts.login)
# Guessing is stopped first by the code's own limit (5 wrong, then the password again);
# these limits catch a script going round both.
login_code = throttle(
    ("sandbox-login-code-browser", "20/10m", browser_or_address),
    ("sandbox-login-code-address", "600/10m", "ip"),
    ("sandbox-login-code-resend", _resend_only, browser_or_address),
)(accounts.login_code)

app_name = "sandbox"

urlpatterns = [
    path("", home.home, name="home"),
    path("cai-dat/", home.settings_update, name="settings"),
    path("xoa-du-lieu/", home.purge, name="purge"),
    path("cong-gia/", home.fraud_lesson, name="fraud_lesson"),
    path("bai-tap/<slug:slug>/bat-dau/", home.exercise_begin, name="exercise_begin"),
    path("the-luyen-tap/", practice_card, name="card"),
    path("ma-kiem-tra.png", accounts.captcha_image, name="captcha"),
    path("dang-ky/", register, name="register"),
    path("dang-ky/xac-nhan/", register_otp, name="register_otp"),
    path("dang-ky/mat-khau/", accounts.register_password, name="register_password"),
    path("dang-nhap/", practice_login, name="login"),
    path("dang-nhap/xac-nhan/", login_code, name="login_code"),
    path("dang-nhap/vneid/", accounts.vneid_login, name="vneid"),
    path("dang-xuat/", accounts.logout, name="logout"),
    path("thu-tuc/", wizard.procedures, name="procedures"),
    path("thu-tuc/<slug:slug>/", wizard.procedure_detail, name="procedure"),
    path("ho-so/<uuid:dossier_id>/buoc/<slug:step>/", wizard.wizard, name="wizard"),
    path("ho-so/<uuid:dossier_id>/thanh-toan/", wizard.payment, name="payment"),
    path("ho-so/<uuid:dossier_id>/thanh-cong/", wizard.submitted, name="submitted"),
    path("cong-thanh-toan/<uuid:payment_id>/", wizard.gateway, name="gateway"),
    path("cong-thanh-toan/<uuid:payment_id>/tra-soat/", wizard.reconcile, name="reconcile"),
    path("quan-ly-ho-so/", tracking.dossier_list, name="dossiers"),
    path("ho-so/<uuid:dossier_id>/", tracking.dossier_detail, name="dossier"),
    path("ho-so/<uuid:dossier_id>/ket-qua.pdf", tracking.result_pdf, name="result_pdf"),
    path("ho-so/<uuid:dossier_id>/phieu-<slug:kind>.pdf", tracking.slip_pdf, name="slip_pdf"),
    path("bien-lai/<uuid:payment_id>.pdf", tracking.receipt_pdf, name="receipt_pdf"),
    path("tep/<int:attachment_id>/", home.attachment_file, name="attachment"),
    path("tra-cuu/", tracking.lookup, name="lookup"),
    path("dien-thoai/", tracking.inbox, name="inbox"),
    path("mot-cua/", desk.queue, name="desk"),
    path("mot-cua/<uuid:dossier_id>/", desk.desk_dossier, name="desk_dossier"),
]
