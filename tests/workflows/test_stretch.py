"""Stretch to the media: a different cut is offered a stretch; another programme's file is called wrong."""

from __future__ import annotations

from editor.core.model import Cue, Document
from editor.core.style import style_named
from editor.paths import sample_transcript_path
from editor.workflows.open_file import Opened, open_file
from editor.workflows.stretch import MediaDiffers, MediaFits, MediaRunsOn, WrongMedia, fit_to_media


def sample() -> Document:
    outcome = open_file(sample_transcript_path(), style_named("streaming"))
    assert isinstance(outcome, Opened)
    return outcome.document


def test_the_12_45_sample_against_a_30_second_clip_is_the_wrong_media() -> None:
    fit = fit_to_media(sample(), 30_000)
    assert isinstance(fit, WrongMedia) and (fit.media_ms, fit.timing_ms) == (30_000, 765_000)
    assert round(fit.ratio) == 26
    assert fit.stretched.cues[-1].end_ms <= 30_000  # offered only if staff insist


def test_another_cut_of_the_programme_is_offered_a_stretch() -> None:
    fit = fit_to_media(sample(), 750_000)
    assert isinstance(fit, MediaDiffers)
    assert fit.stretched.runtime_ms == 750_000 and fit.stretched.cues[-1].end_ms <= 750_000


def test_a_small_difference_or_an_unknown_duration_offers_nothing() -> None:
    document = Document(cues=(Cue(0, 9_800, "Hello"),), runtime_ms=10_000)
    assert fit_to_media(document, 10_300) == MediaFits()
    assert fit_to_media(document, None) == MediaFits()
    assert isinstance(fit_to_media(document, 10_300, always=True), MediaDiffers)


def test_a_caption_file_ending_before_its_media_may_just_run_on() -> None:
    """Captions synced to this media, exported as SRT and reopened with it, end where the last word ends: the
    question whether to stretch them must not default to yes."""
    captions = Document(cues=(Cue(250, 3_400, "And mister"), Cue(110_000, 114_000, "for your country.")))
    assert isinstance(fit_to_media(captions, 115_280), MediaRunsOn)
    assert isinstance(fit_to_media(captions, 112_000), MediaDiffers)  # captions past the media's end
    assert isinstance(fit_to_media(captions, 115_280, always=True), MediaDiffers)  # asked for from the menu


def test_a_header_runtime_in_whole_seconds_fits_media_within_that_second() -> None:
    """The hour's transcript says 64:40 and its media runs 1:04:40.600: the question came up, "Stretch" first."""
    hour = Document(cues=(Cue(0, 3_879_000, "Words."),), runtime_ms=3_880_000)
    assert fit_to_media(hour, 3_880_600) == MediaFits()
    assert fit_to_media(hour, 3_879_400) == MediaFits()
    assert isinstance(fit_to_media(hour, 3_881_100), MediaDiffers)
    assert isinstance(fit_to_media(hour, 3_880_600, always=True), MediaDiffers)
