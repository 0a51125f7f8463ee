"""The corpus: the model, the readers of each format, cleaning, the token index and
the tidy token, sentence and paragraph tables."""
