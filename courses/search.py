"""Search that Vietnamese users can use, the same on SQLite and PostgreSQL.

People type without accents ("dang ky ket hon"), in capitals, or from keyboards that send
decomposed (NFD) characters. Neither SQLite's FTS5 nor Python's NFD folds "đ" to "d", so
pages store a folded copy of their searchable text (``search_folded``) and queries are
folded the same way; the database then only needs a plain substring match, which behaves
identically on both backends.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from home.text import fold, normalize_input

if TYPE_CHECKING:
    from collections.abc import Sequence


def folded_document(*parts: str | None) -> str:
    """The stored search text: folded words, with a leading space so that a query word
    can be matched at the start of a stored word with ``contains=" " + word``."""
    return " " + " ".join(filter(None, (fold(part) for part in parts))) + " "


MAX_QUERY_WORDS = 10


def query_words(query: str | None) -> list[str]:
    """The distinct folded words of a query, at most ten (a pasted paragraph must not
    turn into hundreds of database conditions)."""
    words = []
    for word in fold(normalize_input(query)[:200]).split():
        if word not in words:
            words.append(word)
    return words[:MAX_QUERY_WORDS]


def relevance(words: Sequence[str], title: str, keywords: str = "") -> float:
    """Score one candidate: the whole phrase in the title first, then title words, then
    the editor's keywords. Higher is better."""
    phrase = " ".join(words)
    folded_title = f" {fold(title)} "
    folded_keywords = f" {fold(keywords)} "
    score = 0
    if f" {phrase} " in folded_title:
        score += 100
    elif f" {phrase}" in folded_title:
        score += 60
    if f" {phrase}" in folded_keywords:
        score += 40
    for word in words:
        if f" {word} " in folded_title:
            score += 10
        elif f" {word}" in folded_title:
            score += 6
        if f" {word}" in folded_keywords:
            score += 3
    # Prefer the shorter title when the match is equal: "Đăng ký kết hôn" before a
    # longer procedure that merely mentions marriage.
    return score - len(folded_title) / 1000
