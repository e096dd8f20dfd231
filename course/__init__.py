"""course: turn an article into an email course."""

__version__ = "0.1.0"
