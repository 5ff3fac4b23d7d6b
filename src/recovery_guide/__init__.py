"""Recovery Guide: an offline terminal guide to ketamine-assisted treatment for substance use disorders.

This module holds only the version, so that importing the package (as every subcommand does) costs
nothing: Textual is imported only when the full-screen app is launched.
"""

__version__ = "0.1.0"
