"""The app outside its window: tray icon and menu, notifications and when to show them.

`schedule` is the pure decision of what to tell when (no Qt); `texts` holds every word shown,
`menu` the tray's menu, `controller` the logic that ties them to the workspace. Nothing here
imports the windows (`ui/`): the composition root (`followup_desktop/app.py`) connects the two.
`DesktopIntegration` is imported on first use, so start-up does not load the tray before the
window is painted.
"""

_LAZY = {
    "DesktopIntegration": ".controller",
}


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


__all__ = ["DesktopIntegration"]
