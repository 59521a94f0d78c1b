"""Helpers of the end-to-end tests: a virtual X screen with a tray host, looked at and clicked
with xdotool, photographed with ImageMagick's `import`."""

from __future__ import annotations

import os
import select
import subprocess
import tempfile
import time
from pathlib import Path


def free_display(start: int = 120) -> int:
    """A display number that looks free. Only a hint: another test run may take it meanwhile,
    which `XSession.start` notices (the X server refuses a display in use) and then moves on."""
    for n in range(start, start + 200):
        if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists():
            return n
    raise RuntimeError(f"no free X display number between :{start} and :{start + 200}")


def wait_for(predicate, timeout: float, what: str, interval: float = 0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


class XSession:
    """A virtual screen with a tray host, and helpers to look at and click on it."""

    def __init__(self, display: int, artifacts: Path):
        self._first = display
        self.artifacts = artifacts
        self.procs: list[subprocess.Popen] = []
        self._use(display)

    def _use(self, display: int) -> None:
        self.display = f":{display}"
        self.env = {**os.environ, "DISPLAY": self.display, "QT_QPA_PLATFORM": "xcb"}
        self.env.pop("WAYLAND_DISPLAY", None)
        # No notification daemon on this screen's session: Qt shows its own balloon.
        self.env.pop("DBUS_SESSION_BUS_ADDRESS", None)

    def _start_xvfb(self, display: int) -> subprocess.Popen | None:
        """Xvfb on `display`, or None when that display is taken (by another test run started at
        the same moment, say). The server writes its number to a pipe once it accepts clients:
        only then is the screen ours (a socket file could be the other run's)."""
        read, write = os.pipe()
        try:
            xvfb = subprocess.Popen(
                ["Xvfb", f":{display}", "-displayfd", str(write), "-screen", "0", "1280x800x24",
                 "-nolisten", "tcp"],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, pass_fds=(write,))
        finally:
            os.close(write)
        with os.fdopen(read, "rb") as pipe:
            if not select.select([pipe], [], [], 15)[0]:
                xvfb.kill()
                xvfb.wait(5)
                raise AssertionError(f"Xvfb :{display} did not start within 15 s")
            ready = pipe.readline().strip()  # empty when the server exits without starting
        if ready == str(display).encode():
            return xvfb
        xvfb.wait(15)
        return None

    def start(self) -> "XSession":
        n = self._first
        for _ in range(50):
            xvfb = self._start_xvfb(n)
            if xvfb is not None:
                break
            n = free_display(n + 1)
        else:
            raise AssertionError(f"Xvfb could not start on any display from :{self._first} to :{n}")
        self.procs.append(xvfb)
        self._use(n)
        # trayer has been seen to exit at once with status 1 on a fresh server (once, in a full
        # run); it is tried again, and a tray host that keeps failing is reported with what it said.
        for _ in range(3):
            said = tempfile.TemporaryFile("w+")
            tray = subprocess.Popen(
                ["trayer", "--edge", "top", "--align", "right", "--widthtype", "request", "--height", "24",
                 "--transparent", "false", "--SetDockType", "true"],
                env=self.env, stdout=subprocess.DEVNULL, stderr=said)
            # trayer owns the _NET_SYSTEM_TRAY_S0 selection once it is up.
            wait_for(lambda: self.tray_owner() or tray.poll() is not None, 15, "trayer to own the system tray")
            if tray.poll() is None:
                self.procs.append(tray)
                said.close()
                return self
            said.seek(0)
            why = f"trayer on {self.display} exited with {tray.returncode}: {said.read().strip() or '(nothing said)'}"
            said.close()
            time.sleep(0.5)
        raise AssertionError(why)

    def tray_owner(self) -> bool:
        out = subprocess.run(["xdotool", "search", "--classname", "trayer"], env=self.env,
                             capture_output=True, text=True)
        return bool(out.stdout.strip())

    def xdotool(self, *args: str, check: bool = True) -> str:
        out = subprocess.run(["xdotool", *args], env=self.env, capture_output=True, text=True, timeout=20)
        if check and out.returncode != 0:
            raise AssertionError(f"xdotool {' '.join(args)} failed: {out.stderr.strip()}")
        return out.stdout.strip()

    def search(self, *args: str) -> list[str]:
        out = subprocess.run(["xdotool", "search", *args], env=self.env, capture_output=True, text=True, timeout=20)
        return out.stdout.split()

    def visible_named(self, pattern: str) -> list[str]:
        return self.search("--onlyvisible", "--name", pattern)

    def wait_visible_named(self, pattern: str, timeout: float = 20) -> str:
        return wait_for(lambda: (self.visible_named(pattern) or [None])[0], timeout, f"a window named {pattern!r}")

    def geometry(self, wid: str) -> tuple[int, int, int, int]:
        out = self.xdotool("getwindowgeometry", "--shell", wid)
        vals = dict(line.split("=", 1) for line in out.splitlines() if "=" in line)
        return int(vals["X"]), int(vals["Y"]), int(vals["WIDTH"]), int(vals["HEIGHT"])

    def screenshot(self, name: str) -> Path:
        self.artifacts.mkdir(parents=True, exist_ok=True)
        path = self.artifacts / f"{name}.png"
        subprocess.run(["import", "-display", self.display, "-window", "root", str(path)],
                       env=self.env, check=True, timeout=30)
        return path

    def stop(self) -> None:
        for p in reversed(self.procs):
            if p.poll() is None:
                p.terminate()
                try:
                    p.wait(5)
                except subprocess.TimeoutExpired:
                    p.kill()
                    p.wait(5)
