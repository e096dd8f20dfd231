"""The shape of the code, read from the source: dependencies point one way (docs/architecture.md), with no import
circles and no hidden imports of the project's own modules inside functions."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "course"

# Bottom to top: a module may import from its own layer and the layers below, never from a layer above.
LAYERS: list[tuple[str, ...]] = [
    ("course", "course.errors", "course.text", "course.phrases", "course.files"),
    ("course.model",),
    ("course.read", "course.plan"),
    ("course.project",),
    ("course.render",),
    ("course.providers",),
    ("course.build",),
    (
        "course.split",
        "course.export",
        "course.upload",
        "course.sendtest",
        "course.checks",
        "course.preview",
        "course.arrange",
        "course.overrides",
    ),
    ("course.cli", "course.__main__"),
]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def is_package(path: Path) -> bool:
    return path.name == "__init__.py"


def imports(name: str, path: Path, known: dict[str, Path]) -> list[tuple[str, int, bool]]:
    """The project modules `name` imports: (module, line, inside a function or class body)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if is_package(path) else name.rpartition(".")[0]
    found: list[tuple[str, int, bool]] = []

    def visit(node: ast.AST, nested: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inner = nested or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
            if isinstance(child, ast.Import):
                found.extend((alias.name, child.lineno, nested) for alias in child.names if alias.name in known)
            elif isinstance(child, ast.ImportFrom):
                if child.level:
                    base = package.split(".")[: len(package.split(".")) - (child.level - 1)]
                    source = ".".join(base + ([child.module] if child.module else []))
                else:
                    source = child.module or ""
                for alias in child.names:
                    target = f"{source}.{alias.name}"
                    if target in known:  # `from . import html`: the submodule itself
                        found.append((target, child.lineno, nested))
                    elif source in known:
                        found.append((source, child.lineno, nested))
            visit(child, inner)

    visit(tree, False)
    return found


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: {target for target, _, _ in imports(name, path, known)} - {name} for name, path in known.items()}


def layer_of(name: str) -> int:
    best, depth = -1, -1
    for index, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            if (name == prefix or name.startswith(prefix + ".")) and prefix.count(".") > depth:
                best, depth = index, prefix.count(".")
    return best


def test_the_import_graph_has_no_cycle() -> None:
    edges = graph()
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    cycles: list[list[str]] = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for target in sorted(edges[node]):
            if state.get(target) == 1:
                cycles.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target, [*path, target])
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node, [node])
    assert not cycles, "import cycles: " + "; ".join(" -> ".join(cycle) for cycle in cycles)


LAZY = {"course.cli"}  # loads each command's implementation when the command runs: `course --help` stays quick


def test_no_project_module_is_imported_inside_a_function() -> None:
    known = modules()
    hidden = [
        f"{path.relative_to(PACKAGE.parent)}:{line} imports {target}"
        for name, path in known.items()
        for target, line, nested in imports(name, path, known)
        if nested and name not in LAZY
    ]
    assert not hidden, "\n".join(hidden)


def test_dependencies_point_down_the_pipeline() -> None:
    known = modules()
    assert all(layer_of(name) >= 0 for name in known), [name for name in known if layer_of(name) < 0]
    upward = [
        f"{name} (layer {layer_of(name)}) imports {target} (layer {layer_of(target)})"
        for name, targets in graph().items()
        for target in targets
        if layer_of(target) > layer_of(name)
    ]
    assert not upward, "\n".join(upward)


def test_the_checker_sees_a_cycle_and_a_hidden_import(tmp_path: Path) -> None:
    """The rules above can fail: a made-up pair of modules that import each other, one inside a function."""
    fake = {"course.a": tmp_path / "a.py", "course.b": tmp_path / "b.py"}
    fake["course.a"].write_text("from . import b\n")
    fake["course.b"].write_text("def f():\n    from .a import x\n")
    assert imports("course.a", fake["course.a"], fake) == [("course.b", 1, False)]
    assert imports("course.b", fake["course.b"], fake) == [("course.a", 2, True)]


def test_help_loads_no_command() -> None:
    """`course --help` imports Click and the command line, not the commands behind it."""
    import json
    import subprocess
    import sys

    code = "import json, sys; import course.cli; print(json.dumps(sorted(m for m in sys.modules if 'course' in m)))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert json.loads(loaded) == ["course", "course.cli"]


def _modules_after(*commands: list[str]) -> set[str]:
    """Every module a fresh interpreter has loaded after running the course commands, one after the other."""
    import json
    import subprocess
    import sys

    code = (
        "import json, sys\nfrom course.cli import cli\n"
        f"for args in {list(commands)!r}:\n"
        "    try:\n        cli.main(args, standalone_mode=False)\n    except SystemExit:\n        pass\n"
        "print(json.dumps(sorted(sys.modules)))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


SEED_ARTICLE = PACKAGE.parent / "examples" / "sales-manager-or-leader.txt"


def test_split_loads_no_renderer_and_no_provider(tmp_path: Path) -> None:
    """`course split` of a text article needs neither the email pipeline nor the providers' clients."""
    loaded = {name.split(".")[0] for name in _modules_after(["split", str(SEED_ARTICLE), "-o", str(tmp_path / "c")])}
    heavy = {"premailer", "cssutils", "mjml", "jinja2", "boto3", "httpx", "requests", "lxml", "numpy", "nh3"}
    assert loaded & heavy == set()
    assert "markdown_it" not in loaded  # the seed is prose: no fence, so no diagram to look for in a parsed tree
    assert (tmp_path / "c" / "lessons").is_dir()


def test_build_without_a_provider_loads_no_provider(tmp_path: Path) -> None:
    """`course build` without --esp writes the preview emails only: the providers' clients (HTTP, e-mail headers,
    ZIP) are not loaded for it."""
    project = tmp_path / "c"
    loaded = _modules_after(["split", str(SEED_ARTICLE), "-o", str(project)], ["build", str(project)])
    assert (project / "build" / "index.html").is_file()
    assert not {name for name in loaded if name.startswith("course.providers")} and "httpx" not in loaded


def test_patterns_compile_on_first_use_and_match_as_compiled_ones() -> None:
    """course's module-level regular expressions compile when first used (course/lazyre.py), so a command does not
    pay for the patterns of the modules it imports but does not use; a used one behaves as re.compile's."""
    import re
    import subprocess
    import sys

    from course.lazyre import lazy_compile

    pattern = lazy_compile(r"(?P<word>\w+)-(\d+)", re.IGNORECASE)
    assert "_compiled" not in vars(pattern)
    assert pattern.match("Step-2").group("word") == "Step" and pattern.sub(r"\2", "a-1 b-2") == "1 2"
    assert pattern.pattern == r"(?P<word>\w+)-(\d+)" and pattern.flags & re.IGNORECASE
    assert "_compiled" in vars(pattern) and "match" in vars(pattern)  # kept: the next match is a plain lookup
    # a fresh process that imports what `course split` imports has compiled none of the readers' patterns yet
    code = (
        "import course.split, course.read.markdown as m, course.read.html as h; "
        "print(sum('_compiled' in vars(v) for mod in (m, h) for k, v in vars(mod).items() if k.endswith('_RE')))"
    )
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "0\n"
