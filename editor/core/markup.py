"""The model's cue markup: which `<...>` in cue text are tags, and the text a viewer sees without them.

Markup is WebVTT's own tags (`<i>`, `<b>`, `<u>`, `<c.x>`, `<v Ann>`, `<lang en>`, `<ruby>`, `<rt>`, timestamps)
and SRT's `<font ...>`: every other `<...>` is text ("Tom said <hello> to me"). Defined once here so the
writers (formats) and the checks (line length counts what is seen) agree.
"""

from __future__ import annotations

import re

# A known tag name (any case, as SRT writes `<I>`) or a WebVTT timestamp, closed by ">".
MODEL_TAG = re.compile(
    r"</?(?:[cibuv]|lang|ruby|rt|font)(?=[\s.>])[^<>\n]*(?<!--)>|<(?:\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3}>",
    re.IGNORECASE,
)


def strip_markup(text: str) -> str:
    """The plain words of model text, tags removed: what a viewer reads, for display and counting."""
    return MODEL_TAG.sub("", text)
