#include "policy_editor.h"

#include "policy_format.h"
#include "policy_lexer.h"
#include "policy_snippets.h"

#include <ui/workspace/workspace_document.h>

#include <Qsci/qscicommand.h>
#include <Qsci/qscicommandset.h>
#include <Qsci/qsciscintilla.h>

#include <QAction>
#include <QApplication>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPainter>
#include <QPushButton>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace gh::policies {

namespace {

using Sci = QsciScintillaBase;
using workspace::PolicyTarget;

constexpr int ErrorMarker = 0;
constexpr int WarningMarker = 1;
constexpr int BurstPauseMs = 1500;
constexpr int SameKeyMs = 40;

gw::policy::DocumentKind documentKind(PolicyTarget::Scope scope)
{
    switch (scope) {
    case PolicyTarget::Scope::Global:
        return gw::policy::DocumentKind::Global;
    case PolicyTarget::Scope::Product:
        return gw::policy::DocumentKind::Product;
    case PolicyTarget::Scope::Api:
        return gw::policy::DocumentKind::Api;
    case PolicyTarget::Scope::Operation:
        return gw::policy::DocumentKind::Operation;
    case PolicyTarget::Scope::Fragment:
        return gw::policy::DocumentKind::Fragment;
    }
    return gw::policy::DocumentKind::Operation;
}

// Scintilla takes colours as 0xBBGGRR.
long sciColour(const QColor &colour)
{
    return colour.red() | (colour.green() << 8) | (colour.blue() << 16);
}

// A new document: the global policy forwards to the backend, the others defer to their enclosing scope.
std::string skeleton(PolicyTarget::Scope scope)
{
    if (scope == PolicyTarget::Scope::Fragment)
        return "<fragment>\n\t\n</fragment>\n";
    if (scope == PolicyTarget::Scope::Global)
        return "<policies>\n\t<inbound />\n\t<backend>\n\t\t<forward-request />\n\t</backend>\n\t<outbound />\n"
               "\t<on-error />\n</policies>\n";
    return "<policies>\n\t<inbound>\n\t\t<base />\n\t</inbound>\n\t<backend>\n\t\t<base />\n\t</backend>\n"
           "\t<outbound>\n\t\t<base />\n\t</outbound>\n\t<on-error>\n\t\t<base />\n\t</on-error>\n</policies>\n";
}

bool sameOwner(const PolicyTarget &target, workspace::EntityKind kind, const QString &name)
{
    if (kind != target.entityKind())
        return false;
    return target.scope == PolicyTarget::Scope::Global || name.toStdString() == target.name;
}

QColor mixed(const QColor &a, const QColor &b, double weight)
{
    return QColor::fromRgbF(a.redF() * (1 - weight) + b.redF() * weight,
                            a.greenF() * (1 - weight) + b.greenF() * weight,
                            a.blueF() * (1 - weight) + b.blueF() * weight);
}

// A one-line label that shows as much of its text as fits, with an ellipsis, instead of cutting it or widening
// the window; the whole text is in its tool tip.
class ElidingLabel : public QLabel {
public:
    using QLabel::QLabel;
    QSize minimumSizeHint() const override { return {0, QLabel::minimumSizeHint().height()}; }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        const QRect area = contentsRect();
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(area, static_cast<int>(alignment()),
                         fontMetrics().elidedText(text(), Qt::ElideRight, area.width()));
    }
};

} // namespace

std::optional<PolicyTarget> policyTargetOfFile(const std::string &relativePath)
{
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t slash = relativePath.find('/', start);
        parts.push_back(relativePath.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
        if (slash == std::string::npos)
            break;
        start = slash + 1;
    }
    std::vector<PolicyTarget> candidates{PolicyTarget::global()};
    if (parts.size() >= 3) {
        candidates.push_back(PolicyTarget::product(parts[1]));
        candidates.push_back(PolicyTarget::api(parts[1]));
        candidates.push_back(PolicyTarget::fragment(parts[1]));
    }
    if (parts.size() >= 5)
        candidates.push_back(PolicyTarget::operationOf(parts[1], parts[3]));
    // Whatever the layout's folder names are, the target that names this very file is the one.
    for (const PolicyTarget &candidate : candidates)
        if (candidate.relativePath() == relativePath)
            return candidate;
    return std::nullopt;
}

PolicyEditor::PolicyEditor(workspace::WorkspaceDocument &document, PolicyTarget target, QWidget *parent)
    : QWidget(parent), m_document(document), m_target(std::move(target)), m_checker(new PolicyChecker(this))
{
    setObjectName(QStringLiteral("policyEditor"));
    setAccessibleName(tr("Policy editor: %1").arg(m_target.title()));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    // The header: what is edited, and the document's tools.
    auto *header = new QWidget;
    header->setObjectName(QStringLiteral("policyHeader"));
    auto *bar = new QHBoxLayout(header);
    bar->setContentsMargins(12, 6, 8, 6);
    auto *title = new QLabel;
    m_title = title;
    title->setObjectName(QStringLiteral("policyTitle"));
    title->setTextFormat(Qt::RichText);
    title->setToolTip(QString::fromStdString(m_target.relativePath()));
    bar->addWidget(title);
    bar->addStretch();
    m_snippetsButton = new QToolButton;
    m_snippetsButton->setObjectName(QStringLiteral("policySnippetsButton"));
    m_snippetsButton->setText(tr("Insert &Snippet"));
    m_snippetsButton->setAccessibleName(tr("Insert snippet"));
    m_snippetsButton->setPopupMode(QToolButton::InstantPopup);
    m_snippetsButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *snippetMenu = new QMenu(m_snippetsButton);
    snippetMenu->setObjectName(QStringLiteral("policySnippetsMenu"));
    for (const PolicySnippet &snippet : policySnippets()) {
        QAction *action = snippetMenu->addAction(snippet.title);
        action->setObjectName(QStringLiteral("snippet-") + snippet.id);
        action->setToolTip(snippet.description);
        action->setStatusTip(snippet.description);
        connect(action, &QAction::triggered, this, [this, id = snippet.id] { insertSnippet(id); });
    }
    snippetMenu->setToolTipsVisible(true);
    m_snippetsButton->setMenu(snippetMenu);
    bar->addWidget(m_snippetsButton);
    layout->addWidget(header);

    m_pages = new QStackedWidget;
    m_pages->setObjectName(QStringLiteral("policyPages"));
    setupText();
    m_pages->addWidget(m_text);

    // The empty state: an entity without a policy.
    m_emptyPage = new QWidget;
    m_emptyPage->setObjectName(QStringLiteral("policyEmptyPage"));
    auto *emptyLayout = new QVBoxLayout(m_emptyPage);
    emptyLayout->setContentsMargins(24, 24, 24, 24);
    emptyLayout->addStretch();
    m_emptyMessage = new QLabel;
    m_emptyMessage->setObjectName(QStringLiteral("policyEmptyMessage"));
    m_emptyMessage->setWordWrap(true);
    m_emptyMessage->setAlignment(Qt::AlignCenter);
    emptyLayout->addWidget(m_emptyMessage);
    m_createButton = new QPushButton(tr("&Create Policy"));
    m_createButton->setObjectName(QStringLiteral("createPolicyButton"));
    m_createButton->setAccessibleName(tr("Create policy"));
    connect(m_createButton, &QPushButton::clicked, this, &PolicyEditor::createPolicy);
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addStretch();
    buttonRow->addWidget(m_createButton);
    buttonRow->addStretch();
    emptyLayout->addLayout(buttonRow);
    emptyLayout->addStretch(2);
    m_pages->addWidget(m_emptyPage);
    layout->addWidget(m_pages, 1);

    // The status line: the check's verdict, and the detail of the completion item or the hovered name.
    auto *statusBar = new QWidget;
    statusBar->setObjectName(QStringLiteral("policyStatusBar"));
    auto *statusLayout = new QHBoxLayout(statusBar);
    statusLayout->setContentsMargins(12, 3, 12, 3);
    m_status = new ElidingLabel;
    m_status->setObjectName(QStringLiteral("policyStatus"));
    m_status->setAccessibleName(tr("Problems of this policy"));
    m_status->setTextFormat(Qt::PlainText);
    m_detail = new ElidingLabel;
    m_detail->setObjectName(QStringLiteral("policyDetail"));
    m_detail->setAccessibleName(tr("Help for the selected item"));
    m_detail->setTextFormat(Qt::PlainText);
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_detail->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_status->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_detail->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    statusLayout->addWidget(m_status, 1);
    statusLayout->addSpacing(16);
    statusLayout->addWidget(m_detail, 1);
    m_detail->hide();
    layout->addWidget(statusBar);

    // Hover help and diagnostic messages, in a tip window of our own so that it can be themed and found.
    m_hover = new QLabel(this, Qt::ToolTip);
    m_hover->setObjectName(QStringLiteral("policyHover"));
    m_hover->setTextFormat(Qt::RichText);
    m_hover->setMargin(6);
    m_hover->hide();

    setupActions();
    applyPalette();
    setFocusProxy(m_text);

    connect(m_checker, &PolicyChecker::checked, this, &PolicyEditor::showDiagnostics);
    connect(&m_document, &workspace::WorkspaceDocument::entityChanged, this,
            [this](workspace::EntityKind kind, const QString &oldName, const QString &newName) {
                using workspace::EntityKind;
                if (kind == EntityKind::NamedValue || kind == EntityKind::Backend || kind == EntityKind::PolicyFragment)
                    m_references.reset();
                // A renamed owner: follow it.
                if (sameOwner(m_target, kind, oldName) && !newName.isEmpty() && oldName != newName &&
                    m_target.scope != PolicyTarget::Scope::Global)
                    m_target.name = newName.toStdString();
                if (sameOwner(m_target, kind, oldName) || sameOwner(m_target, kind, newName))
                    refreshFromDocument();
            });
    connect(&m_document, &workspace::WorkspaceDocument::modelChanged, this, &PolicyEditor::refreshFromDocument);
    refreshFromDocument();
}

PolicyEditor::~PolicyEditor() = default;

void PolicyEditor::setupText()
{
    m_text = new QsciScintilla;
    m_text->setObjectName(QStringLiteral("policyText"));
    m_text->setAccessibleName(tr("Policy text"));
    m_text->setUtf8(true);
    m_lexer = new PolicyLexer(m_text);
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_lexer->setDefaultFont(font);
    m_lexer->setFont(font, -1);
    m_text->setLexer(m_lexer);

    m_text->setMarginType(0, QsciScintilla::NumberMargin);
    m_text->setMarginLineNumbers(0, true);
    m_text->setMarginWidth(0, QStringLiteral("00000"));
    m_text->setMarginType(1, QsciScintilla::SymbolMargin);
    m_text->setMarginWidth(1, 14);
    m_text->setMarginSensitivity(1, false);
    m_text->markerDefine(QsciScintilla::Circle, ErrorMarker);
    m_text->markerDefine(QsciScintilla::Circle, WarningMarker);
    m_text->setFolding(QsciScintilla::BoxedTreeFoldStyle, 2);
    m_text->setBraceMatching(QsciScintilla::SloppyBraceMatch);
    m_text->setAutoIndent(true);
    m_text->setIndentationGuides(true);
    m_text->setTabWidth(4);
    m_text->setCaretLineVisible(true);
    m_text->setAutoCompletionSource(QsciScintilla::AcsNone);
    m_text->setEolMode(QsciScintilla::EolUnix);
    m_text->setWrapMode(QsciScintilla::WrapNone);
    m_text->setScrollWidthTracking(true);
    m_text->setScrollWidth(1);

    // The document's undo stack is the only history: Scintilla keeps none, and its undo keys are left to the
    // window's Edit menu. Ctrl+/ is the comment toggle here, not a cursor move.
    m_text->SendScintilla(Sci::SCI_SETUNDOCOLLECTION, 0UL);
    m_text->SendScintilla(Sci::SCI_EMPTYUNDOBUFFER);
    for (QsciCommand::Command command :
         {QsciCommand::Undo, QsciCommand::Redo, QsciCommand::WordPartLeft, QsciCommand::WordPartRight}) {
        if (QsciCommand *bound = m_text->standardCommands()->find(command)) {
            bound->setKey(0);
            bound->setAlternateKey(0);
        }
    }

    m_text->SendScintilla(Sci::SCI_SETMOUSEDWELLTIME, 450UL);
    m_text->SendScintilla(Sci::SCI_AUTOCSETSEPARATOR, static_cast<unsigned long>('\n'));
    m_text->SendScintilla(Sci::SCI_AUTOCSETIGNORECASE, 1UL);
    m_text->SendScintilla(Sci::SCI_AUTOCSETORDER, static_cast<unsigned long>(Sci::SC_ORDER_CUSTOM));
    m_text->SendScintilla(Sci::SCI_AUTOCSETMAXHEIGHT, 10UL);
    m_text->SendScintilla(Sci::SCI_AUTOCSETMAXWIDTH, 60UL);
    m_text->SendScintilla(Sci::SCI_AUTOCSETDROPRESTOFWORD, 1UL);
    for (int indicator : {ErrorIndicator, WarningIndicator}) {
        m_text->SendScintilla(Sci::SCI_INDICSETSTYLE, static_cast<unsigned long>(indicator),
                              static_cast<long>(Sci::INDIC_SQUIGGLE));
        m_text->SendScintilla(Sci::SCI_INDICSETUNDER, static_cast<unsigned long>(indicator), 1L);
    }

    connect(m_text, &QsciScintilla::textChanged, this, &PolicyEditor::onTextChanged);
    connect(m_text, &QsciScintillaBase::SCN_CHARADDED, this, &PolicyEditor::onCharAdded);
    connect(m_text, &QsciScintillaBase::SCN_AUTOCCOMPLETED, this,
            [this](const char *selection, int position, int, int) { onCompleted(selection, position); });
    connect(m_text, &QsciScintillaBase::SCN_AUTOCSELECTIONCHANGE, this,
            [this](const char *selection, int, int) { onSelectionChange(selection); });
    connect(m_text, &QsciScintillaBase::SCN_AUTOCCANCELLED, this, [this] { setDetail({}); });
    connect(m_text, &QsciScintillaBase::SCN_DWELLSTART, this, &PolicyEditor::showHover);
    connect(m_text, &QsciScintillaBase::SCN_DWELLEND, this, [this](int, int, int) { hideHover(); });
    m_text->installEventFilter(this);
}

void PolicyEditor::setupActions()
{
    auto add = [this](const QString &text, const QString &name, const QKeySequence &key, auto slot) {
        auto *action = new QAction(text, this);
        action->setObjectName(name);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        return action;
    };
    add(tr("Complete"), QStringLiteral("policyCompleteAction"), QKeySequence(Qt::CTRL | Qt::Key_Space),
        [this] { showCompletions(); });
    add(tr("Show Help at Cursor"), QStringLiteral("policyShowHelpAction"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Space), [this] { showHoverAt(); });
    QAction *comment = add(tr("Toggle &Comment"), QStringLiteral("policyToggleCommentAction"),
                           QKeySequence(Qt::CTRL | Qt::Key_Slash), [this] { toggleComment(); });
    QAction *format = add(tr("&Format Document"), QStringLiteral("policyFormatAction"),
                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I), [this] { formatDocument(); });
    // The same commands as buttons, with their keys in the tips.
    auto *header = findChild<QWidget *>(QStringLiteral("policyHeader"));
    auto *bar = static_cast<QHBoxLayout *>(header->layout());
    for (QAction *action : {comment, format}) {
        auto *button = new QToolButton;
        button->setDefaultAction(action);
        button->setObjectName(action->objectName().replace(QLatin1String("Action"), QLatin1String("Button")));
        button->setAccessibleName(action->text().remove(QLatin1Char('&')));
        button->setToolTip(QStringLiteral("%1 (%2)").arg(action->text().remove(QLatin1Char('&')),
                                                         action->shortcut().toString(QKeySequence::NativeText)));
        bar->addWidget(button);
    }
    setTabOrder(m_snippetsButton, findChild<QToolButton *>(QStringLiteral("policyToggleCommentButton")));
}

void PolicyEditor::applyPalette()
{
    const QPalette palette = this->palette();
    const QColor paper = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    const bool dark = paper.lightness() < 128;
    m_lexer->setColours(dark, paper, text);
    m_text->setPaper(paper);
    m_text->setColor(text);
    m_text->setCaretForegroundColor(text);
    m_text->setCaretLineBackgroundColor(dark ? paper.lighter(130) : QColor(0xf3, 0xf6, 0xfb));
    m_text->setSelectionBackgroundColor(palette.color(QPalette::Highlight));
    m_text->setSelectionForegroundColor(palette.color(QPalette::HighlightedText));
    m_text->setMarginsBackgroundColor(dark ? paper.lighter(115) : palette.color(QPalette::Window));
    m_text->setMarginsForegroundColor(palette.color(QPalette::PlaceholderText));
    m_text->setFoldMarginColors(dark ? paper.lighter(115) : palette.color(QPalette::Window),
                                dark ? paper.lighter(115) : palette.color(QPalette::Window));
    m_text->setMatchedBraceBackgroundColor(dark ? QColor(0x3a, 0x5a, 0x7a) : QColor(0xc8, 0xe1, 0xff));
    m_text->setMatchedBraceForegroundColor(text);
    m_text->setUnmatchedBraceForegroundColor(dark ? QColor(0xf4, 0x87, 0x71) : QColor(0xc0, 0x00, 0x00));
    m_text->setIndentationGuidesForegroundColor(dark ? QColor(0x40, 0x40, 0x40) : QColor(0xd8, 0xd8, 0xd8));
    m_text->setIndentationGuidesBackgroundColor(paper);
    const QColor error = dark ? QColor(0xf1, 0x4c, 0x4c) : QColor(0xe5, 0x14, 0x00);
    const QColor warning = dark ? QColor(0xcc, 0xa7, 0x00) : QColor(0xbf, 0x88, 0x03);
    m_text->SendScintilla(Sci::SCI_INDICSETFORE, static_cast<unsigned long>(ErrorIndicator), sciColour(error));
    m_text->SendScintilla(Sci::SCI_INDICSETFORE, static_cast<unsigned long>(WarningIndicator), sciColour(warning));
    m_text->setMarkerBackgroundColor(error, ErrorMarker);
    m_text->setMarkerForegroundColor(error, ErrorMarker);
    m_text->setMarkerBackgroundColor(warning, WarningMarker);
    m_text->setMarkerForegroundColor(warning, WarningMarker);
    m_text->SendScintilla(Sci::SCI_CALLTIPSETBACK, sciColour(palette.color(QPalette::ToolTipBase)));
    m_text->SendScintilla(Sci::SCI_CALLTIPSETFORE, sciColour(palette.color(QPalette::ToolTipText)));
    // Scintilla reads colours when it styles: restyle everything.
    m_text->recolor();
    // The file's path in the header, quieter than the title.
    m_title->setText(QStringLiteral("<b>%1</b>&nbsp;&nbsp;<span style=\"color:%3\">%2</span>")
                         .arg(m_target.title().toHtmlEscaped(),
                              QString::fromStdString(m_target.relativePath()).toHtmlEscaped(),
                              mixed(palette.color(QPalette::Text), paper, 0.45).name()));
    m_hover->setPalette(QApplication::palette("QToolTip"));
    m_hover->setStyleSheet(QStringLiteral("QLabel#policyHover { background: %1; color: %2; border: 1px solid %3; }")
                               .arg(palette.color(QPalette::ToolTipBase).name(),
                                    palette.color(QPalette::ToolTipText).name(), palette.color(QPalette::Mid).name()));
    updateStatus();
}

void PolicyEditor::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_lexer)
        applyPalette();
}

bool PolicyEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_text &&
        (event->type() == QEvent::FocusOut || event->type() == QEvent::Leave || event->type() == QEvent::KeyPress))
        hideHover();
    return QWidget::eventFilter(watched, event);
}

bool PolicyEditor::hasPolicy() const
{
    return workspace::policyText(m_document.model(), m_target).has_value();
}

std::string PolicyEditor::currentText() const
{
    const auto length = static_cast<std::size_t>(m_text->SendScintilla(Sci::SCI_GETLENGTH));
    const char *data = reinterpret_cast<const char *>(m_text->SendScintilla(Sci::SCI_GETCHARACTERPOINTER));
    return data ? std::string(data, length) : std::string();
}

int PolicyEditor::cursorPosition() const
{
    return static_cast<int>(m_text->SendScintilla(Sci::SCI_GETCURRENTPOS));
}

void PolicyEditor::refreshFromDocument()
{
    if (m_syncing)
        return;
    const auto text = workspace::policyText(m_document.model(), m_target);
    if (!text) {
        const bool owner = workspace::policyOwnerExists(m_document.model(), m_target);
        m_emptyMessage->setText(
            owner ? tr("<p><b>%1 has no policy yet.</b></p><p>A policy adds steps to the requests it handles. A new "
                       "one starts with <code>&lt;base /&gt;</code> in each section, so it does what the enclosing "
                       "scope does until you add to it.</p>")
                        .arg(m_target.title().toHtmlEscaped())
                  : tr("<p><b>%1 no longer exists.</b></p><p>It was removed or renamed; close this tab.</p>")
                        .arg(m_target.title().toHtmlEscaped()));
        m_createButton->setVisible(owner);
        m_pages->setCurrentWidget(m_emptyPage);
        m_snippetsButton->setEnabled(false);
        for (auto *button : findChildren<QToolButton *>())
            if (button != m_snippetsButton && button->defaultAction())
                button->setEnabled(false);
        if (!m_diagnostics.empty()) {
            m_diagnostics.clear();
            emit diagnosticsChanged(QString::fromStdString(m_target.relativePath()), m_diagnostics);
        }
        m_status->clear();
        return;
    }
    m_pages->setCurrentWidget(m_text);
    m_snippetsButton->setEnabled(true);
    for (auto *button : findChildren<QToolButton *>())
        button->setEnabled(true);
    const std::string current = currentText();
    if (current == *text)
        return;
    if (current.empty()) {
        m_syncing = true;
        m_text->setIndentationsUseTabs(detectIndent(*text) == "\t");
        m_text->SendScintilla(Sci::SCI_SETTEXT, text->c_str());
        m_text->SendScintilla(Sci::SCI_GOTOPOS, 0UL);
        m_text->SendScintilla(Sci::SCI_EMPTYUNDOBUFFER);
        m_syncing = false;
    } else {
        // Only the part that differs is replaced: the view keeps its place, the cursor lands after the change.
        std::size_t prefix = 0;
        const std::size_t shorter = std::min(current.size(), text->size());
        while (prefix < shorter && current[prefix] == (*text)[prefix])
            ++prefix;
        std::size_t suffix = 0;
        while (suffix < shorter - prefix && current[current.size() - 1 - suffix] == (*text)[text->size() - 1 - suffix])
            ++suffix;
        replaceRange(prefix, current.size() - suffix, text->substr(prefix, text->size() - suffix - prefix));
    }
    ++m_burst; // what comes next is a new typing burst
    m_lastEditPosition = -1;
    scheduleCheck();
}

void PolicyEditor::replaceRange(std::size_t begin, std::size_t end, const std::string &text)
{
    m_syncing = true;
    m_text->SendScintilla(Sci::SCI_SETTARGETRANGE, static_cast<unsigned long>(begin), static_cast<long>(end));
    m_text->SendScintilla(Sci::SCI_REPLACETARGET, static_cast<unsigned long>(text.size()), text.c_str());
    m_text->SendScintilla(Sci::SCI_GOTOPOS, static_cast<unsigned long>(begin + text.size()));
    m_syncing = false;
}

void PolicyEditor::setWholeText(const std::string &text, const QString &undoText)
{
    const int line = static_cast<int>(m_text->SendScintilla(Sci::SCI_LINEFROMPOSITION, cursorPosition()));
    const int firstVisible = m_text->firstVisibleLine();
    const std::string current = currentText();
    if (current == text)
        return;
    m_syncing = true;
    std::size_t prefix = 0;
    const std::size_t shorter = std::min(current.size(), text.size());
    while (prefix < shorter && current[prefix] == text[prefix])
        ++prefix;
    std::size_t suffix = 0;
    while (suffix < shorter - prefix && current[current.size() - 1 - suffix] == text[text.size() - 1 - suffix])
        ++suffix;
    m_text->SendScintilla(Sci::SCI_SETTARGETRANGE, static_cast<unsigned long>(prefix),
                          static_cast<long>(current.size() - suffix));
    const std::string middle = text.substr(prefix, text.size() - suffix - prefix);
    m_text->SendScintilla(Sci::SCI_REPLACETARGET, static_cast<unsigned long>(middle.size()), middle.c_str());
    // The cursor stays on its line, after the indentation; the view stays where it was.
    const long lineStart = m_text->SendScintilla(Sci::SCI_POSITIONFROMLINE, static_cast<unsigned long>(line));
    m_text->SendScintilla(Sci::SCI_GOTOPOS, static_cast<unsigned long>(m_text->SendScintilla(
                                                Sci::SCI_GETLINEINDENTPOSITION, static_cast<unsigned long>(line))));
    (void)lineStart;
    m_text->setFirstVisibleLine(firstVisible);
    m_syncing = false;
    ++m_burst;
    workspace::setPolicyText(m_document, m_target, currentText(), undoText);
    ++m_burst;
    scheduleCheck();
}

void PolicyEditor::onTextChanged()
{
    if (m_syncing)
        return;
    hideHover();
    if (!isCompletionActive())
        setDetail({});
    const int position = cursorPosition();
    // A pause or a jump of the cursor starts a new step; the edits one key makes at once (a new line and its
    // indentation, a completion and its quotes) stay in one.
    const bool sameKey = m_lastEdit.isValid() && m_lastEdit.elapsed() < SameKeyMs;
    if (!sameKey && (!m_lastEdit.isValid() || m_lastEdit.elapsed() > BurstPauseMs || m_lastEditPosition < 0 ||
                     std::abs(position - m_lastEditPosition) > 1))
        ++m_burst;
    m_lastEdit.start();
    m_lastEditPosition = position;
    m_syncing = true; // the document's notice of this very change needs no refresh
    workspace::setPolicyText(
        m_document, m_target, currentText(), tr("Edit %1").arg(m_target.title()),
        QStringLiteral("policy/%1#%2").arg(QString::fromStdString(m_target.relativePath())).arg(m_burst));
    m_syncing = false;
    scheduleCheck();
}

std::shared_ptr<const gw::model::Workspace> PolicyEditor::references()
{
    if (!m_references)
        m_references = referenceSnapshot(m_document.model());
    return m_references;
}

void PolicyEditor::setSnippetMode(bool snippet)
{
    m_snippetMode = snippet;
    scheduleCheck();
}

bool PolicyEditor::isChecking() const
{
    return m_checker->isBusy();
}

void PolicyEditor::scheduleCheck()
{
    if (m_pages->currentWidget() != m_text)
        return;
    m_checker->check(CheckRequest{currentText(), m_target.relativePath(), documentKind(m_target.scope), references(),
                                  m_snippetMode});
}

void PolicyEditor::showDiagnostics(const QString &checkedText, const gw::Diagnostics &diagnostics)
{
    const std::string text = currentText();
    if (checkedText.toStdString() != text)
        return; // a later check is on its way
    const std::string file = m_target.relativePath();
    m_diagnostics.clear();
    for (const auto &d : diagnostics)
        if (d.location.file == file && d.severity != gw::Severity::Note)
            m_diagnostics.push_back(d);
        else if (d.location.file == file && !m_diagnostics.empty()) // a note belongs to the message before it
            m_diagnostics.push_back(d);

    const auto length = static_cast<long>(text.size());
    for (int indicator : {ErrorIndicator, WarningIndicator}) {
        m_text->SendScintilla(Sci::SCI_SETINDICATORCURRENT, static_cast<unsigned long>(indicator));
        m_text->SendScintilla(Sci::SCI_INDICATORCLEARRANGE, 0UL, length);
    }
    m_text->markerDeleteAll(ErrorMarker);
    m_text->markerDeleteAll(WarningMarker);
    m_marks.clear();
    for (std::size_t i = 0; i < m_diagnostics.size(); ++i) {
        const gw::Diagnostic &d = m_diagnostics[i];
        if (d.severity == gw::Severity::Note)
            continue;
        const CharacterRange range = diagnosticRange(text, d.location.line, d.location.column);
        m_marks.push_back({range.begin, range.end, i});
        const int indicator = d.severity == gw::Severity::Error ? ErrorIndicator : WarningIndicator;
        m_text->SendScintilla(Sci::SCI_SETINDICATORCURRENT, static_cast<unsigned long>(indicator));
        m_text->SendScintilla(Sci::SCI_INDICATORFILLRANGE, static_cast<unsigned long>(range.begin),
                              static_cast<long>(std::max<std::size_t>(range.end - range.begin, 1)));
        if (d.location.line > 0)
            m_text->markerAdd(d.location.line - 1, d.severity == gw::Severity::Error ? ErrorMarker : WarningMarker);
    }
    updateStatus();
    emit diagnosticsChanged(QString::fromStdString(file), m_diagnostics);
}

void PolicyEditor::setDetail(const QString &text)
{
    // Hidden when empty, so that the check's verdict has the whole line.
    m_detail->setText(text);
    m_detail->setToolTip(text);
    m_detail->setVisible(!text.isEmpty());
}

void PolicyEditor::updateStatus()
{
    if (!m_status)
        return;
    int errors = 0, warnings = 0;
    for (const auto &d : m_diagnostics) {
        errors += d.severity == gw::Severity::Error;
        warnings += d.severity == gw::Severity::Warning;
    }
    const QPalette palette = this->palette();
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    QString text;
    QColor colour = palette.color(QPalette::PlaceholderText);
    if (errors == 0 && warnings == 0) {
        text = tr("No problems");
    } else {
        QStringList parts;
        if (errors > 0)
            parts << (errors == 1 ? tr("1 error") : tr("%1 errors").arg(errors));
        if (warnings > 0)
            parts << (warnings == 1 ? tr("1 warning") : tr("%1 warnings").arg(warnings));
        const auto &first = m_diagnostics.front();
        text = tr("%1 — line %2: %3")
                   .arg(parts.join(tr(", ")))
                   .arg(first.location.line)
                   .arg(QString::fromStdString(first.message));
        colour = errors > 0 ? (dark ? QColor(0xf1, 0x4c, 0x4c) : QColor(0xc4, 0x1a, 0x16))
                            : (dark ? QColor(0xcc, 0xa7, 0x00) : QColor(0x9a, 0x6b, 0x00));
    }
    m_status->setText(text);
    m_status->setToolTip(text);
    QPalette statusPalette = m_status->palette();
    statusPalette.setColor(QPalette::WindowText, colour);
    m_status->setPalette(statusPalette);
}

QString PolicyEditor::hoverText(int position) const
{
    if (position < 0)
        return {};
    const auto at = static_cast<std::size_t>(position);
    QStringList parts;
    for (const Mark &mark : m_marks) {
        if (at >= mark.begin && (at < mark.end || (mark.end == mark.begin && at == mark.begin))) {
            const gw::Diagnostic &d = m_diagnostics[mark.diagnostic];
            const QString severity = d.severity == gw::Severity::Error ? tr("Error") : tr("Warning");
            parts << QStringLiteral("<b>%1:</b> %2").arg(severity, QString::fromStdString(d.message).toHtmlEscaped());
            // Notes that follow it.
            for (std::size_t i = mark.diagnostic + 1;
                 i < m_diagnostics.size() && m_diagnostics[i].severity == gw::Severity::Note; ++i)
                parts << QString::fromStdString(m_diagnostics[i].message).toHtmlEscaped();
        }
    }
    const std::string help = hoverHelp(currentText(), at);
    if (!help.empty())
        parts << QString::fromStdString(help).toHtmlEscaped();
    return parts.join(QStringLiteral("<br>"));
}

void PolicyEditor::showHover(int position, int x, int y)
{
    if (position < 0 || isCompletionActive())
        return;
    const QString text = hoverText(position);
    if (text.isEmpty()) {
        hideHover();
        return;
    }
    // One line when it fits; wrapped at a readable width when it does not.
    constexpr int MaxWidth = 560;
    m_hover->setText(text);
    m_hover->setWordWrap(false);
    const QSize natural = m_hover->sizeHint(); // not adjustSize(): it caps windows at part of the screen
    if (natural.width() > MaxWidth) {
        m_hover->setWordWrap(true);
        m_hover->resize(MaxWidth, m_hover->heightForWidth(MaxWidth));
    } else {
        m_hover->resize(natural);
    }
    const int lineHeight = static_cast<int>(m_text->SendScintilla(Sci::SCI_TEXTHEIGHT, 0UL));
    // Under the character, kept inside the text area so that it is never cut by the window's edge.
    const QRect area(m_text->viewport()->mapToGlobal(QPoint(0, 0)), m_text->viewport()->size());
    QPoint at = m_text->viewport()->mapToGlobal(QPoint(x, y + lineHeight));
    at.setX(std::max(area.left(), std::min(at.x(), area.right() - m_hover->width())));
    m_hover->move(at);
    m_hover->show();
    m_hover->raise();
}

void PolicyEditor::showHoverAt(int position)
{
    if (position < 0)
        position = cursorPosition();
    const auto at = static_cast<unsigned long>(position);
    const int x = static_cast<int>(m_text->SendScintilla(Sci::SCI_POINTXFROMPOSITION, 0UL, static_cast<long>(at)));
    const int y = static_cast<int>(m_text->SendScintilla(Sci::SCI_POINTYFROMPOSITION, 0UL, static_cast<long>(at)));
    showHover(position, x, y);
}

void PolicyEditor::hideHover()
{
    if (m_hover)
        m_hover->hide();
}

CompletionSources PolicyEditor::sources() const
{
    CompletionSources sources;
    const auto &model = m_document.model();
    for (const auto &named : model.namedValues)
        sources.namedValues.push_back(named.displayName ? *named.displayName : named.name);
    for (const auto &fragment : model.policyFragments)
        if (!(m_target.scope == PolicyTarget::Scope::Fragment && fragment.name == m_target.name))
            sources.fragments.push_back(fragment.name);
    for (const auto &backend : model.backends)
        sources.backends.push_back(backend.name);
    return sources;
}

bool PolicyEditor::isCompletionActive() const
{
    return m_text->SendScintilla(Sci::SCI_AUTOCACTIVE) != 0;
}

bool PolicyEditor::showCompletions()
{
    const std::string text = currentText();
    const auto cursor = static_cast<std::size_t>(cursorPosition());
    const CompletionContext context = completionContext(text, cursor);
    std::vector<CompletionItem> items = completions(context, sources());
    if (items.empty()) {
        if (isCompletionActive())
            m_text->SendScintilla(Sci::SCI_AUTOCCANCEL);
        return false;
    }
    m_completion = std::move(items);
    m_completionKind = context.kind;
    m_completionTexts.clear();
    QByteArray list;
    for (const auto &item : m_completion) {
        m_completionTexts << QString::fromStdString(item.text);
        if (!list.isEmpty())
            list += '\n';
        list += QByteArray::fromStdString(item.text);
    }
    m_text->SendScintilla(Sci::SCI_AUTOCSHOW, static_cast<unsigned long>(cursor - context.replaceBegin),
                          list.constData());
    if (!m_completion.empty())
        onSelectionChange(nullptr);
    return true;
}

void PolicyEditor::onSelectionChange(const char *selection)
{
    QString current;
    if (selection)
        current = QString::fromUtf8(selection);
    else if (isCompletionActive()) {
        QByteArray buffer(512, '\0');
        m_text->SendScintilla(Sci::SCI_AUTOCGETCURRENTTEXT, 0UL, buffer.data());
        current = QString::fromUtf8(buffer.constData());
    }
    for (const auto &item : m_completion)
        if (QString::fromStdString(item.text) == current) {
            setDetail(QString::fromStdString(item.detail));
            return;
        }
    setDetail({});
}

void PolicyEditor::onCompleted(const char *selection, int position)
{
    (void)position;
    const QString chosen = QString::fromUtf8(selection);
    setDetail({});
    const auto at = static_cast<unsigned long>(cursorPosition());
    if (m_completionKind == CompletionContext::Kind::Attribute) {
        const std::string text = currentText();
        if (at >= text.size() || text[at] != '=') {
            m_text->SendScintilla(Sci::SCI_INSERTTEXT, at, "=\"\"");
            m_text->SendScintilla(Sci::SCI_GOTOPOS, at + 2);
            showCompletions();
        }
    } else if (m_completionKind == CompletionContext::Kind::Member) {
        for (const auto &item : m_completion)
            if (QString::fromStdString(item.text) == chosen && item.kind == CompletionItem::Kind::Method) {
                const std::string text = currentText();
                if (at >= text.size() || text[at] != '(') {
                    m_text->SendScintilla(Sci::SCI_INSERTTEXT, at, "()");
                    m_text->SendScintilla(Sci::SCI_GOTOPOS, at + 1);
                    const std::string signature = signatureAt(currentText(), at + 1);
                    if (!signature.empty())
                        m_text->SendScintilla(Sci::SCI_CALLTIPSHOW, at + 1, signature.c_str());
                }
                break;
            }
    }
}

void PolicyEditor::onCharAdded(int ch)
{
    if (m_syncing)
        return;
    const auto cursor = static_cast<std::size_t>(cursorPosition());
    if (ch == '\n') {
        // Deeper after a start tag; a closing tag right after the cursor goes to its own line.
        const int line = static_cast<int>(m_text->SendScintilla(Sci::SCI_LINEFROMPOSITION, cursor));
        if (line == 0)
            return;
        const std::string text = currentText();
        const PolicyStyling styling = stylePolicy(text);
        const int previousIndent = m_text->indentation(line - 1);
        const bool deeper =
            static_cast<std::size_t>(line) < styling.lineDepth.size() &&
            styling.lineDepth[static_cast<std::size_t>(line)] > styling.lineDepth[static_cast<std::size_t>(line - 1)];
        std::size_t rest = cursor;
        while (rest < text.size() && (text[rest] == ' ' || text[rest] == '\t'))
            ++rest;
        const bool closingNext = text.compare(rest, 2, "</") == 0;
        if (deeper || closingNext) {
            const int width = m_text->indentationWidth() > 0 ? m_text->indentationWidth() : m_text->tabWidth();
            if (closingNext && deeper) {
                // <a>|</a> + Enter: the closing tag moves down at the outer level, the cursor sits inside.
                m_text->SendScintilla(Sci::SCI_INSERTTEXT, static_cast<unsigned long>(cursor), "\n");
                m_text->setIndentation(line + 1, previousIndent);
            }
            m_text->setIndentation(line, deeper ? previousIndent + width : previousIndent);
            m_text->SendScintilla(Sci::SCI_GOTOPOS,
                                  static_cast<unsigned long>(m_text->SendScintilla(Sci::SCI_GETLINEINDENTPOSITION,
                                                                                   static_cast<unsigned long>(line))));
        }
        return;
    }
    if (ch == '(' || ch == ',') {
        const std::string signature = signatureAt(currentText(), cursor);
        if (!signature.empty())
            m_text->SendScintilla(Sci::SCI_CALLTIPSHOW, static_cast<unsigned long>(cursor), signature.c_str());
        return;
    }
    if (ch == ')') {
        m_text->SendScintilla(Sci::SCI_CALLTIPCANCEL);
        return;
    }
    // A list already open filters itself as one types a name; a trigger character starts a new one.
    const bool trigger = ch == '<' || ch == '.' || ch == '{' || ch == '"' || ch == '\'' || ch == ' ' || ch == '/';
    const bool nameChar = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_' || ch == '-';
    if (isCompletionActive() && !trigger)
        return;
    if (!trigger && !nameChar)
        return;
    if (ch == ' ' || nameChar) {
        // Only where a name is expected: in a tag, or in an expression.
        const CompletionContext context = completionContext(currentText(), cursor);
        using K = CompletionContext::Kind;
        if (context.kind != K::Attribute && context.kind != K::Element && context.kind != K::Member)
            return;
        if (ch == ' ' && context.kind == K::Member)
            return;
        if (nameChar && context.prefix.size() != 1 && context.kind != K::Attribute && context.kind != K::Element)
            return;
    }
    if (ch == '{' && !(cursor >= 2 && currentText()[cursor - 2] == '{'))
        return;
    showCompletions();
}

void PolicyEditor::goTo(int line, int column)
{
    if (m_pages->currentWidget() != m_text)
        return;
    const std::string text = currentText();
    const std::size_t offset = offsetOf(text, std::max(line, 1), std::max(column, 1));
    m_text->SendScintilla(Sci::SCI_GOTOPOS, static_cast<unsigned long>(offset));
    m_text->SendScintilla(Sci::SCI_SCROLLCARET);
    // Leave some context above the line rather than putting it at the very edge.
    const int caretLine = static_cast<int>(m_text->SendScintilla(Sci::SCI_LINEFROMPOSITION, offset));
    const int visible = static_cast<int>(m_text->SendScintilla(Sci::SCI_LINESONSCREEN));
    if (caretLine < m_text->firstVisibleLine() + 2 || caretLine > m_text->firstVisibleLine() + visible - 3)
        m_text->setFirstVisibleLine(std::max(0, caretLine - visible / 3));
    m_text->setFocus();
}

void PolicyEditor::createPolicy()
{
    if (hasPolicy() || !workspace::policyOwnerExists(m_document.model(), m_target))
        return;
    workspace::setPolicyText(m_document, m_target, skeleton(m_target.scope),
                             tr("Create Policy for %1").arg(m_target.title()));
    // refreshFromDocument() ran on the change; start in the first section.
    const std::string text = currentText();
    const std::size_t base = text.find("<base />");
    const std::size_t at = base != std::string::npos ? base : text.find('\n') + 2;
    m_text->SendScintilla(Sci::SCI_GOTOPOS, static_cast<unsigned long>(std::min(at, text.size())));
    m_text->setFocus();
}

void PolicyEditor::formatDocument()
{
    if (m_pages->currentWidget() != m_text)
        return;
    const std::string text = currentText();
    const std::string formatted = formatPolicy(text, m_text->indentationsUseTabs() ? "\t" : "    ");
    if (formatted == text) {
        setDetail(tr("The document is already formatted."));
        return;
    }
    setWholeText(formatted, tr("Format %1").arg(m_target.title()));
}

void PolicyEditor::toggleComment()
{
    if (m_pages->currentWidget() != m_text)
        return;
    int lineFrom = 0, indexFrom = 0, lineTo = 0, indexTo = 0;
    m_text->getSelection(&lineFrom, &indexFrom, &lineTo, &indexTo);
    if (lineFrom < 0) {
        int index = 0;
        m_text->getCursorPosition(&lineFrom, &index);
        lineTo = lineFrom;
    } else if (indexTo == 0 && lineTo > lineFrom) {
        --lineTo; // a selection that ends at a line's start leaves that line alone
    }
    const std::string text = currentText();
    const auto lineStart = [&](int line) {
        return static_cast<std::size_t>(
            m_text->SendScintilla(Sci::SCI_POSITIONFROMLINE, static_cast<unsigned long>(line)));
    };
    const auto lineEnd = [&](int line) {
        return static_cast<std::size_t>(
            m_text->SendScintilla(Sci::SCI_GETLINEENDPOSITION, static_cast<unsigned long>(line)));
    };
    struct Line {
        std::string indent, content;
    };
    std::vector<Line> lines;
    bool allCommented = true, any = false;
    for (int line = lineFrom; line <= lineTo; ++line) {
        const std::string whole = text.substr(lineStart(line), lineEnd(line) - lineStart(line));
        const std::size_t first = whole.find_first_not_of(" \t");
        Line parsed{whole.substr(0, first == std::string::npos ? whole.size() : first),
                    first == std::string::npos ? std::string() : whole.substr(first)};
        while (!parsed.content.empty() && (parsed.content.back() == ' ' || parsed.content.back() == '\t'))
            parsed.content.pop_back();
        if (!parsed.content.empty()) {
            any = true;
            if (!(parsed.content.rfind("<!--", 0) == 0 && parsed.content.size() >= 7 &&
                  parsed.content.compare(parsed.content.size() - 3, 3, "-->") == 0))
                allCommented = false;
        }
        lines.push_back(std::move(parsed));
    }
    if (!any)
        return;
    std::string replacement;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        Line &line = lines[i];
        if (i > 0)
            replacement += '\n';
        if (line.content.empty()) {
            replacement += line.indent;
            continue;
        }
        if (allCommented) {
            std::string inner = line.content.substr(4, line.content.size() - 7);
            if (!inner.empty() && inner.front() == ' ')
                inner.erase(0, 1);
            if (!inner.empty() && inner.back() == ' ')
                inner.pop_back();
            replacement += line.indent + inner;
        } else {
            replacement += line.indent + "<!-- " + line.content + " -->";
        }
    }
    std::string result = text;
    result.replace(lineStart(lineFrom), lineEnd(lineTo) - lineStart(lineFrom), replacement);
    setWholeText(result, allCommented ? tr("Uncomment") : tr("Comment Out"));
    m_text->setSelection(lineFrom, 0, lineTo, m_text->lineLength(lineTo) - (lineTo + 1 < m_text->lines() ? 1 : 0));
}

void PolicyEditor::insertSnippet(const QString &id)
{
    if (m_pages->currentWidget() != m_text)
        return;
    const auto &snippets = policySnippets();
    const auto found =
        std::find_if(snippets.begin(), snippets.end(), [&](const PolicySnippet &s) { return s.id == id; });
    if (found == snippets.end())
        return;
    const std::string text = currentText();
    const auto selectionStart = static_cast<std::size_t>(m_text->SendScintilla(Sci::SCI_GETSELECTIONSTART));
    const auto selectionEnd = static_cast<std::size_t>(m_text->SendScintilla(Sci::SCI_GETSELECTIONEND));
    const int line = static_cast<int>(m_text->SendScintilla(Sci::SCI_LINEFROMPOSITION, selectionStart));
    const auto lineStart =
        static_cast<std::size_t>(m_text->SendScintilla(Sci::SCI_POSITIONFROMLINE, static_cast<unsigned long>(line)));
    std::size_t indentEnd = lineStart;
    while (indentEnd < text.size() && (text[indentEnd] == ' ' || text[indentEnd] == '\t'))
        ++indentEnd;
    const std::string lineIndent = text.substr(lineStart, indentEnd - lineStart);
    const std::string unit = m_text->indentationsUseTabs() ? "\t" : "    ";
    // The body's tabs are levels: the document's own unit, under the line's indentation.
    std::string body;
    bool atLineStart = false;
    for (const char c : found->body.toStdString()) {
        if (atLineStart && c == '\t') {
            body += unit;
            continue;
        }
        if (atLineStart)
            atLineStart = false;
        body += c;
        if (c == '\n') {
            body += lineIndent;
            atLineStart = true;
        }
    }
    const std::size_t caret = body.find("$0");
    if (caret != std::string::npos)
        body.erase(caret, 2);
    std::string result = text;
    result.replace(selectionStart, selectionEnd - selectionStart, body);
    setWholeText(result, tr("Insert Snippet “%1”").arg(found->title));
    m_text->SendScintilla(Sci::SCI_GOTOPOS, static_cast<unsigned long>(
                                                selectionStart + (caret == std::string::npos ? body.size() : caret)));
    m_text->setFocus();
}

} // namespace gh::policies
