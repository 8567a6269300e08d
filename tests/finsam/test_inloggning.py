"""Login: Argon2 hashes, a password policy with a Swedish list, change and reset by
e-mail, sessions that end after a working day without activity, a lockout that counts
per user and client address behind the TLS proxy, and optional TOTP two-factor."""

import datetime as dt
import re

import pytest
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from finsam import access, konton, sessioner
from finsam.models import Kontohandelse
from styrelse import services as styrelse_services
from styrelse.selectors import protokoll_hash
from tests.factories import PersonFactory, UserFactory
from tests.finsam.test_deployment import PRODUCTION_ENV, _kor
from tests.styrelse.factories import beslutande

pytestmark = pytest.mark.django_db

GOTT = "Blå fönster mot ängen 7"
ARGON2_FORST = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]


# --- Hashing and policy ----------------------------------------------------------------


def test_production_hashes_passwords_with_argon2_first():
    result = _kor(
        ["-c", "import finsam.settings as s; print(s.PASSWORD_HASHERS[0])"],
        PRODUCTION_ENV,
    )
    assert result.stdout.strip() == "django.contrib.auth.hashers.Argon2PasswordHasher"


@override_settings(PASSWORD_HASHERS=ARGON2_FORST)
def test_a_password_is_stored_as_an_argon2_hash(kanslist):
    kanslist.set_password(GOTT)
    kanslist.save()
    kanslist.refresh_from_db()
    assert kanslist.password.startswith("argon2$")
    assert kanslist.check_password(GOTT)


@pytest.mark.parametrize(
    "losenord",
    [
        "Sommar2024",
        "sommar2024!",
        "2024Vinter",
        "Lösenord123",
        "Hammarby1889",
        "Kort1!",
    ],
)
def test_common_and_short_passwords_are_refused(losenord):
    with pytest.raises(ValidationError):
        validate_password(losenord)


def test_a_long_phrase_is_accepted():
    validate_password(GOTT)


def test_the_password_page_refuses_sommar2024(as_user, kanslist):
    kanslist.set_password("gammalt-hemligt-ord-42")
    kanslist.save()
    response = as_user(kanslist).post(
        reverse("finsam:losenord_byt"),
        {
            "old_password": "gammalt-hemligt-ord-42",
            "new_password1": "Sommar2024",
            "new_password2": "Sommar2024",
        },
    )
    assert response.status_code == 400
    assert "för vanligt" in response.content.decode()
    kanslist.refresh_from_db()
    assert kanslist.check_password("gammalt-hemligt-ord-42")


# --- Reset by e-mail -------------------------------------------------------------------


def test_reset_by_email_sets_the_owners_own_password(client, forbund, forbundsadmin):
    person = PersonFactory(forbund=forbund, epost="stina@example.se")
    user = UserFactory(
        username="stina", forbund=forbund, roll=access.STYRELSE, person=person
    )
    user.email = "stina@example.se"
    user._utford_av = forbundsadmin  # set by someone else: may not sign yet
    user.set_password("admin-satte-detta-1")
    user.save()
    assert konton.signera_hinder(user)

    response = client.post(
        reverse("password_reset"), {"email": "Stina@example.se"}, follow=True
    )
    assert "Kontrollera din e-post" in response.content.decode()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Nytt lösenord i Finsam"
    lank = re.search(r"https?://[^/\s]+(/losenord/aterstall/\S+/)", mail.outbox[0].body)
    assert lank
    response = client.get(lank.group(1), follow=True)
    form_url = response.redirect_chain[-1][0]
    assert "Välj nytt lösenord" in response.content.decode()
    svar = client.post(
        form_url, {"new_password1": "Sommar2024", "new_password2": "Sommar2024"}
    )
    assert svar.status_code == 200 and "för vanligt" in svar.content.decode()
    response = client.post(
        form_url, {"new_password1": GOTT, "new_password2": GOTT}, follow=True
    )
    assert "Lösenordet är bytt" in response.content.decode()
    user.refresh_from_db()
    assert user.check_password(GOTT)
    senaste = Kontohandelse.objects.filter(user=user).latest("id")
    assert senaste.av_sig_sjalv and senaste.handelse == Kontohandelse.LOSENORD
    assert konton.signera_hinder(user) is None


def test_reset_for_an_unknown_address_sends_nothing_and_tells_nothing(client, db):
    response = client.post(
        reverse("password_reset"), {"email": "okand@example.se"}, follow=True
    )
    assert "Kontrollera din e-post" in response.content.decode()
    assert mail.outbox == []


# --- Sessions --------------------------------------------------------------------------


@override_settings(SESSION_FORNYA_EFTER=300)
def test_a_session_lasts_a_working_day_from_the_last_request(client, kanslist):
    kanslist.set_password(GOTT)
    kanslist.save()
    inloggning = client.post(
        reverse("login"), {"username": "kanslist", "password": GOTT}
    )
    assert inloggning.status_code == 302, inloggning.content.decode()[:500]
    session = Session.objects.get()
    assert (
        dt.timedelta(hours=8)
        <= session.expire_date - timezone.now()
        <= dt.timedelta(hours=10)
    )
    # A request within five minutes of the last write costs no write.
    fore = Session.objects.get().expire_date
    assert client.get(reverse("finsam:dashboard")).status_code == 200
    assert Session.objects.get().expire_date == fore
    # Nearly expired after a day without activity; one request moves it a day on.
    s = client.session
    s[sessioner.NYCKEL] -= 9 * 60 * 60
    s.save()
    Session.objects.update(expire_date=timezone.now() + dt.timedelta(minutes=1))
    assert client.get(reverse("finsam:dashboard")).status_code == 200
    session = Session.objects.get()
    assert session.expire_date - timezone.now() > dt.timedelta(hours=8)


# --- Lockout behind the proxy ----------------------------------------------------------


def _logga_in(client, losenord, kedja, remote="10.0.0.2"):
    return client.post(
        reverse("login"),
        {"username": "kanslist", "password": losenord},
        HTTP_X_FORWARDED_FOR=kedja,
        REMOTE_ADDR=remote,
    )


@override_settings(TRUSTED_PROXY_HEADER="HTTP_X_FORWARDED_FOR", TRUSTED_PROXY_COUNT=1)
def test_lockout_counts_the_attackers_address_not_everyones(client, kanslist):
    kanslist.set_password(GOTT)
    kanslist.save()
    # The attacker forges the left of the chain each time; the proxy appends the truth.
    for i in range(5):
        _logga_in(client, "fel", f"192.0.2.{i}, 203.0.113.66")
    locked = _logga_in(client, GOTT, "198.51.100.1, 203.0.113.66")
    assert locked.status_code == 429
    assert "För många misslyckade inloggningar" in locked.content.decode()
    # The named user, from their own address behind the same proxy, still logs in.
    ok = _logga_in(client, GOTT, "198.51.100.7")
    assert ok.status_code == 302 and ok["Location"] == reverse("finsam:dashboard")


def test_without_a_configured_proxy_header_the_header_is_not_trusted(client, kanslist):
    kanslist.set_password(GOTT)
    kanslist.save()
    for i in range(5):
        _logga_in(client, "fel", f"192.0.2.{i}")
    assert _logga_in(client, GOTT, "198.51.100.7").status_code == 429


# --- Two-factor ------------------------------------------------------------------------


def _kod(device, steg=0):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, steg):06d}"


def test_an_admin_must_enrol_and_use_totp_when_the_forbund_requires_it(
    client, forbund, forbundsadmin
):
    forbund.kraver_tvafaktor = True
    forbund.save()
    client.force_login(forbundsadmin)
    response = client.get(reverse("finsam:dashboard"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("finsam:tvafaktor"))

    page = client.get(response["Location"])
    assert 'src="data:image/svg+xml' in page.content.decode()
    device = TOTPDevice.objects.get(user=forbundsadmin, confirmed=False)
    fel = client.post(reverse("finsam:tvafaktor"), {"kod": "000000"})
    assert fel.status_code == 400
    device.refresh_from_db()
    device.throttle_reset()  # a wrong code makes the next try wait (throttling)
    response = client.post(
        reverse("finsam:tvafaktor") + "?next=/avgifter/", {"kod": _kod(device)}
    )
    assert response.status_code == 302 and response["Location"] == "/avgifter/"
    assert client.get(reverse("finsam:dashboard")).status_code == 200

    # A new session asks for a code again.
    client.logout()
    client.force_login(forbundsadmin)
    response = client.get(reverse("finsam:dashboard"))
    assert response["Location"].startswith(reverse("finsam:tvafaktor_verifiera"))
    device.refresh_from_db()
    assert device.confirmed
    response = client.post(
        reverse("finsam:tvafaktor_verifiera"), {"kod": _kod(device, steg=1)}
    )
    assert response.status_code == 302
    assert client.get(reverse("finsam:dashboard")).status_code == 200


def test_without_the_requirement_nobody_is_stopped(client, forbund, forbundsadmin):
    client.force_login(forbundsadmin)
    assert client.get(reverse("finsam:dashboard")).status_code == 200


def test_the_requirement_does_not_stop_the_kansli_at_the_door(
    client, forbund, kanslist
):
    forbund.kraver_tvafaktor = True
    forbund.save()
    client.force_login(kanslist)
    assert client.get(reverse("finsam:dashboard")).status_code == 200


def test_an_admin_turns_it_on_only_from_a_verified_session(
    client, forbund, forbundsadmin
):
    client.force_login(forbundsadmin)
    client.post(reverse("finsam:tvafaktor_krav"), {"kravs": "1"})
    forbund.refresh_from_db()
    assert not forbund.kraver_tvafaktor
    client.get(reverse("finsam:tvafaktor"))
    device = TOTPDevice.objects.get(user=forbundsadmin)
    client.post(reverse("finsam:tvafaktor"), {"kod": _kod(device)})
    client.post(reverse("finsam:tvafaktor_krav"), {"kravs": "1"})
    forbund.refresh_from_db()
    assert forbund.kraver_tvafaktor


def test_signers_must_have_passed_totp_when_the_forbund_requires_it(
    forbund, mote, ordf, just
):
    beslutande(mote, ordf, just)
    styrelse_services.utkast_publicera(sammantrade=mote)
    forbund.kraver_tvafaktor = True
    forbund.save()
    ordf.forbund.refresh_from_db()
    with pytest.raises(ValidationError, match="tvåfaktorsinloggning"):
        styrelse_services.sammantrade_justera(
            sammantrade=mote, user=ordf, sedd_hash=protokoll_hash(mote)
        )
    ordf.is_verified = lambda: True  # what OTPMiddleware says after a code
    styrelse_services.sammantrade_justera(
        sammantrade=mote, user=ordf, sedd_hash=protokoll_hash(mote)
    )
