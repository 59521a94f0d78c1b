"""End-to-end tests on a real X server: each test session starts its own Xvfb and tray host.

They run only on Linux. The tools they need (Xvfb, trayer, xdotool, xprop, ImageMagick's `import`) are
installed by `packaging/linux-deps.sh --test`; when one is missing the tests fail and say so,
rather than skip, so CI cannot pass without them having run.

Screenshots are kept in `$FOLLOWUP_ARTIFACTS` (default: `tests/e2e/artifacts/`, git-ignored).
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from xsession import XSession, free_display

HERE = Path(__file__).resolve().parent
TOOLS = {"Xvfb": "xvfb", "trayer": "trayer", "xdotool": "xdotool", "xprop": "x11-utils", "import": "imagemagick"}


def pytest_configure(config):
    config.addinivalue_line("markers", "e2e: end-to-end test on a real X server (Linux only)")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if HERE in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.e2e)
            if not sys.platform.startswith("linux"):
                item.add_marker(pytest.mark.skip(reason="end-to-end tests need X11 (Linux only)"))


def _require_tools() -> None:
    missing = [f"{tool} (Debian package {pkg})" for tool, pkg in TOOLS.items() if shutil.which(tool) is None]
    if missing:
        pytest.fail("end-to-end tests need " + ", ".join(missing)
                    + ": run `bash packaging/linux-deps.sh --test`", pytrace=False)


@pytest.fixture(scope="session")
def artifacts() -> Path:
    return Path(os.environ.get("FOLLOWUP_ARTIFACTS") or HERE / "artifacts")


@pytest.fixture
def xsession(artifacts):
    _require_tools()
    session = XSession(free_display(), artifacts).start()
    try:
        yield session
    finally:
        session.stop()
