"""Issue 9: what a class of phones does at the same instant, against the real server.

Each test brings phones to a step with the class journey (tests/load/journey.py), then
fires the same or different requests at once (threads released by a barrier, each with
its own connection) at the `make run` server, and checks that no answer is a server error
and that the server's data shows each thing happened exactly once: a double tap, a
re-sent report or a class joining in the same second must never make two accounts, two
dossier codes, two payments or lose a report.
"""

import json
import secrets
import threading
import time

import pytest
import requests

from tests.load.journey import DOSSIER_CODE, ClassJourney, Phone, SessionReader

pytestmark = pytest.mark.server


def phone_journey(server, **kwargs):
    phone = Phone(requests.Session(), server.url)
    journey = ClassJourney(phone, server.world, SessionReader.from_env(server.env), **kwargs)
    return phone, journey


def twins(phone, count):
    """The same phone `count` times (same cookies), each on a warm connection of its own."""
    copies = [phone, *(phone.clone() for _ in range(count - 1))]
    for copy in copies:
        copy.client.get(copy.url("/healthz"), timeout=30)
    return copies


def at_once(*calls):
    """Run the calls in threads released together; their results, or what they raised."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def fire(index, call):
        barrier.wait()
        try:
            results[index] = call()
        except Exception as error:  # noqa: BLE001 - reported by the assertions below
            results[index] = error

    threads = [threading.Thread(target=fire, args=item) for item in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=180)
    assert not any(thread.is_alive() for thread in threads), "no answer within 3 minutes"
    return results


def assert_no_server_error(*phones):
    answers = [(hit.status, hit.method, hit.name) for phone in phones for hit in phone.hits]
    broken = [answer for answer in answers if not 0 < answer[0] < 500]
    assert not broken, f"server errors or no answer: {broken}"


def assert_all_succeeded(results):
    failed = [f"{type(r).__name__}: {r}" for r in results if isinstance(r, BaseException)]
    assert not failed, f"{len(failed)} of {len(results)} simultaneous requests: {failed}"


def server_data(server, code, **values):
    """Run `code` in the server's Django with `values` bound (JSON), print its result."""
    return server.python(
        "import json\n"
        f"values = json.loads({json.dumps(json.dumps(values))})\n"
        f"{code}\n"
        "print(json.dumps(result))"
    )


def test_twenty_phones_join_the_class_at_once(platform_server):
    phones, sends = [], []
    for _ in range(20):
        phone, journey = phone_journey(platform_server)
        data = journey.join_form()
        phone.client.get(phone.url("/healthz"), timeout=30)
        phones.append(phone)
        sends.append(lambda j=journey, d=data: j.join_send(d))

    usernames = at_once(*sends)

    assert_no_server_error(*phones)
    assert_all_succeeded(usernames)  # each one a 200 "Đã vào lớp" page with a log-in card
    assert len(set(usernames)) == 20
    data = server_data(
        platform_server,
        "from django.contrib.auth import get_user_model\n"
        "from training.models import Enrollment\n"
        "result = {\n"
        "  'accounts': get_user_model().objects.filter(username__in=values['names']).count(),\n"
        "  'enrollments': Enrollment.objects.filter(\n"
        "      training_class_id=values['class_id'], learner__username__in=values['names']\n"
        "  ).count(),\n"
        "}",
        names=usernames,
        class_id=platform_server.world["class_id"],
    )
    assert data == {"accounts": 20, "enrollments": 20}


def test_a_double_tap_on_the_join_form_makes_one_account(platform_server):
    phone, journey = phone_journey(platform_server)
    journey.display_name = f"Lê Thị Chạm Hai Lần {secrets.token_hex(3)}"
    data = journey.join_form()
    assert data.get("token"), "the join form has no hidden token"
    first, second = twins(phone, 2)

    usernames = at_once(
        lambda: journey.join_send(data, phone=first), lambda: journey.join_send(data, phone=second)
    )

    assert_no_server_error(first, second)
    assert_all_succeeded(usernames)
    assert usernames[0] == usernames[1], "each tap got an account of its own"
    found = server_data(
        platform_server,
        "from training.models import Enrollment\n"
        "enrollments = Enrollment.objects.filter(\n"
        "    training_class_id=values['class_id'], display_name=values['name'])\n"
        "result = {'enrollments': enrollments.count(),\n"
        "          'accounts': enrollments.values('learner').distinct().count()}",
        name=journey.display_name,
        class_id=platform_server.world["class_id"],
    )
    assert found == {"enrollments": 1, "accounts": 1}


def test_the_same_otp_sent_three_times_at_once_verifies_once(platform_server):
    phone, journey = phone_journey(platform_server)
    journey.join()
    journey.practice_card()
    journey.register_start()
    data = journey.otp_form()
    phones = twins(phone, 3)

    landed = at_once(*(lambda p=p: journey.otp_send(data, phone=p) for p in phones))

    assert_no_server_error(*phones)
    assert_all_succeeded(landed)  # each one redirected to the password step
    assert landed == ["/thuc-hanh/dang-ky/mat-khau/"] * 3
    found = server_data(
        platform_server,
        "from sandbox.models import PracticeAccount\n"
        "accounts = PracticeAccount.objects.filter(identity__cccd=values['cccd'])\n"
        "result = {'accounts': accounts.count(),\n"
        "          'verified': accounts.filter(otp_verified_at__isnull=False).count()}",
        cccd=journey.card["cccd"],
    )
    assert found == {"accounts": 1, "verified": 1}
    journey.password_set()  # and the phone carries on from there
    journey.portal_login()


@pytest.fixture
def learner_at_review(platform_server):
    """A learner logged in to the practice portal, the birth registration filled in."""
    phone, journey = phone_journey(platform_server)
    journey.join()
    journey.practice_card()
    journey.register()
    journey.portal_login()
    journey.dossier_start()
    return phone, journey, journey.dossier_fill()


def test_the_same_dossier_submitted_twice_at_once_gets_one_code(platform_server, learner_at_review):
    phone, journey, form = learner_at_review
    data = journey.submit_data(form)
    phones = twins(phone, 2)

    landed = at_once(*(lambda p=p: journey.submit_send(data, phone=p) for p in phones))

    assert_no_server_error(*phones)
    assert_all_succeeded(landed)  # both taps lead to the payment page
    shown = {DOSSIER_CODE.search(journey.payment_page(phone=p).text).group(0) for p in phones}
    found = server_data(
        platform_server,
        "from sandbox.models import PracticeDossier\n"
        "dossier = PracticeDossier.objects.get(pk=values['id'])\n"
        "result = {\n"
        "  'code': dossier.code,\n"
        "  'codes_of_owner': PracticeDossier.objects.filter(owner_key=dossier.owner_key)\n"
        "      .exclude(code='').count(),\n"
        "  'submitted_events': dossier.events.filter(action='Nộp hồ sơ trực tuyến').count(),\n"
        "  'confirmation_sms': dossier.messages.filter(\n"
        "      channel='sms', body__contains='da duoc dang ky thanh cong').count(),\n"
        "}",
        id=journey.dossier_id,
    )
    assert shown == {found["code"]}
    assert found["codes_of_owner"] == 1
    assert found["submitted_events"] == 1, "the submission is in the timeline twice"
    assert found["confirmation_sms"] == 1, "the confirmation SMS was sent twice"


def test_the_same_payment_confirmed_twice_at_once_pays_once(platform_server, learner_at_review):
    phone, journey, form = learner_at_review
    journey.submit_send(journey.submit_data(form))
    data = journey.gateway_form()
    phones = twins(phone, 2)

    landed = at_once(*(lambda p=p: journey.gateway_send(data, phone=p) for p in phones))

    assert_no_server_error(*phones)
    assert_all_succeeded(landed)  # both taps lead to "Đăng ký hồ sơ thành công"
    codes = {journey.submitted_page(phone=p) for p in phones}
    found = server_data(
        platform_server,
        "from sandbox.models import Payment, PracticeDossier\n"
        "dossier = PracticeDossier.objects.get(pk=values['id'])\n"
        "result = {\n"
        "  'code': dossier.code,\n"
        "  'fee_status': dossier.fee_status,\n"
        "  'payments': sorted(Payment.objects.filter(dossier=dossier)\n"
        "      .values_list('status', flat=True)),\n"
        "  'paid_events': dossier.events.filter(action='Đã thanh toán phí, lệ phí').count(),\n"
        "  'receipts': dossier.messages.filter(attachment_kind='receipt').count(),\n"
        "}",
        id=journey.dossier_id,
    )
    assert codes == {found["code"]}
    assert found["payments"] == ["success"], "the money was taken more than once"
    assert found["fee_status"] == "paid"
    assert found["paid_events"] == 1
    assert found["receipts"] == 1, "two receipts for one payment"


def watch_data(server, session_keys):
    return server_data(
        server,
        "from courses.models.renders import VideoWatchLog, VideoWatchReport\n"
        "render = values['render']\n"
        "result = {key: [\n"
        "    VideoWatchReport.objects.filter(render_id=render, session_key=key).count(),\n"
        "    VideoWatchLog.objects.filter(render_id=render, session_key=key).count(),\n"
        "  ] for key in values['keys']}",
        render=server.world["render_id"],
        keys=session_keys,
    )


def test_the_same_watch_report_sent_three_times_at_once_is_credited_once(platform_server):
    phone, journey = phone_journey(platform_server)
    journey.join()
    journey.tutorial_open()
    time.sleep(5.5)  # played 0-3 s, paused, played on to 5 s: then the batch goes
    segments, batch = [[0, 3, 1], [3, 5, 1]], "re-sent-" + secrets.token_hex(6)
    phones = twins(phone, 3)

    answers = at_once(*(lambda p=p: journey.report(segments, batch, phone=p) for p in phones))

    assert_no_server_error(*phones)
    assert_all_succeeded(answers)
    assert [answer["saved"] for answer in answers] == [2, 2, 2]
    assert watch_data(platform_server, [phone.session_key]) == {phone.session_key: [1, 2]}


def test_twenty_phones_report_what_they_watched_at_once(platform_server):
    journeys = [phone_journey(platform_server) for _ in range(20)]
    for _phone, journey in journeys:
        journey.join()
        journey.tutorial_open()
    time.sleep(10.5)  # the last phone to open the video has played 10 s of it
    for phone, _journey in journeys:
        phone.client.get(phone.url("/healthz"), timeout=30)

    answers = at_once(*(lambda j=journey: j.report([[0, 10, 1]]) for _phone, journey in journeys))

    assert_no_server_error(*(phone for phone, _journey in journeys))
    assert_all_succeeded(answers)
    keys = [phone.session_key for phone, _journey in journeys]
    assert len(set(keys)) == 20
    assert watch_data(platform_server, keys) == {key: [1, 1] for key in keys}
