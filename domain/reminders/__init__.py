"""Reminder notices: one per reminder the clocks record, addressed to the roles who must act,
acknowledged by their users, and a record of each delivery by email or webhook."""
