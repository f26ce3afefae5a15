#include "fakebackend.h"
#include "ui/connectdialog.h"
#include "ui/firstrundialog.h"
#include "ui/settingspage.h"

#include <QComboBox>
#include <QCommandLinkButton>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QtTest>

using namespace cardops;
using namespace Qt::StringLiterals;

namespace {

QPushButton* button(QWidget* parent, const QString& text)
{
    for (QPushButton* b : parent->findChildren<QPushButton*>())
        if (b->text() == text)
            return b;
    return nullptr;
}

} // namespace

// The first-run choice, the connect dialog and the settings page, driven as an operator would.
class TstDialogs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstRunOffersTheDemo()
    {
        FakeBackend backend;
        ui::FirstRunDialog dialog(backend);
        const auto links = dialog.findChildren<QCommandLinkButton*>();
        QCOMPARE(links.size(), 2);
        links.first()->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.choice(), ui::FirstRunDialog::Choice::Demo);
    }

    void connectNeedsAPassingTestOfWhatIsSaved()
    {
        FakeBackend backend;
        ui::ConnectDialog dialog(backend);
        const auto edits = dialog.findChildren<QLineEdit*>();
        QCOMPARE(edits.size(), 4);
        QLineEdit* name = edits[0];
        QLineEdit* url = edits[1];
        QLineEdit* appId = edits[2];
        QLineEdit* secret = edits[3];
        QPushButton* test = button(&dialog, u"Test connection"_s);
        QPushButton* save = button(&dialog, u"Save and open"_s);
        QVERIFY(test && save);
        QVERIFY(!save->isEnabled());

        // Bad input is refused before anything is sent.
        name->setText(u"my shop"_s);
        url->setText(u"https://shop.example.com"_s);
        appId->setText(u"app-1"_s);
        secret->setText(u"s3cret"_s);
        test->click();
        QVERIFY(backend.tested.isEmpty());
        name->setText(u"myshop"_s);
        url->setText(u"ftp://shop.example.com"_s);
        test->click();
        QVERIFY(backend.tested.isEmpty());
        // The rules of the profile store, said before anything is sent: demo is reserved, plain
        // http only on this computer, the app id is ASCII.
        url->setText(u"https://shop.example.com"_s);
        name->setText(u"demo"_s);
        test->click();
        url->setText(u"http://shop.example.com"_s);
        name->setText(u"myshop"_s);
        test->click();
        url->setText(u"https://shop.example.com"_s);
        appId->setText(u"应用"_s);
        test->click();
        QVERIFY(backend.tested.isEmpty());
        appId->setText(u"app-1"_s);

        // The platform's refusal is shown as it came, and saving stays off.
        url->setText(u"https://shop.example.com"_s);
        backend.nextCheck = {false, {}, u"Auth (HTTP 401, code 40102): bad signature"_s};
        test->click();
        QCOMPARE(backend.tested.size(), 1);
        QCOMPARE(backend.tested.first().secret, QByteArray("s3cret"));
        QVERIFY(!save->isEnabled());
        QVERIFY(dialog.findChild<QPlainTextEdit*>()->toPlainText().contains(u"40102"_s));

        // A passing test enables saving; any edit afterwards takes it back.
        backend.nextCheck = {true, u"演示卡盟"_s, u"{\"name\":\"演示卡盟\"}"_s};
        test->click();
        QVERIFY(save->isEnabled());
        secret->setText(u"other"_s);
        QVERIFY(!save->isEnabled());
        secret->setText(u"s3cret"_s);
        test->click();
        QVERIFY(save->isEnabled());

        // A failed save keeps the dialog open with the reason; a good one closes it.
        backend.addError = u"keychain locked"_s;
        save->click();
        QVERIFY(dialog.result() != QDialog::Accepted);
        QVERIFY(backend.added.isEmpty());
        backend.addError.clear();
        save->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(backend.added.size(), 1);
        QCOMPARE(backend.added.first().name, u"myshop"_s);
        QCOMPARE(dialog.profileName(), u"myshop"_s);
    }

    void settingsSwitchesProfilesAndLanguage()
    {
        FakeBackend backend;
        ui::SettingsPage page(backend);
        auto* list = page.findChild<QListWidget*>();
        QVERIFY(list);
        QCOMPARE(list->count(), 2);
        QVERIFY(list->item(1)->text().contains(u"0600"_s)); // the file fallback is labelled
        QPushButton* switchButton = button(&page, u"Switch to this profile"_s);
        QVERIFY(switchButton);
        list->setCurrentRow(0); // the open profile: nothing to switch to
        QVERIFY(!switchButton->isEnabled());
        list->setCurrentRow(1);
        QVERIFY(switchButton->isEnabled());
        switchButton->click();
        QCOMPARE(backend.switchedTo, QStringList{u"myshop"_s});

        auto* language = page.findChild<QComboBox*>();
        QVERIFY(language);
        QCOMPARE(language->currentData().toString(), u"zh_CN"_s);
        language->setCurrentIndex(language->findData(u"en"_s));
        QCOMPARE(backend.languageChoice, u"en"_s);
        QPushButton* restart = button(&page, u"Restart now"_s);
        QVERIFY(restart && !restart->isHidden());
        restart->click();
        QCOMPARE(backend.restarts, 1);
    }
};

QTEST_MAIN(TstDialogs)
#include "tst_dialogs.moc"
