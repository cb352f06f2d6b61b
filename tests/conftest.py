"""Suite-wide set-up: Qt never needs a display unless a test starts its own X server."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
