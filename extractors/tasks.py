"""Tasks (placeholder until the tasks extractor lands)."""
from __future__ import annotations

from .models import Agency, Deadline, Section, Target, Task
from .text import PlanText


def extract_tasks(doc: PlanText, sections: list[Section], targets: list[Target],
                  deadlines: list[Deadline], agencies: list[Agency]) -> list[Task]:
    return []
