"""Compare a child plan with its parent: which parent targets the child keeps, weakens,
tightens or misses. Indicator matching (`indicators.py`), one-to-one alignment and statuses
(`align.py`), finding the parent among catalogued plans (`parent.py`), the HTML page
(`html.py`). Phrase pairs and the verdicts they must give: `examples.jsonl`."""
