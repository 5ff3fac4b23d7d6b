"""Views of the guide that are plain documents (text, and later Markdown and HTML handouts)."""
