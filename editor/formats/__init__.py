"""Qt-free readers and writers: one module per format, each declaring itself by the recipe in recipe.py;
registry.py lists them and reads or writes any file."""
