"""Finding the pack for a pack or agency id, and the pack in force on a decision's date."""

from __future__ import annotations

from datetime import date

from domain.agencies import AGENCIES
from domain.rules import balikpapan, binjai, madiun
from domain.rules.core import Message, UnknownPack
from domain.rules.pack import RulePack

PACKS: dict[str, RulePack] = {pack.id: pack for pack in (binjai.PACK, balikpapan.PACK, madiun.PACK)}


def get_pack(pack_id: str) -> RulePack:
    try:
        return PACKS[pack_id]
    except KeyError:
        raise UnknownPack(
            "unknown-pack",
            Message(
                id=f"paket aturan tidak dikenal: {pack_id!r}; yang ada: {', '.join(PACKS)}",
                en=f"unknown rule pack: {pack_id!r}; known: {', '.join(PACKS)}",
            ),
        ) from None


def pack_for(agency_or_pack_id: str) -> RulePack:
    """The pack of an agency id (e.g. ``kota-madiun``) or a pack id (e.g. ``madiun-2021``)."""
    agency = AGENCIES.get(agency_or_pack_id)
    return get_pack(agency.pack_id if agency is not None else agency_or_pack_id)


def pack_in_force(agency_or_pack_id: str, on: date) -> RulePack:
    """The pack that judges a decision effective ``on``; PackNotInForce if dated too early."""
    pack = pack_for(agency_or_pack_id)
    pack.ensure_in_force(on)
    return pack
