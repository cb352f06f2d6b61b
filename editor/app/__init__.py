"""Application layer: session, undo commands, table model, settings, workers. QtCore/QtGui only."""
