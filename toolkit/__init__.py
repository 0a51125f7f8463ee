"""A Jupyter-centred toolkit for studying news discourse.

Load articles, read them in context, count who is talked about and who speaks,
and trace every number back to the characters of the source.

Examples
--------
>>> import toolkit
>>> corpus = toolkit.load_corpus("data/")
>>> hits = toolkit.kwic(corpus, "withdraw*")
"""

from . import widgets
from .actors import actor_cooccurrence, count_actors, find_actors, suggest_actors
from .corpus import Corpus, as_corpus, load_corpus
from .framing import attach_voice, collocates, count_frames, find_frames, keyness
from .kwic import kwic, kwic_html
from .lexicons import Lexicon, load_lexicon
from .plot import (
    plot_actor_cooccurrence,
    plot_actor_frequency,
    plot_actor_heatmap,
    plot_actors_over_time,
    plot_collocates,
    plot_dispersion,
    plot_frames,
    plot_keyness,
    plot_speaker_sentiment,
)
from .quotes import extract_quotes, quotes_html, speakers
from .sentiment import score_sentiment, sentiment_by, sentiment_by_speaker
from .tokens import paragraphs, sentences, tokenize

__all__ = [
    "Corpus",
    "Lexicon",
    "actor_cooccurrence",
    "as_corpus",
    "attach_voice",
    "collocates",
    "count_actors",
    "count_frames",
    "extract_quotes",
    "find_actors",
    "find_frames",
    "keyness",
    "kwic",
    "kwic_html",
    "load_corpus",
    "load_lexicon",
    "paragraphs",
    "plot_actor_cooccurrence",
    "plot_actor_frequency",
    "plot_actor_heatmap",
    "plot_actors_over_time",
    "plot_collocates",
    "plot_dispersion",
    "plot_frames",
    "plot_keyness",
    "plot_speaker_sentiment",
    "quotes_html",
    "score_sentiment",
    "sentences",
    "sentiment_by",
    "sentiment_by_speaker",
    "speakers",
    "suggest_actors",
    "tokenize",
    "widgets",
]

__version__ = "0.1.0"
