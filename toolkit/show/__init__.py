"""Presentation: HTML renderings, matplotlib plots and ipywidgets explorers over the
analysis tables. Nothing here computes an analysis; it shows one."""
