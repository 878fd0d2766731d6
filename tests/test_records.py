"""Record classes behave as the dataclasses they replace: init, repr, equality, order, hash."""

from __future__ import annotations

import pytest

from reader.records import FrozenRecordError, field, init_fields, record


@record(frozen=True, order=True, slots=True)
class Point:
    x: int
    y: int = 0

    def __post_init__(self) -> None:
        if self.x < 0:
            raise ValueError("negative")


@record(slots=True)
class Bag:
    name: str
    items: list[str] = field(default_factory=list)
    seen: int = field(init=False, default=0)


@record(eq=False)
class Node:
    label: str


def test_fields_defaults_and_repr() -> None:
    assert Point(1) == Point(1, 0) == Point(x=1, y=0)
    assert repr(Point(1, 2)) == "Point(x=1, y=2)"
    assert repr(Bag("a")) == "Bag(name='a', items=[], seen=0)"
    assert Point.__match_args__ == ("x", "y")


def test_post_init_runs() -> None:
    with pytest.raises(ValueError, match="negative"):
        Point(-1)


def test_each_instance_gets_its_own_default() -> None:
    a, b = Bag("a"), Bag("b")
    a.items.append("x")
    assert b.items == []
    with pytest.raises(TypeError):
        Bag("a", [], 3)  # type: ignore[call-arg]  # not a parameter of __init__


def test_order_and_hash_of_a_frozen_record() -> None:
    assert sorted([Point(2), Point(1, 5), Point(1, 3)]) == [Point(1, 3), Point(1, 5), Point(2)]
    assert Point(1, 2) < Point(1, 3) <= Point(1, 3) and Point(2) > Point(1, 9) >= Point(1, 9)
    assert len({Point(1, 2), Point(1, 2), Point(2, 1)}) == 2
    assert Point(1) != (1, 0)  # no equality with a tuple of the same fields


def test_frozen_records_refuse_changes() -> None:
    p = Point(1)
    with pytest.raises(FrozenRecordError):
        p.x = 2  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del p.y  # type: ignore[misc]


def test_slots_and_hashing_as_dataclasses() -> None:
    assert not hasattr(Point(1), "__dict__") and not hasattr(Bag("a"), "__dict__")
    assert Bag.__hash__ is None  # mutable and compared by value: unhashable
    assert Bag("a") == Bag("a") and Bag("a") != Bag("b")
    n = Node("n")
    assert n != Node("n") and n == n and hash(n) == hash(n)  # eq=False: identity


@record(frozen=True)
class Point3(Point):
    z: int = 0


def test_a_subclass_takes_the_base_fields_first() -> None:
    p = Point3(1, 2, 3)
    assert (p.x, p.y, p.z) == (1, 2, 3) and repr(p) == "Point3(x=1, y=2, z=3)"
    with pytest.raises(ValueError, match="negative"):
        Point3(-1)  # the base's __post_init__ runs
    assert init_fields(Point3) == ("x", "y", "z") and init_fields(Bag) == ("name", "items")
