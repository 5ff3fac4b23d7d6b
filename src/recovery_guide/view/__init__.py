"""The guide as pages of blocks: the one layout every way of showing the guide writes.

``recovery_guide.view.pages`` turns the model into ``PageView`` objects once; the writers in
``recovery_guide.render`` (text, Markdown, HTML, the handout), the ``read`` mode and the full-screen
reader only decide how each kind of block looks. A new kind of block (a picture of numbers, a table
of options) is one class in ``blocks``, one rule in ``pages`` and one small method per writer; the
test ``tests/test_view.py`` fails until every writer has that method.

Nothing here imports Textual, Rich or any writer: the view is plain data.
"""
