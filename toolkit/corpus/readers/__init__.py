"""One reader per format: text files and folders, tables, saved web pages."""
