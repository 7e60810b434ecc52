"""madiun-2021: talent scouting in six stages, the expiring talent pool, promotion from it."""
