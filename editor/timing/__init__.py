"""Timing: pacing along a runtime, forced alignment to audio, retiming. Qt-free."""
