"""Analyses over the corpus and its quotations: the voice join, actors, frames,
collocates, keyness, sentiment, and validation (samples for hand coding, coding
sheets, agreement, precision). Each returns a tidy DataFrame that keeps the
document ids and character offsets of what it counts."""
