"""Classes and certificates change only through the site's services: the admin lists and
inspects them, and refuses to add, edit or delete them, even for a superuser."""

import pytest

from tests.helpers import join
from training.models import TrainingClass

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model, home_page):
    client.force_login(django_user_model.objects.create_superuser("quantri", password="x"))
    return client


def test_classes_are_read_only_in_the_admin(admin_client, training_class):
    base = "/admin/snippets/training/trainingclass/"
    listing = admin_client.get(base)
    assert listing.status_code == 200 and training_class.name in listing.content.decode()
    assert admin_client.get(f"{base}inspect/{training_class.pk}/").status_code == 200
    for url in (
        f"{base}add/",
        f"{base}edit/{training_class.pk}/",
        f"{base}delete/{training_class.pk}/",
    ):
        assert admin_client.get(url).status_code in (302, 403), url
        assert admin_client.post(url, {"name": "Đổi tên", "join_code": "AAAAAA"}).status_code in (
            302,
            403,
        )
    training_class.refresh_from_db()
    assert training_class.name != "Đổi tên" and TrainingClass.objects.count() == 1


def test_certificates_are_read_only_in_the_admin(admin_client, training_class):
    from training.services.certificates import certificate_issue

    certificate = certificate_issue(enrollment=join(training_class))
    base = "/admin/snippets/training/certificate/"
    assert admin_client.get(base).status_code == 200
    assert admin_client.get(f"{base}inspect/{certificate.pk}/").status_code == 200
    delete = admin_client.post(f"{base}delete/{certificate.pk}/")
    assert delete.status_code in (302, 403)
    certificate.refresh_from_db()
    assert certificate.revoked_at is None
    assert type(certificate).objects.filter(pk=certificate.pk).exists()
