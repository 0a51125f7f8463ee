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
from .corpus import Corpus, as_corpus, load_corpus
from .framing import collocates, keyness
from .kwic import kwic, kwic_html
from .plot import plot_collocates, plot_dispersion, plot_keyness, plot_speaker_sentiment
from .quotes import extract_quotes, quotes_html, speakers
from .sentiment import score_sentiment, sentiment_by, sentiment_by_speaker
from .tokens import paragraphs, sentences, tokenize

__all__ = [
    "Corpus",
    "as_corpus",
    "collocates",
    "extract_quotes",
    "keyness",
    "kwic",
    "kwic_html",
    "load_corpus",
    "paragraphs",
    "plot_collocates",
    "plot_dispersion",
    "plot_keyness",
    "plot_speaker_sentiment",
    "quotes_html",
    "score_sentiment",
    "sentences",
    "sentiment_by",
    "sentiment_by_speaker",
    "speakers",
    "tokenize",
    "widgets",
]

__version__ = "0.1.0"
