"""Commands of the talent-management cycle (binjai-2023, balikpapan-2022): get, call, save."""
