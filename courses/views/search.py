from django.template.response import TemplateResponse

from home.text import normalize_input

from ..forms import SearchForm
from ..selectors import search_catalogue


def search(request):
    """/search/?q=… over procedures and courses; see courses.search for the folding."""
    form = SearchForm(request.GET or None)
    query = normalize_input(form.cleaned_data["q"]) if form.is_valid() else ""
    results = search_catalogue(query) if query else {"procedures": [], "courses": []}
    return TemplateResponse(
        request,
        "search/search.html",
        {"form": form, "query": query, **results},
    )
