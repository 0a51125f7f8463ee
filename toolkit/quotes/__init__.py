"""Quotations and their speakers: who speaks, in their own words or reported.

The modules, in the order a document is read (each imports only those above it):

- ``grammar``, ``rules``: the word lists and rules (``quotes_grammar.yaml``,
  ``quotes.yaml``), checked when loaded.
- ``document``: tokens, sentences and quotations in marks.
- ``phrases``, ``mentions``: noun phrases, and what they say of a speaker.
- ``cues``: reporting cues.
- ``content``: what each cue reports.
- ``speaker``: who a reporting verb attributes to, one strategy a construction.
- ``constructions``: the attributions of a sentence, one function a construction.
- ``resolution``: who each speaker mention refers to, within a document.
- ``rows``: the rows of each attribution, and quotations without a cue.
- ``reading``: one document, in reading order.
- ``table``: the quotation table and ``speakers``.
- ``extract``: ``extract_quotes``, reading documents side by side.
"""
