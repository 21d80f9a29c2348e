"""fupan (复盘): a lessons-learned knowledge base of review entries."""

__version__ = "0.1.0"
