"""The archivists' web catalogue (``gongwen serve``): a read-only Flask application over the index."""
