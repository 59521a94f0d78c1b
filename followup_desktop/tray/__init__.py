"""The app outside its window: tray icon, notifications and when to show them, a single running
instance, and starting at login.

`schedule` is the pure decision of what to tell when (no Qt); the rest is the Qt side.
"""

from .controller import DesktopIntegration, install_desktop_integration
from .single_instance import SingleInstance

__all__ = ["DesktopIntegration", "install_desktop_integration", "SingleInstance"]
