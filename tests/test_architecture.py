"""The declared import rules (``[tool.importlinter]`` in pyproject.toml) hold for the installed package.

Each contract is its own test, so a broken rule is named in the test report; the contract's own
report (which import breaks it, and along which chain) is in the captured output.
"""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path

import pytest

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


def contract_holds(contract_id: str) -> bool:
    """Check one contract as ``lint-imports --contract ID --no-cache`` does; its report goes to stdout."""
    from importlinter import configuration
    from importlinter.application.use_cases import lint_imports

    configuration.configure()
    return lint_imports(config_filename=str(PYPROJECT), limit_to_contracts=(contract_id,), cache_dir=None, no_logo=True)


def contract_ids() -> list[str]:
    import tomllib

    return [contract["id"] for contract in tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["importlinter"]["contracts"]]


def test_the_rules_we_rely_on_are_declared():
    """docs/architecture.md promises these; dropping one from pyproject.toml must fail here."""
    assert {"textual-only-in-tui", "core-never-imports-tui", "no-cycles", "content-stages", "view-below-writers"} <= set(contract_ids())


def test_every_module_is_covered_by_the_never_import_the_app_rule():
    """``core-never-imports-tui`` lists its modules by hand; a new module left off it would go unchecked."""
    import pkgutil
    import tomllib

    import recovery_guide

    contracts = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["importlinter"]["contracts"]
    listed = next(contract for contract in contracts if contract["id"] == "core-never-imports-tui")["source_modules"]
    exempt = {"recovery_guide.cli", "recovery_guide.__main__", "recovery_guide.tui"}
    top_level = {f"recovery_guide.{module.name}" for module in pkgutil.iter_modules(recovery_guide.__path__)}
    assert top_level - exempt == set(listed)


@pytest.mark.parametrize("contract_id", contract_ids())
def test_import_contract_is_kept(contract_id):
    assert contract_holds(contract_id)


def test_the_rules_see_imports_inside_functions():
    """The command imports the full-screen app only inside a function; the graph the rules are
    checked on still has that import, so a cycle hidden in a function body is a cycle too."""
    import grimp

    source = Path(importlib.util.find_spec("recovery_guide.cli").origin)
    tree = ast.parse(source.read_text(encoding="utf-8"))
    lazy = {
        node.module
        for function in ast.walk(tree)
        if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef))
        for node in ast.walk(function)
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("recovery_guide.tui")
    }
    assert lazy, "cli.py imports the app inside a function"
    graph = grimp.build_graph("recovery_guide", cache_dir=None)
    for module in lazy:
        assert graph.direct_import_exists(importer="recovery_guide.cli", imported=module), module
