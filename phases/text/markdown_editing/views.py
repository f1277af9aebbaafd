from django.http import HttpResponse, HttpResponseBadRequest
from django.views.decorators.http import require_POST

from phases.text import staff_markdown

# A text longer than any field holds is not previewed (the field refuses it when saved).
MAX_PREVIEW_CHARACTERS = 20_000


@require_POST
def markdown_preview(request):
    """The sanitised HTML of the posted `text`, as patients would read it once saved; or the
    reason it would be refused, in words. Staff only (the admin wraps it), never cached."""
    text = request.POST.get("text", "")
    if len(text) > MAX_PREVIEW_CHARACTERS:
        return HttpResponseBadRequest("This text is too long to preview.")
    try:
        html = staff_markdown.render(text)
    except staff_markdown.TextProblem as problem:
        return HttpResponseBadRequest(str(problem), content_type="text/plain; charset=utf-8")
    response = HttpResponse(html, content_type="text/html; charset=utf-8")
    response["Cache-Control"] = "no-store"
    return response
