"""A Jupyter-centred toolkit for studying news discourse.

Load articles, read them in context, count who is talked about and who speaks,
and trace every number back to the characters of the source.

Examples
--------
>>> import toolkit
>>> corpus = toolkit.load_corpus("data/")
>>> hits = toolkit.kwic(corpus, "withdraw*")
"""

from importlib import import_module
from typing import Any

from .analyses.actors import actor_cooccurrence, count_actors, find_actors, suggest_actors
from .analyses.agreement import agreement
from .analyses.coding_sheet import example_sheet, read_coding_sheet, write_coding_sheet
from .analyses.collocates import collocates
from .analyses.counts import count_documents
from .analyses.frames import count_frames, find_frames
from .analyses.keyness import keyness
from .analyses.sentiment import score_sentiment, sentiment_by, sentiment_by_speaker
from .analyses.terms import count_terms, document_term_matrix
from .analyses.validation import (
    estimate_precision,
    estimate_recall,
    sample_for_coding,
    sample_unflagged,
)
from .analyses.voice import attach_voice
from .corpus.corpus import Corpus
from .corpus.duplicates import find_duplicates
from .corpus.executor import current_executor, set_executor
from .corpus.load import as_corpus, load_corpus
from .corpus.save import save_corpus
from .corpus.store import StoredCorpus, open_corpus
from .corpus.tables import paragraphs, sentences, tokenize
from .quotes.corpus_speakers import resolve_speakers
from .quotes.extract import extract_quotes
from .quotes.table import speakers
from .search.kwic import kwic
from .search.lexicons import Lexicon, load_lexicon
from .show.html import kwic_html, quotes_html

__all__ = [
    "Corpus",
    "Lexicon",
    "StoredCorpus",
    "actor_cooccurrence",
    "agreement",
    "as_corpus",
    "attach_voice",
    "collocates",
    "count_actors",
    "count_documents",
    "count_frames",
    "count_terms",
    "current_executor",
    "document_term_matrix",
    "estimate_precision",
    "estimate_recall",
    "example_sheet",
    "extract_quotes",
    "find_actors",
    "find_duplicates",
    "find_frames",
    "keyness",
    "kwic",
    "kwic_html",
    "load_corpus",
    "load_lexicon",
    "open_corpus",
    "paragraphs",
    "plot_actor_cooccurrence",
    "plot_actor_frequency",
    "plot_actor_heatmap",
    "plot_actors_over_time",
    "plot_collocates",
    "plot_dispersion",
    "plot_frames",
    "plot_keyness",
    "plot_precision",
    "plot_speaker_sentiment",
    "plot_terms",
    "quotes_html",
    "read_coding_sheet",
    "resolve_speakers",
    "sample_for_coding",
    "sample_unflagged",
    "save_corpus",
    "score_sentiment",
    "sentences",
    "sentiment_by",
    "sentiment_by_speaker",
    "set_executor",
    "speakers",
    "suggest_actors",
    "tokenize",
    "widgets",
    "write_coding_sheet",
]

__version__ = "0.1.0"

# Plotting and widgets load matplotlib and ipywidgets, which scripts and the
# command line often do not need: they are imported on first use.
_LAZY = {
    "widgets": "toolkit.widgets",
    **{name: "toolkit.show.plot" for name in __all__ if name.startswith("plot_")},
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'toolkit' has no attribute {name!r}")
    value = import_module(module)
    if name != "widgets":
        value = getattr(value, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
