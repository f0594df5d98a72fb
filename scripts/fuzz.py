"""Mutation fuzzer over every reader: mutants of the sample files must each give a record or a one-line error.

Each mutant runs in a forked child with a time limit and an address-space limit; a traceback, a run past
the time limit or past the memory limit is a failure, saved under tests/data/fuzz/ (``--save``) where
tests/test_fuzz_regressions.py keeps it as a regression test. ``make fuzz`` runs it for FUZZ_SECONDS.

    python scripts/fuzz.py --seconds 60 [--seed N] [--mutants N] [--save] [--time-limit 20] [--memory-mb 1024]

A seed and a number of mutants make a round exactly repeatable (CI runs one such round); without a seed, each round
explores new mutants.
"""
from __future__ import annotations

import argparse
import hashlib
import io
import os
import random
import re
import resource
import signal
import sys
import time
import traceback
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SEED_FOLDERS = [ROOT / "samples" / name for name in ("inbox", "bad", "converted", "bundles")] + [
    ROOT / "tests" / "data" / "formats"]
# every reader's files; not images, scans, .doc/.rtf/.xls: they go through Tesseract or LibreOffice (seconds a file)
SEED_SUFFIXES = {".txt", ".pdf", ".odt", ".fodt", ".di", ".sw", ".xml", ".docx", ".xlsx", ".ods"}
REGRESSIONS = ROOT / "tests" / "data" / "fuzz"
INTERESTING = [b"0", b"-1", b"99999999999999999999", b"\xe5\xb9\xb4", b"\xe6\x9c\x88", b"\xe6\x97\xa5", b"\f",
               b"\n", b"<", b">", b"&", b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"obj", b"endobj", b"R", b"/Count",
               b"<text:s/>", b"<text:span>", b"</text:span>", "字第".encode(), "號".encode(), "正本：".encode(),
               "中華民國".encode(), "一百".encode(), "九九九九九九".encode()]


def sample_seeds() -> list[Path]:
    """Return the sample files the mutants are made from."""
    return sorted(p for folder in SEED_FOLDERS if folder.is_dir() for p in folder.rglob("*")
                  if p.is_file() and p.suffix.lower() in SEED_SUFFIXES)


def mutate_bytes(data: bytes, rng: random.Random) -> bytes:
    """Given bytes, return them with one to four random edits: flip, insert, delete, duplicate or repeat a span."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(out) + 1)
        span = rng.choice([1, 2, 8, 64, 512])
        op = rng.randrange(6)
        if op == 0 and out:
            out[min(at, len(out) - 1)] ^= 1 << rng.randrange(8)
        elif op == 1:
            out[at:at] = rng.choice(INTERESTING) * rng.choice([1, 1, 10, 1000])
        elif op == 2:
            del out[at:at + span]
        elif op == 3:
            out[at:at] = out[at:at + span] * rng.choice([2, 10, 100, 3000])
        elif op == 4 and out:
            out[min(at, len(out) - 1)] = rng.randrange(256)
        else:
            number = re.search(rb"\d+", out[at:at + 200])
            if number:
                start = at + number.start()
                out[start:at + number.end()] = str(rng.choice([0, -1, 2 ** 31, 10 ** 40])).encode()
    return bytes(out)


def mutate_package(data: bytes, rng: random.Random) -> bytes:
    """Given ODT bytes, return a valid zip whose content.xml or styles.xml is mutated (the reader gets past the zip)."""
    try:
        source = zipfile.ZipFile(io.BytesIO(data))
        members = [(info.filename, source.read(info)) for info in source.infolist()]
    except Exception:
        return mutate_bytes(data, rng)
    xml_members = [i for i, (name, _) in enumerate(members) if name.endswith(".xml")] or [0]
    pick = rng.choice(xml_members)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for i, (name, body) in enumerate(members):
            method = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            target.writestr(name, mutate_bytes(body, rng) if i == pick else body, compress_type=method)
    return out.getvalue()


def mutant(seed: Path, data: bytes, rng: random.Random) -> bytes:
    """Given a seed file and its bytes, return one mutant (zip members mutated inside for most ODT mutants)."""
    if data.startswith(b"PK") and rng.random() < 0.8:
        return mutate_package(data, rng)
    return mutate_bytes(data, rng)


def run_child(name: str, data: bytes, time_limit: float, memory_mb: int, report: int) -> None:
    """In the forked child: parse the mutant under the limits and exit 0 (a record or a one-line error), 3 (a
    traceback), 4 (out of memory) or 5 (an error over several lines)."""
    from pipeline.errors import InputError
    from pipeline.load import load_record
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes(memory_mb), resource.RLIM_INFINITY))
    signal.setitimer(signal.ITIMER_REAL, time_limit)
    try:
        load_record(name, data)
    except InputError as exc:
        if "\n" in str(exc):
            os.write(report, f"{exc!r}".encode()[:4000])
            os._exit(5)
    except MemoryError:
        os.write(report, b"MemoryError")
        os._exit(4)
    except BaseException:
        os.write(report, traceback.format_exc().encode()[-4000:])
        os._exit(3)
    os._exit(0)


def memory_bytes(memory_mb: int) -> int:
    """Given the memory limit a mutant may use on top of the process as it stands, return the address-space cap."""
    with open("/proc/self/statm") as fh:
        current = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    return current + memory_mb * 1024 * 1024


def run_one(name: str, data: bytes, time_limit: float, memory_mb: int) -> tuple[str, str]:
    """Given a mutant, return (outcome, detail): ok, traceback, multi-line, timeout, memory or crash."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        signal.signal(signal.SIGALRM, signal.SIG_DFL)
        run_child(name, data, time_limit, memory_mb, write_end)
    os.close(write_end)
    _, status = os.waitpid(pid, 0)
    detail = b""
    while chunk := os.read(read_end, 65536):
        detail += chunk
    os.close(read_end)
    if os.WIFSIGNALED(status):
        signum = os.WTERMSIG(status)
        return ("timeout", f"over {time_limit} s") if signum == signal.SIGALRM else ("crash", f"signal {signum}")
    code = os.WEXITSTATUS(status)
    return {0: "ok", 3: "traceback", 4: "memory", 5: "multi-line"}.get(code, "crash"), detail.decode("utf-8", "replace")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=float(os.environ.get("FUZZ_SECONDS", 60)))
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: from the clock, printed)")
    parser.add_argument("--mutants", type=int, default=None, help="stop after this many mutants (default: no limit)")
    parser.add_argument("--time-limit", type=float, default=20.0, help="seconds one mutant may take")
    parser.add_argument("--memory-mb", type=int, default=1024, help="memory one mutant may use")
    parser.add_argument("--save", action="store_true", help="save failing mutants under tests/data/fuzz/")
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else int(time.time())
    rng = random.Random(seed)
    seeds = [(p, p.read_bytes()) for p in sample_seeds()]
    import pipeline.load  # noqa: F401  (imported once, before the forks)
    import pipeline.read.pdf  # noqa: F401
    import pipeline.read.odt  # noqa: F401
    import pipeline.parse.document  # noqa: F401
    import pipeline.read.di  # noqa: F401
    counts: dict[str, int] = {}
    failures = []
    deadline = time.monotonic() + args.seconds
    print(f"fuzz: seed {seed}, {len(seeds)} sample files, {args.seconds:g} s", flush=True)
    while time.monotonic() < deadline and (args.mutants is None or sum(counts.values()) < args.mutants):
        path, data = rng.choice(seeds)
        data = mutant(path, data, rng)
        outcome, detail = run_one(path.name, data, args.time_limit, args.memory_mb)
        counts[outcome] = counts.get(outcome, 0) + 1
        if outcome != "ok":
            digest = hashlib.sha256(data).hexdigest()[:16]
            failures.append((path.name, outcome, digest))
            print(f"fuzz: {outcome}: mutant of {path.name} ({digest}): {detail.strip().splitlines()[-1:] or ''}",
                  flush=True)
            if args.save:
                REGRESSIONS.mkdir(parents=True, exist_ok=True)
                (REGRESSIONS / f"{digest}{path.suffix}").write_bytes(data)
    total = sum(counts.values())
    print(f"fuzz: {total} mutant(s): " + ", ".join(f"{n} {k}" for k, n in sorted(counts.items())), flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
