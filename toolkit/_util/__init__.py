"""Small helpers every stage uses: packaged resources, YAML files checked node by node,
table building, progress bars, paths."""
