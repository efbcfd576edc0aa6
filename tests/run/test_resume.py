"""A batch killed mid-run and started again ends with every document stored exactly once."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from marsad.store import open_store
from tests.corpus import report

DOCUMENTS = 40


def _ingest(folder: Path, db: str, stderr: int) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "marsad", "ingest", str(folder), "--db", db, "--workers", "1"]
    return subprocess.Popen([*command, "--no-progress"], stdout=subprocess.DEVNULL, stderr=stderr)


def _stored(db: str) -> int:
    store = open_store(db)
    try:
        return store.counts().documents
    finally:
        store.close()


def test_killed_batch_resumes_without_losing_or_doubling_documents(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    for n in range(DOCUMENTS):
        (folder / f"report-{n:03}.txt").write_text(report(n, sentences=40), "utf-8")
    db = f"sqlite:///{tmp_path / 'marsad.db'}"

    process = _ingest(folder, db, subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if (tmp_path / "marsad.db").exists() and _stored(db) >= 3:
            break
        time.sleep(0.05)
    assert process.poll() is None, "the batch finished before it could be interrupted"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    interrupted = _stored(db)
    assert 3 <= interrupted < DOCUMENTS

    resumed = _ingest(folder, db, subprocess.PIPE)
    _, stderr = resumed.communicate(timeout=300)
    assert resumed.returncode == 0, stderr.decode()
    store = open_store(db)
    try:
        results = list(store.iter_results())
    finally:
        store.close()
    assert len(results) == DOCUMENTS
    assert len({r.doc.source for r in results}) == DOCUMENTS
