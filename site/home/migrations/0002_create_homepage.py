from django.db import migrations


def create_homepage(apps, schema_editor):
    """Replace Wagtail's placeholder root child with our HomePage, as Wagtail's project
    template does, so a fresh database already serves "/"."""
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("home.HomePage")
    Locale = apps.get_model("wagtailcore.Locale")

    Page.objects.filter(id=2, depth=2, slug="home").delete()

    homepage_content_type, _created = ContentType.objects.get_or_create(
        model="homepage", app_label="home"
    )
    locale = Locale.objects.get_or_create(language_code="vi")[0]
    homepage = HomePage.objects.create(
        title="Công dân số",
        draft_title="Công dân số",
        slug="home",
        content_type=homepage_content_type,
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=locale,
        intro="Học cách tự nộp hồ sơ dịch vụ công trực tuyến, từng bước, "
        "và thực hành an toàn trước khi làm thật.",
    )
    Site.objects.filter(is_default_site=True).delete()
    Site.objects.create(
        hostname="localhost", port=80, site_name="Công dân số", root_page=homepage,
        is_default_site=True,
    )


def remove_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    HomePage = apps.get_model("home.HomePage")
    HomePage.objects.filter(slug="home", depth=2).delete()
    ContentType.objects.filter(model="homepage", app_label="home").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_home_and_standard_pages"),

    ]

    operations = [migrations.RunPython(create_homepage, remove_homepage)]
