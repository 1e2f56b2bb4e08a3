#include "effective_policy_view.h"

#include "policy_flow_style.h"

#include <ui/workspace/workspace_document.h>

#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTextBlock>
#include <QVBoxLayout>

#include <functional>

namespace gh::policies {

namespace policy = gw::policy;

// The merged text, with a gutter that names each element's scope on its first line and a tint over its lines.
class EffectivePolicyTextView : public QPlainTextEdit {
public:
    explicit EffectivePolicyTextView(QWidget *parent = nullptr) : QPlainTextEdit(parent), m_gutter(new Gutter(this))
    {
        setReadOnly(true);
        setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        setLineWrapMode(QPlainTextEdit::NoWrap);
        setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect &rect, int dy) {
            if (dy)
                m_gutter->scroll(0, dy);
            else
                m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
        });
    }

    void display(const EffectivePolicyText &text)
    {
        m_steps = text.steps;
        const int scrolled = verticalScrollBar()->value();
        setPlainText(text.text);
        verticalScrollBar()->setValue(scrolled);
        updateMargins();
        highlight();
    }

    // The step shown at a line of the text, or null.
    const EffectiveStep *stepAt(int line) const
    {
        for (const auto &step : m_steps)
            if (line >= step.firstLine && line <= step.lastLine)
                return &step;
        return nullptr;
    }

    std::function<void(const EffectiveStep &)> activated;

    void highlight()
    {
        QList<QTextEdit::ExtraSelection> selections;
        for (const auto &step : m_steps) {
            for (int line = step.firstLine; line <= step.lastLine; ++line) {
                QTextEdit::ExtraSelection selection;
                selection.cursor = QTextCursor(document()->findBlockByNumber(line));
                selection.format.setBackground(scopeTint(step.scope, palette()));
                selection.format.setProperty(QTextFormat::FullWidthSelection, true);
                selections << selection;
            }
        }
        setExtraSelections(selections);
        m_gutter->update();
    }

protected:
    // The tints are fixed colours in the text's formats: worked out again whenever the palette may have changed
    // (a theme switch; a view created while the application's palette was being replaced).
    void showEvent(QShowEvent *event) override
    {
        QPlainTextEdit::showEvent(event);
        highlight();
    }
    void changeEvent(QEvent *event) override
    {
        QPlainTextEdit::changeEvent(event);
        if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
            highlight();
    }

    void resizeEvent(QResizeEvent *event) override
    {
        QPlainTextEdit::resizeEvent(event);
        const QRect area = contentsRect();
        m_gutter->setGeometry(area.left(), area.top(), gutterWidth(), area.height());
    }

    void mouseReleaseEvent(QMouseEvent *event) override
    {
        QPlainTextEdit::mouseReleaseEvent(event);
        // A click, not the end of a selection, opens the element.
        if (event->button() == Qt::LeftButton && !textCursor().hasSelection())
            activateLine(cursorForPosition(event->position().toPoint()).blockNumber());
    }

    void keyPressEvent(QKeyEvent *event) override
    {
        if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
            activateLine(textCursor().blockNumber());
            return;
        }
        QPlainTextEdit::keyPressEvent(event);
    }

private:
    class Gutter : public QWidget {
    public:
        explicit Gutter(EffectivePolicyTextView *view) : QWidget(view), m_view(view) {}

    protected:
        void paintEvent(QPaintEvent *event) override { m_view->paintGutter(event->rect()); }

    private:
        EffectivePolicyTextView *m_view;
    };

    void activateLine(int line)
    {
        if (const EffectiveStep *step = stepAt(line); step && activated)
            activated(*step);
    }

    int gutterWidth() const
    {
        int widest = 0;
        QFont font = this->font();
        font.setBold(true);
        const QFontMetrics metrics(font);
        for (policy::Scope scope :
             {policy::Scope::Global, policy::Scope::Product, policy::Scope::Api, policy::Scope::Operation})
            widest = std::max(widest, metrics.horizontalAdvance(scopeTitle(scope).toLower()));
        return widest + 24;
    }

    void updateMargins() { setViewportMargins(gutterWidth(), 0, 0, 0); }

    void paintGutter(const QRect &rect)
    {
        QPainter painter(m_gutter);
        painter.fillRect(rect, palette().color(QPalette::AlternateBase));
        QFont font = this->font();
        font.setBold(true);
        painter.setFont(font);
        QTextBlock block = firstVisibleBlock();
        int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
        while (block.isValid() && top <= rect.bottom()) {
            const int height = qRound(blockBoundingRect(block).height());
            if (const EffectiveStep *step = stepAt(block.blockNumber())) {
                const QColor accent = scopeAccent(step->scope, palette());
                // A stripe down the element's lines, its scope's name on the first.
                painter.fillRect(QRect(m_gutter->width() - 4, top, 4, height), accent);
                if (block.blockNumber() == step->firstLine) {
                    painter.setPen(accent);
                    painter.drawText(QRect(6, top, m_gutter->width() - 14, height), Qt::AlignVCenter | Qt::AlignLeft,
                                     scopeTitle(step->scope).toLower());
                }
            }
            block = block.next();
            top += height;
        }
    }

    Gutter *m_gutter;
    std::vector<EffectiveStep> m_steps;
};

EffectivePolicyView::EffectivePolicyView(workspace::WorkspaceDocument &document, const QString &api,
                                         const QString &operation, QWidget *parent)
    : QWidget(parent), m_document(document), m_api(api.toStdString()), m_operation(operation.toStdString())
{
    setObjectName(QStringLiteral("effectivePolicyView"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(8);

    auto *title = new QLabel(
        operation.isEmpty()
            ? tr("Effective policy of %1").arg(workspace::PolicyTarget::api(m_api).title())
            : tr("Effective policy of %1").arg(workspace::PolicyTarget::operationOf(m_api, m_operation).title()));
    title->setObjectName(QStringLiteral("effectivePolicyTitle"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    title->setFont(titleFont);
    layout->addWidget(title);

    auto *context = new QHBoxLayout;
    auto *productLabel = new QLabel(tr("&Product context:"));
    m_products = new QComboBox;
    m_products->setObjectName(QStringLiteral("productContext"));
    m_products->setAccessibleName(tr("Product context"));
    m_products->setAccessibleDescription(tr("The product the call is made through: its policy runs between the "
                                            "global and the API policy."));
    m_products->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    productLabel->setBuddy(m_products);
    context->addWidget(productLabel);
    context->addWidget(m_products);
    context->addSpacing(24);
    m_legend = new QLabel;
    m_legend->setObjectName(QStringLiteral("scopeLegend"));
    m_legend->setAccessibleName(tr("Scope colours"));
    m_legend->setTextFormat(Qt::RichText);
    context->addWidget(m_legend);
    context->addStretch();
    layout->addLayout(context);

    m_text = new EffectivePolicyTextView;
    m_text->setObjectName(QStringLiteral("effectivePolicyText"));
    m_text->setAccessibleName(tr("Effective policy"));
    m_text->setAccessibleDescription(
        tr("The merged policy, read-only. Enter or a click on an element opens it where it is written."));
    m_text->activated = [this](const EffectiveStep &step) { emit openSource(step.source, step.line, step.column); };
    layout->addWidget(m_text, 1);

    auto *hint = new QLabel(tr("Click an element to open it in the file it comes from."));
    hint->setObjectName(QStringLiteral("effectivePolicyHint"));
    hint->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(hint);

    m_problems = new QLabel;
    m_problems->setObjectName(QStringLiteral("effectivePolicyProblems"));
    m_problems->setWordWrap(true);
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_problems);

    fillProducts();
    // In a product context by default: most calls come through a subscription to a product.
    if (m_products->count() > 1)
        m_products->setCurrentIndex(1);
    connect(m_products, &QComboBox::currentIndexChanged, this, &EffectivePolicyView::refresh);
    connect(&m_document, &workspace::WorkspaceDocument::modelChanged, this, [this] {
        fillProducts();
        refresh();
    });
    updateLegend();
    refresh();
    setFocusProxy(m_text);
}

QString EffectivePolicyView::product() const
{
    return m_products->currentData().toString();
}

void EffectivePolicyView::setProduct(const QString &product)
{
    const int index = m_products->findData(product);
    if (index >= 0)
        m_products->setCurrentIndex(index);
}

void EffectivePolicyView::fillProducts()
{
    const QString current = m_products->currentData().toString();
    const QSignalBlocker blocker(m_products);
    m_products->clear();
    m_products->addItem(tr("No product"), QString());
    for (const auto &product : productsContaining(m_document.model(), m_api))
        m_products->addItem(product.title, QString::fromStdString(product.name));
    const int index = m_products->findData(current);
    m_products->setCurrentIndex(index >= 0 ? index : 0);
}

void EffectivePolicyView::refresh()
{
    m_current = effectivePolicy(m_document.model(), m_api, m_operation, product().toStdString());
    m_text->display(m_current);
    m_problems->setVisible(!m_current.problems.isEmpty());
    m_problems->setText(m_current.problems.join(QLatin1Char('\n')));
}

void EffectivePolicyView::updateLegend()
{
    QStringList chips;
    for (policy::Scope scope :
         {policy::Scope::Global, policy::Scope::Product, policy::Scope::Api, policy::Scope::Operation})
        chips << QStringLiteral("<span style=\"background-color:%1; color:%1\">&#9608;&#9608;</span>&nbsp;%2")
                     .arg(scopeAccent(scope, palette()).name(), scopeTitle(scope).toHtmlEscaped());
    m_legend->setText(chips.join(QStringLiteral("&nbsp;&nbsp;&nbsp;&nbsp;")));
}

void EffectivePolicyView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_text) {
        updateLegend();
        m_text->highlight();
    }
}

} // namespace gh::policies
