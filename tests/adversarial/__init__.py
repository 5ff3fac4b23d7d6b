"""The second hardening pass (issue 15): one test file per item, each made to fail against the code before it."""
