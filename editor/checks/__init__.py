"""Quality checks: one rule per module, pure (document, style) -> issues. Qt-free."""
