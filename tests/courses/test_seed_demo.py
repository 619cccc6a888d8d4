import re
from pathlib import Path

import pytest

from django.contrib.staticfiles import finders
from django.core.management import call_command

from wagtail.models import Page

from courses.demo.courses import COURSES
from courses.demo.procedures import LIFE_EVENTS, PROCEDURES, SECTORS
from courses.models import CoursePage, LifeEvent, ProcedurePage, Sector

DEMO_SLUGS = [data["slug"] for data in PROCEDURES]
# The demo's pages: its procedures and courses, and the two index pages above them.
DEMO_PAGES = len(PROCEDURES) + len(COURSES) + 2


def counts():
    return (
        Page.objects.count(),
        ProcedurePage.objects.live().count(),
        CoursePage.objects.live().count(),
        Sector.objects.count(),
        LifeEvent.objects.count(),
    )


@pytest.mark.django_db
def test_seed_demo_twice_changes_nothing_the_second_time(capsys, settings):
    settings.DEBUG = True  # as `make run` (dev settings) runs it
    call_command("seed_demo")
    first = counts()
    capsys.readouterr()
    call_command("seed_demo")
    assert counts() == first
    assert first[1:] == (len(PROCEDURES), len(COURSES), len(SECTORS), len(LIFE_EVENTS))
    # Every demo page is live at its data's slug, nothing else was made.
    assert set(ProcedurePage.objects.live().values_list("slug", flat=True)) == set(DEMO_SLUGS)
    assert set(CoursePage.objects.live().values_list("slug", flat=True)) == {
        data["slug"] for data in COURSES
    }
    out = capsys.readouterr().out
    assert f"Trang mẫu: 0 tạo mới, 0 cập nhật, {DEMO_PAGES} giữ nguyên." in out
    assert "Môi trường thực hành: 0 mục" in out
    assert "hocvien" in out


@pytest.mark.django_db
def test_seed_demo_update_republishes_without_duplicates(demo_site):
    from training.demo_site import demo_site_seed

    before = counts()
    report = demo_site_seed(update=True)
    assert counts() == before
    assert len(report.updated) == DEMO_PAGES


@pytest.mark.django_db
def test_every_demo_procedure_is_linked_from_the_catalogue_and_renders(client, demo_site):
    catalogue_html = client.get("/thu-tuc/").content.decode()
    for slug in DEMO_SLUGS:
        assert f'href="/thu-tuc/{slug}/"' in catalogue_html
        response = client.get(f"/thu-tuc/{slug}/")
        assert response.status_code == 200, slug
        page = response.context["page"]
        assert 4 <= len(page.steps) <= 8, slug
        assert all(step.value["screenshot"] for step in page.steps)
        assert page.channels and page.documents


@pytest.mark.django_db
def test_every_course_renders_with_its_lessons(client, demo_site):
    html = client.get("/khoa-hoc/").content.decode()
    audiences = set()
    for course in CoursePage.objects.live():
        assert f'href="{course.url}"' in html
        response = client.get(course.url)
        assert response.status_code == 200
        assert len(course.lessons) >= 4
        audiences.add(course.audience)
    assert audiences == {"can_bo", "tap_huan_vien", "cong_dan"}


@pytest.mark.django_db
def test_home_page_offers_life_events_and_courses(client, demo_site):
    html = client.get("/").content.decode()
    for name in ["Có con", "Kết hôn", "Cư trú", "Kinh doanh", "Đất đai", "Việc làm"]:
        assert name in html
    assert 'href="/thu-tuc/?su_kien=co-con"' in html


@pytest.mark.django_db
def test_procedure_page_weighs_under_100_kb_and_calls_no_other_host(client, demo_site):
    html = client.get("/thu-tuc/dang-ky-ket-hon/").content
    stylesheets = re.findall(rb'<link rel="stylesheet" href="/static/([^"]+)"', html)
    scripts = re.findall(rb'<script[^>]+src="/static/([^"]+)"', html)
    assets = [Path(finders.find(name.decode())) for name in stylesheets + scripts]
    weight = len(html) + sum(path.stat().st_size for path in assets)
    assert stylesheets, "the page should use the site stylesheet"
    assert weight <= 100 * 1024, weight
    # No CDN, no web font, no external script: classes run on a LAN without internet.
    external = re.findall(rb'(?:src|href)="(?:https?:)?//[^"]+"', html)
    assert external == []


@pytest.mark.django_db
def test_no_demo_accounts_with_the_default_password_on_a_server(capsys, settings):
    from django.contrib.auth import get_user_model

    settings.DEBUG = False
    call_command("seed_demo")
    assert not get_user_model().objects.filter(username="quantri").exists()
    assert "DEMO_PASSWORD" in capsys.readouterr().err
