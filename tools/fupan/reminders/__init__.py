"""Reminders of due and overdue improvement items: what is due, and the channels that carry it."""
