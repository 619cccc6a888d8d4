from __future__ import annotations

from django.db import transaction

from wagtail.models import Collection, Locale, Page, Site

from .models import HomePage

HOME_TITLE = "Công dân số"
HOME_INTRO = (
    "Học cách tự nộp hồ sơ dịch vụ công trực tuyến, từng bước, "
    "và thực hành an toàn trước khi làm thật."
)


@transaction.atomic
def home_page_ensure() -> HomePage:
    """The site's home page, default Site and root collection, created if missing.

    The data migration makes them on a new database; this puts them back where a
    database was emptied afterwards (``flush``, transactional tests), so ``seed_demo``
    and the tests never depend on what a migration left behind.
    """
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    home = HomePage.objects.filter(depth=2).first()
    if home is None:
        locale = Locale.objects.get_or_create(language_code="vi")[0]
        root = Page.get_first_root_node() or Page.add_root(
            instance=Page(title="Root", slug="root", locale=locale)
        )
        home = root.add_child(
            instance=HomePage(title=HOME_TITLE, slug="home", intro=HOME_INTRO, locale=locale)
        )
    if not Site.objects.filter(is_default_site=True).exists():
        Site.objects.create(
            hostname="localhost",
            port=80,
            site_name=HOME_TITLE,
            root_page=home,
            is_default_site=True,
        )
    return home
