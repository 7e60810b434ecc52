"""The `talenta` command line: the root group (services/cli/main.py), one module per area of
commands, and what they share (the acting step, the options, the one refusal path)."""
