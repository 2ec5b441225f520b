"""Running a command for the fuzz suite and measuring it: exit status, seconds, and peak resident memory of
the process and of each process it starts (worker processes), from the kernel's own high-water marks."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

TRACEBACK = "Traceback (most recent call last)"


@dataclass
class Measured:
    argv: list[str]
    exit_code: int | None  # None: killed at the timeout
    seconds: float
    main_peak_mb: float            # VmHWM of the command's own process
    child_peak_mb: float           # the largest VmHWM among the processes it started (0 with none)
    tree_peak_mb: float            # ru_maxrss from wait4: the largest of the process and its reaped children
    stdout: Path
    stderr: Path

    @property
    def peak_mb(self) -> float:
        """The most memory any one process of the run held."""
        return max(self.main_peak_mb, self.child_peak_mb, self.tree_peak_mb)

    def stderr_text(self) -> str:
        return self.stderr.read_text(encoding="utf-8", errors="replace")

    def summary(self) -> dict[str, object]:
        return {"exit_code": self.exit_code, "seconds": round(self.seconds, 1),
                "peak_rss_mb": {"main": self.main_peak_mb, "largest_child": self.child_peak_mb,
                                "any_process": self.peak_mb},
                "traceback_on_stderr": TRACEBACK in self.stderr_text()}


@dataclass
class _Peaks:
    """High-water marks (VmHWM, MB) of a process tree, sampled while it runs: the kernel keeps each process's
    peak, so sampling only has to catch every process once before it exits."""
    root: int
    by_pid: dict[int, float] = field(default_factory=dict)
    stop: threading.Event = field(default_factory=threading.Event)

    def watch(self) -> None:
        while not self.stop.is_set():
            for pid in _tree(self.root):
                peak = _vm_hwm_mb(pid)
                if peak is not None:
                    self.by_pid[pid] = max(self.by_pid.get(pid, 0.0), peak)
            self.stop.wait(0.2)


def _tree(root: int) -> list[int]:
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        try:
            for task in os.listdir(f"/proc/{pid}/task"):
                todo.extend(int(c) for c in Path(f"/proc/{pid}/task/{task}/children").read_text().split())
        except OSError:
            continue
    return found


def _vm_hwm_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


class Started:
    """A command running in its own session, its memory sampled until `finish`."""

    def __init__(self, argv: list[str], stdout: Path, stderr: Path, env: dict[str, str] | None = None) -> None:
        self.argv = argv
        self.stdout, self.stderr = stdout, stderr
        self.started = time.perf_counter()
        with stdout.open("wb") as out, stderr.open("wb") as err:
            self.proc = subprocess.Popen(argv, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                                         start_new_session=True, env=env)
        self.peaks = _Peaks(self.proc.pid)
        self.thread = threading.Thread(target=self.peaks.watch, daemon=True)
        self.thread.start()

    def alive(self) -> bool:
        """Running (not exited, nor a zombie waiting to be reaped): asked without reaping it."""
        try:
            return Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
        except OSError:
            return False

    def main_peak_mb(self) -> float:
        return max(self.peaks.by_pid.get(self.proc.pid, 0.0), _vm_hwm_mb(self.proc.pid) or 0.0)

    def interrupt(self) -> None:
        """Ask it to stop as Ctrl-C would (a server shuts down cleanly)."""
        if self.proc.returncode is None:
            os.kill(self.proc.pid, signal.SIGINT)

    def finish(self, timeout: float) -> Measured:
        """Wait for the command (killing its whole session past `timeout` seconds) and measure it."""
        deadline = time.monotonic() + timeout
        exit_code: int | None = None
        usage = None
        while True:
            pid, status, usage = os.wait4(self.proc.pid, os.WNOHANG)
            if pid:
                exit_code = os.waitstatus_to_exitcode(status)
                break
            if time.monotonic() > deadline:
                os.killpg(self.proc.pid, signal.SIGKILL)
                _, status, usage = os.wait4(self.proc.pid, 0)
                break
            time.sleep(0.1)
        self.proc.returncode = exit_code if exit_code is not None else -9  # reaped here, not by Popen
        self.peaks.stop.set()
        self.thread.join()
        children = [peak for pid, peak in self.peaks.by_pid.items() if pid != self.proc.pid]
        return Measured(self.argv, exit_code, time.perf_counter() - self.started,
                        self.peaks.by_pid.get(self.proc.pid, 0.0), max(children, default=0.0),
                        round(usage.ru_maxrss / 1024, 1), self.stdout, self.stderr)


def run(argv: list[str], out_dir: Path, name: str, timeout: float) -> Measured:
    """Run a command to its end, stdout and stderr to files under `out_dir`."""
    return Started(argv, out_dir / f"{name}.out", out_dir / f"{name}.err").finish(timeout)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
