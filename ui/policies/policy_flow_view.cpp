#include "policy_flow_view.h"

#include "policy_flow_form.h"
#include "policy_flow_model.h"
#include "policy_flow_style.h"

#include <ui/workspace/workspace_document.h>

#include <QApplication>
#include <QComboBox>
#include <QCoreApplication>
#include <QDrag>
#include <QDragEnterEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QScopeGuard>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace gh::policies {

namespace policy = gw::policy;
using workspace::PolicyTarget;

namespace {

const char *const cardMime = "application/x-gatehouse-flow-card";

QString sectionKey(policy::Section section)
{
    return QString::fromUtf8(policy::toString(section).data());
}

int sectionIndex(policy::Section section)
{
    return static_cast<int>(section);
}

// Card and lane strings share the view's translation context.
QString trFlow(const char *text)
{
    return QCoreApplication::translate("gh::policies::PolicyFlowView", text);
}

QColor mixed(const QColor &a, const QColor &b, qreal amount)
{
    return QColor::fromRgbF(a.redF() + (b.redF() - a.redF()) * amount, a.greenF() + (b.greenF() - a.greenF()) * amount,
                            a.blueF() + (b.blueF() - a.blueF()) * amount);
}

// `text` as a first line that fits `width`, broken at a space when it can, and what is left.
std::pair<QString, QString> breakLine(const QString &text, const QFontMetrics &metrics, int width)
{
    if (metrics.horizontalAdvance(text) <= width)
        return {text, {}};
    int cut = 0;
    while (cut < text.size() && metrics.horizontalAdvance(text.left(cut + 1)) <= width)
        ++cut;
    if (const int space = text.lastIndexOf(QLatin1Char(' '), cut); space > 0)
        cut = space;
    QString rest = text.mid(cut).trimmed();
    if (rest.startsWith(QChar(0x00b7)))
        rest = rest.mid(1).trimmed();
    QString first = text.left(cut).trimmed();
    if (first.endsWith(QChar(0x00b7)))
        first = first.chopped(1).trimmed();
    return {first, rest};
}

} // namespace

// One policy of a lane: its name, its key settings, a stripe in its scope's colour. Focusable: the keyboard
// reorders (Alt+Up/Down), walks (arrows) and deletes (Delete) cards.
class FlowCardWidget : public QWidget {
public:
    FlowCardWidget(PolicyFlowView &view, policy::Section section, int index, const FlowCard &card)
        : m_view(view), m_section(section), m_index(index), m_card(card)
    {
        setObjectName(QStringLiteral("flowCard_%1_%2").arg(sectionKey(section)).arg(index));
        setFocusPolicy(Qt::StrongFocus);
        setAttribute(Qt::WA_Hover);
        setCursor(Qt::PointingHandCursor);
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        const QString name = QString::fromStdString(card.name);
        setAccessibleName(card.isBase ? trFlow("base: the broader scopes' policies") : trFlow("Policy %1").arg(name));
        setAccessibleDescription(card.summary);
        setToolTip(card.isBase
                       ? trFlow("<base />: %1").arg(card.summary)
                       : QStringLiteral("<b>%1</b><br>%2").arg(name.toHtmlEscaped(), card.summary.toHtmlEscaped()));
    }

    policy::Section section() const { return m_section; }
    int index() const { return m_index; }
    void setSelected(bool selected)
    {
        m_selected = selected;
        update();
    }

    QSize sizeHint() const override
    {
        const QFontMetrics title(titleFont());
        const QFontMetrics small(smallFont());
        const int lines = m_card.summary.isEmpty() ? 0 : 2;
        return {220, 2 * padding + title.height() + (lines ? 4 + lines * small.height() : 0)};
    }

protected:
    static constexpr int padding = 10;

    QFont titleFont() const
    {
        QFont font = this->font();
        font.setBold(true);
        return font;
    }
    QFont smallFont() const
    {
        QFont font = this->font();
        font.setPointSizeF(font.pointSizeF() * 0.9);
        return font;
    }

    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        const QPalette &colours = palette();
        const bool dark = isDark(colours);
        const QRectF box = QRectF(rect()).adjusted(1.5, 1.5, -1.5, -1.5);
        const QColor accent = scopeAccent(m_view.scope(), colours);
        const bool hovered = underMouse();
        QColor border = mixed(colours.color(QPalette::Base), colours.color(QPalette::Text), dark ? 0.28 : 0.2);
        if (m_selected || hasFocus())
            border = colours.color(QPalette::Highlight);
        else if (hovered)
            border = mixed(border, colours.color(QPalette::Highlight), 0.5);
        QPainterPath path;
        path.addRoundedRect(box, 7, 7);

        if (m_card.isBase) {
            // Not a policy of this document: an opening where the broader scopes' policies flow in.
            painter.fillPath(path, mixed(colours.color(QPalette::Window), colours.color(QPalette::Base), 0.4));
            QPen pen(m_selected || hasFocus() ? border : mixed(border, colours.color(QPalette::Text), 0.2), 1.4,
                     Qt::DashLine);
            painter.setPen(pen);
            painter.drawPath(path);
        } else {
            painter.fillPath(path, m_selected ? mixed(colours.color(QPalette::Base), accent, dark ? 0.16 : 0.08)
                                              : colours.color(QPalette::Base));
            painter.setPen(QPen(border, m_selected || hasFocus() ? 2 : 1));
            painter.drawPath(path);
            // The scope's stripe along the left edge.
            QPainterPath stripe;
            stripe.addRoundedRect(QRectF(box.left(), box.top(), 10, box.height()), 7, 7);
            QPainterPath clip;
            clip.addRect(QRectF(box.left(), box.top(), 5, box.height()));
            painter.fillPath(stripe.intersected(clip), accent);
        }

        const int left = padding + (m_card.isBase ? 2 : 8);
        const int width = this->width() - left - padding;
        int y = padding;
        painter.setFont(titleFont());
        const QFontMetrics title(titleFont());
        QString name = QString::fromStdString(m_card.name);
        if (m_card.isBase) {
            // Says what it is for beside its name: the broader scopes' policies run at this point.
            painter.setFont(smallFont());
            painter.setPen(mixed(colours.color(QPalette::Text), colours.color(QPalette::Base), 0.38));
            const QString marker = trFlow("broader scopes");
            if (QFontMetrics(smallFont()).horizontalAdvance(marker) + title.horizontalAdvance(QStringLiteral("base")) +
                    12 <=
                width)
                painter.drawText(QRect(left, y, width, title.height()), Qt::AlignRight | Qt::AlignVCenter, marker);
            painter.setFont(titleFont());
        }
        painter.setPen(colours.color(QPalette::Text));
        painter.drawText(QRect(left, y, width, title.height()), Qt::AlignLeft | Qt::AlignVCenter,
                         title.elidedText(name, Qt::ElideRight, width));
        if (!m_card.known) {
            const QString mark = trFlow("unknown");
            painter.setFont(smallFont());
            painter.setPen(QColor(0xd9, 0x7a, 0x1c));
            painter.drawText(QRect(left, y, width, title.height()), Qt::AlignRight | Qt::AlignVCenter, mark);
        }
        y += title.height() + 4;
        if (m_card.summary.isEmpty())
            return;
        painter.setFont(smallFont());
        const QFontMetrics small(smallFont());
        QColor muted = mixed(colours.color(QPalette::Text), colours.color(QPalette::Base), 0.38);
        painter.setPen(muted);
        // Two lines, broken at a space where possible; the rest elided (the tool tip has it all).
        const auto [first, rest] = breakLine(m_card.summary, small, width);
        painter.drawText(QRect(left, y, width, small.height()), Qt::AlignLeft | Qt::AlignVCenter, first);
        if (!rest.isEmpty())
            painter.drawText(QRect(left, y + small.height(), width, small.height()), Qt::AlignLeft | Qt::AlignVCenter,
                             small.elidedText(rest, Qt::ElideRight, width));
    }

    void mousePressEvent(QMouseEvent *event) override
    {
        if (event->button() == Qt::LeftButton) {
            m_pressed = event->position().toPoint();
            setFocus(Qt::MouseFocusReason);
            m_view.selectCard(m_section, m_index);
        }
        QWidget::mousePressEvent(event);
    }

    void mouseMoveEvent(QMouseEvent *event) override
    {
        if (!(event->buttons() & Qt::LeftButton) ||
            (event->position().toPoint() - m_pressed).manhattanLength() < QApplication::startDragDistance())
            return;
        auto *drag = new QDrag(this);
        auto *data = new QMimeData;
        data->setData(QString::fromLatin1(cardMime),
                      QStringLiteral("%1:%2").arg(sectionIndex(m_section)).arg(m_index).toUtf8());
        drag->setMimeData(data);
        const QPixmap picture = grab();
        drag->setPixmap(picture);
        drag->setHotSpot(m_pressed);
        drag->exec(Qt::MoveAction);
    }

    void keyPressEvent(QKeyEvent *event) override
    {
        const bool alt = event->modifiers() & Qt::AltModifier;
        switch (event->key()) {
        case Qt::Key_Up:
        case Qt::Key_Down: {
            const int step = event->key() == Qt::Key_Up ? -1 : 1;
            if (alt)
                m_view.moveCard(m_section, m_index, m_index + step);
            else
                m_view.focusCard(m_section, m_index + step);
            return;
        }
        case Qt::Key_Left:
        case Qt::Key_Right: {
            const int lane = sectionIndex(m_section) + (event->key() == Qt::Key_Left ? -1 : 1);
            if (lane >= 0 && lane < 4)
                m_view.focusCard(PolicyFlowModel::sections[static_cast<std::size_t>(lane)], m_index);
            return;
        }
        case Qt::Key_Delete:
        case Qt::Key_Backspace:
            m_view.deleteCard(m_section, m_index);
            return;
        case Qt::Key_Return:
        case Qt::Key_Enter:
        case Qt::Key_Space:
            m_view.selectCard(m_section, m_index);
            m_view.m_form->focusFirstField();
            return;
        default:
            QWidget::keyPressEvent(event);
        }
    }

    void focusInEvent(QFocusEvent *event) override
    {
        QWidget::focusInEvent(event);
        if (event->reason() != Qt::MouseFocusReason && !m_view.m_rebuilding)
            m_view.selectCard(m_section, m_index);
        update();
    }
    void focusOutEvent(QFocusEvent *event) override
    {
        QWidget::focusOutEvent(event);
        update();
    }

private:
    PolicyFlowView &m_view;
    policy::Section m_section;
    int m_index;
    FlowCard m_card;
    bool m_selected = false;
    QPoint m_pressed;
};

// A section: its title, its cards top to bottom, an add button; takes drops of its own cards.
class FlowLaneWidget : public QFrame {
public:
    FlowLaneWidget(PolicyFlowView &view, policy::Section section) : m_view(view), m_section(section)
    {
        setObjectName(QStringLiteral("flowLane_%1").arg(sectionKey(section)));
        setAccessibleName(trFlow("%1 section").arg(PolicyFlowModel::sectionTitle(section)));
        setAcceptDrops(true);
        setMinimumWidth(150);
        auto *layout = new QVBoxLayout(this);
        layout->setContentsMargins(10, 10, 10, 12);
        layout->setSpacing(8);
        auto *header = new QHBoxLayout;
        m_title = new QLabel(PolicyFlowModel::sectionTitle(section));
        QFont font = m_title->font();
        font.setBold(true);
        font.setPointSizeF(font.pointSizeF() * 1.1);
        m_title->setFont(font);
        header->addWidget(m_title);
        m_count = new QLabel;
        m_count->setForegroundRole(QPalette::PlaceholderText);
        header->addWidget(m_count);
        header->addStretch();
        m_add = new QToolButton;
        m_add->setObjectName(QStringLiteral("addTo_%1").arg(sectionKey(section)));
        m_add->setText(QStringLiteral("+"));
        QFont addFont = m_add->font();
        addFont.setBold(true);
        addFont.setPointSizeF(addFont.pointSizeF() * 1.2);
        m_add->setFont(addFont);
        m_add->setAutoRaise(true);
        m_add->setToolButtonStyle(Qt::ToolButtonTextOnly);
        m_add->setAccessibleName(trFlow("Add a policy to %1").arg(PolicyFlowModel::sectionTitle(section)));
        m_add->setToolTip(m_add->accessibleName());
        connect(m_add, &QToolButton::clicked, this, [this] { m_view.showPalette(m_section); });
        header->addWidget(m_add);
        layout->addLayout(header);
        m_cards = new QVBoxLayout;
        m_cards->setSpacing(8);
        layout->addLayout(m_cards);
        m_empty = new QLabel;
        m_empty->setObjectName(QStringLiteral("emptyLane_%1").arg(sectionKey(section)));
        m_empty->setWordWrap(true);
        m_empty->setAlignment(Qt::AlignCenter);
        m_empty->setForegroundRole(QPalette::PlaceholderText);
        layout->addWidget(m_empty);
        layout->addStretch();
    }

    void setCards(const FlowLane &lane)
    {
        for (FlowCardWidget *card : m_widgets) {
            // Later, not now: a card may be deleted from its own key press (Delete, Alt+Down).
            card->hide();
            m_cards->removeWidget(card);
            card->deleteLater();
        }
        m_widgets.clear();
        for (int i = 0; i < static_cast<int>(lane.cards.size()); ++i) {
            auto *card = new FlowCardWidget(m_view, m_section, i, lane.cards[static_cast<std::size_t>(i)]);
            m_cards->addWidget(card);
            card->show(); // now, so that it can take the keyboard at once
            m_widgets.push_back(card);
        }
        const int policies = static_cast<int>(
            std::count_if(lane.cards.begin(), lane.cards.end(), [](const FlowCard &card) { return !card.isBase; }));
        m_count->setText(policies ? QString::number(policies) : QString());
        m_empty->setVisible(lane.cards.empty());
        m_empty->setText(lane.present ? trFlow("No policies here.\nAdd one with +.")
                                      : trFlow("No %1 section: the broader scopes' policies do not run here.\n"
                                               "+ creates it.")
                                            .arg(sectionKey(m_section)));
    }

    FlowCardWidget *card(int index) const
    {
        return index >= 0 && index < static_cast<int>(m_widgets.size()) ? m_widgets[static_cast<std::size_t>(index)]
                                                                        : nullptr;
    }
    int count() const { return static_cast<int>(m_widgets.size()); }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        const QPalette &colours = palette();
        const QColor background =
            mixed(colours.color(QPalette::Window), colours.color(QPalette::Text), isDark(colours) ? 0.05 : 0.035);
        QPainterPath path;
        path.addRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 9, 9);
        painter.fillPath(path, background);
        if (m_dropIndex >= 0) {
            // Where the dragged card will land.
            int y = 0;
            if (m_dropIndex < count())
                y = card(m_dropIndex)->geometry().top() - 4;
            else if (count() > 0)
                y = card(count() - 1)->geometry().bottom() + 4;
            else
                y = m_title->geometry().bottom() + 12;
            painter.setPen(QPen(colours.color(QPalette::Highlight), 3, Qt::SolidLine, Qt::RoundCap));
            painter.drawLine(QPoint(14, y), QPoint(width() - 14, y));
        }
    }

    void dragEnterEvent(QDragEnterEvent *event) override
    {
        if (draggedFrom(event->mimeData()) >= 0) {
            event->acceptProposedAction();
            updateDrop(event->position().toPoint());
        }
    }
    void dragMoveEvent(QDragMoveEvent *event) override
    {
        if (draggedFrom(event->mimeData()) >= 0) {
            event->acceptProposedAction();
            updateDrop(event->position().toPoint());
        }
    }
    void dragLeaveEvent(QDragLeaveEvent *) override
    {
        m_dropIndex = -1;
        update();
    }
    void dropEvent(QDropEvent *event) override
    {
        const int from = draggedFrom(event->mimeData());
        const int before = insertionAt(event->position().toPoint());
        m_dropIndex = -1;
        update();
        if (from < 0)
            return;
        event->acceptProposedAction();
        const int to = before > from ? before - 1 : before;
        if (to != from)
            m_view.moveCard(m_section, from, to);
    }

private:
    // The card being dragged when it is one of this lane's; -1 otherwise (cards stay in their section).
    int draggedFrom(const QMimeData *data) const
    {
        if (!data->hasFormat(QString::fromLatin1(cardMime)))
            return -1;
        const QStringList parts = QString::fromUtf8(data->data(QString::fromLatin1(cardMime))).split(QLatin1Char(':'));
        if (parts.size() != 2 || parts[0].toInt() != sectionIndex(m_section))
            return -1;
        return parts[1].toInt();
    }
    int insertionAt(const QPoint &position) const
    {
        for (int i = 0; i < count(); ++i)
            if (position.y() < card(i)->geometry().center().y())
                return i;
        return count();
    }
    void updateDrop(const QPoint &position)
    {
        m_dropIndex = insertionAt(position);
        update();
    }

    PolicyFlowView &m_view;
    policy::Section m_section;
    QLabel *m_title = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_empty = nullptr;
    QToolButton *m_add = nullptr;
    QVBoxLayout *m_cards = nullptr;
    std::vector<FlowCardWidget *> m_widgets;
    int m_dropIndex = -1;
};

PolicyFlowView::PolicyFlowView(workspace::WorkspaceDocument &document, PolicyTarget target, QWidget *parent)
    : QWidget(parent), m_model(new PolicyFlowModel(document, std::move(target), this))
{
    setObjectName(QStringLiteral("policyFlowView"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    auto *top = new QWidget;
    auto *topLayout = new QHBoxLayout(top);
    topLayout->setContentsMargins(16, 12, 16, 8);
    m_title = new QLabel(tr("Policy flow of %1").arg(m_model->target().title()));
    m_title->setObjectName(QStringLiteral("policyFlowTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    topLayout->addWidget(m_title);
    topLayout->addStretch();
    auto *hint = new QLabel(tr("Drag a card or press Alt+↑/↓ to reorder · Delete removes · Enter edits"));
    hint->setObjectName(QStringLiteral("policyFlowHint"));
    hint->setForegroundRole(QPalette::PlaceholderText);
    topLayout->addWidget(hint);
    layout->addWidget(top);

    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->setObjectName(QStringLiteral("policyFlowSplitter"));
    splitter->setChildrenCollapsible(false);

    m_pages = new QStackedWidget;
    auto *scroll = new QScrollArea;
    scroll->setObjectName(QStringLiteral("policyFlowLanes"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setFocusPolicy(Qt::NoFocus);
    auto *lanes = new QWidget;
    auto *laneLayout = new QHBoxLayout(lanes);
    laneLayout->setContentsMargins(16, 4, 8, 16);
    laneLayout->setSpacing(12);
    for (std::size_t i = 0; i < m_lanes.size(); ++i) {
        m_lanes[i] = new FlowLaneWidget(*this, PolicyFlowModel::sections[i]);
        laneLayout->addWidget(m_lanes[i], 1);
    }
    scroll->setWidget(lanes);
    m_pages->addWidget(scroll);

    auto *messagePage = new QWidget;
    auto *messageLayout = new QVBoxLayout(messagePage);
    messageLayout->addStretch();
    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("policyFlowMessage"));
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignCenter);
    messageLayout->addWidget(m_message);
    m_createButton = new QPushButton(tr("&Create policy"));
    m_createButton->setObjectName(QStringLiteral("createPolicyButton"));
    m_createButton->setAccessibleName(tr("Create a policy document"));
    connect(m_createButton, &QPushButton::clicked, this, [this] {
        const bool global = m_model->target().scope == PolicyTarget::Scope::Global;
        const std::string base = global ? "" : "\t\t<base />\n";
        std::string text = "<policies>\n";
        for (const char *section : {"inbound", "backend", "outbound", "on-error"})
            text += std::string("\t<") + section + ">\n" +
                    (global && std::string(section) == "backend" ? "\t\t<forward-request />\n" : base) + "\t</" +
                    section + ">\n";
        text += "</policies>\n";
        workspace::setPolicyText(m_model->workspaceDocument(), m_model->target(), text, tr("Create policy"));
    });
    messageLayout->addWidget(m_createButton, 0, Qt::AlignHCenter);
    messageLayout->addStretch();
    m_pages->addWidget(messagePage);
    splitter->addWidget(m_pages);

    m_side = new QTabWidget;
    m_side->setObjectName(QStringLiteral("policyFlowSide"));
    m_side->setDocumentMode(true);
    m_form = new PolicyFlowForm(*m_model);
    auto *formScroll = new QScrollArea;
    formScroll->setWidgetResizable(true);
    formScroll->setFrameShape(QFrame::NoFrame);
    formScroll->setWidget(m_form);
    m_side->addTab(formScroll, tr("&Settings"));

    auto *palette = new QWidget;
    palette->setObjectName(QStringLiteral("policyPalette"));
    auto *paletteLayout = new QVBoxLayout(palette);
    paletteLayout->setContentsMargins(16, 16, 16, 16);
    auto *paletteForm = new QFormLayout;
    m_paletteSection = new QComboBox;
    m_paletteSection->setObjectName(QStringLiteral("paletteSection"));
    m_paletteSection->setAccessibleName(tr("Section to add to"));
    for (policy::Section section : PolicyFlowModel::sections)
        m_paletteSection->addItem(PolicyFlowModel::sectionTitle(section), sectionIndex(section));
    auto *sectionLabel = new QLabel(tr("Add &to:"));
    sectionLabel->setBuddy(m_paletteSection);
    paletteForm->addRow(sectionLabel, m_paletteSection);
    m_paletteFilter = new QLineEdit;
    m_paletteFilter->setObjectName(QStringLiteral("paletteFilter"));
    m_paletteFilter->setAccessibleName(tr("Filter policies"));
    m_paletteFilter->setPlaceholderText(tr("rate-limit, header, cache…"));
    m_paletteFilter->setClearButtonEnabled(true);
    auto *filterLabel = new QLabel(tr("&Find:"));
    filterLabel->setBuddy(m_paletteFilter);
    paletteForm->addRow(filterLabel, m_paletteFilter);
    paletteLayout->addLayout(paletteForm);
    m_paletteList = new QListWidget;
    m_paletteList->setObjectName(QStringLiteral("paletteList"));
    m_paletteList->setAccessibleName(tr("Policies"));
    m_paletteList->setAlternatingRowColors(true);
    m_paletteList->setUniformItemSizes(true);
    paletteLayout->addWidget(m_paletteList, 1);
    auto *paletteHelp = new QLabel;
    paletteHelp->setObjectName(QStringLiteral("paletteHelp"));
    paletteHelp->setWordWrap(true);
    paletteHelp->setForegroundRole(QPalette::PlaceholderText);
    paletteHelp->setMinimumHeight(paletteHelp->fontMetrics().height() * 3);
    paletteHelp->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    paletteLayout->addWidget(paletteHelp);
    m_paletteAdd = new QPushButton(tr("&Add policy"));
    m_paletteAdd->setObjectName(QStringLiteral("paletteAddButton"));
    m_paletteAdd->setAccessibleName(tr("Add the selected policy"));
    paletteLayout->addWidget(m_paletteAdd, 0, Qt::AlignRight);
    m_side->addTab(palette, tr("&Palette"));
    splitter->addWidget(m_side);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({760, 300});
    m_side->setMinimumWidth(300);
    layout->addWidget(splitter, 1);

    connect(m_paletteSection, &QComboBox::currentIndexChanged, this, &PolicyFlowView::fillPalette);
    connect(m_paletteFilter, &QLineEdit::textChanged, this, &PolicyFlowView::fillPalette);
    connect(m_paletteFilter, &QLineEdit::returnPressed, this, &PolicyFlowView::addFromPalette);
    connect(m_paletteList, &QListWidget::itemActivated, this, &PolicyFlowView::addFromPalette);
    connect(m_paletteAdd, &QPushButton::clicked, this, &PolicyFlowView::addFromPalette);
    connect(m_paletteList, &QListWidget::currentItemChanged, this, [this, paletteHelp](QListWidgetItem *item) {
        paletteHelp->setText(item ? item->toolTip() : QString());
        m_paletteAdd->setEnabled(item != nullptr);
    });
    connect(m_form, &PolicyFlowForm::deleteRequested, this, &PolicyFlowView::deleteCard);
    connect(m_form, &PolicyFlowForm::openSourceRequested, this,
            [this](int line, int column) { emit openSource(m_model->target(), line, column); });
    connect(m_model, &PolicyFlowModel::changed, this, &PolicyFlowView::rebuild);

    setTabOrder(m_paletteSection, m_paletteFilter);
    setTabOrder(m_paletteFilter, m_paletteList);
    setTabOrder(m_paletteList, m_paletteAdd);
    fillPalette();
    rebuild();
}

PolicyFlowView::~PolicyFlowView() = default;

policy::Scope PolicyFlowView::scope() const
{
    switch (m_model->target().scope) {
    case PolicyTarget::Scope::Global:
        return policy::Scope::Global;
    case PolicyTarget::Scope::Product:
        return policy::Scope::Product;
    case PolicyTarget::Scope::Api:
        return policy::Scope::Api;
    case PolicyTarget::Scope::Operation:
    case PolicyTarget::Scope::Fragment:
        return policy::Scope::Operation;
    }
    return policy::Scope::Global;
}

QWidget *PolicyFlowView::card(policy::Section section, int index) const
{
    return m_lanes[static_cast<std::size_t>(sectionIndex(section))]->card(index);
}

void PolicyFlowView::rebuild()
{
    // Keep the keyboard on the cards when a change came from them (a move, a delete).
    bool cardHadFocus = m_focusAfterRebuild;
    for (FlowLaneWidget *lane : m_lanes)
        cardHadFocus = cardHadFocus || lane->isAncestorOf(QApplication::focusWidget());
    m_focusAfterRebuild = false;
    m_rebuilding = true;
    const auto done = qScopeGuard([this] { m_rebuilding = false; });
    // The focused card is about to go: without this, Qt would hand the keyboard to a neighbour as it hides.
    if (cardHadFocus)
        if (QWidget *focused = QApplication::focusWidget())
            focused->clearFocus();

    if (!m_model->hasPolicy() || !m_model->isValid()) {
        m_pages->setCurrentIndex(1);
        m_side->setEnabled(false);
        if (!m_model->hasPolicy()) {
            m_message->setText(tr("%1 has no policy yet: the broader scopes' policies apply as they are.")
                                   .arg(m_model->target().title()));
            m_createButton->setVisible(
                workspace::policyOwnerExists(m_model->workspaceDocument().model(), m_model->target()));
        } else {
            QString problem = tr("The document is not a <policies> document.");
            for (const auto &diagnostic : m_model->problems())
                if (diagnostic.severity == gw::Severity::Error) {
                    problem =
                        tr("Line %1: %2").arg(diagnostic.location.line).arg(QString::fromStdString(diagnostic.message));
                    break;
                }
            m_message->setText(tr("The policy cannot be drawn until its text is fixed.\n%1").arg(problem));
            m_createButton->hide();
        }
        for (FlowLaneWidget *lane : m_lanes)
            lane->setCards({});
        m_form->showCard(m_selectedSection, -1);
        return;
    }
    m_pages->setCurrentIndex(0);
    m_side->setEnabled(true);
    for (std::size_t i = 0; i < m_lanes.size(); ++i)
        m_lanes[i]->setCards(m_model->lane(PolicyFlowModel::sections[i]));
    FlowLaneWidget *lane = m_lanes[static_cast<std::size_t>(sectionIndex(m_selectedSection))];
    if (m_selectedIndex >= lane->count())
        m_selectedIndex = lane->count() - 1;
    if (FlowCardWidget *selected = lane->card(m_selectedIndex)) {
        selected->setSelected(true);
        if (cardHadFocus)
            selected->setFocus(Qt::OtherFocusReason);
    }
    if (m_form->index() == m_selectedIndex && m_form->section() == m_selectedSection)
        m_form->refresh();
    else
        m_form->showCard(m_selectedSection, m_selectedIndex);
}

void PolicyFlowView::selectCard(policy::Section section, int index)
{
    if (auto *previous = static_cast<FlowCardWidget *>(card(m_selectedSection, m_selectedIndex)))
        previous->setSelected(false);
    m_selectedSection = section;
    m_selectedIndex = index;
    if (auto *current = static_cast<FlowCardWidget *>(card(section, index)))
        current->setSelected(true);
    if (m_form->section() != section || m_form->index() != index)
        m_form->showCard(section, index);
    // Hiding the palette with the keyboard in it would hand the keyboard to whatever comes next (another card).
    if (m_side->currentIndex() != 0 && m_side->currentWidget()->isAncestorOf(QApplication::focusWidget())) {
        if (QWidget *selected = card(section, index))
            selected->setFocus(Qt::OtherFocusReason);
        else
            QApplication::focusWidget()->clearFocus();
    }
    m_side->setCurrentIndex(0);
}

void PolicyFlowView::focusCard(policy::Section section, int index)
{
    FlowLaneWidget *lane = m_lanes[static_cast<std::size_t>(sectionIndex(section))];
    if (lane->count() == 0)
        return;
    QWidget *target = lane->card(std::clamp(index, 0, lane->count() - 1));
    target->setFocus(Qt::TabFocusReason);
}

bool PolicyFlowView::moveCard(policy::Section section, int from, int to)
{
    const FlowLane &lane = m_model->lane(section);
    if (from < 0 || to < 0 || from >= static_cast<int>(lane.cards.size()) || to >= static_cast<int>(lane.cards.size()))
        return false;
    m_selectedSection = section;
    m_selectedIndex = to;
    m_focusAfterRebuild = true;
    if (!m_model->move(section, from, to)) {
        m_focusAfterRebuild = false;
        return false;
    }
    return true;
}

void PolicyFlowView::deleteCard(policy::Section section, int index)
{
    if (!m_model->element(section, index))
        return;
    m_selectedSection = section;
    m_selectedIndex = std::max(0, index - 1);
    m_focusAfterRebuild = card(section, index) && card(section, index)->hasFocus();
    m_model->remove(section, index);
}

void PolicyFlowView::showPalette(policy::Section section)
{
    m_paletteSection->setCurrentIndex(m_paletteSection->findData(sectionIndex(section)));
    m_side->setCurrentIndex(1);
    m_paletteFilter->setFocus(Qt::OtherFocusReason);
    m_paletteFilter->selectAll();
}

void PolicyFlowView::fillPalette()
{
    const auto section = static_cast<policy::Section>(m_paletteSection->currentData().toInt());
    const QString filter = m_paletteFilter->text().trimmed();
    m_paletteList->clear();
    for (const auto &entry : PolicyFlowModel::palette(section)) {
        if (!filter.isEmpty() && !entry.name.contains(filter, Qt::CaseInsensitive) &&
            !entry.help.contains(filter, Qt::CaseInsensitive))
            continue;
        auto *item = new QListWidgetItem(entry.runsHere ? entry.name : tr("%1 (not run here)").arg(entry.name));
        item->setData(Qt::UserRole, entry.name);
        item->setToolTip(entry.help);
        if (!entry.runsHere)
            item->setForeground(palette().color(QPalette::PlaceholderText));
        m_paletteList->addItem(item);
    }
    // The policy named exactly as typed, else the first.
    const auto exact = m_paletteList->findItems(filter, Qt::MatchFixedString);
    if (!exact.isEmpty() && !filter.isEmpty())
        m_paletteList->setCurrentItem(exact.front());
    else if (m_paletteList->count() > 0)
        m_paletteList->setCurrentRow(0);
    m_paletteAdd->setEnabled(m_paletteList->count() > 0);
}

void PolicyFlowView::addFromPalette()
{
    QListWidgetItem *item = m_paletteList->currentItem();
    if (!item)
        return;
    const auto section = static_cast<policy::Section>(m_paletteSection->currentData().toInt());
    // After the selected card of that section, else at its end.
    int at = -1;
    if (section == m_selectedSection && m_selectedIndex >= 0)
        at = m_selectedIndex + 1;
    m_selectedSection = section;
    m_selectedIndex = at < 0 ? static_cast<int>(m_model->lane(section).cards.size()) : at;
    const int added = m_model->add(section, at, item->data(Qt::UserRole).toString().toStdString());
    if (added < 0)
        return;
    // The new policy's settings, ready for its required values.
    selectCard(section, added);
    m_form->focusFirstField();
}

void PolicyFlowView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_paletteList)
        fillPalette();
}

} // namespace gh::policies
