"""The error every training service raises for a user's mistake, and the one text check
they all share. Kept apart so services, progress and certificates import it without
importing one another."""

from home.text import normalize_input as clean_text


class TrainingError(Exception):
    """A mistake in a class form, with the field and a plain Vietnamese message."""

    def __init__(self, field: str, message: str) -> None:
        self.field, self.message = field, message
        super().__init__(message)


def limited_text(value: str, *, field: str, label: str, max_length: int) -> str:
    """Free text as the user meant it (NFC, spaces collapsed), refused with a plain message
    when longer than its column: SQLite would store it whole, PostgreSQL would fail."""
    text = clean_text(value)
    if len(text) > max_length:
        raise TrainingError(
            field, f"{label} dài quá: tối đa {max_length} ký tự, bạn đã gõ {len(text)} ký tự."
        )
    return text
