"""One module per target language: each turns a Catalog into {path: text}."""
