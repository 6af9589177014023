"""Runtime hook: programs the app starts see the user's environment, not the bundle's.

On Linux PyInstaller's bootloader puts the bundle's folder first on LD_LIBRARY_PATH
(keeping the original in LD_LIBRARY_PATH_ORIG). The running app no longer needs it
(the loader read it at start), but every child inherits it: xdg-open, the PDF viewer
or the file manager would then load the bundle's Qt and fontconfig instead of their
own, and may crash. Put the user's value back before any of our code runs.
"""

import os

if "LD_LIBRARY_PATH_ORIG" in os.environ:
    os.environ["LD_LIBRARY_PATH"] = os.environ.pop("LD_LIBRARY_PATH_ORIG")
else:
    os.environ.pop("LD_LIBRARY_PATH", None)
