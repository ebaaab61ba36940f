"""reportgen: read, analyse and publish Chinese government work reports."""

__version__ = "0.1.0"
