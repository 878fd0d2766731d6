"""One rule for tags (reader/notes/tags.py): the editor, the CLI and import agree."""

from __future__ import annotations

from reader.notes.tags import normalise_tags, note_tags, split_tag_field, tags_not_in_body
from reader.ui.screens.note_editor import parse_tags


def test_tags_are_case_folded_dashed_and_kept_once():
    given = ["Trade", "trade", " follow   up ", "#Energy", "", "  ", "TRADE"]
    assert normalise_tags(given) == ("trade", "follow-up", "energy")


def test_the_editor_field_and_the_cli_make_the_same_tags_of_follow_up():
    # The CLI takes each --tag whole; the editor's field splits on commas and "#".
    cli = note_tags(["follow up", "Trade"], "")
    assert cli == ("follow-up", "trade")
    assert parse_tags("follow up, Trade", "") == cli
    assert parse_tags("#follow-up #trade", "") == cli


def test_body_hashtags_join_the_tags_case_folded():
    assert note_tags(["trade"], "About #Trade and #Energy, not mail@host#x") == ("trade", "energy")


def test_a_field_of_separators_only_makes_no_tag():
    assert normalise_tags(split_tag_field(", ,# ,")) == ()


def test_a_tag_seen_in_the_body_is_not_listed_again():
    assert tags_not_in_body(("energy", "finance"), "Gas first #Energy") == ("finance",)
    assert tags_not_in_body(("energy",), "no hashtag here, energy") == ("energy",)
