#pragma once

#include "core/listingtemplate.h"
#include "models/goodseditor.h"

#include <QWidget>
#include <functional>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace cardops::ui {

// A warning box with `accept` and Cancel (the default); whether `accept` was clicked.
bool askBox(QWidget* parent, const QString& title, const QString& question, const QString& accept);

// The goods editor's 商品详情 tab: the template chooser, title (with its length), spec and
// description, the live check against the template ("缺少：…" and each problem) and the preview of
// what the template suggests, with 套用模板 to fill the fields from it. UI thread.
class ListingEditWidget : public QWidget
{
    Q_OBJECT
public:
    // Asks the operator (title, question, the accepting button's text).
    using Ask = std::function<bool(const QString& title, const QString& question, const QString& accept)>;

    ListingEditWidget(const models::GoodsEditor& editor, Ask ask, QWidget* parent = nullptr);

    // The editor's templates, with `selected` chosen (nothing: 不使用模板); no changed().
    void fillTemplates(std::optional<qint64> selected);
    // Sets the fields without changed().
    void setListing(const core::Listing& listing);
    core::Listing listing() const;
    std::optional<qint64> templateId() const;
    // Checks `edit` (the goods with this tab's values) and shows the problems and the preview.
    void showCheck(const models::GoodsEdit& edit);
    bool hasProblems() const { return m_hasProblems; }

    QComboBox& templateChooser() const { return *m_template; }
    QLineEdit& titleField() const { return *m_title; }
    QLineEdit& specField() const { return *m_spec; }
    QPlainTextEdit& descriptionField() const { return *m_description; }
    QLabel& checkSummary() const { return *m_checkSummary; }
    QListWidget& checkList() const { return *m_checkList; }
    QPushButton& applyButton() const { return *m_apply; }

Q_SIGNALS:
    // The operator changed a field or the template.
    void changed();
    void manageTemplatesRequested();

private:
    void apply();

    const models::GoodsEditor& m_editor;
    Ask m_ask;
    models::GoodsEdit m_last; // the edit last checked: the preview's goods
    bool m_setting = false;
    bool m_hasProblems = false;

    QComboBox* m_template = nullptr;
    QLineEdit* m_title = nullptr;
    QLabel* m_titleLength = nullptr;
    QLabel* m_specName = nullptr;
    QLineEdit* m_spec = nullptr;
    QPlainTextEdit* m_description = nullptr;
    QLabel* m_checkSummary = nullptr;
    QListWidget* m_checkList = nullptr;
    QLabel* m_previewTitle = nullptr;
    QLabel* m_previewSpec = nullptr;
    QPlainTextEdit* m_previewDescription = nullptr;
    QPushButton* m_apply = nullptr;
};

} // namespace cardops::ui
