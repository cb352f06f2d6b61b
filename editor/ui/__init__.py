"""Widgets: main window, views, dialogs."""

from editor.app.pyside_fix import protect_booleans

protect_booleans()
