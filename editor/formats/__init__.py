"""Qt-free readers and writers, one module per format; registry.py maps names, extensions and content."""
