"""Export with a gap policy: write the captions in the format the file name says, deciding what becomes of
the unresolved `--` runs, and say what became of them. A `.cueline` project is the working copy, so it
always keeps its runs until staff resolve them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from editor.core.gaps import GapPolicy, count_cues_with_gaps, count_gap_runs, resolve_gaps
from editor.core.model import Document
from editor.core.wording import counted
from editor.formats.errors import ExportRefused, WriteRefused
from editor.formats.recipe import WriteOptions
from editor.formats.registry import format_for_path, write_file
from editor.media.audio import picture_size


@dataclass(frozen=True)
class Exported:
    """What was written: how many cues, and the `--` runs met on the way and what the policy made of them."""

    path: Path
    cues: int
    gap_runs: int
    cues_with_gaps: int
    policy: GapPolicy
    cues_removed: int
    notes: tuple[str, ...] = ()  # what the format wants staff to know (an SCC caption shown late ...)

    def gap_note(self) -> str:
        """One line for staff about the runs ("" when there were none)."""
        if not self.gap_runs:
            return ""
        what = {
            GapPolicy.KEEP: "kept as is",
            GapPolicy.INAUDIBLE: "written as [inaudible]",
            GapPolicy.DROP: f"dropped ({counted(self.cues_removed, 'cue')} left empty removed)",
        }[self.policy]
        runs, cues = counted(self.gap_runs, "unresolved `--` run"), counted(self.cues_with_gaps, "cue")
        return f"{self.path}: {runs} in {cues} {what}"


def cues_needing_a_gap_decision(document: Document) -> int:
    """Cues that still hold `--` runs: when any do, an export asks what to do with them."""
    return count_cues_with_gaps(document.cues)


def export_document(document: Document, path: Path, options: WriteOptions | None = None) -> Exported:
    """Write `document` to `path` atomically (a project, or any format Cueline writes); FormatError if not.
    Formats that place text in pixels (ASS) are sized for the document's video unless options name a picture."""
    path = Path(path)
    options = options or WriteOptions()
    target = format_for_path(path)
    working_copy = target.working_copy
    if options.picture is None and document.media_path and not working_copy:
        options = replace(options, picture=picture_size(document.media_path))
    policy = GapPolicy.KEEP if working_copy else options.gap_policy
    try:
        notes = write_file(document, path, options, file_format=target).notes
    except WriteRefused as refused:
        raise ExportRefused(refused.reason, path, target.name) from refused
    except OSError as error:
        raise ExportRefused(error.strerror or str(error), path, target.name) from error
    cues = document.cues
    removed = resolve_gaps(cues, policy).removed if policy is GapPolicy.DROP else 0
    return Exported(path, len(cues) - removed, count_gap_runs(cues), count_cues_with_gaps(cues), policy, removed,
                    notes)
