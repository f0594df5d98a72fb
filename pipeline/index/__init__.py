"""The archivists' index: SQLite FTS5 over character grams (exact search of any word), jieba keywords with corpus IDF."""
