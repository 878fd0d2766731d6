"""Record classes: ``@record`` makes ``__init__``, ``__repr__`` and ``__eq__`` from the fields.

A small stand-in for ``dataclasses.dataclass`` (the options this package uses:
``frozen``, ``order``, ``eq``, ``slots``, ``field(default_factory=..., init=...)``
and ``__post_init__``), so a short command does not import ``dataclasses`` and
``inspect`` with it, and making a class costs one compiled function source.
The methods behave as a dataclass's do: fields in their order, equality and
order as tuples of the fields between instances of the one class.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, overload

if TYPE_CHECKING:
    from typing import dataclass_transform
else:

    def dataclass_transform(**_: object) -> Callable[[Any], Any]:
        return lambda f: f


T = TypeVar("T")
_MISSING: Any = object()


class FrozenRecordError(AttributeError):
    """An attempt to change or delete a field of a frozen record."""


class _Field:
    __slots__ = ("default", "factory", "init")

    def __init__(self, default: Any, factory: Any, init: bool) -> None:
        self.default, self.factory, self.init = default, factory, init


@overload
def field(*, default_factory: Callable[[], T], init: bool = ...) -> T: ...
@overload
def field(*, default: T, init: bool = ...) -> T: ...
@overload
def field(*, init: bool = ...) -> Any: ...
def field(*, default: Any = _MISSING, default_factory: Any = _MISSING, init: bool = True) -> Any:
    """A field's default made afresh for each instance, or a field ``__init__`` does not take."""
    return _Field(default, default_factory, init)


def _frozen_setattr(self: object, name: str, value: object) -> None:
    raise FrozenRecordError(f"cannot assign to field {name!r}")


def _frozen_delattr(self: object, name: str) -> None:
    raise FrozenRecordError(f"cannot delete field {name!r}")


def _make(
    cls: type, frozen: bool, order: bool, eq: bool, slots: bool
) -> type:  # the generated methods, compiled from one source
    own = list(cls.__dict__.get("__annotations__", {}))  # noqa: RUF063 - no inspect
    specs: dict[str, _Field] = {}
    for base in reversed(cls.__mro__[1:]):  # a base record's fields come first
        specs.update(base.__dict__.get("__record_specs__", {}))
    for name in own:
        value = cls.__dict__.get(name, _MISSING)
        specs[name] = value if isinstance(value, _Field) else _Field(value, _MISSING, True)
    names = list(specs)
    env: dict[str, Any] = {"__name__": cls.__module__, "_MISSING": _MISSING}
    env["_set"] = object.__setattr__
    params, body = [], []
    for name, spec in specs.items():
        if spec.factory is not _MISSING:
            env[f"_f_{name}"] = spec.factory
        if spec.default is not _MISSING:
            env[f"_d_{name}"] = spec.default
        if not spec.init:
            if spec.factory is not _MISSING:
                expr = f"_f_{name}()"
            elif spec.default is not _MISSING:
                expr = f"_d_{name}"
            else:
                continue
        elif spec.factory is not _MISSING:
            params.append(f"{name}=_MISSING")
            expr = f"_f_{name}() if {name} is _MISSING else {name}"
        elif spec.default is not _MISSING:
            params.append(f"{name}=_d_{name}")
            expr = name
        else:
            params.append(name)
            expr = name
        if frozen and slots and name in own:
            body.append(f"_s_{name}(self, {expr})")  # the slot's own setter, bound below
        else:
            body.append(f"_set(self, {name!r}, {expr})" if frozen else f"self.{name} = {expr}")
    if hasattr(cls, "__post_init__"):
        body.append("self.__post_init__()")
    mine = ", ".join(f"self.{n}" for n in names) + ("," if len(names) == 1 else "")
    other = ", ".join(f"other.{n}" for n in names) + ("," if len(names) == 1 else "")
    shown = ", ".join(f"{n}={{self.{n}!r}}" for n in names)
    lines = [f"def __init__(self, {', '.join(params)}):", *(f"  {b}" for b in body or ["pass"])]
    rest = ["def __repr__(self):", f'  return f"{{self.__class__.__qualname__}}({shown})"']
    compared = [("__eq__", "==")] if eq else []
    if order:
        compared += [("__lt__", "<"), ("__le__", "<="), ("__gt__", ">"), ("__ge__", ">=")]
    for method, op in compared:
        rest += [
            f"def {method}(self, other):",
            "  if other.__class__ is self.__class__:",
            f"    return ({mine}) {op} ({other})",
            "  return NotImplemented",
        ]
    later = ["__repr__", *(m for m, _ in compared)]
    if eq and frozen:
        rest += ["def __hash__(self):", f"  return hash(({mine}))"]
        later.append("__hash__")
    exec("\n".join(lines), env)  # the source is made above of the field names only
    env["__init__"].__qualname__ = f"{cls.__qualname__}.__init__"
    ns = {k: v for k, v in cls.__dict__.items() if k not in ("__dict__", "__weakref__")}
    for name in own:
        if isinstance(ns.get(name), _Field) or (slots and name in ns):
            del ns[name]
    ns["__init__"] = env["__init__"]
    made: list[type] = []
    for method in later:
        ns[method] = _compiled_on_first_call(method, made, "\n".join(rest), env, later)
    if eq and not frozen:
        ns["__hash__"] = None
    if frozen:
        ns["__setattr__"], ns["__delattr__"] = _frozen_setattr, _frozen_delattr
    ns["__match_args__"] = tuple(names)
    ns["__record_init__"] = tuple(p.split("=")[0] for p in params)
    ns["__record_specs__"] = specs
    if slots:
        ns["__slots__"] = tuple(own)
    made.append(type(cls)(cls.__name__, cls.__bases__, ns))
    made[0].__qualname__ = cls.__qualname__
    if frozen and slots:
        # A frozen record's fields are set through their slots' descriptors, which the
        # class's own ``__setattr__`` does not stop: twice as fast as ``object.__setattr__``.
        for name in own:
            env[f"_s_{name}"] = made[0].__dict__[name].__set__
    return made[0]


def _compiled_on_first_call(
    method: str, made: list[type], source: str, env: dict[str, Any], methods: list[str]
) -> Callable[..., Any]:
    """A stand-in for ``method`` that compiles ``source`` (all of ``methods``), puts them in
    the class and calls the real one: most classes are never compared or shown in a run."""

    def first_call(self: object, *args: object) -> Any:
        cls = made[0]
        if cls.__dict__[method] is first_call:
            exec(source, env)  # the source is made of the field names only
            for name in methods:
                env[name].__qualname__ = f"{cls.__qualname__}.{name}"
                setattr(cls, name, env[name])
        return getattr(cls, method)(self, *args)

    first_call.__name__ = method
    return first_call


def init_fields(cls: type) -> tuple[str, ...]:
    """The fields a record class's ``__init__`` takes, in order."""
    names: tuple[str, ...] = cls.__dict__["__record_init__"]
    return names


@overload
def record(cls: type[T], /) -> type[T]: ...
@overload
def record(
    *, frozen: bool = ..., order: bool = ..., eq: bool = ..., slots: bool = ...
) -> Callable[[type[T]], type[T]]: ...
@dataclass_transform(field_specifiers=(field,))
def record(
    cls: type[T] | None = None,
    /,
    *,
    frozen: bool = False,
    order: bool = False,
    eq: bool = True,
    slots: bool = False,
) -> type[T] | Callable[[type[T]], type[T]]:
    """Make a record class of ``cls``'s annotated fields (see the module's docstring)."""

    def wrap(c: type[T]) -> type[T]:
        return _make(c, frozen, order, eq, slots)

    return wrap if cls is None else wrap(cls)
