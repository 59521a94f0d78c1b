"""Runtime hook of the frozen app: runs before any of the app's code.

A windowed build on Windows (and a macOS .app started from the Finder) has `sys.stdout` and
`sys.stderr` set to None; `sys.stdout.write`, `traceback.print_exc()` or a logging handler would
then crash the app or swallow the very error it reports. Point them at the null device instead:
the desktop app logs to its log file in the data dir, and on Linux, where PyInstaller keeps the
terminal's streams, the command line (`due --json`, `import`, `export`) prints as usual.
"""

import os
import sys

for _name in ("stdout", "stderr"):
    if getattr(sys, _name, None) is None:
        setattr(sys, _name, open(os.devnull, "w", encoding="utf-8"))
if getattr(sys, "stdin", None) is None:
    sys.stdin = open(os.devnull, encoding="utf-8")
