"""How counts read in messages: "1 error", "3 errors"."""

from __future__ import annotations


def counted(count: int, noun: str) -> str:
    """`count` and `noun`, the noun in the plural unless the count is one (every noun we count takes an "s")."""
    return f"{count} {noun}{'' if count == 1 else 's'}"
