"""The import contract of ARCHITECTURE.md: each module imports only from its own layer or the
layers below, the readers and the writers never import each other, and no modules import each
other in a circle. Imports inside functions count (they are still a dependency); imports
under `if TYPE_CHECKING:` do not."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "timeline"

# Bottom to top. A module belongs to the longest prefix listed.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("timeline._version", "timeline.model"),
    ("timeline.errors", "timeline.labels", "timeline.spreadsheet"),
    ("timeline.dates", "timeline.merge", "timeline.progress", "timeline.parallel"),
    ("timeline.tagger",),
    ("timeline.sources", "timeline.render"),
    ("timeline.pipeline", "timeline.watch"),
    ("timeline.cli", "timeline.__main__", "timeline"),
)
# Side by side in one layer, and never to import each other.
APART = (("timeline.sources", "timeline.render"),)


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


_TYPE_CHECKING = ("TYPE_CHECKING", "typing.TYPE_CHECKING")


def _runtime_nodes(tree: ast.AST) -> list[ast.AST]:
    """Every node but those under `if TYPE_CHECKING:`."""
    out: list[ast.AST] = []
    todo = [tree]
    while todo:
        node = todo.pop()
        if isinstance(node, ast.If) and ast.unparse(node.test) in _TYPE_CHECKING:
            todo.extend(node.orelse)
            continue
        out.append(node)
        todo.extend(ast.iter_child_nodes(node))
    return out


def imports_of(path: Path, known: set[str]) -> set[str]:
    """The timeline modules that `path` imports: `from timeline.x import y` is timeline.x.y
    when that is a module, else timeline.x."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in _runtime_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == "timeline")
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            if target.split(".")[0] != "timeline":
                continue
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                found.add(sub if sub in known else target)
    found.discard(name)
    return found


def graph() -> dict[str, set[str]]:
    paths = sorted(PACKAGE.rglob("*.py"))
    known = {module_name(p) for p in paths}
    return {module_name(p): imports_of(p, known) for p in paths}


def layer_of(name: str) -> tuple[int, str]:
    best = (-1, "")
    for level, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            if (name == prefix or name.startswith(prefix + ".")) and len(prefix) > len(best[1]):
                best = (level, prefix)
    if best[0] < 0:
        raise AssertionError(f"{name} is in no layer: add it to LAYERS and ARCHITECTURE.md")
    return best


def upward(imports: dict[str, set[str]]) -> list[str]:
    wrong = []
    for name, targets in sorted(imports.items()):
        (mine, my_prefix) = layer_of(name)
        for target in sorted(targets):
            (theirs, their_prefix) = layer_of(target)
            if theirs > mine:
                wrong.append(f"{name} (layer {mine}) imports {target} (layer {theirs})")
            elif {my_prefix, their_prefix} in [set(pair) for pair in APART]:
                wrong.append(f"{name} imports {target}: {' and '.join(APART[0])} stay apart")
    return wrong


def circles(imports: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(imports.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in sorted(imports):
        if v not in index:
            visit(v)
    return found


def test_no_module_imports_from_a_layer_above_its_own() -> None:
    assert upward(graph()) == []


def test_no_modules_import_each_other_in_a_circle() -> None:
    assert circles(graph()) == []


def test_every_module_has_a_layer() -> None:
    for name in graph():
        layer_of(name)


@pytest.mark.parametrize(
    ("imports", "problem"),
    [
        ({"timeline.model": {"timeline.labels"}, "timeline.labels": {"timeline.model"}}, "both"),
        ({"timeline.sources.csv": {"timeline.render.data"}, "timeline.render.data": set()},
         "upward"),
        ({"timeline.dates": {"timeline.tagger.lexicon"}, "timeline.tagger.lexicon": set()},
         "upward"),
    ],
)  # fmt: skip
def test_the_checks_find_what_they_are_for(imports: dict[str, set[str]], problem: str) -> None:
    """The checks themselves, on made-up graphs: a circle, a reader importing a writer, a
    lower layer importing a higher one."""
    if problem == "both":
        assert circles(imports) == [["timeline.labels", "timeline.model"]]
        assert upward(imports)  # model (layer 0) imports labels (layer 1)
    else:
        assert upward(imports) and circles(imports) == []


def test_the_contract_is_the_one_written_down() -> None:
    """ARCHITECTURE.md lists the same layers as this test."""
    text = (PACKAGE.parent / "ARCHITECTURE.md").read_text(encoding="utf-8")
    for level, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            assert f"`{prefix}`" in text, prefix
        assert f"| {level} |" in text, level
