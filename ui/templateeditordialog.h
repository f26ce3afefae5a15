#pragma once

#include "core/access.h"
#include "core/listingtemplate.h"

#include <QDialog>
#include <functional>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace cardops::models {
class DataSource;
class TemplateLibrary;
} // namespace cardops::models

namespace cardops::ui {

// 商品模板: the listing templates (docs/goods.md "Listing templates") — the list with how many goods
// follow each, new, duplicate, delete (with a confirmation that names the goods left without one),
// and the form of one: title parts, spec, description sections, with a live preview on a sample
// goods (腾讯Q币 100元, 中国移动话费 50元, or the goods given by setSampleGoods). Ctrl+S saves;
// unsaved changes are asked about before another template is shown or the window closes. Not modal.
// UI thread.
class TemplateEditorDialog : public QDialog
{
    Q_OBJECT
public:
    TemplateEditorDialog(models::DataSource& source, const core::Actor& actor, QWidget* parent = nullptr);

    // Puts `goods` first among the preview's samples and shows it.
    void setSampleGoods(const core::Goods& goods);

    // Asks the operator (title, question, the accepting button's text); tests answer without a box.
    using Confirm = std::function<bool(const QString& title, const QString& question, const QString& accept)>;
    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }

    models::TemplateLibrary& library() const { return *m_library; }
    // The template the form describes (id 0 while it is new), validated; nothing with `error`.
    std::optional<core::ListingTemplate> formTemplate(QString* error = nullptr) const;
    bool hasUnsavedChanges() const;

    void newTemplate();
    void duplicateTemplate();
    void deleteTemplate();
    void save();
    // Shows the stored template `id` (asks first about unsaved changes).
    void selectTemplate(qint64 id);
    // Esc and 关闭: asks first when there are unsaved changes.
    void reject() override;

    QListWidget& list() const { return *m_list; }
    QLineEdit& nameField() const { return *m_name; }
    QTableWidget& partsTable() const { return *m_parts; }
    QTableWidget& sectionsTable() const { return *m_sections; }
    QSpinBox& maxLengthField() const { return *m_maxLength; }
    QLabel& previewTitle() const { return *m_previewTitle; }
    QLabel& statusLabel() const { return *m_status; }

Q_SIGNALS:
    // The list was read (again).
    void loaded();
    // A save or delete finished.
    void finished(bool ok);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    QWidget* buildForm();
    QWidget* buildPreview();
    QWidget* tableButtons(QTableWidget* table, const std::function<void()>& add);
    void fillList(qint64 select);
    void showTemplate(const core::ListingTemplate& tpl);
    core::ListingTemplate rawForm() const;
    void refreshPreview();
    void setStatus(const QString& text, bool error = false);
    bool ask(const QString& title, const QString& question, const QString& accept);
    bool confirmDiscard();
    QString freeName(const QString& base) const;

    models::TemplateLibrary* m_library = nullptr;
    Confirm m_confirm;
    core::ListingTemplate m_shown; // the form as last shown or saved
    QList<core::Goods> m_samples;
    qint64 m_selectAfterLoad = 0;
    bool m_filling = false;
    bool m_closing = false;

    QListWidget* m_list = nullptr;
    QPushButton* m_duplicate = nullptr;
    QPushButton* m_delete = nullptr;
    QLineEdit* m_name = nullptr;
    QComboBox* m_kind = nullptr;
    QSpinBox* m_maxLength = nullptr;
    QTableWidget* m_parts = nullptr;
    QLineEdit* m_specName = nullptr;
    QLineEdit* m_specPattern = nullptr;
    QLineEdit* m_specUnit = nullptr;
    QSpinBox* m_stockCap = nullptr;
    QTableWidget* m_sections = nullptr;
    QComboBox* m_sample = nullptr;
    QLabel* m_previewTitle = nullptr;
    QLabel* m_previewSpec = nullptr;
    QPlainTextEdit* m_previewDescription = nullptr;
    QLabel* m_previewCheck = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_save = nullptr;
};

} // namespace cardops::ui
