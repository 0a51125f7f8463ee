"""Small helpers every stage uses: packaged resources, table building, progress bars, paths."""
