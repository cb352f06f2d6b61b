"""Cueline: a caption editor for captioning staff."""

__version__ = "0.1.0"
