"""Packages of the wheel: pipeline and its subpackages, and the top-level templates/ carried as pipeline.templates
(so an installed gongwen renders without a checkout). Everything else is in pyproject.toml."""
from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["pipeline", "pipeline.*"]), "pipeline.templates"],
    package_dir={"pipeline.templates": "templates"},
)
