"""The events' JSON written by RapidJSON is the library's: every value of every transcoding the
product registers decodes to the same value of the same type through either transcoder, events
stored by either are read alike by the other, and what a faster encoder could write its own way
(a UUID, an enumeration, a float that is not finite, an integer beyond 64 bits, a key that is
not a string, a tuple, a dict subclass) is written as the library writes it."""

from __future__ import annotations

import math
from collections import OrderedDict, defaultdict
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any, NamedTuple
from uuid import UUID, uuid4

import pytest
from eventsourcing.persistence import JSONTranscoder, TranscodingNotRegisteredError
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.envelope import Actor, Role
from services.application import Talenta
from services.config import StoreConfig
from services.importing import PersonnelFiles, import_personnel
from services.transcoder import RapidJSONTranscoder

SAMPLES = Path(__file__).parents[2] / "services" / "importing" / "samples"
CLERK = Actor(id="siti", role=Role.CASEWORKER, agency="kota-madiun")
# One value of each registered transcoding: a transcoding registered without one here fails.
REGISTERED = {
    UUID: UUID("6f1c2a4e-9b3d-4f0e-8a7c-2d5e1b9c0f3a"),
    datetime: datetime(2025, 3, 3, 8, 30, 0, 120, tzinfo=UTC),
    date: date(2025, 3, 3),
    Decimal: Decimal("87.250"),
}


def transcoders() -> tuple[JSONTranscoder, JSONTranscoder]:
    """The product's transcoder and the library's, with the transcodings the product
    registers."""
    app = Talenta(StoreConfig("sqlite:///:memory:"))
    try:
        product = app.mapper.transcoder
        library = JSONTranscoder()
        app.register_transcodings(library)
    finally:
        app.close()
    assert isinstance(product, RapidJSONTranscoder)
    return product, library


PRODUCT, LIBRARY = transcoders()


def shape(value: Any) -> Any:
    """``value`` with every type spelled out, since 1 == 1.0 == True and NaN != NaN."""
    if isinstance(value, dict):
        return ("dict", [(key, shape(item)) for key, item in value.items()])
    if isinstance(value, list):
        return ("list", [shape(item) for item in value])
    if isinstance(value, float | Decimal):
        return (type(value).__name__, repr(value))
    if isinstance(value, datetime):
        return ("datetime", value.isoformat(), str(value.tzinfo))
    return (type(value).__name__, value)


def read_alike(value: Any) -> None:
    """Written by either transcoder, read by either, ``value`` comes back as the library
    reads back what it wrote."""
    expected = shape(LIBRARY.decode(LIBRARY.encode(value)))
    written = PRODUCT.encode(value)
    assert shape(PRODUCT.decode(written)) == expected
    assert shape(LIBRARY.decode(written)) == expected, "the library reads the product's events"
    assert shape(PRODUCT.decode(LIBRARY.encode(value))) == expected, "and the product the old"


def test_every_registered_transcoding_round_trips_through_both_transcoders() -> None:
    assert set(PRODUCT.types) == set(REGISTERED) == set(LIBRARY.types)
    for kind, value in REGISTERED.items():
        state = {"value": value, "nested": [{"value": value}], "tuple": (value,)}
        read_alike(state)
        decoded = PRODUCT.decode(PRODUCT.encode(state))
        assert type(decoded["value"]) is kind and decoded["value"] == value
        assert type(decoded["nested"][0]["value"]) is kind
        assert PRODUCT.encode(state) == LIBRARY.encode(state), "written byte for byte alike"


class Colour(Enum):
    RED = 1


class Pair(NamedTuple):
    id: UUID
    on: date


@pytest.mark.parametrize(
    "value",
    [
        {"nan": math.nan, "inf": math.inf, "-inf": -math.inf},
        {"big": 2**64, "small": -(2**63) - 1, "edge": 2**63 - 1},
        {1: "an integer key", None: "a null key"},
        {"role": Role.CASEWORKER},
        {"text": "NUL \x00, DEL \x7f, line separator \u2028, é, 中文, emoji 🙂"},
        {"id": UUID("6f1c2a4e-9b3d-4f0e-8a7c-2d5e1b9c0f3a"), "digits": "1234567890123456789"},
        {"_type_": "uuid_hex", "_data_": "not a pair of the transcoder's own", "third": 1},
        {"floats": [0.1, -0.0, 1e16, 1e-7, 5e-324, 1.7976931348623157e308]},
        {"ordered": OrderedDict(b=1, a=2), "counts": defaultdict(int, a=1)},
        {"pair": Pair(UUID(int=1), date(2025, 1, 1)), "nested": ((1, 2), [3])},
        [datetime(2025, 1, 1, tzinfo=timezone(timedelta(hours=7))), datetime(2025, 1, 1)],
        "a string alone",
    ],
)
def test_what_an_encoder_could_write_its_own_way_is_written_as_the_library_does(value: Any) -> None:
    read_alike(value)


def test_a_value_without_transcoding_is_refused_as_the_library_refuses_it() -> None:
    for value in ({"colour": Colour.RED}, {"moment": datetime(2025, 1, 1).time()}):
        with pytest.raises(TranscodingNotRegisteredError):
            PRODUCT.encode(value)
        with pytest.raises(TranscodingNotRegisteredError):
            LIBRARY.encode(value)
    with pytest.raises(TranscodingNotRegisteredError):
        PRODUCT.decode(b'{"_type_":"colour","_data_":1}')


leaves = (
    st.text(alphabet=st.characters(exclude_categories=("Cs",)))
    | st.integers()
    | st.floats()
    | st.booleans()
    | st.none()
    | st.uuids()
    | st.datetimes(timezones=st.none() | st.timezones())
    | st.dates()
    | st.decimals()
    | st.sampled_from(Role)
)
states = st.recursive(
    leaves,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=30,
)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.text(max_size=8), states, max_size=6))
def test_any_state_of_registered_types_is_read_alike_by_both(state: dict[str, Any]) -> None:
    read_alike(state)


def test_events_stored_by_either_transcoder_are_read_alike(
    store: StoreConfig, tmp_path: Path
) -> None:
    """The samples imported into a store by the product, then again into one written by the
    library's transcoder: every event of each is the same domain event through either."""
    library_store = StoreConfig(f"sqlite:///{tmp_path / 'library.sqlite'}")
    for config, env in ((store, {}), (library_store, {"TRANSCODER_TOPIC": _topic()})):
        app = Talenta(config, env=env)
        try:
            import_personnel(app, PersonnelFiles.in_directory(SAMPLES), "kota-madiun", CLERK)
            notifications = app.recorder.select_notifications(start=1, limit=10_000)
            assert len(notifications) > 6, "the employees and their tenure reviews"
            reread = JSONTranscoder()
            app.register_transcodings(reread)
            for notification in notifications:
                state = app.mapper.transcoder.decode(notification.state)
                assert shape(reread.decode(notification.state)) == shape(state)
                assert shape(PRODUCT.decode(notification.state)) == shape(state)
            written_by = RapidJSONTranscoder if not env else JSONTranscoder
            assert type(app.mapper.transcoder) is written_by
        finally:
            app.close()


def _topic() -> str:
    return f"{JSONTranscoder.__module__}:{JSONTranscoder.__qualname__}"


def test_a_fresh_uuid_is_never_written_as_a_string() -> None:
    value = uuid4()
    assert PRODUCT.encode({"id": value}) == b'{"id":{"_type_":"uuid_hex","_data_":"%s"}}' % (
        value.hex.encode()
    )
