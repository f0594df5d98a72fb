"""gongwen: read, parse, render, exchange and index Taiwanese official letters (公文)."""
__version__ = "0.1.0"
