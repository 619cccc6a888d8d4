"""Factories for tests: realistic Vietnamese data, built with factory_boy and
wagtail-factories rather than fixtures."""

from decimal import Decimal

import factory
import wagtail_factories

from courses.models import (
    CourseIndexPage,
    CoursePage,
    LifeEvent,
    ProcedureIndexPage,
    ProcedurePage,
    Sector,
)


class SectorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sector
        django_get_or_create = ("slug",)

    name = "Hộ tịch"
    slug = "ho-tich"


class LifeEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LifeEvent
        django_get_or_create = ("slug",)

    name = "Có con"
    slug = "co-con"


class ProcedureIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ProcedureIndexPage

    title = "Thủ tục hành chính"
    slug = "thu-tuc"


class ProcedurePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ProcedurePage
        skip_postgeneration_save = True  # the life_events hook saves when it changes anything

    title = "Đăng ký khai sinh"
    slug = factory.Sequence(lambda n: f"thu-tuc-{n}")
    code = "1.001193"
    sector = factory.SubFactory(SectorFactory)
    agency_level = "xa"
    implementing_agency = "Ủy ban nhân dân cấp xã"
    online_level = "toan_trinh"
    summary = "Đăng ký khai sinh cho trẻ mới sinh."

    @factory.post_generation
    def life_events(self, create, extracted, **kwargs):
        if create and extracted:
            self.life_events.set(extracted)
            self.save()


class CourseIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CourseIndexPage

    title = "Khóa học"
    slug = "khoa-hoc"


class CoursePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CoursePage

    title = "Tự nộp hồ sơ trực tuyến lần đầu"
    slug = factory.Sequence(lambda n: f"khoa-hoc-{n}")
    audience = "cong_dan"
    intro = "Học từng bước nộp hồ sơ trên cổng dịch vụ công."


def channel(channel="truc_tuyen", value="1", unit="ngay_lam_viec", fee=0, fee_note=""):
    """A raw ChannelBlock value for ProcedurePage.channels."""
    return (
        "channel",
        {
            "channel": channel,
            "time_limit_value": Decimal(value),
            "time_limit_unit": unit,
            "time_limit_note": "",
            "fee": fee,
            "fee_note": fee_note,
            "description": "",
        },
    )


def step(title, instruction="Bấm nút.", tips=(), mistakes=(), script=()):
    """A tutorial step; ``script`` is its practice-portal actions as (action, target[,
    value]) tuples."""
    return (
        "step",
        {
            "title": title,
            "instruction": instruction,
            "screenshot": None,
            "screenshot_alt": "",
            "tips": list(tips),
            "common_mistakes": list(mistakes),
            "practice_script": [practice_action(*action) for action in script],
        },
    )


def practice_action(action, target, value="", picture=False):
    return {"action": action, "target": target, "value": value, "picture": picture}
