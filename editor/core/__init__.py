"""Qt-free core: timecodes, the caption model, style profiles, transcript parsing, segmentation, edits."""
