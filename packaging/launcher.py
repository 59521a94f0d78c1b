"""The frozen app's entry script: PyInstaller runs a script, not a package's `__main__`, so this
file imports the command line by its absolute name and hands it the arguments."""

import sys

from followup_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
