"""Notes anchored to the text, kept in a TinyDB file. Pure: no terminal code.

- ``model``: Note and Target (W3C quote + position selectors), tags.
- ``anchoring``: describe a span; find it again in an edited text, or call it an orphan.
- ``store``: NoteStore, the only code that opens the notes file.
- ``storage``: the atomic TinyDB Storage under it; ``schema``: file layout and migrations.
- ``export`` and ``w3c``: Markdown, JSON and W3C Web Annotation out; ``sourcetext``: a
  file's own text and its offsets, which W3C selectors count in.
- ``interchange``: what an import file holds (W3C, Hypothesis, our JSON), where it points;
  ``validation``: every field of it checked before anything is written.
"""
