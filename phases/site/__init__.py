"""The public site: the pages' views, the page cache and its store, and what every template
gets (context processors)."""
