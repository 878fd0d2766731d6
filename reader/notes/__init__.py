"""Notes anchored to the text, kept in a TinyDB file. Pure: no terminal code."""
