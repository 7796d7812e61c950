"""Support that knows nothing about plans: tables, files, words and money.

``render`` draws plain-text, Markdown, HTML and CSV tables; ``files`` writes output
files atomically and never over an input; ``words`` holds every German and English
word psp prints; ``money`` reads and writes amounts in euros exactly.
"""

from psp._support import files, money, render, words

__all__ = ["files", "money", "render", "words"]
