"""Text helpers every app shares: what a user meant to type, folded search words, and
numbers as Vietnamese write them."""

import unicodedata

from home.text import fold, normalize_input, vn_money, vn_number


def test_decomposed_input_with_extra_spaces_becomes_what_was_meant():
    typed = unicodedata.normalize("NFD", "  Nguyễn   Thị\tMai ")
    assert normalize_input(typed) == "Nguyễn Thị Mai"
    assert normalize_input(None) == ""


def test_fold_drops_accents_case_and_the_stroke_of_d():
    assert fold("ĐĂNG KÝ Kết hôn!") == "dang ky ket hon"
    assert fold(unicodedata.normalize("NFD", "Đất đai")) == "dat dai"


def test_numbers_group_with_dots_and_decimals_with_a_comma():
    assert vn_number(0) == "0"
    assert vn_number(999) == "999"
    assert vn_number(1234567) == "1.234.567"
    assert vn_number(-12345) == "-12.345"
    assert vn_number(45.25, 1) == "45,2"  # Python rounds half to even, as before
    assert vn_number(12345.67, 1) == "12.345,7"
    assert vn_money(200000) == "200.000 đồng"
