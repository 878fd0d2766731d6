"""The architecture holds: one layer per module, imports point down, no cycles.

The import graph comes from grimp (what import-linter builds on): every
``import`` statement counts, at module level, inside functions and under
``TYPE_CHECKING``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from itertools import pairwise

import grimp
import pytest

from tests.conftest import REPO

PACKAGE = "reader"
UI_TOOLKITS = ("textual", "rich")


def _contracts(kind: str) -> list[dict]:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    return [c for c in contracts if c["type"] == kind]


def _layers() -> list[tuple[str, bool]]:
    """(module, optional) for every layer of the one layers contract, top first."""
    (contract,) = _contracts("layers")
    prefix = "".join(f"{c}." for c in contract.get("containers", []))
    layers = []
    for layer in contract["layers"]:
        for name in layer.replace(":", "|").split("|"):
            name = name.strip()
            optional = name.startswith("(") and name.endswith(")")
            layers.append((prefix + name.strip("()"), optional))
    return layers


def _top_level_modules() -> set[str]:
    """Every module and package directly under reader/, read from the disk."""
    root = REPO / PACKAGE
    found = {f"{PACKAGE}.{p.stem}" for p in root.glob("*.py") if p.name != "__init__.py"}
    found |= {f"{PACKAGE}.{p.parent.name}" for p in root.glob("*/__init__.py")}
    return found


def _graph(**options: bool) -> grimp.ImportGraph:
    return grimp.build_graph(PACKAGE, cache_dir=None, **options)


def _cycles(graph: grimp.ImportGraph) -> Iterator[list[str]]:
    """The strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    for root in sorted(graph.modules):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.find_modules_directly_imported_by(root))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            module, imported = work[-1]
            step = next(imported, None)
            if step is not None:
                if step not in index:
                    index[step] = low[step] = len(index)
                    stack.append(step)
                    on_stack.add(step)
                    work.append((step, iter(sorted(graph.find_modules_directly_imported_by(step)))))
                elif step in on_stack:
                    low[module] = min(low[module], index[step])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[module])
            if low[module] == index[module]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == module:
                        break
                if len(component) > 1:
                    yield sorted(component)


def _describe(graph: grimp.ImportGraph, component: list[str]) -> str:
    """One cycle through the component, each import with its line: a -> b (l.3) -> a (l.9)."""
    first = component[0]
    inside = set(component)
    second = min(set(graph.find_modules_directly_imported_by(first)) & inside)
    chain = [first, *graph.find_shortest_chain(importer=second, imported=first)]
    text = first
    for importer, imported in pairwise(chain):
        lines = [
            d["line_number"] for d in graph.get_import_details(importer=importer, imported=imported)
        ]
        text += f" -> {imported} (l.{','.join(map(str, lines))})"
    return text


def _module_cycles(graph: grimp.ImportGraph) -> list[str]:
    return [_describe(graph, component) for component in _cycles(graph)]


def _package_cycles(graph: grimp.ImportGraph) -> list[str]:
    """Imports that close a cycle between the subpackages of one package."""
    found = []
    for package in sorted(m for m in graph.modules if graph.find_children(m)):
        for importer, imported in sorted(graph.nominate_cycle_breakers(package)):
            found.append(f"in {package}: {importer} -> {imported} closes a cycle")
    return found


def test_no_import_cycle_between_modules():
    graph = _graph()
    assert _module_cycles(graph) == []


def test_no_import_cycle_between_packages():
    """reader.x.* importing reader.y.* and back is a cycle even when no module is in both."""
    graph = _graph()
    assert _package_cycles(graph) == []


def test_the_cycle_checks_find_a_cycle():
    """The checks above can fail: a cycle added to the real graph is reported, with lines."""
    graph = _graph()
    graph.add_import(
        importer="reader.columns", imported="reader.spans", line_number=7, line_contents="import"
    )
    line = graph.get_import_details(importer="reader.spans", imported="reader.columns")[0]
    assert _module_cycles(graph) == [
        f"reader.columns -> reader.spans (l.7) -> reader.columns (l.{line['line_number']})"
    ]
    (breaker,) = _package_cycles(graph)
    assert {"reader.columns", "reader.spans"} <= set(breaker.split())


def test_every_module_is_in_the_layers_contract():
    """A new module directly under reader/ must take a place in the layers (pyproject.toml)."""
    named = {module for module, _ in _layers()}
    assert _top_level_modules() - named == set()


def test_only_optional_layers_may_be_missing():
    missing = {m for m, optional in _layers() if not optional} - _top_level_modules()
    assert missing == set()


def test_forbidden_contract_covers_every_core_layer():
    """Everything below reader.ui is core; the forbidden contract names each required layer."""
    layers = [module for module, _ in _layers()]
    core = {m for m, optional in _layers()[layers.index("reader.ui") + 1 :] if not optional}
    (contract,) = _contracts("forbidden")
    assert set(contract["source_modules"]) == core
    assert set(UI_TOOLKITS) | {"reader.ui"} <= set(contract["forbidden_modules"])


def test_core_layers_never_import_textual_or_rich():
    """Also the core layers still to come, which the forbidden contract cannot name yet."""
    layers = [module for module, _ in _layers()]
    graph = _graph(include_external_packages=True)
    below_ui = [m for m in layers[layers.index("reader.ui") + 1 :] if m in graph.modules]
    assert len(below_ui) >= 7
    reached = [
        f"{core} -> {toolkit}"
        for core in below_ui
        for toolkit in UI_TOOLKITS
        if graph.chain_exists(importer=core, imported=toolkit, as_packages=True)
    ]
    assert reached == []


def test_import_contracts_hold():
    """import-linter checks the forbidden and layered contracts of pyproject.toml."""
    exe = shutil.which("lint-imports")
    if exe is None:
        pytest.fail("lint-imports is missing: install the project with its test extras")
    run = subprocess.run([exe], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr


@pytest.mark.parametrize(
    "argv",
    [
        ["analyze", "seeds/000_2eaf6975ce8d05c5.txt", "--json"],
        ["notes", "list", "--json", "--db", "{db}"],
        ["notes", "list", "--status", "anchored", "--db", "{db}"],
        ["notes", "add", "--doc", "seeds/000_2eaf6975ce8d05c5.txt", "--paragraph", "2",
         "--body", "x", "--db", "{db}"],
        ["notes", "export", "--format", "w3c", "--db", "{db}"],
    ],
)  # fmt: skip
def test_scripting_commands_do_not_load_textual(argv, tmp_path):
    """`reader analyze --json` and `reader notes` start fast: no Textual, no Rich."""
    argv = [a.replace("{db}", str(tmp_path / "notes.json")) for a in argv]
    code = (
        "import contextlib, io, sys\n"
        "from reader.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    rc = main({argv!r})\n"
        "print(rc, sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'rich'}))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "0 []"


def test_ruff_is_clean():
    exe = shutil.which("ruff")
    if exe is None:
        pytest.fail("ruff is missing: install the project with its test extras")
    run = subprocess.run([exe, "check", "."], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout
