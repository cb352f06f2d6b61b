"""Application layer: session, undo commands, table model, settings, workers. QtCore/QtGui only."""

from editor.app.pyside_fix import protect_booleans

protect_booleans()
