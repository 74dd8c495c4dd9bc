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


class OutputError(QuotesError):
    """The output cannot be written (a full disk, a closed pipe, a folder given as the
    output file); the message names the output."""


class ArgumentError(QuotesError, TypeError, ValueError):
    """An argument of the API that has the wrong type or value; the message names it.
    (Also a TypeError and a ValueError, as Python's own checks would raise.)"""
