"""Widgets of the reader: the article view and the side panes."""
