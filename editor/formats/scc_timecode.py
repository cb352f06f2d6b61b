"""29.97 fps timecode: drop-frame labels (`HH:MM:SS;FF`) and non-drop ones (`HH:MM:SS:FF`), frames, ms.

Drop-frame timecode skips labels 00 and 01 at the start of every minute except each tenth, so the label
stays within about two frames of the clock; a frame's true time is frame x 1001/30 ms either way.
"""

from __future__ import annotations

import re

FRAMES_PER_10_MINUTES = 17982  # 10 minutes at 30000/1001 fps
FRAMES_PER_MINUTE = 1798  # a minute that drops two labels
_TIMECODE = re.compile(r"^(\d{1,2}):(\d{2}):(\d{2})([:;.,])(\d{2})$")


def frame_of_ms(ms: int) -> int:
    """The frame showing at ms (nearest frame start)."""
    return round(ms * 30 / 1001)


def frame_at_or_after(ms: int) -> int:
    """The first frame that starts at or after ms (in whole ms): a caption timed there is never early."""
    frame = frame_of_ms(ms)
    return frame + 1 if ms_of_frame(frame) < ms else frame


def ms_of_frame(frame: int) -> int:
    """When a frame starts, in whole milliseconds."""
    return round(frame * 1001 / 30)


def format_drop_frame(frame: int) -> str:
    """The drop-frame label of a frame counted from zero."""
    tens, rest = divmod(frame, FRAMES_PER_10_MINUTES)
    skipped = 18 * tens + (2 * ((rest - 2) // FRAMES_PER_MINUTE) if rest >= 2 else 0)
    label = frame + skipped
    frames, seconds = label % 30, label // 30
    return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d};{frames:02d}"


def parse_timecode(text: str) -> int:
    """The frame a label names; `;` (or `.`, `,`) before the frames means drop-frame. ValueError if malformed."""
    match = _TIMECODE.match(text.strip())
    if match is None:
        raise ValueError(f"not a timecode: {text.strip()!r} (expected HH:MM:SS;FF)")
    hours, minutes, seconds, separator, frames = match.groups()
    if int(minutes) > 59 or int(seconds) > 59 or int(frames) > 29:
        raise ValueError(f"timecode out of range: {text.strip()!r}")
    label = ((int(hours) * 60 + int(minutes)) * 60 + int(seconds)) * 30 + int(frames)
    if separator == ":":
        return label
    total_minutes = int(hours) * 60 + int(minutes)
    if int(seconds) == 0 and int(frames) < 2 and total_minutes % 10:
        raise ValueError(f"{text.strip()!r} does not exist in drop-frame timecode")
    return label - 2 * (total_minutes - total_minutes // 10)
