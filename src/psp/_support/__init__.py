"""Support that knows nothing about plans: tables, files, words and money.

``render`` draws plain-text, Markdown, HTML and CSV tables; ``files`` writes output
files atomically and never over an input; ``words`` holds every German and English
word psp prints; ``money`` reads and writes amounts in euros exactly; ``extras`` loads an optional
dependency or names the ``pip install`` that brings it.
"""

from psp._support import compat, extras, files, money, render, words

__all__ = ["compat", "extras", "files", "money", "render", "words"]
