"""The implementations of the command-line commands (no Textual outside `app`)."""
