"""The jobs a user asks for, each written once (open any file, line up, auto-sync, find suspect words, export,
check). Qt-free: the CLI and the window both call these and never orchestrate formats or timing themselves."""
