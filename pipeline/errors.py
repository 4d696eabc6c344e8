"""Errors a user can act on: each names the file and what is wrong with it."""
from __future__ import annotations


class PlanError(Exception):
    """A plan that cannot be read. `str()` is the one-line message shown to the user."""

    def __init__(self, path, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")
