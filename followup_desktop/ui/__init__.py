"""The desktop user interface (PySide6). The core never imports this package."""
