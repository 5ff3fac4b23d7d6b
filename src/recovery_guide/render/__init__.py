"""Writers of the page view (``recovery_guide.view``): plain text, Markdown, HTML, and the handout.

Each writer has one small method per kind of block (``writer.BlockWriter``); none imports Textual.
"""
