"""Pure functions of one string: words, sentences, paragraphs and quotation marks.

Nothing here knows about corpora; every function takes a text and returns spans
(character offsets) into it, so it runs document by document anywhere.
"""
