"""Retiming a cue by dragging an edge or the whole block: the limits a drag must keep, free of Qt."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from editor.core.model import Cue
from editor.core.timecode import format_timecode

MIN_CUE_MS = 100  # shorter than this a block cannot be grabbed again; the checks flag anything under the style's


class DragKind(Enum):
    START = "start"  # the left edge
    END = "end"  # the right edge
    MOVE = "move"  # the whole block, duration kept


@dataclass(frozen=True, slots=True)
class CueDrag:
    """One drag in progress: where it was grabbed and the room the neighbours leave, fixed at the press."""

    index: int
    kind: DragKind
    anchor_ms: float
    start_ms: int
    end_ms: int
    lowest_ms: int
    highest_ms: int | None

    def times_at(self, pointer_ms: float) -> tuple[int, int]:
        """The cue's start and end with the pointer at `pointer_ms`, clamped to the room it has."""
        delta = round(pointer_ms - self.anchor_ms)
        highest = self.highest_ms if self.highest_ms is not None else 1 << 40
        if self.kind is DragKind.START:
            return max(self.lowest_ms, min(self.start_ms + delta, self.end_ms - MIN_CUE_MS)), self.end_ms
        if self.kind is DragKind.END:
            return self.start_ms, min(highest, max(self.end_ms + delta, self.start_ms + MIN_CUE_MS))
        delta = max(self.lowest_ms - self.start_ms, min(delta, highest - self.end_ms))
        return self.start_ms + delta, self.end_ms + delta


def start_drag(
    index: int,
    kind: DragKind,
    anchor_ms: float,
    cue: Cue,
    neighbours: tuple[Cue | None, Cue | None],
    min_gap_ms: int,
    runtime_ms: int | None,
) -> CueDrag:
    """A drag whose room ends `min_gap_ms` short of each neighbour (or at 0 and the runtime).

    Where the document already breaks a limit, the cue's own position widens the room, so a drag can
    never be refused outright; it just cannot make things worse.
    """
    before, after = neighbours
    lowest = before.end_ms + min_gap_ms if before is not None else 0
    highest = after.start_ms - min_gap_ms if after is not None else runtime_ms
    return CueDrag(
        index=index,
        kind=kind,
        anchor_ms=anchor_ms,
        start_ms=cue.start_ms,
        end_ms=cue.end_ms,
        lowest_ms=min(lowest, cue.start_ms),
        highest_ms=None if highest is None else max(highest, cue.end_ms),
    )


def drag_readout(start_ms: int, end_ms: int) -> str:
    """What a drag would set, shown beside the pointer: a block's edge alone cannot be placed to the frame."""
    return f"{format_timecode(start_ms, '.')} → {format_timecode(end_ms, '.')} · {(end_ms - start_ms) / 1000:.3f} s"
