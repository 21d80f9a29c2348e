"""Word documents in and out: import .docx reviews as entries, write the Word template."""

from __future__ import annotations

from .importer import plan_text

__all__ = ["plan_text"]
