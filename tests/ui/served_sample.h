#pragma once

// What the GUI tests that talk to a running gateway share.

#include <temp_folder.h>
#include <ui/engine/embedded_gateway.h>
#include <ui/workspace/workspace_document.h>

#include <QWidget>

namespace gh::test {

// A copy of the sample workspace, opened and served by an embedded gateway (the sample's APIs answer from
// mock-response policies, so no backend is needed). With `history`, the gateway writes its analytics history to
// `history` beside the copy.
struct ServeOptions {
    bool start = true;
    bool history = false;
};

struct ServedSample {
    gw::test::TempFolder temp;
    gh::workspace::WorkspaceDocument document;
    gh::engine::EmbeddedGateway gateway;
    QString history;

    explicit ServedSample(ServeOptions options = {})
    {
        temp.copySample("ws");
        document.open(QString::fromStdString((temp.path() / "ws").string()));
        gateway.setDrainInterval(20);
        if (options.history) {
            history = QString::fromStdString((temp.path() / "state" / "analytics.sqlite").string());
            gateway.setAnalyticsFile(history);
        }
        if (options.start)
            gateway.start(document.root());
    }
};

// The child of `parent` named `name`, with a warning naming it when there is none.
template<class T>
T *child(QWidget &parent, const char *name)
{
    T *found = parent.findChild<T *>(QString::fromLatin1(name));
    if (!found)
        qWarning("no %s", name);
    return found;
}

} // namespace gh::test
