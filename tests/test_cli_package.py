"""The kg.cli package: imports run one way, every command is registered once, the
entry points (``kg``, ``python -m kg``) reach the same app."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import tomllib
from pathlib import Path

from typer.testing import CliRunner

import kg.cli
from kg.cli import COMMANDS, app

ROOT = Path(__file__).resolve().parent.parent
CLI = ROOT / "kg" / "cli"
SHARED = {"kg.cli.options", "kg.cli.console"}


def kg_imports(path: Path) -> set[str]:
    """The kg.cli modules ``path`` imports (at any depth of the file: functions too)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "kg":
                found |= {f"kg.{a.name}" for a in node.names if a.name == "cli"}
            elif node.module == "kg.cli":
                found |= {f"kg.cli.{a.name}" for a in node.names}
            elif node.module.startswith("kg.cli"):
                found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("kg.cli")}
    return found


def test_command_modules_import_only_the_shared_modules() -> None:
    modules = sorted(p for p in CLI.glob("*.py") if p.name != "__init__.py")
    assert {p.stem for p in modules} >= {"build", "extract", "graph", "sparql", "store",
                                         "validate", "options", "console"}
    for path in modules:
        imported = kg_imports(path)
        if f"kg.cli.{path.stem}" in SHARED:
            assert imported == set(), f"{path.name} imports {imported}"
        else:
            assert imported <= SHARED, f"{path.name} imports {imported - SHARED}"


def test_nothing_outside_the_cli_imports_it() -> None:
    for path in (ROOT / "kg").rglob("*.py"):
        if CLI in path.parents or path.name == "__main__.py":
            continue
        assert not kg_imports(path), f"{path.relative_to(ROOT)} imports the CLI"


def test_the_old_circle_is_gone() -> None:
    for old in ("cli.py", "cli_graph.py", "cli_sparql.py", "cli_validate.py"):
        assert not (ROOT / "kg" / old).exists()


def test_every_command_is_registered_once_in_order() -> None:
    names = [c.name for c in app.registered_commands]
    assert names == [name for name, _ in COMMANDS]
    assert len(set(names)) == len(names) == 17
    listing = CliRunner().invoke(app, ["--help"], env={"COLUMNS": "200"}).output
    listed = [n for n in re.findall(r"^\W (\S+) ", listing, re.M) if not n.startswith("-")]
    assert listed == names


def test_the_entry_points_reach_the_app() -> None:
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    assert scripts == {"kg": "kg.cli:main"}
    assert callable(kg.cli.main)
    packages = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"][
        "packages"]
    assert "kg.cli" in packages  # else the wheel has no CLI
    done = subprocess.run([sys.executable, "-m", "kg", "--help"], capture_output=True,
                          text=True, timeout=120, env={"COLUMNS": "200", "PATH": ""})
    assert done.returncode == 0, done.stderr
    assert "graph-export" in done.stdout and "validate" in done.stdout
    bad = subprocess.run([sys.executable, "-m", "kg", "query", "--store", "memory:"],
                         capture_output=True, text=True, timeout=120, env={"PATH": ""})
    assert bad.returncode == 2  # a ConfigError's exit code, as before the package
    assert "error: give either a query or --file" in bad.stderr
