"""Property-testing support for plans: hypothesis strategies (`psp.testing.strategies`).

Import it in your own test suite; ``import psp`` itself never imports hypothesis.

Examples
--------
>>> import psp
>>> from hypothesis import given, settings
>>> from psp.testing import strategies
>>> @settings(max_examples=20, derandomize=True)
... @given(strategies.plans(max_tasks=6))
... def test_finish_is_never_before_the_start(plan):
...     assert psp.schedule(plan).finish_period >= 0
>>> test_finish_is_never_before_the_start()
"""

from psp._support.extras import require

# Before the strategies import hypothesis: one line naming the extra, not a bare ImportError.
require("hypothesis", extra="testing")

__all__: list[str] = []
