"""Adversarial tests: one file per item of issue #15, each made to fail on the code before the fix."""
