"""One reader per format (text files and folders, tables, compressed tables, saved web
pages, news-database exports, office files), each returning documents and report rows
(see ``records``)."""
