"""Retention and awards, both packs side by side: the Binjai box-9 pin valid 2 years (reading D7),
Balikpapan's pin without a term (P18(3)), awards only to the succession group; the pin's
reminders and expiry as the clock records them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from domain.envelope import Actor, Envelope, Role
from domain.rules import balikpapan, binjai
from domain.rules.core import PackNotInForce, RuleRefusal
from domain.rules.ninebox import Performance, Potential
from domain.rules.pack import RulePack
from domain.talent.errors import TalentRefusal
from domain.talent.mapping import TalentProfile
from domain.talent.retention import Award, AwardKind, RetentionKind, RetentionRecord, award_id
from domain.values import PositionLevel
from services.application import Talenta
from services.config import StoreConfig
from services.permissions import Forbidden
from services.talent.retention import AwardDecree
from services.talent.retention import award as award_handler

NIP = "198001012005011001"
BINJAI, BALIKPAPAN = binjai.PACK, balikpapan.PACK
PIN, CERTIFICATE, OTHER = AwardKind.PIN, AwardKind.CERTIFICATE, AwardKind.OTHER
SYSTEM = Actor(id="talenta-clock", role=Role.SYSTEM)


def agency(pack: RulePack) -> str:
    return "kota-binjai" if pack is BINJAI else "kota-balikpapan"


def stamp(day: date, role: Role = Role.PPK, pack: RulePack = BINJAI) -> Envelope:
    actor = SYSTEM if role is Role.SYSTEM else Actor(id="walikota", role=role, agency=agency(pack))
    return Envelope(actor=actor, effective=day)


def award(
    pack: RulePack, kind: AwardKind, box: int | None, decreed: date, number: str = "800/9/2024"
) -> Award:
    return Award.grant(
        agency(pack), NIP, kind, box, number, decreed, pack, stamp(decreed, pack=pack)
    )


@pytest.mark.parametrize(
    ("pack", "kind", "box", "decreed", "expires"),
    [
        pytest.param(
            BINJAI,
            PIN,
            9,
            date(2024, 7, 1),
            date(2026, 7, 1),
            id="binjai-2023:P30(2)(a) pin 2 years",
        ),
        pytest.param(
            BINJAI,
            PIN,
            9,
            date(2024, 2, 29),
            date(2026, 2, 28),
            id="binjai-2023:P30(2)(a) D7 29 Feb pin expires 28 Feb",
        ),
        pytest.param(
            BINJAI, CERTIFICATE, 9, date(2024, 7, 1), None, id="binjai-2023:P30(2)(b) certificate"
        ),
        pytest.param(BINJAI, OTHER, 7, date(2024, 7, 1), None, id="binjai-2023:P30(1) box 7 award"),
        pytest.param(
            BALIKPAPAN,
            OTHER,
            9,
            date(2025, 3, 3),
            None,
            id="balikpapan-2022:P18(3) an award of its own kind",
        ),
        pytest.param(
            BALIKPAPAN,
            CERTIFICATE,
            8,
            date(2025, 3, 3),
            None,
            id="balikpapan-2022:P18(1) box 8 certificate",
        ),
        pytest.param(
            BINJAI,
            CERTIFICATE,
            8,
            date(2024, 7, 1),
            None,
            id="binjai-2023:P30(1) certificate for box 8 (P30(2) dapat berupa)",
        ),
        pytest.param(
            BINJAI,
            AwardKind.DEVELOPMENT_PRIORITY,
            7,
            date(2024, 7, 1),
            None,
            id="binjai-2023:P30(1) development priority for box 7 (P30(2) dapat berupa)",
        ),
        pytest.param(
            BALIKPAPAN,
            PIN,
            9,
            date(2025, 3, 3),
            None,
            id="balikpapan-2022:P18(3) a pin may be awarded, with no term",
        ),
        pytest.param(
            BALIKPAPAN,
            PIN,
            7,
            date(2025, 3, 3),
            None,
            id="balikpapan-2022:P18(1) box 7 pin, the lowest box of the group",
        ),
    ],
)
def test_awards_and_the_pin_expiry(
    pack: RulePack, kind: AwardKind, box: int, decreed: date, expires: date | None
) -> None:
    granted = award(pack, kind, box, decreed)

    assert granted.id == award_id(agency(pack), NIP, "800/9/2024", kind)
    assert (granted.kind, granted.box, granted.expires_on) == (kind, box, expires)
    (awarded,) = granted.collect_events()
    assert isinstance(awarded, Award.Awarded)
    assert awarded.expires_on == expires and awarded.decree_date == decreed


@pytest.mark.parametrize(
    ("pack", "kind", "box", "decreed", "code", "citation"),
    [
        pytest.param(
            BINJAI,
            PIN,
            8,
            date(2024, 7, 1),
            "pin-box-9-only",
            "binjai-2023:P30(2)(a)",
            id="binjai-2023:P30(2)(a) pin box 8 refused",
        ),
        pytest.param(
            BINJAI,
            CERTIFICATE,
            6,
            date(2024, 7, 1),
            "award-outside-succession-group",
            "binjai-2023:P30(1)",
            id="binjai-2023:P30(1) box 6 refused",
        ),
        pytest.param(
            BINJAI,
            PIN,
            None,
            date(2024, 7, 1),
            "award-outside-succession-group",
            "binjai-2023:P30(1)",
            id="binjai-2023:P30(1) not mapped refused",
        ),
        pytest.param(
            BALIKPAPAN,
            OTHER,
            5,
            date(2025, 3, 3),
            "award-outside-succession-group",
            "balikpapan-2022:P18(1)",
            id="balikpapan-2022:P18(1) box 5 refused",
        ),
    ],
)
def test_awards_refused(
    pack: RulePack,
    kind: AwardKind,
    box: int | None,
    decreed: date,
    code: str,
    citation: str,
) -> None:
    with pytest.raises(TalentRefusal) as refused:
        award(pack, kind, box, decreed)
    assert (refused.value.code, refused.value.citation) == (code, citation)
    assert refused.value.message.id and refused.value.message.en


def test_a_balikpapan_award_dated_before_2025_is_refused() -> None:
    with pytest.raises(PackNotInForce) as refused:
        award(BALIKPAPAN, OTHER, 9, date(2024, 12, 31))
    assert refused.value.citation == "balikpapan-2022:P28"


@pytest.mark.parametrize(
    ("decreed", "day", "valid"),
    [
        pytest.param(date(2024, 2, 29), date(2024, 2, 28), False, id="before the decree"),
        pytest.param(date(2024, 2, 29), date(2024, 2, 29), True, id="the decree date"),
        pytest.param(date(2024, 2, 29), date(2026, 2, 27), True, id="D7 the day before expiry"),
        pytest.param(date(2024, 2, 29), date(2026, 2, 28), False, id="D7 the expiry day"),
    ],
)
def test_a_pin_is_valid_through_the_day_before_its_expiry(
    decreed: date, day: date, valid: bool
) -> None:
    assert award(BINJAI, PIN, 9, decreed).valid_on(day) is valid


def test_an_award_without_expiry_stays_valid() -> None:
    granted = award(BINJAI, CERTIFICATE, 9, date(2024, 7, 1))
    assert granted.valid_on(date(2040, 1, 1))
    with pytest.raises(TalentRefusal) as refused:
        granted.expire(date(2026, 7, 1), BINJAI, stamp(date(2026, 7, 1), Role.SYSTEM))
    assert refused.value.code == "award-does-not-expire"


def test_reminders_once_per_lead_and_expiry_once_not_before_its_day() -> None:
    pin = award(BINJAI, PIN, 9, date(2024, 7, 1))
    system = stamp(date(2026, 6, 24), Role.SYSTEM)

    assert pin.remind(7, system) is True
    assert pin.remind(7, system) is False
    with pytest.raises(TalentRefusal) as refused:
        pin.expire(date(2026, 6, 30), BINJAI, system)
    assert (refused.value.code, refused.value.citation) == (
        "pin-not-yet-expired",
        "binjai-2023:P30(2)(a)",
    )
    assert pin.expire(date(2026, 7, 1), BINJAI, system) is True
    assert pin.expire(date(2026, 7, 1), BINJAI, system) is False
    assert pin.remind(1, system) is False  # nothing to remind of an expired pin

    kinds = [type(e).__name__ for e in pin.collect_events()]
    assert kinds == ["Awarded", "PinReminderSent", "PinExpired"]
    assert pin.expired_on == date(2026, 7, 1)


@pytest.mark.parametrize(
    "pack", [BINJAI, BALIKPAPAN], ids=["binjai-2023:P28", "balikpapan-2022:P22"]
)
def test_retention_measures_are_recorded(pack: RulePack) -> None:
    day = date(2025, 3, 3)
    record = RetentionRecord.start(agency(pack), NIP, stamp(day, Role.TALENT_TEAM, pack))
    record.record(RetentionKind.JOB_ENRICHMENT, "tugas perencanaan", pack, stamp(day, pack=pack))

    assert record.measures == [(RetentionKind.JOB_ENRICHMENT, "tugas perencanaan", day)]
    with pytest.raises(RuleRefusal) as refused:
        record.record(RetentionKind.ROTATION, " ", pack, stamp(day, pack=pack))
    assert refused.value.citation == pack.cycle.retention_citation  # type: ignore[union-attr]


@pytest.fixture
def app() -> Iterator[Talenta]:
    application = Talenta(StoreConfig("sqlite:///:memory:"))
    yield application
    application.close()


def in_box(app: Talenta, pack: RulePack, performance: Performance, on: date) -> None:
    assessor = Envelope(actor=Actor(id="a", role=Role.ASSESSOR, agency=agency(pack)), effective=on)
    profile = TalentProfile.start(agency(pack), NIP, assessor)
    evidence = {"assessment_centre": {"intellectual": 4}}
    profile.assess(
        "Bappeda",
        PositionLevel.SUPERVISOR,
        "2025",
        performance,
        Potential.HIGH,
        evidence,
        pack,
        assessor,
    )
    app.save(profile)


def decree(pack: RulePack, kind: AwardKind, day: date, number: str = "800/1") -> AwardDecree:
    return AwardDecree(
        agency=agency(pack), nip=NIP, kind=kind, decree_number=number, decree_date=day
    )


def test_the_award_handler_reads_the_box_on_the_decree_date(app: Talenta) -> None:
    in_box(app, BINJAI, Performance.MEETS, date(2025, 1, 6))  # box 8
    mayor = Actor(id="walikota", role=Role.PPK, agency="kota-binjai")
    day = date(2025, 2, 3)

    with pytest.raises(TalentRefusal) as refused:
        award_handler(app, decree(BINJAI, PIN, day), mayor)
    assert (refused.value.code, refused.value.citation) == (
        "pin-box-9-only",
        "binjai-2023:P30(2)(a)",
    )
    with pytest.raises(TalentRefusal) as refused:
        award_handler(app, decree(BINJAI, CERTIFICATE, date(2025, 1, 5)), mayor)
    assert refused.value.code == "award-outside-succession-group"  # not mapped yet
    with pytest.raises(Forbidden):
        award_handler(
            app,
            decree(BINJAI, CERTIFICATE, day),
            mayor.model_copy(update={"role": Role.CASEWORKER}),
        )

    certificate = award_handler(app, decree(BINJAI, CERTIFICATE, day), mayor)
    assert (certificate.kind, certificate.box, certificate.expires_on) == (CERTIFICATE, 8, None)

    granted = award_handler(app, decree(BINJAI, OTHER, day), mayor)
    again = award_handler(app, decree(BINJAI, OTHER, day), mayor)
    assert (granted.id, granted.box, again.version) == (again.id, 8, 1)
    (awarded,) = app.repository.event_store.get(granted.id)
    assert awarded.envelope["basis"]["citations"] == ["binjai-2023:P30(1)"]
    assert awarded.envelope["evidence"]["decree_number"] == "800/1"


def test_one_decree_may_grant_several_kinds(app: Talenta) -> None:
    """A decree granting a box-9 talent the pin and the certificate records both awards; the
    same decree retried returns each award as it stands."""
    in_box(app, BINJAI, Performance.ABOVE, date(2025, 1, 6))  # box 9
    mayor = Actor(id="walikota", role=Role.PPK, agency="kota-binjai")
    day = date(2025, 2, 3)

    pin = award_handler(app, decree(BINJAI, PIN, day), mayor)
    certificate = award_handler(app, decree(BINJAI, CERTIFICATE, day), mayor)
    assert pin.id != certificate.id
    assert (pin.kind, certificate.kind) == (PIN, CERTIFICATE)
    stored: Award = app.repository.get(award_id("kota-binjai", NIP, "800/1", PIN))
    assert stored.kind is PIN and stored.expires_on == date(2027, 2, 3)

    again = award_handler(app, decree(BINJAI, CERTIFICATE, day), mayor)
    assert (again.id, again.version) == (certificate.id, 1)


def test_a_balikpapan_decree_of_2024_12_31_is_refused(app: Talenta) -> None:
    mayor = Actor(id="walikota", role=Role.PPK, agency="kota-balikpapan")
    with pytest.raises(PackNotInForce):
        award_handler(app, decree(BALIKPAPAN, OTHER, date(2024, 12, 31)), mayor)
