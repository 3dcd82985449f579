"""errgen: one error catalog (spec/errors.yaml), rendered exactly into every target language."""

__version__ = "0.1.0"
