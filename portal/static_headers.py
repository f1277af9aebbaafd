"""Headers for static files, added by WhiteNoise (WHITENOISE_ADD_HEADERS_FUNCTION).

WhiteNoise answers static files before django-csp's middleware runs, so without this they
carry no Content-Security-Policy. A policy on a static file matters only when the file is
opened as a page of its own (an SVG, say): then it may load nothing but its own styles and
images, run nothing, and be framed by no one. Loading a file from a page (a stylesheet, an
image, a script) is not affected, so partners' pages still load `embed.js` with a <script>
tag: no header here (such as Cross-Origin-Resource-Policy) keeps other sites from loading it.
"""

STATIC_FILE_POLICY = (
    "default-src 'none'; img-src 'self' data:; style-src 'self'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)


def add_static_headers(headers, path, url):
    """Called by WhiteNoise once per file, with the file's headers, path and URL."""
    headers["Content-Security-Policy"] = STATIC_FILE_POLICY
    headers["X-Content-Type-Options"] = "nosniff"
    headers["Referrer-Policy"] = "same-origin"
