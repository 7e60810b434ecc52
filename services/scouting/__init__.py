"""Commands of the madiun-2021 scouting, pool and promotion steps: get, call, save."""
