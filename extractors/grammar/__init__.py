"""Grammars more than one kind reads: dates, periods and schedules (`dates.py`), the years
around a value and the plan's own year (`years.py`). Pure functions over strings."""
