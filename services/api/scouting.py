"""Scouting rounds, the talent pool and promotion (madiun-2021)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
