"""A throw-away PostgreSQL cluster for the tests: initdb and pg_ctl from Debian's packages into a private temporary
folder, listening only on a Unix socket there, run as the ``postgres`` user when the tests run as root (PostgreSQL
refuses root), stopped and deleted after the session. Without PostgreSQL the tests using it skip, unless
GONGWEN_REQUIRE_POSTGRES=1 (set by .ci/run) makes that a failure."""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

REQUIRED = os.environ.get("GONGWEN_REQUIRE_POSTGRES") == "1"
SUPERUSER = "gongwen"
PORT = 5432  # the socket lives in the cluster's private folder: no other server can hold this name
SERVER_USER = "postgres"  # Debian's postgresql package makes this system user
EXTENSIONS = ("pg_trgm", "rum")  # postgresql-contrib, postgresql-NN-rum


def server_bin() -> Path | None:
    """Return the newest of Debian's /usr/lib/postgresql/*/bin holding initdb and the extensions the index needs
    (pg_trgm, rum), or None."""
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda f: int(f.split("/")[-2]), reverse=True):
        extensions = Path(f"/usr/share/postgresql/{folder.split('/')[-2]}/extension")
        if Path(folder, "initdb").is_file() and all((extensions / f"{name}.control").is_file() for name in EXTENSIONS):
            return Path(folder)
    return None


def as_server_user() -> list[str]:
    """Return the command prefix that runs PostgreSQL's programs as a user it accepts (root: ``postgres``)."""
    return ["runuser", "-u", SERVER_USER, "--"] if os.geteuid() == 0 else []


@dataclass
class Cluster:
    """A running throw-away cluster: its folder (socket beside the data) and superuser."""
    folder: Path

    def url(self, database: str = "postgres", user: str = SUPERUSER) -> str:
        """Given a database and role, return the postgresql:// URL reaching them over the socket."""
        return f"postgresql://{user}@/{database}?host={self.folder}&port={PORT}"

    def sql(self, statement: str, database: str = "postgres") -> None:
        """Given SQL, run it as the superuser in ``database`` (outside a transaction: CREATE DATABASE works)."""
        import psycopg
        with psycopg.connect(self.url(database), autocommit=True) as conn:
            conn.execute(statement)

    def new_database(self, name: str) -> str:
        """Given a name, create an empty database (UTF-8, the cluster's C.UTF-8 locale); return its URL."""
        self.sql(f'DROP DATABASE IF EXISTS "{name}"')
        self.sql(f'CREATE DATABASE "{name}"')
        return self.url(name)


def unavailable(reason: str):
    """Given why there is no server, skip the test, or fail it when PostgreSQL is required (CI)."""
    if REQUIRED:
        pytest.fail(f"GONGWEN_REQUIRE_POSTGRES=1 but {reason}")
    pytest.skip(reason)


def start_cluster(binaries: Path) -> Cluster:
    """Given PostgreSQL's bin folder, make and start a cluster in a new private folder; return it."""
    folder = Path(tempfile.mkdtemp(prefix="gongwen-pg-", dir="/tmp" if os.geteuid() == 0 else None))
    if os.geteuid() == 0:  # /tmp: every folder above it open to the server's user
        server = pwd.getpwnam(SERVER_USER)
        os.chown(folder, server.pw_uid, server.pw_gid)
    run = as_server_user()
    try:
        start_server(binaries, folder, run)
    except subprocess.CalledProcessError:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return Cluster(folder)


def start_server(binaries: Path, folder: Path, run: list[str]) -> None:
    """Given PostgreSQL's bin folder, an empty folder and the command prefix, initdb a cluster there and start it."""
    subprocess.run([*run, str(binaries / "initdb"), "-D", str(folder / "data"), "-U", SUPERUSER, "--auth=trust",
                    "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"], check=True, capture_output=True)
    subprocess.run([*run, str(binaries / "pg_ctl"), "-D", str(folder / "data"), "-l", str(folder / "server.log"),
                    "-w", "-o", f"-k {folder} -p {PORT} -c listen_addresses='' -c fsync=off", "start"],
                   check=True, capture_output=True)


def stop_cluster(binaries: Path, cluster: Cluster) -> None:
    """Given a running cluster, stop it and delete its folder."""
    subprocess.run([*as_server_user(), str(binaries / "pg_ctl"), "-D", str(cluster.folder / "data"), "-m", "fast",
                    "-w", "stop"], capture_output=True)
    shutil.rmtree(cluster.folder, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres():
    """A running throw-away PostgreSQL cluster for the session (skips, or fails in CI, without PostgreSQL)."""
    binaries = server_bin()
    if binaries is None:
        unavailable("PostgreSQL with pg_trgm and rum is not installed (apt-get install postgresql postgresql-contrib "
                    "postgresql-NN-rum)")
    if os.geteuid() == 0:
        try:
            pwd.getpwnam(SERVER_USER)
        except KeyError:
            unavailable(f"running as root, and there is no {SERVER_USER!r} user to run PostgreSQL as")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        unavailable("psycopg is not installed (pip install -e '.[test]')")
    try:
        cluster = start_cluster(binaries)
    except subprocess.CalledProcessError as exc:
        pytest.fail(f"cannot start PostgreSQL: {exc.stderr.decode(errors='replace').strip()}")
    try:
        yield cluster
    finally:
        stop_cluster(binaries, cluster)
