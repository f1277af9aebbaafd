from phases.models import Phase

# Every page a patient can open, for tests that must hold on all of them.
PUBLIC_PAGES = ["/", "/glossary/", *(f"/phases/{slug}/" for slug in Phase.Slug.values)]

# The same pages in Spanish: the same addresses under /es/.
SPANISH_PAGES = [f"/es{page}" for page in PUBLIC_PAGES]
