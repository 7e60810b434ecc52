"""The events' JSON written by RapidJSON (a C++ library), in the very format of the library's
``JSONTranscoder``: the same registered transcodings, the same bytes for every state the product
stores, and read back by the library's own decoder, so each stored event decodes to the same
values whichever transcoder wrote it.

The library's encoder writes in C but builds its output from Python strings, a dict per
transcoded value and a call back into Python for each; in a bulk save of 2.4 KB states its
encoding was most of the processor time per event. RapidJSON is told to write only what JSON
itself holds and to hand every other value to ``default``, as the library's encoder does (UUIDs
and datetimes included); NaN and the infinities it writes as the library does. What it writes
otherwise (a dict subclass, a key that is not a string, an object refused on the way) is left
to the library's encoder, which writes it or refuses it as before."""

from __future__ import annotations

from typing import Any, cast

import rapidjson
from eventsourcing.persistence import JSONTranscoder

TOPIC = f"{__name__}:RapidJSONTranscoder"


class _LeftToLibrary(TypeError):
    """A value the library's encoder writes itself, never through a transcoding."""


class _Encoder(rapidjson.Encoder):
    transcoder: JSONTranscoder

    def default(self, obj: Any) -> Any:
        if isinstance(obj, tuple):
            return list(obj)  # as the library writes a tuple, a named one too
        if isinstance(obj, dict):
            raise _LeftToLibrary(type(obj).__name__)  # a subclass: written as a dict
        return self.transcoder._encode_obj(obj)


class RapidJSONTranscoder(JSONTranscoder):
    def __init__(self) -> None:
        super().__init__()
        self._encoder = _Encoder(
            ensure_ascii=False,
            number_mode=rapidjson.NM_NAN,
            datetime_mode=rapidjson.DM_NONE,
            uuid_mode=rapidjson.UM_NONE,
            bytes_mode=rapidjson.BM_NONE,
            iterable_mode=rapidjson.IM_ONLY_LISTS,
            mapping_mode=rapidjson.MM_ONLY_DICTS,
        )
        self._encoder.transcoder = self

    def encode(self, obj: Any) -> bytes:
        try:
            return cast(str, self._encoder(obj)).encode("utf8")  # a string unless given a stream
        except (TypeError, ValueError, OverflowError):
            # Refused by RapidJSON or by a transcoding: the library's encoder writes it its way,
            # or refuses it with its own error.
            return super().encode(obj)
