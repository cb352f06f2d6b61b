"""Widgets: main window, views, dialogs."""
