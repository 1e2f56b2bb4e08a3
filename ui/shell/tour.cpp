#include "tour.h"

#include "main_window.h"
#include "theme.h"

#include <ui/workspace/workspace_tree_model.h>

#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QPixmap>
#include <QTabWidget>
#include <QTreeView>

namespace gh::shell {

namespace {

void settle()
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 200)
        QApplication::processEvents(QEventLoop::AllEvents, 50);
}

bool save(QWidget &widget, const QDir &dir, const QString &name)
{
    settle();
    return widget.grab().save(dir.filePath(name + QStringLiteral(".png")));
}

} // namespace

int runTour(MainWindow &window, Theme &theme, const QString &folder)
{
    QDir dir(folder);
    if (!dir.mkpath(QStringLiteral(".")))
        return -1;
    const Theme::Mode original = theme.mode();
    window.resize(1280, 800);
    window.show();

    int written = 0;
    auto shoot = [&](const QString &name) {
        if (save(window, dir, name))
            ++written;
    };

    for (Theme::Mode mode : {Theme::Mode::Light, Theme::Mode::Dark}) {
        theme.setMode(mode);
        const QString suffix = mode == Theme::Mode::Dark ? QStringLiteral("-dark") : QString();
        shoot(QStringLiteral("01-main-window") + suffix);

        // An item opened from the navigator, and the log dock raised.
        if (auto *navigator = window.findChild<QTreeView *>(QStringLiteral("navigator"))) {
            // The first API, under its version set: the deepest thing the navigator holds.
            QAbstractItemModel *model = navigator->model();
            QModelIndex item = model->index(model->rowCount() > 1 ? 1 : 0, 0);
            using Tree = workspace::WorkspaceTreeModel;
            while (model->rowCount(item) > 0 && item.data(Tree::KindRole).value<Tree::Kind>() != Tree::Kind::Api) {
                navigator->expand(item);
                item = model->index(0, 0, item);
            }
            if (item.isValid()) {
                navigator->expand(item);
                navigator->setCurrentIndex(item);
                emit navigator->activated(item);
            }
        }
        if (auto *logDock = window.findChild<QDockWidget *>(QStringLiteral("logDock")))
            logDock->raise();
        shoot(QStringLiteral("02-item-and-log") + suffix);
        if (auto *problemsDock = window.findChild<QDockWidget *>(QStringLiteral("problemsDock")))
            problemsDock->raise();
        if (auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("editorTabs")))
            tabs->setCurrentIndex(0);
    }
    theme.setMode(original);
    return written;
}

} // namespace gh::shell
