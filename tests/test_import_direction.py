"""The packages inside phases/ import in one direction: a package uses those below it and never
one above, so each can be read (and changed) knowing only what lies beneath it."""

import ast
from pathlib import Path

import pytest

PHASES = Path(__file__).resolve().parent.parent / "phases"

# Lowest first. staff_auth stands apart: it imports no other package of phases.
LAYERS = [
    ["staff_auth"],
    ["text"],
    ["rules"],
    ["content"],
    ["checker"],
    ["syndication"],
    ["api"],
    ["site", "templatetags"],
    ["smart"],
    ["embed"],
]
RANK = {package: rank for rank, packages in enumerate(LAYERS) for package in packages}
# What Django looks for at the top of the app ties the packages together and may use any of
# them; the migrations are frozen and import no live code (tests/test_migrations.py).
GLUE = {"__init__", "admin", "apps", "models", "urls", "management", "migrations"}
ONLY_ITSELF = {"staff_auth"}


def package_of(dotted: str) -> str | None:
    parts = dotted.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "phases" else None


def imports_of(path: Path):
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "phases":
                yield from (f"phases.{alias.name}" for alias in node.names)
            else:
                yield node.module


def feature_modules():
    for path in sorted(PHASES.rglob("*.py")):
        package = path.relative_to(PHASES).parts[0].removesuffix(".py")
        if package not in GLUE:
            yield package, path


def test_every_package_has_a_place_in_the_layers():
    assert {package for package, _ in feature_modules()} <= set(RANK)


@pytest.mark.parametrize(
    ("package", "path"),
    list(feature_modules()),
    ids=lambda value: str(value.relative_to(PHASES)) if isinstance(value, Path) else "",
)
def test_a_package_imports_only_packages_below_it(package, path):
    above = set()
    for module in imports_of(path):
        imported = package_of(module)
        if imported is None or imported == package:
            continue
        if package in ONLY_ITSELF or imported in GLUE or RANK.get(imported, -1) > RANK[package]:
            above.add(module)
    assert not above, f"{path.relative_to(PHASES)} imports {sorted(above)}"


@pytest.mark.parametrize(
    "path", sorted((PHASES / "rules").rglob("*.py")), ids=lambda path: path.name
)
def test_the_checkers_rules_use_no_django(path):
    """The rules run anywhere, as plain functions of their inputs (phases.rules)."""
    assert not [module for module in imports_of(path) if module.split(".")[0] == "django"]
