"""reader: a terminal reader for news about states, economies and trade."""

__version__ = "0.1.0"
