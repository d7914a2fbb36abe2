"""Packaging: the top-level content folders travel inside the wheel.

The repository keeps scenarios/, rulebooks/, debriefs/ and schemas/ at its top level as
the single source; the build maps each into the package as ``wargame/bundled/<folder>`` so
that an installed wargame finds them with importlib.resources, from any folder.
"""

from setuptools import find_packages, setup

CONTENT = {
    "scenarios": ["*.yaml", "*.yml"],
    "rulebooks": ["*.yaml", "*.yml"],
    "debriefs": ["*.md", "**/*.j2", "**/*.css"],
    "schemas": ["*.json"],
}

setup(
    packages=find_packages(include=["wargame", "wargame.*"])
    + [f"wargame.bundled.{folder}" for folder in CONTENT],
    package_dir={f"wargame.bundled.{folder}": folder for folder in CONTENT},
    package_data={
        "wargame": ["**/*.tcss", "**/*.json", "**/*.yaml", "**/*.j2"],
        **{f"wargame.bundled.{folder}": patterns for folder, patterns in CONTENT.items()},
    },
)
