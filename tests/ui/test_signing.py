"""Signing at the desk, in the real exam page: a doctor with a registered .p12 saves a part with Ctrl+S, types the
passphrase once and the part reads "Đã ký số"; a second save asks nothing more (the key is kept for the session);
an amended part reads "Chưa ký số" again; a nurse without a certificate saves and the quiet line says the part is
not signed; "Chưa ký số" (Ctrl+K) lists it and "Ký bây giờ" signs it; signing out forgets the key."""
from __future__ import annotations

import pytest
import shiboken6
from cryptography.hazmat.primitives.serialization import Encoding
from PySide6.QtCore import Qt
from support.gui import show_page, type_text
from support.signing import examiner, softhsm_token, training_ca  # noqa: F401
from support.visits import open_visit

from station_app.core.model import Sex
from station_app.core.pl01_answers import Answer
from station_app.core.settings import Settings
from station_app.services.common.signing.training_ca import pkcs12_bytes
from station_app.ui.exam import signing
from station_app.ui.exam.pl01_desk import DoctorPl01Desk
from station_app.ui.pages.exam import ExamPage

PASSPHRASE = "mat-khau-tep-p12"


@pytest.fixture
def asked(monkeypatch):
    """The passphrase dialog, faked: each question recorded, the passphrase given (or None: "Để sau")."""
    questions: list[str] = []
    answer = {"secret": PASSPHRASE}
    monkeypatch.setattr(signing, "ask_secret", lambda parent, source: questions.append(source) or answer["secret"])
    return questions, answer


def _register(ctx, admin, user, signer):
    registered = ctx.accounts.set_certificate(admin, user.username, source="file",
                                              certificate_der=signer.certificate.public_bytes(Encoding.DER))
    ctx.signatures.keys.store(registered.user_id, pkcs12_bytes(signer, PASSPHRASE))


@pytest.fixture
def page_for(app, qtbot, ctx, tasks):
    made = []

    def make(user):  # noqa: ANN001, ANN202
        made.append(show_page(qtbot, ExamPage(ctx, tasks, ctx.station.info().site_id, user, Settings()), 1366, 768))
        return made[-1]

    yield make
    for page in made:
        if shiboken6.isValid(page):
            page.sources.stop()
            page.hide()
    tasks.wait()


def _doctor_desk(qtbot, page, visit):
    page.open_visit(visit)
    qtbot.waitUntil(lambda: page.visit_form is not None)
    desk = next(form for form, _title in page.desks if isinstance(form, DoctorPl01Desk))
    page.show_desk(desk)
    qtbot.waitUntil(lambda: desk.loaded is not None and desk.loaded.visit_id == visit.id)
    return desk


def _save_jaw(qtbot, desk, text):
    jaw = next(i for box in desk.parts for i in box.inputs if i.code == "HAM_TREN")
    jaw.edit.setFocus()
    jaw.edit.selectAll()
    type_text(jaw.edit, text)
    qtbot.keyClick(jaw.edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def test_a_doctor_signs_on_save_once_asked_and_an_amendment_reads_unsigned(qtbot, page_for, ctx, admin, nurse,
                                                                            doctor, examiner, asked):
    questions, _answer = asked
    _register(ctx, admin, doctor, examiner)
    visit = open_visit(ctx, nurse, "Lò Văn Đức", 1980, Sex.MALE)
    page = page_for(doctor)
    desk = _doctor_desk(qtbot, page, visit)
    _save_jaw(qtbot, desk, "Bình thường")
    bar = page.signature_bar
    qtbot.waitUntil(lambda: "Khám răng hàm mặt: Đã ký số" in bar.parts_line.text(), timeout=10000)
    assert questions == ["file"] and "– Lò Thị Lan" in bar.parts_line.text()
    ctx.answers.save(doctor, visit.id, desk="doctor:dental", answers=[Answer("HAM_TREN", "Sâu răng 16")])
    bar.show_visit(visit.id)
    qtbot.waitUntil(lambda: "Khám răng hàm mặt: Chưa ký số (đã sửa sau khi ký)" in bar.parts_line.text())
    desk.load(visit)
    qtbot.waitUntil(lambda: desk.loaded is not None and desk.loaded.visit_id == visit.id)
    _save_jaw(qtbot, desk, "Sâu răng 17")
    qtbot.waitUntil(lambda: "Khám răng hàm mặt: Đã ký số" in bar.parts_line.text(), timeout=10000)
    assert questions == ["file"]  # asked once for the session


def test_a_nurse_without_a_certificate_saves_and_signs_later_from_the_list(qtbot, page_for, ctx, admin, nurse,
                                                                           doctor, examiner, asked):
    visit = open_visit(ctx, nurse, "Lò Văn Đức", 1980, Sex.MALE)
    page = page_for(doctor)
    desk = _doctor_desk(qtbot, page, visit)
    _save_jaw(qtbot, desk, "Bình thường")
    qtbot.waitUntil(lambda: "chưa đăng ký chứng thư số" in page.signature_bar.status.text())
    assert desk.message.text() == "Đã lưu."
    _register(ctx, admin, doctor, examiner)
    qtbot.keyClick(page.scan, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    dialog = next(w for w in page.findChildren(signing.UnsignedDialog))
    qtbot.waitUntil(lambda: dialog.items.count() >= 1)
    texts = [dialog.items.item(i).text() for i in range(dialog.items.count())]
    assert any("Khám răng hàm mặt" in t for t in texts)
    qtbot.keyClick(dialog.items, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(dialog, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    # The list reloads empty after signing; what was signed stays said beside "nothing left".
    qtbot.waitUntil(lambda: "Không còn phần nào" in dialog.message.text(), timeout=10000)
    assert dialog.message.text() == "Đã ký số 1 phần. Không còn phần nào chưa ký số."
    states = {p.part: p.state for p in ctx.signatures.parts_of(doctor, visit.id).parts}
    assert states["doctor:dental"] == "signed"
    dialog.reject()


def test_leaving_signing_for_later_saves_unsigned_and_the_session_forgets_the_key(qtbot, page_for, ctx, admin,
                                                                                  nurse, doctor, examiner, asked):
    questions, answer = asked
    answer["secret"] = None
    _register(ctx, admin, doctor, examiner)
    visit = open_visit(ctx, nurse, "Lò Văn Đức", 1980, Sex.MALE)
    page = page_for(doctor)
    desk = _doctor_desk(qtbot, page, visit)
    _save_jaw(qtbot, desk, "Bình thường")
    qtbot.waitUntil(lambda: "chưa ký số" in page.signature_bar.status.text().lower())
    assert questions == ["file"] and signing.session_of(page).signer is None
    states = {p.part: p.state for p in ctx.signatures.parts_of(doctor, visit.id).parts}
    assert states["doctor:dental"] == "unsigned"


def _scripted_certificate_dialog(path, secret, cchn=""):
    from PySide6.QtWidgets import QDialog

    from station_app.ui.pages.admin import CertificateDialog

    class Scripted(CertificateDialog):
        def exec(self) -> int:
            self.path.setText(str(path))
            type_text(self.secret, secret)
            type_text(self.cchn, cchn)
            self._check()
            return QDialog.DialogCode.Accepted if self.result() == QDialog.DialogCode.Accepted else 0

    return Scripted


def test_the_administrator_registers_a_doctors_p12_and_an_expired_one_is_explained(qtbot, app, ctx, admin, doctor,
                                                                                   training_ca, tmp_path):
    import datetime as dt

    from station_app.ui.main_window import MainWindow

    window = MainWindow(ctx, admin)
    qtbot.addWidget(window)
    window.show_page("admin")
    page = window.pages["admin"]
    qtbot.waitUntil(lambda: page.users.rowCount() == 2)
    page.table.selectRow([u.username for u in page.users.users].index(doctor.username))
    old = training_ca.issue("Lò Thị Lan", "000555/LC-CCHN", not_before=dt.datetime(2020, 1, 1, tzinfo=dt.UTC), days=9)
    (tmp_path / "cu.p12").write_bytes(pkcs12_bytes(old, PASSPHRASE))
    page._certificate_dialog = _scripted_certificate_dialog(tmp_path / "cu.p12", PASSPHRASE)
    qtbot.mouseClick(page.certificate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "hết hạn" in page.users_message.text())
    assert ctx.signatures.certificate_of(doctor.id) is None
    (tmp_path / "moi.p12").write_bytes(pkcs12_bytes(training_ca.issue("Lò Thị Lan", "000555/LC-CCHN"), PASSPHRASE))
    page._certificate_dialog = _scripted_certificate_dialog(tmp_path / "moi.p12", PASSPHRASE, "000555/LC-CCHN")
    qtbot.mouseClick(page.certificate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Đã đăng ký chứng thư số" in page.users_message.text())
    registered = ctx.signatures.certificate_of(doctor.id)
    assert registered.cchn == "000555/LC-CCHN" and registered.source == "file"
    assert ctx.signatures.open_signer(doctor, PASSPHRASE) is not None  # the station's copy opens for signing


def test_the_token_driver_is_set_on_the_administration_page(qtbot, app, ctx, admin):
    from station_app.services.station.signatures import PKCS11_SETTING
    from station_app.ui.main_window import MainWindow

    window = MainWindow(ctx, admin)
    qtbot.addWidget(window)
    window.show_page("admin")
    page = window.pages["admin"]
    page.pkcs11_module.setText("/usr/lib/softhsm/libsofthsm2.so")
    qtbot.mouseClick(page.save_settings_button, Qt.MouseButton.LeftButton)
    assert ctx.settings.load().extra[PKCS11_SETTING] == "/usr/lib/softhsm/libsofthsm2.so"


@pytest.mark.tools("softhsm2-util", "pkcs11-tool")
def test_the_tokens_pin_is_asked_once_for_two_saves_and_forgotten_at_the_lock(qtbot, page_for, ctx, admin, nurse,
                                                                               doctor, softhsm_token, monkeypatch):
    pins: list[str] = []
    monkeypatch.setattr(signing, "ask_secret", lambda parent, source: pins.append(source) or softhsm_token.pin)
    settings = ctx.settings.load()
    settings.extra["signing.pkcs11_module"] = softhsm_token.module
    ctx.settings.save(settings)
    ctx.accounts.set_certificate(admin, doctor.username, source="token", certificate_der=(
        softhsm_token.holder.certificate.public_bytes(Encoding.DER)))
    visit = open_visit(ctx, nurse, "Lò Văn Đức", 1980, Sex.MALE)
    page = page_for(doctor)
    desk = _doctor_desk(qtbot, page, visit)
    bar = page.signature_bar
    for text in ("Bình thường", "Sâu răng 16"):
        _save_jaw(qtbot, desk, text)
        qtbot.waitUntil(lambda: bar.status.text() == "Đã ký số 1 phần.", timeout=10000)
        bar.status.clear()
    assert pins == ["token"]
    signing.session_of(page).clear()  # what the idle lock and sign-out do
    _save_jaw(qtbot, desk, "Sâu răng 17")
    qtbot.waitUntil(lambda: bar.status.text() == "Đã ký số 1 phần.", timeout=10000)
    assert pins == ["token", "token"]


def test_the_idle_lock_and_sign_out_forget_the_opened_key(qtbot, app, ctx, doctor):
    from station_app.ui.main_window import MainWindow

    class Token:
        closed = 0

        def close(self) -> None:
            Token.closed += 1

    window = MainWindow(ctx, doctor)
    qtbot.addWidget(window)
    session = signing.session_of(window.pages["exam"])
    session.signer = Token()
    window.lock()
    assert session.signer is None and Token.closed == 1  # the token's session logged out
    session.signer = Token()
    window.sign_out()
    assert session.signer is None and Token.closed == 2
