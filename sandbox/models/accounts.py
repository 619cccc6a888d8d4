import uuid

from django.db import models

# No province has the code 099 (they run 001–096), so a CCCD starting with it can
# never be a real person's number. The sandbox hands these out and accepts nothing else.
PRACTICE_CCCD_PREFIX = "099"


class PracticeIdentity(models.Model):
    """A made-up citizen, as printed on the practice ID card the sandbox hands out.

    It also stands for the citizen's VNeID account: its level and settings let a trainer
    reproduce the log-in failures people meet (level 1 only, web log-in not allowed,
    confirmation going to an old phone).
    """

    class VneidDevice(models.TextChoices):
        CURRENT = "current", "Điện thoại đang dùng"
        OLD_PHONE = "old_phone", "Vẫn gắn với điện thoại cũ"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner_key = models.CharField(max_length=64, db_index=True)
    cccd = models.CharField("số CCCD luyện tập", max_length=12, unique=True)
    full_name = models.CharField("họ và tên", max_length=100)
    birth_date = models.DateField("ngày sinh")
    sex = models.CharField("giới tính", max_length=3, default="Nữ")
    phone = models.CharField("số điện thoại chính chủ", max_length=10)
    address = models.CharField("nơi cư trú", max_length=200)
    vneid_level = models.PositiveSmallIntegerField("mức tài khoản VNeID", default=2)
    vneid_web_login_allowed = models.BooleanField("cho phép đăng nhập web", default=True)
    vneid_device = models.CharField(
        max_length=12, choices=VneidDevice.choices, default=VneidDevice.CURRENT
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.full_name} ({self.cccd})"


class PracticeAccount(models.Model):
    """An account on the practice portal, made through the old self-registration path."""

    identity = models.OneToOneField(
        PracticeIdentity, on_delete=models.CASCADE, related_name="portal_account"
    )
    phone = models.CharField("số điện thoại", max_length=10)
    email = models.EmailField("thư điện tử", blank=True)
    password = models.CharField(max_length=128, blank=True)  # a Django hash, never plain
    otp_verified_at = models.DateTimeField(null=True, blank=True)
    activated_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"Tài khoản {self.identity.cccd}"

    @property
    def is_active(self):
        return self.activated_at is not None


class OtpChallenge(models.Model):
    """A 6-digit confirmation code, 'sent' to the simulated phone only."""

    class Purpose(models.TextChoices):
        REGISTER = "register", "Đăng ký tài khoản"
        VNEID_DEVICE = "vneid_device", "Xác nhận thiết bị VNeID"
        LOGIN = "login", "Đăng nhập"

    class Channel(models.TextChoices):
        """Where the code went: the values are SimulatedMessage.Channel's."""

        APP = "app", "Ứng dụng VNeID"
        SMS = "sms", "Tin nhắn SMS"

    identity = models.ForeignKey(PracticeIdentity, on_delete=models.CASCADE, related_name="otps")
    purpose = models.CharField(max_length=16, choices=Purpose.choices)
    # Registration codes only ever went by SMS, hence the default.
    channel = models.CharField(max_length=8, choices=Channel.choices, default=Channel.SMS)
    code = models.CharField(max_length=6)
    expires_at = models.DateTimeField()
    attempts = models.PositiveSmallIntegerField(default=0)
    used_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"OTP {self.get_purpose_display()} {self.created_at:%H:%M}"


class SimulatedMessage(models.Model):
    """Every SMS, e-mail, Zalo or app notice the real system would have sent."""

    class Channel(models.TextChoices):
        SMS = "sms", "Tin nhắn SMS"
        EMAIL = "email", "Thư điện tử"
        ZALO = "zalo", "Zalo"
        APP = "app", "Ứng dụng VNeID"

    owner_key = models.CharField(max_length=64, db_index=True)
    identity = models.ForeignKey(
        PracticeIdentity, null=True, blank=True, on_delete=models.CASCADE, related_name="messages"
    )
    dossier = models.ForeignKey(
        "sandbox.PracticeDossier",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="messages",
    )
    channel = models.CharField(max_length=8, choices=Channel.choices)
    sender = models.CharField(max_length=80)
    subject = models.CharField(max_length=200, blank=True)
    body = models.TextField()
    attachment_kind = models.CharField(max_length=20, blank=True)  # e.g. "intake_slip"
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.get_channel_display()}: {self.subject or self.body[:40]}"
