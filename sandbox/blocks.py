"""Blocks that describe a procedure's practice e-form; editors extend forms in the admin."""

import re

from django.core.exceptions import ValidationError

from wagtail import blocks

from home.text import fold

FIELD_KINDS = [
    ("text", "Chữ (một dòng)"),
    ("textarea", "Đoạn văn"),
    ("date", "Ngày (dd/mm/yyyy)"),
    ("number", "Số"),
    ("choice", "Chọn một"),
    ("cccd", "Số định danh cá nhân / số CCCD (chỉ nhận số luyện tập 099)"),
    ("phone", "Số điện thoại"),
]
# The longest value each kind keeps, in characters after NFC. An editor may set another
# limit for "text" and "textarea"; the other kinds have a fixed format, and a choice is
# kept only when it is one of its options.
KIND_MAX_LENGTH = {
    "text": 200,
    "textarea": 2000,
    "date": 20,
    "number": 20,
    "cccd": 20,
    "phone": 20,
}
EDITABLE_MAX_LENGTH = {"text", "textarea"}
MAX_LENGTH_CEILING = 5000
PREFILL_CHOICES = [
    ("", "Không điền sẵn"),
    ("full_name", "Họ tên người nộp"),
    ("birth_date", "Ngày sinh người nộp"),
    ("cccd", "Số CCCD người nộp"),
    ("phone", "Số điện thoại người nộp"),
    ("address", "Nơi cư trú người nộp"),
]

# A box whose key or label says it holds an ID number (số định danh, số căn cước, số
# CCCD/CMND), as opposed to the date or place an ID card was issued. Only the kinds an
# ID number could be typed into are looked at.
ID_NAMES = ("cccd", "cmnd", "dinh_danh", "can_cuoc", "chung_minh")
NOT_THE_NUMBER = {"ngay", "noi", "cap", "han"}
ID_LABEL = re.compile(r"\bso (dinh danh|can cuoc|cccd|cmnd|chung minh)")
FREE_KINDS = {"text", "textarea", "number"}


def field_kind(field):
    """The kind a field is checked as. A box asking for an ID number that was built with
    a free kind (before the admin refused that) is still checked as an ID number."""
    kind = field.get("kind") or "text"
    if kind in FREE_KINDS and looks_like_id_field(field.get("key"), field.get("label")):
        return "cccd"
    return kind


def field_max_length(field):
    """The longest value an e-form field keeps: the editor's limit for text and
    paragraphs, else the kind's."""
    kind = field_kind(field)
    default = KIND_MAX_LENGTH.get(kind, KIND_MAX_LENGTH["text"])
    chosen = field.get("max_length")
    if kind in EDITABLE_MAX_LENGTH and chosen:
        return min(int(chosen), MAX_LENGTH_CEILING)
    return default


def looks_like_id_field(key, label):
    """Whether a field named ``key`` and labelled ``label`` asks for an ID number."""
    key = key or ""
    by_key = key.endswith(ID_NAMES) and not NOT_THE_NUMBER & set(key.split("_"))
    return by_key or bool(ID_LABEL.search(fold(label or "")))


class EFormFieldBlock(blocks.StructBlock):
    """One box of an e-form. Its kind decides how what is typed is checked: an ID number
    field ("cccd") accepts only practice numbers, so an editor-made form is as safe as
    the demo ones; every kind keeps at most KIND_MAX_LENGTH characters."""

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
    max_length = blocks.IntegerBlock(
        required=False,
        min_value=1,
        max_value=MAX_LENGTH_CEILING,
        label="Số ký tự tối đa",
        help_text="Chỉ cho kiểu Chữ và Đoạn văn. Bỏ trống: 200 ký tự cho chữ một dòng, "
        "2.000 cho đoạn văn.",
    )

    class Meta:
        icon = "form"
        label = "Trường"

    def clean(self, value):
        value = super().clean(value)
        if value["kind"] in FREE_KINDS and looks_like_id_field(value["key"], value["label"]):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "kind": ValidationError(
                        "Trường này là số định danh (số căn cước): chọn kiểu “Số định danh "
                        "cá nhân / số CCCD” để môi trường thực hành chỉ nhận số luyện tập "
                        "099. Nếu không phải số định danh, hãy đổi mã trường và nhãn."
                    )
                }
            )
        return value


class EFormSectionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Tên phần", max_length=120)
    fields = blocks.ListBlock(EFormFieldBlock(), label="Các trường")

    class Meta:
        icon = "list-ul"
        label = "Phần tờ khai"
