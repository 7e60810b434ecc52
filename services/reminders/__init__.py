"""Reminders that reach people: notices composed from the reminders the clocks record, their
delivery by email and webhook, and the inbox acknowledgement."""
