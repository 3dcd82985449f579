"""The size guard every reader of a spec applies, apart from the loader (yaml and the rest) so
that the CLI can offer it as a default, and a run with nothing to do check it, without them."""

MAX_BYTES = 32 * 1024 * 1024  # the default guard: a 100,000-code catalog is about 16 MiB
