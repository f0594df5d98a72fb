"""The archivists' index: SQLite FTS5 (trigram) over letters and attachments, jieba keywords with corpus IDF."""
