"""binjai-2023 and balikpapan-2022: acquisition, mapping, succession, development, retention,
placement and monitoring."""
