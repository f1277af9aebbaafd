"""Clinical review that follows the words: what the admin tells an approver about it.

The rule itself lives on the model (Phase.review_status, is_reviewed, review_status_with): a
review covers the texts it was made of (their fingerprint), and only while patients read exactly
those words does the page claim it.
"""
