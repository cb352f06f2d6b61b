"""The SubStation caption style for a caption profile on a picture: sizes in the picture's own pixels.

Without `PlayResX`/`PlayResY` libass assumes a 384x288 picture and scales every size from it, so a new file
names the video's size (1920x1080 when it is not known) and states every size in those pixels:
- the caption safe area is the central 80% of the picture (CEA-708's), so the side margins are 10% of the
  width and the bottom margin 10% of the height;
- the font is as large as a comfortable height allows (1/18 of the picture, 60 px at 1080p) but never so large
  that a full line of the profile (42 characters for streaming, 32 for CEA-608) overflows the safe width:
  on a 4:3 or portrait picture the line length decides;
- white text with a black outline of 1/20 of the font size and a soft shadow, bottom centre.
"""

from __future__ import annotations

from dataclasses import dataclass

from editor.core.style import CaptionStyle

DEFAULT_PICTURE = (1920, 1080)
SAFE_AREA = 0.8  # CEA-708's caption safe area: the central 80% of width and height
FONT_HEIGHT_SHARE = 1 / 18  # of the picture's height: 60 px at 1080p
# Advance of a character of running lower-case English text per unit of SubStation font size: 0.38-0.42,
# measured with libass on DejaVu Sans (what libass picks for Arial where Arial is missing; Arial is narrower).
# The font is sized for 0.45, leaving room for wide letters; capitals take about 0.53, so a 42-character
# line in capitals may wrap onto a third row on a narrow picture (libass's smart wrapping keeps it readable).
ADVANCE_PER_FONT_SIZE = 0.45
OUTLINE_SHARE = 1 / 20  # of the font size


@dataclass(frozen=True, slots=True)
class CaptionLook:
    """What a SubStation style needs, in the picture's pixels."""

    play_res: tuple[int, int]
    font_size: int
    outline: int
    shadow: int
    margin_sides: int
    margin_bottom: int


def caption_look(style: CaptionStyle, picture: tuple[int, int] | None = None) -> CaptionLook:
    """The look of the profile's captions on a picture of this size (1920x1080 when unknown)."""
    width, height = picture if picture and picture[0] > 0 and picture[1] > 0 else DEFAULT_PICTURE
    safe_width = width * SAFE_AREA
    widest_font = safe_width / (style.max_chars_per_line * ADVANCE_PER_FONT_SIZE)
    font_size = max(8, round(min(height * FONT_HEIGHT_SHARE, widest_font)))
    outline = max(1, round(font_size * OUTLINE_SHARE))
    margin_sides = round(width * (1 - SAFE_AREA) / 2)
    margin_bottom = round(height * (1 - SAFE_AREA) / 2)
    return CaptionLook((width, height), font_size, outline, max(1, outline // 2), margin_sides, margin_bottom)
