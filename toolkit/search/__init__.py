"""Search: the one matching contract (patterns), keyword in context, lexicons."""
