"""Errors: the one ``ReportgenError`` family that the CLI turns into a one-line message and exit 2."""


class ReportgenError(Exception):
    """An unrecoverable problem with the user's input or options."""


class InputError(ReportgenError):
    """The input cannot be read: missing, not a file, unknown format, not text, damaged."""


class RenderError(ReportgenError):
    """An output could not be produced."""
