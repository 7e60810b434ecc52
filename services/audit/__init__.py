"""Auditors' answers: what was decided, by whom, when, why, on what evidence, under which rule."""
