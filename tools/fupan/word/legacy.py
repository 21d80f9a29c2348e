"""Legacy Word (.doc) and WPS (.wps) files, turned into .docx by LibreOffice headless.

pandoc reads only .docx; LibreOffice is the one free program that reads both older
formats well, and it runs without a screen on the intranet server.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from .errors import WordError

SUFFIXES = (".doc", ".wps")
PROGRAMS = ("soffice", "libreoffice")
TIMEOUT = 120  # seconds; a first start of LibreOffice takes a while

T = TypeVar("T")


def soffice() -> str | None:
    return next((p for p in map(shutil.which, PROGRAMS) if p), None)


def as_docx(path: Path, then: Callable[[Path], T]) -> T:
    """Convert ``path`` to .docx in a temporary folder and hand that file to ``then``."""
    program = soffice()
    if program is None:
        raise WordError("import.needs_libreoffice", path=path, suffix=path.suffix.lower())
    with tempfile.TemporaryDirectory(prefix="fupan-doc-") as tmp:
        # a profile of its own: a LibreOffice the user has open would take the job and exit
        profile = Path(tmp, "profile").as_uri()
        command = [
            program,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "docx",
            "--outdir",
            tmp,
            str(path),
        ]
        try:
            subprocess.run(
                command,
                capture_output=True,
                timeout=TIMEOUT,
                check=False,
                env={**os.environ, "HOME": tmp},
            )
        except (OSError, subprocess.TimeoutExpired) as e:
            raise WordError("import.unreadable", path=path, reason=str(e)) from None
        out = Path(tmp, path.stem + ".docx")
        if not out.is_file():
            raise WordError("import.unreadable", path=path, reason="LibreOffice wrote no .docx")
        return then(out)
