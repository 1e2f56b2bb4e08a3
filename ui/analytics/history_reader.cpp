#include "history_reader.h"

#include <QMetaObject>

namespace gh::analytics {

namespace {

class Worker : public QObject {
public:
    explicit Worker(QString file) : m_file(std::move(file)) {}

    void run(const std::function<void(gw::telemetry::AnalyticsStore *, const QString &)> &job)
    {
        if (!m_store) {
            auto opened = gw::telemetry::AnalyticsStore::open(m_file.toStdString(),
                                                              gw::telemetry::AnalyticsStore::Mode::ReadOnly);
            if (!opened) {
                job(nullptr, QString::fromStdString(opened.error().message));
                return;
            }
            m_store = std::move(opened.value());
        }
        job(m_store.get(), {});
    }

private:
    QString m_file;
    std::unique_ptr<gw::telemetry::AnalyticsStore> m_store;
};

} // namespace

HistoryReader::HistoryReader(QString file, QObject *parent)
    : QObject(parent), m_file(std::move(file)), m_worker(new Worker(m_file))
{
    m_thread.setObjectName(QStringLiteral("analytics-history"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

HistoryReader::~HistoryReader()
{
    m_thread.quit();
    m_thread.wait();
}

void HistoryReader::post(Job job)
{
    auto *worker = static_cast<Worker *>(m_worker);
    QMetaObject::invokeMethod(
        worker, [worker, job = std::move(job)] { worker->run(job); }, Qt::QueuedConnection);
}

void HistoryReader::deliver(QPointer<QObject> context, std::function<void()> call)
{
    // Posted to the reader, which lives on the UI thread and outlives its thread (the destructor joins it), so the
    // QPointer is only read on the thread that deletes contexts.
    QMetaObject::invokeMethod(
        this,
        [context = std::move(context), call = std::move(call)] {
            if (context)
                call();
        },
        Qt::QueuedConnection);
}

} // namespace gh::analytics
