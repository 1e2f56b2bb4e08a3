#pragma once

#include <telemetry/analytics_store.h>

#include <QObject>
#include <QPointer>
#include <QString>
#include <QThread>

#include <functional>
#include <memory>

namespace gh::analytics {

// Reads an analytics history (gw::telemetry::AnalyticsStore, read-only) on a thread of its own, so a query over a
// million records never stalls the UI. query() runs `job` on that thread, in the order queries were made, and
// `done` with its result on the thread of `context` (when `context` still exists). The file is opened at the first
// query and again after a failure (the writer may create it later); until it opens, jobs are not run and
// `failed` gets the reason. Answers go through the reader itself (on the UI thread), which checks there that
// `context` still exists: a context deleted while its job runs never gets the answer.
class HistoryReader : public QObject {
    Q_OBJECT
public:
    explicit HistoryReader(QString file, QObject *parent = nullptr);
    ~HistoryReader() override;

    const QString &file() const { return m_file; }

    template<typename Result>
    void query(QObject *context, std::function<Result(gw::telemetry::AnalyticsStore &)> job,
               std::function<void(Result)> done, std::function<void(QString)> failed = {})
    {
        post([this, context = QPointer<QObject>(context), job = std::move(job), done = std::move(done),
              failed = std::move(failed)](gw::telemetry::AnalyticsStore *store, const QString &error) {
            if (!store) {
                if (failed)
                    deliver(context, [failed, error] { failed(error); });
                return;
            }
            auto result = std::make_shared<Result>(job(*store));
            deliver(context, [done, result] { done(std::move(*result)); });
        });
    }

private:
    using Job = std::function<void(gw::telemetry::AnalyticsStore *, const QString &)>;
    void post(Job job);
    // Called on the reader's thread: queues `call` to the UI thread, where it runs if `context` still exists.
    void deliver(QPointer<QObject> context, std::function<void()> call);

    QString m_file;
    QThread m_thread;
    QObject *m_worker; // lives on m_thread; owns the store
};

} // namespace gh::analytics
