from __future__ import annotations


class InvalidValue(ValueError):
    """A value that cannot be what it claims to be; the message says which rule it breaks."""
