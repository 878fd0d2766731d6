"""One identity per person or organisation across documents, joined conservatively."""

from __future__ import annotations

from reader.library.people import SpeakerRow, identities


def row(doc: int, name: str, kind: str = "person", aliases: tuple[str, ...] = ()) -> SpeakerRow:
    return SpeakerRow(doc, name.lower().replace(" ", "-"), name, kind, aliases, 1)


def groups(rows: list[SpeakerRow]) -> list[set[tuple[int, str]]]:
    return [{(rows[i].doc, rows[i].name) for i in p.rows} for p in identities(rows)]


def test_same_full_name_and_transliterations_are_one():
    rows = [row(1, "Sergei Lavrov"), row(2, "Sergey Lavrov"), row(3, "sergei lavrov")]
    (one, other) = groups(rows)
    assert one == {(1, "Sergei Lavrov"), (2, "Sergey Lavrov")}
    assert other == {(3, "sergei lavrov")}  # not written as a name: its document's only


def test_different_people_of_one_surname_stay_apart():
    rows = [row(1, "John Smith"), row(2, "Jane Smith"), row(3, "J. Smith"), row(4, "Smith")]
    assert sorted(map(len, groups(rows))) == [1, 1, 1, 1]


def test_a_surname_alone_joins_the_one_person_of_that_surname():
    rows = [row(1, "Hillary Clinton"), row(2, "Clinton"), row(3, "Clinton")]
    assert groups(rows) == [{(1, "Hillary Clinton"), (2, "Clinton"), (3, "Clinton")}]
    rows.append(row(4, "Bill Clinton"))
    assert sorted(map(len, groups(rows))) == [1, 1, 2]  # now "Clinton" could be either


def test_an_initial_joins_only_the_one_name_it_can_be():
    rows = [row(1, "John Smith"), row(2, "J. Smith")]
    assert groups(rows) == [{(1, "John Smith"), (2, "J. Smith")}]


def test_organisations_by_name_and_by_alias():
    rows = [
        row(1, "International Monetary Fund", "organization", ("the IMF", "IMF")),
        row(2, "IMF", "organization"),
        row(3, "the IMF", "organization"),
        row(4, "city staff", "organization"),
        row(5, "city staff", "organization"),
    ]
    found = groups(rows)
    assert {(1, "International Monetary Fund"), (2, "IMF"), (3, "the IMF")} in found
    assert {(4, "city staff")} in found and {(5, "city staff")} in found


def test_a_person_and_an_organisation_of_one_name_stay_apart():
    rows = [row(1, "Jordan Peterson"), row(2, "Jordan Peterson", "organization")]
    assert len(groups(rows)) == 2


def test_roles_and_honorifics_are_not_names():
    rows = [row(1, "Mr. Kamin"), row(2, "Kamin"), row(3, "spokesperson"), row(4, "spokesperson")]
    found = groups(rows)
    assert {(1, "Mr. Kamin"), (2, "Kamin")} in found
    assert {(3, "spokesperson")} in found and {(4, "spokesperson")} in found


def test_ids_are_unique_and_counts_add_up():
    rows = [
        row(1, "Ada Byron"),
        row(2, "Ada Byron"),
        row(2, "spokesperson"),
        row(3, "spokesperson"),
    ]
    people = identities(rows)
    assert len({p.id for p in people}) == len(people)
    ada = next(p for p in people if p.name == "Ada Byron")
    assert (ada.id, ada.documents, ada.quotes) == ("ada-byron", 2, 2)
