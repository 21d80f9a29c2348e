"""The published site: page-building modules and the thin MkDocs plugin over them."""
