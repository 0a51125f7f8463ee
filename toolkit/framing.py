"""Framing: frame cues with voice and speaker, collocates and keyness.

The frame lexicons use the same YAML form and matching contract as the actor
lexicons (:mod:`toolkit.lexicons`, :mod:`toolkit.patterns`).
"""

from __future__ import annotations

__all__: list[str] = []

# ------------------------------------------------------------------ frame cues


# ----------------------------------------------------------- collocates, keyness
