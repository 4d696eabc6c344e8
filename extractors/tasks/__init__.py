"""Tasks: reads what each body must do, by when, toward which target, from labelled task
blocks, TỔ CHỨC THỰC HIỆN headings (`bodies.py`), schedules (`schedule.py`) and task tables
(`tables.py`); emits `Task`s (`rules.py`) from the units the outline gives (`layout.py`),
linked to the plan's agencies, deadlines and targets (`links.py`) and titled (`titles.py`).
Phrasings and the tasks they must give: `examples.jsonl`."""
from extractors.tasks.rules import extract_tasks

__all__ = ["extract_tasks"]
