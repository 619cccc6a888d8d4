"""Blocks that describe a procedure's practice e-form; editors extend forms in the admin."""

from wagtail import blocks

FIELD_KINDS = [
    ("text", "Chữ (một dòng)"),
    ("textarea", "Đoạn văn"),
    ("date", "Ngày (dd/mm/yyyy)"),
    ("number", "Số"),
    ("choice", "Chọn một"),
    ("cccd", "Số CCCD (12 chữ số)"),
    ("phone", "Số điện thoại"),
]
PREFILL_CHOICES = [
    ("", "Không điền sẵn"),
    ("full_name", "Họ tên người nộp"),
    ("birth_date", "Ngày sinh người nộp"),
    ("cccd", "Số CCCD người nộp"),
    ("phone", "Số điện thoại người nộp"),
    ("address", "Nơi cư trú người nộp"),
]


class EFormFieldBlock(blocks.StructBlock):
    key = blocks.RegexBlock(regex=r"^[a-z][a-z0-9_]*$", label="Mã trường", max_length=40)
    label = blocks.CharBlock(label="Nhãn", max_length=120)
    kind = blocks.ChoiceBlock(choices=FIELD_KINDS, default="text", label="Kiểu")
    required = blocks.BooleanBlock(required=False, default=True, label="Bắt buộc")
    choices = blocks.CharBlock(
        required=False, label="Các lựa chọn", help_text="Phân cách bằng dấu chấm phẩy (;)"
    )
    prefill = blocks.ChoiceBlock(
        choices=PREFILL_CHOICES, required=False, default="", label="Điền sẵn từ tài khoản"
    )
    help_text = blocks.CharBlock(required=False, label="Hướng dẫn ngắn", max_length=200)
    guide = blocks.TextBlock(
        required=False, label="Giải thích ở chế độ có hướng dẫn", help_text="Vì sao cần trường này"
    )

    class Meta:
        icon = "form"
        label = "Trường"


class EFormSectionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Tên phần", max_length=120)
    fields = blocks.ListBlock(EFormFieldBlock(), label="Các trường")

    class Meta:
        icon = "list-ul"
        label = "Phần tờ khai"
