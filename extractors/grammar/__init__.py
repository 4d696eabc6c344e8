"""Grammars more than one kind reads: dates, periods and schedules, plus the one reader of a
calendar date (`dmy`, `iso_date`) and of the text's own date (`own_date`, used by deadlines,
targets' `plan_year` and the document's facts) in `dates.py`; the years around a value and the
plan's own year (`years.py`). Pure functions over strings."""
