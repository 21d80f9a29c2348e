"""The published site: page-building modules and the thin MkDocs plugin over them."""

LOGGER = "mkdocs.plugins.fupan"  # MkDocs shows its plugins' messages under this name
