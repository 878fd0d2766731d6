"""The vocabulary file: verb forms made from one entry, and every bad entry named."""

from __future__ import annotations

from importlib import resources

import pytest

from reader.analysis.vocabulary import VERB_FORMS, VocabularyError, inflect, parse

PACKAGE = resources.files("reader.analysis").joinpath("data/vocabulary.toml").read_text("utf-8")


def edited(old: str, new: str) -> str:
    """The package file with one piece of text replaced."""
    assert old in PACKAGE
    return PACKAGE.replace(old, new, 1)


def with_verb(line: str) -> str:
    return edited("[verbs]\n", f"[verbs]\n{line}\n")


@pytest.mark.parametrize(
    ("verb", "forms"),
    [
        ("warn", ("warns", "warned", "warning")),
        ("agree", ("agrees", "agreed", "agreeing")),
        ("argue", ("argues", "argued", "arguing")),
        ("deny", ("denies", "denied", "denying")),
        ("stress", ("stresses", "stressed", "stressing")),
        ("say", ("says", "sayed", "saying")),  # the rules; the file lists "said"
        ("point out", ("points out", "pointed out", "pointing out")),
    ],
)
def test_regular_forms_are_made_from_the_base(verb: str, forms: tuple[str, ...]) -> None:
    assert inflect(verb) == forms


def test_the_package_file_gives_every_form_its_verb() -> None:
    assert VERB_FORMS["warned"].base == "warn"
    assert VERB_FORMS["said"].base == "say"
    assert VERB_FORMS["written"].base == "write"
    assert VERB_FORMS["pointed out"].base == "point out"
    assert "sayed" not in VERB_FORMS
    assert VERB_FORMS["told"].object and VERB_FORMS["agreed"].clause_only
    assert "reports" in VERB_FORMS["report"].noun_forms


def test_one_line_adds_a_verb_with_all_its_forms() -> None:
    vocabulary = parse(with_verb("mutter = { clause_only = true }"))
    mutter = next(v for v in vocabulary.verbs if v.base == "mutter")
    assert mutter.forms == ("mutter", "mutters", "muttered", "muttering")
    assert mutter.clause_only and not mutter.object


def test_irregular_forms_replace_the_made_ones() -> None:
    vocabulary = parse(with_verb('grumble = { forms = ["grumbles", "grumbled", "grumbling"] }'))
    grumble = next(v for v in vocabulary.verbs if v.base == "grumble")
    assert grumble.forms == ("grumble", "grumbles", "grumbled", "grumbling")


@pytest.mark.parametrize(
    ("source", "message"),
    [
        (with_verb("mutter = { clause = true }"), "[verbs] 'mutter': unknown key 'clause'"),
        (with_verb('mutter = { clause_only = "yes" }'), "'mutter': clause_only must be true"),
        (with_verb('mutter = { forms = ["Mutters"] }'), "'mutter': forms must be a list"),
        (with_verb("mutter = true"), "[verbs] 'mutter': expected a table"),
        (with_verb("mutter = { forms = [] }"), "[verbs] 'mutter': forms is empty"),
        (with_verb("Mutter = {}"), "[verbs] 'Mutter': a verb is one or two lower-case words"),
        (
            with_verb('mutter = { noun_forms = ["mutters", "mumble"] }'),
            "'mutter': noun_forms: 'mumble' is not a form of 'mutter'",
        ),
        (
            with_verb('tattle = { forms = ["tattles", "told", "tattling"] }'),
            "'tell': the form 'told' is already a form of 'tattle'",
        ),
        (
            edited('"minister", "ministers"', '"Minister", "ministers"'),
            "titles: 'Minister' must be",
        ),
        (edited('"minister", "ministers"', '"prime minister"'), "'prime minister' must be one"),
        (edited('"minister", "ministers"', '"minister", "minister"'), "'minister' is listed twice"),
        (edited('"Kyiv",', '"Kyiv", "kyiv",'), "[names] places: 'kyiv' is listed twice"),
        (edited("modals = [", "modal = ["), "[words] unknown list 'modal'"),
        (edited("modals = [", "modal = ["), "[words] modals: missing"),
        (edited("[names]", "[name]"), "unknown table [name]"),
        (edited("[names]", "[name]"), "[names] is missing or not a table"),
        (edited("[verbs]", "[verbs"), "not valid TOML"),
    ],
)
def test_a_bad_entry_is_named(source: str, message: str) -> None:
    with pytest.raises(VocabularyError) as error:
        parse(source)
    assert message in str(error.value)


def test_every_bad_entry_is_named_at_once() -> None:
    source = with_verb("mutter = { clause = true }\nmumble = 1").replace(
        '"ministers"', '"Ministers"'
    )
    with pytest.raises(VocabularyError) as error:
        parse(source, "my.toml")
    lines = str(error.value).splitlines()
    assert len(lines) == 3
    assert all(line.startswith("my.toml: ") for line in lines)
