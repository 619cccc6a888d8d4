"""One case of the authorisation test: a request, who may make it, and what it may
change."""

from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.urls import reverse


@dataclass
class Case:
    method: str
    path: str
    allowed: Callable  # Actor -> bool
    data: dict = field(default_factory=dict)
    changes: frozenset | Callable = frozenset()  # parcels an allowed request may change
    must_change: frozenset | Callable = frozenset()  # ...and must (the form data is real)
    public: frozenset = frozenset()  # (parcel, kind) shown to anyone by design
    filtered: bool = False  # a refusal may also be a 200/302 that does nothing
    shows: tuple = ()  # texts an allowed answer must show
    route: str = ""

    def resolve(self, value, actor):
        return frozenset(value(actor) if callable(value) else value)

    def label(self):
        query = f"?{urlencode(self.data, doseq=True)}" if self.method == "GET" and self.data else ""
        return f"{self.method} {self.path}{query} [{self.route}]"


def url(name, *args):
    return reverse(f"training:{name}", args=args)


FORMATS = [{}, {"xuat": "csv", "bang": "chinh"}, {"xuat": "xlsx"}]
