"""Support that knows nothing about plans: tables, files, words and money.

``render`` draws plain-text, Markdown, HTML and CSV tables; ``files`` writes output
files atomically and never over an input; ``words`` holds every German and English
word psp prints; ``money`` reads and writes amounts in euros exactly; ``extras`` loads an optional
dependency or names the ``pip install`` that brings it.
"""


# Each module is imported where it is used: a command loads only what it needs.
__all__: list[str] = []
