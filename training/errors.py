"""The error every training service raises for a user's mistake, and the one text check
they all share. Kept apart so services, progress and certificates import it without
importing one another."""

from django.utils.translation import gettext as _

from home.text import normalize_input as clean_text


class TrainingError(Exception):
    """A mistake in a class form, with the field and a plain message in the user's language
    (translated when raised: it may be kept in the session until the next page)."""

    def __init__(self, field: str, message: str) -> None:
        self.field, self.message = field, message
        super().__init__(message)


def limited_text(value: str, *, field: str, label: str, max_length: int) -> str:
    """Free text as the user meant it (NFC, spaces collapsed), refused with a plain message
    when longer than its column: SQLite would store it whole, PostgreSQL would fail."""
    text = clean_text(value)
    if len(text) > max_length:
        raise TrainingError(
            field,
            _("%(label)s is too long: at most %(limit)s characters, you typed %(count)s.")
            % {"label": label, "limit": max_length, "count": len(text)},
        )
    return text
