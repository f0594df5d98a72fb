"""Convert rendered ODT files to PDF with LibreOffice (headless), for checks and pictures.

LibreOffice exits 0 even when it could not load a file, so success is judged by
the PDFs it leaves behind. Each call gets its own user profile (two soffice
processes on one profile fail) and converts all its files in one start-up.
Usage: python -m pipeline.render.libreoffice OUTDIR FILE.odt...
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from importlib import resources
from pathlib import Path

from pipeline.errors import InputError

TIMEOUT_S = 300


def soffice_path() -> str | None:
    """Return the LibreOffice executable (soffice or libreoffice) on PATH, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_pdf(files: list[Path], outdir: Path) -> list[Path]:
    """Given ODT files and a folder, convert them to PDF in one LibreOffice run; return the PDFs."""
    soffice = soffice_path()
    if soffice is None:
        raise InputError(None, "LibreOffice (soffice) is not installed")
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="gongwen-lo-") as profile, \
            resources.as_file(resources.files("pipeline").joinpath("data/fonts.conf")) as fonts_conf:
        env = {**os.environ, "FONTCONFIG_FILE": str(fonts_conf)}
        command = [soffice, "--headless", "--norestore", f"-env:UserInstallation={Path(profile).as_uri()}",
                   "--convert-to", "pdf", "--outdir", str(outdir), *map(str, files)]
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=TIMEOUT_S)
    pdfs = [outdir / f"{Path(f).stem}.pdf" for f in files]
    for source, pdf in zip(files, pdfs):
        if not pdf.is_file() or pdf.stat().st_size == 0:
            detail = (done.stderr or done.stdout).strip().splitlines()
            raise InputError(str(source), f"LibreOffice wrote no PDF ({detail[-1] if detail else 'no message'})")
    return pdfs


def main(argv: list[str]) -> int:
    """Convert the files named on the command line; print the PDFs, or one error line."""
    if len(argv) < 2:
        print("usage: python -m pipeline.render.libreoffice OUTDIR FILE.odt...", file=sys.stderr)
        return 2
    try:
        for pdf in convert_to_pdf([Path(a) for a in argv[1:]], Path(argv[0])):
            print(pdf)
    except InputError as exc:
        print(f"gongwen: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
