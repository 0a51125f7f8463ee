"""One reader per format: text files and folders, tables (also compressed: see
``compressed``), saved web pages, news-database exports and office files."""
