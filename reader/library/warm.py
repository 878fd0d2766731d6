"""Imported by the fork server before it forks a worker: the analysis loaded once for all.

Each worker is forked from the fork server already holding the word lists, the
lexicon and the analysis' compiled patterns (``workers.warm_up``), instead of
loading them itself before its first file. Never imported elsewhere: importing
it is the warm-up.
"""

from reader.library.workers import warm_up

warm_up()
