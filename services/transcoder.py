"""The events' JSON written and read by orjson (a C library), in the very format of the library's
``JSONTranscoder``: every registered transcoding is the library's, each stored event decodes to
the same values through either transcoder, and whatever orjson would write or read otherwise is
left to the library's encoder and decoder.

The library's encoder calls back into Python for every value it has no JSON for, and its decoder
for every object it reads; in a bulk save of 2.4 KB states that was most of the processor time
per event. orjson differs from it in a few places, each sent to the library instead:
- a UUID, an enumeration or a dataclass orjson writes by itself, bypassing the transcodings: a
  state holding any value but JSON's own, a datetime, a date or a Decimal is left to the library
  (so is a float that is not finite, which orjson writes as null);
- an integer beyond 64 bits orjson refuses to write and reads as a float: a state with a run of
  19 digits is read by the library (2**63 has 19 digits);
- NaN and Infinity, which the library writes and orjson cannot read."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import orjson
from eventsourcing.persistence import JSONTranscoder, TranscodingNotRegisteredError

TOPIC = f"{__name__}:OrjsonTranscoder"
# The types orjson hands to ``default`` with these options, whose transcodings it then applies
# as the library does.
HANDED_OVER = (datetime, date, Decimal)
OPTIONS = orjson.OPT_PASSTHROUGH_DATETIME
LONG_NUMBER = re.compile(rb"\d{19}")


class OrjsonTranscoder(JSONTranscoder):
    def encode(self, obj: Any) -> bytes:
        if _plain(obj, self.types):
            try:
                return orjson.dumps(obj, default=self._encode_obj, option=OPTIONS)
            except orjson.JSONEncodeError:
                pass  # e.g. a key that is not a string, an integer beyond 64 bits
        return super().encode(obj)

    def decode(self, data: bytes) -> Any:
        if LONG_NUMBER.search(data) is None:
            try:
                return self._revived(orjson.loads(data))
            except orjson.JSONDecodeError:
                pass  # NaN or Infinity
        return super().decode(data)

    def _revived(self, obj: Any) -> Any:
        """``obj`` as the library's decoder returns it: each object with its transcoding's
        ``_type_`` and ``_data_`` decoded, the innermost first."""
        kind = type(obj)
        if kind is dict:
            for key, value in obj.items():
                if type(value) is dict or type(value) is list:
                    obj[key] = self._revived(value)
            if len(obj) == 2 and "_type_" in obj and "_data_" in obj:
                transcoding = self.names.get(obj["_type_"])
                if transcoding is None:
                    raise TranscodingNotRegisteredError(
                        f"Data serialized with name '{obj['_type_']}' is not deserializable. "
                        "Please register a custom transcoding for this type."
                    )
                return transcoding.decode(obj["_data_"])
        elif kind is list:
            for index, value in enumerate(obj):
                if type(value) is dict or type(value) is list:
                    obj[index] = self._revived(value)
        return obj


def _plain(obj: Any, registered: dict[type, Any]) -> bool:
    """Whether orjson writes ``obj`` as the library does: JSON's own values (strings and
    integers of any subclass, e.g. StrEnum, as both write their value), finite floats, and
    the registered transcodings orjson hands over."""
    pending: list[Any] = [(obj,)]
    while pending:
        container = pending.pop()
        for value in container.values() if type(container) is dict else container:
            kind = type(value)
            if kind is str or kind is int or kind is bool or value is None:
                continue
            if kind is dict or kind is list or kind is tuple:
                pending.append(value)
            elif kind is float:
                if value - value != 0.0:  # NaN or an infinity
                    return False
            elif kind in HANDED_OVER:
                if kind not in registered:
                    return False
            elif not isinstance(value, (str, int)):
                return False
    return True
