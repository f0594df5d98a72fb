"""gongwen batch --scheduler: the parsing on a real Dask LocalCluster of two worker processes gives the outputs of
a local run, file for file and row for row, even when a worker is killed mid-batch; a file the workers cannot
reach is a failure in the manifest; the per-file limits hold on the workers; a cluster left with no worker stops
the batch in one line instead of waiting for ever."""
from __future__ import annotations

import os
import shutil
import signal
import sys
import threading
from pathlib import Path

import cloudpickle
import pytest
from click.testing import CliRunner
from distributed import Client, LocalCluster, WorkerPlugin

from pipeline.batch import discover
from pipeline.batch.guard import Limits, OverTime, limited
from pipeline.batch.work import UNREACHABLE, WORKER_DIED
from pipeline.cli import main
from test_batch import BAD, INBOX, by_path, snapshot, write_letter
from test_batch_faults import SEED, odt_body

cloudpickle.register_pickle_by_value(sys.modules[__name__])  # the workers cannot import this test module


@pytest.fixture(scope="module")
def scheduler():
    """A LocalCluster of two worker processes, one thread each; yield its scheduler address."""
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=40) as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def client(scheduler):
    with Client(scheduler) as c:
        yield c


@pytest.fixture
def inbox(tmp_path) -> Path:
    """The sample inbox (text, PDF, ODT, DI with roster and attachments, duplicates), generated letters and bad files."""
    folder = tmp_path / "inbox"
    shutil.copytree(INBOX, folder)
    (folder / "more").mkdir()
    for n in range(40):
        write_letter(folder / "more", f"letter-{n:02d}.txt", n)
    for name in ("truncated.pdf", "not-odf.odt"):
        shutil.copy(BAD / name, folder / name)
    (folder / "empty.txt").write_bytes(b"")
    return folder


def batch(inbox: Path, output: Path, *extra: str):
    return CliRunner().invoke(main, ["batch", str(inbox), "-o", str(output), *extra])


def test_cluster_outputs_equal_a_local_run(inbox, tmp_path, scheduler):
    local = batch(inbox, tmp_path / "local", "--jobs", "2")
    on_cluster = batch(inbox, tmp_path / "cluster", "--scheduler", scheduler)
    assert local.exit_code == on_cluster.exit_code == 2, on_cluster.output
    entries = by_path(tmp_path / "cluster")
    assert entries["376550000A1080251637.di"]["attachments"] == [
        "376550000A1080251637_118_ATTACH1.odt", "376550000A1080251637_118_ATTACH2.odt", "376550000A1080251637.sw"]
    assert entries["more/letter-07.txt"]["status"] == "parsed" and entries["empty.txt"]["status"] == "failed"
    assert snapshot(tmp_path / "cluster") == snapshot(tmp_path / "local")


class KillOnce(WorkerPlugin):
    """Kill the worker process (SIGKILL) as it starts its ``after``-th parse, once across the cluster (a marker file)."""
    name = "kill-once"

    def __init__(self, marker: str, after: int):
        self.marker, self.after, self.seen = marker, after, 0

    def transition(self, key, start, finish, **kwargs):
        if finish == "executing" and str(key).startswith("gongwen-parse-"):
            self.seen += 1
            if self.seen >= self.after and not os.path.exists(self.marker):
                Path(self.marker).write_text(str(os.getpid()))
                os.kill(os.getpid(), signal.SIGKILL)


def test_a_worker_killed_mid_batch_loses_nothing_and_doubles_nothing(inbox, tmp_path, scheduler, client):
    marker = tmp_path / "killed"
    client.register_plugin(KillOnce(str(marker), after=12))
    try:
        on_cluster = batch(inbox, tmp_path / "cluster", "--scheduler", scheduler)
    finally:
        client.unregister_worker_plugin(KillOnce.name)
    assert marker.exists(), "no worker was killed"
    assert on_cluster.exit_code == 2, on_cluster.output
    assert WORKER_DIED not in (tmp_path / "cluster" / "manifest.json").read_text(encoding="utf-8")
    batch(inbox, tmp_path / "local", "--jobs", "2")
    assert snapshot(tmp_path / "cluster") == snapshot(tmp_path / "local")


def test_a_file_the_workers_cannot_reach_is_a_failure_with_its_reason(inbox, tmp_path, scheduler, monkeypatch):
    found = discover.inbox_to_inputs

    def then_unmount(folder, exclude):  # the inbox's sub-folder is gone from the workers' view after discovery
        inputs = found(folder, exclude)
        shutil.rmtree(inbox / "more")
        return inputs
    monkeypatch.setattr("pipeline.batch.run.inbox_to_inputs", then_unmount)
    result = batch(inbox, tmp_path / "out", "--scheduler", scheduler)
    assert result.exit_code == 2
    entries = by_path(tmp_path / "out")
    assert entries["more/letter-03.txt"] == {"path": "more/letter-03.txt", "sha256": entries["more/letter-03.txt"]["sha256"],
                                             "status": "failed", "reason": UNREACHABLE}
    assert entries["moe-shuhan-meeting.txt"]["status"] == "parsed"
    assert f"failed: more/letter-03.txt: {UNREACHABLE}" in result.output


@pytest.mark.parametrize("name, limit, reason", [
    # 3 s: a one-page letter stays well inside it on a loaded machine; the slow one needs about 8 s of CPU alone
    ("slow.txt", ["--time-limit", "3"], "took longer than the time limit of 3 s a file (--time-limit)"),
    ("big.odt", ["--memory-limit", "40"], "needed more than the memory limit of 40 MB a file (--memory-limit)"),
])
def test_the_time_and_memory_limits_hold_on_the_workers(tmp_path, scheduler, name, limit, reason):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    write_letter(inbox, "fine.txt", 1)
    if name == "slow.txt":
        lines = (f"\n{i}、本縣某某國民小學、某某國民中學附設幼兒園及某某高級中等學校" for i in range(19000))
        (inbox / name).write_text(SEED + "".join(lines), encoding="utf-8")
    else:
        (inbox / name).write_bytes(odt_body(b"<text:p>x</text:p>" * 900_000))  # 16 MB of XML, a large tree
    result = batch(inbox, tmp_path / "out", "--scheduler", scheduler, *limit)
    assert result.exit_code == 2, result.output
    entries = by_path(tmp_path / "out")
    assert entries[name]["reason"] == reason
    assert entries["fine.txt"]["status"] == "parsed"


def test_the_time_limit_ends_pure_python_work_in_a_thread_and_is_restored():
    outcome = []

    def spin():
        try:
            with limited(Limits(seconds=0.2, megabytes=0)):
                while True:
                    pass
        except OverTime:
            outcome.append("over")
        with limited(Limits(seconds=0.2, megabytes=0)):
            outcome.append(sum(range(1000)))  # done in time: nothing raised later
        threading.Event().wait(0.4)
        outcome.append("calm")
    worker = threading.Thread(target=spin)
    worker.start()
    worker.join(10)
    assert outcome == ["over", 499500, "calm"]


def test_an_unreachable_scheduler_is_one_line_and_nothing_is_written(tmp_path, monkeypatch):
    (tmp_path / "inbox").mkdir()
    write_letter(tmp_path / "inbox", "l.txt", 1)
    monkeypatch.setattr("pipeline.batch.cluster.CONNECT_SECONDS", 1)
    result = batch(tmp_path / "inbox", tmp_path / "out", "--scheduler", "tcp://127.0.0.1:9")
    assert result.exit_code == 1
    assert result.output.startswith("gongwen batch: tcp://127.0.0.1:9: cannot reach the Dask scheduler: ")
    assert result.output.count("\n") == 1 and not (tmp_path / "out").exists()


class Parsed(WorkerPlugin):
    """Write a marker file once a worker has parsed ``count`` files."""
    name = "parsed"

    def __init__(self, marker: str, count: int):
        self.marker, self.count, self.seen = marker, count, 0

    def transition(self, key, start, finish, **kwargs):
        if finish == "memory" and str(key).startswith("gongwen-parse-"):
            self.seen += 1
            if self.seen == self.count:
                Path(self.marker).touch()


NO_WORKER = ("the Dask cluster has had no worker for 2 s while parsing; start workers and run the same command again "
             "(parsed files are kept)")
LOST = "lost the Dask scheduler while parsing; run the same command again (parsed files are kept)"


@pytest.mark.parametrize("lost, reason", [("workers", NO_WORKER), ("scheduler", LOST)])
def test_a_cluster_lost_mid_batch_stops_it_in_one_line_and_keeps_what_was_parsed(tmp_path, monkeypatch, lost, reason):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for n in range(300):
        write_letter(inbox, f"letter-{n:03d}.txt", n)
    monkeypatch.setattr("pipeline.batch.cluster.NO_WORKER_SECONDS", 2)
    marker = tmp_path / "parsed"
    outcome = []
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=40) as cluster:
        address = cluster.scheduler_address
        with Client(cluster) as client:
            client.register_plugin(Parsed(str(marker), 20))
            running = threading.Thread(target=lambda: outcome.append(batch(inbox, tmp_path / "out", "--scheduler",
                                                                           address)))
            running.start()
            for _ in range(600):
                if marker.exists() or not running.is_alive():
                    break
                threading.Event().wait(0.1)
            assert marker.exists(), "the worker did not parse 20 files"
            threading.Event().wait(1)  # the batch receives some of them (those still on the worker are lost with it)
            pids = client.run(os.getpid)
        if lost == "scheduler":
            cluster.close()
        else:
            for nanny in cluster.workers.values():
                nanny.close_gracefully()  # it will not start another worker
            for pid in pids.values():
                os.kill(pid, signal.SIGKILL)  # every worker gone, as when the machines running them stop
        running.join(60)
        assert not running.is_alive(), "the batch still waits for the cluster"
    result, = outcome
    assert result.exit_code == 1, result.output
    assert result.output.splitlines()[-1] == f"gongwen batch: {address}: {reason}"
    again = batch(inbox, tmp_path / "out")  # here, without the cluster: what the workers parsed is not parsed again
    assert again.exit_code == 0, again.output
    parsed = int(again.output.split(" file(s) to parse, ")[0].rsplit(" ", 1)[-1])
    assert parsed < 300 and f"{parsed} file(s) to parse, {300 - parsed} unchanged since the last run" in again.output
    assert sum(e["status"] == "parsed" for e in by_path(tmp_path / "out").values()) == 300
