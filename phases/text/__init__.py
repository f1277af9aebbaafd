"""Text tools that know nothing of the portal's content: the staff's Markdown, word diffs,
reading level and English syllables. The lowest layer: it imports no other phases package."""
