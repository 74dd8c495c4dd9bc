"""The errors the library raises. All derive from QuotesError."""


class QuotesError(Exception):
    """Base class of every error raised by quotes."""


class InputError(QuotesError):
    """A document or record that cannot be read; the message names the file and line."""

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None):
        where = source if source is not None else "<input>"
        if line is not None:
            where = f"{where}:{line}"
        super().__init__(f"{where}: {message}")
        self.source = source
        self.line = line
        self.reason = message


class ModelError(QuotesError):
    """A model file that is missing, corrupted or incompatible; the message names it."""
