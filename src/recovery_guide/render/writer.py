"""What every writer of the page view has in common: one method per kind of block.

A writer (text, Markdown, HTML, the full-screen reader) subclasses ``BlockWriter`` and defines
``write_<kind>`` for every block kind in ``recovery_guide.view.blocks.BLOCK_KINDS``. ``write`` finds
the method by the block's ``kind``; a writer that lacks one fails loudly, naming the writer and the
block, instead of leaving the block out. ``missing_kinds`` lets a test check every writer up front.
"""

from __future__ import annotations

from typing import Generic, TypeVar

from recovery_guide.i18n import in_language
from recovery_guide.view.blocks import BLOCK_KINDS, Block

Out = TypeVar("Out")


class BlockWriter(Generic[Out]):
    """Base of the writers: ``write(block)`` calls ``self.write_<block.kind>(block)``."""

    def write(self, block: Block) -> Out:
        method = getattr(self, f"write_{block.kind}", None)
        if method is None:
            raise NotImplementedError(f"{type(self).__name__} cannot write a {type(block).__name__} block: it needs a write_{block.kind} method")
        with in_language(getattr(block, "language", None)):  # a block taken from another screen keeps that screen's language
            return method(block)


def missing_kinds(writer: type[BlockWriter]) -> list[str]:
    """The block kinds ``writer`` has no method for (empty when it can write every page)."""
    return [kind.kind for kind in BLOCK_KINDS if not callable(getattr(writer, f"write_{kind.kind}", None))]
