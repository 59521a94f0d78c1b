"""Start at login: an XDG autostart entry on Linux, a LaunchAgent on macOS, a Run value on Windows.

What to write is computed by pure functions (tested on every platform); the writers only put it
in place or take it away. The command starts the app minimized, in the tray.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Callable, Sequence

from ..paths import DataPaths, write_private

DESKTOP_FILENAME = "followup-desktop.desktop"
LAUNCH_AGENT_LABEL = "org.followupdesktop.FollowupDesktop"
WINDOWS_RUN_KEY = r"HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Run"
WINDOWS_VALUE_NAME = "Follow-up Desktop"


def launch_command(paths: DataPaths | None = None, *, frozen: bool | None = None,
                   executable: str | None = None, which: Callable[[str], str | None] | None = None) -> list[str]:
    """The command line that starts this installation minimized (with its data dir, when the
    user named one)."""
    if which is None:
        import shutil

        which = shutil.which
    frozen = getattr(sys, "frozen", False) if frozen is None else frozen
    executable = executable or sys.executable
    if frozen:
        cmd = [executable]
    else:
        script = which("followup-desktop")
        # An absolute path: at login the venv's bin folder is usually not on PATH.
        cmd = [script] if script else [executable, "-m", "followup_desktop"]
    cmd.append("--minimized")
    if paths is not None and not paths.is_default:
        cmd += ["--data-dir", str(paths.root)]
    return cmd


def _desktop_quote(arg: str) -> str:
    # Desktop Entry Specification, "The Exec key": quote arguments holding reserved characters,
    # escape ", `, $ and \ inside quotes; then the string type escapes \ once more; % is doubled.
    reserved = set(' \t\n"\'\\><~|&;$*?#()`')
    if arg and not (set(arg) & reserved):
        quoted = arg
    else:
        quoted = '"' + "".join("\\" + c if c in '"`$\\' else c for c in arg) + '"'
    return quoted.replace("\\", "\\\\").replace("%", "%%")


def desktop_entry(command: Sequence[str]) -> str:
    """The XDG autostart `.desktop` file."""
    return "\n".join([
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.0",
        "Name=Follow-up Desktop",
        "Comment=Tells you when to follow up on your job applications",
        "Exec=" + " ".join(_desktop_quote(a) for a in command),
        "Icon=followup-desktop",
        "Terminal=false",
        "Categories=Office;",
        "X-GNOME-Autostart-enabled=true",
        "",
    ])


def launch_agent_plist(command: Sequence[str]) -> bytes:
    """The macOS LaunchAgent property list."""
    import plistlib

    return plistlib.dumps({
        "Label": LAUNCH_AGENT_LABEL,
        "ProgramArguments": list(command),
        "RunAtLoad": True,
        "ProcessType": "Interactive",
    })


def windows_run_value(command: Sequence[str]) -> str:
    """The `Run` registry value: one command line, quoted the Windows way."""
    import subprocess

    return subprocess.list2cmdline(list(command))


def linux_autostart_file(environ=os.environ, home: Path | None = None) -> Path:
    config = environ.get("XDG_CONFIG_HOME") or str((home or Path.home()) / ".config")
    return Path(config) / "autostart" / DESKTOP_FILENAME


def mac_launch_agent_file(home: Path | None = None) -> Path:
    return (home or Path.home()) / "Library" / "LaunchAgents" / f"{LAUNCH_AGENT_LABEL}.plist"


class Autostart:
    """Puts the start-at-login entry in place (`apply(True)`) or removes it (`apply(False)`)."""

    def __init__(self, command: Sequence[str], *, platform: str = sys.platform, environ=os.environ,
                 home: Path | None = None, registry: Callable[[], object] | None = None):
        self.command = list(command)
        self.platform = platform
        self.environ = environ
        self.home = home
        # Tests give an ini-file QSettings here; the real one is the HKCU Run key.
        self._registry = registry

    def _registry_settings(self):
        if self._registry is not None:
            return self._registry()
        from PySide6.QtCore import QSettings

        return QSettings(WINDOWS_RUN_KEY, QSettings.NativeFormat)

    @property
    def location(self) -> str:
        if self.platform.startswith("win"):
            return WINDOWS_RUN_KEY + "\\" + WINDOWS_VALUE_NAME
        if self.platform == "darwin":
            return str(mac_launch_agent_file(self.home))
        return str(linux_autostart_file(self.environ, self.home))

    def is_enabled(self) -> bool:
        if self.platform.startswith("win"):
            return self._registry_settings().contains(WINDOWS_VALUE_NAME)
        return Path(self.location).exists()

    def apply(self, enabled: bool) -> None:
        if self.platform.startswith("win"):
            reg = self._registry_settings()
            if enabled:
                reg.setValue(WINDOWS_VALUE_NAME, windows_run_value(self.command))
            else:
                reg.remove(WINDOWS_VALUE_NAME)
            reg.sync()
            return
        path = Path(self.location)
        if enabled:
            data = (launch_agent_plist(self.command) if self.platform == "darwin"
                    else desktop_entry(self.command).encode("utf-8"))
            path.parent.mkdir(parents=True, exist_ok=True)
            write_private(path, data)
        elif path.exists():
            path.unlink()


__all__ = ["Autostart", "launch_command", "desktop_entry", "launch_agent_plist", "windows_run_value",
           "linux_autostart_file", "mac_launch_agent_file", "WINDOWS_RUN_KEY", "WINDOWS_VALUE_NAME"]
