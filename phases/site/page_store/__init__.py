"""What keeps the page cache (phases/site/page_cache.py) harmless when its store misbehaves: calls
that fail open (guard) and a generation that only moves forward (generation)."""
