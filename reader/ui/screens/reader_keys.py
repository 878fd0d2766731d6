"""The reading screen's keys: every binding has an id a keymap can remap, and a description.

The footer, the help and the command palette are all made from these (see
``ReaderApp.get_key_display``, ``help.help_table`` and ``commands``), so a
remapped key shows its new key everywhere. No binding carries a fixed
``key_display``: it would stay behind when the key is remapped.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

from reader.ui.screens.corpus_keys import CORPUS_BINDINGS

READER_BINDINGS: list[BindingType] = [
    Binding("tab", "pane(1)", "Pane", tooltip="Next pane", id="pane.next"),
    Binding("shift+tab", "pane(-1)", "Previous pane", show=False, id="pane.previous"),
    Binding(
        "z",
        "zoom",
        "Zoom",
        show=False,
        tooltip="The article alone at the full width, or the panes back",
        id="pane.zoom",
    ),
    Binding(
        "a",
        "add_note",
        "Note",
        tooltip="Add a note: on the selected text, the cursor's paragraph, "
        "or the speaker or sector highlighted in the side pane",
        id="note.add",
    ),
    Binding(
        "A",
        "add_document_note",
        "Note on document",
        show=False,
        tooltip="Add a note on the whole document",
        id="note.add_document",
    ),
    # A priority binding: the keys typed right after it reach the box even when they
    # arrive together (a busy moment, a paste), before the box has taken the focus.
    Binding("slash", "search", "Search", priority=True, id="search.open"),
    Binding("n", "search_step(1)", "Next match", show=False, id="search.next"),
    Binding("N", "search_step(-1)", "Previous match", show=False, id="search.previous"),
    Binding("escape", "clear_search", "Clear search", show=False, id="search.clear"),
    Binding(
        "right_square_bracket",
        "mention(1)",
        "Next mention",
        tooltip="Next mention of the speaker or sector highlighted in the side pane",
        id="mention.next",
    ),
    Binding(
        "left_square_bracket",
        "mention(-1)",
        "Previous mention",
        show=False,
        tooltip="Previous mention of the speaker or sector highlighted in the side pane",
        id="mention.previous",
    ),
    # Off the digits, which are counts before a motion (5j): s, the quotation mark, x.
    Binding("s", "toggle_layer('speaker')", "Speakers on/off", show=False, id="layer.speakers"),
    Binding(
        "quotation_mark", "toggle_layer('quote')", "Quotes on/off", show=False, id="layer.quotes"
    ),
    Binding("x", "toggle_layer('sector')", "Sectors on/off", show=False, id="layer.sectors"),
    Binding("o", "library", "Library", tooltip="Back to the library", id="library.back"),
    Binding("question_mark", "help", "Help", id="app.help"),
    *CORPUS_BINDINGS,
]
